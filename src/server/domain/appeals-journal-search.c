/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-search.c: the journal's full-text search.
 *
 * Search text is folded (lower case, ё as е) on both indexing and query;
 * every word of the query must match as a prefix (a word typed twice, or
 * one another word begins with, is left out: appeals_text_search_words()).
 * A registration number ("2026-333333", or "2026-42" for 2026-000042) is
 * looked up through its unique index instead: PostgreSQL's text parser
 * reads "-333333" as a signed number, and no text index is as exact.
 *
 * The plan follows the number of matches, counted with a cap through the
 * text index first (the planners' estimates of prefix terms are far off):
 * a small set is read whole and sorted by the page's order; a large one is
 * walked in the page's index order, each row checked against the text
 * index, so a page of a word half the journal contains reads about two
 * pages of rows. On SQLite a probe must read one list per word: prefixes
 * up to three letters have their own lists (migration 0012), and a longer
 * prefix is spelt as the indexed words it begins ("иванов" as иванов OR
 * иванова OR иванович OR ивановна, from the index's words the server
 * keeps, migration 0036) — FTS5 would otherwise merge every such word's
 * list at each probe, and even newest-first. A prefix of too many words
 * is read once as a set.
 * On PostgreSQL the newest thousand appeals are checked instead of a
 * count: a word common there is common enough to walk, and the GIN index
 * is then never asked for every match; any other is read through the GIN
 * index and sorted, however many its matches (its planner sorts a few as
 * fast, and a count would read the index twice).
 *
 * A cursor page looks at the thousand appeals past its cursor instead,
 * and a first page in another order at the first thousand in that order
 * (oldest first, the oldest). Where the matches are sparse there, a walk
 * would read every row up to where they are dense, or past the last
 * match of a word of recent years every older row to find that there is
 * none: the few matches past the cursor are read as the set, or, when
 * they are many, all the matches are read and sorted (search->sorted).
 */
#include "config.h"

#include <string.h>

#include "appeals-journal-search.h"
#include "appeals-text.h"

/* Up to this many matches are read whole and sorted. */
#define SMALL_SET 5000
/* FTS5's prefix indexes (migration 0012): a probe of a prefix this short
 * reads one list. */
#define PREFIX_INDEXED 3
/* A longer prefix is spelt as the words it begins, up to this many. */
#define MAX_SPELT_WORDS 16
/* On PostgreSQL, this many matches among the newest thousand mean walk. */
#define RECENT_ROWS 1000
#define RECENT_COMMON 5
/* On SQLite a walk probes each row where matches are dense among the
 * newest thousand, and reads the set of matches otherwise. A page probes
 * 51 / density rows, each probe reads every word's list from where the
 * row is; the set reads every word's list whole. A probe of one list
 * costs about what reading this many entries of a list does, times the
 * page (51 rows): at 1,000,000 appeals, "по" (19 % of the newest) takes
 * 15 ms probed and 41 ms as a set, "мектеп" (2 %) 254 and 3 ms, "көмек"
 * (61 %) 4 and 83 ms. */
#define PROBE_PER_MATCH (51.0 * 80 / 0.15)
/* With several words each list is longer than the matches of them all,
 * so the set costs what the words' own densities add up to, and a probe
 * of several lists half again as much a list. Measured at 1,000,000
 * appeals (2026-12-04), fitted on 30 random searches of two to five short
 * prefixes with more than 5,000 matches and checked on 30 others, where
 * it chose the faster plan every time; counting the matches of them all,
 * as for one word, read the set of "к о м а с" (30 % of the newest, each
 * letter alone 50 to 80 %) in 128 ms where probes take 22. */
#define SEVERAL_LISTS 1.5

/* SQLite: the indexed words @prefix begins, as an FTS5 group ("a" OR "b"),
 * appended to @expression; %TRUE in @spelt when a probe reads one list for
 * it (a short prefix, one word). Too many words leave the prefix a
 * prefix. No word at all is the prefix as an exact word, which matches
 * nothing, at once. */
static gboolean
append_sqlite_word (GString     *expression,
                    AppealsDb   *db,
                    const char  *prefix,
                    gboolean    *spelt,
                    GError     **error)
{
  g_autofree char *above = NULL;
  g_autoptr(AppealsDbResult) terms = NULL;
  guint n_terms;

  *spelt = TRUE;
  if (g_utf8_strlen (prefix, -1) <= PREFIX_INDEXED)
    {
      g_string_append_printf (expression, "\"%s\"*", prefix);
      return TRUE;
    }

  /* every word that begins with @prefix sorts below it followed by the
   * last code point */
  above = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);
  terms = appeals_db_query (db, "SELECT term FROM appeals_search_words WHERE term >= ? AND term < ? LIMIT ?",
                            g_variant_new ("(ssx)", prefix, above, (gint64) MAX_SPELT_WORDS + 1), error);
  if (terms == NULL)
    return FALSE;

  n_terms = appeals_db_result_get_n_rows (terms);
  if (n_terms > MAX_SPELT_WORDS)
    {
      *spelt = FALSE;
      g_string_append_printf (expression, "\"%s\"*", prefix);
      return TRUE;
    }
  if (n_terms == 0)
    {
      g_string_append_printf (expression, "\"%s\"", prefix);
      return TRUE;
    }

  /* a probe of several words ORed reads far more than their lists */
  *spelt = n_terms == 1;
  if (n_terms > 1)
    g_string_append_c (expression, '(');
  for (guint i = 0; i < n_terms; i++)
    g_string_append_printf (expression, "%s\"%s\"", i > 0 ? " OR " : "",
                            appeals_db_result_get_string (terms, i, "term"));
  if (n_terms > 1)
    g_string_append_c (expression, ')');
  return TRUE;
}

