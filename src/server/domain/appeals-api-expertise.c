/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-expertise.c: answer-quality expertise.
 *
 *   GET  /appeals/{id}/expertise      the rounds of one appeal
 *   POST /appeals/{id}/expertise      an analyst's checklist and verdict
 *   GET  /expertise?state=…           verdicts awaiting approval (or final)
 *   POST /expertise/{id}/approval     a head approves a verdict on an
 *                                     appeal under control
 *   GET  /analytics/answer-quality    bodies ranked by answer quality
 *
 * A verdict takes effect on the appeal at once — accepted closes it,
 * returned sends it back to the body with a new term — except on appeals
 * under control, where it waits for the head's approval: an approved
 * return sends the answer back, an approved acceptance lets the appeal
 * be closed by its close action.
 */
#include "config.h"

#include <string.h>

#include "appeals-scope.h"
#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-appeal-records.h"
#include "appeals-audit.h"
#include "appeals-store.h"

#define EXPERTISE_COLUMNS \
  "id, appeal_id, round, previous_id, body, answer, criteria, cross_checks, score, verdict, reasons, " \
  "rework_due, overdue, state, analyst, approved_by, approved_at, created_at"

/* the checklist in force, as the last start or SIGHUP loaded it */
static AppealsChecklistTemplate *
get_template (AppealsRequest *request)
{
  return appeals_server_get_checklist (request->server);
}

/* A round's members as its row holds them; the checklist's answers and
 * cross-checks are the JSON documents the server stored. */
static const AppealsStoreMember round_members[] = {
  { "id", APPEALS_STORE_INT },
  { "appeal_id", APPEALS_STORE_INT },
  { "round", APPEALS_STORE_INT },
  { "previous_id", APPEALS_STORE_INT },
  { "body", APPEALS_STORE_TEXT },
  { "answer", APPEALS_STORE_TEXT },
  { "verdict", APPEALS_STORE_TEXT },
  { "reasons", APPEALS_STORE_TEXT },
  { "rework_due", APPEALS_STORE_TEXT },
  { "state", APPEALS_STORE_TEXT },
  { "analyst", APPEALS_STORE_TEXT },
  { "approved_by", APPEALS_STORE_TEXT },
  { "approved_at", APPEALS_STORE_TEXT },
  { "created_at", APPEALS_STORE_TEXT },
  { "score", APPEALS_STORE_NUMBER },
  { "overdue", APPEALS_STORE_BOOLEAN },
  { "criteria", APPEALS_STORE_DOCUMENT },
  { "cross_checks", APPEALS_STORE_DOCUMENT },
  /* the appeal's, in the list of rounds awaiting approval */
  { "registration_number", APPEALS_STORE_TEXT },
  { "annotation", APPEALS_STORE_TEXT },
};
#define N_ROUND_MEMBERS (G_N_ELEMENTS (round_members) - 2)

/* The first @n_rows of @rows as the items of a list, each with @n_members
 * members. */
static GString *
rounds_text (AppealsDbResult *rows,
             guint            n_rows,
             guint            n_members)
{
  g_autoptr(AppealsStoreRowWriter) writer = appeals_store_row_writer_new (rows, round_members, n_members);
  GString *items = appeals_api_list_text_new (1024 * n_rows);

  for (guint i = 0; i < n_rows; i++)
    {
      g_string_append (items, i > 0 ? ",{" : "{");
      appeals_store_row_writer_append (writer, i, items);
      g_string_append_c (items, '}');
    }
  return items;
}

/* The one round of @result. */
static JsonNode *
round_to_json (AppealsDbResult *result,
               guint            row)
{
  g_autoptr(AppealsStoreRowWriter) writer = appeals_store_row_writer_new (result, round_members, N_ROUND_MEMBERS);
  g_autoptr(GString) text = g_string_new ("{");
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  appeals_store_row_writer_append (writer, row, text);
  g_string_append_c (text, '}');
  node = json_from_string (text->str, &error);
  g_assert_no_error (error);
  return node;
}

