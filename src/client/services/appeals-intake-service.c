/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-intake-service.c: the intake desk's daily receipt journal.
 *
 *   POST receipts           a paper appeal taken at the front desk
 *   GET  receipts?date=     a day's journal (today's working day without it)
 *   GET  receipts/{id}      one receipt, for a duplicate talon
 *   GET  receipts?assigned_to=me    a registrar's receipts to register
 *   GET  receipts?unregistered=true the receipts still to be registered
 *   GET  receipts?number=   the receipt a talon's barcode names
 *   POST receipts/distribute        the head of intake's split
 *   POST receipts/import    a file from an electronic channel, previewed
 *                           or imported
 *
 * Signal "receipt-added" after a receipt entered the journal, so that the
 * journal shown follows without reloading.
 */
#include "config.h"

#include "appeals-intake-service.h"
#include "appeals-service-call.h"

struct _AppealsIntakeService
{
  GObject           parent_instance;

  AppealsApiClient *client;
};

G_DEFINE_FINAL_TYPE (AppealsIntakeService, appeals_intake_service, G_TYPE_OBJECT)

enum {
  RECEIPT_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
appeals_intake_service_finalize (GObject *object)
{
  AppealsIntakeService *self = (AppealsIntakeService *) object;

  g_clear_object (&self->client);
  G_OBJECT_CLASS (appeals_intake_service_parent_class)->finalize (object);
}

static void
appeals_intake_service_class_init (AppealsIntakeServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_intake_service_finalize;

  /**
   * AppealsIntakeService::receipt-added:
   * @receipt: the receipt as the journal now has it
   */
  signals[RECEIPT_ADDED] = g_signal_new ("receipt-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, APPEALS_TYPE_RECEIPT);
}

static void
appeals_intake_service_init (AppealsIntakeService *self)
{
}

AppealsIntakeService *
appeals_intake_service_new (AppealsApiClient *client)
{
  AppealsIntakeService *self = g_object_new (APPEALS_TYPE_INTAKE_SERVICE, NULL);

  self->client = g_object_ref (client);
  return self;
}

/* Reads a receipt; @data, when given, is the service that announces it. */
static gpointer
read_receipt (JsonNode  *node,
              gpointer   data,
              GError   **error)
{
  g_autoptr(GError) parse_error = NULL;
  AppealsReceipt *receipt = appeals_receipt_new_from_json (node, &parse_error);

  /* an answer that is not a receipt is the server's fault, said as such */
  if (receipt == NULL)
    {
      g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED, parse_error->message);
      return NULL;
    }
  if (data != NULL)
    g_signal_emit (APPEALS_INTAKE_SERVICE (data), signals[RECEIPT_ADDED], 0, receipt);
  return receipt;
}

static gpointer
read_receipt_item (JsonNode  *node,
                   GError   **error)
{
  return read_receipt (node, NULL, error);
}

/* The members of the quick form that the receiver filled in. */
static JsonNode *
receipt_body (AppealsReceipt *receipt)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "applicant_name", receipt->applicant_name);
  if (receipt->iin != NULL && *receipt->iin != '\0')
    json_object_set_string_member (object, "iin", receipt->iin);
  json_object_set_int_member (object, "pages", receipt->pages);
  json_object_set_int_member (object, "attachments", receipt->attachments);
  json_object_set_string_member (object, "language", appeals_enum_to_wire (APPEALS_TYPE_LANGUAGE, receipt->language));
  if (receipt->note != NULL && *receipt->note != '\0')
    json_object_set_string_member (object, "note", receipt->note);
  json_node_take_object (node, object);
  return node;
}

/**
 * appeals_intake_service_receive_async:
 * @idempotency_key: the form's key, kept until the receipt is entered,
 *   so that a retried send never takes a second number
 *
 * Enters a hand-delivered appeal into today's journal.
 */
void
appeals_intake_service_receive_async (AppealsIntakeService *self,
                                      AppealsReceipt       *receipt,
                                      const char           *idempotency_key,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr(JsonNode) body = receipt_body (receipt);

  appeals_service_call_async (self->client, self, appeals_intake_service_receipt_finish, "POST", "receipts", body,
                              NULL, idempotency_key, read_receipt, self, NULL, g_object_unref, cancellable,
                              callback, user_data);
}

void
appeals_intake_service_get_async (AppealsIntakeService *self,
                                  gint64                id,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("receipts", NULL);

  appeals_api_path_add_id (path, id);
  appeals_service_call_async (self->client, self, appeals_intake_service_receipt_finish, "GET", path->str, NULL,
                              NULL, NULL, read_receipt, NULL, NULL, g_object_unref, cancellable, callback,
                              user_data);
}

/**
 * appeals_intake_service_receipt_finish:
 *
 * Finishes a receive or a get.
 *
 * Returns: (transfer full): the receipt as the journal has it
 */
