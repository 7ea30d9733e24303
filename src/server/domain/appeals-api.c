/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api.c: the list of every resource. The only file that knows all
 * the handler files; none of them knows another.
 */
#include "config.h"

#include "appeals-api.h"
#include "appeals-api-routes.h"
#include "appeals-auth.h"

void
appeals_api_register_all (AppealsServer *server)
{
  appeals_auth_register_routes (server);
  /* GET /appeals first, so that its Allow header lists GET before POST */
  appeals_api_list_register (server);
  appeals_api_appeals_register (server);
  appeals_api_applicants_register (server);
  appeals_api_reference_register (server);
  appeals_api_expertise_register (server);
  appeals_api_officials_register (server);
  appeals_api_receptions_register (server);
  appeals_api_arrangements_register (server);
  appeals_api_protocol_register (server);
  appeals_api_reception_actions_register (server);
  appeals_api_attachments_register (server);
  appeals_api_actions_register (server);
  appeals_api_orders_register (server);
  appeals_api_audit_register (server);
  appeals_api_appeal_files_register (server);
  appeals_api_my_work_register (server);
  appeals_api_analytics_register (server);
  appeals_api_dynamics_register (server);
  appeals_api_receipts_register (server);
  appeals_api_receipt_import_register (server);
  appeals_api_kazpost_register (server);
  appeals_api_reception_requests_register (server);
}
