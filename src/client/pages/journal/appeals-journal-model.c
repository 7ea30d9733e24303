/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-model.c: the journal as a lazily paged list.
 *
 * The model reports the server's total at once; rows not fetched yet are
 * placeholder cards (id 0) until the page holding them arrives. A row
 * asked for beyond the loaded part starts the fetch of the next page
 * (pages are chained by the server's cursor), so scrolling pulls the
 * journal in as far as the user looks, and no further.
 *
 * Signals: "loaded" after each page, "failed" (GError) when a fetch fails.
 */
#include "config.h"

#include "appeals-journal-model.h"

#define DEFAULT_PAGE_SIZE 50

struct _AppealsJournalModel
{
  GObject           parent_instance;

  AppealsApiClient *client;
  char             *query;        /* "status=…&q=…" without limit/cursor */
  GPtrArray        *items;        /* loaded AppealsAppeal */
  GHashTable       *placeholders; /* position → AppealsAppeal */
  guint             total;
  char             *next_cursor;
  guint             page_size;
  GCancellable     *cancellable;
  gboolean          loading;
  guint             generation;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AppealsJournalModel, appeals_journal_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  LOADED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void fetch_page (AppealsJournalModel *self);

static GType
get_item_type (GListModel *model)
{
  return APPEALS_TYPE_APPEAL;
}

static guint
get_n_items (GListModel *model)
{
  return APPEALS_JOURNAL_MODEL (model)->total;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  AppealsJournalModel *self = APPEALS_JOURNAL_MODEL (model);
  AppealsAppeal *placeholder;

  if (position >= self->total)
    return NULL;

  if (position < self->items->len)
    return g_object_ref (g_ptr_array_index (self->items, position));

  /* a row not fetched yet: bring in the next page */
  if (!self->loading && self->next_cursor != NULL)
    fetch_page (self);

  placeholder = g_hash_table_lookup (self->placeholders, GUINT_TO_POINTER (position));
  if (placeholder == NULL)
    {
      placeholder = appeals_appeal_new ();
      g_hash_table_insert (self->placeholders, GUINT_TO_POINTER (position), placeholder);
    }
  return g_object_ref (placeholder);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

typedef struct
{
  AppealsJournalModel *self;
  guint                generation;
} Fetch;

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(AppealsJournalModel) self = fetch->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source),
                                                                              result, &error);
  guint generation = fetch->generation;
  JsonObject *object;
  JsonArray *items;
  guint old_total, old_loaded;

  g_free (fetch);
  if (generation != self->generation)
    return;   /* a newer query replaced this one */

  self->loading = FALSE;

  if (response == NULL || !appeals_api_response_is_success (response) ||
      !JSON_NODE_HOLDS_OBJECT (response->body))
    {
      if (error == NULL)
        error = g_error_new_literal (APPEALS_SERVICE_ERROR,
                                     response->status == SOUP_STATUS_UNAUTHORIZED ? APPEALS_SERVICE_ERROR_UNAUTHORIZED
                                                                                  : APPEALS_SERVICE_ERROR_REFUSED,
                                     appeals_api_response_describe (response));
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  object = json_node_get_object (response->body);
  items = json_object_get_array_member (object, "items");
  old_total = self->total;
  old_loaded = self->items->len;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(AppealsAppeal) appeal = appeals_appeal_new_from_json (json_array_get_element (items, i), NULL);

      if (appeal != NULL)
        g_ptr_array_add (self->items, g_steal_pointer (&appeal));
    }

  g_clear_pointer (&self->next_cursor, g_free);
  if (!json_object_get_null_member (object, "next_cursor"))
    self->next_cursor = g_uri_escape_string (json_object_get_string_member (object, "next_cursor"), NULL, TRUE);

  self->total = json_object_get_int_member (object, "total");
  /* the server's total may have moved: never claim rows we cannot fetch */
  if (self->next_cursor == NULL)
    self->total = self->items->len;
  else
    self->total = MAX (self->total, self->items->len + 1);

  for (guint i = old_loaded; i < self->items->len; i++)
    g_hash_table_remove (self->placeholders, GUINT_TO_POINTER (i));

  if (old_loaded == 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_total, self->total);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), old_loaded, old_total - old_loaded,
                                self->total - old_loaded);

  g_signal_emit (self, signals[LOADED], 0);
}

