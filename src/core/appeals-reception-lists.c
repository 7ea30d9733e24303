/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-lists.c: the list models of receptions and their JSON
 * mapping, from field tables like every model's.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-error.h"
#include "appeals-reception-lists.h"

/* Visits ------------------------------------------------------------------ */

#define VISIT(member) G_STRUCT_OFFSET (AppealsReceptionVisit, member)

static const AppealsFieldSpec visit_fields[] = {
  { "applicant_name", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_READ_ONLY, VISIT (applicant_name), 0, NULL },
  { "appeal_number", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_READ_ONLY, VISIT (appeal_number), 0, NULL },
  { "restricted", APPEALS_FIELD_KIND_BOOLEAN, APPEALS_FIELD_FLAG_READ_ONLY, VISIT (restricted), 0, NULL },
};

#undef VISIT

static const AppealsRecordType visit_record_type = { visit_fields, G_N_ELEMENTS (visit_fields) };

G_DEFINE_FINAL_TYPE (AppealsReceptionVisit, appeals_reception_visit, G_TYPE_OBJECT)

static void
appeals_reception_visit_finalize (GObject *object)
{
  AppealsReceptionVisit *self = APPEALS_RECEPTION_VISIT (object);

  g_clear_object (&self->reception);
  appeals_record_clear (&visit_record_type, self);

  G_OBJECT_CLASS (appeals_reception_visit_parent_class)->finalize (object);
}

static void
appeals_reception_visit_class_init (AppealsReceptionVisitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_reception_visit_finalize;
}

static void
appeals_reception_visit_init (AppealsReceptionVisit *self)
{
}

/**
 * appeals_reception_visit_new_from_json:
 * @node: a reception as GET /receptions lists it, with its steps
 *
 * Returns: (transfer full) (nullable):
 */
AppealsReceptionVisit *
appeals_reception_visit_new_from_json (JsonNode  *node,
                                       GError   **error)
{
  g_autoptr(AppealsReceptionVisit) self = g_object_new (APPEALS_TYPE_RECEPTION_VISIT, NULL);
  JsonNode *steps;

  self->reception = appeals_reception_new_from_json (node, error);
  if (self->reception == NULL || !appeals_record_read_trusted (&visit_record_type, self, node, error))
    return NULL;

  steps = json_object_get_member (json_node_get_object (node), "steps");
  if (steps != NULL && JSON_NODE_HOLDS_ARRAY (steps))
    {
      JsonArray *array = json_node_get_array (steps);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *step = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (step) &&
              json_object_get_boolean_member_with_default (json_node_get_object (step), "overdue", FALSE))
            self->n_overdue_steps++;
        }
    }
  return g_steal_pointer (&self);
}

/* Days -------------------------------------------------------------------- */

#define DAY(member) G_STRUCT_OFFSET (AppealsReceptionDay, member)

static const AppealsFieldSpec day_fields[] = {
  { "date", APPEALS_FIELD_KIND_DATE, APPEALS_FIELD_FLAG_REQUIRED, DAY (date), 0, NULL },
  { "booked", APPEALS_FIELD_KIND_INT, APPEALS_FIELD_FLAG_REQUIRED, DAY (booked), 0, NULL },
};

#undef DAY

static const AppealsRecordType day_record_type = { day_fields, G_N_ELEMENTS (day_fields) };

G_DEFINE_FINAL_TYPE (AppealsReceptionDay, appeals_reception_day, G_TYPE_OBJECT)

static void
appeals_reception_day_class_init (AppealsReceptionDayClass *klass)
{
}

static void
appeals_reception_day_init (AppealsReceptionDay *self)
{
  g_date_clear (&self->date, 1);
}

/* Returns: (transfer full) (nullable): a day as GET /reception-days lists it */
AppealsReceptionDay *
appeals_reception_day_new_from_json (JsonNode  *node,
                                     GError   **error)
{
  g_autoptr(AppealsReceptionDay) self = g_object_new (APPEALS_TYPE_RECEPTION_DAY, NULL);

  if (!appeals_record_read_trusted (&day_record_type, self, node, error))
    return NULL;
  if (!g_date_valid (&self->date))
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, _("The server sent a malformed answer: field “%s”: %s"),
                   "date", appeals_field_error_code_describe (APPEALS_FIELD_REQUIRED));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* Step tasks -------------------------------------------------------------- */

#define TASK(member) G_STRUCT_OFFSET (AppealsStepTask, member)

static const AppealsFieldSpec task_fields[] = {
  { "reception_id", APPEALS_FIELD_KIND_INT, APPEALS_FIELD_FLAG_REQUIRED, TASK (reception_id), 0, NULL },
  { "code", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_REQUIRED, TASK (code), 64, NULL },
  { "due", APPEALS_FIELD_KIND_DATE, APPEALS_FIELD_FLAG_REQUIRED, TASK (due), 0, NULL },
  { "overdue", APPEALS_FIELD_KIND_BOOLEAN, APPEALS_FIELD_FLAG_NONE, TASK (overdue), 0, NULL },
  { "reception_date", APPEALS_FIELD_KIND_DATE, APPEALS_FIELD_FLAG_NONE, TASK (reception_date), 0, NULL },
  { "question", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, TASK (question), 0, NULL },
};

#undef TASK

static const AppealsRecordType task_record_type = { task_fields, G_N_ELEMENTS (task_fields) };

G_DEFINE_FINAL_TYPE (AppealsStepTask, appeals_step_task, G_TYPE_OBJECT)

static void
appeals_step_task_finalize (GObject *object)
{
  appeals_record_clear (&task_record_type, object);

  G_OBJECT_CLASS (appeals_step_task_parent_class)->finalize (object);
}

static void
appeals_step_task_class_init (AppealsStepTaskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_step_task_finalize;
}

static void
appeals_step_task_init (AppealsStepTask *self)
{
  g_date_clear (&self->due, 1);
  g_date_clear (&self->reception_date, 1);
}

/* Returns: (transfer full) (nullable): an item of GET /reception-steps/today */
AppealsStepTask *
appeals_step_task_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(AppealsStepTask) self = g_object_new (APPEALS_TYPE_STEP_TASK, NULL);

  if (!appeals_record_read_trusted (&task_record_type, self, node, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * appeals_items_read:
 * @node: an answer of the form {"items": [...]}
 * @read: reads one item into a new object
 *
 * Returns: (transfer full) (element-type GObject) (nullable): the items,
 *   or %NULL with an %APPEALS_ERROR_PARSE error for the first bad one
 */
GPtrArray *
appeals_items_read (JsonNode   *node,
                    gpointer  (*read) (JsonNode *item, GError **error),
                    GError    **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *member = node != NULL && JSON_NODE_HOLDS_OBJECT (node)
                     ? json_object_get_member (json_node_get_object (node), "items") : NULL;
  JsonArray *array;

  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, _("The server sent a malformed answer: field “%s”: %s"),
                   "items", appeals_field_error_code_describe (APPEALS_FIELD_WRONG_TYPE));
      return NULL;
    }
  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gpointer item = read (json_array_get_element (array, i), error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}
