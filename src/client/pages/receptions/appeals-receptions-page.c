/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receptions-page.c: personal receptions.
 *
 * The Calendar view is a month of the working-day calendar (the core's,
 * the same rules the server counts with): non-working days, the unified
 * reception day, the days the chosen official receives, and how many
 * visitors are booked; beside it, the chosen day's queue in the order the
 * server gives (priority categories, then booking time).
 * The steps due to the person signed in are on My Work, not here.
 *
 * This file: the page, the month, the officials and the actions; the day
 * (queue, time slots and week) has a file of its own.
 */
#include "config.h"

#include <stdio.h>

#include "appeals-file-chooser.h"
#include "appeals-receptions-page-private.h"
#include "appeals-schedule-dialog.h"
#include "appeals-schedule-poster.h"

G_DEFINE_FINAL_TYPE (AppealsReceptionsPage, appeals_receptions_page, GTK_TYPE_BOX)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsReceptionsPage, appeals_receptions_page)

enum {
  QUEUE_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_days (AppealsReceptionsPage *self);

static AppealsReceptionService *
get_reception_service (AppealsReceptionsPage *self)
{
  return appeals_context_get_reception_service (self->context);
}

static AppealsReferenceService *
get_reference_service (AppealsReceptionsPage *self)
{
  return appeals_context_get_reference_service (self->context);
}

AppealsCalendar *
_appeals_receptions_page_get_calendar (AppealsReceptionsPage *self)
{
  return appeals_reference_service_get_calendar (get_reference_service (self));
}

gboolean
_appeals_receptions_page_is_signed_in (AppealsReceptionsPage *self)
{
  return self->context != NULL && appeals_context_is_signed_in (self->context);
}

const char *
_appeals_receptions_page_priority_label (AppealsReceptionsPage *self,
                                         const char            *code)
{
  AppealsPriorityCatalog *priorities = appeals_reference_service_get_priorities (get_reference_service (self));
  const char *name;

  if (code == NULL)
    return NULL;
  name = appeals_priority_catalog_get_name (priorities, code, appeals_ui_language ());
  return name != NULL ? name : code;
}

const char *
_appeals_receptions_page_step_label (AppealsReceptionsPage *self,
                                     const char            *code)
{
  AppealsWorkflow *workflow = appeals_reference_service_get_workflow (get_reference_service (self));

  for (guint i = 0; i < appeals_workflow_get_n_steps (workflow); i++)
    {
      const AppealsWorkflowStep *step = appeals_workflow_get_step (workflow, i);

      if (g_str_equal (step->code, code))
        return appeals_names_get (&step->name, appeals_ui_language ());
    }
  return code;
}

/* 0 for all officials */
gint64
appeals_receptions_page_get_official_id (AppealsReceptionsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->official_dropdown);

  if (self->officials == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > self->officials->len)
    return 0;
  return ((AppealsOfficial *) g_ptr_array_index (self->officials, position - 1))->id;
}

/* Does anyone (or the chosen official) receive citizens on this weekday? */
GPtrArray *
_appeals_receptions_page_slots_on (AppealsReceptionsPage *self,
          GDateWeekday           weekday)
{
  GPtrArray *slots = g_ptr_array_new_with_free_func (g_free);
  gint64 chosen = appeals_receptions_page_get_official_id (self);

  for (guint i = 0; self->officials != NULL && i < self->officials->len; i++)
    {
      AppealsOfficial *official = g_ptr_array_index (self->officials, i);

      if (chosen != 0 && official->id != chosen)
        continue;
      for (guint j = 0; j < official->schedule->len; j++)
        {
          const AppealsScheduleSlot *slot = g_ptr_array_index (official->schedule, j);

          if (slot->weekday != (int) weekday)
            continue;
          g_ptr_array_add (slots, g_strdup_printf ("%s, %s–%s%s", appeals_official_get_full_name (official, NULL),
                                                   slot->start, slot->end,
                                                   slot->video ? _(" (video conference)") : ""));
        }
    }
  return slots;
}

/* Month ----------------------------------------------------------------- */

static gboolean
covers_year (AppealsCalendar *calendar,
             int              year)
{
  return year >= (int) appeals_calendar_get_first_year (calendar) && year <= (int) appeals_calendar_get_last_year (calendar);
}

