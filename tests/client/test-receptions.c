/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-receptions.c: personal receptions in real windows against a real
 * server: three visitors of different priority categories booked through
 * the booking dialog come out in the queue in priority order (and a
 * request without the essence of the question is refused, keeping what
 * was typed); steps of a reception marked done, an overdue one seen and
 * cleared, the My Day list following; the protocol of orders and the
 * archive; booking from the appeal's card; a booking made through the
 * service reaching the page by its signal; a controller keeping an
 * official's schedule. The leadership's review and the printed poster are
 * in test-receptions-documents.c, the shared helpers in -common.c.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "appeals-work-page.h"
#include "test-receptions.h"

/* Booking three visitors ---------------------------------------------------- */

static void
set_flag (AppealsReceptionsPage *page,
                gboolean              *flag)
{
  *flag = TRUE;
}

static gboolean
flag_set (gboolean *flag)
{
  return *flag;
}

/* The applicant is told in writing, in their language whatever the
 * interface speaks: who, when, why, what to do, who refused. */
static void
print_refusal (AppealsBookingDialog *dialog)
{
  static const struct { const char *language; const char *title; const char *reason; const char *nothing; } notices[] = {
    { "kk", "жеке қабылдауға жазудан бас тарту туралы", "мәселенің мәні баяндалмаған", "(мәселенің мәні жазылмаған)" },
    { "ru", "об отказе в записи на личный приём", "не изложена суть вопроса", "(суть вопроса не указана)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (notices); i++)
    {
      g_autoptr(AppealsRefusalNotice) notice = appeals_booking_dialog_new_refusal_notice (dialog, notices[i].language);
      g_autofree char *name = g_strdup_printf ("refusal-%s.pdf", notices[i].language);
      g_autofree char *text = NULL;

      g_assert_nonnull (notice);
      text = export_pdf_text (GTK_PRINT_OPERATION (notice), name);
      g_assert_nonnull (strstr (text, notices[i].title));
      g_assert_nonnull (strstr (text, notices[i].reason));
      g_assert_nonnull (strstr (text, notices[i].nothing));
      g_assert_nonnull (strstr (text, APPLICANT_SURNAME));
      g_assert_nonnull (strstr (text, "eOtinish"));
    }
}

static void
book_through_dialog (AppealsApplication    *app,
                     AppealsReceptionsPage *page,
                     const char            *priority,
                     const char            *time,
                     gboolean               try_without_question)
{
  AppealsBookingDialog *dialog = appeals_receptions_page_book (page);
  Counts counts = { 0, };
  g_autofree char *kept = NULL;

  GtkWidget *focus;

  g_signal_connect (dialog, "booked", G_CALLBACK (on_booked), &counts);
  /* as a registrar types: the dialog opens in the IIN field, and Enter
   * there looks the applicant up instead of closing the dialog */
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_true (GTK_IS_TEXT (focus));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW));
  gtk_editable_set_text (GTK_EDITABLE (focus), APPLICANT_IIN);
  g_signal_emit_by_name (focus, "activate");
  APPEALS_TEST_WAIT (applicant_found, dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  /* nothing refused yet, nothing to tell the applicant */
  g_assert_null (appeals_booking_dialog_new_refusal_notice (dialog, "kk"));
  appeals_booking_dialog_set_time (dialog, time);
  if (priority != NULL)
    g_assert_true (appeals_booking_dialog_set_priority (dialog, priority));

  if (try_without_question)
    {
      /* refused: the essence of the question is missing; nothing typed is lost */
      appeals_booking_dialog_set_question (dialog, "   ");
      gtk_widget_activate_action (GTK_WIDGET (dialog), "booking.book", NULL);
      APPEALS_TEST_WAIT (question_refused, dialog);
      g_assert_nonnull (strstr (appeals_booking_dialog_get_error (dialog, "question"), "applicant"));
      g_assert_cmpuint (counts.booked, ==, 0);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
      g_assert_cmpuint (appeals_booking_dialog_get_n_earlier (dialog), >, 0);
      print_refusal (dialog);
    }

  appeals_booking_dialog_set_question (dialog, "Жер телімін беру мерзімі / Сроки выделения земельного участка");
  kept = appeals_booking_dialog_dup_question (dialog);
  g_assert_cmpstr (kept, ==, "Жер телімін беру мерзімі / Сроки выделения земельного участка");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "booking.book", NULL);
  APPEALS_TEST_WAIT (booked_count, &counts);

  /* the window says the booking is made, with the visitor's time */
  {
    const char *said = appeals_window_get_last_toast (appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW));

    g_assert_nonnull (said);
    g_assert_nonnull (strstr (said, time));
  }
}

