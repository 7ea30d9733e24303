/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-parts.c: the steps, orders, attachments and review of
 * a reception, and review-list entries, with their JSON mapping.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-core-enums.h"
#include "appeals-error.h"
#include "appeals-reception.h"
#include "appeals-reception-parts.h"

/* Every part is read-only on the client: the server computes it. */
#define RO APPEALS_FIELD_FLAG_READ_ONLY

/* One GObject per part: the record type, finalize and new_from_json. */
#define DEFINE_PART(TypeName, type_name, TYPE)                                           \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, G_TYPE_OBJECT)                               \
                                                                                         \
  static const AppealsRecordType type_name##_record_type = {                             \
    type_name##_fields, G_N_ELEMENTS (type_name##_fields)                                \
  };                                                                                     \
                                                                                         \
  const AppealsRecordType *                                                              \
  type_name##_get_record_type (void)                                                     \
  {                                                                                      \
    return &type_name##_record_type;                                                     \
  }                                                                                      \
                                                                                         \
  static void                                                                            \
  type_name##_finalize (GObject *object)                                                 \
  {                                                                                      \
    type_name##_clear_extra ((TypeName *) object);                                       \
    appeals_record_clear (&type_name##_record_type, object);                             \
    G_OBJECT_CLASS (type_name##_parent_class)->finalize (object);                        \
  }                                                                                      \
                                                                                         \
  static void                                                                            \
  type_name##_class_init (TypeName##Class *klass)                                        \
  {                                                                                      \
    G_OBJECT_CLASS (klass)->finalize = type_name##_finalize;                             \
  }                                                                                      \
                                                                                         \
  TypeName *                                                                             \
  type_name##_new_from_json (JsonNode  *node,                                            \
                             GError   **error)                                           \
  {                                                                                      \
    g_autoptr(TypeName) self = g_object_new (TYPE, NULL);                                \
                                                                                         \
    if (!appeals_record_read_trusted (&type_name##_record_type, self, node, error) ||    \
        !type_name##_read_extra (self, node, error))                                     \
      return NULL;                                                                       \
    return g_steal_pointer (&self);                                                      \
  }

#define NO_EXTRA(TypeName, type_name)                                                    \
  static void type_name##_clear_extra (TypeName *self) { }                               \
  static gboolean type_name##_read_extra (TypeName *self, JsonNode *node, GError **error) \
  { return TRUE; }

/* Steps ------------------------------------------------------------------ */

#define OFF(member) G_STRUCT_OFFSET (AppealsReceptionStep, member)
static const AppealsFieldSpec appeals_reception_step_fields[] = {
  { "code", APPEALS_FIELD_KIND_STRING, RO, OFF (code), 0, NULL },
  { "due", APPEALS_FIELD_KIND_DATE, RO, OFF (due), 0, NULL },
  { "done", APPEALS_FIELD_KIND_BOOLEAN, APPEALS_FIELD_FLAG_NONE, OFF (done), 0, NULL },
  { "overdue", APPEALS_FIELD_KIND_BOOLEAN, RO, OFF (overdue), 0, NULL },
  { "done_by", APPEALS_FIELD_KIND_STRING, RO, OFF (done_by), 0, NULL },
  { "done_at", APPEALS_FIELD_KIND_STRING, RO, OFF (done_at), 0, NULL },
  { "note", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, OFF (note), 0, NULL },
};
#undef OFF

NO_EXTRA (AppealsReceptionStep, appeals_reception_step)
DEFINE_PART (AppealsReceptionStep, appeals_reception_step, APPEALS_TYPE_RECEPTION_STEP)

static void
appeals_reception_step_init (AppealsReceptionStep *self)
{
  g_date_clear (&self->due, 1);
}

/* Orders ----------------------------------------------------------------- */

#define OFF(member) G_STRUCT_OFFSET (AppealsProtocolOrder, member)
static const AppealsFieldSpec appeals_protocol_order_fields[] = {
  { "id", APPEALS_FIELD_KIND_INT, RO, OFF (id), 0, NULL },
  { "text", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, OFF (text), 0, NULL },
  { "executor_body", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, OFF (executor_body), 0, NULL },
  { "deadline", APPEALS_FIELD_KIND_DATE, RO, OFF (deadline), 0, NULL },
  { "status", APPEALS_FIELD_KIND_ENUM, APPEALS_FIELD_FLAG_NONE, OFF (status), 0, appeals_order_status_get_type },
  { "overdue", APPEALS_FIELD_KIND_BOOLEAN, RO, OFF (overdue), 0, NULL },
  { "executed_at", APPEALS_FIELD_KIND_DATETIME, RO, OFF (executed_at), 0, NULL },
};
#undef OFF

NO_EXTRA (AppealsProtocolOrder, appeals_protocol_order)
DEFINE_PART (AppealsProtocolOrder, appeals_protocol_order, APPEALS_TYPE_PROTOCOL_ORDER)

static void
appeals_protocol_order_init (AppealsProtocolOrder *self)
{
  g_date_clear (&self->deadline, 1);
}

/* Attachments ------------------------------------------------------------ */

#define OFF(member) G_STRUCT_OFFSET (AppealsAttachment, member)
static const AppealsFieldSpec appeals_attachment_fields[] = {
  { "id", APPEALS_FIELD_KIND_INT, RO, OFF (id), 0, NULL },
  { "reception_id", APPEALS_FIELD_KIND_INT, RO, OFF (reception_id), 0, NULL },
  { "appeal_id", APPEALS_FIELD_KIND_INT, RO, OFF (appeal_id), 0, NULL },
  { "kind", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, OFF (kind), 0, NULL },
  { "file_name", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, OFF (file_name), 0, NULL },
  { "content_type", APPEALS_FIELD_KIND_STRING, RO, OFF (content_type), 0, NULL },
  { "size", APPEALS_FIELD_KIND_INT, RO, OFF (size), 0, NULL },
  { "sha256", APPEALS_FIELD_KIND_STRING, RO, OFF (sha256), 0, NULL },
  { "created_by", APPEALS_FIELD_KIND_STRING, RO, OFF (created_by), 0, NULL },
  { "created_by_name", APPEALS_FIELD_KIND_STRING, RO, OFF (created_by_name), 0, NULL },
  { "created_at", APPEALS_FIELD_KIND_DATETIME, RO, OFF (created_at), 0, NULL },
};
#undef OFF

NO_EXTRA (AppealsAttachment, appeals_attachment)
DEFINE_PART (AppealsAttachment, appeals_attachment, APPEALS_TYPE_ATTACHMENT)

static void
appeals_attachment_init (AppealsAttachment *self)
{
}

/* The review ------------------------------------------------------------- */

#define OFF(member) G_STRUCT_OFFSET (AppealsReceptionReview, member)
static const AppealsFieldSpec appeals_reception_review_fields[] = {
  { "reviewed_by", APPEALS_FIELD_KIND_STRING, RO, OFF (reviewed_by), 0, NULL },
  { "reviewed_by_name", APPEALS_FIELD_KIND_STRING, RO, OFF (reviewed_by_name), 0, NULL },
  { "reviewed_at", APPEALS_FIELD_KIND_DATETIME, RO, OFF (reviewed_at), 0, NULL },
  { "instructions", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, OFF (instructions), 0, NULL },
};
#undef OFF

NO_EXTRA (AppealsReceptionReview, appeals_reception_review)
DEFINE_PART (AppealsReceptionReview, appeals_reception_review, APPEALS_TYPE_RECEPTION_REVIEW)

static void
appeals_reception_review_init (AppealsReceptionReview *self)
{
}

/* Participants ----------------------------------------------------------- */

#define OFF(member) G_STRUCT_OFFSET (AppealsReceptionParticipant, member)
static const AppealsFieldSpec appeals_reception_participant_fields[] = {
  { "name", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_REQUIRED, OFF (name), 200, NULL },
  { "job_title", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, OFF (job_title), 300, NULL },
  { "by_video", APPEALS_FIELD_KIND_BOOLEAN, APPEALS_FIELD_FLAG_NONE, OFF (by_video), 0, NULL },
};
#undef OFF

NO_EXTRA (AppealsReceptionParticipant, appeals_reception_participant)
DEFINE_PART (AppealsReceptionParticipant, appeals_reception_participant, APPEALS_TYPE_RECEPTION_PARTICIPANT)

static void
appeals_reception_participant_init (AppealsReceptionParticipant *self)
{
}

/* Review-list entries: the reception itself is in the same object ------- */

#define OFF(member) G_STRUCT_OFFSET (AppealsReviewEntry, member)
static const AppealsFieldSpec appeals_review_entry_fields[] = {
  { "materials_done", APPEALS_FIELD_KIND_INT, RO, OFF (materials_done), 0, NULL },
  { "materials_needed", APPEALS_FIELD_KIND_INT, RO, OFF (materials_needed), 0, NULL },
  { "complete", APPEALS_FIELD_KIND_BOOLEAN, RO, OFF (complete), 0, NULL },
};
#undef OFF

static void
appeals_review_entry_clear_extra (AppealsReviewEntry *self)
{
  g_clear_object (&self->reception);
}

static gboolean
appeals_review_entry_read_extra (AppealsReviewEntry  *self,
                                 JsonNode            *node,
                                 GError             **error)
{
  self->reception = appeals_reception_new_from_json (node, error);
  return self->reception != NULL;
}

DEFINE_PART (AppealsReviewEntry, appeals_review_entry, APPEALS_TYPE_REVIEW_ENTRY)

static void
appeals_review_entry_init (AppealsReviewEntry *self)
{
}

/* A reception's details ------------------------------------------------- */

typedef gpointer (*NewFromJson) (JsonNode *node, GError **error);

static gboolean
read_list (JsonObject   *object,
           const char   *member,
           NewFromJson   new_from_json,
           GPtrArray    *list,
           GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  g_ptr_array_set_size (list, 0);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE,
                   _("The server sent a malformed answer: field “%s”: %s"),
                   member, appeals_field_error_code_describe (APPEALS_FIELD_WRONG_TYPE));
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gpointer part = new_from_json (json_array_get_element (array, i), error);

      if (part == NULL)
        return FALSE;
      g_ptr_array_add (list, part);
    }
  return TRUE;
}

static char *
dup_string_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

/**
 * appeals_reception_read_details:
 *
 * Reads what the server adds to a reception it details — who comes, the
 * steps, the orders, the attachments, the review, who takes part and
 * whether it is held in the field. Members that are
 * missing leave their part empty.
 */
gboolean
appeals_reception_read_details (AppealsReception  *self,
                                JsonNode          *node,
                                GError           **error)
{
  JsonObject *object;
  JsonNode *review;

  g_return_val_if_fail (APPEALS_IS_RECEPTION (self), FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_PARSE,
                           _("The server sent a malformed answer: an object was expected"));
      return FALSE;
    }
  object = json_node_get_object (node);

  g_free (self->applicant_name);
  self->applicant_name = dup_string_member (object, "applicant_name");
  g_free (self->appeal_number);
  self->appeal_number = dup_string_member (object, "appeal_number");
  self->restricted = json_object_get_boolean_member_with_default (object, "restricted", FALSE);

  if (!read_list (object, "steps", (NewFromJson) appeals_reception_step_new_from_json, self->steps, error) ||
      !read_list (object, "orders", (NewFromJson) appeals_protocol_order_new_from_json, self->orders, error) ||
      !read_list (object, "attachments", (NewFromJson) appeals_attachment_new_from_json, self->attachments, error) ||
      !read_list (object, "participants", (NewFromJson) appeals_reception_participant_new_from_json,
                  self->participants, error))
    return FALSE;
  self->field = json_object_get_boolean_member_with_default (object, "field", FALSE);

  g_clear_object (&self->review);
  review = json_object_get_member (object, "review");
  if (review != NULL && !JSON_NODE_HOLDS_NULL (review) &&
      (self->review = appeals_reception_review_new_from_json (review, error)) == NULL)
    return FALSE;

  return TRUE;
}

