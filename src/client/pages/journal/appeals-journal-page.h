/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-page.h: the appeals journal — search, filters, sortable
 * columns over the lazily paged list, and the totals.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-appeal-service.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_JOURNAL_PAGE (appeals_journal_page_get_type ())

G_DECLARE_FINAL_TYPE (AppealsJournalPage, appeals_journal_page, APPEALS, JOURNAL_PAGE, GtkBox)

void        appeals_journal_page_reload       (AppealsJournalPage *self);
void        appeals_journal_page_clear        (AppealsJournalPage *self);
void        appeals_journal_page_focus_search (AppealsJournalPage *self);
GListModel *appeals_journal_page_get_model    (AppealsJournalPage *self);
AppealsAppealFilter *appeals_journal_page_dup_filter (AppealsJournalPage *self);
void        appeals_journal_page_show_figure  (AppealsJournalPage *self,
                                               const char         *query,
                                               const char         *description);

G_END_DECLS
