/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-handover-sheet.h: the handover sheets of a split — one page per
 * registrar on duty: the receipts handed to them (numbers, applicants,
 * pages) and the lines where the head of intake and the registrar sign.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-intake-service.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_HANDOVER_SHEET (appeals_handover_sheet_get_type ())

G_DECLARE_FINAL_TYPE (AppealsHandoverSheet, appeals_handover_sheet, APPEALS, HANDOVER_SHEET, GtkPrintOperation)

AppealsHandoverSheet *appeals_handover_sheet_new (AppealsLetterhead *letterhead,
                                                  GPtrArray         *shares,
                                                  const char        *language);

G_END_DECLS
