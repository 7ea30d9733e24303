/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-routes.h: the route families. Each handler file
 * (appeals-api-<family>.c) registers its own routes; appeals-api.c lists
 * the families. Nothing else is shared through here.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

void appeals_api_list_register        (AppealsServer *server);
void appeals_api_appeals_register     (AppealsServer *server);
void appeals_api_applicants_register  (AppealsServer *server);
void appeals_api_reference_register   (AppealsServer *server);
void appeals_api_expertise_register   (AppealsServer *server);
void appeals_api_officials_register   (AppealsServer *server);
void appeals_api_receptions_register  (AppealsServer *server);
void appeals_api_arrangements_register (AppealsServer *server);
void appeals_api_protocol_register    (AppealsServer *server);
void appeals_api_reception_actions_register (AppealsServer *server);
void appeals_api_attachments_register (AppealsServer *server);
void appeals_api_actions_register     (AppealsServer *server);
void appeals_api_orders_register      (AppealsServer *server);
void appeals_api_audit_register       (AppealsServer *server);
void appeals_api_appeal_files_register (AppealsServer *server);
void appeals_api_my_work_register     (AppealsServer *server);
void appeals_api_analytics_register   (AppealsServer *server);
void appeals_api_dynamics_register    (AppealsServer *server);
void appeals_api_receipts_register    (AppealsServer *server);
void appeals_api_receipt_import_register (AppealsServer *server);
void appeals_api_kazpost_register     (AppealsServer *server);
void appeals_api_reception_requests_register (AppealsServer *server);

G_END_DECLS
