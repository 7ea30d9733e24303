/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-orders-page.c: the register of orders — the President's, the
 * State Secretary's, the Presidential Administration's, the akim's and
 * the reception protocols' — the most urgent first, overdue ones marked;
 * filtered by status, source and overdue, paged by the server's cursor.
 * A row opens the order's dialog; "New Order" registers one.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-context.h"
#include "appeals-error-status.h"
#include "appeals-order-dialog.h"
#include "appeals-order-row.h"
#include "appeals-orders-page.h"

#define PAGE_SIZE 50

/* The status filter's choices, after "Any status". */
static const AppealsOrderControl statuses[] = {
  APPEALS_ORDER_CONTROL_ON_CONTROL, APPEALS_ORDER_CONTROL_EXECUTED, APPEALS_ORDER_CONTROL_TAKEN_OFF,
};

struct _AppealsOrdersPage
{
  AdwBin          parent_instance;

  AppealsContext *context;

  GtkDropDown    *status_dropdown;
  GtkDropDown    *source_dropdown;
  GtkCheckButton *overdue_check;
  GtkLabel       *total_label;
  GtkListBox     *list;
  GtkButton      *more_button;
  GtkWidget      *empty_label;   /* the list's placeholder, or */
  AdwStatusPage  *error_status;  /* why nothing could be listed */

  GPtrArray      *orders;        /* AppealsOrder, as listed */
  GPtrArray      *source_codes;  /* the source filter's codes, after "Any source" */
  char           *next_cursor;
  GCancellable   *cancellable;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (AppealsOrdersPage, appeals_orders_page, ADW_TYPE_BIN)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsOrdersPage, appeals_orders_page)

static AppealsClassifier *
get_classifier (AppealsOrdersPage *self,
                const char        *name)
{
  return appeals_reference_service_get_classifier (appeals_context_get_reference_service (self->context), name);
}

guint
appeals_orders_page_get_n_orders (AppealsOrdersPage *self)
{
  return self->orders->len;
}

guint
appeals_orders_page_get_n_overdue (AppealsOrdersPage *self)
{
  guint n = 0;

  for (guint i = 0; i < self->orders->len; i++)
    n += ((AppealsOrder *) g_ptr_array_index (self->orders, i))->overdue;
  return n;
}

gboolean
appeals_orders_page_is_loading (AppealsOrdersPage *self)
{
  return self->loading;
}

void
appeals_orders_page_clear (AppealsOrdersPage *self)
{
  GtkListBoxRow *row;

  g_cancellable_cancel (self->cancellable);
  /* the rows only: the placeholder is a child of the list as well */
  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  g_ptr_array_set_size (self->orders, 0);
  g_clear_pointer (&self->next_cursor, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
  gtk_label_set_text (self->total_label, "");
}

static void
load_page (AppealsOrdersPage *self,
           const char        *cursor);

/* A list that could not be had says why in place of its rows — a role
 * the server refuses sees "no access", not "no orders"; more rows that
 * did not come are a notice below what is shown. */
static void
show_failure (AppealsOrdersPage *self,
              const GError      *error)
{
  if (self->orders->len > 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      return;
    }
  appeals_error_status_show (self->error_status, error, _("The Orders Could Not Be Loaded"));
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_status), TRUE);
}

static void
on_page_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AppealsOrdersPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsOrderPage) page = appeals_order_service_list_finish (APPEALS_ORDER_SERVICE (source), result, &error);
  g_autofree char *total = NULL;

  if (page == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->loading = FALSE;
          show_failure (self, error);
        }
      return;
    }

  self->loading = FALSE;
  gtk_widget_set_visible (self->empty_label, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_status), FALSE);
  for (guint i = 0; i < page->orders->len; i++)
    {
      AppealsOrder *order = g_ptr_array_index (page->orders, i);

      g_ptr_array_add (self->orders, g_object_ref (order));
      gtk_list_box_append (self->list, appeals_order_row_new (self->context, order));
    }
  g_free (self->next_cursor);
  self->next_cursor = g_steal_pointer (&page->next_cursor);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->next_cursor != NULL);
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d order", "%d orders", page->total), (int) page->total);
  gtk_label_set_text (self->total_label, total);
}

