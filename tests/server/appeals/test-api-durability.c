/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-durability.c: what the server keeps when many write at once, when it
 * is killed, when its rules are replaced, and how sessions and users come
 * and go.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "test-api-data-copy.h"

/* Eight clients patch shared and separate cards at once, retrying on 412,
 * through two server processes on one database; afterwards every
 * acknowledged change is in the card's history, and the history holds
 * exactly one entry per acknowledged change. */
typedef struct
{
  Fixture    *fixture;
  AppealsTestServer *server;   /* which of the two processes it talks to */
  guint       client;
  gint64      own;
  gint64      shared[2];
  guint       acknowledged[3];
  GPtrArray  *values;   /* every executor value acknowledged */
} Client;

static gpointer
run_client (gpointer data)
{
  Client *client = data;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (client->server, "controller", "demo");
  g_autofree char *etag = NULL;

  for (guint n = 0; n < 200; n++)
    {
      guint target = n % 3;
      gint64 id = target == 0 ? client->own : client->shared[target - 1];
      g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
      g_autofree char *value = g_strdup_printf ("client %u change %u", client->client, n);
      g_autofree char *body = g_strdup_printf ("{\"executor\":\"%s\"}", value);

      for (;;)
        {
          g_autoptr(AppealsTestResponse) get = appeals_test_request (client->server, session, "GET",
                                                                     path, token, NULL, NULL);
          g_autoptr(AppealsTestResponse) patch = appeals_test_request (client->server, session, "PATCH",
                                                                       path, token, body, "If-Match",
                                                                       appeals_test_response_header (get, "ETag"),
                                                                       NULL);
          if (patch->status == 200)
            {
              client->acknowledged[target]++;
              g_ptr_array_add (client->values, g_strdup (value));
              break;
            }
          /* 503: the server met a concurrent change and asks for a retry */
          if (patch->status != 412 && patch->status != 503)
            g_error ("PATCH %s: %u %s", path, patch->status, patch->text);
        }
    }

  return NULL;
}

static void
test_concurrent_edits (Fixture       *fixture,
                       gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 shared[2];
  Client clients[8];
  GThread *threads[8];
  g_autoptr(GHashTable) acknowledged_per_card = g_hash_table_new (g_int64_hash, g_int64_equal);
  const char *demo[] = { "--demo", NULL };
  AppealsTestServer *second = appeals_test_server_start_beside (fixture->server, demo);

  shared[0] = create_appeal (fixture, fixture->controller, applicant, "kostanay-city", "Ортақ карта 1");
  shared[1] = create_appeal (fixture, fixture->controller, applicant, "rudny-city", "Ортақ карта 2");

  for (guint i = 0; i < 8; i++)
    {
      clients[i].fixture = fixture;
      clients[i].server = i % 2 == 0 ? fixture->server : second;
      clients[i].client = i;
      clients[i].own = create_appeal (fixture, fixture->controller, applicant, "kostanay-city", "Жеке карта");
      clients[i].shared[0] = shared[0];
      clients[i].shared[1] = shared[1];
      memset (clients[i].acknowledged, 0, sizeof clients[i].acknowledged);
      clients[i].values = g_ptr_array_new_with_free_func (g_free);
    }

  for (guint i = 0; i < 8; i++)
    threads[i] = g_thread_new ("client", run_client, &clients[i]);
  for (guint i = 0; i < 8; i++)
    g_thread_join (threads[i]);
  appeals_test_server_free (second);

  /* check every card's history against what its clients were told */
  for (guint card = 0; card < 10; card++)
    {
      gint64 id = card < 8 ? clients[card].own : shared[card - 8];
      guint expected = 0;
      g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/history", id);
      g_autoptr(AppealsTestResponse) history = REQUEST (fixture, "GET", path, fixture->controller, NULL);
      JsonArray *items = json_object_get_array_member (appeals_test_response_object (history), "items");
      g_autoptr(GHashTable) recorded = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < 8; i++)
        expected += card < 8 ? (i == card ? clients[i].acknowledged[0] : 0)
                             : clients[i].acknowledged[card - 8 + 1];

      /* one entry for the creation, one per acknowledged change */
      g_assert_cmpuint (json_array_get_length (items), ==, expected + 1);

      for (guint i = 1; i < json_array_get_length (items); i++)
        {
          JsonObject *entry = json_array_get_object_element (items, i);
          JsonArray *changes = json_object_get_array_member (entry, "changes");

          g_assert_cmpint (json_object_get_int_member (entry, "version"), ==, i + 1);
          g_assert_cmpuint (json_array_get_length (changes), ==, 1);
          g_hash_table_add (recorded, (gpointer) json_object_get_string_member (json_array_get_object_element (changes, 0),
                                                                                "after"));
        }

      for (guint i = 0; i < 8; i++)
        for (guint v = 0; v < clients[i].values->len; v++)
          {
            const char *value = g_ptr_array_index (clients[i].values, v);
            guint target = (guint) g_ascii_strtoull (strrchr (value, ' ') + 1, NULL, 10) % 3;
            gboolean on_this_card = card < 8 ? (i == card && target == 0) : (target == card - 8 + 1);

            if (on_this_card)
              g_assert_true (g_hash_table_contains (recorded, value));
          }
    }

  for (guint i = 0; i < 8; i++)
    g_ptr_array_unref (clients[i].values);
}

