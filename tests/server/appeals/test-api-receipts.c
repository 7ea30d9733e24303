/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-receipts.c: the intake desk's daily receipt journal — through
 * numbers per day, the receiver and the term on the talon, the applicant
 * found by IIN, the checks of the quick form, and numbers that stay
 * unique when two server processes hand them out at once (more of the
 * journal under concurrency: test-api-receipt-concurrency.c).
 */
#include "config.h"

#include "test-api.h"

static JsonObject *
post_receipt (Fixture    *fixture,
              const char *token,
              const char *body,
              guint       expected,
              AppealsTestResponse **out)
{
  AppealsTestResponse *response = REQUEST (fixture, "POST", "/api/v1/receipts", token, body);

  if (response->status != expected)
    g_error ("POST /receipts: expected %u, got %u: %s", expected, response->status, response->text);
  *out = response;
  return appeals_test_response_object (response);
}

static void
test_receipt_numbering (Fixture       *fixture,
                        gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autoptr(AppealsTestResponse) first = NULL;
  g_autoptr(AppealsTestResponse) second = NULL;
  g_autoptr(AppealsTestResponse) third = NULL;
  g_autoptr(AppealsTestResponse) journal = NULL;
  g_autoptr(AppealsTestResponse) one = NULL;
  g_autofree char *today = today_iso (0);
  g_autofree char *list_path = NULL;
  g_autofree char *one_path = NULL;
  g_autofree char *talon = NULL;
  JsonObject *a, *b, *c;
  JsonArray *items;
  const char *day;

  a = post_receipt (fixture, fixture->registrar,
                    "{\"applicant_name\":\"Сейтқали Әлия\",\"iin\":\"061211600012\",\"pages\":3,\"attachments\":1,"
                    "\"language\":\"kk\",\"note\":\"шағым\"}", 201, &first);
  b = post_receipt (fixture, fixture->registrar2,
                    "{\"applicant_name\":\"Иванов Пётр\",\"pages\":1,\"language\":\"ru\"}", 201, &second);
  c = post_receipt (fixture, fixture->registrar,
                    "{\"applicant_name\":\"Омаров Бауыржан\",\"iin\":\"900101300017\",\"pages\":2,\"language\":\"kk\"}",
                    201, &third);

  /* one journal day, numbers 1, 2, 3 */
  day = json_object_get_string_member (a, "journal_date");
  g_assert_cmpstr (day, >=, today);
  g_assert_cmpstr (json_object_get_string_member (b, "journal_date"), ==, day);
  g_assert_cmpint (json_object_get_int_member (a, "number"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (b, "number"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (c, "number"), ==, 3);
  talon = g_strdup_printf ("%.4s%.2s%.2s-0001", day, day + 5, day + 8);
  g_assert_cmpstr (json_object_get_string_member (a, "talon_number"), ==, talon);

  /* the receiver, the channel, the term, the card found by IIN (or none) */
  g_assert_cmpstr (json_object_get_string_member (a, "channel"), ==, "hand");
  g_assert_cmpstr (json_object_get_string_member (a, "received_by"), ==, "registrar");
  g_assert_cmpstr (json_object_get_string_member (a, "received_by_name"), ==, "Ахметова Гүлнар Серікқызы");
  g_assert_cmpstr (json_object_get_string_member (b, "received_by_name"), ==, "Кравченко Ольга Викторовна");
  g_assert_cmpint (json_object_get_int_member (a, "term_working_days"), ==, 15);
  g_assert_cmpstr (json_object_get_string_member (a, "due_date"), >, day);
  g_assert_cmpint (json_object_get_int_member (a, "applicant_id"), ==, applicant);
  g_assert_cmpint (json_object_get_int_member (b, "applicant_id"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (c, "applicant_id"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (a, "appeal_id"), ==, 0);
  g_assert_nonnull (json_object_get_string_member (a, "received_at"));

  /* the day's journal in the order of its numbers; one receipt by id */
  list_path = g_strdup_printf ("/api/v1/receipts?date=%s", day);
  journal = REQUEST (fixture, "GET", list_path, fixture->controller, NULL);
  g_assert_cmpuint (journal->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (journal), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, i), "number"), ==, i + 1);
  {
    g_autoptr(AppealsTestResponse) default_day = REQUEST (fixture, "GET", "/api/v1/receipts", fixture->registrar,
                                                          NULL);
    JsonArray *same = json_object_get_array_member (appeals_test_response_object (default_day), "items");

    g_assert_cmpuint (json_array_get_length (same), ==, 3);
  }
  one_path = g_strdup_printf ("/api/v1/receipts/%" G_GINT64_FORMAT, json_object_get_int_member (b, "id"));
  g_assert_cmpstr (appeals_test_response_header (second, "Location"), ==, one_path);
  one = REQUEST (fixture, "GET", one_path, fixture->registrar, NULL);
  g_assert_cmpuint (one->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (one), "applicant_name"), ==,
                   "Иванов Пётр");
}

static void
test_receipt_checks (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const struct
  {
    const char *body;
    const char *field;
    const char *code;
  } wrong[] = {
    { "{\"applicant_name\":\"Әлия\",\"iin\":\"061211600013\",\"pages\":1,\"language\":\"kk\"}", "iin", "invalid_iin" },
    { "{\"applicant_name\":\" \",\"pages\":1,\"language\":\"kk\"}", "applicant_name", "required" },
    { "{\"applicant_name\":\"Әлия\",\"pages\":0,\"language\":\"kk\"}", "pages", "out_of_range" },
    { "{\"applicant_name\":\"Әлия\",\"pages\":1,\"language\":\"de\"}", "language", "invalid_value" },
  };
  g_autoptr(AppealsTestResponse) forbidden = REQUEST (fixture, "POST", "/api/v1/receipts", fixture->controller,
                                                      "{\"applicant_name\":\"Әлия\",\"pages\":1,\"language\":\"kk\"}");
  g_autoptr(AppealsTestResponse) missing = REQUEST (fixture, "GET", "/api/v1/receipts/999999", fixture->registrar,
                                                    NULL);
  g_autoptr(AppealsTestResponse) bad_date = REQUEST (fixture, "GET", "/api/v1/receipts?date=2026-02-30",
                                                     fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) journal = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "POST", "/api/v1/receipts", fixture->registrar,
                                                         wrong[i].body, "Accept-Language", i % 2 ? "ru" : "kk");

      assert_problem (response, 422, "validation_failed");
      g_assert_cmpstr (field_error_code (response, wrong[i].field), ==, wrong[i].code);
    }
  assert_problem (forbidden, 403, "forbidden");
  assert_problem (missing, 404, "not_found");
  assert_problem (bad_date, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (bad_date, "date"), ==, "invalid_date");

  /* nothing refused took a number */
  journal = REQUEST (fixture, "GET", "/api/v1/receipts", fixture->registrar, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (journal),
                                                                         "items")), ==, 0);
}

