/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-client.c: the desktop client in real windows against a real
 * server: sign-in with a wrong and a right password, the token kept in
 * and reused from a private keyring, search narrowing the journal, a new
 * card refused for its IIN and saved once fixed, a conflicting edit merged,
 * a save updating its one journal row without a reload, and a save during
 * a server outage kept as a draft and finished later.
 */
#include "config.h"

#include <string.h>

#include "appeals-journal-page.h"
#include "appeals-merge-dialog.h"
#include "appeals-session-store.h"
#include "appeals-test-server.h"
#include "appeals-test-ui.h"
#include "test-client.h"

static AppealsTestServer *server;

/* Conditions ----------------------------------------------------------------- */

static gboolean
merge_dialog_open (AppealsCardWindow *card)
{
  return appeals_card_window_get_merge_dialog (card) != NULL;
}

/* Helpers -------------------------------------------------------------------- */

static void
fill_new_card (AppealsCardForm *form,
               const char      *iin,
               const char      *annotation)
{
  appeals_test_ui_fill_applicant (form, iin, "Төлеуова", "Меруерт", "Қостанай қ., Абай даңғылы, 12");
  appeals_card_form_set_text (form, "phone", "8 705 111 22 33");
  appeals_card_form_set_choice (form, "channel", "by_hand");
  appeals_card_form_set_choice (form, "language", "kk");
  appeals_test_ui_fill_school_application (form, "electronic", annotation);
}

/* The appeal as the server has it now, read as the controller. */
JsonObject *
test_client_get_appeal (gint64 id)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "controller", "demo");
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autoptr(AppealsTestResponse) response = appeals_test_request (server, session, "GET", path, token, NULL, NULL);

  g_assert_cmpuint (response->status, ==, 200);
  return json_object_ref (appeals_test_response_object (response));
}

typedef struct
{
  gboolean done;
  char    *token;
} Lookup;

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Lookup *lookup = user_data;

  lookup->token = appeals_session_store_lookup_finish (result, NULL);
  lookup->done = TRUE;
}

static gboolean
lookup_done (Lookup *lookup)
{
  return lookup->done;
}

/* the client keys the keyring by its base URL, which ends in a slash */
static char *
server_key (void)
{
  return g_strconcat (appeals_test_server_get_url (server), "/", NULL);
}

static char *
stored_token (const char *login)
{
  Lookup lookup = { FALSE, NULL };
  g_autofree char *key = server_key ();

  appeals_session_store_lookup_async (key, login, NULL, on_looked_up, &lookup);
  APPEALS_TEST_WAIT (lookup_done, &lookup);
  return lookup.token;
}

/* Sign-in and the keyring ---------------------------------------------------------- */

static gboolean
token_stored (AppealsApplication *app)
{
  g_autofree char *token = stored_token ("registrar");

  return token != NULL && g_strcmp0 (token, appeals_api_client_get_token (appeals_application_get_client (app))) == 0;
}

static void
sign_in_script (AppealsApplication *app,
                gpointer            user_data)
{
  GtkWidget *dialog;
  GtkWidget *error;

  APPEALS_TEST_WAIT (appeals_test_ui_sign_in_dialog_open, app);
  appeals_test_ui_sign_in (app, "registrar", "not the password");
  APPEALS_TEST_WAIT (appeals_test_ui_sign_in_error_shown, app);
  dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG);
  error = appeals_test_ui_find_by_name (dialog, "sign-in-error");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==,
                   appeals_problem_code_describe (APPEALS_PROBLEM_INVALID_CREDENTIALS));
  /* the login stays, the password is cleared */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (appeals_test_ui_find_by_name (dialog, "login"))), ==, "registrar");

  appeals_test_ui_type (dialog, "password", "demo");
  appeals_test_ui_click (dialog, "sign-in");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  APPEALS_TEST_WAIT (token_stored, app);
}

static gboolean
connection_lost_shown (AppealsApplication *app)
{
  AppealsWindow *window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);

  return window != NULL && appeals_window_get_connection_lost (window);
}

/* The server is down when the app starts: the kept sign-in is not thrown
 * away; the banner says so, and once the server is back the app signs in
 * by itself. */
static void
server_down_script (AppealsApplication *app,
                    gpointer            user_data)
{
  APPEALS_TEST_WAIT (connection_lost_shown, app);
  g_assert_null (appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG));
  appeals_test_server_restart (server);
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  g_assert_null (appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG));
  /* the sign-in is written back to the keyring before the app goes */
  APPEALS_TEST_WAIT (token_stored, app);
}

