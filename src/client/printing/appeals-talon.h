/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-talon.h: the talon handed to a visitor whose paper appeal the
 * intake desk took: its number (also as a Code 128 barcode), when it was
 * received, by whom, the department and the legal term — in the
 * applicant's language.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-core.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_TALON (appeals_talon_get_type ())

G_DECLARE_FINAL_TYPE (AppealsTalon, appeals_talon, APPEALS, TALON, GtkPrintOperation)

AppealsTalon *appeals_talon_new (AppealsLetterhead *letterhead,
                                 AppealsReceipt    *receipt,
                                 gboolean           duplicate);

G_END_DECLS
