/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-db-postgres.c: the PostgreSQL backend (libpq), for the central
 * deployment. The repository's SQL uses "?" placeholders; they become
 * $1…$n here, outside quoted literals. Every parameter travels as text.
 *
 * A statement the connection runs a second time is prepared on it, so that
 * PostgreSQL parses it once and, when a plan for any parameters serves as
 * well as one for the values at hand, plans it once too: a request's
 * statements are few and cheap, and parsing and planning them cost more
 * than running them (a session's lookup: 0.4 ms to parse and plan, 0.04 ms
 * to run). Statements that run once (DDL, a migration) stay unnamed. A
 * prepared statement that runs long (a report, an aggregate over a year)
 * goes back to being planned for every run: its plan is best made for the
 * values at hand, and planning is a small part of its time; and a plan
 * for any parameters that proves wrong for some values costs one slow
 * run, not one each time. The next thousand runs are planned for their
 * values; then the statement is tried prepared again, so that a run
 * slowed by a busy machine, not by its plan, does not cost it its
 * preparing for good. How many texts a connection
 * keeps, and how many of them prepared, is bounded: see
 * appeals-db-postgres-statements.c.
 */
#include "config.h"

#include <string.h>
#include <libpq-fe.h>
#include <glib/gi18n-lib.h>

#include "appeals-db-private.h"
#include "appeals-db-postgres-statements.h"

typedef struct _AppealsDbPostgres AppealsDbPostgres;

/* PQcancel() connects to the server to send its request: it runs in a
 * thread of its own, with its own reference to the cancel object. */
typedef struct
{
  gatomicrefcount  ref;
  PGcancel        *cancel;
} Canceller;

static Canceller *
canceller_ref (Canceller *canceller)
{
  g_atomic_ref_count_inc (&canceller->ref);
  return canceller;
}

static void
canceller_unref (gpointer data)
{
  Canceller *canceller = data;

  if (canceller != NULL && g_atomic_ref_count_dec (&canceller->ref))
    {
      PQfreeCancel (canceller->cancel);
      g_free (canceller);
    }
}

/* After a run this long, the statement's next PLANNED_RUNS are planned
 * for their values. */
#define LONG_RUN_USEC (20 * 1000)
#define PLANNED_RUNS  1000

struct _AppealsDbPostgres
{
  AppealsDb    parent_instance;

  PGconn      *connection;
  AppealsPgStatements *statements;
  GString     *load;        /* COPY data not yet sent */
  guint        load_columns;
  GCancellable *cancellable; /* see appeals_db_watch() */
  gulong       cancelled_id;
  Canceller   *canceller;
  guint        timeout_ms;
  gint64       statement_started;   /* monotonic, of the last statement */
};

#define APPEALS_TYPE_DB_POSTGRES (appeals_db_postgres_get_type ())
G_DECLARE_FINAL_TYPE (AppealsDbPostgres, appeals_db_postgres, APPEALS, DB_POSTGRES, AppealsDb)
G_DEFINE_FINAL_TYPE (AppealsDbPostgres, appeals_db_postgres, APPEALS_TYPE_DB)

static AppealsDbDialect
appeals_db_postgres_get_dialect (AppealsDb *db)
{
  return APPEALS_DB_DIALECT_POSTGRESQL;
}

static char *
param_text (GVariant *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_MAYBE))
    {
      g_autoptr(GVariant) inner = g_variant_get_maybe (value);

      return inner != NULL ? param_text (inner) : NULL;
    }

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    return g_strdup_printf ("%d", g_variant_get_int32 (value));
  /* "1"/"0" read as a boolean and as an integer: the schema keeps flags
   * in INTEGER columns, as on SQLite */
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? "1" : "0");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_variant_get_double (value)));
    }

  g_critical ("cannot bind a parameter of type %s", g_variant_get_type_string (value));
  return NULL;
}

/* Whether @answer is a cancel that nobody asked of its statement: neither
 * the job's own (its client went away) nor the statement timeout, but one
 * sent for the job before it on this connection that reached the backend
 * only after that job's last statement. PQcancel() cannot say which
 * statement it stops. */
static gboolean
is_stale_cancel (AppealsDbPostgres *self,
                 PGresult          *answer)
{
  const char *state = PQresultErrorField (answer, PG_DIAG_SQLSTATE);

  if (state == NULL || !g_str_equal (state, "57014") ||   /* query_canceled */
      (self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable)))
    return FALSE;
  return self->timeout_ms == 0 ||
         g_get_monotonic_time () - self->statement_started < (gint64) self->timeout_ms * 1000;
}

