/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-generate.c: a region's worth of appeals, to measure with
 * (appeals-server --database … generate --appeals 1000000).
 *
 * Two threads share the work: one makes the rows of the next chunk of
 * appeals (appeals-generate-rows.c) while this one loads the chunk before
 * in a transaction of its own, through appeals_db_load_*(): COPY on
 * PostgreSQL, one prepared INSERT a table on SQLite. At most two chunks
 * wait, so memory stays flat however many appeals are asked for.
 *
 * The database is new and nobody else uses it while it fills, so on
 * SQLite there is no rollback journal and nothing is synced until the
 * end: a generate that fails or is stopped leaves a file to delete, as
 * it would anyway (generate only fills an empty database). Measured at a
 * million appeals, a journal in memory (a copy of every page a chunk
 * changed) took 15 s and 270 MB more; a page cache of 512 MB instead of
 * 128 MB, 10 s and 400 MB more.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-appeal-records.h"
#include "appeals-demo.h"
#include "appeals-generate-private.h"
#include "appeals-store.h"

/* On PostgreSQL the secondary indexes of the tables a load fills are
 * dropped before it and made again after it: a sorted build is faster
 * than keeping them up to date row by row, the search vector's GIN index
 * most of all. Indexes behind constraints stay. (On SQLite, measured at
 * a million appeals, building them after took 42 s and saved the load
 * 25 s: there they are kept.) */
#define LOADED_INDEXES \
  "SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i " \
  "WHERE i.schemaname = current_schema () " \
  "AND i.tablename IN ('applicants', 'appeals', 'appeals_order', 'appeal_terms', 'audit', 'expertise') " \
  "AND NOT EXISTS (SELECT 1 FROM pg_constraint c " \
  "                WHERE c.conindid = format ('%I.%I', i.schemaname, i.indexname)::regclass) ORDER BY i.indexname"

/* On SQLite the trigger that finds a new appeal's previous one of the
 * same applicant (migration 0042) is dropped for the load, whose rows
 * come with it, and made again after it: it chains the applicant's
 * appeals again for each row (200,000 appeals: 33–36 s with it, 20–27 s
 * without). */
#define LOADED_TRIGGERS \
  "SELECT name, sql AS definition FROM sqlite_master WHERE type = 'trigger' AND name = 'appeals_previous_insert'"

/* appeals per transaction */
#define CHUNK 20000
/* chunks made ahead of the one being loaded */
#define AHEAD 2

typedef struct
{
  AppealsGenerator *gen;
  GAsyncQueue      *made;     /* AppealsGenerateChunk */
  GAsyncQueue      *room;     /* a token per chunk that may be made ahead */
  gint              stop;
} Pipeline;

static gpointer
make_chunks (gpointer user_data)
{
  Pipeline *pipeline = user_data;
  guint total = pipeline->gen->options->n_appeals;

  for (guint first = 0; first < total; first += CHUNK)
    {
      g_async_queue_pop (pipeline->room);
      if (g_atomic_int_get (&pipeline->stop))
        break;
      g_async_queue_push (pipeline->made, appeals_generator_build_chunk (pipeline->gen, first,
                                                                        MIN (CHUNK, total - first)));
    }
  return NULL;
}

/* PostgreSQL's triggers that keep each appeal's previous one (0042) */
#define PREVIOUS_TRIGGERS(what) \
  what " TRIGGER appeals_previous_first, " what " TRIGGER appeals_previous_insert"

static gboolean
load_chunk (AppealsGenerator      *gen,
            AppealsDb             *db,
            AppealsGenerateChunk  *chunk,
            GError               **error)
{
  if (!appeals_db_exec (db, gen->postgresql ? "BEGIN" : "BEGIN IMMEDIATE", NULL, error))
    return FALSE;
  for (guint t = 0; t < APPEALS_GENERATE_N_TABLES; t++)
    {
      if (chunk->values[t]->len > 0 &&
          !appeals_store_load_rows (db, gen->tables[t], (const char * const *) gen->columns[t], chunk->values[t],
                                    error))
        return FALSE;
      /* on PostgreSQL the search vector is computed as the server does;
       * the previous appeals' days come made, so the triggers that find
       * them (migration 0042), which would read the appeals without
       * their indexes now, are off for the load, in its transaction */
      if (t == APPEALS_GENERATE_APPEALS && gen->postgresql)
        {
          g_autofree char *names = g_strjoinv (", ", (char **) appeals_api_appeals_get_columns ());
          g_autofree char *insert = g_strdup_printf ("ALTER TABLE appeals " PREVIOUS_TRIGGERS ("DISABLE") "; "
                                                     "INSERT INTO appeals (%s, id, applicant_previous_date, "
                                                     "search_vector) SELECT %s, id, applicant_previous_date, "
                                                     APPEALS_SEARCH_VECTOR_SQL ("search_body") " FROM appeals_load; "
                                                     "ALTER TABLE appeals " PREVIOUS_TRIGGERS ("ENABLE") "; "
                                                     "TRUNCATE appeals_load", names, names);

          if (!appeals_db_exec_script (db, insert, error))
            return FALSE;
        }
    }
  return appeals_db_exec (db, "COMMIT", NULL, error);
}

