/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-screenshots.c: renders the sign-in dialog, the journal, the card
 * editor, a new card with a field error, the merge dialog, the expertise
 * and analytics pages (with the line report, one of whose figures opens
 * the journal on the appeals behind it), the month of receptions with a day's queue, the
 * booking dialog refusing a request, a reception's workflow, My Day and
 * the leadership's review to PNG in the language of $LANGUAGE, against a
 * real server with demo data.
 */
#include "config.h"

#include <string.h>

#include "appeals-expertise-page.h"
#include "appeals-journal-model.h"
#include "appeals-journal-page.h"
#include "appeals-quality-page.h"
#include "appeals-merge-dialog.h"
#include "appeals-receptions-page.h"
#include "appeals-review-page.h"
#include "appeals-test-server.h"
#include "appeals-test-ui.h"

static AppealsTestServer *server;

static gboolean
journal_loaded (AppealsApplication *app)
{
  AppealsWindow *window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  GListModel *model = appeals_journal_page_get_model (APPEALS_JOURNAL_PAGE (appeals_window_get_journal_page (window)));

  return appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) == NULL &&
         g_list_model_get_n_items (model) > 0;
}

static gboolean
expertise_loaded (AppealsApplication *app)
{
  AppealsWindow *window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  GListModel *model = appeals_expertise_page_get_model (APPEALS_EXPERTISE_PAGE (appeals_window_get_expertise_page (window)));
  g_autoptr(AppealsAppeal) first = g_list_model_get_n_items (model) > 0 ? g_list_model_get_item (model, 0) : NULL;

  return appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) == NULL && first != NULL && first->id > 0;
}

static gboolean
quality_listed (AppealsWindow *window)
{
  GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (appeals_test_ui_find_by_name (GTK_WIDGET (window), "pages")),
                                                 "analytics");

  return appeals_quality_page_get_n_bodies (APPEALS_QUALITY_PAGE (page)) > 0;
}

static AppealsLineReportView *
line_report_of (AppealsWindow *window)
{
  GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (appeals_test_ui_find_by_name (GTK_WIDGET (window), "pages")),
                                                 "analytics");

  return appeals_quality_page_get_line_report (APPEALS_QUALITY_PAGE (page));
}

static gboolean
line_report_shown (AppealsWindow *window)
{
  AppealsLineReportView *view = line_report_of (window);

  return appeals_line_report_view_get_report (view) != NULL &&
         appeals_line_report_view_get_row (view, APPEALS_REPORT_DISTRICT, 0) != NULL;
}

/* The line report scrolled into view, then one of its figures opened. */
static void
line_report_script (AppealsApplication *app,
                    AppealsWindow      *window)
{
  AppealsLineReportView *view = line_report_of (window);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  AppealsRanking *outcomes;
  AppealsReportRow *first;
  AppealsTestFigure figure = { app, window, 0 };
  double x = 0, y = 0;

  APPEALS_TEST_WAIT (line_report_shown, window);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (view), gtk_scrolled_window_get_child (
                                                     GTK_SCROLLED_WINDOW (scrolled)), 0, 0, &x, &y));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), y);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "analytics-report");

  outcomes = appeals_report_get_ranking (appeals_line_report_view_get_report (view), APPEALS_REPORT_OUTCOME);
  g_assert_cmpuint (outcomes->rows->len, >, 0);
  first = g_ptr_array_index (outcomes->rows, 0);
  figure.count = first->count;
  g_signal_emit_by_name (appeals_line_report_view_get_row (view, APPEALS_REPORT_OUTCOME, 0), "activated");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_shows_figure, &figure);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "analytics-journal");
}

/* the server took the verdict (it waits a few seconds for Undo first) */
static gboolean
verdict_taken (guint *count)
{
  return *count > 0;
}

static void
on_verdict_given (AppealsExpertiseService *service,
                  gint64                   appeal_id,
                  guint                   *count)
{
  (*count)++;
}

static gboolean
card_idle (AppealsCardWindow *card)
{
  return !appeals_card_window_is_busy (card);
}

static gboolean
merge_dialog_open (AppealsCardWindow *card)
{
  return appeals_card_window_get_merge_dialog (card) != NULL;
}

static AppealsCardWindow *
newest_card (AppealsApplication *app)
{
  /* the application lists its newest window first */
  return appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW);
}

