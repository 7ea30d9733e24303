/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-applicants.c: /applicants — the base card. Created once per
 * IIN; afterwards only the address and phone change, except for an
 * administrator's correction, which the audit trail records as such.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-applicant-records.h"
#include "appeals-audit.h"
#include "appeals-scope.h"
#include "appeals-store.h"

static AppealsApplicant *
load_applicant (AppealsRequest  *request,
                const char      *where,
                GVariant        *value,
                GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM applicants WHERE %s", where);
  g_autoptr(AppealsDbResult) result = appeals_db_query (request->db, sql, g_variant_new_tuple (&value, 1), error);
  g_autoptr(AppealsApplicant) applicant = NULL;

  if (result == NULL || appeals_db_result_get_n_rows (result) == 0)
    return NULL;

  applicant = appeals_applicant_new ();
  if (!appeals_store_read_row (appeals_applicant_get_record_type (), applicant, result, 0, error))
    return NULL;

  /* reading personal data is logged */
  if (!appeals_audit_record_read (request->db, request->user->login, "applicant", applicant->id, error))
    return NULL;

  return g_steal_pointer (&applicant);
}

static void
respond_applicant (AppealsRequest   *request,
                   guint             status,
                   AppealsApplicant *applicant)
{
  g_autoptr(JsonNode) node = appeals_applicant_to_json (applicant);

  appeals_request_set_etag (request, applicant->id, applicant->version);
  appeals_request_respond_json (request, status, node);
}

static void
check_applicant_codes (AppealsRequest   *request,
                       AppealsApplicant *applicant,
                       GPtrArray        *errors)
{
  appeals_api_check_code (request, errors, "social_status", APPEALS_CLASSIFIER_SOCIAL_STATUSES,
                          applicant->social_status);
}

static gboolean
handle_create (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsApplicant) applicant = appeals_applicant_new ();
  g_autoptr(AppealsApplicant) existing = NULL;
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *location = NULL;
  JsonObject *body = appeals_api_require_object (request);

  if (body == NULL)
    return TRUE;

  appeals_record_read_members (appeals_applicant_get_record_type (), applicant, body,
                               APPEALS_RECORD_CREATE, errors);
  appeals_applicant_validate (applicant, errors);
  check_applicant_codes (request, applicant, errors);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  existing = load_applicant (request, "iin = ?", g_variant_new_string (applicant->iin), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, existing->id);
      gboolean in_scope;

      /* the card's id only to whoever may see it; the others find it by
       * the IIN (GET /applicants?iin=), which is audited */
      if (!appeals_api_applicant_in_scope (request, existing->id, &in_scope, error))
        return FALSE;
      appeals_field_errors_add (errors, "iin", APPEALS_FIELD_DUPLICATE, in_scope ? id : NULL);
      appeals_request_respond_problem (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_CONFLICT, errors, NULL);
      return TRUE;
    }

  if (!appeals_api_applicants_insert (request->db, applicant, request->user->login, error) ||
      !appeals_api_applicant_claim (request, applicant->id, error))
    return FALSE;

  location = g_strdup_printf ("/api/v1/applicants/%" G_GINT64_FORMAT, applicant->id);
  appeals_request_set_header (request, "Location", location);
  respond_applicant (request, SOUP_STATUS_CREATED, applicant);
  return TRUE;
}

