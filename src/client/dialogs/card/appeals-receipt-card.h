/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receipt-card.h: the card of a receipt of the intake journal —
 * from its row on the Intake page, or from its talon's barcode scanned
 * into the Intake page or the journal's search.
 */
#pragma once

#include "appeals-card-window.h"

G_BEGIN_DECLS

AppealsCardWindow *appeals_receipt_card_open        (AppealsContext *context,
                                                     GtkWidget      *from,
                                                     AppealsReceipt *receipt);
gboolean           appeals_receipt_card_find_talon  (AppealsContext *context,
                                                     GtkWidget      *from,
                                                     const char     *talon,
                                                     GCancellable   *cancellable);

G_END_DECLS
