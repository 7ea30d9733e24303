/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-lifecycle.c: the card's action bar shows exactly the actions the
 * server allows the user — for a registrar, a controller and a head; an
 * action's dialog keeps what was typed and shows the server's field error
 * beside its field; a forwarding in part keeps the appeal in work and
 * stands in the card's history; an appeal on control is closed from the card only
 * once the head approved an accepted expertise, and its card is then
 * locked (a decided appeal's card); the decision notices
 * print in Kazakh and Russian on the letterhead (PDFs in
 * screenshots/prints/).
 */
#include "config.h"

#include <string.h>

#include "test-receptions.h"

static SoupSession *session;

/* Set-up through the API ---------------------------------------------------- */

static JsonObject *
request_object (const char *method,
                const char *path,
                const char *login,
                const char *body,
                guint       status)
{
  g_autofree char *token = api_token (login);
  g_autoptr(AppealsTestResponse) current = NULL;
  g_autoptr(AppealsTestResponse) response = NULL;
  const char *etag = NULL;

  /* actions are decided on the version in force */
  if (strstr (path, "/actions/") != NULL)
    {
      g_autofree char *appeal_path = g_strndup (path, strstr (path, "/actions/") - path);

      current = appeals_test_request (server, session, "GET", appeal_path, token, NULL, NULL);
      etag = appeals_test_response_header (current, "ETag");
    }
  response = appeals_test_request (server, session, method, path, token, body, etag != NULL ? "If-Match" : NULL,
                                   etag, NULL);
  if (response->status != status)
    g_error ("%s %s: %u %s", method, path, response->status, response->text);
  return json_object_ref (appeals_test_response_object (response));
}

static gint64
create_appeal (const char *language)
{
  static gint64 applicant = 0;
  g_autofree char *body = NULL;
  g_autoptr(JsonObject) appeal = NULL;

  if (applicant == 0)
    {
      g_autoptr(JsonObject) created = request_object ("POST", "/api/v1/applicants", "registrar",
        "{\"iin\":\"061211600012\",\"surname\":\"Сейтқали\",\"given_name\":\"Әлия\","
        "\"address\":\"Қостанай қ., Абай даңғылы, 5\",\"phone\":\"87051234567\"}", 201);

      applicant = json_object_get_int_member (created, "id");
    }
  body = g_strdup_printf ("{\"applicant_id\":%" G_GINT64_FORMAT ",\"channel\":\"by_hand\",\"form\":\"electronic\","
                          "\"kind\":\"application\",\"addressee_body\":\"education\","
                          "\"question_character\":\"education\",\"category\":\"typical\",\"language\":\"%s\","
                          "\"district\":\"kostanay-city\",\"annotation\":\"Мектеп автобусы туралы\"}",
                          applicant, language);
  appeal = request_object ("POST", "/api/v1/appeals", "registrar", body, 201);
  return json_object_get_int_member (appeal, "id");
}

static JsonObject *
take_action (gint64      id,
             const char *login,
             const char *action,
             const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/actions/%s", id, action);

  return request_object ("POST", path, login, body, 200);
}

static char *
today_iso (void)
{
  GDate today;

  appeals_date_get_today (&today);
  return appeals_date_format_iso (&today);
}

/* Today as a registrar types it: 05.12.2026. */
static char *
today_text (void)
{
  GDate today;

  appeals_date_get_today (&today);
  return appeals_date_format_text (&today);
}

static void
answer_and_close (gint64 id)
{
  g_autofree char *today = today_iso ();
  g_autofree char *answer = g_strdup_printf ("{\"text\":\"Автобус бағыты қалпына келтірілді\",\"received_on\":\"%s\","
                                             "\"character\":\"satisfied\"}", today);
  g_autoptr(JsonObject) answered = take_action (id, "registrar", "answer", answer);
  g_autoptr(JsonObject) closed = take_action (id, "registrar", "close", NULL);
}

/* The action bar for each role ---------------------------------------------- */

typedef struct
{
  const char *login;
  const char *on_registered;   /* the actions shown, in order */
  const char *on_closed;
} RoleActions;

static const RoleActions role_actions[] = {
  { "registrar", "forward answer leave-without-consideration", "" },
  { "controller", "forward control extend answer terminate leave-without-consideration", "" },
  { "head", "forward control extend answer terminate leave-without-consideration", "reopen" },
};

static gint64 registered_id;
static gint64 closed_id;

static char *
dup_shown_actions (AppealsCardWindow *card)
{
  g_auto(GStrv) shown = appeals_card_window_list_actions (card);

  return g_strjoinv (" ", shown);
}

static void
check_card (AppealsApplication *app,
            gint64              id,
            const char         *expected,
            const char         *screenshot)
{
  AppealsCardWindow *card = appeals_test_ui_open_card (app, id);
  g_autofree char *shown = NULL;

  APPEALS_TEST_WAIT (appeals_test_ui_card_idle, card);
  shown = dup_shown_actions (card);
  g_assert_cmpstr (shown, ==, expected);
  /* the buttons are the ones on screen */
  if (*expected != '\0')
    {
      g_auto(GStrv) names = g_strsplit (expected, " ", -1);
      g_autofree char *first = g_strconcat ("action-", names[0], NULL);

      g_assert_nonnull (appeals_test_ui_find_by_name (GTK_WIDGET (card), first));
    }
  if (screenshot != NULL)
    appeals_test_ui_screenshot (GTK_WIDGET (card), screenshot);
  gtk_window_destroy (GTK_WINDOW (card));
}

static void
roles_script (AppealsApplication *app,
              gpointer            user_data)
{
  const RoleActions *role = user_data;
  g_autofree char *screenshot = g_strdup_printf ("card-actions-%s", role->login);

  sign_in (app, role->login);
  check_card (app, registered_id, role->on_registered, screenshot);
  check_card (app, closed_id, role->on_closed, NULL);
}

static void
test_allowed_actions_per_role (void)
{
  registered_id = create_appeal ("kk");
  closed_id = create_appeal ("ru");
  answer_and_close (closed_id);

  for (guint i = 0; i < G_N_ELEMENTS (role_actions); i++)
    g_assert_cmpint (appeals_test_ui_run (roles_script, (gpointer) &role_actions[i]), ==, 0);
}

/* An action's dialog ----------------------------------------------------------- */

static gboolean
text_refused (AppealsActionDialog *dialog)
{
  return appeals_action_dialog_get_error (dialog, "text") != NULL;
}

static gboolean
card_answered (AppealsCardWindow *card)
{
  g_autofree char *shown = dup_shown_actions (card);

  return g_str_equal (shown, "close");
}

/* the answer document uploaded for the answer dialog, as its choice's value */
static char *answer_document_id;

static gboolean
answer_document_offered (AppealsActionDialog *dialog)
{
  return appeals_action_dialog_set_value (dialog, "attachment_id", answer_document_id);
}

static gint64
upload_answer_document (gint64 id)
{
  static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  g_autofree char *token = api_token ("registrar");
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/attachments?kind=answer_document"
                                           "&file_name=answer.pdf", id);
  g_autoptr(GBytes) content = g_bytes_new_static (pdf, sizeof pdf - 1);
  g_autoptr(AppealsTestResponse) uploaded = appeals_test_request_bytes (server, session, "POST", path, token,
                                                                        "application/pdf", content);

  g_assert_cmpuint (uploaded->status, ==, 201);
  return json_object_get_int_member (appeals_test_response_object (uploaded), "id");
}

