/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-appeal-service.c: appeals and applicants: the journal's pages, the registration card, its history and files.
 *
 * Every verb is one request: the path is built with escaping here, the
 * answer is read into core models here, and a save sends a merge patch of
 * what changed since the version it was made on, with that version's
 * ETag — or, for a new object, the whole object with an idempotency key.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-appeal-service.h"
#include "appeals-appeal-service-private.h"
#include "appeals-service-call.h"

struct _AppealsAppealService
{
  GObject           parent_instance;

  AppealsApiClient *client;
};

G_DEFINE_FINAL_TYPE (AppealsAppealService, appeals_appeal_service, G_TYPE_OBJECT)

enum {
  APPEAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Calls ------------------------------------------------------------------- */

/* A core model that could not be read is the server's fault, not the
 * user's: it is reported as a malformed answer. */
static gboolean
malformed (GError **error,
           GError  *local_error)
{
  g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED,
                       local_error != NULL ? local_error->message
                                           : _("The server sent a malformed answer: an object was expected"));
  g_clear_error (&local_error);
  return FALSE;
}

static void
call_async (AppealsAppealService *self,
            const char           *method,
            GString              *path,
            JsonNode             *body,
            const char           *if_match,
            const char           *idempotency_key,
            AppealsServiceReader  read,
            GDestroyNotify        free_value,
            gpointer              source_tag,
            GCancellable         *cancellable,
            GAsyncReadyCallback   callback,
            gpointer              user_data)
{
  appeals_service_call_async (self->client, self, source_tag, method, path->str, body, if_match, idempotency_key,
                              read, self, NULL, free_value, cancellable, callback, user_data);
}

/* Readers ----------------------------------------------------------------- */

static gpointer
read_appeal (JsonNode  *body,
             gpointer   data,
             GError   **error)
{
  GError *local_error = NULL;
  AppealsAppeal *appeal = appeals_appeal_new_from_json (body, &local_error);

  if (appeal == NULL)
    malformed (error, local_error);
  return appeal;
}

/* A saved appeal, announced as "appeal-changed" before the save finishes. */
static gpointer
read_saved_appeal (JsonNode  *body,
                   gpointer   data,
                   GError   **error)
{
  AppealsAppeal *appeal = read_appeal (body, data, error);

  if (appeal != NULL)
    g_signal_emit (APPEALS_APPEAL_SERVICE (data), signals[APPEAL_CHANGED], 0, appeal);
  return appeal;
}

static gpointer
read_applicant (JsonNode  *body,
                gpointer   data,
                GError   **error)
{
  GError *local_error = NULL;
  AppealsApplicant *applicant = appeals_applicant_new_from_json (body, &local_error);

  if (applicant == NULL)
    malformed (error, local_error);
  return applicant;
}

static JsonArray *
get_items (JsonNode  *body,
           GError   **error)
{
  JsonNode *items;

  if (!JSON_NODE_HOLDS_OBJECT (body) ||
      (items = json_object_get_member (json_node_get_object (body), "items")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (items))
    {
      malformed (error, NULL);
      return NULL;
    }
  return json_node_get_array (items);
}

static gpointer
read_page (JsonNode  *body,
           gpointer   data,
           GError   **error)
{
  JsonArray *items = get_items (body, error);
  JsonObject *object;
  AppealsAppealPage *page;

  if (items == NULL)
    return NULL;

  object = json_node_get_object (body);
  page = g_new0 (AppealsAppealPage, 1);
  page->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      AppealsAppeal *appeal = appeals_appeal_new_from_json (json_array_get_element (items, i), NULL);

      /* one bad row does not hide the others */
      if (appeal != NULL)
        g_ptr_array_add (page->items, appeal);
    }
  page->next_cursor = g_strdup (json_object_get_string_member_with_default (object, "next_cursor", NULL));
  return page;
}

static guint
read_count_member (JsonObject *object,
                   const char *name)
{
  return CLAMP (json_object_get_int_member_with_default (object, name, 0), 0, G_MAXUINT);
}

static gpointer
read_count (JsonNode  *body,
            gpointer   data,
            GError   **error)
{
  AppealsAppealCount *count;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (body))
    {
      malformed (error, NULL);
      return NULL;
    }

  object = json_node_get_object (body);
  count = g_new0 (AppealsAppealCount, 1);
  count->total = read_count_member (object, "total");
  count->total_more = json_object_get_boolean_member_with_default (object, "total_more", FALSE);
  count->overdue = read_count_member (object, "overdue");
  count->overdue_more = json_object_get_boolean_member_with_default (object, "overdue_more", FALSE);
  return count;
}

