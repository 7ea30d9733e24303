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

typedef struct
{
  char     *clause;     /* over "a" (appeals); one "?" for @value */
  GVariant *value;      /* (owned) */
  gint64    matches;    /* matches of the words alone, at most the cap + 1;
                         * -1 when not counted */
} AppealsJournalSearch;

gboolean appeals_journal_search_init  (AppealsJournalSearch  *search,
                                       AppealsDb             *db,
                                       const char            *text,
                                       gint64                 cursor_id,
                                       gboolean               descending,
                                       GError               **error);
void     appeals_journal_search_clear (AppealsJournalSearch  *search);

G_END_DECLS