static void
answer_script (AppealsApplication *app,
               gpointer            user_data)
{
  gint64 id = GPOINTER_TO_SIZE (user_data);
  AppealsCardWindow *card;
  AppealsActionDialog *dialog;
  GtkWidget *received;
  g_autofree char *today = today_text ();

  sign_in (app, "registrar");
  card = appeals_test_ui_open_card (app, id);
  APPEALS_TEST_WAIT (appeals_test_ui_card_idle, card);
  appeals_test_ui_screenshot (GTK_WIDGET (card), "card-actions");

  dialog = appeals_card_window_open_action (card, "answer");
  g_assert_nonnull (dialog);
  /* no text: the server names the field, and the date typed stays */
  g_assert_true (appeals_action_dialog_set_value (dialog, "received_on", today));
  g_assert_true (appeals_action_dialog_set_value (dialog, "character", "partly-satisfied"));
  appeals_action_dialog_apply (dialog);
  APPEALS_TEST_WAIT (text_refused, dialog);
  received = appeals_test_ui_find_by_name (GTK_WIDGET (dialog), "received_on");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (received)), ==, today);
  appeals_test_ui_screenshot (GTK_WIDGET (dialog), "action-answer-error");

  g_assert_true (appeals_action_dialog_set_value (dialog, "text", "Бағыт қалпына келтірілді, кесте жарияланды"));
  /* the answer document is chosen among the appeal's files */
  APPEALS_TEST_WAIT (answer_document_offered, dialog);
  appeals_action_dialog_apply (dialog);
  APPEALS_TEST_WAIT (card_answered, card);
  g_assert_cmpstr (appeals_card_form_get_choice (appeals_card_window_get_form (card), "status"), ==, "answered");
}

