/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-db.c: the storage driver base class — opening by location,
 * transactions with retries of transient conflicts, schema migrations.
 * The results both backends fill are in appeals-db-result.c.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "appeals-db-private.h"

#define MAX_ATTEMPTS 20
#define FIRST_BACKOFF_US 2000
#define MAX_BACKOFF_US 200000

G_DEFINE_QUARK (appeals-db-error-quark, appeals_db_error)

typedef struct
{
  guint64 n_statements;
  gboolean in_transaction;   /* inside the func of appeals_db_run_transaction() */
  gboolean begin_pending;    /* a read transaction on PostgreSQL, not begun yet */
} AppealsDbPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AppealsDb, appeals_db, G_TYPE_OBJECT)

/* appeals_db_log_statements_to(): every connection's statements, one a line */
static FILE *statement_log;
static GMutex statement_log_lock;

static void
appeals_db_class_init (AppealsDbClass *klass)
{
}

static void
appeals_db_init (AppealsDb *self)
{
}

/**
 * appeals_db_open:
 * @location: "postgresql://…", "postgres://…" or "key=value … dbname=…"
 *   for PostgreSQL; anything else is a SQLite file
 */
AppealsDb *
appeals_db_open (const char  *location,
                 GError     **error)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://") ||
      strstr (location, "dbname=") != NULL)
    {
#ifdef HAVE_POSTGRESQL
      return appeals_db_postgres_open (location, error);
#else
      g_set_error_literal (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CONNECTION,
                           _("This server was built without PostgreSQL support"));
      return NULL;
#endif
    }

  return appeals_db_sqlite_open (location, error);
}

AppealsDbDialect
appeals_db_get_dialect (AppealsDb *self)
{
  g_return_val_if_fail (APPEALS_IS_DB (self), APPEALS_DB_DIALECT_SQLITE);

  return APPEALS_DB_GET_CLASS (self)->get_dialect (self);
}

static void
log_statement (const char *sql,
               GVariant   *params)
{
  g_autoptr(GVariant) line = g_variant_ref_sink (g_variant_new ("(sv)", sql, params != NULL ? params
                                                                : g_variant_new_tuple (NULL, 0)));
  g_autofree char *text = g_variant_print (line, FALSE);

  g_mutex_lock (&statement_log_lock);
  fprintf (statement_log, "%s\n", text);
  g_mutex_unlock (&statement_log_lock);
}

/* What a SELECT may still do besides reading: lock rows, take a lock,
 * move a sequence, set a setting, make a table. */
static const char * const effects[] = {
  "for update", "for no key update", "for share", "for key share",
  "pg_advisory", "nextval", "setval", "set_config", "pg_notify", " into ",
};

/* Whether @sql only reads, so that on PostgreSQL it may run before its
 * read transaction begins (see begin_transaction()). Anything in doubt —
 * a write, SET, a WITH that could hold one, a SELECT that locks — is not:
 * it begins the transaction first, as before. */
static gboolean
is_plain_read (const char *sql)
{
  g_autofree char *folded = NULL;

  while (g_ascii_isspace (*sql))
    sql++;
  if (g_ascii_strncasecmp (sql, "SELECT", 6) != 0 || !g_ascii_isspace (sql[6]))
    return FALSE;

  folded = g_ascii_strdown (sql, -1);
  for (guint i = 0; i < G_N_ELEMENTS (effects); i++)
    if (strstr (folded, effects[i]) != NULL)
      return FALSE;
  return TRUE;
}

/* The BEGIN of a read transaction, sent before its first statement that
 * is not a plain read. */
static gboolean
begin_pending (AppealsDb  *self,
               GError    **error)
{
  AppealsDbPrivate *priv = appeals_db_get_instance_private (self);

  priv->begin_pending = FALSE;
  return appeals_db_exec (self, "BEGIN ISOLATION LEVEL READ COMMITTED", NULL, error);
}

