/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-receipts.c: the intake desk's daily receipt journal — through
 * numbers per day, the receiver and the term on the talon, the applicant
 * found by IIN, the checks of the quick form, and numbers that stay
 * unique when two server processes hand them out at once.
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

void
test_api_add_receipts (void)
{
  TEST_API_ADD ("/receipts/numbering", test_receipt_numbering);
  TEST_API_ADD ("/receipts/checks", test_receipt_checks);
  TEST_API_ADD ("/receipts/numbers-two-processes", test_receipt_numbers_concurrent);
}
