/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-orders.c: the register of orders — created, read, edited under
 * If-Match, reported on, listed with filters and cursor pages; a missing
 * order is not found; overdue orders are counted by the calendar; the
 * reception protocol's orders are orders of the register.
 */
#include "config.h"

#include <string.h>

#include "test-api.h"

static gint64
first_official (Fixture *fixture)
{
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", fixture->controller, NULL);

  return json_object_get_int_member (json_array_get_object_element (
           json_object_get_array_member (appeals_test_response_object (officials), "items"), 0), "id");
}

static AppealsTestResponse *
create_order (Fixture    *fixture,
              const char *token,
              gint64      appeal,
              const char *source,
              const char *given_on,
              gint64      working_days)
{
  g_autofree char *given = given_on != NULL ? g_strdup_printf (",\"given_on\":\"%s\"", given_on) : g_strdup ("");
  g_autofree char *body = g_strdup_printf ("{\"source\":\"%s\",\"text\":\"Мектеп құрылысын тексеру\","
                                           "\"appeal_id\":%" G_GINT64_FORMAT ",\"executor_body\":\"education\","
                                           "\"working_days\":%" G_GINT64_FORMAT "%s}",
                                           source, appeal, working_days, given);

  return REQUEST (fixture, "POST", "/api/v1/orders", token, body);
}

static gint64
order_id (AppealsTestResponse *response)
{
  if (response->status != 201)
    g_error ("order: %u %s", response->status, response->text);
  return json_object_get_int_member (appeals_test_response_object (response), "id");
}