/* The words joined as a prefix query. %FALSE in @probed when a probe of a
 * row would merge many words' lists (SQLite); each word's own part of the
 * query added to @lists (SQLite). */
static gboolean
search_expression (AppealsDb   *db,
                   GPtrArray   *words,
                   gboolean     postgresql,
                   char       **expression_out,
                   gboolean    *probed,
                   GPtrArray   *lists,
                   GError     **error)
{
  g_autoptr(GString) expression = g_string_new (NULL);

  *probed = TRUE;
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      gboolean spelt = TRUE;

      if (postgresql)
        g_string_append_printf (expression, "%s%s:*", i > 0 ? " & " : "", word);
      else
        {
          gsize start;

          if (i > 0)
            g_string_append (expression, " AND ");
          start = expression->len;
          if (!append_sqlite_word (expression, db, word, &spelt, error))
            return FALSE;
          g_ptr_array_add (lists, g_strndup (expression->str + start, expression->len - start));
          *probed = *probed && spelt;
        }
    }

  *expression_out = words->len > 0 ? g_string_free (g_steal_pointer (&expression), FALSE) : NULL;
  return TRUE;
}

/* "YYYY-N…" (up to six digits) as the registration number it names. */
static char *
registration_number (const char *query)
{
  g_autofree char *text = g_strstrip (g_strdup (query));
  guint64 year, number;
  const char *dash = strchr (text, '-');
  g_autofree char *year_text = NULL;

  if (dash == NULL || dash - text != 4 || strlen (dash + 1) < 1 || strlen (dash + 1) > 6)
    return NULL;
  year_text = g_strndup (text, 4);
  if (!g_ascii_string_to_unsigned (year_text, 10, 1000, 9999, &year, NULL) ||
      !g_ascii_string_to_unsigned (dash + 1, 10, 0, 999999, &number, NULL))
    return NULL;

  return g_strdup_printf ("%04u-%06u", (guint) year, (guint) number);
}

static gint64
count_value (AppealsDb   *db,
             const char  *sql,
             GVariant    *params,
             GError     **error)
{
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, sql, params, error);

  return result != NULL ? appeals_db_result_get_int64 (result, 0, "n") : -1;
}

/* The highest id of the appeals (RECENT_ROWS of them) whose matches
 * tell how dense the matches are where the page starts: the first
 * appeals in the page's order, or those just past the cursor. Ids follow
 * the order of registration (and of due dates and numbers) closely
 * enough to choose a plan by, not to find rows by. The window starts at
 * the first appeal of the page in its order, not at the newest appeal
 * nor at the cursor's own id: a page in ascending order starts at the
 * oldest appeals, where a word of this year is absent (at 1,000,000
 * appeals, "2026" oldest first was walked for across nine years: 8.5 s),
 * and a cursor whose id is far from its date (an appeal registered with
 * an earlier date, or a cursor made up) would count the matches of other
 * years ("2026" from 2022 with the id 0: 29 s, until the statement
 * timeout). With no appeal in the page, the window is empty. */
