/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-search.h: the journal's full-text search as a WHERE
 * clause whose plan suits the number of matches.
 */
#pragma once

#include "appeals-db.h"

G_BEGIN_DECLS

/* Counts of the search stop here: a page never reads more matches. */
#define APPEALS_JOURNAL_COUNT_CAP 10000

/* Where a page of the journal is: its order, and the row it goes on
 * from. */
typedef struct
{
  const char *column;       /* the order's column ("registration_date") */
  const char *key;          /* the cursor's value of @column; NULL on a first page */
  gint64      id;           /* the cursor's id */
  gboolean    descending;
} AppealsJournalCursor;

typedef struct
{
  char     *clause;     /* over "a" (appeals); one "?" for @value */
  GVariant *value;      /* (owned) */
  gint64    matches;    /* matches of the words alone, at most the cap + 1
                         * (past the cursor when only those are read);
                         * -1 when not counted */
  char     *words;      /* SQLite: the words' expression in the text index,
                         * whatever the clause (NULL for a number) */
  gboolean  sorted;     /* the page reads the rows the clause keeps as a set
                         * and sorts them, not walks its order's index for
                         * them: PostgreSQL reads them behind a fence (its
                         * planner would walk); SQLite, where nothing else
                         * narrows the page, checks them in the index of ids
                         * and order keys (migration 0031) */
} AppealsJournalSearch;

gboolean appeals_journal_search_init  (AppealsJournalSearch        *search,
                                       AppealsDb                   *db,
                                       const char                  *text,
                                       const AppealsJournalCursor  *cursor,
                                       gboolean                     by_id,
                                       GError                     **error);
void     appeals_journal_search_clear (AppealsJournalSearch        *search);

G_END_DECLS
