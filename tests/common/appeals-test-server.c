/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-test-server.c: starting, killing and restarting a real
 * appeals-server for the tests, and a synchronous client.
 *
 * The server binary comes from $APPEALS_SERVER_EXE (set by meson). Each
 * server owns its database: a temporary SQLite file, or a fresh database
 * in a PostgreSQL cluster the test started itself.
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "appeals-test-exchanges.h"
#include "appeals-test-pg.h"
#include "appeals-test-server.h"

struct _AppealsTestServer
{
  char          *backend;
  char          *dir;
  char          *database;
  GStrv          extra_args;
  GPid           pid;
  char          *url;
  GSubprocess   *process;
  guint          max_files;     /* RLIMIT_NOFILE of the process; 0: inherited */
  char          *log_path;      /* where its log (stderr) goes; NULL: the test's own */
};

static AppealsTestPgCluster *cluster;
static guint n_databases;

/**
 * appeals_test_backend_from_args:
 *
 * Takes "--backend=sqlite|postgresql" out of @argv.
 */
const char *
appeals_test_backend_from_args (int   *argc,
                                char **argv)
{
  const char *backend = "sqlite";
  int out = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--backend="))
        backend = argv[i] + strlen ("--backend=");
      else
        argv[out++] = argv[i];
    }
  *argc = out;
  argv[out] = NULL;

  return backend;
}

static void
set_up_child (gpointer user_data)
{
  AppealsTestServer *server = user_data;

  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (server->max_files > 0)
    {
      struct rlimit limit = { server->max_files, server->max_files };

      setrlimit (RLIMIT_NOFILE, &limit);
    }
}

static void
spawn (AppealsTestServer *server)
{
  const char *exe = g_getenv ("APPEALS_SERVER_EXE");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *line = NULL;
  GInputStream *out;

  g_assert_nonnull (exe);
  /* a restarted server comes back on the same port, as a real one would */
  listen = server->url != NULL ? g_strdup (strrchr (server->url, '/') + 1) : g_strdup ("127.0.0.1:0");
  g_strv_builder_add_many (builder, exe, "--database", server->database, "--listen", listen, NULL);
  if (server->extra_args != NULL)
    g_strv_builder_addv (builder, (const char **) server->extra_args);
  argv = g_strv_builder_end (builder);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  /* appended to: a restarted server's log follows the one before */
  if (server->log_path != NULL)
    {
      int fd = g_open (server->log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);

      g_assert_cmpint (fd, >=, 0);
      g_subprocess_launcher_take_stderr_fd (launcher, fd);
    }
  /* the server dies with the test, even when the test aborts */
  g_subprocess_launcher_set_child_setup (launcher, set_up_child, server, NULL);
  server->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  g_assert_no_error (error);

  out = g_subprocess_get_stdout_pipe (server->process);
  lines = g_data_input_stream_new (out);
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (lines), FALSE);
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  if (line == NULL || !g_str_has_prefix (line, "appeals-server: listening on "))
    g_error ("appeals-server did not start (first line: %s)", line != NULL ? line : "(none)");

  g_free (server->url);
  server->url = g_strdup (line + strlen ("appeals-server: listening on "));
  /* drop the trailing slash: paths start with one */
  if (g_str_has_suffix (server->url, "/"))
    server->url[strlen (server->url) - 1] = '\0';
}

AppealsTestServer *
appeals_test_server_start (const char         *backend,
                           const char * const *extra_args)
{
  return appeals_test_server_start_with_file_limit (backend, extra_args, 0);
}

/**
 * appeals_test_server_start_with_file_limit:
 * @max_files: the process's limit of open descriptors (`ulimit -n`)
 */
AppealsTestServer *
appeals_test_server_start_with_file_limit (const char         *backend,
                                           const char * const *extra_args,
                                           guint               max_files)
{
  return appeals_test_server_start_full (backend, extra_args, max_files, NULL);
}

/**
 * appeals_test_server_start_full:
 * @max_files: the process's limit of open descriptors (`ulimit -n`); 0:
 *   the test's
 * @log_path: (nullable): a file that gets the server's log (its stderr)
 */
