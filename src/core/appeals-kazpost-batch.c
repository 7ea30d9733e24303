/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-kazpost-batch.c: a Kazpost batch — its field table, the rule
 * that gives each barcode its state, and its JSON (the batch's fields,
 * the counts by state and the items), shared by the server that writes it
 * and the client that reads it.
 */
#include "config.h"

#include "appeals-core-enums.h"
#include "appeals-error.h"
#include "appeals-kazpost-batch.h"

#define RO APPEALS_FIELD_FLAG_READ_ONLY

G_DEFINE_FINAL_TYPE (AppealsKazpostBatch, appeals_kazpost_batch, G_TYPE_OBJECT)

#define OFF(member) G_STRUCT_OFFSET (AppealsKazpostBatch, member)
static const AppealsFieldSpec batch_fields[] = {
  { "id",             APPEALS_FIELD_KIND_INT,      RO, OFF (id), 0, NULL },
  { "state",          APPEALS_FIELD_KIND_ENUM,     RO, OFF (state), 0, appeals_kazpost_batch_state_get_type },
  { "courier",        APPEALS_FIELD_KIND_STRING,   APPEALS_FIELD_FLAG_NONE, OFF (courier), 200, NULL },
  { "opened_at",      APPEALS_FIELD_KIND_DATETIME, RO, OFF (opened_at), 0, NULL },
  { "opened_by",      APPEALS_FIELD_KIND_STRING,   RO, OFF (opened_by), 0, NULL },
  { "opened_by_name", APPEALS_FIELD_KIND_STRING,   RO, OFF (opened_by_name), 0, NULL },
  { "closed_at",      APPEALS_FIELD_KIND_DATETIME, RO, OFF (closed_at), 0, NULL },
  { "closed_by_name", APPEALS_FIELD_KIND_STRING,   RO, OFF (closed_by_name), 0, NULL },
  { "journal_date",   APPEALS_FIELD_KIND_DATE,     RO, OFF (journal_date), 0, NULL },
};
#undef OFF
#undef RO

static const AppealsRecordType batch_record_type = { batch_fields, G_N_ELEMENTS (batch_fields) };

/* The states' names in the counts, as on the wire. */
static const char * const state_names[APPEALS_KAZPOST_N_ITEM_STATES] = {
  NULL, "matched", "missing", "not_on_list", "wrong_addressee",
};

const AppealsRecordType *
appeals_kazpost_batch_get_record_type (void)
{
  return &batch_record_type;
}

/**
 * appeals_kazpost_item_state_for:
 * @on_list: the code is on the courier's list
 * @scanned: an envelope with the code was scanned
 * @wrong_addressee: the receiver marked that envelope as someone else's
 *
 * An envelope addressed to someone else goes back, on the list or not;
 * one of the list that never came is missing.
 */
AppealsKazpostItemState
appeals_kazpost_item_state_for (gboolean on_list,
                                gboolean scanned,
                                gboolean wrong_addressee)
{
  if (!scanned)
    return on_list ? APPEALS_KAZPOST_ITEM_MISSING : APPEALS_KAZPOST_ITEM_UNSET;
  if (wrong_addressee)
    return APPEALS_KAZPOST_ITEM_WRONG_ADDRESSEE;
  return on_list ? APPEALS_KAZPOST_ITEM_MATCHED : APPEALS_KAZPOST_ITEM_NOT_ON_LIST;
}

void
appeals_kazpost_item_free (AppealsKazpostItem *item)
{
  if (item == NULL)
    return;
  g_free (item->code);
  g_clear_pointer (&item->scanned_at, g_date_time_unref);
  g_free (item->talon_number);
  g_free (item);
}

static void
appeals_kazpost_batch_finalize (GObject *object)
{
  AppealsKazpostBatch *self = APPEALS_KAZPOST_BATCH (object);

  appeals_record_clear (&batch_record_type, self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (appeals_kazpost_batch_parent_class)->finalize (object);
}

static void
appeals_kazpost_batch_class_init (AppealsKazpostBatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_kazpost_batch_finalize;
}

static void
appeals_kazpost_batch_init (AppealsKazpostBatch *self)
{
  g_date_clear (&self->journal_date, 1);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_kazpost_item_free);
}

AppealsKazpostBatch *
appeals_kazpost_batch_new (void)
{
  return g_object_new (APPEALS_TYPE_KAZPOST_BATCH, NULL);
}

/**
 * appeals_kazpost_batch_add_item:
 * @scanned_at: (nullable): when the envelope was scanned; %NULL: not yet
 *
 * Adds a barcode in its state and counts it.
 *
 * Returns: (transfer none): the new item
 */
