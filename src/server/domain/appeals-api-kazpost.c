/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-kazpost.c: Kazpost batches at the intake desk.
 *
 *   POST /kazpost-batches                      open a batch for a courier
 *   GET  /kazpost-batches?state=open|closed    the newest batches, e.g. the
 *                                              open one a client reopens
 *   GET  /kazpost-batches/{id}                 one batch with its items
 *   POST /kazpost-batches/{id}/list-codes      the courier's list's barcodes
 *   POST /kazpost-batches/{id}/scans           one envelope scanned
 *   POST /kazpost-batches/{id}/returns         a scanned envelope is for
 *                                              another addressee
 *   POST /kazpost-batches/{id}/actions/close   the envelopes received go
 *                                              into the day's journal
 *
 * Every barcode is checked as a UPU S10 identifier before anything is
 * stored (422 invalid_barcode); a code entered twice is refused (409
 * already_scanned) and leaves the batch as it was; a closed batch takes
 * nothing more (409 batch_closed), and a batch without a single envelope
 * scanned cannot be closed (409 batch_empty). Each answer is the batch as
 * it now stands. Like the receipt journal, batches are the regional
 * department's: any intake role sees all of them.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-kazpost-records.h"

/* The most codes one request may put on a list. */
#define MAX_LIST_CODES 500

/* Answers with the batch @id as it now stands. */
static gboolean
respond_current (AppealsRequest  *request,
                 gint64           id,
                 guint            status,
                 GError         **error)
{
  g_autoptr(AppealsKazpostBatch) batch = NULL;

  if (!appeals_kazpost_records_load (request, id, &batch, error))
    return FALSE;
  appeals_api_respond_object (request, status, (AppealsApiObjectWriter) appeals_kazpost_batch_to_json, batch);
  return TRUE;
}

/* Members other than @allowed are field errors. */
static void
check_members (JsonObject *body,
               const char *allowed,
               GPtrArray  *errors)
{
  g_autoptr(GList) names = json_object_get_members (body);

  for (const GList *l = names; l != NULL; l = l->next)
    if (!g_str_equal (l->data, allowed))
      appeals_field_errors_add (errors, l->data, APPEALS_FIELD_UNKNOWN, NULL);
}

/* The S10 code @text normalized, or %NULL with a field error. */
static char *
read_code (const char *text,
           const char *field,
           GPtrArray  *errors)
{
  g_autofree char *code = NULL;

  if (text == NULL)
    {
      if (appeals_field_errors_find (errors, field) == NULL)
        appeals_field_errors_add (errors, field, APPEALS_FIELD_REQUIRED, NULL);
      return NULL;
    }
  code = appeals_s10_normalize (text);
  if (!appeals_s10_is_valid (code))
    {
      appeals_field_errors_add (errors, field, APPEALS_FIELD_INVALID_BARCODE, NULL);
      return NULL;
    }
  return g_steal_pointer (&code);
}

/* The batch the path names, with @open telling whether it is open (and,
 * with @hold, then held open until the transaction ends); %NULL when
 * there is none (answered 404) or on @error. */
static AppealsKazpostBatch *
find_batch (AppealsRequest  *request,
            gboolean         hold,
            gboolean        *open,
            GError         **error)
{
  g_autoptr(AppealsKazpostBatch) batch = NULL;
  gint64 id;

  *open = FALSE;
  if (!appeals_api_read_path_id (request, &id))
    return NULL;
  if ((hold && !appeals_kazpost_records_hold_open (request, id, open, error)) ||
      !appeals_kazpost_records_load (request, id, &batch, error))
    return NULL;
  if (batch == NULL)
    appeals_api_respond_not_found (request);
  else if (!hold)
    *open = appeals_kazpost_batch_is_open (batch);
  return g_steal_pointer (&batch);
}

/* The batch the path names, held open for a change: %NULL when the
 * answer (404 or 409 batch_closed) has been given or on @error. */
static AppealsKazpostBatch *
hold_batch (AppealsRequest  *request,
            GError         **error)
{
  g_autoptr(AppealsKazpostBatch) batch = NULL;
  gboolean open;

  if ((batch = find_batch (request, TRUE, &open, error)) != NULL && !open)
    {
      appeals_request_respond_problem (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_BATCH_CLOSED, NULL, NULL);
      return NULL;
    }
  return g_steal_pointer (&batch);
}

/* 409 already_scanned naming @field; rolls back what the request wrote. */
static gboolean
refuse_duplicate (AppealsRequest  *request,
                  const char      *field,
                  GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();

  appeals_field_errors_add (errors, field, APPEALS_FIELD_DUPLICATE, NULL);
  appeals_request_respond_problem (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_ALREADY_SCANNED, errors, NULL);
  g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_CONFLICT, "%s is already in the batch", field);
  return FALSE;
}

