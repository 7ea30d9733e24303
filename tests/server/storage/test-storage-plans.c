/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage-plans.c: every journal filter reads through an index. The
 * statements have the shapes appeals-api-list.c, appeals-journal-search.c,
 * appeals-api-expertise.c and the reports' two periods run (a page's ids
 * in the journal's order, a capped count); the database explains its plan
 * for each and the test looks for the index it must use — on SQLite by
 * name and with no sort of the whole set, on PostgreSQL with sequential
 * scans priced out (its planner reads a tiny table whole otherwise) and
 * none chosen, and where it matters the range it reads. Dropping or
 * changing an index, or a query shape no index serves, fails here.
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "test-storage.h"

/* the journal's APPEALS_JOURNAL_OVERDUE_SQLITE_SQL, and on PostgreSQL
 * APPEALS_JOURNAL_OVERDUE_POSTGRESQL_SQL for pages and ..._COUNT_SQL for
 * counts */
#define OVERDUE "a.due_date < '2026-11-30' " \
                "AND a.status NOT IN ('answered', 'closed', 'terminated', 'left_without_consideration', 'forwarded')"
#define OVERDUE_PG "a.due_date < '2026-11-30' AND a.status NOT IN ('answered', 'closed') " \
                   "AND a.status NOT IN ('terminated', 'left_without_consideration', 'forwarded')"
#define OVERDUE_PG_COUNT "a.due_date < '2026-11-30' AND a.status IN ('registered', 'in_progress', 'extended', 'returned')"

typedef enum
{
  WHOLE,   /* the case's statement as it is */
  PAGE,    /* a page's ids in the journal's order */
  COUNT,   /* a capped count */
} Shape;

typedef struct
{
  const char *name;
  Shape       shape;
  const char *statement; /* WHOLE: the statement; else its WHERE */
  const char *sqlite;    /* what SQLite's plan must name */
  gboolean    in_order;  /* a page walked in the journal's order: no sort */
  const char *postgresql_where;  /* PostgreSQL's own clause, if it differs */
  gboolean    sqlite_only;       /* a table PostgreSQL has no need of */
  const char *postgresql;        /* what PostgreSQL's plan must name, besides an index */
} PlanCase;

static const PlanCase plan_cases[] = {
  { "first-page", PAGE, "1 = 1", "INDEX appeals_registration", TRUE },
  { "cursor", PAGE, "(a.registration_date, a.id) < ('2026-01-01', 500)", "SEARCH a USING COVERING INDEX appeals_registration", TRUE },
  { "status", PAGE, "a.status = 'in_progress'", "INDEX appeals_status", TRUE },
  { "status-cursor", PAGE, "a.status = 'in_progress' AND (a.registration_date, a.id) < ('2026-01-01', 500)",
    "INDEX appeals_status", TRUE },
  { "district", PAGE, "a.district = 'rudny-city'", "INDEX appeals_district", TRUE },
  { "district-status", PAGE, "a.district = 'rudny-city' AND a.status = 'registered'",
    "INDEX appeals_district_status", TRUE },
  /* the appeals whose term runs, in the journal's order, their terms
   * beside them (migration 0041; on PostgreSQL, whose choice among them
   * in this small table is its costs' noise, an index) */
  { "overdue", PAGE, OVERDUE, "COVERING INDEX appeals_open_registration", TRUE, OVERDUE_PG },
  { "overdue-count", COUNT, OVERDUE, "SEARCH a USING COVERING INDEX appeals_open_due", FALSE, OVERDUE_PG_COUNT },
  /* a district's registrar's overdue: the district's open appeals in
   * order, their terms beside them (migration 0039) */
  { "district-overdue", PAGE, "a.district = 'rudny-city' AND " OVERDUE,
    "SEARCH a USING COVERING INDEX appeals_district_open (district=?)", TRUE,
    "a.district = 'rudny-city' AND " OVERDUE_PG, FALSE, "appeals_district_open" },
  { "district-overdue-count", COUNT, "a.district = 'rudny-city' AND " OVERDUE,
    "SEARCH a USING COVERING INDEX appeals_district_open (district=?)", FALSE,
    "a.district = 'rudny-city' AND " OVERDUE_PG_COUNT },
  { "status-count", COUNT, "a.status = 'registered'", "INDEX appeals_status", FALSE },
  { "registration-number", PAGE, "a.registration_number = '2026-333333'", "sqlite_autoindex_appeals_1", FALSE },
  { "search-set", PAGE,
    "a.id IN (SELECT rowid FROM appeals_search WHERE appeals_search MATCH '\"көмек\"*')", "VIRTUAL TABLE INDEX", FALSE,
    "a.id = ANY (ARRAY (SELECT s.id FROM appeals s WHERE s.search_vector @@ to_tsquery ('simple', 'көмек:*')))" },
  { "search-walk", PAGE,
    "EXISTS (SELECT 1 FROM appeals_search WHERE appeals_search MATCH '\"к\"*' AND appeals_search.rowid = a.id)",
    "INDEX appeals_registration", TRUE, "COALESCE (a.search_vector @@ to_tsquery ('simple', 'к:*'), FALSE)" },
  { "search-walk-word", PAGE,
    "EXISTS (SELECT 1 FROM appeals_search WHERE appeals_search MATCH '\"көмек\"' AND appeals_search.rowid = a.id)",
    "INDEX appeals_registration", TRUE, "COALESCE (a.search_vector @@ to_tsquery ('simple', 'көмек:*'), FALSE)" },
  /* the index's words read from the prefix on, not scanned whole */
  { "search-words", WHOLE, "SELECT term FROM appeals_search_words WHERE term >= 'көмек' AND term < 'көмек\xf4\x8f\xbf\xbf' LIMIT 17",
    "SEARCH appeals_search_words USING PRIMARY KEY (term>? AND term<?)", FALSE, NULL, TRUE },
  { "search-walk-set", PAGE,
    "+a.id IN (SELECT rowid FROM appeals_search WHERE appeals_search MATCH '\"көмек\"*')",
    "INDEX appeals_registration", TRUE, "COALESCE (a.search_vector @@ to_tsquery ('simple', 'көмек:*'), FALSE)" },
  /* the verdicts a head approves, and the final ones, a page at a time
   * past the page before */
  { "expertise-awaiting", WHOLE, "SELECT e.id FROM expertise e WHERE e.state = 'awaiting_approval' AND e.id > 0 "
    "ORDER BY e.id LIMIT 51", "INDEX expertise_state", TRUE },
  { "expertise-final-page", WHOLE, "SELECT e.id FROM expertise e WHERE e.state = 'final' AND e.id > 120000 "
    "ORDER BY e.id LIMIT 51", "INDEX expertise_state", TRUE },
  /* a report's two periods (appeals-report-records.c): one range of the
   * date index that holds both, not the whole index filtered */
  { "two-periods", WHOLE, "SELECT a.district AS key, COUNT(*) AS n FROM appeals a "
    "WHERE a.registration_date BETWEEN '2025-07-01' AND '2026-12-01' AND "
    "(a.registration_date BETWEEN '2026-07-01' AND '2026-12-01' OR a.registration_date BETWEEN '2025-07-01' AND '2025-12-01') "
    "GROUP BY 1", "COVERING INDEX appeals_dynamics (registration_date>? AND registration_date<?)", FALSE, NULL, FALSE,
    "Index Cond: ((registration_date >= '2025-07-01'::text) AND (registration_date <= '2026-12-01'::text))" },
  { "answer-quality", WHOLE, "SELECT e.body, COUNT(DISTINCT e.appeal_id) AS answers, AVG(e.score) AS average_score "
    "FROM expertise e WHERE e.state = 'final' GROUP BY e.body", "COVERING INDEX expertise_state_body", FALSE },
};