static gboolean
handle_list (AppealsRequest  *request,
             GError         **error)
{
  g_autoptr(AppealsAppeal) appeal = NULL;
  g_autoptr(AppealsDbResult) rounds = NULL;

  if (!appeals_api_appeals_load_or_404 (request, &appeal, error))
    return FALSE;
  if (appeal == NULL)
    return TRUE;

  rounds = appeals_db_query (request->db, "SELECT " EXPERTISE_COLUMNS " FROM expertise WHERE appeal_id = ? ORDER BY round",
                             g_variant_new ("(x)", appeal->id), error);
  if (rounds == NULL)
    return FALSE;

  appeals_api_respond_list_text (request,
                                 rounds_text (rounds, appeals_db_result_get_n_rows (rounds), N_ROUND_MEMBERS),
                                 FALSE, NULL, -1);
  return TRUE;
}

/* Reads the checklist: every criterion of the template answered once;
 * cross-checks of known kinds, each with a date. Field errors are named
 * like "criteria[2].answer". */
static gboolean
read_checklist (AppealsChecklistTemplate *template,
                JsonObject               *body,
                AppealsCriterionAnswer   *answers,
                JsonArray               **criteria_out,
                JsonArray               **cross_checks_out,
                GPtrArray                *errors)
{
  guint n = appeals_checklist_template_get_n_criteria (template);
  JsonNode *criteria = json_object_get_member (body, "criteria");
  JsonNode *cross_checks = json_object_get_member (body, "cross_checks");

  memset (answers, 0, n * sizeof (AppealsCriterionAnswer));

  if (criteria == NULL || !JSON_NODE_HOLDS_ARRAY (criteria))
    appeals_field_errors_add (errors, "criteria", criteria == NULL ? APPEALS_FIELD_REQUIRED : APPEALS_FIELD_WRONG_TYPE,
                              NULL);
  else
    {
      JsonArray *array = json_node_get_array (criteria);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *item = JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i))
                             ? json_array_get_object_element (array, i) : NULL;
          const char *code = appeals_api_member_string (item, "code", NULL, NULL);
          const char *answer = appeals_api_member_string (item, "answer", NULL, NULL);
          g_autofree char *where = g_strdup_printf ("criteria[%u]", i);
          g_autofree char *code_field = g_strconcat (where, ".code", NULL);
          g_autofree char *answer_field = g_strconcat (where, ".answer", NULL);
          AppealsCriterionAnswer value;
          guint position = G_MAXUINT;

          for (guint j = 0; code != NULL && j < n; j++)
            if (g_str_equal (appeals_checklist_template_get_criterion (template, j)->code, code))
              position = j;

          if (position == G_MAXUINT)
            appeals_field_errors_add (errors, code_field, APPEALS_FIELD_INVALID_VALUE, NULL);
          else if (!appeals_criterion_answer_from_string (answer, &value))
            appeals_field_errors_add (errors, answer_field, APPEALS_FIELD_INVALID_VALUE, "yes,partly,no");
          else if (answers[position] != APPEALS_CRITERION_ANSWER_UNSET)
            appeals_field_errors_add (errors, code_field, APPEALS_FIELD_DUPLICATE, NULL);
          else
            answers[position] = value;
        }

      for (guint j = 0; j < n; j++)
        if (answers[j] == APPEALS_CRITERION_ANSWER_UNSET && appeals_field_errors_find (errors, "criteria") == NULL)
          appeals_field_errors_add (errors, "criteria", APPEALS_FIELD_REQUIRED,
                                    appeals_checklist_template_get_criterion (template, j)->code);
      *criteria_out = array;
    }

  if (cross_checks != NULL && !JSON_NODE_HOLDS_NULL (cross_checks))
    {
      JsonArray *array = JSON_NODE_HOLDS_ARRAY (cross_checks) ? json_node_get_array (cross_checks) : NULL;

      if (array == NULL)
        appeals_field_errors_add (errors, "cross_checks", APPEALS_FIELD_WRONG_TYPE, NULL);
      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonObject *item = JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i))
                             ? json_array_get_object_element (array, i) : NULL;
          const char *code = appeals_api_member_string (item, "code", NULL, NULL);
          const char *date = appeals_api_member_string (item, "date", NULL, NULL);
          g_autofree char *code_field = g_strdup_printf ("cross_checks[%u].code", i);
          g_autofree char *date_field = g_strdup_printf ("cross_checks[%u].date", i);
          gboolean known = FALSE;
          GDate parsed;

          for (guint j = 0; code != NULL && j < appeals_checklist_template_get_n_cross_checks (template); j++)
            known |= g_str_equal (appeals_checklist_template_get_cross_check (template, j)->code, code);
          if (!known)
            appeals_field_errors_add (errors, code_field, APPEALS_FIELD_INVALID_VALUE, NULL);
          if (!appeals_date_parse_iso (date, &parsed))
            appeals_field_errors_add (errors, date_field, APPEALS_FIELD_INVALID_DATE, NULL);
        }
      *cross_checks_out = array;
    }

  return errors->len == 0;
}

