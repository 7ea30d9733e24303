/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-kazpost.c: Kazpost batches — a courier's list and envelopes
 * reconciled (matched, missing, not on the list, for another addressee),
 * bad barcodes and duplicates refused with nothing stored, an empty batch
 * that cannot be closed, and the closing that enters the envelopes
 * received into the day's receipt journal after the hand receipts,
 * under the journal's own numbers.
 */
#include "config.h"

#include <string.h>

#include "test-api.h"

/* valid S10 identifiers (check digits 5, 9, 0, 5, 4) */
#define ON_LIST_1 "RR123456785KZ"
#define ON_LIST_2 "RA473124829KZ"
#define ON_LIST_3 "CP049382680KZ"
#define NOT_LISTED "EE229629645RU"
#define LATE_CODE "RR000000014KZ"
#define BAD_CHECK "RR123456784KZ"

/* POSTs @body to the batch's @what and checks the status. */
static AppealsTestResponse *
post_batch (Fixture    *fixture,
            gint64      batch,
            const char *what,
            const char *body,
            guint       expected)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/kazpost-batches/%" G_GINT64_FORMAT "%s", batch, what);
  AppealsTestResponse *response = REQUEST (fixture, "POST", path, fixture->registrar, body);

  if (response->status != expected)
    g_error ("POST %s: expected %u, got %u: %s", path, expected, response->status, response->text);
  return response;
}

static gint64
open_batch (Fixture *fixture)
{
  g_autoptr(AppealsTestResponse) opened = REQUEST (fixture, "POST", "/api/v1/kazpost-batches", fixture->registrar,
                                                   "{\"courier\":\"Жұмабаев Ерлан\"}");
  JsonObject *batch;

  if (opened->status != 201)
    g_error ("POST /kazpost-batches: %u %s", opened->status, opened->text);
  batch = appeals_test_response_object (opened);
  g_assert_cmpstr (json_object_get_string_member (batch, "state"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (batch, "courier"), ==, "Жұмабаев Ерлан");
  return json_object_get_int_member (batch, "id");
}

/* The item with @code, as the batch @response lists it. */
static JsonObject *
find_item (AppealsTestResponse *response,
           const char          *code)
{
  JsonArray *items = json_object_get_array_member (appeals_test_response_object (response), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (items, i), "code"), code))
      return json_array_get_object_element (items, i);
  return NULL;
}

static gint64
count (AppealsTestResponse *response,
       const char          *state)
{
  JsonObject *counts = json_object_get_object_member (appeals_test_response_object (response), "counts");

  return json_object_get_int_member (counts, state);
}

static void
assert_counts (AppealsTestResponse *response,
               gint64               matched,
               gint64               missing,
               gint64               not_on_list,
               gint64               wrong_addressee)
{
  g_assert_cmpint (count (response, "matched"), ==, matched);
  g_assert_cmpint (count (response, "missing"), ==, missing);
  g_assert_cmpint (count (response, "not_on_list"), ==, not_on_list);
  g_assert_cmpint (count (response, "wrong_addressee"), ==, wrong_addressee);
}

static AppealsTestResponse *
get_batch (Fixture *fixture,
           gint64   batch)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/kazpost-batches/%" G_GINT64_FORMAT, batch);
  AppealsTestResponse *response = REQUEST (fixture, "GET", path, fixture->controller, NULL);

  g_assert_cmpuint (response->status, ==, 200);
  return response;
}

/* The batch's audit trail has @n entries, from "open" to "close". */
static void
assert_trail (Fixture *fixture,
              gint64   batch,
              guint    n)
{
  g_autofree char *admin = appeals_test_sign_in (fixture->server, "admin", "demo");
  g_autofree char *path = g_strdup_printf ("/api/v1/audit?entity=kazpost_batch&entity_id=%" G_GINT64_FORMAT, batch);
  g_autoptr(AppealsTestResponse) audit = REQUEST (fixture, "GET", path, admin, NULL);
  g_autoptr(GString) actions = g_string_new (NULL);
  JsonArray *entries;

  g_assert_cmpuint (audit->status, ==, 200);
  entries = json_object_get_array_member (appeals_test_response_object (audit), "items");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    g_string_append_printf (actions, "%s ", json_object_get_string_member (json_array_get_object_element (entries, i),
                                                                           "action"));
  if (json_array_get_length (entries) != n || strstr (actions->str, "open ") == NULL ||
      strstr (actions->str, "close ") == NULL)
    g_error ("the batch's trail: %s", actions->str);
}

