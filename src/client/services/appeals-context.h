/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-context.h: what every window, page and dialog works with — the
 * settings, the signed-in user and the typed services. Handed to each of
 * them as the construct-only "context" property, so no widget reaches for
 * the application.
 */
#pragma once

#include <gio/gio.h>

#include "appeals-api-client.h"
#include "appeals-appeal-service.h"
#include "appeals-expertise-service.h"
#include "appeals-reception-service.h"
#include "appeals-reference-service.h"
#include "appeals-session-service.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_CONTEXT (appeals_context_get_type ())

G_DECLARE_FINAL_TYPE (AppealsContext, appeals_context, APPEALS, CONTEXT, GObject)

AppealsContext          *appeals_context_new                   (GSettings        *settings,
                                                                AppealsApiClient *client);
GSettings               *appeals_context_get_settings          (AppealsContext   *self);
AppealsApiClient        *appeals_context_get_client            (AppealsContext   *self);
const char              *appeals_context_get_server_url        (AppealsContext   *self);
AppealsUser             *appeals_context_get_user              (AppealsContext   *self);
gboolean                 appeals_context_is_signed_in          (AppealsContext   *self);
AppealsAppealService    *appeals_context_get_appeal_service    (AppealsContext   *self);
AppealsReceptionService *appeals_context_get_reception_service (AppealsContext   *self);
AppealsExpertiseService *appeals_context_get_expertise_service (AppealsContext   *self);
AppealsReferenceService *appeals_context_get_reference_service (AppealsContext   *self);
AppealsSessionService   *appeals_context_get_session_service   (AppealsContext   *self);

G_END_DECLS
