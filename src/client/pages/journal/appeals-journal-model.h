/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-model.h: a GListModel over the server's journal that
 * fetches the pages of the rows in view and forgets far ones — it never
 * downloads the journal.
 */
#pragma once

#include <gio/gio.h>

#include "appeals-appeal-service.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_JOURNAL_MODEL (appeals_journal_model_get_type ())

G_DECLARE_FINAL_TYPE (AppealsJournalModel, appeals_journal_model, APPEALS, JOURNAL_MODEL, GObject)

AppealsJournalModel *appeals_journal_model_new        (AppealsAppealService *service);
void                 appeals_journal_model_set_filter (AppealsJournalModel *self,
                                                       const AppealsAppealFilter *filter);
gboolean             appeals_journal_model_update_appeal (AppealsJournalModel *self,
                                                       AppealsAppeal       *appeal);
void                 appeals_journal_model_reload     (AppealsJournalModel *self);
void                 appeals_journal_model_clear      (AppealsJournalModel *self);
void                 appeals_journal_model_set_page_size (AppealsJournalModel *self,
                                                       guint                page_size);
guint                appeals_journal_model_get_page_size (AppealsJournalModel *self);
guint                appeals_journal_model_get_total  (AppealsJournalModel *self);
const AppealsAppealCount *appeals_journal_model_get_count (AppealsJournalModel *self);
void                 appeals_journal_model_recount    (AppealsJournalModel *self);
guint                appeals_journal_model_get_n_loaded (AppealsJournalModel *self);
guint                appeals_journal_model_get_n_fetched (AppealsJournalModel *self);
gboolean             appeals_journal_model_is_loading (AppealsJournalModel *self);

G_END_DECLS