/* Receptions ---------------------------------------------------------------- */

static gint64
book (SoupSession *session,
      const char  *token,
      gint64       official,
      gint64       applicant,
      const GDate *date,
      const char  *time,
      const char  *priority,
      const char  *question)
{
  g_autofree char *iso = appeals_date_format_iso (date);
  g_autofree char *quoted = priority != NULL ? g_strdup_printf ("\"%s\"", priority) : g_strdup ("null");
  g_autofree char *body = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"start_time\":\"%s\","
                                           "\"applicant_id\":%" G_GINT64_FORMAT ",\"question\":\"%s\",\"priority\":%s}",
                                           official, iso, time, applicant, question, quoted);
  g_autoptr(AppealsTestResponse) booked = appeals_test_request (server, session, "POST", "/api/v1/receptions", token,
                                                                body, NULL);

  if (booked->status != 201)
    g_error ("booking: %u %s", booked->status, booked->text);
  return json_object_get_int_member (appeals_test_response_object (booked), "id");
}

static gint64
create_applicant (SoupSession *session,
                  const char  *token,
                  const char  *iin,
                  const char  *surname,
                  const char  *given_name)
{
  g_autofree char *body = g_strdup_printf ("{\"iin\":\"%s\",\"surname\":\"%s\",\"given_name\":\"%s\","
                                           "\"address\":\"Қостанай қ., Абай даңғылы, 5\",\"phone\":\"87051234567\"}",
                                           iin, surname, given_name);
  g_autoptr(AppealsTestResponse) created = appeals_test_request (server, session, "POST", "/api/v1/applicants", token,
                                                                 body, NULL);

  if (created->status != 201)
    g_error ("applicant: %u %s", created->status, created->text);
  return json_object_get_int_member (appeals_test_response_object (created), "id");
}

static gboolean
officials_known (AppealsReceptionsPage *page)
{
  return appeals_receptions_page_get_officials (page) != NULL;
}

static gboolean
queue_filled (AppealsReceptionsPage *page)
{
  GPtrArray *queue = appeals_receptions_page_get_queue (page);

  return queue != NULL && queue->len >= 3;
}

static gboolean
review_filled (AppealsReviewPage *page)
{
  return appeals_review_page_get_current (page) != NULL;
}

static void
on_reception_loaded (GObject  *window,
                     gboolean *loaded)
{
  *loaded = TRUE;
}

static gboolean
is_true (gboolean *flag)
{
  return *flag;
}

static gboolean
booking_refused (AppealsBookingDialog *dialog)
{
  return appeals_booking_dialog_get_error (dialog, "question") != NULL;
}

static void
on_applicant_found (AppealsBookingDialog *dialog,
                    gboolean             *found)
{
  *found = TRUE;
}

static const char *wanted_login;

static gboolean
signed_in_as_wanted (AppealsApplication *app)
{
  AppealsUser *user = appeals_api_client_get_user (appeals_application_get_client (app));

  return appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) == NULL &&
         user != NULL && g_strcmp0 (user->login, wanted_login) == 0;
}

static void
switch_user (AppealsApplication *app,
             const char         *login)
{
  GtkWidget *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  APPEALS_TEST_WAIT (appeals_test_ui_sign_in_dialog_open, app);
  dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG);
  appeals_test_ui_type (dialog, "login", login);
  appeals_test_ui_type (dialog, "password", "demo");
  appeals_test_ui_click (dialog, "sign-in");
  wanted_login = login;
  APPEALS_TEST_WAIT (signed_in_as_wanted, app);
}