static gboolean
window_top (AppealsDb                   *db,
            const AppealsJournalCursor  *cursor,
            gint64                      *top,
            GError                     **error)
{
  g_autoptr(AppealsDbResult) first = NULL;
  g_autofree char *sql = NULL;
  const char *direction = cursor->descending ? "DESC" : "ASC";
  gint64 id;

  /* the column is one of the journal's sort keys, never the client's text */
  if (cursor->key == NULL)
    {
      sql = g_strdup_printf ("SELECT id FROM appeals ORDER BY %s %s, id %s LIMIT 1",
                             cursor->column, direction, direction);
      first = appeals_db_query (db, sql, NULL, error);
    }
  else
    {
      sql = g_strdup_printf ("SELECT id FROM appeals WHERE (%s, id) %s (?, ?) ORDER BY %s %s, id %s LIMIT 1",
                             cursor->column, cursor->descending ? "<" : ">", cursor->column,
                             direction, direction);
      first = appeals_db_query (db, sql, g_variant_new ("(sx)", cursor->key, cursor->id), error);
    }
  if (first == NULL)
    return FALSE;
  id = appeals_db_result_get_n_rows (first) > 0 ? appeals_db_result_get_int64 (first, 0, "id") : 0;
  if (id <= 0)
    *top = 0;
  else
    *top = cursor->descending ? id : MIN (id, G_MAXINT64 - RECENT_ROWS) + RECENT_ROWS - 1;
  return TRUE;
}

/* SQLite: how many of the appeals below @top (RECENT_ROWS of them, the
 * newest at most) @expression matches, the newest id in @last; -1 on a
 * database error. */
static gint64
recent_matches (AppealsDb   *db,
                const char  *expression,
                gint64       top,
                gint64      *last,
                GError     **error)
{
  g_autoptr(AppealsDbResult) recent = NULL;

  recent = appeals_db_query (db,
                             "SELECT (SELECT COUNT(*) FROM appeals_search WHERE appeals_search MATCH ? "
                             "AND rowid > m.top - " G_STRINGIFY (RECENT_ROWS) " AND rowid <= m.top) AS n, "
                             "m.last AS last FROM (SELECT MAX(id) AS last, MIN (MAX(id), ?) AS top FROM appeals) m",
                             g_variant_new ("(sx)", expression, top), error);
  if (recent == NULL)
    return -1;
  *last = appeals_db_result_get_int64 (recent, 0, "last");
  return appeals_db_result_get_int64 (recent, 0, "n");
}

/* PostgreSQL: how many of the appeals below @top (RECENT_ROWS of them)
 * @expression matches; -1 on a database error. */
static gint64
recent_matches_postgresql (AppealsDb   *db,
                           const char  *expression,
                           gint64       top,
                           GError     **error)
{
  return count_value (db,
                      "SELECT COUNT(*) AS n FROM appeals WHERE id > ? AND id <= ? "
                      "AND search_vector @@ to_tsquery ('simple', ?)",
                      g_variant_new ("(xxs)", top - RECENT_ROWS, top, expression), error);
}

/* A cursor page in the order of registration where the matches are
 * sparse: the ids of its matches past @cursor, up to SMALL_SET of them,
 * as an id list the page's clause reads (a JSON array on SQLite, an
 * array literal on PostgreSQL); %NULL in @ids when there are more.
 * SQLite checks each match's date in an index of ids and order keys
 * (migration 0031), not in the appeals' wide rows (36 against 65 ms for
 * the 111,000 matches of "2026" at 1,000,000 appeals), reading the
 * matches from the cursor's side first (by id, which follows
 * registration closely enough), so that a set too large stops early.
 * PostgreSQL reads the matches in the table of order keys and search
 * vectors (migration 0033), not in the appeals' wide rows: 30 against 46
 * ms for those of "2026" before mid-2021, where the text index's bitmap
 * ANDed with the date index's was read in the appeals (the materialized
 * set keeps its planner from walking the table in the hope of finding
 * the first rows soon). */
