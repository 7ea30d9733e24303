/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-intake-page.h: the "Intake" section — the quick form of the
 * front desk for a paper appeal brought by hand, which prints its talon
 * at once, and the day's receipt journal.
 */
#pragma once

#include <adwaita.h>

#include "appeals-handover-sheet.h"
#include "appeals-talon.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_INTAKE_PAGE (appeals_intake_page_get_type ())

G_DECLARE_FINAL_TYPE (AppealsIntakePage, appeals_intake_page, APPEALS, INTAKE_PAGE, AdwBin)

void          appeals_intake_page_reload         (AppealsIntakePage *self);
void          appeals_intake_page_clear          (AppealsIntakePage *self);
gboolean      appeals_intake_page_is_busy        (AppealsIntakePage *self);
guint         appeals_intake_page_get_n_receipts (AppealsIntakePage *self);
guint         appeals_intake_page_get_n_unregistered (AppealsIntakePage *self);
AppealsTalon *appeals_intake_page_new_talon      (AppealsIntakePage *self,
                                                  guint              position,
                                                  gboolean           duplicate);

void          appeals_intake_page_distribute     (AppealsIntakePage  *self,
                                                  const char * const *absent);
AppealsHandoverSheet *appeals_intake_page_new_handover_sheet (AppealsIntakePage *self);

G_END_DECLS
