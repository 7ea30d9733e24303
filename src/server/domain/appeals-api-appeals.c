/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-appeals.c: /appeals — register, read, list and search,
 * edit with If-Match (merge patch or full replacement), and the history.
 * The status, control flag and answer are not edited here but through the
 * lifecycle's actions (appeals-api-actions.c); a decided appeal's card
 * (closed, terminated, left without consideration) is not edited at all
 * until the head reopens it (409 appeal_decided).
 *
 * A user bound to a district sees only that district's cards; a card of
 * another district answers 404, as if it did not exist.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-appeal-records.h"
#include "appeals-audit.h"
#include "appeals-lifecycle-records.h"
#include "appeals-receipt-registration.h"
#include "appeals-scope.h"

/* Classifier codes, the applicant, and the caller's district. @current,
 * the card @appeal edits (or %NULL), was read with its applicant: the
 * same applicant needs no second look. */
static gboolean
check_references (AppealsRequest  *request,
                  AppealsAppeal   *current,
                  AppealsAppeal   *appeal,
                  GPtrArray       *errors,
                  GError         **error)
{
  g_autoptr(AppealsDbResult) applicant = NULL;

  appeals_api_check_code (request, errors, "addressee_body", APPEALS_CLASSIFIER_ADDRESSEE_BODIES,
                          appeal->addressee_body);
  appeals_api_check_code (request, errors, "question_character", APPEALS_CLASSIFIER_QUESTION_CHARACTERS,
                          appeal->question_character);
  appeals_api_check_code (request, errors, "district", APPEALS_CLASSIFIER_DISTRICTS, appeal->district);

  if (appeal->district != NULL && !appeals_api_in_scope (request, appeal->district) &&
      appeals_field_errors_find (errors, "district") == NULL)
    appeals_field_errors_add (errors, "district", APPEALS_FIELD_OUT_OF_RANGE, appeals_api_scope_district (request));

  if (appeal->applicant_id > 0 && appeals_field_errors_find (errors, "applicant_id") == NULL &&
      (current == NULL || current->applicant_id != appeal->applicant_id))
    {
      gboolean in_scope;

      /* someone else's applicant is no one's to the caller */
      if (!appeals_api_applicant_in_scope (request, appeal->applicant_id, &in_scope, error))
        return FALSE;
      if (!in_scope)
        {
          appeals_field_errors_add (errors, "applicant_id", APPEALS_FIELD_NOT_FOUND, NULL);
          return TRUE;
        }

      applicant = appeals_db_query (request->db,
                                    "SELECT iin, COALESCE (organisation_name || ' ', '') || surname || ' ' || given_name || COALESCE (' ' || patronymic, '') "
                                    "AS name FROM applicants WHERE id = ?",
                                    g_variant_new ("(x)", appeal->applicant_id), error);
      if (applicant == NULL)
        return FALSE;
      if (appeals_db_result_get_n_rows (applicant) == 0)
        appeals_field_errors_add (errors, "applicant_id", APPEALS_FIELD_NOT_FOUND, NULL);
      else
        {
          g_free (appeal->applicant_name);
          appeal->applicant_name = g_strdup (appeals_db_result_get_string (applicant, 0, "name"));
          g_free (appeal->applicant_iin);
          appeal->applicant_iin = g_strdup (appeals_db_result_get_string (applicant, 0, "iin"));
        }
    }

  return TRUE;
}

/* The lifecycle's members change only through actions
 * (appeals-api-actions.c): an edit that tries is refused, by name. */
static void
check_read_only (AppealsAppeal *current,
                 JsonObject    *body,
                 GPtrArray     *errors)
{
  const AppealsRecordType *type = appeals_appeal_get_record_type ();
  const char * const *managed = appeals_lifecycle_managed_fields ();
  g_autoptr(AppealsAppeal) given = appeals_appeal_copy (current);
  g_autoptr(GPtrArray) ignored = appeals_field_errors_new ();

  /* as given, to compare: sending back the value in force is no change */
  appeals_record_read_members (type, given, body, APPEALS_RECORD_TRUSTED, ignored);
  for (guint i = 0; managed[i] != NULL; i++)
    {
      const AppealsFieldSpec *field = appeals_record_type_find_field (type, managed[i]);

      if (json_object_has_member (body, managed[i]) &&
          !appeals_record_field_equal (field, given, current))
        appeals_field_errors_add (errors, managed[i], APPEALS_FIELD_READ_ONLY, NULL);
    }
}

/* A decided appeal's card stays as it was decided: the period's reports
 * counted it so, and the head reopens it to change it. Sending it back
 * unchanged is no change; a change answers 409 naming each field. */
static gboolean
refuse_decided (AppealsRequest *request,
                AppealsAppeal  *current,
                AppealsAppeal  *edited)
{
  g_autoptr(GPtrArray) changed = appeals_record_diff (appeals_appeal_get_record_type (), current, edited);
  g_autoptr(GPtrArray) errors = NULL;

  if (changed->len == 0)
    return FALSE;

  errors = appeals_field_errors_new ();
  for (guint i = 0; i < changed->len; i++)
    appeals_field_errors_add (errors, ((const AppealsFieldSpec *) g_ptr_array_index (changed, i))->name,
                              APPEALS_FIELD_READ_ONLY, NULL);
  appeals_request_respond_problem (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_APPEAL_DECIDED, errors, NULL);
  return TRUE;
}

