/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receipt-card.c: a receipt is registered in a new card filled
 * from it (appeals-card-window-receipt.c). The talon's barcode carries the
 * talon number, YYYYMMDD-NNNN: a scanner types it and Enter into the
 * Intake page or the journal's search, the server finds the receipt it
 * names, and the registrar lands on it — the new card filled from it when
 * it is not registered yet, the card of the appeal it became when it is.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-receipt-card.h"

/**
 * appeals_receipt_card_open:
 * @from: a widget of the main window, the card's parent
 *
 * Returns: (transfer none): the card that registers @receipt, shown
 */
AppealsCardWindow *
appeals_receipt_card_open (AppealsContext *context,
                           GtkWidget      *from,
                           AppealsReceipt *receipt)
{
  AppealsCardWindow *card = appeals_card_window_new (context, (AppealsWindow *) gtk_widget_get_root (from), 0, NULL);

  appeals_card_window_set_receipt (card, receipt);
  gtk_window_present (GTK_WINDOW (card));
  return card;
}

typedef struct
{
  AppealsContext *context;
  GtkWidget      *from;
} TalonSearch;

static void
talon_search_free (TalonSearch *search)
{
  g_object_unref (search->context);
  g_object_unref (search->from);
  g_free (search);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TalonSearch, talon_search_free)

static void
on_talon_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TalonSearch) search = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsReceipt) found = appeals_intake_service_find_talon_finish (APPEALS_INTAKE_SERVICE (source), result,
                                                                             &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (found != NULL && found->appeal_id > 0)
    gtk_widget_activate_action (search->from, "win.open-card", "x", found->appeal_id);
  else if (found != NULL)
    appeals_receipt_card_open (search->context, search->from, found);
  else
    gtk_widget_activate_action (search->from, "win.show-toast", "s",
                                error != NULL ? error->message : _("No receipt with this talon number"));
}

/**
 * appeals_receipt_card_find_talon:
 * @talon: a talon number as its barcode gives it (spaces around it
 *   are the scanner's, not the talon's)
 *
 * Looks the receipt up and opens its registration, or its appeal.
 *
 * Returns: %FALSE, looking nothing up, when @talon is no talon number
 */
gboolean
appeals_receipt_card_find_talon (AppealsContext *context,
                                 GtkWidget      *from,
                                 const char     *talon,
                                 GCancellable   *cancellable)
{
  g_autofree char *text = g_strstrip (g_strdup (talon));
  TalonSearch *search;
  gint64 number;
  GDate day;

  if (!appeals_receipt_parse_talon_number (text, &day, &number))
    return FALSE;
  search = g_new0 (TalonSearch, 1);
  search->context = g_object_ref (context);
  search->from = g_object_ref (from);
  appeals_intake_service_find_talon_async (appeals_context_get_intake_service (context), text, cancellable,
                                           on_talon_found, search);
  return TRUE;
}
