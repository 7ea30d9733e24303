/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-hardening.c: the server as an attacker tries it (issue 17), on a
 * real appeals-server process, once on SQLite and once on PostgreSQL
 * (--backend=). This file: text that is not UTF-8, anywhere in a
 * request; the other test-hardening-*.c files add connections, scope
 * through ids in bodies, sign-in throttling and strict parsing.
 */
#include "config.h"

#include <string.h>

#include "test-hardening.h"

/* The server still answers a normal request. */
void
assert_server_alive (Fixture *fixture)
{
  g_autoptr(AppealsTestResponse) health = REQUEST (fixture, "GET", "/api/v1/health", fixture->controller, NULL);

  g_assert_cmpuint (health->status, ==, 200);
}

/* Sends @request as it is over a new connection and returns the status
 * of the answer (0 when there is none); *text_out gets the whole answer. */
guint
raw_exchange (Fixture    *fixture,
              const char *request,
              char      **text_out)
{
  g_autoptr(GSocketConnection) connection = raw_connect (fixture);
  g_autofree char *text = NULL;
  guint status = 0;

  raw_write (connection, request);
  text = raw_read_all (connection);
  if (g_str_has_prefix (text, "HTTP/1.1 "))
    status = g_ascii_strtoull (text + strlen ("HTTP/1.1 "), NULL, 10);
  if (text_out != NULL)
    *text_out = g_steal_pointer (&text);
  return status;
}

/* Nothing of the person (@iin, the surname the tests give) or their
 * appeal (@number, may be %NULL) in an answer to a stranger. */
void
assert_no_leak (AppealsTestResponse *response,
                const char          *what,
                const char          *iin,
                const char          *number)
{
  if (strstr (response->text, iin) != NULL || strstr (response->text, "Сейтқали") != NULL ||
      (number != NULL && strstr (response->text, number) != NULL))
    g_error ("%s leaks to another district: %s", what, response->text);
}

/* Asserts that @text, a whole raw answer, is problem+json with @code. */
void
assert_raw_problem (const char *text,
                    const char *code)
{
  g_autofree char *member = g_strdup_printf ("\"code\":\"%s\"", code);

  if (strstr (text, "Content-Type: application/problem+json") == NULL || strstr (text, member) == NULL)
    g_error ("expected a problem+json answer with %s, got: %s", code, text);
}

static const char * const appeal_filters[] = {
  "district", "registrar", "addressee_body", "question_character", "q", "state", "sort", "cursor",
  "limit", "from", "to", "control", "overdue", "applicant_id", "kind",
};

static const char * const reception_paths[] = {
  "/api/v1/receptions?date=", "/api/v1/receptions?official_id=", "/api/v1/reception-days?from=",
  "/api/v1/reception-days?to=", "/api/v1/reception-queues?from=", "/api/v1/reception-queues?official_id=",
  "/api/v1/expertise?state=", "/api/v1/applicants?iin=",
};

static void
assert_invalid_encoding (Fixture    *fixture,
                         const char *method,
                         const char *path,
                         const char *body)
{
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, method, path, fixture->registrar, body);

  if (response->status != 400)
    g_error ("%s %s: expected 400, got %u: %s", method, path, response->status, response->text);
  assert_problem (response, 400, "invalid_encoding");
}

/* %ff in every filter of every list, in a path, in a header and in a
 * JSON body: 400 invalid_encoding each time, and the server lives on. */
