/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-common.c: the fixture and the helpers the API tests share.
 */
#include "config.h"

#include <string.h>

#include "appeals-test-exchanges.h"
#include "test-api.h"

const char *test_api_backend;

/* Every exchange of this run goes to <program>-exchanges-<backend>.jsonl in
 * the build tree, to be checked by test_api_check_contract(). */
void
test_api_record_exchanges (void)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *name = g_strdup_printf ("%s-exchanges-%s.jsonl", program, test_api_backend);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  appeals_test_exchanges_start (path);
}

/* Fails when an answer has a status, member or header that
 * data/api/openapi.json does not describe; the validator names each. */
void
test_api_check_contract (void)
{
  g_assert_cmpint (appeals_test_exchanges_check (), ==, 0);
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *args[] = { "--demo", "--demo-appeals", "40", NULL };

  fixture->server = appeals_test_server_start (test_api_backend, args);
  fixture->session = soup_session_new_with_options ("max-conns-per-host", 16, NULL);
  fixture->registrar = appeals_test_sign_in (fixture->server, "registrar", "demo");
  fixture->registrar2 = appeals_test_sign_in (fixture->server, "registrar2", "demo");
  fixture->controller = appeals_test_sign_in (fixture->server, "controller", "demo");
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->server, appeals_test_server_free);
  g_clear_object (&fixture->session);
  g_free (fixture->registrar);
  g_free (fixture->registrar2);
  g_free (fixture->controller);
}

void
assert_problem (AppealsTestResponse *response,
                guint                status,
                const char          *code)
{
  JsonObject *problem;

  if (response->status != status)
    g_error ("expected %u, got %u: %s", status, response->status, response->text);
  g_assert_true (g_str_has_prefix (appeals_test_response_header (response, "Content-Type"),
                                   "application/problem+json"));
  problem = appeals_test_response_object (response);
  g_assert_cmpstr (json_object_get_string_member (problem, "code"), ==, code);
  g_assert_cmpint (json_object_get_int_member (problem, "status"), ==, status);
  g_assert_cmpstr (json_object_get_string_member (problem, "title"), !=, "");
  /* the id in the answer is the one the server's log line carries */
  g_assert_cmpint (json_object_get_int_member (problem, "request_id"), ==,
                   g_ascii_strtoll (appeals_test_response_header (response, "X-Request-Id"), NULL, 10));
}

static JsonObject *
find_field_error (AppealsTestResponse *response,
                  const char          *field)
{
  JsonArray *errors = json_object_get_array_member (appeals_test_response_object (response), "errors");

  for (guint i = 0; i < json_array_get_length (errors); i++)
    {
      JsonObject *error = json_array_get_object_element (errors, i);

      if (g_str_equal (json_object_get_string_member (error, "field"), field))
        {
          g_assert_cmpstr (json_object_get_string_member (error, "message"), !=, "");
          return error;
        }
    }

  return NULL;
}

const char *
field_error_code (AppealsTestResponse *response,
                  const char          *field)
{
  JsonObject *error = find_field_error (response, field);

  return error != NULL ? json_object_get_string_member (error, "code") : NULL;
}

/* The detail of the field error naming @field: a limit, an allowed set, a date. */
const char *
field_error_detail (AppealsTestResponse *response,
                    const char          *field)
{
  JsonObject *error = find_field_error (response, field);

  return error != NULL ? json_object_get_string_member_with_default (error, "detail", NULL) : NULL;
}

/* Creates an applicant and returns its id. */
gint64
create_applicant (Fixture    *fixture,
                  const char *iin)
{
  g_autofree char *body = g_strdup_printf ("{\"iin\":\"%s\",\"surname\":\"Сейтқали\",\"given_name\":\"Әлия\","
                                           "\"address\":\"Қостанай қ., Абай даңғылы, 5\",\"phone\":\"87051234567\"}",
                                           iin);
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "POST", "/api/v1/applicants",
                                                     fixture->registrar, body);

  if (response->status != 201)
    g_error ("applicant: %u %s", response->status, response->text);
  return json_object_get_int_member (appeals_test_response_object (response), "id");
}

