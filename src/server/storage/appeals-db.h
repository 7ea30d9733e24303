/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-db.h: the storage driver interface of appeals-server.
 *
 * One interface, two backends: SQLite (embedded default) and PostgreSQL 15
 * (central deployment). The repository code above it is written once, in a
 * common SQL subset with "?" placeholders (the PostgreSQL backend rewrites
 * them to $1..$n outside string literals); the few places where the dialects
 * differ (full-text search, upserts) ask appeals_db_get_dialect().
 *
 * Threading: an AppealsDb is used by one thread at a time: the server's
 * main loop has one, and each worker of the pool takes one for a request
 * (appeals-workers.c). appeals_db_watch() is the one call that reaches
 * across: cancelling its cancellable from another thread stops the
 * statement running.
 *
 * Parameters are a GVariant tuple (floating references are sunk):
 *   "s" text, "x" int64, "i" int32, "b" boolean, "d" double,
 *   "m…" maybe types for SQL NULL.
 * Results are read back as text cells with a NULL flag; the typed getters
 * parse them.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define APPEALS_DB_ERROR (appeals_db_error_quark ())

typedef enum
{
  APPEALS_DB_ERROR_FAILED,
  APPEALS_DB_ERROR_BUSY,        /* retryable: SQLITE_BUSY/LOCKED, SQLSTATE 40001/40P01 */
  APPEALS_DB_ERROR_CONSTRAINT,  /* unique, foreign key or check violation */
  APPEALS_DB_ERROR_CONNECTION,  /* cannot open or lost the connection */
  APPEALS_DB_ERROR_MIGRATION,   /* a schema migration failed */
  APPEALS_DB_ERROR_CANCELLED,   /* stopped: cancelled or over the statement timeout */
} AppealsDbErrorCode;

typedef enum
{
  APPEALS_DB_DIALECT_SQLITE,
  APPEALS_DB_DIALECT_POSTGRESQL,
} AppealsDbDialect;

GQuark appeals_db_error_quark (void);

typedef struct _AppealsDbResult AppealsDbResult;

#define APPEALS_TYPE_DB (appeals_db_get_type ())
G_DECLARE_DERIVABLE_TYPE (AppealsDb, appeals_db, APPEALS, DB, GObject)

struct _AppealsDbClass
{
  GObjectClass parent_class;

  AppealsDbDialect  (*get_dialect) (AppealsDb    *self);
  /* Runs one statement; returns a result (possibly with zero rows) or NULL. */
  AppealsDbResult  *(*query)       (AppealsDb    *self,
                                    const char   *sql,
                                    GVariant     *params,
                                    GError      **error);
  /* Runs a script of several statements without parameters (migrations). */
  gboolean          (*exec_script) (AppealsDb    *self,
                                    const char   *sql,
                                    GError      **error);
  /* Content-addressed file storage for attachments, keyed by SHA-256. A
   * stored blob is durable when put_blob returns. */
  gboolean          (*put_blob)    (AppealsDb    *self,
                                    const char   *sha256,
                                    GBytes       *content,
                                    GError      **error);
  GBytes           *(*get_blob)    (AppealsDb    *self,
                                    const char   *sha256,
                                    GError      **error);
  /* Bulk loading: COPY on PostgreSQL, one prepared INSERT on SQLite. */
  gboolean          (*load_begin)  (AppealsDb          *self,
                                    const char         *table,
                                    const char * const *columns,
                                    GError            **error);
  gboolean          (*load_row)    (AppealsDb          *self,
                                    const char * const *values,
                                    GError            **error);
  gboolean          (*load_end)    (AppealsDb          *self,
                                    GError            **error);
  /* Statements stop with APPEALS_DB_ERROR_CANCELLED when @cancellable
   * is cancelled (from any thread) or after @timeout_ms (0: never). */
  void              (*watch)       (AppealsDb    *self,
                                    GCancellable *cancellable,
                                    guint         timeout_ms);
  /* A consistent copy of everything while the server runs. */
  gboolean          (*backup)      (AppealsDb    *self,
                                    const char   *destination,
                                    GError      **error);
  /* The SQL texts the connection keeps prepared or known. */
  guint             (*get_n_statement_texts) (AppealsDb *self);
};

/* Opens "postgresql://…" / "postgres://…" / "host=… dbname=…" with libpq,
 * anything else as a SQLite file path (created if missing). */
AppealsDb        *appeals_db_open              (const char   *location,
                                                GError      **error);

AppealsDbDialect  appeals_db_get_dialect       (AppealsDb    *self);

AppealsDbResult  *appeals_db_query             (AppealsDb    *self,
                                                const char   *sql,
                                                GVariant     *params,
                                                GError      **error);
gboolean          appeals_db_exec              (AppealsDb    *self,
                                                const char   *sql,
                                                GVariant     *params,
                                                GError      **error);