/* Ids of the items of a list answer. */
static GArray *
item_ids (AppealsTestResponse *response)
{
  JsonArray *items = json_object_get_array_member (appeals_test_response_object (response), "items");
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_cmpuint (response->status, ==, 200);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_orders_crud (Fixture       *fixture,
                  gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 appeal = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Мектеп туралы");
  g_autofree char *analyst = appeals_test_sign_in (fixture->server, "analyst", "demo");
  g_autoptr(AppealsTestResponse) created = create_order (fixture, fixture->controller, appeal, "president", NULL, 10);
  gint64 id = order_id (created);
  g_autofree char *path = g_strdup_printf ("/api/v1/orders/%" G_GINT64_FORMAT, id);
  g_autofree char *reports_path = g_strdup_printf ("%s/reports", path);
  g_autofree char *history_path = g_strdup_printf ("%s/history", path);
  g_autoptr(AppealsTestResponse) got = REQUEST (fixture, "GET", path, fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) no_match = NULL;
  g_autoptr(AppealsTestResponse) edited = NULL;
  g_autoptr(AppealsTestResponse) stale = NULL;
  g_autoptr(AppealsTestResponse) reported = NULL;
  g_autoptr(AppealsTestResponse) history = NULL;
  JsonObject *order = appeals_test_response_object (created);

  g_assert_cmpstr (appeals_test_response_header (created, "Location"), ==, path);
  g_assert_cmpstr (json_object_get_string_member (order, "status"), ==, "on_control");
  g_assert_cmpstr (json_object_get_string_member (order, "source"), ==, "president");
  g_assert_cmpint (json_object_get_int_member (order, "appeal_id"), ==, appeal);
  g_assert_cmpint (json_object_get_int_member (order, "working_days"), ==, 10);
  g_assert_false (json_object_get_boolean_member (order, "overdue"));
  /* ten working days are at least two weeks */
  g_assert_cmpstr (json_object_get_string_member (order, "due_date"), >, json_object_get_string_member (order, "given_on"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (order, "reports")), ==, 0);

  g_assert_cmpuint (got->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (got), "text"), ==,
                   "Мектеп құрылысын тексеру");

  /* refused: what is missing, an unknown source, a term out of range, an
   * order on nothing, an appeal that does not exist, a role that reads only */
  {
    g_autoptr(AppealsTestResponse) empty = REQUEST (fixture, "POST", "/api/v1/orders", fixture->controller, "{}");
    g_autoptr(AppealsTestResponse) source = create_order (fixture, fixture->controller, appeal, "minister", NULL, 5);
    g_autoptr(AppealsTestResponse) term = create_order (fixture, fixture->controller, appeal, "akim", NULL, 251);
    g_autoptr(AppealsTestResponse) future = create_order (fixture, fixture->controller, appeal, "akim", "2099-01-05", 5);
    g_autoptr(AppealsTestResponse) nothing = REQUEST (fixture, "POST", "/api/v1/orders", fixture->controller,
                                                      "{\"source\":\"akim\",\"text\":\"x\",\"executor_body\":\"education\","
                                                      "\"working_days\":5}");
    g_autoptr(AppealsTestResponse) missing = create_order (fixture, fixture->controller, 999999, "akim", NULL, 5);
    g_autoptr(AppealsTestResponse) role = create_order (fixture, analyst, appeal, "akim", NULL, 5);

    assert_problem (empty, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (empty, "source"), ==, "required");
    g_assert_cmpstr (field_error_code (empty, "text"), ==, "required");
    g_assert_cmpstr (field_error_code (empty, "executor_body"), ==, "required");
    g_assert_cmpstr (field_error_code (empty, "working_days"), ==, "required");
    g_assert_cmpstr (field_error_code (source, "source"), ==, "invalid_value");
    g_assert_cmpstr (field_error_code (term, "working_days"), ==, "out_of_range");
    g_assert_cmpstr (field_error_code (future, "given_on"), ==, "out_of_range");
    g_assert_cmpstr (field_error_code (nothing, "appeal_id"), ==, "required");
    g_assert_cmpstr (field_error_code (missing, "appeal_id"), ==, "not_found");
    assert_problem (role, 403, "forbidden");
  }

  /* edits name the version they were made on */
  no_match = REQUEST (fixture, "PATCH", path, fixture->controller, "{\"conclusion\":\"x\"}");
  assert_problem (no_match, 428, "precondition_required");
  edited = REQUEST (fixture, "PATCH", path, fixture->controller,
                    "{\"working_days\":20,\"check_date\":\"" "2026-11-30" "\",\"check_findings\":\"Құрылыс жүріп жатыр\"}",
                    "If-Match", appeals_test_response_header (got, "ETag"));
  if (edited->status == 422)
    /* the server's today may be before the fixed date above */
    g_assert_cmpstr (field_error_code (edited, "check_date"), ==, "out_of_range");
  else
    {
      g_assert_cmpuint (edited->status, ==, 200);
      g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (edited), "version"), ==, 2);
      /* a longer term moves the due date */
      g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (edited), "due_date"), >,
                       json_object_get_string_member (order, "due_date"));
      stale = REQUEST (fixture, "PATCH", path, fixture->controller, "{\"conclusion\":\"x\"}",
                       "If-Match", appeals_test_response_header (got, "ETag"));
      assert_problem (stale, 412, "precondition_failed");
    }

  /* interim reports pile up, oldest first */
  reported = REQUEST (fixture, "POST", reports_path, fixture->registrar,
                      "{\"reported_on\":\"2026-01-05\",\"text\":\"Жоба әзірленді\"}");
  g_assert_cmpuint (reported->status, ==, 201);
  {
    g_autoptr(AppealsTestResponse) second = REQUEST (fixture, "POST", reports_path, fixture->registrar,
                                                     "{\"reported_on\":\"2026-01-06\",\"text\":\"Мердігер таңдалды\"}");
    g_autoptr(AppealsTestResponse) blank = REQUEST (fixture, "POST", reports_path, fixture->registrar,
                                                    "{\"reported_on\":\"2026-01-06\",\"text\":\"   \"}");
    JsonArray *reports = json_object_get_array_member (appeals_test_response_object (second), "reports");

    g_assert_cmpuint (second->status, ==, 201);
    g_assert_cmpuint (json_array_get_length (reports), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reports, 0), "text"), ==,
                     "Жоба әзірленді");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reports, 1), "created_by"), ==,
                     "registrar");
    /* and who that is, as the desks name people: in the answer to the
     * report and when the order is read again */
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reports, 1), "created_by_name"), ==,
                     "Ахметова Гүлнар Серікқызы");
    {
      g_autoptr(AppealsTestResponse) again = REQUEST (fixture, "GET", path, fixture->controller, NULL);
      JsonArray *read = json_object_get_array_member (appeals_test_response_object (again), "reports");

      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (read, 0), "created_by_name"), ==,
                       "Ахметова Гүлнар Серікқызы");
    }
    assert_problem (blank, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (blank, "text"), ==, "required");
  }

  /* executed: the time is kept; the history has every step */
  {
    g_autoptr(AppealsTestResponse) now = REQUEST (fixture, "GET", path, fixture->controller, NULL);
    g_autoptr(AppealsTestResponse) executed = REQUEST (fixture, "PATCH", path, fixture->controller,
                                                       "{\"status\":\"executed\",\"conclusion\":\"Орындалды\"}",
                                                       "If-Match", appeals_test_response_header (now, "ETag"));
    JsonArray *entries;

    g_assert_cmpuint (executed->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (executed), "status"), ==, "executed");
    g_assert_false (json_object_get_null_member (appeals_test_response_object (executed), "executed_at"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (executed),
                                                                           "reports")), ==, 2);

    history = REQUEST (fixture, "GET", history_path, fixture->registrar, NULL);
    entries = json_object_get_array_member (appeals_test_response_object (history), "items");
    /* create, (update), report, report, update */
    g_assert_cmpuint (json_array_get_length (entries), >=, 4);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "action"), ==, "create");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "actor"), ==, "controller");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries,
                                                                                   json_array_get_length (entries) - 1),
                                                    "action"), ==, "update");
  }
}

