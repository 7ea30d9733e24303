/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-schedule-dialog.c: an official and their reception schedule —
 * names and positions in Kazakh and Russian, and the days: weekday,
 * hours, and a place or a video conference. A new official, or an
 * existing one whose schedule is replaced as a whole; or the official no
 * longer receives citizens.
 *
 * The server checks everything; its field errors (full_name.kk,
 * schedule[1].end, …) appear under the field or the day they name, and
 * what was typed stays.
 *
 * Signal "saved" after the server took the change.
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "appeals-form-drafts.h"
#include "appeals-schedule-dialog.h"

typedef struct
{
  GtkWidget   *row;       /* the day's box in the list */
  GtkDropDown *weekday;
  GtkEditable *start;
  GtkEditable *end;
  GtkEditable *place;
  GtkEditable *places[2];  /* the place as the poster prints it: kk, ru */
  GtkCheckButton *video;
  GtkLabel    *error;
} DayRow;

struct _AppealsScheduleDialog
{
  AdwWindow            parent_instance;

  AppealsContext      *context;
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *names_group;
  AdwPreferencesGroup *days_group;
  GtkListBox          *days_list;
  GtkLabel            *schedule_error;
  GtkWidget           *retire_button;

  GtkEditable         *names[4];       /* full_name.kk, full_name.ru, position.kk, position.ru */
  GtkLabel            *name_errors[4];
  GPtrArray           *days;           /* DayRow */
  gint64               official_id;    /* 0 for a new official */
  char                *idempotency_key;
  GCancellable        *cancellable;
  gboolean             sending;
  gboolean             drafting;       /* what changes is the person's draft */
};

G_DEFINE_FINAL_TYPE (AppealsScheduleDialog, appeals_schedule_dialog, ADW_TYPE_WINDOW)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsScheduleDialog, appeals_schedule_dialog)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *name_fields[] = { "full_name.kk", "full_name.ru", "position.kk", "position.ru" };

static AppealsReferenceService *
get_reference_service (AppealsScheduleDialog *self)
{
  return appeals_context_get_reference_service (self->context);
}

