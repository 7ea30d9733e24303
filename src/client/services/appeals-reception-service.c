/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-service.c: personal receptions: days, queues, bookings, the 13 steps, the protocol, materials and the leadership's review.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-reception-service.h"
#include "appeals-reception-service-private.h"

struct _AppealsReceptionService
{
  GObject           parent_instance;

  AppealsApiClient *client;
  JsonArray        *officials;   /* for the officials' names on a reception */
};

G_DEFINE_FINAL_TYPE (AppealsReceptionService, appeals_reception_service, G_TYPE_OBJECT)


static void
appeals_reception_service_finalize (GObject *object)
{
  AppealsReceptionService *self = (AppealsReceptionService *)object;

  g_clear_object (&self->client);
  g_clear_pointer (&self->officials, json_array_unref);

  G_OBJECT_CLASS (appeals_reception_service_parent_class)->finalize (object);
}

static void
appeals_reception_service_class_init (AppealsReceptionServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_reception_service_finalize;

  _appeals_reception_service_class_init_window (klass);
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



/* For the verbs of one reception's window (appeals-reception-service-window.c) */

AppealsApiClient *
_appeals_reception_service_get_client (AppealsReceptionService *self)
{
  return self->client;
}

JsonArray *
_appeals_reception_service_get_officials (AppealsReceptionService *self)
{
  return self->officials;
}

void
_appeals_reception_service_set_officials (AppealsReceptionService *self,
                                          JsonArray               *officials)
{
  g_clear_pointer (&self->officials, json_array_unref);
  self->officials = officials != NULL ? json_array_ref (officials) : NULL;
}
