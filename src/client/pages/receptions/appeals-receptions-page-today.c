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

static void
on_today_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AppealsReceptionsPage) self = user_data;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source), result, NULL);
  AdwPreferencesGroup *groups[G_N_ELEMENTS (today_sections)] = { NULL, };
  JsonArray *items = NULL;

  if (response == NULL || !appeals_api_response_is_success (response) || response->body == NULL)
    return;

  for (guint i = 0; i < self->today_groups->len; i++)
    gtk_box_remove (self->today_box, g_ptr_array_index (self->today_groups, i));
  g_ptr_array_set_size (self->today_groups, 0);

  items = json_object_get_array_member (json_node_get_object (response->body), "items");
  self->n_today = items != NULL ? json_array_get_length (items) : 0;
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *code = json_object_get_string_member (item, "code");
      guint section = today_section_of (code);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *due = appeals_format_iso_date (json_object_get_string_member (item, "due"));
      g_autofree char *day = appeals_format_iso_date (json_object_get_string_member (item, "reception_date"));
      g_autofree char *subtitle = g_strdup_printf (_("Reception on %s: %s"), day,
                                                   json_object_get_string_member (item, "question"));
      g_autofree char *due_text = g_strdup_printf (_("due %s"), due);

      if (groups[section] == NULL)
        {
          groups[section] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (groups[section], _(today_sections[section].title));
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), appeals_step_get_label (appeals_reference_service_get_workflow (appeals_context_get_reference_service (self->context)), code));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 _appeals_receptions_page_new_tag (json_object_get_boolean_member (item, "overdue") ? _("Overdue") : due_text,
                                          json_object_get_boolean_member (item, "overdue") ? "overdue-tag" : NULL));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "reception-id",
                         GSIZE_TO_POINTER (json_object_get_int_member (item, "reception_id")));
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
  if (appeals_api_client_get_token (_appeals_receptions_page_get_client ()) == NULL)
    return;
  appeals_api_client_request_async (_appeals_receptions_page_get_client (), "GET", "reception-steps/today", NULL, NULL, NULL,
                                    self->cancellable, on_today_loaded, g_object_ref (self));
}

guint
appeals_receptions_page_get_n_today (AppealsReceptionsPage *self)
{
  return self->n_today;
}

