/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-service-call.c: one request of a typed service, from the GTask
 * to the model read from the answer.
 */
#include "config.h"

#include "appeals-reception-lists.h"
#include "appeals-service-call.h"

typedef struct
{
  AppealsServiceReader  reader;
  gpointer              reader_data;
  GDestroyNotify        reader_data_free;
  GDestroyNotify        value_free;
  char                 *etag;
} ServiceCall;

static void
service_call_free (ServiceCall *call)
{
  if (call->reader_data_free != NULL)
    g_clear_pointer (&call->reader_data, call->reader_data_free);
  g_free (call->etag);
  g_free (call);
}

static void
on_service_call_answered (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ServiceCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = appeals_api_client_call_finish (APPEALS_API_CLIENT (source), result,
                                                             &call->etag, &error);
  gpointer value;

  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (call->reader == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  value = call->reader (body, call->reader_data, &error);
  if (error != NULL)
    {
      /* a model that could not be read is the server's fault, not the user's */
      if (!g_error_matches (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED))
        {
          GError *malformed = g_error_new_literal (APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED,
                                                   error->message);

          g_clear_error (&error);
          error = malformed;
        }
      if (value != NULL && call->value_free != NULL)
        call->value_free (value);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, value, call->value_free);
}

static GTask *
new_call_task (gpointer              source_object,
               gpointer              source_tag,
               AppealsServiceReader  reader,
               gpointer              reader_data,
               GDestroyNotify        reader_data_free,
               GDestroyNotify        value_free,
               GCancellable         *cancellable,
               GAsyncReadyCallback   callback,
               gpointer              user_data)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);
  ServiceCall *call = g_new0 (ServiceCall, 1);

  call->reader = reader;
  call->reader_data = reader_data;
  call->reader_data_free = reader_data_free;
  call->value_free = value_free;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) service_call_free);
  return task;
}

/**
 * appeals_service_call_async:
 * @source_object: the service, the source of the task
 * @source_tag: the service's `_async` verb
 * @reader: (nullable): reads the answer's body; its error becomes
 *   %APPEALS_SERVICE_ERROR_MALFORMED. Without a reader the answer is only
 *   a yes: finish with appeals_service_call_finish_boolean().
 * @value_free: frees what @reader returned
 *
 * Sends one request through @client and reads the answer with @reader.
 */
void
appeals_service_call_async (AppealsApiClient     *client,
                            gpointer              source_object,
                            gpointer              source_tag,
                            const char           *method,
                            const char           *path,
                            JsonNode             *body,
                            const char           *if_match,
                            const char           *idempotency_key,
                            AppealsServiceReader  reader,
                            gpointer              reader_data,
                            GDestroyNotify        reader_data_free,
                            GDestroyNotify        value_free,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  GTask *task;

  g_return_if_fail (APPEALS_IS_API_CLIENT (client));

  task = new_call_task (source_object, source_tag, reader, reader_data, reader_data_free, value_free,
                        cancellable, callback, user_data);
  appeals_api_client_request_async (client, method, path, body, if_match, idempotency_key, cancellable,
                                    on_service_call_answered, task);
}

/**
 * appeals_service_upload_async:
 * @content_type: the file's MIME type
 *
 * Sends a file as the body of a POST to @path (once, even when retried)
 * and reads the answer with @reader, as appeals_service_call_async() does.
 */
void
appeals_service_upload_async (AppealsApiClient     *client,
                              gpointer              source_object,
                              gpointer              source_tag,
                              const char           *path,
                              const char           *content_type,
                              GBytes               *content,
                              AppealsServiceReader  reader,
                              gpointer              reader_data,
                              GDestroyNotify        reader_data_free,
                              GDestroyNotify        value_free,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_autofree char *key = g_uuid_string_random ();
  GTask *task;

  g_return_if_fail (APPEALS_IS_API_CLIENT (client));

  task = new_call_task (source_object, source_tag, reader, reader_data, reader_data_free, value_free,
                        cancellable, callback, user_data);
  appeals_api_client_upload_async (client, path, content_type, content, key, cancellable,
                                   on_service_call_answered, task);
}