static gboolean
matches_past_cursor (AppealsDb                   *db,
                     const char                  *expression,
                     const AppealsJournalCursor  *cursor,
                     gboolean                     postgresql,
                     char                       **ids,
                     gint64                      *n_ids,
                     GError                     **error)
{
  const char *compare = cursor->descending ? "<" : ">";
  g_autofree char *sql = NULL;
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autoptr(GString) text = NULL;
  guint n_rows;

  if (postgresql)
    sql = g_strdup_printf ("WITH m AS MATERIALIZED (SELECT s.id FROM appeals_order s "
                           "WHERE s.search_vector @@ to_tsquery ('simple', ?) "
                           "AND (s.registration_date, s.id) %s (?, ?)) SELECT id FROM m LIMIT %d",
                           compare, SMALL_SET + 1);
  else
    sql = g_strdup_printf ("SELECT s.rowid AS id FROM appeals_search s "
                           "JOIN appeals c INDEXED BY appeals_id_order ON c.id = s.rowid "
                           "WHERE appeals_search MATCH ? AND (c.registration_date, c.id) %s (?, ?) "
                           "ORDER BY s.rowid %s LIMIT %d",
                           compare, cursor->descending ? "ASC" : "DESC", SMALL_SET + 1);
  rows = appeals_db_query (db, sql, g_variant_new ("(ssx)", expression, cursor->key, cursor->id), error);
  if (rows == NULL)
    return FALSE;

  *ids = NULL;
  n_rows = appeals_db_result_get_n_rows (rows);
  *n_ids = n_rows;
  if (n_rows > SMALL_SET)
    return TRUE;
  text = g_string_new (postgresql ? "{" : "[");
  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            appeals_db_result_get_int64 (rows, i, "id"));
  g_string_append_c (text, postgresql ? '}' : ']');
  *ids = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

/**
 * appeals_journal_search_init:
 * @text: the ?q= text
 * @cursor: where the page is
 * @by_id: SQLite reads the page by id (appeals_journal_page_read_by_id()):
 *   the words alone, uncounted
 *
 * Fills @search with the clause for @text; a text with no words leaves
 * the clause %NULL (nothing to narrow). The plan follows the matches
 * where the page starts (the first appeals in its order, or those past
 * the cursor): a word of this year searched far back is not walked for
 * row by row, which past the last match reads every row after it (at
 * 1,000,000 appeals, "2026" from the middle: 2.4–14 s probed on SQLite,
 * 81–133 ms as a set walked, 257 ms on PostgreSQL), but its few matches
 * past the cursor are read (matches_past_cursor()); oldest first, or
 * back by term or number, where its matches past the cursor are many,
 * they are read and sorted (8.5 s walked from 2016 → 47 ms on SQLite,
 * 0.64 → 0.13 s on PostgreSQL).
 *
 * Returns: %FALSE on a database error
 */
