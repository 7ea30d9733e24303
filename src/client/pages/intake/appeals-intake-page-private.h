/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-intake-page-private.h: the Intake page's insides, shared by its
 * files (the page, and the split among the registrars).
 */
#pragma once

#include "appeals-context.h"
#include "appeals-intake-batch.h"
#include "appeals-intake-page.h"

G_BEGIN_DECLS

struct _AppealsIntakePage
{
  AdwBin          parent_instance;

  AppealsContext *context;

  AdwEntryRow    *iin_row;
  AdwEntryRow    *name_row;
  GtkSpinButton  *pages_spin;
  GtkSpinButton  *attachments_spin;
  AdwComboRow    *language_row;
  AdwEntryRow    *note_row;
  GtkLabel       *applicant_label;
  GtkLabel       *journal_label;
  GtkListBox     *journal_list;
  GtkCheckButton *mine_check;
  GtkLabel       *unregistered_label; /* the day's receipts without their card yet */
  GtkCheckButton *unregistered_check;
  GtkWidget      *distribute_button;
  AppealsIntakeBatch *batch;       /* the Kazpost batch, between the form and the journal */

  GPtrArray      *receipts;        /* AppealsReceipt, as listed */
  guint           n_unregistered;  /* of the day (and "mine"), listed or not */
  char           *idempotency_key; /* of the form being sent, until it is entered */
  GtkPrintOperation *printing;     /* the talon or sheets last sent to the printer */
  GPtrArray      *last_split;      /* AppealsHandover of the last split made here */
  GCancellable   *cancellable;     /* the journal and the form */
  GCancellable   *lookup;          /* the IIN's card */
  gboolean        loading;
  gboolean        sending;
};

void _appeals_intake_page_show_toast       (AppealsIntakePage *self,
                                            const char        *text);
void _appeals_intake_page_distribute_action (GtkWidget        *widget,
                                            const char       *action_name,
                                            GVariant         *parameter);

G_END_DECLS
