/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-hardening-matrix.c: the authorization matrix over every served
 * route. The routes come from `appeals-server --list-routes`; each must
 * have a row below — a new route without one fails the test. A row says
 * which district-scoped object the route's path id names (an applicant,
 * an appeal, a reception, a reception's attachment, a reception request), or that it is a list
 * (asked for the object through its query), or why it names none. The
 * generated requests: every route with an object in its path as the
 * registrar of the object's district (own), of another district (other)
 * and a region-wide controller (region) — GETs as all three, other
 * methods as "other" only (they would change the world the next rows
 * read) — and every list as "other". Statuses come from the row; no
 * answer to "other" may carry the applicant's IIN or name or the appeal's
 * number. test-hardening-scope.c adds the ids in bodies.
 */
#include "config.h"

#include <string.h>

#include "test-hardening.h"

typedef enum
{
  NAMES_NOTHING,     /* reason given: reference data, the caller's own, … */
  NAMES_APPLICANT,
  NAMES_APPEAL,
  NAMES_RECEPTION,
  NAMES_ATTACHMENT,
  NAMES_REQUEST,     /* a reception request */
  LIST,              /* query: the object's filter */
} Names;

enum { OWN, OTHER, REGION, N_CALLERS };

/* expect: own, other, region; 0 for a caller not asked (lists are asked
 * as "other" only) */