static gboolean
check_result (AppealsDbPostgres  *self,
              PGresult           *result,
              GError            **error)
{
  ExecStatusType status = PQresultStatus (result);
  const char *state;
  const char *primary;
  AppealsDbErrorCode kind = APPEALS_DB_ERROR_FAILED;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;

  state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  if (PQstatus (self->connection) != CONNECTION_OK)
    kind = APPEALS_DB_ERROR_CONNECTION;
  else if (state != NULL && (g_str_equal (state, "40001") || g_str_equal (state, "40P01") ||
                             g_str_equal (state, "55P03")))
    kind = APPEALS_DB_ERROR_BUSY;
  else if (state != NULL && g_str_has_prefix (state, "23"))
    kind = APPEALS_DB_ERROR_CONSTRAINT;
  else if (is_stale_cancel (self, result))
    kind = APPEALS_DB_ERROR_BUSY;   /* a transaction runs again */
  else if (state != NULL && g_str_equal (state, "57014"))   /* query_canceled */
    kind = APPEALS_DB_ERROR_CANCELLED;

  /* the primary message only: the DETAIL of a constraint violation quotes
   * the row's values (an IIN), and errors end up in the log */
  primary = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  g_set_error (error, APPEALS_DB_ERROR, kind, "PostgreSQL: %s%s%s", primary != NULL ? primary : "?",
               state != NULL ? " — SQLSTATE " : "", state != NULL ? state : "");
  return FALSE;
}

static gboolean
ensure_connection (AppealsDbPostgres  *self,
                   GError            **error)
{
  if (PQstatus (self->connection) == CONNECTION_OK)
    return TRUE;

  PQreset (self->connection);
  appeals_pg_statements_forget_prepared (self->statements);
  if (PQstatus (self->connection) == CONNECTION_OK)
    return TRUE;

  g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CONNECTION,
               _("The connection to PostgreSQL is lost: %s"), PQerrorMessage (self->connection));
  return FALSE;
}

/* Prepares @statement on the session, after deallocating the statements
 * no longer prepared here. */
static gboolean
prepare (AppealsDbPostgres   *self,
         AppealsPgStatement  *statement,
         int                  n_params,
         GError             **error)
{
  g_autofree char *room = appeals_pg_statements_take_room (self->statements);
  char name[sizeof statement->name];
  PGresult *answer;

  if (room != NULL)
    {
      answer = PQexec (self->connection, room);
      if (!check_result (self, answer, error))
        {
          PQclear (answer);
          return FALSE;
        }
      PQclear (answer);
      appeals_pg_statements_room_made (self->statements);
    }

  appeals_pg_statements_name (self->statements, name, sizeof name);
  answer = PQprepare (self->connection, name, statement->text, n_params, NULL);
  if (!check_result (self, answer, error))
    {
      PQclear (answer);
      return FALSE;
    }
  PQclear (answer);
  appeals_pg_statements_prepared (self->statements, statement, name);
  return TRUE;
}

/* Runs @statement, prepared from its second run on; returns its answer,
 * or %NULL with @error set when it could not be prepared. A transaction
 * that failed prepares nothing: the statement fails there as itself. */
static PGresult *
run_statement (AppealsDbPostgres   *self,
               AppealsPgStatement  *statement,
               int                  n_params,
               const char * const  *values,
               GError             **error)
{
  gboolean planned = statement->planned_runs > 0;
  gint64 started;
  PGresult *answer;

  if (planned)
    statement->planned_runs--;
  else if (statement->name[0] == '\0' && ++statement->uses >= 2 &&
           PQtransactionStatus (self->connection) != PQTRANS_INERROR &&
           !prepare (self, statement, n_params, error))
    return NULL;

  started = self->statement_started = g_get_monotonic_time ();
  if (statement->name[0] == '\0' || planned)
    answer = PQexecParams (self->connection, statement->text, n_params, NULL, values, NULL, NULL, 0);
  else
    answer = PQexecPrepared (self->connection, statement->name, n_params, values, NULL, NULL, 0);

  /* a prepared one stays prepared, unused until the count runs out. A
   * first run, never prepared, was planned for its values: its time says
   * nothing of a plan for any values, and a first run is often slow only
   * because the pages it reads are not in memory yet (a journal page
   * filtered by status: 34 ms on a cluster just started, then every run
   * of the next thousand planned anew for 0.5 ms of its 1.2) */
  if ((statement->name[0] != '\0' || planned) && g_get_monotonic_time () - started > LONG_RUN_USEC)
    statement->planned_runs = PLANNED_RUNS;
  return answer;
}