AppealsReceipt *
appeals_intake_service_receipt_finish (AppealsIntakeService  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  return appeals_service_call_finish (self, result, appeals_intake_service_receipt_finish, NULL, error);
}

/* A journal's answer: its receipts and how many are still unregistered. */
typedef struct
{
  GPtrArray *receipts;
  guint      n_unregistered;
} Journal;

static void
journal_free (Journal *journal)
{
  g_clear_pointer (&journal->receipts, g_ptr_array_unref);
  g_free (journal);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Journal, journal_free)

/* {"items": […], "unregistered": n} */
static gpointer
read_journal (JsonNode  *body,
              gpointer   data,
              GError   **error)
{
  g_autoptr(Journal) journal = g_new0 (Journal, 1);
  g_autoptr(GError) parse_error = NULL;
  JsonNode *count = JSON_NODE_HOLDS_OBJECT (body) ? json_object_get_member (json_node_get_object (body),
                                                                            "unregistered") : NULL;

  journal->receipts = appeals_items_read (body, read_receipt_item, &parse_error);
  if (journal->receipts == NULL || count == NULL || json_node_get_value_type (count) != G_TYPE_INT64 ||
      json_node_get_int (count) < 0)
    {
      g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED,
                           parse_error != NULL ? parse_error->message : "unregistered");
      return NULL;
    }
  journal->n_unregistered = (guint) json_node_get_int (count);
  return g_steal_pointer (&journal);
}

/**
 * appeals_intake_service_list_day_async:
 * @journal_date: (nullable): the journal's day; %NULL for today's
 * @mine_only: only the receipts handed to the signed-in registrar
 * @unregistered_only: only the receipts no appeal was registered from
 */
void
appeals_intake_service_list_day_async (AppealsIntakeService *self,
                                       const GDate          *journal_date,
                                       gboolean              mine_only,
                                       gboolean              unregistered_only,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("receipts", NULL);

  if (journal_date != NULL)
    appeals_api_path_add_query_date (path, "date", journal_date);
  if (mine_only)
    appeals_api_path_add_query (path, "assigned_to", "me");
  if (unregistered_only)
    appeals_api_path_add_query (path, "unregistered", "true");
  appeals_service_call_async (self->client, self, appeals_intake_service_list_day_async, "GET", path->str, NULL,
                              NULL, NULL, read_journal, NULL, NULL, (GDestroyNotify) journal_free, cancellable,
                              callback, user_data);
}

/**
 * appeals_intake_service_list_day_finish:
 * @n_unregistered: (out) (optional): how many of the receipts that the
 *   day (and mine_only) selects are still unregistered, listed or not
 *
 * Returns: (transfer full) (element-type AppealsReceipt): the day's
 *   receipts in the order of their numbers
 */
GPtrArray *
appeals_intake_service_list_day_finish (AppealsIntakeService  *self,
                                        GAsyncResult          *result,
                                        guint                 *n_unregistered,
                                        GError               **error)
{
  g_autoptr(Journal) journal = appeals_service_call_finish (self, result, appeals_intake_service_list_day_async,
                                                            NULL, error);

  if (journal == NULL)
    return NULL;
  if (n_unregistered != NULL)
    *n_unregistered = journal->n_unregistered;
  return g_steal_pointer (&journal->receipts);
}

/* The one receipt of a talon's answer, or %NULL (no error) for none. */
static gpointer
read_talon_receipt (JsonNode  *body,
                    gpointer   data,
                    GError   **error)
{
  g_autoptr(Journal) journal = read_journal (body, data, error);

  if (journal == NULL || journal->receipts->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (journal->receipts, 0));
}

/**
 * appeals_intake_service_find_talon_async:
 * @talon: a talon number, "YYYYMMDD-NNNN", as its barcode gives it
 *
 * Looks up the receipt a talon names, whatever its journal day.
 */
void
appeals_intake_service_find_talon_async (AppealsIntakeService *self,
                                         const char           *talon,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("receipts", NULL);

  appeals_api_path_add_query (path, "number", talon);
  appeals_service_call_async (self->client, self, appeals_intake_service_find_talon_async, "GET", path->str, NULL,
                              NULL, NULL, read_talon_receipt, NULL, NULL, g_object_unref, cancellable, callback,
                              user_data);
}

/**
 * appeals_intake_service_find_talon_finish:
 *
 * Returns: (transfer full) (nullable): the receipt, or %NULL without
 *   @error set when the journal has no receipt with that number
 */
AppealsReceipt *
appeals_intake_service_find_talon_finish (AppealsIntakeService  *self,
                                          GAsyncResult          *result,
                                          GError               **error)
{
  return appeals_service_call_finish (self, result, appeals_intake_service_find_talon_async, NULL, error);
}

