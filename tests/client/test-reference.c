/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-reference.c: the rules are the server's. A running client (which
 * has no data folder of its own) shows a new card's due date; an
 * administrator adds a holiday to the server's calendar and sends SIGHUP;
 * the client's refresh brings the new calendar (an unchanged one costs a
 * 304 and changes nothing) and the due date it shows moves.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "appeals-test-server.h"
#include "appeals-test-ui.h"

static AppealsTestServer *server;
static char *calendar_path;

static AppealsReferenceService *
get_reference (AppealsApplication *app)
{
  return appeals_context_get_reference_service (appeals_application_get_context (app));
}

static gboolean
signed_in_with_rules (AppealsApplication *app)
{
  return appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) == NULL &&
         appeals_api_client_get_user (appeals_application_get_client (app)) != NULL &&
         appeals_reference_service_has_rules (get_reference (app));
}

static gboolean
card_idle (AppealsCardWindow *card)
{
  return !appeals_card_window_is_busy (card);
}

/* The due date at the start of the due row's subtitle ("15.12.2026 — …"). */
static gboolean
shown_due_date (AppealsCardWindow *card,
                GDate             *date)
{
  GtkWidget *row = appeals_test_ui_find_by_name (GTK_WIDGET (card), "due");
  const char *text = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  guint day, month, year;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%2u.%2u.%4u", &day, &month, &year) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
due_date_shown (AppealsCardWindow *card)
{
  GDate date;

  return shown_due_date (card, &date);
}

typedef struct
{
  AppealsCardWindow *card;
  GDate              before;
} DueMove;

static gboolean
due_date_moved (DueMove *move)
{
  GDate date;

  return shown_due_date (move->card, &date) && g_date_compare (&date, &move->before) != 0;
}

/* Picks @wire in the card's "kind" drop-down, as the user would. */
static void
choose_kind (AppealsCardWindow *card,
             const char        *wire)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (appeals_test_ui_find_by_name (GTK_WIDGET (card), "kind"));
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      gtk_drop_down_set_selected (dropdown, i);
      if (g_strcmp0 (appeals_card_form_get_choice (appeals_card_window_get_form (card), "kind"), wire) == 0)
        return;
    }
  g_error ("no kind “%s” to choose", wire);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  guint    changed;
} Refresh;

static void
on_refreshed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Refresh *refresh = user_data;
  g_autoptr(GError) error = NULL;

  refresh->ok = appeals_reference_service_refresh_finish (APPEALS_REFERENCE_SERVICE (source), result, &error);
  g_assert_no_error (error);
  refresh->done = TRUE;
}

static gboolean
refresh_done (Refresh *refresh)
{
  return refresh->done;
}

static void
on_changed (AppealsReferenceService *reference,
            Refresh                 *refresh)
{
  refresh->changed++;
}

/* One refresh, as the timer or the restored connection runs it. */
static void
refresh_once (AppealsApplication *app,
              Refresh            *refresh)
{
  refresh->done = FALSE;
  appeals_reference_service_refresh_async (get_reference (app), NULL, on_refreshed, refresh);
  APPEALS_TEST_WAIT (refresh_done, refresh);
  g_assert_true (refresh->ok);
}

