/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-model.c: the journal as a lazily paged list.
 *
 * The first page and the totals are asked for at once and apart: the page
 * shows as soon as it comes, the totals (counted by the server up to its
 * cap, "more than 10,000") when they come. Until then the list claims the
 * rows it knows of and one more when there are more.
 *
 * Rows not fetched yet are placeholder cards (id 0) until the page holding
 * them arrives. A row asked for starts the fetch of its own page only: by
 * the cursor of the page before when that one was seen, else by its
 * position (the server takes positions up to its count cap, and the list
 * never claims rows past the cap it has not reached through cursors). So
 * jumping to the end (End, the scrollbar) loads the pages there, not every
 * page before them. At most MAX_PAGES pages are held: the one furthest
 * from the rows asked for last is dropped (its rows become placeholders
 * again, its cursor is kept), so memory stays flat however far the user
 * scrolls.
 *
 * A saved appeal replaces its row in place (items-changed of one row), so
 * a save never reloads the journal.
 *
 * Signals: "loaded" after each page, "counted" when the totals arrive,
 * "failed" (GError) when a fetch fails.
 */
#include "config.h"

#include "appeals-journal-model.h"

#define DEFAULT_PAGE_SIZE 50
#define MAX_PAGES 12
#define MAX_FETCHES 3

struct _AppealsJournalModel
{
  GObject           parent_instance;

  AppealsAppealService *service;
  AppealsAppealFilter *filter;
  GHashTable       *pages;        /* page number → GPtrArray of AppealsAppeal */
  GPtrArray        *cursors;      /* page number → the cursor after it (char *), or NULL */
  GHashTable       *fetching;     /* page numbers in flight */
  GHashTable       *placeholders; /* position → AppealsAppeal */
  guint             n_items;
  gboolean          ended;        /* a page without a next cursor was seen */
  guint             end_rows;     /* …and where it ended */
  AppealsAppealCount count;
  gboolean          counted;
  guint             near_page;    /* the page of the row asked for last */
  guint             page_size;
  guint             n_fetched;
  GCancellable     *cancellable;
  guint             generation;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AppealsJournalModel, appeals_journal_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  LOADED,
  COUNTED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void fetch_page (AppealsJournalModel *self,
                        guint                page);

static GType
get_item_type (GListModel *model)
{
  return APPEALS_TYPE_APPEAL;
}

static guint
get_n_items (GListModel *model)
{
  return APPEALS_JOURNAL_MODEL (model)->n_items;
}

static const char *
cursor_before (AppealsJournalModel *self,
               guint                page)
{
  return page > 0 && page - 1 < self->cursors->len ? g_ptr_array_index (self->cursors, page - 1) : NULL;
}

/* Whether the page can be asked for: the first, one after a seen page,
 * or one within the server's reach by position. */
static gboolean
can_fetch (AppealsJournalModel *self,
           guint                page)
{
  return page == 0 || cursor_before (self, page) != NULL ||
         (guint64) page * self->page_size <= APPEALS_APPEAL_COUNT_CAP;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  AppealsJournalModel *self = APPEALS_JOURNAL_MODEL (model);
  guint page = position / self->page_size;
  GPtrArray *items;
  AppealsAppeal *placeholder;

  if (position >= self->n_items)
    return NULL;

  self->near_page = page;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items != NULL && position % self->page_size < items->len)
    return g_object_ref (g_ptr_array_index (items, position % self->page_size));

  /* a row not fetched yet: bring in its page */
  if (items == NULL && !g_hash_table_contains (self->fetching, GUINT_TO_POINTER (page)) &&
      g_hash_table_size (self->fetching) < MAX_FETCHES && can_fetch (self, page))
    fetch_page (self, page);

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

/* The rows the list claims: where a page said the journal ends, else the
 * totals, and at least one row past the furthest page that has a next. */
static guint
known_rows (AppealsJournalModel *self)
{
  guint rows = 0;

  if (self->ended)
    return self->end_rows;

  if (self->counted)
    rows = self->count.total_more ? self->count.total + 1 : self->count.total;
  for (guint page = self->cursors->len; page > 0; page--)
    if (g_ptr_array_index (self->cursors, page - 1) != NULL)
      return MAX (rows, page * self->page_size + 1);
  return rows;
}

/* Announces @n rows from @first as replaced, within the list as it is. */
static void
rows_changed (AppealsJournalModel *self,
              guint                first,
              guint                n)
{
  if (first < self->n_items && n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first, MIN (n, self->n_items - first),
                                MIN (n, self->n_items - first));
}

/* Claims the rows known now, as rows added or removed at the end. */
static void
update_n_items (AppealsJournalModel *self)
{
  guint old_n_items = self->n_items;
  guint n_items = known_rows (self);
  guint common = MIN (old_n_items, n_items);

  self->n_items = n_items;
  if (old_n_items != n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n_items - common, n_items - common);
}

/* Drops the page furthest from the rows asked for last, past MAX_PAGES;
 * never @keep, the page that just came for a row asked for. */
static void
drop_far_pages (AppealsJournalModel *self,
                guint                keep)
{
  while (g_hash_table_size (self->pages) > MAX_PAGES)
    {
      GHashTableIter iter;
      gpointer key;
      guint far = 0, far_distance = 0;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          guint page = GPOINTER_TO_UINT (key);
          guint distance = page > self->near_page ? page - self->near_page : self->near_page - page;

          if (page != keep && distance >= far_distance)
            far = page, far_distance = distance;
        }

      g_hash_table_remove (self->pages, GUINT_TO_POINTER (far));
      rows_changed (self, far * self->page_size, self->page_size);
    }
}