/* A missing order answers 404, on every route and through the protocol. */
static void
test_orders_missing (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *date = NULL;
  gint64 reception = book_soon (fixture, applicant, first_official (fixture), &date);
  g_autofree char *protocol_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/orders/9999", reception);
  g_autoptr(AppealsTestResponse) get = REQUEST (fixture, "GET", "/api/v1/orders/9999", fixture->controller, NULL);
  g_autoptr(AppealsTestResponse) patch = REQUEST (fixture, "PATCH", "/api/v1/orders/9999", fixture->controller,
                                                  "{\"status\":\"executed\"}", "If-Match", "*");
  g_autoptr(AppealsTestResponse) report = REQUEST (fixture, "POST", "/api/v1/orders/9999/reports", fixture->controller,
                                                   "{\"reported_on\":\"2026-01-05\",\"text\":\"x\"}");
  g_autoptr(AppealsTestResponse) protocol = REQUEST (fixture, "PATCH", protocol_path, fixture->controller,
                                                     "{\"status\":\"executed\"}");
  g_autoptr(AppealsTestResponse) garbage = REQUEST (fixture, "GET", "/api/v1/orders/abc", fixture->controller, NULL);

  assert_problem (get, 404, "not_found");
  assert_problem (patch, 404, "not_found");
  assert_problem (report, 404, "not_found");
  assert_problem (protocol, 404, "not_found");
  assert_problem (garbage, 404, "not_found");
}

/* Overdue: on control past the due date the calendar gives; executed or
 * taken off control, never. */
static void
test_orders_overdue (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 appeal = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Жол жөндеу");
  /* Monday 2 February 2026 + 5 working days: the weekend is not counted */
  g_autoptr(AppealsTestResponse) late = create_order (fixture, fixture->controller, appeal, "akim", "2026-02-02", 5);
  g_autoptr(AppealsTestResponse) fresh = create_order (fixture, fixture->controller, appeal, "state-secretary", NULL, 60);
  g_autoptr(AppealsTestResponse) overdue_list = NULL;
  g_autoptr(AppealsTestResponse) timely_list = NULL;
  g_autoptr(GArray) overdue_ids = NULL;
  g_autoptr(GArray) timely_ids = NULL;
  gint64 late_id = order_id (late);
  gint64 fresh_id = order_id (fresh);
  JsonObject *order = appeals_test_response_object (late);

  g_assert_cmpstr (json_object_get_string_member (order, "due_date"), ==, "2026-02-09");
  g_assert_true (json_object_get_boolean_member (order, "overdue"));
  g_assert_cmpint (json_object_get_int_member (order, "days_overdue"), >, 100);
  g_assert_false (json_object_get_boolean_member (appeals_test_response_object (fresh), "overdue"));

  overdue_list = REQUEST (fixture, "GET", "/api/v1/orders?overdue=true", fixture->controller, NULL);
  timely_list = REQUEST (fixture, "GET", "/api/v1/orders?overdue=false", fixture->controller, NULL);
  overdue_ids = item_ids (overdue_list);
  timely_ids = item_ids (timely_list);
  g_assert_true (ids_contain (overdue_ids, late_id));
  g_assert_false (ids_contain (overdue_ids, fresh_id));
  g_assert_true (ids_contain (timely_ids, fresh_id));
  g_assert_false (ids_contain (timely_ids, late_id));

  /* taken off control, it is no longer overdue */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/orders/%" G_GINT64_FORMAT, late_id);
    g_autoptr(AppealsTestResponse) off = REQUEST (fixture, "PATCH", path, fixture->controller,
                                                  "{\"status\":\"taken_off\"}", "If-Match",
                                                  appeals_test_response_header (late, "ETag"));
    g_autoptr(AppealsTestResponse) after = REQUEST (fixture, "GET", "/api/v1/orders?overdue=true", fixture->controller,
                                                    NULL);
    g_autoptr(GArray) after_ids = item_ids (after);

    g_assert_cmpuint (off->status, ==, 200);
    g_assert_false (json_object_get_boolean_member (appeals_test_response_object (off), "overdue"));
    g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (off), "days_overdue"), ==, 0);
    g_assert_false (ids_contain (after_ids, late_id));
  }
}

