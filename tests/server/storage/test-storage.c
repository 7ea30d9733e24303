/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage.c: the storage driver interface (appeals-db.h) tested
 * directly, run once on SQLite (a temporary file) and once on a throwaway
 * PostgreSQL cluster (--backend=). The tables of cases are the same on
 * both: what the repository code writes through one backend must read
 * back the same through the other. This file: values, Unicode,
 * placeholders, blobs and migrations; transactions and retries are in
 * test-storage-transactions.c.
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "appeals-test-pg.h"
#include "appeals-test-server.h"
#include "test-storage.h"

const char *test_storage_backend;
static char *location;

const char *
test_storage_get_location (void)
{
  return location;
}

AppealsDb *
open_connection (void)
{
  g_autoptr(GError) error = NULL;
  AppealsDb *db = appeals_db_open (location, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->db = open_connection ();
  fixture->other = open_connection ();
  appeals_db_exec_script (fixture->db,
                          "DROP TABLE IF EXISTS probe;"
                          "CREATE TABLE probe (id BIGINT PRIMARY KEY, number BIGINT, label TEXT,"
                          " flag INTEGER, score DOUBLE PRECISION, day TEXT)",
                          &error);
  g_assert_no_error (error);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* closing the second connection first ends whatever it held */
  g_clear_object (&fixture->other);
  appeals_db_exec_script (fixture->db, "DROP TABLE probe", &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->db);
}

void
add_test (const char     *path,
          gconstpointer   row,
          void          (*func) (Fixture *, gconstpointer))
{
  g_autofree char *full = g_strdup_printf ("/storage/%s/%s", test_storage_backend, path);

  g_test_add (full, Fixture, row, fixture_set_up, func, fixture_tear_down);
}

gint64
count_rows (AppealsDb  *db,
            const char *where)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) AS n FROM probe WHERE %s", where);
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, sql, NULL, &error);

  g_assert_no_error (error);
  return appeals_db_result_get_int64 (result, 0, "n");
}

void
assert_refused (AppealsDb          *db,
                const char * const *statements,
                guint               n_statements)
{
  for (guint i = 0; i < n_statements; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsDbResult) result = appeals_db_query (db, statements[i], NULL, &error);

      g_test_message ("%s", statements[i]);
      g_assert_null (result);
      g_assert_nonnull (error);
    }
}

void
add_cases (const char     *prefix,
           gconstpointer   rows,
           gsize           size,
           guint           n_rows,
           void          (*func) (Fixture *, gconstpointer))
{
  for (guint i = 0; i < n_rows; i++)
    {
      gconstpointer row = (const char *) rows + i * size;
      g_autofree char *path = g_strconcat (prefix, "/", *(const char * const *) row, NULL);

      add_test (path, row, func);
    }
}

/* Values ---------------------------------------------------------------- */

typedef enum
{
  VALUE_INT64,
  VALUE_INT32,
  VALUE_MAYBE_INT64,
  VALUE_NULL_INT64,
  VALUE_TEXT,
  VALUE_NULL_TEXT,
  VALUE_BOOLEAN,
  VALUE_DOUBLE,
} ValueKind;

typedef struct
{
  const char *name;
  const char *column;
  ValueKind   kind;
  gint64      integer;   /* the int64, int32 or boolean */
  const char *text;      /* the text; for the others the cell's text, if fixed */
  double      real;
} ValueCase;