static void
test_answer_dialog (void)
{
  gint64 id = create_appeal ("kk");
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  gint64 document = upload_answer_document (id);
  g_autoptr(JsonObject) appeal = NULL;

  answer_document_id = g_strdup_printf ("%" G_GINT64_FORMAT, document);
  g_assert_cmpint (appeals_test_ui_run (answer_script, GSIZE_TO_POINTER (id)), ==, 0);
  g_clear_pointer (&answer_document_id, g_free);

  appeal = request_object ("GET", path, "controller", NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (appeal, "answer_character"), ==, "partly-satisfied");
  g_assert_cmpint (json_object_get_int_member (appeal, "answer_attachment_id"), ==, document);
  g_assert_cmpstr (json_object_get_string_member (appeal, "status"), ==, "answered");
}

/* Forwarding in part ---------------------------------------------------------------- */

static gboolean
card_in_progress (AppealsCardWindow *card)
{
  return g_strcmp0 (appeals_card_form_get_choice (appeals_card_window_get_form (card), "status"), "in_progress") == 0;
}

/* The history's entry of the forwarding in part, in the card's own words. */
static GtkWidget *
find_history_part (AppealsCardWindow *card)
{
  AdwViewStack *views = ADW_VIEW_STACK (appeals_test_ui_find_by_name (GTK_WIDGET (card), "card-views"));

  return appeals_test_ui_find_row (adw_view_stack_get_child_by_name (views, "history"),
                                   g_dgettext (GETTEXT_PACKAGE, "Forwarded in part"), APPEALS_TEST_TITLE_PREFIX);
}

static gboolean
history_shows_part (AppealsCardWindow *card)
{
  return find_history_part (card) != NULL;
}

static void
partial_forward_script (AppealsApplication *app,
                        gpointer            user_data)
{
  gint64 id = GPOINTER_TO_SIZE (user_data);
  AppealsCardWindow *card;
  AppealsActionDialog *dialog;
  AppealsUser *user;
  const char *title;
  g_autofree char *shown = NULL;

  sign_in (app, "registrar");
  card = appeals_test_ui_open_card (app, id);
  APPEALS_TEST_WAIT (appeals_test_ui_card_idle, card);
  dialog = appeals_card_window_open_action (card, "forward");
  g_assert_nonnull (dialog);
  g_assert_true (appeals_action_dialog_set_value (dialog, "body", "health"));
  g_assert_true (appeals_action_dialog_set_value (dialog, "scope", "partial"));
  g_assert_true (appeals_action_dialog_set_value (dialog, "outgoing_number", "02-15/771"));
  appeals_action_dialog_apply (dialog);
  APPEALS_TEST_WAIT (card_in_progress, card);
  /* the rest is still the desk's: it may be forwarded or answered */
  shown = dup_shown_actions (card);
  g_assert_cmpstr (shown, ==, "forward answer leave-without-consideration");
  /* the course and the history say what went where */
  g_assert_nonnull (appeals_test_ui_find_by_name (GTK_WIDGET (card), "forwarded"));
  APPEALS_TEST_WAIT (history_shows_part, card);
  /* who forwarded it, named as the desk names people: not the login */
  user = appeals_context_get_user (appeals_window_get_context (appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW)));
  g_assert_nonnull (user->full_name);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_history_part (card)));
  g_assert_true (g_str_has_suffix (title, user->full_name));
  g_assert_null (strstr (title, "registrar"));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (appeals_test_ui_find_by_name (GTK_WIDGET (card),
                                                                                      "card-views")), "history");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_history_part (card)), TRUE);
  appeals_test_ui_settle (300);
  appeals_test_ui_screenshot (GTK_WIDGET (card), "card-history-partial-forward");
  gtk_window_destroy (GTK_WINDOW (card));
}

