/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-receipt-concurrency.c: the receipt journal under load from two
 * real server processes on one database (on PostgreSQL one throwaway
 * cluster, each process with its own pool of connections), checked in
 * the database itself afterwards.
 *
 * - Receipts by hand and files imported from e-gov arrive at once through
 *   both processes: every one takes the next number of the one day's
 *   journal — the numbers are 1..N with no gap and no repeat, and the
 *   day's counter stands at N. A number taken from a stale read (a counter
 *   read, then written, without the row's lock) would repeat a number,
 *   refused by UNIQUE (journal_date, number) as a failed request here, or
 *   leave the counter behind the numbers given.
 * - Four heads, two on each process, split the day again and again while
 *   the desk keeps receiving: the audit holds exactly one hand-over per
 *   receipt, no receipt is in two heads' answers, every receipt ends with
 *   the registrar its answer named, and the registrars' counts end within
 *   one of each other. A split that read the unassigned receipts without
 *   locking them and updated without "still unassigned" would hand one
 *   receipt twice (two audit rows, two answers); one that counted the
 *   loads before the other split committed would leave them uneven.
 */
#include "config.h"

#include "test-api.h"

/* Signs in on @server in a session of the calling thread's own. */
typedef struct
{
  AppealsTestServer *server;
  SoupSession       *session;
  char              *token;
} Client;

static void
client_open (Client            *client,
             AppealsTestServer *server,
             const char        *login)
{
  client->server = server;
  client->session = soup_session_new ();
  client->token = appeals_test_sign_in (server, login, "demo");
}

static void
client_close (Client *client)
{
  g_clear_object (&client->session);
  g_clear_pointer (&client->token, g_free);
}

/* POSTs @body to @path until the answer is not a 503 (the storage met a
 * concurrent writer and ran out of retries); the answer must be @expected. */
static AppealsTestResponse *
post_until_done (Client     *client,
                 const char *path,
                 const char *body,
                 guint       expected)
{
  for (;;)
    {
      AppealsTestResponse *response = appeals_test_request (client->server, client->session, "POST", path,
                                                            client->token, body, NULL);

      if (response->status == expected)
        return response;
      if (response->status != 503)
        g_error ("POST %s: %u %s", path, response->status, response->text);
      appeals_test_response_free (response);
    }
}

/* The fixture's database: @sql's one value. */
static gint64
sql_number (Fixture    *fixture,
            const char *sql)
{
  g_autofree char *value = test_api_sql_value (fixture, sql);

  return g_ascii_strtoll (value, NULL, 10);
}

/* A client in a thread of its own: @n POSTs as @login, one after another. */
typedef struct _Worker Worker;
struct _Worker
{
  AppealsTestServer *server;
  const char        *login;
  const char        *path;
  guint              expected;                       /* every answer's status */
  guint              n;
  guint              index;                          /* among its kind */
  char            *(*body)  (Worker *worker, guint n);
  void             (*check) (Worker *worker, JsonObject *answer);
  GHashTable        *handed;   /* a head's: receipt id → registrar, over its answers */
};

static gpointer
run_worker (gpointer data)
{
  Worker *worker = data;
  Client client;

  client_open (&client, worker->server, worker->login);
  for (guint n = 0; n < worker->n; n++)
    {
      g_autofree char *body = worker->body (worker, n);
      g_autoptr(AppealsTestResponse) response = post_until_done (&client, worker->path, body, worker->expected);

      if (worker->check != NULL)
        worker->check (worker, appeals_test_response_object (response));
    }
  client_close (&client);
  return NULL;
}

/* The receipts journal of the day, which must hold @total receipts;
 * returns the day. */
static char *
journal_day (Fixture     *fixture,
             gint64       total,
             JsonObject **journal)
{
  JsonArray *items;

  *journal = test_api_get_object (fixture, fixture->controller, "/api/v1/receipts");
  items = json_object_get_array_member (*journal, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, total);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (items, 0), "journal_date"));
}

/* A receiver at the front desk: one receipt by hand. */
static char *
by_hand_body (Worker *worker,
              guint   n)
{
  return g_strdup ("{\"applicant_name\":\"Нарочный\",\"pages\":1,\"language\":\"kk\"}");
}

static Worker
desk_new (AppealsTestServer *server,
          guint              n)
{
  return (Worker) { server, "registrar", "/api/v1/receipts", 201, n, 0, by_hand_body, NULL, NULL };
}

