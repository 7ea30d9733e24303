/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-bench.c: the benchmarks' database and server; their timing is
 * in appeals-bench-timing.c.
 *
 * The database of a size is generated once (appeals-server generate) and
 * kept under $APPEALS_BENCH_CACHE, keyed by size, schema version (the
 * last migration) and generator version: a SQLite file, or a database in
 * a PostgreSQL cluster kept in the same place. The benchmark's PATCHes
 * and logged reads stay in it, a few hundred rows. A database kept for an
 * earlier schema is carried forward, as a deployment's is: it takes the
 * new key and the server migrates it when it starts.
 */
#ifdef __linux__
#define _GNU_SOURCE   /* sched_setaffinity() */
#endif
#include "config.h"

#ifdef __linux__
#include <sched.h>
#include <stdlib.h>
#endif
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "appeals-bench.h"

/* bump when the generator makes different data */
#define GENERATOR_VERSION "g1"
/* the cached PostgreSQL cluster: a server sized for a 24 GiB machine of
 * two cores, where a query's parallel workers (processes the postmaster
 * starts for each query) cost more than they share: at 1,000,000 appeals
 * the dynamics took 128 ms with them, 34 without, the line report 1,523
 * and 546 ms, the server's and the floors' alike (2026-12-04) */
#define PG_SETTINGS "-c shared_buffers=2GB -c effective_cache_size=12GB -c work_mem=32MB " \
                    "-c maintenance_work_mem=1GB -c max_wal_size=8GB -c max_parallel_workers_per_gather=0"

static char *
schema_version (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("APPEALS_DATA_DIR"), "sql", "sqlite", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *last = NULL;
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".sql") && (last == NULL || strcmp (name, last) > 0))
      {
        g_free (last);
        last = g_strdup (name);
      }
  g_assert_nonnull (last);
  return g_strndup (last, 4);
}

static void
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_CHILD_INHERITS_STDIN,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);
}

static double
generate (const char *database,
          guint       size)
{
  g_autofree char *appeals = g_strdup_printf ("%u", size);
  const char *argv[] = { g_getenv ("APPEALS_SERVER_EXE"), "--database", database, "generate",
                         "--appeals", appeals, NULL };
  gint64 started = g_get_monotonic_time ();

  run (argv);
  return (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
}

/* The newest schema version below @schema for which a cache of @pattern
 * ("appeals-1000-%4s-g1.sqlite", with the version where %4s stands) is
 * kept under @dir, or NULL. */
static char *
find_earlier (const char *dir,
              const char *pattern,
              const char *schema)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *at = strstr (pattern, "%4s");
  gsize prefix = at - pattern;
  const char *suffix = at + 3;
  char *found = NULL;
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (strlen (name) == prefix + 4 + strlen (suffix) && strncmp (name, pattern, prefix) == 0 &&
        g_str_equal (name + prefix + 4, suffix) && strncmp (name + prefix, schema, 4) < 0 &&
        (found == NULL || strncmp (name + prefix, found, 4) > 0))
      {
        g_free (found);
        found = g_strndup (name + prefix, 4);
      }
  return found;
}

/* Moves the file @from to @to, and a SQLite database's write-ahead log
 * and its index beside it, where they are: the log may hold pages the
 * database does not have yet. */
