/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-journal.c: the requests of a region's journal at scale, each
 * against its floor — the raw SQL that returns the same page, run in the
 * same run straight on the same database from this process; for the
 * searches, the card and the analytics, the request's own statements as
 * the server ran them (appeals_bench_capture_statements()): a search's
 * words are spelt from the index's vocabulary and its plan chosen by
 * counts, which no one statement written here would do, and a card's read
 * of personal data is recorded and committed.
 *
 *   APPEALS_BENCH_APPEALS=1000000 meson test -C build --benchmark
 *
 * The database is generated once per size and schema (appeals-server
 * generate) and kept under $APPEALS_BENCH_CACHE, so a rerun starts at
 * once. Prints p50/p95 of each request and its floor, the ratio of the
 * medians and what the request costs over its floor (next to what a bare
 * exchange, GET /health, costs), the concurrency figures (cheap requests while 64 connections
 * run pages and searches) and the server's memory around analytics. It
 * reports; it asserts no time. The concurrency figures are measured with
 * the server's worker pool, then with everything on one main loop
 * (--workers 0) for comparison, after /health, a card and a PATCH timed
 * alone on that loop: what handing a request to a worker and back costs.
 * APPEALS_BENCH_WORKERS=N runs the whole bench with N workers instead.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "appeals-db.h"
#include "appeals-bench.h"
#include "appeals-journal-page.h"
#include "appeals-core.h"
#include "appeals-test-server.h"

/* the page as the desk asks for it (?texts=false): the appeals' columns
 * but their texts and answers */
#define LIST_COLUMNS \
  "SELECT " APPEALS_JOURNAL_ROW_COLUMNS ", ap.iin AS applicant_iin, " \
  "COALESCE (ap.organisation_name || ' ', '') || ap.surname || ' ' || ap.given_name || " \
  "COALESCE (' ' || ap.patronymic, '') AS applicant_name "
#define LIST_SQL LIST_COLUMNS "FROM appeals a JOIN applicants ap ON ap.id = a.applicant_id "
/* a journal page as the desk asks for it */
#define PAGE "/api/v1/appeals?limit=50&texts=false"
/* "My work" as the desk asks for it (appeals-work-service.c) */
#define MY_WORK "/api/v1/my-work?soon_days=3&count_limit=1000"
#define NEWEST " ORDER BY a.registration_date DESC, a.id DESC LIMIT 51"
/* the overdue as the server writes it for each planner
 * (appeals-report-sql.h) */
#define OVERDUE_SQLITE \
  "a.due_date < ? AND a.status NOT IN ('answered', 'closed', 'terminated', 'left_without_consideration', 'forwarded')"
#define OVERDUE_POSTGRESQL \
  "a.due_date < ? AND a.status NOT IN ('answered', 'closed') " \
  "AND a.status NOT IN ('terminated', 'left_without_consideration', 'forwarded')"
/* the page's ids first, then their rows: the overdue filter's plain
 * join SQLite's planner may read otherwise (the 35,000 open appeals past
 * their terms joined and sorted: 0.43 ms in one run, 0.7–1.4 s in the
 * next ones on the same data, 2026-12-06) */
#define IDS_FIRST(where) \
  LIST_COLUMNS "FROM (SELECT a.id FROM appeals a WHERE " where NEWEST ") page " \
  "JOIN appeals a ON a.id = page.id JOIN applicants ap ON ap.id = a.applicant_id " \
  "ORDER BY a.registration_date DESC, a.id DESC"

typedef struct
{
  const char *name;
  char       *path;
  char       *sql;
  GVariant   *params;
  GPtrArray  *statements;   /* without sql: the request's own, as the server ran them */
  const char *login;        /* who asks; NULL: the controller */
  char       *token;
} Case;

static void
add_case (GArray     *cases,
          const char *name,
          char       *path,
          char       *sql,
          GVariant   *params)
{
  Case c = { name, path, sql, params != NULL ? g_variant_ref_sink (params) : NULL, NULL, NULL, NULL };

  g_array_append_val (cases, c);
}

