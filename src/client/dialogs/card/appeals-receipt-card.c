/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-intake-register.c: a receipt is registered in a new card filled
 * from it (appeals-card-window-receipt.c). The talon's barcode carries the
 * talon number, YYYYMMDD-NNNN: the journal day and the through number, so
 * a scanned talon is found in that day's journal and, when it is not
 * registered yet, its card opens at once.
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "appeals-intake-register.h"

/**
 * appeals_intake_open_registration:
 * @from: a widget of the main window, the card's parent
 *
 * Returns: (transfer none): the card that registers @receipt, shown
 */
AppealsCardWindow *
appeals_intake_open_registration (AppealsContext *context,
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
  gint64          number;
} TalonSearch;

static void
talon_search_free (TalonSearch *search)
{
  g_object_unref (search->context);
  g_object_unref (search->from);
  g_free (search);
}

static void
on_talon_day_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  TalonSearch *search = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) receipts = appeals_intake_service_list_day_finish (APPEALS_INTAKE_SERVICE (source), result,
                                                                          &error);
  AppealsReceipt *found = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; receipts != NULL && i < receipts->len; i++)
    if (((AppealsReceipt *) g_ptr_array_index (receipts, i))->number == search->number)
      found = g_ptr_array_index (receipts, i);

  if (found != NULL && found->appeal_id == 0)
    appeals_intake_open_registration (search->context, search->from, found);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (found != NULL)
        text = g_strdup_printf (_("Receipt %s is registered already"), found->talon_number);
      gtk_widget_activate_action (search->from, "win.show-toast", "s",
                                  error != NULL ? error->message
                                                : text != NULL ? text : _("No receipt with this talon number"));
    }
  talon_search_free (search);
}

/**
 * appeals_intake_find_talon:
 * @talon: a talon number as its barcode gives it
 *
 * Looks the receipt up in its day's journal and opens its registration.
 *
 * Returns: %FALSE when @talon is no talon number
 */
gboolean
appeals_intake_find_talon (AppealsContext *context,
                           GtkWidget      *from,
                           const char     *talon,
                           GCancellable   *cancellable)
{
  guint year, month, day;
  gint64 number;
  int length = 0;
  GDate date;
  TalonSearch *search;

  if (sscanf (talon, "%4u%2u%2u-%" G_GINT64_FORMAT "%n", &year, &month, &day, &number, &length) != 4 ||
      talon[length] != '\0' || strlen (talon) < 13 || number <= 0 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  search = g_new0 (TalonSearch, 1);
  search->context = g_object_ref (context);
  search->from = g_object_ref (from);
  search->number = number;
  appeals_intake_service_list_day_async (appeals_context_get_intake_service (context), &date, FALSE, cancellable,
                                         on_talon_day_loaded, search);
  return TRUE;
}
