/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receptions-page-day.c: the chosen day — its header, the queue in
 * the server's (priority) order, and the official's hours in time slots
 * with the visitors booked in each and the free ones to book; and the
 * week around it, day by day.
 */
#include "config.h"

#include <stdio.h>

#include "appeals-receptions-page-private.h"

/* The day's queue ------------------------------------------------------- */

static GtkWidget *
new_tag (const char *text,
         const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  /* a long category ("Ветеран Великой Отечественной войны") goes on two
   * lines rather than being cut; a short mark stays whole */
  gtk_label_set_wrap (GTK_LABEL (label), g_utf8_strlen (text, -1) > 24);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_add_css_class (label, "tag");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_row_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Time and name on the first line, the question under it, and the marks
 * (priority category, steps overdue) on a line of their own: beside the
 * name, a long category left no room for the name at all. @position is
 * the visit's place in the queue, or 0 where the rows go by time. */
static GtkWidget *
new_queue_row (AppealsReceptionsPage *self,
               AppealsReceptionVisit *visit,
               guint                  position)
{
  AppealsReception *reception = visit->reception;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *marks = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *question;
  const char *priority = reception->priority;
  guint overdue = visit->n_overdue_steps;
  /* another district's visitor: the server tells only the time taken */
  gboolean restricted = visit->restricted;
  const char *who = restricted ? _("A visitor from another district")
                               : visit->applicant_name != NULL ? visit->applicant_name : "";
  const char *at = reception->start_time != NULL ? reception->start_time : "";
  /* the place in the queue only where the rows go in its order: by
   * time it read "1, 5, 2, 3" */
  g_autofree char *title = position > 0 ? g_strdup_printf ("%u. %s · %s", position, at, who)
                                        : g_strdup_printf ("%s · %s", at, who);
  g_autofree char *name = g_strdup_printf ("reception-%" G_GINT64_FORMAT, reception->id);
  g_autofree char *accessible = NULL;

  gtk_widget_set_name (row, name);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), new_row_label (title, NULL));
  question = new_row_label (reception->question != NULL ? reception->question : "", "dim-label");
  gtk_widget_add_css_class (question, "caption");
  gtk_label_set_wrap (GTK_LABEL (question), TRUE);
  gtk_label_set_lines (GTK_LABEL (question), 2);
  gtk_box_append (GTK_BOX (text), question);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !restricted);
  if (restricted)
    gtk_widget_add_css_class (row, "dim-label");
  g_object_set_data (G_OBJECT (row), "reception-id", GSIZE_TO_POINTER (reception->id));

  if (priority != NULL)
    gtk_box_append (GTK_BOX (marks),
                    new_tag (_appeals_receptions_page_priority_label (self, priority), "priority-tag"));
  if (overdue > 0)
    {
      g_autofree char *overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step overdue",
                                                                    "%u steps overdue", overdue), overdue);

      gtk_box_append (GTK_BOX (marks), new_tag (overdue_text, "overdue-tag"));
    }
  gtk_widget_set_margin_top (marks, 3);
  gtk_widget_set_visible (marks, gtk_widget_get_first_child (marks) != NULL);
  gtk_box_append (GTK_BOX (text), marks);

  if (reception->video_link != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("camera-web-symbolic");

      gtk_widget_set_tooltip_text (icon, _("Video conference"));
      gtk_box_append (GTK_BOX (box), icon);
    }
  if (!restricted)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));

  accessible = g_strdup_printf ("%s. %s", title, reception->question != NULL ? reception->question : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

void
_appeals_receptions_page_show_queue (AppealsReceptionsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->queue_list))) != NULL)
    gtk_list_box_remove (self->queue_list, child);

  if (self->queue == NULL || self->queue->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No visitors booked for this day"));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 18);
      gtk_widget_set_margin_bottom (empty, 18);
      gtk_list_box_append (self->queue_list, empty);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (empty)), FALSE);
      return;
    }

  for (guint i = 0; i < self->queue->len; i++)
    gtk_list_box_append (self->queue_list, new_queue_row (self, g_ptr_array_index (self->queue, i), i + 1));
}

static void show_slots (AppealsReceptionsPage *self, const GDate *date);

/* The day's time slots -------------------------------------------------- */

/* The free times are the server's (GET /officials/{id}/free-slots): it
 * knows the slot length, the unified reception day, the days off and the
 * slots taken; the page only lays them out beside the visitors. */

static int
minutes_of (const char *time)
{
  int hours = 0, minutes = 0;

  if (time == NULL || sscanf (time, "%d:%d", &hours, &minutes) != 2)
    return -1;
  return hours * 60 + minutes;
}

