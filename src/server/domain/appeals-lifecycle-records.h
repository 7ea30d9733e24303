/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-lifecycle-records.h: an appeal's lifecycle as stored — the state
 * its transition guards look at, the actions the caller may take, the
 * notices sent — and the appeal's full representation built from them.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

gboolean    appeals_api_lifecycle_get_state  (AppealsRequest         *request,
                                              AppealsAppeal          *appeal,
                                              AppealsLifecycleState  *state,
                                              GError                **error);
gboolean    appeals_api_lifecycle_describe   (AppealsRequest         *request,
                                              AppealsAppeal          *appeal,
                                              GError                **error);
gboolean    appeals_api_lifecycle_respond    (AppealsRequest         *request,
                                              guint                   status,
                                              AppealsAppeal          *appeal,
                                              GError                **error);
gboolean    appeals_api_lifecycle_add_notice (AppealsRequest         *request,
                                              AppealsAppeal          *appeal,
                                              AppealsNotice          *notice,
                                              GError                **error);

G_END_DECLS