static gpointer
read_history (JsonNode  *body,
              gpointer   data,
              GError   **error)
{
  JsonArray *items = get_items (body, error);
  GPtrArray *entries;

  if (items == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_history_entry_free);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      AppealsHistoryEntry *entry = appeals_history_entry_new_from_json (json_array_get_element (items, i), NULL);

      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }
  return entries;
}

/* The first applicant of a list, or none (NULL without an error). */
/* The first of a list's items, or NULL (without an error for an empty list). */
static JsonNode *
get_first_item (JsonNode  *body,
                GError   **error)
{
  JsonArray *items = get_items (body, error);

  return items != NULL && json_array_get_length (items) > 0 ? json_array_get_element (items, 0) : NULL;
}

static gpointer
read_first_applicant (JsonNode  *body,
                      gpointer   data,
                      GError   **error)
{
  JsonNode *first = get_first_item (body, error);

  return first != NULL ? read_applicant (first, data, error) : NULL;
}

static gpointer
read_first_appeal (JsonNode  *body,
                   gpointer   data,
                   GError   **error)
{
  JsonNode *first = get_first_item (body, error);

  return first != NULL ? read_appeal (first, data, error) : NULL;
}

/* Verbs ------------------------------------------------------------------- */

/**
 * appeals_appeal_service_list_page_async:
 * @cursor: (nullable): the previous page's next_cursor, or %NULL for the first
 *
 * One page of the journal, in the filter's order; its rows leave out each
 * appeal's text and answer unless the filter asks for them (with_texts).
 * The page is not counted: appeals_appeal_service_count_async() asks for
 * the totals.
 */
void
appeals_appeal_service_list_page_async (AppealsAppealService      *self,
                                        const AppealsAppealFilter *filter,
                                        guint                      limit,
                                        const char                *cursor,
                                        GCancellable              *cancellable,
                                        GAsyncReadyCallback        callback,
                                        gpointer                   user_data)
{
  appeals_appeal_service_list_page_at_async (self, filter, limit, cursor, 0, cancellable, callback, user_data);
}

/**
 * appeals_appeal_service_list_page_at_async:
 * @cursor: (nullable): the previous page's next_cursor
 * @offset: without a cursor, the position the page starts at (up to the
 *   server's count cap, APPEALS_APPEAL_COUNT_CAP)
 *
 * Like appeals_appeal_service_list_page_async(), for a list that jumps to
 * a position; finish with appeals_appeal_service_list_page_finish().
 */
void
appeals_appeal_service_list_page_at_async (AppealsAppealService      *self,
                                           const AppealsAppealFilter *filter,
                                           guint                      limit,
                                           const char                *cursor,
                                           guint                      offset,
                                           GCancellable              *cancellable,
                                           GAsyncReadyCallback        callback,
                                           gpointer                   user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("appeals", NULL);

  g_return_if_fail (APPEALS_IS_APPEAL_SERVICE (self));

  appeals_api_path_add_query_int (path, "limit", MAX (limit, 1));
  if (filter == NULL || !filter->with_texts)
    appeals_api_path_add_query (path, "texts", "false");
  _appeals_appeal_filter_add_to_path (path, filter, TRUE);
  appeals_api_path_add_query (path, "cursor", cursor);
  if (cursor == NULL && offset > 0)
    appeals_api_path_add_query_int (path, "offset", MIN (offset, APPEALS_APPEAL_COUNT_CAP));
  call_async (self, "GET", path, NULL, NULL, NULL, read_page, (GDestroyNotify) appeals_appeal_page_free,
              appeals_appeal_service_list_page_async, cancellable, callback, user_data);
}

/**
 * appeals_appeal_service_list_page_finish:
 *
 * Returns: (transfer full):
 */
AppealsAppealPage *
appeals_appeal_service_list_page_finish (AppealsAppealService  *self,
                                         GAsyncResult          *result,
                                         GError               **error)
{
  return appeals_service_call_finish (self, result, appeals_appeal_service_list_page_async, NULL, error);
}

/**
 * appeals_appeal_service_count_async:
 *
 * The journal's totals for @filter (GET /appeals/count): how many appeals
 * and how many overdue ones, each counted up to the server's cap.
 */
