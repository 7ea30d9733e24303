/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-file-chooser.h: asking where to save (or which folder to use)
 * with a native chooser, modal over a widget's window, and handing the
 * chosen path back while that widget lives; and that window itself, the
 * parent of the dialogs a page opens.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the path the user accepted; never when the chooser was
 * cancelled or @widget is gone. */
typedef void (*AppealsFileChosen) (GtkWidget  *widget,
                                   const char *path,
                                   gpointer    data);

GtkWindow *appeals_widget_get_window (GtkWidget            *widget);
void       appeals_file_chooser_ask  (GtkWidget            *widget,
                                      const char           *title,
                                      GtkFileChooserAction  action,
                                      const char           *file_name,
                                      AppealsFileChosen     chosen,
                                      gpointer              data,
                                      GDestroyNotify        data_free);

G_END_DECLS