/* Two server processes on one database, four clients each, take numbers
 * at once: every number of the day is given exactly once, 1..N. */
#define N_CLIENTS 8
#define N_RECEIPTS 15

typedef struct
{
  AppealsTestServer *server;
  GArray            *numbers;
  char              *journal_date;
} Receiver;

static gpointer
run_receiver (gpointer data)
{
  Receiver *receiver = data;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (receiver->server, "registrar", "demo");

  for (guint n = 0; n < N_RECEIPTS; n++)
    for (;;)
      {
        g_autoptr(AppealsTestResponse) response =
          appeals_test_request (receiver->server, session, "POST", "/api/v1/receipts", token,
                                "{\"applicant_name\":\"Нарочный\",\"pages\":1,\"language\":\"kk\"}", NULL);
        JsonObject *receipt;
        gint64 number;

        /* 503: the storage met a concurrent writer and asks for a retry */
        if (response->status == 503)
          continue;
        if (response->status != 201)
          g_error ("POST /receipts: %u %s", response->status, response->text);
        receipt = appeals_test_response_object (response);
        number = json_object_get_int_member (receipt, "number");
        g_array_append_val (receiver->numbers, number);
        g_free (receiver->journal_date);
        receiver->journal_date = g_strdup (json_object_get_string_member (receipt, "journal_date"));
        break;
      }
  return NULL;
}

