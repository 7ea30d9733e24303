/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-form-drafts.c: a form's draft is a JSON object in
 * $XDG_DATA_HOME/appeals-desk/forms/<server>/<login>/<form>.json, written
 * atomically and readable by its owner only.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "appeals-form-drafts.h"

/* A file name part made of letters, digits, '-' and '_' only. */
static char *
file_part (const char *text)
{
  GString *part = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    g_string_append_c (part, g_ascii_isalnum (*p) || *p == '-' || *p == '_' ? *p : '_');
  if (part->len == 0)
    g_string_append_c (part, '_');
  return g_string_free (part, FALSE);
}

static char *
draft_path (const char *server_url,
            const char *login,
            const char *form)
{
  g_autofree char *server = g_compute_checksum_for_string (G_CHECKSUM_SHA1, server_url, -1);
  g_autofree char *person = file_part (login);
  g_autofree char *name = file_part (form);
  g_autofree char *file = g_strconcat (name, ".json", NULL);

  server[12] = '\0';
  return g_build_filename (g_get_user_data_dir (), "appeals-desk", "forms", server, person, file, NULL);
}

gboolean
appeals_form_draft_save (const char  *server_url,
                         const char  *login,
                         const char  *form,
                         GHashTable  *fields,
                         GError     **error)
{
  g_autofree char *path = draft_path (server_url, login, form);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer name, value;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
      return FALSE;
    }
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &name, &value))
    json_object_set_string_member (object, name, value != NULL ? value : "");
  json_node_take_object (root, object);
  text = json_to_string (root, TRUE);
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* Returns: (transfer full) (nullable) (element-type utf8 utf8): the
 * draft's fields, or %NULL when there is none (or it cannot be read: a
 * broken draft is not worth an error) */
GHashTable *
appeals_form_draft_load (const char *server_url,
                         const char *login,
                         const char *form)
{
  g_autofree char *path = draft_path (server_url, login, form);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) names = NULL;
  GHashTable *fields;
  JsonObject *object;
  JsonNode *root;

  if (!json_parser_load_from_file (parser, path, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (object, l->data);

      if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
        g_hash_table_insert (fields, g_strdup (l->data), g_strdup (json_node_get_string (member)));
    }
  return fields;
}

void
appeals_form_draft_remove (const char *server_url,
                           const char *login,
                           const char *form)
{
  g_autofree char *path = draft_path (server_url, login, form);

  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("%s: %s", path, g_strerror (errno));
}
