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
#include "appeals-reception-records.h"
#include "appeals-scope.h"

static const char * const kinds[] = { "reference_note", "applicant_document", "body_position", "other", NULL };
static const AppealsFileOwner owner = { "attachments", "reception_id", "attachment", kinds };

static gboolean
handle_upload (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;

  if (!appeals_api_load_reception_row (request, &row, error))
    return FALSE;
  if (row == NULL)
    return TRUE;
  return appeals_attachment_upload (request, &owner, appeals_db_result_get_int64 (row, 0, "id"),
                                    "/api/v1/attachments/", error);
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
  return appeals_attachment_serve (request, &owner, load_attachment, FALSE, error);
}

static gboolean
handle_delete (AppealsRequest  *request,
               GError         **error)
{
  return appeals_attachment_serve (request, &owner, load_attachment, TRUE, error);
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
