/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-hardening-scope.c: the authorization matrix. Every route that
 * refers to an applicant, an appeal or a reception — by an id in its
 * path, its query or its body — is tried from a table by three callers:
 * the registrar of the objects' district (own), the registrar of another
 * district (other) and a region-wide controller (region). Each answer
 * must have the status the table says, and no answer to "other" may carry
 * the applicant's IIN, name or the appeal's number: zero leaks.
 */
#include "config.h"

#include <string.h>

#include "test-hardening.h"

typedef enum
{
  CALLER_OWN,
  CALLER_OTHER,
  CALLER_REGION,
  N_CALLERS
} Caller;

static const char * const caller_names[] = { "own district", "other district", "region-wide" };

/* {A} the applicant, {P} their appeal, {R} their reception, {O} an
 * official, {B} an applicant of the other district, {DATE} a working day,
 * {DISTRICT} the caller's own district (the region's first for the
 * controller), {TIME} a free time for the caller. */
static const struct {
  const char *method;
  const char *path;
  const char *body;
  const char *where;          /* "path", "query" or "body" */
  guint       expect[N_CALLERS];
  const char *field;          /* the field a 422 to "other" names */
} matrix[] = {
  { "GET", "/api/v1/applicants/{A}", NULL, "path", { 200, 404, 200 }, NULL },
  { "GET", "/api/v1/applicants/{A}/history", NULL, "path", { 200, 404, 200 }, NULL },
  { "PATCH", "/api/v1/applicants/{A}", "{\"phone\":\"87051112233\"}", "path", { 428, 404, 428 }, NULL },
  { "GET", "/api/v1/appeals/{P}", NULL, "path", { 200, 404, 200 }, NULL },
  { "GET", "/api/v1/appeals/{P}/history", NULL, "path", { 200, 404, 200 }, NULL },
  { "GET", "/api/v1/appeals/{P}/expertise", NULL, "path", { 200, 404, 200 }, NULL },
  { "PATCH", "/api/v1/appeals/{P}", "{\"annotation\":\"x\"}", "path", { 428, 404, 428 }, NULL },
  { "GET", "/api/v1/receptions/{R}", NULL, "path", { 200, 404, 200 }, NULL },
  { "POST", "/api/v1/receptions/{R}/orders", "{\"text\":\"x\"}", "path", { 0, 404, 0 }, NULL },
  { "POST", "/api/v1/receptions/{R}/attachments?kind=reference_note&file_name=a.txt", "x", "path",
    { 0, 404, 0 }, NULL },
  { "GET", "/api/v1/appeals?applicant_id={A}", NULL, "query", { 200, 200, 200 }, NULL },
  { "POST", "/api/v1/appeals",
    "{\"applicant_id\":{A},\"channel\":\"by_hand\",\"form\":\"electronic\",\"kind\":\"application\","
    "\"addressee_body\":\"education\",\"question_character\":\"education\",\"category\":\"typical\","
    "\"language\":\"kk\",\"district\":\"{DISTRICT}\",\"annotation\":\"matrix\"}",
    "body", { 201, 422, 201 }, "applicant_id" },
  { "POST", "/api/v1/receptions",
    "{\"official_id\":{O},\"date\":\"{DATE}\",\"start_time\":\"{TIME}\",\"applicant_id\":{A},"
    "\"question\":\"Жылу беру\"}",
    "body", { 201, 422, 201 }, "applicant_id" },
  { "POST", "/api/v1/receptions",
    "{\"official_id\":{O},\"date\":\"{DATE}\",\"start_time\":\"{TIME}\",\"applicant_id\":{B},"
    "\"appeal_id\":{P},\"question\":\"Жылу беру\"}",
    "body", { 422, 422, 201 }, "appeal_id" },
};

typedef struct
{
  Fixture    *fixture;
  gint64      applicant, appeal, reception, official, other_applicant;
  char       *date;
  char       *iin;
  char       *number;   /* the appeal's registration number */
} World;

/* The official's first time still free on the world's date: each booking
 * asks anew, so that the ones refused leave their time to the next. */