typedef struct
{
  AppealsJournalModel *self;
  guint                generation;
  guint                page;
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
  guint number = fetch->page;

  g_free (fetch);
  if (generation != self->generation)
    return;   /* a newer query replaced this one */

  g_hash_table_remove (self->fetching, GUINT_TO_POINTER (number));
  if (page == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  if (self->cursors->len <= number)
    g_ptr_array_set_size (self->cursors, number + 1);
  g_free (g_ptr_array_index (self->cursors, number));
  g_ptr_array_index (self->cursors, number) = g_steal_pointer (&page->next_cursor);
  if (g_ptr_array_index (self->cursors, number) == NULL)
    {
      self->ended = TRUE;
      self->end_rows = number * self->page_size + page->items->len;
    }

  for (guint i = 0; i < self->page_size; i++)
    g_hash_table_remove (self->placeholders, GUINT_TO_POINTER (number * self->page_size + i));
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (number), g_steal_pointer (&page->items));
  self->n_fetched++;

  rows_changed (self, number * self->page_size, self->page_size);
  update_n_items (self);
  drop_far_pages (self, number);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
fetch_page (AppealsJournalModel *self,
            guint                page)
{
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->self = g_object_ref (self);
  fetch->generation = self->generation;
  fetch->page = page;
  g_hash_table_add (self->fetching, GUINT_TO_POINTER (page));

  appeals_appeal_service_list_page_at_async (self->service, self->filter, self->page_size,
                                             cursor_before (self, page), page * self->page_size,
                                             self->cancellable, on_page, fetch);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(AppealsJournalModel) self = fetch->self;
  g_autofree AppealsAppealCount *count = appeals_appeal_service_count_finish (APPEALS_APPEAL_SERVICE (source),
                                                                             result, NULL);
  guint generation = fetch->generation;

  g_free (fetch);
  if (generation != self->generation || count == NULL)
    return;   /* the list goes on without its totals */

  self->count = *count;
  self->counted = TRUE;
  update_n_items (self);
  g_signal_emit (self, signals[COUNTED], 0);
}

static void
count (AppealsJournalModel *self)
{
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->self = g_object_ref (self);
  fetch->generation = self->generation;
  appeals_appeal_service_count_async (self->service, self->filter, self->cancellable, on_counted, fetch);
}

static void
forget (AppealsJournalModel *self)
{
  guint old_n_items = self->n_items;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;

  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->fetching);
  g_hash_table_remove_all (self->placeholders);
  g_ptr_array_set_size (self->cursors, 0);
  self->n_items = 0;
  self->ended = FALSE;
  self->counted = FALSE;
  self->n_fetched = 0;
  self->near_page = 0;
  if (old_n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, 0);
}

/**
 * appeals_journal_model_reload:
 *
 * Asks for the first page and, apart, the totals.
 */
void
appeals_journal_model_reload (AppealsJournalModel *self)
{
  forget (self);
  fetch_page (self, 0);
  count (self);
}

void
appeals_journal_model_clear (AppealsJournalModel *self)
{
  forget (self);
}

/**
 * appeals_journal_model_recount:
 *
 * Asks for the totals again (a card changed), keeping the rows.
 */
void
appeals_journal_model_recount (AppealsJournalModel *self)
{
  count (self);
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
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;

      for (guint i = 0; i < items->len; i++)
        {
          AppealsAppeal *row = g_ptr_array_index (items, i);

          if (row->id != appeal->id)
            continue;

          g_ptr_array_index (items, i) = appeals_appeal_copy (appeal);
          g_object_unref (row);
          g_list_model_items_changed (G_LIST_MODEL (self), GPOINTER_TO_UINT (key) * self->page_size + i, 1, 1);
          return TRUE;
        }
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

/* The rows the list claims now (see known_rows()). */
guint
appeals_journal_model_get_total (AppealsJournalModel *self)
{
  return self->n_items;
}

/**
 * appeals_journal_model_get_count:
 *
 * Returns: (nullable): the server's totals, %NULL until they arrive
 */
const AppealsAppealCount *
appeals_journal_model_get_count (AppealsJournalModel *self)
{
  return self->counted ? &self->count : NULL;
}

/* Rows held in memory. */
guint
appeals_journal_model_get_n_loaded (AppealsJournalModel *self)
{
  GHashTableIter iter;
  gpointer value;
  guint loaded = 0;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    loaded += ((GPtrArray *) value)->len;
  return loaded;
}

/* Pages received since the last reload (held or dropped). */
guint
appeals_journal_model_get_n_fetched (AppealsJournalModel *self)
{
  return self->n_fetched;
}

gboolean
appeals_journal_model_is_loading (AppealsJournalModel *self)
{
  return g_hash_table_size (self->fetching) > 0;
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

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->cursors, g_ptr_array_unref);
  g_clear_pointer (&self->fetching, g_hash_table_unref);
  g_clear_pointer (&self->placeholders, g_hash_table_unref);
  appeals_appeal_filter_free (self->filter);

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
  signals[COUNTED] = g_signal_new ("counted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
appeals_journal_model_init (AppealsJournalModel *self)
{
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->cursors = g_ptr_array_new_with_free_func (g_free);
  self->fetching = g_hash_table_new (g_direct_hash, g_direct_equal);
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
