/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-search-words.c: on SQLite the server keeps the words of the
 * journal's text index in a table of their own (appeals_search_words,
 * migration 0036), adding the words of each text it indexes, for the
 * search to spell a prefix as the words it begins. A word whose last
 * appeal was edited away stays there and spells as a list of nothing:
 * harmless to a search's answer, but a prefix spelt as one word more may
 * take another plan, and such words add up over the years.
 *
 * The housekeeping forgets them now and then, in two steps, so that the
 * writers never wait for the long one: the words the index's vocabulary
 * no longer has are read in one statement (one snapshot of both tables;
 * it reads the whole vocabulary, 1.5 s at 1,000,000 appeals), then each
 * of them is looked up in the vocabulary again, under the write lock, and
 * deleted only if it is still missing: an edit between the two steps may
 * have brought it back. On PostgreSQL the GIN index reads a prefix's
 * words by itself and there is no such table.
 */
#include "config.h"

#include "appeals-record.h"
#include "appeals-search-words.h"

/**
 * appeals_search_words_find_dead:
 *
 * Returns: (transfer full) (element-type utf8): the words of the table
 *   that the text index no longer has, in order (none on PostgreSQL)
 */
GPtrArray *
appeals_search_words_find_dead (AppealsDb  *db,
                                GError    **error)
{
  g_autoptr(GPtrArray) dead = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AppealsDbResult) words = NULL;

  if (appeals_db_get_dialect (db) != APPEALS_DB_DIALECT_SQLITE)
    return g_steal_pointer (&dead);

  words = appeals_db_query (db,
                            "SELECT term FROM appeals_search_words "
                            "EXCEPT SELECT term FROM appeals_search_terms ORDER BY term",
                            NULL, error);
  if (words == NULL)
    return NULL;
  for (guint i = 0; i < appeals_db_result_get_n_rows (words); i++)
    g_ptr_array_add (dead, g_strdup (appeals_db_result_get_string (words, i, "term")));
  return g_steal_pointer (&dead);
}

typedef struct
{
  const char *dead;        /* a JSON array of the words */
  guint       forgotten;
} Forget;

static gboolean
forget_in_transaction (AppealsDb  *db,
                       gpointer    user_data,
                       GError    **error)
{
  Forget *forget = user_data;
  g_autoptr(AppealsDbResult) deleted = NULL;

  /* the vocabulary looks each word up by itself (term = ?): a word
   * still missing has no list to read */
  deleted = appeals_db_query (db,
                              "DELETE FROM appeals_search_words "
                              "WHERE term IN (SELECT value FROM json_each (?)) "
                              "AND NOT EXISTS (SELECT 1 FROM appeals_search_terms v "
                              "                WHERE v.term = appeals_search_words.term) "
                              "RETURNING term",
                              g_variant_new ("(s)", forget->dead), error);
  if (deleted == NULL)
    return FALSE;
  forget->forgotten = appeals_db_result_get_n_rows (deleted);
  return TRUE;
}

/**
 * appeals_search_words_forget:
 * @dead: (element-type utf8): words appeals_search_words_find_dead() gave
 * @n_forgotten: (out) (optional): how many were deleted
 *
 * Deletes those of @dead that the text index still does not have, in a
 * transaction of its own.
 */
gboolean
appeals_search_words_forget (AppealsDb  *db,
                             GPtrArray  *dead,
                             guint      *n_forgotten,
                             GError    **error)
{
  g_autoptr(GString) json = g_string_new ("[");
  Forget forget = { NULL, 0 };

  if (n_forgotten != NULL)
    *n_forgotten = 0;
  if (dead->len == 0)
    return TRUE;

  for (guint i = 0; i < dead->len; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      appeals_json_append_string (json, g_ptr_array_index (dead, i));
    }
  g_string_append_c (json, ']');
  forget.dead = json->str;
  if (!appeals_db_run_transaction (db, forget_in_transaction, &forget, error))
    return FALSE;
  if (n_forgotten != NULL)
    *n_forgotten = forget.forgotten;
  return TRUE;
}

/**
 * appeals_search_words_prune:
 * @n_pruned: (out) (optional): how many words were forgotten
 *
 * Finds the words no appeal keeps and forgets them, as above.
 */
gboolean
appeals_search_words_prune (AppealsDb  *db,
                            guint      *n_pruned,
                            GError    **error)
{
  g_autoptr(GPtrArray) dead = appeals_search_words_find_dead (db, error);

  return dead != NULL && appeals_search_words_forget (db, dead, n_pruned, error);
}
