/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-appeal-service-private.h: what the appeal service's files share.
 */
#pragma once

#include "appeals-appeal-service.h"

G_BEGIN_DECLS

void _appeals_appeal_service_call_saving (AppealsAppealService *self,
                                          const char           *path,
                                          JsonNode             *body,
                                          const char           *if_match,
                                          gpointer              source_tag,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);

void _appeals_appeal_filter_add_to_path (GString                   *path,
                                         const AppealsAppealFilter *filter,
                                         gboolean                   with_sort);

G_END_DECLS