/* Filters, the caller's scope, and cursor pages that cover the register
 * once, most urgent first. */
static void
test_orders_list (Fixture       *fixture,
                  gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 other = create_applicant (fixture, "750315300018");
  gint64 appeal = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Мектеп");
  /* the person presents their IIN in Rudny: the card becomes Rudny's too */
  g_autoptr(AppealsTestResponse) presented = REQUEST (fixture, "GET", "/api/v1/applicants?iin=750315300018",
                                                      fixture->registrar2, NULL);
  gint64 rudny = create_appeal (fixture, fixture->registrar2, other, "rudny-city", "Жол");
  g_autoptr(GArray) created = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *cursor = NULL;
  g_autofree char *last_due = g_strdup ("");
  gint64 rudny_order;

  g_assert_cmpuint (presented->status, ==, 200);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(AppealsTestResponse) response = create_order (fixture, fixture->controller, appeal,
                                                              i % 2 ? "president" : "akim", NULL, 5 + i);
      gint64 id = order_id (response);

      g_array_append_val (created, id);
    }
  {
    g_autoptr(AppealsTestResponse) response = create_order (fixture, fixture->controller, rudny, "akim", NULL, 3);

    rudny_order = order_id (response);
  }

  /* two at a time, each once, by due date */
  do
    {
      g_autofree char *path = cursor != NULL ? g_strdup_printf ("/api/v1/orders?limit=2&appeal_id=%" G_GINT64_FORMAT
                                                                "&cursor=%s", appeal, cursor)
                                             : g_strdup_printf ("/api/v1/orders?limit=2&appeal_id=%" G_GINT64_FORMAT,
                                                                appeal);
      g_autoptr(AppealsTestResponse) page = REQUEST (fixture, "GET", path, fixture->registrar, NULL);
      JsonObject *object = appeals_test_response_object (page);
      JsonArray *items = json_object_get_array_member (object, "items");

      g_assert_cmpuint (page->status, ==, 200);
      g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 5);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          gint64 id = json_object_get_int_member (item, "id");
          const char *due = json_object_get_string_member (item, "due_date");

          g_assert_false (ids_contain (seen, id));
          g_assert_cmpstr (due, >=, last_due);
          g_free (last_due);
          last_due = g_strdup (due);
          g_array_append_val (seen, id);
        }
      g_free (cursor);
      cursor = json_object_get_null_member (object, "next_cursor")
               ? NULL : g_uri_escape_string (json_object_get_string_member (object, "next_cursor"), NULL, FALSE);
    }
  while (cursor != NULL);
  g_assert_cmpuint (seen->len, ==, 5);

  {
    g_autoptr(AppealsTestResponse) presidents = REQUEST (fixture, "GET", "/api/v1/orders?source=president",
                                                         fixture->controller, NULL);
    g_autoptr(AppealsTestResponse) on_control = REQUEST (fixture, "GET", "/api/v1/orders?status=on_control",
                                                         fixture->controller, NULL);
    g_autoptr(AppealsTestResponse) mine = REQUEST (fixture, "GET", "/api/v1/orders", fixture->registrar, NULL);
    g_autoptr(AppealsTestResponse) bad = REQUEST (fixture, "GET", "/api/v1/orders?status=done&overdue=maybe&limit=0",
                                                  fixture->controller, NULL);
    g_autofree char *rudny_path = g_strdup_printf ("/api/v1/orders/%" G_GINT64_FORMAT, rudny_order);
    g_autoptr(AppealsTestResponse) hidden = REQUEST (fixture, "GET", rudny_path, fixture->registrar, NULL);
    g_autoptr(AppealsTestResponse) visible = REQUEST (fixture, "GET", rudny_path, fixture->registrar2, NULL);
    g_autoptr(GArray) president_ids = item_ids (presidents);
    g_autoptr(GArray) control_ids = item_ids (on_control);
    g_autoptr(GArray) my_ids = item_ids (mine);

    g_assert_cmpuint (president_ids->len, ==, 2);
    g_assert_true (ids_contain (control_ids, rudny_order));
    /* a district's registrar sees the district's orders only */
    g_assert_true (ids_contain (my_ids, g_array_index (created, gint64, 0)));
    g_assert_false (ids_contain (my_ids, rudny_order));
    assert_problem (hidden, 404, "not_found");
    g_assert_cmpuint (visible->status, ==, 200);
    assert_problem (bad, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (bad, "status"), ==, "invalid_value");
    g_assert_cmpstr (field_error_code (bad, "overdue"), ==, "invalid_value");
    g_assert_cmpstr (field_error_code (bad, "limit"), ==, "out_of_range");
  }
}

