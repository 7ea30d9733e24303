/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-common.c: what the HTTP handlers (appeals-api-*.c) share
 * about requests and answers: the body as an object, the {"items"} shape of
 * lists, the history answer, classifier codes, If-Match, and the field
 * rules of PUT. Domain logic (scope, loading, storing) lives in the
 * appeals-*-records.c modules and appeals-scope.c; handlers never call
 * each other.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-audit.h"

#include <string.h>

/**
 * appeals_api_require_object:
 *
 * Returns: (nullable): the body as an object, or %NULL after answering
 *   400 for anything else.
 */
JsonObject *
appeals_api_require_object (AppealsRequest *request)
{
  JsonObject *object = appeals_request_get_body_object (request);

  if (object == NULL)
    appeals_request_respond_problem (request, SOUP_STATUS_BAD_REQUEST,
                                     APPEALS_PROBLEM_MALFORMED_JSON, NULL, NULL);
  return object;
}

/**
 * appeals_api_optional_object:
 *
 * For actions that may have no members (control, close, confirm…): no
 * body is an empty object.
 *
 * Returns: (nullable): the body as an object, or %NULL after answering
 *   400 for a body that is not one
 */
JsonObject *
appeals_api_optional_object (AppealsRequest *request)
{
  static JsonObject *empty = NULL;

  if (request->body == NULL)
    {
      if (g_once_init_enter (&empty))
        g_once_init_leave (&empty, json_object_new ());
      return empty;
    }
  return appeals_api_require_object (request);
}

void
appeals_api_check_code (AppealsRequest *request,
                        GPtrArray      *errors,
                        const char     *field,
                        const char     *classifier,
                        const char     *code)
{
  AppealsClassifier *list = appeals_server_get_classifier (request->server, classifier);

  if (code != NULL && appeals_classifier_lookup (list, code) == NULL &&
      appeals_field_errors_find (errors, field) == NULL)
    appeals_field_errors_add (errors, field, APPEALS_FIELD_INVALID_VALUE, classifier);
}

/**
 * appeals_api_check_if_match:
 *
 * Edits must name the version they were made on: without If-Match the
 * answer is 428, with a stale one 412 carrying the current representation
 * so the client can merge.
 *
 * Returns: %TRUE when the edit may go on.
 */
gboolean
appeals_api_check_if_match (AppealsRequest          *request,
                            gint64                   id,
                            gint64                   version,
                            const AppealsRecordType *type,
                            gconstpointer            current)
{
  const char *if_match = appeals_request_get_header (request, "If-Match");
  g_autofree char *etag = appeals_request_format_etag (id, version);

  if (if_match == NULL)
    {
      appeals_request_respond_problem (request, 428, APPEALS_PROBLEM_PRECONDITION_REQUIRED, NULL, NULL);
      return FALSE;
    }

  {
    g_autofree char *given = g_strstrip (g_strdup (if_match));

    if (g_str_has_prefix (given, "W/"))
      memmove (given, given + 2, strlen (given + 2) + 1);

    if (!g_str_equal (given, etag) && !g_str_equal (given, "*"))
      {
        g_autoptr(JsonNode) node = appeals_record_to_json (type, current);

        appeals_request_set_etag (request, id, version);
        appeals_request_respond_problem (request, SOUP_STATUS_PRECONDITION_FAILED,
                                         APPEALS_PROBLEM_PRECONDITION_FAILED, NULL, node);
        return FALSE;
      }
  }

  return TRUE;
}

/* For PUT: what the body does not give is cleared. */
void
appeals_api_clear_mutable (const AppealsRecordType *type,
                           gpointer                 record)
{
  for (guint i = 0; i < type->n_fields; i++)
    if (!(type->fields[i].flags & (APPEALS_FIELD_FLAG_READ_ONLY | APPEALS_FIELD_FLAG_IMMUTABLE)))
      appeals_record_clear_field (&type->fields[i], record);
}

