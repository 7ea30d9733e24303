/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-file-service.h: what the appeal card keeps besides its fields —
 * the scans of the appeal and of the answer documents — and, for the
 * administrator, who read the applicant's personal data.
 *
 * A service is the only code that knows this family's URLs and JSON: it
 * offers domain verbs as _async/_finish pairs that take and give core
 * models, and reports refusals as APPEALS_SERVICE_ERROR.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_FILE_SERVICE (appeals_file_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsFileService, appeals_file_service, APPEALS, FILE_SERVICE, GObject)

AppealsFileService *appeals_file_service_new          (AppealsApiClient     *client);

void               appeals_file_service_list_async    (AppealsFileService   *self,
                                                       gint64                appeal_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GPtrArray         *appeals_file_service_list_finish   (AppealsFileService   *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void               appeals_file_service_upload_async  (AppealsFileService   *self,
                                                       gint64                appeal_id,
                                                       const char           *kind,
                                                       const char           *file_name,
                                                       const char           *content_type,
                                                       GBytes               *content,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
AppealsAttachment *appeals_file_service_upload_finish (AppealsFileService   *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void               appeals_file_service_download_async  (AppealsFileService *self,
                                                       gint64                appeal_id,
                                                       gint64                file_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GBytes            *appeals_file_service_download_finish (AppealsFileService *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void               appeals_file_service_remove_async  (AppealsFileService   *self,
                                                       gint64                appeal_id,
                                                       gint64                file_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean           appeals_file_service_remove_finish (AppealsFileService   *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void               appeals_file_service_list_reads_async  (AppealsFileService *self,
                                                       gint64                applicant_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GPtrArray         *appeals_file_service_list_reads_finish (AppealsFileService *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
