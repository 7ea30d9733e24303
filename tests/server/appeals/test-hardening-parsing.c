/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-hardening-parsing.c: every member of every JSON body the server
 * reads, given each JSON type in turn (and inside arrays and objects
 * where it nests), is answered 4xx with a field error, never 500 and
 * never a Json-CRITICAL: the server of this suite runs with
 * G_DEBUG=fatal-criticals, so a critical would kill it and every later
 * request would fail.
 */
#include "config.h"

#include <string.h>

#include "test-hardening.h"

static const char * const wrong_values[] = {
  "null", "true", "1", "-1.5", "\"x\"", "[]", "{}", "[1,\"x\",{}]", "{\"kk\":1,\"ru\":[]}",
  "[{\"weekday\":\"x\",\"start\":1,\"end\":[],\"video\":\"y\",\"place\":2}]",
  "[{\"done\":\"x\",\"text\":1,\"executor_body\":[],\"working_days\":\"z\"}]",
};

/* {A} an applicant, {P} an appeal, {R} a reception, {O} an official. */
static const struct {
  const char *method;
  const char *path;
  const char *members;   /* space-separated */
} bodies[] = {
  { "POST", "/api/v1/session", "login password" },
  { "POST", "/api/v1/appeals", "applicant_id channel form kind addressee_body question_character category "
    "complaint_subject language district repeat control annotation text executor due_date status answer "
    "answered_on registration_date" },
  { "PATCH", "/api/v1/appeals/{P}", "channel control annotation executor status answer answered_on due_date" },
  { "PUT", "/api/v1/appeals/{P}", "applicant_id channel form kind annotation status" },
  { "POST", "/api/v1/applicants", "iin surname given_name patronymic birth_date sex social_status occupation "
    "address phone" },
  { "PATCH", "/api/v1/applicants/{A}", "address phone surname birth_date" },
  { "POST", "/api/v1/appeals/{P}/expertise", "body answer criteria cross_checks score verdict reasons" },
  { "POST", "/api/v1/officials", "full_name position schedule" },
  { "PUT", "/api/v1/officials/{O}", "full_name position schedule" },
  { "POST", "/api/v1/receptions", "official_id date start_time place video_link applicant_id appeal_id question "
    "priority" },
  { "PATCH", "/api/v1/receptions/{R}/steps/done", "done note" },
  { "POST", "/api/v1/receptions/{R}/orders", "orders text executor_body working_days instructions" },
  { "PATCH", "/api/v1/receptions/{R}/orders/1", "status text executor_body working_days" },
  { "POST", "/api/v1/receptions/{R}/review", "status text orders" },
  { "POST", "/api/v1/expertise/1/approval", "status verdict reasons" },
};

static char *
expand_ids (const char *path,
            gint64      applicant,
            gint64      appeal,
            gint64      reception,
            gint64      official)
{
  GString *out = g_string_new (path);
  g_autofree char *a = g_strdup_printf ("%" G_GINT64_FORMAT, applicant);
  g_autofree char *p = g_strdup_printf ("%" G_GINT64_FORMAT, appeal);
  g_autofree char *r = g_strdup_printf ("%" G_GINT64_FORMAT, reception);
  g_autofree char *o = g_strdup_printf ("%" G_GINT64_FORMAT, official);

  g_string_replace (out, "{A}", a, 0);
  g_string_replace (out, "{P}", p, 0);
  g_string_replace (out, "{R}", r, 0);
  g_string_replace (out, "{O}", o, 0);
  return g_string_free (out, FALSE);
}

static void
test_wrong_types (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", fixture->controller, NULL);
  g_autofree char *date = NULL;
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 appeal = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "types");
  gint64 official = json_object_get_int_member (json_array_get_object_element (
                      json_object_get_array_member (appeals_test_response_object (officials), "items"), 0), "id");
  gint64 reception = book_soon (fixture, applicant, official, &date);
  guint sent = 0;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *path = expand_ids (bodies[i].path, applicant, appeal, reception, official);
      g_auto(GStrv) members = g_strsplit (bodies[i].members, " ", -1);
      g_autofree char *etag = NULL;

      /* the card's version, so that a PATCH or PUT reaches its body */
      if (!g_str_equal (bodies[i].method, "POST"))
        {
          g_autoptr(AppealsTestResponse) current = REQUEST (fixture, "GET", path, fixture->controller, NULL);

          etag = g_strdup (appeals_test_response_header (current, "ETag"));
        }

      for (guint m = 0; members[m] != NULL; m++)
        for (guint v = 0; v < G_N_ELEMENTS (wrong_values); v++)
          {
            g_autofree char *body = g_strdup_printf ("{\"%s\":%s}", members[m], wrong_values[v]);
            g_autoptr(AppealsTestResponse) response = NULL;

            response = etag != NULL
                       ? REQUEST (fixture, bodies[i].method, path, fixture->controller, body, "If-Match", etag)
                       : REQUEST (fixture, bodies[i].method, path, fixture->controller, body);
            if (response->status == 0 || response->status >= 500)
              g_error ("%s %s with %s: %u %s", bodies[i].method, path, body, response->status, response->text);
            sent++;
          }
    }
  g_test_message ("%u bodies sent", sent);
  assert_server_alive (fixture);
}

void
test_hardening_add_parsing (void)
{
  TEST_API_ADD ("/hardening/wrong-types", test_wrong_types);
}