static char *
first_free_time (World *world)
{
  g_autoptr(GPtrArray) free = free_slots (world->fixture, world->official, world->date);

  if (free->len == 0)
    g_error ("no free time left with official %" G_GINT64_FORMAT " on %s", world->official, world->date);
  return g_strdup (g_ptr_array_index (free, 0));
}

static char *
expand (World      *world,
        const char *text,
        Caller      caller,
        guint       row)
{
  static const char * const districts[] = { "kostanay-city", "rudny-city", "kostanay-city" };
  g_autofree char *time = strstr (text, "{TIME}") != NULL ? first_free_time (world) : g_strdup ("");
  struct { const char *name; char *value; } names[] = {
    { "{A}", g_strdup_printf ("%" G_GINT64_FORMAT, world->applicant) },
    { "{P}", g_strdup_printf ("%" G_GINT64_FORMAT, world->appeal) },
    { "{R}", g_strdup_printf ("%" G_GINT64_FORMAT, world->reception) },
    { "{O}", g_strdup_printf ("%" G_GINT64_FORMAT, world->official) },
    { "{B}", g_strdup_printf ("%" G_GINT64_FORMAT, world->other_applicant) },
    { "{DATE}", g_strdup (world->date) },
    { "{DISTRICT}", g_strdup (districts[caller]) },
    { "{TIME}", g_strdup (time) },
  };
  GString *out = g_string_new (text);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_string_replace (out, names[i].name, names[i].value, 0);
      g_free (names[i].value);
    }
  return g_string_free (out, FALSE);
}

static void
test_matrix (Fixture       *fixture,
             gconstpointer  user_data)
{
  const char *tokens[N_CALLERS] = { fixture->registrar, fixture->registrar2, fixture->controller };
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", fixture->registrar, NULL);
  World world = { fixture };
  guint checked = 0;

  world.iin = g_strdup ("061211600012");
  world.applicant = create_applicant (fixture, world.iin);
  world.appeal = create_appeal (fixture, fixture->registrar, world.applicant, "kostanay-city", "matrix");
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, world.appeal);
    g_autoptr(AppealsTestResponse) card = REQUEST (fixture, "GET", path, fixture->registrar, NULL);

    world.number = g_strdup (json_object_get_string_member (appeals_test_response_object (card),
                                                            "registration_number"));
  }
  world.official = json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (appeals_test_response_object (officials), "items"), 0), "id");
  world.reception = book_soon (fixture, world.applicant, world.official, &world.date);
  {
    /* the other district's own applicant */
    g_autoptr(AppealsTestResponse) created = REQUEST (fixture, "POST", "/api/v1/applicants", fixture->registrar2,
                                                      "{\"iin\":\"061211600024\",\"surname\":\"Ким\","
                                                      "\"given_name\":\"Ольга\",\"address\":\"Рудный\","
                                                      "\"phone\":\"87051234568\"}");

    g_assert_cmpuint (created->status, ==, 201);
    world.other_applicant = json_object_get_int_member (appeals_test_response_object (created), "id");
  }

  for (guint row = 0; row < G_N_ELEMENTS (matrix); row++)
    for (Caller caller = 0; caller < N_CALLERS; caller++)
      {
        g_autofree char *path = expand (&world, matrix[row].path, caller, row);
        g_autofree char *body = matrix[row].body != NULL ? expand (&world, matrix[row].body, caller, row) : NULL;
        g_autofree char *what = g_strdup_printf ("%s %s (id in %s) as %s", matrix[row].method, path,
                                                 matrix[row].where, caller_names[caller]);
        g_autoptr(AppealsTestResponse) response = NULL;
        gboolean upload = strstr (path, "/attachments") != NULL;

        if (upload)
          {
            g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);

            response = appeals_test_request_bytes (fixture->server, fixture->session, matrix[row].method, path,
                                                   tokens[caller], "text/plain", bytes);
          }
        else
          response = REQUEST (fixture, matrix[row].method, path, tokens[caller], body);

        if (matrix[row].expect[caller] == 0)
          {
            /* allowed: anything but "not there" */
            if (response->status == 404 || response->status >= 500)
              g_error ("%s: expected it allowed, got %u: %s", what, response->status, response->text);
          }
        else if (response->status != matrix[row].expect[caller])
          g_error ("%s: expected %u, got %u: %s", what, matrix[row].expect[caller], response->status, response->text);

        if (caller == CALLER_OTHER)
          {
            /* the id out of scope is the one named, as if it did not exist */
            if (response->status == 422 && matrix[row].field != NULL &&
                g_strcmp0 (field_error_code (response, matrix[row].field), "not_found") != 0)
              g_error ("%s: %s is not named not_found: %s", what, matrix[row].field, response->text);
            assert_no_leak (response, what, world.iin, world.number);
          }
        checked++;
      }
  g_test_message ("%u requests checked", checked);

  /* the query id: the other district's list is empty */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/appeals?applicant_id=%" G_GINT64_FORMAT, world.applicant);
    g_autoptr(AppealsTestResponse) own = REQUEST (fixture, "GET", path, fixture->registrar, NULL);
    g_autoptr(AppealsTestResponse) other = REQUEST (fixture, "GET", path, fixture->registrar2, NULL);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (own),
                                                                           "items")), >=, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (other),
                                                                           "items")), ==, 0);
  }

  g_free (world.date);
  g_free (world.iin);
  g_free (world.number);
}