static const struct {
  const char *route;
  Names       names;
  guint       expect[N_CALLERS];
  const char *detail;         /* LIST: the query; NAMES_NOTHING: why */
} rows[] = {
  { "DELETE /api/v1/appeals/{id}/attachments/{file}", NAMES_APPEAL, { 0, 404, 0 } },
  { "DELETE /api/v1/attachments/{id}", NAMES_ATTACHMENT, { 0, 404, 0 } },
  { "DELETE /api/v1/officials/{id}", NAMES_NOTHING, { 0 }, "officials are the region's" },
  { "DELETE /api/v1/session", NAMES_NOTHING, { 0 }, "the caller's own session" },
  { "GET /api/v1/analytics/alerts", LIST, { 0, 200, 0 }, "from={DATE}&to={DATE}" },
  { "GET /api/v1/analytics/answer-quality", NAMES_NOTHING, { 0 }, "counts, no person" },
  { "GET /api/v1/analytics/content-terms", LIST, { 0, 200, 0 }, "from={DATE}&to={DATE}" },
  { "GET /api/v1/analytics/dynamics", LIST, { 0, 200, 0 }, "from={DATE}&to={DATE}" },
  { "GET /api/v1/analytics/line-report", LIST, { 0, 200, 0 }, "from={DATE}&to={DATE}" },
  { "GET /api/v1/analytics/statistical-report", LIST, { 0, 200, 0 }, "from={DATE}&to={DATE}&breakdown=district" },
  { "GET /api/v1/appeals", LIST, { 0, 200, 0 }, "applicant_id={A}" },
  { "GET /api/v1/appeals/count", LIST, { 0, 200, 0 }, "applicant_id={A}" },
  { "GET /api/v1/appeals/{id}", NAMES_APPEAL, { 200, 404, 200 } },
  { "GET /api/v1/appeals/{id}/attachments", NAMES_APPEAL, { 200, 404, 200 } },
  { "GET /api/v1/appeals/{id}/attachments/{file}", NAMES_APPEAL, { 200, 404, 200 } },
  { "GET /api/v1/appeals/{id}/expertise", NAMES_APPEAL, { 200, 404, 200 } },
  { "GET /api/v1/appeals/{id}/history", NAMES_APPEAL, { 200, 404, 200 } },
  { "GET /api/v1/applicants", NAMES_NOTHING, { 0 }, "by the IIN shown at the desk, which opens the card there: test-hardening-scope.c" },
  { "GET /api/v1/applicants/{id}", NAMES_APPLICANT, { 200, 404, 200 } },
  { "GET /api/v1/applicants/{id}/history", NAMES_APPLICANT, { 200, 404, 200 } },
  { "GET /api/v1/applicants/{id}/reads", NAMES_APPLICANT, { 403, 403, 403 } },
  { "GET /api/v1/attachments/{id}", NAMES_ATTACHMENT, { 200, 404, 200 } },
  { "GET /api/v1/audit", NAMES_NOTHING, { 0 }, "the admin's alone (role, test-api)" },
  { "GET /api/v1/calendar", NAMES_NOTHING, { 0 }, "reference data" },
  { "GET /api/v1/calendar/{year}", NAMES_NOTHING, { 0 }, "reference data" },
  { "GET /api/v1/classifiers", NAMES_NOTHING, { 0 }, "reference data" },
  { "GET /api/v1/classifiers/{name}", NAMES_NOTHING, { 0 }, "reference data" },
  { "GET /api/v1/expertise", LIST, { 0, 200, 0 }, "state=awaiting_approval" },
  { "GET /api/v1/health", NAMES_NOTHING, { 0 }, "no data" },
  { "GET /api/v1/kazpost-batches", NAMES_NOTHING, { 0 }, "the regional intake desk's Kazpost batches: envelopes, no district" },
  { "GET /api/v1/kazpost-batches/{id}", NAMES_NOTHING, { 0 }, "the regional intake desk's Kazpost batches: envelopes, no district" },
  { "GET /api/v1/my-work", LIST, { 0, 200, 0 }, "soon_days=20" },
  { "GET /api/v1/officials", NAMES_NOTHING, { 0 }, "officials are the region's" },
  { "GET /api/v1/officials/{id}/free-slots", NAMES_NOTHING, { 0 }, "free times, no person" },
  { "GET /api/v1/orders", LIST, { 0, 200, 0 }, "limit=200" },
  { "GET /api/v1/orders/{id}", NAMES_NOTHING, { 0 }, "an order names an executor body, no person" },
  { "GET /api/v1/orders/{id}/history", NAMES_NOTHING, { 0 }, "an order names an executor body, no person" },
  { "GET /api/v1/receipts", LIST, { 0, 200, 0 }, "date={DATE}" },
  { "GET /api/v1/receipts/{id}", NAMES_NOTHING, { 0 }, "the regional intake journal: no district" },
  { "GET /api/v1/reception-days", NAMES_NOTHING, { 0 }, "free times, no person" },
  { "GET /api/v1/reception-requests", LIST, { 0, 200, 0 }, "state=new" },
  { "GET /api/v1/reception-requests/{id}", NAMES_REQUEST, { 200, 404, 200 } },
  { "GET /api/v1/reception-queues", LIST, { 0, 200, 0 }, "from={DATE}&to={DATE}" },
  { "GET /api/v1/reception-steps/today", LIST, { 0, 200, 0 }, "" },
  { "GET /api/v1/receptions", LIST, { 0, 200, 0 }, "date={DATE}" },
  { "GET /api/v1/receptions/{id}", NAMES_RECEPTION, { 200, 404, 200 } },
  { "GET /api/v1/review", LIST, { 0, 403, 0 }, "" },
  { "GET /api/v1/rules/checklist", NAMES_NOTHING, { 0 }, "reference data" },
  { "GET /api/v1/rules/deadlines", NAMES_NOTHING, { 0 }, "reference data" },
  { "GET /api/v1/rules/letterhead", NAMES_NOTHING, { 0 }, "reference data" },
  { "GET /api/v1/rules/priority-categories", NAMES_NOTHING, { 0 }, "reference data" },
  { "GET /api/v1/rules/reception-workflow", NAMES_NOTHING, { 0 }, "reference data" },
  { "GET /api/v1/session", NAMES_NOTHING, { 0 }, "the caller's own session" },
  { "PATCH /api/v1/appeals/{id}", NAMES_APPEAL, { 0, 404, 0 } },
  { "PATCH /api/v1/applicants/{id}", NAMES_APPLICANT, { 0, 404, 0 } },
  { "PATCH /api/v1/orders/{id}", NAMES_NOTHING, { 0 }, "an order names an executor body, no person" },
  { "PATCH /api/v1/receptions/{id}/orders/{order}", NAMES_RECEPTION, { 0, 404, 0 } },
  { "PATCH /api/v1/receptions/{id}/steps/{code}", NAMES_RECEPTION, { 0, 404, 0 } },
  { "POST /api/v1/appeals", NAMES_NOTHING, { 0 }, "ids in the body: test-hardening-scope.c" },
  { "POST /api/v1/appeals/{id}/actions/{action}", NAMES_APPEAL, { 0, 404, 0 } },
  { "POST /api/v1/appeals/{id}/attachments", NAMES_APPEAL, { 0, 404, 0 } },
  { "POST /api/v1/appeals/{id}/expertise", NAMES_APPEAL, { 0, 403, 0 } },
  { "POST /api/v1/appeals/{id}/notices", NAMES_APPEAL, { 0, 404, 0 } },
  { "POST /api/v1/applicants", NAMES_NOTHING, { 0 }, "a duplicate IIN: test-hardening-scope.c" },
  { "POST /api/v1/expertise/{id}/approval", NAMES_NOTHING, { 0 }, "the head's alone (role)" },
  { "POST /api/v1/kazpost-batches", NAMES_NOTHING, { 0 }, "the regional intake desk's Kazpost batches: envelopes, no district" },
  { "POST /api/v1/kazpost-batches/{id}/actions/close", NAMES_NOTHING, { 0 }, "the regional intake desk's Kazpost batches: envelopes, no district" },
  { "POST /api/v1/kazpost-batches/{id}/list-codes", NAMES_NOTHING, { 0 }, "the regional intake desk's Kazpost batches: envelopes, no district" },
  { "POST /api/v1/kazpost-batches/{id}/returns", NAMES_NOTHING, { 0 }, "the regional intake desk's Kazpost batches: envelopes, no district" },
  { "POST /api/v1/kazpost-batches/{id}/scans", NAMES_NOTHING, { 0 }, "the regional intake desk's Kazpost batches: envelopes, no district" },
  { "POST /api/v1/officials", NAMES_NOTHING, { 0 }, "officials are the region's" },
  { "POST /api/v1/orders", NAMES_NOTHING, { 0 }, "an order names an executor body, no person" },
  { "POST /api/v1/orders/{id}/reports", NAMES_NOTHING, { 0 }, "an order names an executor body, no person" },
  { "POST /api/v1/receipts", NAMES_NOTHING, { 0 }, "the regional intake journal: no district" },
  { "POST /api/v1/receipts/distribute", NAMES_NOTHING, { 0 }, "the regional intake journal: no district" },
  { "POST /api/v1/receipts/import", NAMES_NOTHING, { 0 }, "the regional intake journal: no district" },
  { "POST /api/v1/reception-requests", NAMES_NOTHING, { 0 }, "ids in the body: test-api-reception-requests.c" },
  { "POST /api/v1/reception-requests/{id}/actions/{action}", NAMES_REQUEST, { 0, 404, 0 } },
  { "POST /api/v1/receptions", NAMES_NOTHING, { 0 }, "ids in the body: test-hardening-scope.c" },
  { "POST /api/v1/receptions/{id}/actions/{action}", NAMES_RECEPTION, { 0, 404, 0 } },
  { "POST /api/v1/receptions/{id}/archive", NAMES_RECEPTION, { 0, 403, 0 } },
  { "POST /api/v1/receptions/{id}/attachments", NAMES_RECEPTION, { 0, 404, 0 } },
  { "POST /api/v1/receptions/{id}/orders", NAMES_RECEPTION, { 0, 404, 0 } },
  { "POST /api/v1/receptions/{id}/review", NAMES_RECEPTION, { 0, 403, 0 } },
  { "POST /api/v1/session", NAMES_NOTHING, { 0 }, "signs in: no object" },
  { "PUT /api/v1/analytics/alerts/{id}/note", NAMES_NOTHING, { 0 }, "an alert's id names its district: another district's is 404, test-api-dynamics.c" },
  { "PUT /api/v1/appeals/{id}", NAMES_APPEAL, { 0, 404, 0 } },
  { "PUT /api/v1/officials/{id}", NAMES_NOTHING, { 0 }, "officials are the region's" },
  { "PUT /api/v1/receptions/{id}/arrangements", NAMES_RECEPTION, { 0, 404, 0 } },
};

