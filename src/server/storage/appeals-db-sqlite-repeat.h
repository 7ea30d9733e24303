/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-db-sqlite-repeat.h: the repeat applicants' figures, to SQL.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean appeals_db_sqlite_repeat_register (sqlite3 *db);

G_END_DECLS
