/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-service-requests.c: the reception service's verbs on
 * requests for a reception: the list by state, and the actions that move
 * a request on — analyse, refuse with a reason, decide on a slot — and
 * registering one.
 *
 * A decision books a reception: the service then says
 * "reception-changed" for it, so the calendar shows the new visitor.
 */
#include "config.h"

#include "appeals-reception-service.h"
#include "appeals-reception-service-private.h"
#include "appeals-service-call.h"

/**
 * appeals_reception_service_list_requests_async:
 * @state: (nullable): "new", "in_analysis", "decided" or "refused"; %NULL
 *   for all
 *
 * The requests the caller may see, newest first. The list holds
 * #AppealsReceptionRequest.
 */
void
appeals_reception_service_list_requests_async (AppealsReceptionService *self,
                                               const char              *state,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("reception-requests", NULL);

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));

  if (state != NULL)
    appeals_api_path_add_query (path, "state", state);
  appeals_service_list_async (_appeals_reception_service_get_client (self), self,
                              appeals_reception_service_list_requests_async, path->str,
                              (AppealsServiceItemReader) appeals_reception_request_new_from_json,
                              cancellable, callback, user_data);
}

/**
 * appeals_reception_service_list_requests_finish:
 *
 * Returns: (transfer full): the #AppealsReceptionRequest items
 */
GPtrArray *
appeals_reception_service_list_requests_finish (AppealsReceptionService  *self,
                                                GAsyncResult             *result,
                                                GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_reception_service_list_requests_async, NULL, error);
}

static gpointer
read_request (JsonNode  *body,
              gpointer   data,
              GError   **error)
{
  return appeals_reception_request_new_from_json (body, error);
}

static void
set_text (JsonObject *object,
          const char *name,
          const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, name, value);
}

static void
on_request_answer (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsReceptionRequest) request = appeals_service_call_finish (
    source, result, appeals_reception_service_move_request_on_async, NULL, &error);

  if (request == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (request->reception_id > 0)
    g_signal_emit_by_name (source, "reception-changed", request->reception_id, NULL);
  g_task_return_pointer (task, g_steal_pointer (&request), g_object_unref);
}

/**
 * appeals_reception_service_move_request_on_async:
 * @action: "analyse", "refuse" or "decide"
 * @reason: (nullable): why it is refused
 * @slot: (nullable): for a decision: the official, date, start time, place
 *   or video link and priority of the reception to book
 * @override_reason: (nullable): the head's reason for a date before the
 *   earliest the steps allow
 *
 * Moves the request on. A state it cannot move from comes back as
 * %APPEALS_SERVICE_ERROR_CONFLICT, a taken slot too; a date too soon
 * (too_soon, with the earliest date as the detail), a day or time the
 * official does not receive and a missing reason with the field errors.
 */
void
appeals_reception_service_move_request_on_async (AppealsReceptionService *self,
                                                 gint64                   request_id,
                                                 const char              *action,
                                                 const char              *reason,
                                                 AppealsReception        *slot,
                                                 const char              *override_reason,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("reception-requests", NULL);
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));

  g_task_set_source_tag (task, appeals_reception_service_move_request_on_async);
  appeals_api_path_add_id (path, request_id);
  g_string_append_printf (path, "/actions/%s", action);
  if (g_str_equal (action, "refuse"))
    json_object_set_string_member (object, "reason", reason != NULL ? reason : "");
  if (slot != NULL)
    {
      g_autofree char *date = g_date_valid (&slot->date) ? appeals_date_format_iso (&slot->date) : g_strdup ("");

      json_object_set_int_member (object, "official_id", slot->official_id);
      json_object_set_string_member (object, "date", date);
      json_object_set_string_member (object, "start_time", slot->start_time != NULL ? slot->start_time : "");
      set_text (object, "place", slot->place);
      set_text (object, "video_link", slot->video_link);
      set_text (object, "priority", slot->priority);
    }
  set_text (object, "override_reason", override_reason);
  json_node_take_object (body, object);
  appeals_service_call_async (_appeals_reception_service_get_client (self), self,
                              appeals_reception_service_move_request_on_async, "POST", path->str, body, NULL, NULL,
                              read_request, NULL, NULL, g_object_unref, cancellable, on_request_answer, task);
}

/**
 * appeals_reception_service_move_request_on_finish:
 *
 * Returns: (transfer full) (nullable): the request as it now is
 */
AppealsReceptionRequest *
appeals_reception_service_move_request_on_finish (AppealsReceptionService  *self,
                                                  GAsyncResult             *result,
                                                  GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * appeals_reception_service_request_reception_async:
 * @appeal_id: the appeal the request is about, or 0
 * @question: the essence of the question; without it the server refuses
 *   the request (a field error on "question")
 * @channel: "by_hand", "kazpost" or "egov"
 * @idempotency_key: the same key for a retry of the same registration
 *
 * Registers a request for a reception, registered today.
 */
void
appeals_reception_service_request_reception_async (AppealsReceptionService *self,
                                                   gint64                   applicant_id,
                                                   gint64                   appeal_id,
                                                   const char              *question,
                                                   const char              *channel,
                                                   const char              *idempotency_key,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("reception-requests", NULL);
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));

  json_object_set_int_member (object, "applicant_id", applicant_id);
  if (appeal_id > 0)
    json_object_set_int_member (object, "appeal_id", appeal_id);
  json_object_set_string_member (object, "question", question != NULL ? question : "");
  json_object_set_string_member (object, "channel", channel);
  json_node_take_object (body, object);
  appeals_service_call_async (_appeals_reception_service_get_client (self), self,
                              appeals_reception_service_request_reception_async, "POST", path->str, body,
                              NULL, idempotency_key, read_request, NULL, NULL, g_object_unref, cancellable, callback,
                              user_data);
}

/**
 * appeals_reception_service_request_reception_finish:
 *
 * Returns: (transfer full) (nullable): the request as registered
 */
AppealsReceptionRequest *
appeals_reception_service_request_reception_finish (AppealsReceptionService  *self,
                                                    GAsyncResult             *result,
                                                    GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_reception_service_request_reception_async, NULL, error);
}