typedef struct
{
  gint64  ids[LIST];        /* by Names */
  gint64  file;             /* an attachment of the appeal */
  char   *date;
  char   *iin;
  char   *number;
} World;

static GPtrArray *
served_routes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                                     g_getenv ("APPEALS_SERVER_EXE"), "--list-routes", NULL);
  g_auto(GStrv) lines = NULL;
  GPtrArray *routes = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_ptr_array_add (routes, g_strdup (lines[i]));
  return routes;
}

/* The route's path with the world's ids, e.g. /api/v1/appeals/17/attachments/3. */
static char *
expand (World      *world,
        guint       row,
        const char *template)
{
  GString *path = g_string_new (template);
  /* a list names no object: its query does */
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                         rows[row].names < LIST ? world->ids[rows[row].names] : 0);
  g_autofree char *file = g_strdup_printf ("%" G_GINT64_FORMAT, world->file);
  g_autofree char *applicant = g_strdup_printf ("%" G_GINT64_FORMAT, world->ids[NAMES_APPLICANT]);

  g_string_replace (path, "{id}", id, 0);
  g_string_replace (path, "{file}", file, 0);
  g_string_replace (path, "{order}", "1", 0);
  g_string_replace (path, "{code}", "greeting", 0);
  g_string_replace (path, "{action}", "register", 0);
  if (rows[row].names == LIST && *rows[row].detail != '\0')
    {
      g_string_append_printf (path, "?%s", rows[row].detail);
      g_string_replace (path, "{A}", applicant, 0);
      g_string_replace (path, "{DATE}", world->date, 0);
    }
  return g_string_free (path, FALSE);
}

