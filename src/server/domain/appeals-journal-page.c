/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-page.c: the statement of a journal page, from where
 * its ids come (appeals-api-list.c chooses).
 */
#include "config.h"

#include "appeals-journal-page.h"

/* The rows of the page of @ids, in their order. */
static char *
page_rows (const char *ids,
           const char *column,
           const char *direction,
           gboolean    with_texts)
{
  return g_strdup_printf ("SELECT %s, ap.iin AS applicant_iin, "
                          "COALESCE (ap.organisation_name || ' ', '') || ap.surname || ' ' || ap.given_name || "
                          "COALESCE (' ' || ap.patronymic, '') AS applicant_name "
                          "FROM (%s) page "
                          "JOIN appeals a ON a.id = page.id JOIN applicants ap ON ap.id = a.applicant_id "
                          "ORDER BY %s %s, a.id %s",
                          with_texts ? "a.*" : APPEALS_JOURNAL_ROW_COLUMNS, ids, column, direction, direction);
}

/**
 * appeals_journal_page_sql:
 * @where: the page's conditions on "a" (appeals)
 * @column: the order's column on "a" ("a.due_date")
 * @index: (nullable): SQLite: the index in that order, for
 *   %APPEALS_JOURNAL_PAGE_ORDER_INDEX
 * @fixed_limit: > 0 writes the limit into the text and leaves out the
 *   offset
 * @postgresql: the statement is PostgreSQL's (the order keys are a table)
 * @with_texts: the rows with the appeals' texts and answers; without
 *   them, APPEALS_JOURNAL_ROW_COLUMNS
 *
 * The page's statement: the ids in the order, then their rows — the
 * join and the wide columns touch the page's rows only. Its parameters
 * are @where's, then (without @fixed_limit) the limit and the offset.
 *
 * A fixed limit is for a page of the default size from the top or from
 * a cursor, without a search. There PostgreSQL plans the statement once
 * for any filter values (the page walks an index in its order and stops
 * at the limit, whatever the values), where a LIMIT or OFFSET parameter
 * has it plan every page again (0.3–0.7 ms, more than reading the page).
 * A search's plan hangs on its words and an offset's cost on its size:
 * those stay parameters, planned for their values.
 *
 * Returns: (transfer full): the statement
 */
char *
appeals_journal_page_sql (const char               *where,
                          const char               *column,
                          const char               *index,
                          gboolean                  descending,
                          guint                     fixed_limit,
                          gboolean                  postgresql,
                          AppealsJournalPageSource  source,
                          gboolean                  with_texts)
{
  const char *direction = descending ? "DESC" : "ASC";
  g_autofree char *indexed_by = NULL;
  g_autofree char *limit = fixed_limit > 0 ? g_strdup_printf ("%u", fixed_limit) : g_strdup ("? OFFSET ?");
  g_autofree char *ids = NULL;

  g_return_val_if_fail (g_str_has_prefix (column, "a."), NULL);
  g_return_val_if_fail (source != APPEALS_JOURNAL_PAGE_ORDER_INDEX || index != NULL, NULL);

  if (source == APPEALS_JOURNAL_PAGE_SORTED || (postgresql && source == APPEALS_JOURNAL_PAGE_SORTED_KEYS))
    /* the column is "a.<name>": the set's own column is <name> */
    ids = g_strdup_printf ("SELECT m.id FROM (SELECT a.id, %s FROM %s a WHERE %s OFFSET 0) m "
                           "ORDER BY m.%s %s, m.id %s LIMIT %s",
                           column, source == APPEALS_JOURNAL_PAGE_SORTED ? "appeals" : "appeals_order", where,
                           column + 2, direction, direction, limit);
  else
    {
      indexed_by = source == APPEALS_JOURNAL_PAGE_SORTED_KEYS ? g_strdup (" INDEXED BY appeals_id_order")
                   : source == APPEALS_JOURNAL_PAGE_ORDER_INDEX ? g_strdup_printf (" INDEXED BY %s", index)
                   : g_strdup ("");
      ids = g_strdup_printf ("SELECT a.id FROM appeals a%s WHERE %s ORDER BY %s%s %s, a.id %s LIMIT %s",
                             indexed_by, where, source == APPEALS_JOURNAL_PAGE_SORTED_FILTER ? "+" : "",
                             column, direction, direction, limit);
    }

  return page_rows (ids, column, direction, with_texts);
}

/* SQLite's first page of a search alone, oldest first: among the first
 * matches by id outside appeals_out_of_order, as many as the page, and
 * the matches in it. Its parameters: the expression and the limit, twice. */