/* Loads the chunks as the other thread makes them. */
static gboolean
run_pipeline (AppealsGenerator  *gen,
              AppealsDb         *db,
              GError           **error)
{
  Pipeline pipeline = { gen, g_async_queue_new (), g_async_queue_new (), 0 };
  guint n_chunks = (gen->options->n_appeals + CHUNK - 1) / CHUNK;
  g_autoptr(GThread) thread = NULL;
  AppealsGenerateChunk *chunk;
  gboolean ok = TRUE;

  for (guint i = 0; i < AHEAD; i++)
    g_async_queue_push (pipeline.room, GINT_TO_POINTER (1));
  thread = g_thread_new ("appeals-generate", make_chunks, &pipeline);

  for (guint i = 0; ok && i < n_chunks; i++)
    {
      chunk = g_async_queue_pop (pipeline.made);
      g_async_queue_push (pipeline.room, GINT_TO_POINTER (1));
      ok = load_chunk (gen, db, chunk, error);
      appeals_generate_chunk_free (chunk);
    }

  g_atomic_int_set (&pipeline.stop, 1);
  g_async_queue_push (pipeline.room, GINT_TO_POINTER (1));
  g_thread_join (g_steal_pointer (&thread));
  while ((chunk = g_async_queue_try_pop (pipeline.made)) != NULL)
    appeals_generate_chunk_free (chunk);
  g_async_queue_unref (pipeline.made);
  g_async_queue_unref (pipeline.room);
  return ok;
}

static gint64
max_id (AppealsDb   *db,
        const char  *table,
        GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COALESCE (MAX (id), 0) AS n FROM %s", table);
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, sql, NULL, error);

  return result != NULL ? appeals_db_result_get_int64 (result, 0, "n") : -1;
}

/* Drops what the load does without (the secondary indexes of the loaded
 * tables on PostgreSQL, a trigger on SQLite); returns their definitions,
 * to make them again with. */
static AppealsDbResult *
drop_for_load (AppealsDb  *db,
               gboolean    postgresql,
               GError    **error)
{
  g_autoptr(AppealsDbResult) indexes = appeals_db_query (db, postgresql ? LOADED_INDEXES : LOADED_TRIGGERS, NULL,
                                                         error);

  for (guint i = 0; indexes != NULL && i < appeals_db_result_get_n_rows (indexes); i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP %s \"%s\"", postgresql ? "INDEX" : "TRIGGER",
                                               appeals_db_result_get_string (indexes, i, "name"));

      if (!appeals_db_exec_script (db, drop, error))
        return NULL;
    }
  return g_steal_pointer (&indexes);
}

static gboolean
make_again (AppealsDb        *db,
            AppealsDbResult  *indexes,
            GError          **error)
{
  for (guint i = 0; i < appeals_db_result_get_n_rows (indexes); i++)
    if (!appeals_db_exec_script (db, appeals_db_result_get_string (indexes, i, "definition"), error))
      return FALSE;
  return TRUE;
}

/* What the database has already: the demo's applicants (whose IINs the
 * generated ones must not take) and ids. What to make again after the
 * load (@indexes): on PostgreSQL its indexes, on SQLite a trigger; on
 * SQLite, a load without syncs. */
static gboolean
prepare (AppealsGenerator  *gen,
         AppealsDb         *db,
         AppealsDbResult  **indexes,
         GError           **error)
{
  g_autoptr(AppealsDbResult) iins = NULL;

  iins = appeals_db_query (db, "SELECT iin FROM applicants", NULL, error);
  if (iins == NULL)
    return FALSE;
  for (guint i = 0; i < appeals_db_result_get_n_rows (iins); i++)
    g_hash_table_add (gen->taken, g_strdup (appeals_db_result_get_string (iins, i, "iin")));
  if ((gen->next_applicant_id = max_id (db, "applicants", error) + 1) == 0 ||
      (gen->next_expertise_id = max_id (db, "expertise", error) + 1) == 0)
    return FALSE;

  if ((*indexes = drop_for_load (db, gen->postgresql, error)) == NULL)
    return FALSE;
  if (gen->postgresql)
    return appeals_db_exec_script (db, "CREATE TEMP TABLE appeals_load (LIKE appeals, search_body text)", error);
  /* the search index is merged once, at the end */
  return appeals_db_exec_script (db, "PRAGMA cache_size = -131072;"
                                     "PRAGMA journal_mode = OFF;"
                                     "PRAGMA synchronous = OFF;"
                                     "INSERT INTO appeals_search (appeals_search, rank) VALUES ('automerge', 0)", error);
}