/* Applies a verdict to the appeal: accepted closes it; returned sends it
 * back to the body with a new term. */
static gboolean
apply_verdict (AppealsRequest  *request,
               AppealsAppeal   *appeal,
               const char      *verdict,
               const char      *rework_due,
               GError         **error)
{
  g_autoptr(AppealsAppeal) edited = appeals_appeal_copy (appeal);

  if (g_str_equal (verdict, "accepted"))
    edited->status = APPEALS_STATUS_CLOSED;
  else
    {
      edited->status = APPEALS_STATUS_RETURNED;
      appeals_date_parse_iso (rework_due, &edited->due_date);
    }

  return appeals_api_appeals_update (request->server, request->db, appeal, edited, request->user,
                                     "expertise", error);
}

static gboolean
handle_create (AppealsRequest  *request,
               GError         **error)
{
  AppealsChecklistTemplate *template = get_template (request);
  g_autoptr(AppealsAppeal) appeal = NULL;
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(AppealsDbResult) previous = NULL;
  g_autoptr(AppealsDbResult) created = NULL;
  g_autofree AppealsCriterionAnswer *answers = NULL;
  g_autofree char *criteria_text = NULL;
  g_autofree char *cross_checks_text = NULL;
  g_autofree char *rework_due = NULL;
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *location = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *criteria = NULL, *cross_checks = NULL;
  JsonObject *body;
  const char *verdict, *reasons;
  gboolean awaiting, overdue;
  gint64 round = 1, previous_id = 0;
  GDate today;
  double score;

  if (template == NULL)
    return FALSE;
  if (!appeals_api_appeals_load_or_404 (request, &appeal, error))
    return FALSE;
  if (appeal == NULL || (body = appeals_api_require_object (request)) == NULL)
    return TRUE;

  answers = g_new0 (AppealsCriterionAnswer, appeals_checklist_template_get_n_criteria (template));
  read_checklist (template, body, answers, &criteria, &cross_checks, errors);

  verdict = appeals_api_member_string (body, "verdict", NULL, NULL);
  if (g_strcmp0 (verdict, "accepted") != 0 && g_strcmp0 (verdict, "returned") != 0)
    appeals_field_errors_add (errors, "verdict", verdict == NULL ? APPEALS_FIELD_REQUIRED : APPEALS_FIELD_INVALID_VALUE,
                              "accepted,returned");
  reasons = appeals_api_member_string (body, "reasons", NULL, errors);
  if (g_strcmp0 (verdict, "returned") == 0 && (reasons == NULL || *reasons == '\0'))
    appeals_field_errors_add (errors, "reasons", APPEALS_FIELD_REQUIRED, NULL);

  if (appeal->status != APPEALS_STATUS_ANSWERED || appeal->answer == NULL)
    appeals_field_errors_add (errors, "status", APPEALS_FIELD_INVALID_VALUE, "answered");

  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  previous = appeals_db_query (request->db,
                               "SELECT id, round, state FROM expertise WHERE appeal_id = ? ORDER BY round DESC",
                               g_variant_new ("(x)", appeal->id), error);
  if (previous == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (previous) > 0)
    {
      /* one verdict at a time: the last one still waits for the head */
      if (g_str_equal (appeals_db_result_get_string (previous, 0, "state"), "awaiting_approval"))
        {
          appeals_field_errors_add (errors, "verdict", APPEALS_FIELD_DUPLICATE, NULL);
          appeals_request_respond_problem (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_CONFLICT, errors, NULL);
          return TRUE;
        }
      previous_id = appeals_db_result_get_int64 (previous, 0, "id");
      round = appeals_db_result_get_int64 (previous, 0, "round") + 1;
    }

  score = appeals_checklist_template_score (template, answers);
  appeals_server_get_today (&today);
  overdue = g_date_valid (&appeal->answered_on) ? g_date_compare (&appeal->answered_on, &appeal->due_date) > 0
                                                : g_date_compare (&today, &appeal->due_date) > 0;
  if (g_str_equal (verdict, "returned"))
    {
      GDate due;

      appeals_checklist_template_compute_rework_due (template, appeals_server_get_calendar (request->server),
                                                     &today, &due);
      rework_due = appeals_date_format_iso (&due);
    }

  /* heads approve verdicts on appeals under control */
  awaiting = appeal->control;

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, criteria);
  criteria_text = json_to_string (node, FALSE);
  if (cross_checks != NULL)
    json_node_set_array (node, cross_checks);
  else
    json_node_take_array (node, json_array_new ());
  cross_checks_text = json_to_string (node, FALSE);

  if (!appeals_db_exec (request->db,
                        "INSERT INTO expertise (appeal_id, round, previous_id, body, answer, criteria, cross_checks, "
                        "score, verdict, reasons, rework_due, overdue, state, analyst, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        g_variant_new ("(xxmxsmsssdsmsmsxsss)", appeal->id, round,
                                       (gboolean) (previous_id > 0), previous_id,
                                       appeal->addressee_body, appeal->answer, criteria_text, cross_checks_text,
                                       score, verdict, reasons, rework_due, (gint64) overdue,
                                       awaiting ? "awaiting_approval" : "final", request->user->login, now),
                        error))
    return FALSE;

  if (!awaiting && !apply_verdict (request, appeal, verdict, rework_due, error))
    return FALSE;

  created = appeals_db_query (request->db, "SELECT " EXPERTISE_COLUMNS " FROM expertise WHERE appeal_id = ? AND round = ?",
                              g_variant_new ("(xx)", appeal->id, round), error);
  if (created == NULL)
    return FALSE;

  {
    g_autoptr(JsonNode) root = round_to_json (created, 0);

    location = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/expertise", appeal->id);
    appeals_request_set_header (request, "Location", location);
    appeals_request_respond_json (request, SOUP_STATUS_CREATED, root);
  }
  return TRUE;
}

