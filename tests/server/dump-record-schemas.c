/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * dump-record-schemas.c: the JSON Schema of every record type, as the
 * field tables of src/core say the server writes them, so that
 * check-openapi.py can prove the OpenAPI document describes the same
 * members, types, enumerations and limits (openapi.json is written by
 * hand; this keeps it from drifting from the tables).
 *
 * Every member is always written: strings, dates, times and enumerations
 * as null when unset, integers and booleans always as values.
 */
#include "config.h"

#include "appeals-core.h"

typedef struct
{
  const char              *schema;   /* the name in components/schemas */
  const AppealsRecordType *(*get) (void);
  AppealsFieldFlags        skipped;  /* the fields a list's row leaves out */
} Record;

static const Record records[] = {
  { "Appeal", appeals_appeal_get_record_type },
  { "AppealRow", appeals_appeal_get_record_type, APPEALS_FIELD_FLAG_CARD_ONLY },   /* a journal row */
  { "Applicant", appeals_applicant_get_record_type },
  { "Expertise", appeals_expertise_get_record_type },
  { "Reception", appeals_reception_get_record_type },
  { "ReceptionStep", appeals_reception_step_get_record_type },
  { "ProtocolOrder", appeals_protocol_order_get_record_type },
  { "Attachment", appeals_attachment_get_record_type },
  { "ReceptionReview", appeals_reception_review_get_record_type },
  { "ReceptionParticipant", appeals_reception_participant_get_record_type },
  { "ReviewItem", appeals_review_entry_get_record_type },   /* a reception with its materials */
  { "User", appeals_user_get_record_type },
  { "Notice", appeals_notice_get_record_type },
  { "Order", appeals_order_get_record_type },
  { "OrderReport", appeals_order_report_get_record_type },
  { "PersonalDataRead", appeals_data_read_get_record_type },
  { "Receipt", appeals_receipt_get_record_type },
  { "KazpostBatch", appeals_kazpost_batch_get_record_type },
};

static void
add_enum_values (JsonBuilder *builder,
                 GType        enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);

  json_builder_set_member_name (builder, "enum");
  json_builder_begin_array (builder);
  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *wire = appeals_enum_to_wire (enum_type, klass->values[i].value);

      if (wire != NULL)
        json_builder_add_string_value (builder, wire);
    }
  json_builder_end_array (builder);
}

static void
add_field (JsonBuilder            *builder,
           const AppealsFieldSpec *field)
{
  static const char *const types[] = { "string", "integer", "boolean", "string", "string", "string" };

  json_builder_set_member_name (builder, field->name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, types[field->kind]);
  json_builder_set_member_name (builder, "nullable");
  json_builder_add_boolean_value (builder, field->kind != APPEALS_FIELD_KIND_INT &&
                                           field->kind != APPEALS_FIELD_KIND_BOOLEAN);
  if (field->kind == APPEALS_FIELD_KIND_DATE || field->kind == APPEALS_FIELD_KIND_DATETIME)
    {
      json_builder_set_member_name (builder, "format");
      json_builder_add_string_value (builder, field->kind == APPEALS_FIELD_KIND_DATE ? "date" : "date-time");
    }
  if (field->kind == APPEALS_FIELD_KIND_ENUM)
    add_enum_values (builder, field->enum_type ());
  if (field->kind == APPEALS_FIELD_KIND_STRING && field->max_length > 0)
    {
      json_builder_set_member_name (builder, "maxLength");
      json_builder_add_int_value (builder, field->max_length);
    }
  json_builder_set_member_name (builder, "readOnly");
  json_builder_add_boolean_value (builder, (field->flags & APPEALS_FIELD_FLAG_READ_ONLY) != 0);
  json_builder_set_member_name (builder, "x-immutable");
  json_builder_add_boolean_value (builder, (field->flags & APPEALS_FIELD_FLAG_IMMUTABLE) != 0);
  json_builder_set_member_name (builder, "x-required-on-create");
  json_builder_add_boolean_value (builder, (field->flags & APPEALS_FIELD_FLAG_REQUIRED) != 0);
  json_builder_end_object (builder);
}

int
main (int argc, char *argv[])
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      const AppealsRecordType *type = records[i].get ();

      json_builder_set_member_name (builder, records[i].schema);
      json_builder_begin_object (builder);
      for (guint j = 0; j < type->n_fields; j++)
        if ((type->fields[j].flags & records[i].skipped) == 0)
          add_field (builder, &type->fields[j]);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  g_print ("%s\n", text);
  return 0;
}