static AppealsDbResult *
appeals_db_postgres_query (AppealsDb   *db,
                           const char  *sql,
                           GVariant    *params,
                           GError     **error)
{
  AppealsDbPostgres *self = APPEALS_DB_POSTGRES (db);
  gsize n = params != NULL ? g_variant_n_children (params) : 0;
  g_autoptr(GPtrArray) values = g_ptr_array_new_full (n, g_free);
  g_autoptr(AppealsDbResult) result = NULL;
  g_autofree const char **names = NULL;
  g_autofree const char **cells = NULL;
  g_autofree gsize *lengths = NULL;
  gboolean outside;
  PGresult *answer;
  int n_columns, n_rows;

  if (!ensure_connection (self, error))
    return NULL;

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) value = g_variant_get_child_value (params, i);
      g_ptr_array_add (values, param_text (value));
    }

  /* a statement of its own (not in a transaction: it took its effects
   * back when it failed) that a stale cancel stopped runs again; in a
   * transaction, the transaction does (check_result() calls it busy) */
  outside = PQtransactionStatus (self->connection) == PQTRANS_IDLE;
  answer = run_statement (self, appeals_pg_statements_get (self->statements, sql), n, (const char * const *) values->pdata, error);
  if (answer != NULL && outside && is_stale_cancel (self, answer))
    {
      g_debug ("PostgreSQL: a late cancel stopped a statement; running it again");
      PQclear (answer);
      answer = run_statement (self, appeals_pg_statements_get (self->statements, sql), n, (const char * const *) values->pdata, error);
    }
  if (answer == NULL)
    return NULL;
  if (!check_result (self, answer, error))
    {
      PQclear (answer);
      return NULL;
    }

  n_columns = PQnfields (answer);
  n_rows = PQntuples (answer);
  names = g_new0 (const char *, n_columns + 1);
  cells = g_new0 (const char *, n_columns + 1);
  lengths = g_new0 (gsize, n_columns + 1);
  for (int i = 0; i < n_columns; i++)
    names[i] = PQfname (answer, i);
  result = appeals_db_result_new (n_columns, names);

  for (int row = 0; row < n_rows; row++)
    {
      for (int i = 0; i < n_columns; i++)
        {
          cells[i] = PQgetisnull (answer, row, i) ? NULL : PQgetvalue (answer, row, i);
          lengths[i] = PQgetlength (answer, row, i);
        }
      appeals_db_result_add_row (result, cells, lengths);
    }

  PQclear (answer);
  return g_steal_pointer (&result);
}

static gboolean
appeals_db_postgres_exec_script (AppealsDb   *db,
                                 const char  *sql,
                                 GError     **error)
{
  AppealsDbPostgres *self = APPEALS_DB_POSTGRES (db);
  PGresult *answer;
  gboolean ok;

  if (!ensure_connection (self, error))
    return FALSE;

  self->statement_started = g_get_monotonic_time ();
  answer = PQexec (self->connection, sql);
  ok = check_result (self, answer, error);
  PQclear (answer);
  return ok;
}

/* COPY's text format: one line per row, tab between values, \\N for NULL. */
#define LOAD_CHUNK (1 << 20)

static gboolean
send_load (AppealsDbPostgres  *self,
           GError            **error)
{
  if (self->load->len > 0 &&
      PQputCopyData (self->connection, self->load->str, self->load->len) != 1)
    {
      g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_FAILED, "PostgreSQL: %s",
                   PQerrorMessage (self->connection));
      return FALSE;
    }
  g_string_truncate (self->load, 0);
  return TRUE;
}

static gboolean
appeals_db_postgres_load_begin (AppealsDb          *db,
                                const char         *table,
                                const char * const *columns,
                                GError            **error)
{
  AppealsDbPostgres *self = APPEALS_DB_POSTGRES (db);
  g_autofree char *names = g_strjoinv (", ", (char **) columns);
  g_autofree char *sql = g_strdup_printf ("COPY %s (%s) FROM STDIN", table, names);
  PGresult *answer;

  if (!ensure_connection (self, error))
    return FALSE;

  self->statement_started = g_get_monotonic_time ();
  answer = PQexec (self->connection, sql);
  if (PQresultStatus (answer) != PGRES_COPY_IN)
    {
      gboolean ok = check_result (self, answer, error);

      PQclear (answer);
      if (ok)
        g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_FAILED, "PostgreSQL: %s is not a COPY", sql);
      return FALSE;
    }
  PQclear (answer);

  self->load_columns = g_strv_length ((char **) columns);
  g_string_truncate (self->load, 0);
  return TRUE;
}