static void
update_month_title (AppealsReceptionsPage *self)
{
  int year, month;
  g_autofree char *title = NULL;

  appeals_month_view_get_month (self->month_view, &year, &month);
  title = g_strdup_printf ("%s %d", appeals_month_view_month_name (month), year);
  gtk_label_set_text (self->month_label, title);
}

/* The grid shows up to six weeks: mark from the Monday before the 1st to
 * the Sunday six weeks later. */
static void
grid_range (AppealsReceptionsPage *self,
            GDate                 *first,
            GDate                 *last)
{
  int year, month;

  appeals_month_view_get_month (self->month_view, &year, &month);
  g_date_clear (first, 1);
  g_date_set_dmy (first, 1, month, year);
  g_date_subtract_days (first, g_date_get_weekday (first) - 1);
  *last = *first;
  g_date_add_days (last, 6 * 7 - 1);
}

static void
mark_days (AppealsReceptionsPage *self,
           GHashTable            *booked)
{
  AppealsCalendar *calendar = _appeals_receptions_page_get_calendar (self);
  GDate day, last, unified[3];
  int year, month;

  appeals_month_view_get_month (self->month_view, &year, &month);
  for (int i = -1; i <= 1; i++)
    {
      int m = month + i, y = year;

      if (m < 1)
        m = 12, y--;
      else if (m > 12)
        m = 1, y++;
      g_date_clear (&unified[i + 1], 1);
      if (covers_year (calendar, y))
        appeals_calendar_get_unified_reception_day (calendar, y, m, &unified[i + 1]);
    }

  appeals_month_view_clear_days (self->month_view);
  for (grid_range (self, &day, &last); g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      AppealsDayMarks marks = 0;
      g_autofree char *iso = appeals_date_format_iso (&day);
      g_autoptr(GPtrArray) slots = NULL;
      gboolean working = appeals_calendar_covers (calendar, &day)
                         ? appeals_calendar_is_working_day (calendar, &day)
                         : g_date_get_weekday (&day) < G_DATE_SATURDAY;

      if (!working)
        marks |= APPEALS_DAY_NON_WORKING;
      for (guint u = 0; u < G_N_ELEMENTS (unified); u++)
        if (g_date_valid (&unified[u]) && g_date_compare (&unified[u], &day) == 0)
          marks |= APPEALS_DAY_UNIFIED_RECEPTION;
      slots = _appeals_receptions_page_slots_on (self, g_date_get_weekday (&day));
      if (working && slots->len > 0)
        marks |= APPEALS_DAY_OFFICIAL_RECEPTION;

      appeals_month_view_set_day (self->month_view, &day, marks,
                                  booked != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (booked, iso)) : 0);
    }
}

static void
on_days_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AppealsReceptionsPage) self = user_data;
  g_autoptr(GPtrArray) days = appeals_reception_service_list_finish (APPEALS_RECEPTION_SERVICE (source), result, NULL);
  g_autoptr(GHashTable) booked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (days == NULL)
    return;

  for (guint i = 0; i < days->len; i++)
    {
      AppealsReceptionDay *day = g_ptr_array_index (days, i);

      g_hash_table_insert (booked, appeals_date_format_iso (&day->date), GUINT_TO_POINTER ((guint) day->booked));
    }
  mark_days (self, booked);
}

static void
load_days (AppealsReceptionsPage *self)
{
  GDate first, last;

  if (self->context == NULL)   /* still being built */
    return;
  mark_days (self, NULL);
  if (!_appeals_receptions_page_is_signed_in (self))
    return;

  grid_range (self, &first, &last);
  g_cancellable_cancel (self->days_cancellable);
  g_clear_object (&self->days_cancellable);
  self->days_cancellable = g_cancellable_new ();
  appeals_reception_service_list_days_async (get_reception_service (self), appeals_receptions_page_get_official_id (self),
                                             &first, &last, self->days_cancellable, on_days_loaded,
                                             g_object_ref (self));
}

static void
on_month_changed (AppealsReceptionsPage *self)
{
  update_month_title (self);
  load_days (self);
}

/* Reception windows ----------------------------------------------------- */

