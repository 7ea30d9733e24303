/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-db-sqlite.c: the embedded SQLite backend.
 *
 * WAL with synchronous=FULL: an acknowledged commit survives a crash and a
 * power loss. Prepared statements are cached by their SQL text, since the
 * server runs the same few queries thousands of times; statements shaped
 * by a request (an UPDATE of the columns it changed, a list of ids) are
 * many and mostly rare, so the cache is bounded. appeals_fold() is
 * the search folding (lower case, ё as е) available to SQL, and
 * appeals_search_words() the words of the text index
 * (appeals-db-sqlite-words.c), appeals_repeat_count() the figures of the
 * repeat applicants (appeals-db-sqlite-repeat.c), appeals_tally() several
 * GROUP BYs in one pass (appeals-db-sqlite-tally.c).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "appeals-db-private.h"
#include "appeals-db-sqlite-repeat.h"
#include "appeals-db-sqlite-tally.h"
#include "appeals-db-sqlite-words.h"
#include "appeals-text.h"

#define BUSY_TIMEOUT_MS 5000

typedef struct _AppealsDbSqlite AppealsDbSqlite;

struct _AppealsDbSqlite
{
  AppealsDb    parent_instance;

  sqlite3     *db;
  GHashTable  *statements;   /* SQL text → sqlite3_stmt */
  char        *blob_dir;     /* attachments live beside the database */
  sqlite3_stmt *load;        /* the bulk load's INSERT, borrowed from statements */
  GCancellable *cancellable; /* see appeals_db_watch() */
  gint64       timeout_usec;
  gint64       statement_started;
  gint64       busy_since;
  gboolean     interruptible;
};

/* How many virtual machine instructions between two looks at the
 * cancellable and the clock. */
#define PROGRESS_INSTRUCTIONS 4000

#define APPEALS_TYPE_DB_SQLITE (appeals_db_sqlite_get_type ())
G_DECLARE_FINAL_TYPE (AppealsDbSqlite, appeals_db_sqlite, APPEALS, DB_SQLITE, AppealsDb)
G_DEFINE_FINAL_TYPE (AppealsDbSqlite, appeals_db_sqlite, APPEALS_TYPE_DB)

static void
set_error (AppealsDbSqlite  *self,
           int               code,
           GError          **error)
{
  int primary = code & 0xff;
  AppealsDbErrorCode kind = APPEALS_DB_ERROR_FAILED;

  /* a wait for another connection's lock given up because the client
   * went away is a cancellation, not a conflict to retry */
  if ((primary == SQLITE_BUSY || primary == SQLITE_LOCKED) &&
      self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable))
    kind = APPEALS_DB_ERROR_CANCELLED;
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    kind = APPEALS_DB_ERROR_BUSY;
  else if (primary == SQLITE_CONSTRAINT)
    kind = APPEALS_DB_ERROR_CONSTRAINT;
  else if (primary == SQLITE_CANTOPEN || primary == SQLITE_NOTADB)
    kind = APPEALS_DB_ERROR_CONNECTION;
  else if (primary == SQLITE_INTERRUPT)
    kind = APPEALS_DB_ERROR_CANCELLED;

  g_set_error (error, APPEALS_DB_ERROR, kind, "SQLite: %s", sqlite3_errmsg (self->db));
}

static AppealsDbDialect
appeals_db_sqlite_get_dialect (AppealsDb *db)
{
  return APPEALS_DB_DIALECT_SQLITE;
}

