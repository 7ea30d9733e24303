/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-audit.c: append-only audit rows. The tables refuse UPDATE and
 * DELETE by trigger, and no route writes them except through here.
 */
#include "config.h"

#include "appeals-audit.h"
#include "appeals-server.h"

/* Bookkeeping that changes with every write and tells nothing new, and
 * what a record only carries for display: copies of another record's
 * fields (audited there) and the server's figures of the day. */
static const char * const bookkeeping_names[] = {
  "version", "updated_at", "updated_by_name", "created_at", "id", "applicant_name", "applicant_iin",
  "due_state", "working_days_left", "working_days_overdue",
};

/* Looked up for every field of every audited write: a set, made once
 * and read-only after, not ten comparisons a field. */
static gboolean
is_bookkeeping (const AppealsFieldSpec *field)
{
  static gsize names;

  if (g_once_init_enter (&names))
    {
      GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (bookkeeping_names); i++)
        g_hash_table_add (set, (gpointer) bookkeeping_names[i]);
      g_once_init_leave (&names, (gsize) set);
    }
  return g_hash_table_contains ((GHashTable *) names, field->name);
}

/* What a creation leaves out: nothing set, or the default (false, 0). */
static gboolean
is_unset (const AppealsFieldSpec *field,
          gconstpointer           record)
{
  gconstpointer slot = (const guint8 *) record + field->offset;

  switch (field->kind)
    {
    case APPEALS_FIELD_KIND_INT:
      return *(const gint64 *) slot == 0;
    case APPEALS_FIELD_KIND_BOOLEAN:
      return !*(const gboolean *) slot;
    case APPEALS_FIELD_KIND_ENUM:
      return appeals_enum_to_wire (field->enum_type (), *(const int *) slot) == NULL;
    case APPEALS_FIELD_KIND_STRING:
    case APPEALS_FIELD_KIND_DATE:
    case APPEALS_FIELD_KIND_DATETIME:
      return !appeals_record_field_is_set (field, record);
    default:
      g_assert_not_reached ();
    }
}

/* One change of an entry, compactly: "field": [before, after], or
 * "field": [after] when there was nothing before (a creation). Takes
 * the values. */
static void
add_change (JsonBuilder *builder,
            const char  *field,
            JsonNode    *before,
            JsonNode    *after)
{
  json_builder_set_member_name (builder, field);
  json_builder_begin_array (builder);
  if (!JSON_NODE_HOLDS_NULL (before))
    json_builder_add_value (builder, before);
  else
    json_node_unref (before);
  json_builder_add_value (builder, after);
  json_builder_end_array (builder);
}

/**
 * appeals_audit_parse_changes:
 * @text: an audit row's changes: the compact object, or the array of
 *   {"field", "before", "after"} the first rows were written with
 *
 * Returns: (transfer full): the changes as an array of {"field",
 *   "before", "after"}, or %NULL with @error set
 */
JsonArray *
appeals_audit_parse_changes (const char  *text,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *compact;
  JsonArray *changes;
  g_autoptr(GList) fields = NULL;

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_array_ref (json_node_get_array (root));
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA, "not an audit entry");
      return NULL;
    }

  compact = json_node_get_object (root);
  changes = json_array_new ();
  fields = json_object_get_members (compact);
  for (const GList *l = fields; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (compact, l->data);
      JsonArray *values = JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;
      guint n = values != NULL ? json_array_get_length (values) : 0;
      JsonObject *change;

      if (n != 1 && n != 2)
        continue;
      change = json_object_new ();
      json_object_set_string_member (change, "field", l->data);
      if (n == 2)
        json_object_set_member (change, "before", json_node_copy (json_array_get_element (values, 0)));
      else
        json_object_set_null_member (change, "before");
      json_object_set_member (change, "after", json_node_copy (json_array_get_element (values, n - 1)));
      json_array_add_object_element (changes, change);
    }
  return changes;
}

static gboolean
insert_entry (AppealsDb   *db,
              const char  *entity,
              gint64       entity_id,
              gint64       version,
              const char  *action,
              const char  *actor,
              const char  *changes,
              GError     **error)
{
  g_autofree char *now = appeals_server_now_iso ();

  return appeals_db_exec (db,
                          "INSERT INTO audit (entity, entity_id, version, action, actor, at, changes) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)",
                          g_variant_new ("(sxxssss)", entity, entity_id, version, action, actor, now, changes),
                          error);
}