void
appeals_appeal_service_count_async (AppealsAppealService      *self,
                                    const AppealsAppealFilter *filter,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("appeals", "count", NULL);

  g_return_if_fail (APPEALS_IS_APPEAL_SERVICE (self));

  _appeals_appeal_filter_add_to_path (path, filter, FALSE);
  call_async (self, "GET", path, NULL, NULL, NULL, read_count, g_free,
              appeals_appeal_service_count_async, cancellable, callback, user_data);
}

/**
 * appeals_appeal_service_count_finish:
 *
 * Returns: (transfer full): free with g_free()
 */
AppealsAppealCount *
appeals_appeal_service_count_finish (AppealsAppealService  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  return appeals_service_call_finish (self, result, appeals_appeal_service_count_async, NULL, error);
}

void
appeals_appeal_service_get_appeal_async (AppealsAppealService *self,
                                         gint64                appeal_id,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("appeals", NULL);

  g_return_if_fail (APPEALS_IS_APPEAL_SERVICE (self));

  appeals_api_path_add_id (path, appeal_id);
  call_async (self, "GET", path, NULL, NULL, NULL, read_appeal, g_object_unref,
              appeals_appeal_service_get_appeal_async, cancellable, callback, user_data);
}

/**
 * appeals_appeal_service_get_appeal_finish:
 * @etag: (out) (optional): the version's ETag, for a later save
 *
 * Returns: (transfer full):
 */
AppealsAppeal *
appeals_appeal_service_get_appeal_finish (AppealsAppealService  *self,
                                          GAsyncResult          *result,
                                          char                 **etag,
                                          GError               **error)
{
  return appeals_service_call_finish (self, result, appeals_appeal_service_get_appeal_async, etag, error);
}

/**
 * _appeals_appeal_service_call_saving:
 *
 * A request whose answer is the appeal as it now is, announced as
 * "appeal-changed" (the lifecycle's actions and notices).
 */
void
_appeals_appeal_service_call_saving (AppealsAppealService *self,
                                     const char           *path,
                                     JsonNode             *body,
                                     const char           *if_match,
                                     gpointer              source_tag,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  appeals_service_call_async (self->client, self, source_tag, "POST", path, body, if_match, NULL,
                              read_saved_appeal, self, NULL, g_object_unref, cancellable, callback, user_data);
}

typedef JsonNode *(*ToJsonFunc) (gpointer object);

/* A save of either kind of record: a new one is POSTed whole with
 * @idempotency_key, an existing one PATCHed with what changed since
 * @base and If-Match @base_etag. */
static void
save_record_async (AppealsAppealService    *self,
                   const char              *collection,
                   const AppealsRecordType *type,
                   ToJsonFunc               to_json,
                   gint64                   id,
                   gpointer                 edited,
                   gpointer                 base,
                   const char              *base_etag,
                   const char              *idempotency_key,
                   AppealsServiceReader     read,
                   gpointer                 source_tag,
                   GCancellable            *cancellable,
                   GAsyncReadyCallback      callback,
                   gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new (collection, NULL);
  g_autoptr(JsonNode) body = NULL;

  if (base == NULL || id <= 0)
    {
      body = to_json (edited);
      call_async (self, "POST", path, body, NULL, idempotency_key, read, g_object_unref,
                  source_tag, cancellable, callback, user_data);
      return;
    }

  appeals_api_path_add_id (path, id);
  body = appeals_merge_build_patch (type, base, edited);
  call_async (self, "PATCH", path, body, base_etag, NULL, read, g_object_unref,
              source_tag, cancellable, callback, user_data);
}

/**
 * appeals_appeal_service_save_async:
 * @appeal: the card as edited
 * @base: (nullable): the version the edit was made on; %NULL for a new appeal
 * @base_etag: (nullable): @base's ETag
 * @idempotency_key: (nullable): for a new appeal, so a repeated save
 *   cannot register it twice
 *
 * Registers a new appeal (POST) or sends what changed since @base
 * (PATCH with If-Match). Someone else's save in between fails with
 * %APPEALS_SERVICE_ERROR_PRECONDITION_FAILED; see
 * appeals_appeal_service_dup_current().
 */
void
appeals_appeal_service_save_async (AppealsAppealService *self,
                                   AppealsAppeal        *appeal,
                                   AppealsAppeal        *base,
                                   const char           *base_etag,
                                   const char           *idempotency_key,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (APPEALS_IS_APPEAL_SERVICE (self));
  g_return_if_fail (APPEALS_IS_APPEAL (appeal));

  save_record_async (self, "appeals", appeals_appeal_get_record_type (), (ToJsonFunc) appeals_appeal_to_json,
                     appeal->id, appeal, base, base_etag, idempotency_key, read_saved_appeal,
                     appeals_appeal_service_save_async, cancellable, callback, user_data);
}

