/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-rules.h: the rules the server works by and hands to the clients
 * — the working-day calendar, the deadline table, the classifiers, the
 * priority categories, the reception workflow, the checklist template and
 * the letterhead of printed notices, the growth alerts' rule —
 * read from the data directory, and read again on SIGHUP.
 */
#pragma once

#include "appeals-core.h"

G_BEGIN_DECLS

typedef struct
{
  AppealsCalendar          *calendar;
  AppealsDeadlineRules     *deadlines;
  GHashTable               *classifiers;   /* name → AppealsClassifier */
  AppealsPriorityCatalog   *priorities;
  AppealsWorkflow          *workflow;
  AppealsChecklistTemplate *checklist;
  AppealsLetterhead        *letterhead;
  AppealsGrowthRule        *growth;
} AppealsRules;

AppealsRules *appeals_rules_load   (GError       **error);
gboolean      appeals_rules_reload (AppealsRules  *self,
                                    GError       **error);
void          appeals_rules_free   (AppealsRules  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsRules, appeals_rules_free)

G_END_DECLS
