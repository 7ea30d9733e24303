/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-appeal-service.h: appeals and applicants: the journal's pages, the registration card, its history and files.
 *
 * A service is the only code that knows this family's URLs and JSON: it
 * offers domain verbs as _async/_finish pairs that take and give core
 * models, and reports refusals as APPEALS_SERVICE_ERROR.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_APPEAL_SERVICE (appeals_appeal_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsAppealService, appeals_appeal_service, APPEALS, APPEAL_SERVICE, GObject)

AppealsAppealService *appeals_appeal_service_new (AppealsApiClient *client);

G_END_DECLS