static void
test_matrix_every_route (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char *tokens[N_CALLERS] = { fixture->registrar, fixture->registrar2, fixture->controller };
  const char *callers[N_CALLERS] = { "own district", "other district", "region-wide" };
  g_autoptr(GPtrArray) routes = served_routes ();
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", fixture->registrar, NULL);
  World world = { { 0 } };
  guint requests = 0;
  g_autoptr(GString) wrong = g_string_new (NULL);

  world.iin = g_strdup ("061211600061");
  world.ids[NAMES_APPLICANT] = create_applicant (fixture, world.iin);
  world.ids[NAMES_APPEAL] = create_appeal (fixture, fixture->registrar, world.ids[NAMES_APPLICANT], "kostanay-city",
                                           "matrix");
  world.ids[NAMES_RECEPTION] = book_soon (fixture, world.ids[NAMES_APPLICANT],
                                          json_object_get_int_member (json_array_get_object_element (
                                            json_object_get_array_member (appeals_test_response_object (officials),
                                                                          "items"), 0), "id"),
                                          &world.date);
  {
    g_autofree char *body = g_strdup_printf ("{\"applicant_id\":%" G_GINT64_FORMAT ",\"question\":\"matrix\","
                                             "\"channel\":\"by_hand\"}", world.ids[NAMES_APPLICANT]);
    g_autoptr(AppealsTestResponse) request = REQUEST (fixture, "POST", "/api/v1/reception-requests",
                                                      fixture->registrar, body);

    g_assert_cmpuint (request->status, ==, 201);
    world.ids[NAMES_REQUEST] = json_object_get_int_member (appeals_test_response_object (request), "id");
  }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, world.ids[NAMES_APPEAL]);
    g_autoptr(AppealsTestResponse) card = REQUEST (fixture, "GET", path, fixture->registrar, NULL);
    g_autoptr(AppealsTestResponse) file = upload_file (fixture, fixture->registrar, "appeals", world.ids[NAMES_APPEAL],
                                                       "other", "a.txt", "text/plain", "x", 1);
    g_autoptr(AppealsTestResponse) note = upload_file (fixture, fixture->registrar, "receptions",
                                                       world.ids[NAMES_RECEPTION], "reference_note", "b.txt",
                                                       "text/plain", "y", 1);

    world.number = g_strdup (json_object_get_string_member (appeals_test_response_object (card),
                                                            "registration_number"));
    g_assert_cmpuint (file->status, ==, 201);
    g_assert_cmpuint (note->status, ==, 201);
    world.file = json_object_get_int_member (appeals_test_response_object (file), "id");
    world.ids[NAMES_ATTACHMENT] = json_object_get_int_member (appeals_test_response_object (note), "id");
  }

  for (guint r = 0; r < routes->len; r++)
    {
      const char *route = g_ptr_array_index (routes, r);
      g_autofree char *method = g_strndup (route, strchr (route, ' ') - route);
      guint row = 0;

      while (row < G_N_ELEMENTS (rows) && !g_str_equal (rows[row].route, route))
        row++;
      if (row == G_N_ELEMENTS (rows))
        g_error ("%s has no row in the authorization matrix (test-hardening-matrix.c)", route);
      if (rows[row].names == NAMES_NOTHING)
        continue;

      for (guint caller = 0; caller < N_CALLERS; caller++)
        {
          g_autofree char *path = expand (&world, row, strchr (route, ' ') + 1);
          g_autofree char *what = g_strdup_printf ("%s %s as %s", method, path, callers[caller]);
          g_autoptr(AppealsTestResponse) response = NULL;
          guint expected = rows[row].expect[caller];

          if (expected == 0)
            continue;
          response = REQUEST (fixture, method, path, tokens[caller], g_str_equal (method, "GET") ? NULL : "{}");
          if (response->status != expected)
            g_string_append_printf (wrong, "%s: expected %u, got %u: %.200s\n", what, expected, response->status,
                                    response->text);
          if (caller == OTHER)
            assert_no_leak (response, what, world.iin, world.number);
          requests++;
        }
    }
  g_test_message ("%u routes, %u requests in the matrix", routes->len, requests);
  if (wrong->len > 0)
    g_error ("answers not as the matrix says:\n%s", wrong->str);

  g_free (world.date);
  g_free (world.iin);
  g_free (world.number);
}

void
test_hardening_add_matrix (void)
{
  TEST_API_ADD ("/hardening/authorization-matrix/every-route", test_matrix_every_route);
}
