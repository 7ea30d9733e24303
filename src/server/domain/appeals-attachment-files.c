/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-attachment-files.c: what reception files and appeal files share.
 *
 * Only PDF, PNG, JPEG and plain UTF-8 text are accepted, and the content
 * must be what its Content-Type says. The SHA-256 is computed on upload,
 * kept with the row, and checked again on every download. Where the
 * content lives is the storage driver's business (files beside an SQLite
 * database, a table in PostgreSQL); the size limit is the request
 * pipeline's (APPEALS_ROUTE_UPLOAD).
 */
#include "config.h"

#include <string.h>

#include "appeals-attachment-files.h"
#include "appeals-audit.h"

#define MAX_FILE_NAME 255

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
is_kind (const char * const *kinds,
         const char         *kind)
{
  return kind != NULL && g_strv_contains (kinds, kind);
}

void
appeals_upload_clear (AppealsUpload *upload)
{
  g_clear_pointer (&upload->content_type, g_free);
  g_clear_pointer (&upload->sha256, g_free);
}

/**
 * accept_upload:
 * @kinds: the kinds of file the owner keeps
 * @upload: (out caller-allocates): what was accepted
 * @accepted: (out): %FALSE after answering 422 (kind, name) or 415 (type)
 *
 * Checks the upload in the request (?kind=&file_name=, the body is the
 * file) and stores its content under its SHA-256.
 *
 * Returns: %FALSE only for a storage error.
 */
static gboolean
accept_upload (AppealsRequest      *request,
               const char * const  *kinds,
               AppealsUpload       *upload,
               gboolean            *accepted,
               GError             **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  GBytes *content = request->raw_body;

  *accepted = FALSE;
  upload->kind = appeals_request_get_query (request, "kind");
  upload->file_name = appeals_request_get_query (request, "file_name");
  upload->content_type = bare_content_type (appeals_request_get_header (request, "Content-Type"));

  if (!is_kind (kinds, upload->kind))
    appeals_field_errors_add (errors, "kind", upload->kind == NULL ? APPEALS_FIELD_REQUIRED
                                                                   : APPEALS_FIELD_INVALID_VALUE, NULL);
  if (upload->file_name == NULL || !is_file_name (upload->file_name))
    appeals_field_errors_add (errors, "file_name", upload->file_name == NULL ? APPEALS_FIELD_REQUIRED
                                                                             : APPEALS_FIELD_INVALID_VALUE, NULL);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  if (content == NULL || upload->content_type == NULL || !content_matches_type (upload->content_type, content))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE,
                                       APPEALS_PROBLEM_ATTACHMENT_TYPE, NULL, NULL);
      return TRUE;
    }

  upload->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  upload->size = (gint64) g_bytes_get_size (content);
  if (!appeals_db_put_blob (request->db, upload->sha256, content, error))
    return FALSE;
  *accepted = TRUE;
  return TRUE;
}

/**
 * appeals_attachment_add_json:
 * @owner_column: "reception_id" or "appeal_id"
 *
 * Adds the file of row @i of @rows as an object.
 */
void
appeals_attachment_add_json (JsonBuilder     *builder,
                             AppealsDbResult *rows,
                             guint            i,
                             const char      *owner_column)
{
  static const char * const texts[] = { "kind", "file_name", "content_type", "sha256", "created_by", "created_by_name",
                                        "created_at" };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, appeals_db_result_get_int64 (rows, i, "id"));
  json_builder_set_member_name (builder, owner_column);
  json_builder_add_int_value (builder, appeals_db_result_get_int64 (rows, i, owner_column));
  for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
    {
      json_builder_set_member_name (builder, texts[k]);
      json_builder_add_string_value (builder, appeals_db_result_get_string (rows, i, texts[k]));
    }
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, appeals_db_result_get_int64 (rows, i, "size"));
  json_builder_end_object (builder);
}

/**
 * appeals_attachment_respond_file:
 * @row: the file's row ("id", "file_name", "content_type", "sha256")
 *
 * Answers with the content, after checking it against its SHA-256: a
 * file damaged in storage is never served as if it were whole.
 */
void
appeals_attachment_respond_file (AppealsRequest  *request,
                                 AppealsDbResult *row)
{
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *disposition = NULL;
  const char *sha256 = appeals_db_result_get_string (row, 0, "sha256");

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
      return;
    }

  etag = g_strdup_printf ("\"%s\"", sha256);
  disposition = content_disposition (appeals_db_result_get_string (row, 0, "file_name"));
  appeals_request_set_header (request, "ETag", etag);
  appeals_request_set_header (request, "Content-Disposition", disposition);
  appeals_request_set_header (request, "X-Content-SHA256", sha256);
  appeals_request_set_header (request, "X-Content-Type-Options", "nosniff");
  appeals_request_respond_bytes (request, SOUP_STATUS_OK,
                                 appeals_db_result_get_string (row, 0, "content_type"), content);
}

