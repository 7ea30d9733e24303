/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-expertise-page-private.h: what the expertise page's files
 * share: the page's state, and the verdict part (giving a verdict with
 * Undo, the checklist's draft) that appeals-expertise-page-verdict.c adds.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"
#include "appeals-draft-binding.h"
#include "appeals-expertise-page.h"
#include "appeals-journal-model.h"

G_BEGIN_DECLS

typedef struct
{
  GtkToggleButton *buttons[3];   /* yes, partly, no */
  GtkWidget       *comment;
} CriterionRow;

struct _AppealsExpertisePage
{
  GtkBox                    parent_instance;

  AdwToastOverlay          *toast_overlay;
  AppealsContext           *context;

  GtkListView              *list_view;
  GtkScrolledWindow        *pending_scroller;
  AdwPreferencesGroup      *pending_group;
  GtkButton                *pending_more_button;
  GPtrArray                *pending_rows;
  char                     *pending_cursor;         /* where the next page of them starts */
  GCancellable             *pending_cancellable;    /* the page being loaded, until the list starts over */
  gboolean                  pending_first;          /* it is the first page */
  GtkStack                 *detail_stack;
  AdwPreferencesGroup      *appeal_group;
  GtkLabel                 *appeal_label;
  AdwPreferencesGroup      *answer_group;
  GtkLabel                 *answer_label;
  AdwPreferencesGroup      *criteria_group;
  AdwPreferencesGroup      *cross_group;
  AdwActionRow             *score_row;
  AdwActionRow             *term_row;
  GtkTextView              *reasons_view;

  AppealsJournalModel      *model;
  GtkSingleSelection       *selection;
  AppealsChecklistTemplate *template;
  CriterionRow             *criteria;
  GtkSwitch               **cross_switches;
  GtkWidget               **cross_results;
  AppealsAppeal            *appeal;
  GCancellable             *cancellable;
  gboolean                  reasons_edited;
  gboolean                  filling_reasons;
  gboolean                  sending;

  AppealsDraftBinding      *draft;          /* the checklist of the appeal shown, as typed */
  AdwToast                 *undo_toast;     /* a verdict waiting for its Undo */
};

AppealsCriterionAnswer _appeals_expertise_page_criterion_answer       (AppealsExpertisePage *self,
                                                                       guint                 i);
void                   _appeals_expertise_page_update_verdict         (AppealsExpertisePage *self);
void                   _appeals_expertise_page_report_error           (AppealsExpertisePage *self,
                                                                       const GError         *error);
void                   _appeals_expertise_page_keep_draft             (AppealsExpertisePage *self);
void                   _appeals_expertise_page_commit_pending         (AppealsExpertisePage *self);
void                   _appeals_expertise_page_install_verdict_actions (GtkWidgetClass      *widget_class);

G_END_DECLS
