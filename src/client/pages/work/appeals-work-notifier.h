/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-work-notifier.h: desktop notifications when something of the
 * person's falls due today or is overdue — at most once a day an item.
 */
#pragma once

#include <gio/gio.h>

#include "appeals-work-service.h"

G_BEGIN_DECLS

/* More new items than this make one notification that counts them. */
#define APPEALS_WORK_NOTIFIER_MAX_SINGLE 3

guint appeals_work_notifier_notify (GSettings         *settings,
                                    const AppealsWork *work,
                                    GApplication      *application);
char *appeals_work_notifier_get_state_path (void);

G_END_DECLS