/* What the audit trail keeps of a file: its row. */
static JsonObject *
snapshot_file (AppealsRequest         *request,
               const AppealsFileOwner *owner,
               gint64                  id,
               GError                **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?", owner->table);

  return appeals_audit_snapshot (request->db, sql, g_variant_new ("(x)", id), error);
}

/**
 * appeals_attachment_upload:
 * @owner_id: the reception or appeal the file goes with (in scope already)
 * @location_prefix: the new file's address without its id
 *
 * Takes the upload in the request — ?kind=&file_name=, the body is the
 * file — checks it, keeps its content by SHA-256, writes its row and
 * audit entry, and answers 201 with it (or 422/415).
 *
 * Returns: %FALSE only for a storage error.
 */
gboolean
appeals_attachment_upload (AppealsRequest          *request,
                           const AppealsFileOwner  *owner,
                           gint64                   owner_id,
                           const char              *location_prefix,
                           GError                 **error)
{
  g_auto(AppealsUpload) upload = { 0 };
  g_autoptr(AppealsDbResult) created = NULL;
  g_autoptr(JsonObject) snapshot = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *sql = NULL;
  g_autofree char *location = NULL;
  gboolean accepted;
  gint64 id;

  if (!accept_upload (request, owner->kinds, &upload, &accepted, error))
    return FALSE;
  if (!accepted)
    return TRUE;

  sql = g_strdup_printf ("INSERT INTO %s (%s, kind, file_name, content_type, size, sha256, created_by, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, %s, kind, file_name, content_type, size, "
                         "sha256, created_by, " APPEALS_CREATOR_NAME ("%s") ", created_at",
                         owner->table, owner->column, owner->column, owner->table);
  created = appeals_db_query (request->db, sql,
                              g_variant_new ("(xsssxsss)", owner_id, upload.kind, upload.file_name,
                                             upload.content_type, upload.size, upload.sha256, request->user->login,
                                             now),
                              error);
  if (created == NULL)
    return FALSE;
  id = appeals_db_result_get_int64 (created, 0, "id");
  if ((snapshot = snapshot_file (request, owner, id, error)) == NULL ||
      !appeals_audit_record_snapshots (request->db, owner->entity, id, 0, "create", request->user->login,
                                       NULL, snapshot, error))
    return FALSE;

  appeals_attachment_add_json (builder, created, 0, owner->column);
  node = json_builder_get_root (builder);
  location = g_strdup_printf ("%s%" G_GINT64_FORMAT, location_prefix, id);
  appeals_request_set_header (request, "Location", location);
  appeals_request_respond_json (request, SOUP_STATUS_CREATED, node);
  return TRUE;
}

/**
 * appeals_attachment_withdraw:
 * @id: the file (in scope already)
 *
 * Withdraws a file: the row goes, its audit entry keeps what it was, and
 * the content stays (another row may name the same checksum).
 *
 * Returns: %FALSE only for a storage error.
 */
gboolean
appeals_attachment_withdraw (AppealsRequest          *request,
                             const AppealsFileOwner  *owner,
                             gint64                   id,
                             GError                 **error)
{
  g_autoptr(JsonObject) before = snapshot_file (request, owner, id, error);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", owner->table);

  if (before == NULL ||
      !appeals_db_exec (request->db, sql, g_variant_new ("(x)", id), error) ||
      !appeals_audit_record_snapshots (request->db, owner->entity, id, 0, "delete", request->user->login,
                                       before, NULL, error))
    return FALSE;

  /* not the file's name: it may name the citizen (the audit trail has it) */
  g_message ("file %" G_GINT64_FORMAT " of %s %s withdrawn by %s", id, owner->column,
             json_object_get_string_member (before, owner->column), request->user->login);
  json_node_take_object (node, json_object_new ());
  appeals_request_respond_json (request, SOUP_STATUS_OK, node);
  return TRUE;
}

/**
 * appeals_attachment_serve:
 * @load: finds the file of the request within the caller's scope (or
 *   answers 404)
 * @withdraw: %TRUE to withdraw the file, %FALSE to send it
 *
 * What GET and DELETE of a file do, whoever it goes with.
 */
gboolean
appeals_attachment_serve (AppealsRequest          *request,
                          const AppealsFileOwner  *owner,
                          AppealsFileLoader        load,
                          gboolean                 withdraw,
                          GError                 **error)
{
  g_autoptr(AppealsDbResult) row = NULL;

  if (!load (request, &row, error))
    return FALSE;
  if (row == NULL)
    return TRUE;
  if (withdraw)
    return appeals_attachment_withdraw (request, owner, appeals_db_result_get_int64 (row, 0, "id"), error);
  appeals_attachment_respond_file (request, row);
  return TRUE;
}
