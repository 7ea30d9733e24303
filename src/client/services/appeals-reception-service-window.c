/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-service-window.c: the reception service's verbs for
 * one reception's window and for the leadership's review — a reception
 * with its steps, protocol orders, attachments and review, the changes to
 * them, and the review list. Every accepted change is announced as
 * "reception-changed".
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-reception-service.h"
#include "appeals-reception-service-private.h"
#include "appeals-service-call.h"

enum {
  RECEPTION_CHANGED,
  N_WINDOW_SIGNALS
};

static guint window_signals[N_WINDOW_SIGNALS];

void
_appeals_reception_service_class_init_window (AppealsReceptionServiceClass *klass)
{
  /**
   * AppealsReceptionService::reception-changed:
   * @reception_id: the reception that changed
   * @reception: (nullable): the reception as the server now holds it, or
   *   %NULL when the answer was not the reception (a file attached or
   *   removed): then whoever shows it loads it again
   *
   * The server accepted a change to a reception: a step, an order, the
   * archive, the review or its materials.
   */
  window_signals[RECEPTION_CHANGED] = g_signal_new ("reception-changed", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                    G_TYPE_NONE, 2, G_TYPE_INT64, APPEALS_TYPE_RECEPTION);
}

static gboolean
name_official (AppealsReceptionService *self,
               AppealsReception        *reception)
{
  GPtrArray *officials = appeals_reference_service_get_officials (_appeals_reception_service_get_reference (self));
  AppealsOfficial *official = officials != NULL ? appeals_officials_find_by_id (officials, reception->official_id) : NULL;

  if (official == NULL)
    return FALSE;
  g_free (reception->official_name);
  reception->official_name = g_strdup (appeals_official_get_full_name (official, NULL));
  g_free (reception->official_position);
  reception->official_position = g_strdup (appeals_official_get_job_title (official, NULL));
  return TRUE;
}

/* What a request for receptions keeps until the officials' names are
 * there: the receptions (or review entries), and the list's end date. */
typedef struct
{
  GPtrArray *results;        /* AppealsReception or AppealsReviewEntry */
  GDate      until;
  gint64     changed_id;     /* emit "reception-changed" for it; 0: a read */
} ReceptionCall;

static void
reception_call_free (ReceptionCall *call)
{
  g_clear_pointer (&call->results, g_ptr_array_unref);
  g_free (call);
}

static AppealsReception *
result_reception (gpointer result)
{
  return APPEALS_IS_REVIEW_ENTRY (result) ? APPEALS_REVIEW_ENTRY (result)->reception : result;
}

static void
complete_reception_call (GTask *task)
{
  AppealsReceptionService *self = g_task_get_source_object (task);
  ReceptionCall *call = g_task_get_task_data (task);

  for (guint i = 0; i < call->results->len; i++)
    name_official (self, result_reception (g_ptr_array_index (call->results, i)));
  if (call->changed_id != 0)
    g_signal_emit (self, window_signals[RECEPTION_CHANGED], 0, call->changed_id,
                   call->results->len > 0 ? result_reception (g_ptr_array_index (call->results, 0)) : NULL);
  g_task_return_pointer (task, g_ptr_array_ref (call->results), (GDestroyNotify) g_ptr_array_unref);
}

static void
on_officials_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) officials = appeals_reference_service_list_officials_finish (APPEALS_REFERENCE_SERVICE (source),
                                                                                    result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* without the names a reception still shows, unnamed */
  complete_reception_call (task);
}

/* The officials come from the reference service, which keeps them; it is
 * asked again when one is missing (an official added since). */
static void
name_officials_then_complete (GTask *task)
{
  AppealsReceptionService *self = g_task_get_source_object (task);
  AppealsReferenceService *reference = _appeals_reception_service_get_reference (self);
  ReceptionCall *call = g_task_get_task_data (task);
  GPtrArray *officials = appeals_reference_service_get_officials (reference);

  for (guint i = 0; i < call->results->len; i++)
    {
      gint64 official_id = result_reception (g_ptr_array_index (call->results, i))->official_id;

      if (officials == NULL || appeals_officials_find_by_id (officials, official_id) == NULL)
        {
          appeals_reference_service_list_officials_async (reference, officials != NULL, g_task_get_cancellable (task),
                                                          on_officials_loaded, g_object_ref (task));
          return;
        }
    }
  complete_reception_call (task);
}

static void send_for_reception (AppealsReceptionService *self,
                                const char              *method,
                                const char              *path,
                                JsonNode                *body,
                                gint64                   changed_id,
                                gpointer                 source_tag,
                                GCancellable            *cancellable,
                                GAsyncReadyCallback      callback,
                                gpointer                 user_data);