static int
bind_value (sqlite3_stmt *statement,
            int           index,
            GVariant     *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_MAYBE))
    {
      g_autoptr(GVariant) inner = g_variant_get_maybe (value);

      return inner != NULL ? bind_value (statement, index, inner) : sqlite3_bind_null (statement, index);
    }

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return sqlite3_bind_text (statement, index, g_variant_get_string (value, NULL), -1, SQLITE_TRANSIENT);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return sqlite3_bind_int64 (statement, index, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    return sqlite3_bind_int64 (statement, index, g_variant_get_int32 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return sqlite3_bind_int (statement, index, g_variant_get_boolean (value) ? 1 : 0);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return sqlite3_bind_double (statement, index, g_variant_get_double (value));

  g_critical ("cannot bind a parameter of type %s", g_variant_get_type_string (value));
  return SQLITE_MISUSE;
}

static gboolean
bind (AppealsDbSqlite  *self,
      sqlite3_stmt     *statement,
      GVariant         *params,
      GError          **error)
{
  gsize n = params != NULL ? g_variant_n_children (params) : 0;

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) value = g_variant_get_child_value (params, i);
      int rc = bind_value (statement, i + 1, value);

      if (rc != SQLITE_OK)
        {
          set_error (self, rc, error);
          return FALSE;
        }
    }

  return TRUE;
}

/* Far more than the statements a server runs over and over. */
#define STATEMENT_CACHE_SIZE 512

static gboolean
is_not_the_load (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  AppealsDbSqlite *self = user_data;

  return value != self->load;
}

static sqlite3_stmt *
prepare (AppealsDbSqlite  *self,
         const char       *sql,
         GError          **error)
{
  sqlite3_stmt *statement = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (statement != NULL)
    {
      sqlite3_reset (statement);
      sqlite3_clear_bindings (statement);
      return statement;
    }

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &statement, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (self, rc, error);
      return NULL;
    }

  /* every statement is stepped to its end before the next is prepared:
   * none but the bulk load's is in use here */
  if (g_hash_table_size (self->statements) >= STATEMENT_CACHE_SIZE)
    g_hash_table_foreach_remove (self->statements, is_not_the_load, self);
  g_hash_table_insert (self->statements, g_strdup (sql), statement);
  return statement;
}

/* An INTEGER's decimal text, written here rather than by SQLite, which
 * would format it with its printf and keep the text in the column's
 * value: a page's ids, counts and flags are most of its cells. */
static const char *
integer_text (sqlite3_int64  value,
              char          *buffer,
              gsize         *length)
{
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  char *at = buffer + G_ASCII_DTOSTR_BUF_SIZE;

  *--at = '\0';
  do
    {
      *--at = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    *--at = '-';
  *length = buffer + G_ASCII_DTOSTR_BUF_SIZE - 1 - at;
  return at;
}

/* A cell's text, as PostgreSQL's would be. SQLite writes a REAL with 15
 * significant digits, which does not always read back as the same double
 * (0.30000000000000004 comes back as 0.3); such a value gets the 17 digits
 * that do, as PostgreSQL's text has.
 *
 * The cell is read through its sqlite3_value: each sqlite3_column_*() call
 * would look the column up again and enter the connection's mutex. That
 * value is "unprotected", which SQLite's documentation allows to be read
 * only where no other thread can use the connection: here, where every
 * connection is opened NOMUTEX and used by one thread at a time (the
 * pool's), so that it has no mutex to take anyway.
 *
 * A REAL's text is made once per value and statement: a column of scores
 * takes a few values over and over, and each text costs two conversions
 * and a print. */
#define N_REAL_TEXTS 32

typedef struct
{
  guint64 bits[N_REAL_TEXTS];
  gsize   lengths[N_REAL_TEXTS];   /* 0: an empty slot */
  char    texts[N_REAL_TEXTS][G_ASCII_DTOSTR_BUF_SIZE];
} RealTexts;

static const char *
real_text (RealTexts     *reals,
           sqlite3_value *cell,
           char          *buffer,
           gsize         *length)
{
  double value = sqlite3_value_double (cell);
  const char *text;
  guint64 bits;
  guint slot;

  memcpy (&bits, &value, sizeof bits);
  slot = (guint) ((bits ^ (bits >> 32) ^ (bits >> 17)) % N_REAL_TEXTS);
  if (reals->lengths[slot] == 0 || reals->bits[slot] != bits)
    {
      text = (const char *) sqlite3_value_text (cell);
      if (g_ascii_strtod (text, NULL) != value)
        text = g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.17g", value);
      *length = strlen (text);
      if (*length >= G_ASCII_DTOSTR_BUF_SIZE)
        return text;
      reals->bits[slot] = bits;
      reals->lengths[slot] = *length;
      memmove (reals->texts[slot], text, *length + 1);
    }

  /* copied: another column of the row may take the slot before the row is kept */
  *length = reals->lengths[slot];
  memcpy (buffer, reals->texts[slot], *length + 1);
  return buffer;
}

static const char *
cell_text (sqlite3_stmt *statement,
           int           column,
           RealTexts    *reals,
           char         *buffer,
           gsize        *length)
{
  sqlite3_value *cell = sqlite3_column_value (statement, column);
  const char *text;

  /* the type is asked first: it means nothing after a conversion */
  switch (sqlite3_value_type (cell))
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_INTEGER:
      return integer_text (sqlite3_value_int64 (cell), buffer, length);
    case SQLITE_FLOAT:
      return real_text (reals, cell, buffer, length);
    default:
      text = (const char *) sqlite3_value_text (cell);
      *length = sqlite3_value_bytes (cell);
      return text;
    }
}

