/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-attachments.c: the materials of a reception as files.
 *
 *   POST   /receptions/{id}/attachments?kind=&file_name=   upload; the body is the file
 *   GET    /attachments/{id}                               download, checked against its SHA-256
 *   DELETE /attachments/{id}                               withdraw a file from the materials
 *
 * Only PDF, PNG, JPEG and plain UTF-8 text are accepted, and the content
 * must be what its Content-Type says. The SHA-256 is computed on upload,
 * kept with the row, and checked again on every download. Where the
 * content lives is the storage driver's business (files beside an SQLite
 * database, a table in PostgreSQL).
 */
#include "config.h"

#include <string.h>

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-reception-records.h"
#include "appeals-scope.h"

#define MAX_FILE_NAME 255

static const char *kinds[] = { "reference_note", "applicant_document", "body_position", "other" };

static const struct
{
  const char *content_type;
  const char *magic;
  gsize       magic_length;
} allowed_types[] = {
  { "application/pdf", "%PDF-", 5 },
  { "image/png", "\x89PNG\r\n\x1a\n", 8 },
  { "image/jpeg", "\xff\xd8\xff", 3 },
  { "text/plain", NULL, 0 },
};

static gboolean
is_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      return TRUE;
  return FALSE;
}

/* The media type without parameters, lower-cased: "text/plain; charset=utf-8" → "text/plain". */
static char *
bare_content_type (const char *header)
{
  g_autofree char *copy = NULL;
  char *semicolon;

  if (header == NULL)
    return NULL;
  copy = g_strdup (header);
  if ((semicolon = strchr (copy, ';')) != NULL)
    *semicolon = '\0';
  return g_ascii_strdown (g_strstrip (copy), -1);
}

/* Is @content really of @content_type? Returns FALSE for types we do not keep. */
static gboolean
content_matches_type (const char *content_type,
                      GBytes     *content)
{
  gsize size;
  const char *data = g_bytes_get_data (content, &size);

  for (guint i = 0; i < G_N_ELEMENTS (allowed_types); i++)
    {
      if (!g_str_equal (allowed_types[i].content_type, content_type))
        continue;
      if (allowed_types[i].magic != NULL)
        return size >= allowed_types[i].magic_length &&
               memcmp (data, allowed_types[i].magic, allowed_types[i].magic_length) == 0;
      /* plain text: UTF-8 without NUL bytes */
      return size > 0 && g_utf8_validate (data, size, NULL) && memchr (data, '\0', size) == NULL;
    }

  return FALSE;
}

static gboolean
is_file_name (const char *name)
{
  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL) ||
      g_utf8_strlen (name, -1) > MAX_FILE_NAME || g_str_equal (name, ".") || g_str_equal (name, ".."))
    return FALSE;
  for (const char *p = name; *p; p++)
    if ((guchar) *p < 0x20 || *p == '/' || *p == '\\' || *p == 0x7f)
      return FALSE;
  return TRUE;
}

static gboolean
handle_upload (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(AppealsDbResult) created = NULL;
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *content_type = bare_content_type (appeals_request_get_header (request, "Content-Type"));
  g_autofree char *sha256 = NULL;
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *location = NULL;
  const char *kind = appeals_request_get_query (request, "kind");
  const char *file_name = appeals_request_get_query (request, "file_name");
  GBytes *content = request->raw_body;
  gint64 reception_id, id;

  if (!appeals_api_load_reception_row (request, &row, error))
    return FALSE;
  if (row == NULL)
    return TRUE;
  reception_id = appeals_db_result_get_int64 (row, 0, "id");

  if (kind == NULL || !is_kind (kind))
    appeals_field_errors_add (errors, "kind", kind == NULL ? APPEALS_FIELD_REQUIRED : APPEALS_FIELD_INVALID_VALUE, NULL);
  if (file_name == NULL || !is_file_name (file_name))
    appeals_field_errors_add (errors, "file_name", file_name == NULL ? APPEALS_FIELD_REQUIRED
                                                                     : APPEALS_FIELD_INVALID_VALUE, NULL);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  if (content == NULL || content_type == NULL || !content_matches_type (content_type, content))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE,
                                       APPEALS_PROBLEM_ATTACHMENT_TYPE, NULL, NULL);
      return TRUE;
    }

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  if (!appeals_db_put_blob (request->db, sha256, content, error))
    return FALSE;

  if (!appeals_db_exec (request->db,
                        "INSERT INTO attachments (reception_id, kind, file_name, content_type, size, sha256, "
                        "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        g_variant_new ("(xsssxsss)", reception_id, kind, file_name, content_type,
                                       (gint64) g_bytes_get_size (content), sha256, request->user->login, now),
                        error))
    return FALSE;

  created = appeals_db_query (request->db,
                              "SELECT " APPEALS_ATTACHMENT_COLUMNS " FROM attachments WHERE reception_id = ? AND sha256 = ? "
                              "AND created_at = ? ORDER BY id DESC",
                              g_variant_new ("(xss)", reception_id, sha256, now), error);
  if (created == NULL)
    return FALSE;
  id = appeals_db_result_get_int64 (created, 0, "id");

  builder = json_builder_new ();
  appeals_api_attachment_add_json (builder, created, 0);
  node = json_builder_get_root (builder);

  location = g_strdup_printf ("/api/v1/attachments/%" G_GINT64_FORMAT, id);
  appeals_request_set_header (request, "Location", location);
  appeals_request_respond_json (request, SOUP_STATUS_CREATED, node);
  return TRUE;
}

