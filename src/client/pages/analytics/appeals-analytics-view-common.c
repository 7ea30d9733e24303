/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-analytics-view-common.c: the title, the choices, the loading
 * and the export that the analytics views share.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "appeals-analytics-view-common.h"
#include "appeals-core.h"
#include "appeals-file-chooser.h"

/* A view's title, at its top. */
void
appeals_analytics_view_add_title (GtkBox     *view,
                                  const char *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (view), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (view, 12);
  gtk_widget_add_css_class (label, "title-2");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (view, label);
}

/**
 * appeals_analytics_view_add_choice:
 * @choices: (transfer full): the labels
 * @name: what screen readers call the choice
 * @on_changed: called with @view (swapped) when another item is chosen
 *
 * Returns: (transfer none): a drop-down of @choices at the end of @bar
 */
GtkDropDown *
appeals_analytics_view_add_choice (GtkBox     *bar,
                                   GListModel *choices,
                                   const char *name,
                                   GCallback   on_changed,
                                   gpointer    view)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new (choices, NULL));

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_object (dropdown, "notify::selected", on_changed, view, G_CONNECT_SWAPPED);
  gtk_box_append (bar, GTK_WIDGET (dropdown));
  return dropdown;
}

/**
 * appeals_analytics_view_add_period:
 *
 * Returns: (transfer none): the choice of the period, in the order of
 *   #AppealsReportPreset, on this year
 */
GtkDropDown *
appeals_analytics_view_add_period (GtkBox    *bar,
                                   GCallback  on_changed,
                                   gpointer   view)
{
  const char *presets[] = { _("This month"), _("This quarter"), _("This half-year"), _("This year"), NULL };
  GtkDropDown *dropdown = appeals_analytics_view_add_choice (bar, G_LIST_MODEL (gtk_string_list_new (presets)),
                                                             _("Period"), on_changed, view);

  gtk_drop_down_set_selected (dropdown, APPEALS_REPORT_PRESET_YEAR);
  return dropdown;
}

/**
 * appeals_analytics_view_start_load:
 * @cancellable: the view's, cancelled and replaced
 *
 * Stops the view's request in progress, if any, and starts the spinner.
 *
 * Returns: (transfer none): the new *@cancellable, for the next request
 */
GCancellable *
appeals_analytics_view_start_load (GCancellable **cancellable,
                                   GtkSpinner    *spinner)
{
  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
  gtk_spinner_start (spinner);
  return *cancellable;
}

/**
 * appeals_analytics_view_finish_load:
 * @error: (nullable): the request's
 *
 * Returns: %FALSE when the request was cancelled (a newer one replaced
 *   it, or the view was cleared: show nothing); otherwise stops the
 *   spinner
 */
gboolean
appeals_analytics_view_finish_load (const GError *error,
                                    GtkSpinner   *spinner)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  gtk_spinner_stop (spinner);
  return TRUE;
}

/* Export ------------------------------------------------------------------- */

/**
 * appeals_analytics_view_file_name:
 *
 * Returns: (transfer full): the name offered for a report of @from to @to,
 *   as `<prefix>-<from>-<to>.<extension>` with ISO dates
 */
/* A change between two periods as "+12%", "−40%", or "—" when there is
 * nothing to compare with (@change is NaN). */
char *
appeals_analytics_view_format_change (double change)
{
  if (isnan (change))
    return g_strdup ("—");
  return g_strdup_printf ("%s%.0f%%", change > 0 ? "+" : change < 0 ? "−" : "", fabs (100 * change));
}

char *
appeals_analytics_view_file_name (const char  *prefix,
                                  const GDate *from,
                                  const GDate *to,
                                  const char  *extension)
{
  g_autofree char *first = appeals_date_format_iso (from);
  g_autofree char *last = appeals_date_format_iso (to);

  return g_strdup_printf ("%s-%s-%s.%s", prefix, first, last, extension);
}

typedef struct
{
  AppealsAnalyticsViewWrite  write;
  guint                      format;
  char                      *saved;
} Export;

static void
export_free (Export *export)
{
  g_free (export->saved);
  g_free (export);
}

static void
on_export_chosen (GtkWidget  *view,
                  const char *path,
                  gpointer    data)
{
  Export *export = data;
  g_autoptr(GError) error = NULL;

  if (export->write (view, export->format, path, &error))
    gtk_widget_activate_action (view, "win.show-toast", "s", export->saved);
  else if (error != NULL)
    gtk_widget_activate_action (view, "win.show-toast", "s", error->message);
}

/**
 * appeals_analytics_view_export:
 * @title: the chooser's title
 * @file_name: (nullable): the name offered for the file, or %NULL to
 *   choose a folder
 * @format: given back to @write
 * @write: (scope async): writes the file
 * @saved: the toast once @write has written the file
 *
 * Asks where to save what @view shows, then has @write write it there and
 * says in a toast how it went.
 */
void
appeals_analytics_view_export (GtkWidget                 *view,
                               const char                *title,
                               const char                *file_name,
                               guint                      format,
                               AppealsAnalyticsViewWrite  write,
                               const char                *saved)
{
  Export *export = g_new0 (Export, 1);

  export->write = write;
  export->format = format;
  export->saved = g_strdup (saved);
  appeals_file_chooser_ask (view, title,
                            file_name != NULL ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                            file_name, on_export_chosen, export, (GDestroyNotify) export_free);
}
