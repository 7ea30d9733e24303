/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-request.c: a request for a personal reception and
 * its JSON mapping, from a field table like every model's.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-error.h"
#include "appeals-json.h"
#include "appeals-record.h"
#include "appeals-reception-request.h"

#define FIELD(member) G_STRUCT_OFFSET (AppealsReceptionRequest, member)

static const AppealsFieldSpec request_fields[] = {
  { "id", APPEALS_FIELD_KIND_INT, APPEALS_FIELD_FLAG_REQUIRED, FIELD (id), 0, NULL },
  { "registered_on", APPEALS_FIELD_KIND_DATE, APPEALS_FIELD_FLAG_REQUIRED, FIELD (registered_on), 0, NULL },
  { "channel", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, FIELD (channel), 0, NULL },
  { "applicant_id", APPEALS_FIELD_KIND_INT, APPEALS_FIELD_FLAG_REQUIRED, FIELD (applicant_id), 0, NULL },
  { "applicant_name", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, FIELD (applicant_name), 0, NULL },
  { "appeal_id", APPEALS_FIELD_KIND_INT, APPEALS_FIELD_FLAG_NONE, FIELD (appeal_id), 0, NULL },
  { "appeal_number", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, FIELD (appeal_number), 0, NULL },
  { "question", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_REQUIRED, FIELD (question), 0, NULL },
  { "state", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_REQUIRED, FIELD (state), 0, NULL },
  { "refusal_reason", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, FIELD (refusal_reason), 0, NULL },
  { "reception_id", APPEALS_FIELD_KIND_INT, APPEALS_FIELD_FLAG_NONE, FIELD (reception_id), 0, NULL },
  { "override_reason", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, FIELD (override_reason), 0, NULL },
  { "earliest_date", APPEALS_FIELD_KIND_DATE, APPEALS_FIELD_FLAG_NONE, FIELD (earliest_date), 0, NULL },
};

#undef FIELD

static const AppealsRecordType request_record_type = { request_fields, G_N_ELEMENTS (request_fields) };

G_DEFINE_FINAL_TYPE (AppealsReceptionRequest, appeals_reception_request, G_TYPE_OBJECT)

static void
step_clear (gpointer data)
{
  g_free (((AppealsRequestStep *) data)->code);
}

static void
appeals_reception_request_finalize (GObject *object)
{
  AppealsReceptionRequest *self = APPEALS_RECEPTION_REQUEST (object);

  appeals_record_clear (&request_record_type, self);
  g_clear_pointer (&self->steps, g_array_unref);
  G_OBJECT_CLASS (appeals_reception_request_parent_class)->finalize (object);
}

static void
appeals_reception_request_class_init (AppealsReceptionRequestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_reception_request_finalize;
}

static void
appeals_reception_request_init (AppealsReceptionRequest *self)
{
  g_date_clear (&self->registered_on, 1);
  g_date_clear (&self->earliest_date, 1);
  self->steps = g_array_new (FALSE, TRUE, sizeof (AppealsRequestStep));
  g_array_set_clear_func (self->steps, step_clear);
}

/**
 * appeals_reception_request_new_from_json:
 * @node: a request as GET /reception-requests lists it
 *
 * Returns: (transfer full) (nullable):
 */
AppealsReceptionRequest *
appeals_reception_request_new_from_json (JsonNode  *node,
                                         GError   **error)
{
  g_autoptr(AppealsReceptionRequest) self = g_object_new (APPEALS_TYPE_RECEPTION_REQUEST, NULL);
  JsonNode *steps;

  if (!appeals_record_read_trusted (&request_record_type, self, node, error))
    return NULL;
  steps = json_object_get_member (json_node_get_object (node), "steps");
  if (steps != NULL && !JSON_NODE_HOLDS_ARRAY (steps))
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, _("The server sent a malformed answer: field “%s”: %s"),
                   "steps", appeals_field_error_code_describe (APPEALS_FIELD_WRONG_TYPE));
      return NULL;
    }
  for (guint i = 0; steps != NULL && i < json_array_get_length (json_node_get_array (steps)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (steps), i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      AppealsRequestStep step = { NULL, };

      if (object == NULL ||
          !appeals_date_parse_iso (json_object_get_string_member_with_default (object, "due", ""), &step.due))
        continue;
      step.code = g_strdup (json_object_get_string_member_with_default (object, "code", ""));
      step.overdue = json_object_get_boolean_member_with_default (object, "overdue", FALSE);
      g_array_append_val (self->steps, step);
    }
  return g_steal_pointer (&self);
}

/* Returns: whether the request still waits for a decision */
gboolean
appeals_reception_request_is_open (AppealsReceptionRequest *self)
{
  g_return_val_if_fail (APPEALS_IS_RECEPTION_REQUEST (self), FALSE);

  return g_strcmp0 (self->state, "new") == 0 || g_strcmp0 (self->state, "in_analysis") == 0;
}
