/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-workflow.h: the steps of organising a personal reception
 * (data/reception/workflow.json) and their due dates in working days.
 */
#pragma once

#include <glib-object.h>

#include "appeals-calendar.h"
#include "appeals-json.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_STEP_ANCHOR_REGISTRATION,
  APPEALS_STEP_ANCHOR_RECEPTION,
  APPEALS_STEP_ANCHOR_HELD,      /* the day it was held; the reception day until then */
  APPEALS_STEP_ANCHOR_ORDERS,    /* the latest term of the protocol's orders on control */
} AppealsStepAnchor;

typedef struct
{
  char              *code;
  AppealsStepAnchor  anchor;
  gboolean           has_term;
  int                working_days;   /* after the anchor; negative: before */
  gboolean           decision_lead;  /* must not fall before the day the date is decided */
  gboolean           closes_with_orders; /* done once no order is on control */
  AppealsNames       name;
} AppealsWorkflowStep;

#define APPEALS_TYPE_WORKFLOW (appeals_workflow_get_type ())

G_DECLARE_FINAL_TYPE (AppealsWorkflow, appeals_workflow, APPEALS, WORKFLOW, GObject)

AppealsWorkflow           *appeals_workflow_new_from_file (const char          *path,
                                                           GError             **error);
AppealsWorkflow           *appeals_workflow_new_default   (GError             **error);
AppealsWorkflow           *appeals_workflow_new_from_json (JsonNode            *node,
                                                           const char          *origin,
                                                           GError             **error);
JsonNode                  *appeals_workflow_to_json       (AppealsWorkflow     *self);
guint                      appeals_workflow_get_n_steps   (AppealsWorkflow     *self);
const AppealsWorkflowStep *appeals_workflow_get_step      (AppealsWorkflow     *self,
                                                           guint                position);
int                        appeals_workflow_get_slot_minutes (AppealsWorkflow *self);
gboolean                   appeals_workflow_compute_due   (AppealsWorkflow     *self,
                                                           AppealsCalendar     *calendar,
                                                           guint                position,
                                                           const GDate         *registered,
                                                           const GDate         *reception,
                                                           const GDate         *held,
                                                           GDate               *due);
gboolean                   appeals_workflow_follow_orders (AppealsWorkflow     *self,
                                                           AppealsCalendar     *calendar,
                                                           guint                position,
                                                           const GDate         *terms,
                                                           const gboolean      *on_control,
                                                           guint                n_orders,
                                                           GDate               *due,
                                                           gboolean            *done);
gboolean                   appeals_workflow_earliest_reception (AppealsWorkflow *self,
                                                           AppealsCalendar     *calendar,
                                                           const GDate         *decided_on,
                                                           GDate               *earliest);

G_END_DECLS