static void
queue_script (AppealsApplication *app,
              gpointer            user_data)
{
  AppealsWindow *window = sign_in (app, "registrar");
  AppealsReceptionsPage *page = APPEALS_RECEPTIONS_PAGE (appeals_window_get_receptions_page (window));
  QueueLength three = { page, 3 };
  AppealsOfficial *official;
  GPtrArray *queue;
  AppealsReceptionVisit *visit;
  GDate date;
  int start_hour = 0, start_minute = 0, end_hour = 0, end_minute = 0;
  guint n_slots;
  char times[3][8];

  appeals_window_show_page (window, "receptions");
  APPEALS_TEST_WAIT (officials_loaded, page);
  official = g_ptr_array_index (appeals_receptions_page_get_officials (page), 0);
  g_assert_true (appeals_receptions_page_select_official (page, official->id));
  reception_day (app, official, 25, &date);   /* past the demo's bookings */
  appeals_month_view_set_selected (appeals_receptions_page_get_month_view (page), &date);

  /* the official's hours that day, in 20-minute slots */
  {
    for (guint j = 0; j < official->schedule->len; j++)
      {
        const AppealsScheduleSlot *slot = g_ptr_array_index (official->schedule, j);

        if (slot->weekday == (int) g_date_get_weekday (&date))
          {
            sscanf (slot->start, "%d:%d", &start_hour, &start_minute);
            sscanf (slot->end, "%d:%d", &end_hour, &end_minute);
          }
      }
    n_slots = ((end_hour * 60 + end_minute) - (start_hour * 60 + start_minute)) / 20;
    g_assert_cmpuint (n_slots, >=, 3);
    for (guint k = 0; k < 3; k++)
      g_snprintf (times[k], sizeof times[k], "%02d:%02d", start_hour + (start_minute + 20 * k) / 60,
                  (start_minute + 20 * k) % 60);
  }

  /* booked in the order: no priority, a person with a disability, a veteran of the Great Patriotic War */
  book_through_dialog (app, page, NULL, times[0], TRUE);
  book_through_dialog (app, page, "disability", times[1], FALSE);
  book_through_dialog (app, page, "war_veteran", times[2], FALSE);

  /* the queue puts visitors with priority first, in booking order, then the others */
  APPEALS_TEST_WAIT (queue_has, &three);
  queue = appeals_receptions_page_get_queue (page);
  visit = g_ptr_array_index (queue, 0);
  g_assert_cmpstr (visit->reception->priority, ==, "disability");
  visit = g_ptr_array_index (queue, 1);
  g_assert_cmpstr (visit->reception->priority, ==, "war_veteran");
  visit = g_ptr_array_index (queue, 2);
  g_assert_null (visit->reception->priority);
  g_assert_cmpstr (visit->reception->start_time, ==, times[0]);

  /* the day's time slots: the three taken, the rest free to book */
  appeals_receptions_page_show_day_view (page, "slots");
  g_assert_cmpuint (appeals_receptions_page_get_n_free_slots (page), ==, n_slots - 3);

  /* the week around the day holds them too */
  {
    gboolean week = FALSE;

    g_signal_connect (page, "week-loaded", G_CALLBACK (set_flag), &week);
    appeals_receptions_page_show_day_view (page, "week");
    APPEALS_TEST_WAIT (flag_set, &week);
    g_assert_cmpuint (appeals_receptions_page_get_week_booked (page), ==, 3);
    g_signal_handlers_disconnect_by_func (page, set_flag, &week);
  }
}