static void
on_download_answered (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source), result,
                                                                              &error);

  if (response == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!appeals_api_response_is_success (response))
    g_task_return_error (task, appeals_service_error_new_problem (response->status, response->problem_code,
                                                                  response->field_errors, response->current));
  else
    g_task_return_pointer (task,
                           response->content != NULL ? g_bytes_ref (response->content) : g_bytes_new (NULL, 0),
                           (GDestroyNotify) g_bytes_unref);
}

/**
 * appeals_service_download_async:
 *
 * GETs a file at @path; finish with appeals_service_call_finish(), which
 * gives the file's content as a #GBytes.
 */
void
appeals_service_download_async (AppealsApiClient    *client,
                                gpointer             source_object,
                                gpointer             source_tag,
                                const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (APPEALS_IS_API_CLIENT (client));

  task = new_call_task (source_object, source_tag, NULL, NULL, NULL, NULL, cancellable, callback, user_data);
  appeals_api_client_request_async (client, "GET", path, NULL, NULL, NULL, cancellable, on_download_answered, task);
}

static gpointer
read_items (JsonNode  *body,
            gpointer   reader_data,
            GError   **error)
{
  return appeals_items_read (body, (AppealsServiceItemReader) reader_data, error);
}

/**
 * appeals_service_list_async:
 * @read_item: reads one element of the answer's "items"
 *
 * GETs @path and reads `{"items": […]}` into a #GPtrArray; finish with
 * appeals_service_call_finish().
 */
void
appeals_service_list_async (AppealsApiClient         *client,
                            gpointer                  source_object,
                            gpointer                  source_tag,
                            const char               *path,
                            AppealsServiceItemReader  read_item,
                            GCancellable             *cancellable,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  appeals_service_call_async (client, source_object, source_tag, "GET", path, NULL, NULL, NULL,
                              read_items, read_item, NULL, (GDestroyNotify) g_ptr_array_unref,
                              cancellable, callback, user_data);
}

/**
 * appeals_service_call_finish:
 * @etag: (out) (optional): the answer's ETag, when there is a model
 *
 * Returns: (transfer full) (nullable): what the call's reader returned
 */
gpointer
appeals_service_call_finish (gpointer       source_object,
                             GAsyncResult  *result,
                             gpointer       source_tag,
                             char         **etag,
                             GError       **error)
{
  gpointer value;

  g_return_val_if_fail (g_task_is_valid (result, source_object), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  value = g_task_propagate_pointer (G_TASK (result), error);
  if (value != NULL && etag != NULL)
    *etag = g_strdup (((ServiceCall *) g_task_get_task_data (G_TASK (result)))->etag);
  return value;
}

/**
 * appeals_service_read_answer:
 * @read: reads the answer's body into a model
 *
 * For a service that sends a request of its own (an upload, a booking it
 * announces): finishes the request on @client and reads its answer.
 *
 * Returns: (transfer full): the model, or %NULL with @error set: the
 *   request's error, or %APPEALS_SERVICE_ERROR_MALFORMED when the body
 *   cannot be read
 */
gpointer
appeals_service_read_answer (AppealsApiClient          *client,
                             GAsyncResult              *result,
                             AppealsServiceItemReader   read,
                             GError                   **error)
{
  g_autoptr(JsonNode) body = appeals_api_client_call_finish (client, result, NULL, error);
  g_autoptr(GError) local_error = NULL;
  gpointer value;

  if (body == NULL)
    return NULL;
  value = read (body, &local_error);
  if (value == NULL)
    g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED,
                         local_error != NULL ? local_error->message : "empty answer");
  return value;
}

/* Finishes a call made without a reader. */
gboolean
appeals_service_call_finish_boolean (gpointer       source_object,
                                     GAsyncResult  *result,
                                     gpointer       source_tag,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