/**
 * appeals_audit_changes:
 * @before: (nullable): the object before the change; %NULL for a creation
 *
 * The changed fields of @type between @before and @after, as an audit
 * entry keeps them: `{"field": [before, after]}`, or `[after]` where
 * there was nothing before. Written straight as text (a generated
 * region writes millions), as json-glib would write the same object.
 *
 * Returns: (transfer full): the JSON text
 */
char *
appeals_audit_changes (const AppealsRecordType *type,
                       gconstpointer            before,
                       gconstpointer            after)
{
  GString *out = g_string_sized_new (before != NULL ? 128 : 512);
  guint n = 0;

  g_string_append_c (out, '{');
  for (guint i = 0; i < type->n_fields; i++)
    {
      const AppealsFieldSpec *field = &type->fields[i];

      if (is_bookkeeping (field))
        continue;
      if (before != NULL ? appeals_record_field_equal (field, before, after) : is_unset (field, after))
        continue;

      appeals_json_append_member_name (out, n++, field->name);
      g_string_append_c (out, '[');
      if (before != NULL && appeals_record_field_append_json (field, before, out))
        g_string_append_c (out, ',');
      if (!appeals_record_field_append_json (field, after, out))
        g_string_append (out, "null");
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');

  return g_string_free (out, FALSE);
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
  g_autofree char *changes = appeals_audit_changes (type, before, after);

  return insert_entry (db, entity, entity_id, version, action, actor, changes, error);
}

/**
 * appeals_audit_snapshot:
 * @sql: a SELECT of at most one row; its columns are what the audit keeps
 *
 * The state of an object that has no model record (a step, an official,
 * a file), as the audit trail compares it: column → text or null. Leave
 * secrets out of @sql.
 *
 * Returns: (transfer full) (nullable): the row as an object, or %NULL when
 *   there is none (check @error)
 */
JsonObject *
appeals_audit_snapshot (AppealsDb   *db,
                        const char  *sql,
                        GVariant    *params,
                        GError     **error)
{
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, sql, params, error);
  JsonObject *object;

  if (result == NULL || appeals_db_result_get_n_rows (result) == 0)
    return NULL;

  object = json_object_new ();
  for (guint column = 0; column < appeals_db_result_get_n_columns (result); column++)
    {
      const char *name = appeals_db_result_get_column_name (result, column);

      if (appeals_db_result_is_null (result, 0, name))
        json_object_set_null_member (object, name);
      else
        json_object_set_string_member (object, name, appeals_db_result_get_string (result, 0, name));
    }
  return object;
}

static JsonNode *
member_or_null (JsonObject *object,
                const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL ? json_node_copy (node) : json_node_new (JSON_NODE_NULL);
}

/**
 * appeals_audit_record_snapshots:
 * @before: (nullable): appeals_audit_snapshot() before the change; %NULL
 *   for a creation
 * @after: (nullable): the same after it; %NULL for a deletion
 *
 * Writes one audit entry holding, per column that differs, the values
 * before and after.
 */
gboolean
appeals_audit_record_snapshots (AppealsDb   *db,
                                const char  *entity,
                                gint64       entity_id,
                                gint64       version,
                                const char  *action,
                                const char  *actor,
                                JsonObject  *before,
                                JsonObject  *after,
                                GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) changes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GList) names = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  names = g_list_concat (before != NULL ? json_object_get_members (before) : NULL,
                         after != NULL ? json_object_get_members (after) : NULL);

  json_builder_begin_object (builder);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      g_autoptr(JsonNode) old_value = NULL;
      g_autoptr(JsonNode) new_value = NULL;

      if (!g_hash_table_add (seen, l->data))
        continue;
      old_value = member_or_null (before, l->data);
      new_value = member_or_null (after, l->data);
      if (json_node_equal (old_value, new_value))
        continue;

      add_change (builder, l->data, g_steal_pointer (&old_value), g_steal_pointer (&new_value));
    }
  json_builder_end_object (builder);

  changes = json_builder_get_root (builder);
  text = json_to_string (changes, FALSE);
  return insert_entry (db, entity, entity_id, version, action, actor, text, error);
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

