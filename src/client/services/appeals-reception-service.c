/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-service.c: personal receptions: days, queues, bookings, the 13 steps, the protocol, materials and the leadership's review.
 *
 * Signal "reception-changed" (gint64 id): a reception was booked or
 * changed through this service; pages showing receptions refresh on it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-reception-service.h"
#include "appeals-reception-service-private.h"
#include "appeals-service-call.h"

struct _AppealsReceptionService
{
  GObject           parent_instance;

  AppealsApiClient *client;
  AppealsReferenceService *reference;   /* names the officials on a reception */
};

G_DEFINE_FINAL_TYPE (AppealsReceptionService, appeals_reception_service, G_TYPE_OBJECT)


static void
appeals_reception_service_finalize (GObject *object)
{
  AppealsReceptionService *self = (AppealsReceptionService *)object;

  g_clear_object (&self->client);
  g_clear_object (&self->reference);

  G_OBJECT_CLASS (appeals_reception_service_parent_class)->finalize (object);
}

static void
appeals_reception_service_class_init (AppealsReceptionServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_reception_service_finalize;

  _appeals_reception_service_class_init_window (klass);
}

static void
appeals_reception_service_init (AppealsReceptionService *self)
{
}

AppealsReceptionService *
appeals_reception_service_new (AppealsApiClient        *client,
                               AppealsReferenceService *reference)
{
  AppealsReceptionService *self = g_object_new (APPEALS_TYPE_RECEPTION_SERVICE, NULL);

  self->client = g_object_ref (client);
  self->reference = g_object_ref (reference);
  return self;
}

/* A booking was made: the reception is new, so the answer is not handed
 * on and whoever shows the day loads it. */
static void
notify_changed (AppealsReceptionService *self,
                gint64                   reception_id)
{
  g_signal_emit_by_name (self, "reception-changed", reception_id, NULL);
}

/* Lists ------------------------------------------------------------------- */

typedef AppealsServiceItemReader ReadItem;

/* Takes @path. */
static void
list_async (AppealsReceptionService *self,
            GString                 *path,
            ReadItem                 read,
            gpointer                 source_tag,
            GCancellable            *cancellable,
            GAsyncReadyCallback      callback,
            gpointer                 user_data)
{
  appeals_service_list_async (self->client, self, source_tag, path->str, read, cancellable, callback, user_data);
  g_string_free (path, TRUE);
}

/* @resource?from=…&to=…[&official_id=…] */
static GString *
range_path (const char  *resource,
            gint64       official_id,
            const GDate *from,
            const GDate *to)
{
  GString *path = appeals_api_path_new (resource, NULL);

  appeals_api_path_add_query_date (path, "from", from);
  if (to != NULL)
    appeals_api_path_add_query_date (path, "to", to);
  if (official_id != 0)
    appeals_api_path_add_query_int (path, "official_id", official_id);
  return path;
}

/**
 * appeals_reception_service_list_days_async:
 * @official_id: the official, or 0 for all
 *
 * How many visitors are booked on each day from @from to @to (at most 62
 * days), for the month view. Days without visitors are left out. The
 * list holds #AppealsReceptionDay.
 */
void
appeals_reception_service_list_days_async (AppealsReceptionService *self,
                                           gint64                   official_id,
                                           const GDate             *from,
                                           const GDate             *to,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data)
{
  list_async (self, range_path ("reception-days", official_id, from, to),
              (ReadItem) appeals_reception_day_new_from_json, appeals_reception_service_list_days_async,
              cancellable, callback, user_data);
}

/**
 * appeals_reception_service_list_queue_async:
 * @official_id: the official, or 0 for all
 *
 * The day's queue in the server's order: priority categories first, then
 * booking time. Another district's visitor comes restricted. The list
 * holds #AppealsReceptionVisit.
 */
void
appeals_reception_service_list_queue_async (AppealsReceptionService *self,
                                            gint64                   official_id,
                                            const GDate             *date,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data)
{
  GString *path = appeals_api_path_new ("receptions", NULL);

  appeals_api_path_add_query_date (path, "date", date);
  if (official_id != 0)
    appeals_api_path_add_query_int (path, "official_id", official_id);
  list_async (self, path, (ReadItem) appeals_reception_visit_new_from_json, appeals_reception_service_list_queue_async,
              cancellable, callback, user_data);
}

