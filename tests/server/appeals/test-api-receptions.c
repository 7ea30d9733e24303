/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-receptions.c: personal receptions, the leadership's review,
 * attachments and the officials' schedules.
 */
#include "config.h"

#include <string.h>

#include "test-api.h"

/* Receptions: a day's queue in priority order, the essence required,
 * steps with terms, marked done. */
static void
test_receptions (Fixture       *fixture,
                 gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *leadership = appeals_test_sign_in (fixture->server, "leadership", "demo");
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", leadership, NULL);
  JsonArray *list = json_object_get_array_member (appeals_test_response_object (officials), "items");
  gint64 official = json_object_get_int_member (json_array_get_object_element (list, 0), "id");
  /* a working Friday in the calendar's range */
  const char *date = "2027-03-12";
  static const char *categories[] = { NULL, "pregnant", "war_veteran" };
  g_autoptr(AppealsTestResponse) no_essence = NULL;
  g_autoptr(AppealsTestResponse) on_holiday = NULL;
  g_autoptr(AppealsTestResponse) denied = NULL;
  g_autoptr(AppealsTestResponse) queue = NULL;
  g_autoptr(AppealsTestResponse) marked = NULL;
  g_autofree char *queue_path = g_strdup_printf ("/api/v1/receptions?date=%s&official_id=%" G_GINT64_FORMAT, date, official);
  g_autofree char *step_path = NULL;
  gint64 ids[3];
  JsonArray *items, *steps;

  g_assert_cmpuint (json_array_get_length (list), >=, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (list, 0),
                                                                         "schedule")), >=, 1);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *priority = categories[i] != NULL ? g_strdup_printf ("\"%s\"", categories[i]) : g_strdup ("null");
      g_autofree char *body = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                               "\"start_time\":\"10:%02u\",\"applicant_id\":%" G_GINT64_FORMAT ","
                                               "\"question\":\"Тұрғын үй кезегі, %u\",\"priority\":%s}",
                                               official, date, 20 * i, applicant, i, priority);
      g_autoptr(AppealsTestResponse) booked = REQUEST (fixture, "POST", "/api/v1/receptions", fixture->registrar, body);

      if (booked->status != 201)
        g_error ("booking %u: %u %s", i, booked->status, booked->text);
      ids[i] = json_object_get_int_member (appeals_test_response_object (booked), "id");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (booked),
                                                                             "steps")), ==, 13);
    }

  /* a request that does not state the essence of the question is refused */
  {
    g_autofree char *body = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                             "\"start_time\":\"10:00\",\"applicant_id\":%" G_GINT64_FORMAT ","
                                             "\"question\":\"  \"}", official, date, applicant);
    g_autofree char *holiday = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"2027-03-22\","
                                                "\"start_time\":\"10:00\",\"applicant_id\":%" G_GINT64_FORMAT ","
                                                "\"question\":\"Жер\"}", official, applicant);

    no_essence = REQUEST (fixture, "POST", "/api/v1/receptions", fixture->registrar, body);
    assert_problem (no_essence, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (no_essence, "question"), ==, "required");
    on_holiday = REQUEST (fixture, "POST", "/api/v1/receptions", fixture->registrar, holiday);
    assert_problem (on_holiday, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (on_holiday, "date"), ==, "out_of_range");
    denied = REQUEST (fixture, "POST", "/api/v1/receptions", leadership, body);
    assert_problem (denied, 403, "forbidden");
  }

  /* priority first (the war veteran and the pregnant woman, in booking order), then the others */
  queue = REQUEST (fixture, "GET", queue_path, leadership, NULL);
  items = json_object_get_array_member (appeals_test_response_object (queue), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), ==, ids[1]);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 1), "id"), ==, ids[2]);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 2), "id"), ==, ids[0]);

  /* once the applicant's card is Kostanay's, Rudny's registrar sees the
   * time taken in the queue and nothing about who comes or why */
  create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Тұрғын үй кезегі");
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT, ids[0]);
    g_autoptr(AppealsTestResponse) other = REQUEST (fixture, "GET", path, fixture->registrar2, NULL);
    g_autoptr(AppealsTestResponse) own = REQUEST (fixture, "GET", path, fixture->registrar, NULL);
    g_autoptr(AppealsTestResponse) other_queue = REQUEST (fixture, "GET", queue_path, fixture->registrar2, NULL);
    JsonArray *seen = json_object_get_array_member (appeals_test_response_object (other_queue), "items");
    JsonObject *first;

    assert_problem (other, 404, "not_found");
    g_assert_cmpuint (own->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (seen), ==, 3);
    first = json_array_get_object_element (seen, 0);
    g_assert_true (json_object_get_boolean_member (first, "restricted"));
    g_assert_false (json_object_has_member (first, "applicant_name"));
    g_assert_false (json_object_has_member (first, "question"));
    g_assert_cmpstr (json_object_get_string_member (first, "start_time"), ==, "10:20");
  }

  /* the reception step is due on the reception day; mark the first step done */
  steps = json_object_get_array_member (json_array_get_object_element (items, 0), "steps");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (steps, 9), "due"), ==, date);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (steps, 12), "due"));
  step_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/steps/clarify", ids[1]);
  marked = REQUEST (fixture, "PATCH", step_path, fixture->registrar, "{\"done\":true,\"note\":\"Құжаттар толық\"}");
  g_assert_cmpuint (marked->status, ==, 200);
  steps = json_object_get_array_member (appeals_test_response_object (marked), "steps");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (steps, 0), "done"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (steps, 0), "done_by"), ==, "registrar");

  /* the protocol: an order keeps the reception under control until executed */
  {
    g_autofree char *orders_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/orders", ids[1]);
    g_autofree char *archive_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/archive", ids[1]);
    g_autofree char *order_path = NULL;
    g_autofree char *head = appeals_test_sign_in (fixture->server, "head", "demo");
    g_autoptr(AppealsTestResponse) bad_order = REQUEST (fixture, "POST", orders_path, fixture->registrar,
                                                        "{\"text\":\"\",\"executor_body\":\"nowhere\",\"working_days\":0}");
    g_autoptr(AppealsTestResponse) order = REQUEST (fixture, "POST", orders_path, fixture->registrar,
                                                    "{\"text\":\"Кезекті қайта қарау\",\"executor_body\":\"housing-utilities\","
                                                    "\"working_days\":10}", "Idempotency-Key", "order-1");
    /* a retried order is the same order */
    g_autoptr(AppealsTestResponse) retried = REQUEST (fixture, "POST", orders_path, fixture->registrar,
                                                      "{\"text\":\"Кезекті қайта қарау\",\"executor_body\":\"housing-utilities\","
                                                      "\"working_days\":10}", "Idempotency-Key", "order-1");
    g_autoptr(AppealsTestResponse) too_early = REQUEST (fixture, "POST", archive_path, head, NULL);
    g_autoptr(AppealsTestResponse) executed = NULL;
    g_autoptr(AppealsTestResponse) archived = NULL;
    JsonArray *orders;

    assert_problem (bad_order, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (bad_order, "text"), ==, "required");
    g_assert_cmpstr (field_error_code (bad_order, "executor_body"), ==, "invalid_value");
    g_assert_cmpstr (field_error_code (bad_order, "working_days"), ==, "out_of_range");
    g_assert_cmpuint (order->status, ==, 201);
    orders = json_object_get_array_member (appeals_test_response_object (order), "orders");
    g_assert_cmpuint (json_array_get_length (orders), ==, 1);
    g_assert_cmpuint (retried->status, ==, 201);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (retried),
                                                                           "orders")), ==, 1);
    /* not held yet: nothing to archive (test-api-reception-guards.c archives one) */
    assert_problem (too_early, 409, "conflict");
    g_assert_cmpstr (field_error_code (too_early, "status"), ==, "invalid_value");

    order_path = g_strdup_printf ("%s/%" G_GINT64_FORMAT, orders_path,
                                  json_object_get_int_member (json_array_get_object_element (orders, 0), "id"));
    executed = REQUEST (fixture, "PATCH", order_path, fixture->registrar, "{\"status\":\"executed\"}");
    g_assert_cmpuint (executed->status, ==, 200);
    archived = REQUEST (fixture, "POST", archive_path, head, NULL);
    assert_problem (archived, 409, "conflict");
  }
}