static void
test_queue_order (void)
{
  g_assert_cmpint (appeals_test_ui_run (queue_script, NULL), ==, 0);
}

/* The free times are the server's: on the month's unified reception day
 * an official receives in any of their hours, though the day is not a
 * weekday of their schedule — the day's slots and the week show them. */
static void
unified_day_script (AppealsApplication *app,
                    gpointer            user_data)
{
  AppealsWindow *window = sign_in (app, "registrar");
  AppealsReceptionsPage *page = APPEALS_RECEPTIONS_PAGE (appeals_window_get_receptions_page (window));
  AppealsCalendar *calendar = appeals_reference_service_get_calendar (
    appeals_context_get_reference_service (appeals_window_get_context (window)));
  AppealsOfficial *official = NULL;
  gboolean loaded = FALSE;
  guint n_free;
  GDate today, unified;

  appeals_window_show_page (window, "receptions");
  APPEALS_TEST_WAIT (officials_loaded, page);
  /* an official who does not receive on Fridays */
  for (guint i = 0; official == NULL && i < appeals_receptions_page_get_officials (page)->len; i++)
    {
      AppealsOfficial *candidate = g_ptr_array_index (appeals_receptions_page_get_officials (page), i);

      if (!appeals_official_receives_on (candidate, G_DATE_FRIDAY))
        official = candidate;
    }
  g_assert_nonnull (official);
  /* the next unified reception day after today that is a working day */
  appeals_date_get_today (&today);
  unified = today;
  for (int month = 0; month < 12; month++)
    {
      GDate first;

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, 1, g_date_get_month (&today), g_date_get_year (&today));
      g_date_add_months (&first, month);
      appeals_calendar_get_unified_reception_day (calendar, g_date_get_year (&first), g_date_get_month (&first),
                                                  &unified);
      if (g_date_compare (&unified, &today) > 0 && appeals_calendar_is_working_day (calendar, &unified))
        break;
    }
  g_assert_cmpint (g_date_compare (&unified, &today), >, 0);

  g_assert_true (appeals_receptions_page_select_official (page, official->id));
  g_signal_connect (page, "queue-loaded", G_CALLBACK (set_flag), &loaded);
  appeals_month_view_set_selected (appeals_receptions_page_get_month_view (page), &unified);
  APPEALS_TEST_WAIT (flag_set, &loaded);
  g_signal_handlers_disconnect_by_func (page, set_flag, &loaded);
  appeals_receptions_page_show_day_view (page, "slots");
  n_free = appeals_receptions_page_get_n_free_slots (page);
  g_assert_cmpuint (n_free, >, 0);

  loaded = FALSE;
  g_signal_connect (page, "week-loaded", G_CALLBACK (set_flag), &loaded);
  appeals_receptions_page_show_day_view (page, "week");
  APPEALS_TEST_WAIT (flag_set, &loaded);
  g_signal_handlers_disconnect_by_func (page, set_flag, &loaded);
  g_assert_cmpuint (appeals_receptions_page_get_week_free (page, &unified), ==, n_free);
}

static void
test_unified_day (void)
{
  g_assert_cmpint (appeals_test_ui_run (unified_day_script, NULL), ==, 0);
}

/* Changes travel as signals: a booking made through the reception service
 * (not through the page's dialog) reaches the page's day and week, and the
 * page's officials are the reference service's one copy. */
static void
on_booked_through_service (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  gint64 *booked_id = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsReception) reception = appeals_reception_service_book_finish (APPEALS_RECEPTION_SERVICE (source),
                                                                                 result, &error);

  g_assert_no_error (error);
  *booked_id = reception->id;
}

static gboolean
id_known (gint64 *id)
{
  return *id != 0;
}

typedef struct
{
  AppealsReceptionsPage *page;
  gint64                 id;
} Booked;

static gboolean
queue_holds (Booked *booked)
{
  GPtrArray *queue = appeals_receptions_page_get_queue (booked->page);

  for (guint i = 0; queue != NULL && i < queue->len; i++)
    if (((AppealsReceptionVisit *) g_ptr_array_index (queue, i))->reception->id == booked->id)
      return TRUE;
  return FALSE;
}