/**
 * appeals_reception_service_list_queues_async:
 * @official_id: the official, or 0 for all
 *
 * The queues of the days from @from to @to (at most 31) in one request:
 * by date, each day in the queue's order (#AppealsReceptionVisit).
 */
void
appeals_reception_service_list_queues_async (AppealsReceptionService *self,
                                             gint64                   official_id,
                                             const GDate             *from,
                                             const GDate             *to,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data)
{
  list_async (self, range_path ("reception-queues", official_id, from, to),
              (ReadItem) appeals_reception_visit_new_from_json, appeals_reception_service_list_queues_async,
              cancellable, callback, user_data);
}

/**
 * appeals_reception_service_list_finish:
 *
 * Finishes any of the list verbs above.
 *
 * Returns: (transfer full): the items, of the type the verb names
 */
GPtrArray *
appeals_reception_service_list_finish (AppealsReceptionService  *self,
                                       GAsyncResult             *result,
                                       GError                  **error)
{
  gpointer tag;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  tag = g_task_get_source_tag (G_TASK (result));
  g_return_val_if_fail (tag == appeals_reception_service_list_days_async ||
                        tag == appeals_reception_service_list_queue_async ||
                        tag == appeals_reception_service_list_queues_async, NULL);

  return appeals_service_call_finish (self, result, tag, NULL, error);
}

/* Booking ----------------------------------------------------------------- */

static void
on_booked (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  AppealsReception *reception = appeals_service_read_answer (APPEALS_API_CLIENT (source), result,
                                                             (ReadItem) appeals_reception_new_from_json, &error);

  if (reception == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  notify_changed (g_task_get_source_object (task), reception->id);
  g_task_return_pointer (task, reception, g_object_unref);
}

/**
 * appeals_reception_service_book_async:
 * @reception: the booking: official, date, time, applicant, question, …
 * @idempotency_key: the same key for a retry of the same booking
 *
 * Books a visitor. The server's refusals come as %APPEALS_SERVICE_ERROR
 * with field errors (a request without the essence of the question is
 * refused on "question"). Emits "reception-changed" once booked.
 */
void
appeals_reception_service_book_async (AppealsReceptionService *self,
                                      AppealsReception        *reception,
                                      const char              *idempotency_key,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonNode) body = appeals_reception_to_json (reception);
  JsonObject *object = json_node_get_object (body);
  const char *read_only[] = { "id", "version", "booked_at", "status" };

  g_task_set_source_tag (task, appeals_reception_service_book_async);
  /* a new booking: what the server sets is not sent, nor what is unset */
  for (guint i = 0; i < G_N_ELEMENTS (read_only); i++)
    json_object_remove_member (object, read_only[i]);
  if (reception->appeal_id == 0)
    json_object_remove_member (object, "appeal_id");
  appeals_api_client_request_async (self->client, "POST", "receptions", body, NULL, idempotency_key, cancellable,
                                    on_booked, task);
}

/* Returns: (transfer full): the reception as the server booked it */
AppealsReception *
appeals_reception_service_book_finish (AppealsReceptionService  *self,
                                       GAsyncResult             *result,
                                       GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The reception window's verbs: steps, protocol, materials, review ------- */


/* For the verbs of one reception's window (appeals-reception-service-window.c) */

typedef struct
{
  GDate from;
  guint n_days;
} FreeDays;

/* {"items": [{"date": "YYYY-MM-DD", "start_time": "HH:MM"}…]} as a
 * GPtrArray of GStrv, a day each from the first asked for */
static gpointer
read_free_slots (JsonNode  *body,
                 gpointer   reader_data,
                 GError   **error)
{
  const FreeDays *days = reader_data;
  JsonNode *items = JSON_NODE_HOLDS_OBJECT (body) ? json_object_get_member (json_node_get_object (body), "items") : NULL;
  g_autoptr(GPtrArray) builders = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strv_builder_unref);
  GPtrArray *times;

  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE, _("The server sent a malformed answer: field “%s”: %s"),
                   "items", appeals_field_error_code_describe (APPEALS_FIELD_WRONG_TYPE));
      return NULL;
    }
  for (guint d = 0; d < days->n_days; d++)
    g_ptr_array_add (builders, g_strv_builder_new ());
  for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (items), i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      const char *time = object != NULL ? json_object_get_string_member_with_default (object, "start_time", NULL) : NULL;
      const char *date_text = object != NULL ? json_object_get_string_member_with_default (object, "date", NULL) : NULL;
      GDate date;
      int day;

      if (!appeals_time_of_day_is_valid (time) || date_text == NULL || !appeals_date_parse_iso (date_text, &date))
        continue;
      day = g_date_days_between (&days->from, &date);
      if (day >= 0 && (guint) day < days->n_days)
        g_strv_builder_add (g_ptr_array_index (builders, day), time);
    }

  times = g_ptr_array_new_full (days->n_days, (GDestroyNotify) g_strfreev);
  for (guint d = 0; d < days->n_days; d++)
    g_ptr_array_add (times, g_strv_builder_end (g_ptr_array_index (builders, d)));
  return times;
}

