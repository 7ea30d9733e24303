/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * main.c: appeals-server — the command line.
 *
 *   appeals-server --database FILE.sqlite|postgresql://… [--listen HOST:PORT]
 *                  [--tls-certificate PEM --tls-key PEM] [--demo]
 *   appeals-server --database … create-user LOGIN --role ROLE  (password on stdin)
 *   appeals-server --database … generate [--appeals N] [--seed S]  (a region's data, to measure with)
 *   appeals-server --database … backup DESTINATION  (while the server runs)
 *   appeals-server --list-routes
 */
#include "config.h"

#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <unistd.h>
#include <termios.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>

#include "appeals-api.h"
#include "appeals-auth.h"
#include "appeals-classifier-audit.h"
#include "appeals-demo.h"
#include "appeals-content-records.h"
#include "appeals-generate.h"
#include "appeals-housekeeping.h"
#include "appeals-server.h"
#include "appeals-workers.h"

/* GnuTLS priorities: its defaults without TLS 1.0/1.1 (and SSL 3) and
 * without the key exchanges that are not forward secret (static RSA,
 * PSK); TLS 1.3's suites all are. */
#define APPEALS_TLS_PRIORITY \
  "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:-KX-ALL:+ECDHE-ECDSA:+ECDHE-RSA:+DHE-RSA:%SERVER_PRECEDENCE"

static char *opt_database;
static char *opt_listen = NULL;
static char *opt_certificate;
static char *opt_key;
static gboolean opt_demo;
static int opt_demo_appeals = 300;
static gboolean opt_list_routes;
static char *opt_trusted_proxy;
static int opt_idle_minutes = 30;
static int opt_absolute_hours = 12;
static int opt_attachment_mb = 20;
static char *opt_role;
static char *opt_full_name;
static char *opt_district;
static gboolean opt_region_wide;
static int opt_header_timeout = 10;
static int opt_body_timeout = 30;
static int opt_keep_alive = 60;
static int opt_connections_per_address = 64;
static int opt_address_failures = 20;
static int opt_idempotency_seconds = 24 * 3600;
static int opt_housekeeping_seconds = 600;
static int opt_search_words_seconds = 24 * 3600;
static int opt_workers = -1;
/* seconds; a fraction too, so that a test can make a request run over it */
static double opt_statement_timeout = 30;
static int opt_generate_appeals = 1000000;
static int opt_generate_seed = 20261130;

static const GOptionEntry entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_STRING, &opt_database,
    N_("SQLite file, or a PostgreSQL URI (postgresql://…)"), N_("LOCATION") },
  { "listen", 'l', 0, G_OPTION_ARG_STRING, &opt_listen,
    N_("Address to listen on (default 127.0.0.1:8080; port 0 picks a free one)"), N_("HOST:PORT") },
  { "tls-certificate", 0, 0, G_OPTION_ARG_FILENAME, &opt_certificate, N_("Serve HTTPS with this certificate"), N_("PEM") },
  { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &opt_key, N_("The certificate's private key"), N_("PEM") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, &opt_demo, N_("Fill an empty database with demo data"), NULL },
  { "demo-appeals", 0, 0, G_OPTION_ARG_INT, &opt_demo_appeals, N_("Number of demo appeals"), N_("N") },
  { "list-routes", 0, 0, G_OPTION_ARG_NONE, &opt_list_routes, N_("Print the API routes and exit"), NULL },
  { "session-idle-minutes", 0, 0, G_OPTION_ARG_INT, &opt_idle_minutes, N_("Sign out after this idle time"), N_("MINUTES") },
  { "session-hours", 0, 0, G_OPTION_ARG_INT, &opt_absolute_hours, N_("Sign out after this time in any case"), N_("HOURS") },
  { "max-attachment-size", 0, 0, G_OPTION_ARG_INT, &opt_attachment_mb, N_("Largest attachment accepted, in megabytes (default 20)"), N_("MB") },
  { "header-timeout", 0, 0, G_OPTION_ARG_INT, &opt_header_timeout, N_("Close a connection whose request headers take longer (default 10)"), N_("SECONDS") },
  { "body-timeout", 0, 0, G_OPTION_ARG_INT, &opt_body_timeout, N_("Close a connection whose request body stalls longer (default 30)"), N_("SECONDS") },
  { "keep-alive", 0, 0, G_OPTION_ARG_INT, &opt_keep_alive, N_("Close an idle connection after this time (default 60)"), N_("SECONDS") },
  { "max-connections-per-address", 0, 0, G_OPTION_ARG_INT, &opt_connections_per_address, N_("Open connections one client address may hold; 0 for no limit (default 64)"), N_("N") },
  { "sign-in-failures-per-address", 0, 0, G_OPTION_ARG_INT, &opt_address_failures, N_("Failed sign-ins from one address before it has to wait; 0 for no limit (default 20)"), N_("N") },
  { "idempotency-retention", 0, 0, G_OPTION_ARG_INT, &opt_idempotency_seconds, N_("Recognise a retried POST by its Idempotency-Key this long (default 86400, a day)"), N_("SECONDS") },
  { "housekeeping-interval", 0, 0, G_OPTION_ARG_INT, &opt_housekeeping_seconds, N_("Purge old sign-in failures, sessions and idempotency keys this often (default 600)"), N_("SECONDS") },
  { "search-words-interval", 0, 0, G_OPTION_ARG_INT, &opt_search_words_seconds, N_("Forget the words of the search that no appeal keeps any more this often, on SQLite; 0 never (default 86400, a day)"), N_("SECONDS") },
  { "workers", 0, 0, G_OPTION_ARG_INT, &opt_workers, N_("Threads that serve requests, each with a database connection; 0 serves everything on the main loop (default twice the processors, at least 4)"), N_("N") },
  { "statement-timeout", 0, 0, G_OPTION_ARG_DOUBLE, &opt_statement_timeout, N_("Stop a database statement of a request after this time; 0 for no limit (default 30)"), N_("SECONDS") },
  { "trusted-proxy", 0, 0, G_OPTION_ARG_STRING, &opt_trusted_proxy, N_("The reverse proxy's address: its connections are not capped, and its X-Real-IP header names the client"), N_("ADDRESS") },
  { "role", 0, 0, G_OPTION_ARG_STRING, &opt_role, N_("create-user: the role"), N_("ROLE") },
  { "full-name", 0, 0, G_OPTION_ARG_STRING, &opt_full_name, N_("create-user: the full name"), N_("NAME") },
  { "district", 0, 0, G_OPTION_ARG_STRING, &opt_district, N_("create-user: bind to a district"), N_("CODE") },
  { "region-wide", 0, 0, G_OPTION_ARG_NONE, &opt_region_wide, N_("create-user: let the user see the whole region"), NULL },
  { "appeals", 0, 0, G_OPTION_ARG_INT, &opt_generate_appeals, N_("generate: the number of appeals (default 1000000)"), N_("N") },
  { "seed", 0, 0, G_OPTION_ARG_INT, &opt_generate_seed, N_("generate: the seed; the same seed gives the same data"), N_("SEED") },
  { NULL }
};