static void
test_receipt_numbers_concurrent (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  const char *demo[] = { "--demo", NULL };
  AppealsTestServer *second = appeals_test_server_start_beside (fixture->server, demo);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(AppealsTestResponse) journal = NULL;
  g_autofree char *path = NULL;
  Receiver receivers[N_CLIENTS];
  GThread *threads[N_CLIENTS];
  gint64 total = N_CLIENTS * N_RECEIPTS;

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      receivers[i].server = i % 2 == 0 ? fixture->server : second;
      receivers[i].numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
      receivers[i].journal_date = NULL;
      threads[i] = g_thread_new ("receiver", run_receiver, &receivers[i]);
    }
  for (guint i = 0; i < N_CLIENTS; i++)
    g_thread_join (threads[i]);
  appeals_test_server_free (second);

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_assert_cmpstr (receivers[i].journal_date, ==, receivers[0].journal_date);
      for (guint n = 0; n < receivers[i].numbers->len; n++)
        {
          gint64 *number = &g_array_index (receivers[i].numbers, gint64, n);

          g_assert_cmpint (*number, >=, 1);
          g_assert_cmpint (*number, <=, total);
          if (!g_hash_table_add (seen, number))
            g_error ("number %" G_GINT64_FORMAT " was given twice", *number);
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, total);

  /* and the journal holds each once */
  path = g_strdup_printf ("/api/v1/receipts?date=%s", receivers[0].journal_date);
  journal = REQUEST (fixture, "GET", path, fixture->registrar, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (journal),
                                                                         "items")), ==, total);
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_array_unref (receivers[i].numbers);
      g_free (receivers[i].journal_date);
    }
}

/* Posts @n receipts as the registrar. */
static void
receive_many (Fixture *fixture,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AppealsTestResponse) response = NULL;

      post_receipt (fixture, fixture->registrar, "{\"applicant_name\":\"Нарочный\",\"pages\":2,\"language\":\"ru\"}",
                    201, &response);
    }
}

/* POST /receipts/distribute as @token; the answer's shares by login, each
 * the number of receipts it got. */
static GHashTable *
distribute (Fixture    *fixture,
            const char *token,
            const char *body)
{
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "POST", "/api/v1/receipts/distribute", token, body);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *shares;

  if (response->status != 200)
    g_error ("distribute: %u %s", response->status, response->text);
  shares = json_object_get_array_member (appeals_test_response_object (response), "shares");
  for (guint i = 0; i < json_array_get_length (shares); i++)
    {
      JsonObject *share = json_array_get_object_element (shares, i);
      JsonArray *receipts = json_object_get_array_member (share, "receipts");
      const char *login = json_object_get_string_member (share, "registrar");

      for (guint r = 0; r < json_array_get_length (receipts); r++)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (receipts, r), "assigned_to"),
                         ==, login);
      g_hash_table_insert (counts, g_strdup (login), GUINT_TO_POINTER (json_array_get_length (receipts)));
    }
  return counts;
}

static guint
count_mine (Fixture    *fixture,
            const char *token)
{
  g_autoptr(AppealsTestResponse) mine = REQUEST (fixture, "GET", "/api/v1/receipts?assigned_to=me", token, NULL);

  g_assert_cmpuint (mine->status, ==, 200);
  return json_array_get_length (json_object_get_array_member (appeals_test_response_object (mine), "items"));
}

