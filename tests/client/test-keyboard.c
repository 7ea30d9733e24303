/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-keyboard.c: a registrar's appeal registered with the keyboard
 * alone. Every step is a key press through the X server (appeals-test-
 * keys.c): Ctrl+N opens a card with focus in the IIN field, a known IIN
 * fills the applicant's base card, Tab walks to each field, Space opens a
 * drop-down and the arrows and Enter choose, Ctrl+S saves. The test reads
 * the window only to know where the focus is, as the person would look at
 * the screen; what is saved is checked on the server.
 */
#include "config.h"

#include "appeals-card-window.h"
#include "appeals-test-keys.h"
#include "appeals-test-server.h"
#include "appeals-test-ui.h"

static AppealsTestServer *server;

#define MAX_TABS 60

static gboolean
card_shown (AppealsApplication *app)
{
  return appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW) != NULL;
}

static gboolean
focus_in (AppealsCardWindow *card,
          const char        *field)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (card));
  GtkWidget *widget = appeals_card_form_get_widget (appeals_card_window_get_form (card), field);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Tab until the focus is in @field, as a person moves through a form. */
static void
tab_to (AppealsCardWindow *card,
        const char        *field)
{
  for (guint i = 0; !focus_in (card, field); i++)
    {
      GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (card));

      if (i == MAX_TABS)
        g_error ("Tab never reached “%s”; the focus is on a %s", field,
                 focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
      appeals_test_keys_press ("Tab");
    }
}

static gboolean
choice_is (gpointer user_data)
{
  gpointer *args = user_data;

  return g_strcmp0 (appeals_card_form_get_choice (appeals_card_window_get_form (args[0]), args[1]), args[2]) == 0;
}

static gboolean
popover_closed (AppealsCardWindow *card)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (card));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) == NULL;
}

/* A drop-down by keys: Space opens it, @search narrows a long list, Down
 * and Enter take the item. */
static void
choose (AppealsCardWindow *card,
        const char        *field,
        const char        *search,
        guint              downs,
        const char        *expected)
{
  gpointer args[] = { card, (gpointer) field, (gpointer) expected };

  tab_to (card, field);
  appeals_test_keys_press ("space");
  appeals_test_ui_settle (200);
  if (search != NULL)
    appeals_test_keys_type (search);
  for (guint i = 0; i < downs; i++)
    appeals_test_keys_press ("Down");
  appeals_test_keys_press ("Return");
  APPEALS_TEST_WAIT (popover_closed, card);
  g_test_message ("%s: %s", field, appeals_card_form_get_choice (appeals_card_window_get_form (card), field));
  if (expected == NULL ? appeals_card_form_get_choice (appeals_card_window_get_form (card), field) == NULL
                       : !choice_is (args))
    g_error ("“%s” is “%s” after the keys, not “%s”", field,
             appeals_card_form_get_choice (appeals_card_window_get_form (card), field), expected);
}

static gboolean
applicant_found (AppealsCardWindow *card)
{
  const char *surname = appeals_card_form_get_text (appeals_card_window_get_form (card), "surname");

  return surname != NULL && *surname != '\0';
}

static gboolean
card_saved (AppealsCardWindow *card)
{
  return appeals_card_window_get_appeal_id (card) > 0 && appeals_test_ui_card_idle (card);
}

typedef struct
{
  const char *iin;
  gint64      saved_id;
} Registration;

static void
registration_script (AppealsApplication *app,
                     gpointer            user_data)
{
  Registration *registration = user_data;
  GtkWindow *window;
  AppealsCardWindow *card;

  appeals_test_ui_sign_in (app, "registrar", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  appeals_test_keys_focus (window);

  appeals_test_keys_press ("<Control>n");
  APPEALS_TEST_WAIT (card_shown, app);
  card = appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW);
  APPEALS_TEST_WAIT (appeals_test_ui_card_idle, card);
  appeals_test_keys_focus (GTK_WINDOW (card));
  g_assert_true (focus_in (card, "iin"));

  appeals_test_keys_type (registration->iin);
  APPEALS_TEST_WAIT (applicant_found, card);

  choose (card, "channel", NULL, 1, "by_hand");
  choose (card, "form", NULL, 1, "electronic");
  choose (card, "kind", NULL, 1, "application");
  choose (card, "addressee_body", NULL, 1, "regional-akimat");
  choose (card, "question_character", NULL, 2, "utilities");
  choose (card, "category", NULL, 2, "typical");

  tab_to (card, "annotation");
  appeals_test_keys_type ("Road repair, Baitursynov street 12");
  appeals_test_keys_press ("<Control>s");
  APPEALS_TEST_WAIT (card_saved, card);
  registration->saved_id = appeals_card_window_get_appeal_id (card);
  appeals_test_ui_screenshot (GTK_WIDGET (card), "keyboard-registration");
}

static void
test_registration (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "registrar", "demo");
  g_autoptr(AppealsTestResponse) list = appeals_test_request (server, session, "GET", "/api/v1/appeals?limit=1",
                                                              token, NULL, NULL);
  JsonObject *first = json_array_get_object_element (json_object_get_array_member (appeals_test_response_object (list),
                                                                                   "items"), 0);
  Registration registration = { json_object_get_string_member (first, "applicant_iin"), 0 };
  g_autofree char *path = NULL;
  g_autoptr(AppealsTestResponse) saved = NULL;
  JsonObject *appeal;

  if (!appeals_test_keys_available ())
    {
      g_test_fail_printf ("the X server has no XTEST extension to press keys with");
      return;
    }

  g_assert_cmpint (appeals_test_ui_run (registration_script, &registration), ==, 0);
  g_assert_cmpint (registration.saved_id, >, 0);

  path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, registration.saved_id);
  saved = appeals_test_request (server, session, "GET", path, token, NULL, NULL);
  g_assert_cmpuint (saved->status, ==, 200);
  appeal = appeals_test_response_object (saved);
  g_assert_cmpstr (json_object_get_string_member (appeal, "applicant_iin"), ==, registration.iin);
  g_assert_cmpstr (json_object_get_string_member (appeal, "annotation"), ==, "Road repair, Baitursynov street 12");
  g_assert_cmpstr (json_object_get_string_member (appeal, "channel"), ==, "by_hand");
  g_assert_cmpstr (json_object_get_string_member (appeal, "category"), ==, "typical");
  g_assert_cmpstr (json_object_get_string_member (appeal, "question_character"), ==, "utilities");
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "20", NULL };

  appeals_test_ui_init (&argc, &argv);
  g_test_add_func ("/keyboard/registration", test_registration);

  return appeals_test_ui_run_tests (&server, args);
}
