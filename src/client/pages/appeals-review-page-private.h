/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-review-page-private.h: what the files of the review page share —
 * the instance, and the helpers and actions each file gives the other.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"
#include "appeals-draft-binding.h"
#include "appeals-review-page.h"

G_BEGIN_DECLS

struct _AppealsReviewPage
{
  GtkBox               parent_instance;

  AppealsContext       *context;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwStatusPage       *forbidden_page;
  GtkLabel            *window_label;
  GtkListBox          *list_box;
  AdwPreferencesGroup *summary_group;
  AdwActionRow        *when_row;
  AdwActionRow        *official_row;
  AdwActionRow        *question_row;
  AdwActionRow        *preparation_row;
  AdwPreferencesGroup *materials_group;
  GtkLevelBar         *materials_level;
  GtkTextView         *instructions_view;
  GtkLabel            *reviewed_label;

  GPtrArray           *items;      /* AppealsReviewEntry */
  AppealsReviewEntry  *current;
  GPtrArray           *material_rows;
  GCancellable        *cancellable;
  gboolean             busy;
  AppealsDraftBinding *draft;      /* the instructions typed for the reception shown */
  AdwToast            *undo_toast; /* a review waiting for its Undo */
};

AppealsReceptionService *_appeals_review_page_get_service    (AppealsReviewPage *self);
void                     _appeals_review_page_toast          (AppealsReviewPage *self,
                                                              const char        *text);
void                     _appeals_review_page_update_actions (AppealsReviewPage *self);
void                     _appeals_review_page_pack_exported  (AppealsReviewPage *self,
                                                              const char        *path);

/* appeals-review-page-pack.c */
void                     _appeals_review_page_export_action  (GtkWidget         *widget,
                                                              const char        *action_name,
                                                              GVariant          *parameter);
void                     _appeals_review_page_open_action    (GtkWidget         *widget,
                                                              const char        *action_name,
                                                              GVariant          *parameter);

G_END_DECLS
