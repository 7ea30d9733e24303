/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-keyboard.c: a registrar's appeal registered, and a reception on
 * it booked, with the keyboard alone. Every step is a key press through the X server (appeals-test-
 * keys.c): Ctrl+N opens a card with focus in the IIN field, a known IIN
 * fills the applicant's base card, Tab walks to each field, Space opens a
 * drop-down and the arrows and Enter choose, Ctrl+S saves. The test reads
 * the window only to know where the focus is, as the person would look at
 * the screen; what is saved is checked on the server.
 */
#include "config.h"

#include <string.h>

#include "appeals-booking-dialog.h"
#include "appeals-card-window.h"
#include "appeals-reception-text.h"
#include "appeals-test-keys.h"
#include "appeals-test-server.h"
#include "appeals-test-ui.h"
#include "test-receptions.h"



#define MAX_TABS 60

static gboolean
card_shown (AppealsApplication *app)
{
  return appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW) != NULL;
}

static const char *
visible_section (GtkWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (appeals_test_ui_find_by_name (GTK_WIDGET (window), "pages")));
}

static gboolean
focus_in (AppealsCardWindow *card,
          const char        *field)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (card));
  GtkWidget *widget = appeals_card_form_get_widget (appeals_card_window_get_form (card), field);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Tab until the focus is in @target, as a person moves through a form
 * (Ctrl+Tab out of a text view, where Tab is a character). */
static void
tab_into (GtkWindow *window,
          GtkWidget *target)
{
  for (guint i = 0; ; i++)
    {
      GtkWidget *focus = gtk_window_get_focus (window);

      if (focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target)))
        return;
      if (i == MAX_TABS)
        g_error ("Tab never reached a %s; the focus is on a %s", G_OBJECT_TYPE_NAME (target),
                 focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
      appeals_test_keys_press (GTK_IS_TEXT_VIEW (focus) ? "<Control>Tab" : "Tab");
    }
}

static void
tab_to (AppealsCardWindow *card,
        const char        *field)
{
  tab_into (GTK_WINDOW (card), appeals_card_form_get_widget (appeals_card_window_get_form (card), field));
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
applicant_filled_in (AppealsCardWindow *card)
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
  gint64      official_id;
  GDate       booked_date;
  char       *booked_time;
} Registration;

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
booking_shown (AppealsApplication *app)
{
  return appeals_test_ui_find_window (app, APPEALS_TYPE_BOOKING_DIALOG) != NULL;
}

static gboolean
booking_ready (AppealsBookingDialog *dialog)
{
  GtkWidget *official = appeals_test_ui_find_row (GTK_WIDGET (dialog), "Official", APPEALS_TEST_TITLE_WHOLE);

  return appeals_booking_dialog_get_n_earlier (dialog) > 0 && official != NULL &&
         adw_combo_row_get_model (ADW_COMBO_ROW (official)) != NULL;
}

static gboolean
booking_said (gpointer user_data)
{
  gpointer *args = user_data;
  const char *said = appeals_window_get_last_toast (args[0]);

  return said != NULL && strstr (said, args[1]) != NULL;
}

/* The booking, by keys as well: Ctrl+B from the saved card, the question
 * typed, the first day with a free time and that time typed over the
 * schedule's, Alt+B. */
