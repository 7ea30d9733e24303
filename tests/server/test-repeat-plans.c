/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-repeat-plans.c: the journal's appeals of repeat applicants
 * (?min_applicant_appeals=, behind the line report's figures) over a
 * region (ten years of generated appeals, on SQLite or PostgreSQL,
 * --backend=). For periods, minimums, a district's registrar and the
 * report's own district and question character, the pages (by
 * registration, by term both ways) and the counts hold what plain SQL
 * finds. A page read in its order counts each row's applicant's appeals
 * of the period through the index of applicants by day (migration 0038)
 * and stops at the page; a count, and a page that sorts the rows it
 * keeps, find the period's repeat applicants once, and read no
 * applicant's appeals of other periods. The count of the report's figure
 * alone over at most a year groups the period's appeals by applicant
 * once for both of its numbers, on SQLite in a hash, without sorting
 * them; region-wide with a minimum of two it reads instead the period's
 * appeals that follow another of the same applicant in it, from the
 * index of the previous appeals' days (migration 0042), whose days the
 * generator wrote as the appeals' order has them.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "appeals-journal-search.h"
#include "appeals-server.h"
#include "journal-plans-common.h"

#define PAGE_CLAUSE "(SELECT COUNT(*) FROM appeals b WHERE b.applicant_id = a.applicant_id AND"
#define COUNT_CLAUSE "GROUP BY b.applicant_id HAVING COUNT(*) >= ?"
/* both figures in one pass: summed by applicant on PostgreSQL, tallied
 * by appeals_repeat_count() on SQLite */
#define GROUPED_COUNT "CASE WHEN b.due_date < ?"
/* ... or through the appeals' previous ones */
#define CHAINED_COUNT "FROM appeals b WHERE b.applicant_previous_date >= ?"

typedef struct
{
  const char *login;
  const char *period;    /* "year" (the last), "middle" (a year), NULL: all */
  guint       minimum;
  gboolean    narrowed;  /* the report's own district and question character */
} RepeatCase;

static const RepeatCase cases[] = {
  { "controller", "year", 2, FALSE },
  { "controller", "year", 5, FALSE },
  { "controller", "middle", 2, FALSE },
  { "controller", NULL, 3, FALSE },
  { "controller", NULL, 2, TRUE },
  { "registrar2", "year", 2, FALSE },
  { "registrar2", NULL, 2, FALSE },
};

/* What a case asks for: the journal's query, and the same as SQL
 * parameters. */
typedef struct
{
  char *query;
  char *from, *to;
  char *scope;       /* the person's district, "" region-wide */
  char *district;    /* the report's, "" none */
  char *question;
} Asked;

static void
asked_clear (Asked *asked)
{
  g_free (asked->query);
  g_free (asked->from);
  g_free (asked->to);
  g_free (asked->scope);
  g_free (asked->district);
  g_free (asked->question);
}

static void
ask (AppealsDb        *db,
     const RepeatCase *repeat,
     Asked            *asked)
{
  GString *query = g_string_new (NULL);

  asked->scope = person_district (db, repeat->login);
  if (repeat->period != NULL)
    {
      gboolean last = g_str_equal (repeat->period, "year");

      /* about a tenth of the ten years */
      asked->from = date_before_end (db, last ? N_SEARCH_APPEALS / 10 : N_SEARCH_APPEALS / 2);
      asked->to = date_before_end (db, last ? 0 : N_SEARCH_APPEALS / 2 - N_SEARCH_APPEALS / 10);
      g_string_append_printf (query, "from=%s&to=%s&", asked->from, asked->to);
    }
  else
    {
      asked->from = g_strdup ("0000-01-01");
      asked->to = g_strdup ("9999-12-31");
    }
  asked->district = repeat->narrowed ? most_common (db, "district", FALSE) : g_strdup ("");
  asked->question = repeat->narrowed ? most_common (db, "question_character", FALSE) : g_strdup ("");
  if (repeat->narrowed)
    g_string_append_printf (query, "district=%s&question_character=%s&", asked->district, asked->question);
  g_string_append_printf (query, "min_applicant_appeals=%u", repeat->minimum);
  asked->query = g_string_free (query, FALSE);
}

