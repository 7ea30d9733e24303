/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-priority.c: priority categories and the order of a reception
 * queue: visitors with a category first (lower rank first), then by
 * booking time, then by id so the order is stable.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-classifier.h"
#include "appeals-data.h"
#include "appeals-error.h"
#include "appeals-json.h"
#include "appeals-priority.h"

#define PRIORITY_FORMAT 1
#define DEFAULT_PRIORITY_FILE "rules/priority-categories.json"

typedef struct
{
  char         *code;
  int           rank;
  AppealsNames  name;
} Category;

struct _AppealsPriorityCatalog
{
  GObject     parent_instance;

  GArray     *categories;  /* Category */
  GHashTable *by_code;     /* code → position + 1 */
  JsonNode   *root;        /* the document the catalog was read from */
};

G_DEFINE_FINAL_TYPE (AppealsPriorityCatalog, appeals_priority_catalog, G_TYPE_OBJECT)

static void
category_clear (gpointer data)
{
  Category *category = data;

  g_free (category->code);
  appeals_names_clear (&category->name);
}

static void
appeals_priority_catalog_finalize (GObject *object)
{
  AppealsPriorityCatalog *self = (AppealsPriorityCatalog *)object;

  g_clear_pointer (&self->categories, g_array_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->root, json_node_unref);

  G_OBJECT_CLASS (appeals_priority_catalog_parent_class)->finalize (object);
}

static void
appeals_priority_catalog_class_init (AppealsPriorityCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_priority_catalog_finalize;
}

static void
appeals_priority_catalog_init (AppealsPriorityCatalog *self)
{
  self->categories = g_array_new (FALSE, TRUE, sizeof (Category));
  g_array_set_clear_func (self->categories, category_clear);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * appeals_priority_catalog_new_from_json:
 * @node: a document in the format of data/rules/priority-categories.json
 * @origin: the file or URL the document came from, for error messages
 */
AppealsPriorityCatalog *
appeals_priority_catalog_new_from_json (JsonNode    *node,
                                        const char  *origin,
                                        GError     **error)
{
  g_autoptr(AppealsPriorityCatalog) self = g_object_new (APPEALS_TYPE_PRIORITY_CATALOG, NULL);
  const char *path = origin;
  JsonObject *root;
  JsonArray *array = NULL;
  gint64 format = 0;

  root = appeals_json_node_get_root_object (node, origin, error);
  if (root == NULL ||
      !appeals_json_read_int (root, "format", TRUE, PRIORITY_FORMAT, PRIORITY_FORMAT, &format, path, NULL, error) ||
      !appeals_json_read_array (root, "categories", TRUE, &array, path, NULL, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = appeals_json_index_path ("categories", i);
      JsonObject *object = appeals_json_array_get_object (array, i, path, "categories", error);
      const char *code = NULL;
      gint64 rank = 0;
      Category category = { 0, };

      if (object == NULL ||
          !appeals_json_read_string (object, "code", TRUE, &code, path, where, error) ||
          !appeals_json_read_int (object, "rank", TRUE, 1, 100, &rank, path, where, error))
        return NULL;

      if (g_hash_table_contains (self->by_code, code))
        {
          g_autofree char *field = appeals_json_field_path (where, "code");
          appeals_json_set_field_error (error, path, field, _("repeats a code given earlier"));
          return NULL;
        }

      if (!appeals_json_read_names (object, &category.name, path, where, error))
        return NULL;
      category.code = g_strdup (code);
      category.rank = rank;
      g_array_append_val (self->categories, category);
      g_hash_table_insert (self->by_code, g_array_index (self->categories, Category, i).code,
                           GUINT_TO_POINTER (i + 1));
    }

  self->root = json_node_ref (node);
  return g_steal_pointer (&self);
}

AppealsPriorityCatalog *
appeals_priority_catalog_new_from_file (const char  *path,
                                        GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return appeals_json_parse_file (path, (AppealsJsonDocumentParser) appeals_priority_catalog_new_from_json, error);
}

/**
 * appeals_priority_catalog_to_json:
 *
 * Returns: (transfer full): the document this was read from, as the
 *   server hands it to the clients
 */
JsonNode *
appeals_priority_catalog_to_json (AppealsPriorityCatalog *self)
{
  g_return_val_if_fail (APPEALS_IS_PRIORITY_CATALOG (self), NULL);

  return json_node_ref (self->root);
}

AppealsPriorityCatalog *
appeals_priority_catalog_new_default (GError **error)
{
  return appeals_json_parse_data_file (DEFAULT_PRIORITY_FILE, (AppealsJsonDocumentParser) appeals_priority_catalog_new_from_json, error);
}

static const Category *
lookup (AppealsPriorityCatalog *self,
        const char             *code)
{
  guint position;

  if (code == NULL)
    return NULL;

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, code));
  return position > 0 ? &g_array_index (self->categories, Category, position - 1) : NULL;
}

guint
appeals_priority_catalog_get_n_categories (AppealsPriorityCatalog *self)
{
  g_return_val_if_fail (APPEALS_IS_PRIORITY_CATALOG (self), 0);

  return self->categories->len;
}

const char *
appeals_priority_catalog_get_code (AppealsPriorityCatalog *self,
                                   guint                   position)
{
  g_return_val_if_fail (APPEALS_IS_PRIORITY_CATALOG (self), NULL);
  g_return_val_if_fail (position < self->categories->len, NULL);

  return g_array_index (self->categories, Category, position).code;
}

gboolean
appeals_priority_catalog_has (AppealsPriorityCatalog *self,
                              const char             *code)
{
  g_return_val_if_fail (APPEALS_IS_PRIORITY_CATALOG (self), FALSE);

  return lookup (self, code) != NULL;
}

/**
 * appeals_priority_catalog_get_rank:
 *
 * Returns: the rank of @code (lower comes first); %G_MAXINT for no or an
 *   unknown category.
 */
int
appeals_priority_catalog_get_rank (AppealsPriorityCatalog *self,
                                   const char             *code)
{
  const Category *category;

  g_return_val_if_fail (APPEALS_IS_PRIORITY_CATALOG (self), G_MAXINT);

  category = lookup (self, code);
  return category != NULL ? category->rank : G_MAXINT;
}

const char *
appeals_priority_catalog_get_name (AppealsPriorityCatalog *self,
                                   const char             *code,
                                   const char             *language)
{
  const Category *category;

  g_return_val_if_fail (APPEALS_IS_PRIORITY_CATALOG (self), NULL);

  category = lookup (self, code);
  return category != NULL ? appeals_names_get (&category->name, language) : NULL;
}

int
appeals_priority_compare (AppealsPriorityCatalog  *self,
                          const AppealsQueueEntry *a,
                          const AppealsQueueEntry *b)
{
  int rank_a = appeals_priority_catalog_get_rank (self, a->priority);
  int rank_b = appeals_priority_catalog_get_rank (self, b->priority);

  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  if (a->booked_at != b->booked_at)
    return a->booked_at < b->booked_at ? -1 : 1;
  return g_strcmp0 (a->id, b->id);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return appeals_priority_compare (user_data, a, b);
}

void
appeals_priority_sort_queue (AppealsPriorityCatalog *self,
                             AppealsQueueEntry      *entries,
                             gsize                   n_entries)
{
  g_return_if_fail (APPEALS_IS_PRIORITY_CATALOG (self));

  g_qsort_with_data (entries, n_entries, sizeof (AppealsQueueEntry), compare_entries, self);
}