static void
test_kazpost_reconcile_and_close (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) hand = NULL;
  g_autoptr(AppealsTestResponse) listed = NULL;
  g_autoptr(AppealsTestResponse) bad = NULL;
  g_autoptr(AppealsTestResponse) twice = NULL;
  g_autoptr(AppealsTestResponse) list_twice = NULL;
  g_autoptr(AppealsTestResponse) scanned = NULL;
  g_autoptr(AppealsTestResponse) returned = NULL;
  g_autoptr(AppealsTestResponse) not_scanned = NULL;
  g_autoptr(AppealsTestResponse) unchanged = NULL;
  g_autoptr(AppealsTestResponse) closed = NULL;
  g_autoptr(AppealsTestResponse) again = NULL;
  g_autoptr(AppealsTestResponse) late = NULL;
  g_autoptr(AppealsTestResponse) journal = NULL;
  g_autoptr(AppealsTestResponse) open_list = NULL;
  JsonArray *receipts;
  JsonObject *first, *second;
  gint64 batch;

  /* a hand receipt first: the envelopes take the numbers after it */
  hand = REQUEST (fixture, "POST", "/api/v1/receipts", fixture->registrar,
                  "{\"applicant_name\":\"Иванов Пётр\",\"pages\":1,\"language\":\"ru\"}");
  g_assert_cmpuint (hand->status, ==, 201);

  batch = open_batch (fixture);
  /* the list, one code typed in small letters with blanks */
  listed = post_batch (fixture, batch, "/list-codes",
                       "{\"codes\":[\"" ON_LIST_1 "\",\"" ON_LIST_2 "\",\" cp0493 82680kz \"]}", 200);
  assert_counts (listed, 0, 3, 0, 0);
  g_assert_nonnull (find_item (listed, ON_LIST_3));

  /* the envelopes: two of the list, one that is not on it */
  g_clear_pointer (&scanned, appeals_test_response_free);
  scanned = post_batch (fixture, batch, "/scans", "{\"code\":\"" ON_LIST_1 "\"}", 200);
  assert_counts (scanned, 1, 2, 0, 0);
  g_clear_pointer (&scanned, appeals_test_response_free);
  scanned = post_batch (fixture, batch, "/scans", "{\"code\":\"" ON_LIST_2 "\"}", 200);
  g_clear_pointer (&scanned, appeals_test_response_free);
  scanned = post_batch (fixture, batch, "/scans", "{\"code\":\"" NOT_LISTED "\"}", 200);
  assert_counts (scanned, 2, 1, 1, 0);
  g_assert_cmpstr (json_object_get_string_member (find_item (scanned, NOT_LISTED), "state"), ==, "not_on_list");
  g_assert_cmpstr (json_object_get_string_member (find_item (scanned, ON_LIST_3), "state"), ==, "missing");

  /* a wrong check digit and a second scan are refused; nothing stored */
  bad = post_batch (fixture, batch, "/scans", "{\"code\":\"" BAD_CHECK "\"}", 422);
  assert_problem (bad, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (bad, "code"), ==, "invalid_barcode");
  twice = post_batch (fixture, batch, "/scans", "{\"code\":\"" ON_LIST_1 "\"}", 409);
  assert_problem (twice, 409, "already_scanned");
  /* a list that repeats a code stores none of its codes */
  list_twice = post_batch (fixture, batch, "/list-codes", "{\"codes\":[\"" LATE_CODE "\",\"" ON_LIST_2 "\"]}", 409);
  assert_problem (list_twice, 409, "already_scanned");
  g_assert_cmpstr (field_error_code (list_twice, "codes.1"), ==, "duplicate");
  unchanged = get_batch (fixture, batch);
  assert_counts (unchanged, 2, 1, 1, 0);
  g_assert_null (find_item (unchanged, LATE_CODE));
  g_assert_null (find_item (unchanged, BAD_CHECK));

  /* the second envelope is someone else's; an envelope never scanned can't be */
  returned = post_batch (fixture, batch, "/returns", "{\"code\":\"" ON_LIST_2 "\"}", 200);
  assert_counts (returned, 1, 1, 1, 1);
  not_scanned = post_batch (fixture, batch, "/returns", "{\"code\":\"" ON_LIST_3 "\"}", 422);
  g_assert_cmpstr (field_error_code (not_scanned, "code"), ==, "not_found");

  /* the open batch is there for a client that starts again */
  open_list = REQUEST (fixture, "GET", "/api/v1/kazpost-batches?state=open", fixture->registrar2, NULL);
  g_assert_cmpuint (open_list->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (open_list),
                                                                         "items")), ==, 1);

  /* closing: the two envelopes received become receipts 2 and 3 */
  closed = post_batch (fixture, batch, "/actions/close", NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (closed), "state"), ==, "closed");
  g_assert_cmpint (json_object_get_int_member (find_item (closed, ON_LIST_1), "receipt_id"), >, 0);
  g_assert_cmpint (json_object_get_int_member (find_item (closed, NOT_LISTED), "receipt_id"), >, 0);
  g_assert_cmpint (json_object_get_int_member (find_item (closed, ON_LIST_2), "receipt_id"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (find_item (closed, ON_LIST_3), "receipt_id"), ==, 0);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (find_item (closed, ON_LIST_1), "talon_number"),
                                   "-0002"));

  journal = REQUEST (fixture, "GET", "/api/v1/receipts", fixture->controller, NULL);
  receipts = json_object_get_array_member (appeals_test_response_object (journal), "items");
  g_assert_cmpuint (json_array_get_length (receipts), ==, 3);
  first = json_array_get_object_element (receipts, 1);
  second = json_array_get_object_element (receipts, 2);
  g_assert_cmpstr (json_object_get_string_member (first, "channel"), ==, "kazpost");
  g_assert_cmpint (json_object_get_int_member (first, "number"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (first, "note"), ==, "Kazpost " ON_LIST_1);
  g_assert_cmpstr (json_object_get_string_member (second, "note"), ==, "Kazpost " NOT_LISTED);
  g_assert_cmpint (json_object_get_int_member (second, "number"), ==, 3);

  /* the trail: opened, three list codes, three scans, one return, closed;
   * nothing of what was refused */
  assert_trail (fixture, batch, 9);

  /* a closed batch takes nothing more */
  again = post_batch (fixture, batch, "/actions/close", NULL, 409);
  assert_problem (again, 409, "batch_closed");
  late = post_batch (fixture, batch, "/scans", "{\"code\":\"" LATE_CODE "\"}", 409);
  assert_problem (late, 409, "batch_closed");
}

