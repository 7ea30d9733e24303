/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-workers.h: the threads that run the requests' storage work, each
 * on its own database connection, so that a slow request does not hold up
 * the others on the main loop.
 */
#pragma once

#include "appeals-db.h"

G_BEGIN_DECLS

typedef struct _AppealsWorkers AppealsWorkers;

/* Runs on a worker thread with a connection of its own. */
typedef void (*AppealsWorkFunc) (AppealsDb *db,
                                 gpointer   data);

AppealsWorkers *appeals_workers_new        (const char      *location,
                                            guint            n_workers,
                                            guint            statement_timeout_ms,
                                            GError         **error);
void            appeals_workers_free       (AppealsWorkers  *self);
guint           appeals_workers_get_size   (AppealsWorkers  *self);
guint           appeals_workers_default_size (void);
void            appeals_workers_push       (AppealsWorkers  *self,
                                            gboolean         slow,
                                            GCancellable    *cancellable,
                                            AppealsWorkFunc  work,
                                            GSourceFunc      done,
                                            gpointer         data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsWorkers, appeals_workers_free)

G_END_DECLS