static void
list_free_days_async (AppealsReceptionService *self,
                      gpointer                 source_tag,
                      gint64                   official_id,
                      const GDate             *from,
                      const GDate             *to,
                      GCancellable            *cancellable,
                      GAsyncReadyCallback      callback,
                      gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("officials", NULL);
  FreeDays *days = g_new0 (FreeDays, 1);

  days->from = *from;
  days->n_days = g_date_days_between (from, to) + 1;
  appeals_api_path_add_id (path, official_id);
  g_string_append (path, "/free-slots");
  appeals_api_path_add_query_date (path, "from", from);
  appeals_api_path_add_query_date (path, "to", to);
  appeals_service_call_async (self->client, self, source_tag, "GET", path->str, NULL, NULL, NULL, read_free_slots, days,
                              g_free, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

/**
 * appeals_reception_service_list_free_slots_async:
 *
 * The start times still free with the official on @date, in order; none
 * on a day they do not receive. Taken slots are never among them.
 */
void
appeals_reception_service_list_free_slots_async (AppealsReceptionService *self,
                                                 gint64                   official_id,
                                                 const GDate             *date,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data)
{
  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));

  list_free_days_async (self, appeals_reception_service_list_free_slots_async, official_id, date, date, cancellable,
                        callback, user_data);
}

/**
 * appeals_reception_service_list_free_slots_finish:
 *
 * Returns: (transfer full): the free start times, "HH:MM"
 */
GStrv
appeals_reception_service_list_free_slots_finish (AppealsReceptionService  *self,
                                                  GAsyncResult             *result,
                                                  GError                  **error)
{
  g_autoptr(GPtrArray) days = appeals_service_call_finish (self, result, appeals_reception_service_list_free_slots_async,
                                                           NULL, error);

  return days != NULL ? g_ptr_array_steal_index (days, 0) : NULL;
}

/**
 * appeals_reception_service_list_free_days_async:
 * @to: the last day, at most 41 days after @from
 *
 * The start times still free with the official on each day from @from to
 * @to, in one request (the week view): what list_free_slots gives for
 * each of those days.
 */
void
appeals_reception_service_list_free_days_async (AppealsReceptionService *self,
                                                gint64                   official_id,
                                                const GDate             *from,
                                                const GDate             *to,
                                                GCancellable            *cancellable,
                                                GAsyncReadyCallback      callback,
                                                gpointer                 user_data)
{
  g_return_if_fail (APPEALS_IS_RECEPTION_SERVICE (self));
  g_return_if_fail (g_date_compare (from, to) <= 0);

  list_free_days_async (self, appeals_reception_service_list_free_days_async, official_id, from, to, cancellable,
                        callback, user_data);
}

/**
 * appeals_reception_service_list_free_days_finish:
 *
 * Returns: (transfer full) (element-type GStrv): a day each from @from,
 *   its free start times, "HH:MM"
 */
GPtrArray *
appeals_reception_service_list_free_days_finish (AppealsReceptionService  *self,
                                                 GAsyncResult             *result,
                                                 GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_reception_service_list_free_days_async, NULL, error);
}

AppealsApiClient *
_appeals_reception_service_get_client (AppealsReceptionService *self)
{
  return self->client;
}

AppealsReferenceService *
_appeals_reception_service_get_reference (AppealsReceptionService *self)
{
  return self->reference;
}