/* The week view's one request: the queues of a date range by date, each
 * day in the queue's order, scope-checked like the day's queue. */
static gint64
book_at (Fixture    *fixture,
         gint64      official,
         gint64      applicant,
         const char *date,
         const char *priority)
{
  g_autofree char *quoted = priority != NULL ? g_strdup_printf ("\"%s\"", priority) : g_strdup ("null");
  g_autoptr(GPtrArray) times = free_slots (fixture, official, date);
  g_autofree char *body = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                           "\"start_time\":\"%s\",\"applicant_id\":%" G_GINT64_FORMAT ","
                                           "\"question\":\"Жол жөндеу\",\"priority\":%s}",
                                           official, date, times->len > 0 ? (char *) g_ptr_array_index (times, 0) : "",
                                           applicant, quoted);
  g_autoptr(AppealsTestResponse) booked = REQUEST (fixture, "POST", "/api/v1/receptions", fixture->registrar, body);

  if (booked->status != 201)
    g_error ("booking on %s: %u %s", date, booked->status, booked->text);
  return json_object_get_int_member (appeals_test_response_object (booked), "id");
}

static void
test_reception_queues (Fixture       *fixture,
                       gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", fixture->registrar, NULL);
  JsonArray *list = json_object_get_array_member (appeals_test_response_object (officials), "items");
  gint64 official = create_open_official (fixture);
  gint64 other_official = json_object_get_int_member (json_array_get_object_element (list, json_array_get_length (list) - 1), "id");
  g_autofree char *week_path = g_strdup_printf ("/api/v1/reception-queues?from=2027-03-08&to=2027-03-14&official_id=%"
                                                G_GINT64_FORMAT, official);
  g_autofree char *other_path = g_strdup_printf ("/api/v1/reception-queues?from=2027-03-08&to=2027-03-14&official_id=%"
                                                 G_GINT64_FORMAT, other_official);
  static const struct { const char *path; const char *field; const char *code; } bad[] = {
    { "/api/v1/reception-queues?to=2027-03-14", "from", "required" },
    { "/api/v1/reception-queues?from=2027-03-08&to=14.03.2027", "to", "invalid_date" },
    { "/api/v1/reception-queues?from=2027-03-14&to=2027-03-08", "to", "out_of_range" },
    { "/api/v1/reception-queues?from=2027-03-01&to=2027-04-01", "to", "out_of_range" },
    { "/api/v1/reception-queues?from=2027-03-08&to=2027-03-14&official_id=x", "official_id", "invalid_value" },
  };
  g_autoptr(AppealsTestResponse) week = NULL;
  g_autoptr(AppealsTestResponse) day = NULL;
  JsonArray *items;
  gint64 ids[4];

  g_assert_cmpint (official, !=, other_official);
  /* Friday first, then Tuesday: the answer is by date whatever the booking order */
  ids[0] = book_at (fixture, official, applicant, "2027-03-12", NULL);
  ids[1] = book_at (fixture, official, applicant, "2027-03-12", "war_veteran");
  ids[2] = book_at (fixture, official, applicant, "2027-03-09", NULL);
  ids[3] = book_at (fixture, official, applicant, "2027-03-19", NULL);   /* the week after */

  week = REQUEST (fixture, "GET", week_path, fixture->registrar, NULL);
  g_assert_cmpuint (week->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (week), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), ==, ids[2]);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 1), "id"), ==, ids[1]);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 2), "id"), ==, ids[0]);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "date"), ==, "2027-03-12");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (items, 0),
                                                                         "steps")), ==, 13);
  g_assert_cmpint (ids[3], >, 0);

  /* the same day in the week's answer as in the day's queue */
  day = REQUEST (fixture, "GET", "/api/v1/receptions?date=2027-03-12", fixture->registrar, NULL);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (appeals_test_response_object (day), "items"), 0), "id"), ==, ids[1]);

  /* another official's week is empty */
  {
    g_autoptr(AppealsTestResponse) other = REQUEST (fixture, "GET", other_path, fixture->registrar, NULL);

    g_assert_cmpuint (other->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (other),
                                                                           "items")), ==, 0);
  }

  /* once the applicant is Kostanay's, Rudny's registrar sees only the times taken */
  create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Жол жөндеу");
  {
    g_autoptr(AppealsTestResponse) seen = REQUEST (fixture, "GET", week_path, fixture->registrar2, NULL);
    JsonArray *restricted = json_object_get_array_member (appeals_test_response_object (seen), "items");

    g_assert_cmpuint (json_array_get_length (restricted), ==, 3);
    for (guint i = 0; i < json_array_get_length (restricted); i++)
      {
        JsonObject *item = json_array_get_object_element (restricted, i);

        g_assert_true (json_object_get_boolean_member (item, "restricted"));
        g_assert_false (json_object_has_member (item, "applicant_name"));
        g_assert_false (json_object_has_member (item, "question"));
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(AppealsTestResponse) refused = REQUEST (fixture, "GET", bad[i].path, fixture->registrar, NULL);

      assert_problem (refused, 422, "validation_failed");
      g_assert_cmpstr (field_error_code (refused, bad[i].field), ==, bad[i].code);
    }

  /* staff only */
  {
    g_autoptr(AppealsTestResponse) anonymous = REQUEST (fixture, "GET", week_path, NULL, NULL);

    g_assert_cmpuint (anonymous->status, ==, 401);
  }
}