void
appeals_api_check_required (const AppealsRecordType *type,
                            gconstpointer            record,
                            GPtrArray               *errors)
{
  for (guint i = 0; i < type->n_fields; i++)
    {
      const AppealsFieldSpec *field = &type->fields[i];

      if ((field->flags & APPEALS_FIELD_FLAG_REQUIRED) &&
          !appeals_record_field_is_set (field, record) &&
          appeals_field_errors_find (errors, field->name) == NULL)
        appeals_field_errors_add (errors, field->name, APPEALS_FIELD_REQUIRED, NULL);
    }
}

/**
 * appeals_api_respond_items:
 * @items: (transfer full): a JSON array
 *
 * Answers 200 with {"items": @items}, the shape of every list.
 */
void
appeals_api_respond_items (AppealsRequest *request,
                           JsonNode       *items)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_member (object, "items", items);
  json_node_set_object (root, object);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
}

#define LIST_TEXT_OPENING "{\"items\":["

/**
 * appeals_api_list_text_new:
 * @reserve: the bytes the items are expected to take
 *
 * Returns: (transfer full): the beginning of a list's text, for its items
 *   to be appended (separated by commas) and appeals_api_respond_list_text()
 *   to finish.
 */
GString *
appeals_api_list_text_new (gsize reserve)
{
  GString *text = g_string_sized_new (reserve + 64);

  g_string_append_len (text, LIST_TEXT_OPENING, strlen (LIST_TEXT_OPENING));
  return text;
}

/**
 * appeals_api_respond_list_text:
 * @text: (transfer full): from appeals_api_list_text_new(), with the
 *   list's items appended as JSON text, separated by commas
 * @paged: whether the list is a page, and @next_cursor where the next one
 *   starts (%NULL on the last)
 * @total: the number of items the list holds, or -1 to leave it out
 *
 * Answers 200 with {"items": [@items]} (and "next_cursor" on a page,
 * "total" when counted), as appeals_api_respond_items() and
 * appeals_api_respond_page() do, from rows written straight as text.
 */
void
appeals_api_respond_list_text (AppealsRequest *request,
                               GString        *text,
                               gboolean        paged,
                               const char     *next_cursor,
                               gint64          total)
{
  gsize length;

  g_return_if_fail (g_str_has_prefix (text->str, LIST_TEXT_OPENING));

  g_string_append_c (text, ']');
  if (paged)
    {
      g_string_append (text, ",\"next_cursor\":");
      if (next_cursor != NULL)
        appeals_json_append_string (text, next_cursor);
      else
        g_string_append (text, "null");
    }
  if (total >= 0)
    g_string_append_printf (text, ",\"total\":%" G_GINT64_FORMAT, total);
  g_string_append_c (text, '}');
  length = text->len;
  appeals_request_respond_text_len (request, SOUP_STATUS_OK, "application/json; charset=utf-8",
                                    g_string_free (text, FALSE), length);
}

/**
 * appeals_api_respond_object:
 * @to_json: writes @object, e.g. appeals_receipt_to_json()
 *
 * Answers @status with @object as @to_json writes it.
 */
void
appeals_api_respond_object (AppealsRequest         *request,
                            guint                   status,
                            AppealsApiObjectWriter  to_json,
                            gpointer                object)
{
  g_autoptr(JsonNode) node = to_json (object);

  appeals_request_respond_json (request, status, node);
}

/**
 * appeals_api_respond_invalid:
 * @errors: the field errors found in the request, maybe none
 *
 * Answers 422 validation_failed with @errors when there are any.
 *
 * Returns: whether it answered: the handler is then done
 */
gboolean
appeals_api_respond_invalid (AppealsRequest *request,
                             GPtrArray      *errors)
{
  if (errors->len == 0)
    return FALSE;
  appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
  return TRUE;
}

/* Answers 404 not_found. */
void
appeals_api_respond_not_found (AppealsRequest *request)
{
  appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
}

