/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-appeal-service.c: appeals and applicants: the journal's pages, the registration card, its history and files.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-appeal-service.h"

struct _AppealsAppealService
{
  GObject           parent_instance;

  AppealsApiClient *client;
};

G_DEFINE_FINAL_TYPE (AppealsAppealService, appeals_appeal_service, G_TYPE_OBJECT)

static void
appeals_appeal_service_finalize (GObject *object)
{
  AppealsAppealService *self = (AppealsAppealService *)object;

  g_clear_object (&self->client);

  G_OBJECT_CLASS (appeals_appeal_service_parent_class)->finalize (object);
}

static void
appeals_appeal_service_class_init (AppealsAppealServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_appeal_service_finalize;
}

static void
appeals_appeal_service_init (AppealsAppealService *self)
{
}

AppealsAppealService *
appeals_appeal_service_new (AppealsApiClient *client)
{
  AppealsAppealService *self = g_object_new (APPEALS_TYPE_APPEAL_SERVICE, NULL);

  self->client = g_object_ref (client);
  return self;
}
