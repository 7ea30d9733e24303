/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-window-private.h: the card window's state, shared by its
 * four files (loading and editing; what is shown around the fields;
 * saving; files, organisations and reads of personal data).
 */
#pragma once

#include "appeals-card-window.h"
#include "appeals-merge-dialog.h"

G_BEGIN_DECLS

struct _AppealsCardWindow
{
  AdwWindow            parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  AdwSplitButton      *save_button;
  GtkSpinner          *spinner;
  GtkRevealer         *status_revealer;
  GtkLabel            *status_label;
  GtkFlowBox          *action_bar;
  AdwViewStack        *view_stack;
  AdwPreferencesGroup *applicant_group;
  GtkLabel            *iin_info;
  AdwPreferencesGroup *appeal_group;
  AdwActionRow        *due_row;
  AdwExpanderRow      *repeat_row;
  AdwPreferencesGroup *course_group;
  GtkStack            *history_stack;
  GtkListBox          *history_list;

  AppealsContext      *context;
  AppealsAppealService *service;
  AppealsWindow       *parent;
  AppealsCardForm     *form;
  GCancellable        *cancellable;
  AppealsDraft        *draft;
  GPtrArray           *repeat_rows;

  gint64               appeal_id;
  gint64               receipt_id;       /* the intake receipt a new card registers; 0: none */
  char                *appeal_etag;
  AppealsAppeal       *appeal_base;      /* the appeal as last loaded or saved */
  gint64               applicant_id;
  char                *applicant_etag;
  AppealsApplicant    *applicant_base;
  char                *looked_up_iin;

  guint                autosave_source;
  guint                retry_source;
  guint                retry_seconds;
  gboolean             dirty;
  gboolean             saving;
  gboolean             loading;
  gboolean             new_after_save;   /* "Save and New": a blank card follows */
  AppealsMergeDialog  *merge_dialog;

  /* appeals-card-window-files.c */
  GtkListBox          *files_list;
  GtkDropDown         *file_kind;
  GtkWidget           *attach_button;
  GtkLabel            *files_hint;
  GPtrArray           *file_rows;
  GFile               *opened_file;      /* the copy last opened in its application */
  guint                file_transfers;   /* downloads being opened or saved */
  AdwPreferencesGroup *reads_group;
  GPtrArray           *read_rows;

  /* appeals-card-window-orders.c */
  AdwPreferencesGroup *orders_group;
  GPtrArray           *order_rows;
};

AppealsAppeal    *_appeals_card_window_dup_appeal       (AppealsCardWindow *self);
AppealsApplicant *_appeals_card_window_dup_applicant    (AppealsCardWindow *self);
void              _appeals_card_window_show_status      (AppealsCardWindow *self,
                                                         const char        *message);
void              _appeals_card_window_update_title     (AppealsCardWindow *self);
void              _appeals_card_window_update_due       (AppealsCardWindow *self);
void              _appeals_card_window_load_history     (AppealsCardWindow *self);
void              _appeals_card_window_load_earlier     (AppealsCardWindow *self);
void              _appeals_card_window_set_applicant    (AppealsCardWindow *self,
                                                         AppealsApplicant  *applicant,
                                                         const char        *etag);
void              _appeals_card_window_take_appeal      (AppealsCardWindow *self,
                                                         AppealsAppeal     *appeal,
                                                         const char        *etag);
void              _appeals_card_window_remove_draft     (AppealsCardWindow *self);
void              _appeals_card_window_emit_saved       (AppealsCardWindow *self);
void              _appeals_card_window_emit_save_failed (AppealsCardWindow *self);
void              _appeals_card_window_save             (AppealsCardWindow *self);
void              _appeals_card_window_update_actions   (AppealsCardWindow *self);
void              _appeals_card_window_update_course    (AppealsCardWindow *self);
void              _appeals_card_window_build_files      (AppealsCardWindow *self);
void              _appeals_card_window_load_files       (AppealsCardWindow *self);
void              _appeals_card_window_load_reads       (AppealsCardWindow *self);
void              _appeals_card_window_build_orders     (AppealsCardWindow *self);
void              _appeals_card_window_load_orders      (AppealsCardWindow *self);
void              _appeals_card_window_show_organisation (AppealsCardWindow *self,
                                                         const char        *iin);

G_END_DECLS