static void
service_signal_script (AppealsApplication *app,
                       gpointer            user_data)
{
  AppealsWindow *window = sign_in (app, "registrar");
  AppealsContext *context = appeals_window_get_context (window);
  AppealsReceptionsPage *page = APPEALS_RECEPTIONS_PAGE (appeals_window_get_receptions_page (window));
  g_autoptr(AppealsReception) reception = appeals_reception_new ();
  g_autofree char *key = g_uuid_string_random ();
  Booked booked = { NULL, 0 };
  AppealsOfficial *official;
  gint64 booked_id = 0;
  gboolean week = FALSE;

  appeals_window_show_page (window, "receptions");
  APPEALS_TEST_WAIT (officials_loaded, page);
  g_assert_true (appeals_receptions_page_get_officials (page) ==
                 appeals_reference_service_get_officials (appeals_context_get_reference_service (context)));
  official = g_ptr_array_index (appeals_receptions_page_get_officials (page), 0);
  g_assert_true (appeals_receptions_page_select_official (page, official->id));
  reception_day (app, official, 55, &reception->date);   /* a day nobody else books */
  appeals_month_view_set_selected (appeals_receptions_page_get_month_view (page), &reception->date);
  appeals_receptions_page_show_day_view (page, "week");

  reception->official_id = official->id;
  reception->start_time = g_strdup (appeals_official_find_slot (official, g_date_get_weekday (&reception->date))->start);
  reception->applicant_id = applicant_id;
  reception->question = g_strdup ("Аулаға жарық орнату");
  g_signal_connect (page, "week-loaded", G_CALLBACK (set_flag), &week);
  appeals_reception_service_book_async (appeals_context_get_reception_service (context), reception, key, NULL,
                                        on_booked_through_service, &booked_id);
  APPEALS_TEST_WAIT (id_known, &booked_id);

  /* nobody told the page but the service (the demo may have booked
   * someone on that day too) */
  booked.page = page;
  booked.id = booked_id;
  APPEALS_TEST_WAIT (queue_holds, &booked);
  /* the day's queue asks for the week again, in one request */
  week = FALSE;
  APPEALS_TEST_WAIT (flag_set, &week);
  g_assert_cmpuint (appeals_receptions_page_get_week_booked (page), >=, 1);
  g_signal_handlers_disconnect_by_func (page, set_flag, &week);
}

static void
test_service_signal (void)
{
  g_assert_cmpint (appeals_test_ui_run (service_signal_script, NULL), ==, 0);
}

/* Steps, an overdue one, and My Day ------------------------------------------ */

/* as the server stores it, read straight from its JSON */
static guint
overdue_steps (JsonObject *reception)
{
  JsonArray *steps = json_object_get_array_member (reception, "steps");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (steps); i++)
    n += json_object_get_boolean_member (json_array_get_object_element (steps, i), "overdue");
  return n;
}

/* as the window holds it */
static guint
model_overdue_steps (AppealsReception *reception)
{
  guint n = 0;

  for (guint i = 0; i < reception->steps->len; i++)
    n += ((AppealsReceptionStep *) g_ptr_array_index (reception->steps, i))->overdue;
  return n;
}

static const char *
first_overdue_step (AppealsReception *reception)
{
  for (guint i = 0; i < reception->steps->len; i++)
    {
      AppealsReceptionStep *step = g_ptr_array_index (reception->steps, i);

      if (step->overdue)
        return step->code;
    }
  return NULL;
}

typedef struct
{
  AppealsWorkPage *page;
  gint64           reception_id;
} WorkWait;

