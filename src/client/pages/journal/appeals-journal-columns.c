/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-columns.c: the journal's column chooser.
 *
 * Each column has a stable id ("number", "due", …). The menu button holds
 * a check item per column (stateful actions of a "columns" group on the
 * button); what is hidden goes to "journal-hidden-columns" and the widths
 * the user drags to "journal-column-widths", both read back when the next
 * journal is made. The schema's defaults fit a 1,366 px screen.
 */
#include "config.h"

#include "appeals-journal-columns.h"

#define HIDDEN_KEY "journal-hidden-columns"
#define WIDTHS_KEY "journal-column-widths"
#define SAVE_DELAY_MS 400   /* a dragged width settles before it is written */

typedef struct
{
  GtkColumnView *view;      /* unowned: the binding lives as long as the view */
  GSettings     *settings;
  guint          save_source;
} Binding;

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_clear_handle_id (&binding->save_source, g_source_remove);
  g_clear_object (&binding->settings);
  g_free (binding);
}

void
appeals_journal_columns_set_id (GtkColumnViewColumn *column,
                                const char          *id)
{
  g_object_set_data_full (G_OBJECT (column), "column-id", g_strdup (id), g_free);
}

static const char *
get_id (GtkColumnViewColumn *column)
{
  return g_object_get_data (G_OBJECT (column), "column-id");
}

static GtkColumnViewColumn *
find_column (GtkColumnView *view,
             const char    *id)
{
  GListModel *list = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);

      if (g_strcmp0 (get_id (column), id) == 0)
        return column;   /* the view keeps its reference */
    }
  return NULL;
}

static void
save_visibility (Binding *binding)
{
  GListModel *list = gtk_column_view_get_columns (binding->view);
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);

      if (!gtk_column_view_column_get_visible (column))
        g_strv_builder_add (hidden, get_id (column));
    }
  ids = g_strv_builder_end (hidden);
  g_settings_set_strv (binding->settings, HIDDEN_KEY, (const char * const *) ids);
}

static gboolean
save_widths (gpointer user_data)
{
  Binding *binding = user_data;
  GListModel *list = gtk_column_view_get_columns (binding->view);
  GVariantBuilder widths;

  binding->save_source = 0;
  g_variant_builder_init (&widths, G_VARIANT_TYPE ("a{si}"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);
      int width = gtk_column_view_column_get_fixed_width (column);

      if (width > 0)
        g_variant_builder_add (&widths, "{si}", get_id (column), width);
    }
  g_settings_set_value (binding->settings, WIDTHS_KEY, g_variant_builder_end (&widths));
  return G_SOURCE_REMOVE;
}

static void
on_width_changed (GtkColumnViewColumn *column,
                  GParamSpec          *pspec,
                  Binding             *binding)
{
  g_clear_handle_id (&binding->save_source, g_source_remove);
  binding->save_source = g_timeout_add (SAVE_DELAY_MS, save_widths, binding);
}

static void
on_visible_changed (GSimpleAction *action,
                    GVariant      *state,
                    Binding       *binding)
{
  GtkColumnViewColumn *column = find_column (binding->view, g_action_get_name (G_ACTION (action)));

  g_simple_action_set_state (action, state);
  if (column == NULL)
    return;
  gtk_column_view_column_set_visible (column, g_variant_get_boolean (state));
  save_visibility (binding);
}

/* The remembered state onto the columns, before any signal is connected. */
static void
restore (Binding *binding)
{
  g_auto(GStrv) hidden = g_settings_get_strv (binding->settings, HIDDEN_KEY);
  g_autoptr(GVariant) widths = g_settings_get_value (binding->settings, WIDTHS_KEY);
  GListModel *list = gtk_column_view_get_columns (binding->view);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);
      int width;

      gtk_column_view_column_set_visible (column, !g_strv_contains ((const char * const *) hidden,
                                                                    get_id (column)));
      if (g_variant_lookup (widths, get_id (column), "i", &width) && width > 0)
        gtk_column_view_column_set_fixed_width (column, width);
    }
}

/**
 * appeals_journal_columns_bind:
 * @view: a column view whose columns all have an id
 * @settings: where the choice is remembered
 * @button: gets the menu of the columns
 *
 * Restores the columns' visibility and widths from @settings, keeps them
 * there as they change, and gives @button a check item per column.
 */
void
appeals_journal_columns_bind (GtkColumnView *view,
                              GSettings     *settings,
                              GtkMenuButton *button)
{
  Binding *binding = g_new0 (Binding, 1);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  GListModel *list = gtk_column_view_get_columns (view);

  binding->view = view;
  binding->settings = g_object_ref (settings);
  g_object_set_data_full (G_OBJECT (view), "appeals-journal-columns", binding, binding_free);
  restore (binding);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);
      const char *id = get_id (column);
      g_autoptr(GSimpleAction) action = NULL;
      g_autofree char *detailed = g_strconcat ("columns.", id, NULL);

      g_assert (id != NULL);
      action = g_simple_action_new_stateful (id, NULL,
                                             g_variant_new_boolean (gtk_column_view_column_get_visible (column)));
      g_signal_connect (action, "change-state", G_CALLBACK (on_visible_changed), binding);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
      g_menu_append (menu, gtk_column_view_column_get_title (column), detailed);
      g_signal_connect (column, "notify::fixed-width", G_CALLBACK (on_width_changed), binding);
    }

  gtk_widget_insert_action_group (GTK_WIDGET (button), "columns", G_ACTION_GROUP (group));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}
