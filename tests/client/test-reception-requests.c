/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-reception-requests.c: the requests for a reception beside the
 * calendar, in real windows against a real server, in the language of
 * $LANGUAGE (kk, ru): the list shows new, in analysis, decided and
 * refused requests; the decision dialog shows the earliest day the steps
 * allow and offers only the free times of the chosen official on the
 * chosen day — a time booked meanwhile through the API is never among
 * them — and books the reception. Screenshots of the list and the dialog.
 */
#include "config.h"

#include <string.h>

#include "appeals-decision-dialog.h"
#include "appeals-reception-requests-view.h"
#include "test-receptions.h"

#define IIN "850720400027"

static gint64
register_request (SoupSession *session,
                  const char  *token,
                  gint64       applicant,
                  const char  *question)
{
  g_autofree char *body = g_strdup_printf ("{\"applicant_id\":%" G_GINT64_FORMAT ",\"question\":\"%s\","
                                           "\"channel\":\"by_hand\"}", applicant, question);
  g_autoptr(AppealsTestResponse) created = appeals_test_request (server, session, "POST", "/api/v1/reception-requests",
                                                                 token, body, NULL);

  if (created->status != 201)
    g_error ("reception request: %u %s", created->status, created->text);
  return json_object_get_int_member (appeals_test_response_object (created), "id");
}

static JsonObject *
act (SoupSession *session,
     const char  *token,
     gint64       id,
     const char  *action,
     const char  *body,
     AppealsTestResponse **keep)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/reception-requests/%" G_GINT64_FORMAT "/actions/%s", id, action);

  *keep = appeals_test_request (server, session, "POST", path, token, body, NULL);
  if ((*keep)->status != 200)
    g_error ("%s: %u %s", action, (*keep)->status, (*keep)->text);
  return appeals_test_response_object (*keep);
}

/* The first day from @from (ISO) on which @official has a free time. */
static char *
first_free_day (SoupSession *session,
                const char  *token,
                gint64       official,
                const char  *from,
                char       **time)
{
  GDate day;

  appeals_date_parse_iso (from, &day);
  for (guint i = 0; i < 60; i++, g_date_add_days (&day, 1))
    {
      g_autofree char *iso = appeals_date_format_iso (&day);
      g_auto(GStrv) times = appeals_test_free_times (server, session, token, official, iso);

      if (times[0] != NULL)
        {
          *time = g_strdup (times[0]);
          return g_steal_pointer (&iso);
        }
    }
  g_error ("no free time with official %" G_GINT64_FORMAT " in 60 days from %s", official, from);
}

/* Counts a signal's emissions ("loaded", "applicant-found"). */
static void
on_view_loaded (gpointer  emitter,
                guint    *loaded)
{
  (*loaded)++;
}

static gboolean
view_loaded (guint *loaded)
{
  return *loaded > 0;
}

typedef struct
{
  AppealsSlotPicker *picker;
  guint              n;
} Offered;

static gboolean
times_offered (Offered *offered)
{
  return appeals_slot_picker_get_n_free_times (offered->picker) == offered->n && offered->n > 0;
}

static gboolean
dialog_gone (AppealsApplication *app)
{
  return appeals_test_ui_find_window (app, APPEALS_TYPE_DECISION_DIALOG) == NULL;
}

static gboolean
booking_gone (AppealsApplication *app)
{
  return appeals_test_ui_find_window (app, APPEALS_TYPE_BOOKING_DIALOG) == NULL;
}

static JsonObject *
get_request (SoupSession          *session,
             const char           *token,
             gint64                id,
             AppealsTestResponse **keep)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/reception-requests/%" G_GINT64_FORMAT, id);

  *keep = appeals_test_request (server, session, "GET", path, token, NULL, NULL);
  g_assert_cmpuint ((*keep)->status, ==, 200);
  return appeals_test_response_object (*keep);
}

/* A request registered from the list: the applicant by IIN, the essence
 * typed, the channel chosen; the list then shows it, new, and how it came. */
