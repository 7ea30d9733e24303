/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-window-invitation.c: the reception window's printed
 * invitation for the applicant (step 4's notice), in the language the
 * applicant reads — Kazakh or Russian, chosen from the header bar's menu
 * whatever the interface speaks.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-reception-invitation.h"
#include "appeals-reception-window-private.h"

/**
 * appeals_reception_window_new_invitation:
 * @language: "kk" or "ru"
 *
 * Returns: (transfer full) (nullable): the invitation to the reception as
 *   last loaded, %NULL before it loaded
 */
GtkPrintOperation *
appeals_reception_window_new_invitation (AppealsReceptionWindow *self,
                                         const char             *language)
{
  AppealsReferenceService *reference;

  g_return_val_if_fail (APPEALS_IS_RECEPTION_WINDOW (self), NULL);

  if (self->reception == NULL)
    return NULL;
  reference = _appeals_reception_window_get_reference (self);
  return GTK_PRINT_OPERATION (appeals_reception_invitation_new (appeals_reference_service_get_letterhead (reference),
                                                                self->reception,
                                                                appeals_officials_find_by_id (
                                                                  appeals_reference_service_get_officials (reference),
                                                                  self->reception->official_id),
                                                                language));
}

void
_appeals_reception_window_print_invitation_action (GtkWidget  *widget,
                                                   const char *action_name,
                                                   GVariant   *parameter)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (widget);
  g_autoptr(GtkPrintOperation) invitation = appeals_reception_window_new_invitation (self,
                                                                                    g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;

  if (invitation == NULL)
    return;
  /* the print dialog's "Print to File" makes a PDF too */
  if (gtk_print_operation_run (invitation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *text = g_strdup_printf (_("The invitation could not be printed: %s"), error->message);

      _appeals_reception_window_show_toast (self, text);
    }
}
