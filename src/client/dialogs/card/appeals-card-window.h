/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-window.h: the registration card editor — the applicant's
 * base part, the appeal's current part, the deadline, earlier appeals and
 * the history; saving with drafts, field errors and merging.
 */
#pragma once

#include <adwaita.h>

#include "appeals-card-form.h"
#include "appeals-context.h"
#include "appeals-drafts.h"
#include "appeals-action-dialog.h"
#include "appeals-decision-notice.h"

G_BEGIN_DECLS

typedef struct _AppealsWindow AppealsWindow;
typedef struct _AppealsMergeDialog AppealsMergeDialog;

#define APPEALS_TYPE_CARD_WINDOW (appeals_card_window_get_type ())

G_DECLARE_FINAL_TYPE (AppealsCardWindow, appeals_card_window, APPEALS, CARD_WINDOW, AdwWindow)

AppealsCardWindow  *appeals_card_window_new              (AppealsContext     *context,
                                                          AppealsWindow      *parent,
                                                          gint64              appeal_id,
                                                          const AppealsDraft *draft);
AppealsCardForm    *appeals_card_window_get_form         (AppealsCardWindow  *self);
gint64              appeals_card_window_get_appeal_id    (AppealsCardWindow  *self);
gboolean            appeals_card_window_is_busy          (AppealsCardWindow  *self);
AppealsMergeDialog *appeals_card_window_get_merge_dialog (AppealsCardWindow  *self);
const char         *appeals_card_window_get_draft_key    (AppealsCardWindow  *self);
void                appeals_card_window_save_draft_now   (AppealsCardWindow  *self);
void                appeals_card_window_attach_file      (AppealsCardWindow  *self,
                                                          GFile              *file,
                                                          const char         *kind);
guint               appeals_card_window_get_n_files      (AppealsCardWindow  *self);
void                appeals_card_window_open_file        (AppealsCardWindow  *self,
                                                          gint64              file_id);
void                appeals_card_window_save_file        (AppealsCardWindow  *self,
                                                          gint64              file_id,
                                                          GFile              *destination);
GFile              *appeals_card_window_get_opened_file  (AppealsCardWindow  *self);
gboolean            appeals_card_window_has_file_transfers (AppealsCardWindow *self);
/* a receipt of the intake journal registered (appeals-card-window-receipt.c) */
void                appeals_card_window_set_receipt      (AppealsCardWindow  *self,
                                                          AppealsReceipt     *receipt);
gint64              appeals_card_window_get_receipt_id   (AppealsCardWindow  *self);
guint               appeals_card_window_get_n_orders     (AppealsCardWindow  *self);
GtkWidget          *appeals_card_window_add_order        (AppealsCardWindow  *self);

/* the lifecycle's action bar (appeals-card-window-actions.c) */
GStrv               appeals_card_window_list_actions     (AppealsCardWindow  *self);
AppealsActionDialog *appeals_card_window_open_action     (AppealsCardWindow  *self,
                                                          const char         *action);
AppealsDecisionNotice *appeals_card_window_new_decision_notice (AppealsCardWindow *self,
                                                          const AppealsNotice *notice);

G_END_DECLS
