/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-hardening-kill.c: kill -9 at the worst moments (the API suite's
 * /api/kill-during-writes covers plain writes). During an attachment
 * upload — mid-body, and at several moments after the body is in, while
 * the file and its row are written: after a restart every listed file
 * downloads whole, no row names a missing file, no half-written file lies
 * in the attachments folder, and the upload tried again succeeds. During
 * the schema migrations of a new database: the restarted server finishes
 * them and serves.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "test-hardening.h"

#define UPLOAD_SIZE (4 * 1024 * 1024)

/* Every file the appeal lists downloads whole (the server checks each
 * one's SHA-256 and answers 500 attachment_damaged otherwise); returns
 * how many there are. */
static guint
assert_files_whole (Fixture *fixture,
                    gint64   appeal)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/attachments", appeal);
  g_autoptr(AppealsTestResponse) listed = REQUEST (fixture, "GET", path, fixture->controller, NULL);
  JsonArray *items;

  g_assert_cmpuint (listed->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (listed), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *file = g_strdup_printf ("%s/%" G_GINT64_FORMAT, path, json_object_get_int_member (item, "id"));
      g_autoptr(AppealsTestResponse) content = REQUEST (fixture, "GET", file, fixture->controller, NULL);
      g_autofree char *sha256 = NULL;

      g_assert_cmpuint (content->status, ==, 200);
      sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content->bytes);
      g_assert_cmpstr (sha256, ==, json_object_get_string_member (item, "sha256"));
    }
  return json_array_get_length (items);
}

/* SQLite keeps files beside the database, each named by its SHA-256:
 * nothing else may be there, e.g. a half-written temporary file. */
static void
assert_no_half_files (Fixture *fixture)
{
  g_autofree char *root = g_strconcat (appeals_test_server_get_database (fixture->server), ".attachments", NULL);
  g_autoptr(GDir) prefixes = g_dir_open (root, 0, NULL);
  const char *prefix;

  while (prefixes != NULL && (prefix = g_dir_read_name (prefixes)) != NULL)
    {
      g_autofree char *dir_path = g_build_filename (root, prefix, NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (dir_path, name, NULL);
          g_autofree char *data = NULL;
          g_autofree char *sha256 = NULL;
          gsize size;

          g_assert_true (g_file_get_contents (file, &data, &size, NULL));
          sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
          if (!g_str_equal (sha256, name))
            g_error ("a half-written or foreign file in the attachments: %s", file);
        }
    }
}

static void
test_kill_during_upload (Fixture       *fixture,
                         gconstpointer  user_data)
{
  /* 0: mid-body; then that many ms after the whole body went out */
  static const guint delays[] = { 0, 5, 20, 60, 150, 400 };
  gint64 appeal = create_appeal (fixture, fixture->registrar, create_applicant (fixture, "061211600012"),
                                 "kostanay-city", "файлдар");
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/attachments?kind=other&file_name="
                                           "letter.txt", appeal);
  g_autofree char *content = g_strnfill (UPLOAD_SIZE, 'a');
  guint files;

  {
    g_autoptr(AppealsTestResponse) earlier = upload_file (fixture, fixture->controller, "appeals", appeal, "other",
                                                          "earlier.txt", "text/plain", "Бұрынғы файл",
                                                          strlen ("Бұрынғы файл"));

    g_assert_cmpuint (earlier->status, ==, 201);
  }
  files = assert_files_whole (fixture, appeal);

  for (guint round = 0; round < G_N_ELEMENTS (delays); round++)
    {
      g_autoptr(GSocketConnection) connection = raw_connect (fixture);
      g_autofree char *head = g_strdup_printf ("POST %s HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
                                               "Content-Type: text/plain\r\nContent-Length: %u\r\n\r\n",
                                               path, fixture->controller, UPLOAD_SIZE);
      guint now;

      /* a different content each round: a new file, not one already there */
      content[0] = 'b' + round;
      raw_write (connection, head);
      g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), content,
                                 delays[round] == 0 ? UPLOAD_SIZE / 2 : UPLOAD_SIZE, NULL, NULL, NULL);
      g_usleep (delays[round] * 1000);
      appeals_test_server_kill (fixture->server);
      appeals_test_server_restart (fixture->server);

      /* the upload happened whole or not at all */
      now = assert_files_whole (fixture, appeal);
      g_assert_cmpuint (now, >=, files);
      g_assert_cmpuint (now, <=, files + 1);
      g_test_message ("killed %u ms after the body: the upload %s", delays[round],
                      now > files ? "was kept whole" : "left nothing");
      files = now;
      if (g_str_equal (test_api_backend, "sqlite"))
        assert_no_half_files (fixture);
    }

  /* tried again, it succeeds */
  {
    g_autoptr(AppealsTestResponse) retried = upload_file (fixture, fixture->controller, "appeals", appeal, "other",
                                                          "letter.txt", "text/plain", content, UPLOAD_SIZE);

    g_assert_cmpuint (retried->status, ==, 201);
    g_assert_cmpuint (assert_files_whole (fixture, appeal), ==, files + 1);
  }
}

/* Kills a server applying the migrations of a new database after @delay
 * ms; returns how many migrations it reported applied. */
static guint
kill_while_migrating (const char *database,
                      guint       delay)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *log = NULL;
  guint applied = 0;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              g_getenv ("APPEALS_SERVER_EXE"), "--database", database, "--listen", "127.0.0.1:0",
                              NULL);
  g_assert_no_error (error);
  g_usleep (delay * 1000);
  g_subprocess_force_exit (process);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &log, NULL);
  for (const char *at = log; at != NULL && (at = strstr (at, "applied schema migration")) != NULL; at++)
    applied++;
  return applied;
}

static void
test_kill_during_migration (void)
{
  g_autofree char *migrations = g_build_filename (g_getenv ("APPEALS_DATA_DIR"), "sql", test_api_backend, NULL);
  g_autoptr(GDir) dir = g_dir_open (migrations, 0, NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  guint total = 0, midway = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    total++;
  g_assert_cmpuint (total, >, 1);

  /* later and later, until the kills have landed between migrations */
  for (guint delay = 1; delay < 15000 && midway < 3; delay += MIN (1 + delay / 8, 150))
    {
      g_autofree char *database = appeals_test_server_new_database (test_api_backend);
      guint applied = kill_while_migrating (database, delay);
      AppealsTestServer *server;
      g_autoptr(AppealsTestResponse) health = NULL;

      g_test_message ("killed after %u ms: %u of %u migrations applied", delay, applied, total);
      if (applied > 0 && applied < total)
        midway++;
      /* the restart finishes the migrations (it listens only then) and serves */
      server = appeals_test_server_start_on (test_api_backend, database, NULL);
      health = appeals_test_request (server, session, "GET", "/api/v1/health", NULL, NULL, NULL);
      g_assert_cmpuint (health->status, ==, 200);
      appeals_test_server_free (server);
      if (!g_str_equal (test_api_backend, "postgresql"))
        {
          g_autofree char *folder = g_path_get_dirname (database);

          appeals_test_remove_tree (folder);
        }
      if (applied >= total)
        break;
    }
  /* where the kills land depends on the machine's speed: said, not required */
  g_test_message ("%u kills landed between two of the %u migrations", midway, total);
}

void
test_hardening_add_kill (void)
{
  TEST_API_ADD ("/hardening/kill-during-upload", test_kill_during_upload);
  g_test_add_func ("/hardening/kill-during-migration", test_kill_during_migration);
}
