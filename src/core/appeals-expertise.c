/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-expertise.c: expertise rounds and their JSON mapping. The plain
 * members go through the field table; the score and the two lists of the
 * checklist are written and read here.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-core-enums.h"
#include "appeals-error.h"
#include "appeals-expertise.h"

G_DEFINE_FINAL_TYPE (AppealsExpertise, appeals_expertise, G_TYPE_OBJECT)

#define OFF(member) G_STRUCT_OFFSET (AppealsExpertise, member)
#define READ_ONLY APPEALS_FIELD_FLAG_READ_ONLY

static const AppealsFieldSpec expertise_fields[] = {
  { "id", APPEALS_FIELD_KIND_INT, READ_ONLY, OFF (id), 0, NULL },
  { "appeal_id", APPEALS_FIELD_KIND_INT, READ_ONLY, OFF (appeal_id), 0, NULL },
  { "round", APPEALS_FIELD_KIND_INT, READ_ONLY, OFF (round), 0, NULL },
  { "previous_id", APPEALS_FIELD_KIND_INT, READ_ONLY, OFF (previous_id), 0, NULL },
  { "body", APPEALS_FIELD_KIND_STRING, READ_ONLY, OFF (body), 0, NULL },
  { "answer", APPEALS_FIELD_KIND_STRING, READ_ONLY, OFF (answer), 0, NULL },
  { "verdict", APPEALS_FIELD_KIND_ENUM, APPEALS_FIELD_FLAG_REQUIRED, OFF (verdict), 0, appeals_verdict_get_type },
  { "reasons", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, OFF (reasons), 0, NULL },
  { "rework_due", APPEALS_FIELD_KIND_DATE, READ_ONLY, OFF (rework_due), 0, NULL },
  { "overdue", APPEALS_FIELD_KIND_BOOLEAN, READ_ONLY, OFF (overdue), 0, NULL },
  { "state", APPEALS_FIELD_KIND_ENUM, READ_ONLY, OFF (state), 0, appeals_expertise_state_get_type },
  { "analyst", APPEALS_FIELD_KIND_STRING, READ_ONLY, OFF (analyst), 0, NULL },
  { "approved_by", APPEALS_FIELD_KIND_STRING, READ_ONLY, OFF (approved_by), 0, NULL },
  { "approved_at", APPEALS_FIELD_KIND_DATETIME, READ_ONLY, OFF (approved_at), 0, NULL },
  { "created_at", APPEALS_FIELD_KIND_DATETIME, READ_ONLY, OFF (created_at), 0, NULL },
  { "registration_number", APPEALS_FIELD_KIND_STRING, READ_ONLY, OFF (registration_number), 0, NULL },
  { "annotation", APPEALS_FIELD_KIND_STRING, READ_ONLY, OFF (annotation), 0, NULL },
};

#undef READ_ONLY
#undef OFF

static const AppealsRecordType expertise_record_type = {
  expertise_fields, G_N_ELEMENTS (expertise_fields)
};

const AppealsRecordType *
appeals_expertise_get_record_type (void)
{
  return &expertise_record_type;
}

static void
criterion_result_free (AppealsCriterionResult *result)
{
  g_free (result->code);
  g_free (result->comment);
  g_free (result);
}

static void
cross_check_free (AppealsCrossCheck *check)
{
  g_free (check->code);
  g_free (check->result);
  g_free (check);
}

static void
appeals_expertise_finalize (GObject *object)
{
  AppealsExpertise *self = (AppealsExpertise *)object;

  appeals_record_clear (&expertise_record_type, self);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->cross_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (appeals_expertise_parent_class)->finalize (object);
}

static void
appeals_expertise_class_init (AppealsExpertiseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_expertise_finalize;
}

static void
appeals_expertise_init (AppealsExpertise *self)
{
  g_date_clear (&self->rework_due, 1);
  self->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_result_free);
  self->cross_checks = g_ptr_array_new_with_free_func ((GDestroyNotify) cross_check_free);
}

AppealsExpertise *
appeals_expertise_new (void)
{
  return g_object_new (APPEALS_TYPE_EXPERTISE, NULL);
}

void
appeals_expertise_add_criterion (AppealsExpertise       *self,
                                 const char             *code,
                                 AppealsCriterionAnswer  answer,
                                 const char             *comment)
{
  AppealsCriterionResult *result = g_new0 (AppealsCriterionResult, 1);

  g_return_if_fail (APPEALS_IS_EXPERTISE (self));

  result->code = g_strdup (code);
  result->answer = answer;
  result->comment = comment != NULL && *comment != '\0' ? g_strdup (comment) : NULL;
  g_ptr_array_add (self->criteria, result);
}

void
appeals_expertise_add_cross_check (AppealsExpertise *self,
                                   const char       *code,
                                   const GDate      *date,
                                   const char       *result)
{
  AppealsCrossCheck *check = g_new0 (AppealsCrossCheck, 1);

  g_return_if_fail (APPEALS_IS_EXPERTISE (self));

  check->code = g_strdup (code);
  check->date = *date;
  check->result = result != NULL && *result != '\0' ? g_strdup (result) : NULL;
  g_ptr_array_add (self->cross_checks, check);
}

