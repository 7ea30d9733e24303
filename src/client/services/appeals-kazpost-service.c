/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-kazpost-service.c: the only code that knows the URLs and JSON
 * of Kazpost batches (/kazpost-batches). Every verb answers with the
 * batch; finding the open batch answers the newest open one, or %NULL
 * without an error when there is none.
 */
#include "config.h"

#include "appeals-kazpost-service.h"
#include "appeals-service-call.h"

struct _AppealsKazpostService
{
  GObject           parent_instance;

  AppealsApiClient *client;
};

G_DEFINE_FINAL_TYPE (AppealsKazpostService, appeals_kazpost_service, G_TYPE_OBJECT)

static void
appeals_kazpost_service_finalize (GObject *object)
{
  AppealsKazpostService *self = (AppealsKazpostService *) object;

  g_clear_object (&self->client);
  G_OBJECT_CLASS (appeals_kazpost_service_parent_class)->finalize (object);
}

static void
appeals_kazpost_service_class_init (AppealsKazpostServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_kazpost_service_finalize;
}

static void
appeals_kazpost_service_init (AppealsKazpostService *self)
{
}

AppealsKazpostService *
appeals_kazpost_service_new (AppealsApiClient *client)
{
  AppealsKazpostService *self = g_object_new (APPEALS_TYPE_KAZPOST_SERVICE, NULL);

  self->client = g_object_ref (client);
  return self;
}

static gpointer
read_batch (JsonNode  *node,
            gpointer   data,
            GError   **error)
{
  g_autoptr(GError) parse_error = NULL;
  AppealsKazpostBatch *batch = appeals_kazpost_batch_new_from_json (node, &parse_error);

  /* an answer that is not a batch is the server's fault, said as such */
  if (batch == NULL)
    g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED, parse_error->message);
  return batch;
}

/* {"items": [batch, …]}: the first one, the newest */
static gpointer
read_first_batch (JsonNode  *node,
                  gpointer   data,
                  GError   **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *items = object != NULL ? json_object_get_member (object, "items") : NULL;

  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED, "items");
      return NULL;
    }
  if (json_array_get_length (json_node_get_array (items)) == 0)
    return NULL;
  return read_batch (json_array_get_element (json_node_get_array (items), 0), data, error);
}

static void
call (AppealsKazpostService *self,
      const char            *method,
      const char            *path,
      JsonNode              *body,
      AppealsServiceReader   reader,
      GCancellable          *cancellable,
      GAsyncReadyCallback    callback,
      gpointer               user_data)
{
  appeals_service_call_async (self->client, self, appeals_kazpost_service_batch_finish, method, path, body, NULL,
                              NULL, reader, NULL, NULL, g_object_unref, cancellable, callback, user_data);
}

/**
 * appeals_kazpost_service_open_async:
 * @courier: (nullable): the courier's name
 */
void
appeals_kazpost_service_open_async (AppealsKazpostService *self,
                                    const char            *courier,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  if (courier != NULL && *courier != '\0')
    json_object_set_string_member (object, "courier", courier);
  json_node_take_object (body, object);
  call (self, "POST", "kazpost-batches", body, read_batch, cancellable, callback, user_data);
}

/* The newest open batch, to take it up again after a restart. */
void
appeals_kazpost_service_find_open_async (AppealsKazpostService *self,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("kazpost-batches", NULL);

  appeals_api_path_add_query (path, "state", "open");
  call (self, "GET", path->str, NULL, read_first_batch, cancellable, callback, user_data);
}

/**
 * appeals_kazpost_service_enter_async:
 * @code: an S10 identifier, normalized
 *
 * Enters @code into the open @batch as @entry says, stored at once.
 */
void
appeals_kazpost_service_enter_async (AppealsKazpostService *self,
                                     gint64                 batch,
                                     AppealsKazpostEntry    entry,
                                     const char            *code,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  static const char * const paths[] = { "list-codes", "scans", "returns" };
  g_autoptr(GString) path = appeals_api_path_new ("kazpost-batches", NULL);
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  appeals_api_path_add_id (path, batch);
  g_string_append_printf (path, "/%s", paths[entry]);
  if (entry == APPEALS_KAZPOST_ENTER_LIST_CODE)
    {
      JsonArray *codes = json_array_new ();

      json_array_add_string_element (codes, code);
      json_object_set_array_member (object, "codes", codes);
    }
  else
    json_object_set_string_member (object, "code", code);
  json_node_take_object (body, object);
  call (self, "POST", path->str, body, read_batch, cancellable, callback, user_data);
}

/* Closes @batch: its envelopes received go into the day's journal. */
void
appeals_kazpost_service_close_async (AppealsKazpostService *self,
                                     gint64                 batch,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("kazpost-batches", NULL);

  appeals_api_path_add_id (path, batch);
  g_string_append (path, "/actions/close");
  call (self, "POST", path->str, NULL, read_batch, cancellable, callback, user_data);
}

/**
 * appeals_kazpost_service_batch_finish:
 *
 * Returns: (transfer full) (nullable): the batch; %NULL with @error
 *   unset when no batch is open
 */
AppealsKazpostBatch *
appeals_kazpost_service_batch_finish (AppealsKazpostService  *self,
                                      GAsyncResult           *result,
                                      GError                **error)
{
  return appeals_service_call_finish (self, result, appeals_kazpost_service_batch_finish, NULL, error);
}
