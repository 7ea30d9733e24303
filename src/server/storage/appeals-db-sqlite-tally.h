/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-db-sqlite-tally.h: several GROUP BYs in one pass, to SQL.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean appeals_db_sqlite_tally_register (sqlite3 *db);

G_END_DECLS
