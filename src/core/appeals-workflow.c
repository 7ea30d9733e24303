/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-workflow.c: reception steps and their terms. A step anchored on
 * the registration counts working days after it (a request registered on
 * a day off counts from the next working day); one anchored on the
 * reception counts working days before or after the reception day; one
 * anchored on the orders follows the protocol's orders (the latest term
 * of those still on control).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-data.h"
#include "appeals-error.h"
#include "appeals-workflow.h"

#define WORKFLOW_FORMAT 1
#define DEFAULT_WORKFLOW_FILE "reception/workflow.json"
/* a visitor's time with the official, when the file does not say */
#define DEFAULT_SLOT_MINUTES 20

struct _AppealsWorkflow
{
  GObject  parent_instance;

  GArray   *steps;   /* AppealsWorkflowStep */
  int       slot_minutes;
  JsonNode *root;    /* the document the steps were read from */
};

G_DEFINE_FINAL_TYPE (AppealsWorkflow, appeals_workflow, G_TYPE_OBJECT)

static void
step_clear (gpointer data)
{
  AppealsWorkflowStep *step = data;

  g_free (step->code);
  appeals_names_clear (&step->name);
}

static void
appeals_workflow_finalize (GObject *object)
{
  g_clear_pointer (&APPEALS_WORKFLOW (object)->steps, g_array_unref);
  g_clear_pointer (&APPEALS_WORKFLOW (object)->root, json_node_unref);

  G_OBJECT_CLASS (appeals_workflow_parent_class)->finalize (object);
}

static void
appeals_workflow_class_init (AppealsWorkflowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_workflow_finalize;
}

static void
appeals_workflow_init (AppealsWorkflow *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (AppealsWorkflowStep));
  g_array_set_clear_func (self->steps, step_clear);
}

/**
 * appeals_workflow_new_from_json:
 * @node: a document in the format of data/reception/workflow.json
 * @origin: the file or URL the document came from, for error messages
 */
AppealsWorkflow *
appeals_workflow_new_from_json (JsonNode    *node,
                                const char  *origin,
                                GError     **error)
{
  g_autoptr(AppealsWorkflow) self = g_object_new (APPEALS_TYPE_WORKFLOW, NULL);
  const char *path = origin;
  JsonObject *root;
  JsonArray *steps = NULL;
  gint64 format = 0;
  gint64 slot_minutes = DEFAULT_SLOT_MINUTES;

  root = appeals_json_node_get_root_object (node, origin, error);
  if (root == NULL ||
      !appeals_json_read_int (root, "format", TRUE, WORKFLOW_FORMAT, WORKFLOW_FORMAT, &format, path, NULL, error) ||
      !appeals_json_read_array (root, "steps", TRUE, &steps, path, NULL, error) ||
      !appeals_json_read_int (root, "slot_minutes", FALSE, 5, 240, &slot_minutes, path, NULL, error))
    return NULL;
  self->slot_minutes = slot_minutes;

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      g_autofree char *where = appeals_json_index_path ("steps", i);
      JsonObject *object = appeals_json_array_get_object (steps, i, path, "steps", error);
      const char *code = NULL, *anchor = NULL;
      gint64 days = G_MININT64;
      AppealsWorkflowStep step = { 0, };

      if (object == NULL ||
          !appeals_json_read_string (object, "code", TRUE, &code, path, where, error) ||
          !appeals_json_read_string (object, "anchor", TRUE, &anchor, path, where, error) ||
          !appeals_json_read_int (object, "working_days", FALSE, -60, 120, &days, path, where, error) ||
          !appeals_json_read_boolean (object, "decision_lead", FALSE, &step.decision_lead, path, where, error) ||
          !appeals_json_read_boolean (object, "closes_with_orders", FALSE, &step.closes_with_orders, path, where,
                                      error))
        return NULL;

      if (!g_str_equal (anchor, "registration") && !g_str_equal (anchor, "reception") && !g_str_equal (anchor, "held") &&
          !g_str_equal (anchor, "orders"))
        {
          g_autofree char *field = appeals_json_field_path (where, "anchor");
          appeals_json_set_field_error (error, path, field,
                                        _("must be “registration”, “reception”, “held” or “orders”"));
          return NULL;
        }

      if (!appeals_json_read_names (object, &step.name, path, where, error))
        return NULL;
      step.code = g_strdup (code);
      step.anchor = g_str_equal (anchor, "registration") ? APPEALS_STEP_ANCHOR_REGISTRATION
                    : g_str_equal (anchor, "held")       ? APPEALS_STEP_ANCHOR_HELD
                    : g_str_equal (anchor, "orders")     ? APPEALS_STEP_ANCHOR_ORDERS
                                                         : APPEALS_STEP_ANCHOR_RECEPTION;
      step.has_term = days != G_MININT64;
      step.working_days = step.has_term ? days : 0;
      g_array_append_val (self->steps, step);
    }

  self->root = json_node_ref (node);
  return g_steal_pointer (&self);
}