/* The round made final by the caller, with its audit entry. */
static gboolean
approve_round (AppealsRequest  *request,
               gint64           id,
               const char      *now,
               const char      *rework_due,
               GError         **error)
{
  static const char snapshot_sql[] = "SELECT state, approved_by, approved_at, rework_due FROM expertise WHERE id = ?";
  g_autoptr(JsonObject) before = appeals_audit_snapshot (request->db, snapshot_sql, g_variant_new ("(x)", id), error);
  g_autoptr(JsonObject) after = NULL;

  if (before == NULL ||
      !appeals_db_exec (request->db,
                        "UPDATE expertise SET state = 'final', approved_by = ?, approved_at = ?, rework_due = ? "
                        "WHERE id = ?",
                        g_variant_new ("(ssmsx)", request->user->login, now, rework_due, id), error))
    return FALSE;
  after = appeals_audit_snapshot (request->db, snapshot_sql, g_variant_new ("(x)", id), error);
  return after != NULL &&
         appeals_audit_record_snapshots (request->db, "expertise", id, 1, "approve", request->user->login,
                                         before, after, error);
}

static gboolean
handle_approve (AppealsRequest  *request,
                GError         **error)
{
  g_autoptr(AppealsDbResult) round = NULL;
  g_autoptr(AppealsDbResult) approved = NULL;
  g_autoptr(AppealsAppeal) appeal = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *rework_due = NULL;
  const char *verdict;
  gint64 id;

  if (!appeals_request_get_id_param (request, "id", &id))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }

  round = appeals_db_query (request->db, "SELECT " EXPERTISE_COLUMNS " FROM expertise WHERE id = ?",
                            g_variant_new ("(x)", id), error);
  if (round == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (round) == 0)
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }

  /* the appeal of the round, through the same scope check as its card */
  if (!appeals_api_appeals_load_by_id_or_404 (request, appeals_db_result_get_int64 (round, 0, "appeal_id"),
                                              &appeal, error))
    return FALSE;
  if (appeal == NULL)
    return TRUE;

  /* the round waits, and the answer it judged is still the one on the card */
  if (!g_str_equal (appeals_db_result_get_string (round, 0, "state"), "awaiting_approval") ||
      appeal->status != APPEALS_STATUS_ANSWERED)
    {
      appeals_request_respond_problem (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_CONFLICT, NULL, NULL);
      return TRUE;
    }

  /* a new term runs from the day the verdict takes effect */
  verdict = appeals_db_result_get_string (round, 0, "verdict");
  if (g_str_equal (verdict, "returned"))
    {
      AppealsChecklistTemplate *template = get_template (request);
      GDate today, due;

      if (template == NULL)
        return FALSE;
      appeals_server_get_today (&today);
      appeals_checklist_template_compute_rework_due (template, appeals_server_get_calendar (request->server),
                                                     &today, &due);
      rework_due = appeals_date_format_iso (&due);
    }

  /* an accepted answer on control is not closed here: the approval makes
   * the appeal's close action possible, and closing stays a step of its own */
  if (!approve_round (request, id, now, rework_due, error) ||
      (g_str_equal (verdict, "returned") && !apply_verdict (request, appeal, verdict, rework_due, error)))
    return FALSE;

  approved = appeals_db_query (request->db, "SELECT " EXPERTISE_COLUMNS " FROM expertise WHERE id = ?",
                               g_variant_new ("(x)", id), error);
  if (approved == NULL)
    return FALSE;

  root = round_to_json (approved, 0);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

