/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-order-row.h: one order as a list row — its text; source,
 * executor and due date; status; overdue marked — in the register and
 * on the appeal's card alike.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"

G_BEGIN_DECLS

GtkWidget *appeals_order_row_new (AppealsContext *context,
                                  AppealsOrder   *order);

G_END_DECLS