static void
test_receipt_distribute (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *head = appeals_test_sign_in (fixture->server, "head", "demo");
  g_autoptr(GHashTable) first = NULL;
  g_autoptr(GHashTable) again = NULL;
  g_autoptr(GHashTable) later = NULL;
  g_autoptr(AppealsTestResponse) forbidden = NULL;
  g_autoptr(AppealsTestResponse) unknown = NULL;
  g_autoptr(AppealsTestResponse) nobody = NULL;

  /* eleven among the two registrars: six and five */
  receive_many (fixture, 11);
  first = distribute (fixture, head, "{}");
  g_assert_cmpuint (g_hash_table_size (first), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (first, "registrar")), ==, 6);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (first, "registrar2")), ==, 5);
  g_assert_cmpuint (count_mine (fixture, fixture->registrar), ==, 6);
  g_assert_cmpuint (count_mine (fixture, fixture->registrar2), ==, 5);

  /* nothing is handed twice */
  again = distribute (fixture, head, "{}");
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (again, "registrar")), ==, 0);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (again, "registrar2")), ==, 0);

  /* an absent registrar gets nothing; the one on duty gets all */
  receive_many (fixture, 3);
  later = distribute (fixture, head, "{\"absent\":[\"registrar2\"]}");
  g_assert_cmpuint (g_hash_table_size (later), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (later, "registrar")), ==, 3);
  g_assert_cmpuint (count_mine (fixture, fixture->registrar), ==, 9);

  forbidden = REQUEST (fixture, "POST", "/api/v1/receipts/distribute", fixture->registrar, "{}");
  assert_problem (forbidden, 403, "forbidden");
  unknown = REQUEST (fixture, "POST", "/api/v1/receipts/distribute", head, "{\"absent\":[\"controller\"]}");
  assert_problem (unknown, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (unknown, "absent"), ==, "not_found");
  nobody = REQUEST (fixture, "POST", "/api/v1/receipts/distribute", head,
                    "{\"absent\":[\"registrar\",\"registrar2\"],\"colour\":1}");
  assert_problem (nobody, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (nobody, "colour"), ==, "unknown_field");
}

/* GET @path as the controller: its items, and its count of unregistered. */
static JsonArray *
list_journal (Fixture     *fixture,
              const char  *path,
              gint64      *unregistered)
{
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", path, fixture->controller, NULL);
  JsonObject *answer;

  if (response->status != 200)
    g_error ("GET %s: %u %s", path, response->status, response->text);
  answer = appeals_test_response_object (response);
  *unregistered = json_object_get_int_member (answer, "unregistered");
  return json_array_ref (json_object_get_array_member (answer, "items"));
}

/* A talon's barcode (?number=) finds its one receipt, registered or not;
 * ?unregistered=true lists what is still waiting for its card at the end
 * of the day, and every answer counts those. */