static void
receptions_script (AppealsApplication *app,
                   AppealsWindow      *window)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "registrar", "demo");
  g_autoptr(AppealsTestResponse) officials = appeals_test_request (server, session, "GET", "/api/v1/officials", token,
                                                                   NULL, NULL);
  JsonObject *official = json_array_get_object_element (json_object_get_array_member (
                           appeals_test_response_object (officials), "items"), 0);
  JsonArray *schedule = json_object_get_array_member (official, "schedule");
  gint64 official_id = json_object_get_int_member (official, "id");
  AppealsCalendar *calendar = appeals_reference_service_get_calendar (appeals_context_get_reference_service (appeals_application_get_context (app)));
  AppealsReceptionsPage *page = APPEALS_RECEPTIONS_PAGE (appeals_window_get_receptions_page (window));
  AppealsReviewPage *review;
  AppealsReceptionWindow *reception;
  AppealsBookingDialog *booking;
  gint64 first = create_applicant (session, token, "061211600012", "Сейтқали", "Әлия");
  gint64 second = create_applicant (session, token, "880520300128", "Иванов", "Сергей");
  gint64 third = create_applicant (session, token, "911111300343", "Нұрланов", "Ержан");
  gint64 tomorrow_id;
  gboolean loaded = FALSE;
  g_autofree char *appeal_body = g_strdup_printf ("{\"applicant_id\":%" G_GINT64_FORMAT ",\"channel\":\"by_hand\","
                                                  "\"form\":\"electronic\",\"kind\":\"application\","
                                                  "\"addressee_body\":\"land\",\"question_character\":\"land\","
                                                  "\"category\":\"typical\",\"language\":\"kk\","
                                                  "\"district\":\"kostanay-city\","
                                                  "\"annotation\":\"Жер телімін беру туралы\"}", first);
  g_autoptr(AppealsTestResponse) earlier = appeals_test_request (server, session, "POST", "/api/v1/appeals", token,
                                                                 appeal_body, NULL);
  GDate today, day, next;

  g_assert_cmpuint (earlier->status, ==, 201);

  /* three visitors on the official's next reception day, one tomorrow */
  appeals_date_get_today (&today);
  day = today;
  g_date_add_days (&day, 2);
  for (gboolean found = FALSE; !found; g_date_add_days (&day, found ? 0 : 1))
    for (guint j = 0; j < json_array_get_length (schedule) && !found; j++)
      found = appeals_calendar_is_working_day (calendar, &day) &&
              json_object_get_int_member (json_array_get_object_element (schedule, j), "weekday") == g_date_get_weekday (&day);
  {
    g_autofree char *day_iso = appeals_date_format_iso (&day);
    g_auto(GStrv) times = appeals_test_free_times (server, session, token, official_id, day_iso);
    g_autofree char *next_time = NULL;

    g_assert_cmpuint (g_strv_length (times), >=, 3);
    book (session, token, official_id, first, &day, times[0], NULL, "Жер телімін беру мерзімі");
    book (session, token, official_id, second, &day, times[1], "disability", "Пандус в подъезде дома");
    book (session, token, official_id, third, &day, times[2], "war_veteran", "Тұрғын үйді жөндеу");
    next_time = appeals_test_next_free_time (server, session, token, official_id, &next);
    tomorrow_id = book (session, token, official_id, first, &next, next_time, "pregnant", "Балабақшаға кезек");
  }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/attachments?kind=reference_note"
                                             "&file_name=note.txt", tomorrow_id);
    g_autoptr(GBytes) note = g_bytes_new_static ("Анықтама / Справка", strlen ("Анықтама / Справка"));
    g_autoptr(AppealsTestResponse) attached = appeals_test_request_bytes (server, session, "POST", path, token,
                                                                          "text/plain", note);

    g_assert_cmpuint (attached->status, ==, 201);
  }

  switch_user (app, "registrar");
  appeals_window_show_page (window, "receptions");
  APPEALS_TEST_WAIT (officials_known, page);
  appeals_receptions_page_select_official (page, official_id);
  appeals_month_view_set_selected (appeals_receptions_page_get_month_view (page), &day);
  APPEALS_TEST_WAIT (queue_filled, page);
  appeals_test_ui_settle (500);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "receptions-month");
  appeals_receptions_page_show_day_view (page, "slots");
  appeals_test_ui_settle (300);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "receptions-slots");
  {
    gboolean week = FALSE;

    g_signal_connect (page, "week-loaded", G_CALLBACK (on_reception_loaded), &week);
    appeals_receptions_page_show_day_view (page, "week");
    APPEALS_TEST_WAIT (is_true, &week);
    g_signal_handlers_disconnect_by_func (page, on_reception_loaded, &week);
  }
  appeals_test_ui_settle (300);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "receptions-week");
  appeals_receptions_page_show_day_view (page, "queue");

  {
    AppealsScheduleDialog *editor = appeals_receptions_page_edit_schedule (page, official_id);

    appeals_test_ui_settle (300);
    appeals_test_ui_screenshot (GTK_WIDGET (editor), "schedule");
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  booking = appeals_receptions_page_book (page);
  {
    gboolean found = FALSE;

    g_signal_connect (booking, "applicant-found", G_CALLBACK (on_applicant_found), &found);
    appeals_booking_dialog_find_applicant (booking, "061211600012");
    APPEALS_TEST_WAIT (is_true, &found);
  }
  gtk_widget_activate_action (GTK_WIDGET (booking), "booking.book", NULL);
  APPEALS_TEST_WAIT (booking_refused, booking);
  appeals_test_ui_settle (300);
  appeals_test_ui_screenshot (GTK_WIDGET (booking), "booking");
  gtk_window_destroy (GTK_WINDOW (booking));

  reception = appeals_receptions_page_open_reception (page, tomorrow_id);
  g_signal_connect (reception, "loaded", G_CALLBACK (on_reception_loaded), &loaded);
  APPEALS_TEST_WAIT (is_true, &loaded);
  appeals_test_ui_settle (500);
  appeals_test_ui_screenshot (GTK_WIDGET (reception), "reception-workflow");
  /* moving it: the free times of its day, the booked one not among them */
  {
    AppealsReception *shown = appeals_reception_window_get_reception (reception);
    char day_text[16];
    GtkWindow *form;

    gtk_widget_activate_action (GTK_WIDGET (reception), "reception.move", NULL);
    form = appeals_reception_window_get_status_form (reception);
    g_assert_nonnull (form);
    g_date_strftime (day_text, sizeof day_text, "%d.%m.%Y", &shown->date);
    appeals_test_ui_type (GTK_WIDGET (form), "move-date", day_text);
    appeals_test_ui_settle (800);
    appeals_test_ui_screenshot (GTK_WIDGET (form), "reception-move");
  }
  gtk_window_destroy (GTK_WINDOW (reception));


  switch_user (app, "leadership");
  review = APPEALS_REVIEW_PAGE (appeals_window_get_review_page (window));
  appeals_window_show_page (window, "review");
  APPEALS_TEST_WAIT (review_filled, review);
  appeals_review_page_select (review, tomorrow_id);
  appeals_test_ui_settle (300);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "review");
}

