/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-appeal-service-lifecycle.c: POST /appeals/{id}/actions/{action}
 * and POST /appeals/{id}/notices. Both answer the appeal as it now is,
 * announced as "appeal-changed" like a save; a refusal carries the
 * server's field errors for the dialog to place beside its fields.
 */
#include "config.h"

#include "appeals-appeal-service-lifecycle.h"
#include "appeals-appeal-service-private.h"
#include "appeals-service-call.h"

AppealsActionRequest *
appeals_action_request_new (void)
{
  AppealsActionRequest *request = g_new0 (AppealsActionRequest, 1);

  g_date_clear (&request->outgoing_date, 1);
  g_date_clear (&request->due_date, 1);
  g_date_clear (&request->received_on, 1);
  return request;
}

void
appeals_action_request_free (AppealsActionRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->body);
  g_free (request->scope);
  g_free (request->outgoing_number);
  g_free (request->reason);
  g_free (request->text);
  g_free (request->character);
  g_free (request->ground);
  g_free (request);
}

static void
add_string (JsonObject *object,
            const char *member,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
}

static void
add_date (JsonObject  *object,
          const char  *member,
          const GDate *date)
{
  if (g_date_valid (date))
    {
      g_autofree char *text = appeals_date_format_iso (date);

      json_object_set_string_member (object, member, text);
    }
}

static JsonNode *
build_body (const AppealsActionRequest *request)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  add_string (object, "body", request->body);
  add_string (object, "scope", request->scope);
  add_string (object, "outgoing_number", request->outgoing_number);
  add_date (object, "outgoing_date", &request->outgoing_date);
  add_date (object, "due_date", &request->due_date);
  add_string (object, "reason", request->reason);
  add_string (object, "text", request->text);
  add_date (object, "received_on", &request->received_on);
  add_string (object, "character", request->character);
  add_string (object, "ground", request->ground);
  if (request->attachment_id > 0)
    json_object_set_int_member (object, "attachment_id", request->attachment_id);
  json_node_take_object (node, object);
  return node;
}

/* appeals/{id}/@suffix */
static GString *
appeal_path (gint64      appeal_id,
             const char *suffix)
{
  GString *path = appeals_api_path_new ("appeals", NULL);

  appeals_api_path_add_id (path, appeal_id);
  g_string_append (path, suffix);
  return path;
}

/**
 * appeals_appeal_service_take_action_async:
 * @etag: the ETag of the version the action was decided on
 * @action: an action's name, one of the appeal's allowed_actions
 * @request: (nullable): its members
 *
 * Takes a lifecycle action. A stale @etag fails with
 * %APPEALS_SERVICE_ERROR_PRECONDITION_FAILED, an action no longer allowed
 * with %APPEALS_SERVICE_ERROR_CONFLICT, missing members with
 * %APPEALS_SERVICE_ERROR_INVALID and their field errors.
 */
void
appeals_appeal_service_take_action_async (AppealsAppealService       *self,
                                          gint64                      appeal_id,
                                          const char                 *etag,
                                          const char                 *action,
                                          const AppealsActionRequest *request,
                                          GCancellable               *cancellable,
                                          GAsyncReadyCallback         callback,
                                          gpointer                    user_data)
{
  g_autoptr(GString) path = appeal_path (appeal_id, "/actions/");
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (APPEALS_IS_APPEAL_SERVICE (self));
  g_return_if_fail (action != NULL);

  g_string_append_uri_escaped (path, action, NULL, FALSE);
  if (request != NULL)
    body = build_body (request);
  else
    body = json_node_init_object (json_node_alloc (), json_object_new ());

  _appeals_appeal_service_call_saving (self, path->str, body, etag, appeals_appeal_service_take_action_async,
                                       cancellable, callback, user_data);
}

/**
 * appeals_appeal_service_take_action_finish:
 * @etag: (out) (optional): the new version's ETag
 *
 * Returns: (transfer full): the appeal after the action
 */
AppealsAppeal *
appeals_appeal_service_take_action_finish (AppealsAppealService  *self,
                                           GAsyncResult          *result,
                                           char                 **etag,
                                           GError               **error)
{
  return appeals_service_call_finish (self, result, appeals_appeal_service_take_action_async, etag, error);
}

/**
 * appeals_appeal_service_record_notice_async:
 * @kind: the appeal's notice_kind
 * @language: "kk" or "ru"
 *
 * Records the notice about the last decision as sent, with its outgoing
 * number and date.
 */
void
appeals_appeal_service_record_notice_async (AppealsAppealService *self,
                                            gint64                appeal_id,
                                            const char           *kind,
                                            const char           *language,
                                            const char           *outgoing_number,
                                            const GDate          *outgoing_date,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data)
{
  g_autoptr(GString) path = appeal_path (appeal_id, "/notices");
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  g_return_if_fail (APPEALS_IS_APPEAL_SERVICE (self));

  add_string (object, "kind", kind);
  add_string (object, "language", language);
  add_string (object, "outgoing_number", outgoing_number);
  add_date (object, "outgoing_date", outgoing_date);
  json_node_take_object (body, object);

  _appeals_appeal_service_call_saving (self, path->str, body, NULL, appeals_appeal_service_record_notice_async,
                                       cancellable, callback, user_data);
}

AppealsAppeal *
appeals_appeal_service_record_notice_finish (AppealsAppealService  *self,
                                             GAsyncResult          *result,
                                             char                 **etag,
                                             GError               **error)
{
  return appeals_service_call_finish (self, result, appeals_appeal_service_record_notice_async, etag, error);
}
