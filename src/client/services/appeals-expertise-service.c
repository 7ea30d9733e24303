/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-expertise-service.c: the expertise of answers and the answer-quality figures.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-expertise-service.h"

struct _AppealsExpertiseService
{
  GObject           parent_instance;

  AppealsApiClient *client;
};

G_DEFINE_FINAL_TYPE (AppealsExpertiseService, appeals_expertise_service, G_TYPE_OBJECT)

static void
appeals_expertise_service_finalize (GObject *object)
{
  AppealsExpertiseService *self = (AppealsExpertiseService *)object;

  g_clear_object (&self->client);

  G_OBJECT_CLASS (appeals_expertise_service_parent_class)->finalize (object);
}

static void
appeals_expertise_service_class_init (AppealsExpertiseServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_expertise_service_finalize;
}

static void
appeals_expertise_service_init (AppealsExpertiseService *self)
{
}

AppealsExpertiseService *
appeals_expertise_service_new (AppealsApiClient *client)
{
  AppealsExpertiseService *self = g_object_new (APPEALS_TYPE_EXPERTISE_SERVICE, NULL);

  self->client = g_object_ref (client);
  return self;
}
