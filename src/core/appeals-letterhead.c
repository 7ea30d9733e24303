/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-letterhead.c: the letterhead block of printed notices — the
 * department's name, address, contacts and signatory — each line in
 * Kazakh and Russian, from a data file an administrator edits.
 */
#include "config.h"

#include "appeals-json.h"
#include "appeals-letterhead.h"

#define LETTERHEAD_FORMAT 1
#define DEFAULT_LETTERHEAD_FILE "printing/letterhead.json"

static const char * const members[APPEALS_LETTERHEAD_N_LINES] = {
  "organisation", "address", "contacts", "signatory", "signatory_name",
};

struct _AppealsLetterhead
{
  char *kk[APPEALS_LETTERHEAD_N_LINES];
  char *ru[APPEALS_LETTERHEAD_N_LINES];
};

void
appeals_letterhead_free (AppealsLetterhead *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < APPEALS_LETTERHEAD_N_LINES; i++)
    {
      g_free (self->kk[i]);
      g_free (self->ru[i]);
    }
  g_free (self);
}

AppealsLetterhead *
appeals_letterhead_new_from_json (JsonNode    *node,
                                  const char  *origin,
                                  GError     **error)
{
  g_autoptr(AppealsLetterhead) self = g_new0 (AppealsLetterhead, 1);
  JsonObject *root = appeals_json_node_get_root_object (node, origin, error);
  gint64 format = 0;

  if (root == NULL ||
      !appeals_json_read_int (root, "format", TRUE, LETTERHEAD_FORMAT, LETTERHEAD_FORMAT, &format, origin, NULL, error))
    return NULL;

  for (guint i = 0; i < APPEALS_LETTERHEAD_N_LINES; i++)
    {
      JsonObject *line = NULL;
      const char *kk = NULL, *ru = NULL;

      if (!appeals_json_read_object (root, members[i], TRUE, &line, origin, NULL, error) ||
          !appeals_json_read_string (line, "kk", TRUE, &kk, origin, members[i], error) ||
          !appeals_json_read_string (line, "ru", TRUE, &ru, origin, members[i], error))
        return NULL;
      self->kk[i] = g_strdup (kk);
      self->ru[i] = g_strdup (ru);
    }
  return g_steal_pointer (&self);
}

AppealsLetterhead *
appeals_letterhead_new_default (GError **error)
{
  return appeals_json_parse_data_file (DEFAULT_LETTERHEAD_FILE,
                                       (AppealsJsonDocumentParser) appeals_letterhead_new_from_json, error);
}

/**
 * appeals_letterhead_get:
 * @language: "kk" or "ru"
 *
 * Returns: the line in @language (Russian for anything but "kk")
 */
const char *
appeals_letterhead_get (AppealsLetterhead     *self,
                        AppealsLetterheadLine  line,
                        const char            *language)
{
  g_return_val_if_fail (self != NULL && line < APPEALS_LETTERHEAD_N_LINES, "");

  return g_strcmp0 (language, "kk") == 0 ? self->kk[line] : self->ru[line];
}
