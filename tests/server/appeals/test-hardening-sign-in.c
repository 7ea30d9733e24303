/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-hardening-sign-in.c: sign-in throttling that cannot lock anyone
 * out for good, a login checked for its shape before anything is looked
 * up, the scheduled purge of idempotency keys, and a retry recognised
 * whatever the order of its members.
 */
#include "config.h"

#include <string.h>

#include "test-hardening.h"

static AppealsTestResponse *
sign_in (Fixture    *fixture,
         const char *login,
         const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"login\":\"%s\",\"password\":\"%s\"}", login, password);

  return REQUEST (fixture, "POST", "/api/v1/session", NULL, body);
}

/* Five wrong passwords make the login wait, not lock: during the wait
 * even the right password gets 429 with Retry-After, after it the right
 * password works. */
static void
test_back_off (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) waiting = NULL;
  g_autoptr(AppealsTestResponse) right_too_early = NULL;
  g_autoptr(AppealsTestResponse) right_later = NULL;
  guint64 retry_after;

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(AppealsTestResponse) wrong = sign_in (fixture, "analyst", "guess");

      assert_problem (wrong, 401, "invalid_credentials");
    }
  waiting = sign_in (fixture, "analyst", "guess");
  assert_problem (waiting, 429, "too_many_requests");
  retry_after = g_ascii_strtoull (appeals_test_response_header (waiting, "Retry-After"), NULL, 10);
  g_assert_cmpuint (retry_after, >=, 1);
  g_assert_cmpuint (retry_after, <=, 10);

  right_too_early = sign_in (fixture, "analyst", "demo");
  assert_problem (right_too_early, 429, "too_many_requests");

  g_usleep ((retry_after + 1) * G_USEC_PER_SEC);
  right_later = sign_in (fixture, "analyst", "demo");
  g_assert_cmpuint (right_later->status, ==, 201);
}

/* A spray of logins from one address makes that address wait; logins
 * that cannot exist are refused without being counted or stored. */
static void
test_address_back_off (void)
{
  const char *args[] = { "--demo", "--demo-appeals", "1", "--sign-in-failures-per-address", "3", NULL };
  Fixture fixture = { 0 };
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(AppealsTestResponse) sprayed = NULL;
  g_autoptr(AppealsTestResponse) blocked = NULL;

  fixture.server = appeals_test_server_start (test_api_backend, args);
  fixture.session = soup_session_new ();

  /* a 512 KB login, spaces, a slash: 401 at once, and not one failure counted */
  g_string_append_c (huge, 'a');
  while (huge->len < 512 * 1024)
    g_string_append_c (huge, 'b');
  for (guint i = 0; i < 5; i++)
    {
      static const char *shapes[] = { NULL, "a b", "x/../y", "", "1abc" };
      g_autoptr(AppealsTestResponse) refused = sign_in (&fixture, shapes[i] != NULL ? shapes[i] : huge->str, "x");

      assert_problem (refused, 401, "invalid_credentials");
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *login = g_strdup_printf ("sprayed%u", i);
      g_autoptr(AppealsTestResponse) wrong = sign_in (&fixture, login, "guess");

      assert_problem (wrong, 401, "invalid_credentials");
    }
  /* the address's third failure: every login of it waits now */
  sprayed = sign_in (&fixture, "sprayed2", "guess");
  assert_problem (sprayed, 429, "too_many_requests");
  blocked = sign_in (&fixture, "head", "demo");
  assert_problem (blocked, 429, "too_many_requests");
  g_assert_nonnull (appeals_test_response_header (blocked, "Retry-After"));

  appeals_test_server_free (fixture.server);
  g_object_unref (fixture.session);
}

/* The same members in another order are the same request; a key is
 * forgotten once its time is over (here one second, purged every
 * second). */
static void
test_idempotency_canonical_and_purged (void)
{
  const char *args[] = { "--demo", "--demo-appeals", "1", "--idempotency-retention", "1",
                         "--housekeeping-interval", "1", NULL };
  Fixture fixture = { 0 };
  const char *body = "{\"iin\":\"061211600048\",\"surname\":\"Сейтқали\",\"given_name\":\"Әлия\","
                     "\"address\":\"Қостанай\",\"phone\":\"87051234567\"}";
  const char *reordered = "{\"phone\":\"87051234567\",\"address\":\"Қостанай\",\"given_name\":\"Әлия\","
                          "\"surname\":\"Сейтқали\",\"iin\":\"061211600048\"}";
  g_autoptr(AppealsTestResponse) first = NULL;
  g_autoptr(AppealsTestResponse) retry = NULL;
  g_autoptr(AppealsTestResponse) late = NULL;

  fixture.server = appeals_test_server_start (test_api_backend, args);
  fixture.session = soup_session_new ();
  fixture.registrar = appeals_test_sign_in (fixture.server, "registrar", "demo");

  first = REQUEST (&fixture, "POST", "/api/v1/applicants", fixture.registrar, body, "Idempotency-Key", "k-1");
  retry = REQUEST (&fixture, "POST", "/api/v1/applicants", fixture.registrar, reordered, "Idempotency-Key", "k-1");
  g_assert_cmpuint (first->status, ==, 201);
  g_assert_cmpuint (retry->status, ==, 201);
  g_assert_cmpstr (appeals_test_response_header (retry, "Idempotent-Replayed"), ==, "true");

  /* after the retention the key is gone: the same POST is a new one (a
   * duplicate IIN here) */
  g_usleep (3 * G_USEC_PER_SEC);
  late = REQUEST (&fixture, "POST", "/api/v1/applicants", fixture.registrar, body, "Idempotency-Key", "k-1");
  assert_problem (late, 409, "conflict");

  appeals_test_server_free (fixture.server);
  g_object_unref (fixture.session);
  g_free (fixture.registrar);
}

/* The demo accounts' password opens nothing on a server started without
 * --demo, even on a database a demo server filled. */
static void
test_demo_password_outside_demo (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  AppealsTestServer *plain = appeals_test_server_start_beside (fixture->server, NULL);
  g_autoptr(AppealsTestResponse) refused = NULL;
  g_autoptr(AppealsTestResponse) in_demo = sign_in (fixture, "head", "demo");

  refused = appeals_test_request (plain, fixture->session, "POST", "/api/v1/session", NULL,
                                  "{\"login\":\"head\",\"password\":\"demo\"}", NULL);
  assert_problem (refused, 401, "invalid_credentials");
  g_assert_cmpuint (in_demo->status, ==, 201);
  appeals_test_server_free (plain);
}

void
test_hardening_add_sign_in (void)
{
  TEST_API_ADD ("/hardening/demo-password-outside-demo", test_demo_password_outside_demo);
  TEST_API_ADD ("/hardening/sign-in-back-off", test_back_off);
  g_test_add_func ("/hardening/sign-in-per-address", test_address_back_off);
  g_test_add_func ("/hardening/idempotency-canonical-purged", test_idempotency_canonical_and_purged);
}
