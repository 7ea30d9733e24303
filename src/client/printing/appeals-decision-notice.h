/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-decision-notice.h: the notice that tells an applicant of a
 * decision on their appeal — the term extended, the consideration
 * terminated, the appeal left without consideration — in Kazakh or in
 * Russian, on the department's letterhead.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-core.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_DECISION_NOTICE (appeals_decision_notice_get_type ())

G_DECLARE_FINAL_TYPE (AppealsDecisionNotice, appeals_decision_notice, APPEALS, DECISION_NOTICE, GtkPrintOperation)

AppealsDecisionNotice *appeals_decision_notice_new (AppealsLetterhead   *letterhead,
                                                    AppealsAppeal       *appeal,
                                                    const AppealsNotice *notice,
                                                    const char          *ground_label);

G_END_DECLS
