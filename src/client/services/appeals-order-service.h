/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-order-service.h: the register of orders under control.
 *
 * A service is the only code that knows this family's URLs and JSON: it
 * offers domain verbs as _async/_finish pairs that take and give core
 * models, and reports refusals as APPEALS_SERVICE_ERROR.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

/* What a page of the register is asked for; zero/NULL members ask nothing. */
typedef struct
{
  AppealsOrderControl  status;
  gboolean             overdue_only;
  const char          *source;        /* order-sources code */
  gint64               appeal_id;
  gint64               reception_id;
  const char          *cursor;        /* the next_cursor of the page before */
  guint                limit;
} AppealsOrderQuery;

/* One page of the register. */
typedef struct
{
  GPtrArray *orders;        /* AppealsOrder, most urgent first */
  char      *next_cursor;   /* NULL on the last page */
  gint64     total;
} AppealsOrderPage;

void appeals_order_page_free (AppealsOrderPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsOrderPage, appeals_order_page_free)

#define APPEALS_TYPE_ORDER_SERVICE (appeals_order_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsOrderService, appeals_order_service, APPEALS, ORDER_SERVICE, GObject)

AppealsOrderService *appeals_order_service_new               (AppealsApiClient         *client);

void              appeals_order_service_list_async        (AppealsOrderService      *self,
                                                           const AppealsOrderQuery  *query,
                                                           GCancellable             *cancellable,
                                                           GAsyncReadyCallback       callback,
                                                           gpointer                  user_data);
AppealsOrderPage *appeals_order_service_list_finish       (AppealsOrderService      *self,
                                                           GAsyncResult             *result,
                                                           GError                  **error);
void              appeals_order_service_get_async         (AppealsOrderService      *self,
                                                           gint64                    id,
                                                           GCancellable             *cancellable,
                                                           GAsyncReadyCallback       callback,
                                                           gpointer                  user_data);
void              appeals_order_service_create_async      (AppealsOrderService      *self,
                                                           AppealsOrder             *order,
                                                           GCancellable             *cancellable,
                                                           GAsyncReadyCallback       callback,
                                                           gpointer                  user_data);
void              appeals_order_service_update_async      (AppealsOrderService      *self,
                                                           AppealsOrder             *base,
                                                           AppealsOrder             *edited,
                                                           GCancellable             *cancellable,
                                                           GAsyncReadyCallback       callback,
                                                           gpointer                  user_data);
void              appeals_order_service_add_report_async  (AppealsOrderService      *self,
                                                           gint64                    order_id,
                                                           AppealsOrderReport       *report,
                                                           GCancellable             *cancellable,
                                                           GAsyncReadyCallback       callback,
                                                           gpointer                  user_data);
AppealsOrder     *appeals_order_service_order_finish      (AppealsOrderService      *self,
                                                           GAsyncResult             *result,
                                                           GError                  **error);

G_END_DECLS