/* A booking or a change anywhere in the desk: the day and the month follow. */
static void
on_reception_changed (AppealsReceptionsPage *self,
                      gint64                 reception_id)
{
  _appeals_receptions_page_load_queue (self);
  load_days (self);
}

AppealsReceptionWindow *
appeals_receptions_page_open_reception (AppealsReceptionsPage *self,
                                        gint64                 reception_id)
{
  AppealsReceptionWindow *window = appeals_reception_window_new (self->context,
                                                                 appeals_widget_get_window (GTK_WIDGET (self)),
                                                                 reception_id);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
on_queue_row_activated (AppealsReceptionsPage *self,
                        GtkListBoxRow         *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "reception-id"));

  if (id > 0)
    appeals_receptions_page_open_reception (self, id);
}

static void
on_day_activated (AppealsReceptionsPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->queue_list, 0);

  /* Enter on a day goes to its queue */
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

/* Officials ------------------------------------------------------------- */

static void update_schedule_actions (AppealsReceptionsPage *self);

static void
on_official_changed (AppealsReceptionsPage *self)
{
  update_schedule_actions (self);
  if (self->filling_officials)
    return;
  load_days (self);
  _appeals_receptions_page_load_queue (self);
}

static void
on_officials_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AppealsReceptionsPage) self = user_data;
  g_autoptr(GPtrArray) officials = appeals_reference_service_list_officials_finish (APPEALS_REFERENCE_SERVICE (source),
                                                                                    result, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 chosen = appeals_receptions_page_get_official_id (self);
  guint selected = 0;

  if (officials == NULL)
    return;

  g_clear_pointer (&self->officials, g_ptr_array_unref);
  self->officials = g_steal_pointer (&officials);

  gtk_string_list_append (names, _("All officials"));
  for (guint i = 0; i < self->officials->len; i++)
    {
      AppealsOfficial *official = g_ptr_array_index (self->officials, i);

      gtk_string_list_append (names, appeals_official_get_full_name (official, NULL));
      if (official->id == chosen)
        selected = i + 1;
    }

  self->filling_officials = TRUE;
  gtk_drop_down_set_model (self->official_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->official_dropdown, selected);
  self->filling_officials = FALSE;
  update_schedule_actions (self);

  load_days (self);
  _appeals_receptions_page_load_queue (self);
}

static void
load_officials (AppealsReceptionsPage *self,
                gboolean               refresh)
{
  appeals_reference_service_list_officials_async (get_reference_service (self), refresh, self->cancellable,
                                                  on_officials_loaded, g_object_ref (self));
}

/* After sign-in: the officials as the server has them now, then the rest. */
void
appeals_receptions_page_reload (AppealsReceptionsPage *self)
{
  load_officials (self, TRUE);
  appeals_reception_requests_view_reload (self->requests_view);
}

static void
on_officials_changed (AppealsReceptionsPage *self)
{
  load_officials (self, FALSE);
}

void
appeals_receptions_page_clear (AppealsReceptionsPage *self)
{
  g_cancellable_cancel (self->queue_cancellable);
  self->day_pending = 0;
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->next_queue, g_ptr_array_unref);
  g_clear_pointer (&self->day_free, g_strfreev);
  _appeals_receptions_page_show_queue (self);
  appeals_reception_requests_view_clear (self->requests_view);
}

gboolean
appeals_receptions_page_select_official (AppealsReceptionsPage *self,
                                         gint64                 official_id)
{
  for (guint i = 0; self->officials != NULL && i < self->officials->len; i++)
    if (((AppealsOfficial *) g_ptr_array_index (self->officials, i))->id == official_id)
      {
        gtk_drop_down_set_selected (self->official_dropdown, i + 1);
        return TRUE;
      }
  return FALSE;
}

/* Returns: (transfer none) (nullable) (element-type AppealsOfficial): */
GPtrArray *
appeals_receptions_page_get_officials (AppealsReceptionsPage *self)
{
  return self->officials;
}

/* Returns: (transfer none) (nullable) (element-type AppealsReceptionVisit): */
GPtrArray *
appeals_receptions_page_get_queue (AppealsReceptionsPage *self)
{
  return self->queue;
}

AppealsMonthView *
appeals_receptions_page_get_month_view (AppealsReceptionsPage *self)
{
  return self->month_view;
}

