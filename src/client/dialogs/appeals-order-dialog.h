/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-order-dialog.h: one order of the register — registered, edited,
 * reported on.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_ORDER_DIALOG (appeals_order_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AppealsOrderDialog, appeals_order_dialog, APPEALS, ORDER_DIALOG, AdwWindow)

GtkWidget    *appeals_order_dialog_new       (AppealsContext     *context,
                                              AppealsOrder       *order);
GtkWidget    *appeals_order_dialog_new_for_appeal (AppealsContext *context,
                                                  gint64          appeal_id,
                                                  const char     *registration_number);
AppealsOrder *appeals_order_dialog_get_order (AppealsOrderDialog *self);
gboolean      appeals_order_dialog_is_busy   (AppealsOrderDialog *self);

G_END_DECLS
