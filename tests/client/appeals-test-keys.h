/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean appeals_test_keys_available (void);
void     appeals_test_keys_focus     (GtkWindow  *window);
void     appeals_test_keys_press     (const char *accelerator);
void     appeals_test_keys_type      (const char *text);
void     appeals_test_keys_scan      (const char *text);

G_END_DECLS
