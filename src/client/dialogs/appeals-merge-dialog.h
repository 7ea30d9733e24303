/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-merge-dialog.h: when someone else saved the card first, the
 * fields both changed are shown side by side — mine and theirs — and the
 * user picks per field. The conflicts themselves are found by the core's
 * three-way merge (appeals-merge.h).
 */
#pragma once

#include <adwaita.h>

#include "appeals-card-form.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_MERGE_DIALOG (appeals_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AppealsMergeDialog, appeals_merge_dialog, APPEALS, MERGE_DIALOG, AdwWindow)

AppealsMergeDialog *appeals_merge_dialog_new     (GtkWindow          *parent,
                                                  AppealsCardForm    *form,
                                                  GPtrArray          *conflicts,
                                                  AppealsAppeal      *merged,
                                                  AppealsAppeal      *theirs);
void                appeals_merge_dialog_choose  (AppealsMergeDialog *self,
                                                  const char         *field,
                                                  gboolean            mine);
void                appeals_merge_dialog_accept  (AppealsMergeDialog *self);
const char         *appeals_merge_dialog_get_other_caption (AppealsMergeDialog *self);

G_END_DECLS