static void
test_kazpost_empty_batch (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) empty = NULL;
  g_autoptr(AppealsTestResponse) listed = NULL;
  g_autoptr(AppealsTestResponse) list_only = NULL;
  g_autoptr(AppealsTestResponse) still_open = NULL;
  g_autoptr(AppealsTestResponse) unknown = NULL;
  g_autoptr(AppealsTestResponse) forbidden = NULL;
  g_autoptr(AppealsTestResponse) bad_list = NULL;
  g_autoptr(AppealsTestResponse) journal = NULL;
  gint64 batch = open_batch (fixture);

  empty = post_batch (fixture, batch, "/actions/close", NULL, 409);
  assert_problem (empty, 409, "batch_empty");
  /* a list without a single envelope is still nothing received */
  listed = post_batch (fixture, batch, "/list-codes", "{\"codes\":[\"" ON_LIST_1 "\"]}", 200);
  list_only = post_batch (fixture, batch, "/actions/close", NULL, 409);
  assert_problem (list_only, 409, "batch_empty");
  still_open = get_batch (fixture, batch);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (still_open), "state"), ==, "open");

  /* a bad code in a list refuses the whole list */
  bad_list = post_batch (fixture, batch, "/list-codes", "{\"codes\":[\"" LATE_CODE "\",\"" BAD_CHECK "\"]}", 422);
  g_assert_cmpstr (field_error_code (bad_list, "codes.1"), ==, "invalid_barcode");
  g_clear_pointer (&still_open, appeals_test_response_free);
  still_open = get_batch (fixture, batch);
  g_assert_null (find_item (still_open, LATE_CODE));

  unknown = post_batch (fixture, batch + 1000, "/scans", "{\"code\":\"" ON_LIST_1 "\"}", 404);
  forbidden = REQUEST (fixture, "POST", "/api/v1/kazpost-batches", fixture->controller, NULL);
  g_assert_cmpuint (forbidden->status, ==, 403);
  journal = REQUEST (fixture, "GET", "/api/v1/receipts", fixture->controller, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (journal),
                                                                         "items")), ==, 0);
}

void
test_api_add_kazpost (void)
{
  TEST_API_ADD ("/kazpost/reconcile-and-close", test_kazpost_reconcile_and_close);
  TEST_API_ADD ("/kazpost/empty-batch", test_kazpost_empty_batch);
}
