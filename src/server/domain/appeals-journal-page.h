/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-page.h: the statement of a journal page, from where
 * its ids come.
 */
#pragma once

#include <glib.h>

#include "appeals-db.h"
#include "appeals-journal-search.h"

G_BEGIN_DECLS

/* The columns of a journal row without texts (?texts=false): every
 * column of an appeal but its text and its answer (up to 20,000
 * characters each), which only its card shows (test-api's
 * /api/journal/rows-without-texts compares every such row of the demo's
 * journal with its card). */
#define APPEALS_JOURNAL_ROW_COLUMNS \
  "a.id, a.version, a.registration_number, a.registration_date, a.applicant_id, a.channel, a.form, " \
  "a.kind, a.addressee_body, a.question_character, a.category, a.complaint_subject, a.language, " \
  "a.district, a.repeat, a.control, a.annotation, a.executor, a.due_date, a.status, a.answered_on, " \
  "a.registrar, a.created_at, a.updated_at, a.forwarded_to, a.forwarding_scope, " \
  "a.forwarding_number, a.forwarding_date, a.forwarding_due_date, a.forwarded_late, " \
  "a.original_due_date, a.extended_on, a.extension_reason, a.answer_character, a.answer_late, " \
  "a.answer_attachment_id, a.termination_ground, a.termination_reason, a.reopen_reason, " \
  "a.notice_kind, a.notice_due_date"

/* Where a page's ids come from. */
typedef enum
{
  APPEALS_JOURNAL_PAGE_IN_ORDER,      /* the rows in the order's index order, up to
                                       * the limit, as the planner reads them */
  APPEALS_JOURNAL_PAGE_SORTED,        /* PostgreSQL: the rows the filter keeps, read
                                       * behind a fence ("OFFSET 0"), then sorted
                                       * (its planner, taking a search's matches for
                                       * fewer than they are, would walk the order's
                                       * index for them; a materialized set cost 16
                                       * ms more for the 111,000 matches of "2026" at
                                       * 1,000,000 appeals) */
  APPEALS_JOURNAL_PAGE_SORTED_KEYS,   /* a search alone: its matches checked and sorted
                                       * in the ids and order keys, not in the wide
                                       * rows — on SQLite in their index (migration
                                       * 0031: 46 against 120 ms for the 111,000
                                       * matches of "2026" at 1,000,000 appeals), on
                                       * PostgreSQL in their table with the search
                                       * vector (0033: 30 against 60 ms), read there
                                       * as SORTED */
  APPEALS_JOURNAL_PAGE_ORDER_INDEX,   /* SQLite: the order's own index walked, the
                                       * filters checked on each row */
  APPEALS_JOURNAL_PAGE_SORTED_FILTER, /* SQLite: the rows the filters keep, sorted
                                       * ("+" keeps the planner from walking the
                                       * order's index instead, found slower there) */
} AppealsJournalPageSource;

char *appeals_journal_page_sql (const char               *where,
                                const char               *column,
                                const char               *index,
                                gboolean                  descending,
                                guint                     fixed_limit,
                                gboolean                  postgresql,
                                AppealsJournalPageSource  source,
                                gboolean                  with_texts);
gboolean         appeals_journal_page_by_id      (const AppealsJournalCursor  *cursor,
                                                  gboolean                     sparse);
AppealsDbResult *appeals_journal_page_read_by_id (AppealsDb                   *db,
                                                  const char                  *expression,
                                                  const AppealsJournalCursor  *cursor,
                                                  gint64                       limit,
                                                  gboolean                     with_texts,
                                                  GError                     **error);

G_END_DECLS