static gpointer
read_reception (JsonNode  *body,
                gpointer   data,
                GError   **error)
{
  return appeals_reception_new_from_json (body, error);
}

static void
on_reception_answer (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReceptionCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  AppealsReception *reception = appeals_service_call_finish (source, result, send_for_reception, NULL, &error);

  if (reception == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_ptr_array_add (call->results, reception);
  name_officials_then_complete (task);
}

/* The reception is read by a call of its own; this task then names its
 * official before it returns. */
static void
send_for_reception (AppealsReceptionService *self,
                    const char              *method,
                    const char              *path,
                    JsonNode                *body,
                    gint64                   changed_id,
                    gpointer                 source_tag,
                    GCancellable            *cancellable,
                    GAsyncReadyCallback      callback,
                    gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  ReceptionCall *call = g_new0 (ReceptionCall, 1);
  g_autofree char *key = g_str_equal (method, "POST") ? g_uuid_string_random () : NULL;

  call->results = g_ptr_array_new_with_free_func (g_object_unref);
  call->changed_id = changed_id;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) reception_call_free);
  appeals_service_call_async (_appeals_reception_service_get_client (self), self, send_for_reception, method, path,
                              body, NULL, key, read_reception, NULL, NULL, g_object_unref, cancellable,
                              on_reception_answer, g_steal_pointer (&task));
}

static AppealsReception *
finish_reception (AppealsReceptionService  *self,
                  GAsyncResult             *result,
                  GError                  **error)
{
  g_autoptr(GPtrArray) results = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  results = g_task_propagate_pointer (G_TASK (result), error);
  if (results == NULL || results->len == 0)
    return NULL;
  return g_object_ref (result_reception (g_ptr_array_index (results, 0)));
}

/* A request body around @object (which the node takes). */
static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/* @value, or null when it is %NULL or empty. */
static void
set_text_or_null (JsonObject *object,
                  const char *name,
                  const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static GString *
reception_path (gint64      reception_id,
                const char *first_segment,
                ...)
{
  GString *path = appeals_api_path_new ("receptions", NULL);
  va_list args;

  appeals_api_path_add_id (path, reception_id);
  va_start (args, first_segment);
  for (const char *segment = first_segment; segment != NULL; segment = va_arg (args, const char *))
    {
      g_string_append_c (path, '/');
      g_string_append_uri_escaped (path, segment, NULL, TRUE);
    }
  va_end (args);
  return path;
}

/**
 * appeals_reception_service_get_reception_async:
 *
 * A reception with its steps, protocol, materials and review.
 */
void
appeals_reception_service_get_reception_async (AppealsReceptionService *self,
                                               gint64                   reception_id,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data)
{
  g_autoptr(GString) path = reception_path (reception_id, NULL);

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));

  send_for_reception (self, "GET", path->str, NULL, 0, appeals_reception_service_get_reception_async,
                      cancellable, callback, user_data);
}

/**
 * appeals_reception_service_get_reception_finish:
 *
 * Returns: (transfer full): the reception, or %NULL with @error set
 */
AppealsReception *
appeals_reception_service_get_reception_finish (AppealsReceptionService  *self,
                                                GAsyncResult             *result,
                                                GError                  **error)
{
  return finish_reception (self, result, error);
}

/**
 * appeals_reception_service_set_step_async:
 * @note: (nullable): the note that goes with the step; %NULL or empty: none
 *
 * Ticks a step as done (or takes the tick away), with its note, in one
 * request. Finish with appeals_reception_service_change_finish().
 */
void
appeals_reception_service_set_step_async (AppealsReceptionService *self,
                                          gint64                   reception_id,
                                          const char              *code,
                                          gboolean                 done,
                                          const char              *note,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data)
{
  g_autoptr(GString) path = reception_path (reception_id, "steps", code, NULL);
  JsonObject *object = json_object_new ();
  g_autoptr(JsonNode) body = object_node (object);

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));
  g_return_if_fail (code != NULL);

  json_object_set_boolean_member (object, "done", done);
  set_text_or_null (object, "note", note);
  send_for_reception (self, "PATCH", path->str, body, reception_id, appeals_reception_service_set_step_async,
                      cancellable, callback, user_data);
}

/**
 * appeals_reception_service_add_order_async:
 * @executor_body: (nullable): a code of the addressee-bodies classifier
 * @working_days: the term, counted from today in working days
 *
 * Adds an order to the protocol. A refusal carries field errors for
 * "text", "executor_body" and "working_days".
 */