static GtkWidget *
new_free_slot_row (int minutes)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Book…"));
  g_autofree char *time = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
  g_autofree char *name = g_strdup_printf ("slot-%s", time);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), time);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), C_("time slot", "Free"));
  gtk_widget_set_name (row, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "receptions.book-at");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", time);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_widget_add_css_class (row, "free-slot");
  return row;
}

typedef struct
{
  AppealsReceptionVisit *visit;
  guint                  position;   /* in the queue: priority first */
  int                    minutes;
} Timed;

static int
compare_timed (gconstpointer a,
               gconstpointer b)
{
  const Timed *x = a, *y = b;

  if (x->minutes != y->minutes)
    return x->minutes < y->minutes ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

/* @queue by time; at the same time in the queue's order, priority first. */
static GArray *
dup_by_time (GPtrArray *queue)
{
  GArray *timed = g_array_new (FALSE, FALSE, sizeof (Timed));

  for (guint q = 0; queue != NULL && q < queue->len; q++)
    {
      AppealsReceptionVisit *visit = g_ptr_array_index (queue, q);
      Timed entry = { visit, q, minutes_of (visit->reception->start_time) };

      g_array_append_val (timed, entry);
    }
  g_array_sort (timed, compare_timed);
  return timed;
}

static void
show_slots (AppealsReceptionsPage *self,
            const GDate           *date)
{
  AppealsOfficial *official = appeals_officials_find_by_id (self->officials, appeals_receptions_page_get_official_id (self));
  g_autoptr(GArray) visits = dup_by_time (self->queue);
  guint n_free = self->day_free != NULL ? g_strv_length (self->day_free) : 0;
  GtkWidget *child;
  guint v = 0, f = 0;
  GDate today;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->slots_list))) != NULL)
    gtk_list_box_remove (self->slots_list, child);

  /* the visitors and the free times in time order; at the same time the
   * queue's order, priority first */
  while (v < visits->len || f < n_free)
    {
      int free_at = f < n_free ? minutes_of (self->day_free[f]) : G_MAXINT;

      if (v < visits->len && g_array_index (visits, Timed, v).minutes <= free_at)
        {
          Timed *entry = &g_array_index (visits, Timed, v++);

          gtk_list_box_append (self->slots_list, new_queue_row (self, entry->visit, 0));
        }
      else
        {
          gtk_list_box_append (self->slots_list, new_free_slot_row (free_at));
          f++;
        }
    }

  appeals_date_get_today (&today);
  if (visits->len == 0 && n_free == 0)
    {
      GtkWidget *empty = gtk_label_new (official == NULL ? _("Choose an official to see the time slots")
                                        : g_date_compare (date, &today) < 0 ? _("No visitors booked for this day")
                                        : _("The official does not receive citizens on this day"));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_set_margin_top (empty, 18);
      gtk_widget_set_margin_bottom (empty, 18);
      gtk_list_box_append (self->slots_list, empty);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (empty)), FALSE);
    }
}

guint
appeals_receptions_page_get_n_free_slots (AppealsReceptionsPage *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->slots_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += gtk_widget_has_css_class (row, "free-slot");
  return n;
}

/* The week ---------------------------------------------------------------- */

static GtkWidget *
new_week_day_row (const GDate *date,
                  const char  *note)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  g_autofree char *weekday = appeals_weekday_name (g_date_get_weekday (date));
  char text[16];
  g_autofree char *heading = NULL;

  g_date_strftime (text, sizeof text, "%d.%m.%Y", date);
  heading = g_strdup_printf ("%s, %s", weekday, text);
  gtk_label_set_text (GTK_LABEL (title), heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  if (note != NULL)
    {
      GtkWidget *label = gtk_label_new (note);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (box, "week-day");
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static void
show_week (AppealsReceptionsPage *self)
{
  AppealsCalendar *calendar = _appeals_receptions_page_get_calendar (self);
  AppealsOfficial *official = appeals_officials_find_by_id (self->officials, appeals_receptions_page_get_official_id (self));
  GtkWidget *child;
  GDate today;

  appeals_date_get_today (&today);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->week_list))) != NULL)
    gtk_list_box_remove (self->week_list, child);

  for (guint d = 0; d < 7; d++)
    {
      GPtrArray *queue = self->week[d];
      guint n_booked = queue != NULL ? queue->len : 0;
      /* the server's free times; a past day has none */
      guint n_free = self->week_free != NULL ? g_strv_length (g_ptr_array_index (self->week_free, d)) : 0;
      gboolean working;
      g_autoptr(GPtrArray) slots = NULL;
      g_autofree char *note = NULL;
      GtkWidget *header;
      GDate date = self->week_monday;

      g_date_add_days (&date, d);
      working = !appeals_calendar_covers (calendar, &date) || appeals_calendar_is_working_day (calendar, &date);
      slots = _appeals_receptions_page_slots_on (self, g_date_get_weekday (&date));
      /* weekends only when something happens on them */
      if (d >= 5 && n_booked == 0)
        continue;

      if (!working)
        note = g_strdup (_("A day off: no receptions."));
      /* a past day takes no bookings: its unused times are not free */
      else if (official != NULL && self->week_free != NULL && (slots->len > 0 || n_free > 0) &&
               g_date_compare (&date, &today) >= 0)
        note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u free time slot", "%u free time slots", n_free),
                                n_free);
      /* no hours of the official's that day: not an empty queue */
      else if (official != NULL && self->week_free != NULL && n_booked == 0 && g_date_compare (&date, &today) >= 0)
        note = g_strdup (_("The official does not receive citizens on this day"));
      else if (n_booked == 0)
        note = g_strdup (_("No visitors booked for this day"));

      header = new_week_day_row (&date, note);
      gtk_list_box_append (self->week_list, header);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (header)), FALSE);
      /* by time, priority first at the same time */
      {
        g_autoptr(GArray) visits = dup_by_time (queue);

        for (guint v = 0; v < visits->len; v++)
          gtk_list_box_append (self->week_list,
                               new_queue_row (self, g_array_index (visits, Timed, v).visit, 0));
      }
    }
}