/* Every appeal of the case in the order of @column, back from the newest
 * or forth from the first, and how many of them are overdue: written
 * apart from the server's statements, the applicants' counts joined. */
static GArray *
plain_appeals (AppealsDb   *db,
               const Asked *asked,
               guint        minimum,
               const char  *column,
               gboolean     descending,
               gint64      *overdue)
{
  const char *direction = descending ? "DESC" : "ASC";
  g_autofree char *sql = NULL;
  g_autofree char *today_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) rows = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GDate today;

  appeals_server_get_today (&today);
  today_text = appeals_date_format_iso (&today);
  /* overdue: past the term of an appeal still to be answered here */
  sql = g_strdup_printf ("SELECT a.id, CASE WHEN a.due_date < ? AND a.status IN ('registered', 'in_progress', "
                         "'extended', 'returned') "
                         "THEN 1 ELSE 0 END AS overdue FROM appeals a JOIN ("
                         "SELECT applicant_id, COUNT(*) AS n FROM appeals WHERE registration_date BETWEEN ? AND ? "
                         "AND district = CASE WHEN ? = '' THEN district ELSE ? END "
                         "AND district = CASE WHEN ? = '' THEN district ELSE ? END "
                         "AND question_character = CASE WHEN ? = '' THEN question_character ELSE ? END "
                         "GROUP BY applicant_id) r ON r.applicant_id = a.applicant_id "
                         "WHERE r.n >= ? AND a.registration_date BETWEEN ? AND ? "
                         "AND a.district = CASE WHEN ? = '' THEN a.district ELSE ? END "
                         "AND a.district = CASE WHEN ? = '' THEN a.district ELSE ? END "
                         "AND a.question_character = CASE WHEN ? = '' THEN a.question_character ELSE ? END "
                         "ORDER BY a.%s %s, a.id %s", column, direction, direction);
  rows = appeals_db_query (db, sql,
                           g_variant_new ("(sssssssssxssssssss)", today_text, asked->from, asked->to,
                                          asked->scope, asked->scope, asked->district, asked->district,
                                          asked->question, asked->question, (gint64) minimum,
                                          asked->from, asked->to, asked->scope, asked->scope,
                                          asked->district, asked->district, asked->question, asked->question),
                           &error);
  g_assert_no_error (error);
  *overdue = 0;
  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      gint64 id = appeals_db_result_get_int64 (rows, i, "id");

      g_array_append_val (ids, id);
      *overdue += appeals_db_result_get_int64 (rows, i, "overdue");
    }
  return ids;
}

/* The key of appeal @id in the order of @column. */
static char *
key_of (AppealsDb  *db,
        const char *column,
        gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s AS k FROM appeals WHERE id = ?", column);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) row = appeals_db_query (db, sql, g_variant_new ("(x)", id), &error);

  g_assert_no_error (error);
  return g_strdup (appeals_db_result_get_string (row, 0, "k"));
}

/* The server's first three pages of the case in the order of @column
 * (by cursors) are plain SQL's. */
static void
assert_pages (AppealsTestServer *server,
              SoupSession       *session,
              const char        *token,
              AppealsDb         *db,
              const Asked       *asked,
              GArray            *expected,
              const char        *column,
              gboolean           descending)
{
  g_autofree char *key = NULL;
  gint64 after = 0;

  for (guint start = 0; start < 3 * SEARCH_PAGE && start <= expected->len; start += SEARCH_PAGE)
    {
      g_autoptr(GArray) page = server_page (server, session, token, asked->query, column, key, after, descending);
      g_autoptr(GArray) slice = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_vals (slice, &g_array_index (expected, gint64, start),
                           MIN (SEARCH_PAGE, expected->len - start));
      assert_same_page (page, slice, asked->query, key, after, descending);
      if (page->len < SEARCH_PAGE)
        break;
      after = g_array_index (page, gint64, page->len - 1);
      g_free (key);
      key = key_of (db, column, after);
    }
}