static gboolean
appeals_db_postgres_load_row (AppealsDb          *db,
                              const char * const *values,
                              GError            **error)
{
  AppealsDbPostgres *self = APPEALS_DB_POSTGRES (db);

  for (guint i = 0; i < self->load_columns; i++)
    {
      if (i > 0)
        g_string_append_c (self->load, '\t');
      if (values[i] == NULL)
        {
          g_string_append (self->load, "\\N");
          continue;
        }
      for (const char *p = values[i]; *p != '\0'; p++)
        switch (*p)
          {
          case '\\': g_string_append (self->load, "\\\\"); break;
          case '\t': g_string_append (self->load, "\\t"); break;
          case '\n': g_string_append (self->load, "\\n"); break;
          case '\r': g_string_append (self->load, "\\r"); break;
          default: g_string_append_c (self->load, *p);
          }
    }
  g_string_append_c (self->load, '\n');

  return self->load->len < LOAD_CHUNK || send_load (self, error);
}

static gboolean
appeals_db_postgres_load_end (AppealsDb  *db,
                              GError    **error)
{
  AppealsDbPostgres *self = APPEALS_DB_POSTGRES (db);
  gboolean ok = send_load (self, error);
  PGresult *answer;

  if (PQputCopyEnd (self->connection, ok ? NULL : "the load failed") != 1 && ok)
    {
      g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_FAILED, "PostgreSQL: %s",
                   PQerrorMessage (self->connection));
      ok = FALSE;
    }
  while ((answer = PQgetResult (self->connection)) != NULL)
    {
      if (ok)
        ok = check_result (self, answer, error);
      PQclear (answer);
    }
  return ok;
}

/* pg_dump, with the connection's own parameters (the password, if any,
 * through the environment rather than the command line). Attachments
 * are rows: the archive has them all. */
static gboolean
appeals_db_postgres_backup (AppealsDb   *db,
                            const char  *destination,
                            GError     **error)
{
  AppealsDbPostgres *self = APPEALS_DB_POSTGRES (db);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *errors = NULL;
  const char *argv[] = { "pg_dump", "--format=custom", "--no-owner", "--file", destination,
                         "--host", PQhost (self->connection), "--port", PQport (self->connection),
                         "--username", PQuser (self->connection), "--dbname", PQdb (self->connection), NULL };

  if (PQpass (self->connection) != NULL && *PQpass (self->connection) != '\0')
    g_subprocess_launcher_setenv (launcher, "PGPASSWORD", PQpass (self->connection), TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &errors, error))
    return FALSE;
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_FAILED, _("pg_dump failed: %s"),
                   errors != NULL ? g_strstrip (errors) : "");
      return FALSE;
    }
  return TRUE;
}

static guint
appeals_db_postgres_get_n_statement_texts (AppealsDb *db)
{
  return appeals_pg_statements_get_size (APPEALS_DB_POSTGRES (db)->statements);
}

static void
appeals_db_postgres_finalize (GObject *object)
{
  AppealsDbPostgres *self = (AppealsDbPostgres *)object;

  g_clear_pointer (&self->statements, appeals_pg_statements_free);
  if (self->cancellable != NULL)
    g_cancellable_disconnect (self->cancellable, self->cancelled_id);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->canceller, canceller_unref);
  g_clear_pointer (&self->connection, PQfinish);
  g_string_free (self->load, TRUE);

  G_OBJECT_CLASS (appeals_db_postgres_parent_class)->finalize (object);
}

/* Attachments in the database itself, so the central deployment has one
 * thing to back up. Blobs travel as base64 text through the same
 * parameter path as everything else. */
static gboolean
appeals_db_postgres_put_blob (AppealsDb   *db,
                              const char  *sha256,
                              GBytes      *content,
                              GError     **error)
{
  gsize size;
  const guchar *data = g_bytes_get_data (content, &size);
  g_autofree char *encoded = g_base64_encode (data, size);

  return appeals_db_exec (db,
                          "INSERT INTO attachment_blobs (sha256, content) VALUES (?, decode(?, 'base64')) "
                          "ON CONFLICT (sha256) DO NOTHING",
                          g_variant_new ("(ss)", sha256, encoded), error);
}