/* Kill -9 during writes: every acknowledged write survives a restart. */
typedef struct
{
  Fixture   *fixture;
  gint64     applicant;
  GArray    *acknowledged;   /* ids */
  GMutex     lock;
} Writer;

static gpointer
run_writer (gpointer data)
{
  Writer *writer = data;
  g_autoptr(SoupSession) session = soup_session_new ();

  for (guint n = 0; ; n++)
    {
      g_autofree char *annotation = g_strdup_printf ("Өтініш %u", n);
      g_autofree char *body = appeal_body (writer->applicant, "kostanay-city", annotation);
      g_autoptr(AppealsTestResponse) response = appeals_test_request (writer->fixture->server, session, "POST",
                                                                      "/api/v1/appeals", writer->fixture->controller,
                                                                      body, NULL);
      gint64 id;

      if (response->status != 201)
        break;   /* the server is gone */

      id = json_object_get_int_member (appeals_test_response_object (response), "id");
      g_mutex_lock (&writer->lock);
      g_array_append_val (writer->acknowledged, id);
      g_mutex_unlock (&writer->lock);
    }

  return NULL;
}

static void
test_kill_during_writes (Fixture       *fixture,
                         gconstpointer  user_data)
{
  Writer writer = { fixture, create_applicant (fixture, "061211600012"), g_array_new (FALSE, FALSE, sizeof (gint64)) };
  g_autofree char *token = NULL;
  GThread *thread;
  guint n;

  g_mutex_init (&writer.lock);
  thread = g_thread_new ("writer", run_writer, &writer);

  for (;;)
    {
      g_mutex_lock (&writer.lock);
      n = writer.acknowledged->len;
      g_mutex_unlock (&writer.lock);
      if (n >= 40)
        break;
      g_usleep (1000);
    }

  appeals_test_server_kill (fixture->server);
  g_thread_join (thread);
  appeals_test_server_restart (fixture->server);

  token = appeals_test_sign_in (fixture->server, "controller", "demo");
  for (guint i = 0; i < writer.acknowledged->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT,
                                               g_array_index (writer.acknowledged, gint64, i));
      g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", path, token, NULL);
      g_autofree char *annotation = g_strdup_printf ("Өтініш %u", i);

      g_assert_cmpuint (response->status, ==, 200);
      g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (response), "annotation"),
                       ==, annotation);
    }

  g_array_unref (writer.acknowledged);
  g_mutex_clear (&writer.lock);
}

/* An administrator replaces the calendar file and sends SIGHUP: a broken
 * file changes nothing and the server stays up; a good one takes effect. */
static void
test_reload_rules (void)
{
  g_autoptr(GError) error = NULL;
  Fixture fixture = { 0, };
  g_autofree char *data = NULL;
  g_autofree char *dir = test_api_start_on_data_copy (&fixture, &data);
  g_autofree char *calendar_path = g_build_filename (data, "calendar", "kz.json", NULL);
  g_autofree char *original = NULL;
  g_autofree char *token = NULL;
  gint64 started;

  token = appeals_test_sign_in (fixture.server, "analyst", "demo");
  g_assert_false (test_api_calendar_has_day_off (&fixture, token, "2022-12-30"));

  g_file_get_contents (calendar_path, &original, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (calendar_path, "{\"format\": 1, \"first_year\": \"twenty\"}", -1, &error);
  g_assert_no_error (error);
  appeals_test_server_signal (fixture.server, SIGHUP);
  /* the reload runs when the server gets to the signal: let it happen
   * before the next file is written */
  g_usleep (500 * 1000);
  g_assert_false (test_api_calendar_has_day_off (&fixture, token, "2022-12-30"));

  /* a decree makes Friday 30 December 2022 a day off */
  {
    g_autoptr(GString) text = g_string_new (original);
    g_string_replace (text, "{ \"working\": \"2022-10-22\", \"day_off\": \"2022-10-24\" }",
                      "{ \"working\": \"2022-10-22\", \"day_off\": \"2022-10-24\" },\n"
                      "        { \"working\": \"2022-12-31\", \"day_off\": \"2022-12-30\" }", 1);
    g_file_set_contents (calendar_path, text->str, -1, &error);
    g_assert_no_error (error);
  }

  /* with a broken deadline table beside it, neither file takes effect */
  {
    g_autofree char *deadlines_path = g_build_filename (data, "rules", "deadlines.json", NULL);
    g_autofree char *deadlines = NULL;

    g_file_get_contents (deadlines_path, &deadlines, NULL, &error);
    g_assert_no_error (error);
    g_file_set_contents (deadlines_path, "{\"format\": 1, \"kinds\": 7}", -1, &error);
    g_assert_no_error (error);
    appeals_test_server_signal (fixture.server, SIGHUP);
    g_usleep (500 * 1000);
    g_assert_false (test_api_calendar_has_day_off (&fixture, token, "2022-12-30"));
    g_file_set_contents (deadlines_path, deadlines, -1, &error);
    g_assert_no_error (error);
  }
  appeals_test_server_signal (fixture.server, SIGHUP);

  started = g_get_monotonic_time ();
  while (!test_api_calendar_has_day_off (&fixture, token, "2022-12-30"))
    {
      g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);
      g_usleep (50000);
    }

  test_api_stop_on_data_copy (&fixture, dir);
}