/* The protocol's orders are the register's, with the protocol's words. */
static void
test_orders_protocol (Fixture       *fixture,
                      gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *date = NULL;
  gint64 reception = book_soon (fixture, applicant, first_official (fixture), &date);
  g_autofree char *orders_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/orders", reception);
  g_autofree char *list_path = g_strdup_printf ("/api/v1/orders?reception_id=%" G_GINT64_FORMAT, reception);
  g_autoptr(AppealsTestResponse) added = REQUEST (fixture, "POST", orders_path, fixture->controller,
                                                  "{\"text\":\"Жылу беруді тексеру\",\"executor_body\":\"education\","
                                                  "\"working_days\":7}");
  g_autoptr(AppealsTestResponse) listed = REQUEST (fixture, "GET", list_path, fixture->controller, NULL);
  g_autoptr(AppealsTestResponse) executed = NULL;
  g_autoptr(AppealsTestResponse) in_register = NULL;
  g_autofree char *status_path = NULL;
  g_autofree char *order_path = NULL;
  JsonObject *protocol_order;
  JsonObject *register_order;

  g_assert_cmpuint (added->status, ==, 201);
  protocol_order = json_array_get_object_element (json_object_get_array_member (appeals_test_response_object (added),
                                                                                "orders"), 0);
  g_assert_cmpstr (json_object_get_string_member (protocol_order, "status"), ==, "open");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (listed),
                                                                         "items")), ==, 1);
  register_order = json_array_get_object_element (json_object_get_array_member (appeals_test_response_object (listed),
                                                                                "items"), 0);
  g_assert_cmpint (json_object_get_int_member (register_order, "id"), ==, json_object_get_int_member (protocol_order, "id"));
  g_assert_cmpstr (json_object_get_string_member (register_order, "source"), ==, "reception-protocol");
  g_assert_cmpstr (json_object_get_string_member (register_order, "due_date"), ==,
                   json_object_get_string_member (protocol_order, "deadline"));

  status_path = g_strdup_printf ("%s/%" G_GINT64_FORMAT, orders_path, json_object_get_int_member (protocol_order, "id"));
  executed = REQUEST (fixture, "PATCH", status_path, fixture->controller, "{\"status\":\"executed\"}");
  g_assert_cmpuint (executed->status, ==, 200);
  order_path = g_strdup_printf ("/api/v1/orders/%" G_GINT64_FORMAT, json_object_get_int_member (protocol_order, "id"));
  in_register = REQUEST (fixture, "GET", order_path, fixture->controller, NULL);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (in_register), "status"), ==, "executed");

  /* an order of another reception is not this one's */
  {
    gint64 applicant2 = create_applicant (fixture, "750315300018");
    g_autofree char *date2 = NULL;
    gint64 other = book_soon (fixture, applicant2, first_official (fixture), &date2);
    g_autofree char *wrong = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/orders/%" G_GINT64_FORMAT,
                                              other, json_object_get_int_member (protocol_order, "id"));
    g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "PATCH", wrong, fixture->controller,
                                                       "{\"status\":\"open\"}");

    assert_problem (response, 404, "not_found");
  }
}

void
test_api_add_orders (void)
{
  TEST_API_ADD ("/api/orders/crud", test_orders_crud);
  TEST_API_ADD ("/api/orders/missing", test_orders_missing);
  TEST_API_ADD ("/api/orders/overdue", test_orders_overdue);
  TEST_API_ADD ("/api/orders/list", test_orders_list);
  TEST_API_ADD ("/api/orders/protocol", test_orders_protocol);
}