/* The page size of GET /expertise. */
#define PENDING_PAGE_SIZE 50

/* GET /expertise?state=awaiting_approval: verdicts waiting for a head,
 * or the final ones, in the order they were given, a page at a time
 * (cursor: the state and the last round's id). A page of verdicts
 * awaiting approval says how many there are in all (a few hundred at a
 * million appeals: before pages, a head saw the first 200 and nothing
 * told of the others); the final ones are not counted (384,000 there). */
static gboolean
handle_pending (AppealsRequest  *request,
                GError         **error)
{
  const char *state = appeals_request_get_query (request, "state");
  const char *cursor = appeals_request_get_query (request, "cursor");
  const char *district = appeals_api_scope_district (request);
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autoptr(AppealsDbResult) total = NULL;
  g_autofree char *cursor_state = NULL;
  g_autofree char *next_cursor = NULL;
  g_autofree char *sql = NULL;
  const char *list;
  gboolean final;
  guint limit, n_rows;
  gint64 after = 0;

  if (state != NULL && !g_str_equal (state, "awaiting_approval") && !g_str_equal (state, "final"))
    appeals_field_errors_add (errors, "state", APPEALS_FIELD_INVALID_VALUE, "awaiting_approval,final");
  final = state != NULL && g_str_equal (state, "final");
  list = final ? "final" : "awaiting_approval";
  limit = appeals_api_read_limit (request, PENDING_PAGE_SIZE, errors);
  /* a cursor goes on the list it came from */
  if (cursor != NULL &&
      (!appeals_api_decode_cursor (cursor, &cursor_state, &after) ||
       !g_str_equal (cursor_state, list)))
    appeals_field_errors_add (errors, "cursor", APPEALS_FIELD_INVALID_VALUE, NULL);
  if (errors->len > 0)
    return appeals_api_respond_invalid (request, errors);

  /* the state (one of two) is written into the statement and the scope's
   * district is there only when there is one, so that PostgreSQL plans
   * each text once: with the state a parameter, no plan for any state
   * served (that one walks the expertise by id and filters: 150 ms at a
   * million appeals for the rare awaiting_approval), and it planned each
   * request again, 0.25-0.5 ms */
  sql = g_strdup_printf ("SELECT e.id, e.appeal_id, e.round, e.previous_id, e.body, e.answer, e.criteria, "
                         "e.cross_checks, e.score, e.verdict, e.reasons, e.rework_due, e.overdue, e.state, "
                         "e.analyst, e.approved_by, e.approved_at, e.created_at, "
                         "a.registration_number, a.annotation FROM expertise e "
                         "JOIN appeals a ON a.id = e.appeal_id "
                         "WHERE e.state = '%s' AND e.id > ?%s ORDER BY e.id LIMIT ?",
                         list, district != NULL ? " AND a.district = ?" : "");
  rows = appeals_db_query (request->db, sql,
                           district != NULL ? g_variant_new ("(xsx)", after, district, (gint64) limit + 1)
                                            : g_variant_new ("(xx)", after, (gint64) limit + 1),
                           error);
  if (rows == NULL)
    return FALSE;
  n_rows = MIN (appeals_db_result_get_n_rows (rows), limit);
  if (appeals_db_result_get_n_rows (rows) > limit)
    next_cursor = appeals_api_encode_cursor (list, appeals_db_result_get_int64 (rows, n_rows - 1, "id"));

  if (!final)
    {
      g_autofree char *count_sql = g_strdup_printf ("SELECT COUNT(*) AS n FROM expertise e%s "
                                                    "WHERE e.state = 'awaiting_approval'%s",
                                                    district != NULL ? " JOIN appeals a ON a.id = e.appeal_id" : "",
                                                    district != NULL ? " AND a.district = ?" : "");

      total = appeals_db_query (request->db, count_sql, district != NULL ? g_variant_new ("(s)", district) : NULL,
                                error);
      if (total == NULL)
        return FALSE;
    }
  appeals_api_respond_list_text (request, rounds_text (rows, n_rows, G_N_ELEMENTS (round_members)), TRUE,
                                 next_cursor, total != NULL ? appeals_db_result_get_int64 (total, 0, "n") : -1);
  return TRUE;
}