static void
load_page (AppealsOrdersPage *self,
           const char        *cursor)
{
  AppealsOrderQuery query = { 0, };
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint source = gtk_drop_down_get_selected (self->source_dropdown);

  if (status != GTK_INVALID_LIST_POSITION && status > 0)
    query.status = statuses[status - 1];
  if (source != GTK_INVALID_LIST_POSITION && source > 0 && source <= self->source_codes->len)
    query.source = g_ptr_array_index (self->source_codes, source - 1);
  query.overdue_only = gtk_check_button_get_active (self->overdue_check);
  query.cursor = cursor;
  query.limit = PAGE_SIZE;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  appeals_order_service_list_async (appeals_context_get_order_service (self->context), &query, self->cancellable,
                                    on_page_loaded, g_object_ref (self));
}

/* The sources as the server's classifier names them. */
static void
fill_sources (AppealsOrdersPage *self)
{
  AppealsClassifier *sources = get_classifier (self, APPEALS_CLASSIFIER_ORDER_SOURCES);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->source_dropdown);

  g_ptr_array_set_size (self->source_codes, 0);
  gtk_string_list_append (labels, _("Any source"));
  for (guint i = 0; i < appeals_classifier_get_n_items (sources); i++)
    {
      const AppealsClassifierItem *item = appeals_classifier_get_item (sources, i);

      gtk_string_list_append (labels, appeals_classifier_item_get_label (item, NULL));
      g_ptr_array_add (self->source_codes, g_strdup (item->code));
    }
  g_signal_handlers_block_matched (self->source_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->source_dropdown, selected <= self->source_codes->len ? selected : 0);
  g_signal_handlers_unblock_matched (self->source_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

void
appeals_orders_page_reload (AppealsOrdersPage *self)
{
  fill_sources (self);
  appeals_orders_page_clear (self);
  load_page (self, NULL);
}

static void
on_filter_changed (AppealsOrdersPage *self)
{
  if (appeals_context_is_signed_in (self->context))
    appeals_orders_page_reload (self);
}

static void
on_more_clicked (AppealsOrdersPage *self)
{
  g_autofree char *cursor = g_strdup (self->next_cursor);

  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
  load_page (self, cursor);
}

static GtkWidget *
open_dialog (AppealsOrdersPage *self,
             AppealsOrder      *order)
{
  GtkWidget *dialog = appeals_order_dialog_new (self->context, order);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (GTK_WINDOW (root)));
    }
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * appeals_orders_page_open_order:
 * @position: the row
 *
 * Opens the dialog of the order listed at @position, as activating its row does.
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
appeals_orders_page_open_order (AppealsOrdersPage *self,
                                guint              position)
{
  g_return_val_if_fail (position < self->orders->len, NULL);

  return open_dialog (self, g_ptr_array_index (self->orders, position));
}

static void
on_row_activated (AppealsOrdersPage *self,
                  GtkListBoxRow     *row)
{
  appeals_orders_page_open_order (self, gtk_list_box_row_get_index (row));
}

static void
on_new_clicked (AppealsOrdersPage *self)
{
  open_dialog (self, NULL);
}

/* The one row of a changed order follows; a new order comes with the next load. */
static void
on_order_changed (AppealsOrdersPage *self,
                  AppealsOrder      *order)
{
  for (guint i = 0; i < self->orders->len; i++)
    {
      AppealsOrder *listed = g_ptr_array_index (self->orders, i);
      GtkListBoxRow *row;

      if (listed->id != order->id)
        continue;
      g_ptr_array_index (self->orders, i) = g_object_ref (order);
      g_object_unref (listed);
      row = gtk_list_box_get_row_at_index (self->list, i);
      gtk_list_box_remove (self->list, GTK_WIDGET (row));
      gtk_list_box_insert (self->list, appeals_order_row_new (self->context, order), i);
      return;
    }
  appeals_orders_page_reload (self);
}

