/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-attachments.c: the materials of a reception as files.
 *
 *   POST   /receptions/{id}/attachments?kind=&file_name=   upload; the body is the file
 *   GET    /attachments/{id}                               download, checked against its SHA-256
 *   DELETE /attachments/{id}                               withdraw a file from the materials
 *
 * What a file may be, and how it is kept and checked, is shared with the
 * appeals' files (appeals-attachment-files.c).
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-attachment-files.h"
#include "appeals-audit.h"
#include "appeals-reception-records.h"
#include "appeals-scope.h"

static const char * const kinds[] = { "reference_note", "applicant_document", "body_position", "other", NULL };

static gboolean
handle_upload (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(AppealsDbResult) created = NULL;
  g_autoptr(JsonObject) snapshot = NULL;
  g_auto(AppealsUpload) upload = { 0 };
  g_autofree char *now = appeals_server_now_iso ();
  gboolean accepted;
  gint64 reception_id, id;

  if (!appeals_api_load_reception_row (request, &row, error))
    return FALSE;
  if (row == NULL)
    return TRUE;
  reception_id = appeals_db_result_get_int64 (row, 0, "id");

  if (!appeals_attachment_accept_upload (request, kinds, &upload, &accepted, error))
    return FALSE;
  if (!accepted)
    return TRUE;

  created = appeals_db_query (request->db,
                              "INSERT INTO attachments (reception_id, kind, file_name, content_type, size, sha256, "
                              "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING " APPEALS_ATTACHMENT_COLUMNS,
                              g_variant_new ("(xsssxsss)", reception_id, upload.kind, upload.file_name,
                                             upload.content_type, upload.size, upload.sha256, request->user->login,
                                             now),
                              error);
  if (created == NULL)
    return FALSE;
  id = appeals_db_result_get_int64 (created, 0, "id");
  if ((snapshot = appeals_attachment_snapshot (request->db, "attachments", id, error)) == NULL ||
      !appeals_audit_record_snapshots (request->db, "attachment", id, 0, "create", request->user->login,
                                       NULL, snapshot, error))
    return FALSE;

  appeals_attachment_respond_created (request, created, "reception_id", "/api/v1/attachments/");
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

static gboolean
handle_download (AppealsRequest  *request,
                 GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;

  if (!load_attachment (request, &row, error))
    return FALSE;
  if (row != NULL)
    appeals_attachment_respond_file (request, row);
  return TRUE;
}

static gboolean
handle_delete (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) before = NULL;
  gint64 id;

  if (!load_attachment (request, &row, error))
    return FALSE;
  if (row == NULL)
    return TRUE;
  id = appeals_db_result_get_int64 (row, 0, "id");

  /* the content stays: another row may name the same checksum */
  if ((before = appeals_attachment_snapshot (request->db, "attachments", id, error)) == NULL ||
      !appeals_db_exec (request->db, "DELETE FROM attachments WHERE id = ?", g_variant_new ("(x)", id), error) ||
      !appeals_audit_record_snapshots (request->db, "attachment", id, 0, "delete", request->user->login,
                                       before, NULL, error))
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