static void
fetch_page (AppealsJournalModel *self)
{
  g_autofree char *path = NULL;
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->self = g_object_ref (self);
  fetch->generation = self->generation;
  self->loading = TRUE;

  path = g_strdup_printf ("appeals?limit=%u%s%s%s%s", self->page_size,
                          self->query != NULL && *self->query != '\0' ? "&" : "",
                          self->query != NULL ? self->query : "",
                          self->next_cursor != NULL ? "&cursor=" : "",
                          self->next_cursor != NULL ? self->next_cursor : "");
  appeals_api_client_request_async (self->client, "GET", path, NULL, NULL, NULL, self->cancellable,
                                    on_page, fetch);
}

/**
 * appeals_journal_model_reload:
 *
 * Fetches the first page again; the rows already shown stay until it
 * arrives, so the list does not flicker.
 */
void
appeals_journal_model_reload (AppealsJournalModel *self)
{
  guint old_total = self->total;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;

  g_ptr_array_set_size (self->items, 0);
  g_hash_table_remove_all (self->placeholders);
  g_clear_pointer (&self->next_cursor, g_free);
  self->total = 0;
  if (old_total > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_total, 0);

  fetch_page (self);
}

void
appeals_journal_model_clear (AppealsJournalModel *self)
{
  guint old_total = self->total;

  g_cancellable_cancel (self->cancellable);
  self->generation++;
  self->loading = FALSE;
  g_ptr_array_set_size (self->items, 0);
  g_hash_table_remove_all (self->placeholders);
  g_clear_pointer (&self->next_cursor, g_free);
  self->total = 0;
  if (old_total > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_total, 0);
}

/**
 * appeals_journal_model_set_query:
 * @query: the filters as a query string ("status=…&q=…")
 *
 * Replaces the query and fetches its first page.
 */
void
appeals_journal_model_set_query (AppealsJournalModel *self,
                                 const char          *query)
{
  g_free (self->query);
  self->query = g_strdup (query);
  appeals_journal_model_reload (self);
}

void
appeals_journal_model_set_page_size (AppealsJournalModel *self,
                                     guint                page_size)
{
  self->page_size = CLAMP (page_size, 1, 200);
}

guint
appeals_journal_model_get_page_size (AppealsJournalModel *self)
{
  return self->page_size;
}

guint
appeals_journal_model_get_total (AppealsJournalModel *self)
{
  return self->total;
}

guint
appeals_journal_model_get_n_loaded (AppealsJournalModel *self)
{
  return self->items->len;
}

gboolean
appeals_journal_model_is_loading (AppealsJournalModel *self)
{
  return self->loading;
}

static void
appeals_journal_model_dispose (GObject *object)
{
  AppealsJournalModel *self = (AppealsJournalModel *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (appeals_journal_model_parent_class)->dispose (object);
}

static void
appeals_journal_model_finalize (GObject *object)
{
  AppealsJournalModel *self = (AppealsJournalModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->placeholders, g_hash_table_unref);
  g_free (self->query);
  g_free (self->next_cursor);

  G_OBJECT_CLASS (appeals_journal_model_parent_class)->finalize (object);
}

static void
appeals_journal_model_class_init (AppealsJournalModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = appeals_journal_model_dispose;
  object_class->finalize = appeals_journal_model_finalize;

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
appeals_journal_model_init (AppealsJournalModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->placeholders = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  self->page_size = DEFAULT_PAGE_SIZE;
  self->cancellable = g_cancellable_new ();
}

AppealsJournalModel *
appeals_journal_model_new (AppealsApiClient *client)
{
  AppealsJournalModel *self = g_object_new (APPEALS_TYPE_JOURNAL_MODEL, NULL);

  self->client = g_object_ref (client);
  return self;
}