static void
silent_script (AppealsApplication *app,
               gpointer            user_data)
{
  gboolean *dialog_seen = user_data;

  /* no dialog: the token from the keyring is reused */
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  *dialog_seen = appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) != NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  APPEALS_TEST_WAIT (appeals_test_ui_sign_in_dialog_open, app);
}

static gboolean
token_forgotten (gpointer user_data)
{
  g_autofree char *token = stored_token ("registrar");

  return token == NULL;
}

static void
test_sign_in_and_keyring (void)
{
  gboolean dialog_seen = TRUE;

  g_assert_cmpint (appeals_test_ui_run (sign_in_script, NULL), ==, 0);
  appeals_test_server_kill (server);
  g_assert_cmpint (appeals_test_ui_run (server_down_script, NULL), ==, 0);
  g_assert_cmpint (appeals_test_ui_run (silent_script, &dialog_seen), ==, 0);
  g_assert_false (dialog_seen);
  APPEALS_TEST_WAIT (token_forgotten, NULL);
}

/* Without a secret service -------------------------------------------------------- */

static gboolean
keyring_reported (AppealsApplication *app)
{
  return appeals_application_get_keyring_unavailable (app);
}

static void
without_keyring_script (AppealsApplication *app,
                        gpointer            user_data)
{
  appeals_test_ui_sign_in (app, "registrar", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  /* the app works and says, once, that it cannot remember the sign-in */
  APPEALS_TEST_WAIT (keyring_reported, app);
  g_assert_true (appeals_test_ui_journal_loaded (app));
}

static void
test_without_keyring (void)
{
  if (g_getenv ("APPEALS_TEST_NO_KEYRING") == NULL)
    {
      g_test_skip ("runs in the client-no-keyring test, on a bus without a secret service");
      return;
    }

  g_assert_cmpint (appeals_test_ui_run (without_keyring_script, NULL), ==, 0);
}

/* Search ---------------------------------------------------------------------- */

static gboolean
search_narrowed (AppealsApplication *app)
{
  GListModel *model = appeals_test_ui_journal_model (app);
  g_autoptr(AppealsAppeal) first = NULL;

  if (g_list_model_get_n_items (model) != 1)
    return FALSE;
  first = g_list_model_get_item (model, 0);
  return first->id > 0;
}

/* "3 appeals · 3 overdue" (sscanf cannot match the "·" in a UTF-8 locale) */
static gboolean
overdue_totals_agree (GtkWidget *totals)
{
  const char *text = gtk_label_get_text (GTK_LABEL (totals));
  const char *second = strstr (text, " · ");
  guint64 all = g_ascii_strtoull (text, NULL, 10);

  return second != NULL && g_str_has_suffix (text, " overdue") && all > 0 &&
         g_ascii_strtoull (second + strlen (" · "), NULL, 10) == all;
}

static void
search_script (AppealsApplication *app,
               gpointer            user_data)
{
  AppealsWindow *window;
  g_autoptr(AppealsAppeal) found = NULL;
  guint before;

  appeals_test_ui_sign_in (app, "registrar", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  before = g_list_model_get_n_items (appeals_test_ui_journal_model (app));
  g_assert_cmpuint (before, >, 1);

  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  appeals_test_ui_type (GTK_WIDGET (window), "search", "ПОИСКОВЫЙ маркёр");
  APPEALS_TEST_WAIT (search_narrowed, app);

  found = g_list_model_get_item (appeals_test_ui_journal_model (app), 0);
  g_assert_cmpstr (found->annotation, ==, "Поисковый маркер 4821");

  /* Down in the search field goes on to the results */
  {
    GtkWidget *search = appeals_test_ui_find_by_name (GTK_WIDGET (window), "search");
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (search);
    gboolean handled = FALSE;
    GtkWidget *focus;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
      }
    g_assert_true (handled);
    focus = gtk_window_get_focus (GTK_WINDOW (window));
    g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_COLUMN_VIEW));
  }

  /* overdue cards only: the totals say all of them are overdue */
  appeals_test_ui_type (GTK_WIDGET (window), "search", "");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (appeals_test_ui_find_by_name (GTK_WIDGET (window), "overdue")), TRUE);
  APPEALS_TEST_WAIT (overdue_totals_agree, appeals_test_ui_find_by_name (GTK_WIDGET (window), "totals"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (appeals_test_ui_find_by_name (GTK_WIDGET (window), "overdue")), FALSE);

  test_client_check_date_filter (window, app);
}