static void
show_toast (AppealsScheduleDialog *self,
            const char            *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void save_draft (AppealsScheduleDialog *self);

/* Days ------------------------------------------------------------------- */

static void
day_row_free (DayRow *day)
{
  g_free (day);
}

static void
on_remove_day (GtkButton             *button,
               AppealsScheduleDialog *self)
{
  DayRow *day = g_object_get_data (G_OBJECT (button), "day");

  gtk_list_box_remove (self->days_list, gtk_widget_get_parent (day->row));
  g_ptr_array_remove (self->days, day);
  save_draft (self);
}

static void
on_video_toggled (GtkCheckButton *check,
                  DayRow         *day)
{
  /* a video conference needs no room */
  gtk_widget_set_sensitive (GTK_WIDGET (day->place), !gtk_check_button_get_active (check));
  for (guint l = 0; l < G_N_ELEMENTS (day->places); l++)
    gtk_widget_set_sensitive (GTK_WIDGET (day->places[l]), !gtk_check_button_get_active (check));
}

static GtkEditable *
new_entry (const char *placeholder,
           int         width_chars,
           const char *name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  /* no wider than that unless it expands (a time's five characters) */
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_widget_set_name (entry, name);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  return GTK_EDITABLE (entry);
}

/* One line under a day, as wide as the day: @label, dimmed and as wide as
 * the other lines' (@names), then @entry, which it names. */
static void
add_place_line (DayRow       *day,
                GtkSizeGroup *names,
                const char   *label_text,
                GtkEditable  *entry)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (label_text);

  gtk_widget_set_margin_end (line, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_size_group_add_widget (names, label);
  gtk_box_append (GTK_BOX (line), label);

  gtk_widget_set_hexpand (GTK_WIDGET (entry), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (entry));
  gtk_box_append (GTK_BOX (day->row), line);
}

/* The lines under a day (an address with a room): its place, as a
 * booking shows it, and the place as the poster prints it in Kazakh and
 * in Russian, where it differs, each line named. */
static void
add_place_texts (DayRow *day,
                 guint   index)
{
  const char *languages[] = { "kk", "ru" };
  const char *language_names[] = { N_("Kazakh"), N_("Russian") };
  const char *hints[] = { N_("Place in Kazakh, for the poster"), N_("Place in Russian, for the poster") };
  g_autoptr(GtkSizeGroup) names = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_autofree char *place_name = g_strdup_printf ("day-%u-place", index);

  day->place = new_entry (_("As a booking shows it"), 12, place_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (day->place), _("The place as bookings show it, the room for instance"));
  add_place_line (day, names, _("Place"), day->place);

  for (guint l = 0; l < G_N_ELEMENTS (day->places); l++)
    {
      g_autofree char *name = g_strdup_printf ("day-%u-place-%s", index, languages[l]);

      day->places[l] = new_entry (_(hints[l]), 16, name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (day->places[l]), _(hints[l]));
      add_place_line (day, names, _(language_names[l]), day->places[l]);
    }
}

/* Adds a day; @slot fills it, or NULL for an empty one. */
static DayRow *
add_day (AppealsScheduleDialog     *self,
         const AppealsScheduleSlot *slot)
{
  const char *weekdays[] = {
    C_("weekday", "Monday"), C_("weekday", "Tuesday"), C_("weekday", "Wednesday"), C_("weekday", "Thursday"),
    C_("weekday", "Friday"), C_("weekday", "Saturday"), C_("weekday", "Sunday"), NULL,
  };
  DayRow *day = g_new0 (DayRow, 1);
  guint index = self->days->len;
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *dash = gtk_label_new ("–");
  g_autofree char *weekday_name = g_strdup_printf ("day-%u-weekday", index);
  g_autofree char *start_name = g_strdup_printf ("day-%u-start", index);
  g_autofree char *end_name = g_strdup_printf ("day-%u-end", index);
  g_autofree char *video_name = g_strdup_printf ("day-%u-video", index);

  day->row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (day->row, "schedule-day");
  gtk_widget_set_margin_top (day->row, 6);
  gtk_widget_set_margin_bottom (day->row, 6);
  gtk_widget_set_margin_start (day->row, 12);
  gtk_widget_set_margin_end (day->row, 6);

  day->weekday = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (weekdays));
  gtk_widget_set_name (GTK_WIDGET (day->weekday), weekday_name);
  gtk_widget_set_valign (GTK_WIDGET (day->weekday), GTK_ALIGN_CENTER);
  day->start = new_entry (_("HH:MM"), 5, start_name);
  day->end = new_entry (_("HH:MM"), 5, end_name);
  day->video = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Video conference")));
  gtk_widget_set_name (GTK_WIDGET (day->video), video_name);
  g_signal_connect (day->video, "toggled", G_CALLBACK (on_video_toggled), day);

  gtk_widget_set_tooltip_text (remove, _("Remove the day"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "day", day);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_day), self);

  gtk_box_append (GTK_BOX (line), GTK_WIDGET (day->weekday));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (day->start));
  gtk_box_append (GTK_BOX (line), dash);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (day->end));
  gtk_widget_set_hexpand (GTK_WIDGET (day->video), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (day->video), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (day->video));
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (day->row), line);
  add_place_texts (day, index);

  day->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (day->error, 0);
  gtk_label_set_wrap (day->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (day->error), "field-error");
  gtk_widget_set_visible (GTK_WIDGET (day->error), FALSE);
  gtk_box_append (GTK_BOX (day->row), GTK_WIDGET (day->error));

  if (slot != NULL)
    {
      gtk_drop_down_set_selected (day->weekday, CLAMP (slot->weekday, 1, 7) - 1);
      gtk_editable_set_text (day->start, slot->start != NULL ? slot->start : "");
      gtk_editable_set_text (day->end, slot->end != NULL ? slot->end : "");
      gtk_editable_set_text (day->place, slot->place != NULL ? slot->place : "");
      gtk_editable_set_text (day->places[0], slot->place_kk != NULL ? slot->place_kk : "");
      gtk_editable_set_text (day->places[1], slot->place_ru != NULL ? slot->place_ru : "");
      gtk_check_button_set_active (day->video, slot->video);
    }

  g_signal_connect_object (day->weekday, "notify::selected", G_CALLBACK (save_draft), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (day->start, "changed", G_CALLBACK (save_draft), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (day->end, "changed", G_CALLBACK (save_draft), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (day->place, "changed", G_CALLBACK (save_draft), self, G_CONNECT_SWAPPED);
  for (guint l = 0; l < G_N_ELEMENTS (day->places); l++)
    g_signal_connect_object (day->places[l], "changed", G_CALLBACK (save_draft), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (day->video, "toggled", G_CALLBACK (save_draft), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->days_list, day->row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (day->row)), FALSE);
  g_ptr_array_add (self->days, day);
  return day;
}

static void
add_day_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AppealsScheduleDialog *self = APPEALS_SCHEDULE_DIALOG (widget);
  DayRow *day = add_day (self, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (day->start));
}

/* Drafts ------------------------------------------------------------------ */

/* Nothing typed is lost to a crash, a lost connection or a closed dialog:
 * the names and the days are the person's draft of this official (or of
 * a new one) until the server takes them, and come back when the dialog
 * opens again. The days are kept a line each, fields between tabs:
 * weekday, start, end, place, video (1 or 0), the poster's place in
 * Kazakh and in Russian (drafts kept before those had five fields). */

static char *
draft_form (AppealsScheduleDialog *self)
{
  if (self->official_id > 0)
    return g_strdup_printf ("schedule-%" G_GINT64_FORMAT, self->official_id);
  return g_strdup ("schedule-new");
}

static void
remove_draft (AppealsScheduleDialog *self)
{
  AppealsUser *user = appeals_context_get_user (self->context);
  g_autofree char *form = draft_form (self);

  self->drafting = FALSE;
  if (user != NULL)
    appeals_form_draft_remove (appeals_context_get_server_url (self->context), user->login, form);
}

static void
save_draft (AppealsScheduleDialog *self)
{
  AppealsUser *user = appeals_context_get_user (self->context);
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GString) days = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *form = draft_form (self);
  gboolean typed = FALSE;

  if (!self->drafting || user == NULL)
    return;

  fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->names); i++)
    {
      const char *text = gtk_editable_get_text (self->names[i]);

      typed |= *text != '\0';
      g_hash_table_insert (fields, g_strdup (name_fields[i]), g_strdup (text));
    }
  for (guint i = 0; i < self->days->len; i++)
    {
      DayRow *day = g_ptr_array_index (self->days, i);
      GtkEditable *texts[] = { day->start, day->end, day->place };

      g_string_append_printf (days, "%u", gtk_drop_down_get_selected (day->weekday) + 1);
      for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
        {
          g_autofree char *text = g_strdelimit (g_strdup (gtk_editable_get_text (texts[j])), "\t\n", ' ');

          typed |= *text != '\0';
          g_string_append_printf (days, "\t%s", text);
        }
      g_string_append_printf (days, "\t%d", gtk_check_button_get_active (day->video));
      for (guint l = 0; l < G_N_ELEMENTS (day->places); l++)
        {
          g_autofree char *text = g_strdelimit (g_strdup (gtk_editable_get_text (day->places[l])), "\t\n", ' ');

          typed |= *text != '\0';
          g_string_append_printf (days, "\t%s", text);
        }
      g_string_append_c (days, '\n');
    }
  g_hash_table_insert (fields, g_strdup ("days"), g_string_free (g_steal_pointer (&days), FALSE));

  if (!typed)
    appeals_form_draft_remove (appeals_context_get_server_url (self->context), user->login, form);
  else if (!appeals_form_draft_save (appeals_context_get_server_url (self->context), user->login, form, fields,
                                     &error))
    g_warning ("draft of %s: %s", form, error->message);
}

