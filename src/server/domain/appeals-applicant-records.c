/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-applicant-records.c: applicants' base cards as the domain keeps
 * them: created once per IIN, updated under their version, each change
 * with its audit entry, in the caller's transaction.
 */
#include "config.h"

#include "appeals-applicant-records.h"
#include "appeals-appeal-records.h"
#include "appeals-audit.h"
#include "appeals-store.h"

static const char * const applicant_columns[] = {
  "version", "iin", "surname", "given_name", "patronymic", "birth_date", "sex", "social_status",
  "occupation", "address", "phone", "organisation_name", "representative_position", "created_at", "updated_at", NULL
};

/* the stored columns, without id (the generator writes them in bulk) */
const char * const *
appeals_api_applicants_get_columns (void)
{
  return applicant_columns;
}

/**
 * appeals_api_applicants_insert:
 *
 * Stores a validated new base card with its audit entry, in the caller's
 * transaction.
 */
gboolean
appeals_api_applicants_insert (AppealsDb         *db,
                               AppealsApplicant  *applicant,
                               const char        *actor,
                               GError           **error)
{
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *sql = appeals_store_insert_sql ("applicants", applicant_columns);

  applicant->version = 1;
  if (applicant->created_at == NULL)
    applicant->created_at = g_date_time_new_from_iso8601 (now, NULL);
  g_clear_pointer (&applicant->updated_at, g_date_time_unref);
  applicant->updated_at = g_date_time_ref (applicant->created_at);

  if (!appeals_db_exec (db, sql,
                        appeals_store_values (appeals_applicant_get_record_type (), applicant,
                                              applicant_columns, NULL, 0),
                        error))
    return FALSE;

  applicant->id = appeals_store_last_id (db, "applicants", "iin", applicant->iin, error);
  return applicant->id != 0 &&
         appeals_audit_record_change (db, "applicant", applicant->id, 1, "create", actor,
                                      appeals_applicant_get_record_type (), NULL, applicant, error);
}

/**
 * appeals_api_applicants_update:
 * @correction: an administrator's correction (the audit trail says so)
 *
 * Stores @edited over @current: the version goes up (and must still be
 * @current's in the table), the audit trail gets the fields that changed,
 * and a new name or IIN is indexed again with each of the applicant's
 * appeals.
 */
gboolean
appeals_api_applicants_update (AppealsDb         *db,
                               AppealsApplicant  *current,
                               AppealsApplicant  *edited,
                               const char        *actor,
                               gboolean           correction,
                               GError           **error)
{
  g_autofree char *now = appeals_server_now_iso ();

  edited->version = current->version + 1;
  g_clear_pointer (&edited->updated_at, g_date_time_unref);
  edited->updated_at = g_date_time_new_from_iso8601 (now, NULL);

  if (!appeals_store_update_changes (db, "applicants", appeals_applicant_get_record_type (), applicant_columns,
                                     current, edited, error) ||
      !appeals_audit_record_change (db, "applicant", edited->id, edited->version,
                                    correction ? "correction" : "update", actor,
                                    appeals_applicant_get_record_type (), current, edited, error))
    return FALSE;

  /* names and the IIN are searched with each of the applicant's appeals */
  if (g_strcmp0 (current->iin, edited->iin) != 0 || g_strcmp0 (current->surname, edited->surname) != 0 ||
      g_strcmp0 (current->given_name, edited->given_name) != 0 ||
      g_strcmp0 (current->patronymic, edited->patronymic) != 0)
    return appeals_api_appeals_reindex_applicant (db, edited->id, error);

  return TRUE;
}
