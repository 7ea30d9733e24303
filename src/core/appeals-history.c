/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-history.c: reading the entries of /appeals/{id}/history.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-error.h"
#include "appeals-history.h"

G_DEFINE_BOXED_TYPE (AppealsHistoryEntry, appeals_history_entry,
                     appeals_history_entry_copy, appeals_history_entry_free)

void
appeals_history_entry_free (AppealsHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->action);
  g_free (entry->actor);
  g_free (entry->actor_name);
  g_clear_pointer (&entry->at, g_date_time_unref);
  g_strfreev (entry->fields);
  g_clear_object (&entry->before);
  g_clear_object (&entry->after);
  g_free (entry);
}

AppealsHistoryEntry *
appeals_history_entry_copy (const AppealsHistoryEntry *entry)
{
  AppealsHistoryEntry *copy = g_new0 (AppealsHistoryEntry, 1);

  copy->action = g_strdup (entry->action);
  copy->actor = g_strdup (entry->actor);
  copy->actor_name = g_strdup (entry->actor_name);
  copy->at = entry->at != NULL ? g_date_time_ref (entry->at) : NULL;
  copy->fields = g_strdupv (entry->fields);
  copy->before = appeals_appeal_copy (entry->before);
  copy->after = appeals_appeal_copy (entry->after);
  return copy;
}

/* Puts one change's value into @record when the field is the appeal's. */
static void
read_value (AppealsAppeal *record,
            const char    *field,
            JsonNode      *value)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();

  if (value == NULL || appeals_record_type_find_field (appeals_appeal_get_record_type (), field) == NULL)
    return;
  json_object_set_member (object, field, json_node_copy (value));
  appeals_record_read_members (appeals_appeal_get_record_type (), record, object, APPEALS_RECORD_TRUSTED, errors);
}

/**
 * appeals_history_entry_new_from_json:
 *
 * Returns: (transfer full): the entry, or %NULL with an
 *   %APPEALS_ERROR_PARSE error when @node is not one.
 */
AppealsHistoryEntry *
appeals_history_entry_new_from_json (JsonNode  *node,
                                     GError   **error)
{
  g_autoptr(AppealsHistoryEntry) entry = g_new0 (AppealsHistoryEntry, 1);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  JsonObject *object;
  JsonNode *changes;
  JsonNode *name;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_PARSE,
                           _("The server sent a malformed answer: an object was expected"));
      return NULL;
    }

  object = json_node_get_object (node);
  entry->action = g_strdup (json_object_get_string_member_with_default (object, "action", ""));
  entry->actor = g_strdup (json_object_get_string_member_with_default (object, "actor", ""));
  name = json_object_get_member (object, "actor_name");
  if (name != NULL && JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
    entry->actor_name = g_strdup (json_node_get_string (name));
  entry->at = g_date_time_new_from_iso8601 (json_object_get_string_member_with_default (object, "at", ""), NULL);
  entry->before = appeals_appeal_new ();
  entry->after = appeals_appeal_new ();

  changes = json_object_get_member (object, "changes");
  if (changes != NULL && JSON_NODE_HOLDS_ARRAY (changes))
    {
      JsonArray *array = json_node_get_array (changes);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *change;
          const char *field;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          change = json_node_get_object (element);
          field = json_object_get_string_member_with_default (change, "field", NULL);
          if (field == NULL)
            continue;
          read_value (entry->before, field, json_object_get_member (change, "before"));
          read_value (entry->after, field, json_object_get_member (change, "after"));
          g_ptr_array_add (fields, g_strdup (field));
        }
    }
  g_ptr_array_add (fields, NULL);
  entry->fields = (GStrv) g_ptr_array_free (g_steal_pointer (&fields), FALSE);

  return g_steal_pointer (&entry);
}
