/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-search-words.h: the words of the journal's text index that no
 * appeal keeps any more, forgotten (SQLite).
 */
#pragma once

#include "appeals-db.h"

G_BEGIN_DECLS

GPtrArray *appeals_search_words_find_dead (AppealsDb  *db,
                                           GError    **error);
gboolean   appeals_search_words_forget    (AppealsDb  *db,
                                           GPtrArray  *dead,
                                           guint      *n_forgotten,
                                           GError    **error);
gboolean   appeals_search_words_prune     (AppealsDb  *db,
                                           guint      *n_pruned,
                                           GError    **error);

G_END_DECLS
