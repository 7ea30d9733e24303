/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-window-actions.c: the card's action bar — exactly the
 * lifecycle actions the server allows the user now (allowed_actions), a
 * button each, each opening its small dialog; and, once a decision owes
 * the applicant a notice, the button that records it and prints it in
 * the applicant's language on the department's letterhead.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-action-dialog.h"
#include "appeals-card-window-private.h"
#include "appeals-decision-notice.h"

static void
on_action_done (AppealsActionDialog *dialog,
                AppealsAppeal       *appeal,
                const char          *etag,
                AppealsCardWindow   *self)
{
  const char *action = appeals_action_dialog_get_action (dialog);

  _appeals_card_window_take_appeal (self, appeal, etag);
  _appeals_card_window_update_due (self);
  _appeals_card_window_load_history (self);

  /* a recorded notice goes to the printer */
  if (g_str_equal (action, APPEALS_ACTION_DIALOG_NOTICE) && appeal->notices != NULL && appeal->notices->len > 0)
    {
      g_autoptr(AppealsDecisionNotice) notice = NULL;
      g_autoptr(GError) error = NULL;

      notice = appeals_card_window_new_decision_notice (self, g_ptr_array_index (appeal->notices,
                                                                                 appeal->notices->len - 1));
      if (notice != NULL &&
          gtk_print_operation_run (GTK_PRINT_OPERATION (notice), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                   GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
        _appeals_card_window_show_status (self, error->message);
    }
}

/**
 * appeals_card_window_open_action:
 * @action: one of the appeal's allowed actions, or "notice"
 *
 * Returns: (transfer none) (nullable): the action's dialog, or %NULL
 *   when the card has unsaved changes (they would be lost)
 */
AppealsActionDialog *
appeals_card_window_open_action (AppealsCardWindow *self,
                                 const char        *action)
{
  AppealsActionDialog *dialog;

  g_return_val_if_fail (APPEALS_IS_CARD_WINDOW (self), NULL);

  if (self->appeal_base == NULL)
    return NULL;
  if (self->dirty)
    {
      _appeals_card_window_show_status (self, _("Save the card before taking an action on it."));
      return NULL;
    }

  dialog = appeals_action_dialog_new (GTK_WINDOW (self), self->context, self->appeal_base, self->appeal_etag,
                                      action);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_action_done), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_action_clicked (GtkButton         *button,
                   AppealsCardWindow *self)
{
  appeals_card_window_open_action (self, g_object_get_data (G_OBJECT (button), "action"));
}

static void
add_button (AppealsCardWindow *self,
            const char        *action,
            const char        *label)
{
  g_autofree char *name = g_strconcat ("action-", action, NULL);
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_name (button, name);
  g_object_set_data_full (G_OBJECT (button), "action", g_strdup (action), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_action_clicked), self);
  gtk_flow_box_append (self->action_bar, button);
}

/**
 * _appeals_card_window_update_actions:
 *
 * Shows exactly the actions the server allows on the appeal as loaded.
 */
void
_appeals_card_window_update_actions (AppealsCardWindow *self)
{
  AppealsAppeal *appeal = self->appeal_base;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->action_bar))) != NULL)
    gtk_flow_box_remove (self->action_bar, child);

  for (guint i = 0; appeal != NULL && appeal->allowed_actions != NULL && appeal->allowed_actions[i] != NULL; i++)
    {
      AppealsAction action;

      if (!appeals_action_from_string (appeal->allowed_actions[i], &action))
        continue;  /* an action this desk does not know yet */
      add_button (self, appeal->allowed_actions[i], appeals_action_get_label (action));
      n++;
    }
  /* who may take the decision may also send its notice */
  if (appeal != NULL && appeal->notice_kind != NULL && appeal->allowed_actions != NULL)
    {
      add_button (self, APPEALS_ACTION_DIALOG_NOTICE, _("Notify the applicant…"));
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->action_bar), n > 0);
}

/**
 * appeals_card_window_list_actions:
 *
 * Returns: (transfer full): the names of the action bar's buttons, in order
 */
GStrv
appeals_card_window_list_actions (AppealsCardWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (APPEALS_IS_CARD_WINDOW (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->action_bar)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (button), "action"));
    }
  return g_strv_builder_end (builder);
}

/**
 * appeals_card_window_new_decision_notice:
 * @notice: one of the appeal's notices
 *
 * Returns: (transfer full) (nullable): the notice as a print operation, in
 *   its language on the server's letterhead; %NULL for a kind without one
 */
AppealsDecisionNotice *
appeals_card_window_new_decision_notice (AppealsCardWindow   *self,
                                         const AppealsNotice *notice)
{
  AppealsReferenceService *reference = appeals_context_get_reference_service (self->context);
  AppealsClassifier *grounds = appeals_reference_service_get_classifier (reference,
                                                                         APPEALS_CLASSIFIER_TERMINATION_GROUNDS);
  AppealsLetterhead *letterhead = appeals_reference_service_get_letterhead (reference);
  const char *ground = NULL;

  g_return_val_if_fail (APPEALS_IS_CARD_WINDOW (self), NULL);

  if (self->appeal_base->termination_ground != NULL)
    ground = appeals_classifier_get_label (grounds, self->appeal_base->termination_ground, notice->language);
  return appeals_decision_notice_new (letterhead, self->appeal_base, notice, ground);
}
