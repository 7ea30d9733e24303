/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-merge.h: the three-way merge of an edit with a version someone
 * else saved first. From the version the edit started from (base), the
 * edit (mine) and the server's current version (theirs): a field changed
 * on one side only takes that side's value, a field both changed to
 * different values is a conflict for the user to decide, and what only
 * the server sets (read-only fields) always comes from theirs.
 */
#pragma once

#include "appeals-record.h"

G_BEGIN_DECLS

GPtrArray *appeals_merge_records      (const AppealsRecordType *type,
                                       gconstpointer            base,
                                       gconstpointer            mine,
                                       gconstpointer            theirs,
                                       gpointer                 merged);
GPtrArray *appeals_merge_changed_fields (const AppealsRecordType *type,
                                       gconstpointer            base,
                                       gconstpointer            edited);
JsonNode  *appeals_merge_build_patch (const AppealsRecordType *type,
                                     gconstpointer            base,
                                     gconstpointer            edited);

G_END_DECLS