/* The leadership sees the receptions of the next three working days and
 * marks them reviewed. */
static void
test_review (Fixture       *fixture,
             gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *leadership = appeals_test_sign_in (fixture->server, "leadership", "demo");
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", leadership, NULL);
  gint64 official = json_object_get_int_member (json_array_get_object_element (
                      json_object_get_array_member (appeals_test_response_object (officials), "items"), 0), "id");
  g_autofree char *date = NULL;
  g_autoptr(AppealsTestResponse) list = NULL;
  g_autoptr(AppealsTestResponse) reviewed = NULL;
  g_autoptr(AppealsTestResponse) denied = NULL;
  g_autofree char *review_path = NULL;
  JsonArray *items;
  gint64 id = 0;

  id = book_soon (fixture, applicant, official, &date);
  g_assert_cmpint (id, >, 0);

  list = REQUEST (fixture, "GET", "/api/v1/review", leadership, NULL);
  g_assert_cmpuint (list->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (list), "items");
  g_assert_cmpuint (json_array_get_length (items), >=, 1);
  {
    JsonObject *item = NULL;

    for (guint i = 0; i < json_array_get_length (items); i++)
      if (json_object_get_int_member (json_array_get_object_element (items, i), "id") == id)
        item = json_array_get_object_element (items, i);
    g_assert_nonnull (item);
    g_assert_false (json_object_get_boolean_member (item, "complete"));
  }

  review_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/review", id);
  denied = REQUEST (fixture, "POST", review_path, fixture->registrar, "{\"instructions\":\"x\"}");
  assert_problem (denied, 403, "forbidden");
  reviewed = REQUEST (fixture, "POST", review_path, leadership, "{\"instructions\":\"Жер комиссиясын шақыру\"}");
  g_assert_cmpuint (reviewed->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (appeals_test_response_object (reviewed),
                                                                                 "review"), "reviewed_by"),
                   ==, "leadership");
}

