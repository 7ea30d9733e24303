/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-data.h: where the rule files under data/ are found, and gettext
 * set-up shared by every program of the project.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* APPEALS_DATA_DIR in the environment overrides the installed data
 * directory (tests and the demo point it at the source tree). */
#define APPEALS_DATA_DIR_ENV "APPEALS_DATA_DIR"

const char *appeals_data_get_dir   (void);
char       *appeals_data_find_file (const char  *relative_path,
                                    GError     **error);

void        appeals_i18n_init      (void);
const char *appeals_i18n_get_localedir (void);
const char *appeals_ui_language        (void);

G_END_DECLS