/* The period of the ranking: the appeals registered from @from to @to,
 * both given or neither (all the final verdicts). */
static gboolean
read_quality_period (AppealsRequest *request,
                     GDate          *from,
                     GDate          *to,
                     GPtrArray      *errors)
{
  gboolean has_from = appeals_api_read_query_date (request, "from", FALSE, from, errors);
  gboolean has_to = appeals_api_read_query_date (request, "to", FALSE, to, errors);

  if (appeals_request_get_query (request, "from") != NULL && appeals_request_get_query (request, "to") == NULL)
    appeals_field_errors_add (errors, "to", APPEALS_FIELD_REQUIRED, NULL);
  else if (appeals_request_get_query (request, "to") != NULL && appeals_request_get_query (request, "from") == NULL)
    appeals_field_errors_add (errors, "from", APPEALS_FIELD_REQUIRED, NULL);
  else if (has_from && has_to)
    appeals_api_check_date_order (from, to, "to", errors);
  return has_from && has_to;
}

static gboolean
handle_quality (AppealsRequest  *request,
                GError         **error)
{
  AppealsChecklistTemplate *template = get_template (request);
  const char *district = appeals_api_scope_district (request);
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autoptr(GPtrArray) ranking = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_body_quality_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *from_iso = NULL, *to_iso = NULL;
  GVariantBuilder params;
  gboolean in_period;
  guint min_answers;
  GDate from, to;

  if (template == NULL)
    return FALSE;
  in_period = read_quality_period (request, &from, &to, errors);
  if (appeals_api_respond_invalid (request, errors))
    return TRUE;

  /* tallied by the database, body by body, from the final verdicts' index
   * (the appeals only for a district's scope or a period): the server
   * holds one row per body, however many verdicts there are. An appeal
   * has one round 1 (UNIQUE (appeal_id, round)), so its first-round
   * acceptances are counted as rows: a COUNT(DISTINCT) builds a b-tree
   * per body, and the second one cost a third of the query at 1 M
   * appeals. */
  sql = g_strdup_printf ("SELECT e.body, COUNT(DISTINCT e.appeal_id) AS answers, "
                         "SUM(CASE WHEN e.round = 1 AND e.verdict = 'accepted' THEN 1 ELSE 0 END) AS accepted_first, "
                         "AVG(e.score) AS average_score, "
                         "SUM(CASE WHEN e.verdict = 'accepted' THEN 0 ELSE 1 END) AS reworks, "
                         "SUM(CASE WHEN e.overdue <> 0 THEN 1 ELSE 0 END) AS overdue "
                         "FROM expertise e %s WHERE e.state = 'final' %s %s GROUP BY e.body",
                         district != NULL || in_period ? "JOIN appeals a ON a.id = e.appeal_id" : "",
                         district != NULL ? "AND a.district = ?" : "",
                         in_period ? "AND a.registration_date BETWEEN ? AND ?" : "");
  g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
  if (district != NULL)
    g_variant_builder_add (&params, "s", district);
  if (in_period)
    {
      from_iso = appeals_date_format_iso (&from);
      to_iso = appeals_date_format_iso (&to);
      g_variant_builder_add (&params, "s", from_iso);
      g_variant_builder_add (&params, "s", to_iso);
    }
  rows = appeals_db_query (request->db, sql, district != NULL || in_period ? g_variant_builder_end (&params) : NULL,
                           error);
  if (district == NULL && !in_period)
    g_variant_builder_clear (&params);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      AppealsBodyQuality *quality = g_new0 (AppealsBodyQuality, 1);

      quality->body = g_strdup (appeals_db_result_get_string (rows, i, "body"));
      quality->answers = appeals_db_result_get_int64 (rows, i, "answers");
      quality->accepted_first = quality->answers > 0
                                ? (double) appeals_db_result_get_int64 (rows, i, "accepted_first") / quality->answers
                                : 0;
      quality->average_score = appeals_db_result_get_double (rows, i, "average_score");
      quality->reworks = appeals_db_result_get_int64 (rows, i, "reworks");
      quality->overdue = appeals_db_result_get_int64 (rows, i, "overdue");
      g_ptr_array_add (ranking, quality);
    }

  min_answers = appeals_checklist_template_get_ranking_min_answers (template);
  appeals_quality_rank_bodies (ranking, min_answers);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "min_answers");
  json_builder_add_int_value (builder, min_answers);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ranking->len; i++)
    json_builder_add_value (builder, appeals_body_quality_to_json (g_ptr_array_index (ranking, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

void
appeals_api_expertise_register (AppealsServer *server)
{
  appeals_server_add_route (server, "GET", "/api/v1/appeals/{id}/expertise", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_list);
  appeals_server_add_route (server, "POST", "/api/v1/appeals/{id}/expertise", APPEALS_ALLOW_ANALYST,
                            APPEALS_ROUTE_IDEMPOTENT, handle_create);
  appeals_server_add_route (server, "GET", "/api/v1/expertise", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_SLOW, handle_pending);
  appeals_server_add_route (server, "POST", "/api/v1/expertise/{id}/approval", APPEALS_ALLOW_HEAD,
                            APPEALS_ROUTE_DEFAULT, handle_approve);
  appeals_server_add_route (server, "GET", "/api/v1/analytics/answer-quality", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_SLOW, handle_quality);
}