/* Puts the draft back in place of what the dialog was opened with;
 * FALSE when there is none. */
static gboolean
restore_draft (AppealsScheduleDialog *self)
{
  AppealsUser *user = appeals_context_get_user (self->context);
  g_autofree char *form = draft_form (self);
  g_autoptr(GHashTable) fields = NULL;
  g_auto(GStrv) days = NULL;

  if (user == NULL)
    return FALSE;
  fields = appeals_form_draft_load (appeals_context_get_server_url (self->context), user->login, form);
  if (fields == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (self->names); i++)
    {
      const char *text = g_hash_table_lookup (fields, name_fields[i]);

      gtk_editable_set_text (self->names[i], text != NULL ? text : "");
    }
  while (self->days->len > 0)
    {
      DayRow *day = g_ptr_array_index (self->days, self->days->len - 1);

      gtk_list_box_remove (self->days_list, gtk_widget_get_parent (day->row));
      g_ptr_array_remove_index (self->days, self->days->len - 1);
    }
  days = g_strsplit (g_hash_table_contains (fields, "days") ? g_hash_table_lookup (fields, "days") : "", "\n", -1);
  for (guint i = 0; days[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (days[i], "\t", 7);
      AppealsScheduleSlot slot = { 0, };
      guint n_parts = g_strv_length (parts);

      if (n_parts != 5 && n_parts != 7)
        continue;
      slot.weekday = (int) g_ascii_strtoll (parts[0], NULL, 10);
      slot.start = parts[1];
      slot.end = parts[2];
      slot.place = parts[3];
      slot.video = g_str_equal (parts[4], "1");
      slot.place_kk = n_parts == 7 ? parts[5] : NULL;
      slot.place_ru = n_parts == 7 ? parts[6] : NULL;
      add_day (self, &slot);
    }
  return TRUE;
}

/* Errors ----------------------------------------------------------------- */

static void
clear_errors (AppealsScheduleDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->name_errors); i++)
    gtk_widget_set_visible (GTK_WIDGET (self->name_errors[i]), FALSE);
  for (guint i = 0; i < self->days->len; i++)
    {
      DayRow *day = g_ptr_array_index (self->days, i);

      gtk_label_set_text (day->error, "");
      gtk_widget_set_visible (GTK_WIDGET (day->error), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->schedule_error), FALSE);
}