static AppealsServerConfig
make_config (void)
{
  AppealsServerConfig config = {
    .database = opt_database,
    .demo = opt_demo,
    .session_idle_seconds = (gint64) opt_idle_minutes * 60,
    .session_absolute_seconds = (gint64) opt_absolute_hours * 3600,
    .max_body_bytes = 1024 * 1024,
    .max_attachment_bytes = (gsize) MAX (opt_attachment_mb, 1) * 1024 * 1024,
    .max_json_depth = 32,
    .max_page_size = 200,
    .lockout_failures = 5,
    .address_failures = MAX (opt_address_failures, 0),
    .lockout_seconds = 15 * 60,
    .idempotency_seconds = MAX (opt_idempotency_seconds, 1),
    .housekeeping_seconds = MAX (opt_housekeeping_seconds, 1),
    .search_words_seconds = (guint) MAX (opt_search_words_seconds, 0),
    .workers = opt_workers < 0 ? appeals_workers_default_size () : (guint) opt_workers,
    .statement_timeout_ms = opt_statement_timeout > 0 ? (guint) CLAMP (opt_statement_timeout * 1000, 1, G_MAXINT32) : 0,
    .connections = {
      .header_seconds = MAX (opt_header_timeout, 1),
      .body_seconds = MAX (opt_body_timeout, 1),
      .idle_seconds = MAX (opt_keep_alive, 1),
      .max_per_address = MAX (opt_connections_per_address, 0),
      .trusted_proxy = opt_trusted_proxy,
    },
  };

  return config;
}

