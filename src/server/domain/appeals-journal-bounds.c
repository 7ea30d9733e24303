/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-bounds.c: a period of registration restated in the
 * terms of a journal page's order.
 *
 * The indexes of the filters are in the order of registration; a page of
 * a period by due date or by number walks the index of its order, which
 * knows nothing of registration dates, and reads every term or number
 * before the period's first (at 1,000,000 appeals the appeals since 2021
 * by due date: 121 ms on PostgreSQL, 2024 by number: 200 ms, up to 2018
 * by due date back: 306 ms). Three rules hold for every appeal the
 * server registers: a term ends on or after the day of registration, and
 * at most DUE_MONTHS_AT_MOST calendar months after its month; a
 * registration number begins with the year of registration
 * ("2024-000123"). So the appeals of a period have their terms from its
 * first day to the end of the fourth month after its last, and their
 * numbers within its years: clauses the order's index reads as a range,
 * where the page starts (or ends).
 *
 * The database does not enforce them: an appeal put in by hand may break
 * them. Such appeals are in indexes of their own (migration 0032), empty
 * where the rules hold; where one lies in the period, the period is left
 * as it is there. The look costs a probe of an empty index.
 */
#include "config.h"

#include "appeals-journal-bounds.h"
#include "appeals-json.h"

/* the appeals that break each rule, as migration 0032 spells them (its
 * indexes serve a condition that repeats theirs) */
#define DUE_BEFORE_REGISTRATION "due_date < registration_date"
/* the longest term, 20 working days, extended by the most the law
 * allows, two months (data/rules/deadlines.json), ends within the fourth
 * month after the month of registration */
#define DUE_MONTHS_AT_MOST 4
#define DUE_MONTHS_AFTER \
  "CAST (substr (due_date, 1, 4) AS INTEGER) * 12 + CAST (substr (due_date, 6, 2) AS INTEGER) > " \
  "CAST (substr (registration_date, 1, 4) AS INTEGER) * 12 + CAST (substr (registration_date, 6, 2) AS INTEGER) + " \
  G_STRINGIFY (DUE_MONTHS_AT_MOST)
#define NUMBER_OF_OTHER_YEAR "substr (registration_number, 1, 5) <> substr (registration_date, 1, 4) || '-'"

/* Whether an appeal registered between @from and @to (either %NULL)
 * breaks the rule @breaks states; -1 on a database error. */
static int
broken_in_period (AppealsDb   *db,
                  const char  *breaks,
                  const char  *from,
                  const char  *to,
                  GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) AS n FROM (SELECT 1 FROM appeals WHERE %s%s%s LIMIT 1) b",
                                          breaks, from != NULL ? " AND registration_date >= ?" : "",
                                          to != NULL ? " AND registration_date <= ?" : "");
  g_autoptr(AppealsDbResult) result = NULL;
  GVariant *params = from != NULL && to != NULL ? g_variant_new ("(ss)", from, to)
                     : from != NULL ? g_variant_new ("(s)", from)
                     : to != NULL ? g_variant_new ("(s)", to)
                     : NULL;

  result = appeals_db_query (db, sql, params, error);
  if (result == NULL)
    return -1;
  return appeals_db_result_get_int64 (result, 0, "n") > 0 ? 1 : 0;
}

static void
add_clause (GString    *clauses,
            GPtrArray  *values,
            const char *clause,
            char       *value)
{
  g_string_append_printf (clauses, "%s%s", clauses->len > 0 ? " AND " : "", clause);
  g_ptr_array_add (values, g_variant_ref_sink (g_variant_new_take_string (value)));
}

/* The year of the ISO date @text; 0 outside four digits, where the
 * numbers' year would be spelt otherwise. */
static guint
four_digit_year (const char *text)
{
  GDate date;

  if (text == NULL || !appeals_date_parse_iso (text, &date) || g_date_get_year (&date) < 1000 ||
      g_date_get_year (&date) > 9998)
    return 0;
  return g_date_get_year (&date);
}

/**
 * appeals_journal_bounds_init:
 * @column: the page's order ("due_date", "registration_number"; any
 *   other has no bounds)
 * @from: (nullable): the first day of registration of the period, ISO
 * @to: (nullable): its last day, ISO; both valid dates
 *
 * Sets @bounds to the conditions on @column that every appeal registered
 * within the period meets, where no appeal there breaks the rules they
 * follow from: since @from, a term since @from; up to @to, a term before
 * the fifth month after @to's; numbers from @from's year to @to's.
 * @bounds->clause is %NULL where there are none; @bounds->whole is
 * whether each end the period has is restated, so that a walk of the
 * order's index from either end reads no more than the terms or numbers
 * of the period and of the months beside it.
 */
gboolean
appeals_journal_bounds_init (AppealsJournalBounds  *bounds,
                             AppealsDb             *db,
                             const char            *column,
                             const char            *from,
                             const char            *to,
                             GError               **error)
{
  g_autoptr(GString) clauses = g_string_new (NULL);
  guint first_year = four_digit_year (from), last_year = four_digit_year (to);
  gboolean first = FALSE, last = FALSE;  /* each end restated */
  int broken;

  bounds->clause = NULL;
  bounds->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  if (g_str_equal (column, "due_date"))
    {
      if (from != NULL)
        {
          if ((broken = broken_in_period (db, DUE_BEFORE_REGISTRATION, from, to, error)) < 0)
            return FALSE;
          if ((first = !broken))
            add_clause (clauses, bounds->values, "a.due_date >= ?", g_strdup (from));
        }
      if (last_year > 0)
        {
          GDate past;

          if ((broken = broken_in_period (db, DUE_MONTHS_AFTER, from, to, error)) < 0)
            return FALSE;
          appeals_date_parse_iso (to, &past);
          g_date_set_day (&past, 1);
          g_date_add_months (&past, DUE_MONTHS_AT_MOST + 1);
          if ((last = !broken))
            add_clause (clauses, bounds->values, "a.due_date < ?", appeals_date_format_iso (&past));
        }
    }
  else if (g_str_equal (column, "registration_number") && (first_year > 0 || last_year > 0))
    {
      if ((broken = broken_in_period (db, NUMBER_OF_OTHER_YEAR, from, to, error)) < 0)
        return FALSE;
      /* "YYYY-" is the first of a year's numbers, "YYYY." past its last */
      if ((first = !broken && first_year > 0))
        add_clause (clauses, bounds->values, "a.registration_number >= ?", g_strdup_printf ("%u-", first_year));
      if ((last = !broken && last_year > 0))
        add_clause (clauses, bounds->values, "a.registration_number < ?", g_strdup_printf ("%u.", last_year));
    }

  bounds->whole = clauses->len > 0 && (from == NULL || first) && (to == NULL || last);
  if (clauses->len > 0)
    bounds->clause = g_string_free (g_steal_pointer (&clauses), FALSE);
  return TRUE;
}

void
appeals_journal_bounds_clear (AppealsJournalBounds *bounds)
{
  g_clear_pointer (&bounds->clause, g_free);
  g_clear_pointer (&bounds->values, g_ptr_array_unref);
}