/* Neither archived nor cancelled: its protocol can still change. */
gboolean
appeals_reception_is_editable (AppealsReception *self)
{
  g_return_val_if_fail (APPEALS_IS_RECEPTION (self), FALSE);

  return self->status != APPEALS_RECEPTION_STATUS_ARCHIVED && self->status != APPEALS_RECEPTION_STATUS_CANCELLED;
}

guint
appeals_reception_count_overdue_steps (AppealsReception *self)
{
  guint n = 0;

  g_return_val_if_fail (APPEALS_IS_RECEPTION (self), 0);

  for (guint i = 0; i < self->steps->len; i++)
    n += ((AppealsReceptionStep *) g_ptr_array_index (self->steps, i))->overdue;
  return n;
}

/**
 * appeals_reception_find_step:
 *
 * Returns: (transfer none) (nullable): the step with @code
 */
AppealsReceptionStep *
appeals_reception_find_step (AppealsReception *self,
                             const char       *code)
{
  g_return_val_if_fail (APPEALS_IS_RECEPTION (self), NULL);

  for (guint i = 0; i < self->steps->len; i++)
    {
      AppealsReceptionStep *step = g_ptr_array_index (self->steps, i);

      if (g_strcmp0 (step->code, code) == 0)
        return step;
    }
  return NULL;
}