/* "actor_name": who the login is, as the desks name people (a login no
 * user has, as a removed account's, is null) */
static void
add_actor_name (JsonBuilder     *builder,
                AppealsDbResult *result,
                guint            row)
{
  const char *name = appeals_db_result_get_string (result, row, "actor_name");

  json_builder_set_member_name (builder, "actor_name");
  if (name != NULL)
    json_builder_add_string_value (builder, name);
  else
    json_builder_add_null_value (builder);
}

/**
 * appeals_audit_get_history:
 *
 * Returns: (transfer full): a JSON array of entries, oldest first:
 *   {"version", "action", "actor", "actor_name", "at", "changes": [{field,
 *   before, after}]}; "actor_name" is the user's full name, null for a
 *   login no user has
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
                             "SELECT a.version, a.action, a.actor, a.at, a.changes, u.full_name AS actor_name "
                             "FROM audit a LEFT JOIN users u ON u.login = a.actor "
                             "WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id",
                             g_variant_new ("(sx)", entity, entity_id), error);
  if (result == NULL)
    return NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < appeals_db_result_get_n_rows (result); i++)
    {
      JsonArray *changes = appeals_audit_parse_changes (appeals_db_result_get_string (result, i, "changes"), error);

      if (changes == NULL)
        return NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, appeals_db_result_get_int64 (result, i, "version"));
      json_builder_set_member_name (builder, "action");
      json_builder_add_string_value (builder, appeals_db_result_get_string (result, i, "action"));
      json_builder_set_member_name (builder, "actor");
      json_builder_add_string_value (builder, appeals_db_result_get_string (result, i, "actor"));
      add_actor_name (builder, result, i);
      json_builder_set_member_name (builder, "at");
      json_builder_add_string_value (builder, appeals_db_result_get_string (result, i, "at"));
      json_builder_set_member_name (builder, "changes");
      json_builder_begin_array (builder);
      for (guint k = 0; k < json_array_get_length (changes); k++)
        json_builder_add_value (builder, json_node_copy (json_array_get_element (changes, k)));
      json_builder_end_array (builder);
      json_array_unref (changes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/* The most reads an answer lists; the log itself keeps them all. */
#define MAX_READS 500

/**
 * appeals_audit_get_reads:
 *
 * Who read an applicant's personal data: their base card and the cards
 * of their appeals, newest first.
 *
 * Returns: (transfer full): a JSON array of {"actor", "actor_name", "at",
 *   "entity", "entity_id", "registration_number"} (an appeal's number, as
 *   the desks name appeals; null for the base card), or %NULL with @error
 *   set
 */
JsonNode *
appeals_audit_get_reads (AppealsDb  *db,
                         gint64      applicant_id,
                         GError    **error)
{
  g_autoptr(AppealsDbResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  result = appeals_db_query (db,
                             "SELECT r.actor, r.at, r.entity, r.entity_id, u.full_name AS actor_name, "
                             "ap.registration_number FROM personal_data_reads r "
                             "LEFT JOIN users u ON u.login = r.actor "
                             "LEFT JOIN appeals ap ON r.entity = 'appeal' AND ap.id = r.entity_id "
                             "WHERE (r.entity = 'applicant' AND r.entity_id = ?) OR (r.entity = 'appeal' AND r.entity_id IN "
                             "(SELECT id FROM appeals WHERE applicant_id = ?)) ORDER BY r.id DESC LIMIT ?",
                             g_variant_new ("(xxx)", applicant_id, applicant_id, (gint64) MAX_READS), error);
  if (result == NULL)
    return NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < appeals_db_result_get_n_rows (result); i++)
    {
      static const char * const texts[] = { "actor", "at", "entity" };
      const char *number;

      json_builder_begin_object (builder);
      for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
        {
          json_builder_set_member_name (builder, texts[k]);
          json_builder_add_string_value (builder, appeals_db_result_get_string (result, i, texts[k]));
        }
      add_actor_name (builder, result, i);
      json_builder_set_member_name (builder, "entity_id");
      json_builder_add_int_value (builder, appeals_db_result_get_int64 (result, i, "entity_id"));
      number = appeals_db_result_get_string (result, i, "registration_number");
      json_builder_set_member_name (builder, "registration_number");
      if (number != NULL)
        json_builder_add_string_value (builder, number);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}