/* One count of @asked, with @extra query members. */
static void
assert_one_count (AppealsTestServer *server,
                  SoupSession       *session,
                  const char        *token,
                  const Asked       *asked,
                  const char        *extra,
                  gint64             total,
                  gint64             overdue)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/count?%s%s", asked->query, extra);
  g_autoptr(AppealsTestResponse) response = appeals_test_request (server, session, "GET", path, token, NULL, NULL);
  JsonObject *counted;

  g_assert_cmpuint (response->status, ==, 200);
  counted = appeals_test_response_object (response);
  g_assert_cmpint (total, <, APPEALS_JOURNAL_COUNT_CAP);
  if (json_object_get_int_member (counted, "total") != total ||
      json_object_get_int_member (counted, "overdue") != overdue)
    g_error ("%s%s: counted %" G_GINT64_FORMAT " (%" G_GINT64_FORMAT " overdue), plain SQL finds %" G_GINT64_FORMAT
             " (%" G_GINT64_FORMAT ")", asked->query, extra, json_object_get_int_member (counted, "total"),
             json_object_get_int_member (counted, "overdue"), total, overdue);
  g_assert_false (json_object_get_boolean_member (counted, "total_more"));
}

/* The count of the report's figure alone (by applicant, within a year),
 * and with the journal's overdue filter either way (as a set). */
static void
assert_count (AppealsTestServer *server,
              SoupSession       *session,
              const char        *token,
              const Asked       *asked,
              gint64             total,
              gint64             overdue)
{
  assert_one_count (server, session, token, asked, "", total, overdue);
  assert_one_count (server, session, token, asked, "&overdue=true", overdue, overdue);
  assert_one_count (server, session, token, asked, "&overdue=false", total - overdue, 0);
}

/* Whether the server counts @asked by applicant: a period of at most a
 * year (appeals_report_records_count_repeat()). */
static gboolean
counted_by_applicant (const Asked *asked)
{
  GDate from, to;

  return appeals_date_parse_iso (asked->from, &from) && appeals_date_parse_iso (asked->to, &to) &&
         g_date_get_year (&from) > 1 && g_date_days_between (&from, &to) <= 366;
}

/* A page's statement read in its order counts each row's applicant's
 * appeals through a range of the index of applicants by day; a count's
 * finds the repeat applicants once (as does a page that sorts), and on
 * SQLite looks up their appeals, if it does, by applicant and day, never
 * all of an applicant's. Counts the statements of each kind looked at. */