static AppealsDb *
open_database (GError **error)
{
  g_autoptr(AppealsDb) db = NULL;
  g_autofree char *migrations = NULL;

  if (opt_database == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Name the database with --database FILE.sqlite or --database postgresql://…"));
      return NULL;
    }

  db = appeals_db_open (opt_database, error);
  if (db == NULL)
    return NULL;

  migrations = g_build_filename (appeals_data_get_dir (), "sql",
                                 appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_POSTGRESQL ? "postgresql" : "sqlite",
                                 NULL);
  /* the terms of appeals registered before the content analysis (0023) */
  if (!appeals_db_migrate (db, migrations, error) ||
      !appeals_content_records_index_backlog (db, NULL, error))
    return NULL;

  return g_steal_pointer (&db);
}

/* A copy of the database taken while servers use it (see
 * appeals_db_backup() for what it holds). */
static int
backup (const char *destination)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDb) db = open_database (&error);

  if (db == NULL || !appeals_db_backup (db, destination, &error))
    {
      g_printerr ("appeals-server: %s\n", error->message);
      return EXIT_FAILURE;
    }
  g_print ("appeals-server: %s\n", _("Backup written"));
  return EXIT_SUCCESS;
}

/* Reads a password from stdin, without echo on a terminal. */
static char *
read_password (void)
{
  struct termios saved, quiet;
  gboolean terminal = isatty (STDIN_FILENO);
  char buffer[1024];

  if (terminal)
    {
      fprintf (stderr, "%s", _("Password: "));
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
    }

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    buffer[0] = '\0';

  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSANOW, &saved);
      fprintf (stderr, "\n");
    }

  buffer[strcspn (buffer, "\r\n")] = '\0';
  return g_strdup (buffer);
}

