/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-checklist.h: the template of the answer-quality checklist, read
 * from data/rules/checklist.json, and the score it gives.
 */
#pragma once

#include <glib-object.h>

#include "appeals-calendar.h"
#include "appeals-json.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_CRITERION_ANSWER_UNSET,
  APPEALS_CRITERION_ANSWER_YES,
  APPEALS_CRITERION_ANSWER_PARTLY,
  APPEALS_CRITERION_ANSWER_NO,
} AppealsCriterionAnswer;

typedef struct
{
  char         *code;
  int           weight;     /* 0 for cross-checks */
  AppealsNames  name;
} AppealsChecklistItem;

#define APPEALS_TYPE_CHECKLIST_TEMPLATE (appeals_checklist_template_get_type ())

G_DECLARE_FINAL_TYPE (AppealsChecklistTemplate, appeals_checklist_template, APPEALS, CHECKLIST_TEMPLATE, GObject)

AppealsChecklistTemplate   *appeals_checklist_template_new_from_file (const char               *path,
                                                                      GError                  **error);
AppealsChecklistTemplate   *appeals_checklist_template_new_default   (GError                  **error);
AppealsChecklistTemplate   *appeals_checklist_template_new_from_json (JsonNode                 *node,
                                                                      const char               *origin,
                                                                      GError                  **error);
JsonNode                   *appeals_checklist_template_to_json       (AppealsChecklistTemplate *self);
guint                       appeals_checklist_template_get_n_criteria (AppealsChecklistTemplate *self);
const AppealsChecklistItem *appeals_checklist_template_get_criterion (AppealsChecklistTemplate *self,
                                                                      guint                     position);
const AppealsChecklistItem *appeals_checklist_template_find_criterion (AppealsChecklistTemplate *self,
                                                                      const char               *code);
guint                       appeals_checklist_template_get_n_cross_checks (AppealsChecklistTemplate *self);
const AppealsChecklistItem *appeals_checklist_template_get_cross_check (AppealsChecklistTemplate *self,
                                                                      guint                     position);
int                         appeals_checklist_template_get_accept_threshold (AppealsChecklistTemplate *self);
double                      appeals_checklist_template_score         (AppealsChecklistTemplate *self,
                                                                      const AppealsCriterionAnswer *answers);

int                         appeals_checklist_template_get_rework_days (AppealsChecklistTemplate *self);
int                         appeals_checklist_template_get_ranking_min_answers (AppealsChecklistTemplate *self);
void                        appeals_checklist_template_compute_rework_due (AppealsChecklistTemplate *self,
                                                                      AppealsCalendar          *calendar,
                                                                      const GDate              *returned_on,
                                                                      GDate                    *due);
char                       *appeals_checklist_template_dup_reasons   (AppealsChecklistTemplate *self,
                                                                      const AppealsCriterionAnswer *answers,
                                                                      const char               *language);

gboolean                    appeals_criterion_answer_from_string     (const char               *text,
                                                                      AppealsCriterionAnswer   *answer);
const char                 *appeals_criterion_answer_to_string       (AppealsCriterionAnswer    answer);

const char                 *appeals_checklist_item_get_name          (const AppealsChecklistItem *item,
                                                                      const char               *language);

G_END_DECLS
