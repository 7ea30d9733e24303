/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-db-sqlite-tally.c: appeals_tally(k, f1, …, fk, key0, key1, …),
 * an aggregate: several GROUP BYs of the same rows in one pass. It sums k
 * figures (1 to 32), each row counting in the figure fi when its argument
 * is not 0; each key after them is a dimension of its own, and the row
 * counts for its key in each. The result is a JSON array: [-1, null, f1,
 * …, fk] for all the rows, then [i, key, f1, …, fk] for each key met in
 * the dimension i (0 for key0), in no particular order; a NULL key is not
 * counted.
 *
 *   SELECT appeals_tally (2, <in the period>, <in the other>, a.district, a.channel)
 *   FROM appeals a WHERE <either period>
 *
 * It is what PostgreSQL does with GROUP BY GROUPING SETS ((), (a), (b)):
 * SQLite would read the rows once per GROUP BY and sort them for each
 * key that is not an index's (at 1,000,000 appeals, the line report's
 * seven rankings of two half-years, 107,000 rows: 22–63 ms each). The
 * keys are a classifier's codes, a few dozen a dimension; a dimension is
 * refused past MAX_KEYS of them, so that memory never grows with rows.
 */
#include "config.h"

#include "appeals-record.h"
#include "appeals-db-sqlite-tally.h"

#define MAX_FIGURES 32
#define MAX_DIMENSIONS 16
#define MAX_KEYS 10000

typedef struct
{
  gint64      all[MAX_FIGURES];
  guint       n_figures;
  GHashTable *keys[MAX_DIMENSIONS];  /* key → its n_figures figures (gint64) */
  const char *error;
} Tally;

static void
tally_step (sqlite3_context  *context,
            int               argc,
            sqlite3_value   **argv)
{
  Tally *tally = sqlite3_aggregate_context (context, sizeof (Tally));
  gboolean in[MAX_FIGURES];
  gint64 k;

  if (tally == NULL || tally->error != NULL)
    return;
  k = argc > 0 ? sqlite3_value_int64 (argv[0]) : 0;
  if (k < 1 || k > MAX_FIGURES || argc < 1 + k || argc - 1 - k > MAX_DIMENSIONS)
    {
      tally->error = "appeals_tally: 1 to 32 figures, then at most 16 keys";
      return;
    }
  /* a key's counts are as many as the first row's figures */
  if (tally->n_figures != 0 && tally->n_figures != k)
    {
      tally->error = "appeals_tally: as many figures on every row";
      return;
    }
  tally->n_figures = k;
  for (gint64 f = 0; f < k; f++)
    {
      in[f] = sqlite3_value_int (argv[1 + f]) != 0;
      tally->all[f] += in[f];
    }

  for (int i = 1 + k; i < argc; i++)
    {
      GHashTable **keys = &tally->keys[i - 1 - k];
      const char *key = (const char *) sqlite3_value_text (argv[i]);
      gint64 *counts;

      if (key == NULL)
        continue;
      if (*keys == NULL)
        *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      counts = g_hash_table_lookup (*keys, key);
      if (counts == NULL)
        {
          if (g_hash_table_size (*keys) >= MAX_KEYS)
            {
              tally->error = "appeals_tally: more than 10,000 keys in a dimension";
              return;
            }
          counts = g_new0 (gint64, k);
          g_hash_table_insert (*keys, g_strdup (key), counts);
        }
      for (gint64 f = 0; f < k; f++)
        counts[f] += in[f];
    }
}

/* ",f1,…,fk]" */
static void
append_figures (GString      *out,
                guint         n_figures,
                const gint64 *figures)
{
  for (guint f = 0; f < n_figures; f++)
    g_string_append_printf (out, ",%" G_GINT64_FORMAT, figures[f]);
  g_string_append_c (out, ']');
}

static void
tally_final (sqlite3_context *context)
{
  Tally *tally = sqlite3_aggregate_context (context, 0);
  Tally empty = { { 0 }, 1, { NULL }, NULL };
  GString *out;
  gsize length;

  if (tally == NULL)
    tally = &empty;
  if (tally->error != NULL)
    {
      sqlite3_result_error (context, tally->error, -1);
      for (guint i = 0; i < MAX_DIMENSIONS; i++)
        g_clear_pointer (&tally->keys[i], g_hash_table_unref);
      return;
    }

  out = g_string_new ("[[-1,null");
  append_figures (out, tally->n_figures, tally->all);
  /* every dimension met, freed as it is written */
  for (guint i = 0; i < MAX_DIMENSIONS; i++)
    {
      GHashTableIter iter;
      gpointer key, value;

      if (tally->keys[i] == NULL)
        continue;
      g_hash_table_iter_init (&iter, tally->keys[i]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_string_append_printf (out, ",[%u,", i);
          appeals_json_append_string (out, key);
          append_figures (out, tally->n_figures, value);
        }
      g_clear_pointer (&tally->keys[i], g_hash_table_unref);
    }
  g_string_append_c (out, ']');
  length = out->len;
  sqlite3_result_text64 (context, g_string_free (out, FALSE), length, g_free, SQLITE_UTF8);
}

/**
 * appeals_db_sqlite_tally_register:
 *
 * Adds appeals_tally() to @db.
 */
gboolean
appeals_db_sqlite_tally_register (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "appeals_tally", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                     NULL, tally_step, tally_final, NULL) == SQLITE_OK;
}
