/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-bench-timing.c: the benchmarks' timing — a request by turns
 * with its floor (the statements the server ran for it, straight on the
 * database), a PATCH with its durable transaction, percentiles, and the
 * load of many connections around a cheap request.
 */
#include "config.h"

#include <string.h>

#include "appeals-bench.h"

/* rounds of a request: at least MIN, at most MAX, past MIN only within BUDGET */
#define MIN_ROUNDS 5
#define MAX_ROUNDS 200
#define BUDGET_US (3 * G_USEC_PER_SEC)

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
appeals_bench_percentile (GArray *ms,
                          double  p)
{
  g_autoptr(GArray) sorted = g_array_copy (ms);
  guint index;

  if (sorted->len == 0)
    return 0;
  g_array_sort (sorted, compare_doubles);
  index = (guint) MIN (sorted->len - 1, p / 100.0 * sorted->len);
  return g_array_index (sorted, double, index);
}

/* Sends @message signed in with @token; returns its milliseconds, and
 * the answer's body in @body (%NULL if no answer came). */
static double
send_ms (SoupSession  *session,
         SoupMessage  *message,
         const char   *token,
         GBytes      **body)
{
  g_autofree char *bearer = g_strdup_printf ("Bearer %s", token);
  gint64 started;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
  started = g_get_monotonic_time ();
  *body = soup_session_send_and_read (session, message, NULL, NULL);
  return (g_get_monotonic_time () - started) / 1000.0;
}

/* One GET; returns its milliseconds, and its status in @status. */
static double
get_ms (SoupSession *session,
        const char  *url,
        const char  *token,
        guint       *status)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  double ms = send_ms (session, message, token, &body);

  *status = body != NULL ? soup_message_get_status (message) : 0;
  return ms;
}

/* @budget: in µs; a request timed alone has BUDGET_US, with its floor twice that */
static gboolean
more_rounds (guint  done,
             gint64 started,
             gint64 budget)
{
  return done < MIN_ROUNDS || (done < MAX_ROUNDS && g_get_monotonic_time () - started < budget);
}

GArray *
appeals_bench_time_request (AppealsBench *bench,
                            const char   *path)
{
  g_autofree char *url = g_strconcat (appeals_test_server_get_url (bench->server), path, NULL);
  GArray *ms = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 started;
  guint status;

  get_ms (bench->session, url, bench->token, &status);   /* warm up */
  if (status != 200)
    g_error ("GET %s: %u", path, status);
  started = g_get_monotonic_time ();
  while (more_rounds (ms->len, started, BUDGET_US))
    {
      double t = get_ms (bench->session, url, bench->token, &status);

      g_array_append_val (ms, t);
    }
  return ms;
}

/* One run of @statements straight on the database, as one; in ms. */
static double
run_statements_ms (AppealsBench *bench,
                   GPtrArray    *statements)
{
  gint64 t0 = g_get_monotonic_time ();

  for (guint i = 0; i < statements->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsDbResult) result = NULL;
      g_autoptr(GVariant) params = NULL;
      const char *sql;

      g_variant_get (g_ptr_array_index (statements, i), "(&sv)", &sql, &params);
      result = appeals_db_query (bench->db, sql, g_variant_n_children (params) > 0 ? g_steal_pointer (&params) : NULL,
                                 &error);
      g_assert_no_error (error);
    }
  return (g_get_monotonic_time () - t0) / 1000.0;
}

/**
 * appeals_bench_time_with_floor:
 * @statements: `(sv)` GVariants, as appeals_bench_capture_statements()
 *   or appeals_bench_statement() make them: the floor of @path
 *
 * Times GET @path and, by turns with it, running @statements one after
 * the other straight on the database, as one: a round of each, so that
 * both meet the machine as it is at that moment. Here the kernel drops
 * file pages left unused for a while, and a search timed before its
 * floor could read from the disk what its floor then found cached.
 */