static void
test_partial_forward (void)
{
  gint64 id = create_appeal ("ru");
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autoptr(JsonObject) appeal = NULL;

  g_assert_cmpint (appeals_test_ui_run (partial_forward_script, GSIZE_TO_POINTER (id)), ==, 0);
  appeal = request_object ("GET", path, "controller", NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (appeal, "status"), ==, "in_progress");
  g_assert_cmpstr (json_object_get_string_member (appeal, "forwarding_scope"), ==, "partial");
  g_assert_cmpstr (json_object_get_string_member (appeal, "forwarding_number"), ==, "02-15/771");
}

/* Closing an appeal on control ---------------------------------------------------- */

static const char all_yes[] =
  "{\"criteria\":[{\"code\":\"all_arguments\",\"answer\":\"yes\"},{\"code\":\"justified\",\"answer\":\"yes\"},"
  "{\"code\":\"specific_facts\",\"answer\":\"yes\"},{\"code\":\"clear_structure\",\"answer\":\"yes\"},"
  "{\"code\":\"appeal_right\",\"answer\":\"yes\"},{\"code\":\"language\",\"answer\":\"yes\"}],"
  "\"verdict\":\"accepted\"}";

static gboolean
card_closed (AppealsCardWindow *card)
{
  return g_strcmp0 (appeals_card_form_get_choice (appeals_card_window_get_form (card), "status"), "closed") == 0;
}

/* A decided appeal's part of the card is locked and says why; the
 * applicant's address and phone stay editable. */
static void
assert_decided_card (AppealsCardWindow *card)
{
  AppealsCardForm *form = appeals_card_window_get_form (card);
  GtkWidget *executor = appeals_card_form_get_widget (form, "executor");
  GtkWidget *group = gtk_widget_get_ancestor (executor, ADW_TYPE_PREFERENCES_GROUP);

  g_assert_false (gtk_widget_get_sensitive (executor));
  g_assert_false (gtk_widget_get_sensitive (appeals_card_form_get_widget (form, "category")));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (appeals_card_form_get_widget (form, "text"))));
  g_assert_true (gtk_widget_get_sensitive (appeals_card_form_get_widget (form, "phone")));
  g_assert_true (gtk_widget_get_sensitive (appeals_card_form_get_widget (form, "address")));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   appeals_problem_code_describe (APPEALS_PROBLEM_APPEAL_DECIDED));
}

typedef struct
{
  gint64      id;
  const char *expected;   /* the registrar's action bar */
  gboolean    close;
} ClosingStep;

static void
closing_script (AppealsApplication *app,
                gpointer            user_data)
{
  const ClosingStep *step = user_data;
  AppealsCardWindow *card;
  g_autofree char *shown = NULL;

  sign_in (app, "registrar");
  card = appeals_test_ui_open_card (app, step->id);
  APPEALS_TEST_WAIT (appeals_test_ui_card_idle, card);
  shown = dup_shown_actions (card);
  g_assert_cmpstr (shown, ==, step->expected);
  if (step->close)
    {
      AppealsActionDialog *dialog = appeals_card_window_open_action (card, "close");

      g_assert_nonnull (dialog);
      appeals_action_dialog_apply (dialog);
      APPEALS_TEST_WAIT (card_closed, card);
      assert_decided_card (card);
      appeals_test_ui_screenshot (GTK_WIDGET (card), "card-closed-after-approval");
    }
  gtk_window_destroy (GTK_WINDOW (card));
}

/* control → answer → accepted expertise waiting: no Close for the
 * registrar; the head approves: Close is there, and closes. */