/* My Work lists the steps of the receptions the person booked */
static gboolean
work_lists_reception (WorkWait *wait)
{
  const AppealsWork *work = appeals_work_page_get_work (wait->page);

  for (guint g = 0; work != NULL && g < work->groups->len; g++)
    {
      AppealsWorkGroup *group = g_ptr_array_index (work->groups, g);

      for (guint i = 0; g_str_equal (group->name, "reception_steps") && i < group->items->len; i++)
        {
          AppealsWorkItem *item = g_ptr_array_index (group->items, i);

          if (item->kind == APPEALS_WORK_ITEM_RECEPTION && item->id == wait->reception_id)
            return TRUE;
        }
    }
  return FALSE;
}

static void
steps_script (AppealsApplication *app,
              gpointer            user_data)
{
  g_auto(BookedReception) booked = { 0, };
  AppealsWindow *window;
  AppealsReceptionWindow *reception;
  Counts counts = { 0, };
  g_autofree char *code = NULL;
  guint overdue_before;
  WorkWait wait;

  booked_reception_init (&booked, app);
  window = sign_in (app, "registrar");
  wait = (WorkWait) { APPEALS_WORK_PAGE (appeals_window_get_work_page (window)), booked.id };
  /* booked past the client, straight over HTTP: a window signed in
   * before it shows the booking at My Work's next refresh (five minutes),
   * asked for here */
  appeals_work_page_reload (wait.page);
  APPEALS_TEST_WAIT (work_lists_reception, &wait);
  appeals_window_show_page (window, "receptions");

  reception = open_reception_loaded (window, booked.id, &counts);

  /* counted back from tomorrow's reception, preparing the materials is late */
  overdue_before = appeals_reception_window_get_n_overdue_steps (reception);
  g_assert_cmpuint (overdue_before, >, 0);
  g_assert_cmpuint (overdue_before, ==, model_overdue_steps (appeals_reception_window_get_reception (reception)));

  /* a step done by hand, then the overdue one */
  counts.loaded = 0;
  g_assert_true (appeals_reception_window_set_step_done (reception, "clarify", TRUE));
  APPEALS_TEST_WAIT (loaded_count, &counts);
  code = g_strdup (first_overdue_step (appeals_reception_window_get_reception (reception)));
  counts.loaded = 0;
  g_assert_true (appeals_reception_window_set_step_done (reception, code, TRUE));
  APPEALS_TEST_WAIT (loaded_count, &counts);
  g_assert_cmpuint (appeals_reception_window_get_n_overdue_steps (reception), ==, overdue_before - 1);
  g_assert_false (appeals_reception_window_set_step_done (reception, "no-such-step", TRUE));

  /* what the server keeps is what the window shows */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT, booked.id);
    g_autoptr(AppealsTestResponse) stored = appeals_test_request (server, booked.session, "GET", path, booked.token,
                                                                  NULL, NULL);

    g_assert_cmpuint (overdue_steps (appeals_test_response_object (stored)), ==, overdue_before - 1);
  }
  gtk_window_destroy (GTK_WINDOW (reception));
}

static void
test_steps (void)
{
  g_assert_cmpint (appeals_test_ui_run (steps_script, NULL), ==, 0);
}

/* The protocol of orders and the archive ------------------------------------- */

static gboolean
window_idle (AppealsReceptionWindow *window)
{
  return !appeals_reception_window_is_busy (window);
}

