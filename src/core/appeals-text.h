/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-text.h: text folding for search, shared by the server's full-text
 * index and the client's classifier pickers; dates as people write them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char      *appeals_text_fold         (const char  *text);
gboolean   appeals_text_contains     (const char  *folded_haystack,
                                      const char  *folded_needle);
GPtrArray *appeals_text_search_words (const char  *query);

gboolean   appeals_date_parse_text   (const char  *text,
                                      GDate       *date);
char      *appeals_date_format_text  (const GDate *date);

G_END_DECLS