/**
 * appeals_db_query:
 * @params: (nullable): a tuple; a floating reference is consumed
 */
AppealsDbResult *
appeals_db_query (AppealsDb   *self,
                  const char  *sql,
                  GVariant    *params,
                  GError     **error)
{
  g_autoptr(GVariant) owned = params != NULL ? g_variant_ref_sink (params) : NULL;
  AppealsDbPrivate *priv;

  g_return_val_if_fail (APPEALS_IS_DB (self), NULL);
  g_return_val_if_fail (owned == NULL || g_variant_is_of_type (owned, G_VARIANT_TYPE_TUPLE), NULL);

  priv = appeals_db_get_instance_private (self);
  if (priv->begin_pending && !is_plain_read (sql) && !begin_pending (self, error))
    return NULL;
  priv->n_statements++;
  if (G_UNLIKELY (statement_log != NULL))
    log_statement (sql, owned);
  return APPEALS_DB_GET_CLASS (self)->query (self, sql, owned, error);
}

/**
 * appeals_db_log_statements_to:
 * @path: a file to append to
 *
 * From now on, every statement that appeals_db_query() runs, on any
 * connection, is appended to @path with its parameters, one line each:
 * the GVariant text of `(sql, <params>)`, which g_variant_parse() reads
 * back with the type `(sv)` (an empty tuple for no parameters). A
 * diagnostic, for measuring a request against its own statements run
 * straight (the benchmark's floors); never on a real server, the
 * parameters are personal data.
 */
gboolean
appeals_db_log_statements_to (const char  *path,
                              GError     **error)
{
  FILE *file = fopen (path, "a");

  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  setvbuf (file, NULL, _IOLBF, 0);
  g_mutex_lock (&statement_log_lock);
  g_clear_pointer (&statement_log, fclose);
  statement_log = file;
  g_mutex_unlock (&statement_log_lock);
  return TRUE;
}

/**
 * appeals_db_get_statement_count:
 *
 * Returns: how many statements appeals_db_query() and appeals_db_exec()
 *   have run on this connection since it was opened, BEGIN and COMMIT
 *   included where they were sent (a read transaction on PostgreSQL that
 *   only reads sends neither; migration scripts are not counted). A
 *   measure, for tests that prove a list costs a fixed number of
 *   statements however long it is.
 */
guint64
appeals_db_get_statement_count (AppealsDb *self)
{
  g_return_val_if_fail (APPEALS_IS_DB (self), 0);

  return ((AppealsDbPrivate *) appeals_db_get_instance_private (self))->n_statements;
}

/**
 * appeals_db_get_n_statement_texts:
 *
 * Returns: how many SQL texts the connection keeps, prepared or known;
 *   bounded however many different ones it has run. A measure, for tests.
 */
guint
appeals_db_get_n_statement_texts (AppealsDb *self)
{
  g_return_val_if_fail (APPEALS_IS_DB (self), 0);

  return APPEALS_DB_GET_CLASS (self)->get_n_statement_texts (self);
}

/**
 * appeals_db_watch:
 * @cancellable: (nullable): stops the statements when cancelled
 * @timeout_ms: the longest a statement may run, 0 for no limit
 *
 * Until called again, a statement of this connection that runs longer
 * than @timeout_ms, or is running when @cancellable is cancelled (from
 * any thread), fails with %APPEALS_DB_ERROR_CANCELLED.
 */
void
appeals_db_watch (AppealsDb    *self,
                  GCancellable *cancellable,
                  guint         timeout_ms)
{
  g_return_if_fail (APPEALS_IS_DB (self));

  APPEALS_DB_GET_CLASS (self)->watch (self, cancellable, timeout_ms);
}

gboolean
appeals_db_exec (AppealsDb   *self,
                 const char  *sql,
                 GVariant    *params,
                 GError     **error)
{
  g_autoptr(AppealsDbResult) result = appeals_db_query (self, sql, params, error);

  return result != NULL;
}

