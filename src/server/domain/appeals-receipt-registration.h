/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receipt-registration.h: a receipt of the intake journal
 * registered as an appeal — POST /appeals with "receipt_id" links the
 * card and the receipt in the card's own transaction, once.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

JsonObject *appeals_receipt_registration_take  (JsonObject      *body,
                                                gint64          *receipt_id,
                                                GPtrArray       *errors);
gboolean    appeals_receipt_registration_claim (AppealsRequest  *request,
                                                gint64           receipt_id,
                                                GPtrArray       *errors,
                                                gboolean        *registered,
                                                GError         **error);
gboolean    appeals_receipt_registration_link  (AppealsRequest  *request,
                                                gint64           receipt_id,
                                                gint64           appeal_id,
                                                GError         **error);

G_END_DECLS