static void
assert_repeat_plans (AppealsDb  *db,
                     const char *logged,
                     guint      *n_pages,
                     guint      *n_counts,
                     guint      *n_grouped,
                     guint      *n_chained,
                     guint      *n_sorted)
{
  g_auto(GStrv) lines = g_strsplit (logged, "\n", -1);
  gboolean sqlite = appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_SQLITE;

  *n_pages = *n_counts = *n_grouped = *n_chained = *n_sorted = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *plan = NULL;
      const char *range;

      /* a page that sorts the rows it keeps reads them all */
      if (strstr (lines[i], sqlite ? "ORDER BY +a." : "OFFSET 0) m ORDER BY") != NULL &&
          strstr (lines[i], "applicant_id") != NULL)
        {
          if (strstr (lines[i], PAGE_CLAUSE) != NULL)
            g_error ("a sorted page counting row by row:\n%s", lines[i]);
          (*n_sorted)++;
        }
      if (strstr (lines[i], PAGE_CLAUSE) != NULL)
        {
          plan = plan_of (db, lines[i]);
          range = strstr (plan, "using appeals_applicant");
          /* the applicant's appeals of the period: a range of the index */
          if (sqlite ? strstr (plan, "CORRELATED SCALAR SUBQUERY") == NULL ||
                       strstr (plan, "appeals_applicant (applicant_id=? AND registration_date>") == NULL
                     : strstr (plan, "SubPlan") == NULL || range == NULL ||
                       strstr (range, "Index Cond: ((applicant_id = a") == NULL ||
                       strstr (range, ") AND (registration_date >=") == NULL)
            g_error ("a page not counting by applicant and day:\n%s\n%s", lines[i], plan);
          (*n_pages)++;
        }
      else if (strstr (lines[i], COUNT_CLAUSE) != NULL)
        {
          plan = plan_of (db, lines[i]);
          /* (without a period, all of them are the period's) */
          if (sqlite && strstr (lines[i], "a.registration_date >= ?") != NULL &&
              strstr (plan, "(applicant_id=?") != NULL &&
              strstr (plan, "(applicant_id=? AND registration_date>") == NULL)
            g_error ("a set reading all of its applicants' appeals:\n%s\n%s", lines[i], plan);
          if (strstr (lines[i], "SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM appeals a WHERE") != NULL)
            (*n_counts)++;
        }
      /* a count by applicant reads the period once, by day */
      if (strstr (lines[i], GROUPED_COUNT) != NULL)
        {
          if (plan == NULL)
            plan = plan_of (db, lines[i]);
          if (sqlite && strstr (plan, "(registration_date>? AND registration_date<?)") == NULL)
            g_error ("a count by applicant not reading the period by day:\n%s\n%s", lines[i], plan);
          if (sqlite && (strstr (lines[i], "appeals_repeat_count (") == NULL || strstr (plan, "TEMP B-TREE") != NULL))
            g_error ("a count by applicant sorting the period:\n%s\n%s", lines[i], plan);
          if (strstr (lines[i], PAGE_CLAUSE) != NULL)
            g_error ("a count by applicant counting row by row:\n%s", lines[i]);
          (*n_grouped)++;
        }
      /* ... or, region-wide, the appeals after another of the period,
       * by the range of their previous ones' days */
      if (strstr (lines[i], CHAINED_COUNT) != NULL)
        {
          if (plan == NULL)
            plan = plan_of (db, lines[i]);
          if (sqlite ? strstr (plan, "USING COVERING INDEX appeals_applicant_previous (applicant_previous_date>? "
                                     "AND applicant_previous_date<?)") == NULL
                     : strstr (plan, "appeals_applicant_previous") == NULL ||
                       strstr (plan, "Cond: ((applicant_previous_date >=") == NULL)
            g_error ("a count by previous appeals not reading their range:\n%s\n%s", lines[i], plan);
          /* the period's overdue by day among its open appeals, each
           * applicant's other appeals of it looked up by applicant */
          if (sqlite && (strstr (plan, "USING INDEX appeals_open_registration (registration_date>? AND "
                                       "registration_date<?)") == NULL ||
                         strstr (plan, "appeals_applicant (applicant_id=? AND registration_date>?") == NULL))
            g_error ("a count by previous appeals not reading the open appeals of the period:\n%s\n%s", lines[i],
                     plan);
          (*n_chained)++;
        }
      /* a count reads every row: never counted row by row */
      if (strstr (lines[i], "SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM appeals a WHERE") != NULL &&
          strstr (lines[i], PAGE_CLAUSE) != NULL)
        g_error ("a count of repeat applicants row by row:\n%s", lines[i]);
    }
}

/* The generator wrote each appeal's previous one of the same applicant
 * as the triggers of migration 0042 keep it: the day of the appeal
 * before it in the order of day and id; and left those triggers as they
 * were (it does without them while it loads). */
static void
assert_previous_written (AppealsDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) counted = NULL;
  g_autoptr(AppealsDbResult) triggers = NULL;

  triggers = appeals_db_query (db, appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_SQLITE
                                   ? "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' "
                                     "AND name LIKE 'appeals_previous_%'"
                                   : "SELECT COUNT(*) AS n FROM pg_trigger WHERE tgname LIKE 'appeals_previous_%' "
                                     "AND tgenabled = 'O'", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (appeals_db_result_get_int64 (triggers, 0, "n"), ==,
                   appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_SQLITE ? 3 : 4);

  counted = appeals_db_query (db,
                              "SELECT SUM (CASE WHEN a.applicant_previous_date IS NOT NULL THEN 1 ELSE 0 END) AS n, "
                              "SUM (CASE WHEN a.applicant_previous_date IS DISTINCT FROM "
                              "(SELECT MAX (p.registration_date) FROM appeals p WHERE p.applicant_id = a.applicant_id "
                              "AND (p.registration_date < a.registration_date OR "
                              "(p.registration_date = a.registration_date AND p.id < a.id))) THEN 1 ELSE 0 END) AS wrong "
                              "FROM appeals a", NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%" G_GINT64_FORMAT " appeals after another of their applicant's",
                  appeals_db_result_get_int64 (counted, 0, "n"));
  g_assert_cmpint (appeals_db_result_get_int64 (counted, 0, "n"), >, N_SEARCH_APPEALS / 10);
  g_assert_cmpint (appeals_db_result_get_int64 (counted, 0, "wrong"), ==, 0);
}

