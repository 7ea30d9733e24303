/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-db-private.h: what the two backends share with the base class.
 */
#pragma once

#include "appeals-db.h"

G_BEGIN_DECLS

AppealsDb *appeals_db_sqlite_open   (const char  *path,
                                     GError     **error);
#ifdef HAVE_POSTGRESQL
AppealsDb *appeals_db_postgres_open (const char  *conninfo,
                                     GError     **error);
#endif

G_END_DECLS
