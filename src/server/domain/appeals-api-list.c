/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-list.c: GET /appeals — the journal: filters, full-text
 * search, sorting and keyset (cursor) pagination, so that a client pages
 * through any number of cards without the server counting offsets — and
 * GET /appeals/count, the journal's totals, asked for apart.
 *
 * A page never counts: its statement reads the page's ids in an index's
 * order (the cursor is the row value (key, id), an index range), then the
 * page's rows. The totals are counted with a cap (APPEALS_JOURNAL_COUNT_CAP,
 * "more than 10,000"), the overdue ones in the same request through the
 * open appeals' term index. ?offset= (up to the cap) starts a page at a
 * position, for a client that jumps into the list.
 */
#include "config.h"

#include <string.h>

#include "appeals-scope.h"
#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-report-records.h"
#include "appeals-journal-bounds.h"
#include "appeals-journal-filter.h"
#include "appeals-journal-page.h"
#include "appeals-store.h"

#define DEFAULT_PAGE_SIZE 50
#define OVERDUE_SEARCH_CAP 100

/* Where the rows a page's filters keep are this dense among the first
 * ORDER_WINDOW in its order, SQLite walks the order's index. */
#define ORDER_WINDOW 1000
#define ORDER_DENSE 5
/* ... and more than this many past the cursor in all, unless the window
 * holds the page */
#define ORDER_SORTED_AT_MOST 5000
/* ... or where the page's rows are among the first this many; further
 * than that, up to this many rows are sorted */
#define ORDER_WIDE_WINDOW 10000
#define ORDER_SORTED_FAR_AT_MOST 50000

typedef struct
{
  const char *name;      /* the ?sort= value */
  const char *column;
  const char *index;     /* SQLite: the index in this order, where the
                          * filters' indexes are not (NULL: they are) */
  gboolean    holds_status;  /* ... which holds the status beside the key */
  const char *period_index;  /* the index in this order that holds the day
                              * of registration (NULL: none); SQLite walks
                              * it by name, PostgreSQL's planner finds it */
} SortKey;

static const SortKey sort_keys[] = {
  { "registration_date", "a.registration_date", NULL, FALSE, NULL },
  /* (due_date, status); (due_date, registration_date): migration 0035 */
  { "due_date", "a.due_date", "appeals_due", TRUE, "appeals_due_registration" },
  /* the UNIQUE of registration_number (migration 0001) */
  { "registration_number", "a.registration_number", "sqlite_autoindex_appeals_1", FALSE, NULL },
};

/* min(count, @cap + 1) of the rows @filter keeps: it may read them all,
 * so it takes the report's conditions as a set, and the overdue as a
 * count reads them. */
static gint64
count_capped (AppealsRequest        *request,
              AppealsJournalFilter  *filter,
              gint64                 cap,
              GError               **error)
{
  g_autofree char *as_set = appeals_report_records_as_set (filter->where->str);
  g_autofree char *where = appeals_journal_filter_count_where (request, as_set);
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM appeals a WHERE %s LIMIT ?) c",
                                          where);
  g_autoptr(AppealsDbResult) result = NULL;

  /* the search's own count is the total when nothing else narrows it */
  if (filter->search_matches > APPEALS_JOURNAL_COUNT_CAP && filter->n_narrowing == 0 &&
      appeals_api_scope_district (request) == NULL)
    return filter->search_matches;

  result = appeals_db_query (request->db, sql,
                             appeals_journal_filter_params (filter, g_variant_new_int64 (cap + 1), NULL),
                             error);
  return result != NULL ? appeals_db_result_get_int64 (result, 0, "n") : -1;
}

/* The rows past @cursor in the order of @column, as a row value; @hidden
 * keeps PostgreSQL's planner from reading it as an index range. */
static char *
cursor_clause (const char                 *column,
               const AppealsJournalCursor *cursor,
               gboolean                    hidden)
{
  return g_strdup_printf ("(%s%s, a.id) %s (?, ?)", column, hidden ? " || ''" : "",
                          cursor->descending ? "<" : ">");
}

/* min(@at_most, the rows @filter keeps among the first @window in the
 * order of @sort, from its cursor): the window's ids read from the
 * order's index, then their rows in the order of ids, the count stopping
 * at @at_most (at 1,000,000 appeals, 10,000 rows by due date checked in
 * 4 ms, against 29 ms read in the order of due dates). */