static void
appeals_orders_page_constructed (GObject *object)
{
  AppealsOrdersPage *self = (AppealsOrdersPage *)object;

  G_OBJECT_CLASS (appeals_orders_page_parent_class)->constructed (object);

  g_signal_connect_object (appeals_context_get_order_service (self->context), "order-changed",
                           G_CALLBACK (on_order_changed), self, G_CONNECT_SWAPPED);
  /* the sources come with the rules, which may come after the page */
  g_signal_connect_object (appeals_context_get_reference_service (self->context), "changed",
                           G_CALLBACK (fill_sources), self, G_CONNECT_SWAPPED);
}

static void
appeals_orders_page_dispose (GObject *object)
{
  AppealsOrdersPage *self = (AppealsOrdersPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->orders, g_ptr_array_unref);
  g_clear_pointer (&self->source_codes, g_ptr_array_unref);
  g_clear_pointer (&self->next_cursor, g_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_orders_page_parent_class)->dispose (object);
}

static void
appeals_orders_page_class_init (AppealsOrdersPageClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = appeals_orders_page_constructed;
  G_OBJECT_CLASS (klass)->dispose = appeals_orders_page_dispose;

  appeals_orders_page_install_context_property (G_OBJECT_CLASS (klass));
}

static GtkWidget *
new_filter_bar (AppealsOrdersPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *new_button = gtk_button_new_with_mnemonic (_("_New Order"));
  g_autoptr(GtkStringList) status_labels = gtk_string_list_new (NULL);

  gtk_string_list_append (status_labels, _("Any status"));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (status_labels, appeals_order_control_get_label (statuses[i]));
  self->status_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&status_labels)), NULL));
  gtk_drop_down_set_selected (self->status_dropdown, 1);
  gtk_widget_set_name (GTK_WIDGET (self->status_dropdown), "orders-status");
  self->source_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_name (GTK_WIDGET (self->source_dropdown), "orders-source");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Status"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->source_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Source"), -1);
  self->overdue_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Overdue only")));
  gtk_widget_set_name (GTK_WIDGET (self->overdue_check), "orders-overdue");
  self->total_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "dim-label");
  gtk_widget_set_hexpand (GTK_WIDGET (self->total_label), TRUE);
  gtk_label_set_xalign (self->total_label, 1);
  gtk_widget_set_name (new_button, "orders-new");
  gtk_widget_add_css_class (new_button, "suggested-action");

  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->status_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->source_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->overdue_check));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->total_label));
  gtk_box_append (GTK_BOX (bar), new_button);

  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->source_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->overdue_check, "toggled", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (new_button, "clicked", G_CALLBACK (on_new_clicked), self);
  return bar;
}

static void
appeals_orders_page_init (AppealsOrdersPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *placeholder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->orders = g_ptr_array_new_with_free_func (g_object_unref);
  self->source_codes = g_ptr_array_new_with_free_func (g_free);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "orders-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  self->empty_label = gtk_label_new (_("No orders match the filters."));
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_margin_top (self->empty_label, 12);
  gtk_widget_set_margin_bottom (self->empty_label, 12);
  self->error_status = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->error_status), FALSE);
  gtk_box_append (GTK_BOX (placeholder), self->empty_label);
  gtk_box_append (GTK_BOX (placeholder), GTK_WIDGET (self->error_status));
  gtk_list_box_set_placeholder (self->list, placeholder);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  self->more_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Show _More")));
  gtk_widget_set_name (GTK_WIDGET (self->more_button), "orders-more");
  gtk_widget_set_halign (GTK_WIDGET (self->more_button), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
  g_signal_connect_swapped (self->more_button, "clicked", G_CALLBACK (on_more_clicked), self);

  gtk_box_append (GTK_BOX (content), new_filter_bar (self));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->more_button));
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_bin_set_child (ADW_BIN (self), box);
}