/* The week shows once both its queues and its free times are in. */
static void
week_part_loaded (AppealsReceptionsPage *self)
{
  if (--self->week_pending > 0)
    return;
  show_week (self);
  g_signal_emit_by_name (self, "week-loaded");
}

static void
on_week_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AppealsReceptionsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = appeals_reception_service_list_finish (APPEALS_RECEPTION_SERVICE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* the answer is by date, each day in the queue's order */
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      AppealsReceptionVisit *visit = g_ptr_array_index (visits, i);
      int day = g_date_valid (&visit->reception->date)
                ? g_date_days_between (&self->week_monday, &visit->reception->date) : -1;

      if (day < 0 || day >= 7)
        continue;
      if (self->week[day] == NULL)
        self->week[day] = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->week[day], g_object_ref (visit));
    }
  week_part_loaded (self);
}

static void
on_week_free_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AppealsReceptionsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = appeals_reception_service_list_free_days_finish (APPEALS_RECEPTION_SERVICE (source),
                                                                               result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* without an answer the week shows no free times rather than wrong ones */
  self->week_free = g_steal_pointer (&days);
  week_part_loaded (self);
}

void
_appeals_receptions_page_clear_week (AppealsReceptionsPage *self)
{
  g_cancellable_cancel (self->week_cancellable);
  g_clear_object (&self->week_cancellable);
  for (guint d = 0; d < 7; d++)
    g_clear_pointer (&self->week[d], g_ptr_array_unref);
  g_clear_pointer (&self->week_free, g_ptr_array_unref);
  self->week_pending = 0;
}

/* The week of the chosen day: its queues in one request, the chosen
 * official's free times in another. */
void
_appeals_receptions_page_load_week (AppealsReceptionsPage *self)
{
  gint64 official_id = appeals_receptions_page_get_official_id (self);
  GDate date, sunday;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->day_stack), "week") != 0 ||
      !appeals_month_view_get_selected (self->month_view, &date) ||
      !_appeals_receptions_page_is_signed_in (self))
    return;

  _appeals_receptions_page_clear_week (self);
  self->week_cancellable = g_cancellable_new ();
  self->week_monday = date;
  g_date_subtract_days (&self->week_monday, g_date_get_weekday (&date) - 1);
  sunday = self->week_monday;
  g_date_add_days (&sunday, 6);
  appeals_reception_service_list_queues_async (appeals_context_get_reception_service (self->context),
                                               official_id, &self->week_monday, &sunday, self->week_cancellable,
                                               on_week_loaded, g_object_ref (self));
  self->week_pending = 1;
  if (official_id != 0)
    {
      appeals_reception_service_list_free_days_async (appeals_context_get_reception_service (self->context),
                                                      official_id, &self->week_monday, &sunday,
                                                      self->week_cancellable, on_week_free_loaded,
                                                      g_object_ref (self));
      self->week_pending++;
    }
}

void
_appeals_receptions_page_on_day_view_changed (AppealsReceptionsPage *self)
{
  _appeals_receptions_page_load_week (self);
}

guint
appeals_receptions_page_get_week_booked (AppealsReceptionsPage *self)
{
  guint n = 0;

  for (guint d = 0; d < 7; d++)
    n += self->week[d] != NULL ? self->week[d]->len : 0;
  return n;
}

