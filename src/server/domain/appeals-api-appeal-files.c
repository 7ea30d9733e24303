/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-appeal-files.c: the scans of an appeal and of the answer
 * documents, kept with the appeal card.
 *
 *   GET    /appeals/{id}/attachments                         the appeal's files, oldest first
 *   POST   /appeals/{id}/attachments?kind=&file_name=        upload; the body is the file
 *   GET    /appeals/{id}/attachments/{file}                  download, checked against its SHA-256
 *   DELETE /appeals/{id}/attachments/{file}                  withdraw a file
 *
 * The same types, limits and checks as a reception's files
 * (appeals-attachment-files.c); the appeal's district is their scope.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-appeal-records.h"
#include "appeals-attachment-files.h"

#define COLUMNS "id, appeal_id, kind, file_name, content_type, size, sha256, created_by, created_at, " \
                APPEALS_CREATOR_NAME ("appeal_attachments")

static const char * const kinds[] = { "appeal_scan", "answer_document", "other", NULL };
static const AppealsFileOwner owner = { "appeal_attachments", "appeal_id", "appeal_attachment", kinds };

static gboolean
handle_list (AppealsRequest  *request,
             GError         **error)
{
  g_autoptr(AppealsAppeal) appeal = NULL;
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (!appeals_api_appeals_load_or_404 (request, &appeal, error))
    return FALSE;
  if (appeal == NULL)
    return TRUE;

  rows = appeals_db_query (request->db, "SELECT " COLUMNS " FROM appeal_attachments WHERE appeal_id = ? ORDER BY id",
                           g_variant_new ("(x)", appeal->id), error);
  if (rows == NULL)
    return FALSE;
  json_builder_begin_array (builder);
  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    appeals_attachment_add_json (builder, rows, i, "appeal_id");
  json_builder_end_array (builder);
  appeals_api_respond_items (request, json_builder_get_root (builder));
  return TRUE;
}

static gboolean
handle_upload (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsAppeal) appeal = NULL;
  g_autofree char *location = NULL;

  if (!appeals_api_appeals_load_or_404 (request, &appeal, error))
    return FALSE;
  if (appeal == NULL)
    return TRUE;
  location = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/attachments/", appeal->id);
  return appeals_attachment_upload (request, &owner, appeal->id, location, error);
}

/* The file {file} of appeal {id}, within the caller's scope. */
static gboolean
load_file (AppealsRequest    *request,
           AppealsDbResult  **row,
           GError           **error)
{
  g_autoptr(AppealsAppeal) appeal = NULL;
  gint64 file;

  *row = NULL;
  if (!appeals_api_appeals_load_or_404 (request, &appeal, error))
    return FALSE;
  if (appeal == NULL)
    return TRUE;
  if (appeals_request_get_id_param (request, "file", &file))
    {
      *row = appeals_db_query (request->db, "SELECT " COLUMNS " FROM appeal_attachments WHERE id = ? AND appeal_id = ?",
                               g_variant_new ("(xx)", file, appeal->id), error);
      if (*row == NULL)
        return FALSE;
    }
  if (*row == NULL || appeals_db_result_get_n_rows (*row) == 0)
    {
      g_clear_pointer (row, appeals_db_result_free);
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
    }
  return TRUE;
}

static gboolean
handle_download (AppealsRequest  *request,
                 GError         **error)
{
  return appeals_attachment_serve (request, &owner, load_file, FALSE, error);
}

static gboolean
handle_delete (AppealsRequest  *request,
               GError         **error)
{
  return appeals_attachment_serve (request, &owner, load_file, TRUE, error);
}

void
appeals_api_appeal_files_register (AppealsServer *server)
{
  AppealsAllow keepers = APPEALS_ALLOW_REGISTRAR | APPEALS_ALLOW_CONTROLLER | APPEALS_ALLOW_HEAD |
                         APPEALS_ALLOW_ADMIN;

  appeals_server_add_route (server, "GET", "/api/v1/appeals/{id}/attachments", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_list);
  appeals_server_add_route (server, "POST", "/api/v1/appeals/{id}/attachments", keepers,
                            APPEALS_ROUTE_UPLOAD | APPEALS_ROUTE_IDEMPOTENT, handle_upload);
  appeals_server_add_route (server, "GET", "/api/v1/appeals/{id}/attachments/{file}", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_download);
  appeals_server_add_route (server, "DELETE", "/api/v1/appeals/{id}/attachments/{file}", keepers,
                            APPEALS_ROUTE_DEFAULT, handle_delete);
}
