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

/**
 * appeals_journal_page_first_matches_sql:
 * @with_texts: as for appeals_journal_page_sql()
 *
 * SQLite's first page of a search alone, oldest first: the appeals
 * outside appeals_out_of_order (migration 0034), taken by id, are in the
 * order of registration, so the page is among the first matches by id
 * outside that table, as many as the page, and the matches in it. The
 * text index gives its matches by id: the page reads as many as it shows,
 * not every match (the 111,000 of "2026" at 1,000,000 appeals: 45 ms
 * read and sorted, 0.05 ms so). Its parameters: the search's expression
 * and the limit, twice.
 *
 * Returns: (transfer full): the statement
 */
char *
appeals_journal_page_first_matches_sql (gboolean with_texts)
{
  return page_rows ("SELECT a.id FROM appeals a INDEXED BY appeals_id_order WHERE a.id IN ("
                    "SELECT rowid FROM (SELECT rowid FROM appeals_search WHERE appeals_search MATCH ? "
                    "AND rowid NOT IN (SELECT id FROM appeals_out_of_order) ORDER BY rowid LIMIT ?) "
                    "UNION ALL SELECT o.id FROM appeals_out_of_order o WHERE EXISTS (SELECT 1 FROM appeals_search "
                    "WHERE appeals_search MATCH ? AND appeals_search.rowid = o.id)) "
                    "ORDER BY a.registration_date ASC, a.id ASC LIMIT ?",
                    "a.registration_date", "ASC", with_texts);
}