static int
create_user (const char *login)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDb) db = open_database (&error);
  g_autofree char *password = NULL;
  AppealsRole role = appeals_role_from_string (opt_role);

  if (db == NULL)
    {
      g_printerr ("appeals-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (role == APPEALS_ROLE_UNSET)
    {
      g_printerr ("appeals-server: %s\n",
                  _("Give the role with --role: registrar, controller, head, leadership, analyst or admin"));
      return EXIT_FAILURE;
    }

  /* what a user sees is said explicitly: one district or the region */
  if ((opt_district != NULL) == opt_region_wide)
    {
      g_printerr ("appeals-server: %s\n", _("Give either --district CODE or --region-wide"));
      return EXIT_FAILURE;
    }

  if (opt_district != NULL)
    {
      g_autoptr(AppealsClassifier) districts = appeals_classifier_load (APPEALS_CLASSIFIER_DISTRICTS, &error);

      if (districts == NULL)
        {
          g_printerr ("appeals-server: %s\n", error->message);
          return EXIT_FAILURE;
        }
      if (appeals_classifier_lookup (districts, opt_district) == NULL)
        {
          g_printerr ("appeals-server: ");
          g_printerr (_("“%s” is not a district code; see the districts classifier (data/classifiers/districts.json)"),
                      opt_district);
          g_printerr ("\n");
          return EXIT_FAILURE;
        }
    }

  password = read_password ();
  if (!appeals_auth_check_password (login, password, &error))
    {
      g_printerr ("appeals-server: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (appeals_auth_create_user (db, login, opt_full_name != NULL ? opt_full_name : login, role,
                                opt_district, opt_region_wide, password, &error) == 0)
    {
      g_printerr ("appeals-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print (_("User “%s” created.\n"), login);
  return EXIT_SUCCESS;
}

/* Fills an empty database with a region's ten years of appeals. */
static int
generate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDb) db = open_database (&error);
  g_autoptr(AppealsServer) server = NULL;
  AppealsServerConfig config = make_config ();
  AppealsGenerateOptions options = { MAX (opt_generate_appeals, 0), (guint32) opt_generate_seed, 10 };
  gint64 started = g_get_monotonic_time ();

  config.workers = 0;   /* one connection loads everything */
  if (db == NULL || (server = appeals_server_new (db, &config, &error)) == NULL ||
      !appeals_generate (server, db, &options, &error))
    {
      g_printerr ("appeals-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print (_("Generated %u appeals in %.1f s\n"), options.n_appeals,
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  return EXIT_SUCCESS;
}

typedef struct
{
  AppealsServer *server;
  GMainLoop     *loop;
} Running;

static gboolean
on_terminate (gpointer user_data)
{
  Running *running = user_data;

  g_message ("%s", _("Stopping: finishing the requests in flight"));
  appeals_server_stop (running->server, running->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
on_hangup (gpointer user_data)
{
  Running *running = user_data;
  g_autoptr(GError) error = NULL;

  if (appeals_server_reload_rules (running->server, &error))
    {
      g_message ("%s", _("Reloaded the rules"));
      if (!appeals_classifier_audit_record (running->server, &error))
        g_warning ("the classifiers' changes are not in the audit trail: %s", error->message);
    }
  else
    g_warning (_("The rules were not reloaded; the ones in force stay: %s"), error->message);
  return G_SOURCE_CONTINUE;
}

/* glibc hands the free top of a thread's heap back to the kernel once it
 * passes 128 kB, and maps blocks of 128 kB and more on their own, until
 * it happens to free a large enough mapped block and raises both limits
 * for good. A journal page's JSON (63 kB for 50 appeals without their
 * texts, 75 kB with the demo's one-sentence texts) grows past them:
 * until then every page ended in madvise() or munmap(), a flush of the
 * TLB on every processor, and faulted its pages in again. At a million
 * appeals, a server started and asked for first pages answered them in
 * 0.95 ms (p50, for 3,000 pages) where one that had met a filter first
 * took 0.66 ms. Fixed at a few megabytes, the limits no longer depend on
 * what the server met first (0.66 ms either way; RSS 17–18 MB as
 * before). The MALLOC_*_ environment variables still decide when set. */
static void
tune_allocator (void)
{
#ifdef __GLIBC__
  if (g_getenv ("MALLOC_MMAP_THRESHOLD_") == NULL)
    mallopt (M_MMAP_THRESHOLD, 1024 * 1024);
  if (g_getenv ("MALLOC_TRIM_THRESHOLD_") == NULL)
    mallopt (M_TRIM_THRESHOLD, 4 * 1024 * 1024);
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDb) db = NULL;
  g_autoptr(AppealsServer) server = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *url = NULL;
  AppealsServerConfig config;
  Running running;
  guint housekeeping;

  tune_allocator ();
  appeals_i18n_init ();

  context = g_option_context_new (_("[create-user LOGIN | generate | backup DESTINATION] — the Appeals Desk server"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("appeals-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (!appeals_auth_init (&error))
    {
      g_printerr ("appeals-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (argc >= 2 && g_str_equal (argv[1], "create-user"))
    {
      if (argc != 3)
        {
          g_printerr ("appeals-server: %s\n", _("Usage: appeals-server --database … create-user LOGIN --role ROLE"));
          return EXIT_FAILURE;
        }
      return create_user (argv[2]);
    }
  else if (argc == 2 && g_str_equal (argv[1], "generate"))
    return generate ();
  else if (argc >= 2 && g_str_equal (argv[1], "backup"))
    {
      if (argc != 3)
        {
          g_printerr ("appeals-server: %s\n", _("Usage: appeals-server --database … backup DESTINATION"));
          return EXIT_FAILURE;
        }
      return backup (argv[2]);
    }
  else if (argc > 1)
    {
      g_printerr ("appeals-server: %s “%s”\n", _("Unknown command"), argv[1]);
      return EXIT_FAILURE;
    }

  config = make_config ();

  if (opt_list_routes)
    {
      g_autoptr(GPtrArray) routes = NULL;

      server = appeals_server_new (NULL, &config, &error);
      if (server == NULL)
        {
          g_printerr ("appeals-server: %s\n", error->message);
          return EXIT_FAILURE;
        }
      appeals_api_register_all (server);
      routes = appeals_server_list_routes (server);
      for (guint i = 0; i < routes->len; i++)
        g_print ("%s\n", (const char *) g_ptr_array_index (routes, i));
      return EXIT_SUCCESS;
    }

  if ((opt_certificate == NULL) != (opt_key == NULL))
    {
      g_printerr ("appeals-server: %s\n", _("--tls-certificate and --tls-key go together"));
      return EXIT_FAILURE;
    }
  /* TLS 1.2 and 1.3 only, and only forward-secret key exchanges: GIO's
   * GnuTLS backend (glib-networking) reads its priority string from the
   * environment when it makes its first TLS connection — before any
   * thread starts, here. An administrator's own G_TLS_GNUTLS_PRIORITY is
   * left as it is. */
  if (opt_certificate != NULL && !g_setenv ("G_TLS_GNUTLS_PRIORITY", APPEALS_TLS_PRIORITY, FALSE))
    {
      g_printerr ("appeals-server: cannot set G_TLS_GNUTLS_PRIORITY\n");
      return EXIT_FAILURE;
    }
  if (opt_certificate != NULL &&
      (certificate = g_tls_certificate_new_from_files (opt_certificate, opt_key, &error)) == NULL)
    {
      g_printerr ("appeals-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* a diagnostic for the benchmark's floors, like the statement count:
   * see appeals_db_log_statements_to() */
  if (g_getenv ("APPEALS_SERVER_LOG_STATEMENTS") != NULL &&
      !appeals_db_log_statements_to (g_getenv ("APPEALS_SERVER_LOG_STATEMENTS"), &error))
    {
      g_printerr ("appeals-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  db = open_database (&error);
  if (db == NULL ||
      (server = appeals_server_new (db, &config, &error)) == NULL)
    {
      g_printerr ("appeals-server: %s\n", error->message);
      return EXIT_FAILURE;
    }
  appeals_api_register_all (server);
  /* the classifier files as read now, against what the audit trail saw */
  if (!appeals_classifier_audit_record (server, &error))
    {
      g_printerr ("appeals-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (opt_demo && !appeals_demo_seed (server, db, MAX (opt_demo_appeals, 0), &error))
    {
      g_printerr ("appeals-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (!appeals_server_listen (server, opt_listen != NULL ? opt_listen : "127.0.0.1:8080", certificate, &error))
    {
      g_printerr ("appeals-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  housekeeping = appeals_housekeeping_schedule (server);

  /* The first line on stdout is the contract with scripts and tests. */
  url = appeals_server_get_url (server);
  g_print ("appeals-server: listening on %s\n", url);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  running.server = server;
  running.loop = loop;
  g_unix_signal_add (SIGTERM, on_terminate, &running);
  g_unix_signal_add (SIGINT, on_terminate, &running);
  g_unix_signal_add (SIGHUP, on_hangup, &running);
  g_main_loop_run (loop);
  g_source_remove (housekeeping);

  g_message ("%s", _("Stopped"));
  return EXIT_SUCCESS;
}
