/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-context.h: what every window, page and dialog works with — the
 * settings, the signed-in user and the typed services. Handed to each of
 * them as the construct-only "context" property, so no widget reaches for
 * the application.
 */
#pragma once

#include <gio/gio.h>

#include "appeals-analytics-service.h"
#include "appeals-api-client.h"
#include "appeals-appeal-service.h"
#include "appeals-expertise-service.h"
#include "appeals-file-service.h"
#include "appeals-intake-service.h"
#include "appeals-kazpost-service.h"
#include "appeals-order-service.h"
#include "appeals-work-service.h"
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
AppealsOrderService     *appeals_context_get_order_service     (AppealsContext   *self);
AppealsWorkService      *appeals_context_get_work_service      (AppealsContext   *self);
AppealsFileService      *appeals_context_get_file_service      (AppealsContext   *self);
AppealsReferenceService *appeals_context_get_reference_service (AppealsContext   *self);
AppealsSessionService   *appeals_context_get_session_service   (AppealsContext   *self);
AppealsAnalyticsService *appeals_context_get_analytics_service (AppealsContext  *self);
AppealsIntakeService    *appeals_context_get_intake_service    (AppealsContext   *self);
AppealsKazpostService   *appeals_context_get_kazpost_service   (AppealsContext   *self);

GParamSpec              *appeals_context_param_spec            (void);

/**
 * APPEALS_DEFINE_CONTEXT_PROPERTY:
 * @TypeName: the type, e.g. AppealsJournalPage
 * @type_name: its prefix, e.g. appeals_journal_page
 *
 * For a window, page or dialog whose instance has `AppealsContext *context`
 * and whose one property is the construct-only "context": defines its
 * set_property and get_property, and `type_name_install_context_property ()`
 * to call from class_init. The instance drops its context in dispose.
 */
#define APPEALS_DEFINE_CONTEXT_PROPERTY(TypeName, type_name) \
static void \
type_name##_set_property (GObject      *object, \
                          guint         prop_id, \
                          const GValue *value, \
                          GParamSpec   *pspec) \
{ \
  if (prop_id == 1) \
    ((TypeName *) object)->context = g_value_dup_object (value); \
  else \
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec); \
} \
\
static void \
type_name##_get_property (GObject    *object, \
                          guint       prop_id, \
                          GValue     *value, \
                          GParamSpec *pspec) \
{ \
  if (prop_id == 1) \
    g_value_set_object (value, ((TypeName *) object)->context); \
  else \
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec); \
} \
\
static void \
type_name##_install_context_property (GObjectClass *object_class) \
{ \
  object_class->set_property = type_name##_set_property; \
  object_class->get_property = type_name##_get_property; \
  g_object_class_install_property (object_class, 1, appeals_context_param_spec ()); \
}

G_END_DECLS