static void
test_search (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "registrar", "demo");
  g_autoptr(AppealsTestResponse) applicant = appeals_test_request (server, session, "POST", "/api/v1/applicants", token,
    "{\"iin\":\"990140004654\",\"surname\":\"Ахметов\",\"given_name\":\"Ерлан\",\"address\":\"Костанай\","
    "\"organisation_name\":\"ТОО «Жол»\",\"representative_position\":\"директор\"}", NULL);
  g_autofree char *body = g_strdup_printf ("{\"applicant_id\":%" G_GINT64_FORMAT ",\"channel\":\"egov\","
                                           "\"form\":\"electronic\",\"kind\":\"proposal\",\"addressee_body\":\"roads\","
                                           "\"question_character\":\"roads-transport\",\"category\":\"typical\","
                                           "\"language\":\"ru\",\"district\":\"kostanay-city\","
                                           "\"annotation\":\"Поисковый маркер 4821\"}",
                                           json_object_get_int_member (appeals_test_response_object (applicant), "id"));
  g_autoptr(AppealsTestResponse) appeal = appeals_test_request (server, session, "POST", "/api/v1/appeals", token,
                                                                body, NULL);

  g_assert_cmpuint (appeal->status, ==, 201);
  g_assert_cmpint (appeals_test_ui_run (search_script, NULL), ==, 0);
}

/* A new card with an invalid IIN, then saved with "Save and New" ---------------------------------------------------- */

static void
invalid_iin_script (AppealsApplication *app,
                    gpointer            user_data)
{
  gint64 *saved_id = user_data;
  AppealsTestSaves count = { 0, 0 };
  AppealsCardWindow *card, *next;
  AppealsCardForm *form;

  appeals_test_ui_sign_in (app, "registrar", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);

  card = appeals_test_ui_open_card (app, 0);
  form = appeals_card_window_get_form (card);
  g_signal_connect (card, "saved", G_CALLBACK (appeals_test_ui_on_saved), &count);
  g_signal_connect (card, "save-failed", G_CALLBACK (appeals_test_ui_on_save_failed), &count);
  /* a new card starts in the IIN field */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (card)),
                                         appeals_card_form_get_widget (form, "iin")));

  fill_new_card (form, "123123123123", "Балабақшадан орын беру туралы");
  /* checked while typing */
  g_assert_nonnull (appeals_card_form_get_error (form, "iin"));

  gtk_widget_activate_action (GTK_WIDGET (card), "card.save", NULL);
  APPEALS_TEST_WAIT (appeals_test_ui_failed_once, &count);
  g_assert_cmpstr (appeals_card_form_get_error (form, "iin"), ==,
                   appeals_field_error_code_describe (APPEALS_FIELD_INVALID_IIN));
  /* what was typed stays */
  g_assert_cmpstr (appeals_card_form_get_text (form, "iin"), ==, "123123123123");
  g_assert_cmpstr (appeals_card_form_get_text (form, "surname"), ==, "Төлеуова");
  g_assert_cmpstr (appeals_card_form_get_text (form, "annotation"), ==, "Балабақшадан орын беру туралы");
  g_assert_cmpuint (count.saved, ==, 0);

  appeals_card_form_set_text (form, "iin", "061211600012");
  g_assert_null (appeals_card_form_get_error (form, "iin"));
  /* "Save and New": the saved card gives way to a blank one */
  g_object_ref (card);
  gtk_widget_activate_action (GTK_WIDGET (card), "card.save-and-new", NULL);
  APPEALS_TEST_WAIT (appeals_test_ui_saved_once, &count);
  *saved_id = appeals_card_window_get_appeal_id (card);
  g_object_unref (card);
  next = appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW);
  g_assert_nonnull (next);
  g_assert_true (next != card);
  g_assert_cmpint (appeals_card_window_get_appeal_id (next), ==, 0);
  g_assert_cmpstr (appeals_card_form_get_text (appeals_card_window_get_form (next), "iin"), ==, "");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (next)),
                                         appeals_card_form_get_widget (appeals_card_window_get_form (next), "iin")));
}

