/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-lifecycle-records.c: what the lifecycle reads and writes beside
 * the appeal's own row — whether an accepted expertise of the current
 * answer was approved by a head (closing an appeal on control needs it),
 * the notices sent to the applicant, and the representation every answer
 * about one appeal carries: the card, its term, the caller's
 * allowed_actions and the notices.
 */
#include "config.h"

#include "appeals-audit.h"
#include "appeals-lifecycle-records.h"
#include "appeals-store.h"

/* The last expertise round accepted this very answer, and a head approved it. */
static gboolean
query_expertise_approved (AppealsDb      *db,
                          AppealsAppeal  *appeal,
                          gboolean       *approved,
                          GError        **error)
{
  g_autoptr(AppealsDbResult) last = NULL;

  *approved = FALSE;
  last = appeals_db_query (db,
                           "SELECT verdict, state, approved_by, answer FROM expertise "
                           "WHERE appeal_id = ? ORDER BY round DESC LIMIT 1",
                           g_variant_new ("(x)", appeal->id), error);
  if (last == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (last) == 0)
    return TRUE;

  *approved = g_strcmp0 (appeals_db_result_get_string (last, 0, "verdict"), "accepted") == 0 &&
              g_strcmp0 (appeals_db_result_get_string (last, 0, "state"), "final") == 0 &&
              !appeals_db_result_is_null (last, 0, "approved_by") &&
              g_strcmp0 (appeals_db_result_get_string (last, 0, "answer"), appeal->answer) == 0;
  return TRUE;
}

/**
 * appeals_api_lifecycle_get_state:
 * @state: (out caller-allocates): what the transition guards look at
 *
 * Returns: %FALSE only for a storage error.
 */
gboolean
appeals_api_lifecycle_get_state (AppealsRequest         *request,
                                 AppealsAppeal          *appeal,
                                 AppealsLifecycleState  *state,
                                 GError                **error)
{
  state->status = appeal->status;
  state->control = appeal->control;
  state->has_answer = appeal->answer != NULL && g_date_valid (&appeal->answered_on);
  state->expertise_approved = FALSE;

  /* only a closing on control asks */
  if (appeal->control && appeal->status == APPEALS_STATUS_ANSWERED)
    return query_expertise_approved (request->db, appeal, &state->expertise_approved, error);
  return TRUE;
}

static gboolean
load_notices (AppealsDb      *db,
              AppealsAppeal  *appeal,
              GError        **error)
{
  g_autoptr(AppealsDbResult) rows = NULL;

  rows = appeals_db_query (db,
                           "SELECT kind, language, outgoing_number, outgoing_date, late, created_by "
                           "FROM appeal_notices WHERE appeal_id = ? ORDER BY id",
                           g_variant_new ("(x)", appeal->id), error);
  if (rows == NULL)
    return FALSE;

  g_clear_pointer (&appeal->notices, g_ptr_array_unref);
  appeal->notices = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_notice_free);
  for (guint row = 0; row < appeals_db_result_get_n_rows (rows); row++)
    {
      AppealsNotice *notice = g_new0 (AppealsNotice, 1);

      g_date_clear (&notice->outgoing_date, 1);
      g_ptr_array_add (appeal->notices, notice);
      if (!appeals_store_read_row (appeals_notice_get_record_type (), notice, rows, row, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * appeals_api_lifecycle_describe:
 *
 * Sets what a single appeal's representation adds to the stored card:
 * the actions the caller may take now and the notices sent.
 */
gboolean
appeals_api_lifecycle_describe (AppealsRequest  *request,
                                AppealsAppeal   *appeal,
                                GError         **error)
{
  AppealsLifecycleState state;

  if (!appeals_api_lifecycle_get_state (request, appeal, &state, error))
    return FALSE;

  g_clear_pointer (&appeal->allowed_actions, g_strfreev);
  appeal->allowed_actions = appeals_lifecycle_list_allowed (&state, request->user->role);
  return load_notices (request->db, appeal, error);
}

/**
 * appeals_api_lifecycle_respond:
 *
 * Answers with @appeal's full representation and its ETag.
 */
gboolean
appeals_api_lifecycle_respond (AppealsRequest  *request,
                               guint            status,
                               AppealsAppeal   *appeal,
                               GError         **error)
{
  GString *text;
  gsize length;
  GDate today;

  if (!appeals_api_lifecycle_describe (request, appeal, error))
    return FALSE;

  appeals_server_get_today (&today);
  appeals_appeal_evaluate_due (appeal, appeals_server_get_deadlines (request->server),
                               appeals_server_get_calendar (request->server), &today);
  /* the card's text written straight from the appeal, as a page's rows */
  text = g_string_sized_new (4096);
  appeals_appeal_append_json (appeal, text);
  length = text->len;
  appeals_request_set_etag (request, appeal->id, appeal->version);
  appeals_request_respond_text_len (request, status, "application/json; charset=utf-8",
                                    g_string_free (text, FALSE), length);
  return TRUE;
}

/**
 * appeals_api_lifecycle_add_notice:
 *
 * Records a notice sent about @appeal, with its audit entry, in the
 * caller's transaction.
 */
gboolean
appeals_api_lifecycle_add_notice (AppealsRequest  *request,
                                  AppealsAppeal   *appeal,
                                  AppealsNotice   *notice,
                                  GError         **error)
{
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *date = appeals_date_format_iso (&notice->outgoing_date);

  g_free (notice->created_by);
  notice->created_by = g_strdup (request->user->login);

  return appeals_db_exec (request->db,
                          "INSERT INTO appeal_notices (appeal_id, kind, language, outgoing_number, outgoing_date, "
                          "late, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          g_variant_new ("(xssssxss)", appeal->id, notice->kind, notice->language,
                                         notice->outgoing_number, date, (gint64) notice->late,
                                         notice->created_by, now),
                          error) &&
         appeals_audit_record_change (request->db, "appeal", appeal->id, appeal->version, "notice",
                                      request->user->login, appeals_notice_get_record_type (), NULL, notice,
                                      error);
}