static AppealsDbResult *
appeals_db_sqlite_query (AppealsDb   *db,
                         const char  *sql,
                         GVariant    *params,
                         GError     **error)
{
  AppealsDbSqlite *self = APPEALS_DB_SQLITE (db);
  g_autoptr(AppealsDbResult) result = NULL;
  g_autofree const char **names = NULL;
  g_autofree const char **cells = NULL;
  g_autofree gsize *lengths = NULL;
  g_autofree char *numbers = NULL;   /* a text buffer per column for numbers */
  RealTexts reals;
  sqlite3_stmt *statement;
  int n_columns, rc;

  statement = prepare (self, sql, error);
  if (statement == NULL || !bind (self, statement, params, error))
    return NULL;

  /* a ROLLBACK always runs to its end */
  self->interruptible = !g_str_equal (sql, "ROLLBACK");
  self->statement_started = g_get_monotonic_time ();

  n_columns = sqlite3_column_count (statement);
  names = g_new0 (const char *, n_columns + 1);
  cells = g_new0 (const char *, n_columns + 1);
  lengths = g_new0 (gsize, n_columns + 1);
  numbers = g_malloc ((n_columns + 1) * G_ASCII_DTOSTR_BUF_SIZE);
  for (int i = 0; i < n_columns; i++)
    names[i] = sqlite3_column_name (statement, i);
  result = appeals_db_result_new (n_columns, names);
  memset (reals.lengths, 0, sizeof reals.lengths);

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      for (int i = 0; i < n_columns; i++)
        cells[i] = cell_text (statement, i, &reals, numbers + i * G_ASCII_DTOSTR_BUF_SIZE, &lengths[i]);
      appeals_db_result_add_row (result, cells, lengths);
    }

  if (rc != SQLITE_DONE)
    {
      set_error (self, rc, error);
      sqlite3_reset (statement);
      return NULL;
    }

  sqlite3_reset (statement);
  return g_steal_pointer (&result);
}

