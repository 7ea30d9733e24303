/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-search.c: the journal's full-text search.
 *
 * Search text is folded (lower case, ё as е) on both indexing and query;
 * every word of the query must match as a prefix. A registration number
 * ("2026-333333", or "2026-42" for 2026-000042) is looked up through its
 * unique index instead: PostgreSQL's text parser reads "-333333" as a
 * signed number, and no text index is as exact.
 *
 * The plan follows the number of matches, counted with a cap through the
 * text index first (the planners' estimates of prefix terms are far off):
 * a small set is read whole and sorted by the page's order; a large one is
 * walked in the page's index order, each row checked against the text
 * index (SQLite: probes for prefixes its prefix index holds, else the set
 * of matches read once), so a page of a word half the journal contains
 * reads about two pages of rows. On PostgreSQL the newest thousand appeals are checked
 * before: a word common there is common enough to walk, and the GIN index
 * is then never asked for every match.
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
/* On PostgreSQL, this many matches among the newest thousand mean walk. */
#define RECENT_ROWS 1000
#define RECENT_COMMON 5

/* Words of the query, folded, kept to letters and digits so that they are
 * safe in FTS5 and tsquery syntax, joined as a prefix query. */
static char *
search_expression (const char *query,
                   gboolean    postgresql,
                   guint      *longest)
{
  g_autofree char *folded = appeals_text_fold (query);
  GString *expression = g_string_new (NULL);
  GString *word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          *longest = MAX (*longest, (guint) g_utf8_strlen (word->str, -1));
          if (postgresql)
            g_string_append_printf (expression, "%s%s:*", expression->len > 0 ? " & " : "", word->str);
          else
            g_string_append_printf (expression, "%s\"%s\"*", expression->len > 0 ? " " : "", word->str);
        }
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  if (expression->len == 0)
    {
      g_string_free (expression, TRUE);
      return NULL;
    }
  return g_string_free (expression, FALSE);
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

/**
 * appeals_journal_search_init:
 * @text: the ?q= text
 *
 * Fills @search with the clause for @text; a text with no words leaves
 * the clause %NULL (nothing to narrow).
 *
 * Returns: %FALSE on a database error
 */
gboolean
appeals_journal_search_init (AppealsJournalSearch  *search,
                             AppealsDb             *db,
                             const char            *text,
                             GError               **error)
{
  gboolean postgresql = appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_POSTGRESQL;
  g_autofree char *number = registration_number (text);
  g_autofree char *expression = NULL;
  gboolean walk = FALSE;
  guint longest = 0;

  search->clause = NULL;
  search->value = NULL;
  search->matches = -1;

  if (number != NULL)
    {
      search->clause = g_strdup ("a.registration_number = ?");
      search->value = g_variant_ref_sink (g_variant_new_string (number));
      return TRUE;
    }

  expression = search_expression (text, postgresql, &longest);
  if (expression == NULL)
    return TRUE;

  if (postgresql)
    {
      gint64 recent = count_value (db,
                                   "SELECT COUNT(*) AS n FROM (SELECT search_vector FROM appeals "
                                   "ORDER BY registration_date DESC, id DESC LIMIT " G_STRINGIFY (RECENT_ROWS) ") r "
                                   "WHERE search_vector @@ to_tsquery ('simple', ?)",
                                   g_variant_new ("(s)", expression), error);
      if (recent < 0)
        return FALSE;
      walk = recent >= RECENT_COMMON;
      if (!walk)
        search->matches = count_value (db,
                                       "SELECT COUNT(*) AS n FROM (SELECT 1 FROM appeals "
                                       "WHERE search_vector @@ to_tsquery ('simple', ?) LIMIT ?) m",
                                       g_variant_new ("(sx)", expression,
                                                      (gint64) APPEALS_JOURNAL_COUNT_CAP + 1), error);
    }
  else
    search->matches = count_value (db,
                                   "SELECT COUNT(*) AS n FROM (SELECT rowid FROM appeals_search "
                                   "WHERE appeals_search MATCH ? LIMIT ?)",
                                   g_variant_new ("(sx)", expression, (gint64) APPEALS_JOURNAL_COUNT_CAP + 1),
                                   error);
  if (!walk && search->matches < 0)
    return FALSE;
  walk = walk || search->matches > SMALL_SET;

  if (postgresql)
    search->clause = g_strdup (walk
                               ? "COALESCE (a.search_vector @@ to_tsquery ('simple', ?), FALSE)"
                               /* the set read once (an InitPlan), then its rows by
                                * id: the planner, taking a prefix for thousands of
                                * rows, would otherwise walk the date index */
                               : "a.id = ANY (ARRAY (SELECT s.id FROM appeals s "
                                 "WHERE s.search_vector @@ to_tsquery ('simple', ?)))");
  else if (walk && longest <= PREFIX_INDEXED)
    search->clause = g_strdup ("EXISTS (SELECT 1 FROM appeals_search WHERE appeals_search MATCH ? "
                               "AND appeals_search.rowid = a.id)");
  else
    /* a longer prefix merges every word it begins at each probe: read the
     * matches once into a set, and with many of them walk the index
     * ("+" keeps the planner from driving the walk by the set) */
    search->clause = g_strdup (walk
                               ? "+a.id IN (SELECT rowid FROM appeals_search WHERE appeals_search MATCH ?)"
                               : "a.id IN (SELECT rowid FROM appeals_search WHERE appeals_search MATCH ?)");
  search->value = g_variant_ref_sink (g_variant_new_string (expression));
  return TRUE;
}

void
appeals_journal_search_clear (AppealsJournalSearch *search)
{
  g_clear_pointer (&search->clause, g_free);
  g_clear_pointer (&search->value, g_variant_unref);
}
