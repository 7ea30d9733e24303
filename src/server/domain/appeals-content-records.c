/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-content-records.c: the terms of appeals' texts, and the terms
 * whose count grew most.
 *
 * An appeal's terms are written whenever its search index is (on
 * registration and on every edit), with its date, district and question
 * character, which a trigger keeps in step. The table is kept in order of
 * the date (migration 0029), so counting the terms of two periods is a
 * GROUP BY over each period's range of it, put together: one row per term
 * that grew leaves the database, never an appeal or its text. An appeal's
 * own terms are found by its date and id.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-content-records.h"
#include "appeals-period-query.h"
#include "appeals-scope.h"
#include "appeals-store.h"

/* Appeals of the backlog indexed per transaction. */
#define BACKLOG_BATCH 2000

static const char * const term_columns[] = {
  "appeal_id", "term", "registration_date", "district", "question_character", NULL
};
#define TERM_COLUMN 1

/**
 * appeals_content_records_add:
 *
 * Writes the terms of @appeal, just registered (it has none yet), inside
 * the caller's transaction.
 */
gboolean
appeals_content_records_add (AppealsDb      *db,
                             AppealsAppeal  *appeal,
                             GError        **error)
{
  g_autoptr(GPtrArray) terms = appeals_content_extract (appeal->annotation, appeal->text);
  g_autofree char *date = NULL;
  g_autoptr(GString) sql = NULL;
  GVariantBuilder params;

  if (terms->len == 0)
    return TRUE;

  /* one statement for all the terms */
  date = appeals_date_format_iso (&appeal->registration_date);
  sql = g_string_new ("INSERT INTO appeal_terms (appeal_id, term, registration_date, district, question_character) "
                      "VALUES ");
  g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
  for (guint i = 0; i < terms->len; i++)
    {
      g_string_append (sql, i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
      g_variant_builder_add (&params, "x", appeal->id);
      g_variant_builder_add (&params, "s", (const char *) g_ptr_array_index (terms, i));
      g_variant_builder_add (&params, "s", date);
      g_variant_builder_add (&params, "s", appeal->district);
      g_variant_builder_add (&params, "s", appeal->question_character);
    }
  return appeals_db_exec (db, sql->str, g_variant_builder_end (&params), error);
}

/**
 * appeals_content_records_index:
 * @appeal: as stored (after its UPDATE): its terms are looked for by its
 *   date and id
 *
 * Writes the terms of @appeal anew, inside the caller's transaction.
 */
gboolean
appeals_content_records_index (AppealsDb      *db,
                               AppealsAppeal  *appeal,
                               GError        **error)
{
  g_autofree char *date = appeals_date_format_iso (&appeal->registration_date);

  return appeals_db_exec (db, "DELETE FROM appeal_terms WHERE registration_date = ? AND appeal_id = ?",
                          g_variant_new ("(sx)", date, appeal->id), error) &&
         appeals_content_records_add (db, appeal, error);
}

#define IN_BATCH "(registration_date, appeal_id) IN (SELECT a.registration_date, a.id " \
                 "FROM appeal_terms_backlog b JOIN appeals a ON a.id = b.appeal_id WHERE b.appeal_id BETWEEN ? AND ?)"

/**
 * appeals_content_records_get_term_columns:
 *
 * Returns: the columns of appeal_terms that
 *   appeals_content_records_append_terms() gives values of, in order
 */
const char * const *
appeals_content_records_get_term_columns (void)
{
  return term_columns;
}

/**
 * appeals_content_records_append_terms:
 * @values: the texts of appeal_terms rows, row after row
 * @texts: where the texts are kept
 * @row: the values of the appeal's rows in the order of
 *   appeals_content_records_get_term_columns(), but for the term's
 *
 * Appends a row for each term of an appeal's @annotation and @text, for
 * appeals_store_load_rows().
 */
void
appeals_content_records_append_terms (GPtrArray          *values,
                                      GStringChunk       *texts,
                                      const char         *annotation,
                                      const char         *text,
                                      const char * const *row)
{
  g_autoptr(GPtrArray) terms = appeals_content_extract (annotation, text);
  const char *kept[G_N_ELEMENTS (term_columns) - 1];

  for (guint c = 0; c < G_N_ELEMENTS (kept); c++)
    kept[c] = c != TERM_COLUMN && row[c] != NULL ? g_string_chunk_insert (texts, row[c]) : NULL;
  for (guint i = 0; i < terms->len; i++)
    for (guint c = 0; c < G_N_ELEMENTS (kept); c++)
      g_ptr_array_add (values, c == TERM_COLUMN ? g_string_chunk_insert (texts, g_ptr_array_index (terms, i))
                                                : (gpointer) kept[c]);
}

/* The backlog's appeals (with the columns of their term rows) and
 * their terms. */
static gboolean
load_terms (AppealsDb        *db,
            AppealsDbResult  *appeals,
            GError          **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  GStringChunk *texts = g_string_chunk_new (64 * 1024);
  gboolean ok;

  for (guint i = 0; i < appeals_db_result_get_n_rows (appeals); i++)
    {
      const char *row[G_N_ELEMENTS (term_columns) - 1] = { NULL, };

      for (guint c = 0; c < G_N_ELEMENTS (row); c++)
        if (c != TERM_COLUMN)
          row[c] = appeals_db_result_get_string (appeals, i, term_columns[c]);
      appeals_content_records_append_terms (values, texts, appeals_db_result_get_string (appeals, i, "annotation"),
                                            appeals_db_result_get_string (appeals, i, "text"), row);
    }
  ok = appeals_store_load_rows (db, "appeal_terms", term_columns, values, error);
  g_string_chunk_free (texts);
  return ok;
}

/* One batch of the backlog: its appeals' terms anew, and out of the
 * backlog. */
static gboolean
index_batch (AppealsDb  *db,
             gpointer    user_data,
             GError    **error)
{
  AppealsDbResult *appeals = user_data;
  guint n = appeals_db_result_get_n_rows (appeals);
  gint64 first = appeals_db_result_get_int64 (appeals, 0, "appeal_id");
  gint64 last = appeals_db_result_get_int64 (appeals, n - 1, "appeal_id");

  /* an appeal edited since it entered the backlog has terms already */
  return appeals_db_exec (db, "DELETE FROM appeal_terms WHERE " IN_BATCH, g_variant_new ("(xx)", first, last), error) &&
         load_terms (db, appeals, error) &&
         appeals_db_exec (db, "DELETE FROM appeal_terms_backlog WHERE appeal_id BETWEEN ? AND ?",
                          g_variant_new ("(xx)", first, last), error);
}

/**
 * appeals_content_records_index_backlog:
 * @indexed: (out) (optional): the number of appeals indexed
 *
 * Writes the terms of every appeal in appeal_terms_backlog (those
 * registered before migration 0023, or loaded by the data generator), a
 * batch per transaction.
 */
gboolean
appeals_content_records_index_backlog (AppealsDb  *db,
                                       guint      *indexed,
                                       GError    **error)
{
  guint total = 0;

  for (;;)
    {
      g_autoptr(AppealsDbResult) appeals = NULL;

      appeals = appeals_db_query (db,
                                  "SELECT a.id AS appeal_id, a.annotation AS annotation, a.text AS text, "
                                  "a.registration_date AS registration_date, a.district AS district, "
                                  "a.question_character AS question_character "
                                  "FROM appeal_terms_backlog b JOIN appeals a ON a.id = b.appeal_id "
                                  "ORDER BY b.appeal_id LIMIT ?",
                                  g_variant_new ("(x)", (gint64) BACKLOG_BATCH), error);
      if (appeals == NULL)
        return FALSE;
      if (appeals_db_result_get_n_rows (appeals) == 0)
        break;
      if (!appeals_db_run_transaction (db, index_batch, appeals, error))
        return FALSE;
      total += appeals_db_result_get_n_rows (appeals);
    }
  if (indexed != NULL)
    *indexed = total;
  return TRUE;
}

/* Counting ---------------------------------------------------------------------- */

#define IN_PERIOD APPEALS_PERIOD_QUERY_IN ("t.registration_date")
#define IN_SCOPE  APPEALS_PERIOD_QUERY_SCOPE ("t")

/* The appeals of the two periods. */
static AppealsDbResult *
count_appeals (AppealsDb           *db,
               AppealsPeriodQuery  *query,
               GError             **error)
{
  static const char sql[] = "SELECT COALESCE (SUM (" IN_PERIOD "), 0) AS n, "
                            "COALESCE (SUM (" IN_PERIOD "), 0) AS m FROM appeals t "
                            "WHERE " APPEALS_PERIOD_QUERY_EITHER ("t.registration_date") " AND " IN_SCOPE;
  return appeals_db_query (db, sql, appeals_period_query_two_period_params (query), error);
}

/* The terms of each period counted on their own range of the table and
 * put together: one range with OR of the two would make SQLite keep a
 * set of every row read against duplicates (measured at a million
 * appeals: 10.2 s against 2.3 s). */
#define TERMS_OF_PERIOD(n, m) \
  "SELECT t.term AS term, " n " AS n, " m " AS m FROM appeal_terms t " \
  "WHERE t.registration_date BETWEEN ? AND ? AND " IN_SCOPE " GROUP BY t.term"

static AppealsDbResult *
count_terms (AppealsDb           *db,
             AppealsPeriodQuery  *query,
             gint64               min_count,
             GError             **error)
{
  static const char sql[] = "SELECT c.term AS term, SUM (c.n) AS n, SUM (c.m) AS m FROM ("
                            TERMS_OF_PERIOD ("COUNT(*)", "0") " UNION ALL "
                            TERMS_OF_PERIOD ("0", "COUNT(*)") ") c "
                            "GROUP BY c.term HAVING SUM (c.n) >= ? AND SUM (c.n) > SUM (c.m)";
  GVariantBuilder params;

  g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
  g_variant_builder_add (&params, "s", query->from);
  g_variant_builder_add (&params, "s", query->to);
  appeals_period_query_add_scope_params (query, &params);
  g_variant_builder_add (&params, "s", query->compare_from);
  g_variant_builder_add (&params, "s", query->compare_to);
  appeals_period_query_add_scope_params (query, &params);
  g_variant_builder_add (&params, "x", min_count);
  return appeals_db_query (db, sql, g_variant_builder_end (&params), error);
}

/* The journal's query for the appeals of the period with @term. */
static char *
make_filter (AppealsPeriodQuery *query,
             const char         *term)
{
  g_autofree char *escaped = g_uri_escape_string (term, NULL, FALSE);
  GString *filter = g_string_new (NULL);

  g_string_append_printf (filter, "q=%s&from=%s&to=%s", escaped, query->from, query->to);
  if (query->only_district != NULL)
    g_string_append_printf (filter, "&district=%s", query->only_district);
  if (query->only_question_character != NULL)
    g_string_append_printf (filter, "&question_character=%s", query->only_question_character);
  return g_string_free (filter, FALSE);
}

/**
 * appeals_content_records_count:
 * @periods: with its comparison period chosen; its filters count one
 *   district's or one question character's appeals only
 * @limit: the most terms to return
 * @min_count: a term counts from this many appeals of the period
 *
 * Returns: (transfer full): the terms of the appeals registered in the
 *   period (inclusive) in the caller's scope whose count of appeals grew
 *   most against the comparison period.
 */
AppealsContentTerms *
appeals_content_records_count (AppealsRequest              *request,
                               const AppealsReportPeriods  *periods,
                               guint                        limit,
                               gint64                       min_count,
                               GError                     **error)
{
  g_autoptr(AppealsContentTerms) terms = appeals_content_terms_new ();
  g_autoptr(AppealsDbResult) totals = NULL;
  g_autoptr(AppealsDbResult) rows = NULL;
  g_auto(AppealsPeriodQuery) query;

  appeals_period_query_init (&query, request, periods);
  terms->from = periods->from;
  terms->to = periods->to;
  terms->compare_from = periods->compare_from;
  terms->compare_to = periods->compare_to;
  terms->district = g_strdup (query.district);
  terms->only_district = g_strdup (periods->district);
  terms->only_question_character = g_strdup (periods->question_character);

  totals = count_appeals (request->db, &query, error);
  if (totals != NULL)
    rows = count_terms (request->db, &query, min_count, error);
  if (rows != NULL)
    {
      terms->total = appeals_db_result_get_int64 (totals, 0, "n");
      terms->compare_total = appeals_db_result_get_int64 (totals, 0, "m");
      for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
        {
          const char *term = appeals_db_result_get_string (rows, i, "term");
          g_auto(GStrv) words = g_strsplit (term, " ", 2);

          /* a word put on a stop list after its appeals were indexed */
          if (appeals_content_is_stop_word (words[0]) ||
              (words[1] != NULL && appeals_content_is_stop_word (words[1])))
            continue;
          appeals_content_terms_add (terms, term, appeals_db_result_get_int64 (rows, i, "n"),
                                     appeals_db_result_get_int64 (rows, i, "m"), make_filter (&query, term));
        }
      appeals_content_terms_rank (terms, limit);
    }

  return rows != NULL ? g_steal_pointer (&terms) : NULL;
}