static void
test_receipt_talon_and_unregistered (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *card = appeal_body (applicant, "kostanay-city", "тіркеу");
  g_autofree char *register_body = NULL;
  g_autofree char *by_talon = NULL;
  g_autofree char *no_such = NULL;
  g_autofree char *both = NULL;
  g_autoptr(AppealsTestResponse) registered = NULL;
  g_autoptr(AppealsTestResponse) bad_number = NULL;
  g_autoptr(AppealsTestResponse) bad_filter = NULL;
  g_autoptr(AppealsTestResponse) with_date = NULL;
  g_autoptr(JsonArray) all = NULL;
  g_autoptr(JsonArray) waiting = NULL;
  g_autoptr(JsonArray) found = NULL;
  g_autoptr(JsonArray) found_registered = NULL;
  g_autoptr(JsonArray) none = NULL;
  AppealsTestResponse *responses[3] = { NULL };
  const char *talons[3];
  gint64 ids[3], unregistered, appeal;

  for (guint i = 0; i < 3; i++)
    {
      JsonObject *receipt = post_receipt (fixture, fixture->registrar,
                                          "{\"applicant_name\":\"Нарочный\",\"pages\":1,\"language\":\"kk\"}",
                                          201, &responses[i]);

      ids[i] = json_object_get_int_member (receipt, "id");
      talons[i] = json_object_get_string_member (receipt, "talon_number");
    }

  /* all three wait; the second registered, two do */
  all = list_journal (fixture, "/api/v1/receipts", &unregistered);
  g_assert_cmpuint (json_array_get_length (all), ==, 3);
  g_assert_cmpint (unregistered, ==, 3);
  card[strlen (card) - 1] = '\0';
  register_body = g_strdup_printf ("%s,\"receipt_id\":%" G_GINT64_FORMAT "}", card, ids[1]);
  registered = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar, register_body);
  g_assert_cmpuint (registered->status, ==, 201);
  appeal = json_object_get_int_member (appeals_test_response_object (registered), "id");
  g_clear_pointer (&all, json_array_unref);
  all = list_journal (fixture, "/api/v1/receipts", &unregistered);
  g_assert_cmpuint (json_array_get_length (all), ==, 3);
  g_assert_cmpint (unregistered, ==, 2);
  waiting = list_journal (fixture, "/api/v1/receipts?unregistered=true", &unregistered);
  g_assert_cmpuint (json_array_get_length (waiting), ==, 2);
  g_assert_cmpint (unregistered, ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (waiting, 0), "id"), ==, ids[0]);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (waiting, 1), "id"), ==, ids[2]);

  /* the talon of the third, then of the registered one: each its own */
  by_talon = g_strdup_printf ("/api/v1/receipts?number=%s", talons[2]);
  found = list_journal (fixture, by_talon, &unregistered);
  g_assert_cmpuint (json_array_get_length (found), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (found, 0), "id"), ==, ids[2]);
  g_assert_cmpint (unregistered, ==, 1);
  g_free (by_talon);
  by_talon = g_strdup_printf ("/api/v1/receipts?number=%s", talons[1]);
  found_registered = list_journal (fixture, by_talon, &unregistered);
  g_assert_cmpuint (json_array_get_length (found_registered), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (found_registered, 0), "appeal_id"), ==,
                   appeal);
  g_assert_cmpint (unregistered, ==, 0);

  /* a number the day has not reached: nothing */
  no_such = g_strdup_printf ("/api/v1/receipts?number=%.8s-0004", talons[0]);
  none = list_journal (fixture, no_such, &unregistered);
  g_assert_cmpuint (json_array_get_length (none), ==, 0);
  g_assert_cmpint (unregistered, ==, 0);

  /* what no talon prints, an unknown filter value, a day besides a talon */
  bad_number = REQUEST (fixture, "GET", "/api/v1/receipts?number=061211600012", fixture->registrar, NULL);
  assert_problem (bad_number, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (bad_number, "number"), ==, "invalid_value");
  bad_filter = REQUEST (fixture, "GET", "/api/v1/receipts?unregistered=yes", fixture->registrar, NULL);
  assert_problem (bad_filter, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (bad_filter, "unregistered"), ==, "invalid_value");
  both = g_strdup_printf ("/api/v1/receipts?number=%s&date=2026-01-05", talons[0]);
  with_date = REQUEST (fixture, "GET", both, fixture->registrar, NULL);
  assert_problem (with_date, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (with_date, "date"), ==, "invalid_value");
  for (guint i = 0; i < 3; i++)
    appeals_test_response_free (responses[i]);
}

void
test_api_add_receipts (void)
{
  TEST_API_ADD ("/receipts/numbering", test_receipt_numbering);
  TEST_API_ADD ("/receipts/checks", test_receipt_checks);
  TEST_API_ADD ("/receipts/talon-and-unregistered", test_receipt_talon_and_unregistered);
  TEST_API_ADD ("/receipts/numbers-two-processes", test_receipt_numbers_concurrent);
  TEST_API_ADD ("/receipts/distribute", test_receipt_distribute);
}