static void
test_close_on_control (void)
{
  gint64 id = create_appeal ("kk");
  g_autofree char *today = today_iso ();
  g_autofree char *answer = g_strdup_printf ("{\"text\":\"Мектеп автобусы қайта қосылды\",\"received_on\":\"%s\","
                                             "\"character\":\"satisfied\"}", today);
  g_autofree char *expertise_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/expertise", id);
  g_autofree char *appeal_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autofree char *approval_path = NULL;
  g_autoptr(JsonObject) controlled = take_action (id, "controller", "control", NULL);
  g_autoptr(JsonObject) answered = take_action (id, "registrar", "answer", answer);
  g_autoptr(JsonObject) verdict = request_object ("POST", expertise_path, "analyst", all_yes, 201);
  g_autoptr(JsonObject) approval = NULL;
  g_autoptr(JsonObject) closed = NULL;
  ClosingStep waiting = { id, "", FALSE };
  ClosingStep approved = { id, "close", TRUE };

  g_assert_cmpstr (json_object_get_string_member (verdict, "state"), ==, "awaiting_approval");
  g_assert_cmpint (appeals_test_ui_run (closing_script, &waiting), ==, 0);

  approval_path = g_strdup_printf ("/api/v1/expertise/%" G_GINT64_FORMAT "/approval",
                                   json_object_get_int_member (verdict, "id"));
  approval = request_object ("POST", approval_path, "head", NULL, 200);
  g_assert_cmpint (appeals_test_ui_run (closing_script, &approved), ==, 0);

  closed = request_object ("GET", appeal_path, "controller", NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (closed, "status"), ==, "closed");
}

/* The notices ------------------------------------------------------------------- */

typedef struct
{
  const char *action;
  const char *body;
  const char *kind;
  const char *language;
  const char *words;    /* on the printed page */
} NoticeCase;

static const NoticeCase notice_cases[] = {
  { "extend", NULL, "extension", "kk", "ұзартылғанын" },
  { "extend", NULL, "extension", "ru", "продлён" },
  { "terminate", "{\"ground\":\"withdrawn\",\"reason\":\"Заявитель отозвал обращение\"}", "termination", "kk",
    "кері қайтарып алды" },
  { "terminate", "{\"ground\":\"withdrawn\",\"reason\":\"Заявитель отозвал обращение\"}", "termination", "ru",
    "Отозвано заявителем" },
  { "leave-without-consideration", "{\"ground\":\"anonymous\",\"reason\":\"Нет подписи и адреса\"}",
    "leave-without-consideration", "kk", "Анонимді өтініш" },
  { "leave-without-consideration", "{\"ground\":\"anonymous\",\"reason\":\"Нет подписи и адреса\"}",
    "leave-without-consideration", "ru", "Анонимное обращение" },
};

typedef struct
{
  gint64         id;
  AppealsNotice *notice;
  const char    *name;
  const char    *words;
  const char    *number;
} NoticePrint;

static void
notice_script (AppealsApplication *app,
               gpointer            user_data)
{
  NoticePrint *prints = user_data;

  sign_in (app, "head");
  for (guint i = 0; i < G_N_ELEMENTS (notice_cases); i++)
    {
      AppealsCardWindow *card = appeals_test_ui_open_card (app, prints[i].id);
      g_autoptr(AppealsDecisionNotice) notice = NULL;
      g_autofree char *text = NULL;
      g_autofree char *shown = NULL;

      APPEALS_TEST_WAIT (appeals_test_ui_card_idle, card);
      /* the decision owes a notice: the bar offers it */
      shown = dup_shown_actions (card);
      g_assert_nonnull (strstr (shown, "notice"));
      /* and the card says what was decided and sent */
      g_assert_nonnull (appeals_test_ui_find_by_name (GTK_WIDGET (card), "notice"));
      g_assert_nonnull (appeals_test_ui_find_by_name (GTK_WIDGET (card), g_str_equal (notice_cases[i].action, "extend")
                                                                         ? "extended" : "ground"));
      if (i == 0)
        {
          GtkWidget *scrolled = gtk_widget_get_ancestor (appeals_test_ui_find_by_name (GTK_WIDGET (card), "notice"),
                                                         GTK_TYPE_SCROLLED_WINDOW);
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

          /* the course of the appeal is the card's last group */
          appeals_test_ui_settle (300);
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          appeals_test_ui_settle (300);
          appeals_test_ui_screenshot (GTK_WIDGET (card), "card-course");
        }
      notice = appeals_card_window_new_decision_notice (card, prints[i].notice);
      g_assert_nonnull (notice);
      text = export_pdf_text (GTK_PRINT_OPERATION (notice), prints[i].name);
      g_test_message ("%s: %s", prints[i].name, text);
      g_assert_nonnull (strstr (text, prints[i].words));
      g_assert_nonnull (strstr (text, prints[i].number));
      /* the letterhead in the notice's language */
      g_assert_nonnull (strstr (text, g_str_equal (prints[i].notice->language, "kk") ? "Қостанай облысы әкімдігінің"
                                                                                      : "акимата Костанайской"));
      gtk_window_destroy (GTK_WINDOW (card));
    }
}