static gboolean
load_or_404 (AppealsRequest    *request,
             AppealsApplicant **applicant,
             GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  gboolean in_scope = FALSE;

  *applicant = NULL;
  if (appeals_request_get_id_param (request, "id", &id))
    {
      if (!appeals_api_applicant_in_scope (request, id, &in_scope, error))
        return FALSE;
      if (in_scope)
        *applicant = load_applicant (request, "id = ?", g_variant_new_int64 (id), &local_error);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (*applicant == NULL)
    appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
  return TRUE;
}

static gboolean
handle_get (AppealsRequest  *request,
            GError         **error)
{
  g_autoptr(AppealsApplicant) applicant = NULL;

  if (!load_or_404 (request, &applicant, error))
    return FALSE;
  if (applicant != NULL)
    respond_applicant (request, SOUP_STATUS_OK, applicant);
  return TRUE;
}

/* GET /applicants?iin= : how the card editor recognises a known applicant.
 * The base card is the region's, not a district's: whoever has the
 * person's IIN in hand (the applicant gives it at the desk) may fill a new
 * card from it, wherever their earlier appeals were registered, and the
 * card belongs to the caller's district from then on. Browsing by id stays
 * within one's scope. */
static gboolean
handle_find (AppealsRequest  *request,
             GError         **error)
{
  const char *iin = appeals_request_get_query (request, "iin");
  g_autoptr(AppealsApplicant) applicant = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (iin == NULL)
    {
      appeals_request_respond_field_error (request, 422, "iin", APPEALS_FIELD_REQUIRED, NULL);
      return TRUE;
    }

  applicant = load_applicant (request, "iin = ?", g_variant_new_string (iin), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (applicant != NULL && !appeals_api_applicant_claim (request, applicant->id, error))
    return FALSE;

  json_builder_begin_array (builder);
  if (applicant != NULL)
    json_builder_add_value (builder, appeals_applicant_to_json (applicant));
  json_builder_end_array (builder);

  appeals_api_respond_items (request, json_builder_get_root (builder));
  return TRUE;
}

static gboolean
handle_patch (AppealsRequest  *request,
              GError         **error)
{
  g_autoptr(AppealsApplicant) current = NULL;
  g_autoptr(AppealsApplicant) edited = NULL;
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(GPtrArray) changed = NULL;
  gboolean correction = request->user->role == APPEALS_ROLE_ADMIN;
  JsonObject *body;

  if (!load_or_404 (request, &current, error))
    return FALSE;
  if (current == NULL)
    return TRUE;

  if (!appeals_api_check_if_match (request, current->id, current->version,
                                   appeals_applicant_get_record_type (), current))
    return TRUE;

  body = appeals_api_require_object (request);
  if (body == NULL)
    return TRUE;

  edited = appeals_applicant_copy (current);
  appeals_record_read_members (appeals_applicant_get_record_type (), edited, body,
                               correction ? APPEALS_RECORD_CORRECTION : APPEALS_RECORD_UPDATE, errors);
  appeals_applicant_validate (edited, errors);
  check_applicant_codes (request, edited, errors);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  changed = appeals_record_diff (appeals_applicant_get_record_type (), current, edited);
  if (changed->len == 0)
    {
      respond_applicant (request, SOUP_STATUS_OK, current);
      return TRUE;
    }

  if (!appeals_api_applicants_update (request->db, current, edited, request->user->login, correction, error))
    return FALSE;

  respond_applicant (request, SOUP_STATUS_OK, edited);
  return TRUE;
}

/* GET /applicants/{id}/history: changes of address and phone, and the
 * administrator's corrections. */
static gboolean
handle_history (AppealsRequest  *request,
                GError         **error)
{
  g_autoptr(AppealsApplicant) applicant = NULL;

  if (!load_or_404 (request, &applicant, error))
    return FALSE;
  if (applicant == NULL)
    return TRUE;
  return appeals_api_respond_history (request, "applicant", applicant->id, error);
}

void
appeals_api_applicants_register (AppealsServer *server)
{
  AppealsAllow writers = APPEALS_ALLOW_REGISTRAR | APPEALS_ALLOW_CONTROLLER | APPEALS_ALLOW_ADMIN;

  appeals_server_add_route (server, "GET", "/api/v1/applicants", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_SLOW, handle_find);
  appeals_server_add_route (server, "POST", "/api/v1/applicants", writers,
                            APPEALS_ROUTE_IDEMPOTENT, handle_create);
  appeals_server_add_route (server, "GET", "/api/v1/applicants/{id}", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_get);
  appeals_server_add_route (server, "GET", "/api/v1/applicants/{id}/history", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_history);
  appeals_server_add_route (server, "PATCH", "/api/v1/applicants/{id}", writers,
                            APPEALS_ROUTE_DEFAULT, handle_patch);
}
