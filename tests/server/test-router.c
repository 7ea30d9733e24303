/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-router.c: matching request paths against the route table — exact
 * segments, {parameters}, 405 with the methods that would do, uploads.
 */
#include "config.h"

#include "appeals-router.h"

static gboolean
handler_a (AppealsRequest  *request,
           GError         **error)
{
  return TRUE;
}

static gboolean
handler_b (AppealsRequest  *request,
           GError         **error)
{
  return TRUE;
}

static AppealsRouter *
new_router (void)
{
  AppealsRouter *router = appeals_router_new ();

  appeals_router_add (router, "GET", "/api/v1/appeals", APPEALS_ALLOW_STAFF, APPEALS_ROUTE_DEFAULT, handler_a);
  appeals_router_add (router, "POST", "/api/v1/appeals", APPEALS_ALLOW_REGISTRAR, APPEALS_ROUTE_IDEMPOTENT, handler_b);
  appeals_router_add (router, "GET", "/api/v1/appeals/{id}", APPEALS_ALLOW_STAFF, APPEALS_ROUTE_DEFAULT, handler_a);
  appeals_router_add (router, "PUT", "/api/v1/appeals/{id}", APPEALS_ALLOW_STAFF, APPEALS_ROUTE_DEFAULT, handler_b);
  appeals_router_add (router, "POST", "/api/v1/receptions/{id}/attachments", APPEALS_ALLOW_STAFF,
                      APPEALS_ROUTE_UPLOAD, handler_a);
  appeals_router_add (router, "GET", "/health", APPEALS_ALLOW_STAFF, APPEALS_ROUTE_PUBLIC, handler_a);
  return router;
}

static const struct {
  const char *method;
  const char *path;
  const char *pattern;   /* NULL: no route */
  const char *id;        /* the {id} parameter, if any */
  const char *allowed;   /* without a route: the methods that would do */
} cases[] = {
  { "GET", "/api/v1/appeals", "/api/v1/appeals", NULL, NULL },
  { "POST", "/api/v1/appeals", "/api/v1/appeals", NULL, NULL },
  { "GET", "/api/v1/appeals/42", "/api/v1/appeals/{id}", "42", NULL },
  { "PUT", "/api/v1/appeals/42", "/api/v1/appeals/{id}", "42", NULL },
  { "DELETE", "/api/v1/appeals/42", NULL, NULL, "GET, PUT" },
  { "PATCH", "/api/v1/appeals", NULL, NULL, "GET, POST" },
  { "GET", "/api/v1/appeals/", NULL, NULL, NULL },             /* an empty parameter */
  { "GET", "/api/v1/appeals/42/history", NULL, NULL, NULL },   /* one segment too many */
  { "GET", "/api/v1", NULL, NULL, NULL },
  { "GET", "/", NULL, NULL, NULL },
  { "GET", "/health", "/health", NULL, NULL },
  { "GET", "/HEALTH", NULL, NULL, NULL },                      /* segments are exact */
  { "POST", "/api/v1/receptions/7/attachments", "/api/v1/receptions/{id}/attachments", "7", NULL },
};

static void
test_match (void)
{
  g_autoptr(AppealsRouter) router = new_router ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autofree char *allowed = NULL;
      const AppealsRoute *route = appeals_router_match (router, cases[i].method, cases[i].path, params, &allowed);

      g_test_message ("%s %s", cases[i].method, cases[i].path);
      if (cases[i].pattern == NULL)
        g_assert_null (route);
      else
        {
          g_assert_nonnull (route);
          g_assert_cmpstr (route->pattern, ==, cases[i].pattern);
          g_assert_cmpstr (route->method, ==, cases[i].method);
        }
      g_assert_cmpstr (g_hash_table_lookup (params, "id"), ==, cases[i].id);
      g_assert_cmpstr (allowed, ==, cases[i].allowed);
    }
}

static void
test_flags_and_handlers (void)
{
  g_autoptr(AppealsRouter) router = new_router ();
  const AppealsRoute *post = appeals_router_match (router, "POST", "/api/v1/appeals", NULL, NULL);
  const AppealsRoute *get = appeals_router_match (router, "GET", "/api/v1/appeals", NULL, NULL);

  g_assert_true (post->handler == handler_b);
  g_assert_true (get->handler == handler_a);
  g_assert_cmpint (post->allow, ==, APPEALS_ALLOW_REGISTRAR);
  g_assert_true (post->flags & APPEALS_ROUTE_IDEMPOTENT);

  g_assert_true (appeals_router_is_upload (router, "POST", "/api/v1/receptions/7/attachments"));
  g_assert_false (appeals_router_is_upload (router, "GET", "/api/v1/receptions/7/attachments"));
  g_assert_false (appeals_router_is_upload (router, "POST", "/api/v1/appeals"));
}

static void
test_list (void)
{
  g_autoptr(AppealsRouter) router = new_router ();
  g_autoptr(GPtrArray) list = appeals_router_list (router);

  g_assert_cmpuint (list->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (list, 0), ==, "GET /api/v1/appeals");
  g_assert_cmpstr (g_ptr_array_index (list, 5), ==, "PUT /api/v1/appeals/{id}");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/router/match", test_match);
  g_test_add_func ("/router/flags-and-handlers", test_flags_and_handlers);
  g_test_add_func ("/router/list", test_list);

  return g_test_run ();
}