/* A request of another person's, its floor its own statements. */
static void
add_case_as (GArray     *cases,
             const char *login,
             const char *name,
             char       *path)
{
  Case c = { name, path, NULL, NULL, NULL, login, NULL };

  g_array_append_val (cases, c);
}

/* The bench's token while @c is timed: its person's, if it has one;
 * returns the one to put back. */
static char *
use_token (AppealsBench *bench,
           Case         *c)
{
  char *controller = bench->token;

  if (c->login != NULL && c->token == NULL)
    c->token = appeals_test_sign_in (bench->server, c->login, "demo");
  if (c->token != NULL)
    bench->token = c->token;
  return controller;
}

static char *
escape (const char *text)
{
  return g_uri_escape_string (text, NULL, FALSE);
}

/* The dynamics and alerts of the last twelve months (the alerts read
 * the rule's baseline months before them). */
static void
add_dynamics_cases (GArray *cases)
{
  g_autofree char *from = NULL, *to = NULL;
  GDate today, start;

  appeals_date_get_today (&today);
  to = appeals_date_format_iso (&today);
  start = today;
  g_date_set_day (&start, 1);
  g_date_subtract_months (&start, 11);
  from = appeals_date_format_iso (&start);

  add_case (cases, "GET /analytics/dynamics (12 months)",
            g_strdup_printf ("/api/v1/analytics/dynamics?from=%s&to=%s", from, to), NULL, NULL);
  add_case (cases, "GET /analytics/alerts (12 months)",
            g_strdup_printf ("/api/v1/analytics/alerts?from=%s&to=%s", from, to), NULL, NULL);
}

typedef struct
{
  char *from, *to, *compare_from, *compare_to;
} Period;

/* This half-year so far, and the same days a year earlier. */
static void
half_year (Period *period)
{
  GDate today, start, end, compare_start, compare_end;

  appeals_date_get_today (&today);
  appeals_report_preset_range (APPEALS_REPORT_PRESET_HALF_YEAR, &today, &start, &end);
  appeals_report_year_earlier (&start, &end, &compare_start, &compare_end);
  period->from = appeals_date_format_iso (&start);
  period->to = appeals_date_format_iso (&end);
  period->compare_from = appeals_date_format_iso (&compare_start);
  period->compare_to = appeals_date_format_iso (&compare_end);
}

static void
period_clear (Period *period)
{
  g_free (period->from);
  g_free (period->to);
  g_free (period->compare_from);
  g_free (period->compare_to);
}

/* The content analysis, the line report and the statistical report of
 * this half-year, against the same days a year earlier. */
static void
add_report_cases (GArray *cases)
{
  Period period;

  half_year (&period);
  add_case (cases, "GET /analytics/content-terms (half-year)",
            g_strdup_printf ("/api/v1/analytics/content-terms?from=%s&to=%s&compare_from=%s&compare_to=%s",
                             period.from, period.to, period.compare_from, period.compare_to), NULL, NULL);
  add_case (cases, "GET /analytics/line-report (half-year)",
            g_strdup_printf ("/api/v1/analytics/line-report?from=%s&to=%s&compare_from=%s&compare_to=%s",
                             period.from, period.to, period.compare_from, period.compare_to), NULL, NULL);
  add_case (cases, "GET /analytics/statistical-report (half-year)",
            g_strdup_printf ("/api/v1/analytics/statistical-report?from=%s&to=%s", period.from, period.to), NULL, NULL);
  period_clear (&period);
}