/* The plan's lines, joined by newlines. */
static char *
explain (AppealsDb  *db,
         const char *sql)
{
  gboolean sqlite = g_str_equal (test_storage_backend, "sqlite");
  g_autofree char *statement = g_strdup_printf ("%s %s", sqlite ? "EXPLAIN QUERY PLAN" : "EXPLAIN", sql);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) plan = appeals_db_query (db, statement, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < appeals_db_result_get_n_rows (plan); i++)
    g_string_append_printf (text, "%s\n", appeals_db_result_get_cell (plan, i, sqlite ? 3 : 0));
  return g_string_free (text, FALSE);
}

static void
test_plan (Fixture       *fixture,
           gconstpointer  user_data)
{
  const PlanCase *row = user_data;
  gboolean postgresql = g_str_equal (test_storage_backend, "postgresql");
  const char *where = postgresql && row->postgresql_where != NULL ? row->postgresql_where : row->statement;
  g_autofree char *sql = NULL;
  g_autofree char *plan = NULL;
  g_autoptr(GError) error = NULL;

  if (postgresql && row->sqlite_only)
    {
      g_test_skip ("SQLite's own");
      return;
    }

  switch (row->shape)
    {
    case PAGE:
      sql = g_strdup_printf ("SELECT a.id FROM appeals a WHERE %s "
                             "ORDER BY a.registration_date DESC, a.id DESC LIMIT 51 OFFSET 0", where);
      break;
    case COUNT:
      sql = g_strdup_printf ("SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM appeals a WHERE %s LIMIT 10001) c", where);
      break;
    case WHOLE:
    default:
      sql = g_strdup (where);
    }

  if (postgresql)
    {
      appeals_db_exec_script (fixture->db, "SET enable_seqscan = off", &error);
      g_assert_no_error (error);
    }
  plan = explain (fixture->db, sql);
  g_test_message ("%s:\n%s", row->name, plan);

  if (g_str_equal (test_storage_backend, "sqlite"))
    {
      g_assert_nonnull (strstr (plan, row->sqlite));
      if (row->in_order)
        g_assert_null (strstr (plan, "TEMP B-TREE FOR ORDER BY"));
    }
  else
    {
      g_assert_null (strstr (plan, "Seq Scan"));
      g_assert_nonnull (strstr (plan, row->postgresql != NULL ? row->postgresql : "Index"));
    }
}

void
test_storage_add_plans (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (plan_cases); i++)
    {
      g_autofree char *path = g_strconcat ("plans/", plan_cases[i].name, NULL);
      add_test (path, &plan_cases[i], test_plan);
    }
}