gboolean
appeals_journal_search_init (AppealsJournalSearch        *search,
                             AppealsDb                   *db,
                             const char                  *text,
                             const AppealsJournalCursor  *cursor,
                             gboolean                     by_id,
                             GError                     **error)
{
  gboolean postgresql = appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_POSTGRESQL;
  g_autofree char *number = registration_number (text);
  g_autofree char *expression = NULL;
  g_autofree char *ids = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_free);
  gint64 top = -1;
  gint64 near = -1, last = 0;
  gboolean walk = FALSE;
  gboolean sorted = FALSE;
  gboolean probed = TRUE;
  /* in the order of registration: the matches past the cursor are read
   * as a set (matches_past_cursor()), where PostgreSQL would walk the
   * number index from the cursor checking each row's text (1.8 s at
   * 1,000,000 appeals); the other orders' matches past the cursor are
   * sorted */
  gboolean past_cursor = cursor->key != NULL && g_str_equal (cursor->column, "registration_date");

  search->clause = NULL;
  search->value = NULL;
  search->words = NULL;
  search->matches = -1;
  search->sorted = FALSE;

  if (number != NULL)
    {
      search->clause = g_strdup ("a.registration_number = ?");
      search->value = g_variant_ref_sink (g_variant_new_string (number));
      return TRUE;
    }

  words = appeals_text_search_words (text);
  if (!search_expression (db, words, postgresql, &expression, &probed, lists, error))
    return FALSE;
  if (expression == NULL)
    return TRUE;
  if (!postgresql)
    search->words = g_strdup (expression);
  /* SQLite reads the page by id past the cursor: no plan to choose */
  if (!postgresql && by_id)
    {
      search->clause = g_strdup ("a.id IN (SELECT rowid FROM appeals_search WHERE appeals_search MATCH ?)");
      search->value = g_variant_ref_sink (g_variant_new_string (expression));
      return TRUE;
    }
  if (!window_top (db, cursor, &top, error))
    return FALSE;

  if (postgresql)
    {
      near = recent_matches_postgresql (db, expression, top, error);
      if (near < 0)
        return FALSE;
      walk = near >= RECENT_COMMON;
      if (!walk && past_cursor)
        {
          if (!matches_past_cursor (db, expression, cursor, TRUE, &ids, &search->matches, error))
            return FALSE;
          sorted = ids == NULL;
        }
      else if (!walk)
        /* read through the text index and sorted, however many: a
         * small set costs no more so, and counting them first cost a
         * second read of the index (14 of 89 ms for the 111,000 matches
         * of "2026" oldest first at 1,000,000 appeals) */
        sorted = TRUE;
    }
  else
    {
      search->matches = count_value (db,
                                     "SELECT COUNT(*) AS n FROM (SELECT rowid FROM appeals_search "
                                     "WHERE appeals_search MATCH ? LIMIT ?)",
                                     g_variant_new ("(sx)", expression, (gint64) APPEALS_JOURNAL_COUNT_CAP + 1),
                                     error);
      if (search->matches < 0)
        return FALSE;
      walk = search->matches > SMALL_SET;
      sorted = !walk;

      /* many matches, but as sparse where the page starts as PostgreSQL
       * would not walk them: those past the cursor if few, or else all of
       * them sorted */
      if (walk && (probed || past_cursor))
        {
          near = recent_matches (db, expression, top, &last, error);
          if (near < 0)
            return FALSE;
          if (near < RECENT_COMMON)
            {
              gint64 n_ids;

              if (past_cursor && !matches_past_cursor (db, expression, cursor, FALSE, &ids, &n_ids, error))
                return FALSE;
              if (ids != NULL)
                search->matches = n_ids;
              walk = FALSE;
              sorted = ids == NULL;
            }
        }
    }

  if (ids != NULL)
    {
      search->clause = g_strdup (postgresql ? "a.id = ANY (CAST (? AS bigint[]))"
                                            : "a.id IN (SELECT value FROM json_each (?))");
      search->value = g_variant_ref_sink (g_variant_new_string (ids));
      return TRUE;
    }

  /* SQLite: a probe reads each of its lists from where the row is, which
   * costs what reading a few hundred entries of a list does: probes pay
   * only where matches are dense (as among the newest rows) */
  if (!postgresql && walk && probed)
    {
      double density = near / (double) RECENT_ROWS, lists_density = 0;

      for (guint i = 0; i < lists->len; i++)
        {
          gint64 word_matches = lists->len == 1 ? near
                                : recent_matches (db, g_ptr_array_index (lists, i), top, &last, error);

          if (word_matches < 0)
            return FALSE;
          lists_density += word_matches / (double) RECENT_ROWS;
        }
      /* a page probes 51 / density rows, each probe reads every list; the
       * set reads every list whole */
      probed = density * lists_density * last >=
               PROBE_PER_MATCH * lists->len * (lists->len > 1 ? SEVERAL_LISTS : 1.0);
    }

  if (postgresql)
    /* sorted: read through the text index as a bitmap, the page sorting
     * the rows it keeps behind a fence its planner cannot walk the
     * order's index through (it takes a prefix for thousands of rows
     * fewer than it is); walked: checked on each row */
    search->clause = g_strdup (sorted ? "a.search_vector @@ to_tsquery ('simple', ?)"
                                      : "COALESCE (a.search_vector @@ to_tsquery ('simple', ?), FALSE)");
  else if (walk && probed)
    search->clause = g_strdup ("EXISTS (SELECT 1 FROM appeals_search WHERE appeals_search MATCH ? "
                               "AND appeals_search.rowid = a.id)");
  else
    /* a prefix of many words would merge their lists at each probe: read
     * the matches once into a set, and with many of them walk the index
     * ("+" keeps the planner from driving the walk by the set) */
    search->clause = g_strdup (walk
                               ? "+a.id IN (SELECT rowid FROM appeals_search WHERE appeals_search MATCH ?)"
                               : "a.id IN (SELECT rowid FROM appeals_search WHERE appeals_search MATCH ?)");
  search->value = g_variant_ref_sink (g_variant_new_string (expression));
  search->sorted = sorted;
  return TRUE;
}

void
appeals_journal_search_clear (AppealsJournalSearch *search)
{
  g_clear_pointer (&search->clause, g_free);
  g_clear_pointer (&search->words, g_free);
  g_clear_pointer (&search->value, g_variant_unref);
}