void
appeals_receptions_page_show_view (AppealsReceptionsPage *self,
                                   const char            *name)
{
  gtk_stack_set_visible_child_name (self->view_stack, name);
}

static void
on_view_changed (AppealsReceptionsPage *self)
{
  gboolean calendar = g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "calendar") == 0;

  gtk_widget_set_visible (self->month_controls, calendar);
}

/* Actions --------------------------------------------------------------- */

/* The day and the month refresh on the service's "reception-changed". */
AppealsBookingDialog *
appeals_receptions_page_book (AppealsReceptionsPage *self)
{
  AppealsBookingDialog *dialog;
  GDate date;

  if (!appeals_month_view_get_selected (self->month_view, &date))
    g_date_clear (&date, 1);

  dialog = appeals_booking_dialog_new (appeals_widget_get_window (GTK_WIDGET (self)), self->context,
                                       appeals_receptions_page_get_official_id (self), &date);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
book_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  appeals_receptions_page_book (APPEALS_RECEPTIONS_PAGE (widget));
}

static void
book_at_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AppealsBookingDialog *dialog = appeals_receptions_page_book (APPEALS_RECEPTIONS_PAGE (widget));

  appeals_booking_dialog_set_time (dialog, g_variant_get_string (parameter, NULL));
}

static void
move_month (AppealsReceptionsPage *self,
            int                    delta)
{
  int year, month;

  appeals_month_view_get_month (self->month_view, &year, &month);
  month += delta;
  if (month < 1)
    month = 12, year--;
  else if (month > 12)
    month = 1, year++;
  appeals_month_view_set_month (self->month_view, year, month);
}

static void
month_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AppealsReceptionsPage *self = APPEALS_RECEPTIONS_PAGE (widget);

  if (g_str_equal (action_name, "receptions.previous-month"))
    move_month (self, -1);
  else if (g_str_equal (action_name, "receptions.next-month"))
    move_month (self, 1);
  else
    {
      GDate today;

      appeals_date_get_today (&today);
      appeals_month_view_set_selected (self->month_view, &today);
    }
}

static gboolean
keeps_schedules (AppealsReceptionsPage *self)
{
  AppealsUser *user = self->context != NULL ? appeals_context_get_user (self->context) : NULL;

  return user != NULL && (user->role == APPEALS_ROLE_CONTROLLER || user->role == APPEALS_ROLE_ADMIN);
}

static void
update_schedule_actions (AppealsReceptionsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "receptions.edit-schedule",
                                 keeps_schedules (self) && appeals_receptions_page_get_official_id (self) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "receptions.add-official", keeps_schedules (self));
}

/**
 * appeals_receptions_page_edit_schedule:
 * @official_id: the official, or 0 for a new one
 */
AppealsScheduleDialog *
appeals_receptions_page_edit_schedule (AppealsReceptionsPage *self,
                                       gint64                 official_id)
{
  /* the officials follow on the reference service's "officials-changed" */
  GtkWindow *parent = appeals_widget_get_window (GTK_WIDGET (self));
  AppealsScheduleDialog *dialog = appeals_schedule_dialog_new (parent, self->context,
                                                               official_id != 0
                                                               ? appeals_officials_find_by_id (self->officials, official_id)
                                                               : NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AppealsReceptionsPage *self = APPEALS_RECEPTIONS_PAGE (widget);

  appeals_receptions_page_edit_schedule (self, g_str_equal (action_name, "receptions.edit-schedule")
                                               ? appeals_receptions_page_get_official_id (self) : 0);
}

static void
print_poster_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AppealsReceptionsPage *self = APPEALS_RECEPTIONS_PAGE (widget);
  g_autoptr(AppealsSchedulePoster) poster = NULL;
  g_autoptr(GError) error = NULL;

  if (self->officials == NULL)
    return;
  poster = appeals_schedule_poster_new (self->officials, g_variant_get_string (parameter, NULL));
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (poster), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               appeals_widget_get_window (GTK_WIDGET (self)),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("printing the schedule failed: %s", error->message);
}

/* Construction ---------------------------------------------------------- */