static void
test_new_card_invalid_iin (void)
{
  g_autoptr(JsonObject) appeal = NULL;
  gint64 id = 0;

  g_assert_cmpint (appeals_test_ui_run (invalid_iin_script, &id), ==, 0);
  g_assert_cmpint (id, >, 0);

  appeal = test_client_get_appeal (id);
  g_assert_cmpstr (json_object_get_string_member (appeal, "applicant_iin"), ==, "061211600012");
  g_assert_cmpstr (json_object_get_string_member (appeal, "annotation"), ==, "Балабақшадан орын беру туралы");
}

/* A conflicting edit ------------------------------------------------------------- */

typedef struct
{
  gint64 id;
} Merge;

static void
merge_script (AppealsApplication *app,
              gpointer            user_data)
{
  Merge *merge = user_data;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "controller", "demo");
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, merge->id);
  g_autoptr(AppealsTestResponse) current = NULL;
  g_autoptr(AppealsTestResponse) theirs = NULL;
  AppealsTestSaves count = { 0, 0 };
  AppealsCardWindow *card;
  AppealsMergeDialog *dialog;

  appeals_test_ui_sign_in (app, "registrar", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  card = appeals_test_ui_open_card (app, merge->id);
  g_signal_connect (card, "saved", G_CALLBACK (appeals_test_ui_on_saved), &count);

  /* a second session saves first */
  current = appeals_test_request (server, session, "GET", path, token, NULL, NULL);
  theirs = appeals_test_request (server, session, "PATCH", path, token,
                                 "{\"executor\":\"Ким В.А.\",\"annotation\":\"Тұрғын үй кезегі (нақтыланды)\"}",
                                 "If-Match", appeals_test_response_header (current, "ETag"), NULL);
  g_assert_cmpuint (theirs->status, ==, 200);

  appeals_card_form_set_text (appeals_card_window_get_form (card), "executor", "Абенова Д.С.");
  appeals_card_form_set_text (appeals_card_window_get_form (card), "text", "Қосымша мәлімет");
  gtk_widget_activate_action (GTK_WIDGET (card), "card.save", NULL);
  APPEALS_TEST_WAIT (merge_dialog_open, card);

  dialog = appeals_card_window_get_merge_dialog (card);
  /* the other version is named by who saved it, and when */
  g_assert_true (g_str_has_prefix (appeals_merge_dialog_get_other_caption (dialog), "Жұмабаев Е. Қ., "));
  appeals_merge_dialog_choose (dialog, "executor", TRUE);
  appeals_merge_dialog_accept (dialog);
  APPEALS_TEST_WAIT (appeals_test_ui_saved_once, &count);
}

static void
test_merge (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "registrar", "demo");
  g_autoptr(AppealsTestResponse) list = appeals_test_request (server, session, "GET", "/api/v1/appeals?limit=1",
                                                              token, NULL, NULL);
  JsonObject *first = json_array_get_object_element (json_object_get_array_member (appeals_test_response_object (list),
                                                                                   "items"), 0);
  Merge merge = { json_object_get_int_member (first, "id") };
  g_autoptr(JsonObject) appeal = NULL;

  g_assert_cmpint (appeals_test_ui_run (merge_script, &merge), ==, 0);

  appeal = test_client_get_appeal (merge.id);
  /* mine where I chose mine, theirs where only they changed, mine where only I did */
  g_assert_cmpstr (json_object_get_string_member (appeal, "executor"), ==, "Абенова Д.С.");
  g_assert_cmpstr (json_object_get_string_member (appeal, "annotation"), ==, "Тұрғын үй кезегі (нақтыланды)");
  g_assert_cmpstr (json_object_get_string_member (appeal, "text"), ==, "Қосымша мәлімет");
}

/* A save updates its journal row --------------------------------------------- */

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint changes;
  guint pages;
} RowWatch;

static void
on_rows_changed (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 RowWatch   *watch)
{
  watch->position = position;
  watch->removed = removed;
  watch->added = added;
  watch->changes++;
}

static void
on_page_loaded (GObject  *model,
                RowWatch *watch)
{
  watch->pages++;
}

