/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-order-records.h: the register of orders as the domain keeps it:
 * loaded within the caller's scope with their interim reports and the
 * overdue figures, created and updated with their audit entries.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

GPtrArray *appeals_api_orders_read             (AppealsRequest      *request,
                                                AppealsDbResult     *rows,
                                                guint                n_rows,
                                                GError             **error);
gboolean   appeals_api_orders_load_or_404      (AppealsRequest      *request,
                                                gint64               id,
                                                AppealsOrder       **order,
                                                GError             **error);
char      *appeals_api_orders_scope_clause     (AppealsRequest      *request,
                                                GPtrArray           *values);
gboolean   appeals_api_orders_create           (AppealsRequest      *request,
                                                AppealsOrder        *order,
                                                GPtrArray           *errors,
                                                gboolean            *registered,
                                                GError             **error);
gboolean   appeals_api_orders_update           (AppealsRequest      *request,
                                                AppealsOrder        *current,
                                                AppealsOrder        *edited,
                                                GError             **error);
gboolean   appeals_api_orders_add_report       (AppealsRequest      *request,
                                                AppealsOrder        *order,
                                                AppealsOrderReport  *report,
                                                GError             **error);

G_END_DECLS