static GtkWidget *
find_leaflet (GtkWidget *widget)
{
  if (ADW_IS_LEAFLET (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_leaflet (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The journal on the screens the department has, and narrow: the
 * sidebar stays beside the journal from the window's default size up,
 * and folds only when the window is really narrow. */
static void
report_wide (GtkWidget *widget,
             int        depth)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum < 700)
    return;
  g_test_message ("%*s%s %s: %d", depth, "", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget), minimum);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    report_wide (child, depth + 1);
}

static void
journal_at_sizes (AppealsWindow *window)
{
  const struct { int width, height; gboolean folded; const char *name; } sizes[] = {
    { 1300, 800, FALSE, "journal-default" },
    { 1366, 768, FALSE, "journal-1366x768" },
    { 1920, 1080, FALSE, "journal-1920x1080" },
    { 720, 700, TRUE, "journal-narrow" },   /* as narrow as the pages allow */
  };
  AdwLeaflet *leaflet = ADW_LEAFLET (find_leaflet (GTK_WIDGET (window)));

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int minimum = 0;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i].width, sizes[i].height);
      appeals_test_ui_settle (500);

      gtk_widget_measure (appeals_window_get_receptions_page (window), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      g_test_message ("%s: %d px wide, folded %d; the receptions page needs %d px", sizes[i].name,
                      gtk_widget_get_width (GTK_WIDGET (window)), adw_leaflet_get_folded (leaflet), minimum);
      appeals_test_ui_screenshot (GTK_WIDGET (window), sizes[i].name);
      if (adw_leaflet_get_folded (leaflet) != sizes[i].folded)
        {
          GtkWidget *pages = appeals_test_ui_find_by_name (GTK_WIDGET (window), "pages");

          /* which section keeps the window from holding its sidebar */
          for (GtkWidget *page = gtk_widget_get_first_child (pages); page != NULL; page = gtk_widget_get_next_sibling (page))
            {
              gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
              g_test_message ("%s needs %d px", G_OBJECT_TYPE_NAME (page), minimum);
              report_wide (page, 0);
            }
        }
      g_assert_cmpint (adw_leaflet_get_folded (leaflet), ==, sizes[i].folded);
    }
}