static gboolean
kept_in_window (AppealsRequest        *request,
                AppealsJournalFilter  *filter,
                const SortKey         *sort,
                guint                  window,
                guint64                at_most,
                gint64                *kept,
                GError               **error)
{
  const AppealsJournalCursor *cursor = &filter->cursor;
  const char *direction = cursor->descending ? "DESC" : "ASC";
  g_autofree char *past = cursor->key != NULL ? cursor_clause (sort->column, cursor, FALSE) : NULL;
  const char *bound = filter->bounds.clause;
  g_autofree char *after = past != NULL && bound != NULL ? g_strdup_printf ("WHERE %s AND %s ", past, bound)
                           : past != NULL || bound != NULL ? g_strdup_printf ("WHERE %s ", past != NULL ? past : bound)
                           : g_strdup ("");
  g_autofree char *indexed_by = appeals_db_get_dialect (request->db) == APPEALS_DB_DIALECT_SQLITE
                                ? g_strdup_printf ("INDEXED BY %s ", sort->index)
                                : g_strdup ("");
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) AS n FROM (SELECT 1 FROM appeals a WHERE a.id IN "
                                          "(SELECT a.id FROM appeals a %s%sORDER BY %s %s, a.id %s "
                                          "LIMIT %u) AND %s LIMIT ?) k",
                                          indexed_by, after, sort->column, direction, direction,
                                          window, filter->where->str);
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  g_autoptr(AppealsDbResult) result = NULL;

  if (cursor->key != NULL)
    {
      g_ptr_array_add (params, g_variant_new_string (cursor->key));
      g_ptr_array_add (params, g_variant_new_int64 (cursor->id));
    }
  if (bound != NULL)
    g_ptr_array_extend (params, filter->bounds.values, NULL, NULL);
  g_ptr_array_extend (params, filter->values, NULL, NULL);
  g_ptr_array_add (params, g_variant_new_int64 ((gint64) MIN (at_most, G_MAXINT64)));
  result = appeals_db_query (request->db, sql, g_variant_new_tuple ((GVariant **) params->pdata, params->len),
                             error);
  if (result == NULL)
    return FALSE;
  *kept = appeals_db_result_get_int64 (result, 0, "n");
  return TRUE;
}

/* A page by due date or by number that filters narrow. On SQLite the
 * filters' indexes are in the order of registration, and SQLite reads
 * every row they keep and sorts them (at 1,000,000 appeals, a
 * district's 50,000 by due date 1.2 s, the 562,000 answered by number
 * 1.3 s), where walking the order's index reads about a page of rows
 * when the rows kept are dense where the page starts (1 ms), and nearly
 * every row when they are rare (the 994 registered by number: 1.1 s
 * against 1 ms sorted). As a search does, the page counts the rows its
 * filters keep among the first ORDER_WINDOW in its order, from its
 * cursor (and from where a period's terms or numbers start:
 * appeals-journal-bounds.c); @source is
 * %APPEALS_JOURNAL_PAGE_ORDER_INDEX where the window holds the page's
 * @rows, or where they are ORDER_DENSE or more there and more than
 * ORDER_SORTED_AT_MOST past the cursor in all: dense at the start but
 * few in all (a district's six appeals just registered, by due date
 * back), the walk would read every row after them. Few in all, SQLite's
 * planner chooses (it walks the index of due dates and statuses for a
 * rare status, checking each entry, or sorts): @source
 * %APPEALS_JOURNAL_PAGE_IN_ORDER.
 *
 * Sparse at the start but many in all, the page looks for its rows
 * among the first ORDER_WIDE_WINDOW, and walks if they are there: the
 * complaints, few among the first due dates, by due date (116 ms
 * sorted, 5 ms found at the 1,251st row), the overdue by number back
 * (179 ms sorted, their 51st the 8,064th). Where they are not (a month
 * late in a year by number: the walk would read the year's months
 * before it), @source is %APPEALS_JOURNAL_PAGE_SORTED_FILTER: the rows
 * are sorted whatever the planner would choose, which for a month by
 * number walked the number's index (0.34 s against 6 ms sorted), unless
 * they are more than ORDER_SORTED_FAR_AT_MOST (sorting the 600,000
 * since 2021 took 0.7 s). Unless the filters are @on_status alone and
 * the order's index holds the status: the walk then reads the index,
 * not the rows (the 11,785 in progress by due date from a cursor in
 * 2017: 2 ms walked, 93 ms sorted).
 *
 * PostgreSQL, for a period (the caller), counts the first window;
 * where it does not hold the page, the rows are sorted
 * (%APPEALS_JOURNAL_PAGE_SORTED) if they are no more than
 * ORDER_SORTED_FAR_AT_MOST (a quarter of 2025 by due date: 0.26 s
 * walked, 26 ms sorted), its planner chooses otherwise. The wider
 * window would cost it 16 ms.
 *
 * A period alone (@period_alone) whose ends are restated in the order's
 * terms (@bounds whole), in an order with an index that holds the day of
 * registration (@sort's period_index, migration 0035), is walked there
 * without a window (@index): the walk reads that index alone, not the
 * rows, from where the period's terms start, and passes no more than
 * the terms of the months beside the period (at 1,000,000 appeals the
 * last year by due date back: 1.6 ms on SQLite, against 38 ms reading
 * each row it passed and 6 ms for the windows alone; on PostgreSQL,
 * whose planner then scans that index alone, 1.5–10 ms, against 28–36
 * ms sorted). */
