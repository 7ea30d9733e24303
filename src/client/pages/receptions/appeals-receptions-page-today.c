/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receptions-page-today.c: My Day — the steps of receptions due today or
 * overdue, grouped by what is to be done: calls, materials, meetings,
 * orders and the archive.
 */
#include "config.h"

#include <stdio.h>

#include "appeals-receptions-page-private.h"

/* My Day ---------------------------------------------------------------- */

static const struct
{
  const char *title;
  const char *codes[7];
} today_sections[] = {
  { N_("Calls to Make"), { "list_and_notify", "reminder_calls" } },
  { N_("Materials to Chase"), { "clarify", "request_materials", "reference_note", "invite_bodies", "check_materials",
                               "materials_to_leadership" } },
  { N_("Meetings to Hold"), { "coordination_meeting", "reception" } },
  { N_("Orders and the Archive"), { "protocol_to_bodies", "protocol_control", "archive" } },
};

static guint
today_section_of (const char *code)
{
  for (guint s = 0; s < G_N_ELEMENTS (today_sections); s++)
    for (guint c = 0; c < G_N_ELEMENTS (today_sections[s].codes) && today_sections[s].codes[c] != NULL; c++)
      if (g_str_equal (today_sections[s].codes[c], code))
        return s;
  return 1;
}

static void
on_today_row_activated (AdwActionRow          *row,
                        AppealsReceptionsPage *self)
{
  appeals_receptions_page_open_reception (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "reception-id")));
}

static char *
format_date (const GDate *date)
{
  char text[16];

  if (!g_date_valid (date))
    return g_strdup ("");
  g_date_strftime (text, sizeof text, "%d.%m.%Y", date);
  return g_strdup (text);
}

static void
on_today_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AppealsReceptionsPage) self = user_data;
  g_autoptr(GPtrArray) tasks = appeals_reception_service_list_finish (APPEALS_RECEPTION_SERVICE (source), result, NULL);
  AdwPreferencesGroup *groups[G_N_ELEMENTS (today_sections)] = { NULL, };

  if (tasks == NULL)
    return;

  for (guint i = 0; i < self->today_groups->len; i++)
    gtk_box_remove (self->today_box, g_ptr_array_index (self->today_groups, i));
  g_ptr_array_set_size (self->today_groups, 0);

  self->n_today = tasks->len;
  for (guint i = 0; i < tasks->len; i++)
    {
      AppealsStepTask *task = g_ptr_array_index (tasks, i);
      guint section = today_section_of (task->code);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *due = format_date (&task->due);
      g_autofree char *day = format_date (&task->reception_date);
      g_autofree char *subtitle = g_strdup_printf (_("Reception on %s: %s"), day,
                                                   task->question != NULL ? task->question : "");
      g_autofree char *due_text = g_strdup_printf (_("due %s"), due);

      if (groups[section] == NULL)
        {
          groups[section] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (groups[section], _(today_sections[section].title));
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _appeals_receptions_page_step_label (self, task->code));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 _appeals_receptions_page_new_tag (task->overdue ? _("Overdue") : due_text,
                                                                   task->overdue ? "overdue-tag" : NULL));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "reception-id", GSIZE_TO_POINTER (task->reception_id));
      g_signal_connect (row, "activated", G_CALLBACK (on_today_row_activated), self);
      adw_preferences_group_add (groups[section], row);
    }

  for (guint s = 0; s < G_N_ELEMENTS (groups); s++)
    if (groups[s] != NULL)
      {
        gtk_box_append (self->today_box, GTK_WIDGET (groups[s]));
        g_ptr_array_add (self->today_groups, groups[s]);
      }
  gtk_widget_set_visible (self->today_empty, self->today_groups->len == 0);
  g_signal_emit_by_name (self, "today-loaded");
}

void
_appeals_receptions_page_load_today (AppealsReceptionsPage *self)
{
  if (!_appeals_receptions_page_is_signed_in (self))
    return;
  /* the latest question wins: an older answer must not overwrite a newer one */
  g_cancellable_cancel (self->today_cancellable);
  g_clear_object (&self->today_cancellable);
  self->today_cancellable = g_cancellable_new ();
  appeals_reception_service_list_due_steps_async (appeals_context_get_reception_service (self->context),
                                                  self->today_cancellable, on_today_loaded, g_object_ref (self));
}

guint
appeals_receptions_page_get_n_today (AppealsReceptionsPage *self)
{
  return self->n_today;
}