void
appeals_bench_time_with_floor (AppealsBench  *bench,
                               const char    *path,
                               GPtrArray     *statements,
                               GArray       **request,
                               GArray       **floor)
{
  g_autofree char *url = g_strconcat (appeals_test_server_get_url (bench->server), path, NULL);
  gint64 started;
  guint status;

  *request = g_array_new (FALSE, FALSE, sizeof (double));
  *floor = g_array_new (FALSE, FALSE, sizeof (double));
  get_ms (bench->session, url, bench->token, &status);   /* warm up */
  if (status != 200)
    g_error ("GET %s: %u", path, status);
  run_statements_ms (bench, statements);
  started = g_get_monotonic_time ();
  while (more_rounds ((*request)->len, started, 2 * BUDGET_US))
    {
      double t = get_ms (bench->session, url, bench->token, &status);

      g_array_append_val (*request, t);
      t = run_statements_ms (bench, statements);
      g_array_append_val (*floor, t);
    }
}

/* @sql with its @params as a floor of one statement. */
GPtrArray *
appeals_bench_statement (const char *sql,
                         GVariant   *params)
{
  GPtrArray *statements = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  g_ptr_array_add (statements, g_variant_ref_sink (g_variant_new ("(sv)", sql, params != NULL ? params
                                                                  : g_variant_new_tuple (NULL, 0))));
  return statements;
}

/**
 * appeals_bench_capture_statements:
 *
 * Sends @path once and reads back from the server's statement log
 * (APPEALS_SERVER_LOG_STATEMENTS) the statements it ran for it — every
 * one, the session's lookup and the transaction's BEGIN and COMMIT
 * included — to be timed straight as the request's floor.
 *
 * Returns: (transfer full): `(sv)` GVariants
 */