static gboolean
handle_open (AppealsRequest  *request,
             GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autofree char *location = NULL;
  JsonObject *body = appeals_api_optional_object (request);
  const char *courier = NULL;
  gint64 id;

  if (body == NULL)
    return TRUE;
  check_members (body, "courier", errors);
  courier = appeals_api_member_string (body, "courier", NULL, errors);
  if (courier != NULL && g_utf8_strlen (courier, -1) > 200)
    appeals_field_errors_add (errors, "courier", APPEALS_FIELD_TOO_LONG, "200");
  if (appeals_api_respond_invalid (request, errors))
    return TRUE;

  if (!appeals_kazpost_records_open (request, courier != NULL && *courier != '\0' ? courier : NULL, &id, error))
    return FALSE;
  location = g_strdup_printf ("/api/v1/kazpost-batches/%" G_GINT64_FORMAT, id);
  appeals_request_set_header (request, "Location", location);
  return respond_current (request, id, SOUP_STATUS_CREATED, error);
}

static gboolean
handle_list (AppealsRequest  *request,
             GError         **error)
{
  const char *state_text = appeals_request_get_query (request, "state");
  g_autoptr(GPtrArray) batches = NULL;
  int state = APPEALS_KAZPOST_BATCH_STATE_UNSET;

  if (state_text != NULL &&
      (!appeals_enum_from_wire (APPEALS_TYPE_KAZPOST_BATCH_STATE, state_text, &state) ||
       state == APPEALS_KAZPOST_BATCH_STATE_UNSET))
    {
      g_autoptr(GPtrArray) errors = appeals_field_errors_new ();

      appeals_field_errors_add (errors, "state", APPEALS_FIELD_INVALID_VALUE, "open, closed");
      appeals_api_respond_invalid (request, errors);
      return TRUE;
    }
  batches = appeals_kazpost_records_list (request, state, error);
  if (batches == NULL)
    return FALSE;
  appeals_api_respond_items (request, appeals_api_objects_to_json (batches, (AppealsApiObjectWriter)
                                                                      appeals_kazpost_batch_to_json));
  return TRUE;
}

static gboolean
handle_get (AppealsRequest  *request,
            GError         **error)
{
  g_autoptr(AppealsKazpostBatch) batch = NULL;
  gboolean open;

  if ((batch = find_batch (request, FALSE, &open, error)) == NULL)
    return request->answered;
  appeals_api_respond_object (request, SOUP_STATUS_OK, (AppealsApiObjectWriter) appeals_kazpost_batch_to_json, batch);
  return TRUE;
}

/* {"codes": ["RR123456785KZ", …]}: each checked; all or none stored. */
static GStrv
read_list_codes (JsonObject *body,
                 GPtrArray  *errors)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  JsonNode *member = json_object_get_member (body, "codes");
  JsonArray *array;

  check_members (body, "codes", errors);
  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    appeals_field_errors_add (errors, "codes", APPEALS_FIELD_REQUIRED, NULL);
  else if (!JSON_NODE_HOLDS_ARRAY (member))
    appeals_field_errors_add (errors, "codes", APPEALS_FIELD_WRONG_TYPE, NULL);
  else if ((array = json_node_get_array (member)), json_array_get_length (array) == 0 ||
           json_array_get_length (array) > MAX_LIST_CODES)
    appeals_field_errors_add (errors, "codes", APPEALS_FIELD_OUT_OF_RANGE, "1-500");
  else
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonNode *element = json_array_get_element (array, i);
        g_autofree char *field = g_strdup_printf ("codes.%u", i);
        g_autofree char *code = NULL;

        if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
          appeals_field_errors_add (errors, field, APPEALS_FIELD_WRONG_TYPE, NULL);
        else if ((code = read_code (json_node_get_string (element), field, errors)) != NULL)
          g_strv_builder_add (codes, code);
      }
  return g_strv_builder_end (codes);
}

static gboolean
handle_list_codes (AppealsRequest  *request,
                   GError         **error)
{
  g_autoptr(AppealsKazpostBatch) batch = NULL;
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_auto(GStrv) codes = NULL;
  JsonObject *body;

  if ((batch = hold_batch (request, error)) == NULL)
    return request->answered;
  if ((body = appeals_api_require_object (request)) == NULL)
    return TRUE;
  codes = read_list_codes (body, errors);
  if (appeals_api_respond_invalid (request, errors))
    return TRUE;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      AppealsKazpostOutcome outcome;
      g_autofree char *field = g_strdup_printf ("codes.%u", i);

      if (!appeals_kazpost_records_add_list_code (request, batch, codes[i], &outcome, error))
        return FALSE;
      if (outcome == APPEALS_KAZPOST_DUPLICATE)
        return refuse_duplicate (request, field, error);
    }
  return respond_current (request, batch->id, SOUP_STATUS_OK, error);
}

