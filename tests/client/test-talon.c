/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-talon.c: a registrar's day with the intake journal, in the language
 * of $LANGUAGE (kk, ru). The talons are scanned into the journal's search
 * by real key events (XTEST), as a barcode scanner types them — the talon
 * number in one burst, then Enter: an unregistered receipt's talon opens
 * the new card filled from it, a registered one's the card of the appeal
 * it became. At the end of the day the Intake page counts the receipts
 * still unregistered and lists only them on demand (screenshot
 * intake-unregistered). One of them came in a Kazpost envelope and names
 * no applicant: its card takes the applicant the registrar reads from the
 * letter (IIN, name, address), and saving it registers the receipt with
 * a new applicant.
 */
#include "config.h"

#include "appeals-intake-page.h"
#include "appeals-test-keys.h"
#include "test-receptions.h"

#define KNOWN_IIN "061211600012"
#define ENVELOPE "EE229629645RU"

typedef struct
{
  gint64  id;
  char   *talon;
} Seeded;

static Seeded by_hand;       /* unregistered */
static Seeded registered;    /* registered as seeded_appeal */
static gint64 seeded_appeal;
static gint64 envelope;      /* the Kazpost envelope's receipt */

/* The answer of @method @path as the registrar, which must be @expected. */
static JsonObject *
call (SoupSession *session,
      const char  *token,
      const char  *method,
      const char  *path,
      const char  *body,
      guint        expected)
{
  g_autoptr(AppealsTestResponse) response = appeals_test_request (server, session, method, path, token, body, NULL);

  if (response->status != expected)
    g_error ("%s %s: %u %s", method, path, response->status, response->text);
  return response->status == 204 ? NULL : json_object_ref (appeals_test_response_object (response));
}

static void
receive (SoupSession *session,
         const char  *token,
         const char  *body,
         Seeded      *seeded)
{
  g_autoptr(JsonObject) receipt = call (session, token, "POST", "/api/v1/receipts", body, 201);

  seeded->id = json_object_get_int_member (receipt, "id");
  seeded->talon = g_strdup (json_object_get_string_member (receipt, "talon_number"));
}

/* Two receipts by hand, the second registered, and a Kazpost envelope. */
static void
seed (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = api_token ("registrar");
  g_autofree char *appeal_body = NULL;
  g_autoptr(JsonObject) applicant = NULL;
  g_autoptr(JsonObject) appeal = NULL;
  g_autoptr(JsonObject) batch = NULL;
  g_autoptr(JsonObject) scanned = NULL;
  g_autoptr(JsonObject) closed = NULL;
  g_autofree char *scans = NULL;
  g_autofree char *close = NULL;

  applicant = call (session, token, "POST", "/api/v1/applicants",
                    "{\"iin\":\"" KNOWN_IIN "\",\"surname\":\"Сейтқали\",\"given_name\":\"Әлия\","
                    "\"address\":\"Қостанай қ., Абай даңғылы, 5\"}", 201);
  receive (session, token, "{\"applicant_name\":\"Иванов Пётр Сергеевич\",\"pages\":2,\"language\":\"ru\"}",
           &by_hand);
  receive (session, token,
           "{\"applicant_name\":\"Сейтқали Әлия\",\"iin\":\"" KNOWN_IIN "\",\"pages\":1,\"language\":\"kk\"}",
           &registered);
  appeal_body = g_strdup_printf ("{\"applicant_id\":%" G_GINT64_FORMAT ",\"channel\":\"by_hand\","
                                 "\"form\":\"paper_and_electronic\",\"kind\":\"application\","
                                 "\"addressee_body\":\"education\","
                                 "\"question_character\":\"education\",\"category\":\"typical\",\"language\":\"kk\","
                                 "\"district\":\"kostanay-city\",\"annotation\":\"Мектепке орын беру туралы\","
                                 "\"receipt_id\":%" G_GINT64_FORMAT "}",
                                 json_object_get_int_member (applicant, "id"), registered.id);
  appeal = call (session, token, "POST", "/api/v1/appeals", appeal_body, 201);
  seeded_appeal = json_object_get_int_member (appeal, "id");

  /* an envelope the courier brought: a receipt without an applicant */
  batch = call (session, token, "POST", "/api/v1/kazpost-batches", "{\"courier\":\"Жұмабаев Ерлан\"}", 201);
  scans = g_strdup_printf ("/api/v1/kazpost-batches/%" G_GINT64_FORMAT "/scans",
                           json_object_get_int_member (batch, "id"));
  scanned = call (session, token, "POST", scans, "{\"code\":\"" ENVELOPE "\"}", 200);
  close = g_strdup_printf ("/api/v1/kazpost-batches/%" G_GINT64_FORMAT "/actions/close",
                           json_object_get_int_member (batch, "id"));
  closed = call (session, token, "POST", close, NULL, 200);
  envelope = json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (closed, "items"),
                                                                        0), "receipt_id");
  g_assert_cmpint (envelope, >, 0);
}