GPtrArray *
appeals_bench_capture_statements (AppealsBench *bench,
                                  const char   *path)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autofree char *url = g_strconcat (appeals_test_server_get_url (bench->server), path, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length = 0, before = 0;
  guint status = 0;

  if (g_file_get_contents (bench->statement_log, &contents, &before, NULL))
    g_clear_pointer (&contents, g_free);
  get_ms (bench->session, url, bench->token, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  g_assert_true (g_file_get_contents (bench->statement_log, &contents, &length, NULL));
  g_assert_cmpuint (length, >, before);
  lines = g_strsplit (contents + before, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      GVariant *statement;

      if (lines[i][0] == '\0')
        continue;
      statement = g_variant_parse (G_VARIANT_TYPE ("(sv)"), lines[i], NULL, NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (statements, statement);
    }
  return g_steal_pointer (&statements);
}

typedef struct
{
  gint64 id;
  guint  round;
} Edit;

/* The floor of a PATCH: its durable transaction, the card, its audit row
 * and its words in the search index (the executor is searched by), on
 * SQLite with the new ones in the table of the index's words. */
static gboolean
edit_in_transaction (AppealsDb  *db,
                     gpointer    user_data,
                     GError    **error)
{
  Edit *edit = user_data;
  g_autofree char *executor = g_strdup_printf ("bench %u", edit->round);
  g_autofree char *changes = g_strdup_printf ("{\"executor\":[\"bench\",\"%s\"]}", executor);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);

  gboolean postgresql = appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_POSTGRESQL;

  /* on PostgreSQL the search vector in the same UPDATE, as the server
   * sets it */
  return (postgresql
          ? appeals_db_exec (db, "UPDATE appeals SET executor = ?, version = version + 1, updated_at = ?, "
                                 "search_vector = to_tsvector ('simple', registration_number || ' ' || annotation || "
                                 "' ' || COALESCE (text, '') || ' ' || ?) WHERE id = ?",
                             g_variant_new ("(sssx)", executor, at, executor, edit->id), error)
          : appeals_db_exec (db, "UPDATE appeals SET executor = ?, version = version + 1, updated_at = ? WHERE id = ?",
                             g_variant_new ("(ssx)", executor, at, edit->id), error) &&
            appeals_db_exec (db, "DELETE FROM appeals_search WHERE rowid = ?", g_variant_new ("(x)", edit->id), error) &&
            appeals_db_exec (db, "INSERT INTO appeals_search (rowid, body) SELECT id, registration_number || ' ' || "
                                 "annotation || ' ' || COALESCE (text, '') || ' ' || executor FROM appeals WHERE id = ?",
                             g_variant_new ("(x)", edit->id), error) &&
            /* the words of the field it changed, for the table of the
             * index's words */
            appeals_db_exec (db, "INSERT OR IGNORE INTO appeals_search_words (term) "
                                 "SELECT value FROM json_each (appeals_search_words (?))",
                             g_variant_new ("(s)", executor), error)) &&
         appeals_db_exec (db, "INSERT INTO audit (entity, entity_id, version, action, actor, at, changes) "
                              "VALUES ('appeal', ?, (SELECT version FROM appeals WHERE id = ?), 'update', 'bench', ?, ?)",
                          g_variant_new ("(xxss)", edit->id, edit->id, at, changes), error);
}

/* One PATCH with If-Match, as the desktop client sends it: on the
 * connection kept alive (libsoup would open a new one for each PATCH
 * without SOUP_MESSAGE_IDEMPOTENT). Returns its milliseconds; @etag
 * becomes the new version's. */
static double
patch_ms (AppealsBench  *bench,
          const char    *url,
          const char    *value,
          char         **etag)
{
  g_autoptr(SoupMessage) message = soup_message_new ("PATCH", url);
  g_autoptr(GBytes) content = g_bytes_new (value, strlen (value));
  g_autoptr(GBytes) body = NULL;
  double ms;

  soup_message_headers_replace (soup_message_get_request_headers (message), "If-Match", *etag);
  soup_message_set_request_body_from_bytes (message, "application/json", content);
  soup_message_add_flags (message, SOUP_MESSAGE_IDEMPOTENT);
  ms = send_ms (bench->session, message, bench->token, &body);
  if (body == NULL || soup_message_get_status (message) != 200)
    g_error ("PATCH %s: %u", url, soup_message_get_status (message));
  g_free (*etag);
  *etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag"));
  return ms;
}

void
appeals_bench_time_patch (AppealsBench  *bench,
                          GArray       **request,
                          GArray       **floor)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, bench->card_id);
  g_autofree char *url = g_strconcat (appeals_test_server_get_url (bench->server), path, NULL);
  g_autoptr(AppealsTestResponse) current = appeals_test_request (bench->server, bench->session, "GET", path,
                                                                 bench->token, NULL, NULL);
  g_autofree char *etag = g_strdup (appeals_test_response_header (current, "ETag"));
  Edit edit = { bench->card_id + 1, 0 };

  *request = g_array_new (FALSE, FALSE, sizeof (double));
  *floor = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *value = g_strdup_printf ("{\"executor\":\"bench %u\"}", i);
      g_autoptr(GError) error = NULL;
      double t = patch_ms (bench, url, value, &etag);
      gint64 t0;

      g_array_append_val (*request, t);

      edit.round = i;
      t0 = g_get_monotonic_time ();
      appeals_db_run_transaction (bench->db, edit_in_transaction, &edit, &error);
      g_assert_no_error (error);
      t = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (*floor, t);
    }
}

typedef struct
{
  AppealsBench *bench;
  guint         index;
  gint         *stop;
  GMutex       *lock;
  GArray       *ms;        /* the load's own latencies */
  guint        *failures;
} Worker;