static const ValueCase value_cases[] = {
  { "int64-zero", "number", VALUE_INT64, 0, "0" },
  { "int64-minus-one", "number", VALUE_INT64, -1, "-1" },
  { "int64-max", "number", VALUE_INT64, G_MAXINT64, "9223372036854775807" },
  { "int64-min", "number", VALUE_INT64, G_MININT64, "-9223372036854775808" },
  /* 2^53 + 1 is the first integer a double cannot hold */
  { "int64-beyond-double", "number", VALUE_INT64, G_GINT64_CONSTANT (9007199254740993), "9007199254740993" },
  { "int32-max", "number", VALUE_INT32, G_MAXINT32, "2147483647" },
  { "int32-min", "number", VALUE_INT32, G_MININT32, "-2147483648" },
  { "maybe-int64-with-value", "number", VALUE_MAYBE_INT64, 7, "7" },
  { "null-int64", "number", VALUE_NULL_INT64 },
  { "text-ascii", "label", VALUE_TEXT, 0, "Appeal 42" },
  { "text-empty-is-not-null", "label", VALUE_TEXT, 0, "" },
  { "text-quotes-and-wildcards", "label", VALUE_TEXT, 0, "it's a \"test\" \\ 100% _?;--" },
  { "text-line-breaks-and-tabs", "label", VALUE_TEXT, 0, "line one\nline two\r\n\tend" },
  { "null-text", "label", VALUE_NULL_TEXT },
  /* the schema keeps flags as INTEGER 0/1 on both backends */
  { "boolean-true", "flag", VALUE_BOOLEAN, TRUE, "1" },
  { "boolean-false", "flag", VALUE_BOOLEAN, FALSE, "0" },
  { "double-tenth", "score", VALUE_DOUBLE, 0, NULL, 0.1 },
  { "double-seventeen-digits", "score", VALUE_DOUBLE, 0, NULL, 0.30000000000000004 },
  { "double-negative", "score", VALUE_DOUBLE, 0, NULL, -2.5 },
  { "double-huge", "score", VALUE_DOUBLE, 0, NULL, 1e300 },
  /* dates and times are ISO 8601 text, so both backends return the same */
  { "date", "day", VALUE_TEXT, 0, "2026-12-31" },
  { "time-utc", "day", VALUE_TEXT, 0, "2026-11-30T11:22:13.250Z" },
};

static GVariant *
value_case_variant (const ValueCase *row)
{
  switch (row->kind)
    {
    case VALUE_INT64:
      return g_variant_new_int64 (row->integer);
    case VALUE_INT32:
      return g_variant_new_int32 ((gint32) row->integer);
    case VALUE_MAYBE_INT64:
      return g_variant_new_maybe (G_VARIANT_TYPE_INT64, g_variant_new_int64 (row->integer));
    case VALUE_NULL_INT64:
      return g_variant_new_maybe (G_VARIANT_TYPE_INT64, NULL);
    case VALUE_TEXT:
      return g_variant_new_string (row->text);
    case VALUE_NULL_TEXT:
      return g_variant_new_maybe (G_VARIANT_TYPE_STRING, NULL);
    case VALUE_BOOLEAN:
      return g_variant_new_boolean (row->integer != 0);
    case VALUE_DOUBLE:
      return g_variant_new_double (row->real);
    default:
      g_assert_not_reached ();
    }
}

static GVariant *
pair (gint64    id,
      GVariant *value)
{
  GVariant *children[] = { g_variant_new_int64 (id), value };

  return g_variant_new_tuple (children, G_N_ELEMENTS (children));
}

/* Written by one connection, read back by the other, and found again by
 * an equality on the parameter. */