gboolean
appeals_db_exec_script (AppealsDb   *self,
                        const char  *sql,
                        GError     **error)
{
  g_return_val_if_fail (APPEALS_IS_DB (self), FALSE);

  if (((AppealsDbPrivate *) appeals_db_get_instance_private (self))->begin_pending && !begin_pending (self, error))
    return FALSE;
  return APPEALS_DB_GET_CLASS (self)->exec_script (self, sql, error);
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/**
 * appeals_db_put_blob:
 * @sha256: the lower-case hex SHA-256 of @content; the caller computed it
 *
 * Keeps an attachment's content. Storing the same content twice is
 * harmless: blobs are addressed by their checksum.
 */
gboolean
appeals_db_put_blob (AppealsDb   *self,
                     const char  *sha256,
                     GBytes      *content,
                     GError     **error)
{
  g_return_val_if_fail (APPEALS_IS_DB (self), FALSE);
  g_return_val_if_fail (is_sha256 (sha256), FALSE);

  return APPEALS_DB_GET_CLASS (self)->put_blob (self, sha256, content, error);
}

/**
 * appeals_db_backup:
 * @destination: a file that does not exist yet
 *
 * Copies the database while it is in use. SQLite: an online copy of the
 * file (VACUUM INTO) and then its attachments into "@destination.attachments"
 * — a database of its own that a server can be started on. PostgreSQL: a
 * pg_dump archive (custom format) that pg_restore reads.
 */
gboolean
appeals_db_backup (AppealsDb   *self,
                   const char  *destination,
                   GError     **error)
{
  g_return_val_if_fail (APPEALS_IS_DB (self), FALSE);

  if (g_file_test (destination, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_FAILED,
                   _("“%s” already exists: a backup never overwrites a file"), destination);
      return FALSE;
    }
  return APPEALS_DB_GET_CLASS (self)->backup (self, destination, error);
}

/**
 * appeals_db_get_blob:
 *
 * Returns: (transfer full): the content stored under @sha256, or %NULL
 * with an error. The caller checks the checksum.
 */
GBytes *
appeals_db_get_blob (AppealsDb   *self,
                     const char  *sha256,
                     GError     **error)
{
  g_return_val_if_fail (APPEALS_IS_DB (self), NULL);
  g_return_val_if_fail (is_sha256 (sha256), NULL);

  return APPEALS_DB_GET_CLASS (self)->get_blob (self, sha256, error);
}

/**
 * appeals_db_load_begin:
 * @columns: %NULL-terminated column names of @table
 *
 * Starts a bulk load; appeals_db_load_row() then takes as many values
 * per row as there are @columns.
 */
gboolean
appeals_db_load_begin (AppealsDb          *self,
                       const char         *table,
                       const char * const *columns,
                       GError            **error)
{
  g_return_val_if_fail (APPEALS_IS_DB (self), FALSE);
  g_return_val_if_fail (table != NULL && columns != NULL && columns[0] != NULL, FALSE);

  return APPEALS_DB_GET_CLASS (self)->load_begin (self, table, columns, error);
}

gboolean
appeals_db_load_row (AppealsDb          *self,
                     const char * const *values,
                     GError            **error)
{
  g_return_val_if_fail (APPEALS_IS_DB (self), FALSE);

  return APPEALS_DB_GET_CLASS (self)->load_row (self, values, error);
}

gboolean
appeals_db_load_end (AppealsDb  *self,
                     GError    **error)
{
  g_return_val_if_fail (APPEALS_IS_DB (self), FALSE);

  return APPEALS_DB_GET_CLASS (self)->load_end (self, error);
}

static void
roll_back (AppealsDb *self)
{
  AppealsDbPrivate *priv = appeals_db_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  if (priv->begin_pending)
    {
      priv->begin_pending = FALSE;
      return;
    }
  if (!appeals_db_exec (self, "ROLLBACK", NULL, &error))
    g_debug ("rollback failed: %s", error->message);
}

static gboolean
commit (AppealsDb  *self,
        GError    **error)
{
  AppealsDbPrivate *priv = appeals_db_get_instance_private (self);

  if (priv->begin_pending)
    {
      priv->begin_pending = FALSE;
      return TRUE;
    }
  return appeals_db_exec (self, "COMMIT", NULL, error);
}

/* PostgreSQL: every writer holds this lock around its transaction, so
 * that writers run one at a time, as BEGIN IMMEDIATE makes them on SQLite
 * (and as one connection made them before the worker pool): a handler that
 * reads a state and then writes is not overtaken by another between the
 * two. Readers take no lock. It is taken before BEGIN (a transaction may
 * still set its isolation level first) and is not counted as one of the
 * request's statements. */
#define WRITERS_LOCK_KEY "1634758764"

static gboolean
lock_writers (AppealsDb  *self,
              gboolean    reader,
              GError    **error)
{
  if (reader || appeals_db_get_dialect (self) != APPEALS_DB_DIALECT_POSTGRESQL)
    return TRUE;
  return appeals_db_exec_script (self, "SELECT pg_advisory_lock (" WRITERS_LOCK_KEY ")", error);
}

static void
unlock_writers (AppealsDb *self,
                gboolean   reader)
{
  g_autoptr(GError) error = NULL;

  if (reader || appeals_db_get_dialect (self) != APPEALS_DB_DIALECT_POSTGRESQL)
    return;
  if (!appeals_db_exec_script (self, "SELECT pg_advisory_unlock (" WRITERS_LOCK_KEY ")", &error))
    g_warning ("cannot release the writers' lock: %s", error->message);
}

/* On PostgreSQL a read transaction begins at its first statement that is
 * not a plain read (is_plain_read()), and ends with no COMMIT if it had
 * none: at READ COMMITTED each statement reads its own snapshot inside a
 * transaction or out of one, so the SELECTs before are the same, and a
 * journal page or a search spares two round trips to the database. What
 * it writes is still one transaction. On SQLite a read transaction is
 * one snapshot for all its statements, and BEGIN costs no round trip:
 * it begins at once. */
static gboolean
begin_transaction (AppealsDb  *self,
                   gboolean    reader,
                   GError    **error)
{
  if (appeals_db_get_dialect (self) == APPEALS_DB_DIALECT_SQLITE)
    return appeals_db_exec (self, reader ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE", NULL, error);
  if (reader)
    {
      ((AppealsDbPrivate *) appeals_db_get_instance_private (self))->begin_pending = TRUE;
      return TRUE;
    }
  return appeals_db_exec (self, "BEGIN ISOLATION LEVEL READ COMMITTED", NULL, error);
}

/* SQLite takes the write lock at BEGIN IMMEDIATE, so transactions queue
 * instead of failing at commit. PostgreSQL runs at READ COMMITTED, where
 * writers wait on the writers' lock and on row locks; serialization
 * failures and deadlocks are still retried here, in the one place the
 * engineering notes ask for.
 *
 * A read transaction (@reader) that turns out to write and meets a writer
 * is BUSY at once, without waiting: it is run again as a writer, which
 * queues for the lock. */
static gboolean
run_transaction (AppealsDb                *self,
                 gboolean                  reader,
                 AppealsDbTransactionFunc  func,
                 gpointer                  user_data,
                 GError                  **error)
{
  AppealsDbPrivate *priv = appeals_db_get_instance_private (self);
  guint backoff = FIRST_BACKOFF_US;

  /* nested: join the transaction in progress; a BUSY error reaches the
   * outer loop, which runs the whole outer func again */
  if (priv->in_transaction)
    {
      g_autoptr(GError) local_error = NULL;

      if (func (self, user_data, &local_error))
        return TRUE;
      if (local_error == NULL)
        g_set_error_literal (&local_error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_FAILED, "transaction failed");
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint attempt = 1; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean locked = lock_writers (self, reader, &local_error);
      gboolean begun = locked && begin_transaction (self, reader, &local_error);
      gboolean done = FALSE;

      if (begun)
        {
          priv->in_transaction = TRUE;
          done = func (self, user_data, &local_error);
          priv->in_transaction = FALSE;
        }

      if (done && commit (self, &local_error))
        {
          unlock_writers (self, reader);
          return TRUE;
        }

      if (begun)
        roll_back (self);
      if (locked)
        unlock_writers (self, reader);

      if (local_error == NULL)
        {
          /* func failed without saying why: treat as a plain failure */
          g_set_error_literal (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_FAILED, "transaction failed");
          return FALSE;
        }

      if (!g_error_matches (local_error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_BUSY) || attempt == MAX_ATTEMPTS)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_debug ("transaction busy (attempt %u): %s", attempt, local_error->message);
      reader = FALSE;
      g_usleep (backoff / 2 + g_random_int_range (0, backoff / 2 + 1));
      backoff = MIN (backoff * 2, MAX_BACKOFF_US);
    }
}

gboolean
appeals_db_run_transaction (AppealsDb                *self,
                            AppealsDbTransactionFunc  func,
                            gpointer                  user_data,
                            GError                  **error)
{
  return run_transaction (self, FALSE, func, user_data, error);
}

gboolean
appeals_db_run_read_transaction (AppealsDb                *self,
                                 AppealsDbTransactionFunc  func,
                                 gpointer                  user_data,
                                 GError                  **error)
{
  return run_transaction (self, TRUE, func, user_data, error);
}

typedef struct
{
  const char *version;
  const char *script;
  gboolean    applied;
} Migration;

static gboolean
apply_migration (AppealsDb  *self,
                 gpointer    user_data,
                 GError    **error)
{
  Migration *migration = user_data;
  g_autoptr(AppealsDbResult) seen = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);

  migration->applied = FALSE;

  /* two servers starting together: the second waits here, then sees the
   * version applied */
  if (appeals_db_get_dialect (self) == APPEALS_DB_DIALECT_POSTGRESQL &&
      !appeals_db_exec (self, "SELECT pg_advisory_xact_lock (7431)", NULL, error))
    return FALSE;

  seen = appeals_db_query (self, "SELECT version FROM schema_migrations WHERE version = ?",
                           g_variant_new ("(s)", migration->version), error);
  if (seen == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (seen) > 0)
    return TRUE;

  if (!appeals_db_exec_script (self, migration->script, error))
    return FALSE;

  if (!appeals_db_exec (self, "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                        g_variant_new ("(ss)", migration->version, now_text), error))
    return FALSE;

  migration->applied = TRUE;
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/**
 * appeals_db_migrate:
 * @migrations_dir: a folder of NNNN-name.sql files
 *
 * Applies the files not applied yet, in name order, each in its own
 * transaction together with its entry in schema_migrations.
 */
gboolean
appeals_db_migrate (AppealsDb   *self,
                    const char  *migrations_dir,
                    GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  const char *name;

  if (!appeals_db_exec_script (self,
                               "CREATE TABLE IF NOT EXISTS schema_migrations ("
                               " version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
                               &local_error) &&
      /* another process may have created it at the same moment */
      !g_error_matches (local_error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CONSTRAINT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  dir = g_dir_open (migrations_dir, 0, error);
  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".sql"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (migrations_dir, file, NULL);
      g_autofree char *script = NULL;
      g_autofree char *version = g_strndup (file, strlen (file) - strlen (".sql"));
      Migration migration = { version, NULL, FALSE };

      if (!g_file_get_contents (path, &script, NULL, error))
        return FALSE;
      migration.script = script;

      if (!appeals_db_run_transaction (self, apply_migration, &migration, &local_error))
        {
          g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_MIGRATION,
                       _("The schema migration “%s” failed: %s"), file, local_error->message);
          return FALSE;
        }

      if (migration.applied)
        g_message ("applied schema migration %s", version);
    }

  return TRUE;
}