static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *raw = NULL;
  guint status;

  for (guint i = 0; i < G_N_ELEMENTS (appeal_filters); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/appeals?%s=%%ff", appeal_filters[i]);
      g_autofree char *key = g_strdup_printf ("/api/v1/appeals?%s%%fe=1", appeal_filters[i]);

      assert_invalid_encoding (fixture, "GET", path, NULL);
      assert_invalid_encoding (fixture, "GET", key, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (reception_paths); i++)
    {
      g_autofree char *path = g_strconcat (reception_paths[i], "%ff", NULL);
      g_autofree char *nul = g_strconcat (reception_paths[i], "1%00", NULL);

      assert_invalid_encoding (fixture, "GET", path, NULL);
      assert_invalid_encoding (fixture, "GET", nul, NULL);
    }
  assert_invalid_encoding (fixture, "GET", "/api/v1/applicants?iin=%ff", NULL);
  assert_invalid_encoding (fixture, "GET", "/api/v1/applicants?iin=%c3%28", NULL);
  assert_invalid_encoding (fixture, "GET", "/api/v1/classifiers/%ff", NULL);
  assert_invalid_encoding (fixture, "GET", "/api/v1/appeals/1%ff", NULL);
  assert_invalid_encoding (fixture, "POST", "/api/v1/applicants", "{\"iin\":\"\xff\"}");
  assert_invalid_encoding (fixture, "POST", "/api/v1/session", "{\"login\":\"\xc3\x28\",\"password\":\"x\"}");

  /* a header the server reads, sent as raw bytes: libsoup 3.2 mends
   * header values itself, the server checks them all the same */
  status = raw_exchange (fixture, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n"
                         "Accept-Language: kk\xff\r\nConnection: close\r\n\r\n", &raw);
  if (status == 400)
    assert_raw_problem (raw, "invalid_encoding");
  else
    g_assert_cmpuint (status, ==, 200);

  assert_server_alive (fixture);
}

/* A request target over 8 KiB is 414, header fields over 32 KiB or more
 * than 100 of them are 431: problem+json in the asked language, and the
 * connection closed. Just under the limits the request is served. */
static void
test_oversized_head (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *padding = g_strnfill (8192 - strlen ("/api/v1/health?x="), 'a');
  g_autofree char *value = g_strnfill (32 * 1024, 'b');
  g_autoptr(GString) fields = g_string_new (NULL);
  struct {
    char       *request;
    guint       status;
    const char *code;
  } cases[] = {
    { g_strdup_printf ("GET /api/v1/health?x=%s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", padding), 200 },
    { g_strdup_printf ("GET /api/v1/health?x=%sa HTTP/1.1\r\nHost: x\r\nAccept-Language: ru\r\n\r\n", padding),
      414, "uri_too_long" },
    { g_strdup_printf ("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nAccept-Language: ru\r\nX-Big: %s\r\n\r\n", value),
      431, "header_fields_too_large" },
    { NULL, 431, "header_fields_too_large" },
  };

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (fields, "X-Field-%u: %u\r\n", i, i);
  cases[3].request = g_strdup_printf ("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nAccept-Language: ru\r\n%s\r\n",
                                      fields->str);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      guint status = raw_exchange (fixture, cases[i].request, &text);

      if (status != cases[i].status)
        g_error ("case %u: expected %u, got %u: %.300s", i, cases[i].status, status, text);
      if (cases[i].code != NULL)
        {
          assert_raw_problem (text, cases[i].code);
          /* the title in the asked language, and the connection not kept */
          g_assert_nonnull (strstr (text, "Connection: close"));
          g_assert_null (strstr (text, "Unknown Error"));
          g_assert_true (strstr (text, "слишком длинный") != NULL || strstr (text, "слишком велики") != NULL);
        }
      g_free (cases[i].request);
    }
  assert_server_alive (fixture);
}

int
main (int argc, char *argv[])
{
  test_api_backend = appeals_test_backend_from_args (&argc, argv);
  g_test_init (&argc, &argv, NULL);

  TEST_API_ADD ("/hardening/invalid-utf8", test_invalid_utf8);
  TEST_API_ADD ("/hardening/oversized-head", test_oversized_head);
  test_hardening_add_connections ();
  test_hardening_add_scope ();
  test_hardening_add_sign_in ();
  test_hardening_add_parsing ();
  test_hardening_add_tls ();
  test_hardening_add_kill ();
  test_hardening_add_matrix ();
  test_hardening_add_log ();
  test_hardening_add_gone ();
  test_hardening_add_housekeeping ();
  /* last, and its own suite: the answers of all the above against the
   * document (raw-socket framings are not recorded) */
  g_test_add_func ("/contract/answers", test_api_check_contract);

  test_api_record_exchanges ();
  return g_test_run ();
}