static void
test_value_round_trip (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const ValueCase *row = user_data;
  gboolean is_null = row->kind == VALUE_NULL_INT64 || row->kind == VALUE_NULL_TEXT;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = NULL;
  g_autoptr(AppealsDbResult) found = NULL;
  g_autofree char *insert = g_strdup_printf ("INSERT INTO probe (id, %s) VALUES (?, ?)", row->column);
  g_autofree char *select = g_strdup_printf ("SELECT %s AS v FROM probe WHERE id = ?", row->column);
  g_autofree char *where = g_strdup_printf (is_null ? "SELECT id FROM probe WHERE %s IS NULL"
                                                    : "SELECT id FROM probe WHERE %s = ?",
                                            row->column);

  appeals_db_exec (fixture->db, insert, pair (1, value_case_variant (row)), &error);
  g_assert_no_error (error);
  /* a row with other values, which the lookup must not find */
  appeals_db_exec (fixture->db, "INSERT INTO probe (id, number, label, flag, score, day) VALUES (2, 5, 'x', 2, 5.5, 'x')",
                   NULL, &error);
  g_assert_no_error (error);

  result = appeals_db_query (fixture->other, select, g_variant_new ("(x)", (gint64) 1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (appeals_db_result_get_n_rows (result), ==, 1);
  g_assert_cmpint (appeals_db_result_is_null (result, 0, "v"), ==, is_null);

  switch (row->kind)
    {
    case VALUE_INT64:
    case VALUE_INT32:
    case VALUE_MAYBE_INT64:
      g_assert_cmpint (appeals_db_result_get_int64 (result, 0, "v"), ==, row->integer);
      break;
    case VALUE_BOOLEAN:
      g_assert_cmpint (appeals_db_result_get_boolean (result, 0, "v"), ==, row->integer != 0);
      break;
    case VALUE_DOUBLE:
      g_assert_cmpfloat (appeals_db_result_get_double (result, 0, "v"), ==, row->real);
      break;
    case VALUE_TEXT:
    case VALUE_NULL_INT64:
    case VALUE_NULL_TEXT:
    default:
      break;
    }
  if (row->text != NULL)
    g_assert_cmpstr (appeals_db_result_get_string (result, 0, "v"), ==, row->text);

  found = appeals_db_query (fixture->other, where,
                            is_null ? NULL : g_variant_new_tuple ((GVariant *[]) { value_case_variant (row) }, 1),
                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (appeals_db_result_get_n_rows (found), ==, 1);
  g_assert_cmpint (appeals_db_result_get_int64 (found, 0, "id"), ==, 1);
}

/* Comparisons come back as the backend's boolean ("1" on SQLite, "t" on
 * PostgreSQL); the getter reads both. */
static void
test_value_comparison_is_boolean (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = NULL;

  appeals_db_exec (fixture->db, "INSERT INTO probe (id, number) VALUES (1, 10)", NULL, &error);
  g_assert_no_error (error);

  result = appeals_db_query (fixture->db, "SELECT number > ? AS above, number < ? AS below FROM probe WHERE id = 1",
                             g_variant_new ("(xx)", (gint64) 5, (gint64) 5), &error);
  g_assert_no_error (error);
  g_assert_true (appeals_db_result_get_boolean (result, 0, "above"));
  g_assert_false (appeals_db_result_get_boolean (result, 0, "below"));
}

/* ISO dates sort and compare as text the same way on both backends. */
static void
test_value_dates_compare_as_text (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  const char *days[] = { "2026-01-10", "2025-12-31", "2026-01-09", "2024-02-29" };
  const char *expected[] = { "2025-12-31", "2026-01-09", "2026-01-10" };
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      appeals_db_exec (fixture->db, "INSERT INTO probe (id, day) VALUES (?, ?)",
                       g_variant_new ("(xs)", (gint64) i, days[i]), &error);
      g_assert_no_error (error);
    }

  result = appeals_db_query (fixture->db, "SELECT day FROM probe WHERE day >= ? ORDER BY day",
                             g_variant_new ("(s)", "2025-06-01"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (appeals_db_result_get_n_rows (result), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (appeals_db_result_get_string (result, i, "day"), ==, expected[i]);
}

/* Unicode --------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *text;
  guint       repeat;   /* the text is repeated this many times */
} UnicodeCase;

static const UnicodeCase unicode_cases[] = {
  { "kazakh-lower", "ә ғ қ ң ө ұ ү һ і", 1 },
  { "kazakh-upper", "Ә Ғ Қ Ң Ө Ұ Ү Һ І", 1 },
  { "kazakh-sentence", "Өтініш қабылданды: Қостанай облысы әкімдігінің үйлестіру бөлімі", 1 },
  { "russian-yo", "Ёлка, ёжик, всё ещё", 1 },
  { "emoji", "📨 ✅ 👍🏽 👨‍👩‍👧 🇰🇿", 1 },
  { "mixed-scripts", "Appeal № 42 — Өтініш — Обращение «срочно»", 1 },
  { "long", "Қазақстан Ёё ғұһ 📨 ", 20000 },
};

static void
test_unicode_round_trip (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const UnicodeCase *row = user_data;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = NULL;
  g_autoptr(AppealsDbResult) found = NULL;

  for (guint i = 0; i < row->repeat; i++)
    g_string_append (text, row->text);
  g_assert_true (g_utf8_validate (text->str, text->len, NULL));

  appeals_db_exec (fixture->db, "INSERT INTO probe (id, label) VALUES (1, ?)",
                   g_variant_new ("(s)", text->str), &error);
  g_assert_no_error (error);

  /* length() counts characters on both: the text arrived as UTF-8 text,
   * not as bytes in some other encoding */
  result = appeals_db_query (fixture->other, "SELECT label, length(label) AS characters FROM probe WHERE id = 1",
                             NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (appeals_db_result_get_string (result, 0, "label"), ==, text->str);
  g_assert_cmpint (appeals_db_result_get_int64 (result, 0, "characters"), ==,
                   g_utf8_strlen (text->str, text->len));

  found = appeals_db_query (fixture->other, "SELECT id FROM probe WHERE label = ?",
                            g_variant_new ("(s)", text->str), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (appeals_db_result_get_n_rows (found), ==, 1);
}

typedef struct
{
  const char *name;
  const char *text;
  const char *folded;
} FoldCase;

/* appeals_fold() is the search folding SQL can call on both backends:
 * lower case, ё as е. */
static const FoldCase fold_cases[] = {
  { "kazakh-letters", "Ә Ғ Қ Ң Ө Ұ Ү Һ І", "ә ғ қ ң ө ұ ү һ і" },
  { "yo-upper", "ЁЛКА", "елка" },
  { "yo-lower", "Ёжик и ёлка", "ежик и елка" },
  { "latin", "Appeals Desk", "appeals desk" },
  { "already-folded", "өтініш", "өтініш" },
};

static void
test_unicode_fold (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const FoldCase *row = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = NULL;

  result = appeals_db_query (fixture->db, "SELECT appeals_fold (?) AS folded", g_variant_new ("(s)", row->text),
                             &error);
  g_assert_no_error (error);
  g_assert_cmpstr (appeals_db_result_get_string (result, 0, "folded"), ==, row->folded);
}

/* Placeholders ---------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *backend;      /* NULL: both */
  const char *sql;
  const char *params;       /* a GVariant tuple in text form */
  const char *expected[10]; /* column, value, column, value, …, NULL */
} PlaceholderCase;

static const PlaceholderCase placeholder_cases[] = {
  { "one", NULL, "SELECT ? AS a", "('x',)", { "a", "x" } },
  { "in-a-literal", NULL, "SELECT '?' AS a, ? AS b", "('y',)", { "a", "?", "b", "y" } },
  { "in-a-literal-with-doubled-quote", NULL, "SELECT 'it''s ?' AS a, ? AS b", "('z',)",
    { "a", "it's ?", "b", "z" } },
  { "in-a-quoted-identifier", NULL, "SELECT ? AS \"what?\"", "('w',)", { "what?", "w" } },
  { "after-a-line-comment", NULL, "SELECT ? AS a -- why?\n, ? AS b", "('p', 'q')", { "a", "p", "b", "q" } },
  { "after-a-block-comment", NULL, "SELECT ? AS a /* why? */, ? AS b", "('p', 'q')", { "a", "p", "b", "q" } },
  { "twelve", NULL, "SELECT ? AS a1, ? AS a2, ? AS a3, ? AS a4, ? AS a5, ? AS a6,"
                    " ? AS a7, ? AS a8, ? AS a9, ? AS a10, ? AS a11, ? AS a12",
    "('1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12')",
    { "a1", "1", "a9", "9", "a10", "10", "a12", "12" } },
  { "cast-int64", NULL, "SELECT CAST (? AS BIGINT) * 2 AS a", "(int64 1099511627776,)", { "a", "2199023255552" } },
  { "maybe-nothing", NULL, "SELECT coalesce (?, 'none') AS a", "(@ms nothing,)", { "a", "none" } },
  { "dollar-quoted", "postgresql", "SELECT $$?$$ AS a, ? AS b", "('d',)", { "a", "?", "b", "d" } },
  { "dollar-quoted-with-tag", "postgresql", "SELECT $q$it's ?$q$ AS a, ? AS b", "('t',)",
    { "a", "it's ?", "b", "t" } },
};

static void
test_placeholders (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const PlaceholderCase *row = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = NULL;
  GVariant *params = g_variant_parse (NULL, row->params, NULL, NULL, &error);

  g_assert_no_error (error);
  result = appeals_db_query (fixture->db, row->sql, params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (appeals_db_result_get_n_rows (result), ==, 1);

  for (guint i = 0; row->expected[i] != NULL; i += 2)
    g_assert_cmpstr (appeals_db_result_get_string (result, 0, row->expected[i]), ==, row->expected[i + 1]);
}

/* More shapes of statement than any cache of prepared ones holds. */
static void
run_many_shapes (AppealsDb *db)
{
  for (gint64 shape = 0; shape < 1500; shape++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT ? + %" G_GINT64_FORMAT " AS a", shape);
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsDbResult) result = appeals_db_query (db, sql, g_variant_new ("(x)", shape), &error);

      g_assert_no_error (error);
      g_assert_cmpint (appeals_db_result_get_int64 (result, 0, "a"), ==, 2 * shape);
    }
}

/* Statements of many shapes (an UPDATE of the columns an edit changed, a
 * list of ids) each answer for themselves, and a bulk load begun before
 * them still loads its rows after them. */
static void
test_placeholders_many_shapes (Fixture       *fixture,
                               gconstpointer  user_data)
{
  static const char * const columns[] = { "id", "label", NULL };
  const char *first[] = { "1", "before", NULL }, *second[] = { "2", "after", NULL };
  gboolean copy = appeals_db_get_dialect (fixture->db) == APPEALS_DB_DIALECT_POSTGRESQL;
  g_autoptr(GError) error = NULL;

  g_assert_true (appeals_db_load_begin (fixture->db, "probe", columns, &error) &&
                 appeals_db_load_row (fixture->db, first, &error));
  g_assert_no_error (error);
  /* PostgreSQL's load is a COPY, which lets no other statement in */
  if (!copy)
    run_many_shapes (fixture->db);
  g_assert_true (appeals_db_load_row (fixture->db, second, &error) && appeals_db_load_end (fixture->db, &error));
  g_assert_no_error (error);
  if (copy)
    run_many_shapes (fixture->db);
  g_assert_cmpint (count_rows (fixture->db, "label IN ('before', 'after')"), ==, 2);
}

/* Blobs ----------------------------------------------------------------- */

typedef enum
{
  CONTENT_TEXT,
  CONTENT_EVERY_BYTE,
  CONTENT_RANDOM,
} ContentKind;

typedef struct
{
  const char  *name;
  ContentKind  kind;
  const char  *text;
  gsize        size;
} BlobCase;

static const BlobCase blob_cases[] = {
  { "empty", CONTENT_TEXT, "" },
  { "text", CONTENT_TEXT, "Өтініш 📨 ёж" },
  { "every-byte-value", CONTENT_EVERY_BYTE, NULL, 512 },
  { "one-mebibyte", CONTENT_RANDOM, NULL, 1 << 20 },
};

static GBytes *
blob_case_content (const BlobCase *row)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint8 *data;

  if (row->kind == CONTENT_TEXT)
    return g_bytes_new (row->text, strlen (row->text));

  data = g_malloc (row->size);
  for (gsize i = 0; i < row->size; i++)
    data[i] = row->kind == CONTENT_EVERY_BYTE ? i % 256 : g_rand_int_range (rand, 0, 256);

  return g_bytes_new_take (data, row->size);
}

/* Stored twice by one connection (harmless), read by the other byte for
 * byte, NULs included. */
static void
test_blob_round_trip (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GBytes) content = blob_case_content (user_data);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (appeals_db_put_blob (fixture->db, sha256, content, &error));
  g_assert_no_error (error);
  g_assert_true (appeals_db_put_blob (fixture->db, sha256, content, &error));
  g_assert_no_error (error);

  read = appeals_db_get_blob (fixture->other, sha256, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_true (g_bytes_equal (read, content));
}

static void
test_blob_missing (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "never stored", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) read = appeals_db_get_blob (fixture->db, sha256, &error);

  g_assert_null (read);
  g_assert_nonnull (error);
}

/* Migrations ------------------------------------------------------------ */

static char *
migrations_dir (void)
{
  return g_build_filename (g_getenv ("APPEALS_DATA_DIR"), "sql", test_storage_backend, NULL);
}

/* main() applied them once; again is harmless and records each once. */
static void
test_migrations_run_twice (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *dir_path = migrations_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) result = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    n_files += g_str_has_suffix (name, ".sql");
  g_assert_cmpuint (n_files, >, 0);

  g_assert_true (appeals_db_migrate (fixture->db, dir_path, &error));
  g_assert_no_error (error);

  result = appeals_db_query (fixture->db, "SELECT count(*) AS n FROM schema_migrations", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (appeals_db_result_get_int64 (result, 0, "n"), ==, n_files);
}

/* ----------------------------------------------------------------------- */

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

#define ADD_TABLE(prefix, table, func) \
  for (guint i = 0; i < G_N_ELEMENTS (table); i++) \
    { \
      g_autofree char *path = g_strconcat (prefix, table[i].name, NULL); \
      add_test (path, &table[i], func); \
    }

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDb) db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *migrations = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *fresh_terms = NULL;
  g_autofree char *fresh_previous = NULL;
  AppealsTestPgCluster *cluster = NULL;
  int status;

  test_storage_backend = appeals_test_backend_from_args (&argc, argv);
  g_test_init (&argc, &argv, NULL);

  if (g_str_equal (test_storage_backend, "sqlite"))
    {
      dir = g_dir_make_tmp ("appeals-storage-XXXXXX", &error);
      g_assert_no_error (error);
      location = g_build_filename (dir, "storage.db", NULL);
      fresh = g_build_filename (dir, "migrations.db", NULL);
      fresh_terms = g_build_filename (dir, "migrations-terms.db", NULL);
      fresh_previous = g_build_filename (dir, "migrations-previous.db", NULL);
    }
  else if (g_str_equal (test_storage_backend, "postgresql"))
    {
      cluster = appeals_test_pg_cluster_start ();
      location = appeals_test_pg_cluster_create_database (cluster, 1);
      fresh = appeals_test_pg_cluster_create_database (cluster, 2);
      fresh_terms = appeals_test_pg_cluster_create_database (cluster, 3);
      fresh_previous = appeals_test_pg_cluster_create_database (cluster, 4);
    }
  else
    g_error ("unknown backend “%s”", test_storage_backend);

  /* the schema, for appeals_fold() and PostgreSQL's attachment_blobs */
  db = open_connection ();
  migrations = migrations_dir ();
  appeals_db_migrate (db, migrations, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  ADD_TABLE ("values/", value_cases, test_value_round_trip);
  add_test ("values/comparison-is-boolean", NULL, test_value_comparison_is_boolean);
  add_test ("values/dates-compare-as-text", NULL, test_value_dates_compare_as_text);
  ADD_TABLE ("unicode/", unicode_cases, test_unicode_round_trip);
  ADD_TABLE ("unicode/fold/", fold_cases, test_unicode_fold);
  for (guint i = 0; i < G_N_ELEMENTS (placeholder_cases); i++)
    if (placeholder_cases[i].backend == NULL || g_str_equal (placeholder_cases[i].backend, test_storage_backend))
      {
        g_autofree char *path = g_strconcat ("placeholders/", placeholder_cases[i].name, NULL);
        add_test (path, &placeholder_cases[i], test_placeholders);
      }
  add_test ("placeholders/many-shapes", NULL, test_placeholders_many_shapes);
  ADD_TABLE ("blobs/", blob_cases, test_blob_round_trip);
  add_test ("blobs/missing", NULL, test_blob_missing);
  add_test ("migrations/run-twice", NULL, test_migrations_run_twice);
  test_storage_add_transactions ();
  test_storage_add_readers ();
  test_storage_add_migrations (fresh, fresh_terms, fresh_previous);
  test_storage_add_plans ();
  test_storage_add_watch ();
  test_storage_add_pool ();
  test_storage_add_prepared ();
  test_storage_add_columns ();
  test_storage_add_words ();
  test_storage_add_repeat ();
  test_storage_add_tally ();
  test_storage_add_previous ();

  status = g_test_run ();

  if (cluster != NULL)
    appeals_test_pg_cluster_stop (cluster);
  if (dir != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (dir);
      remove_tree (file);
    }
  g_free (location);

  return status;
}