void
appeals_reception_service_add_order_async (AppealsReceptionService *self,
                                           gint64                   reception_id,
                                           const char              *text,
                                           const char              *executor_body,
                                           int                      working_days,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data)
{
  g_autoptr(GString) path = reception_path (reception_id, "orders", NULL);
  JsonObject *object = json_object_new ();
  g_autoptr(JsonNode) body = object_node (object);

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));

  json_object_set_string_member (object, "text", text != NULL ? text : "");
  set_text_or_null (object, "executor_body", executor_body);
  json_object_set_int_member (object, "working_days", working_days);
  send_for_reception (self, "POST", path->str, body, reception_id, appeals_reception_service_add_order_async,
                      cancellable, callback, user_data);
}

/* An order of the protocol executed, or open again. */
void
appeals_reception_service_set_order_executed_async (AppealsReceptionService *self,
                                                    gint64                   reception_id,
                                                    gint64                   order_id,
                                                    gboolean                 executed,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data)
{
  g_autoptr(GString) path = reception_path (reception_id, "orders", NULL);
  JsonObject *object = json_object_new ();
  g_autoptr(JsonNode) body = object_node (object);

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));

  appeals_api_path_add_id (path, order_id);
  json_object_set_string_member (object, "status",
                                 appeals_enum_to_wire (APPEALS_TYPE_ORDER_STATUS,
                                                       executed ? APPEALS_ORDER_STATUS_EXECUTED
                                                                : APPEALS_ORDER_STATUS_OPEN));
  send_for_reception (self, "PATCH", path->str, body, reception_id,
                      appeals_reception_service_set_order_executed_async, cancellable, callback, user_data);
}

/**
 * appeals_reception_service_archive_async:
 *
 * Archives the reception. While an order of its protocol is not executed
 * the server refuses with %APPEALS_SERVICE_ERROR_CONFLICT.
 */
void
appeals_reception_service_archive_async (AppealsReceptionService *self,
                                         gint64                   reception_id,
                                         GCancellable            *cancellable,
                                         GAsyncReadyCallback      callback,
                                         gpointer                 user_data)
{
  g_autoptr(GString) path = reception_path (reception_id, "archive", NULL);

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));

  send_for_reception (self, "POST", path->str, NULL, reception_id, appeals_reception_service_archive_async,
                      cancellable, callback, user_data);
}

/**
 * appeals_reception_service_act_async:
 * @reason: (nullable): why, for %APPEALS_RECEPTION_ACTION_CANCEL
 * @date: (nullable): the new day, for %APPEALS_RECEPTION_ACTION_MOVE
 * @start_time: (nullable): the new time "HH:MM", for a move
 *
 * Confirms, marks held, cancels or moves the reception. A step out of
 * order is refused with %APPEALS_SERVICE_ERROR_CONFLICT, a taken slot
 * too; a missing reason or a day the official does not receive comes
 * back with the field errors.
 */
void
appeals_reception_service_act_async (AppealsReceptionService *self,
                                     gint64                   reception_id,
                                     AppealsReceptionAction   action,
                                     const char              *reason,
                                     const GDate             *date,
                                     const char              *start_time,
                                     GCancellable            *cancellable,
                                     GAsyncReadyCallback      callback,
                                     gpointer                 user_data)
{
  g_autoptr(GString) path = reception_path (reception_id, "actions", appeals_reception_action_to_string (action), NULL);
  JsonObject *object = json_object_new ();
  g_autoptr(JsonNode) body = object_node (object);

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));

  if (action == APPEALS_RECEPTION_ACTION_CANCEL)
    json_object_set_string_member (object, "reason", reason != NULL ? reason : "");
  if (action == APPEALS_RECEPTION_ACTION_MOVE)
    {
      g_autofree char *day = date != NULL && g_date_valid (date) ? appeals_date_format_iso (date) : g_strdup ("");

      json_object_set_string_member (object, "date", day);
      json_object_set_string_member (object, "start_time", start_time != NULL ? start_time : "");
    }
  send_for_reception (self, "POST", path->str, body, reception_id, appeals_reception_service_act_async,
                      cancellable, callback, user_data);
}

/**
 * appeals_reception_service_post_review_async:
 * @instructions: (nullable): the leadership's instructions
 *
 * Marks the reception reviewed by the signed-in leadership.
 */
