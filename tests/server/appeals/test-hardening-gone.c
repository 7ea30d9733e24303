/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-hardening-gone.c: work stops when its client goes away. A server
 * with two workers (one for slow routes, one for the rest) is given a
 * write that cannot go on: another connection holds the lock it needs
 * (BEGIN IMMEDIATE on SQLite, LOCK TABLE on PostgreSQL) and keeps it for
 * the whole test. The client sends the write and closes its socket. The
 * write must then stop waiting: the only fast worker is free again, so a
 * /health sent next is answered at once while the lock is still held; the
 * log says the request stopped because its client went away, and nothing
 * was written. Without the cancellation the write would wait on the lock
 * (100 s of retried busy waits on SQLite, for ever on PostgreSQL) and
 * /health behind it. On PostgreSQL a journal page held back by a lock
 * is stopped the same way.
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#ifdef HAVE_POSTGRESQL
#include <libpq-fe.h>
#endif

#include "test-hardening.h"

#define IIN "900101300017"
/* far below what the write would wait if it were not stopped */
#define ANSWERED_WITHIN_USEC (2 * G_USEC_PER_SEC)

/* Another connection that holds the write lock of applicants. */
typedef struct
{
  sqlite3 *sqlite;
#ifdef HAVE_POSTGRESQL
  PGconn  *pg;
#endif
} LockHolder;

#ifdef HAVE_POSTGRESQL
static void
pg_exec (PGconn     *connection,
         const char *sql)
{
  PGresult *result = PQexec (connection, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (connection));
  PQclear (result);
}

/* How many statements of other connections wait for a lock. */
static int
pg_count_lock_waits (PGconn *connection)
{
  PGresult *result = PQexec (connection,
                             "SELECT COUNT(*) FROM pg_stat_activity "
                             "WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid ()");
  int count;

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  count = atoi (PQgetvalue (result, 0, 0));
  PQclear (result);
  return count;
}
#endif