static void
register_from_list (AppealsApplication           *app,
                    AppealsReceptionRequestsView *view,
                    guint                        *loaded)
{
  AppealsBookingDialog *dialog = APPEALS_BOOKING_DIALOG (appeals_reception_requests_view_register (view));
  AppealsReceptionRequest *newest;
  guint found = 0;

  g_signal_connect (dialog, "applicant-found", G_CALLBACK (on_view_loaded), &found);
  appeals_booking_dialog_find_applicant (dialog, IIN);
  APPEALS_TEST_WAIT (view_loaded, &found);
  appeals_booking_dialog_set_question (dialog, "Балалар алаңын салу");
  g_assert_false (appeals_booking_dialog_set_channel (dialog, "virtual_reception"));
  g_assert_true (appeals_booking_dialog_set_channel (dialog, "kazpost"));
  *loaded = 0;
  gtk_widget_activate_action (GTK_WIDGET (dialog), "booking.book", NULL);
  APPEALS_TEST_WAIT (booking_gone, app);
  APPEALS_TEST_WAIT (view_loaded, loaded);
  newest = g_ptr_array_index (appeals_reception_requests_view_get_requests (view), 0);
  g_assert_cmpstr (newest->question, ==, "Балалар алаңын салу");
  g_assert_cmpstr (newest->state, ==, "new");
  g_assert_cmpstr (newest->channel, ==, "kazpost");
  g_assert_nonnull (appeals_test_ui_find_row (GTK_WIDGET (view),
                                              appeals_enum_get_label (APPEALS_TYPE_CHANNEL, APPEALS_CHANNEL_KAZPOST),
                                              APPEALS_TEST_TITLE_CONTAINS));
}

/* The refused request's notice for the applicant, in the run's language
 * (prints/request-refusal-<lang>.pdf): the question, the day it was
 * registered and the reason; none for a request that is not refused. */
static void
check_refusal_notice (AppealsReceptionRequestsView *view,
                      gint64                        refused,
                      gint64                        open)
{
  gboolean kk = g_strcmp0 (g_getenv ("LANGUAGE"), "kk") == 0;
  g_autoptr(AppealsRefusalNotice) notice = appeals_reception_requests_view_new_refusal_notice (view, refused,
                                                                                              kk ? "kk" : "ru");
  g_autoptr(AppealsRefusalNotice) none = appeals_reception_requests_view_new_refusal_notice (view, open, "kk");
  g_autofree char *text = NULL;
  g_autofree char *registered = NULL;
  GDate today;

  g_assert_null (none);
  g_assert_nonnull (notice);
  appeals_date_get_today (&today);
  registered = appeals_format_date (&today);
  text = export_pdf_text (GTK_PRINT_OPERATION (notice), kk ? "request-refusal-kk.pdf" : "request-refusal-ru.pdf");
  g_assert_nonnull (strstr (text, "Мәселе аудан әкімдігінің құзыретінде"));
  g_assert_nonnull (strstr (text, "Жер учаскесін беру"));
  g_assert_nonnull (strstr (text, "Жұмабаев Ержан"));
  g_assert_nonnull (strstr (text, registered));
  g_assert_nonnull (strstr (text, kk ? "бас тартылды" : "отказано"));
  g_assert_nonnull (strstr (text, kk ? "сотқа" : "в суде"));
  /* not the notice for a request without the essence */
  g_assert_null (strstr (text, kk ? "мәселенің мәні баяндалмаған" : "не изложена суть вопроса"));
}