/* Books a visitor on the first day after today that takes a booking, so
 * that the reception falls within the leadership's review window. */
gint64
book_soon (Fixture     *fixture,
           gint64       applicant,
           gint64       official,
           char       **date_out)
{
  for (int ahead = 1; ahead < 10; ahead++)
    {
      g_autofree char *date = today_iso (ahead);
      gint64 id = book_free (fixture, fixture->registrar, official, applicant, date);

      if (id > 0)
        {
          *date_out = g_steal_pointer (&date);
          return id;
        }
    }

  g_error ("no free slot in the next ten days");
}

static AppealsTestResponse *
upload (Fixture    *fixture,
        const char *token,
        gint64      reception,
        const char *kind,
        const char *file_name,
        const char *content_type,
        const char *data,
        gsize       size)
{
  return upload_file (fixture, token, "receptions", reception, kind, file_name, content_type, data, size);
}

static JsonObject *
first_review_item (Fixture    *fixture,
                   const char *token,
                   gint64      id,
                   AppealsTestResponse **keep)
{
  JsonArray *items;

  *keep = REQUEST (fixture, "GET", "/api/v1/review", token, NULL);
  g_assert_cmpuint ((*keep)->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (*keep), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (json_object_get_int_member (json_array_get_object_element (items, i), "id") == id)
      return json_array_get_object_element (items, i);
  g_error ("reception %" G_GINT64_FORMAT " is not in the review list", id);
}

/* Damages a stored file behind the server's back, the way a disk would. */
static void
damage_blobs (Fixture    *fixture,
              const char *sha256)
{
  const char *database = appeals_test_server_get_database (fixture->server);

  if (g_str_equal (test_api_backend, "sqlite"))
    {
      char prefix[3] = { sha256[0], sha256[1], '\0' };
      g_autofree char *dir = g_strconcat (database, ".attachments", NULL);
      g_autofree char *path = g_build_filename (dir, prefix, sha256, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_file_set_contents (path, "%PDF-tampered", -1, NULL));
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE attachment_blobs SET content = 'tampered'::bytea "
                                              "WHERE sha256 = '%s'", sha256);
      const char *argv[] = { "psql", database, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql, NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                                   &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
}

static void
test_attachments (Fixture       *fixture,
                  gconstpointer  user_data)
{
  static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\10\6\0\0\0\x1f\x15\xc4\x89";
  static const char text[] = "Білім басқармасының ұстанымы: кезек 2027 жылы.\nПозиция управления образования.\n";
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *leadership = appeals_test_sign_in (fixture->server, "leadership", "demo");
  g_autofree char *analyst = appeals_test_sign_in (fixture->server, "analyst", "demo");
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", leadership, NULL);
  gint64 official = json_object_get_int_member (json_array_get_object_element (
                      json_object_get_array_member (appeals_test_response_object (officials), "items"), 0), "id");
  g_autofree char *date = NULL;
  gint64 id = book_soon (fixture, applicant, official, &date);
  g_autoptr(AppealsTestResponse) note = upload (fixture, fixture->registrar, id, "reference_note", "Анықтама №5.pdf",
                                                "application/pdf", pdf, sizeof pdf - 1);
  g_autoptr(AppealsTestResponse) image = upload (fixture, fixture->controller, id, "applicant_document", "скан.png",
                                                 "image/png", png, sizeof png - 1);
  g_autoptr(AppealsTestResponse) position = NULL;
  g_autoptr(AppealsTestResponse) review = NULL;
  g_autoptr(AppealsTestResponse) review_after = NULL;
  g_autoptr(AppealsTestResponse) downloaded = NULL;
  g_autoptr(AppealsTestResponse) damaged = NULL;
  g_autoptr(AppealsTestResponse) withdrawn = NULL;
  g_autoptr(AppealsTestResponse) reception = NULL;
  g_autoptr(AppealsTestResponse) days = NULL;
  g_autoptr(AppealsTestResponse) bad_days = NULL;
  g_autofree char *expected_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) pdf, sizeof pdf - 1);
  g_autofree char *note_path = NULL;
  g_autofree char *position_path = NULL;
  g_autofree char *reception_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT, id);
  g_autofree char *days_path = g_strdup_printf ("/api/v1/reception-days?from=%s&to=%s&official_id=%" G_GINT64_FORMAT,
                                                date, date, official);
  JsonObject *item;

  if (note->status != 201)
    g_error ("upload: %u %s", note->status, note->text);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (note), "sha256"), ==, expected_sha);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (note), "size"), ==, sizeof pdf - 1);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (note), "file_name"), ==, "Анықтама №5.pdf");
  g_assert_cmpuint (image->status, ==, 201);

  /* the review shows what is still missing: the body's position */
  item = first_review_item (fixture, leadership, id, &review);
  g_assert_cmpint (json_object_get_int_member (item, "materials_done"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (item, "materials_needed"), ==, 3);
  g_assert_false (json_object_get_boolean_member (item, "complete"));

  position = upload (fixture, fixture->registrar, id, "body_position", "ұстаным.txt", "text/plain; charset=utf-8",
                     text, sizeof text - 1);
  g_assert_cmpuint (position->status, ==, 201);
  item = first_review_item (fixture, leadership, id, &review_after);
  g_assert_true (json_object_get_boolean_member (item, "complete"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "attachments")), ==, 3);

  /* refused: a type we do not keep, content that is not what it claims,
   * a kind we do not know, a path for a name, a role that reads only */
  {
    g_autoptr(AppealsTestResponse) zip = upload (fixture, fixture->registrar, id, "other", "a.zip", "application/zip",
                                                 "PK\3\4", 4);
    g_autoptr(AppealsTestResponse) fake = upload (fixture, fixture->registrar, id, "other", "a.pdf", "application/pdf",
                                                  "MZ\x90\0", 4);
    g_autoptr(AppealsTestResponse) binary_text = upload (fixture, fixture->registrar, id, "other", "a.txt",
                                                         "text/plain", "a\0b", 3);
    g_autoptr(AppealsTestResponse) kind = upload (fixture, fixture->registrar, id, "selfie", "a.pdf", "application/pdf",
                                                  pdf, sizeof pdf - 1);
    g_autoptr(AppealsTestResponse) name = upload (fixture, fixture->registrar, id, "other", "../../etc/passwd",
                                                  "application/pdf", pdf, sizeof pdf - 1);
    g_autoptr(AppealsTestResponse) role = upload (fixture, analyst, id, "other", "a.pdf", "application/pdf",
                                                  pdf, sizeof pdf - 1);
    g_autoptr(AppealsTestResponse) nowhere = upload (fixture, fixture->registrar, 999999, "other", "a.pdf",
                                                     "application/pdf", pdf, sizeof pdf - 1);

    assert_problem (zip, 415, "attachment_type_not_allowed");
    assert_problem (fake, 415, "attachment_type_not_allowed");
    assert_problem (binary_text, 415, "attachment_type_not_allowed");
    assert_problem (kind, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (kind, "kind"), ==, "invalid_value");
    assert_problem (name, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (name, "file_name"), ==, "invalid_value");
    assert_problem (role, 403, "forbidden");
    assert_problem (nowhere, 404, "not_found");
  }

  /* every role reads the files back, byte for byte */
  note_path = g_strdup_printf ("/api/v1/attachments/%" G_GINT64_FORMAT,
                               json_object_get_int_member (appeals_test_response_object (note), "id"));
  downloaded = REQUEST (fixture, "GET", note_path, analyst, NULL);
  g_assert_cmpuint (downloaded->status, ==, 200);
  g_assert_cmpmem (g_bytes_get_data (downloaded->bytes, NULL), g_bytes_get_size (downloaded->bytes), pdf, sizeof pdf - 1);
  g_assert_cmpstr (appeals_test_response_header (downloaded, "Content-Type"), ==, "application/pdf");
  g_assert_cmpstr (appeals_test_response_header (downloaded, "X-Content-SHA256"), ==, expected_sha);
  g_assert_nonnull (strstr (appeals_test_response_header (downloaded, "Content-Disposition"),
                            "filename*=UTF-8''%D0%90%D0%BD%D1%8B%D2%9B"));

  /* the reception carries its attachments; the month view counts it */
  reception = REQUEST (fixture, "GET", reception_path, fixture->registrar, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (reception),
                                                                         "attachments")), ==, 3);
  days = REQUEST (fixture, "GET", days_path, fixture->registrar, NULL);
  g_assert_cmpuint (days->status, ==, 200);
  item = json_array_get_object_element (json_object_get_array_member (appeals_test_response_object (days), "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "date"), ==, date);
  {
    /* as many as the day's queue holds (the demo books some too) */
    g_autofree char *queue_path = g_strdup_printf ("/api/v1/receptions?date=%s&official_id=%" G_GINT64_FORMAT, date, official);
    g_autoptr(AppealsTestResponse) queue = REQUEST (fixture, "GET", queue_path, fixture->registrar, NULL);
    guint n = json_array_get_length (json_object_get_array_member (appeals_test_response_object (queue), "items"));

    g_assert_cmpuint (n, >=, 1);
    g_assert_cmpint (json_object_get_int_member (item, "booked"), ==, n);
  }
  bad_days = REQUEST (fixture, "GET", "/api/v1/reception-days?from=2027-01-01&to=2027-06-30", fixture->registrar, NULL);
  assert_problem (bad_days, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (bad_days, "to"), ==, "out_of_range");

  /* withdrawing the body's position makes the materials incomplete again */
  position_path = g_strdup_printf ("/api/v1/attachments/%" G_GINT64_FORMAT,
                                   json_object_get_int_member (appeals_test_response_object (position), "id"));
  {
    g_autoptr(AppealsTestResponse) denied = REQUEST (fixture, "DELETE", position_path, analyst, NULL);
    g_autoptr(AppealsTestResponse) gone = NULL;
    g_autoptr(AppealsTestResponse) review_last = NULL;

    assert_problem (denied, 403, "forbidden");
    withdrawn = REQUEST (fixture, "DELETE", position_path, fixture->registrar, NULL);
    g_assert_cmpuint (withdrawn->status, ==, 200);
    gone = REQUEST (fixture, "GET", position_path, fixture->registrar, NULL);
    assert_problem (gone, 404, "not_found");
    item = first_review_item (fixture, leadership, id, &review_last);
    g_assert_false (json_object_get_boolean_member (item, "complete"));
  }

  /* a file damaged in storage is never served as if it were whole */
  damage_blobs (fixture, expected_sha);
  damaged = REQUEST (fixture, "GET", note_path, fixture->registrar, NULL);
  assert_problem (damaged, 500, "attachment_damaged");
}

/* The size limit is the server's setting, refused from the headers, for a
 * reception's files and an appeal's alike. */
static void
test_attachment_limit (void)
{
  const char *args[] = { "--demo", "--demo-appeals", "1", "--max-attachment-size", "1", NULL };
  Fixture fixture = { 0, };
  gsize size = 1024 * 1024 + 1;
  g_autofree char *big = g_malloc (size);
  g_autoptr(AppealsTestResponse) officials = NULL;
  g_autoptr(AppealsTestResponse) too_large = NULL;
  g_autoptr(AppealsTestResponse) fits = NULL;
  g_autofree char *date = NULL;
  gint64 id;

  fixture.server = appeals_test_server_start (test_api_backend, args);
  fixture.session = soup_session_new ();
  fixture.registrar = appeals_test_sign_in (fixture.server, "registrar", "demo");
  officials = REQUEST (&fixture, "GET", "/api/v1/officials", fixture.registrar, NULL);
  id = book_soon (&fixture, create_applicant (&fixture, "061211600012"),
                  json_object_get_int_member (json_array_get_object_element (
                    json_object_get_array_member (appeals_test_response_object (officials), "items"), 0), "id"),
                  &date);

  memset (big, 'a', size);
  memcpy (big, "%PDF-", 5);
  too_large = upload (&fixture, fixture.registrar, id, "other", "big.pdf", "application/pdf", big, size);
  assert_problem (too_large, 413, "attachment_too_large");
  /* a file just at the limit goes through */
  fits = upload (&fixture, fixture.registrar, id, "other", "fits.pdf", "application/pdf", big, size - 1);
  g_assert_cmpuint (fits->status, ==, 201);

  /* and the same for an appeal's files */
  {
    gint64 appeal = create_appeal (&fixture, fixture.registrar, create_applicant (&fixture, "750315300018"),
                                   "kostanay-city", "Үлкен файл");
    g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/attachments?kind=appeal_scan"
                                             "&file_name=big.pdf", appeal);
    g_autoptr(GBytes) too_big = g_bytes_new_static (big, size);
    g_autoptr(GBytes) just = g_bytes_new_static (big, size - 1);
    g_autoptr(AppealsTestResponse) refused = appeals_test_request_bytes (fixture.server, fixture.session, "POST", path,
                                                                         fixture.registrar, "application/pdf", too_big);
    g_autoptr(AppealsTestResponse) taken = appeals_test_request_bytes (fixture.server, fixture.session, "POST", path,
                                                                       fixture.registrar, "application/pdf", just);

    assert_problem (refused, 413, "attachment_too_large");
    g_assert_cmpuint (taken->status, ==, 201);
  }

  fixture_tear_down (&fixture, NULL);
}

