/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-intake-register.h: registering a receipt of the intake journal —
 * from its row, or from its talon's barcode scanned into the page.
 */
#pragma once

#include "appeals-card-window.h"

G_BEGIN_DECLS

AppealsCardWindow *appeals_intake_open_registration (AppealsContext *context,
                                                     GtkWidget      *from,
                                                     AppealsReceipt *receipt);
gboolean           appeals_intake_find_talon        (AppealsContext *context,
                                                     GtkWidget      *from,
                                                     const char     *talon,
                                                     GCancellable   *cancellable);

G_END_DECLS
