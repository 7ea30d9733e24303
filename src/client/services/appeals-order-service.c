/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-order-service.c: the register of orders under control.
 *
 *   GET   orders?status=&overdue=&source=&appeal_id=&reception_id=&cursor=&limit=
 *   GET   orders/{id}
 *   POST  orders                  a new order
 *   PATCH orders/{id}             what changed, with If-Match
 *   POST  orders/{id}/reports     an interim report
 *
 * Signal "order-changed" (the order as the server now has it) after
 * every write, so that the register and any open order follow.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-order-service.h"
#include "appeals-service-call.h"

struct _AppealsOrderService
{
  GObject           parent_instance;

  AppealsApiClient *client;
};

G_DEFINE_FINAL_TYPE (AppealsOrderService, appeals_order_service, G_TYPE_OBJECT)

enum {
  ORDER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
appeals_order_page_free (AppealsOrderPage *page)
{
  g_clear_pointer (&page->orders, g_ptr_array_unref);
  g_clear_pointer (&page->next_cursor, g_free);
  g_free (page);
}

static void
appeals_order_service_finalize (GObject *object)
{
  AppealsOrderService *self = (AppealsOrderService *)object;

  g_clear_object (&self->client);

  G_OBJECT_CLASS (appeals_order_service_parent_class)->finalize (object);
}

static void
appeals_order_service_class_init (AppealsOrderServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_order_service_finalize;

  /**
   * AppealsOrderService::order-changed:
   * @order: the order as the server now has it
   *
   * An order was created, edited or reported on.
   */
  signals[ORDER_CHANGED] = g_signal_new ("order-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, APPEALS_TYPE_ORDER);
}

static void
appeals_order_service_init (AppealsOrderService *self)
{
}

AppealsOrderService *
appeals_order_service_new (AppealsApiClient *client)
{
  AppealsOrderService *self = g_object_new (APPEALS_TYPE_ORDER_SERVICE, NULL);

  self->client = g_object_ref (client);
  return self;
}

static GError *
malformed (GError *parse_error)
{
  return g_error_new_literal (APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED,
                              parse_error != NULL ? parse_error->message
                                                  : _("The server sent an answer that cannot be read."));
}

/* The register ------------------------------------------------------------ */

static gpointer
read_page (JsonNode  *node,
           gpointer   data,
           GError   **error)
{
  g_autoptr(AppealsOrderPage) page = g_new0 (AppealsOrderPage, 1);
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *items = object != NULL ? json_object_get_member (object, "items") : NULL;
  JsonArray *array;

  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_propagate_error (error, malformed (NULL));
      return NULL;
    }

  array = json_node_get_array (items);
  page->orders = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) parse_error = NULL;
      AppealsOrder *order = appeals_order_new_from_json (json_array_get_element (array, i), &parse_error);

      if (order == NULL)
        {
          g_propagate_error (error, malformed (parse_error));
          return NULL;
        }
      g_ptr_array_add (page->orders, order);
    }
  page->next_cursor = g_strdup (json_object_get_string_member_with_default (object, "next_cursor", NULL));
  page->total = json_object_get_int_member_with_default (object, "total", page->orders->len);
  return g_steal_pointer (&page);
}

/**
 * appeals_order_service_list_async:
 *
 * A page of the register in the caller's scope, the most urgent first.
 */
void
appeals_order_service_list_async (AppealsOrderService     *self,
                                  const AppealsOrderQuery *query,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("orders", NULL);

  if (query->status != APPEALS_ORDER_CONTROL_UNSET)
    appeals_api_path_add_query (path, "status", appeals_enum_to_wire (APPEALS_TYPE_ORDER_CONTROL, query->status));
  if (query->overdue_only)
    appeals_api_path_add_query (path, "overdue", "true");
  if (query->source != NULL)
    appeals_api_path_add_query (path, "source", query->source);
  if (query->appeal_id > 0)
    appeals_api_path_add_query_int (path, "appeal_id", query->appeal_id);
  if (query->reception_id > 0)
    appeals_api_path_add_query_int (path, "reception_id", query->reception_id);
  if (query->cursor != NULL)
    appeals_api_path_add_query (path, "cursor", query->cursor);
  if (query->limit > 0)
    appeals_api_path_add_query_int (path, "limit", query->limit);

  appeals_service_call_async (self->client, self, appeals_order_service_list_async, "GET", path->str,
                              NULL, NULL, NULL, read_page, NULL, NULL, (GDestroyNotify) appeals_order_page_free,
                              cancellable, callback, user_data);
}

/**
 * appeals_order_service_list_finish:
 *
 * Returns: (transfer full): the page
 */