/* Numbers from every channel at once ------------------------------------- */

#define N_DESKS      4   /* receivers by hand, two per process */
#define N_BY_HAND   12
#define N_IMPORTERS  2   /* one per process */
#define N_FILES      4   /* per importer */
#define N_ROWS       5   /* per file */

/* An e-gov file of N_ROWS appeals of its own, as the import wants it. */
static char *
import_file_body (Worker *importer,
                  guint   file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) content = g_string_new ("[");
  g_autoptr(JsonNode) root = NULL;

  for (guint r = 0; r < N_ROWS; r++)
    g_string_append_printf (content, "%s{\"external_number\":\"ЖТ-Т-2026-%u%u%u\",\"date\":\"2026-11-27\","
                            "\"channel\":\"egov\",\"iin\":\"\",\"applicant_name\":\"Иванов Пётр\","
                            "\"address\":null,\"text\":\"Прошу отремонтировать дорогу.\"}",
                            r == 0 ? "" : ",", importer->index, file, r);
  g_string_append_c (content, ']');
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "json");
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content->str);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, "import");
  json_builder_set_member_name (builder, "file_name");
  json_builder_add_string_value (builder, "egov-export.json");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
check_imported (Worker     *importer,
                JsonObject *answer)
{
  g_assert_cmpint (json_object_get_int_member (answer, "imported"), ==, N_ROWS);
}

static void
test_numbers_every_channel_two_processes (Fixture       *fixture,
                                          gconstpointer  user_data)
{
  const char *demo[] = { "--demo", NULL };
  AppealsTestServer *second = appeals_test_server_start_beside (fixture->server, demo);
  g_autoptr(JsonObject) journal = NULL;
  g_autofree char *day = NULL;
  g_autofree char *numbers_sql = NULL;
  g_autofree char *counter_sql = NULL;
  g_autofree char *numbers = NULL;
  g_autofree char *expected = NULL;
  Worker workers[N_DESKS + N_IMPORTERS];
  gint64 total = N_DESKS * N_BY_HAND + N_IMPORTERS * N_FILES * N_ROWS;

  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    {
      AppealsTestServer *server = i % 2 == 0 ? fixture->server : second;

      if (i < N_DESKS)
        workers[i] = desk_new (server, N_BY_HAND);
      else
        workers[i] = (Worker) { server, "registrar2", "/api/v1/receipts/import", 200, N_FILES, i, import_file_body,
                                check_imported, NULL };
    }
  test_api_run_threads ("receipts", run_worker, workers, sizeof (Worker), G_N_ELEMENTS (workers));
  appeals_test_server_free (second);

  /* one journal day, all of it: by hand and imported */
  day = journal_day (fixture, total, &journal);

  /* stored: N receipts, N distinct numbers from 1 to N, the counter at N */
  numbers_sql = g_strdup_printf ("SELECT COUNT(*) || ' ' || COUNT(DISTINCT number) || ' ' || MIN(number) || ' ' || "
                                 "MAX(number) FROM receipts WHERE journal_date = '%s'", day);
  numbers = test_api_sql_value (fixture, numbers_sql);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " 1 %" G_GINT64_FORMAT, total, total, total);
  g_assert_cmpstr (numbers, ==, expected);
  counter_sql = g_strdup_printf ("SELECT last_number FROM receipt_counters WHERE journal_date = '%s'", day);
  g_assert_cmpint (sql_number (fixture, counter_sql), ==, total);
  g_assert_cmpint (sql_number (fixture, "SELECT COUNT(*) FROM receipt_imports"), ==, N_IMPORTERS * N_FILES * N_ROWS);
}

/* Many heads at once ------------------------------------------------------ */

#define N_HEADS   4   /* two per process */
#define N_SPLITS  5   /* each */
#define N_BEFORE 30   /* receipts waiting when the heads start */
#define N_DURING 10   /* per receiving desk, one desk per process */

static char *
split_body (Worker *head,
            guint   n)
{
  return g_strdup ("{}");
}

/* Keeps whom a split handed each receipt to; never one receipt twice. */
static void
keep_handed (Worker     *head,
             JsonObject *answer)
{
  JsonArray *shares = json_object_get_array_member (answer, "shares");

  for (guint i = 0; i < json_array_get_length (shares); i++)
    {
      JsonArray *receipts = json_object_get_array_member (json_array_get_object_element (shares, i), "receipts");

      for (guint r = 0; r < json_array_get_length (receipts); r++)
        {
          JsonObject *receipt = json_array_get_object_element (receipts, r);
          const char *registrar = json_object_get_string_member (receipt, "assigned_to");
          gint64 *id = g_new (gint64, 1);

          *id = json_object_get_int_member (receipt, "id");
          if (!g_hash_table_insert (head->handed, id, g_strdup (registrar)))
            g_error ("one head was given receipt %" G_GINT64_FORMAT " twice", *id);
        }
    }
}