/* Adds a day off on @date to the server's calendar file. */
static void
add_holiday (const GDate *date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *holiday = NULL;
  g_autoptr(GString) text = NULL;

  g_file_get_contents (calendar_path, &original, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (original);
  holiday = g_strdup_printf ("\"holidays\": [\n    { \"id\": \"test_day\", \"month\": %u, \"day\": %u, "
                             "\"moves\": false, \"from_year\": %u, \"until_year\": %u },",
                             g_date_get_month (date), g_date_get_day (date),
                             g_date_get_year (date), g_date_get_year (date));
  g_assert_cmpuint (g_string_replace (text, "\"holidays\": [", holiday, 1), ==, 1);
  g_file_set_contents (calendar_path, text->str, -1, &error);
  g_assert_no_error (error);
}

static void
due_date_script (AppealsApplication *app,
                 gpointer            user_data)
{
  AppealsReferenceService *reference;
  AppealsWindow *window;
  AppealsCardWindow *card;
  Refresh refresh = { 0, };
  DueMove move = { 0, };
  GDate today, holiday, independence_day, after;
  gint64 started;

  APPEALS_TEST_WAIT (appeals_test_ui_sign_in_dialog_open, app);
  {
    GtkWidget *dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG);

    appeals_test_ui_type (dialog, "login", "registrar");
    appeals_test_ui_type (dialog, "password", "demo");
    appeals_test_ui_click (dialog, "sign-in");
  }
  APPEALS_TEST_WAIT (signed_in_with_rules, app);
  reference = get_reference (app);
  g_signal_connect (reference, "changed", G_CALLBACK (on_changed), &refresh);

  /* the calendar is the server's: the client has no data folder */
  g_date_clear (&independence_day, 1);
  g_date_set_dmy (&independence_day, 16, G_DATE_DECEMBER, 2026);
  g_assert_cmpint (appeals_calendar_get_day_kind (appeals_reference_service_get_calendar (reference),
                                                  &independence_day), ==, APPEALS_DAY_HOLIDAY);
  g_assert_cmpuint (appeals_workflow_get_n_steps (appeals_reference_service_get_workflow (reference)), ==, 13);

  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-card", NULL);
  card = appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW);
  g_assert_nonnull (card);
  APPEALS_TEST_WAIT (card_idle, card);
  choose_kind (card, "application");
  if (!appeals_test_ui_wait ((AppealsTestCondition) due_date_shown, card, 30))
    g_error ("no due date shown: “%s”",
             adw_action_row_get_subtitle (ADW_ACTION_ROW (appeals_test_ui_find_by_name (GTK_WIDGET (card), "due"))));
  move.card = card;
  g_assert_true (shown_due_date (card, &move.before));

  /* nothing changed on the server: 304s, and no "changed" */
  refresh_once (app, &refresh);
  g_assert_cmpuint (refresh.changed, ==, 0);

  /* the first working day after today becomes a holiday: the term of a
   * card registered today ends one working day later */
  appeals_date_get_today (&today);
  holiday = today;
  do
    g_date_add_days (&holiday, 1);
  while (!appeals_calendar_is_working_day (appeals_reference_service_get_calendar (reference), &holiday));
  g_assert_cmpint (g_date_compare (&holiday, &move.before), <, 0);
  add_holiday (&holiday);
  appeals_test_server_signal (server, SIGHUP);

  /* the server reloads when it gets to the signal: refresh until it has */
  started = g_get_monotonic_time ();
  while (refresh.changed == 0)
    {
      g_assert_cmpint (g_get_monotonic_time () - started, <, 20 * G_USEC_PER_SEC);
      appeals_test_ui_settle (100);
      refresh_once (app, &refresh);
    }
  g_assert_cmpuint (refresh.changed, ==, 1);
  g_assert_cmpint (appeals_calendar_get_day_kind (appeals_reference_service_get_calendar (reference), &holiday),
                   ==, APPEALS_DAY_HOLIDAY);
  g_assert_cmpstr (appeals_calendar_get_holiday_id (appeals_reference_service_get_calendar (reference), &holiday),
                   ==, "test_day");

  /* the open card drew its due date again: one working day later */
  APPEALS_TEST_WAIT (due_date_moved, &move);
  g_assert_true (shown_due_date (card, &after));
  appeals_calendar_next_working_day (appeals_reference_service_get_calendar (reference), &move.before, &move.before);
  if (g_date_compare (&after, &move.before) != 0)
    {
      g_date_add_days (&move.before, 1);
      appeals_calendar_next_working_day (appeals_reference_service_get_calendar (reference), &move.before,
                                         &move.before);
    }
  g_assert_cmpint (g_date_compare (&after, &move.before), ==, 0);

  gtk_window_destroy (GTK_WINDOW (card));
}

static void
test_due_date_follows_server_calendar (void)
{
  g_assert_cmpint (appeals_test_ui_run (due_date_script, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "10", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  g_autofree char *source = g_strdup (g_getenv ("APPEALS_DATA_DIR"));
  const char *copy_argv[] = { "cp", "-r", source, NULL, NULL };
  int status;

  appeals_test_ui_init (&argc, &argv);

  /* the server gets a data folder of its own, which the test changes */
  dir = g_dir_make_tmp ("appeals-reference-XXXXXX", &error);
  g_assert_no_error (error);
  data = g_build_filename (dir, "data", NULL);
  copy_argv[3] = data;
  g_assert_true (g_spawn_sync (NULL, (char **) copy_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  calendar_path = g_build_filename (data, "calendar", "kz.json", NULL);
  g_setenv ("APPEALS_DATA_DIR", data, TRUE);
  server = appeals_test_server_start ("sqlite", args);

  /* and the client none: every rule it uses must come from the server */
  g_setenv ("APPEALS_DATA_DIR", "/nonexistent/appeals-data", TRUE);
  g_settings_set_string (g_settings_new (APPLICATION_ID), "server-url", appeals_test_server_get_url (server));

  g_test_add_func ("/reference/due-date-follows-server-calendar", test_due_date_follows_server_calendar);

  status = g_test_run ();
  appeals_test_server_free (server);
  {
    const char *remove_argv[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) remove_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  g_free (calendar_path);
  return status;
}