static void
lock_holder_take (LockHolder *holder,
                  const char *database)
{
#ifdef HAVE_POSTGRESQL
  if (g_str_equal (test_api_backend, "postgresql"))
    {
      holder->pg = PQconnectdb (database);
      g_assert_cmpint (PQstatus (holder->pg), ==, CONNECTION_OK);
      pg_exec (holder->pg, "BEGIN");
      /* readers go on (ACCESS SHARE), writers of applicants wait */
      pg_exec (holder->pg, "LOCK TABLE applicants IN EXCLUSIVE MODE");
      return;
    }
#endif
  g_assert_cmpint (sqlite3_open (database, &holder->sqlite), ==, SQLITE_OK);
  /* in WAL mode readers go on, every writer waits */
  g_assert_cmpint (sqlite3_exec (holder->sqlite, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Returns once the server's statement waits for the lock: PostgreSQL
 * says so; SQLite does not, and its wait is given a moment to begin. */
static void
lock_holder_wait_for_waiter (LockHolder *holder)
{
#ifdef HAVE_POSTGRESQL
  if (holder->pg != NULL)
    {
      gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

      while (pg_count_lock_waits (holder->pg) == 0)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, end);
          g_usleep (20 * 1000);
        }
      return;
    }
#endif
  g_usleep (500 * 1000);
}

static void
lock_holder_release (LockHolder *holder)
{
#ifdef HAVE_POSTGRESQL
  if (holder->pg != NULL)
    {
      /* nothing of the server's waits for the lock any more */
      g_assert_cmpint (pg_count_lock_waits (holder->pg), ==, 0);
      pg_exec (holder->pg, "ROLLBACK");
      g_clear_pointer (&holder->pg, PQfinish);
      return;
    }
#endif
  g_assert_cmpint (sqlite3_exec (holder->sqlite, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&holder->sqlite, sqlite3_close);
}

/* A server with one slow and one fast worker, logging to a file, and a
 * registrar signed in. */
typedef struct
{
  Fixture  fixture;
  char    *dir;
  char    *log_path;
} Gone;

static void
gone_start (Gone *gone)
{
  const char *args[] = { "--demo", "--demo-appeals", "5", "--workers", "2", NULL };
  g_autoptr(GError) error = NULL;

  gone->dir = g_dir_make_tmp ("appeals-gone-XXXXXX", &error);
  g_assert_no_error (error);
  gone->log_path = g_build_filename (gone->dir, "server.log", NULL);
  gone->fixture.server = appeals_test_server_start_full (test_api_backend, args, 0, gone->log_path);
  gone->fixture.session = soup_session_new_with_options ("timeout", 30, NULL);
  gone->fixture.registrar = appeals_test_sign_in (gone->fixture.server, "registrar", "demo");
}

/* Sends @request_text on a connection of its own, waits until the
 * server's statement waits for @holder's lock, and closes the connection.
 * Returns when it closed (monotonic time). */
static gint64
send_and_leave (Gone       *gone,
                LockHolder *holder,
                const char *request_text)
{
  g_autoptr(GSocketConnection) connection = raw_connect (&gone->fixture);
  g_autoptr(GError) error = NULL;

  raw_write (connection, request_text);
  lock_holder_wait_for_waiter (holder);
  g_io_stream_close (G_IO_STREAM (connection), NULL, &error);
  g_assert_no_error (error);
  return g_get_monotonic_time ();
}

/* Stops the server; its log must say a request stopped for its client. */
static void
gone_finish (Gone *gone)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  g_assert_cmpint (appeals_test_server_terminate (gone->fixture.server), ==, 0);
  g_assert_true (g_file_get_contents (gone->log_path, &log, NULL, &error));
  g_assert_no_error (error);
  if (strstr (log, "stopped, the client went away") == NULL)
    g_error ("the log does not say the request stopped:\n%s", log);

  appeals_test_server_free (gone->fixture.server);
  g_object_unref (gone->fixture.session);
  g_free (gone->fixture.registrar);
  appeals_test_remove_tree (gone->dir);
  g_free (gone->dir);
  g_free (gone->log_path);
}

static void
test_gone_client_stops_its_write (void)
{
  const char *body = "{\"iin\":\"" IIN "\",\"surname\":\"Кеткенов\",\"given_name\":\"Асан\","
                     "\"address\":\"Қостанай қ., Абай к., 1\",\"phone\":\"87015550101\"}";
  g_autofree char *post = NULL;
  Gone gone = { { NULL, }, };
  LockHolder holder = { NULL, };
  gint64 left;

  gone_start (&gone);
  post = g_strdup_printf ("POST /api/v1/applicants HTTP/1.1\r\nHost: x\r\n"
                          "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                          "Content-Length: %zu\r\n\r\n%s",
                          gone.fixture.registrar, strlen (body), body);
  lock_holder_take (&holder, appeals_test_server_get_database (gone.fixture.server));

  /* the write waits for the lock; its client leaves */
  left = send_and_leave (&gone, &holder, post);

  /* the one fast worker is free again although the lock is still held */
  {
    g_autoptr(AppealsTestResponse) health = REQUEST (&gone.fixture, "GET", "/api/v1/health", NULL, NULL);
    gint64 waited = g_get_monotonic_time () - left;

    g_assert_cmpuint (health->status, ==, 200);
    if (waited > ANSWERED_WITHIN_USEC)
      g_error ("/health waited %.1f s behind a request whose client had gone", waited / 1e6);
  }

  lock_holder_release (&holder);

  /* the write was stopped, not done late */
  {
    g_autoptr(AppealsTestResponse) found = REQUEST (&gone.fixture, "GET", "/api/v1/applicants?iin=" IIN,
                                                    gone.fixture.registrar, NULL);

    g_assert_cmpuint (found->status, ==, 200);
    g_assert_null (strstr (found->text, IIN));
  }
  gone_finish (&gone);
}

#ifdef HAVE_POSTGRESQL
/* A read stops too (PostgreSQL only: there a lock can hold a read back;
 * SQLite's readers never wait in WAL mode, and its interrupted read is
 * tested in tests/server/storage). Another connection holds appeals in
 * ACCESS EXCLUSIVE mode; a journal page waits for it on the slow worker;
 * its client leaves. The server must cancel the statement: no statement
 * of its waits for the lock any more while the lock is still held. */
static void
test_gone_client_stops_its_read (void)
{
  g_autofree char *get = NULL;
  Gone gone = { { NULL, }, };
  LockHolder holder = { NULL, };
  gint64 left;

  gone_start (&gone);
  get = g_strdup_printf ("GET /api/v1/appeals?limit=50 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n\r\n",
                         gone.fixture.registrar);
  holder.pg = PQconnectdb (appeals_test_server_get_database (gone.fixture.server));
  g_assert_cmpint (PQstatus (holder.pg), ==, CONNECTION_OK);
  pg_exec (holder.pg, "BEGIN");
  pg_exec (holder.pg, "LOCK TABLE appeals IN ACCESS EXCLUSIVE MODE");

  /* the page waits for the lock; its client leaves */
  left = send_and_leave (&gone, &holder, get);

  /* its statement is cancelled, the lock still held */
  while (pg_count_lock_waits (holder.pg) > 0)
    {
      if (g_get_monotonic_time () - left > ANSWERED_WITHIN_USEC)
        g_error ("the journal page still waits %.1f s after its client went away",
                 (g_get_monotonic_time () - left) / 1e6);
      g_usleep (20 * 1000);
    }
  lock_holder_release (&holder);

  /* the slow worker serves the next page */
  {
    g_autoptr(AppealsTestResponse) page = REQUEST (&gone.fixture, "GET", "/api/v1/appeals?limit=50",
                                                   gone.fixture.registrar, NULL);

    g_assert_cmpuint (page->status, ==, 200);
  }
  gone_finish (&gone);
}
#endif

void
test_hardening_add_gone (void)
{
  g_test_add_func ("/hardening/gone-client-stops-its-write", test_gone_client_stops_its_write);
#ifdef HAVE_POSTGRESQL
  if (g_str_equal (test_api_backend, "postgresql"))
    g_test_add_func ("/hardening/gone-client-stops-its-read", test_gone_client_stops_its_read);
#endif
}
