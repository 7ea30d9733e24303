/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-audit.c: what the administrator reads of the audit trail.
 *
 *   GET /audit?entity=&entity_id=     the entries of one object, oldest first
 *   GET /applicants/{id}/reads        who read the applicant's personal data, newest first
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-audit.h"

/* The entities the trail keeps (appeals-*-records.c, appeals-api-*.c,
 * appeals-auth.c, appeals-classifier-audit.c). */
static const char * const entities[] = {
  "appeal", "applicant", "reception", "reception_step", "reception_review", "order", "official", "attachment",
  "appeal_attachment", "user", "classifier", "expertise", "growth_alert", "receipt", "kazpost_batch",
  "reception_request", NULL
};

static gboolean
handle_entries (AppealsRequest  *request,
                GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  const char *entity = appeals_request_get_query (request, "entity");
  const char *id_text = appeals_request_get_query (request, "entity_id");
  guint64 id = 0;

  if (entity == NULL || !g_strv_contains (entities, entity))
    appeals_field_errors_add (errors, "entity", entity == NULL ? APPEALS_FIELD_REQUIRED : APPEALS_FIELD_INVALID_VALUE,
                              NULL);
  if (id_text == NULL || !g_ascii_string_to_unsigned (id_text, 10, 1, G_MAXINT64, &id, NULL))
    appeals_field_errors_add (errors, "entity_id", id_text == NULL ? APPEALS_FIELD_REQUIRED
                                                                   : APPEALS_FIELD_INVALID_VALUE, NULL);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }
  return appeals_api_respond_history (request, entity, (gint64) id, error);
}

static gboolean
handle_reads (AppealsRequest  *request,
              GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  JsonNode *reads;
  gint64 id;

  if (appeals_request_get_id_param (request, "id", &id) &&
      (row = appeals_db_query (request->db, "SELECT id FROM applicants WHERE id = ?", g_variant_new ("(x)", id),
                               error)) == NULL)
    return FALSE;
  if (row == NULL || appeals_db_result_get_n_rows (row) == 0)
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }

  reads = appeals_audit_get_reads (request->db, id, error);
  if (reads == NULL)
    return FALSE;
  appeals_api_respond_items (request, reads);
  return TRUE;
}

void
appeals_api_audit_register (AppealsServer *server)
{
  appeals_server_add_route (server, "GET", "/api/v1/audit", APPEALS_ALLOW_ADMIN,
                            APPEALS_ROUTE_SLOW, handle_entries);
  appeals_server_add_route (server, "GET", "/api/v1/applicants/{id}/reads", APPEALS_ALLOW_ADMIN,
                            APPEALS_ROUTE_SLOW, handle_reads);
}