static gboolean
order_error_shown (AppealsReceptionWindow *window)
{
  GtkWidget *label = appeals_test_ui_find_by_name (GTK_WIDGET (window), "order-text-error");

  return !appeals_reception_window_is_busy (window) && gtk_widget_is_visible (label) &&
         *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

static void
protocol_script (AppealsApplication *app,
                 gpointer            user_data)
{
  g_auto(BookedReception) booked = { 0, };
  AppealsReceptionWindow *reception;
  Counts counts = { 0, };
  g_autofree char *check_name = NULL;
  GPtrArray *orders;

  booked_reception_init (&booked, app);
  reception = open_reception_loaded (sign_in (app, "registrar"), booked.id, &counts);

  /* an order without its text is refused beside the field */
  appeals_test_ui_type (GTK_WIDGET (reception), "order-text", "");
  gtk_widget_activate_action (GTK_WIDGET (reception), "reception.add-order", NULL);
  APPEALS_TEST_WAIT (order_error_shown, reception);

  counts.loaded = 0;
  appeals_test_ui_type (GTK_WIDGET (reception), "order-text", "Кезекті қайта қарап, өтініш берушіге жазбаша жауап беру");
  gtk_widget_activate_action (GTK_WIDGET (reception), "reception.add-order", NULL);
  APPEALS_TEST_WAIT (loaded_count, &counts);
  APPEALS_TEST_WAIT (window_idle, reception);
  orders = appeals_reception_window_get_reception (reception)->orders;
  g_assert_cmpuint (orders->len, ==, 1);

  /* only the leadership or the head archives */
  g_assert_false (gtk_widget_get_sensitive (appeals_test_ui_find_by_name (GTK_WIDGET (reception), "archive")));

  /* executed: the order's check */
  check_name = g_strdup_printf ("order-%" G_GINT64_FORMAT,
                                ((AppealsProtocolOrder *) g_ptr_array_index (orders, 0))->id);
  counts.loaded = 0;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (appeals_test_ui_find_by_name (GTK_WIDGET (reception), check_name)), TRUE);
  APPEALS_TEST_WAIT (loaded_count, &counts);
  APPEALS_TEST_WAIT (window_idle, reception);
  orders = appeals_reception_window_get_reception (reception)->orders;
  g_assert_cmpint (((AppealsProtocolOrder *) g_ptr_array_index (orders, 0))->status, ==, APPEALS_ORDER_STATUS_EXECUTED);
  gtk_window_destroy (GTK_WINDOW (reception));

  /* not even the head archives a reception that has not been held yet
   * (the server's archive rules: test-api-reception-guards.c) */
  reception = open_reception_loaded (sign_in (app, "head"), booked.id, &counts);
  g_assert_false (gtk_widget_get_sensitive (appeals_test_ui_find_by_name (GTK_WIDGET (reception), "archive")));
  gtk_window_destroy (GTK_WINDOW (reception));
}

static void
test_protocol (void)
{
  g_assert_cmpint (appeals_test_ui_run (protocol_script, NULL), ==, 0);
}

/* Booking from the appeal's card -------------------------------------------- */

static gboolean
card_ready (AppealsCardWindow *card)
{
  return !appeals_card_window_is_busy (card);
}

static gboolean
appeal_chosen (AppealsBookingDialog *dialog)
{
  return appeals_booking_dialog_get_appeal_id (dialog) == appeal_id;
}

static void
from_card_script (AppealsApplication *app,
                  gpointer            user_data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = api_token ("registrar");
  AppealsWindow *window = sign_in (app, "registrar");
  AppealsReceptionsPage *page = APPEALS_RECEPTIONS_PAGE (appeals_window_get_receptions_page (window));
  AppealsCardWindow *card;
  AppealsBookingDialog *dialog;
  Counts counts = { 0, };
  gint64 booked_id = 0;
  g_autofree char *path = NULL;
  g_autoptr(AppealsTestResponse) stored = NULL;
  GDate date;

  APPEALS_TEST_WAIT (officials_loaded, page);
  appeals_window_open_card (window, appeal_id);
  card = appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW);
  APPEALS_TEST_WAIT (card_ready, card);

  /* the card's "book a reception": the dialog comes with the applicant and this appeal chosen */
  reception_day (app, g_ptr_array_index (appeals_receptions_page_get_officials (page), 0), 40, &date);
  appeals_month_view_set_selected (appeals_receptions_page_get_month_view (page), &date);
  gtk_widget_activate_action (GTK_WIDGET (card), "card.book-reception", NULL);
  dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_BOOKING_DIALOG);
  g_assert_nonnull (dialog);
  APPEALS_TEST_WAIT (appeal_chosen, dialog);

  g_signal_connect (dialog, "booked", G_CALLBACK (on_booked_id), &booked_id);
  g_signal_connect (dialog, "booked", G_CALLBACK (on_booked), &counts);
  appeals_booking_dialog_set_question (dialog, "Жер телімін беру мерзімін нақтылау");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "booking.book", NULL);
  APPEALS_TEST_WAIT (booked_count, &counts);

  path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT, booked_id);
  stored = appeals_test_request (server, session, "GET", path, token, NULL, NULL);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (stored), "appeal_id"), ==, appeal_id);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (stored), "applicant_id"), ==, applicant_id);
  gtk_window_destroy (GTK_WINDOW (card));
}