/**
 * appeals_appeal_service_register_receipt_async:
 * @receipt_id: the receipt of the intake journal that @appeal registers
 *
 * Registers the new @appeal and links the receipt to it on the server, in
 * one transaction; a receipt registered before fails with
 * %APPEALS_SERVICE_ERROR_CONFLICT. Finish with
 * appeals_appeal_service_save_finish().
 */
void
appeals_appeal_service_register_receipt_async (AppealsAppealService *self,
                                               AppealsAppeal        *appeal,
                                               gint64                receipt_id,
                                               const char           *idempotency_key,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("appeals", NULL);
  g_autoptr(JsonNode) body = appeals_appeal_to_json (appeal);

  json_object_set_int_member (json_node_get_object (body), "receipt_id", receipt_id);
  call_async (self, "POST", path, body, NULL, idempotency_key, read_saved_appeal, g_object_unref,
              appeals_appeal_service_save_async, cancellable, callback, user_data);
}

/**
 * appeals_appeal_service_save_finish:
 * @etag: (out) (optional): the saved version's ETag
 *
 * Returns: (transfer full): the appeal as the server now has it
 */
AppealsAppeal *
appeals_appeal_service_save_finish (AppealsAppealService  *self,
                                    GAsyncResult          *result,
                                    char                 **etag,
                                    GError               **error)
{
  return appeals_service_call_finish (self, result, appeals_appeal_service_save_async, etag, error);
}

/**
 * appeals_appeal_service_dup_current:
 * @error: a save's %APPEALS_SERVICE_ERROR_PRECONDITION_FAILED
 * @etag: (out) (optional): its ETag, to save the merge on
 *
 * Returns: (transfer full) (nullable): the version someone else saved
 *   first, as the 412 answer carried it
 */
AppealsAppeal *
appeals_appeal_service_dup_current (const GError  *error,
                                    char         **etag)
{
  JsonNode *current = appeals_service_error_get_current (error);
  AppealsAppeal *appeal;

  if (current == NULL || (appeal = appeals_appeal_new_from_json (current, NULL)) == NULL)
    return NULL;
  if (etag != NULL)
    *etag = appeals_etag_format (appeal->id, appeal->version);
  return appeal;
}

void
appeals_appeal_service_list_history_async (AppealsAppealService *self,
                                           gint64                appeal_id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("appeals", NULL);

  g_return_if_fail (APPEALS_IS_APPEAL_SERVICE (self));

  appeals_api_path_add_id (path, appeal_id);
  g_string_append (path, "/history");
  call_async (self, "GET", path, NULL, NULL, NULL, read_history, (GDestroyNotify) g_ptr_array_unref,
              appeals_appeal_service_list_history_async, cancellable, callback, user_data);
}

/**
 * appeals_appeal_service_list_history_finish:
 *
 * Returns: (transfer container) (element-type AppealsHistoryEntry): oldest first
 */
GPtrArray *
appeals_appeal_service_list_history_finish (AppealsAppealService  *self,
                                            GAsyncResult          *result,
                                            GError               **error)
{
  return appeals_service_call_finish (self, result, appeals_appeal_service_list_history_async, NULL, error);
}

void
appeals_appeal_service_find_applicant_async (AppealsAppealService *self,
                                             const char           *iin,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("applicants", NULL);

  g_return_if_fail (APPEALS_IS_APPEAL_SERVICE (self));

  appeals_api_path_add_query (path, "iin", iin);
  call_async (self, "GET", path, NULL, NULL, NULL, read_first_applicant, g_object_unref,
              appeals_appeal_service_find_applicant_async, cancellable, callback, user_data);
}

/**
 * appeals_appeal_service_find_applicant_finish:
 * @etag: (out) (optional): the applicant's ETag
 *
 * Returns: (transfer full) (nullable): the applicant with that IIN, or
 *   %NULL without an error when there is none yet
 */
AppealsApplicant *
appeals_appeal_service_find_applicant_finish (AppealsAppealService  *self,
                                              GAsyncResult          *result,
                                              char                 **etag,
                                              GError               **error)
{
  AppealsApplicant *applicant = appeals_service_call_finish (self, result, appeals_appeal_service_find_applicant_async, NULL, error);

  /* a list row comes without its own ETag header */
  if (applicant != NULL && etag != NULL)
    *etag = appeals_etag_format (applicant->id, applicant->version);
  return applicant;
}

