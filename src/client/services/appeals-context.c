/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-context.c: the settings and the services, passed to every widget.
 */
#include "config.h"

#include "appeals-context.h"

struct _AppealsContext
{
  GObject                  parent_instance;

  GSettings               *settings;
  AppealsApiClient        *client;
  AppealsAppealService    *appeals;
  AppealsReceptionService *receptions;
  AppealsExpertiseService *expertise;
  AppealsOrderService     *orders;
  AppealsWorkService      *work;
  AppealsAnalyticsService *analytics;
  AppealsIntakeService    *intake;
  AppealsKazpostService   *kazpost;
  AppealsFileService      *files;
  AppealsReferenceService *reference;
  AppealsSessionService   *session;
};

G_DEFINE_FINAL_TYPE (AppealsContext, appeals_context, G_TYPE_OBJECT)

enum {
  SESSION_EXPIRED,
  CONNECTION_LOST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_session_expired (AppealsContext *self)
{
  g_signal_emit (self, signals[SESSION_EXPIRED], 0);
}

static void
on_connection_lost (AppealsContext *self)
{
  g_signal_emit (self, signals[CONNECTION_LOST], 0);
}

static void
appeals_context_dispose (GObject *object)
{
  AppealsContext *self = (AppealsContext *)object;

  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->client, on_session_expired, self);
      g_signal_handlers_disconnect_by_func (self->client, on_connection_lost, self);
    }
  g_clear_object (&self->appeals);
  g_clear_object (&self->receptions);
  g_clear_object (&self->expertise);
  g_clear_object (&self->orders);
  g_clear_object (&self->work);
  g_clear_object (&self->analytics);
  g_clear_object (&self->intake);
  g_clear_object (&self->kazpost);
  g_clear_object (&self->files);
  g_clear_object (&self->reference);
  g_clear_object (&self->session);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (appeals_context_parent_class)->dispose (object);
}

static void
appeals_context_class_init (AppealsContextClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = appeals_context_dispose;

  /**
   * AppealsContext::session-expired:
   *
   * The server refused the session token (401) on any request.
   */
  signals[SESSION_EXPIRED] = g_signal_new ("session-expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AppealsContext::connection-lost:
   *
   * A request found no server: the main window shows its banner and checks
   * the server until it answers. Pages and dialogs keep what they show.
   */
  signals[CONNECTION_LOST] = g_signal_new ("connection-lost", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
appeals_context_init (AppealsContext *self)
{
}

/**
 * appeals_context_new:
 * @settings: the application's settings
 * @client: the connection to the server that the services share
 */
AppealsContext *
appeals_context_new (GSettings        *settings,
                     AppealsApiClient *client)
{
  AppealsContext *self = g_object_new (APPEALS_TYPE_CONTEXT, NULL);

  self->settings = g_object_ref (settings);
  self->client = g_object_ref (client);
  self->reference = appeals_reference_service_new (client);
  self->appeals = appeals_appeal_service_new (client);
  self->receptions = appeals_reception_service_new (client, self->reference);
  self->expertise = appeals_expertise_service_new (client);
  self->orders = appeals_order_service_new (client);
  self->work = appeals_work_service_new (client);
  self->analytics = appeals_analytics_service_new (client);
  self->intake = appeals_intake_service_new (client);
  self->kazpost = appeals_kazpost_service_new (client);
  self->files = appeals_file_service_new (client);
  self->session = appeals_session_service_new (client);
  g_signal_connect_swapped (client, "session-expired", G_CALLBACK (on_session_expired), self);
  g_signal_connect_swapped (client, "connection-lost", G_CALLBACK (on_connection_lost), self);
  return self;
}

GSettings *
appeals_context_get_settings (AppealsContext *self)
{
  return self->settings;
}

/**
 * appeals_context_get_client:
 *
 * The transport, for the application's sign-in and for the services; pages
 * and dialogs use the services.
 *
 * Returns: (transfer none):
 */
AppealsApiClient *
appeals_context_get_client (AppealsContext *self)
{
  return self->client;
}

const char *
appeals_context_get_server_url (AppealsContext *self)
{
  return appeals_api_client_get_base_url (self->client);
}

/**
 * appeals_context_get_user:
 *
 * Returns: (transfer none) (nullable): the signed-in user
 */
AppealsUser *
appeals_context_get_user (AppealsContext *self)
{
  return appeals_api_client_get_user (self->client);
}

gboolean
appeals_context_is_signed_in (AppealsContext *self)
{
  return appeals_api_client_get_token (self->client) != NULL;
}

AppealsAppealService *
appeals_context_get_appeal_service (AppealsContext *self)
{
  return self->appeals;
}

AppealsReceptionService *
appeals_context_get_reception_service (AppealsContext *self)
{
  return self->receptions;
}

AppealsExpertiseService *
appeals_context_get_expertise_service (AppealsContext *self)
{
  return self->expertise;
}

AppealsOrderService *
appeals_context_get_order_service (AppealsContext *self)
{
  return self->orders;
}

AppealsWorkService *
appeals_context_get_work_service (AppealsContext *self)
{
  return self->work;
}

AppealsFileService *
appeals_context_get_file_service (AppealsContext *self)
{
  return self->files;
}

AppealsReferenceService *
appeals_context_get_reference_service (AppealsContext *self)
{
  return self->reference;
}

/**
 * appeals_context_get_session_service:
 *
 * Returns: (transfer none): signing in and out
 */
AppealsSessionService *
appeals_context_get_session_service (AppealsContext *self)
{
  return self->session;
}

/**
 * appeals_context_param_spec:
 *
 * Returns: (transfer floating): a new spec of the construct-only "context"
 *   property that windows, pages and dialogs take (see
 *   APPEALS_DEFINE_CONTEXT_PROPERTY)
 */
GParamSpec *
appeals_context_param_spec (void)
{
  return g_param_spec_object ("context", NULL, NULL, APPEALS_TYPE_CONTEXT,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

AppealsAnalyticsService *
appeals_context_get_analytics_service (AppealsContext *self)
{
  g_return_val_if_fail (APPEALS_IS_CONTEXT (self), NULL);
  return self->analytics;
}

AppealsIntakeService *
appeals_context_get_intake_service (AppealsContext *self)
{
  g_return_val_if_fail (APPEALS_IS_CONTEXT (self), NULL);
  return self->intake;
}

AppealsKazpostService *
appeals_context_get_kazpost_service (AppealsContext *self)
{
  g_return_val_if_fail (APPEALS_IS_CONTEXT (self), NULL);
  return self->kazpost;
}