static GArray *
make_cases (AppealsBench *bench)
{
  GArray *cases = g_array_new (FALSE, FALSE, sizeof (Case));
  g_autofree char *today = appeals_bench_today ();
  g_autofree char *iin = appeals_bench_pick (bench, "SELECT iin AS v FROM applicants ORDER BY id LIMIT 1 OFFSET "
                                                    "(SELECT COUNT(*) / 3 FROM applicants)");
  g_autofree char *number = appeals_bench_pick (bench, "SELECT registration_number AS v FROM appeals ORDER BY id "
                                                       "LIMIT 1 OFFSET (SELECT COUNT(*) / 3 FROM appeals)");
  g_autofree char *e_iin = escape (iin);
  g_autofree char *e_number = escape (number);
  g_autofree char *e_word = escape ("көмек");
  g_autofree char *e_letter = escape ("к");
  g_autofree char *e_letters = escape ("к о м а с");
  g_autofree char *e_surname = escape ("Иванов");
  g_autofree char *e_cursor = escape (bench->cursor);
  g_autofree char *number_floor = g_strdup_printf (LIST_SQL "WHERE a.registration_number = '%s'" NEWEST, number);

  add_case (cases, "first journal page", g_strdup (PAGE), g_strdup (LIST_SQL "WHERE 1 = 1" NEWEST), NULL);
  add_case (cases, "deep page (cursor at half)", g_strdup_printf (PAGE "&cursor=%s", e_cursor),
            g_strdup (LIST_SQL "WHERE (a.registration_date, a.id) < (?, ?)" NEWEST),
            g_variant_new ("(sx)", bench->cursor_date, bench->cursor_id));
  add_case (cases, "filter status=in_progress", g_strdup (PAGE "&status=in_progress"),
            g_strdup (LIST_SQL "WHERE a.status = 'in_progress'" NEWEST), NULL);
  add_case (cases, "filter overdue=true", g_strdup (PAGE "&overdue=true"),
            g_strdup (bench->postgresql ? IDS_FIRST (OVERDUE_POSTGRESQL) : IDS_FIRST (OVERDUE_SQLITE)),
            g_variant_new ("(s)", today));
  add_case (cases, "filter district=rudny-city", g_strdup (PAGE "&district=rudny-city"),
            g_strdup (LIST_SQL "WHERE a.district = 'rudny-city'" NEWEST), NULL);
  /* its floor is its own statements: the rows in the window, the page */
  add_case (cases, "filter district by due date", g_strdup (PAGE "&district=rudny-city&sort=due_date"),
            NULL, NULL);
  /* few among the first due dates: looked for further on, then walked */
  add_case (cases, "filter complaints by due date", g_strdup (PAGE "&category=complaint&sort=due_date"),
            NULL, NULL);
  /* last year's first quarter, far from where the order starts: sorted */
  add_case (cases, "filter a quarter by due date",
            g_strdup_printf (PAGE "&from=%d-01-01&to=%d-03-31&sort=due_date",
                             atoi (today) - 1, atoi (today) - 1), NULL, NULL);
  /* a period's bounds in the order's terms: its page starts where its
   * terms or numbers do (appeals-journal-bounds.c) */
  add_case (cases, "filter last year by due date back",
            g_strdup_printf (PAGE "&from=%d-01-01&to=%d-12-31&sort=-due_date",
                             atoi (today) - 1, atoi (today) - 1), NULL, NULL);
  add_case (cases, "filter five years by number",
            g_strdup_printf (PAGE "&from=%d-01-01&sort=registration_number", atoi (today) - 5),
            NULL, NULL);
  /* the line report's repeat applicants: a page counts each row's
   * applicant's appeals of the period (migration 0038); the count finds
   * the period's repeat applicants once */
  add_case (cases, "filter repeat applicants, last year",
            g_strdup_printf (PAGE "&from=%d-01-01&to=%d-12-31&min_applicant_appeals=2",
                             atoi (today) - 1, atoi (today) - 1), NULL, NULL);
  add_case (cases, "GET /appeals/count of them",
            g_strdup_printf ("/api/v1/appeals/count?from=%d-01-01&to=%d-12-31&min_applicant_appeals=2",
                             atoi (today) - 1, atoi (today) - 1), NULL, NULL);
  /* the searches' floors: their own statements */
  add_case (cases, "search a common word (көмек)", g_strdup_printf (PAGE "&q=%s", e_word),
            NULL, NULL);
  add_case (cases, "search one letter (к)", g_strdup_printf (PAGE "&q=%s", e_letter),
            NULL, NULL);
  add_case (cases, "search five letters (к о м а с)", g_strdup_printf (PAGE "&q=%s", e_letters),
            NULL, NULL);
  add_case (cases, "search a surname (Иванов)", g_strdup_printf (PAGE "&q=%s", e_surname),
            NULL, NULL);
  /* past the last match a walk reads every row after it */
  add_case (cases, "search a year's word far back (2026, at half)",
            g_strdup_printf (PAGE "&q=2026&cursor=%s", e_cursor), NULL, NULL);
  /* where a page starts, a year's word is absent: its matches sorted */
  add_case (cases, "search a year's word oldest first (2026)",
            g_strdup (PAGE "&q=2026&sort=registration_date"), NULL, NULL);
  add_case (cases, "search a year's word by term far back (2026)",
            g_strdup_printf (PAGE "&q=2026&sort=-due_date&cursor=%s", e_cursor), NULL, NULL);
  add_case (cases, "search a full IIN", g_strdup_printf (PAGE "&q=%s", e_iin),
            NULL, NULL);
  add_case (cases, "search a registration number", g_strdup_printf (PAGE "&q=%s", e_number),
            g_steal_pointer (&number_floor), NULL);
  /* a card's floor is its own statements: the lookup, and the record of
   * who read the applicant's personal data, committed */
  add_case (cases, "GET /appeals/{id} (read logged)", g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, bench->card_id),
            NULL, NULL);
  add_case (cases, "GET /analytics/answer-quality", g_strdup ("/api/v1/analytics/answer-quality"), NULL, NULL);
  add_dynamics_cases (cases);
  add_report_cases (cases);
  /* a page of them and how many wait: its own statements */
  add_case (cases, "GET /expertise (awaiting approval)", g_strdup ("/api/v1/expertise?state=awaiting_approval"),
            NULL, NULL);
  /* the work queues (migration 0037) as the desk asks for them, each
   * group counted up to 1,000; and an analyst's counted whole, as
   * /api/v1 does unasked: every answer awaiting expertise */
  add_case_as (cases, "registrar2", "GET /my-work (a registrar)", g_strdup (MY_WORK));
  add_case (cases, "GET /my-work (the controller)", g_strdup (MY_WORK), NULL, NULL);
  add_case_as (cases, "head", "GET /my-work (the head)", g_strdup (MY_WORK));
  add_case_as (cases, "analyst", "GET /my-work (an analyst)", g_strdup (MY_WORK));
  add_case_as (cases, "analyst", "GET /my-work (an analyst, counted whole)", g_strdup ("/api/v1/my-work"));
  return cases;
}

