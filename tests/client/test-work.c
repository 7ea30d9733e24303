/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-work.c: My work in a real window against a real server, in the
 * language of $LANGUAGE (kk, ru), with screenshots. The page opens first
 * and shows what the server counts for the person (checked against the
 * route itself), the sidebar's badge adds the groups up, a row opens its
 * appeal's card, the deadlines are notified once a day and not at all
 * when the preference is off, and signing out leaves nothing behind.
 * An analyst over a generated region has more answers awaiting expertise
 * than the server counts: the group and the badge say "more than".
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "appeals-test-server.h"
#include "appeals-test-ui.h"
#include "appeals-work-notifier.h"
#include "appeals-work-page.h"

/* answers awaiting expertise: more than the server's cap of 1,000 */
#define REGION_APPEALS 3000
#define COUNT_CAP 1000

static AppealsTestServer *server;
static AppealsTestServer *region_server;

static gboolean
work_loaded (AppealsWorkPage *page)
{
  return appeals_work_page_get_work (page) != NULL;
}

static gboolean
card_shown (AppealsApplication *app)
{
  return appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW) != NULL;
}

static gboolean
work_cleared (AppealsWorkPage *page)
{
  return appeals_work_page_get_work (page) == NULL;
}

/* The group of the answer named @name, or NULL. */
static JsonObject *
answer_group (JsonObject *answer,
              const char *name)
{
  JsonArray *groups = json_object_get_array_member (answer, "groups");

  for (guint i = 0; i < json_array_get_length (groups); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (groups, i), "group"), name))
      return json_array_get_object_element (groups, i);
  return NULL;
}

/* The page shows what GET /my-work on @on answers the same person. */
static void
check_against_route (AppealsTestServer *on,
                     const char        *login,
                     const AppealsWork *work,
                     gint64            *n_due)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (on, login, "demo");
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = g_strdup_printf ("/api/v1/my-work?soon_days=%d&count_limit=%d",
                                           g_settings_get_int (settings, "due-soon-working-days"), COUNT_CAP);
  g_autoptr(AppealsTestResponse) response = appeals_test_request (on, session, "GET", path, token, NULL, NULL);
  JsonObject *answer = appeals_test_response_object (response);

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (work->groups->len, ==, json_array_get_length (json_object_get_array_member (answer, "groups")));
  *n_due = 0;
  for (guint i = 0; i < work->groups->len; i++)
    {
      AppealsWorkGroup *group = g_ptr_array_index (work->groups, i);
      JsonObject *expected = answer_group (answer, group->name);
      JsonArray *items = json_object_get_array_member (expected, "items");

      g_assert_nonnull (expected);
      g_assert_cmpint (group->count, ==, json_object_get_int_member (expected, "count"));
      g_assert_cmpint (group->count_more, ==, json_object_get_boolean_member (expected, "count_more"));
      g_assert_cmpuint (group->items->len, ==, json_array_get_length (items));
      for (guint j = 0; j < group->items->len; j++)
        {
          AppealsWorkItem *item = g_ptr_array_index (group->items, j);

          g_assert_cmpint (item->id, ==, json_object_get_int_member (json_array_get_object_element (items, j), "id"));
        }
      *n_due += group->count;
    }
}

static GtkLabel *
find_badge (GtkWidget *sidebar)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), 0);
  GtkWidget *box = gtk_list_box_row_get_child (row);

  return GTK_LABEL (gtk_widget_get_last_child (box));
}

/* Signs @login in and waits for My work; returns its page. */
static AppealsWorkPage *
open_work (AppealsApplication  *app,
           const char          *login,
           AppealsWindow      **window)
{
  AppealsWorkPage *page;

  appeals_test_ui_sign_in (app, login, "demo");
  *window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  page = APPEALS_WORK_PAGE (appeals_window_get_work_page (*window));
  APPEALS_TEST_WAIT (work_loaded, page);
  gtk_window_set_default_size (GTK_WINDOW (*window), 1366, 768);
  return page;
}