static GBytes *
appeals_db_postgres_get_blob (AppealsDb   *db,
                              const char  *sha256,
                              GError     **error)
{
  g_autoptr(AppealsDbResult) result = NULL;
  guchar *data;
  gsize size;

  result = appeals_db_query (db, "SELECT encode(content, 'base64') AS content FROM attachment_blobs WHERE sha256 = ?",
                             g_variant_new ("(s)", sha256), error);
  if (result == NULL)
    return NULL;
  if (appeals_db_result_get_n_rows (result) == 0)
    {
      g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_FAILED,
                   _("The attachment %s is missing from the database"), sha256);
      return NULL;
    }

  /* GLib's decoder skips the line breaks PostgreSQL puts in base64 */
  data = g_base64_decode (appeals_db_result_get_string (result, 0, "content"), &size);
  return g_bytes_new_take (data, size);
}

static void
send_cancel (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Canceller *canceller = task_data;
  char message[256];

  if (!PQcancel (canceller->cancel, message, sizeof message))
    g_debug ("PostgreSQL: cannot cancel: %s", message);
  g_task_return_boolean (task, TRUE);
}

/* Runs on the thread that cancels (the main loop): hands the request to
 * a thread, so that it does not wait for PostgreSQL to be reached. */
static void
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  AppealsDbPostgres *self = user_data;
  g_autoptr(GTask) task = NULL;

  if (self->canceller == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, canceller_ref (self->canceller), canceller_unref);
  g_task_run_in_thread (task, send_cancel);
}

static void
appeals_db_postgres_watch (AppealsDb    *db,
                           GCancellable *cancellable,
                           guint         timeout_ms)
{
  AppealsDbPostgres *self = APPEALS_DB_POSTGRES (db);

  if (self->cancellable != NULL)
    g_cancellable_disconnect (self->cancellable, self->cancelled_id);
  self->cancelled_id = 0;
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->canceller, canceller_unref);

  if (timeout_ms != self->timeout_ms && PQstatus (self->connection) == CONNECTION_OK)
    {
      g_autofree char *sql = g_strdup_printf ("SET statement_timeout = %u", timeout_ms);
      PGresult *answer = PQexec (self->connection, sql);

      if (PQresultStatus (answer) == PGRES_COMMAND_OK)
        self->timeout_ms = timeout_ms;
      PQclear (answer);
    }

  if (cancellable != NULL)
    {
      self->canceller = g_new0 (Canceller, 1);
      g_atomic_ref_count_init (&self->canceller->ref);
      self->canceller->cancel = PQgetCancel (self->connection);
      self->cancellable = g_object_ref (cancellable);
      self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), self, NULL);
    }
}

static void
appeals_db_postgres_class_init (AppealsDbPostgresClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AppealsDbClass *db_class = APPEALS_DB_CLASS (klass);

  object_class->finalize = appeals_db_postgres_finalize;
  db_class->get_dialect = appeals_db_postgres_get_dialect;
  db_class->query = appeals_db_postgres_query;
  db_class->exec_script = appeals_db_postgres_exec_script;
  db_class->put_blob = appeals_db_postgres_put_blob;
  db_class->get_blob = appeals_db_postgres_get_blob;
  db_class->load_begin = appeals_db_postgres_load_begin;
  db_class->load_row = appeals_db_postgres_load_row;
  db_class->load_end = appeals_db_postgres_load_end;
  db_class->backup = appeals_db_postgres_backup;
  db_class->watch = appeals_db_postgres_watch;
  db_class->get_n_statement_texts = appeals_db_postgres_get_n_statement_texts;
}

static void
appeals_db_postgres_init (AppealsDbPostgres *self)
{
  self->statements = appeals_pg_statements_new ();
  self->load = g_string_new (NULL);
}

static void
ignore_notice (void       *arg,
               const char *message)
{
  g_debug ("PostgreSQL: %s", message);
}

AppealsDb *
appeals_db_postgres_open (const char  *conninfo,
                          GError     **error)
{
  g_autoptr(AppealsDbPostgres) self = g_object_new (APPEALS_TYPE_DB_POSTGRES, NULL);

  self->connection = PQconnectdb (conninfo);
  if (PQstatus (self->connection) != CONNECTION_OK)
    {
      g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CONNECTION,
                   _("Cannot connect to PostgreSQL: %s"), PQerrorMessage (self->connection));
      return NULL;
    }

  PQsetNoticeProcessor (self->connection, ignore_notice, NULL);
  /* no JIT: it compiled every statement above a cost of 100,000, 5–13 ms
   * of a sorted search at 1,000,000 appeals, and the analytics ran as
   * fast without it */
  if (!appeals_db_exec_script (APPEALS_DB (self),
                               "SET client_min_messages = warning; SET client_encoding = 'UTF8'; "
                               "SET TIME ZONE 'UTC'; SET jit = off",
                               error))
    return NULL;

  return APPEALS_DB (g_steal_pointer (&self));
}
