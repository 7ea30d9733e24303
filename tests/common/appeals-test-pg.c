/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-test-pg.c: starts a private PostgreSQL 15 cluster once per test
 * program and stops it at exit. As root (CI), the server tools run as the
 * postgres user through runuser, since PostgreSQL refuses to run as root.
 * A missing PostgreSQL is a failure, not a skip: CI installs it.
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "appeals-test-pg.h"
#include "appeals-test-server.h"

struct _AppealsTestPgCluster
{
  char *dir;
  char *bindir;
  gboolean as_postgres;
  gboolean keep;      /* a cached cluster: stopped, not removed */
};

static AppealsTestPgCluster *running;

static char *
find_bindir (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  g_autofree char *best = NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *bin = g_build_filename ("/usr/lib/postgresql", name, "bin", NULL);
      g_autofree char *initdb = g_build_filename (bin, "initdb", NULL);

      if (g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE) &&
          (best == NULL || g_ascii_strtoull (name, NULL, 10) > g_ascii_strtoull (best, NULL, 10)))
        {
          g_free (best);
          best = g_strdup (name);
        }
    }

  if (best == NULL)
    g_error ("PostgreSQL server tools (initdb, pg_ctl) are not installed: apt-get install postgresql");

  return g_build_filename ("/usr/lib/postgresql", best, "bin", NULL);
}

static void
run (AppealsTestPgCluster *cluster,
     const char * const   *argv)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) full = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (cluster->as_postgres)
    g_strv_builder_add_many (builder, "runuser", "-u", "postgres", "--", NULL);
  g_strv_builder_addv (builder, (const char **) argv);
  full = g_strv_builder_end (builder);

  if (!g_spawn_sync (NULL, full, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s\n%s", full[cluster->as_postgres ? 4 : 0],
             error != NULL ? error->message : "", out != NULL ? out : "", err != NULL ? err : "");
}

static void
stop_at_exit (void)
{
  if (running != NULL)
    appeals_test_pg_cluster_stop (running);
}

static AppealsTestPgCluster *
start_cluster (char       *dir,
               const char *settings)
{
  AppealsTestPgCluster *cluster = g_new0 (AppealsTestPgCluster, 1);
  g_autofree char *data = NULL;
  g_autofree char *log = NULL;
  g_autofree char *initdb = NULL;
  g_autofree char *pg_ctl = NULL;
  g_autofree char *options = NULL;

  cluster->bindir = find_bindir ();
  cluster->as_postgres = getuid () == 0;
  cluster->dir = dir;
  g_chmod (cluster->dir, 0755);

  if (cluster->as_postgres)
    {
      const char *chown_argv[] = { "chown", "postgres:postgres", cluster->dir, NULL };
      gboolean saved = cluster->as_postgres;

      cluster->as_postgres = FALSE;
      run (cluster, chown_argv);
      cluster->as_postgres = saved;
    }

  data = g_build_filename (cluster->dir, "data", NULL);
  log = g_build_filename (cluster->dir, "log", NULL);
  initdb = g_build_filename (cluster->bindir, "initdb", NULL);
  pg_ctl = g_build_filename (cluster->bindir, "pg_ctl", NULL);
  options = g_strdup_printf ("-k %s -c listen_addresses='' -c fsync=off -c max_connections=50 %s",
                             cluster->dir, settings);

  if (!g_file_test (data, G_FILE_TEST_IS_DIR))
    {
      const char *argv[] = { initdb, "-D", data, "-A", "trust", "-U", "postgres", "--no-sync",
                             "-E", "UTF8", "--locale=C.UTF-8", NULL };
      run (cluster, argv);
    }
  {
    const char *argv[] = { pg_ctl, "-D", data, "-l", log, "-w", "-o", options, "start", NULL };
    run (cluster, argv);
  }

  running = cluster;
  atexit (stop_at_exit);
  return cluster;
}

AppealsTestPgCluster *
appeals_test_pg_cluster_start (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("appeals-pg-XXXXXX", &error);

  g_assert_no_error (error);
  return start_cluster (dir, "");
}

/**
 * appeals_test_pg_cluster_start_in:
 * @dir: where the cluster lives between runs (created when missing)
 * @settings: more server options ("-c shared_buffers=1GB")
 *
 * A cluster kept for the next run, as the benchmark keeps its data:
 * appeals_test_pg_cluster_stop() stops it and leaves it in place.
 */
AppealsTestPgCluster *
appeals_test_pg_cluster_start_in (const char *dir,
                                  const char *settings)
{
  AppealsTestPgCluster *cluster;

  g_mkdir_with_parents (dir, 0755);
  cluster = start_cluster (g_strdup (dir), settings);
  cluster->keep = TRUE;
  return cluster;
}

/**
 * appeals_test_pg_cluster_get_location:
 *
 * Returns: (transfer full): the connection string of database @name
 */
char *
appeals_test_pg_cluster_get_location (AppealsTestPgCluster *cluster,
                                      const char           *name)
{
  return g_strdup_printf ("host=%s dbname=%s user=postgres", cluster->dir, name);
}

char *
appeals_test_pg_cluster_create_database (AppealsTestPgCluster *cluster,
                                         guint                 number)
{
  g_autofree char *psql = g_build_filename (cluster->bindir, "psql", NULL);
  g_autofree char *name = g_strdup_printf ("appeals_test_%u", number);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", name);
  const char *argv[] = { psql, "-h", cluster->dir, "-U", "postgres", "-d", "postgres", "-q", "-c", sql, NULL };

  if (!g_file_test (psql, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_free (psql);
      psql = g_strdup ("psql");
      argv[0] = psql;
    }

  run (cluster, argv);
  return appeals_test_pg_cluster_get_location (cluster, name);
}

void
appeals_test_pg_cluster_stop (AppealsTestPgCluster *cluster)
{
  g_autofree char *data = g_build_filename (cluster->dir, "data", NULL);
  g_autofree char *pg_ctl = g_build_filename (cluster->bindir, "pg_ctl", NULL);
  const char *argv[] = { pg_ctl, "-D", data, "-m", "immediate", "-w", "stop", NULL };

  if (running == cluster)
    running = NULL;

  run (cluster, argv);
  if (!cluster->keep)
    appeals_test_remove_tree (cluster->dir);
  g_free (cluster->dir);
  g_free (cluster->bindir);
  g_free (cluster);
}