static void
test_create_user (void)
{
  const char *args[] = { NULL };
  Fixture fixture = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *token = NULL;
  g_autoptr(AppealsTestResponse) me = NULL;

  fixture.server = appeals_test_server_start (test_api_backend, args);
  fixture.session = soup_session_new ();

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              g_getenv ("APPEALS_SERVER_EXE"), "--database",
                              appeals_test_server_get_database (fixture.server),
                              "create-user", "bekova", "--role", "analyst", "--district", "arkalyk-city",
                              "--full-name", "Бекова Сәуле", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, "a long secret\n", NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  token = appeals_test_sign_in (fixture.server, "bekova", "a long secret");
  me = REQUEST (&fixture, "GET", "/api/v1/session", token, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (appeals_test_response_object (me),
                                                                                 "user"), "district"),
                   ==, "arkalyk-city");

  g_clear_object (&process);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              g_getenv ("APPEALS_SERVER_EXE"), "--database",
                              appeals_test_server_get_database (fixture.server),
                              "create-user", "short", "--role", "analyst", "--region-wide", NULL);
  g_subprocess_communicate_utf8 (process, "abc\n", NULL, NULL, NULL, &error);
  g_assert_false (g_subprocess_get_successful (process));

  /* the demo password is for demo accounts only, common and weak ones for
   * no one; a district must exist */
  {
    static const char *refused[][3] = {
      { "boss", "demo", NULL },
      { "boss", "boss", NULL },
      { "boss", "password", NULL },
      { "boss", "12345678", NULL },
      { "boss", "PassWord1", NULL },
      { "boss", "abababababab", NULL },
      { "boss", "a long secret", "kostanai" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autofree char *input = g_strdup_printf ("%s\n", refused[i][1]);

        g_clear_object (&process);
        process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                    g_getenv ("APPEALS_SERVER_EXE"), "--database",
                                    appeals_test_server_get_database (fixture.server),
                                    "create-user", refused[i][0], "--role", "admin",
                                    refused[i][2] != NULL ? "--district" : "--region-wide", refused[i][2], NULL);
        g_assert_no_error (error);
        g_subprocess_communicate_utf8 (process, input, NULL, NULL, NULL, &error);
        g_assert_no_error (error);
        g_assert_false (g_subprocess_get_successful (process));
      }
  }

  appeals_test_server_free (fixture.server);
  g_object_unref (fixture.session);
}

/* Sessions end after the idle time: a minute here, the session's last
 * use moved back past it in the database (waiting for a whole second with
 * no idle time at all raced the clock: a slow sign-in crossed it). */
static void
test_session_idle_expiry (void)
{
  const char *args[] = { "--demo", "--demo-appeals", "1", "--session-idle-minutes", "1", NULL };
  Fixture fixture = { 0, };
  g_autofree char *token = NULL;
  g_autoptr(AppealsTestResponse) fresh = NULL;
  g_autoptr(AppealsTestResponse) idle = NULL;

  fixture.server = appeals_test_server_start (test_api_backend, args);
  fixture.session = soup_session_new ();
  token = appeals_test_sign_in (fixture.server, "registrar", "demo");

  fresh = REQUEST (&fixture, "GET", "/api/v1/session", token, NULL);
  g_assert_cmpuint (fresh->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (fresh), "idle_timeout_seconds"), ==, 60);
  test_api_run_sql (&fixture, "UPDATE sessions SET last_seen = last_seen - 61");
  idle = REQUEST (&fixture, "GET", "/api/v1/session", token, NULL);
  assert_problem (idle, 401, "unauthorized");

  appeals_test_server_free (fixture.server);
  g_object_unref (fixture.session);
}

void
test_api_add_durability (void)
{
  TEST_API_ADD ("/api/concurrent-edits", test_concurrent_edits);
  TEST_API_ADD ("/api/kill-during-writes", test_kill_during_writes);
  g_test_add_func ("/api/reload-rules", test_reload_rules);
  g_test_add_func ("/api/create-user", test_create_user);
  g_test_add_func ("/api/session-idle-expiry", test_session_idle_expiry);
}