static void
test_notices (void)
{
  NoticePrint prints[G_N_ELEMENTS (notice_cases)];
  g_autofree char *today = today_iso ();

  for (guint i = 0; i < G_N_ELEMENTS (notice_cases); i++)
    {
      const NoticeCase *c = &notice_cases[i];
      gint64 id = create_appeal (c->language);
      g_autofree char *notice_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/notices", id);
      g_autofree char *extend_body = NULL;
      g_autofree char *notice_body = NULL;
      g_autofree char *name = NULL;
      g_autoptr(JsonObject) decided = NULL;
      g_autoptr(JsonObject) recorded = NULL;
      g_autoptr(JsonNode) node = NULL;
      JsonArray *notices;

      if (g_str_equal (c->action, "extend"))
        {
          g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
          g_autoptr(JsonObject) appeal = request_object ("GET", path, "head", NULL, 200);
          GDate due;

          appeals_date_parse_iso (json_object_get_string_member (appeal, "due_date"), &due);
          g_date_add_days (&due, 20);
          extend_body = g_strdup_printf ("{\"due_date\":\"%04u-%02u-%02u\",\"reason\":\"%s\"}",
                                         g_date_get_year (&due), g_date_get_month (&due), g_date_get_day (&due),
                                         g_str_equal (c->language, "kk") ? "Жергілікті жерде тексеру қажет"
                                                                         : "Требуется выезд на место");
        }
      decided = take_action (id, "head", c->action, extend_body != NULL ? extend_body : c->body);
      notice_body = g_strdup_printf ("{\"kind\":\"%s\",\"outgoing_number\":\"04-12/%u\",\"outgoing_date\":\"%s\"}",
                                     c->kind, 100 + i, today);
      recorded = request_object ("POST", notice_path, "head", notice_body, 201);
      notices = json_object_get_array_member (recorded, "notices");
      node = json_node_copy (json_array_get_element (notices, 0));

      prints[i].id = id;
      prints[i].notice = appeals_notice_new_from_json (node, NULL);
      g_assert_nonnull (prints[i].notice);
      g_assert_cmpstr (prints[i].notice->language, ==, c->language);
      name = g_strdup_printf ("notice-%s-%s.pdf", g_str_equal (c->kind, "leave-without-consideration")
                                                  ? "left-without-consideration" : c->kind, c->language);
      prints[i].name = g_intern_string (name);
      prints[i].words = c->words;
      prints[i].number = g_intern_string (prints[i].notice->outgoing_number);
    }

  g_assert_cmpint (appeals_test_ui_run (notice_script, prints), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (notice_cases); i++)
    appeals_notice_free (prints[i].notice);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "20", NULL };
  int status;

  appeals_test_ui_init (&argc, &argv);
  session = soup_session_new ();

  g_test_add_func ("/lifecycle/allowed-actions-per-role", test_allowed_actions_per_role);
  g_test_add_func ("/lifecycle/answer-dialog", test_answer_dialog);
  g_test_add_func ("/lifecycle/partial-forward", test_partial_forward);
  g_test_add_func ("/lifecycle/close-on-control", test_close_on_control);
  g_test_add_func ("/lifecycle/notices", test_notices);

  status = appeals_test_ui_run_tests (&server, args);
  g_object_unref (session);
  return status;
}