char *
appeal_body (gint64      applicant_id,
             const char *district,
             const char *annotation)
{
  return g_strdup_printf ("{\"applicant_id\":%" G_GINT64_FORMAT ",\"channel\":\"by_hand\",\"form\":\"electronic\","
                          "\"kind\":\"application\",\"addressee_body\":\"education\","
                          "\"question_character\":\"education\",\"category\":\"typical\",\"language\":\"kk\","
                          "\"district\":\"%s\",\"annotation\":\"%s\"}",
                          applicant_id, district, annotation);
}

/* Creates an appeal as @token and returns its id. */
gint64
create_appeal (Fixture    *fixture,
               const char *token,
               gint64      applicant_id,
               const char *district,
               const char *annotation)
{
  g_autofree char *body = appeal_body (applicant_id, district, annotation);
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "POST", "/api/v1/appeals", token, body);

  if (response->status != 201)
    g_error ("appeal: %u %s", response->status, response->text);
  return json_object_get_int_member (appeals_test_response_object (response), "id");
}

/* Today in Kazakhstan (UTC+5), the server's today, moved by @days. */
char *
today_iso (int days)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (5 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

/* An official who receives every day of the week, 08:00–18:00: room for
 * many bookings on one day. */
gint64
create_open_official (Fixture *fixture)
{
  g_autoptr(GString) body = g_string_new ("{\"full_name\":{\"kk\":\"Әбенов Ерлан\",\"ru\":\"Абенов Ерлан\"},"
                                          "\"position\":{\"kk\":\"Орынбасар\",\"ru\":\"Заместитель\"},\"schedule\":[");
  g_autoptr(AppealsTestResponse) created = NULL;

  for (guint weekday = 1; weekday <= 7; weekday++)
    g_string_append_printf (body, "%s{\"weekday\":%u,\"start\":\"08:00\",\"end\":\"18:00\",\"place\":\"каб. 1\"}",
                            weekday > 1 ? "," : "", weekday);
  g_string_append (body, "]}");
  created = REQUEST (fixture, "POST", "/api/v1/officials", fixture->controller, body->str);
  g_assert_cmpuint (created->status, ==, 201);
  return json_object_get_int_member (appeals_test_response_object (created), "id");
}

/* Runs @func on each of the @n_items items of @item_size bytes at @items,
 * each in a thread of its own, all at once; back when all are done. */
void
test_api_run_threads (const char  *name,
                      GThreadFunc  func,
                      gpointer     items,
                      gsize        item_size,
                      guint        n_items)
{
  g_autofree GThread **threads = g_new0 (GThread *, n_items);

  for (guint i = 0; i < n_items; i++)
    threads[i] = g_thread_new (name, func, (char *) items + i * item_size);
  for (guint i = 0; i < n_items; i++)
    g_thread_join (threads[i]);
}

/* The start times still free with @official on @date, in order. */
GPtrArray *
free_slots (Fixture    *fixture,
            gint64      official,
            const char *date)
{
  g_auto(GStrv) times = appeals_test_free_times (fixture->server, fixture->session, fixture->registrar, official, date);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; times[i] != NULL; i++)
    g_ptr_array_add (list, g_strdup (times[i]));
  return list;
}

/* Books @applicant with @official in the first free slot of @date as
 * @token's user; 0 when the day has none. */
gint64
book_free (Fixture    *fixture,
           const char *token,
           gint64      official,
           gint64      applicant,
           const char *date)
{
  g_autoptr(GPtrArray) times = free_slots (fixture, official, date);
  g_autofree char *body = NULL;
  g_autoptr(AppealsTestResponse) booked = NULL;

  if (times->len == 0)
    return 0;
  body = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"start_time\":\"%s\","
                          "\"applicant_id\":%" G_GINT64_FORMAT ",\"question\":\"Жылу беру\"}",
                          official, date, (const char *) g_ptr_array_index (times, 0), applicant);
  booked = REQUEST (fixture, "POST", "/api/v1/receptions", token, body);
  if (booked->status != 201)
    g_error ("booking on %s: %u %s", date, booked->status, booked->text);
  return json_object_get_int_member (appeals_test_response_object (booked), "id");
}

