/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-lists.h: receptions as the lists show them — a
 * visitor in a day's queue, the booked count of a day for the month, and
 * a step due today or overdue for "My Day".
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-reception.h"
#include "appeals-record.h"

G_BEGIN_DECLS

/* A visitor in a day's (or week's) queue: the booking, who comes, and how
 * many of its steps are overdue. A visitor of another district is
 * restricted: only the official, the date and the time taken are known. */
#define APPEALS_TYPE_RECEPTION_VISIT (appeals_reception_visit_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReceptionVisit, appeals_reception_visit, APPEALS, RECEPTION_VISIT, GObject)

struct _AppealsReceptionVisit
{
  GObject           parent_instance;

  AppealsReception *reception;
  char             *applicant_name;
  char             *appeal_number;
  gboolean          restricted;
  guint             n_overdue_steps;
};

AppealsReceptionVisit *appeals_reception_visit_new_from_json (JsonNode  *node,
                                                              GError   **error);

/* How many visitors are booked on a day, for the month view. */
#define APPEALS_TYPE_RECEPTION_DAY (appeals_reception_day_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReceptionDay, appeals_reception_day, APPEALS, RECEPTION_DAY, GObject)

struct _AppealsReceptionDay
{
  GObject  parent_instance;

  GDate    date;
  gint64   booked;
};

AppealsReceptionDay *appeals_reception_day_new_from_json (JsonNode  *node,
                                                          GError   **error);

/* A step of a reception due today or overdue and not done yet. */
#define APPEALS_TYPE_STEP_TASK (appeals_step_task_get_type ())

G_DECLARE_FINAL_TYPE (AppealsStepTask, appeals_step_task, APPEALS, STEP_TASK, GObject)

struct _AppealsStepTask
{
  GObject   parent_instance;

  gint64    reception_id;
  char     *code;             /* the workflow step's code */
  GDate     due;
  gboolean  overdue;
  GDate     reception_date;
  char     *question;
};

AppealsStepTask *appeals_step_task_new_from_json (JsonNode  *node,
                                                  GError   **error);

GPtrArray *appeals_items_read (JsonNode   *node,
                               gpointer  (*read) (JsonNode *item, GError **error),
                               GError    **error);

G_END_DECLS
