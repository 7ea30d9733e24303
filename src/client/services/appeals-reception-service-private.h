/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-service-private.h: what the files of the reception
 * service share.
 */
#pragma once

#include "appeals-reception-service.h"

G_BEGIN_DECLS

void              _appeals_reception_service_class_init_window (AppealsReceptionServiceClass *klass);
AppealsApiClient *_appeals_reception_service_get_client        (AppealsReceptionService      *self);
AppealsReferenceService *_appeals_reception_service_get_reference (AppealsReceptionService *self);

G_END_DECLS
