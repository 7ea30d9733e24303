/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-appeal-records.c: appeals as the domain keeps them — loading
 * one within the caller's scope, registering a new one (number, due date,
 * repeat flag), storing an edit under its version, the search index, and
 * the audit entry of every change, all in the caller's transaction.
 */
#include "config.h"

#include <string.h>

#include "appeals-api-common.h"
#include "appeals-appeal-records.h"
#include "appeals-content-records.h"
#include "appeals-audit.h"
#include "appeals-scope.h"
#include "appeals-store.h"

static const char * const appeal_columns[] = {
  "version", "registration_number", "registration_date", "applicant_id", "channel", "form", "kind",
  "addressee_body", "question_character", "category", "complaint_subject", "language", "district",
  "repeat", "control", "annotation", "text", "executor", "due_date", "status", "answer",
  "answered_on", "registrar", "created_at", "updated_at",
  "forwarded_to", "forwarding_scope", "forwarding_number", "forwarding_date", "forwarding_due_date",
  "forwarded_late", "original_due_date", "extended_on", "extension_reason", "answer_character",
  "answer_late", "answer_attachment_id", "termination_ground", "termination_reason", "reopen_reason",
  "notice_kind", "notice_due_date", NULL
};

/* who saved the version read is the actor of that version's audit entry:
 * the merge dialog names them */
#define APPEAL_SELECT \
  "SELECT a.*, ap.iin AS applicant_iin, " \
  "COALESCE (ap.organisation_name || ' ', '') || ap.surname || ' ' || ap.given_name || COALESCE (' ' || ap.patronymic, '') AS applicant_name, " \
  "(SELECT u.full_name FROM audit au JOIN users u ON u.login = au.actor " \
  " WHERE au.entity = 'appeal' AND au.entity_id = a.id AND au.version = a.version " \
  " ORDER BY au.id DESC LIMIT 1) AS updated_by_name " \
  "FROM appeals a JOIN applicants ap ON ap.id = a.applicant_id "

/* The answer names who saved the version it carries, as a later read
 * would (APPEAL_SELECT). */
static gboolean
set_updated_by (AppealsDb      *db,
                AppealsAppeal  *appeal,
                const char     *actor,
                GError        **error)
{
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, "SELECT full_name FROM users WHERE login = ?",
                                                       g_variant_new ("(s)", actor), error);

  if (result == NULL)
    return FALSE;
  g_free (appeal->updated_by_name);
  appeal->updated_by_name = appeals_db_result_get_n_rows (result) > 0
                            ? g_strdup (appeals_db_result_get_string (result, 0, "full_name")) : NULL;
  return TRUE;
}

static AppealsAppeal *
load_appeal (AppealsRequest  *request,
             gint64           id,
             GError         **error)
{
  g_autoptr(AppealsDbResult) result = NULL;
  g_autoptr(AppealsAppeal) appeal = NULL;

  result = appeals_db_query (request->db, APPEAL_SELECT "WHERE a.id = ?", g_variant_new ("(x)", id), error);
  if (result == NULL)
    return NULL;
  if (appeals_db_result_get_n_rows (result) == 0)
    return NULL;

  appeal = appeals_appeal_new ();
  if (!appeals_store_read_row (appeals_appeal_get_record_type (), appeal, result, 0, error))
    return NULL;

  /* out of the caller's scope: as if it did not exist */
  if (!appeals_api_in_scope (request, appeal->district))
    return NULL;

  return g_steal_pointer (&appeal);
}

/**
 * appeals_api_appeals_load_by_id_or_404:
 * @appeal: (out): the appeal @id, or %NULL after answering 404 (it does not
 *   exist, or is out of the caller's scope)
 *
 * Returns: %FALSE only for a storage error.
 */
gboolean
appeals_api_appeals_load_by_id_or_404 (AppealsRequest  *request,
                                       gint64           id,
                                       AppealsAppeal  **appeal,
                                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  *appeal = load_appeal (request, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (*appeal == NULL)
    appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
  return TRUE;
}

/**
 * appeals_api_appeals_load_or_404:
 *
 * The same for the appeal {id} of the path.
 */
gboolean
appeals_api_appeals_load_or_404 (AppealsRequest  *request,
                                 AppealsAppeal  **appeal,
                                 GError         **error)
{
  gint64 id;

  *appeal = NULL;
  if (!appeals_request_get_id_param (request, "id", &id))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }

  return appeals_api_appeals_load_by_id_or_404 (request, id, appeal, error);
}