static const char first_matches_ids[] =
  "SELECT a.id FROM appeals a INDEXED BY appeals_id_order WHERE a.id IN ("
  "SELECT rowid FROM (SELECT rowid FROM appeals_search WHERE appeals_search MATCH ? "
  "AND rowid NOT IN (SELECT id FROM appeals_out_of_order) ORDER BY rowid LIMIT ?) "
  "UNION ALL SELECT o.id FROM appeals_out_of_order o WHERE EXISTS (SELECT 1 FROM appeals_search "
  "WHERE appeals_search MATCH ? AND appeals_search.rowid = o.id)) "
  "ORDER BY a.registration_date ASC, a.id ASC LIMIT ?";

/* SQLite's page of a search alone back by term from a cursor: a term
 * ends on or after the day of registration, so the page is among the
 * matches up to the last id in the order of registration up to the
 * cursor's term, the matches out of that order and those whose term ends
 * before their registration (migration 0032's index of them). Its
 * parameters: the expression, that id, the expression twice, the cursor's
 * term and id, the limit. */
static const char due_before_ids[] =
  "SELECT a.id FROM appeals a INDEXED BY appeals_id_order WHERE a.id IN ("
  "SELECT rowid FROM appeals_search WHERE appeals_search MATCH ? AND rowid <= ? "
  "UNION SELECT o.id FROM appeals_out_of_order o WHERE EXISTS (SELECT 1 FROM appeals_search "
  "WHERE appeals_search MATCH ? AND appeals_search.rowid = o.id) "
  "UNION SELECT x.id FROM appeals x INDEXED BY appeals_due_before_registration "
  "WHERE x.due_date < x.registration_date AND EXISTS (SELECT 1 FROM appeals_search "
  "WHERE appeals_search MATCH ? AND appeals_search.rowid = x.id)) "
  "AND (a.due_date, a.id) < (?, ?) ORDER BY a.due_date DESC, a.id DESC LIMIT ?";

/**
 * appeals_journal_page_by_id:
 * @cursor: where the page is
 *
 * Whether SQLite reads the page of a search alone at @cursor from its
 * matches by id (appeals_journal_page_read_by_id()): oldest first from
 * the start, or back by term from a cursor.
 */
gboolean
appeals_journal_page_by_id (const AppealsJournalCursor *cursor)
{
  if (g_str_equal (cursor->column, "registration_date"))
    return cursor->key == NULL && !cursor->descending;
  return g_str_equal (cursor->column, "due_date") && cursor->key != NULL && cursor->descending;
}

/**
 * appeals_journal_page_read_by_id:
 * @expression: the search's expression in the text index
 * @cursor: where the page is, one appeals_journal_page_by_id() takes
 * @limit: the rows to read
 * @with_texts: as for appeals_journal_page_sql()
 *
 * SQLite's page of a search alone, from its matches by id: the server
 * registers an appeal on the day it is created, under the next id, so
 * the appeals outside appeals_out_of_order (migration 0034), taken by
 * id, are in the order of registration, and the text index gives a
 * search's matches by id. Oldest first, the page is among the first
 * matches outside that table, as many as the page, and the matches in
 * it; back by term from a cursor, among the matches registered up to
 * the cursor's term and those out of the rules. Either reads a few
 * matches where sorting them all read every one (the 111,000 matches of
 * "2026" at 1,000,000 appeals: oldest first 45 → 0.05 ms; back by term
 * from 2022, 42 → 0.02 ms).
 *
 * Returns: (transfer full): the page's rows, or %NULL with @error set
 */
AppealsDbResult *
appeals_journal_page_read_by_id (AppealsDb                  *db,
                                 const char                 *expression,
                                 const AppealsJournalCursor *cursor,
                                 gint64                      limit,
                                 gboolean                    with_texts,
                                 GError                    **error)
{
  g_autoptr(AppealsDbResult) last = NULL;
  g_autofree char *sql = NULL;
  gint64 last_id = 0;

  g_return_val_if_fail (appeals_journal_page_by_id (cursor), NULL);

  if (cursor->key == NULL)
    {
      sql = page_rows (first_matches_ids, "a.registration_date", "ASC", with_texts);
      return appeals_db_query (db, sql, g_variant_new ("(sxsx)", expression, limit, expression, limit), error);
    }

  /* the last appeal in the order of registration up to the cursor's term */
  last = appeals_db_query (db, "SELECT id FROM appeals WHERE registration_date <= ? "
                               "AND id NOT IN (SELECT id FROM appeals_out_of_order) "
                               "ORDER BY registration_date DESC, id DESC LIMIT 1",
                           g_variant_new ("(s)", cursor->key), error);
  if (last == NULL)
    return NULL;
  if (appeals_db_result_get_n_rows (last) > 0)
    last_id = appeals_db_result_get_int64 (last, 0, "id");

  sql = page_rows (due_before_ids, "a.due_date", "DESC", with_texts);
  return appeals_db_query (db, sql,
                           g_variant_new ("(sxsssxx)", expression, last_id, expression, expression, cursor->key,
                                          cursor->id, limit),
                           error);
}