/* The ETag of appeal @id's version now in force. */
char *
appeal_etag (Fixture *fixture,
             gint64   id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autoptr(AppealsTestResponse) current = REQUEST (fixture, "GET", path, fixture->controller, NULL);

  g_assert_cmpuint (current->status, ==, 200);
  return g_strdup (appeals_test_response_header (current, "ETag"));
}

/* A lifecycle action on the appeal's version now in force. */
AppealsTestResponse *
post_action (Fixture    *fixture,
             const char *token,
             gint64      id,
             const char *action,
             const char *body)
{
  g_autofree char *action_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/actions/%s", id, action);
  g_autofree char *etag = appeal_etag (fixture, id);

  return REQUEST (fixture, "POST", action_path, token, body, "If-Match", etag);
}

/* Raw HTTP over a socket, for what a client library would not send: a
 * body that arrives in parts, chunked encoding. */
GSocketConnection *
raw_connect (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (appeals_test_server_get_url (fixture->server), G_URI_FLAGS_NONE, &error);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  GSocketConnection *connection;

  g_assert_no_error (error);
  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri), g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  return connection;
}

void
raw_write (GSocketConnection *connection,
           const char        *text)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), text, strlen (text),
                             NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Everything the server sends until it closes the connection. */
char *
raw_read_all (GSocketConnection *connection)
{
  GInputStream *input = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GString *text = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  while ((n = g_input_stream_read (input, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (text, buffer, n);
  return g_string_free (text, FALSE);
}

/* Uploads a file to the "attachments" of /@collection/@id: "receptions" or "appeals". */
AppealsTestResponse *
upload_file (Fixture    *fixture,
             const char *token,
             const char *collection,
             gint64      id,
             const char *kind,
             const char *file_name,
             const char *content_type,
             const char *data,
             gsize       size)
{
  g_autofree char *escaped = g_uri_escape_string (file_name, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/%s/%" G_GINT64_FORMAT "/attachments?kind=%s&file_name=%s",
                                           collection, id, kind, escaped);
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  return appeals_test_request_bytes (fixture->server, fixture->session, "POST", path, token, content_type, bytes);
}

/* GET /appeals/count?@query as @token sees it: "total" (below the cap). */
gint64
journal_total (Fixture    *fixture,
               const char *token,
               const char *query)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/count?%s", query);
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", path, token, NULL);

  if (response->status != 200)
    g_error ("GET %s: %u %s", path, response->status, response->text);
  g_assert_false (json_object_get_boolean_member (appeals_test_response_object (response), "total_more"));
  return json_object_get_int_member (appeals_test_response_object (response), "total");
}

/* Runs @sql on the server's database behind its back: the fixture's
 * appeals moved to known days, say. */
void
test_api_run_sql (Fixture    *fixture,
                  const char *sql)
{
  const char *database = appeals_test_server_get_database (fixture->server);
  const char *sqlite_argv[] = { "sqlite3", database, sql, NULL };
  const char *psql_argv[] = { "psql", database, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) (g_str_equal (test_api_backend, "sqlite") ? sqlite_argv : psql_argv),
                               NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                               &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/**
 * test_api_sql_value:
 * @sql: a query of one row and one column
 *
 * Asks the fixture's database itself (sqlite3 or psql), past the server:
 * what a concurrency test checks is what was stored, not what was said.
 *
 * Returns: (transfer full): the value as text, without the newline
 */
char *
test_api_sql_value (Fixture    *fixture,
                    const char *sql)
{
  const char *database = appeals_test_server_get_database (fixture->server);
  const char *sqlite_argv[] = { "sqlite3", database, sql, NULL };
  const char *psql_argv[] = { "psql", database, "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql, NULL };
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) (g_str_equal (test_api_backend, "sqlite") ? sqlite_argv : psql_argv),
                               NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strdup (g_strstrip (out));
}

/* The object GET @path answers; any other status fails the test. */
JsonObject *
test_api_get_object (Fixture    *fixture,
                     const char *token,
                     const char *path)
{
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", path, token, NULL);

  if (response->status != 200)
    g_error ("GET %s: %u %s", path, response->status, response->text);
  return json_object_ref (appeals_test_response_object (response));
}