static gboolean
load_attachment (AppealsRequest    *request,
                 AppealsDbResult  **row,
                 GError           **error)
{
  gint64 id;

  *row = NULL;
  if (!appeals_request_get_id_param (request, "id", &id))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }

  *row = appeals_db_query (request->db,
                           "SELECT " APPEALS_ATTACHMENT_COLUMNS ", (SELECT r.applicant_id FROM receptions r "
                           "WHERE r.id = reception_id) AS applicant_id FROM attachments WHERE id = ?",
                           g_variant_new ("(x)", id), error);
  /* the file is the reception's, and the reception its applicant's */
  return *row != NULL && appeals_api_keep_row_in_scope (request, row, error);
}

/* RFC 6266: an ASCII fallback and the real name in UTF-8. */
static char *
content_disposition (const char *file_name)
{
  g_autofree char *escaped = g_uri_escape_string (file_name, NULL, FALSE);
  g_autoptr(GString) ascii = g_string_new (NULL);

  for (const char *p = file_name; *p; p++)
    g_string_append_c (ascii, ((guchar) *p < 0x80 && *p != '"' && *p != '\\') ? *p : '_');

  return g_strdup_printf ("attachment; filename=\"%s\"; filename*=UTF-8''%s", ascii->str, escaped);
}

static gboolean
handle_download (AppealsRequest  *request,
                 GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *disposition = NULL;
  const char *sha256;

  if (!load_attachment (request, &row, error))
    return FALSE;
  if (row == NULL)
    return TRUE;
  sha256 = appeals_db_result_get_string (row, 0, "sha256");

  content = appeals_db_get_blob (request->db, sha256, &local_error);
  if (content != NULL)
    actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  if (content == NULL || g_strcmp0 (actual, sha256) != 0)
    {
      g_warning ("request %" G_GUINT64_FORMAT ": attachment %" G_GINT64_FORMAT " (%s) is damaged: %s",
                 request->id, appeals_db_result_get_int64 (row, 0, "id"), sha256,
                 local_error != NULL ? local_error->message : "checksum mismatch");
      appeals_request_respond_problem (request, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                       APPEALS_PROBLEM_ATTACHMENT_DAMAGED, NULL, NULL);
      return TRUE;
    }

  etag = g_strdup_printf ("\"%s\"", sha256);
  disposition = content_disposition (appeals_db_result_get_string (row, 0, "file_name"));
  appeals_request_set_header (request, "ETag", etag);
  appeals_request_set_header (request, "Content-Disposition", disposition);
  appeals_request_set_header (request, "X-Content-SHA256", sha256);
  appeals_request_set_header (request, "X-Content-Type-Options", "nosniff");
  appeals_request_respond_bytes (request, SOUP_STATUS_OK,
                                 appeals_db_result_get_string (row, 0, "content_type"), content);
  return TRUE;
}

static gboolean
handle_delete (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  if (!load_attachment (request, &row, error))
    return FALSE;
  if (row == NULL)
    return TRUE;

  /* the content stays: another row may name the same checksum */
  if (!appeals_db_exec (request->db, "DELETE FROM attachments WHERE id = ?",
                        g_variant_new ("(x)", appeals_db_result_get_int64 (row, 0, "id")), error))
    return FALSE;

  g_message ("attachment %" G_GINT64_FORMAT " (%s) of reception %" G_GINT64_FORMAT " withdrawn by %s",
             appeals_db_result_get_int64 (row, 0, "id"), appeals_db_result_get_string (row, 0, "file_name"),
             appeals_db_result_get_int64 (row, 0, "reception_id"), request->user->login);
  json_node_take_object (node, json_object_new ());
  appeals_request_respond_json (request, SOUP_STATUS_OK, node);
  return TRUE;
}

void
appeals_api_attachments_register (AppealsServer *server)
{
  AppealsAllow organisers = APPEALS_ALLOW_REGISTRAR | APPEALS_ALLOW_CONTROLLER | APPEALS_ALLOW_HEAD |
                            APPEALS_ALLOW_ADMIN;

  appeals_server_add_route (server, "POST", "/api/v1/receptions/{id}/attachments", organisers,
                            APPEALS_ROUTE_UPLOAD | APPEALS_ROUTE_IDEMPOTENT, handle_upload);
  appeals_server_add_route (server, "GET", "/api/v1/attachments/{id}", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_download);
  appeals_server_add_route (server, "DELETE", "/api/v1/attachments/{id}", organisers,
                            APPEALS_ROUTE_DEFAULT, handle_delete);
}
