/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage-words.c: on SQLite, appeals_search_words() gives the words
 * the journal's text index keeps of a text, exactly: each text is indexed
 * and FTS5's own vocabulary of it is compared with the function's words
 * (a tokenizer set up otherwise than the index's — diacritics removed,
 * other separators — fails here), each once. The housekeeping forgets
 * the words no appeal keeps any more, and only those.
 */
#include "config.h"

#include "appeals-search-words.h"
#include "test-storage.h"

typedef struct
{
  const char *name;
  const char *text;
  guint       n_words;   /* how many different */
} TextCase;

static const TextCase text_cases[] = {
  { "plain", "Шлагбаум сломан у дома 5", 5 },
  { "repeated", "ремонт Ремонт РЕМОНТ ремонт дороги", 2 },
  { "kazakh", "Қостанай облысы әкімдігі, көмек көрсету", 5 },
  { "yo", "Ёлка и ёж ещё", 4 },
  { "numbers", "2026-000123 №5 12.11.2026 100% 061211600012", 7 },
  { "apostrophes", "O'zbek qo‘shni d’Artagnan", 6 },
  { "diacritics", "café e\xcc\x81" "cole naïve", 3 },
  { "symbols", "under_score hy-phen a+b x² Ⅻ ½", 9 },
  { "spacing", "  tab\tnew\nline\xc2\xa0nbsp  ", 4 },
  { "emoji", "жалоба 😀 на 🚧 дорогу", 3 },
  { "other-scripts", "straße ΑΒΓ ١٢٣ 中文字", 4 },
  { "empty", "", 0 },
};

/* The words FTS5 keeps of @text, indexed as appeal @rowid, in order. */
static char *
indexed_words (AppealsDb  *db,
               gint64      rowid,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) terms = NULL;
  g_autoptr(GString) words = g_string_new (NULL);

  appeals_db_exec (db, "INSERT INTO appeals_search (rowid, body) VALUES (?, ?)",
                   g_variant_new ("(xs)", rowid, text), &error);
  g_assert_no_error (error);
  terms = appeals_db_query (db, "SELECT DISTINCT term FROM temp.words_instance WHERE doc = ? ORDER BY term",
                            g_variant_new ("(x)", rowid), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < appeals_db_result_get_n_rows (terms); i++)
    g_string_append_printf (words, "%s|", appeals_db_result_get_string (terms, i, "term"));
  appeals_db_exec (db, "DELETE FROM appeals_search WHERE rowid = ?", g_variant_new ("(x)", rowid), &error);
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&words), FALSE);
}

/* appeals_search_words (@text), in order; the number of them in @n. */
static char *
function_words (AppealsDb  *db,
                const char *text,
                guint      *n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) terms = NULL;
  g_autoptr(GString) words = g_string_new (NULL);

  terms = appeals_db_query (db, "SELECT value AS term FROM json_each (appeals_search_words (?)) ORDER BY value",
                            g_variant_new ("(ms)", text), &error);
  g_assert_no_error (error);
  *n = appeals_db_result_get_n_rows (terms);
  for (guint i = 0; i < appeals_db_result_get_n_rows (terms); i++)
    g_string_append_printf (words, "%s|", appeals_db_result_get_string (terms, i, "term"));
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static void
instance_vocabulary (AppealsDb *db)
{
  g_autoptr(GError) error = NULL;

  appeals_db_exec_script (db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.words_instance "
                              "USING fts5vocab (main, appeals_search, 'instance')", &error);
  g_assert_no_error (error);
}

static void
test_words_as_indexed (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const TextCase *row = user_data;
  g_autofree char *indexed = NULL;
  g_autofree char *words = NULL;
  guint n = 0;

  instance_vocabulary (fixture->db);
  indexed = indexed_words (fixture->db, 900000 + (row - text_cases), row->text);
  words = function_words (fixture->db, row->text, &n);
  g_test_message ("%s: %s", row->text, indexed);
  g_assert_cmpstr (words, ==, indexed);
  /* each word once */
  g_assert_cmpuint (n, ==, row->n_words);
}

static void
test_words_of_nothing (Fixture       *fixture,
                       gconstpointer  user_data)
{
  guint n = 1;
  g_autofree char *words = function_words (fixture->db, NULL, &n);

  g_assert_cmpuint (n, ==, 0);
}

/* Indexes @text as appeal @rowid (or drops the appeal's row, for NULL),
 * adding its words as the server does. */