static void
print_row (const char *name,
           GArray     *request,
           GArray     *floor)
{
  double p50 = appeals_bench_percentile (request, 50), p95 = appeals_bench_percentile (request, 95);
  /* pad by characters, not bytes: some names are Cyrillic */
  int pad = 46 - (int) g_utf8_strlen (name, -1);

  if (floor == NULL)
    {
      g_print ("%s%*s %9.2f %9.2f\n", name, MAX (pad, 0), "", p50, p95);
      return;
    }
  g_print ("%s%*s %9.2f %9.2f %9.2f %9.2f %7.1fx %8.2f\n", name, MAX (pad, 0), "", p50, p95,
           appeals_bench_percentile (floor, 50), appeals_bench_percentile (floor, 95),
           p50 / MAX (appeals_bench_percentile (floor, 50), 0.001), p50 - appeals_bench_percentile (floor, 50));
}

int
main (int   argc,
      char *argv[])
{
  const char *backend = appeals_test_backend_from_args (&argc, argv);
  const char *size = g_getenv ("APPEALS_BENCH_APPEALS") != NULL ? g_getenv ("APPEALS_BENCH_APPEALS") : "1000000";
  g_autoptr(AppealsBench) bench = appeals_bench_open (backend, (guint) g_ascii_strtoull (size, NULL, 10));
  g_autoptr(GArray) cases = NULL;
  g_autoptr(GArray) patch = NULL;
  g_autoptr(GArray) patch_floor = NULL;
  gint64 rss_before = 0, rss_after = 0;

  setlocale (LC_ALL, "");

  appeals_bench_cursor_at_half (bench);
  cases = make_cases (bench);
  /* the statements of the requests timed against their own, logged by
   * the server; then the server runs without its log, as a real one */
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = &g_array_index (cases, Case, i);

      char *controller = use_token (bench, c);

      if (c->sql == NULL)
        c->statements = appeals_bench_capture_statements (bench, c->path);
      bench->token = controller;
    }
  appeals_bench_stop_statement_log (bench);

  appeals_bench_print_header (bench);
  g_print ("%-46s %9s %9s %9s %9s %8s %8s\n", "request (ms)", "p50", "p95", "floor p50", "floor p95", "ratio", "over");
  /* what an exchange costs before any work: the reference for the
   * requests whose floor is below a millisecond */
  {
    g_autoptr(GArray) health = appeals_bench_time_request (bench, "/api/v1/health");

    print_row ("GET /health (the exchange alone)", health, NULL);
  }

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = &g_array_index (cases, Case, i);
      g_autoptr(GArray) request = NULL;
      g_autoptr(GArray) floor = NULL;
      gboolean analytics = g_str_has_prefix (c->path, "/api/v1/analytics");
      char *controller = use_token (bench, c);

      if (analytics)
        rss_before = appeals_bench_server_rss_kb (bench);
      if (c->sql != NULL)
        c->statements = appeals_bench_statement (c->sql, c->params);
      appeals_bench_time_with_floor (bench, c->path, c->statements, &request, &floor);
      if (analytics)
        rss_after = appeals_bench_server_rss_kb (bench);
      bench->token = controller;
      print_row (c->name, request, floor);
      g_free (c->path);
      g_free (c->token);
      g_free (c->sql);
      g_clear_pointer (&c->params, g_variant_unref);
      g_clear_pointer (&c->statements, g_ptr_array_unref);
    }

  appeals_bench_time_patch (bench, &patch, &patch_floor);
  print_row ("PATCH /appeals/{id} (If-Match, audit)", patch, patch_floor);
  g_print ("server RSS around answer-quality: %" G_GINT64_FORMAT " MB before, %" G_GINT64_FORMAT " MB after\n",
           rss_before / 1024, rss_after / 1024);

  appeals_bench_concurrency (bench, 64);
  /* the same on one main loop with one connection, as before the pool;
   * first what the pool's handoff (to a worker and back) costs a cheap
   * request on its own */
  if (bench->workers == NULL)
    {
      g_autofree char *card = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, bench->card_id);
      g_autoptr(GArray) health = NULL;
      g_autoptr(GArray) card_ms = NULL;
      g_autoptr(GArray) patch_inline = NULL;
      g_autoptr(GArray) patch_inline_floor = NULL;

      appeals_bench_restart (bench, "0");
      g_print ("on one main loop (--workers 0), one request at a time:\n");
      health = appeals_bench_time_request (bench, "/api/v1/health");
      print_row ("GET /health", health, NULL);
      card_ms = appeals_bench_time_request (bench, card);
      print_row ("GET /appeals/{id} (read logged)", card_ms, NULL);
      appeals_bench_time_patch (bench, &patch_inline, &patch_inline_floor);
      print_row ("PATCH /appeals/{id} (If-Match, audit)", patch_inline, patch_inline_floor);
      appeals_bench_concurrency (bench, 64);
    }
  return 0;
}