/* Registration numbers go on from the generated ones; identities, on
 * PostgreSQL, from the highest explicit id; the planners get statistics. */
static gboolean
finish (AppealsGenerator  *gen,
        AppealsDb         *db,
        AppealsDbResult   *indexes,
        GError           **error)
{
  GHashTableIter iter;
  gpointer year, number;

  if (indexes != NULL && !make_again (db, indexes, error))
    return FALSE;

  g_hash_table_iter_init (&iter, gen->numbers);
  while (g_hash_table_iter_next (&iter, &year, &number))
    if (!appeals_db_exec (db,
                          "INSERT INTO registration_counters (year, last_number) VALUES (?, ?) "
                          "ON CONFLICT (year) DO UPDATE SET last_number = excluded.last_number",
                          g_variant_new ("(xx)", (gint64) GPOINTER_TO_UINT (year), (gint64) GPOINTER_TO_UINT (number)),
                          error))
      return FALSE;

  if (gen->postgresql)
    return appeals_db_exec_script (db,
                                   "DROP TABLE appeals_load;"
                                   "SELECT setval (pg_get_serial_sequence ('applicants', 'id'), "
                                   "  (SELECT MAX (id) FROM applicants));"
                                   "SELECT setval (pg_get_serial_sequence ('appeals', 'id'), (SELECT MAX (id) FROM appeals));"
                                   "SELECT setval (pg_get_serial_sequence ('expertise', 'id'), "
                                   "  GREATEST ((SELECT MAX (id) FROM expertise), 1));", error) &&
           appeals_db_exec_script (db, "VACUUM ANALYZE", error);

  /* the file as the server keeps it: in WAL mode, synced */
  return appeals_db_exec_script (db,
                                 "INSERT INTO appeals_search (appeals_search, rank) VALUES ('automerge', 4);"
                                 "INSERT INTO appeals_search (appeals_search) VALUES ('optimize');"
                                 /* the index's words, read once from its
                                  * vocabulary (migration 0036) */
                                 "INSERT OR IGNORE INTO appeals_search_words (term) "
                                 "SELECT term FROM appeals_search_terms;"
                                 "ANALYZE;"
                                 "PRAGMA synchronous = FULL;"
                                 "PRAGMA journal_mode = WAL;", error);
}

/**
 * appeals_generate:
 *
 * Fills a database without appeals: the demo's users, officials and
 * receptions, then @options->n_appeals appeals with their applicants,
 * expertise, audit, search index and terms.
 */
gboolean
appeals_generate (AppealsServer                 *server,
                  AppealsDb                     *db,
                  const AppealsGenerateOptions  *options,
                  GError                       **error)
{
  g_autoptr(AppealsDbResult) existing = NULL;
  g_autoptr(JsonNode) demo = NULL;
  g_autoptr(JsonNode) words = NULL;
  g_autofree char *demo_path = NULL;
  g_autofree char *words_path = NULL;
  g_autoptr(AppealsDbResult) indexes = NULL;
  AppealsGenerator gen;
  gboolean ok;

  existing = appeals_db_query (db, "SELECT COUNT(*) AS n FROM appeals", NULL, error);
  if (existing == NULL)
    return FALSE;
  if (appeals_db_result_get_int64 (existing, 0, "n") > 0)
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_FAILED,
                           _("The database has appeals already: generate fills an empty one"));
      return FALSE;
    }

  if (!appeals_demo_seed (server, db, 0, error) ||
      (demo_path = appeals_data_find_file ("demo/demo.json", error)) == NULL ||
      (demo = appeals_json_load_file (demo_path, error)) == NULL ||
      (words_path = appeals_data_find_file ("demo/generate.json", error)) == NULL ||
      (words = appeals_json_load_file (words_path, error)) == NULL)
    return FALSE;

  appeals_generator_init (&gen, server, options, appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_POSTGRESQL,
                          json_node_get_object (demo), json_node_get_object (words));
  gen.template = appeals_checklist_template_new_default (error);
  ok = gen.template != NULL &&
       prepare (&gen, db, &indexes, error) &&
       run_pipeline (&gen, db, error) &&
       finish (&gen, db, indexes, error);
  appeals_generator_clear (&gen);
  return ok;
}
