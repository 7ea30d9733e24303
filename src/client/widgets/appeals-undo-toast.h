/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-undo-toast.h: a decision that waits a few seconds for an Undo
 * before it is sent — a toast with an Undo button; the decision is made
 * when the toast goes, unless Undo was pressed.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define APPEALS_UNDO_SECONDS 5

typedef void (*AppealsUndoFunc) (gpointer user_data);

AdwToast *appeals_undo_toast_show (AdwToastOverlay *overlay,
                                   const char      *title,
                                   AppealsUndoFunc  commit,
                                   AppealsUndoFunc  undo,
                                   gpointer         user_data,
                                   GDestroyNotify   destroy);

G_END_DECLS