/**
 * appeals_api_read_path_id:
 *
 * Reads the {id} of the request's path; answers 404 when it is not one.
 *
 * Returns: whether @id was read
 */
gboolean
appeals_api_read_path_id (AppealsRequest *request,
                          gint64         *id)
{
  if (appeals_request_get_id_param (request, "id", id))
    return TRUE;
  appeals_api_respond_not_found (request);
  return FALSE;
}

/**
 * appeals_api_objects_to_json:
 * @objects: model objects
 * @to_json: writes one of them
 *
 * Returns: (transfer full): a JSON array of @objects, in their order
 */
JsonNode *
appeals_api_objects_to_json (GPtrArray              *objects,
                             AppealsApiObjectWriter  to_json)
{
  JsonArray *array = json_array_sized_new (objects->len);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < objects->len; i++)
    json_array_add_element (array, to_json (g_ptr_array_index (objects, i)));
  json_node_take_array (node, array);
  return node;
}

/**
 * appeals_api_respond_history:
 * @kind: "appeal" or "applicant"
 *
 * Answers with the audit trail of one object: {"items": [...]}, oldest
 * first.
 */
gboolean
appeals_api_respond_history (AppealsRequest  *request,
                             const char      *kind,
                             gint64           id,
                             GError         **error)
{
  JsonNode *history = appeals_audit_get_history (request->db, kind, id, error);

  if (history == NULL)
    return FALSE;
  appeals_api_respond_items (request, history);
  return TRUE;
}

/* A member of another JSON type than the one read: a field error when
 * @errors is given (named @field, or @member), never a Json-CRITICAL. */
static JsonNode *
member_of_type (JsonObject *object,
                const char *member,
                GType       type,
                const char *field,
                GPtrArray  *errors)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    {
      if (errors != NULL)
        appeals_field_errors_add (errors, field != NULL ? field : member, APPEALS_FIELD_WRONG_TYPE, NULL);
      return NULL;
    }
  return node;
}

/**
 * appeals_api_member_string:
 * @field: (nullable): the name a field error gives, @member by default
 * @errors: (nullable): receives wrong_type for a member that is no string
 *
 * Returns: (nullable): the string @member holds; %NULL when it is
 *   missing, null, or of another type
 */
const char *
appeals_api_member_string (JsonObject *object,
                           const char *member,
                           const char *field,
                           GPtrArray  *errors)
{
  JsonNode *node = member_of_type (object, member, G_TYPE_STRING, field, errors);

  return node != NULL ? json_node_get_string (node) : NULL;
}

/**
 * appeals_api_member_int:
 *
 * As appeals_api_member_string() for an integer member.
 */
gint64
appeals_api_member_int (JsonObject *object,
                        const char *member,
                        gint64      default_value,
                        const char *field,
                        GPtrArray  *errors)
{
  JsonNode *node = member_of_type (object, member, G_TYPE_INT64, field, errors);

  return node != NULL ? json_node_get_int (node) : default_value;
}

/* "true"/"1" or "false"/"0", as query parameters say yes or no. */
gboolean
appeals_api_parse_bool (const char *text,
                        gboolean   *value)
{
  if (g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0)
    *value = TRUE;
  else if (g_strcmp0 (text, "false") == 0 || g_strcmp0 (text, "0") == 0)
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* A cursor is the sort key and id of the last item seen, base64-encoded
 * JSON: opaque to clients, stable under inserts. */
char *
appeals_api_encode_cursor (const char *key,
                           gint64      id)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, key);
  json_builder_add_int_value (builder, id);
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  text = json_to_string (node, FALSE);

  return g_base64_encode ((const guchar *) text, strlen (text));
}