AppealsOrderPage *
appeals_order_service_list_finish (AppealsOrderService  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  return appeals_service_call_finish (self, result, appeals_order_service_list_async, NULL, error);
}

/* One order ---------------------------------------------------------------- */

/* Reads the order in an answer; @data, when given, is the service, which
 * then says that the order changed. */
static gpointer
read_order (JsonNode  *node,
            gpointer   data,
            GError   **error)
{
  g_autoptr(GError) parse_error = NULL;
  AppealsOrder *order = appeals_order_new_from_json (node, &parse_error);

  if (order == NULL)
    {
      g_propagate_error (error, malformed (parse_error));
      return NULL;
    }
  if (data != NULL)
    g_signal_emit (APPEALS_ORDER_SERVICE (data), signals[ORDER_CHANGED], 0, order);
  return order;
}

static void
call_order_async (AppealsOrderService *self,
                  const char          *method,
                  GString             *path,
                  JsonNode            *body,
                  const char          *if_match,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autofree char *key = g_str_equal (method, "POST") ? g_uuid_string_random () : NULL;

  /* the one finish function is the tag of every call that answers an order */
  appeals_service_call_async (self->client, self, appeals_order_service_order_finish, method, path->str, body,
                              if_match, key, read_order, g_str_equal (method, "GET") ? NULL : self, NULL,
                              g_object_unref, cancellable, callback, user_data);
}

void
appeals_order_service_get_async (AppealsOrderService *self,
                                 gint64               id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("orders", NULL);

  appeals_api_path_add_id (path, id);
  call_order_async (self, "GET", path, NULL, NULL, cancellable, callback, user_data);
}

/* The members of a new order that the user gave. */
static JsonNode *
creation_body (AppealsOrder *order)
{
  const AppealsRecordType *type = appeals_order_get_record_type ();
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const AppealsFieldSpec *field = &type->fields[i];
      g_autoptr(JsonNode) value = NULL;

      if (field->flags & APPEALS_FIELD_FLAG_READ_ONLY)
        continue;
      value = appeals_record_field_to_json (field, order);
      /* unset, or an id of nothing */
      if (JSON_NODE_HOLDS_NULL (value) ||
          (field->kind == APPEALS_FIELD_KIND_INT && json_node_get_int (value) == 0))
        continue;
      json_object_set_member (object, field->name, g_steal_pointer (&value));
    }
  json_node_take_object (node, object);
  return node;
}

/**
 * appeals_order_service_create_async:
 *
 * Registers @order (sent once even when retried).
 */
void
appeals_order_service_create_async (AppealsOrderService *self,
                                    AppealsOrder        *order,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("orders", NULL);
  g_autoptr(JsonNode) body = creation_body (order);

  call_order_async (self, "POST", path, body, NULL, cancellable, callback, user_data);
}

/**
 * appeals_order_service_update_async:
 * @base: the order as read from the server
 * @edited: the same with the user's changes
 *
 * Sends what changed, on @base's version: someone's save in between
 * fails with %APPEALS_SERVICE_ERROR_PRECONDITION_FAILED.
 */
void
appeals_order_service_update_async (AppealsOrderService *self,
                                    AppealsOrder        *base,
                                    AppealsOrder        *edited,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("orders", NULL);
  g_autoptr(JsonNode) body = appeals_merge_build_patch (appeals_order_get_record_type (), base, edited);
  g_autofree char *etag = appeals_etag_format (base->id, base->version);

  appeals_api_path_add_id (path, base->id);
  call_order_async (self, "PATCH", path, body, etag, cancellable, callback, user_data);
}

/**
 * appeals_order_service_add_report_async:
 *
 * Adds an interim report of the executor body to order @order_id.
 */
void
appeals_order_service_add_report_async (AppealsOrderService *self,
                                        gint64               order_id,
                                        AppealsOrderReport  *report,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("orders", NULL);
  g_autofree char *date = appeals_date_format_iso (&report->reported_on);
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "reported_on", date);
  json_object_set_string_member (object, "text", report->text);
  json_node_take_object (body, object);
  appeals_api_path_add_id (path, order_id);
  g_string_append (path, "/reports");
  call_order_async (self, "POST", path, body, NULL, cancellable, callback, user_data);
}

/**
 * appeals_order_service_order_finish:
 *
 * Finishes a get, create, update or add_report.
 *
 * Returns: (transfer full): the order as the server has it
 */
AppealsOrder *
appeals_order_service_order_finish (AppealsOrderService  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  return appeals_service_call_finish (self, result, appeals_order_service_order_finish, NULL, error);
}