static void
test_repeat_applicants (void)
{
  g_autoptr(AppealsDb) db = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *statements = NULL;
  g_autofree char *token = NULL;
  g_autofree char *logged = NULL;
  gsize before;
  guint n_pages, n_counts, n_grouped, n_chained, n_sorted, n_within_a_year = 0, n_region_pairs = 0;
  AppealsTestServer *server;

  ensure_search_database ();
  db = open_db (search_location);
  assert_previous_written (db);
  server = start_logging_server (&statements, &token);
  before = file_size (statements);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *person_token = appeals_test_sign_in (server, cases[c].login, "demo");
      g_autoptr(GArray) by_registration = NULL;
      g_autoptr(GArray) by_term = NULL;
      g_autoptr(GArray) by_term_back = NULL;
      gint64 overdue, unused;
      Asked asked = { 0 };

      ask (db, &cases[c], &asked);
      by_registration = plain_appeals (db, &asked, cases[c].minimum, "registration_date", TRUE, &overdue);
      by_term = plain_appeals (db, &asked, cases[c].minimum, "due_date", FALSE, &unused);
      by_term_back = plain_appeals (db, &asked, cases[c].minimum, "due_date", TRUE, &unused);
      /* each case has appeals to compare, more than a page of them */
      if (by_registration->len <= SEARCH_PAGE)
        g_error ("%s as %s: %u appeals, too few to compare", asked.query, cases[c].login, by_registration->len);
      assert_pages (server, session, person_token, db, &asked, by_registration, "registration_date", TRUE);
      assert_pages (server, session, person_token, db, &asked, by_term, "due_date", FALSE);
      assert_pages (server, session, person_token, db, &asked, by_term_back, "due_date", TRUE);
      assert_count (server, session, person_token, &asked, by_registration->len, overdue);
      n_within_a_year += counted_by_applicant (&asked);
      n_region_pairs += counted_by_applicant (&asked) && cases[c].minimum == 2 && asked.scope[0] == '\0' &&
                        !cases[c].narrowed;
      asked_clear (&asked);
    }

  g_assert_true (g_file_get_contents (statements, &logged, NULL, &error));
  g_assert_no_error (error);
  /* each case: its pages (one to three each way), its two counts (all
   * and overdue; a page by term may count too, to choose its plan) */
  assert_repeat_plans (db, logged + before, &n_pages, &n_counts, &n_grouped, &n_chained, &n_sorted);
  g_test_message ("%u pages in order, %u counts, %u counts by applicant, %u by previous appeals, %u pages sorted",
                  n_pages, n_counts, n_grouped, n_chained, n_sorted);
  g_assert_cmpuint (n_pages, >=, G_N_ELEMENTS (cases) * 2);
  g_assert_cmpuint (n_counts, >=, G_N_ELEMENTS (cases) * 2);
  /* the report's figure alone within a year, and only then: region-wide
   * with a minimum of two by the previous appeals, else by applicant */
  g_assert_cmpuint (n_region_pairs, >, 0);
  g_assert_cmpuint (n_chained, ==, n_region_pairs);
  g_assert_cmpuint (n_grouped, ==, n_within_a_year - n_region_pairs);
  g_assert_cmpuint (n_grouped, >, 0);
  /* PostgreSQL sorts a period's pages by term that its first window does
   * not hold; SQLite's windows hold all of these few appeals */
  if (!g_str_equal (backend, "sqlite"))
    g_assert_cmpuint (n_sorted, >, 0);

  appeals_test_server_free (server);
  g_unlink (statements);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  journal_plans_setup (&argc, &argv);
  g_test_add_func ("/repeat-plans/repeat-applicants", test_repeat_applicants);
  status = g_test_run ();
  journal_plans_teardown ();
  return status;
}