/**
 * appeals_api_appeals_load_for_change:
 * @appeal: (out): the appeal {id} of the path, or %NULL after answering
 *   (404, or 428/412 for a missing or stale If-Match)
 *
 * Loads the appeal a change is about, on the version the change was made on.
 *
 * Returns: %FALSE only for a storage error.
 */
gboolean
appeals_api_appeals_load_for_change (AppealsRequest  *request,
                                     AppealsAppeal  **appeal,
                                     GError         **error)
{
  if (!appeals_api_appeals_load_or_404 (request, appeal, error))
    return FALSE;
  if (*appeal != NULL &&
      !appeals_api_check_if_match (request, (*appeal)->id, (*appeal)->version,
                                   appeals_appeal_get_record_type (), *appeal))
    g_clear_object (appeal);
  return TRUE;
}

const char * const *
appeals_api_appeals_get_columns (void)
{
  return appeal_columns;
}

/* The fields the search index keeps of an appeal, in order; unset ones
 * as empty text. */
#define N_SEARCH_FIELDS 6

static void
get_search_fields (AppealsAppeal *appeal,
                   const char    *fields[N_SEARCH_FIELDS + 1])
{
  const char *values[N_SEARCH_FIELDS] = {
    appeal->registration_number, appeal->applicant_name, appeal->applicant_iin,
    appeal->annotation, appeal->text, appeal->executor,
  };

  for (guint i = 0; i < N_SEARCH_FIELDS; i++)
    fields[i] = values[i] != NULL ? values[i] : "";
  fields[N_SEARCH_FIELDS] = NULL;
}

/**
 * appeals_api_appeals_search_text:
 *
 * Returns: (transfer full): what the search index keeps of @appeal, folded
 */
char *
appeals_api_appeals_search_text (AppealsAppeal *appeal)
{
  const char *fields[N_SEARCH_FIELDS + 1];
  g_autofree char *text = NULL;

  get_search_fields (appeal, fields);
  text = g_strjoinv (" ", (char **) fields);
  return appeals_text_fold (text);
}

/* The fields of @edited the search index keeps that differ from
 * @current's (an answer, a forwarding), folded as the index keeps them,
 * or %NULL if none does: only there can a word be new to the index. */
static char *
changed_search_text (AppealsAppeal *current,
                     AppealsAppeal *edited)
{
  const char *fields_a[N_SEARCH_FIELDS + 1], *fields_b[N_SEARCH_FIELDS + 1];
  g_autoptr(GString) changed = NULL;

  get_search_fields (current, fields_a);
  get_search_fields (edited, fields_b);
  for (guint i = 0; i < N_SEARCH_FIELDS; i++)
    if (strcmp (fields_a[i], fields_b[i]) != 0)
      {
        if (changed == NULL)
          changed = g_string_new (NULL);
        g_string_append (changed, fields_b[i]);
        g_string_append_c (changed, ' ');
      }
  return changed != NULL ? appeals_text_fold (changed->str) : NULL;
}

/* @body: (nullable): appeals_api_appeals_search_text() of @appeal, if
 * made already; @changed: (nullable): the part of it that may hold words
 * new to the index, all of it if %NULL. On SQLite those go to the index's
 * table of words (migration 0036), which the search spells prefixes
 * from. */
static gboolean
update_search_index_with (AppealsDb      *db,
                          AppealsAppeal  *appeal,
                          const char     *body,
                          const char     *changed,
                          GError        **error)
{
  g_autofree char *made = body == NULL ? appeals_api_appeals_search_text (appeal) : NULL;

  if (body == NULL)
    body = made;
  if (appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_POSTGRESQL)
    return appeals_db_exec (db,
                            "UPDATE appeals SET search_vector = " APPEALS_SEARCH_VECTOR_SQL ("?") " WHERE id = ?",
                            g_variant_new ("(sx)", body, appeal->id), error);

  return appeals_db_exec (db, "DELETE FROM appeals_search WHERE rowid = ?",
                          g_variant_new ("(x)", appeal->id), error) &&
         appeals_db_exec (db, "INSERT INTO appeals_search (rowid, body) VALUES (?, ?)",
                          g_variant_new ("(xs)", appeal->id, body), error) &&
         appeals_db_exec (db, "INSERT OR IGNORE INTO appeals_search_words (term) "
                              "SELECT value FROM json_each (appeals_search_words (?))",
                          g_variant_new ("(s)", changed != NULL ? changed : body), error);
}

