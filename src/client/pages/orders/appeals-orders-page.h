/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-orders-page.h: the register of orders under control.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define APPEALS_TYPE_ORDERS_PAGE (appeals_orders_page_get_type ())

G_DECLARE_FINAL_TYPE (AppealsOrdersPage, appeals_orders_page, APPEALS, ORDERS_PAGE, AdwBin)

void       appeals_orders_page_reload        (AppealsOrdersPage *self);
void       appeals_orders_page_clear         (AppealsOrdersPage *self);
guint      appeals_orders_page_get_n_orders  (AppealsOrdersPage *self);
guint      appeals_orders_page_get_n_overdue (AppealsOrdersPage *self);
gboolean   appeals_orders_page_is_loading    (AppealsOrdersPage *self);
GtkWidget *appeals_orders_page_open_order    (AppealsOrdersPage *self,
                                              guint              position);

G_END_DECLS
