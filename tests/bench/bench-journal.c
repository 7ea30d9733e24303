/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-journal.c: how the journal's costly requests compare with the
 * cheapest one on the same server in the same run — a page of 50 cards, a
 * full-text search, a card by id, and a PATCH with its audit entry, each
 * as a ratio to GET /health. Ratios, not timings: they travel between
 * machines. Run with `meson test -C build --benchmark`.
 */
#include "config.h"

#include "appeals-test-server.h"

#define ROUNDS 300

static double
measure (AppealsTestServer *server,
         SoupSession       *session,
         const char        *method,
         const char        *path,
         const char        *token,
         const char        *first_etag,
         gboolean           patch)
{
  gint64 started = g_get_monotonic_time ();
  g_autofree char *etag = g_strdup (first_etag);

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(AppealsTestResponse) response = NULL;

      if (patch)
        {
          g_autofree char *value = g_strdup_printf ("{\"executor\":\"bench %u\"}", i);
          response = appeals_test_request (server, session, method, path, token, value, "If-Match", etag, NULL);
          g_free (etag);
          etag = g_strdup (appeals_test_response_header (response, "ETag"));
        }
      else
        response = appeals_test_request (server, session, method, path, token, NULL, NULL);

      if (response->status >= 300)
        g_error ("%s %s: %u %s", method, path, response->status, response->text);
    }

  return (g_get_monotonic_time () - started) / (double) ROUNDS;
}

int
main (int argc, char *argv[])
{
  const char *backend = appeals_test_backend_from_args (&argc, argv);
  /* APPEALS_BENCH_APPEALS sets the size of a larger run */
  const char *size = g_getenv ("APPEALS_BENCH_APPEALS") != NULL ? g_getenv ("APPEALS_BENCH_APPEALS") : "2000";
  const char *args[] = { "--demo", "--demo-appeals", size, NULL };
  AppealsTestServer *server = appeals_test_server_start (backend, args);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (server, "controller", "demo");
  g_autoptr(AppealsTestResponse) first = appeals_test_request (server, session, "GET", "/api/v1/appeals?limit=1",
                                                               token, NULL, NULL);
  gint64 id = json_object_get_int_member (json_array_get_object_element (
                json_object_get_array_member (appeals_test_response_object (first), "items"), 0), "id");
  g_autofree char *card = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autoptr(AppealsTestResponse) current = appeals_test_request (server, session, "GET", card, token, NULL, NULL);
  double reference, page, search, by_id, patch;

  /* warm up the statement caches */
  measure (server, session, "GET", "/api/v1/health", NULL, NULL, FALSE);

  reference = measure (server, session, "GET", "/api/v1/health", NULL, NULL, FALSE);
  page = measure (server, session, "GET", "/api/v1/appeals?limit=50", token, NULL, FALSE);
  search = measure (server, session, "GET", "/api/v1/appeals?limit=50&q=%D0%B6%D0%B5%D1%80", token, NULL, FALSE);
  by_id = measure (server, session, "GET", card, token, NULL, FALSE);
  patch = measure (server, session, "PATCH", card, token, appeals_test_response_header (current, "ETag"), TRUE);

  g_print ("backend %s, %s demo appeals, %d rounds each; GET /health = 1.0 (%.0f us here)\n",
           backend, size, ROUNDS, reference);
  g_print ("journal page of 50 cards (with total): %.1fx\n", page / reference);
  g_print ("full-text search, page of 50:          %.1fx\n", search / reference);
  g_print ("card by id (read logged):              %.1fx\n", by_id / reference);
  g_print ("PATCH with If-Match and audit entry:   %.1fx\n", patch / reference);

  appeals_test_server_free (server);
  return 0;
}
