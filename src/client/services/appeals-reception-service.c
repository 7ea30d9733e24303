/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-service.c: personal receptions: days, queues, bookings, the 13 steps, the protocol, materials and the leadership's review.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-reception-service.h"

struct _AppealsReceptionService
{
  GObject           parent_instance;

  AppealsApiClient *client;
};

G_DEFINE_FINAL_TYPE (AppealsReceptionService, appeals_reception_service, G_TYPE_OBJECT)

static void
appeals_reception_service_finalize (GObject *object)
{
  AppealsReceptionService *self = (AppealsReceptionService *)object;

  g_clear_object (&self->client);

  G_OBJECT_CLASS (appeals_reception_service_parent_class)->finalize (object);
}

static void
appeals_reception_service_class_init (AppealsReceptionServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_reception_service_finalize;
}

static void
appeals_reception_service_init (AppealsReceptionService *self)
{
}

AppealsReceptionService *
appeals_reception_service_new (AppealsApiClient *client)
{
  AppealsReceptionService *self = g_object_new (APPEALS_TYPE_RECEPTION_SERVICE, NULL);

  self->client = g_object_ref (client);
  return self;
}
