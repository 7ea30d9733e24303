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

static guint
count_overdue_steps (JsonObject *reception)
{
  JsonArray *steps = json_object_get_array_member (reception, "steps");
  guint n = 0;

  for (guint i = 0; steps != NULL && i < json_array_get_length (steps); i++)
    n += json_object_get_boolean_member (json_array_get_object_element (steps, i), "overdue");
  return n;
}

GtkWidget *
_appeals_receptions_page_new_tag (const char *text,
         const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_add_css_class (label, "tag");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_queue_row (JsonObject *reception,
               guint       position)
{
  GtkWidget *row = adw_action_row_new ();
  const char *priority = json_object_get_string_member_with_default (reception, "priority", NULL);
  guint overdue = count_overdue_steps (reception);
  /* another district's visitor: the server tells only the time taken */
  gboolean restricted = json_object_get_boolean_member_with_default (reception, "restricted", FALSE);
  g_autofree char *title = g_strdup_printf ("%u. %s · %s", position,
                                            json_object_get_string_member_with_default (reception, "start_time", ""),
                                            restricted ? _("A visitor from another district")
                                                       : json_object_get_string_member_with_default (reception,
                                                                                                     "applicant_name", ""));
  g_autofree char *name = g_strdup_printf ("reception-%" G_GINT64_FORMAT, json_object_get_int_member (reception, "id"));

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), json_object_get_string_member_with_default (reception, "question", ""));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !restricted);
  if (restricted)
    gtk_widget_add_css_class (row, "dim-label");
  g_object_set_data (G_OBJECT (row), "reception-id",
                     GSIZE_TO_POINTER (json_object_get_int_member (reception, "id")));

  if (priority != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), _appeals_receptions_page_new_tag (appeals_priority_get_label (appeals_application_get_priorities (appeals_application_get_default ()), priority), "priority-tag"));
  if (json_object_get_string_member_with_default (reception, "video_link", NULL) != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("camera-web-symbolic");

      gtk_widget_set_tooltip_text (icon, _("Video conference"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  if (overdue > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step overdue", "%u steps overdue",
                                                            overdue), overdue);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), _appeals_receptions_page_new_tag (text, "overdue-tag"));
    }
  if (!restricted)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

void
_appeals_receptions_page_show_queue (AppealsReceptionsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->queue_list))) != NULL)
    gtk_list_box_remove (self->queue_list, child);

  if (self->queue == NULL || json_array_get_length (self->queue) == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No visitors booked for this day"));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 18);
      gtk_widget_set_margin_bottom (empty, 18);
      gtk_list_box_append (self->queue_list, empty);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (empty)), FALSE);
      return;
    }

  for (guint i = 0; i < json_array_get_length (self->queue); i++)
    gtk_list_box_append (self->queue_list, new_queue_row (json_array_get_object_element (self->queue, i), i + 1));
}

static void show_slots (AppealsReceptionsPage *self, const GDate *date);

/* The day's time slots -------------------------------------------------- */

/* A visitor's time at a reception; the demo and the booking dialog book on
 * this grid, but any time the server took is shown where it falls. */
#define SLOT_MINUTES 20

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