/**
 * appeals_api_appeals_reindex_applicant:
 *
 * The search index holds the applicant's name and IIN with each of their
 * appeals: after a correction of the base card, every one is indexed again.
 */
gboolean
appeals_api_appeals_reindex_applicant (AppealsDb  *db,
                                       gint64      applicant_id,
                                       GError    **error)
{
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, APPEAL_SELECT "WHERE a.applicant_id = ?",
                                                        g_variant_new ("(x)", applicant_id), error);

  if (result == NULL)
    return FALSE;

  for (guint row = 0; row < appeals_db_result_get_n_rows (result); row++)
    {
      g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();

      if (!appeals_store_read_row (appeals_appeal_get_record_type (), appeal, result, row, error) ||
          !update_search_index_with (db, appeal, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Fills what the server decides: the repeat flag, the due date. */
static gboolean
derive_fields (AppealsServer  *server,
               AppealsDb      *db,
               AppealsAppeal  *appeal,
               GError        **error)
{
  g_autoptr(AppealsDbResult) earlier = NULL;
  g_autofree char *registered = appeals_date_format_iso (&appeal->registration_date);
  AppealsDeadlineRules *deadlines = appeals_server_get_deadlines (server);
  AppealsCalendar *calendar = appeals_server_get_calendar (server);

  earlier = appeals_db_query (db,
                              "SELECT COUNT(*) AS n FROM appeals WHERE applicant_id = ? AND question_character = ? "
                              "AND id <> ? AND registration_date <= ?",
                              g_variant_new ("(xsxs)", appeal->applicant_id, appeal->question_character,
                                             appeal->id, registered),
                              error);
  if (earlier == NULL)
    return FALSE;
  appeal->repeat = appeals_db_result_get_int64 (earlier, 0, "n") > 0;

  return appeals_deadline_rules_compute_due (deadlines, calendar,
                                             appeals_enum_to_wire (APPEALS_TYPE_KIND, appeal->kind),
                                             &appeal->registration_date, &appeal->due_date, error);
}

static gboolean
next_registration_number (AppealsDb    *db,
                          const GDate  *date,
                          char        **number,
                          GError      **error)
{
  g_autoptr(AppealsDbResult) result = NULL;
  guint year = g_date_get_year (date);

  if (!appeals_db_exec (db,
                        "INSERT INTO registration_counters (year, last_number) VALUES (?, 1) "
                        "ON CONFLICT (year) DO UPDATE SET last_number = registration_counters.last_number + 1",
                        g_variant_new ("(x)", (gint64) year), error))
    return FALSE;

  result = appeals_db_query (db, "SELECT last_number FROM registration_counters WHERE year = ?",
                             g_variant_new ("(x)", (gint64) year), error);
  if (result == NULL)
    return FALSE;

  *number = g_strdup_printf ("%u-%06" G_GINT64_FORMAT, year,
                             appeals_db_result_get_int64 (result, 0, "last_number"));
  return TRUE;
}

/**
 * appeals_api_appeals_insert:
 * @appeal: a validated new card; a registration date already set is kept
 *   (the demo data back-dates), otherwise today is used
 *
 * Registers @appeal: number, due date, repeat flag, search index and the
 * audit entry, all in the caller's transaction.
 */
gboolean
appeals_api_appeals_insert (AppealsServer  *server,
                            AppealsDb      *db,
                            AppealsAppeal  *appeal,
                            const char     *actor,
                            GError        **error)
{
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *sql = NULL;

  appeal->version = 1;
  if (!g_date_valid (&appeal->registration_date))
    appeals_server_get_today (&appeal->registration_date);
  if (appeal->status == APPEALS_STATUS_UNSET)
    appeal->status = APPEALS_STATUS_REGISTERED;
  g_free (appeal->registrar);
  appeal->registrar = g_strdup (actor);
  if (appeal->created_at == NULL)
    appeal->created_at = g_date_time_new_from_iso8601 (now, NULL);
  g_clear_pointer (&appeal->updated_at, g_date_time_unref);
  appeal->updated_at = g_date_time_ref (appeal->created_at);

  if (!next_registration_number (db, &appeal->registration_date, &appeal->registration_number, error) ||
      !derive_fields (server, db, appeal, error) ||
      !set_updated_by (db, appeal, actor, error))
    return FALSE;
  /* the law's days to forward run from registration: tracked from the start */
  appeals_deadline_rules_compute_forwarding_due (appeals_server_get_deadlines (server),
                                                 appeals_server_get_calendar (server),
                                                 &appeal->registration_date, &appeal->forwarding_due_date);

  sql = appeals_store_insert_sql ("appeals", appeal_columns);
  if (!appeals_db_exec (db, sql,
                        appeals_store_values (appeals_appeal_get_record_type (), appeal, appeal_columns, NULL, 0),
                        error))
    return FALSE;

  appeal->id = appeals_store_last_id (db, "appeals", "registration_number", appeal->registration_number, error);
  return appeal->id != 0 &&
         update_search_index_with (db, appeal, NULL, NULL, error) &&
         appeals_content_records_add (db, appeal, error) &&
         appeals_audit_record_change (db, "appeal", appeal->id, appeal->version, "create", actor,
                                      appeals_appeal_get_record_type (), NULL, appeal, error);
}

/* What follows an appeal's UPDATE: its terms, when its words changed, and
 * the audit trail. */
static gboolean
finish_update (AppealsDb      *db,
               AppealsAppeal  *current,
               AppealsAppeal  *edited,
               const char     *action,
               AppealsUser    *actor,
               GError        **error)
{
  return ((g_strcmp0 (current->annotation, edited->annotation) == 0 && g_strcmp0 (current->text, edited->text) == 0) ||
          appeals_content_records_index (db, edited, error)) &&
         appeals_audit_record_change (db, "appeal", edited->id, edited->version, action, actor->login,
                                      appeals_appeal_get_record_type (), current, edited, error);
}

/**
 * appeals_api_appeals_update:
 * @action: what the audit trail calls the change ("update", "expertise",
 *   or a lifecycle action's name)
 *
 * Stores @edited over @current: the deadline and repeat flag follow a new
 * kind or question, the version goes up (and must still be @current's in
 * the table, so no update is ever lost), and the audit trail gets the
 * fields that changed.
 */
gboolean
appeals_api_appeals_update (AppealsServer  *server,
                            AppealsDb      *db,
                            AppealsAppeal  *current,
                            AppealsAppeal  *edited,
                            AppealsUser    *actor,
                            const char     *action,
                            GError        **error)
{
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *changed = NULL, *after = NULL;

  if ((edited->kind != current->kind ||
       g_strcmp0 (edited->question_character, current->question_character) != 0) &&
      !derive_fields (server, db, edited, error))
    return FALSE;

  edited->version = current->version + 1;
  g_clear_pointer (&edited->updated_at, g_date_time_unref);
  edited->updated_at = g_date_time_new_from_iso8601 (now, NULL);
  g_free (edited->updated_by_name);
  edited->updated_by_name = g_strdup (actor->full_name);

  /* the search index and the terms change only with the words they keep
   * (the terms follow the date, district and question by trigger) */
  if ((changed = changed_search_text (current, edited)) != NULL)
    {
      g_autofree char *before = appeals_api_appeals_search_text (current);

      after = appeals_api_appeals_search_text (edited);
      if (g_str_equal (before, after))
        g_clear_pointer (&after, g_free);
    }

  /* on PostgreSQL the search vector is a column of the row: set in the
   * same UPDATE, the row gets one new version, not two */
  if (after != NULL && appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_POSTGRESQL)
    return appeals_store_update_changes_also (db, "appeals", appeals_appeal_get_record_type (), appeal_columns,
                                              current, edited, "search_vector = " APPEALS_SEARCH_VECTOR_SQL ("?"),
                                              g_variant_new_string (after), error) &&
           finish_update (db, current, edited, action, actor, error);

  return appeals_store_update_changes (db, "appeals", appeals_appeal_get_record_type (), appeal_columns,
                                       current, edited, error) &&
         (after == NULL || update_search_index_with (db, edited, after, changed, error)) &&
         finish_update (db, current, edited, action, actor, error);
}
