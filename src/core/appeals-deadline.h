/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-deadline.h: terms for considering appeals, read from
 * data/rules/deadlines.json and counted in working days on the calendar.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-calendar.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_DEADLINE_ON_TIME,
  APPEALS_DEADLINE_DUE_SOON,   /* within the "due soon" working days */
  APPEALS_DEADLINE_DUE_TODAY,  /* the last day; the term ends at the end of it */
  APPEALS_DEADLINE_OVERDUE,
} AppealsDeadlineStatus;

typedef struct
{
  AppealsDeadlineStatus status;
  int                   working_days_left;     /* after today, up to the due date */
  int                   working_days_overdue;  /* after the due date, up to today */
} AppealsDeadlineState;

#define APPEALS_TYPE_DEADLINE_RULES (appeals_deadline_rules_get_type ())

G_DECLARE_FINAL_TYPE (AppealsDeadlineRules, appeals_deadline_rules, APPEALS, DEADLINE_RULES, GObject)

AppealsDeadlineRules *appeals_deadline_rules_new_from_file  (const char            *path,
                                                             GError               **error);
AppealsDeadlineRules *appeals_deadline_rules_new_default    (GError               **error);
AppealsDeadlineRules *appeals_deadline_rules_new_from_json  (JsonNode              *node,
                                                             const char            *origin,
                                                             GError               **error);
JsonNode             *appeals_deadline_rules_to_json        (AppealsDeadlineRules  *self);

int                   appeals_deadline_rules_get_term       (AppealsDeadlineRules  *self,
                                                             const char            *kind);
const char * const   *appeals_deadline_rules_list_kinds     (AppealsDeadlineRules  *self);
gboolean              appeals_deadline_rules_get_registration_day_counts (AppealsDeadlineRules *self);
void                  appeals_deadline_rules_set_registration_day_counts (AppealsDeadlineRules *self,
                                                             gboolean               counts);
int                   appeals_deadline_rules_get_due_soon_days (AppealsDeadlineRules *self);
void                  appeals_deadline_rules_set_due_soon_days (AppealsDeadlineRules *self,
                                                             int                    working_days);
int                   appeals_deadline_rules_get_forwarding_days (AppealsDeadlineRules *self);
int                   appeals_deadline_rules_get_extension_max_months (AppealsDeadlineRules *self);
int                   appeals_deadline_rules_get_extension_notify_days (AppealsDeadlineRules *self);

void                  appeals_deadline_rules_get_start_day  (AppealsDeadlineRules  *self,
                                                             AppealsCalendar       *calendar,
                                                             const GDate           *registered,
                                                             GDate                 *start);
gboolean              appeals_deadline_rules_compute_due    (AppealsDeadlineRules  *self,
                                                             AppealsCalendar       *calendar,
                                                             const char            *kind,
                                                             const GDate           *registered,
                                                             GDate                 *due,
                                                             GError               **error);
void                  appeals_deadline_rules_compute_forwarding_due (AppealsDeadlineRules *self,
                                                             AppealsCalendar       *calendar,
                                                             const GDate           *registered,
                                                             GDate                 *due);
void                  appeals_deadline_rules_get_extension_limit (AppealsDeadlineRules *self,
                                                             const GDate           *due,
                                                             GDate                 *limit);
gboolean              appeals_deadline_rules_check_extension (AppealsDeadlineRules *self,
                                                             const GDate           *due,
                                                             const GDate           *extended_due,
                                                             GError               **error);
void                  appeals_deadline_rules_compute_notify_by (AppealsDeadlineRules *self,
                                                             AppealsCalendar       *calendar,
                                                             const GDate           *decided,
                                                             GDate                 *notify_by);

void                  appeals_deadline_rules_evaluate       (AppealsDeadlineRules  *self,
                                                             AppealsCalendar       *calendar,
                                                             const GDate           *due,
                                                             const GDate           *today,
                                                             AppealsDeadlineState  *state);

G_END_DECLS
