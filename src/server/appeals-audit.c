/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-audit.c: append-only audit rows. The tables refuse UPDATE and
 * DELETE by trigger, and no route writes them except through here.
 */
#include "config.h"

#include "appeals-audit.h"
#include "appeals-server.h"

/* Bookkeeping that changes with every write and tells nothing new. */
static gboolean
is_bookkeeping (const AppealsFieldSpec *field)
{
  return g_str_equal (field->name, "version") || g_str_equal (field->name, "updated_at") ||
         g_str_equal (field->name, "created_at") || g_str_equal (field->name, "id");
}

/**
 * appeals_audit_record_change:
 * @before: (nullable): the object before the change; %NULL for a creation
 *
 * Writes one audit entry holding, per changed field, the values before
 * and after.
 */
gboolean
appeals_audit_record_change (AppealsDb               *db,
                             const char              *entity,
                             gint64                   entity_id,
                             gint64                   version,
                             const char              *action,
                             const char              *actor,
                             const AppealsRecordType *type,
                             gconstpointer            before,
                             gconstpointer            after,
                             GError                 **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) changes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *now = appeals_server_now_iso ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < type->n_fields; i++)
    {
      const AppealsFieldSpec *field = &type->fields[i];
      g_autoptr(JsonNode) after_value = appeals_record_field_to_json (field, after);

      if (is_bookkeeping (field))
        continue;
      if (before != NULL ? appeals_record_field_equal (field, before, after)
                         : JSON_NODE_HOLDS_NULL (after_value))
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, field->name);
      json_builder_set_member_name (builder, "before");
      json_builder_add_value (builder, before != NULL ? appeals_record_field_to_json (field, before)
                                                      : json_node_new (JSON_NODE_NULL));
      json_builder_set_member_name (builder, "after");
      json_builder_add_value (builder, g_steal_pointer (&after_value));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  changes = json_builder_get_root (builder);
  text = json_to_string (changes, FALSE);

  return appeals_db_exec (db,
                          "INSERT INTO audit (entity, entity_id, version, action, actor, at, changes) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)",
                          g_variant_new ("(sxxssss)", entity, entity_id, version, action, actor, now, text),
                          error);
}

gboolean
appeals_audit_record_read (AppealsDb   *db,
                           const char  *actor,
                           const char  *entity,
                           gint64       entity_id,
                           GError     **error)
{
  g_autofree char *now = appeals_server_now_iso ();

  return appeals_db_exec (db,
                          "INSERT INTO personal_data_reads (actor, at, entity, entity_id) VALUES (?, ?, ?, ?)",
                          g_variant_new ("(sssx)", actor, now, entity, entity_id),
                          error);
}

/**
 * appeals_audit_get_history:
 *
 * Returns: (transfer full): a JSON array of entries, oldest first:
 *   {"version", "action", "actor", "at", "changes": [{field, before, after}]}
 */
JsonNode *
appeals_audit_get_history (AppealsDb   *db,
                           const char  *entity,
                           gint64       entity_id,
                           GError     **error)
{
  g_autoptr(AppealsDbResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  result = appeals_db_query (db,
                             "SELECT version, action, actor, at, changes FROM audit "
                             "WHERE entity = ? AND entity_id = ? ORDER BY id",
                             g_variant_new ("(sx)", entity, entity_id), error);
  if (result == NULL)
    return NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < appeals_db_result_get_n_rows (result); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_data (parser, appeals_db_result_get_string (result, i, "changes"), -1, error))
        return NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, appeals_db_result_get_int64 (result, i, "version"));
      json_builder_set_member_name (builder, "action");
      json_builder_add_string_value (builder, appeals_db_result_get_string (result, i, "action"));
      json_builder_set_member_name (builder, "actor");
      json_builder_add_string_value (builder, appeals_db_result_get_string (result, i, "actor"));
      json_builder_set_member_name (builder, "at");
      json_builder_add_string_value (builder, appeals_db_result_get_string (result, i, "at"));
      json_builder_set_member_name (builder, "changes");
      json_builder_add_value (builder, json_parser_steal_root (parser));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}
