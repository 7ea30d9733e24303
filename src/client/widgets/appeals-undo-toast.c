/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-undo-toast.c: the toast owns the pending decision. Undo calls
 * @undo; the toast's going for any other reason (its time is up, another
 * toast or its overlay took its place, its owner dismissed it) calls
 * @commit. Exactly one of the two is called, once.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-undo-toast.h"

typedef struct
{
  AppealsUndoFunc commit;
  AppealsUndoFunc undo;
  gpointer        user_data;
  GDestroyNotify  destroy;
  gboolean        decided;
} Pending;

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->user_data);
  g_free (pending);
}

static void
on_undo_clicked (AdwToast *toast,
                 Pending  *pending)
{
  if (pending->decided)
    return;
  pending->decided = TRUE;
  pending->undo (pending->user_data);
  adw_toast_dismiss (toast);
}

static void
on_dismissed (AdwToast *toast,
              Pending  *pending)
{
  if (pending->decided)
    return;
  pending->decided = TRUE;
  pending->commit (pending->user_data);
}

/**
 * appeals_undo_toast_show:
 * @commit: makes the decision
 * @undo: puts things back as they were before the decision
 * @destroy: (nullable): frees @user_data once the toast is gone
 *
 * Returns: (transfer none): the toast; dismissing it commits at once
 */
AdwToast *
appeals_undo_toast_show (AdwToastOverlay *overlay,
                         const char      *title,
                         AppealsUndoFunc  commit,
                         AppealsUndoFunc  undo,
                         gpointer         user_data,
                         GDestroyNotify   destroy)
{
  AdwToast *toast = adw_toast_new (title);
  Pending *pending = g_new0 (Pending, 1);

  pending->commit = commit;
  pending->undo = undo;
  pending->user_data = user_data;
  pending->destroy = destroy;
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, APPEALS_UNDO_SECONDS);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "appeals-pending", pending, (GDestroyNotify) pending_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked), pending);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_dismissed), pending);
  adw_toast_overlay_add_toast (overlay, toast);
  return toast;
}