void
appeals_handover_free (AppealsHandover *handover)
{
  g_free (handover->registrar);
  g_free (handover->full_name);
  g_clear_pointer (&handover->receipts, g_ptr_array_unref);
  g_free (handover);
}

/* {"journal_date", "shares": [{"registrar", "full_name", "receipts": […]}]} */
static gpointer
read_shares (JsonNode  *node,
             gpointer   data,
             GError   **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *member = object != NULL ? json_object_get_member (object, "shares") : NULL;
  g_autoptr(GPtrArray) handovers = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_handover_free);
  JsonArray *shares;

  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED, "shares");
      return NULL;
    }
  shares = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (shares); i++)
    {
      JsonObject *share = json_array_get_object_element (shares, i);
      JsonArray *receipts = share != NULL ? json_object_get_array_member (share, "receipts") : NULL;
      g_autoptr(AppealsHandover) handover = g_new0 (AppealsHandover, 1);

      if (receipts == NULL)
        {
          g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED, "receipts");
          return NULL;
        }
      handover->registrar = g_strdup (json_object_get_string_member_with_default (share, "registrar", ""));
      handover->full_name = g_strdup (json_object_get_string_member_with_default (share, "full_name", ""));
      handover->receipts = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint r = 0; r < json_array_get_length (receipts); r++)
        {
          AppealsReceipt *receipt = read_receipt (json_array_get_element (receipts, r), NULL, error);

          if (receipt == NULL)
            return NULL;
          g_ptr_array_add (handover->receipts, receipt);
        }
      g_ptr_array_add (handovers, g_steal_pointer (&handover));
    }
  return g_steal_pointer (&handovers);
}

/**
 * appeals_intake_service_distribute_async:
 * @absent: (nullable) (array zero-terminated=1): logins of registrars not on duty
 *
 * Hands today's unassigned receipts to the registrars on duty, evenly.
 */
void
appeals_intake_service_distribute_async (AppealsIntakeService *self,
                                         const char * const   *absent,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *logins = json_array_new ();

  for (guint i = 0; absent != NULL && absent[i] != NULL; i++)
    json_array_add_string_element (logins, absent[i]);
  json_object_set_array_member (object, "absent", logins);
  json_node_take_object (body, object);
  appeals_service_call_async (self->client, self, appeals_intake_service_distribute_async, "POST",
                              "receipts/distribute", body, NULL, NULL, read_shares, NULL, NULL,
                              (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

/**
 * appeals_intake_service_distribute_finish:
 *
 * Returns: (transfer full) (element-type AppealsHandover): one per
 *   registrar on duty
 */
GPtrArray *
appeals_intake_service_distribute_finish (AppealsIntakeService  *self,
                                          GAsyncResult          *result,
                                          GError               **error)
{
  return appeals_service_call_finish (self, result, appeals_intake_service_distribute_async, NULL, error);
}

/* {"mode", "rows": [ReceiptImportRow…], counts} */
static gpointer
read_import_rows (JsonNode  *node,
                  gpointer   data,
                  GError   **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonArray *rows = object != NULL ? json_object_get_array_member (object, "rows") : NULL;
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_import_row_free);

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      g_autoptr(GError) parse_error = NULL;
      AppealsImportRow *row = appeals_import_row_new_from_json (json_array_get_element (rows, i), &parse_error);

      if (row == NULL)
        {
          g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED, parse_error->message);
          return NULL;
        }
      g_ptr_array_add (read, row);
    }
  if (rows == NULL)
    {
      g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED, "rows");
      return NULL;
    }
  return g_steal_pointer (&read);
}

/**
 * appeals_intake_service_import_async:
 * @format: "json" or "csv"
 * @content: the file's text
 * @import: %FALSE to preview (nothing written), %TRUE to enter the new
 *   rows into today's journal, all or none
 *
 * Reads a file exported from an electronic channel (POST receipts/import).
 */
void
appeals_intake_service_import_async (AppealsIntakeService *self,
                                     const char           *format,
                                     const char           *content,
                                     const char           *file_name,
                                     gboolean              import,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "format", format);
  json_object_set_string_member (object, "content", content);
  json_object_set_string_member (object, "mode", import ? "import" : "preview");
  if (file_name != NULL)
    json_object_set_string_member (object, "file_name", file_name);
  json_node_take_object (body, object);
  appeals_service_call_async (self->client, self, appeals_intake_service_import_async, "POST", "receipts/import",
                              body, NULL, NULL, read_import_rows, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                              cancellable, callback, user_data);
}

/**
 * appeals_intake_service_import_finish:
 *
 * Returns: (transfer full) (element-type AppealsImportRow): every row of
 *   the file with its status and errors
 */
GPtrArray *
appeals_intake_service_import_finish (AppealsIntakeService  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  return appeals_service_call_finish (self, result, appeals_intake_service_import_async, NULL, error);
}
