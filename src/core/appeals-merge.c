/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-merge.c: three-way merge of records, field by field, over the
 * model's field tables.
 */
#include "config.h"

#include "appeals-merge.h"

/**
 * appeals_merge_records:
 * @base: (nullable): the version the edit started from; %NULL merges a
 *   new record (every set field of @mine counts as changed)
 * @mine: the edit
 * @theirs: the server's current version
 * @merged: a record of the same type, filled with the merge; a
 *   conflicting field holds mine until the user decides
 *
 * Returns: (transfer container) (element-type AppealsFieldSpec): the
 *   fields both sides changed to different values, in table order.
 */
GPtrArray *
appeals_merge_records (const AppealsRecordType *type,
                       gconstpointer            base,
                       gconstpointer            mine,
                       gconstpointer            theirs,
                       gpointer                 merged)
{
  GPtrArray *conflicts = g_ptr_array_new ();

  appeals_record_copy_fields (type, merged, theirs);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const AppealsFieldSpec *field = &type->fields[i];
      gboolean mine_changed, theirs_changed;

      if (field->flags & APPEALS_FIELD_FLAG_READ_ONLY)
        continue;

      mine_changed = base != NULL ? !appeals_record_field_equal (field, base, mine)
                                  : appeals_record_field_is_set (field, mine);
      if (!mine_changed)
        continue;

      theirs_changed = base != NULL ? !appeals_record_field_equal (field, base, theirs)
                                    : appeals_record_field_is_set (field, theirs);
      if (theirs_changed && !appeals_record_field_equal (field, mine, theirs))
        g_ptr_array_add (conflicts, (gpointer) field);

      appeals_record_copy_field (field, merged, mine);
    }

  return conflicts;
}

/**
 * appeals_merge_changed_fields:
 *
 * Returns: (transfer container) (element-type AppealsFieldSpec): the
 *   fields a user may edit whose value differs between @base and
 *   @edited — what a merge patch carries.
 */
GPtrArray *
appeals_merge_changed_fields (const AppealsRecordType *type,
                              gconstpointer            base,
                              gconstpointer            edited)
{
  GPtrArray *changed = g_ptr_array_new ();

  for (guint i = 0; i < type->n_fields; i++)
    {
      const AppealsFieldSpec *field = &type->fields[i];

      if (field->flags & APPEALS_FIELD_FLAG_READ_ONLY)
        continue;
      if (!appeals_record_field_equal (field, base, edited))
        g_ptr_array_add (changed, (gpointer) field);
    }

  return changed;
}

/**
 * appeals_merge_build_patch:
 *
 * Returns: (transfer full): a merge patch (RFC 7396) of the fields a user
 *   may edit whose values in @edited differ from @base
 */
JsonNode *
appeals_merge_build_patch (const AppealsRecordType *type,
                           gconstpointer            base,
                           gconstpointer            edited)
{
  g_autoptr(GPtrArray) changed = appeals_merge_changed_fields (type, base, edited);
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < changed->len; i++)
    {
      const AppealsFieldSpec *field = g_ptr_array_index (changed, i);

      json_object_set_member (object, field->name, appeals_record_field_to_json (field, edited));
    }
  json_node_take_object (node, object);
  return node;
}
