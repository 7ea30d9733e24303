/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-service-call.h: the one request plumbing the typed services
 * share — a GTask around appeals_api_client_request_async(), the answer
 * read into a core model, a reader's parse error reported as
 * %APPEALS_SERVICE_ERROR_MALFORMED, and the answer's ETag kept for the
 * finish function.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

/* Reads an answer's body into a model. Returning %NULL without an error
 * is a valid "nothing" (e.g. an empty search). */
typedef gpointer (*AppealsServiceReader) (JsonNode  *body,
                                          gpointer   reader_data,
                                          GError   **error);

/* Reads one element of an "items" array, as appeals_items_read() wants. */
typedef gpointer (*AppealsServiceItemReader) (JsonNode  *item,
                                              GError   **error);

void      appeals_service_call_async   (AppealsApiClient         *client,
                                        gpointer                  source_object,
                                        gpointer                  source_tag,
                                        const char               *method,
                                        const char               *path,
                                        JsonNode                 *body,
                                        const char               *if_match,
                                        const char               *idempotency_key,
                                        AppealsServiceReader      reader,
                                        gpointer                  reader_data,
                                        GDestroyNotify            reader_data_free,
                                        GDestroyNotify            value_free,
                                        GCancellable             *cancellable,
                                        GAsyncReadyCallback       callback,
                                        gpointer                  user_data);
void      appeals_service_upload_async (AppealsApiClient         *client,
                                        gpointer                  source_object,
                                        gpointer                  source_tag,
                                        const char               *path,
                                        const char               *content_type,
                                        GBytes                   *content,
                                        AppealsServiceReader      reader,
                                        gpointer                  reader_data,
                                        GDestroyNotify            reader_data_free,
                                        GDestroyNotify            value_free,
                                        GCancellable             *cancellable,
                                        GAsyncReadyCallback       callback,
                                        gpointer                  user_data);
void      appeals_service_download_async (AppealsApiClient       *client,
                                        gpointer                  source_object,
                                        gpointer                  source_tag,
                                        const char               *path,
                                        GCancellable             *cancellable,
                                        GAsyncReadyCallback       callback,
                                        gpointer                  user_data);
void      appeals_service_list_async   (AppealsApiClient         *client,
                                        gpointer                  source_object,
                                        gpointer                  source_tag,
                                        const char               *path,
                                        AppealsServiceItemReader  read_item,
                                        GCancellable             *cancellable,
                                        GAsyncReadyCallback       callback,
                                        gpointer                  user_data);
gpointer  appeals_service_call_finish  (gpointer                  source_object,
                                        GAsyncResult             *result,
                                        gpointer                  source_tag,
                                        char                    **etag,
                                        GError                  **error);
gpointer  appeals_service_read_answer  (AppealsApiClient         *client,
                                        GAsyncResult             *result,
                                        AppealsServiceItemReader  read,
                                        GError                  **error);
gboolean  appeals_service_call_finish_boolean
                                       (gpointer                  source_object,
                                        GAsyncResult             *result,
                                        gpointer                  source_tag,
                                        GError                  **error);

G_END_DECLS