/* "schedule[2].end" → the third day's label, with the part named */
static gboolean
show_day_error (AppealsScheduleDialog  *self,
                const AppealsFieldError *error)
{
  const struct { const char *part; const char *label; } parts[] = {
    { "weekday", N_("Weekday") }, { "start", N_("Start") }, { "end", N_("End") },
    { "place", N_("Place") }, { "video", N_("Video conference") },
    { "place_kk", N_("Place in Kazakh, for the poster") }, { "place_ru", N_("Place in Russian, for the poster") },
  };
  guint index;
  char part[16] = "";
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  DayRow *day;
  const char *current;

  if (sscanf (error->field, "schedule[%u].%15s", &index, part) != 2 || index >= self->days->len)
    return FALSE;

  day = g_ptr_array_index (self->days, index);
  text = appeals_field_error_describe (error);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].part, part))
      line = g_strdup_printf ("%s: %s", _(parts[i].label), text);

  current = gtk_label_get_text (day->error);
  if (*current != '\0')
    {
      g_autofree char *joined = g_strdup_printf ("%s\n%s", current, line != NULL ? line : text);

      gtk_label_set_text (day->error, joined);
    }
  else
    gtk_label_set_text (day->error, line != NULL ? line : text);
  gtk_widget_set_visible (GTK_WIDGET (day->error), TRUE);
  return TRUE;
}

static void
show_field_error (AppealsScheduleDialog   *self,
                  const AppealsFieldError *error)
{
  g_autofree char *text = appeals_field_error_describe (error);

  for (guint i = 0; i < G_N_ELEMENTS (name_fields); i++)
    if (g_str_equal (error->field, name_fields[i]))
      {
        g_autofree char *line = g_strdup_printf ("%s: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->names[i])),
                                                 text);

        gtk_label_set_text (self->name_errors[i], line);
        gtk_widget_set_visible (GTK_WIDGET (self->name_errors[i]), TRUE);
        return;
      }
  if (show_day_error (self, error))
    return;
  gtk_label_set_text (self->schedule_error, text);
  gtk_widget_set_visible (GTK_WIDGET (self->schedule_error), TRUE);
}

/* Saving ----------------------------------------------------------------- */

