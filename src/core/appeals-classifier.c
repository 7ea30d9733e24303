/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-classifier.c: reference lists with names in kk, ru and en.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-classifier.h"
#include "appeals-data.h"
#include "appeals-error.h"
#include "appeals-json.h"
#include "appeals-text.h"

#define CLASSIFIER_FORMAT 1

struct _AppealsClassifier
{
  GObject     parent_instance;

  char       *name;
  GArray     *items;    /* AppealsClassifierItem */
  GHashTable *by_code;  /* code → index + 1 */
  JsonNode   *root;
};

G_DEFINE_FINAL_TYPE (AppealsClassifier, appeals_classifier, G_TYPE_OBJECT)

static void
classifier_item_clear (gpointer data)
{
  AppealsClassifierItem *item = data;

  g_free (item->code);
  appeals_names_clear (&item->name);
  g_free (item->kind);
  g_free (item->district);
  g_free (item->folded);
}

static void
appeals_classifier_finalize (GObject *object)
{
  AppealsClassifier *self = (AppealsClassifier *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->root, json_node_unref);

  G_OBJECT_CLASS (appeals_classifier_parent_class)->finalize (object);
}

static void
appeals_classifier_class_init (AppealsClassifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_classifier_finalize;
}

static void
appeals_classifier_init (AppealsClassifier *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (AppealsClassifierItem));
  g_array_set_clear_func (self->items, classifier_item_clear);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

static gboolean
parse_item (AppealsClassifier  *self,
            JsonArray          *array,
            guint               index,
            const char         *origin,
            GError            **error)
{
  g_autofree char *where = appeals_json_index_path ("items", index);
  JsonObject *object = appeals_json_array_get_object (array, index, origin, "items", error);
  const char *code = NULL, *kind = NULL, *district = NULL;
  g_autofree char *all_names = NULL;
  AppealsClassifierItem item = { 0, };

  if (object == NULL ||
      !appeals_json_read_string (object, "code", TRUE, &code, origin, where, error) ||
      !appeals_json_read_string (object, "kind", FALSE, &kind, origin, where, error) ||
      !appeals_json_read_string (object, "district", FALSE, &district, origin, where, error) ||
      !appeals_json_read_int (object, "osm_relation", FALSE, 1, G_MAXINT64, &item.osm_relation, origin, where,
                              error))
    return FALSE;

  if (g_hash_table_contains (self->by_code, code))
    {
      g_autofree char *field = appeals_json_field_path (where, "code");
      appeals_json_set_field_error (error, origin, field, _("repeats a code given earlier"));
      return FALSE;
    }

  if (!appeals_json_read_names (object, &item.name, origin, where, error))
    return FALSE;

  all_names = g_strjoin ("\n", code, item.name.en, item.name.kk, item.name.ru, NULL);
  item.code = g_strdup (code);
  item.kind = g_strdup (kind);
  item.district = g_strdup (district);
  item.folded = appeals_text_fold (all_names);
  g_array_append_val (self->items, item);
  g_hash_table_insert (self->by_code,
                       g_array_index (self->items, AppealsClassifierItem, self->items->len - 1).code,
                       GUINT_TO_POINTER (self->items->len));

  return TRUE;
}

/**
 * appeals_classifier_new_from_json:
 * @origin: the file or URL the document came from, for error messages
 */
AppealsClassifier *
appeals_classifier_new_from_json (JsonNode    *node,
                                  const char  *origin,
                                  GError     **error)
{
  g_autoptr(AppealsClassifier) self = g_object_new (APPEALS_TYPE_CLASSIFIER, NULL);
  JsonObject *root;
  JsonArray *items = NULL;
  const char *name = NULL;
  gint64 format = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      appeals_json_set_field_error (error, origin, "/", _("must be an object"));
      return NULL;
    }

  root = json_node_get_object (node);
  if (!appeals_json_read_int (root, "format", TRUE, CLASSIFIER_FORMAT, CLASSIFIER_FORMAT,
                              &format, origin, NULL, error) ||
      !appeals_json_read_string (root, "classifier", TRUE, &name, origin, NULL, error) ||
      !appeals_json_read_array (root, "items", TRUE, &items, origin, NULL, error))
    return NULL;

  self->name = g_strdup (name);
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (!parse_item (self, items, i, origin, error))
      return NULL;

  self->root = json_node_ref (node);
  return g_steal_pointer (&self);
}

AppealsClassifier *
appeals_classifier_new_from_file (const char  *path,
                                  GError     **error)
{
  g_autoptr(JsonNode) root = appeals_json_load_file (path, error);

  if (root == NULL)
    return NULL;

  return appeals_classifier_new_from_json (root, path, error);
}

/**
 * appeals_classifier_load:
 * @name: e.g. %APPEALS_CLASSIFIER_DISTRICTS
 *
 * Reads classifiers/@name.json from the data directory.
 */
AppealsClassifier *
appeals_classifier_load (const char  *name,
                         GError     **error)
{
  g_autofree char *relative = g_strdup_printf ("classifiers/%s.json", name);
  g_autofree char *path = appeals_data_find_file (relative, error);

  if (path == NULL)
    return NULL;

  return appeals_classifier_new_from_file (path, error);
}

const char *
appeals_classifier_get_name (AppealsClassifier *self)
{
  g_return_val_if_fail (APPEALS_IS_CLASSIFIER (self), NULL);

  return self->name;
}

guint
appeals_classifier_get_n_items (AppealsClassifier *self)
{
  g_return_val_if_fail (APPEALS_IS_CLASSIFIER (self), 0);

  return self->items->len;
}

const AppealsClassifierItem *
appeals_classifier_get_item (AppealsClassifier *self,
                             guint              position)
{
  g_return_val_if_fail (APPEALS_IS_CLASSIFIER (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return &g_array_index (self->items, AppealsClassifierItem, position);
}

const AppealsClassifierItem *
appeals_classifier_lookup (AppealsClassifier *self,
                           const char        *code)
{
  guint position;

  g_return_val_if_fail (APPEALS_IS_CLASSIFIER (self), NULL);

  if (code == NULL)
    return NULL;

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, code));
  if (position == 0)
    return NULL;

  return &g_array_index (self->items, AppealsClassifierItem, position - 1);
}

/**
 * appeals_classifier_item_get_label:
 * @language: (nullable): "kk", "ru" or "en"; %NULL for the interface
 *   language
 */
const char *
appeals_classifier_item_get_label (const AppealsClassifierItem *item,
                                   const char                  *language)
{
  return appeals_names_get (&item->name, language);
}

/**
 * appeals_classifier_get_label:
 *
 * Returns: the name of @code in @language, or @code itself when the list
 *   does not know it (so an old card still shows something).
 */
const char *
appeals_classifier_get_label (AppealsClassifier *self,
                              const char        *code,
                              const char        *language)
{
  const AppealsClassifierItem *item = appeals_classifier_lookup (self, code);

  if (item == NULL)
    return code;

  return appeals_classifier_item_get_label (item, language);
}

gboolean
appeals_classifier_item_matches (const AppealsClassifierItem *item,
                                 const char                  *folded_query)
{
  return appeals_text_contains (item->folded, folded_query);
}

JsonNode *
appeals_classifier_to_json (AppealsClassifier *self)
{
  g_return_val_if_fail (APPEALS_IS_CLASSIFIER (self), NULL);

  return json_node_ref (self->root);
}