/* The group @name of @work and its @index there, or NULL. */
static AppealsWorkGroup *
find_work_group (const AppealsWork *work,
                 const char        *name,
                 guint             *index)
{
  for (guint i = 0; i < work->groups->len; i++)
    if (g_str_equal (((AppealsWorkGroup *) g_ptr_array_index (work->groups, i))->name, name))
      {
        *index = i;
        return g_ptr_array_index (work->groups, i);
      }
  return NULL;
}

/* The notifications: once a day an item, none when turned off. */
static void
check_notifications (const AppealsWork *work)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *state_path = appeals_work_notifier_get_state_path ();
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autofree char *today = appeals_date_format_iso (&work->today);
  g_autofree char *day = NULL;
  g_auto(GStrv) keys = NULL;
  guint n_due = 0;

  /* the page notified on loading: the state names every item due */
  g_assert_true (g_key_file_load_from_file (state, state_path, G_KEY_FILE_NONE, NULL));
  day = g_key_file_get_string (state, "notified", "date", NULL);
  g_assert_cmpstr (day, ==, today);
  keys = g_key_file_get_string_list (state, "notified", "items", NULL, NULL);
  for (guint g = 0; g < work->groups->len; g++)
    {
      AppealsWorkGroup *group = g_ptr_array_index (work->groups, g);

      for (guint i = 0; i < group->items->len; i++)
        {
          AppealsWorkItem *item = g_ptr_array_index (group->items, i);
          g_autofree char *key = appeals_work_item_key (item);

          if (item->due == APPEALS_WORK_DUE_OVERDUE || item->due == APPEALS_WORK_DUE_TODAY)
            {
              g_assert_true (g_strv_contains ((const char * const *) keys, key));
              n_due++;
            }
          else
            g_assert_false (g_strv_contains ((const char * const *) keys, key));
        }
    }
  g_assert_cmpuint (n_due, >, 0);

  /* a reload the same day repeats nothing */
  g_assert_cmpuint (appeals_work_notifier_notify (settings, work, NULL), ==, 0);

  /* turned off: nothing, even for items never notified */
  g_assert_cmpint (g_unlink (state_path), ==, 0);
  g_settings_set_boolean (settings, "notify-deadlines", FALSE);
  g_assert_cmpuint (appeals_work_notifier_notify (settings, work, NULL), ==, 0);
  g_assert_false (g_file_test (state_path, G_FILE_TEST_EXISTS));

  /* on again: many new items make one notification that counts them */
  g_settings_set_boolean (settings, "notify-deadlines", TRUE);
  g_assert_cmpuint (appeals_work_notifier_notify (settings, work, NULL), ==,
                    n_due > APPEALS_WORK_NOTIFIER_MAX_SINGLE ? 1 : n_due);
  g_assert_cmpuint (appeals_work_notifier_notify (settings, work, NULL), ==, 0);
}

static void
script (AppealsApplication *app,
        gpointer            user_data)
{
  AppealsWindow *window;
  AppealsWorkPage *page;
  const AppealsWork *work;
  AppealsWorkGroup *mine;
  AppealsCardWindow *card;
  GtkWidget *stack;
  GtkLabel *badge;
  g_autofree char *badge_text = NULL;
  gint64 n_due = 0;
  guint index = 0;

  page = open_work (app, "registrar", &window);

  /* My work is the first section, shown at the start */
  stack = appeals_test_ui_find_by_name (GTK_WIDGET (window), "pages");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "work");

  work = appeals_work_page_get_work (page);
  check_against_route (server, "registrar", work, &n_due);
  g_assert_cmpint (appeals_work_page_get_n_due (page, NULL), ==, n_due);
  badge = find_badge (appeals_test_ui_find_by_name (GTK_WIDGET (window), "sidebar"));
  badge_text = g_strdup_printf ("%" G_GINT64_FORMAT, n_due);
  g_assert_cmpstr (gtk_label_get_text (badge), ==, badge_text);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (badge)));
  appeals_test_ui_settle (300);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "my-work");

  check_notifications (work);

  /* a row opens its appeal's card */
  mine = find_work_group (work, "my_appeals", &index);
  g_assert_nonnull (mine);
  g_assert_cmpuint (mine->items->len, >, 0);
  g_assert_true (appeals_work_page_activate_item (page, index, 0));
  APPEALS_TEST_WAIT (card_shown, app);
  card = appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW);
  g_assert_cmpint (appeals_card_window_get_appeal_id (card),
                   ==, ((AppealsWorkItem *) g_ptr_array_index (mine->items, 0))->id);
  gtk_window_destroy (GTK_WINDOW (card));

  /* signing out leaves nothing of the person */
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  APPEALS_TEST_WAIT (work_cleared, page);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (badge)));
}