static void
show_slots (AppealsReceptionsPage *self,
            const GDate           *date)
{
  AppealsCalendar *calendar = appeals_application_get_calendar (appeals_application_get_default ());
  JsonObject *official = appeals_officials_find (self->officials, appeals_receptions_page_get_official_id (self));
  JsonArray *schedule = official != NULL ? json_object_get_array_member (official, "schedule") : NULL;
  g_autoptr(GArray) shown = g_array_new (FALSE, TRUE, sizeof (gboolean));
  guint n_queue = self->queue != NULL ? json_array_get_length (self->queue) : 0;
  GtkWidget *child;
  guint n_rows = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->slots_list))) != NULL)
    gtk_list_box_remove (self->slots_list, child);
  g_array_set_size (shown, n_queue);

  if (official != NULL && (!appeals_calendar_covers (calendar, date) || appeals_calendar_is_working_day (calendar, date)))
    for (guint i = 0; schedule != NULL && i < json_array_get_length (schedule); i++)
      {
        JsonObject *slot = json_array_get_object_element (schedule, i);
        int start = minutes_of (json_object_get_string_member (slot, "start"));
        int end = minutes_of (json_object_get_string_member (slot, "end"));

        if (json_object_get_int_member (slot, "weekday") != g_date_get_weekday (date) || start < 0 || end <= start)
          continue;

        for (int at = start; at < end; at += SLOT_MINUTES)
          {
            gboolean taken = FALSE;

            /* whoever is booked within this slot, in queue order */
            for (guint q = 0; q < n_queue; q++)
              {
                JsonObject *reception = json_array_get_object_element (self->queue, q);
                int time = minutes_of (json_object_get_string_member (reception, "start_time"));

                if (time >= at && time < at + SLOT_MINUTES)
                  {
                    gtk_list_box_append (self->slots_list, new_queue_row (reception, q + 1));
                    g_array_index (shown, gboolean, q) = TRUE;
                    taken = TRUE;
                    n_rows++;
                  }
              }
            if (!taken)
              {
                gtk_list_box_append (self->slots_list, new_free_slot_row (at));
                n_rows++;
              }
          }
      }

  /* visitors booked outside the schedule's hours still show */
  for (guint q = 0; q < n_queue; q++)
    if (!g_array_index (shown, gboolean, q))
      {
        gtk_list_box_append (self->slots_list, new_queue_row (json_array_get_object_element (self->queue, q), q + 1));
        n_rows++;
      }

  if (n_rows == 0)
    {
      GtkWidget *empty = gtk_label_new (official == NULL ? _("Choose an official to see the time slots")
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

/* How many of @official's slots on @date have nobody booked in @queue. */
static guint
count_free_slots (JsonObject  *official,
                  const GDate *date,
                  JsonArray   *queue)
{
  JsonArray *schedule = official != NULL ? json_object_get_array_member (official, "schedule") : NULL;
  guint n_free = 0;

  for (guint i = 0; schedule != NULL && i < json_array_get_length (schedule); i++)
    {
      JsonObject *slot = json_array_get_object_element (schedule, i);
      int start = minutes_of (json_object_get_string_member (slot, "start"));
      int end = minutes_of (json_object_get_string_member (slot, "end"));

      if (json_object_get_int_member (slot, "weekday") != g_date_get_weekday (date) || start < 0)
        continue;
      for (int at = start; at < end; at += SLOT_MINUTES)
        {
          gboolean taken = FALSE;

          for (guint q = 0; queue != NULL && q < json_array_get_length (queue) && !taken; q++)
            {
              int time = minutes_of (json_object_get_string_member (json_array_get_object_element (queue, q),
                                                                    "start_time"));

              taken = time >= at && time < at + SLOT_MINUTES;
            }
          n_free += !taken;
        }
    }
  return n_free;
}

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
  AppealsCalendar *calendar = appeals_application_get_calendar (appeals_application_get_default ());
  JsonObject *official = appeals_officials_find (self->officials, appeals_receptions_page_get_official_id (self));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->week_list))) != NULL)
    gtk_list_box_remove (self->week_list, child);

  for (guint d = 0; d < 7; d++)
    {
      JsonArray *queue = self->week[d];
      guint n_booked = queue != NULL ? json_array_get_length (queue) : 0;
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
      else if (official != NULL && slots->len > 0)
        {
          guint n_free = count_free_slots (official, &date, queue);

          note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u free time slot", "%u free time slots", n_free),
                                  n_free);
        }
      else if (n_booked == 0)
        note = g_strdup (_("No visitors booked for this day"));

      header = new_week_day_row (&date, note);
      gtk_list_box_append (self->week_list, header);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (header)), FALSE);
      for (guint q = 0; q < n_booked; q++)
        gtk_list_box_append (self->week_list, new_queue_row (json_array_get_object_element (queue, q), q + 1));
    }
}

typedef struct
{
  AppealsReceptionsPage *self;
  guint                  day;
} WeekCall;

static void
on_week_day_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autofree WeekCall *call = user_data;
  g_autoptr(AppealsReceptionsPage) self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->week[call->day], json_array_unref);
  if (response != NULL && appeals_api_response_is_success (response) && response->body != NULL)
    self->week[call->day] = json_array_ref (json_object_get_array_member (json_node_get_object (response->body), "items"));

  if (--self->week_pending == 0)
    {
      show_week (self);
      g_signal_emit_by_name (self, "week-loaded");
    }
}

void
_appeals_receptions_page_clear_week (AppealsReceptionsPage *self)
{
  g_cancellable_cancel (self->week_cancellable);
  g_clear_object (&self->week_cancellable);
  for (guint d = 0; d < 7; d++)
    g_clear_pointer (&self->week[d], json_array_unref);
}

