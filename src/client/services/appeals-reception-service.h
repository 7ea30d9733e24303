/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-service.h: personal receptions: days, queues, bookings, the 13 steps, the protocol, materials and the leadership's review.
 *
 * A service is the only code that knows this family's URLs and JSON: it
 * offers domain verbs as _async/_finish pairs that take and give core
 * models, and reports refusals as APPEALS_SERVICE_ERROR.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_RECEPTION_SERVICE (appeals_reception_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReceptionService, appeals_reception_service, APPEALS, RECEPTION_SERVICE, GObject)

AppealsReceptionService *appeals_reception_service_new (AppealsApiClient *client);

G_END_DECLS
