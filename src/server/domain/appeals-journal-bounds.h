/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-bounds.h: a period of registration restated in the
 * terms of a journal page's order.
 */
#pragma once

#include "appeals-db.h"

G_BEGIN_DECLS

typedef struct
{
  char      *clause;   /* over "a" (appeals), its "?" in @values; NULL: none */
  GPtrArray *values;   /* GVariants, owned */
  gboolean   whole;    /* each end the period has, restated */
} AppealsJournalBounds;

gboolean appeals_journal_bounds_init  (AppealsJournalBounds  *bounds,
                                       AppealsDb             *db,
                                       const char            *column,
                                       const char            *from,
                                       const char            *to,
                                       GError               **error);
void     appeals_journal_bounds_clear (AppealsJournalBounds  *bounds);

G_END_DECLS