/* Controllers keep the officials' schedules; the others read them. */
static void
test_officials (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char *official =
    "{\"full_name\":{\"kk\":\"Әбенов Ерлан Маратұлы\",\"ru\":\"Абенов Ерлан Маратович\"},"
    "\"position\":{\"kk\":\"Облыс әкімінің орынбасары\",\"ru\":\"Заместитель акима области\"},"
    "\"schedule\":[{\"weekday\":3,\"start\":\"09:00\",\"end\":\"12:00\",\"place\":\"Қостанай қ., Әл-Фараби д., 66, 301\"},"
    "{\"weekday\":5,\"start\":\"15:00\",\"end\":\"17:00\",\"video\":true}]}";
  static const char *changed =
    "{\"full_name\":{\"kk\":\"Әбенов Ерлан Маратұлы\",\"ru\":\"Абенов Ерлан Маратович\"},"
    "\"position\":{\"kk\":\"Облыс әкімі\",\"ru\":\"Аким области\"},"
    "\"schedule\":[{\"weekday\":2,\"start\":\"10:00\",\"end\":\"13:00\",\"place\":\"каб. 101\"}]}";
  static const char *wrong =
    "{\"full_name\":{\"kk\":\"\",\"ru\":\"Абенов\"},\"position\":{\"ru\":\"Аким\"},"
    "\"schedule\":[{\"weekday\":8,\"start\":\"9:00\",\"end\":\"08:00\"},"
    "{\"weekday\":1,\"start\":\"12:00\",\"end\":\"11:00\",\"place\":\"каб. 5\"}]}";
  g_autoptr(AppealsTestResponse) created = REQUEST (fixture, "POST", "/api/v1/officials", fixture->controller, official);
  g_autoptr(AppealsTestResponse) denied = REQUEST (fixture, "POST", "/api/v1/officials", fixture->registrar, official);
  g_autoptr(AppealsTestResponse) refused = REQUEST (fixture, "POST", "/api/v1/officials", fixture->controller, wrong);
  g_autoptr(AppealsTestResponse) replaced = NULL;
  g_autoptr(AppealsTestResponse) listed = NULL;
  g_autoptr(AppealsTestResponse) retired = NULL;
  g_autoptr(AppealsTestResponse) after = NULL;
  g_autoptr(AppealsTestResponse) gone = NULL;
  g_autofree char *path = NULL;
  JsonArray *schedule, *items;
  gboolean found = FALSE;

  g_assert_cmpuint (created->status, ==, 201);
  schedule = json_object_get_array_member (appeals_test_response_object (created), "schedule");
  g_assert_cmpuint (json_array_get_length (schedule), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (schedule, 1), "video"));
  assert_problem (denied, 403, "forbidden");

  assert_problem (refused, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (refused, "full_name.kk"), ==, "required");
  g_assert_cmpstr (field_error_code (refused, "position.kk"), ==, "required");
  g_assert_cmpstr (field_error_code (refused, "schedule[0].weekday"), ==, "out_of_range");
  g_assert_cmpstr (field_error_code (refused, "schedule[0].start"), ==, "invalid_value");
  g_assert_cmpstr (field_error_code (refused, "schedule[0].place"), ==, "required");
  g_assert_cmpstr (field_error_code (refused, "schedule[1].end"), ==, "out_of_range");

  path = g_strdup_printf ("/api/v1/officials/%" G_GINT64_FORMAT,
                          json_object_get_int_member (appeals_test_response_object (created), "id"));
  replaced = REQUEST (fixture, "PUT", path, fixture->controller, changed);
  g_assert_cmpuint (replaced->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (appeals_test_response_object (replaced),
                                                                                 "position"), "ru"), ==, "Аким области");
  schedule = json_object_get_array_member (appeals_test_response_object (replaced), "schedule");
  g_assert_cmpuint (json_array_get_length (schedule), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (schedule, 0), "weekday"), ==, 2);

  /* everyone reads the schedules */
  listed = REQUEST (fixture, "GET", "/api/v1/officials", fixture->registrar, NULL);
  items = json_object_get_array_member (appeals_test_response_object (listed), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    found |= json_object_get_int_member (json_array_get_object_element (items, i), "id") ==
             json_object_get_int_member (appeals_test_response_object (created), "id");
  g_assert_true (found);

  /* retired: no longer listed, no longer bookable */
  retired = REQUEST (fixture, "DELETE", path, fixture->controller, NULL);
  g_assert_cmpuint (retired->status, ==, 200);
  after = REQUEST (fixture, "GET", "/api/v1/officials", fixture->registrar, NULL);
  items = json_object_get_array_member (appeals_test_response_object (after), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, i), "id"), !=,
                     json_object_get_int_member (appeals_test_response_object (created), "id"));
  gone = REQUEST (fixture, "PUT", path, fixture->controller, changed);
  assert_problem (gone, 404, "not_found");
}

void
test_api_add_receptions (void)
{
  TEST_API_ADD ("/api/receptions", test_receptions);
  TEST_API_ADD ("/api/reception-queues", test_reception_queues);
  TEST_API_ADD ("/api/review", test_review);
  TEST_API_ADD ("/api/attachments", test_attachments);
  TEST_API_ADD ("/api/officials", test_officials);
  g_test_add_func ("/api/attachment-limit", test_attachment_limit);
}