/* The free times the week shows on @date; 0 outside the week shown. */
guint
appeals_receptions_page_get_week_free (AppealsReceptionsPage *self,
                                       const GDate           *date)
{
  int day;

  if (self->week_free == NULL)
    return 0;
  day = g_date_days_between (&self->week_monday, date);
  if (day < 0 || day >= (int) self->week_free->len)
    return 0;
  return g_strv_length (g_ptr_array_index (self->week_free, day));
}

void
appeals_receptions_page_show_day_view (AppealsReceptionsPage *self,
                                       const char            *name)
{
  gtk_stack_set_visible_child_name (self->day_stack, name);
}

static void
update_day_header (AppealsReceptionsPage *self,
                   const GDate           *date)
{
  AppealsCalendar *calendar = _appeals_receptions_page_get_calendar (self);
  g_autofree char *weekday = appeals_weekday_name (g_date_get_weekday (date));
  g_autoptr(GPtrArray) slots = _appeals_receptions_page_slots_on (self, g_date_get_weekday (date));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  gboolean working = !appeals_calendar_covers (calendar, date) ||
                     appeals_calendar_is_working_day (calendar, date);
  gboolean is_unified = FALSE;
  char text[16];
  GDate unified;

  g_date_strftime (text, sizeof text, "%d.%m.%Y", date);
  title = g_strdup_printf ("%s, %s", weekday, text);
  gtk_label_set_text (self->day_title, title);

  if (appeals_calendar_covers (calendar, date))
    {
      appeals_calendar_get_unified_reception_day (calendar, g_date_get_year (date), g_date_get_month (date), &unified);
      is_unified = g_date_compare (&unified, date) == 0;
      if (is_unified)
        g_string_append_printf (subtitle, "%s\n", _("Unified reception day: the leadership receives citizens."));
    }
  if (!working)
    g_string_append (subtitle, _("A day off: no receptions."));
  /* on the unified reception day every official receives, whatever their weekdays */
  else if (slots->len == 0 && !is_unified)
    g_string_append (subtitle, _("No official receives citizens on this day by the schedule."));
  else
    for (guint i = 0; i < slots->len; i++)
      g_string_append_printf (subtitle, "%s%s", i > 0 ? "\n" : "", (char *) g_ptr_array_index (slots, i));
  gtk_label_set_text (self->day_subtitle, subtitle->str);
}

/* The day shows once both its queue and its free times are in. */
static void
day_part_loaded (AppealsReceptionsPage *self)
{
  GDate date;

  if (--self->day_pending > 0)
    return;
  /* the queue and the slots change together */
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  self->queue = g_steal_pointer (&self->next_queue);
  _appeals_receptions_page_show_queue (self);
  if (appeals_month_view_get_selected (self->month_view, &date))
    show_slots (self, &date);
  _appeals_receptions_page_load_week (self);
  g_signal_emit_by_name (self, "queue-loaded");
}

static void
on_queue_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AppealsReceptionsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) queue = appeals_reception_service_list_finish (APPEALS_RECEPTION_SERVICE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->next_queue, g_ptr_array_unref);
  self->next_queue = g_steal_pointer (&queue);
  day_part_loaded (self);
}

static void
on_day_free_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AppealsReceptionsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) times = appeals_reception_service_list_free_slots_finish (APPEALS_RECEPTION_SERVICE (source), result,
                                                                         &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_strfreev (self->day_free);
  self->day_free = g_steal_pointer (&times);
  day_part_loaded (self);
}

/* The chosen day: its queue, and the chosen official's free times. */
void
_appeals_receptions_page_load_queue (AppealsReceptionsPage *self)
{
  gint64 official_id;
  GDate date;

  if (self->context == NULL || !appeals_month_view_get_selected (self->month_view, &date))
    return;
  update_day_header (self, &date);
  if (!_appeals_receptions_page_is_signed_in (self))
    return;

  g_cancellable_cancel (self->queue_cancellable);
  g_clear_object (&self->queue_cancellable);
  g_clear_pointer (&self->day_free, g_strfreev);
  self->queue_cancellable = g_cancellable_new ();
  official_id = appeals_receptions_page_get_official_id (self);
  self->day_pending = 1;
  appeals_reception_service_list_queue_async (appeals_context_get_reception_service (self->context), official_id,
                                              &date, self->queue_cancellable, on_queue_loaded, g_object_ref (self));
  if (official_id != 0)
    {
      self->day_pending++;
      appeals_reception_service_list_free_slots_async (appeals_context_get_reception_service (self->context),
                                                       official_id, &date, self->queue_cancellable,
                                                       on_day_free_loaded, g_object_ref (self));
    }
}

void
_appeals_receptions_page_on_day_selected (AppealsReceptionsPage *self)
{
  _appeals_receptions_page_load_queue (self);
}

