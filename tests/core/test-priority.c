/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-priority.c: priority categories of reception visitors and the order
 * of a day's queue.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "appeals-core.h"
#include "core-test-util.h"

static AppealsPriorityCatalog *
load_catalog (void)
{
  g_autoptr(GError) error = NULL;
  AppealsPriorityCatalog *catalog = appeals_priority_catalog_new_default (&error);

  g_assert_no_error (error);
  return catalog;
}

static const struct {
  const char *code;
  const char *kk;
  const char *ru;
} categories[] = {
  { "war_veteran", "Ұлы Отан соғысының ардагері немесе оларға теңестірілген адам",
    "Ветеран Великой Отечественной войны или приравненное к нему лицо" },
  { "combat_veteran", "Басқа мемлекеттердің аумағындағы ұрыс қимылдарының ардагері",
    "Ветеран боевых действий на территории других государств" },
  { "disability", "Мүгедектігі бар адам", "Лицо с инвалидностью" },
  { "pregnant", "Жүкті әйел", "Беременная женщина" },
  { "altyn_kyran", "«Алтын Қыран» орденімен марапатталған адам", "Награждённый орденом «Алтын Қыран»" },
  { "halyk_kaharmany", "«Халық қаһарманы» атағы берілген адам", "Удостоенный звания «Халық қаһарманы»" },
  { "enbek_eri", "«Қазақстанның Еңбек Ері» атағы берілген адам", "Удостоенный звания «Қазақстанның Еңбек Ері»" },
};

static void
test_catalog (void)
{
  g_autoptr(AppealsPriorityCatalog) catalog = load_catalog ();

  g_assert_cmpuint (appeals_priority_catalog_get_n_categories (catalog), ==, G_N_ELEMENTS (categories));
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_assert_cmpstr (appeals_priority_catalog_get_code (catalog, i), ==, categories[i].code);
      g_assert_cmpstr (appeals_priority_catalog_get_name (catalog, categories[i].code, "kk"), ==, categories[i].kk);
      g_assert_cmpstr (appeals_priority_catalog_get_name (catalog, categories[i].code, "ru"), ==, categories[i].ru);
      g_assert_cmpint (appeals_priority_catalog_get_rank (catalog, categories[i].code), <, G_MAXINT);
    }

  g_assert_false (appeals_priority_catalog_has (catalog, "student"));
  g_assert_cmpint (appeals_priority_catalog_get_rank (catalog, NULL), ==, G_MAXINT);
  g_assert_null (appeals_priority_catalog_get_name (catalog, "student", "kk"));
}

#define MINUTE ((gint64) 60 * G_USEC_PER_SEC)

static const struct {
  const char        *name;
  AppealsQueueEntry  entries[5];
  guint              n;
  const char        *order;   /* ids in the expected order */
} queues[] = {
  { "priority before booking time",
    { { "a", NULL, 1 * MINUTE }, { "b", "disability", 5 * MINUTE }, { "c", NULL, 2 * MINUTE } }, 3, "b a c" },
  { "three categories, then the others",
    { { "a", NULL, 1 * MINUTE }, { "b", "pregnant", 9 * MINUTE }, { "c", "war_veteran", 7 * MINUTE },
      { "d", "enbek_eri", 8 * MINUTE }, { "e", NULL, 0 } }, 5, "c d b e a" },
  { "an unknown category counts as none",
    { { "a", "student", 1 * MINUTE }, { "b", NULL, 2 * MINUTE }, { "c", "combat_veteran", 3 * MINUTE } }, 3, "c a b" },
  { "same time: by id, stably",
    { { "b", NULL, MINUTE }, { "a", NULL, MINUTE }, { "c", "altyn_kyran", MINUTE } }, 3, "c a b" },
  { "nobody with priority",
    { { "x", NULL, 3 * MINUTE }, { "y", NULL, 1 * MINUTE }, { "z", NULL, 2 * MINUTE } }, 3, "y z x" },
};

static void
test_queue_order (void)
{
  g_autoptr(AppealsPriorityCatalog) catalog = load_catalog ();

  for (guint i = 0; i < G_N_ELEMENTS (queues); i++)
    {
      AppealsQueueEntry entries[5];
      g_autoptr(GString) order = g_string_new (NULL);

      memcpy (entries, queues[i].entries, sizeof entries);
      appeals_priority_sort_queue (catalog, entries, queues[i].n);
      for (guint j = 0; j < queues[i].n; j++)
        g_string_append_printf (order, "%s%s", j > 0 ? " " : "", entries[j].id);

      g_test_message ("%s", queues[i].name);
      g_assert_cmpstr (order->str, ==, queues[i].order);
    }
}

static const CoreTestMalformed malformed[] = {
  { "not json at all", "cannot be read" },
  { "{\"format\":1}", "“categories”" },
  { "{\"format\":1,\"categories\":[{\"code\":5,\"rank\":1}]}", "“categories[0].code”" },
  { "{\"format\":1,\"categories\":[{\"code\":\"a\",\"rank\":-1}]}", "“categories[0].rank”" },
  { "{\"format\":1,\"categories\":[{\"code\":\"a\",\"rank\":1,\"name\":{\"en\":\"A\",\"kk\":\"А\",\"ru\":\"А\"}},"
    "{\"code\":\"a\",\"rank\":1,\"name\":{\"en\":\"A\",\"kk\":\"А\",\"ru\":\"А\"}}]}", "“categories[1].code”" },
  { "{\"format\":1,\"categories\":[{\"code\":\"a\",\"rank\":1,\"name\":{\"en\":\"A\",\"kk\":\"А\"}}]}",
    "“categories[0].name.ru”" },
};

static void
test_malformed (void)
{
  core_test_assert_malformed_files ("priority-broken.json", malformed, G_N_ELEMENTS (malformed),
                                    (CoreTestFileLoader) appeals_priority_catalog_new_from_file);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/priority/catalog", test_catalog);
  g_test_add_func ("/priority/queue-order", test_queue_order);
  g_test_add_func ("/priority/malformed", test_malformed);

  return g_test_run ();
}