/* The week of the chosen day, one request a day, shown when all came. */
void
_appeals_receptions_page_load_week (AppealsReceptionsPage *self)
{
  gint64 official = appeals_receptions_page_get_official_id (self);
  GDate date;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->day_stack), "week") != 0 ||
      !appeals_month_view_get_selected (self->month_view, &date) ||
      appeals_api_client_get_token (_appeals_receptions_page_get_client ()) == NULL)
    return;

  _appeals_receptions_page_clear_week (self);
  self->week_cancellable = g_cancellable_new ();
  self->week_monday = date;
  g_date_subtract_days (&self->week_monday, g_date_get_weekday (&date) - 1);
  self->week_pending = 7;

  for (guint d = 0; d < 7; d++)
    {
      WeekCall *call = g_new0 (WeekCall, 1);
      g_autofree char *iso = NULL;
      g_autofree char *path = NULL;

      date = self->week_monday;
      g_date_add_days (&date, d);
      iso = appeals_date_format_iso (&date);
      path = official != 0 ? g_strdup_printf ("receptions?date=%s&official_id=%" G_GINT64_FORMAT, iso, official)
                           : g_strdup_printf ("receptions?date=%s", iso);
      call->self = g_object_ref (self);
      call->day = d;
      appeals_api_client_request_async (_appeals_receptions_page_get_client (), "GET", path, NULL, NULL, NULL,
                                        self->week_cancellable, on_week_day_loaded, call);
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
    n += self->week[d] != NULL ? json_array_get_length (self->week[d]) : 0;
  return n;
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
  AppealsCalendar *calendar = appeals_application_get_calendar (appeals_application_get_default ());
  g_autofree char *weekday = appeals_weekday_name (g_date_get_weekday (date));
  g_autoptr(GPtrArray) slots = _appeals_receptions_page_slots_on (self, g_date_get_weekday (date));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  gboolean working = !appeals_calendar_covers (calendar, date) ||
                     appeals_calendar_is_working_day (calendar, date);
  char text[16];
  GDate unified;

  g_date_strftime (text, sizeof text, "%d.%m.%Y", date);
  title = g_strdup_printf ("%s, %s", weekday, text);
  gtk_label_set_text (self->day_title, title);

  if (appeals_calendar_covers (calendar, date))
    {
      appeals_calendar_get_unified_reception_day (calendar, g_date_get_year (date), g_date_get_month (date), &unified);
      if (g_date_compare (&unified, date) == 0)
        g_string_append_printf (subtitle, "%s\n", _("Unified reception day: the leadership receives citizens."));
    }
  if (!working)
    g_string_append (subtitle, _("A day off: no receptions."));
  else if (slots->len == 0)
    g_string_append (subtitle, _("No official receives citizens on this day by the schedule."));
  else
    for (guint i = 0; i < slots->len; i++)
      g_string_append_printf (subtitle, "%s%s", i > 0 ? "\n" : "", (char *) g_ptr_array_index (slots, i));
  gtk_label_set_text (self->day_subtitle, subtitle->str);
}

static void
on_queue_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AppealsReceptionsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source),
                                                                              result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->queue, json_array_unref);
  if (response != NULL && appeals_api_response_is_success (response) && response->body != NULL)
    self->queue = json_array_ref (json_object_get_array_member (json_node_get_object (response->body), "items"));
  _appeals_receptions_page_show_queue (self);
  {
    GDate date;

    if (appeals_month_view_get_selected (self->month_view, &date))
      show_slots (self, &date);
  }
  _appeals_receptions_page_load_week (self);
  g_signal_emit_by_name (self, "queue-loaded");
}

void
_appeals_receptions_page_load_queue (AppealsReceptionsPage *self)
{
  gint64 official = appeals_receptions_page_get_official_id (self);
  g_autofree char *iso = NULL;
  g_autofree char *path = NULL;
  GDate date;

  if (!appeals_month_view_get_selected (self->month_view, &date))
    return;
  update_day_header (self, &date);
  if (appeals_api_client_get_token (_appeals_receptions_page_get_client ()) == NULL)
    return;

  iso = appeals_date_format_iso (&date);
  path = official != 0 ? g_strdup_printf ("receptions?date=%s&official_id=%" G_GINT64_FORMAT, iso, official)
                       : g_strdup_printf ("receptions?date=%s", iso);

  g_cancellable_cancel (self->queue_cancellable);
  g_clear_object (&self->queue_cancellable);
  self->queue_cancellable = g_cancellable_new ();
  appeals_api_client_request_async (_appeals_receptions_page_get_client (), "GET", path, NULL, NULL, NULL, self->queue_cancellable,
                                    on_queue_loaded, g_object_ref (self));
}

void
_appeals_receptions_page_on_day_selected (AppealsReceptionsPage *self)
{
  _appeals_receptions_page_load_queue (self);
}