/* The official as the dialog shows it. */
static AppealsOfficial *
build_official (AppealsScheduleDialog *self)
{
  AppealsOfficial *official = appeals_official_new ();

  official->id = self->official_id;
  official->full_name_kk = g_strdup (gtk_editable_get_text (self->names[0]));
  official->full_name_ru = g_strdup (gtk_editable_get_text (self->names[1]));
  official->position_kk = g_strdup (gtk_editable_get_text (self->names[2]));
  official->position_ru = g_strdup (gtk_editable_get_text (self->names[3]));
  for (guint i = 0; i < self->days->len; i++)
    {
      DayRow *day = g_ptr_array_index (self->days, i);
      gboolean video = gtk_check_button_get_active (day->video);
      AppealsScheduleSlot *slot;

      /* a day by video conference has no place */
      slot = appeals_schedule_slot_new (gtk_drop_down_get_selected (day->weekday) + 1,
                                        gtk_editable_get_text (day->start), gtk_editable_get_text (day->end),
                                        video ? NULL : gtk_editable_get_text (day->place), video);
      slot->place_kk = video ? NULL : g_strdup (gtk_editable_get_text (day->places[0]));
      slot->place_ru = video ? NULL : g_strdup (gtk_editable_get_text (day->places[1]));
      g_ptr_array_add (official->schedule, slot);
    }
  return official;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AppealsScheduleDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *field_errors;

  self->sending = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.save", TRUE);
  if (appeals_reference_service_save_official_finish (APPEALS_REFERENCE_SERVICE (source), result, &error))
    {
      remove_draft (self);
      g_signal_emit (self, signals[SAVED], 0);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (!appeals_service_error_is_offline (error))
    g_clear_pointer (&self->idempotency_key, g_free);
  field_errors = appeals_service_error_get_field_errors (error);
  for (guint i = 0; field_errors != NULL && i < field_errors->len; i++)
    show_field_error (self, g_ptr_array_index (field_errors, i));
  show_toast (self, error->message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AppealsScheduleDialog *self = APPEALS_SCHEDULE_DIALOG (widget);
  g_autoptr(AppealsOfficial) official = NULL;

  if (self->sending)
    return;
  clear_errors (self);
  official = build_official (self);
  self->sending = TRUE;
  gtk_widget_action_set_enabled (widget, "schedule.save", FALSE);
  if (self->official_id == 0 && self->idempotency_key == NULL)
    self->idempotency_key = g_uuid_string_random ();
  appeals_reference_service_save_official_async (get_reference_service (self), official, self->idempotency_key,
                                                 self->cancellable, on_saved, g_object_ref (self));
}

static void
on_retired (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AppealsScheduleDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->sending = FALSE;
  if (appeals_reference_service_retire_official_finish (APPEALS_REFERENCE_SERVICE (source), result, &error))
    {
      remove_draft (self);
      g_signal_emit (self, signals[SAVED], 0);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, error->message);
}

static void
on_retire_response (AdwMessageDialog      *dialog,
                    const char            *response,
                    AppealsScheduleDialog *self)
{
  if (!g_str_equal (response, "retire"))
    return;
  self->sending = TRUE;
  appeals_reference_service_retire_official_async (get_reference_service (self), self->official_id, self->cancellable,
                                                   on_retired, g_object_ref (self));
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AppealsScheduleDialog *self = APPEALS_SCHEDULE_DIALOG (widget);
  GtkWidget *dialog;

  if (self->official_id == 0 || self->sending)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Stop Receptions by This Official?"),
                                   _("The official leaves the schedule and can no longer be booked. "
                                     "Receptions already held keep their records."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "retire", _("_Stop Receptions"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retire", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_retire_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Construction ----------------------------------------------------------- */

static void
build_names (AppealsScheduleDialog *self)
{
  const char *titles[] = {
    N_("Full name in Kazakh"), N_("Full name in Russian"), N_("Position in Kazakh"), N_("Position in Russian"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *error = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(titles[i]));
      gtk_widget_set_name (row, name_fields[i]);
      adw_preferences_group_add (self->names_group, row);
      self->names[i] = GTK_EDITABLE (row);
      g_signal_connect_object (row, "changed", G_CALLBACK (save_draft), self, G_CONNECT_SWAPPED);

      gtk_label_set_xalign (GTK_LABEL (error), 0);
      gtk_label_set_wrap (GTK_LABEL (error), TRUE);
      gtk_widget_add_css_class (error, "field-error");
      gtk_widget_set_visible (error, FALSE);
      adw_preferences_group_add (self->names_group, error);
      self->name_errors[i] = GTK_LABEL (error);
    }
}

static void
appeals_schedule_dialog_dispose (GObject *object)
{
  AppealsScheduleDialog *self = APPEALS_SCHEDULE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (appeals_schedule_dialog_parent_class)->dispose (object);
}

static void
appeals_schedule_dialog_finalize (GObject *object)
{
  AppealsScheduleDialog *self = APPEALS_SCHEDULE_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->days, g_ptr_array_unref);
  g_free (self->idempotency_key);
  G_OBJECT_CLASS (appeals_schedule_dialog_parent_class)->finalize (object);
}

static void
appeals_schedule_dialog_class_init (AppealsScheduleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = appeals_schedule_dialog_dispose;
  object_class->finalize = appeals_schedule_dialog_finalize;

  appeals_schedule_dialog_install_context_property (G_OBJECT_CLASS (klass));

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/kz/gov/kostanay/AppealsDesk/ui/appeals-schedule-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsScheduleDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AppealsScheduleDialog, names_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsScheduleDialog, days_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsScheduleDialog, days_list);
  gtk_widget_class_bind_template_child (widget_class, AppealsScheduleDialog, schedule_error);
  gtk_widget_class_bind_template_child (widget_class, AppealsScheduleDialog, retire_button);

  gtk_widget_class_install_action (widget_class, "schedule.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "schedule.add-day", NULL, add_day_action);
  gtk_widget_class_install_action (widget_class, "schedule.retire", NULL, retire_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "schedule.save", NULL);
}

static void
appeals_schedule_dialog_init (AppealsScheduleDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->days = g_ptr_array_new_with_free_func ((GDestroyNotify) day_row_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  build_names (self);
}

/**
 * appeals_schedule_dialog_new:
 * @context: the desk's services; the reference service saves
 * @official: (nullable): the official to edit; %NULL for a new official
 */
AppealsScheduleDialog *
appeals_schedule_dialog_new (GtkWindow       *parent,
                             AppealsContext  *context,
                             AppealsOfficial *official)
{
  AppealsScheduleDialog *self = g_object_new (APPEALS_TYPE_SCHEDULE_DIALOG,
                                              "context", context,
                                              "transient-for", parent,
                                              "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                                              NULL);

  if (official != NULL)
    {
      self->official_id = official->id;
      gtk_editable_set_text (self->names[0], appeals_official_get_full_name (official, "kk"));
      gtk_editable_set_text (self->names[1], appeals_official_get_full_name (official, "ru"));
      gtk_editable_set_text (self->names[2], appeals_official_get_job_title (official, "kk"));
      gtk_editable_set_text (self->names[3], appeals_official_get_job_title (official, "ru"));
      for (guint i = 0; i < official->schedule->len; i++)
        add_day (self, g_ptr_array_index (official->schedule, i));
      gtk_window_set_title (GTK_WINDOW (self), _("Reception Schedule"));
    }
  else
    {
      add_day (self, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("New Official"));
    }
  gtk_widget_set_visible (self->retire_button, self->official_id > 0);
  if (restore_draft (self))
    show_toast (self, _("What you typed last time is back"));
  self->drafting = TRUE;
  return self;
}

/* For the tests, which fill the dialog as a user would. */
guint
appeals_schedule_dialog_get_n_days (AppealsScheduleDialog *self)
{
  return self->days->len;
}

void
appeals_schedule_dialog_set_day (AppealsScheduleDialog *self,
                                 guint                  index,
                                 int                    weekday,
                                 const char            *start,
                                 const char            *end,
                                 const char            *place,
                                 gboolean               video)
{
  DayRow *day;

  while (index >= self->days->len)
    add_day (self, NULL);
  day = g_ptr_array_index (self->days, index);
  gtk_drop_down_set_selected (day->weekday, weekday - 1);
  gtk_editable_set_text (day->start, start);
  gtk_editable_set_text (day->end, end);
  gtk_editable_set_text (day->place, place != NULL ? place : "");
  gtk_check_button_set_active (day->video, video);
}

/* The place of day @index as the poster prints it in Kazakh and Russian. */
void
appeals_schedule_dialog_set_day_places (AppealsScheduleDialog *self,
                                        guint                  index,
                                        const char            *place_kk,
                                        const char            *place_ru)
{
  DayRow *day;

  g_return_if_fail (index < self->days->len);
  day = g_ptr_array_index (self->days, index);
  gtk_editable_set_text (day->places[0], place_kk != NULL ? place_kk : "");
  gtk_editable_set_text (day->places[1], place_ru != NULL ? place_ru : "");
}

const char *
appeals_schedule_dialog_get_day_error (AppealsScheduleDialog *self,
                                       guint                  index)
{
  DayRow *day = index < self->days->len ? g_ptr_array_index (self->days, index) : NULL;

  return day != NULL && gtk_widget_get_visible (GTK_WIDGET (day->error)) ? gtk_label_get_text (day->error) : NULL;
}