/* An official who receives every day of the week, 08:00–18:00. */
static gint64
create_open_official (SoupSession *session)
{
  g_autofree char *token = api_token ("controller");
  g_autoptr(GString) body = g_string_new ("{\"full_name\":{\"kk\":\"Әбенов Ерлан\",\"ru\":\"Абенов Ерлан\"},"
                                          "\"position\":{\"kk\":\"Орынбасар\",\"ru\":\"Заместитель\"},\"schedule\":[");
  g_autoptr(AppealsTestResponse) created = NULL;

  for (guint weekday = 1; weekday <= 7; weekday++)
    g_string_append_printf (body, "%s{\"weekday\":%u,\"start\":\"08:00\",\"end\":\"18:00\",\"place\":\"каб. 1\"}",
                            weekday > 1 ? "," : "", weekday);
  g_string_append (body, "]}");
  created = appeals_test_request (server, session, "POST", "/api/v1/officials", token, body->str, NULL);
  g_assert_cmpuint (created->status, ==, 201);
  return json_object_get_int_member (appeals_test_response_object (created), "id");
}

/* The head fixes a day before the earliest, with a reason, with an
 * official who receives every day. */
static void
override_as_head (AppealsApplication *app,
                  SoupSession        *session,
                  gint64              official,
                  gint64              id,
                  const char         *earliest)
{
  g_autofree char *head = api_token ("head");
  g_autoptr(AppealsTestResponse) analysed = NULL;
  g_autoptr(AppealsTestResponse) after = NULL;
  AppealsWindow *window;
  AppealsReceptionRequestsView *view;
  AppealsDecisionDialog *dialog;
  AppealsSlotPicker *picker;
  g_autofree char *tomorrow = NULL;
  g_autofree char *time = NULL;
  g_autofree char *soon = NULL;
  g_auto(GStrv) free = NULL;
  JsonObject *request;
  guint loaded = 0;
  Offered offered;
  GDate date;

  appeals_date_get_today (&date);
  g_date_add_days (&date, 1);
  tomorrow = appeals_date_format_iso (&date);
  soon = first_free_day (session, head, official, tomorrow, &time);
  if (strcmp (soon, earliest) >= 0)
    {
      g_test_message ("no free time before %s: the override is not tried", earliest);
      return;
    }
  act (session, head, id, "analyse", NULL, &analysed);
  window = sign_in (app, "head");
  appeals_window_show_page (window, "receptions");
  view = appeals_receptions_page_get_requests_view (APPEALS_RECEPTIONS_PAGE (appeals_window_get_receptions_page (window)));
  g_signal_connect (view, "loaded", G_CALLBACK (on_view_loaded), &loaded);
  appeals_reception_requests_view_reload (view);
  APPEALS_TEST_WAIT (view_loaded, &loaded);

  dialog = APPEALS_DECISION_DIALOG (appeals_reception_requests_view_decide (view, id));
  g_assert_true (appeals_decision_dialog_can_override (dialog));
  picker = appeals_decision_dialog_get_slot_picker (dialog);
  appeals_slot_picker_set_officials (picker, appeals_reference_service_get_officials (
    appeals_context_get_reference_service (appeals_application_get_context (app))), official);
  g_assert_cmpint (appeals_slot_picker_get_official (picker)->id, ==, official);
  free = appeals_test_free_times (server, session, head, official, soon);
  appeals_date_parse_iso (soon, &date);
  appeals_slot_picker_set_date (picker, &date);
  offered = (Offered) { picker, g_strv_length (free) };
  APPEALS_TEST_WAIT (times_offered, &offered);
  appeals_decision_dialog_set_override (dialog, "Өтініш беруші ұзақ іссапарға кетеді");
  appeals_test_ui_screenshot (GTK_WIDGET (dialog), "decision-dialog-override");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "decision.decide", NULL);
  APPEALS_TEST_WAIT (dialog_gone, app);

  request = get_request (session, head, id, &after);
  g_assert_cmpstr (json_object_get_string_member (request, "state"), ==, "decided");
  g_assert_cmpstr (json_object_get_string_member (request, "override_reason"), ==,
                   "Өтініш беруші ұзақ іссапарға кетеді");
}