void
appeals_reception_service_post_review_async (AppealsReceptionService *self,
                                             gint64                   reception_id,
                                             const char              *instructions,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data)
{
  g_autoptr(GString) path = reception_path (reception_id, "review", NULL);
  JsonObject *object = json_object_new ();
  g_autoptr(JsonNode) body = object_node (object);

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));

  json_object_set_string_member (object, "instructions", instructions != NULL ? instructions : "");
  send_for_reception (self, "POST", path->str, body, reception_id, appeals_reception_service_post_review_async,
                      cancellable, callback, user_data);
}

/**
 * appeals_reception_service_set_arrangements_async:
 * @place: (nullable): where it is held; a field reception needs one
 * @video_link: (nullable): an https:// link for those who join by video
 * @participants: (element-type AppealsReceptionParticipant): who takes
 *   part besides the official and the visitor, in order
 *
 * Replaces how the reception is held, all at once. A refusal carries
 * field errors for "place", "video_link" and "participants[i].name".
 */
void
appeals_reception_service_set_arrangements_async (AppealsReceptionService *self,
                                                  gint64                   reception_id,
                                                  gboolean                 field,
                                                  const char              *place,
                                                  const char              *video_link,
                                                  GPtrArray               *participants,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data)
{
  g_autoptr(GString) path = reception_path (reception_id, "arrangements", NULL);
  JsonObject *object = json_object_new ();
  g_autoptr(JsonNode) body = object_node (object);
  JsonArray *list = json_array_new ();

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));
  g_return_if_fail (participants != NULL);

  json_object_set_boolean_member (object, "field", field);
  set_text_or_null (object, "place", place);
  set_text_or_null (object, "video_link", video_link);
  for (guint i = 0; i < participants->len; i++)
    {
      AppealsReceptionParticipant *participant = g_ptr_array_index (participants, i);
      JsonObject *member = json_object_new ();

      json_object_set_string_member (member, "name", participant->name != NULL ? participant->name : "");
      set_text_or_null (member, "job_title", participant->job_title);
      json_object_set_boolean_member (member, "by_video", participant->by_video);
      json_array_add_object_element (list, member);
    }
  json_object_set_array_member (object, "participants", list);
  send_for_reception (self, "PUT", path->str, body, reception_id, appeals_reception_service_set_arrangements_async,
                      cancellable, callback, user_data);
}

/**
 * appeals_reception_service_change_finish:
 *
 * Finishes a step, an order, the archive, a review or the arrangements.
 *
 * Returns: (transfer full): the reception as the server now holds it
 */
AppealsReception *
appeals_reception_service_change_finish (AppealsReceptionService  *self,
                                         GAsyncResult             *result,
                                         GError                  **error)
{
  return finish_reception (self, result, error);
}

/* Attachments ------------------------------------------------------------- */

/* The attachment the server kept; @data is the service, which says the
 * reception changed. */
static gpointer
read_uploaded_attachment (JsonNode  *node,
                          gpointer   data,
                          GError   **error)
{
  AppealsAttachment *attachment = appeals_attachment_new_from_json (node, error);

  if (attachment != NULL)
    g_signal_emit (data, window_signals[RECEPTION_CHANGED], 0, attachment->reception_id, NULL);
  return attachment;
}

/**
 * appeals_reception_service_upload_attachment_async:
 * @kind: "reference_note", "applicant_document", "body_position" or "other"
 * @content_type: (nullable): the file's MIME type
 *
 * Adds a file to the reception's materials.
 */
void
appeals_reception_service_upload_attachment_async (AppealsReceptionService *self,
                                                   gint64                   reception_id,
                                                   const char              *kind,
                                                   const char              *file_name,
                                                   const char              *content_type,
                                                   GBytes                  *content,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data)
{
  g_autoptr(GString) path = reception_path (reception_id, "attachments", NULL);

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));

  appeals_api_path_add_query (path, "kind", kind);
  appeals_api_path_add_query (path, "file_name", file_name);
  appeals_service_upload_async (_appeals_reception_service_get_client (self), self,
                                appeals_reception_service_upload_attachment_async, path->str,
                                content_type != NULL ? content_type : "application/octet-stream", content,
                                read_uploaded_attachment, self, NULL, g_object_unref, cancellable, callback,
                                user_data);
}

/**
 * appeals_reception_service_upload_attachment_finish:
 *
 * Returns: (transfer full): the attachment as the server keeps it
 */
AppealsAttachment *
appeals_reception_service_upload_attachment_finish (AppealsReceptionService  *self,
                                                    GAsyncResult             *result,
                                                    GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_reception_service_upload_attachment_async, NULL, error);
}

