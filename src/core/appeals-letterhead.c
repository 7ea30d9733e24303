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
  GObject   parent_instance;

  char     *kk[APPEALS_LETTERHEAD_N_LINES];
  char     *ru[APPEALS_LETTERHEAD_N_LINES];
};

G_DEFINE_FINAL_TYPE (AppealsLetterhead, appeals_letterhead, G_TYPE_OBJECT)

static void
appeals_letterhead_finalize (GObject *object)
{
  AppealsLetterhead *self = APPEALS_LETTERHEAD (object);

  for (guint i = 0; i < APPEALS_LETTERHEAD_N_LINES; i++)
    {
      g_free (self->kk[i]);
      g_free (self->ru[i]);
    }
  G_OBJECT_CLASS (appeals_letterhead_parent_class)->finalize (object);
}

static void
appeals_letterhead_class_init (AppealsLetterheadClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_letterhead_finalize;
}

static void
appeals_letterhead_init (AppealsLetterhead *self)
{
}

AppealsLetterhead *
appeals_letterhead_new_from_json (JsonNode    *node,
                                  const char  *origin,
                                  GError     **error)
{
  g_autoptr(AppealsLetterhead) self = g_object_new (APPEALS_TYPE_LETTERHEAD, NULL);
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
appeals_letterhead_new_from_file (const char  *path,
                                  GError     **error)
{
  return appeals_json_parse_file (path, (AppealsJsonDocumentParser) appeals_letterhead_new_from_json, error);
}

AppealsLetterhead *
appeals_letterhead_new_default (GError **error)
{
  return appeals_json_parse_data_file (DEFAULT_LETTERHEAD_FILE,
                                       (AppealsJsonDocumentParser) appeals_letterhead_new_from_json, error);
}

/**
 * appeals_letterhead_to_json:
 *
 * Returns: (transfer full): the letterhead as its file has it
 */
JsonNode *
appeals_letterhead_to_json (AppealsLetterhead *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (APPEALS_IS_LETTERHEAD (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, LETTERHEAD_FORMAT);
  for (guint i = 0; i < APPEALS_LETTERHEAD_N_LINES; i++)
    {
      json_builder_set_member_name (builder, members[i]);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kk");
      json_builder_add_string_value (builder, self->kk[i]);
      json_builder_set_member_name (builder, "ru");
      json_builder_add_string_value (builder, self->ru[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
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
  g_return_val_if_fail (APPEALS_IS_LETTERHEAD (self) && line < APPEALS_LETTERHEAD_N_LINES, "");

  return g_strcmp0 (language, "kk") == 0 ? self->kk[line] : self->ru[line];
}