/* every section the registrar's window shows, at the two screens people
 * have, with the sidebar beside it */
static void
sections_at_sizes (AppealsWindow *window)
{
  static const char * const sections[] = {
    "work", "journal", "receptions", "review", "expertise", "analytics", "orders", "intake",
  };
  const struct { int width, height; } sizes[] = { { 1366, 768 }, { 1920, 1080 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i].width, sizes[i].height);
      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%dx%d", sections[s], sizes[i].width, sizes[i].height);

          /* the registrar's window has no review */
          if (!appeals_window_is_section_shown (window, sections[s]))
            continue;
          appeals_window_show_page (window, sections[s]);
          appeals_test_ui_settle (600);
          {
            GtkWidget *page = appeals_test_ui_get_page (window, sections[s]);
            int minimum = 0;

            gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
            g_test_message ("%s: %d px wide, folded %d; the page needs %d px", name,
                            gtk_widget_get_width (GTK_WIDGET (window)),
                            adw_leaflet_get_folded (ADW_LEAFLET (find_leaflet (GTK_WIDGET (window)))), minimum);
            report_wide (page, 0);
          }
          appeals_test_ui_screenshot (GTK_WIDGET (window), name);
          /* the window fits the screen: a page that cannot grow lower
           * scrolls (the receptions page needed 876 px) */
          g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, sizes[i].height);
          /* after the narrow window too: the sidebar comes back */
          g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (find_leaflet (GTK_WIDGET (window)))));
        }
    }
  appeals_window_show_page (window, "journal");
}