AppealsWorkflow *
appeals_workflow_new_from_file (const char  *path,
                                GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return appeals_json_parse_file (path, (AppealsJsonDocumentParser) appeals_workflow_new_from_json, error);
}

/**
 * appeals_workflow_to_json:
 *
 * Returns: (transfer full): the document this was read from, as the
 *   server hands it to the clients
 */
JsonNode *
appeals_workflow_to_json (AppealsWorkflow *self)
{
  g_return_val_if_fail (APPEALS_IS_WORKFLOW (self), NULL);

  return json_node_ref (self->root);
}

AppealsWorkflow *
appeals_workflow_new_default (GError **error)
{
  return appeals_json_parse_data_file (DEFAULT_WORKFLOW_FILE, (AppealsJsonDocumentParser) appeals_workflow_new_from_json, error);
}

guint
appeals_workflow_get_n_steps (AppealsWorkflow *self)
{
  g_return_val_if_fail (APPEALS_IS_WORKFLOW (self), 0);

  return self->steps->len;
}

const AppealsWorkflowStep *
appeals_workflow_get_step (AppealsWorkflow *self,
                           guint            position)
{
  g_return_val_if_fail (APPEALS_IS_WORKFLOW (self), NULL);
  g_return_val_if_fail (position < self->steps->len, NULL);

  return &g_array_index (self->steps, AppealsWorkflowStep, position);
}

/**
 * appeals_workflow_get_slot_minutes:
 *
 * Returns: the length of one visitor's slot: the free start times of a
 *   reception day are its hours cut into slots of this length
 */
int
appeals_workflow_get_slot_minutes (AppealsWorkflow *self)
{
  g_return_val_if_fail (APPEALS_IS_WORKFLOW (self), DEFAULT_SLOT_MINUTES);

  return self->slot_minutes;
}

/**
 * appeals_workflow_compute_due:
 * @reception: (nullable): the reception day, if set yet
 * @held: (nullable): the day the reception was held, if it was: the
 *   steps after it (the protocol) count from it
 * @due: (out caller-allocates): the step's last day
 *
 * Returns: %FALSE when the step has no term, is anchored on a reception
 *   that has no date yet, or follows the orders (see
 *   appeals_workflow_follow_orders()).
 */
gboolean
appeals_workflow_compute_due (AppealsWorkflow *self,
                              AppealsCalendar *calendar,
                              guint            position,
                              const GDate     *registered,
                              const GDate     *reception,
                              const GDate     *held,
                              GDate           *due)
{
  const AppealsWorkflowStep *step = appeals_workflow_get_step (self, position);
  GDate start;

  g_return_val_if_fail (step != NULL, FALSE);

  if (!step->has_term || step->anchor == APPEALS_STEP_ANCHOR_ORDERS)
    return FALSE;

  if (step->anchor == APPEALS_STEP_ANCHOR_REGISTRATION)
    {
      if (appeals_calendar_is_working_day (calendar, registered))
        start = *registered;
      else
        appeals_calendar_next_working_day (calendar, registered, &start);
    }
  else if (step->anchor == APPEALS_STEP_ANCHOR_HELD && held != NULL && g_date_valid (held))
    start = *held;
  else
    {
      if (reception == NULL || !g_date_valid (reception))
        return FALSE;
      start = *reception;
    }

  appeals_calendar_add_working_days (calendar, &start, step->working_days, due);
  return TRUE;
}