/* Reading ------------------------------------------------------------------- */

static gboolean
malformed (GError     **error,
           const char  *member)
{
  g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE,
               _("The server sent a malformed answer: field “%s”: %s"),
               member, appeals_field_error_code_describe (APPEALS_FIELD_WRONG_TYPE));
  return FALSE;
}

/* Returns the array of @member, NULL for a missing or null one; FALSE for
 * anything else. */
static gboolean
get_list (JsonObject  *object,
          const char  *member,
          JsonArray  **array,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *array = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return malformed (error, member);
  *array = json_node_get_array (node);
  return TRUE;
}

static gboolean
read_criteria (AppealsExpertise  *self,
               JsonObject        *object,
               GError           **error)
{
  JsonArray *array;

  if (!get_list (object, "criteria", &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *code = item != NULL ? json_object_get_string_member_with_default (item, "code", NULL) : NULL;
      const char *answer = item != NULL ? json_object_get_string_member_with_default (item, "answer", NULL) : NULL;
      AppealsCriterionAnswer value;

      if (code == NULL || !appeals_criterion_answer_from_string (answer, &value))
        return malformed (error, "criteria");
      appeals_expertise_add_criterion (self, code, value,
                                       json_object_get_string_member_with_default (item, "comment", NULL));
    }
  return TRUE;
}

static gboolean
read_cross_checks (AppealsExpertise  *self,
                   JsonObject        *object,
                   GError           **error)
{
  JsonArray *array;

  if (!get_list (object, "cross_checks", &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *code = item != NULL ? json_object_get_string_member_with_default (item, "code", NULL) : NULL;
      const char *date = item != NULL ? json_object_get_string_member_with_default (item, "date", NULL) : NULL;
      GDate parsed;

      if (code == NULL || !appeals_date_parse_iso (date, &parsed))
        return malformed (error, "cross_checks");
      appeals_expertise_add_cross_check (self, code, &parsed,
                                         json_object_get_string_member_with_default (item, "result", NULL));
    }
  return TRUE;
}

/**
 * appeals_expertise_new_from_json:
 *
 * Reads a round as the server sends it.
 *
 * Returns: (transfer full) (nullable):
 */
AppealsExpertise *
appeals_expertise_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(AppealsExpertise) self = appeals_expertise_new ();
  JsonObject *object;
  JsonNode *score;

  if (!appeals_record_read_trusted (&expertise_record_type, self, node, error))
    return NULL;

  object = json_node_get_object (node);
  score = json_object_get_member (object, "score");
  if (score != NULL && !JSON_NODE_HOLDS_NULL (score))
    {
      GType type = JSON_NODE_HOLDS_VALUE (score) ? json_node_get_value_type (score) : G_TYPE_INVALID;

      if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
        {
          malformed (error, "score");
          return NULL;
        }
      self->score = json_node_get_double (score);
    }

  if (!read_criteria (self, object, error) || !read_cross_checks (self, object, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Writing ------------------------------------------------------------------- */

static void
write_lists (AppealsExpertise *self,
             JsonBuilder      *builder)
{
  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->criteria->len; i++)
    {
      const AppealsCriterionResult *result = g_ptr_array_index (self->criteria, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, result->code);
      json_builder_set_member_name (builder, "answer");
      json_builder_add_string_value (builder, appeals_criterion_answer_to_string (result->answer));
      if (result->comment != NULL)
        {
          json_builder_set_member_name (builder, "comment");
          json_builder_add_string_value (builder, result->comment);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "cross_checks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->cross_checks->len; i++)
    {
      const AppealsCrossCheck *check = g_ptr_array_index (self->cross_checks, i);
      g_autofree char *date = appeals_date_format_iso (&check->date);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, check->code);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, date);
      json_builder_set_member_name (builder, "result");
      json_builder_add_string_value (builder, check->result != NULL ? check->result : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * appeals_expertise_to_json:
 *
 * Returns: (transfer full): the whole round, as the server sends it
 */
JsonNode *
appeals_expertise_to_json (AppealsExpertise *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (APPEALS_IS_EXPERTISE (self), NULL);

  json_builder_begin_object (builder);
  appeals_record_write_members (&expertise_record_type, self, builder);
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, self->score);
  write_lists (self, builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * appeals_expertise_verdict_to_json:
 *
 * What an analyst sends: the checklist, the cross-checks, the verdict and,
 * for a return, the reasons. The server computes the rest.
 *
 * Returns: (transfer full):
 */
JsonNode *
appeals_expertise_verdict_to_json (AppealsExpertise *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (APPEALS_IS_EXPERTISE (self), NULL);

  json_builder_begin_object (builder);
  write_lists (self, builder);
  json_builder_set_member_name (builder, "verdict");
  if (self->verdict != APPEALS_VERDICT_UNSET)
    json_builder_add_string_value (builder, appeals_enum_to_wire (APPEALS_TYPE_VERDICT, self->verdict));
  else
    json_builder_add_null_value (builder);
  if (self->verdict == APPEALS_VERDICT_RETURNED)
    {
      json_builder_set_member_name (builder, "reasons");
      json_builder_add_string_value (builder, self->reasons != NULL ? self->reasons : "");
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