static void
test_from_card (void)
{
  g_assert_cmpint (appeals_test_ui_run (from_card_script, NULL), ==, 0);
}

/* A controller keeps an official's schedule ---------------------------------- */

static void
on_saved (AppealsScheduleDialog *dialog,
          Counts                *counts)
{
  counts->booked++;
}

static gboolean
day_error_shown (AppealsScheduleDialog *dialog)
{
  return appeals_schedule_dialog_get_day_error (dialog, 0) != NULL;
}

/* The text of the schedule dialog's field @name ("day-0-place-kk"). */
static const char *
day_text (AppealsScheduleDialog *dialog,
          const char            *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (appeals_test_ui_find_by_name (GTK_WIDGET (dialog), name)));
}

typedef struct
{
  AppealsReceptionsPage *page;
  gint64                 official;
  guint                  n_days;
} ScheduleShown;

static gboolean
schedule_shown (ScheduleShown *wanted)
{
  AppealsOfficial *official = appeals_officials_find_by_id (appeals_receptions_page_get_officials (wanted->page),
                                                            wanted->official);

  /* the days as saved: first Wednesday */
  return official != NULL && official->schedule->len == wanted->n_days &&
         ((AppealsScheduleSlot *) g_ptr_array_index (official->schedule, 0))->weekday == 3;
}

static void
schedule_script (AppealsApplication *app,
                 gpointer            user_data)
{
  AppealsWindow *window = sign_in (app, "controller");
  AppealsReceptionsPage *page = APPEALS_RECEPTIONS_PAGE (appeals_window_get_receptions_page (window));
  AppealsScheduleDialog *dialog;
  ScheduleShown shown = { page, 0, 2 };
  Counts counts = { 0, };
  AppealsOfficial *official;
  const AppealsScheduleSlot *slot;

  appeals_window_show_page (window, "receptions");
  APPEALS_TEST_WAIT (officials_loaded, page);
  shown.official = ((AppealsOfficial *) g_ptr_array_index (appeals_receptions_page_get_officials (page), 0))->id;
  g_assert_true (appeals_receptions_page_select_official (page, shown.official));
  dialog = appeals_receptions_page_edit_schedule (page, shown.official);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &counts);
  g_assert_cmpuint (appeals_schedule_dialog_get_n_days (dialog), >, 0);

  /* a day that ends before it starts is refused beside the day, nothing lost */
  appeals_schedule_dialog_set_day (dialog, 0, 3, "12:00", "09:00", "каб. 305", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "schedule.save", NULL);
  APPEALS_TEST_WAIT (day_error_shown, dialog);
  g_assert_cmpuint (counts.booked, ==, 0);

  /* closed unsaved and opened again, the dialog has the day back as it
   * was typed, the poster's places too */
  appeals_schedule_dialog_set_day_places (dialog, 0, "Әкімдік, 305 кабинет", "Акимат, кабинет 305");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = appeals_receptions_page_edit_schedule (page, shown.official);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &counts);
  g_assert_cmpstr (day_text (dialog, "day-0-start"), ==, "12:00");
  g_assert_cmpstr (day_text (dialog, "day-0-place"), ==, "каб. 305");
  g_assert_cmpstr (day_text (dialog, "day-0-place-kk"), ==, "Әкімдік, 305 кабинет");
  g_assert_cmpstr (day_text (dialog, "day-0-place-ru"), ==, "Акимат, кабинет 305");

  /* two days only: Wednesday in a room, Friday by video */
  while (appeals_schedule_dialog_get_n_days (dialog) > 2)
    {
      g_autofree char *name = g_strdup_printf ("day-%u-weekday", appeals_schedule_dialog_get_n_days (dialog) - 1);
      GtkWidget *weekday = appeals_test_ui_find_by_name (GTK_WIDGET (dialog), name);
      GtkWidget *line = gtk_widget_get_parent (weekday);

      /* the day's remove button is the last in its line */
      g_signal_emit_by_name (gtk_widget_get_last_child (line), "clicked");
    }
  appeals_schedule_dialog_set_day (dialog, 0, 3, "09:00", "12:00", "каб. 305", FALSE);
  appeals_schedule_dialog_set_day_places (dialog, 0, "Әкімдік, 305 кабинет", "Акимат, кабинет 305");
  appeals_schedule_dialog_set_day (dialog, 1, 5, "15:00", "17:00", NULL, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "schedule.save", NULL);
  APPEALS_TEST_WAIT (booked_count, &counts);

  /* the page reads the new schedule back from the server */
  APPEALS_TEST_WAIT (schedule_shown, &shown);
  official = appeals_officials_find_by_id (appeals_receptions_page_get_officials (page), shown.official);
  slot = g_ptr_array_index (official->schedule, 0);
  g_assert_cmpint (slot->weekday, ==, 3);
  g_assert_cmpstr (slot->place, ==, "каб. 305");
  /* the poster's texts in each language */
  g_assert_cmpstr (slot->place_kk, ==, "Әкімдік, 305 кабинет");
  g_assert_cmpstr (slot->place_ru, ==, "Акимат, кабинет 305");
  slot = g_ptr_array_index (official->schedule, 1);
  g_assert_true (slot->video);
  g_assert_null (slot->place);
}