/**
 * appeals_workflow_follow_orders:
 * @terms: (array length=n_orders): the terms of the reception's protocol
 *   orders
 * @on_control: (array length=n_orders): for each, whether it is still on
 *   control (neither executed nor taken off control)
 * @due: (out caller-allocates): the step's last day: its working days
 *   after the latest term of the orders on control — of all the orders
 *   once none is
 * @done: (out): whether the step is done by the orders: it closes with
 *   them and none is on control any more
 *
 * Returns: %FALSE when the step does not follow the orders, has no term,
 *   or the protocol has no orders yet (then it has no term and is not
 *   done by them).
 */
gboolean
appeals_workflow_follow_orders (AppealsWorkflow *self,
                                AppealsCalendar *calendar,
                                guint            position,
                                const GDate     *terms,
                                const gboolean  *on_control,
                                guint            n_orders,
                                GDate           *due,
                                gboolean        *done)
{
  const AppealsWorkflowStep *step = appeals_workflow_get_step (self, position);
  const GDate *latest_open = NULL;
  const GDate *latest = NULL;

  g_return_val_if_fail (step != NULL, FALSE);

  *done = FALSE;
  if (step->anchor != APPEALS_STEP_ANCHOR_ORDERS || !step->has_term || n_orders == 0)
    return FALSE;
  for (guint i = 0; i < n_orders; i++)
    {
      if (latest == NULL || g_date_compare (&terms[i], latest) > 0)
        latest = &terms[i];
      if (on_control[i] && (latest_open == NULL || g_date_compare (&terms[i], latest_open) > 0))
        latest_open = &terms[i];
    }
  appeals_calendar_add_working_days (calendar, latest_open != NULL ? latest_open : latest, step->working_days, due);
  *done = step->closes_with_orders && latest_open == NULL;
  return TRUE;
}

/* How far ahead the earliest reception day is looked for. */
#define MAX_LEAD_DAYS 366

/**
 * appeals_workflow_earliest_reception:
 * @decided_on: the day the date is decided
 * @earliest: (out): the earliest reception day
 *
 * The first working day after @decided_on on which a reception leaves
 * every decision_lead step (counted back from it) on or after
 * @decided_on: the calls, the materials to the leadership and the
 * coordination meeting are not already late on the day of the decision.
 *
 * Returns: %FALSE if no day within a year allows it (a calendar without
 *   working days)
 */
gboolean
appeals_workflow_earliest_reception (AppealsWorkflow *self,
                                     AppealsCalendar *calendar,
                                     const GDate     *decided_on,
                                     GDate           *earliest)
{
  GDate day = *decided_on;

  g_return_val_if_fail (APPEALS_IS_WORKFLOW (self), FALSE);

  for (guint n = 0; n < MAX_LEAD_DAYS; n++)
    {
      gboolean room = TRUE;

      appeals_calendar_next_working_day (calendar, &day, &day);
      for (guint i = 0; i < self->steps->len && room; i++)
        {
          const AppealsWorkflowStep *step = &g_array_index (self->steps, AppealsWorkflowStep, i);
          GDate due;

          if (!step->decision_lead || !step->has_term || step->anchor != APPEALS_STEP_ANCHOR_RECEPTION)
            continue;
          appeals_calendar_add_working_days (calendar, &day, step->working_days, &due);
          room = g_date_compare (&due, decided_on) >= 0;
        }
      if (room)
        {
          *earliest = day;
          return TRUE;
        }
    }
  return FALSE;
}