static void
requests_script (AppealsApplication *app,
                 gpointer            user_data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = api_token ("registrar");
  g_autofree char *head = api_token ("head");
  g_autoptr(AppealsTestResponse) officials = NULL;
  g_autoptr(AppealsTestResponse) person = NULL;
  g_autoptr(AppealsTestResponse) analysed = NULL;
  g_autoptr(AppealsTestResponse) refused = NULL;
  g_autoptr(AppealsTestResponse) head_analysed = NULL;
  g_autoptr(AppealsTestResponse) head_decided = NULL;
  g_autoptr(AppealsTestResponse) taken = NULL;
  g_autoptr(AppealsTestResponse) after = NULL;
  gint64 official, open_official, applicant, waiting, to_decide, to_refuse, decided_early;
  AppealsWindow *window;
  AppealsReceptionsPage *page;
  AppealsReceptionRequestsView *view;
  AppealsDecisionDialog *dialog;
  AppealsSlotPicker *picker;
  g_autofree char *earliest = NULL;
  g_autofree char *day = NULL;
  g_autofree char *first_time = NULL;
  g_autofree char *soon_time = NULL;
  g_autofree char *soon = NULL;
  g_autofree char *booking = NULL;
  g_autofree char *decision = NULL;
  g_auto(GStrv) free = NULL;
  guint loaded = 0;
  Offered offered;
  GDate date;

  official = json_object_get_int_member (first_official (session, token, &officials), "id");
  open_official = create_open_official (session);
  person = appeals_test_request (server, session, "POST", "/api/v1/applicants", token,
                                 "{\"iin\":\"" IIN "\",\"surname\":\"Жұмабаев\",\"given_name\":\"Ержан\","
                                 "\"address\":\"Қостанай қ., Байтұрсынов к-сі, 12\",\"phone\":\"87051230045\"}", NULL);
  g_assert_cmpuint (person->status, ==, 201);
  applicant = json_object_get_int_member (appeals_test_response_object (person), "id");

  /* one request in each state */
  waiting = register_request (session, token, applicant, "Көпқабатты үйдің шатырын жөндеу");
  to_refuse = register_request (session, token, applicant, "Жер учаскесін беру");
  act (session, token, to_refuse, "refuse", "{\"reason\":\"Мәселе аудан әкімдігінің құзыретінде\"}", &refused);
  decided_early = register_request (session, token, applicant, "Мектеп автобусы");
  act (session, head, decided_early, "analyse", NULL, &head_analysed);
  earliest = g_strdup (json_object_get_string_member (appeals_test_response_object (head_analysed), "earliest_date"));
  {
    g_autofree char *today = NULL;
    GDate now;

    appeals_date_get_today (&now);
    g_date_add_days (&now, 1);
    today = appeals_date_format_iso (&now);
    soon = first_free_day (session, token, official, today, &soon_time);
  }
  /* the head may take an earlier day than the steps leave room for, with a reason */
  decision = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"start_time\":\"%s\","
                              "\"override_reason\":\"Шұғыл мәселе\"}", official, soon, soon_time);
  act (session, head, decided_early, "decide", decision, &head_decided);
  to_decide = register_request (session, token, applicant, "Ауылға су құбырын тарту");
  act (session, token, to_decide, "analyse", NULL, &analysed);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (analysed), "earliest_date"), ==,
                   earliest);

  window = sign_in (app, "registrar");
  appeals_window_show_page (window, "receptions");
  page = APPEALS_RECEPTIONS_PAGE (appeals_window_get_receptions_page (window));
  view = appeals_receptions_page_get_requests_view (page);
  g_signal_connect (view, "loaded", G_CALLBACK (on_view_loaded), &loaded);
  appeals_reception_requests_view_reload (view);
  APPEALS_TEST_WAIT (view_loaded, &loaded);
  g_assert_cmpuint (appeals_reception_requests_view_get_requests (view)->len, ==, 4);
  {
    GPtrArray *requests = appeals_reception_requests_view_get_requests (view);
    const char *expected[] = { "in_analysis", "decided", "refused", "new" };
    gint64 ids[] = { to_decide, decided_early, to_refuse, waiting };

    /* newest first, each in its state */
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        AppealsReceptionRequest *request = g_ptr_array_index (requests, i);

        g_assert_cmpint (request->id, ==, ids[i]);
        g_assert_cmpstr (request->state, ==, expected[i]);
      }
  }
  appeals_test_ui_screenshot (GTK_WIDGET (window), "reception-requests");
  check_refusal_notice (view, to_refuse, waiting);

  register_from_list (app, view, &loaded);

  /* the refused ones alone */
  loaded = 0;
  appeals_reception_requests_view_set_state (view, "refused");
  APPEALS_TEST_WAIT (view_loaded, &loaded);
  g_assert_cmpuint (appeals_reception_requests_view_get_requests (view)->len, ==, 1);
  loaded = 0;
  appeals_reception_requests_view_set_state (view, NULL);
  APPEALS_TEST_WAIT (view_loaded, &loaded);

  /* a day the steps allow with a free time; its first time is taken meanwhile */
  day = first_free_day (session, token, official, earliest, &first_time);
  booking = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"start_time\":\"%s\","
                             "\"applicant_id\":%" G_GINT64_FORMAT ",\"question\":\"Жылу беру\"}",
                             official, day, first_time, applicant);
  taken = appeals_test_request (server, session, "POST", "/api/v1/receptions", token, booking, NULL);
  g_assert_cmpuint (taken->status, ==, 201);
  free = appeals_test_free_times (server, session, token, official, day);
  g_assert_false (g_strv_contains ((const char * const *) free, first_time));

  dialog = APPEALS_DECISION_DIALOG (appeals_reception_requests_view_decide (view, to_decide));
  g_assert_nonnull (dialog);
  g_assert_false (appeals_decision_dialog_can_override (dialog));
  picker = appeals_decision_dialog_get_slot_picker (dialog);
  appeals_date_parse_iso (day, &date);
  appeals_slot_picker_set_date (picker, &date);
  offered = (Offered) { picker, g_strv_length (free) };
  APPEALS_TEST_WAIT (times_offered, &offered);
  /* exactly the free times, the taken one never */
  for (guint i = 0; i < appeals_slot_picker_get_n_free_times (picker); i++)
    {
      g_assert_cmpstr (appeals_slot_picker_get_free_time (picker, i), ==, free[i]);
      g_assert_cmpstr (appeals_slot_picker_get_free_time (picker, i), !=, first_time);
    }
  appeals_slot_picker_set_time (picker, first_time);
  g_assert_cmpstr (appeals_slot_picker_get_time (picker), ==, "");
  appeals_slot_picker_set_time (picker, free[0]);
  g_assert_cmpstr (appeals_slot_picker_get_time (picker), ==, free[0]);
  appeals_test_ui_screenshot (GTK_WIDGET (dialog), "decision-dialog");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "decision.decide", NULL);
  APPEALS_TEST_WAIT (dialog_gone, app);
  {
    JsonObject *request = get_request (session, token, to_decide, &after);
    g_autofree char *reception_path = NULL;
    g_autoptr(AppealsTestResponse) reception = NULL;

    g_assert_cmpstr (json_object_get_string_member (request, "state"), ==, "decided");
    reception_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT,
                                      json_object_get_int_member (request, "reception_id"));
    reception = appeals_test_request (server, session, "GET", reception_path, token, NULL, NULL);
    g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (reception), "date"), ==, day);
    g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (reception), "start_time"), ==,
                     free[0]);
  }

  override_as_head (app, session, open_official, waiting, earliest);
}

static void
test_requests (void)
{
  g_assert_cmpint (appeals_test_ui_run (requests_script, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", NULL };

  appeals_test_ui_init (&argc, &argv);
  g_test_add_func ("/reception-requests/list-and-decision", test_requests);
  test_reception_arrangements_add ();
  return appeals_test_ui_run_tests (&server, args);
}
