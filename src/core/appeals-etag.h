/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-etag.h: the entity tag of a stored object — its id and version.
 * The server sends it in ETag and checks it in If-Match; the client builds
 * the same tag for a version it got without one (a list row, the current
 * version in a 412 answer). One formatter, so the two cannot disagree.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *appeals_etag_format (gint64      id,
                               gint64      version);
gboolean  appeals_etag_parse  (const char *etag,
                               gint64     *id,
                               gint64     *version);

G_END_DECLS
