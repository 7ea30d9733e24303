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
 * A saved appeal replaces its row in place (items-changed of one row), so
 * a save never reloads the journal.
 *
 * Signals: "loaded" after each page, "failed" (GError) when a fetch fails.
 */
#include "config.h"

#include "appeals-journal-model.h"

#define DEFAULT_PAGE_SIZE 50

struct _AppealsJournalModel
{
  GObject           parent_instance;

  AppealsAppealService *service;
  AppealsAppealFilter *filter;
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
  g_autoptr(AppealsAppealPage) page = appeals_appeal_service_list_page_finish (APPEALS_APPEAL_SERVICE (source),
                                                                               result, &error);
  guint generation = fetch->generation;
  guint old_total, old_loaded;

  g_free (fetch);
  if (generation != self->generation)
    return;   /* a newer query replaced this one */

  self->loading = FALSE;

  if (page == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  old_total = self->total;
  old_loaded = self->items->len;

  g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&page->items));
  g_free (self->next_cursor);
  self->next_cursor = g_steal_pointer (&page->next_cursor);

  self->total = page->total;
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
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->self = g_object_ref (self);
  fetch->generation = self->generation;
  self->loading = TRUE;

  appeals_appeal_service_list_page_async (self->service, self->filter, self->page_size, self->next_cursor,
                                          self->cancellable, on_page, fetch);
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
 * appeals_journal_model_set_filter:
 *
 * Replaces the filter and fetches its first page.
 */
void
appeals_journal_model_set_filter (AppealsJournalModel       *self,
                                  const AppealsAppealFilter *filter)
{
  appeals_appeal_filter_free (self->filter);
  self->filter = appeals_appeal_filter_copy (filter);
  appeals_journal_model_reload (self);
}

/**
 * appeals_journal_model_update_appeal:
 * @appeal: an appeal as the server answered its save
 *
 * Puts @appeal in place of the loaded row with its id, as one changed
 * row; nothing is fetched.
 *
 * Returns: whether a loaded row was that appeal
 */
gboolean
appeals_journal_model_update_appeal (AppealsJournalModel *self,
                                     AppealsAppeal       *appeal)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      AppealsAppeal *row = g_ptr_array_index (self->items, i);

      if (row->id != appeal->id)
        continue;

      g_ptr_array_index (self->items, i) = appeals_appeal_copy (appeal);
      g_object_unref (row);
      g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
      return TRUE;
    }

  return FALSE;
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
  g_clear_object (&self->service);

  G_OBJECT_CLASS (appeals_journal_model_parent_class)->dispose (object);
}

static void
appeals_journal_model_finalize (GObject *object)
{
  AppealsJournalModel *self = (AppealsJournalModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->placeholders, g_hash_table_unref);
  appeals_appeal_filter_free (self->filter);
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
  self->filter = appeals_appeal_filter_new ();
}

AppealsJournalModel *
appeals_journal_model_new (AppealsAppealService *service)
{
  AppealsJournalModel *self = g_object_new (APPEALS_TYPE_JOURNAL_MODEL, NULL);

  self->service = g_object_ref (service);
  return self;
}
