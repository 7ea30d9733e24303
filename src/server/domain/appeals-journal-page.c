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

/* The matches in appeals_out_of_order (migration 0034); one parameter,
 * the search's expression. */
#define OUT_OF_ORDER_MATCHES \
  "SELECT o.id FROM appeals_out_of_order o WHERE EXISTS (SELECT 1 FROM appeals_search " \
  "WHERE appeals_search MATCH ? AND appeals_search.rowid = o.id)"

/* SQLite's page of a search alone in the order of registration (%s:
 * ">=" and "ASC" oldest first, "<=" and "DESC" newest): among the first
 * matches by id from the bound outside appeals_out_of_order, as many as
 * the page, and the matches in that table, past the cursor. Its
 * parameters: the expression, the bound, the limit, the expression, the
 * cursor's date and id, the limit. */
static const char registered_ids[] =
  "SELECT a.id FROM appeals a INDEXED BY appeals_id_order WHERE a.id IN ("
  "SELECT rowid FROM (SELECT rowid FROM appeals_search WHERE appeals_search MATCH ? AND rowid %s ? "
  "AND rowid NOT IN (SELECT id FROM appeals_out_of_order) ORDER BY rowid %s LIMIT ?) "
  "UNION ALL " OUT_OF_ORDER_MATCHES ") "
  "AND (a.registration_date, a.id) %s (?, ?) ORDER BY a.registration_date %s, a.id %s LIMIT ?";

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
  "UNION " OUT_OF_ORDER_MATCHES " "
  "UNION SELECT x.id FROM appeals x INDEXED BY appeals_due_before_registration "
  "WHERE x.due_date < x.registration_date AND EXISTS (SELECT 1 FROM appeals_search "
  "WHERE appeals_search MATCH ? AND appeals_search.rowid = x.id)) "
  "AND (a.due_date, a.id) < (?, ?) ORDER BY a.due_date DESC, a.id DESC LIMIT ?";

/**
 * appeals_journal_page_by_id:
 * @cursor: where the page is
 * @sparse: the search's matches are sparse where the page starts (it
 *   would read them as a set and sort them)
 *
 * Whether SQLite reads the page of a search alone at @cursor from its
 * matches by id (appeals_journal_page_read_by_id()): in the order of
 * registration, or back by term from a cursor where they are sparse.
 */
gboolean
appeals_journal_page_by_id (const AppealsJournalCursor *cursor,
                            gboolean                    sparse)
{
  if (g_str_equal (cursor->column, "registration_date"))
    return TRUE;
  return g_str_equal (cursor->column, "due_date") && cursor->key != NULL && cursor->descending && sparse;
}

/* The id of the first appeal past (@date, @id) in the order of
 * registration, @descending or not, outside appeals_out_of_order; 0 past
 * the last one back, G_MAXINT64 past the last one forth. */
static gboolean
registered_bound (AppealsDb   *db,
                  const char  *date,
                  gint64       id,
                  gboolean     descending,
                  gint64      *bound,
                  GError     **error)
{
  const char *direction = descending ? "DESC" : "ASC";
  g_autoptr(AppealsDbResult) first = NULL;
  g_autofree char *sql = NULL;

  *bound = descending ? 0 : G_MAXINT64;
  sql = g_strdup_printf ("SELECT id FROM appeals WHERE (registration_date, id) %s (?, ?) "
                         "AND id NOT IN (SELECT id FROM appeals_out_of_order) "
                         "ORDER BY registration_date %s, id %s LIMIT 1",
                         descending ? "<" : ">", direction, direction);
  first = appeals_db_query (db, sql, g_variant_new ("(sx)", date, id), error);
  if (first == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (first) > 0)
    *bound = appeals_db_result_get_int64 (first, 0, "id");
  return TRUE;
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
 * search's matches by id. In the order of registration the page is
 * among the first matches by id past the cursor outside that table, as
 * many as the page, and the matches in it; back by term from a cursor,
 * among the matches registered up to the cursor's term and those out of
 * the rules. Either reads a few matches where a set read them all, or a
 * walk read the order's index (at 1,000,000 appeals, the 111,000 matches
 * of "2026": oldest first 45 → 0.05 ms, back by term from 2022 42 → 0.02
 * ms; the 600,000 of "көмек" newest first 17 ms → 0.1 ms).
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
  const char *direction = cursor->descending ? "DESC" : "ASC";
  /* from the start, a cursor before every appeal in the order */
  const char *date = cursor->key != NULL ? cursor->key : cursor->descending ? "9999-12-31" : "";
  gint64 bound = cursor->descending ? G_MAXINT64 : 0;
  g_autofree char *ids = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (appeals_journal_page_by_id (cursor, TRUE), NULL);

  if (g_str_equal (cursor->column, "registration_date"))
    {
      gint64 id = cursor->key != NULL ? cursor->id : cursor->descending ? G_MAXINT64 : 0;

      if (cursor->key != NULL && !registered_bound (db, date, id, cursor->descending, &bound, error))
        return NULL;
      ids = g_strdup_printf (registered_ids, cursor->descending ? "<=" : ">=", direction,
                             cursor->descending ? "<" : ">", direction, direction);
      sql = page_rows (ids, "a.registration_date", direction, with_texts);
      return appeals_db_query (db, sql,
                               g_variant_new ("(sxxssxx)", expression, bound, limit, expression, date, id, limit),
                               error);
    }

  /* the last appeal in the order of registration up to the cursor's term */
  if (!registered_bound (db, cursor->key, G_MAXINT64, TRUE, &bound, error))
    return NULL;
  sql = page_rows (due_before_ids, "a.due_date", "DESC", with_texts);
  return appeals_db_query (db, sql,
                           g_variant_new ("(sxsssxx)", expression, bound, expression, expression, cursor->key,
                                          cursor->id, limit),
                           error);
}