static void
appeals_receptions_page_dispose (GObject *object)
{
  AppealsReceptionsPage *self = APPEALS_RECEPTIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->queue_cancellable);
  g_cancellable_cancel (self->days_cancellable);
  _appeals_receptions_page_clear_week (self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_receptions_page_parent_class)->dispose (object);
}

static void
appeals_receptions_page_finalize (GObject *object)
{
  AppealsReceptionsPage *self = APPEALS_RECEPTIONS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->queue_cancellable);
  g_clear_object (&self->days_cancellable);
  g_clear_pointer (&self->officials, g_ptr_array_unref);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->day_free, g_strfreev);
  g_clear_pointer (&self->next_queue, g_ptr_array_unref);
  G_OBJECT_CLASS (appeals_receptions_page_parent_class)->finalize (object);
}

/* What needs the context: the month's marks, and the services' signals. */
static void
appeals_receptions_page_constructed (GObject *object)
{
  AppealsReceptionsPage *self = APPEALS_RECEPTIONS_PAGE (object);
  GDate today;

  G_OBJECT_CLASS (appeals_receptions_page_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL);
  g_signal_connect_object (get_reception_service (self), "reception-changed",
                           G_CALLBACK (on_reception_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (get_reference_service (self), "officials-changed",
                           G_CALLBACK (on_officials_changed), self, G_CONNECT_SWAPPED);
  appeals_date_get_today (&today);
  appeals_month_view_set_selected (self->month_view, &today);
  update_month_title (self);
  mark_days (self, NULL);
  _appeals_receptions_page_show_queue (self);
  update_schedule_actions (self);
  appeals_reception_requests_view_set_context (self->requests_view, self->context);
}

static void
appeals_receptions_page_class_init (AppealsReceptionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = appeals_receptions_page_constructed;
  object_class->dispose = appeals_receptions_page_dispose;

  appeals_receptions_page_install_context_property (G_OBJECT_CLASS (klass));
  object_class->finalize = appeals_receptions_page_finalize;

  signals[QUEUE_LOADED] = g_signal_new ("queue-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_signal_new ("week-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (APPEALS_TYPE_MONTH_VIEW);
  g_type_ensure (APPEALS_TYPE_RECEPTION_REQUESTS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/kz/gov/kostanay/AppealsDesk/ui/appeals-receptions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionsPage, month_controls);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionsPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionsPage, official_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionsPage, month_view);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionsPage, day_title);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionsPage, day_subtitle);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionsPage, queue_list);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionsPage, requests_view);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionsPage, day_stack);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionsPage, slots_list);
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionsPage, week_list);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_day_view_changed",
                                                G_CALLBACK (_appeals_receptions_page_on_day_view_changed));
  gtk_widget_class_bind_template_child (widget_class, AppealsReceptionsPage, view_switcher);
  gtk_widget_class_bind_template_callback (widget_class, on_official_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_month_changed);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_day_selected",
                                                G_CALLBACK (_appeals_receptions_page_on_day_selected));
  gtk_widget_class_bind_template_callback (widget_class, on_day_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_queue_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);

  gtk_widget_class_install_action (widget_class, "receptions.book", NULL, book_action);
  gtk_widget_class_install_action (widget_class, "receptions.book-at", "s", book_at_action);
  gtk_widget_class_install_action (widget_class, "receptions.previous-month", NULL, month_action);
  gtk_widget_class_install_action (widget_class, "receptions.next-month", NULL, month_action);
  gtk_widget_class_install_action (widget_class, "receptions.today", NULL, month_action);
  gtk_widget_class_install_action (widget_class, "receptions.print-poster", "s", print_poster_action);
  gtk_widget_class_install_action (widget_class, "receptions.edit-schedule", NULL, schedule_action);
  gtk_widget_class_install_action (widget_class, "receptions.add-official", NULL, schedule_action);
}

static void
appeals_receptions_page_init (AppealsReceptionsPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* a switcher with one view to switch to is only noise */
  gtk_widget_set_visible (self->view_switcher,
                          g_list_model_get_n_items (G_LIST_MODEL (gtk_stack_get_pages (self->view_stack))) > 1);
}

/* Returns: (transfer none): the requests for a reception beside the calendar */
AppealsReceptionRequestsView *
appeals_receptions_page_get_requests_view (AppealsReceptionsPage *self)
{
  return self->requests_view;
}