/* The receipt @id as the server has it now. */
static JsonObject *
get_receipt (gint64 id)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = api_token ("controller");
  g_autofree char *path = g_strdup_printf ("/api/v1/receipts/%" G_GINT64_FORMAT, id);

  return call (session, token, "GET", path, NULL, 200);
}

typedef struct
{
  AppealsApplication *app;
  gint64              receipt_id;  /* a new card registering it, or */
  gint64              appeal_id;   /* the card of this appeal, loaded */
} Landing;

static gboolean
landed (Landing *landing)
{
  AppealsCardWindow *card = appeals_test_ui_find_window (landing->app, APPEALS_TYPE_CARD_WINDOW);

  if (card == NULL)
    return FALSE;
  if (landing->receipt_id > 0)
    return appeals_card_window_get_receipt_id (card) == landing->receipt_id;
  return appeals_card_window_get_appeal_id (card) == landing->appeal_id && appeals_test_ui_card_idle (card);
}

/* Scans @talon into the journal's search, as a scanner: the keys, then
 * Enter; the search is left empty for the next one. */
static void
scan_into_search (AppealsWindow *window,
                  const char    *talon)
{
  GtkWidget *search = appeals_test_ui_find_by_name (GTK_WIDGET (window), "search");
  g_autofree char *keys = g_strconcat (talon, "\n", NULL);

  appeals_test_keys_focus (GTK_WINDOW (window));
  gtk_widget_grab_focus (search);
  appeals_test_keys_scan (keys);
}

static gboolean
search_cleared (GtkWidget *search)
{
  return *gtk_editable_get_text (GTK_EDITABLE (search)) == '\0';
}

static void
scan_talons (AppealsApplication *app,
             AppealsWindow      *window)
{
  Landing new_card = { app, by_hand.id, 0 };
  Landing appeal_card = { app, 0, seeded_appeal };
  AppealsCardWindow *card;
  AppealsCardForm *form;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "journal");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);

  /* an unregistered receipt: its new card, filled from it */
  scan_into_search (window, by_hand.talon);
  APPEALS_TEST_WAIT (landed, &new_card);
  APPEALS_TEST_WAIT (search_cleared, appeals_test_ui_find_by_name (GTK_WIDGET (window), "search"));
  card = appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW);
  form = appeals_card_window_get_form (card);
  g_assert_cmpint (appeals_card_window_get_appeal_id (card), ==, 0);
  g_assert_cmpstr (appeals_card_form_get_text (form, "surname"), ==, "Иванов");
  g_assert_cmpstr (appeals_card_form_get_text (form, "given_name"), ==, "Пётр");
  g_assert_cmpstr (appeals_card_form_get_choice (form, "language"), ==, "ru");
  gtk_window_destroy (GTK_WINDOW (card));

  /* a registered one: the appeal it became */
  scan_into_search (window, registered.talon);
  APPEALS_TEST_WAIT (landed, &appeal_card);
  gtk_window_destroy (GTK_WINDOW (appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW)));
}

typedef struct
{
  AppealsIntakePage *page;
  guint              listed;
  guint              unregistered;
} Journal;

static gboolean
journal_is (Journal *journal)
{
  return !appeals_intake_page_is_busy (journal->page) &&
         appeals_intake_page_get_n_receipts (journal->page) == journal->listed &&
         appeals_intake_page_get_n_unregistered (journal->page) == journal->unregistered;
}

/* The Kazpost envelope's card: no applicant until the registrar writes
 * the one the letter names; saved, the receipt is registered. */