AppealsTestServer *
appeals_test_server_start_full (const char         *backend,
                                const char * const *extra_args,
                                guint               max_files,
                                const char         *log_path)
{
  AppealsTestServer *server = g_new0 (AppealsTestServer, 1);
  g_autoptr(GError) error = NULL;

  server->max_files = max_files;
  server->log_path = g_strdup (log_path);
  server->backend = g_strdup (backend);
  server->extra_args = g_strdupv ((GStrv) extra_args);

  if (g_str_equal (backend, "postgresql"))
    {
      if (cluster == NULL)
        cluster = appeals_test_pg_cluster_start ();
      server->database = appeals_test_pg_cluster_create_database (cluster, ++n_databases);
    }
  else
    {
      server->dir = g_dir_make_tmp ("appeals-server-test-XXXXXX", &error);
      g_assert_no_error (error);
      server->database = g_build_filename (server->dir, "appeals.sqlite", NULL);
    }

  spawn (server);
  return server;
}

/* The server's process id, to read its memory use. */
const char *
appeals_test_server_get_pid (AppealsTestServer *server)
{
  return g_subprocess_get_identifier (server->process);
}

/**
 * appeals_test_server_start_beside:
 *
 * @extra_args: (nullable): its options, e.g. "--demo" (which seeds nothing
 *   in a database that has users, but lets the demo accounts sign in)
 *
 * A second server process on @first's database, as a central deployment
 * runs several behind one PostgreSQL. Free it before @first: the database
 * is @first's.
 */
AppealsTestServer *
appeals_test_server_start_beside (AppealsTestServer  *first,
                                  const char * const *extra_args)
{
  return appeals_test_server_start_on (first->backend, first->database, extra_args);
}

/**
 * appeals_test_server_new_database:
 *
 * Returns: (transfer full): a database no server uses yet: a fresh
 *   PostgreSQL database in the tests' cluster, or an SQLite file in a new
 *   temporary folder (the caller removes it).
 */
char *
appeals_test_server_new_database (const char *backend)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  if (g_str_equal (backend, "postgresql"))
    {
      if (cluster == NULL)
        cluster = appeals_test_pg_cluster_start ();
      return appeals_test_pg_cluster_create_database (cluster, ++n_databases);
    }
  dir = g_dir_make_tmp ("appeals-server-test-XXXXXX", &error);
  g_assert_no_error (error);
  return g_build_filename (dir, "appeals.sqlite", NULL);
}

/**
 * appeals_test_server_start_on:
 * @database: e.g. from appeals_test_server_new_database(), or a restored
 *   backup; the caller keeps it
 */
AppealsTestServer *
appeals_test_server_start_on (const char         *backend,
                              const char         *database,
                              const char * const *extra_args)
{
  return appeals_test_server_start_on_with_log (backend, database, extra_args, NULL);
}

/**
 * appeals_test_server_start_on_with_log:
 * @log_path: (nullable): a file that gets the server's log (its stderr)
 *
 * As appeals_test_server_start_on(), the log kept apart from the test's
 * own output (a benchmark's server writes a line a request).
 */
AppealsTestServer *
appeals_test_server_start_on_with_log (const char         *backend,
                                       const char         *database,
                                       const char * const *extra_args,
                                       const char         *log_path)
{
  AppealsTestServer *server = g_new0 (AppealsTestServer, 1);

  server->log_path = g_strdup (log_path);
  server->extra_args = g_strdupv ((GStrv) extra_args);
  server->backend = g_strdup (backend);
  server->database = g_strdup (database);
  spawn (server);
  return server;
}

const char *
appeals_test_server_get_database (AppealsTestServer *server)
{
  return server->database;
}

/**
 * appeals_test_server_run_sql:
 *
 * Runs @sql straight on a SQLite server's database with the sqlite3
 * program, as a test seeds what the API cannot make (the server's
 * connections see it at their next statement).
 */
void
appeals_test_server_run_sql (AppealsTestServer *server,
                             const char        *sql)
{
  const char *argv[] = { "sqlite3", server->database, sql, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

const char *
appeals_test_server_get_url (AppealsTestServer *server)
{
  return server->url;
}

/**
 * appeals_test_server_get_rss:
 *
 * Returns: the process's resident memory in kB (VmRSS), as the kernel
 *   counts it.
 */
gsize
appeals_test_server_get_rss (AppealsTestServer *server)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (server->process));
  g_autofree char *text = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  line = strstr (text, "\nVmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("\nVmRSS:"), NULL, 10);
}

/* SIGKILL: nothing gets a chance to finish. */
void
appeals_test_server_kill (AppealsTestServer *server)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_force_exit (server->process);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&server->process);
}

