/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-client-journal.c: the journal model at scale's shape — the list
 * dragged to its end loads the pages there, not every page before them,
 * and walking the whole journal holds a bounded number of pages.
 */
#include "config.h"

#include "appeals-journal-model.h"
#include "appeals-test-ui.h"
#include "test-client.h"

#define PAGE_SIZE 2
#define MAX_HELD (12 * PAGE_SIZE)   /* MAX_PAGES of appeals-journal-model.c */

static gboolean
counted (AppealsJournalModel *model)
{
  return appeals_journal_model_get_count (model) != NULL && appeals_journal_model_get_n_loaded (model) > 0 &&
         !appeals_journal_model_is_loading (model);
}

typedef struct
{
  AppealsJournalModel *model;
  guint                position;
} Row;

static gboolean
row_loaded (Row *row)
{
  g_autoptr(AppealsAppeal) appeal = g_list_model_get_item (G_LIST_MODEL (row->model), row->position);

  return appeal != NULL && appeal->id > 0;
}

static void
jump_script (AppealsApplication *app,
             gpointer            user_data)
{
  AppealsWindow *window;
  AppealsJournalModel *model;
  GtkWidget *view;
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  guint n_items, fetched_before, fetched, pages;
  Row last;

  appeals_test_ui_sign_in (app, "controller", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  model = APPEALS_JOURNAL_MODEL (appeals_test_ui_journal_model (app));

  appeals_journal_model_set_page_size (model, PAGE_SIZE);
  appeals_journal_model_reload (model);
  APPEALS_TEST_WAIT (counted, model);
  appeals_test_ui_settle (200);

  /* the exact total below the cap is the list's length */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_false (appeals_journal_model_get_count (model)->total_more);
  g_assert_cmpuint (n_items, ==, appeals_journal_model_get_count (model)->total);
  pages = (n_items + PAGE_SIZE - 1) / PAGE_SIZE;
  g_assert_cmpuint (pages, >, 20);

  /* the scrollbar dragged to the end: the rows there come, and only a
   * few pages with them */
  view = appeals_test_ui_find_by_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW);
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  fetched_before = appeals_journal_model_get_n_fetched (model);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  last = (Row) { model, n_items - 1 };
  APPEALS_TEST_WAIT (row_loaded, &last);
  appeals_test_ui_settle (200);
  fetched = appeals_journal_model_get_n_fetched (model) - fetched_before;
  /* the journal's rows come without the appeals' texts and answers,
   * which the card reads (and logs as read) */
  {
    g_autoptr(AppealsAppeal) appeal = g_list_model_get_item (G_LIST_MODEL (model), last.position);

    g_assert_nonnull (appeal->annotation);
    g_assert_null (appeal->text);
    g_assert_null (appeal->answer);
  }
  g_test_message ("%u pages; the jump to the end fetched %u", pages, fetched);
  g_assert_cmpuint (fetched, >, 0);
  g_assert_cmpuint (fetched, <, pages / 2);

  /* the whole journal walked row by row (the list no longer asks for the
   * rows it shows): the pages held stay bounded */
  gtk_column_view_set_model (GTK_COLUMN_VIEW (view), NULL);
  for (guint position = 0; position < n_items; position++)
    {
      Row row = { model, position };

      APPEALS_TEST_WAIT (row_loaded, &row);
      g_assert_cmpuint (appeals_journal_model_get_n_loaded (model), <=, MAX_HELD);
    }
  g_assert_cmpuint (appeals_journal_model_get_n_fetched (model), >=, pages);
}

void
test_client_journal_jump (void)
{
  g_assert_cmpint (appeals_test_ui_run (jump_script, NULL), ==, 0);
}
