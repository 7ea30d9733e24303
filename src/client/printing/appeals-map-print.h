/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-map-print.h: the map of problem issues on paper, in a PDF or a
 * PNG picture.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-map.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_MAP_PRINT (appeals_map_print_get_type ())

G_DECLARE_FINAL_TYPE (AppealsMapPrint, appeals_map_print, APPEALS, MAP_PRINT, GtkPrintOperation)

AppealsMapPrint *appeals_map_print_new       (AppealsMap  *map,
                                              const char  *title,
                                              const char  *subtitle);
gboolean         appeals_map_write_png       (AppealsMap  *map,
                                              const char  *title,
                                              const char  *subtitle,
                                              const char  *path,
                                              GError     **error);
const char      *appeals_map_get_attribution (void);

G_END_DECLS