void
appeals_test_server_restart (AppealsTestServer *server)
{
  g_assert_null (server->process);
  spawn (server);
}

void
appeals_test_server_signal (AppealsTestServer *server,
                            int                signal_number)
{
  g_subprocess_send_signal (server->process, signal_number);
}

/* SIGTERM, then the exit status. */
int
appeals_test_server_terminate (AppealsTestServer *server)
{
  g_subprocess_send_signal (server->process, SIGTERM);
  return appeals_test_server_wait (server);
}

/* Waits for the process to end by itself; returns its exit status, or -1
 * when a signal ended it. */
int
appeals_test_server_wait (AppealsTestServer *server)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  status = g_subprocess_get_if_exited (server->process) ? g_subprocess_get_exit_status (server->process) : -1;
  g_clear_object (&server->process);
  return status;
}

/**
 * appeals_test_remove_tree:
 *
 * Removes @path and everything under it (a test's temporary folder).
 */
void
appeals_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        appeals_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
appeals_test_server_free (AppealsTestServer *server)
{
  if (server == NULL)
    return;

  if (server->process != NULL)
    appeals_test_server_kill (server);
  if (server->dir != NULL)
    appeals_test_remove_tree (server->dir);

  g_free (server->backend);
  g_free (server->log_path);
  g_free (server->dir);
  g_free (server->database);
  g_strfreev (server->extra_args);
  g_free (server->url);
  g_free (server);
}

/**
 * appeals_test_request:
 * @token: (nullable): sent as a Bearer token
 * @body: (nullable): sent as application/json
 * @...: header name, value pairs, then %NULL
 */
static AppealsTestResponse *
send_message (SoupSession *session,
              SoupMessage *message)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AppealsTestResponse *response;

  bytes = soup_session_send_and_read (session, message, NULL, &error);
  response = g_new0 (AppealsTestResponse, 1);
  if (bytes == NULL)
    {
      /* status 0: the connection failed (e.g. the server was killed) */
      response->text = g_strdup (error->message);
      response->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
      return response;
    }

  response->status = soup_message_get_status (message);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (message));
  response->text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  response->bytes = g_bytes_ref (bytes);
  appeals_test_exchanges_record (message, bytes);

  if (g_bytes_get_size (bytes) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, response->text, -1, NULL))
        response->json = json_parser_steal_root (parser);
    }

  return response;
}

static void
authorize (SoupMessage *message,
           const char  *token)
{
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
    }
}

AppealsTestResponse *
appeals_test_request (AppealsTestServer *server,
                      SoupSession       *session,
                      const char        *method,
                      const char        *path,
                      const char        *token,
                      const char        *body,
                      ...)
{
  g_autofree char *uri = g_strconcat (server->url, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, uri);
  const char *content_type = NULL;
  va_list args;
  const char *name;

  g_assert_nonnull (message);

  va_start (args, body);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (g_ascii_strcasecmp (name, "Content-Type") == 0)
        content_type = value;
      else
        soup_message_headers_replace (soup_message_get_request_headers (message), name, value);
    }
  va_end (args);

  authorize (message, token);

  if (body != NULL)
    {
      g_autoptr(GBytes) request_body = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (message, content_type != NULL ? content_type : "application/json",
                                                request_body);
    }

  return send_message (session, message);
}

/* Sends a file as the body, e.g. an attachment. */
AppealsTestResponse *
appeals_test_request_bytes (AppealsTestServer *server,
                            SoupSession       *session,
                            const char        *method,
                            const char        *path,
                            const char        *token,
                            const char        *content_type,
                            GBytes            *body)
{
  g_autofree char *uri = g_strconcat (server->url, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, uri);

  g_assert_nonnull (message);
  authorize (message, token);
  soup_message_set_request_body_from_bytes (message, content_type, body);
  return send_message (session, message);
}

void
appeals_test_response_free (AppealsTestResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->json, json_node_unref);
  g_clear_pointer (&response->bytes, g_bytes_unref);
  g_free (response->text);
  g_free (response);
}

