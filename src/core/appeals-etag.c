/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-etag.c: "<id>-<version>" as a strong entity tag.
 */
#include "config.h"

#include <string.h>

#include "appeals-etag.h"

/**
 * appeals_etag_format:
 *
 * Returns: (transfer full): the quoted tag, e.g. "\"42-3\"".
 */
char *
appeals_etag_format (gint64 id,
                     gint64 version)
{
  return g_strdup_printf ("\"%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "\"", id, version);
}

/**
 * appeals_etag_parse:
 * @id: (out) (optional):
 * @version: (out) (optional):
 *
 * Reads a tag made by appeals_etag_format(); a weak tag (W/) is refused,
 * as If-Match compares strongly.
 *
 * Returns: whether @etag is such a tag.
 */
gboolean
appeals_etag_parse (const char *etag,
                    gint64     *id,
                    gint64     *version)
{
  g_auto(GStrv) parts = NULL;
  gsize length;
  g_autofree char *inner = NULL;
  guint64 parsed_id, parsed_version;

  if (etag == NULL)
    return FALSE;
  length = strlen (etag);
  if (length < 5 || etag[0] != '"' || etag[length - 1] != '"')
    return FALSE;

  inner = g_strndup (etag + 1, length - 2);
  parts = g_strsplit (inner, "-", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXINT64, &parsed_id, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXINT64, &parsed_version, NULL))
    return FALSE;

  if (id != NULL)
    *id = (gint64) parsed_id;
  if (version != NULL)
    *version = (gint64) parsed_version;
  return TRUE;
}