gboolean
appeals_api_decode_cursor (const char  *cursor,
                           char       **key,
                           gint64      *id)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree guchar *text = NULL;
  gsize length;
  JsonArray *array;

  text = g_base64_decode (cursor, &length);
  if (text == NULL || length == 0 || !g_utf8_validate ((const char *) text, length, NULL) ||
      !json_parser_load_from_data (parser, (const char *) text, length, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return FALSE;

  array = json_node_get_array (json_parser_get_root (parser));
  if (json_array_get_length (array) != 2 ||
      json_node_get_value_type (json_array_get_element (array, 0)) != G_TYPE_STRING ||
      json_node_get_value_type (json_array_get_element (array, 1)) != G_TYPE_INT64)
    return FALSE;

  *key = g_strdup (json_array_get_string_element (array, 0));
  *id = json_array_get_int_element (array, 1);
  return TRUE;
}

/**
 * appeals_api_read_limit:
 * @default_limit: the page's size without "limit"
 *
 * Reads the query's "limit", 1 to the server's largest page, or adds its
 * field error to @errors.
 *
 * Returns: the page's size; @default_limit when absent or wrong
 */
guint
appeals_api_read_limit (AppealsRequest *request,
                        guint           default_limit,
                        GPtrArray      *errors)
{
  const char *text = appeals_request_get_query (request, "limit");
  guint max_page = appeals_server_get_config (request->server)->max_page_size;
  guint64 limit = default_limit;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, max_page, &limit, NULL))
    {
      g_autofree char *range = g_strdup_printf ("1..%u", max_page);

      appeals_field_errors_add (errors, "limit", APPEALS_FIELD_OUT_OF_RANGE, range);
      return default_limit;
    }
  return (guint) limit;
}

/**
 * appeals_api_respond_page:
 * @items: (transfer full): a JSON array
 * @next_cursor: (nullable): where the next page starts; %NULL on the last
 *
 * @total: the number of items the list holds, or -1 to leave it out (a
 *   journal page does not count; GET /appeals/count does)
 *
 * Answers 200 with one page of a list: {"items", "next_cursor", "total"}.
 */
void
appeals_api_respond_page (AppealsRequest *request,
                          JsonNode       *items,
                          const char     *next_cursor,
                          gint64          total)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_member (object, "items", items);
  if (next_cursor != NULL)
    json_object_set_string_member (object, "next_cursor", next_cursor);
  else
    json_object_set_null_member (object, "next_cursor");
  if (total >= 0)
    json_object_set_int_member (object, "total", total);
  json_node_set_object (root, object);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
}

/**
 * appeals_api_add_clause:
 * @value: (nullable) (transfer floating): the clause's parameter
 *
 * Appends " AND @clause" to a WHERE being built, and its parameter.
 */
void
appeals_api_add_clause (GString    *where,
                        GPtrArray  *values,
                        const char *clause,
                        GVariant   *value)
{
  g_string_append_printf (where, " AND %s", clause);
  if (value != NULL)
    g_ptr_array_add (values, value);
}

/* Reads the date parameter @name; a missing one is an error only when
 * @required. Returns whether it was given and valid. */
gboolean
appeals_api_read_query_date (AppealsRequest *request,
                             const char     *name,
                             gboolean        required,
                             GDate          *date,
                             GPtrArray      *errors)
{
  const char *value = appeals_request_get_query (request, name);

  g_date_clear (date, 1);
  if (value == NULL)
    {
      if (required)
        appeals_field_errors_add (errors, name, APPEALS_FIELD_REQUIRED, NULL);
      return FALSE;
    }
  if (!appeals_date_parse_iso (value, date))
    {
      appeals_field_errors_add (errors, name, APPEALS_FIELD_INVALID_DATE, NULL);
      return FALSE;
    }
  return TRUE;
}

/* A field error on @to_name when @from is after @to. */
void
appeals_api_check_date_order (const GDate *from,
                              const GDate *to,
                              const char  *to_name,
                              GPtrArray   *errors)
{
  if (g_date_valid (from) && g_date_valid (to) && g_date_compare (from, to) > 0)
    appeals_field_errors_add (errors, to_name, APPEALS_FIELD_OUT_OF_RANGE, NULL);
}