static void
book_by_keys (AppealsApplication *app,
              AppealsCardWindow  *card,
              Registration       *registration)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "registrar", "demo");
  AppealsContext *context = appeals_application_get_context (app);
  GPtrArray *officials = appeals_reference_service_get_officials (appeals_context_get_reference_service (context));
  AppealsBookingDialog *dialog;
  AppealsOfficial *official;
  GtkWidget *official_row;
  const char *shown;
  g_autofree char *date_text = NULL;
  gpointer said[2];

  appeals_test_keys_press ("<Control>b");
  APPEALS_TEST_WAIT (booking_shown, app);
  dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_BOOKING_DIALOG);
  appeals_test_keys_focus (GTK_WINDOW (dialog));
  APPEALS_TEST_WAIT (booking_ready, dialog);
  g_assert_cmpint (appeals_booking_dialog_get_appeal_id (dialog), ==, registration->saved_id);

  tab_into (GTK_WINDOW (dialog), find_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  appeals_test_keys_type ("When will the road be repaired");

  /* the official the dialog offers first, known by the name it shows */
  official_row = appeals_test_ui_find_row (GTK_WIDGET (dialog), "Official", APPEALS_TEST_TITLE_WHOLE);
  shown = gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (official_row)));
  official = NULL;
  for (guint i = 0; i < officials->len && official == NULL; i++)
    if (g_str_has_prefix (shown, appeals_official_get_full_name (g_ptr_array_index (officials, i), NULL)))
      official = g_ptr_array_index (officials, i);
  g_assert_nonnull (official);
  /* the first day with a free time, as the server counts them */
  registration->booked_time = appeals_test_next_free_time (server, session, token, official->id,
                                                           &registration->booked_date);
  date_text = appeals_format_date (&registration->booked_date);
  registration->official_id = official->id;

  tab_into (GTK_WINDOW (dialog),
            appeals_test_ui_find_row (GTK_WIDGET (dialog), "Date (DD.MM.YYYY)", APPEALS_TEST_TITLE_WHOLE));
  appeals_test_keys_press ("<Control>a");
  appeals_test_keys_type (date_text);
  tab_into (GTK_WINDOW (dialog), appeals_test_ui_find_row (GTK_WIDGET (dialog), "Time (HH:MM)", APPEALS_TEST_TITLE_WHOLE));
  appeals_test_keys_press ("<Control>a");
  appeals_test_keys_type (registration->booked_time);

  appeals_test_ui_screenshot (GTK_WIDGET (dialog), "keyboard-booking");
  appeals_test_keys_press ("<Alt>b");
  said[0] = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  said[1] = registration->booked_time;
  APPEALS_TEST_WAIT (booking_said, said);
}

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

  /* Alt+number: the sections the registrar sees, in the sidebar's order
   * (the review, not theirs, takes no number) */
  appeals_test_keys_press ("<Alt>7");
  g_assert_cmpstr (visible_section (window), ==, "intake");
  appeals_test_keys_press ("<Alt>4");
  g_assert_cmpstr (visible_section (window), ==, "expertise");
  appeals_test_keys_press ("<Alt>2");
  g_assert_cmpstr (visible_section (window), ==, "journal");

  appeals_test_keys_press ("<Control>n");
  APPEALS_TEST_WAIT (card_shown, app);
  card = appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW);
  APPEALS_TEST_WAIT (appeals_test_ui_card_idle, card);
  appeals_test_keys_focus (GTK_WINDOW (card));
  g_assert_true (focus_in (card, "iin"));

  appeals_test_keys_type (registration->iin);
  APPEALS_TEST_WAIT (applicant_filled_in, card);

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

  book_by_keys (app, card, registration);
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
  Registration registration = { json_object_get_string_member (first, "applicant_iin"), 0, 0, { 0 }, NULL };
  g_autofree char *queue = NULL;
  g_autoptr(AppealsTestResponse) booked = NULL;
  char iso[16];
  JsonArray *items;
  gboolean found = FALSE;
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

  /* the reception is booked on that appeal, at the time typed */
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &registration.booked_date);
  queue = g_strdup_printf ("/api/v1/receptions?date=%s&official_id=%" G_GINT64_FORMAT, iso, registration.official_id);
  booked = appeals_test_request (server, session, "GET", queue, token, NULL, NULL);
  g_assert_cmpuint (booked->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (booked), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *reception = json_array_get_object_element (items, i);

      if (json_object_get_int_member (reception, "appeal_id") == registration.saved_id)
        {
          g_assert_cmpstr (json_object_get_string_member (reception, "start_time"), ==, registration.booked_time);
          g_assert_cmpstr (json_object_get_string_member (reception, "question"), ==, "When will the road be repaired");
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_free (registration.booked_time);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "20", NULL };

  appeals_test_ui_init (&argc, &argv);
  g_test_add_func ("/keyboard/registration-and-booking", test_registration);

  return appeals_test_ui_run_tests (&server, args);
}