/* Journal pages and searches, one connection, until told to stop. */
static gpointer
run_worker (gpointer data)
{
  Worker *worker = data;
  static const char * const paths[] = {
    "/api/v1/appeals?limit=50&texts=false",
    "/api/v1/appeals?limit=50&texts=false&q=%D0%B8%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2",   /* иванов */
    "/api/v1/appeals?limit=50&texts=false&district=rudny-city",
    "/api/v1/appeals?limit=50&texts=false&q=%D0%BA%D3%A9%D0%BC%D0%B5%D0%BA",         /* көмек */
  };
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;

  g_main_context_push_thread_default (context);
  session = soup_session_new ();
  for (guint i = worker->index; !g_atomic_int_get (worker->stop); i++)
    {
      g_autofree char *url = g_strconcat (appeals_test_server_get_url (worker->bench->server),
                                          paths[i % G_N_ELEMENTS (paths)], NULL);
      guint status;
      double t = get_ms (session, url, worker->bench->token, &status);

      g_mutex_lock (worker->lock);
      if (status == 200)
        g_array_append_val (worker->ms, t);
      else
        (*worker->failures)++;
      g_mutex_unlock (worker->lock);
    }
  g_clear_object (&session);
  g_main_context_pop_thread_default (context);
  return NULL;
}

/**
 * appeals_bench_concurrency:
 *
 * @n_connections run journal pages and searches while this thread sends
 * GET /health and a card by id, one at a time, for at most 30 s.
 */
void
appeals_bench_concurrency (AppealsBench *bench,
                           guint         n_connections)
{
  g_autofree char *health = g_strconcat (appeals_test_server_get_url (bench->server), "/api/v1/health", NULL);
  g_autofree char *card = g_strdup_printf ("%s/api/v1/appeals/%" G_GINT64_FORMAT,
                                           appeals_test_server_get_url (bench->server), bench->card_id);
  g_autoptr(GArray) health_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) card_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autofree Worker *workers = g_new0 (Worker, n_connections);
  gint stop = 0;
  guint failures = 0;
  GMutex lock;
  gint64 started, deadline;

  /* the load comes from every processor */
  appeals_bench_run_anywhere (bench);
  g_mutex_init (&lock);
  for (guint i = 0; i < n_connections; i++)
    {
      workers[i] = (Worker) { bench, i, &stop, &lock, load_ms, &failures };
      g_ptr_array_add (threads, g_thread_new ("load", run_worker, &workers[i]));
    }
  g_usleep (G_USEC_PER_SEC);

  started = g_get_monotonic_time ();
  deadline = started + 30 * G_USEC_PER_SEC;
  /* 500 of each: a p99 of 100 samples is their second highest, one
   * hiccup of the machine's */
  for (guint i = 0; i < 1000 && g_get_monotonic_time () < deadline; i++)
    {
      guint status;
      double t = get_ms (bench->session, i % 2 == 0 ? health : card, bench->token, &status);

      g_array_append_val (i % 2 == 0 ? health_ms : card_ms, t);
      g_usleep (10000);
    }
  g_atomic_int_set (&stop, 1);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_mutex_clear (&lock);
  appeals_bench_keep_off_server (bench);

  g_print ("server with %s workers:\n", bench->workers != NULL ? bench->workers : "the default number of");
  g_print ("%u connections running journal pages and searches for %.0f s: %u answered (%.0f/s), %u not (refused or failed), "
           "p50 %.1f ms, p99 %.1f ms\n", n_connections, (g_get_monotonic_time () - started) / 1e6, load_ms->len,
           load_ms->len / ((g_get_monotonic_time () - started) / 1e6), failures,
           appeals_bench_percentile (load_ms, 50), appeals_bench_percentile (load_ms, 99));
  g_print ("meanwhile GET /health:       p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%u requests)\n",
           appeals_bench_percentile (health_ms, 50), appeals_bench_percentile (health_ms, 95),
           appeals_bench_percentile (health_ms, 99), health_ms->len);
  g_print ("meanwhile GET /appeals/{id}: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%u requests)\n",
           appeals_bench_percentile (card_ms, 50), appeals_bench_percentile (card_ms, 95),
           appeals_bench_percentile (card_ms, 99), card_ms->len);
}