static gboolean
walk_in_order (AppealsRequest            *request,
               AppealsJournalFilter      *filter,
               const SortKey             *sort,
               guint64                    rows,
               gboolean                   on_status,
               gboolean                   period_alone,
               AppealsJournalPageSource  *source,
               const char               **index,
               GError                   **error)
{
  gboolean postgresql = appeals_db_get_dialect (request->db) == APPEALS_DB_DIALECT_POSTGRESQL;
  gint64 in_window, kept;

  /* PostgreSQL has no INDEXED BY: its planner walks where the rows are
   * dense */
  *source = postgresql ? APPEALS_JOURNAL_PAGE_IN_ORDER : APPEALS_JOURNAL_PAGE_ORDER_INDEX;
  if (period_alone && sort->period_index != NULL && filter->bounds.whole)
    {
      *index = sort->period_index;
      return TRUE;
    }
  if (!kept_in_window (request, filter, sort, ORDER_WINDOW, MAX (rows, ORDER_DENSE), &in_window, error))
    return FALSE;
  if (in_window >= (gint64) rows)
    return TRUE;
  if (postgresql)
    {
      kept = count_capped (request, filter, ORDER_SORTED_FAR_AT_MOST, error);
      if (kept < 0)
        return FALSE;
      if (kept <= ORDER_SORTED_FAR_AT_MOST)
        *source = APPEALS_JOURNAL_PAGE_SORTED;
      return TRUE;
    }
  if (in_window >= ORDER_DENSE)
    {
      kept = count_capped (request, filter, ORDER_SORTED_AT_MOST, error);
      if (kept < 0)
        return FALSE;
      if (kept <= ORDER_SORTED_AT_MOST)
        *source = APPEALS_JOURNAL_PAGE_IN_ORDER;
      return TRUE;
    }
  if (!kept_in_window (request, filter, sort, ORDER_WIDE_WINDOW, rows, &in_window, error))
    return FALSE;
  if (in_window >= (gint64) rows)
    return TRUE;
  *source = APPEALS_JOURNAL_PAGE_IN_ORDER;
  if (on_status)
    return TRUE;
  kept = count_capped (request, filter, ORDER_SORTED_FAR_AT_MOST, error);
  if (kept < 0)
    return FALSE;
  if (kept <= ORDER_SORTED_FAR_AT_MOST)
    *source = APPEALS_JOURNAL_PAGE_SORTED_FILTER;
  return TRUE;
}

