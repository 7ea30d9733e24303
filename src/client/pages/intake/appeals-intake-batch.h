/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-intake-batch.h: the Kazpost batch of the Intake section — a
 * scanner entry for the courier's list and then the envelopes, the batch
 * reconciled in four lists, and its closing with the signed list printed
 * for the courier.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"
#include "appeals-kazpost-list.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_INTAKE_BATCH (appeals_intake_batch_get_type ())

G_DECLARE_FINAL_TYPE (AppealsIntakeBatch, appeals_intake_batch, APPEALS, INTAKE_BATCH, AdwBin)

GtkWidget           *appeals_intake_batch_new        (AppealsContext     *context);
void                 appeals_intake_batch_reload     (AppealsIntakeBatch *self);
gboolean             appeals_intake_batch_is_busy    (AppealsIntakeBatch *self);
AppealsKazpostBatch *appeals_intake_batch_get_batch  (AppealsIntakeBatch *self);
const char          *appeals_intake_batch_get_message (AppealsIntakeBatch *self);
AppealsKazpostList  *appeals_intake_batch_new_list   (AppealsIntakeBatch *self);

G_END_DECLS