const char *
appeals_test_response_header (AppealsTestResponse *response,
                              const char          *name)
{
  return soup_message_headers_get_one (response->headers, name);
}

JsonObject *
appeals_test_response_object (AppealsTestResponse *response)
{
  if (response->json == NULL || !JSON_NODE_HOLDS_OBJECT (response->json))
    g_error ("expected a JSON object, got: %s", response->text);
  return json_node_get_object (response->json);
}

char *
appeals_test_sign_in (AppealsTestServer *server,
                      const char        *login,
                      const char        *password)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *body = g_strdup_printf ("{\"login\":\"%s\",\"password\":\"%s\"}", login, password);
  g_autoptr(AppealsTestResponse) response = appeals_test_request (server, session, "POST", "/api/v1/session",
                                                                  NULL, body, NULL);

  if (response->status != 201)
    g_error ("sign-in of %s failed: %u %s", login, response->status, response->text);

  return g_strdup (json_object_get_string_member (appeals_test_response_object (response), "token"));
}

/* Keeps the result of an asynchronous call for appeals_test_wait_for(). */
void
appeals_test_on_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Runs the main loop until the call has finished; returns its result. */
GAsyncResult *
appeals_test_wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/**
 * appeals_test_free_times:
 * @date: "YYYY-MM-DD"
 *
 * Returns: (transfer full): the start times still free with @official
 *   on @date, as the server offers them
 */
GStrv
appeals_test_free_times (AppealsTestServer *server,
                         SoupSession       *session,
                         const char        *token,
                         gint64             official,
                         const char        *date)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/officials/%" G_GINT64_FORMAT "/free-slots?date=%s", official, date);
  g_autoptr(AppealsTestResponse) answer = appeals_test_request (server, session, "GET", path, token, NULL, NULL);
  g_autoptr(GStrvBuilder) times = g_strv_builder_new ();
  JsonArray *items;

  g_assert_cmpuint (answer->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (answer), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_strv_builder_add (times, json_object_get_string_member (json_array_get_object_element (items, i), "start_time"));
  return g_strv_builder_end (times);
}

/**
 * appeals_test_next_free_time:
 * @date: (out caller-allocates): the day
 *
 * The first free time with @official from tomorrow on (Kazakhstan's days,
 * as the server counts them); the server knows the days off.
 *
 * Returns: (transfer full): the time, "HH:MM"
 */
char *
appeals_test_next_free_time (AppealsTestServer *server,
                             SoupSession       *session,
                             const char        *token,
                             gint64             official,
                             GDate             *date)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (5 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  for (int ahead = 1; ahead <= 14; ahead++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, ahead);
      g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");
      g_auto(GStrv) times = appeals_test_free_times (server, session, token, official, iso);

      if (times[0] != NULL)
        {
          g_date_clear (date, 1);
          g_date_set_dmy (date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                          g_date_time_get_year (day));
          return g_strdup (times[0]);
        }
    }
  g_error ("the official has no free time in the next two weeks");
}

/**
 * appeals_test_generate:
 * @location: a SQLite file or a PostgreSQL URI, empty
 *
 * Fills @location with @n_appeals generated appeals (`appeals-server …
 * generate`), the same for the same @seed.
 */
void
appeals_test_generate (const char *location,
                       guint       n_appeals,
                       guint       seed)
{
  g_autofree char *appeals = g_strdup_printf ("%u", n_appeals);
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  const char *argv[] = { g_getenv ("APPEALS_SERVER_EXE"), "--database", location, "generate",
                         "--appeals", appeals, "--seed", seed_text, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("generate failed: %s", err);
  g_assert_nonnull (strstr (out, appeals));
}

/**
 * appeals_test_find_object:
 *
 * Returns: (nullable): the first object of @object's array @array_member
 *   whose string @member is @value (a group of "My work" by its name, a
 *   term of the content analysis by its text)
 */
JsonObject *
appeals_test_find_object (JsonObject *object,
                          const char *array_member,
                          const char *member,
                          const char *value)
{
  JsonArray *array = json_object_get_array_member (object, array_member);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *element = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (element, member), value) == 0)
        return element;
    }
  return NULL;
}