static void
register_envelope (AppealsApplication *app,
                   AppealsIntakePage  *page,
                   guint               position,
                   gint64              receipt_id)
{
  g_autoptr(JsonObject) receipt = NULL;
  g_autoptr(JsonObject) appeal = NULL;
  g_autoptr(JsonObject) applicant = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = api_token ("registrar");
  g_autofree char *path = NULL;
  AppealsCardWindow *card;
  AppealsCardForm *form;

  gtk_widget_activate_action (GTK_WIDGET (page), "intake.register", "u", position);
  card = appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW);
  g_assert_nonnull (card);
  g_assert_cmpint (appeals_card_window_get_receipt_id (card), ==, receipt_id);
  form = appeals_card_window_get_form (card);
  g_assert_cmpstr (appeals_card_form_get_text (form, "surname"), ==, "");
  g_assert_cmpstr (appeals_card_form_get_choice (form, "channel"), ==, "kazpost");

  appeals_test_ui_fill_applicant (form, "900101300017", "Омаров", "Бауыржан", "Рудный қ., Ленин к-сі, 3");
  appeals_test_ui_fill_school_application (form, "paper_and_electronic", "Әкімдіктің әрекетсіздігіне шағым");
  g_assert_true (appeals_test_ui_save_card (card));

  /* the receipt names the appeal, the appeal a new applicant of that name */
  receipt = get_receipt (receipt_id);
  g_assert_cmpint (json_object_get_int_member (receipt, "appeal_id"), ==, appeals_card_window_get_appeal_id (card));
  path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, appeals_card_window_get_appeal_id (card));
  appeal = call (session, token, "GET", path, NULL, 200);
  g_free (path);
  path = g_strdup_printf ("/api/v1/applicants/%" G_GINT64_FORMAT, json_object_get_int_member (appeal, "applicant_id"));
  applicant = call (session, token, "GET", path, NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (applicant, "surname"), ==, "Омаров");
  g_assert_cmpstr (json_object_get_string_member (applicant, "iin"), ==, "900101300017");
  g_assert_cmpstr (json_object_get_string_member (appeal, "channel"), ==, "kazpost");
  gtk_window_destroy (GTK_WINDOW (card));
}

static void
script (AppealsApplication *app,
        gpointer            user_data)
{
  AppealsWindow *window;
  AppealsIntakePage *page;
  Journal journal;
  GtkWidget *label;
  g_autofree char *expected = NULL;
  gboolean kk = g_str_has_prefix (g_getenv ("LANGUAGE"), "kk");

  appeals_test_ui_sign_in (app, "registrar", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_signed_in, app);
  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 900);
  scan_talons (app, window);

  /* the end of the day: three receipts, two of them still unregistered */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "intake");
  page = APPEALS_INTAKE_PAGE (appeals_test_ui_find_by_name (GTK_WIDGET (window), "intake-page"));
  journal = (Journal) { page, 3, 2 };
  APPEALS_TEST_WAIT (journal_is, &journal);
  label = appeals_test_ui_find_by_name (GTK_WIDGET (window), "intake-unregistered-count");
  expected = g_strdup_printf (kk ? "Тіркелмегені: %u" : "Не зарегистрировано: %u", 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);

  /* only those: the receipt by hand and the envelope */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (appeals_test_ui_find_by_name (GTK_WIDGET (window),
                                                                               "intake-unregistered")), TRUE);
  journal = (Journal) { page, 2, 2 };
  APPEALS_TEST_WAIT (journal_is, &journal);
  appeals_test_ui_scroll_to (appeals_test_ui_find_by_name (GTK_WIDGET (window), "intake-unregistered"));
  appeals_test_ui_screenshot (GTK_WIDGET (window), "intake-unregistered");

  /* the envelope is registered: one is left, and the list shows only it */
  register_envelope (app, page, 1, envelope);
  journal = (Journal) { page, 1, 1 };
  APPEALS_TEST_WAIT (journal_is, &journal);
}

static void
test_talon_scan_and_end_of_day (void)
{
  if (!appeals_test_keys_available ())
    g_error ("the X server has no XTEST extension: the scanner cannot be simulated");
  seed ();
  g_assert_cmpint (appeals_test_ui_run (script, NULL), ==, 0);
  g_free (by_hand.talon);
  g_free (registered.talon);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", NULL };

  appeals_test_ui_init (&argc, &argv);
  g_test_add_func ("/intake/talon-scan-and-end-of-day", test_talon_scan_and_end_of_day);
  return appeals_test_ui_run_tests (&server, args);
}