/**
 * appeals_appeal_service_find_appeal_async:
 * @registration_number: as the register gives it, e.g. "2026-000123"
 *
 * The appeal with this registration number, within the user's scope, as
 * a journal row (without its text and answer).
 */
void
appeals_appeal_service_find_appeal_async (AppealsAppealService *self,
                                          const char           *registration_number,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("appeals", NULL);

  g_return_if_fail (APPEALS_IS_APPEAL_SERVICE (self));

  appeals_api_path_add_query (path, "registration_number", registration_number);
  appeals_api_path_add_query (path, "texts", "false");
  call_async (self, "GET", path, NULL, NULL, NULL, read_first_appeal, g_object_unref,
              appeals_appeal_service_find_appeal_async, cancellable, callback, user_data);
}

/**
 * appeals_appeal_service_find_appeal_finish:
 *
 * Returns: (transfer full) (nullable): the appeal, or %NULL without an
 *   error when the user has none with that number
 */
AppealsAppeal *
appeals_appeal_service_find_appeal_finish (AppealsAppealService  *self,
                                           GAsyncResult          *result,
                                           GError               **error)
{
  return appeals_service_call_finish (self, result, appeals_appeal_service_find_appeal_async, NULL, error);
}

void
appeals_appeal_service_get_applicant_async (AppealsAppealService *self,
                                            gint64                applicant_id,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("applicants", NULL);

  g_return_if_fail (APPEALS_IS_APPEAL_SERVICE (self));

  appeals_api_path_add_id (path, applicant_id);
  call_async (self, "GET", path, NULL, NULL, NULL, read_applicant, g_object_unref,
              appeals_appeal_service_get_applicant_async, cancellable, callback, user_data);
}

/**
 * appeals_appeal_service_get_applicant_finish:
 *
 * Returns: (transfer full):
 */
AppealsApplicant *
appeals_appeal_service_get_applicant_finish (AppealsAppealService  *self,
                                             GAsyncResult          *result,
                                             char                 **etag,
                                             GError               **error)
{
  return appeals_service_call_finish (self, result, appeals_appeal_service_get_applicant_async, etag, error);
}

/**
 * appeals_appeal_service_save_applicant_async:
 * @base: (nullable): the version the edit was made on; %NULL for a new applicant
 *
 * Creates the applicant (POST) or sends what changed since @base (PATCH
 * with If-Match).
 */
void
appeals_appeal_service_save_applicant_async (AppealsAppealService *self,
                                             AppealsApplicant     *applicant,
                                             AppealsApplicant     *base,
                                             const char           *base_etag,
                                             const char           *idempotency_key,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data)
{
  g_return_if_fail (APPEALS_IS_APPEAL_SERVICE (self));
  g_return_if_fail (APPEALS_IS_APPLICANT (applicant));

  save_record_async (self, "applicants", appeals_applicant_get_record_type (),
                     (ToJsonFunc) appeals_applicant_to_json, applicant->id, applicant, base, base_etag,
                     idempotency_key, read_applicant, appeals_appeal_service_save_applicant_async,
                     cancellable, callback, user_data);
}

/**
 * appeals_appeal_service_save_applicant_finish:
 *
 * Returns: (transfer full): the applicant as the server now has it
 */
AppealsApplicant *
appeals_appeal_service_save_applicant_finish (AppealsAppealService  *self,
                                              GAsyncResult          *result,
                                              char                 **etag,
                                              GError               **error)
{
  return appeals_service_call_finish (self, result, appeals_appeal_service_save_applicant_async, etag, error);
}

/* The object --------------------------------------------------------------- */

static void
appeals_appeal_service_finalize (GObject *object)
{
  AppealsAppealService *self = (AppealsAppealService *)object;

  g_clear_object (&self->client);

  G_OBJECT_CLASS (appeals_appeal_service_parent_class)->finalize (object);
}

static void
appeals_appeal_service_class_init (AppealsAppealServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_appeal_service_finalize;

  /**
   * AppealsAppealService::appeal-changed:
   * @appeal: the appeal as the server answered the save
   */
  signals[APPEAL_CHANGED] = g_signal_new ("appeal-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, APPEALS_TYPE_APPEAL);
}

static void
appeals_appeal_service_init (AppealsAppealService *self)
{
}

AppealsAppealService *
appeals_appeal_service_new (AppealsApiClient *client)
{
  AppealsAppealService *self = g_object_new (APPEALS_TYPE_APPEAL_SERVICE, NULL);

  self->client = g_object_ref (client);
  return self;
}