AppealsKazpostItem *
appeals_kazpost_batch_add_item (AppealsKazpostBatch *self,
                                const char          *code,
                                gboolean             on_list,
                                GDateTime           *scanned_at,
                                gboolean             wrong_addressee)
{
  AppealsKazpostItem *item = g_new0 (AppealsKazpostItem, 1);

  item->code = g_strdup (code);
  item->on_list = on_list;
  item->scanned_at = scanned_at != NULL ? g_date_time_ref (scanned_at) : NULL;
  item->state = appeals_kazpost_item_state_for (on_list, scanned_at != NULL, wrong_addressee);
  self->counts[item->state]++;
  g_ptr_array_add (self->items, item);
  return item;
}

/**
 * appeals_kazpost_batch_find:
 *
 * Returns: (transfer none) (nullable): the item with @code
 */
AppealsKazpostItem *
appeals_kazpost_batch_find (AppealsKazpostBatch *self,
                            const char          *code)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      AppealsKazpostItem *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->code, code) == 0)
        return item;
    }
  return NULL;
}

guint
appeals_kazpost_batch_count (AppealsKazpostBatch     *self,
                             AppealsKazpostItemState  state)
{
  g_return_val_if_fail (state < APPEALS_KAZPOST_N_ITEM_STATES, 0);
  return (guint) self->counts[state];
}

gboolean
appeals_kazpost_batch_is_open (AppealsKazpostBatch *self)
{
  return self->state == APPEALS_KAZPOST_BATCH_STATE_OPEN;
}

static void
add_datetime (JsonBuilder *builder,
              GDateTime   *value)
{
  g_autofree char *text = value != NULL ? g_date_time_format_iso8601 (value) : NULL;

  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
write_item (JsonBuilder        *builder,
            AppealsKazpostItem *item)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, item->code);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, state_names[item->state]);
  json_builder_set_member_name (builder, "on_list");
  json_builder_add_boolean_value (builder, item->on_list);
  json_builder_set_member_name (builder, "scanned_at");
  add_datetime (builder, item->scanned_at);
  json_builder_set_member_name (builder, "receipt_id");
  json_builder_add_int_value (builder, item->receipt_id);
  json_builder_set_member_name (builder, "talon_number");
  if (item->talon_number != NULL)
    json_builder_add_string_value (builder, item->talon_number);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/**
 * appeals_kazpost_batch_to_json:
 *
 * Returns: (transfer full): the batch's fields, "counts" by state and
 *   "items"
 */
JsonNode *
appeals_kazpost_batch_to_json (AppealsKazpostBatch *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  appeals_record_write_members (&batch_record_type, self, builder);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint s = APPEALS_KAZPOST_ITEM_MATCHED; s < APPEALS_KAZPOST_N_ITEM_STATES; s++)
    {
      json_builder_set_member_name (builder, state_names[s]);
      json_builder_add_int_value (builder, self->counts[s]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->items->len; i++)
    write_item (builder, g_ptr_array_index (self->items, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
read_item (AppealsKazpostBatch  *self,
           JsonNode             *node,
           GError              **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *code = object != NULL ? json_object_get_string_member_with_default (object, "code", NULL) : NULL;
  const char *state = object != NULL ? json_object_get_string_member_with_default (object, "state", NULL) : NULL;
  const char *scanned = NULL;
  const char *talon = NULL;
  g_autoptr(GDateTime) scanned_at = NULL;
  AppealsKazpostItem *item;

  if (code == NULL || state == NULL)
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, "a batch item without its code or state");
      return FALSE;
    }
  if (json_object_has_member (object, "scanned_at") && !json_object_get_null_member (object, "scanned_at"))
    scanned = json_object_get_string_member_with_default (object, "scanned_at", NULL);
  if (scanned != NULL)
    scanned_at = g_date_time_new_from_iso8601 (scanned, NULL);
  item = appeals_kazpost_batch_add_item (self, code, json_object_get_boolean_member_with_default (object, "on_list",
                                                                                                   FALSE),
                                         scanned_at, g_str_equal (state, "wrong_addressee"));
  item->receipt_id = json_object_get_int_member_with_default (object, "receipt_id", 0);
  if (json_object_has_member (object, "talon_number") && !json_object_get_null_member (object, "talon_number"))
    talon = json_object_get_string_member_with_default (object, "talon_number", NULL);
  item->talon_number = g_strdup (talon);
  return TRUE;
}

/**
 * appeals_kazpost_batch_new_from_json:
 *
 * Reads the server's representation; the states and counts follow from
 * the items.
 */
AppealsKazpostBatch *
appeals_kazpost_batch_new_from_json (JsonNode  *node,
                                     GError   **error)
{
  g_autoptr(AppealsKazpostBatch) self = appeals_kazpost_batch_new ();
  JsonArray *items;

  if (!appeals_record_read_trusted (&batch_record_type, self, node, error))
    return NULL;
  if (json_object_has_member (json_node_get_object (node), "items"))
    items = json_object_get_array_member (json_node_get_object (node), "items");
  else
    items = NULL;
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    if (!read_item (self, json_array_get_element (items, i), error))
      return NULL;
  return g_steal_pointer (&self);
}
