/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-db-sqlite-words.c: appeals_search_words(text), the words the
 * journal's text index makes of @text, each once, as a JSON array, to
 * SQL.
 *
 * The search spells a prefix as the words of the index it begins
 * (appeals-journal-search.c), from a table of those words the server keeps
 * as it indexes (migration 0036): FTS5's own vocabulary (fts5vocab) counts
 * every word's list as it reads the word, 12.6 ms for "көмек" at a million
 * appeals against 0.03 ms for a row of a table. The words must be exactly
 * those FTS5 keeps, so they come from its own tokenizer, set up as the
 * index's is (migration 0001: unicode61, diacritics kept); the test of the
 * storage compares them with FTS5's vocabulary.
 *
 *   INSERT OR IGNORE INTO appeals_search_words (term)
 *   SELECT value FROM json_each (appeals_search_words (?))
 *
 * An edit passes only the fields it changed: a word of the others was
 * added when they were indexed.
 */
#include "config.h"

#include <sqlite3.h>

#include "appeals-db-sqlite-words.h"
#include "appeals-record.h"

typedef struct
{
  fts5_tokenizer  methods;
  Fts5Tokenizer  *tokenizer;
} Words;

typedef struct
{
  GHashTable *seen;     /* the words met */
  GString    *json;     /* the array of them */
} Tokens;

static int
on_token (void       *user_data,
          int         flags,
          const char *token,
          int         n_bytes,
          int         start,
          int         end)
{
  Tokens *tokens = user_data;
  char *word = g_strndup (token, n_bytes);

  /* the table keeps a word met before, and frees this copy */
  if (!g_hash_table_add (tokens->seen, word))
    return SQLITE_OK;
  if (tokens->json->len > 1)
    g_string_append_c (tokens->json, ',');
  appeals_json_append_string (tokens->json, word);
  return SQLITE_OK;
}

static void
words_function (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  Words *words = sqlite3_user_data (context);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) json = g_string_new ("[");
  Tokens tokens = { seen, json };
  int rc = SQLITE_OK;

  if (sqlite3_value_type (argv[0]) != SQLITE_NULL)
    rc = words->methods.xTokenize (words->tokenizer, &tokens, FTS5_TOKENIZE_DOCUMENT,
                                   (const char *) sqlite3_value_text (argv[0]), sqlite3_value_bytes (argv[0]),
                                   on_token);
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }
  g_string_append_c (json, ']');
  sqlite3_result_text (context, json->str, (int) json->len, SQLITE_TRANSIENT);
}

static void
words_free (gpointer data)
{
  Words *words = data;

  words->methods.xDelete (words->tokenizer);
  g_free (words);
}

/* FTS5's interface, through the pointer its function fts5() hands out. */
static fts5_api *
find_fts5 (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

/**
 * appeals_db_sqlite_words_register:
 *
 * Adds appeals_search_words() to @db.
 *
 * Returns: %FALSE if this SQLite has no FTS5 or no unicode61 tokenizer
 */
gboolean
appeals_db_sqlite_words_register (sqlite3 *db)
{
  /* as migration 0001 makes the index */
  static const char *arguments[] = { "remove_diacritics", "0" };
  fts5_api *api = find_fts5 (db);
  g_autofree Words *words = g_new0 (Words, 1);
  void *tokenizer_data = NULL;

  if (api == NULL || api->iVersion < 2 ||
      api->xFindTokenizer (api, "unicode61", &tokenizer_data, &words->methods) != SQLITE_OK ||
      words->methods.xCreate (tokenizer_data, arguments, G_N_ELEMENTS (arguments), &words->tokenizer) != SQLITE_OK)
    return FALSE;

  return sqlite3_create_function_v2 (db, "appeals_search_words", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                     g_steal_pointer (&words), words_function, NULL, NULL,
                                     words_free) == SQLITE_OK;
}