static gboolean
handle_create (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autofree char *location = NULL;
  g_autoptr(JsonObject) card = NULL;
  JsonObject *body = appeals_api_require_object (request);
  gint64 receipt_id;
  gboolean registered = FALSE;

  if (body == NULL)
    return TRUE;

  /* a receipt of the intake journal being registered (appeals-receipt-registration.c) */
  card = appeals_receipt_registration_take (body, &receipt_id, errors);
  appeals_record_read_members (appeals_appeal_get_record_type (), appeal, card, APPEALS_RECORD_CREATE, errors);
  appeals_appeal_validate (appeal, errors);
  if (!check_references (request, NULL, appeal, errors, error))
    return FALSE;
  if (receipt_id > 0 &&
      !appeals_receipt_registration_claim (request, receipt_id, errors, &registered, error))
    return FALSE;
  if (registered)
    {
      appeals_request_respond_problem (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_CONFLICT, NULL, NULL);
      return TRUE;
    }
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  if (!appeals_api_appeals_insert (request->server, request->db, appeal, request->user->login, error) ||
      (receipt_id > 0 && !appeals_receipt_registration_link (request, receipt_id, appeal->id, error)))
    return FALSE;

  location = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, appeal->id);
  appeals_request_set_header (request, "Location", location);
  return appeals_api_lifecycle_respond (request, SOUP_STATUS_CREATED, appeal, error);
}

static gboolean
handle_get (AppealsRequest  *request,
            GError         **error)
{
  g_autoptr(AppealsAppeal) appeal = NULL;

  if (!appeals_api_appeals_load_or_404 (request, &appeal, error))
    return FALSE;
  if (appeal == NULL)
    return TRUE;

  if (!appeals_audit_record_read (request->db, request->user->login, "appeal", appeal->id, error))
    return FALSE;

  return appeals_api_lifecycle_respond (request, SOUP_STATUS_OK, appeal, error);
}

/* PATCH (merge patch) and PUT (the whole card) share everything but how
 * the body applies. */
static gboolean
handle_edit (AppealsRequest  *request,
             gboolean         replace,
             GError         **error)
{
  g_autoptr(AppealsAppeal) current = NULL;
  g_autoptr(AppealsAppeal) edited = NULL;
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(GPtrArray) changed = NULL;
  JsonObject *body;

  if (!appeals_api_appeals_load_for_change (request, &current, error))
    return FALSE;
  if (current == NULL)
    return TRUE;

  body = appeals_api_require_object (request);
  if (body == NULL)
    return TRUE;

  check_read_only (current, body, errors);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_READ_ONLY, errors, NULL);
      return TRUE;
    }

  edited = appeals_appeal_copy (current);
  if (replace)
    appeals_api_clear_mutable (appeals_appeal_get_record_type (), edited);

  appeals_record_read_members (appeals_appeal_get_record_type (), edited, body, APPEALS_RECORD_UPDATE, errors);
  if (appeals_lifecycle_is_decided (current->status) && refuse_decided (request, current, edited))
    return TRUE;
  if (replace)
    appeals_api_check_required (appeals_appeal_get_record_type (), edited, errors);
  appeals_appeal_validate (edited, errors);
  if (!check_references (request, current, edited, errors, error))
    return FALSE;
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  changed = appeals_record_diff (appeals_appeal_get_record_type (), current, edited);
  if (changed->len == 0)
    return appeals_api_lifecycle_respond (request, SOUP_STATUS_OK, current, error);

  if (!appeals_api_appeals_update (request->server, request->db, current, edited, request->user,
                                   "update", error))
    return FALSE;

  return appeals_api_lifecycle_respond (request, SOUP_STATUS_OK, edited, error);
}

static gboolean
handle_patch (AppealsRequest  *request,
              GError         **error)
{
  return handle_edit (request, FALSE, error);
}

static gboolean
handle_put (AppealsRequest  *request,
            GError         **error)
{
  return handle_edit (request, TRUE, error);
}

static gboolean
handle_history (AppealsRequest  *request,
                GError         **error)
{
  g_autoptr(AppealsAppeal) appeal = NULL;

  if (!appeals_api_appeals_load_or_404 (request, &appeal, error))
    return FALSE;
  if (appeal == NULL)
    return TRUE;
  return appeals_api_respond_history (request, "appeal", appeal->id, error);
}

void
appeals_api_appeals_register (AppealsServer *server)
{
  AppealsAllow writers = APPEALS_ALLOW_REGISTRAR | APPEALS_ALLOW_CONTROLLER | APPEALS_ALLOW_ADMIN;
  AppealsAllow editors = writers | APPEALS_ALLOW_HEAD;

  appeals_server_add_route (server, "POST", "/api/v1/appeals", writers,
                            APPEALS_ROUTE_IDEMPOTENT, handle_create);
  appeals_server_add_route (server, "GET", "/api/v1/appeals/{id}", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_get);
  appeals_server_add_route (server, "PATCH", "/api/v1/appeals/{id}", editors,
                            APPEALS_ROUTE_DEFAULT, handle_patch);
  appeals_server_add_route (server, "PUT", "/api/v1/appeals/{id}", editors,
                            APPEALS_ROUTE_DEFAULT, handle_put);
  appeals_server_add_route (server, "GET", "/api/v1/appeals/{id}/history", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_history);
}
