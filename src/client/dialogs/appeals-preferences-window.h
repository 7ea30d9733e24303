/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-preferences-window.h: the server, its certificate authority, the
 * interface language and journal settings, bound to GSettings.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_PREFERENCES_WINDOW (appeals_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AppealsPreferencesWindow, appeals_preferences_window, APPEALS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

AppealsPreferencesWindow *appeals_preferences_window_new (AppealsContext *context,
                                                          gboolean        server_editable);

G_END_DECLS