typedef gboolean (*StoreCode) (AppealsRequest *, AppealsKazpostBatch *, const char *, AppealsKazpostOutcome *,
                               GError **);

/* {"code": "RR123456785KZ"}: a scan, or an envelope for someone else. */
static gboolean
handle_code (AppealsRequest  *request,
             StoreCode        store,
             GError         **error)
{
  g_autoptr(AppealsKazpostBatch) batch = NULL;
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autofree char *code = NULL;
  AppealsKazpostOutcome outcome;
  JsonObject *body;

  if ((batch = hold_batch (request, error)) == NULL)
    return request->answered;
  if ((body = appeals_api_require_object (request)) == NULL)
    return TRUE;
  check_members (body, "code", errors);
  code = read_code (appeals_api_member_string (body, "code", NULL, errors), "code", errors);
  if (appeals_api_respond_invalid (request, errors))
    return TRUE;

  if (!store (request, batch, code, &outcome, error))
    return FALSE;
  if (outcome == APPEALS_KAZPOST_DUPLICATE)
    return refuse_duplicate (request, "code", error);
  if (outcome == APPEALS_KAZPOST_NOT_SCANNED)
    {
      appeals_field_errors_add (errors, "code", APPEALS_FIELD_NOT_FOUND, NULL);
      appeals_api_respond_invalid (request, errors);
      return TRUE;
    }
  return respond_current (request, batch->id, SOUP_STATUS_OK, error);
}

static gboolean
handle_scan (AppealsRequest  *request,
             GError         **error)
{
  return handle_code (request, appeals_kazpost_records_scan, error);
}

static gboolean
handle_return (AppealsRequest  *request,
               GError         **error)
{
  return handle_code (request, appeals_kazpost_records_return, error);
}

static gboolean
handle_close (AppealsRequest  *request,
              GError         **error)
{
  g_autoptr(AppealsKazpostBatch) batch = NULL;
  JsonObject *body;

  if ((batch = hold_batch (request, error)) == NULL)
    return request->answered;
  if ((body = appeals_api_optional_object (request)) == NULL)
    return TRUE;
  if (json_object_get_size (body) > 0)
    {
      g_autoptr(GPtrArray) errors = appeals_field_errors_new ();

      check_members (body, "", errors);
      appeals_api_respond_invalid (request, errors);
      return TRUE;
    }
  if (appeals_kazpost_batch_count (batch, APPEALS_KAZPOST_ITEM_MATCHED) +
      appeals_kazpost_batch_count (batch, APPEALS_KAZPOST_ITEM_NOT_ON_LIST) +
      appeals_kazpost_batch_count (batch, APPEALS_KAZPOST_ITEM_WRONG_ADDRESSEE) == 0)
    {
      appeals_request_respond_problem (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_BATCH_EMPTY, NULL, NULL);
      return TRUE;
    }

  if (!appeals_kazpost_records_close (request, batch, error))
    return FALSE;
  return respond_current (request, batch->id, SOUP_STATUS_OK, error);
}

void
appeals_api_kazpost_register (AppealsServer *server)
{
  AppealsAllow receivers = APPEALS_ALLOW_REGISTRAR | APPEALS_ALLOW_HEAD | APPEALS_ALLOW_ADMIN;
  AppealsAllow readers = receivers | APPEALS_ALLOW_CONTROLLER;

  appeals_server_add_route (server, "GET", "/api/v1/kazpost-batches", readers, APPEALS_ROUTE_DEFAULT, handle_list);
  appeals_server_add_route (server, "POST", "/api/v1/kazpost-batches", receivers, APPEALS_ROUTE_DEFAULT, handle_open);
  appeals_server_add_route (server, "GET", "/api/v1/kazpost-batches/{id}", readers, APPEALS_ROUTE_DEFAULT, handle_get);
  appeals_server_add_route (server, "POST", "/api/v1/kazpost-batches/{id}/list-codes", receivers,
                            APPEALS_ROUTE_DEFAULT, handle_list_codes);
  appeals_server_add_route (server, "POST", "/api/v1/kazpost-batches/{id}/scans", receivers, APPEALS_ROUTE_DEFAULT,
                            handle_scan);
  appeals_server_add_route (server, "POST", "/api/v1/kazpost-batches/{id}/returns", receivers, APPEALS_ROUTE_DEFAULT,
                            handle_return);
  appeals_server_add_route (server, "POST", "/api/v1/kazpost-batches/{id}/actions/close", receivers,
                            APPEALS_ROUTE_DEFAULT, handle_close);
}