/* A 409 on a duplicate IIN names the card's id only to whoever may see
 * it; an applicant without appeals is not every district's; presenting
 * the IIN at another desk makes the card that district's too. */
static void
test_applicant_districts (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const char *body = "{\"iin\":\"061211600036\",\"surname\":\"Сейтқали\",\"given_name\":\"Әлия\","
                     "\"address\":\"Қостанай\",\"phone\":\"87051234567\"}";
  g_autoptr(AppealsTestResponse) created = REQUEST (fixture, "POST", "/api/v1/applicants", fixture->registrar, body);
  gint64 id = json_object_get_int_member (appeals_test_response_object (created), "id");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *path = g_strdup_printf ("/api/v1/applicants/%" G_GINT64_FORMAT, id);
  g_autoptr(AppealsTestResponse) own_duplicate = REQUEST (fixture, "POST", "/api/v1/applicants", fixture->registrar, body);
  g_autoptr(AppealsTestResponse) other_duplicate = REQUEST (fixture, "POST", "/api/v1/applicants",
                                                            fixture->registrar2, body);
  g_autoptr(AppealsTestResponse) other_before = REQUEST (fixture, "GET", path, fixture->registrar2, NULL);
  g_autoptr(AppealsTestResponse) found = NULL;
  g_autoptr(AppealsTestResponse) other_after = NULL;
  g_autoptr(AppealsTestResponse) region = REQUEST (fixture, "GET", path, fixture->controller, NULL);
  JsonArray *errors;

  g_assert_cmpuint (created->status, ==, 201);
  assert_problem (own_duplicate, 409, "conflict");
  errors = json_object_get_array_member (appeals_test_response_object (own_duplicate), "errors");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "detail"), ==, id_text);

  assert_problem (other_duplicate, 409, "conflict");
  g_assert_null (strstr (other_duplicate->text, id_text));
  /* no appeal yet, registered in Kostanay: not Rudny's */
  assert_problem (other_before, 404, "not_found");
  g_assert_cmpuint (region->status, ==, 200);

  /* the person shows their IIN at the Rudny desk */
  found = REQUEST (fixture, "GET", "/api/v1/applicants?iin=061211600036", fixture->registrar2, NULL);
  g_assert_cmpuint (found->status, ==, 200);
  other_after = REQUEST (fixture, "GET", path, fixture->registrar2, NULL);
  g_assert_cmpuint (other_after->status, ==, 200);
}

void
test_hardening_add_scope (void)
{
  TEST_API_ADD ("/hardening/authorization-matrix", test_matrix);
  TEST_API_ADD ("/hardening/applicant-districts", test_applicant_districts);
}