void
appeals_reception_service_download_attachment_async (AppealsReceptionService *self,
                                                     gint64                   attachment_id,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("attachments", NULL);

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));

  appeals_api_path_add_id (path, attachment_id);
  appeals_service_download_async (_appeals_reception_service_get_client (self), self,
                                  appeals_reception_service_download_attachment_async, path->str, cancellable,
                                  callback, user_data);
}

/**
 * appeals_reception_service_download_attachment_finish:
 *
 * Returns: (transfer full): the file's content as it was attached
 */
GBytes *
appeals_reception_service_download_attachment_finish (AppealsReceptionService  *self,
                                                      GAsyncResult             *result,
                                                      GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_reception_service_download_attachment_async, NULL,
                                      error);
}

static void
on_attachment_removed (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AppealsReceptionService *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = appeals_api_client_call_finish (APPEALS_API_CLIENT (source), result, NULL, &error);

  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_signal_emit (self, window_signals[RECEPTION_CHANGED], 0, *(gint64 *) g_task_get_task_data (task), NULL);
  g_task_return_boolean (task, TRUE);
}

/* Withdraws a file from the materials of reception @reception_id. */
void
appeals_reception_service_remove_attachment_async (AppealsReceptionService *self,
                                                   gint64                   reception_id,
                                                   gint64                   attachment_id,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GString) path = appeals_api_path_new ("attachments", NULL);

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));

  g_task_set_source_tag (task, appeals_reception_service_remove_attachment_async);
  g_task_set_task_data (task, g_memdup2 (&reception_id, sizeof reception_id), g_free);
  appeals_api_path_add_id (path, attachment_id);
  appeals_api_client_request_async (_appeals_reception_service_get_client (self),
                                    "DELETE", path->str, NULL, NULL, NULL, cancellable,
                                    on_attachment_removed, g_steal_pointer (&task));
}

gboolean
appeals_reception_service_remove_attachment_finish (AppealsReceptionService  *self,
                                                    GAsyncResult             *result,
                                                    GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The leadership's review list ---------------------------------------------- */

/* Reads the entries; the last day the list covers goes to @data, the
 * ReceptionCall. */
static gpointer
read_review (JsonNode  *body,
             gpointer   data,
             GError   **error)
{
  ReceptionCall *call = data;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *object;
  JsonNode *items;
  const char *until;

  if (!JSON_NODE_HOLDS_OBJECT (body) || (items = json_object_get_member (json_node_get_object (body), "items")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED,
                           _("The server sent a malformed answer: an object was expected"));
      return NULL;
    }

  object = json_node_get_object (body);
  until = json_object_get_string_member_with_default (object, "until", NULL);
  if (until != NULL)
    appeals_date_parse_iso (until, &call->until);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
    {
      AppealsReviewEntry *entry = appeals_review_entry_new_from_json (json_array_get_element (json_node_get_array (items), i),
                                                                     error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

static void
on_review_listed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReceptionCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = appeals_service_call_finish (source, result, appeals_reception_service_list_review_async,
                                                    NULL, &error);

  if (entries == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_ptr_array_unref (call->results);
  call->results = entries;
  name_officials_then_complete (task);
}

/**
 * appeals_reception_service_list_review_async:
 *
 * The receptions of the next three working days that the leadership
 * reviews, with how complete their materials are.
 */
void
appeals_reception_service_list_review_async (AppealsReceptionService *self,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  ReceptionCall *call = g_new0 (ReceptionCall, 1);

  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));

  call->results = g_ptr_array_new_with_free_func (g_object_unref);
  g_date_clear (&call->until, 1);
  g_task_set_source_tag (task, appeals_reception_service_list_review_async);
  g_task_set_task_data (task, call, (GDestroyNotify) reception_call_free);
  appeals_service_call_async (_appeals_reception_service_get_client (self), self,
                              appeals_reception_service_list_review_async, "GET", "review", NULL, NULL, NULL,
                              read_review, call, NULL, (GDestroyNotify) g_ptr_array_unref, cancellable,
                              on_review_listed, g_steal_pointer (&task));
}

/**
 * appeals_reception_service_list_review_finish:
 * @until: (out) (optional): the last day the list covers (invalid if the
 *   server did not say)
 *
 * Returns: (transfer container) (element-type AppealsReviewEntry):
 */
GPtrArray *
appeals_reception_service_list_review_finish (AppealsReceptionService  *self,
                                              GAsyncResult             *result,
                                              GDate                    *until,
                                              GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (until != NULL)
    *until = ((ReceptionCall *) g_task_get_task_data (G_TASK (result)))->until;
  return g_task_propagate_pointer (G_TASK (result), error);
}