static void
test_my_work (void)
{
  g_assert_cmpint (appeals_test_ui_run (script, NULL), ==, 0);
}

/* An analyst's answers awaiting expertise over a region: "more than
 * 1000" in the group, its badge and the sidebar's. */
static void
script_beyond_count (AppealsApplication *app,
                     gpointer            user_data)
{
  AppealsWindow *window;
  AppealsWorkPage *page;
  const AppealsWork *work;
  AppealsWorkGroup *awaiting;
  AdwPreferencesGroup *shown;
  g_autofree char *shown_text = NULL;
  g_autofree char *badge_text = NULL;
  gboolean more = FALSE;
  gint64 n_due = 0;
  guint index = 0;

  page = open_work (app, "analyst", &window);
  work = appeals_work_page_get_work (page);
  check_against_route (region_server, "analyst", work, &n_due);
  awaiting = find_work_group (work, "awaiting_expertise", &index);
  g_assert_nonnull (awaiting);
  g_assert_cmpint (awaiting->count, ==, COUNT_CAP);
  g_assert_true (awaiting->count_more);

  /* the group: "… of more than 1000 are shown", its badge "1000+" */
  shown = ADW_PREFERENCES_GROUP (appeals_test_ui_find_by_type (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP));
  g_assert_nonnull (shown);
  shown_text = g_strdup_printf (_("%s. The %u most urgent of more than %s are shown."), "", awaiting->items->len,
                                "1000");
  g_assert_true (g_str_has_suffix (adw_preferences_group_get_description (shown), shown_text));
  g_assert_true (appeals_test_ui_label_shown (GTK_WIDGET (shown), "1000+"));

  /* the sidebar's badge adds up to at least that, and says so */
  g_assert_cmpint (appeals_work_page_get_n_due (page, &more), ==, n_due);
  g_assert_true (more);
  badge_text = g_strdup_printf ("%" G_GINT64_FORMAT "+", n_due);
  g_assert_cmpstr (gtk_label_get_text (find_badge (appeals_test_ui_find_by_name (GTK_WIDGET (window), "sidebar"))),
                   ==, badge_text);
  appeals_test_ui_settle (300);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "my-work-analyst-region");
}

static void
test_beyond_count (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *database = appeals_test_server_new_database ("sqlite");
  g_autofree char *folder = g_path_get_dirname (database);
  const char *args[] = { "--demo", NULL };   /* the people's passwords "demo" */

  appeals_test_generate (database, REGION_APPEALS, 7);
  region_server = appeals_test_server_start_on ("sqlite", database, args);
  g_settings_set_string (settings, "server-url", appeals_test_server_get_url (region_server));
  g_assert_cmpint (appeals_test_ui_run (script_beyond_count, NULL), ==, 0);
  g_settings_set_string (settings, "server-url", appeals_test_server_get_url (server));
  appeals_test_server_free (region_server);
  appeals_test_remove_tree (folder);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", NULL };
  int status;

  appeals_test_ui_init (&argc, &argv);
  server = appeals_test_server_start ("sqlite", args);
  g_settings_set_string (g_settings_new (APPLICATION_ID), "server-url", appeals_test_server_get_url (server));

  g_test_add_func ("/work/my-work", test_my_work);
  g_test_add_func ("/work/beyond-count", test_beyond_count);

  status = g_test_run ();
  appeals_test_server_free (server);
  return status;
}
