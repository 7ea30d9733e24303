/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-intake-page-split.c: the head of intake splits the day's
 * unassigned receipts evenly among the registrars on duty (an absent one
 * named in the dialog is skipped); the handover sheets of the split are
 * printed at once, one per registrar, with a signature line.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-handover-sheet.h"
#include "appeals-intake-page-private.h"
#include "appeals-print.h"

/* The split among the registrars ----------------------------------------- */

/**
 * appeals_intake_page_new_handover_sheet:
 *
 * Returns: (transfer full) (nullable): the handover sheets of the last
 *   split made on this page, in the desk's language; %NULL before one
 */
AppealsHandoverSheet *
appeals_intake_page_new_handover_sheet (AppealsIntakePage *self)
{
  AppealsReferenceService *reference = appeals_context_get_reference_service (self->context);

  if (self->last_split == NULL)
    return NULL;
  return appeals_handover_sheet_new (appeals_reference_service_get_letterhead (reference), self->last_split,
                                     appeals_print_desk_language ());
}

static void
on_distributed (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AppealsIntakePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shares = appeals_intake_service_distribute_finish (APPEALS_INTAKE_SERVICE (source), result,
                                                                          &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint handed = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->sending = FALSE;
  if (shares == NULL)
    {
      _appeals_intake_page_show_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < shares->len; i++)
    handed += ((AppealsHandover *) g_ptr_array_index (shares, i))->receipts->len;
  g_clear_pointer (&self->last_split, g_ptr_array_unref);
  self->last_split = g_steal_pointer (&shares);
  appeals_intake_page_reload (self);
  if (handed == 0)
    {
      _appeals_intake_page_show_toast (self, _("Every receipt of the day is already handed to a registrar"));
      return;
    }

  g_clear_object (&self->printing);
  self->printing = GTK_PRINT_OPERATION (appeals_intake_page_new_handover_sheet (self));
  gtk_print_operation_set_allow_async (self->printing, TRUE);
  if (gtk_print_operation_run (self->printing, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    _appeals_intake_page_show_toast (self, error->message);
}

/**
 * appeals_intake_page_distribute:
 * @absent: (nullable) (array zero-terminated=1): logins of registrars not on duty
 *
 * Splits today's unassigned receipts among the registrars on duty, then
 * prints their handover sheets.
 */
void
appeals_intake_page_distribute (AppealsIntakePage  *self,
                                const char * const *absent)
{
  self->sending = TRUE;
  appeals_intake_service_distribute_async (appeals_context_get_intake_service (self->context), absent, self->cancellable, on_distributed,
                                           g_object_ref (self));
}

static void
on_distribute_response (AdwMessageDialog  *dialog,
                        const char        *response,
                        AppealsIntakePage *self)
{
  GtkEditable *absent = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_auto(GStrv) logins = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!g_str_equal (response, "distribute"))
    return;
  logins = g_strsplit_set (gtk_editable_get_text (absent), ", ", -1);
  for (guint i = 0; logins[i] != NULL; i++)
    if (*logins[i] != '\0')
      g_strv_builder_add (builder, logins[i]);
  g_strfreev (logins);
  logins = g_strv_builder_end (builder);
  appeals_intake_page_distribute (self, (const char * const *) logins);
}

void
_appeals_intake_page_distribute_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  AppealsIntakePage *self = APPEALS_INTAKE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *absent = gtk_entry_new ();
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Hand Over to Registrars"),
                                                       _("The day's receipts not yet handed over are split evenly "
                                                         "among the registrars on duty; their handover sheets are "
                                                         "printed at once.")));
  gtk_entry_set_placeholder_text (GTK_ENTRY (absent), _("Absent registrars' logins, separated by commas"));
  gtk_widget_set_name (absent, "intake-absent");
  adw_message_dialog_set_extra_child (dialog, absent);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "distribute", _("_Hand Over"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "distribute", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "distribute");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_distribute_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