static void
test_schedule (void)
{
  g_assert_cmpint (appeals_test_ui_run (schedule_script, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "20", NULL };
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *token = NULL;
  int status;

  appeals_test_ui_init (&argc, &argv);
  server = appeals_test_ui_start_server (args);

  /* the visitor: an applicant with an earlier appeal */
  session = soup_session_new ();
  token = api_token ("registrar");
  {
    g_autoptr(AppealsTestResponse) applicant = appeals_test_request (server, session, "POST", "/api/v1/applicants", token,
        "{\"iin\":\"" APPLICANT_IIN "\",\"surname\":\"" APPLICANT_SURNAME "\",\"given_name\":\"Әлия\","
        "\"address\":\"Қостанай қ., Абай даңғылы, 5\",\"phone\":\"87051234567\"}", NULL);
    g_autofree char *appeal_body = NULL;
    g_autoptr(AppealsTestResponse) appeal = NULL;

    g_assert_cmpuint (applicant->status, ==, 201);
    applicant_id = json_object_get_int_member (appeals_test_response_object (applicant), "id");
    appeal_body = g_strdup_printf ("{\"applicant_id\":%" G_GINT64_FORMAT ",\"channel\":\"by_hand\",\"form\":\"electronic\","
                                   "\"kind\":\"application\",\"addressee_body\":\"land\",\"question_character\":\"land\","
                                   "\"category\":\"typical\",\"language\":\"kk\",\"district\":\"kostanay-city\","
                                   "\"annotation\":\"Жер телімін беру туралы\"}", applicant_id);
    appeal = appeals_test_request (server, session, "POST", "/api/v1/appeals", token, appeal_body, NULL);
    if (appeal->status != 201)
      g_error ("appeal: %u %s", appeal->status, appeal->text);
    appeal_id = json_object_get_int_member (appeals_test_response_object (appeal), "id");
  }

  g_test_add_func ("/receptions/queue-order", test_queue_order);
  g_test_add_func ("/receptions/unified-day", test_unified_day);
  g_test_add_func ("/receptions/service-signal", test_service_signal);
  g_test_add_func ("/receptions/steps", test_steps);
  g_test_add_func ("/receptions/protocol", test_protocol);
  test_receptions_add_status ();
  test_receptions_add_documents ();
  g_test_add_func ("/receptions/from-card", test_from_card);
  g_test_add_func ("/receptions/schedule", test_schedule);   /* last: it changes the first official's days */

  status = g_test_run ();
  appeals_test_server_free (server);
  return status;
}
