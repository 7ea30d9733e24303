/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-order-row.c: one order as an activatable AdwActionRow, with its
 * status and, past its due date, how many working days it is overdue.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-order-row.h"

static GtkWidget *
new_tag (const char *text,
         const char *css_class)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_add_css_class (tag, "tag");
  if (css_class != NULL)
    gtk_widget_add_css_class (tag, css_class);
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  return tag;
}

static const char *
get_label (AppealsContext *context,
           const char     *classifier,
           const char     *code)
{
  const char *label = appeals_classifier_get_label (
                        appeals_reference_service_get_classifier (appeals_context_get_reference_service (context),
                                                                  classifier), code, NULL);

  return label != NULL ? label : code;
}

/* "President · Education Department · due 09.02.2026" */
static char *
describe (AppealsContext *context,
          AppealsOrder   *order)
{
  char due[32] = "";

  if (g_date_valid (&order->due_date))
    g_date_strftime (due, sizeof due, "%d.%m.%Y", &order->due_date);
  /* TRANSLATORS: an order's source · its executor body · its due date */
  return g_strdup_printf (_("%s · %s · due %s"), get_label (context, APPEALS_CLASSIFIER_ORDER_SOURCES, order->source),
                          get_label (context, APPEALS_CLASSIFIER_ADDRESSEE_BODIES, order->executor_body), due);
}

/**
 * appeals_order_row_new:
 *
 * Returns: (transfer floating): a row for @order; the order itself is
 *   kept as its "order" data
 */
GtkWidget *
appeals_order_row_new (AppealsContext *context,
                       AppealsOrder   *order)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe (context, order);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), order->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "order", g_object_ref (order), g_object_unref);

  if (order->overdue)
    {
      /* TRANSLATORS: an order past its due date */
      g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day overdue",
                                                            "%d working days overdue", order->days_overdue),
                                               (int) order->days_overdue);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_tag (order->days_overdue > 0 ? late : _("Overdue"),
                                                                "overdue-tag"));
      gtk_widget_add_css_class (row, "overdue-row");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_tag (appeals_order_control_get_label (order->status),
                                      order->status == APPEALS_ORDER_CONTROL_EXECUTED ? "complete-tag" : NULL));
  return row;
}