static void
row_update_script (AppealsApplication *app,
                   gpointer            user_data)
{
  GListModel *model;
  g_autoptr(AppealsAppeal) edited = NULL;
  g_autoptr(AppealsAppeal) row = NULL;
  AppealsTestSaves count = { 0, 0 };
  RowWatch watch = { 0, };
  AppealsCardWindow *card;
  guint n_items;

  appeals_test_ui_sign_in (app, "registrar", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  model = appeals_test_ui_journal_model (app);
  n_items = g_list_model_get_n_items (model);
  edited = g_list_model_get_item (model, 1);
  card = appeals_test_ui_open_card (app, edited->id);
  g_signal_connect (card, "saved", G_CALLBACK (appeals_test_ui_on_saved), &count);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_rows_changed), &watch);
  g_signal_connect (model, "loaded", G_CALLBACK (on_page_loaded), &watch);

  appeals_card_form_set_text (appeals_card_window_get_form (card), "executor", "Жұмабаев Н.Қ.");
  gtk_widget_activate_action (GTK_WIDGET (card), "card.save", NULL);
  APPEALS_TEST_WAIT (appeals_test_ui_saved_once, &count);
  g_signal_handlers_disconnect_by_data (model, &watch);

  /* that one row changed, from the save's answer; the journal was not fetched again */
  g_assert_cmpuint (watch.changes, ==, 1);
  g_assert_cmpuint (watch.position, ==, 1);
  g_assert_cmpuint (watch.removed, ==, 1);
  g_assert_cmpuint (watch.added, ==, 1);
  g_assert_cmpuint (watch.pages, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_items);
  row = g_list_model_get_item (model, 1);
  g_assert_cmpint (row->id, ==, edited->id);
  g_assert_cmpstr (row->executor, ==, "Жұмабаев Н.Қ.");
  g_assert_cmpint (row->version, >, edited->version);
}

static void
test_save_updates_journal_row (void)
{
  g_assert_cmpint (appeals_test_ui_run (row_update_script, NULL), ==, 0);
}

/* A save while the server is down -------------------------------------------------- */

static gboolean
no_drafts (gpointer user_data)
{
  g_autofree char *key = server_key ();
  g_autoptr(GPtrArray) drafts = appeals_drafts_list (key);

  return drafts->len == 0;
}

static void
offline_script (AppealsApplication *app,
                gpointer            user_data)
{
  gint64 *saved_id = user_data;
  AppealsTestSaves count = { 0, 0 };
  AppealsCardWindow *card;
  g_autoptr(GPtrArray) drafts = NULL;

  appeals_test_ui_sign_in (app, "registrar", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  card = appeals_test_ui_open_card (app, 0);
  g_signal_connect (card, "saved", G_CALLBACK (appeals_test_ui_on_saved), &count);
  g_signal_connect (card, "save-failed", G_CALLBACK (appeals_test_ui_on_save_failed), &count);
  fill_new_card (appeals_card_window_get_form (card), "880520300128", "Сервер өшірілген кезде сақталған өтініш");

  appeals_test_server_kill (server);
  gtk_widget_activate_action (GTK_WIDGET (card), "card.save", NULL);
  APPEALS_TEST_WAIT (appeals_test_ui_failed_once, &count);

  /* the card is kept on disk, as typed */
  drafts = appeals_drafts_list (appeals_application_get_server_url (app));
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (((AppealsDraft *) drafts->pdata[0])->appeal),
                                                  "annotation"), ==, "Сервер өшірілген кезде сақталған өтініш");

  appeals_test_server_restart (server);
  APPEALS_TEST_WAIT (appeals_test_ui_saved_once, &count);
  APPEALS_TEST_WAIT (no_drafts, NULL);
  *saved_id = appeals_card_window_get_appeal_id (card);
}

static void
test_offline_save (void)
{
  g_autoptr(JsonObject) appeal = NULL;
  gint64 id = 0;

  g_assert_cmpint (appeals_test_ui_run (offline_script, &id), ==, 0);
  g_assert_cmpint (id, >, 0);
  appeal = test_client_get_appeal (id);
  g_assert_cmpstr (json_object_get_string_member (appeal, "annotation"), ==, "Сервер өшірілген кезде сақталған өтініш");
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "60", NULL };

  appeals_test_ui_init (&argc, &argv);
  g_test_add_func ("/client/without-keyring", test_without_keyring);
  g_test_add_func ("/client/sign-in-and-keyring", test_sign_in_and_keyring);
  g_test_add_func ("/client/search", test_search);
  g_test_add_func ("/client/new-card-invalid-iin", test_new_card_invalid_iin);
  g_test_add_func ("/client/merge", test_merge);
  g_test_add_func ("/client/save-updates-journal-row", test_save_updates_journal_row);
  test_client_add_expertise (&server);
  g_test_add_func ("/client/offline-save", test_offline_save);
  g_test_add_func ("/client/journal-jump", test_client_journal_jump);

  return appeals_test_ui_run_tests (&server, args);
}