static void
script (AppealsApplication *app,
        gpointer            user_data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "controller", "demo");
  g_autoptr(AppealsAppeal) first = NULL;
  g_autoptr(AppealsTestResponse) current = NULL;
  g_autoptr(AppealsTestResponse) other = NULL;
  g_autofree char *path = NULL;
  AppealsWindow *window;
  GtkWidget *dialog;
  AppealsCardWindow *card;
  GListModel *model;
  guint verdicts = 0;

  APPEALS_TEST_WAIT (appeals_test_ui_sign_in_dialog_open, app);
  dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG);
  appeals_test_ui_type (dialog, "login", "registrar");
  appeals_test_ui_type (dialog, "password", "wrong password");
  appeals_test_ui_click (dialog, "sign-in");
  APPEALS_TEST_WAIT (appeals_test_ui_sign_in_error_shown, app);
  appeals_test_ui_screenshot (dialog, "sign-in");

  appeals_test_ui_type (dialog, "password", "demo");
  appeals_test_ui_click (dialog, "sign-in");
  APPEALS_TEST_WAIT (journal_loaded, app);

  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  /* the window opens on My work (test-work.c renders it) */
  appeals_window_show_page (window, "journal");
  journal_at_sizes (window);
  sections_at_sizes (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  appeals_test_ui_settle (500);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "journal");

  model = appeals_journal_page_get_model (APPEALS_JOURNAL_PAGE (appeals_window_get_journal_page (window)));
  first = g_list_model_get_item (model, 0);
  appeals_window_open_card (window, first->id);
  card = newest_card (app);
  APPEALS_TEST_WAIT (card_idle, card);
  appeals_test_ui_screenshot (GTK_WIDGET (card), "card");

  /* the current part below: category, control, deadline, the earlier appeals */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (appeals_test_ui_find_by_name (GTK_WIDGET (card), "executor"),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    appeals_test_ui_settle (200);
    appeals_test_ui_screenshot (GTK_WIDGET (card), "card-appeal");
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* someone else changes the executor while this card is open */
  path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, first->id);
  current = appeals_test_request (server, session, "GET", path, token, NULL, NULL);
  other = appeals_test_request (server, session, "PATCH", path, token, "{\"executor\":\"Ким В.А.\"}",
                                "If-Match", appeals_test_response_header (current, "ETag"), NULL);
  g_assert_cmpuint (other->status, ==, 200);
  appeals_card_form_set_text (appeals_card_window_get_form (card), "executor", "Жақсыбекова Г.Т.");
  gtk_widget_activate_action (GTK_WIDGET (card), "card.save", NULL);
  APPEALS_TEST_WAIT (merge_dialog_open, card);
  appeals_test_ui_screenshot (GTK_WIDGET (appeals_card_window_get_merge_dialog (card)), "merge");
  appeals_merge_dialog_accept (appeals_card_window_get_merge_dialog (card));
  APPEALS_TEST_WAIT (card_idle, card);
  gtk_window_destroy (GTK_WINDOW (card));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-card", NULL);
  card = newest_card (app);
  APPEALS_TEST_WAIT (card_idle, card);
  appeals_card_form_set_text (appeals_card_window_get_form (card), "iin", "123123123123");
  appeals_card_form_set_text (appeals_card_window_get_form (card), "surname", "Сейтқали");
  appeals_card_form_set_text (appeals_card_window_get_form (card), "given_name", "Әлия");
  appeals_test_ui_screenshot (GTK_WIDGET (card), "card-new");
  gtk_window_destroy (GTK_WINDOW (card));

  /* the expertise page, as the analyst sees it */
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  APPEALS_TEST_WAIT (appeals_test_ui_sign_in_dialog_open, app);
  /* nothing of the registrar's stays behind the sign-in dialog */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (appeals_test_ui_find_by_name (GTK_WIDGET (window),
                                                                                              "session"))),
                   ==, "signed-out");
  appeals_test_ui_settle (300);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "signed-out");
  /* the sign-in dialog closed, the signed-out window opens it again */
  gtk_window_destroy (GTK_WINDOW (appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG)));
  g_assert_false (appeals_test_ui_sign_in_dialog_open (app));
  appeals_test_ui_click (GTK_WIDGET (window), "sign-in-again");
  APPEALS_TEST_WAIT (appeals_test_ui_sign_in_dialog_open, app);
  dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG);
  appeals_test_ui_type (dialog, "login", "analyst");
  appeals_test_ui_type (dialog, "password", "demo");
  appeals_test_ui_click (dialog, "sign-in");
  APPEALS_TEST_WAIT (expertise_loaded, app);
  appeals_window_show_page (window, "expertise");
  {
    AppealsExpertisePage *page = APPEALS_EXPERTISE_PAGE (appeals_window_get_expertise_page (window));

    appeals_expertise_page_open (page, 0);
    appeals_expertise_page_set_answer (page, "all_arguments", APPEALS_CRITERION_ANSWER_YES);
    appeals_expertise_page_set_answer (page, "justified", APPEALS_CRITERION_ANSWER_NO);
    appeals_expertise_page_set_answer (page, "specific_facts", APPEALS_CRITERION_ANSWER_PARTLY);
    appeals_expertise_page_set_answer (page, "clear_structure", APPEALS_CRITERION_ANSWER_YES);
    appeals_expertise_page_set_answer (page, "appeal_right", APPEALS_CRITERION_ANSWER_NO);
    appeals_expertise_page_set_answer (page, "language", APPEALS_CRITERION_ANSWER_YES);
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 1100);
  appeals_test_ui_settle (500);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "expertise");

  g_signal_connect (appeals_context_get_expertise_service (appeals_window_get_context (window)), "verdict-given",
                    G_CALLBACK (on_verdict_given), &verdicts);
  gtk_widget_activate_action (appeals_window_get_expertise_page (window), "expertise.return", NULL);
  /* the next answer is shown, with the toast that offers Undo */
  appeals_test_ui_settle (400);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "expertise-undo");
  APPEALS_TEST_WAIT (verdict_taken, &verdicts);
  g_signal_handlers_disconnect_by_func (appeals_context_get_expertise_service (appeals_window_get_context (window)),
                                        on_verdict_given, &verdicts);
  APPEALS_TEST_WAIT (quality_listed, window);
  appeals_window_show_page (window, "analytics");
  appeals_test_ui_screenshot (GTK_WIDGET (window), "analytics");
  line_report_script (app, window);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  receptions_script (app, window);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "60", NULL };
  int status;

  appeals_test_ui_init (&argc, &argv);
  server = appeals_test_ui_start_server (args);

  status = appeals_test_ui_run (script, NULL);
  appeals_test_server_free (server);
  return status;
}