static gboolean
appeals_api_appeals_list (AppealsRequest  *request,
                          GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_auto(AppealsJournalFilter) filter = { 0 };
  g_autofree char *sql = NULL;
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autoptr(AppealsStoreColumns) columns = NULL;
  g_autoptr(AppealsAppeal) appeal = NULL;
  g_autoptr(GString) page = NULL;
  g_autofree char *next_cursor = NULL;
  g_autofree char *cursor_key = NULL;
  const SortKey *sort = &sort_keys[0];
  const char *order_index;
  AppealsJournalPageSource source = APPEALS_JOURNAL_PAGE_IN_ORDER;
  gboolean postgresql = appeals_db_get_dialect (request->db) == APPEALS_DB_DIALECT_POSTGRESQL;
  gboolean on_status, period_alone;
  const char *sort_text = appeals_request_get_query (request, "sort");
  const char *offset_text = appeals_request_get_query (request, "offset");
  const char *cursor = appeals_request_get_query (request, "cursor");
  const char *texts_text = appeals_request_get_query (request, "texts");
  gboolean with_texts = TRUE;
  gboolean descending = TRUE;
  guint64 limit = DEFAULT_PAGE_SIZE;
  guint64 offset = 0;
  gint64 cursor_id = 0;
  guint n_rows;
  int key_column;
  GDate today;

  appeals_journal_filter_init (&filter);
  if (sort_text != NULL)
    {
      descending = sort_text[0] == '-';
      sort = NULL;
      for (guint i = 0; i < G_N_ELEMENTS (sort_keys); i++)
        if (g_str_equal (sort_keys[i].name, sort_text + (descending ? 1 : 0)))
          sort = &sort_keys[i];
      if (sort == NULL)
        {
          g_autofree char *allowed = g_strdup_printf ("%s,%s,%s", sort_keys[0].name, sort_keys[1].name,
                                                      sort_keys[2].name);
          appeals_field_errors_add (errors, "sort", APPEALS_FIELD_INVALID_VALUE, allowed);
          sort = &sort_keys[0];
        }
    }

  limit = appeals_api_read_limit (request, DEFAULT_PAGE_SIZE, errors);

  /* the journal's rows leave out the long texts only a card shows */
  if (texts_text != NULL && !appeals_api_parse_bool (texts_text, &with_texts))
    appeals_field_errors_add (errors, "texts", APPEALS_FIELD_INVALID_VALUE, "true,false");

  /* a position within the counted part of the journal; past it the
   * client follows cursors */
  if (offset_text != NULL &&
      (cursor != NULL ||
       !g_ascii_string_to_unsigned (offset_text, 10, 0, APPEALS_JOURNAL_COUNT_CAP, &offset, NULL)))
    appeals_field_errors_add (errors, "offset", APPEALS_FIELD_OUT_OF_RANGE,
                              "0.." G_STRINGIFY (APPEALS_JOURNAL_COUNT_CAP));

  if (cursor != NULL && !appeals_api_decode_cursor (cursor, &cursor_key, &cursor_id))
    appeals_field_errors_add (errors, "cursor", APPEALS_FIELD_INVALID_VALUE, NULL);
  filter.cursor = (AppealsJournalCursor) { sort->column + 2, cursor_key, cursor_key != NULL ? cursor_id : 0,
                                           descending };
  order_index = sort->index;

  if (!appeals_journal_filter_read (request, &filter, errors, error))
    return error == NULL || *error == NULL;

  /* before the cursor's clause */
  on_status = filter.n_clauses == filter.n_on_status;
  period_alone = filter.n_clauses == (guint) (filter.from != NULL) + (guint) (filter.to != NULL);

  /* a period by due date or by number: where its terms or numbers are */
  if (!filter.searched && filter.period && sort->index != NULL &&
      !appeals_journal_bounds_init (&filter.bounds, request->db, sort->column + 2, filter.from, filter.to, error))
    return FALSE;
  if (filter.search_sorted)
    source = filter.search_alone ? APPEALS_JOURNAL_PAGE_SORTED_KEYS
             : postgresql ? APPEALS_JOURNAL_PAGE_SORTED
             : APPEALS_JOURNAL_PAGE_IN_ORDER;

  /* the row value is an index range in both databases; a page of sorted
   * matches on PostgreSQL hides it from the planner ("|| ''"), which
   * would otherwise read the order's index from the cursor on and check
   * each row's text (at 1,000,000 appeals, "2026" by number from 2022:
   * 1.8 s against 0.1 s through the text index); the table of order keys
   * (a search alone) has no index of the order to hide it from */
  if (cursor_key != NULL)
    {
      g_autofree char *clause = cursor_clause (sort->column, &filter.cursor,
                                               source == APPEALS_JOURNAL_PAGE_SORTED);

      appeals_journal_filter_add (&filter, clause, g_variant_new_string (cursor_key));
      g_ptr_array_add (filter.values, g_variant_ref_sink (g_variant_new_int64 (cursor_id)));
    }

  /* PostgreSQL's planner chooses well (2–9 ms at 1,000,000 appeals)
   * but for a period, which it takes for spread over the years and walks
   * the order's index for (a quarter of 2025 by due date: 0.26 s walked,
   * 26 ms sorted); the windows cost it 5–20 ms, so it counts them for a
   * period only */
  if (sort->index != NULL && !filter.searched && filter.values->len > (cursor_key != NULL ? 2 : 0) &&
      (!postgresql || filter.period))
    {
      if (!walk_in_order (request, &filter, sort, offset + limit + 1, sort->holds_status && on_status,
                          period_alone, &source, &order_index, error))
        return FALSE;
    }

  /* a walk starts at the period's bounds (the windows above did); rows
   * read as a set are read through the period's own index, which the
   * bounds would have the planner trade for the order's (a quarter of
   * 2025 by due date on PostgreSQL: 22 ms sorted, 45 ms with them) */
  if (filter.bounds.clause != NULL &&
      (source == APPEALS_JOURNAL_PAGE_IN_ORDER || source == APPEALS_JOURNAL_PAGE_ORDER_INDEX))
    {
      g_string_append_printf (filter.where, " AND %s", filter.bounds.clause);
      g_ptr_array_extend (filter.values, filter.bounds.values, (GCopyFunc) (void (*) (void)) g_variant_ref, NULL);
    }

  /* the rows kept read as a set and sorted: the report's conditions as
   * a set too (at 1,000,000 appeals, a year's repeat applicants by due
   * date back: 0.33 s counted row by row) */
  if (source == APPEALS_JOURNAL_PAGE_SORTED || source == APPEALS_JOURNAL_PAGE_SORTED_FILTER)
    {
      g_autofree char *as_set = appeals_report_records_as_set (filter.where->str);

      g_string_assign (filter.where, as_set);
    }

  /* a search alone in the order of registration, or back by term where
   * its matches are sparse: from its matches by id */
  if (filter.search_alone && filter.search_words != NULL && offset == 0 &&
      appeals_journal_page_by_id (&filter.cursor, source == APPEALS_JOURNAL_PAGE_SORTED_KEYS))
    rows = appeals_journal_page_read_by_id (request->db, filter.search_words, &filter.cursor, (gint64) limit + 1,
                                            with_texts, error);
  else if (offset == 0 && filter.search_matches < 0 && !filter.search_sorted && limit == DEFAULT_PAGE_SIZE)
    {
      /* one row more than the page tells whether there is a next one;
       * the limit is written in for the page size the client asks for
       * only, so that a caller who tries every limit makes no more texts
       * (each one a statement the connection keeps) than two a filter */
      sql = appeals_journal_page_sql (filter.where->str, sort->column, order_index, descending, limit + 1,
                                      postgresql, source, with_texts);
      rows = appeals_db_query (request->db, sql, appeals_journal_filter_params (&filter, NULL), error);
    }
  else
    {
      sql = appeals_journal_page_sql (filter.where->str, sort->column, order_index, descending, 0,
                                      postgresql, source, with_texts);
      rows = appeals_db_query (request->db, sql,
                               appeals_journal_filter_params (&filter, g_variant_new_int64 (limit + 1),
                                                              g_variant_new_int64 (offset), NULL),
                               error);
    }
  if (rows == NULL)
    return FALSE;

  /* the page's text straight from the rows: columns resolved once, each
   * row read into the one appeal and written out, no JSON tree between */
  appeals_server_get_today (&today);
  columns = appeals_store_columns_new (appeals_appeal_get_record_type (), rows);
  key_column = appeals_db_result_find_column (rows, sort->column + 2);
  n_rows = appeals_db_result_get_n_rows (rows);
  page = appeals_api_list_text_new (2048 * MIN (n_rows, limit));
  appeal = appeals_appeal_new ();
  for (guint i = 0; i < MIN (n_rows, limit); i++)
    {
      if (i > 0)
        appeals_appeal_reset (appeal);
      if (!appeals_store_columns_read (columns, appeal, rows, i, error))
        return FALSE;
      /* the term's state in working days is the server's figure */
      appeals_appeal_evaluate_due (appeal, appeals_server_get_deadlines (request->server),
                                   appeals_server_get_calendar (request->server), &today);
      if (i > 0)
        g_string_append_c (page, ',');
      if (with_texts)
        appeals_appeal_append_json (appeal, page);
      else
        appeals_appeal_append_row_json (appeal, page);

      if (i + 1 == limit && n_rows > limit)
        next_cursor = appeals_api_encode_cursor (appeals_db_result_get_cell (rows, i, key_column), appeal->id);
    }
  appeals_api_respond_list_text (request, g_steal_pointer (&page), TRUE, next_cursor, -1);
  return TRUE;
}