static void
index_text (AppealsDb  *db,
            gint64      rowid,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  appeals_db_exec (db, "DELETE FROM appeals_search WHERE rowid = ?", g_variant_new ("(x)", rowid), &error);
  g_assert_no_error (error);
  if (text == NULL)
    return;
  appeals_db_exec (db, "INSERT INTO appeals_search (rowid, body) VALUES (?, ?)",
                   g_variant_new ("(xs)", rowid, text), &error);
  g_assert_no_error (error);
  appeals_db_exec (db, "INSERT OR IGNORE INTO appeals_search_words (term) "
                       "SELECT value FROM json_each (appeals_search_words (?))",
                   g_variant_new ("(s)", text), &error);
  g_assert_no_error (error);
}

static gboolean
has_word (AppealsDb  *db,
          const char *word)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) found = appeals_db_query (db, "SELECT term FROM appeals_search_words WHERE term = ?",
                                                       g_variant_new ("(s)", word), &error);

  g_assert_no_error (error);
  return appeals_db_result_get_n_rows (found) > 0;
}

/* The words a text edited or dropped took with it go; the words another
 * appeal or the new text keeps stay; afterwards the table has the
 * index's words exactly. */
static void
test_words_pruned (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  guint pruned = 0;

  index_text (fixture->db, 910001, "Жалоба на шлагбаумщика и ёлку");
  index_text (fixture->db, 910002, "Шлагбаумщик снова закрыл проезд");
  index_text (fixture->db, 910003, "Мусоровоз не приезжал");
  /* edited: "жалоба", "на", "и", "ёлку" leave appeal 1; "жалоба" stays
   * in its new text; appeal 3 is dropped */
  index_text (fixture->db, 910001, "Жалоба на шлагбаумщика");
  index_text (fixture->db, 910003, NULL);

  g_assert_true (appeals_search_words_prune (fixture->db, &pruned, &error));
  g_assert_no_error (error);
  /* the words of this test, and any an earlier one left */
  g_assert_cmpuint (pruned, >=, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_false (has_word (fixture->db, (const char *[]) { "и", "елку", "мусоровоз", "не", "приезжал" }[i]));
  g_assert_true (has_word (fixture->db, "жалоба"));
  g_assert_true (has_word (fixture->db, "шлагбаумщик"));
  g_assert_true (has_word (fixture->db, "шлагбаумщика"));
  g_assert_true (has_word (fixture->db, "проезд"));
  left = appeals_search_words_find_dead (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 0);

  /* nothing more to forget */
  g_assert_true (appeals_search_words_prune (fixture->db, &pruned, &error));
  g_assert_cmpuint (pruned, ==, 0);
  index_text (fixture->db, 910001, NULL);
  index_text (fixture->db, 910002, NULL);
  g_assert_true (appeals_search_words_prune (fixture->db, NULL, &error));
  g_assert_no_error (error);
}

/* A word found dead that an edit brings back before it is forgotten
 * stays (the second step looks it up again under the write lock). */
static void
test_words_back_before_forgotten (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dead = NULL;
  guint forgotten = 1;

  /* none dead to begin with */
  g_assert_true (appeals_search_words_prune (fixture->db, NULL, &error));
  g_assert_no_error (error);
  index_text (fixture->db, 910011, "Кварцитовый карьер пылит");
  index_text (fixture->db, 910011, "Карьер пылит");
  dead = appeals_search_words_find_dead (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dead->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (dead, 0), ==, "кварцитовый");

  index_text (fixture->db, 910012, "Кварцитовый щебень на дороге");
  g_assert_true (appeals_search_words_forget (fixture->db, dead, &forgotten, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (forgotten, ==, 0);
  g_assert_true (has_word (fixture->db, "кварцитовый"));

  /* dropped for good, it goes */
  index_text (fixture->db, 910011, NULL);
  index_text (fixture->db, 910012, NULL);
  g_assert_true (appeals_search_words_prune (fixture->db, &forgotten, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (forgotten, ==, 6);   /* карьер пылит кварцитовый щебень на дороге */
  g_assert_false (has_word (fixture->db, "кварцитовый"));
}

void
test_storage_add_words (void)
{
  if (!g_str_equal (test_storage_backend, "sqlite"))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autofree char *path = g_strconcat ("words/as-indexed/", text_cases[i].name, NULL);
      add_test (path, &text_cases[i], test_words_as_indexed);
    }
  add_test ("words/of-nothing", NULL, test_words_of_nothing);
  add_test ("words/pruned", NULL, test_words_pruned);
  add_test ("words/back-before-forgotten", NULL, test_words_back_before_forgotten);
}
