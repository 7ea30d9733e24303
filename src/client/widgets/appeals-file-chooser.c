/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-file-chooser.c: one way for pages to ask for a file or folder,
 * so each of them keeps only what it does with the path.
 */
#include "config.h"

#include "appeals-file-chooser.h"

/**
 * appeals_widget_get_window:
 *
 * Returns: (transfer none) (nullable): the window @widget is in, if any,
 *   as the parent of the dialogs it opens
 */
GtkWindow *
appeals_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

typedef struct
{
  AppealsFileChosen chosen;
  gpointer          data;
  GDestroyNotify    data_free;
} Asking;

static void
asking_free (Asking *asking)
{
  if (asking->data_free != NULL)
    asking->data_free (asking->data);
  g_free (asking);
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                GtkWidget       *widget)
{
  Asking *asking = g_object_get_data (G_OBJECT (chooser), "asking");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      asking->chosen (widget, path, asking->data);
    }
  g_object_unref (chooser);
}

/**
 * appeals_file_chooser_ask:
 * @title: the chooser's title
 * @action: a file to save, or a folder to choose
 * @file_name: (nullable): the name offered for a file
 * @chosen: what to do with the path accepted
 * @data: (transfer full): given to @chosen, freed with @data_free with the chooser
 *
 * Shows a modal native chooser over @widget's window.
 */
void
appeals_file_chooser_ask (GtkWidget            *widget,
                          const char           *title,
                          GtkFileChooserAction  action,
                          const char           *file_name,
                          AppealsFileChosen     chosen,
                          gpointer              data,
                          GDestroyNotify        data_free)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, appeals_widget_get_window (widget), action,
                                                               NULL, NULL);
  Asking *asking = g_new0 (Asking, 1);

  asking->chosen = chosen;
  asking->data = data;
  asking->data_free = data_free;
  if (file_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_object_set_data_full (G_OBJECT (chooser), "asking", asking, (GDestroyNotify) asking_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
