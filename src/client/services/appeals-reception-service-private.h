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
JsonArray        *_appeals_reception_service_get_officials     (AppealsReceptionService      *self);
void              _appeals_reception_service_set_officials     (AppealsReceptionService      *self,
                                                                JsonArray                    *officials);

G_END_DECLS
