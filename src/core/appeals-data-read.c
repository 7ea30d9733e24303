/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-data-read.c: a read of personal data, read from the server's log.
 */
#include "config.h"

#include "appeals-data-read.h"

G_DEFINE_FINAL_TYPE (AppealsDataRead, appeals_data_read, G_TYPE_OBJECT)

#define RO APPEALS_FIELD_FLAG_READ_ONLY
#define OFF(member) G_STRUCT_OFFSET (AppealsDataRead, member)
static const AppealsFieldSpec data_read_fields[] = {
  { "actor",     APPEALS_FIELD_KIND_STRING,   RO, OFF (actor), 0, NULL },
  { "actor_name", APPEALS_FIELD_KIND_STRING,  RO, OFF (actor_name), 0, NULL },
  { "at",        APPEALS_FIELD_KIND_DATETIME, RO, OFF (at), 0, NULL },
  { "entity",    APPEALS_FIELD_KIND_STRING,   RO, OFF (entity), 0, NULL },
  { "entity_id", APPEALS_FIELD_KIND_INT,      RO, OFF (entity_id), 0, NULL },
  { "registration_number", APPEALS_FIELD_KIND_STRING, RO, OFF (registration_number), 0, NULL },
};
#undef OFF
#undef RO

static const AppealsRecordType data_read_record_type = { data_read_fields, G_N_ELEMENTS (data_read_fields) };

const AppealsRecordType *
appeals_data_read_get_record_type (void)
{
  return &data_read_record_type;
}

static void
appeals_data_read_finalize (GObject *object)
{
  appeals_record_clear (&data_read_record_type, object);
  G_OBJECT_CLASS (appeals_data_read_parent_class)->finalize (object);
}

static void
appeals_data_read_class_init (AppealsDataReadClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_data_read_finalize;
}

static void
appeals_data_read_init (AppealsDataRead *self)
{
}

AppealsDataRead *
appeals_data_read_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(AppealsDataRead) self = g_object_new (APPEALS_TYPE_DATA_READ, NULL);

  if (!appeals_record_read_trusted (&data_read_record_type, self, node, error))
    return NULL;
  return g_steal_pointer (&self);
}
