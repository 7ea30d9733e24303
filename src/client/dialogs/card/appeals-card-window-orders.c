/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-window-orders.c: the orders given on this appeal, below
 * its course — source, executor, term, status, overdue marked — each
 * opening its dialog, and "Add Order" for a new one with the appeal
 * filled in. The list follows the order service's "order-changed".
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-card-window-private.h"
#include "appeals-order-dialog.h"
#include "appeals-order-row.h"

guint
appeals_card_window_get_n_orders (AppealsCardWindow *self)
{
  return self->order_rows->len;
}

static void
on_order_activated (AdwActionRow      *row,
                    AppealsCardWindow *self)
{
  AppealsOrder *order = g_object_get_data (G_OBJECT (row), "order");
  GtkWidget *dialog = appeals_order_dialog_new (self->context, order);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_orders_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsOrderPage) page = appeals_order_service_list_finish (APPEALS_ORDER_SERVICE (source), result,
                                                                        &error);

  if (page == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  for (guint i = 0; i < self->order_rows->len; i++)
    adw_preferences_group_remove (self->orders_group, g_ptr_array_index (self->order_rows, i));
  g_ptr_array_set_size (self->order_rows, 0);
  for (guint i = 0; i < page->orders->len; i++)
    {
      GtkWidget *row = appeals_order_row_new (self->context, g_ptr_array_index (page->orders, i));

      g_signal_connect (row, "activated", G_CALLBACK (on_order_activated), self);
      adw_preferences_group_add (self->orders_group, row);
      g_ptr_array_add (self->order_rows, row);
    }
  adw_preferences_group_set_description (self->orders_group,
                                         page->orders->len == 0 ? _("No orders have been given on this appeal.")
                                                                : NULL);
}

/**
 * _appeals_card_window_load_orders:
 *
 * The orders given on a saved appeal, the most urgent first.
 */
void
_appeals_card_window_load_orders (AppealsCardWindow *self)
{
  AppealsOrderQuery query = { 0, };

  gtk_widget_set_visible (GTK_WIDGET (self->orders_group), self->appeal_id > 0);
  if (self->appeal_id <= 0)
    return;
  query.appeal_id = self->appeal_id;
  query.limit = 100;
  appeals_order_service_list_async (appeals_context_get_order_service (self->context), &query, self->cancellable,
                                    on_orders_loaded, g_object_ref (self));
}

static void
on_order_changed (AppealsCardWindow *self,
                  AppealsOrder      *order)
{
  if (self->appeal_id > 0 && order->appeal_id == self->appeal_id)
    _appeals_card_window_load_orders (self);
}

/**
 * appeals_card_window_add_order:
 *
 * Opens the dialog of a new order on this appeal, its number filled in.
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
appeals_card_window_add_order (AppealsCardWindow *self)
{
  GtkWidget *dialog = appeals_order_dialog_new_for_appeal (self->context, self->appeal_id,
                                                           self->appeal_base != NULL
                                                           ? self->appeal_base->registration_number : NULL);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * _appeals_card_window_build_orders:
 *
 * Adds the group of orders below the course of the appeal.
 */
void
_appeals_card_window_build_orders (AppealsCardWindow *self)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Order…"));
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->course_group));

  self->order_rows = g_ptr_array_new ();
  self->orders_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_name (GTK_WIDGET (self->orders_group), "card-orders");
  adw_preferences_group_set_title (self->orders_group, _("Orders on This Appeal"));
  gtk_widget_set_name (add, "card-add-order");
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (appeals_card_window_add_order), self);
  adw_preferences_group_set_header_suffix (self->orders_group, add);
  gtk_widget_set_visible (GTK_WIDGET (self->orders_group), FALSE);
  gtk_box_insert_child_after (GTK_BOX (box), GTK_WIDGET (self->orders_group), GTK_WIDGET (self->course_group));

  g_signal_connect_object (appeals_context_get_order_service (self->context), "order-changed",
                           G_CALLBACK (on_order_changed), self, G_CONNECT_SWAPPED);
}