/* Which head's answer named receipt @id, if any; never two. */
static const char *
handed_by (Worker *heads,
           gint64  id)
{
  const char *registrar = NULL;

  for (guint h = 0; h < N_HEADS; h++)
    {
      const char *in_answer = g_hash_table_lookup (heads[h].handed, &id);

      if (in_answer != NULL && registrar != NULL)
        g_error ("receipt %" G_GINT64_FORMAT " was handed by two heads", id);
      if (in_answer != NULL)
        registrar = in_answer;
    }
  return registrar;
}

static void
test_distribute_many_heads_two_processes (Fixture       *fixture,
                                          gconstpointer  user_data)
{
  const char *demo[] = { "--demo", NULL };
  AppealsTestServer *second = appeals_test_server_start_beside (fixture->server, demo);
  Worker before = desk_new (fixture->server, N_BEFORE);
  Worker workers[N_HEADS + 2];   /* the heads first, then a desk per process */
  g_autoptr(JsonObject) journal = NULL;
  g_autofree char *twice_sql = NULL;
  g_autofree char *spread_sql = NULL;
  g_autofree char *day = NULL;
  gint64 total = N_BEFORE + 2 * N_DURING;
  guint handed = 0;
  JsonArray *items;

  run_worker (&before);
  for (guint h = 0; h < N_HEADS; h++)
    workers[h] = (Worker) { h % 2 == 0 ? fixture->server : second, "head", "/api/v1/receipts/distribute", 200,
                            N_SPLITS, h, split_body, keep_handed,
                            g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free) };
  workers[N_HEADS] = desk_new (fixture->server, N_DURING);
  workers[N_HEADS + 1] = desk_new (second, N_DURING);
  test_api_run_threads ("receipts", run_worker, workers, sizeof (Worker), G_N_ELEMENTS (workers));
  appeals_test_server_free (second);

  /* what the heads' answers said is what the journal has */
  day = journal_day (fixture, total, &journal);
  items = json_object_get_array_member (journal, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *receipt = json_array_get_object_element (items, i);
      const char *registrar = handed_by (workers, json_object_get_int_member (receipt, "id"));

      g_assert_cmpstr (json_object_get_string_member (receipt, "assigned_to"), ==, registrar);
      handed += registrar != NULL;
    }
  g_assert_cmpuint (handed, >=, N_BEFORE);
  g_test_message ("%u of %" G_GINT64_FORMAT " receipts handed by %u heads at once", handed, total, N_HEADS);

  /* stored: one hand-over in the audit per receipt handed, none twice */
  twice_sql = g_strdup_printf ("SELECT COUNT(*) FROM (SELECT a.entity_id FROM audit a JOIN receipts r "
                               "ON r.id = a.entity_id WHERE a.entity = 'receipt' AND a.action = 'assign' "
                               "AND r.journal_date = '%s' GROUP BY a.entity_id HAVING COUNT(*) > 1) twice", day);
  g_assert_cmpint (sql_number (fixture, twice_sql), ==, 0);
  g_assert_cmpint (sql_number (fixture, "SELECT COUNT(*) FROM audit WHERE entity = 'receipt' AND action = 'assign'"),
                   ==, handed);

  /* and each split kept the day even: the two registrars within one */
  spread_sql = g_strdup_printf ("SELECT MAX(n) - MIN(n) FROM (SELECT assigned_to, COUNT(*) AS n FROM receipts "
                                "WHERE journal_date = '%s' AND assigned_to IS NOT NULL GROUP BY assigned_to) c", day);
  g_assert_cmpint (sql_number (fixture, spread_sql), <=, 1);
  for (guint h = 0; h < N_HEADS; h++)
    g_hash_table_unref (workers[h].handed);
}

void
test_api_add_receipt_concurrency (void)
{
  TEST_API_ADD ("/receipts/numbers-every-channel-two-processes", test_numbers_every_channel_two_processes);
  TEST_API_ADD ("/receipts/distribute-many-heads-two-processes", test_distribute_many_heads_two_processes);
}
