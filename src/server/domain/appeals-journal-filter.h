/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-filter.h: the journal's filters (GET /appeals and
 * /appeals/count) read from a request into the conditions of a WHERE.
 */
#pragma once

#include "appeals-journal-bounds.h"
#include "appeals-journal-page.h"
#include "appeals-request.h"

G_BEGIN_DECLS

typedef struct
{
  GString   *where;
  GPtrArray *values;   /* GVariants, owned */
  gint64     search_matches;  /* of the words alone, capped; -1 if no search */
  guint      n_narrowing;     /* filters beside the search and the scope */
  guint      n_clauses;       /* the conditions in @where */
  guint      n_on_status;     /* ... of which on the status and the term alone */
  gboolean   period;          /* a registration date's bounds narrow the page */
  const char *from, *to;      /* ... those bounds (the request's) */
  AppealsJournalBounds bounds;  /* ... restated in the terms of the order */
  gboolean   searched;        /* a search narrows the page */
  gboolean   search_sorted;   /* the search's matches are read as a set and sorted */
  gboolean   search_alone;    /* nothing but the search (and the cursor) narrows */
  char      *search_words;    /* SQLite: the search's words in the text index */
  AppealsJournalCursor cursor;  /* where the page is: the search looks at matches there */
} AppealsJournalFilter;

void      appeals_journal_filter_init        (AppealsJournalFilter  *filter);
void      appeals_journal_filter_clear       (AppealsJournalFilter  *filter);
void      appeals_journal_filter_add         (AppealsJournalFilter  *filter,
                                              const char            *clause,
                                              GVariant              *value);
GVariant *appeals_journal_filter_params      (AppealsJournalFilter  *filter,
                                              GVariant              *last,
                                              ...);
void      appeals_journal_filter_add_overdue (AppealsRequest        *request,
                                              AppealsJournalFilter  *filter,
                                              gboolean               overdue);
char     *appeals_journal_filter_count_where (AppealsRequest        *request,
                                              const char            *where);
gboolean  appeals_journal_filter_read        (AppealsRequest        *request,
                                              AppealsJournalFilter  *filter,
                                              GPtrArray             *errors,
                                              GError               **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AppealsJournalFilter, appeals_journal_filter_clear)

G_END_DECLS