static void
add_count (JsonBuilder *builder,
           const char  *name,
           gint64       count,
           gint64       cap)
{
  g_autofree char *more = g_strdup_printf ("%s_more", name);

  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, MIN (count, cap));
  json_builder_set_member_name (builder, more);
  json_builder_add_boolean_value (builder, count > cap);
}

/* The rows @filter keeps, and how many of them are overdue, each up to
 * its cap; FALSE on a database error. */
static gboolean
count_rows (AppealsRequest        *request,
            AppealsJournalFilter  *filter,
            const char            *overdue_text,
            gint64                *total,
            gint64                *overdue,
            gint64                *overdue_cap,
            GError               **error)
{
  gboolean overdue_only = FALSE;

  appeals_api_parse_bool (overdue_text != NULL ? overdue_text : "false", &overdue_only);
  *total = count_capped (request, filter, APPEALS_JOURNAL_COUNT_CAP, error);
  if (*total < 0)
    return FALSE;

  /* every appeal of an overdue-only query is overdue; none of a
   * not-overdue one */
  if (overdue_only)
    *overdue = *total;
  else if (overdue_text == NULL)
    {
      /* a search most of the journal matches is checked row by row: its
       * overdue ones are counted to a lower cap ("more than 100") */
      if (filter->search_matches > APPEALS_JOURNAL_COUNT_CAP)
        *overdue_cap = OVERDUE_SEARCH_CAP;
      appeals_journal_filter_add_overdue (request, filter, TRUE);
      filter->n_narrowing++;
      *overdue = count_capped (request, filter, *overdue_cap, error);
      if (*overdue < 0)
        return FALSE;
    }
  return TRUE;
}