static gboolean
appeals_db_sqlite_exec_script (AppealsDb   *db,
                               const char  *sql,
                               GError     **error)
{
  AppealsDbSqlite *self = APPEALS_DB_SQLITE (db);
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static char *
blob_path (AppealsDbSqlite *self,
           const char      *sha256)
{
  char prefix[3] = { sha256[0], sha256[1], '\0' };

  return g_build_filename (self->blob_dir, prefix, sha256, NULL);
}

/* Written as "SHA256.PID.part", synced, then renamed: a process killed
 * while writing leaves only a .part file, which the next process to open
 * the database removes once that PID is gone. */
static gboolean
write_blob (const char  *path,
            const char  *data,
            gsize        size,
            GError     **error)
{
  g_autofree char *part = g_strdup_printf ("%s.%d.part", path, (int) getpid ());
  g_autofree char *dir = g_path_get_dirname (path);
  gsize written = 0;
  int fd = g_open (part, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int saved = 0;

  while (fd >= 0 && written < size)
    {
      gssize n = write (fd, data + written, size - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      written += n;
    }
  if (fd < 0 || written < size || fsync (fd) != 0 || close (fd) != 0 || g_rename (part, path) != 0)
    {
      saved = errno;
      g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_FAILED, _("Cannot write the attachment “%s”: %s"),
                   path, g_strerror (saved));
      g_unlink (part);
      return FALSE;
    }
  /* the rename itself is durable once the folder is synced */
  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

/* .part files of processes that are gone: killed while writing a blob. */
static void
remove_unfinished_blobs (const char *blob_dir)
{
  g_autoptr(GDir) prefixes = g_dir_open (blob_dir, 0, NULL);
  const char *prefix;

  while (prefixes != NULL && (prefix = g_dir_read_name (prefixes)) != NULL)
    {
      g_autofree char *dir_path = g_build_filename (blob_dir, prefix, NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          const char *pid_text = strchr (name, '.');
          gint64 pid = pid_text != NULL ? g_ascii_strtoll (pid_text + 1, NULL, 10) : 0;
          g_autofree char *file = g_build_filename (dir_path, name, NULL);

          if (g_str_has_suffix (name, ".part") && pid > 0 && kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
            g_unlink (file);
        }
    }
}

/* Files beside the database, one per content, written durably (fsync
 * and rename) before the row that names them commits. A blob whose row
 * was rolled back is only an unreferenced file. */
static gboolean
appeals_db_sqlite_put_blob (AppealsDb   *db,
                            const char  *sha256,
                            GBytes      *content,
                            GError     **error)
{
  AppealsDbSqlite *self = APPEALS_DB_SQLITE (db);
  g_autofree char *path = blob_path (self, sha256);
  g_autofree char *dir = g_path_get_dirname (path);
  gsize size;
  const char *data = g_bytes_get_data (content, &size);

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_FAILED,
                   _("Cannot create the attachments folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  return write_blob (path, data != NULL ? data : "", size, error);
}

static GBytes *
appeals_db_sqlite_get_blob (AppealsDb   *db,
                            const char  *sha256,
                            GError     **error)
{
  AppealsDbSqlite *self = APPEALS_DB_SQLITE (db);
  g_autofree char *path = blob_path (self, sha256);
  char *data = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &data, &size, error))
    return NULL;

  return g_bytes_new_take (data, size);
}

static gboolean
appeals_db_sqlite_load_begin (AppealsDb          *db,
                              const char         *table,
                              const char * const *columns,
                              GError            **error)
{
  AppealsDbSqlite *self = APPEALS_DB_SQLITE (db);
  g_autofree char *names = g_strjoinv (", ", (char **) columns);
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (%s) VALUES (?", table, names);
  for (guint i = 1; columns[i] != NULL; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");

  self->load = prepare (self, sql->str, error);
  return self->load != NULL;
}

static gboolean
appeals_db_sqlite_load_row (AppealsDb          *db,
                            const char * const *values,
                            GError            **error)
{
  AppealsDbSqlite *self = APPEALS_DB_SQLITE (db);
  int n = sqlite3_bind_parameter_count (self->load);
  int rc;

  for (int i = 0; i < n; i++)
    {
      rc = values[i] != NULL ? sqlite3_bind_text (self->load, i + 1, values[i], -1, SQLITE_STATIC)
                             : sqlite3_bind_null (self->load, i + 1);
      if (rc != SQLITE_OK)
        {
          set_error (self, rc, error);
          return FALSE;
        }
    }

  rc = sqlite3_step (self->load);
  sqlite3_reset (self->load);
  if (rc != SQLITE_DONE)
    {
      set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
appeals_db_sqlite_load_end (AppealsDb  *db,
                            GError    **error)
{
  AppealsDbSqlite *self = APPEALS_DB_SQLITE (db);

  sqlite3_clear_bindings (self->load);
  self->load = NULL;
  return TRUE;
}

/* Blobs are written before the rows that name them commit, and never
 * change: copied after the database, every row of the copy finds its
 * file (a few newer files come along unreferenced). */
static gboolean
copy_blobs (const char  *from,
            const char  *to,
            GError     **error)
{
  g_autoptr(GDir) prefixes = g_dir_open (from, 0, NULL);
  const char *prefix;

  while (prefixes != NULL && (prefix = g_dir_read_name (prefixes)) != NULL)
    {
      g_autofree char *from_dir = g_build_filename (from, prefix, NULL);
      g_autofree char *to_dir = g_build_filename (to, prefix, NULL);
      g_autoptr(GDir) files = g_dir_open (from_dir, 0, error);
      const char *name;

      if (files == NULL || g_mkdir_with_parents (to_dir, 0700) != 0)
        {
          if (files != NULL)
            g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_FAILED,
                         _("Cannot create the attachments folder “%s”: %s"), to_dir, g_strerror (errno));
          return FALSE;
        }
      while ((name = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *from_path = g_build_filename (from_dir, name, NULL);
          g_autofree char *to_path = g_build_filename (to_dir, name, NULL);
          g_autofree char *data = NULL;
          gsize size;

          if (g_str_has_suffix (name, ".part"))
            continue;   /* still being written, by a request not yet committed */
          if (!g_file_get_contents (from_path, &data, &size, error) || !write_blob (to_path, data, size, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
appeals_db_sqlite_backup (AppealsDb   *db,
                          const char  *destination,
                          GError     **error)
{
  AppealsDbSqlite *self = APPEALS_DB_SQLITE (db);
  g_autofree char *absolute = g_canonicalize_filename (destination, NULL);
  g_autofree char *blobs = g_strconcat (absolute, ".attachments", NULL);

  /* one read transaction: the copy is the database as of one moment */
  if (!appeals_db_exec (db, "VACUUM INTO ?", g_variant_new ("(s)", absolute), error))
    return FALSE;
  /* personal data: the owner's alone, as the database is */
  g_chmod (absolute, 0600);
  return copy_blobs (self->blob_dir, blobs, error);
}

/* Returns non-zero to interrupt the statement running. */
static int
on_progress (gpointer user_data)
{
  AppealsDbSqlite *self = user_data;

  if (!self->interruptible)
    return 0;
  if (self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable))
    return 1;
  return self->timeout_usec > 0 && g_get_monotonic_time () - self->statement_started > self->timeout_usec;
}

/* Another connection holds the lock this one waits for. The progress
 * handler does not run while SQLite sleeps here, so the wait looks at
 * the cancellable itself, in short sleeps: a request whose client went
 * away stops waiting at once instead of after the busy timeout and the
 * transaction's retries. Returns non-zero to try again. */
static int
on_busy (gpointer user_data,
         int      count)
{
  AppealsDbSqlite *self = user_data;

  if (count == 0)
    self->busy_since = g_get_monotonic_time ();
  if (self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable))
    return 0;
  if (g_get_monotonic_time () - self->busy_since >= (gint64) BUSY_TIMEOUT_MS * 1000)
    return 0;
  g_usleep (MIN (count + 1, 10) * 1000);
  return 1;
}

static void
appeals_db_sqlite_watch (AppealsDb    *db,
                         GCancellable *cancellable,
                         guint         timeout_ms)
{
  AppealsDbSqlite *self = APPEALS_DB_SQLITE (db);

  g_set_object (&self->cancellable, cancellable);
  self->timeout_usec = (gint64) timeout_ms * 1000;
  sqlite3_progress_handler (self->db, cancellable != NULL || timeout_ms > 0 ? PROGRESS_INSTRUCTIONS : 0,
                            on_progress, self);
}

static guint
appeals_db_sqlite_get_n_statement_texts (AppealsDb *db)
{
  return g_hash_table_size (APPEALS_DB_SQLITE (db)->statements);
}

static void
appeals_db_sqlite_finalize (GObject *object)
{
  AppealsDbSqlite *self = (AppealsDbSqlite *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->blob_dir, g_free);
  g_clear_object (&self->cancellable);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);

  G_OBJECT_CLASS (appeals_db_sqlite_parent_class)->finalize (object);
}

static void
appeals_db_sqlite_class_init (AppealsDbSqliteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AppealsDbClass *db_class = APPEALS_DB_CLASS (klass);

  object_class->finalize = appeals_db_sqlite_finalize;
  db_class->get_dialect = appeals_db_sqlite_get_dialect;
  db_class->query = appeals_db_sqlite_query;
  db_class->exec_script = appeals_db_sqlite_exec_script;
  db_class->put_blob = appeals_db_sqlite_put_blob;
  db_class->get_blob = appeals_db_sqlite_get_blob;
  db_class->load_begin = appeals_db_sqlite_load_begin;
  db_class->load_row = appeals_db_sqlite_load_row;
  db_class->load_end = appeals_db_sqlite_load_end;
  db_class->backup = appeals_db_sqlite_backup;
  db_class->watch = appeals_db_sqlite_watch;
  db_class->get_n_statement_texts = appeals_db_sqlite_get_n_statement_texts;
}

static void
appeals_db_sqlite_init (AppealsDbSqlite *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
}

static void
fold_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autofree char *folded = NULL;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  folded = appeals_text_fold (text);
  sqlite3_result_text (context, folded, -1, SQLITE_TRANSIENT);
}

AppealsDb *
appeals_db_sqlite_open (const char  *path,
                        GError     **error)
{
  static gsize configured = 0;
  g_autoptr(AppealsDbSqlite) self = g_object_new (APPEALS_TYPE_DB_SQLITE, NULL);
  int rc;

  /* No count of SQLite's memory: keeping it takes a process-wide mutex on
   * every allocation. (Possible only before SQLite starts; if something
   * started it already, the count stays.) */
  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }

  /* A connection is used by one thread at a time (a worker takes it from
   * the pool, or the main loop owns it), so it needs no mutex of its own
   * around every call. */
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CONNECTION,
                   _("Cannot open the database “%s”: %s"), path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  {
    g_autofree char *absolute = g_canonicalize_filename (path, NULL);

    self->blob_dir = g_strconcat (absolute, ".attachments", NULL);
    remove_unfinished_blobs (self->blob_dir);
  }

  sqlite3_busy_handler (self->db, on_busy, self);
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_create_function (self->db, "appeals_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, fold_function, NULL, NULL);
  if (!appeals_db_sqlite_words_register (self->db))
    {
      g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CONNECTION,
                   _("This SQLite library has no full-text search (FTS5) with its unicode61 tokenizer."));
      return NULL;
    }
  if (!appeals_db_sqlite_repeat_register (self->db) || !appeals_db_sqlite_tally_register (self->db))
    {
      g_set_error_literal (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CONNECTION, sqlite3_errmsg (self->db));
      return NULL;
    }

  if (!appeals_db_exec_script (APPEALS_DB (self),
                               "PRAGMA journal_mode = WAL;"
                               "PRAGMA synchronous = FULL;"
                               "PRAGMA foreign_keys = ON;",
                               error))
    return NULL;

  return APPEALS_DB (g_steal_pointer (&self));
}
