/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-classifier-drop-down.c: a drop-down of a classifier's items
 * (bodies, sources of orders), whose long names wrap in the row.
 */
#include "config.h"

#include "appeals-classifier-drop-down.h"

/* A label of an item: at most @user_data letters wide on at most two
 * lines (then cut short with "…"), or as wide as its text with 0. A
 * body's name runs to 80 letters: at its whole width the drop-down left
 * its row's title a column one word wide ("Испол-нитель"). */
static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  int max_chars = GPOINTER_TO_INT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (max_chars > 0)
    {
      /* on two lines before it is cut: "Управление образования акимата
       * Костанайской области" lost its department on one */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkListItemFactory *
new_label_factory (int max_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (max_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  return factory;
}

/**
 * appeals_classifier_drop_down_new:
 * @classifier: the classifier whose items are chosen from
 * @codes: (element-type utf8): gets the items' codes, in the drop-down's order
 * @max_chars: how many letters wide the chosen item's name may be in
 *   the row, on two lines before it is cut short
 *
 * A searchable drop-down of @classifier's items in the interface's
 * language. The list shows every name whole.
 *
 * Returns: (transfer floating): the drop-down
 */
GtkDropDown *
appeals_classifier_drop_down_new (AppealsClassifier *classifier,
                                  GPtrArray         *codes,
                                  int                max_chars)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  g_autoptr(GtkListItemFactory) factory = new_label_factory (max_chars);
  g_autoptr(GtkListItemFactory) list_factory = new_label_factory (0);
  GtkDropDown *dropdown;

  for (guint i = 0; i < appeals_classifier_get_n_items (classifier); i++)
    {
      const AppealsClassifierItem *item = appeals_classifier_get_item (classifier, i);

      gtk_string_list_append (labels, appeals_classifier_item_get_label (item, NULL));
      g_ptr_array_add (codes, g_strdup (item->code));
    }
  dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  return dropdown;
}