static gboolean
rename_with_log (const char *from,
                 const char *to)
{
  const char *suffixes[] = { "-wal", "-shm" };

  if (g_rename (from, to) != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *log_from = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *log_to = g_strconcat (to, suffixes[i], NULL);

      if (g_file_test (log_from, G_FILE_TEST_EXISTS) && g_rename (log_from, log_to) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
carry_forward (const char *from,
               const char *to)
{
  if (!rename_with_log (from, to))
    g_error ("cannot carry %s forward: %s", from, g_strerror (errno));
  g_print ("carried forward from %s, to be migrated\n", from);
}

/* The cached SQLite file of @size, generated when missing. */
static char *
prepare_sqlite (AppealsBench *bench,
                const char   *cache,
                const char   *key,
                const char   *schema)
{
  g_autofree char *name = g_strdup_printf ("%s.sqlite", key);
  char *path = g_build_filename (cache, name, NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autofree char *part_blobs = g_strconcat (part, ".attachments", NULL);
  g_autofree char *blobs = g_strconcat (path, ".attachments", NULL);
  const char *rm[] = { "rm", "-rf", part, part_blobs, NULL };

  g_autofree char *pattern = g_strdup_printf ("appeals-%u-%%4s-%s.sqlite", bench->size, GENERATOR_VERSION);
  g_autofree char *earlier = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;

  earlier = find_earlier (cache, pattern, schema);
  if (earlier != NULL)
    {
      g_autofree char *old_name = g_strdup_printf ("appeals-%u-%s-%s.sqlite", bench->size, earlier, GENERATOR_VERSION);
      g_autofree char *old = g_build_filename (cache, old_name, NULL);
      g_autofree char *old_blobs = g_strconcat (old, ".attachments", NULL);

      carry_forward (old, path);
      if (g_file_test (old_blobs, G_FILE_TEST_IS_DIR))
        carry_forward (old_blobs, blobs);
      return path;
    }

  run (rm);
  bench->generate_seconds = generate (part, bench->size);
  if (!rename_with_log (part, path) ||
      (g_file_test (part_blobs, G_FILE_TEST_IS_DIR) && g_rename (part_blobs, blobs) != 0))
    g_error ("cannot keep %s", path);
  return path;
}

static char *
prepare_postgresql (AppealsBench *bench,
                    const char   *cache,
                    const char   *key,
                    const char   *schema)
{
  g_autofree char *cluster_name = g_strdup_printf ("pg-%s", schema);
  g_autofree char *dir = g_build_filename (cache, cluster_name, NULL);
  g_autofree char *name = g_strdelimit (g_strdup (key), "-", '_');
  g_autofree char *marker_name = g_strdup_printf ("%s.done", name);
  g_autofree char *marker = g_build_filename (dir, marker_name, NULL);
  g_autofree char *earlier = NULL;
  char *location;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) && (earlier = find_earlier (cache, "pg-%4s", schema)) != NULL)
    {
      g_autofree char *old_cluster = g_strdup_printf ("pg-%s", earlier);
      g_autofree char *old_dir = g_build_filename (cache, old_cluster, NULL);

      carry_forward (old_dir, dir);
    }

  bench->cluster = appeals_test_pg_cluster_start_in (dir, PG_SETTINGS);
  location = appeals_test_pg_cluster_get_location (bench->cluster, name);
  if (earlier != NULL)
    {
      /* the database of the same size and generator takes the new name */
      g_autofree char *old_key = g_strdup_printf ("appeals_%u_%s_%s", bench->size, earlier, GENERATOR_VERSION);
      g_autofree char *old_marker_name = g_strdup_printf ("%s.done", old_key);
      g_autofree char *old_marker = g_build_filename (dir, old_marker_name, NULL);
      g_autofree char *alter = g_strdup_printf ("ALTER DATABASE %s RENAME TO %s", old_key, name);
      const char *rename_argv[] = { "psql", "-h", dir, "-U", "postgres", "-d", "postgres", "-q", "-c", alter, NULL };

      if (g_file_test (old_marker, G_FILE_TEST_EXISTS))
        {
          run (rename_argv);
          if (g_rename (old_marker, marker) != 0)
            g_error ("cannot keep %s", marker);
        }
    }
  if (!g_file_test (marker, G_FILE_TEST_EXISTS))
    {
      g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", name);
      g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", name);
      const char *drop_argv[] = { "psql", "-h", dir, "-U", "postgres", "-d", "postgres", "-q", "-c", drop, NULL };
      const char *create_argv[] = { "psql", "-h", dir, "-U", "postgres", "-d", "postgres", "-q", "-c", create, NULL };
      const char *checkpoint_argv[] = { "psql", "-h", dir, "-U", "postgres", "-d", "postgres", "-q", "-c", "CHECKPOINT",
                                         NULL };

      run (drop_argv);
      run (create_argv);
      bench->generate_seconds = generate (location, bench->size);
      /* the cluster is stopped the quick way (-m immediate): without a
       * checkpoint here, its next start would replay the whole load, and
       * pg_ctl gives up after a minute */
      run (checkpoint_argv);
      g_file_set_contents (marker, "", 0, NULL);
    }
  return location;
}

static char *
first_line_with (const char *file,
                 const char *prefix)
{
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents (file, &text, NULL, NULL) || (line = strstr (text, prefix)) == NULL)
    return g_strdup ("?");
  return g_strstrip (g_strndup (line + strlen (prefix), strcspn (line + strlen (prefix), "\n")));
}

#ifdef __linux__
/* "0-1,3": the processors of a Cpus_allowed_list line */
static void
parse_cpu_list (const char *list,
                cpu_set_t  *set)
{
  g_auto(GStrv) ranges = g_strsplit (list, ",", -1);

  CPU_ZERO (set);
  for (guint i = 0; ranges[i] != NULL; i++)
    {
      char *end = NULL;
      guint64 first = g_ascii_strtoull (ranges[i], &end, 10);
      guint64 last = *end == '-' ? g_ascii_strtoull (end + 1, NULL, 10) : first;

      for (guint64 cpu = first; cpu <= last && cpu < CPU_SETSIZE; cpu++)
        CPU_SET (cpu, set);
    }
}
#endif

#ifdef __linux__
/* Moves every thread of the bench to @set. */
static void
move_bench (const cpu_set_t *set)
{
  g_autoptr(GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
  const char *name;

  while (tasks != NULL && (name = g_dir_read_name (tasks)) != NULL)
    if (sched_setaffinity ((pid_t) atoi (name), sizeof *set, set) != 0)
      g_printerr ("cannot move thread %s: %s\n", name, g_strerror (errno));
}
#endif

/**
 * appeals_bench_keep_off_server:
 *
 * Moves every thread of the bench off the processor the server's main
 * loop and its fast workers stay on (appeals-workers.c), as a desk on
 * another machine is: a client sharing that processor adds its own
 * reading of each answer to the request's time, on whichever runs the
 * kernel happened to put it there (a page 0.68 instead of 0.51 ms, a card
 * 0.66 instead of 0.48 ms, a client pinned to either processor in turn,
 * 2026-12-06). The concurrency figures are taken with the load on every
 * processor. A server that is not pinned (one processor, or --workers 0)
 * leaves the bench anywhere.
 */
void
appeals_bench_keep_off_server (AppealsBench *bench)
{
#ifdef __linux__
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", appeals_test_server_get_pid (bench->server));
  g_autofree char *list = first_line_with (path, "Cpus_allowed_list:");
  cpu_set_t server, set = bench->own_cpus;

  if (g_ascii_isdigit (*list))
    {
      parse_cpu_list (list, &server);
      if (CPU_COUNT (&server) < CPU_COUNT (&bench->own_cpus))
        for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
          if (CPU_ISSET (cpu, &server))
            CPU_CLR (cpu, &set);
    }
  if (CPU_COUNT (&set) == 0)
    set = bench->own_cpus;
  bench->kept_off = !CPU_EQUAL (&set, &bench->own_cpus);
  move_bench (&set);
#endif
}

/* Lets every thread of the bench run on all its processors again. */
void
appeals_bench_run_anywhere (AppealsBench *bench)
{
#ifdef __linux__
  bench->kept_off = FALSE;
  move_bench (&bench->own_cpus);
#endif
}

/**
 * appeals_bench_restart:
 * @workers: (nullable): the server's --workers, or %NULL for its default
 *
 * Starts the server (again) on the bench's database; a session signed in
 * before stays valid.
 */
void
appeals_bench_restart (AppealsBench *bench,
                       const char   *workers)
{
  const char *args[] = { "--demo", "--max-connections-per-address", "0", NULL, NULL, NULL };

  if (workers != NULL)
    {
      args[3] = "--workers";
      args[4] = workers;
    }
  g_clear_pointer (&bench->server, appeals_test_server_free);
  /* a child starts on its parent's processors: the server on all of ours */
  appeals_bench_run_anywhere (bench);
  /* its log, a line a request, goes to a file beside the database rather
   * than into the bench's output, where `meson test -v` printed it all */
  bench->server = appeals_test_server_start_on_with_log (bench->backend, bench->database, args, bench->server_log);
  bench->workers = workers;
  appeals_bench_keep_off_server (bench);
}

/**
 * appeals_bench_stop_statement_log:
 *
 * Starts the server again without its statement log, which costs each
 * statement a print and a write: what is timed after runs as on a real
 * server. The statements logged so far stay readable.
 */
void
appeals_bench_stop_statement_log (AppealsBench *bench)
{
  g_unsetenv ("APPEALS_SERVER_LOG_STATEMENTS");
  appeals_bench_restart (bench, bench->workers);
}

AppealsBench *
appeals_bench_open (const char *backend,
                    guint       size)
{
  AppealsBench *bench = g_new0 (AppealsBench, 1);
  const char *cache = g_getenv ("APPEALS_BENCH_CACHE") != NULL ? g_getenv ("APPEALS_BENCH_CACHE") : "bench-data";
  g_autofree char *schema = schema_version ();
  g_autofree char *key = g_strdup_printf ("appeals-%u-%s-%s", size, schema, GENERATOR_VERSION);
  g_autofree char *log_name = NULL, *log_path = NULL, *server_log = NULL;
  g_autoptr(GError) error = NULL;

  bench->backend = backend;
  bench->size = size;
  bench->postgresql = g_str_equal (backend, "postgresql");
  bench->generate_seconds = -1;
#ifdef __linux__
  if (sched_getaffinity (0, sizeof bench->own_cpus, &bench->own_cpus) != 0)
    g_error ("sched_getaffinity: %s", g_strerror (errno));
#endif
  g_mkdir_with_parents (cache, 0755);
  bench->database = bench->postgresql ? prepare_postgresql (bench, cache, key, schema)
                                      : prepare_sqlite (bench, cache, key, schema);

  /* the server logs its statements, for the floors that are a request's
   * own statements run straight (appeals_bench_capture_statements()) */
  log_name = g_strconcat (key, ".statements", NULL);
  log_path = g_build_filename (cache, log_name, NULL);
  bench->statement_log = g_canonicalize_filename (log_path, NULL);
  g_unlink (bench->statement_log);
  g_setenv ("APPEALS_SERVER_LOG_STATEMENTS", bench->statement_log, TRUE);
  g_free (log_name);
  log_name = g_strconcat (key, ".server.log", NULL);
  server_log = g_build_filename (cache, log_name, NULL);
  bench->server_log = g_canonicalize_filename (server_log, NULL);
  g_unlink (bench->server_log);
  appeals_bench_restart (bench, g_getenv ("APPEALS_BENCH_WORKERS"));
  bench->token = appeals_test_sign_in (bench->server, "controller", "demo");
  bench->session = soup_session_new ();
  bench->db = appeals_db_open (bench->database, &error);
  g_assert_no_error (error);
  bench->card_id = MAX (size / 2, 1);
  return bench;
}

void
appeals_bench_free (AppealsBench *bench)
{
  appeals_test_server_free (bench->server);
  g_clear_object (&bench->db);
  g_clear_object (&bench->session);
  if (bench->cluster != NULL)
    appeals_test_pg_cluster_stop (bench->cluster);
  if (bench->statement_log != NULL)
    g_unlink (bench->statement_log);
  g_free (bench->statement_log);
  g_free (bench->server_log);
  g_free (bench->database);
  g_free (bench->token);
  g_free (bench->cursor);
  g_free (bench->cursor_date);
  g_free (bench);
}

char *
appeals_bench_pick (AppealsBench *bench,
                    const char   *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = appeals_db_query (bench->db, sql, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (appeals_db_result_get_n_rows (result), >, 0);
  return g_strdup (appeals_db_result_get_string (result, 0, appeals_db_result_get_column_name (result, 0)));
}

char *
appeals_bench_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The journal's cursor after the card in the middle, as the server
 * encodes it: base64 of ["date", id]. */
void
appeals_bench_cursor_at_half (AppealsBench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT registration_date, id FROM appeals "
                                          "ORDER BY registration_date DESC, id DESC LIMIT 1 OFFSET %u", bench->size / 2);
  g_autoptr(AppealsDbResult) result = appeals_db_query (bench->db, sql, NULL, &error);
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  bench->cursor_date = g_strdup (appeals_db_result_get_string (result, 0, "registration_date"));
  bench->cursor_id = appeals_db_result_get_int64 (result, 0, "id");
  json = g_strdup_printf ("[\"%s\",%" G_GINT64_FORMAT "]", bench->cursor_date, bench->cursor_id);
  bench->cursor = g_base64_encode ((const guchar *) json, strlen (json));
}

gint64
appeals_bench_server_rss_kb (AppealsBench *bench)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", appeals_test_server_get_pid (bench->server));
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (line = strstr (text, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtoll (line + strlen ("VmRSS:"), NULL, 10);
}

void
appeals_bench_print_header (AppealsBench *bench)
{
  g_autofree char *cpu = first_line_with ("/proc/cpuinfo", "model name\t:");
  g_autofree char *memory = first_line_with ("/proc/meminfo", "MemTotal:");
  g_autofree char *size = NULL;
  g_autofree char *audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) sizes = NULL;

  sizes = appeals_db_query (bench->db, bench->postgresql
                            ? "SELECT pg_database_size (current_database ()) AS total, "
                              "pg_total_relation_size ('audit') AS audit"
                            : "SELECT (SELECT page_count * page_size FROM pragma_page_count (), pragma_page_size ()) "
                              "AS total, (SELECT SUM (pgsize) FROM dbstat WHERE name IN ('audit', 'audit_entity')) AS audit",
                            NULL, &error);
  if (sizes != NULL)
    {
      double total = appeals_db_result_get_int64 (sizes, 0, "total");
      double audit_bytes = appeals_db_result_get_int64 (sizes, 0, "audit");

      size = g_strdup_printf ("%.0f MB", total / 1e6);
      audit = g_strdup_printf ("%.0f %%", 100 * audit_bytes / MAX (total, 1));
    }

  g_print ("backend %s, %u appeals; %u cores (%s), memory %s\n", bench->backend, bench->size,
           g_get_num_processors (), cpu, memory);
  g_print ("database %s, audit %s of it; ", size != NULL ? size : "?", audit != NULL ? audit : "?");
  if (bench->generate_seconds >= 0)
    g_print ("generated in %.0f s\n", bench->generate_seconds);
  else
    g_print ("cached from an earlier run\n");
  if (bench->kept_off)
    g_print ("one request at a time, the bench runs off the processor of the server's main loop, "
             "as a client on another machine\n");
}