gboolean          appeals_db_exec_script       (AppealsDb    *self,
                                                const char   *sql,
                                                GError      **error);
guint64           appeals_db_get_statement_count (AppealsDb  *self);
guint             appeals_db_get_n_statement_texts (AppealsDb *self);
gboolean          appeals_db_log_statements_to   (const char *path,
                                                  GError    **error);
void              appeals_db_watch             (AppealsDb    *self,
                                                GCancellable *cancellable,
                                                guint         timeout_ms);

/* Applies data/sql/<dialect>/NNNN-*.sql in order, each in its own
 * transaction, recording applied versions in schema_migrations.
 * Safe to run twice and from two processes at once. */
gboolean          appeals_db_put_blob          (AppealsDb    *self,
                                                const char   *sha256,
                                                GBytes       *content,
                                                GError      **error);
GBytes           *appeals_db_get_blob          (AppealsDb    *self,
                                                const char   *sha256,
                                                GError      **error);

gboolean          appeals_db_backup            (AppealsDb    *self,
                                                const char   *destination,
                                                GError      **error);

gboolean          appeals_db_migrate           (AppealsDb    *self,
                                                const char   *migrations_dir,
                                                GError      **error);

typedef gboolean (*AppealsDbTransactionFunc)   (AppealsDb    *db,
                                                gpointer      user_data,
                                                GError      **error);

/* BEGIN (IMMEDIATE on SQLite), func, COMMIT. On APPEALS_DB_ERROR_BUSY from
 * any step it rolls back and runs func again with a short jittered back-off,
 * a bounded number of times; when retries run out the BUSY error is
 * returned (the API answers 503 with Retry-After). Any other error rolls back
 * and is returned as is. func must therefore be safe to run again.
 * Called from inside func on the same db, it joins the transaction in
 * progress: its func runs once and its error goes to the outer func (a
 * BUSY one, handed on, makes the whole outer func run again). */
gboolean          appeals_db_run_transaction   (AppealsDb                *self,
                                                AppealsDbTransactionFunc  func,
                                                gpointer                  user_data,
                                                GError                  **error);

/* The same for a transaction that mostly reads (GET): on SQLite it
 * starts DEFERRED, so that readers on other connections run side by side
 * on their WAL snapshots; a write inside it takes the lock then, and if
 * that is BUSY (a writer was there first) it runs again as
 * appeals_db_run_transaction() would. */
gboolean          appeals_db_run_read_transaction (AppealsDb             *self,
                                                AppealsDbTransactionFunc  func,
                                                gpointer                  user_data,
                                                GError                  **error);

/* Bulk loading, for the data generator: rows of text values (NULL for
 * SQL NULL, one per column) go into @table, as COPY … FROM STDIN on
 * PostgreSQL and a prepared INSERT on SQLite. One load at a time per
 * connection, inside the caller's transaction; no other statement runs
 * between begin and end. */
gboolean          appeals_db_load_begin        (AppealsDb          *self,
                                                const char         *table,
                                                const char * const *columns,
                                                GError            **error);
gboolean          appeals_db_load_row          (AppealsDb          *self,
                                                const char * const *values,
                                                GError            **error);
gboolean          appeals_db_load_end          (AppealsDb          *self,
                                                GError            **error);

/* Results */
guint             appeals_db_result_get_n_rows     (AppealsDbResult *result);
guint             appeals_db_result_get_n_columns  (AppealsDbResult *result);
const char       *appeals_db_result_get_column_name (AppealsDbResult *result,
                                                     guint            column);
int               appeals_db_result_find_column    (AppealsDbResult *result,
                                                    const char      *name);
const char       *appeals_db_result_get_cell       (AppealsDbResult *result,
                                                    guint            row,
                                                    guint            column);
gboolean          appeals_db_result_is_null        (AppealsDbResult *result,
                                                    guint            row,
                                                    const char      *column);
const char       *appeals_db_result_get_string     (AppealsDbResult *result,
                                                    guint            row,
                                                    const char      *column);
gint64            appeals_db_result_get_int64      (AppealsDbResult *result,
                                                    guint            row,
                                                    const char      *column);
gboolean          appeals_db_result_get_boolean    (AppealsDbResult *result,
                                                    guint            row,
                                                    const char      *column);
double            appeals_db_result_get_double     (AppealsDbResult *result,
                                                    guint            row,
                                                    const char      *column);
void              appeals_db_result_free           (AppealsDbResult *result);

/* For backends: build a result row by row. */
AppealsDbResult  *appeals_db_result_new            (guint              n_columns,
                                                    const char * const *column_names);
void              appeals_db_result_add_row        (AppealsDbResult   *result,
                                                    const char * const *cells,  /* NULL cell = SQL NULL */
                                                    const gsize        *lengths); /* nullable */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsDbResult, appeals_db_result_free)

G_END_DECLS