/* GET /appeals/count: how many appeals the journal's filters keep, and how
 * many of them are overdue, each up to the cap. */
static gboolean
appeals_api_appeals_count (AppealsRequest  *request,
                           GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_auto(AppealsJournalFilter) filter = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gint64 total, overdue = 0;
  gint64 overdue_cap = APPEALS_JOURNAL_COUNT_CAP;
  gboolean counted;

  appeals_journal_filter_init (&filter);
  if (!appeals_journal_filter_read (request, &filter, errors, error))
    return error == NULL || *error == NULL;

  /* the line report's repeat applicants and nothing else: counted by
   * applicant, both figures in one pass over the period */
  if (!appeals_report_records_count_repeat (request, &total, &overdue, &counted, error))
    return FALSE;
  if (!counted && !count_rows (request, &filter, appeals_request_get_query (request, "overdue"),
                               &total, &overdue, &overdue_cap, error))
    return FALSE;

  json_builder_begin_object (builder);
  add_count (builder, "total", total, APPEALS_JOURNAL_COUNT_CAP);
  add_count (builder, "overdue", overdue, overdue_cap);
  json_builder_set_member_name (builder, "cap");
  json_builder_add_int_value (builder, APPEALS_JOURNAL_COUNT_CAP);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

void
appeals_api_list_register (AppealsServer *server)
{
  appeals_server_add_route (server, "GET", "/api/v1/appeals", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_SLOW, appeals_api_appeals_list);
  appeals_server_add_route (server, "GET", "/api/v1/appeals/count", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_SLOW, appeals_api_appeals_count);
}
