/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-reception-guards.c: the guards of issue 14 — one reception per
 * slot (also when two server processes book it at once), bookings only on
 * an official's reception days and hours, statuses moved on in order by
 * their actions, and archiving only what was held, with the protocol sent
 * and no order on control.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "test-api.h"

/* The demo's first official receives on Tuesdays 15:00–18:00 and Fridays
 * 10:00–13:00 (data/demo/demo.json); the days below are in the calendar's
 * range and far from the demo's bookings. */
#define FRIDAY "2027-03-12"

static gint64
demo_official (Fixture *fixture,
               guint    index)
{
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", fixture->registrar, NULL);

  return json_object_get_int_member (json_array_get_object_element (
           json_object_get_array_member (appeals_test_response_object (officials), "items"), index), "id");
}

static AppealsTestResponse *
book_slot (Fixture    *fixture,
           gint64      official,
           gint64      applicant,
           const char *date,
           const char *time)
{
  g_autofree char *body = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"start_time\":\"%s\","
                                           "\"applicant_id\":%" G_GINT64_FORMAT ",\"question\":\"Жер телімі\"}",
                                           official, date, time, applicant);

  return REQUEST (fixture, "POST", "/api/v1/receptions", fixture->registrar, body);
}

static AppealsTestResponse *
act (Fixture    *fixture,
     const char *token,
     gint64      reception,
     const char *action,
     const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/actions/%s", reception, action);

  return REQUEST (fixture, "POST", path, token, body);
}

static const char *
status_of (AppealsTestResponse *response)
{
  return json_object_get_string_member (appeals_test_response_object (response), "status");
}

static gboolean
has_time (GPtrArray  *times,
          const char *time)
{
  for (guint i = 0; i < times->len; i++)
    if (g_str_equal (g_ptr_array_index (times, i), time))
      return TRUE;
  return FALSE;
}

/* Days, hours, the past, days off and taken slots, with the field named. */
static void
test_booking_guards (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 official = demo_official (fixture, 0);
  g_autofree char *past = today_iso (-7);
  static const struct {
    const char *date, *time, *field, *code;
  } refused[] = {
    { "2027-03-11", "10:00", "date", "not_reception_day" },   /* a Thursday */
    { FRIDAY, "03:00", "start_time", "outside_hours" },
    { FRIDAY, "12:50", "start_time", "outside_hours" },       /* ends after 13:00 */
    { "2027-03-22", "10:00", "date", "out_of_range" },        /* Nauryz */
    { NULL, "10:00", "date", "in_past" },
  };
  g_autoptr(AppealsTestResponse) first = book_slot (fixture, official, applicant, FRIDAY, "10:00");
  g_autoptr(AppealsTestResponse) second = book_slot (fixture, official, create_applicant (fixture, "850720400027"),
                                                     FRIDAY, "10:00");
  g_autoptr(GPtrArray) times = free_slots (fixture, official, FRIDAY);
  g_autoptr(GPtrArray) thursday = free_slots (fixture, official, "2027-03-11");

  g_assert_cmpuint (first->status, ==, 201);
  assert_problem (second, 409, "slot_taken");
  g_assert_cmpstr (field_error_code (second, "start_time"), ==, "duplicate");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(AppealsTestResponse) answer = book_slot (fixture, official, applicant,
                                                         refused[i].date != NULL ? refused[i].date : past,
                                                         refused[i].time);

      assert_problem (answer, 422, "validation_failed");
      g_assert_cmpstr (field_error_code (answer, refused[i].field), ==, refused[i].code);
    }

  /* 10:00–13:00 in slots of 20 minutes, less the one taken */
  g_assert_cmpuint (times->len, ==, 8);
  g_assert_false (has_time (times, "10:00"));
  g_assert_cmpstr (g_ptr_array_index (times, 0), ==, "10:20");
  g_assert_cmpstr (g_ptr_array_index (times, 7), ==, "12:40");
  g_assert_cmpuint (thursday->len, ==, 0);

  /* the unified reception day (the month's last Friday): the second
   * official, who receives on Wednesdays, receives then too */
  {
    g_autoptr(AppealsTestResponse) unified = book_slot (fixture, demo_official (fixture, 1), applicant, "2027-04-30",
                                                        "15:00");

    g_assert_cmpuint (unified->status, ==, 201);
  }
}

/* The free slots of a range of days, as GET …/free-slots?from=&to= gives
 * them: the times of @date, in order. */
static GPtrArray *
range_times (AppealsTestResponse *range,
             const char          *date)
{
  JsonArray *items = json_object_get_array_member (appeals_test_response_object (range), "items");
  GPtrArray *times = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "date"), date))
        g_ptr_array_add (times, (gpointer) json_object_get_string_member (item, "start_time"));
    }
  return times;
}

static void
parse_day (const char *iso,
           GDate      *date)
{
  guint year, month, day;

  g_assert_cmpint (sscanf (iso, "%u-%u-%u", &year, &month, &day), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* A range of days answers in one request what each day answers alone: the
 * week view's free times, the unified reception day and Nauryz included;
 * a range upside down, too long or half given is refused by field. */
static void
test_free_slots_range (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const struct {
    guint official;
    const char *from, *to;
  } ranges[] = {
    { 0, "2027-03-08", "2027-03-14" },   /* FRIDAY's week */
    { 0, "2027-03-15", "2027-03-28" },   /* Nauryz, 21–25 March */
    { 1, "2027-04-26", "2027-05-02" },   /* the unified reception day, 30 April */
    { 1, "2027-04-01", "2027-05-12" },   /* the longest range */
  };
  static const struct {
    const char *query, *field, *code;
  } refused[] = {
    { "from=2027-03-14&to=2027-03-08", "to", "out_of_range" },
    { "from=2027-04-01&to=2027-05-13", "to", "out_of_range" },   /* 43 days */
    { "from=2027-03-08", "to", "required" },
    { "to=2027-03-08", "from", "required" },
    { "from=2027-02-30&to=2027-03-08", "from", "invalid_date" },
    { "date=2027-03-12&from=2027-03-08&to=2027-03-14", "date", "invalid_value" },
    { "", "date", "required" },
  };
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autoptr(AppealsTestResponse) booked = book_slot (fixture, demo_official (fixture, 0), applicant, FRIDAY, "10:00");
  guint n_unified = 0;

  g_assert_cmpuint (booked->status, ==, 201);
  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      gint64 official = demo_official (fixture, ranges[r].official);
      g_autofree char *path = g_strdup_printf ("/api/v1/officials/%" G_GINT64_FORMAT "/free-slots?from=%s&to=%s",
                                               official, ranges[r].from, ranges[r].to);
      g_autoptr(AppealsTestResponse) range = REQUEST (fixture, "GET", path, fixture->registrar, NULL);
      guint n_items = 0;
      GDate date, to;

      g_assert_cmpuint (range->status, ==, 200);
      parse_day (ranges[r].from, &date);
      parse_day (ranges[r].to, &to);
      for (; g_date_compare (&date, &to) <= 0; g_date_add_days (&date, 1))
        {
          char iso[16];
          g_autoptr(GPtrArray) alone = NULL;
          g_autoptr(GPtrArray) within = NULL;

          g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
          alone = free_slots (fixture, official, iso);
          within = range_times (range, iso);

          g_assert_cmpuint (within->len, ==, alone->len);
          for (guint i = 0; i < alone->len; i++)
            g_assert_cmpstr (g_ptr_array_index (within, i), ==, g_ptr_array_index (alone, i));
          n_items += within->len;
          if (g_str_equal (iso, FRIDAY))
            g_assert_cmpuint (within->len, ==, 8);
          if (g_str_equal (iso, "2027-03-22") || g_str_equal (iso, "2027-03-11"))
            g_assert_cmpuint (within->len, ==, 0);
          if (g_str_equal (iso, "2027-04-30"))
            n_unified += within->len;
        }
      /* nothing outside the range */
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (range),
                                                                             "items")), ==, n_items);
    }
  /* the official who receives on Wednesdays, on a Friday */
  g_assert_cmpuint (n_unified, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/officials/%" G_GINT64_FORMAT "/free-slots?%s",
                                               demo_official (fixture, 0), refused[i].query);
      g_autoptr(AppealsTestResponse) answer = REQUEST (fixture, "GET", path, fixture->registrar, NULL);

      assert_problem (answer, 422, "validation_failed");
      g_assert_cmpstr (field_error_code (answer, refused[i].field), ==, refused[i].code);
    }
}

/* Cancel with a reason frees the slot; a move checks the new slot as a
 * booking, frees the old one and sets the steps' terms from the new day. */
static void
test_cancel_and_move (Fixture       *fixture,
                      gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 official = demo_official (fixture, 0);
  g_autofree char *head = appeals_test_sign_in (fixture->server, "head", "demo");
  g_autoptr(AppealsTestResponse) kept = book_slot (fixture, official, applicant, FRIDAY, "10:00");
  g_autoptr(AppealsTestResponse) moving = book_slot (fixture, official, applicant, FRIDAY, "10:20");
  g_autoptr(AppealsTestResponse) cancelling = book_slot (fixture, official, applicant, FRIDAY, "10:40");
  gint64 kept_id = json_object_get_int_member (appeals_test_response_object (kept), "id");
  gint64 moving_id = json_object_get_int_member (appeals_test_response_object (moving), "id");
  gint64 cancelling_id = json_object_get_int_member (appeals_test_response_object (cancelling), "id");
  g_autoptr(AppealsTestResponse) no_reason = act (fixture, fixture->registrar, cancelling_id, "cancel", "{\"reason\":\" \"}");
  g_autoptr(AppealsTestResponse) cancelled = act (fixture, head, cancelling_id, "cancel",
                                                  "{\"reason\":\"Өтініш беруші бас тартты\"}");
  g_autoptr(AppealsTestResponse) again = act (fixture, fixture->registrar, cancelling_id, "confirm", NULL);
  g_autoptr(AppealsTestResponse) rebooked = book_slot (fixture, official, applicant, FRIDAY, "10:40");
  g_autoptr(AppealsTestResponse) onto_taken = act (fixture, fixture->registrar, moving_id, "move",
                                                   "{\"date\":\"" FRIDAY "\",\"start_time\":\"10:00\"}");
  g_autoptr(AppealsTestResponse) onto_thursday = act (fixture, fixture->registrar, moving_id, "move",
                                                      "{\"date\":\"2027-03-11\",\"start_time\":\"10:00\"}");
  g_autoptr(AppealsTestResponse) by_head = act (fixture, head, moving_id, "move",
                                                "{\"date\":\"2027-03-16\",\"start_time\":\"15:00\"}");
  g_autoptr(AppealsTestResponse) moved = act (fixture, fixture->registrar, moving_id, "move",
                                              "{\"date\":\"2027-03-16\",\"start_time\":\"15:00\"}");
  g_autoptr(AppealsTestResponse) held_early = NULL;
  g_autoptr(AppealsTestResponse) confirmed = NULL;
  g_autoptr(GPtrArray) friday = free_slots (fixture, official, FRIDAY);
  JsonArray *steps;

  g_assert_cmpint (kept_id, >, 0);
  assert_problem (no_reason, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (no_reason, "reason"), ==, "required");
  g_assert_cmpuint (cancelled->status, ==, 200);
  g_assert_cmpstr (status_of (cancelled), ==, "cancelled");
  assert_problem (again, 409, "invalid_transition");
  g_assert_cmpuint (rebooked->status, ==, 201);

  assert_problem (onto_taken, 409, "slot_taken");
  assert_problem (onto_thursday, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (onto_thursday, "date"), ==, "not_reception_day");
  assert_problem (by_head, 403, "forbidden");
  g_assert_cmpuint (moved->status, ==, 200);
  g_assert_cmpstr (status_of (moved), ==, "booked");
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (moved), "date"), ==, "2027-03-16");
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (moved), "start_time"), ==, "15:00");
  /* the old slot is free again; the steps are in the order of their terms */
  g_assert_true (has_time (friday, "10:20"));
  steps = json_object_get_array_member (appeals_test_response_object (moved), "steps");
  for (guint i = 1; i < json_array_get_length (steps); i++)
    {
      JsonObject *before = json_array_get_object_element (steps, i - 1);
      JsonObject *step = json_array_get_object_element (steps, i);

      if (!json_object_get_null_member (step, "due"))
        g_assert_cmpstr (json_object_get_string_member (before, "due"), <=, json_object_get_string_member (step, "due"));
      if (g_str_equal (json_object_get_string_member (step, "code"), "reception"))
        g_assert_cmpstr (json_object_get_string_member (step, "due"), ==, "2027-03-16");
    }

  /* not held before its day */
  confirmed = act (fixture, fixture->registrar, moving_id, "confirm", NULL);
  g_assert_cmpstr (status_of (confirmed), ==, "confirmed");
  held_early = act (fixture, head, moving_id, "hold", NULL);
  assert_problem (held_early, 409, "invalid_transition");
  g_assert_cmpstr (field_error_code (held_early, "date"), ==, "invalid_value");
}

/* booked → confirmed → held → archived, each step in order, and the
 * archive only once the protocol is sent and the orders are done. */
static void
test_status_order (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 official = create_open_official (fixture);
  g_autofree char *today = today_iso (0);
  g_autofree char *head = appeals_test_sign_in (fixture->server, "head", "demo");
  g_autofree char *leadership = appeals_test_sign_in (fixture->server, "leadership", "demo");
  gint64 id = book_free (fixture, fixture->registrar, official, applicant, today);
  g_autofree char *archive = NULL;
  g_autofree char *orders = NULL;
  g_autofree char *step = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *order = NULL;

  if (id == 0)
    {
      g_test_skip ("today is a day off: nothing can be held today");
      return;
    }
  archive = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/archive", id);
  orders = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/orders", id);
  step = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/steps/", id);
  missing = g_strdup_printf ("%s/999999", orders);

  {
    g_autoptr(AppealsTestResponse) archived = REQUEST (fixture, "POST", archive, head, NULL);
    g_autofree char *path = g_strconcat (step, "archive", NULL);
    g_autoptr(AppealsTestResponse) ticked = REQUEST (fixture, "PATCH", path, fixture->registrar, "{\"done\":true}");
    g_autoptr(AppealsTestResponse) held = act (fixture, head, id, "hold", NULL);
    g_autoptr(AppealsTestResponse) by_leadership = act (fixture, leadership, id, "confirm", NULL);
    g_autoptr(AppealsTestResponse) by_head = act (fixture, head, id, "confirm", NULL);
    g_autoptr(AppealsTestResponse) unknown = act (fixture, fixture->registrar, id, "register", NULL);

    assert_problem (archived, 409, "conflict");
    g_assert_cmpstr (field_error_code (archived, "status"), ==, "invalid_value");
    assert_problem (ticked, 409, "conflict");
    assert_problem (held, 409, "invalid_transition");
    g_assert_cmpstr (field_error_code (held, "action"), ==, "invalid_value");
    assert_problem (by_leadership, 403, "forbidden");
    assert_problem (by_head, 403, "forbidden");
    assert_problem (unknown, 404, "not_found");
  }
  {
    g_autoptr(AppealsTestResponse) confirmed = act (fixture, fixture->registrar, id, "confirm", NULL);
    g_autoptr(AppealsTestResponse) held = act (fixture, head, id, "hold", NULL);
    g_autoptr(AppealsTestResponse) no_protocol = REQUEST (fixture, "POST", archive, head, NULL);
    g_autoptr(AppealsTestResponse) added = REQUEST (fixture, "POST", orders, fixture->registrar,
                                                    "{\"text\":\"Кезекті қайта қарау\",\"executor_body\":\"housing-utilities\","
                                                    "\"working_days\":10}");
    g_autoptr(AppealsTestResponse) no_order = REQUEST (fixture, "PATCH", missing, fixture->registrar,
                                                       "{\"status\":\"executed\"}");
    g_autofree char *path = g_strconcat (step, "protocol_to_bodies", NULL);
    g_autoptr(AppealsTestResponse) sent = REQUEST (fixture, "PATCH", path, fixture->registrar, "{\"done\":true}");
    g_autoptr(AppealsTestResponse) open_order = REQUEST (fixture, "POST", archive, head, NULL);

    g_assert_cmpstr (status_of (confirmed), ==, "confirmed");
    g_assert_cmpuint (held->status, ==, 200);
    g_assert_cmpstr (status_of (held), ==, "held");
    assert_problem (no_protocol, 409, "conflict");
    g_assert_cmpstr (field_error_code (no_protocol, "steps"), ==, "invalid_value");
    g_assert_cmpuint (added->status, ==, 201);
    order = g_strdup_printf ("%s/%" G_GINT64_FORMAT, orders, json_object_get_int_member (json_array_get_object_element (
                               json_object_get_array_member (appeals_test_response_object (added), "orders"), 0), "id"));
    assert_problem (no_order, 404, "not_found");
    g_assert_cmpuint (sent->status, ==, 200);
    assert_problem (open_order, 409, "conflict");
    g_assert_cmpstr (field_error_code (open_order, "orders"), ==, "invalid_value");
  }
  {
    g_autoptr(AppealsTestResponse) executed = REQUEST (fixture, "PATCH", order, fixture->registrar,
                                                       "{\"status\":\"executed\"}");
    g_autoptr(AppealsTestResponse) archived = REQUEST (fixture, "POST", archive, head, NULL);
    g_autoptr(AppealsTestResponse) late_order = REQUEST (fixture, "POST", orders, fixture->registrar,
                                                         "{\"text\":\"Тағы бір\",\"executor_body\":\"housing-utilities\","
                                                         "\"working_days\":10}");
    g_autoptr(AppealsTestResponse) cancelled = act (fixture, head, id, "cancel", "{\"reason\":\"кеш\"}");
    g_autoptr(AppealsTestResponse) day = REQUEST (fixture, "GET", "/api/v1/reception-steps/today", fixture->registrar,
                                                  NULL);
    JsonArray *items = json_object_get_array_member (appeals_test_response_object (day), "items");

    g_assert_cmpuint (executed->status, ==, 200);
    g_assert_cmpuint (archived->status, ==, 200);
    g_assert_cmpstr (status_of (archived), ==, "archived");
    assert_problem (late_order, 409, "conflict");
    g_assert_cmpstr (field_error_code (late_order, "status"), ==, "invalid_value");
    assert_problem (cancelled, 409, "invalid_transition");
    /* an archived reception leaves the day's work */
    for (guint i = 0; i < json_array_get_length (items); i++)
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, i), "reception_id"), !=, id);
  }
}

/* Two server processes on one database book the same slots at once: each
 * slot is booked once, the other attempt answers 409 slot_taken. */
typedef struct
{
  GMutex lock;
  GCond  cond;
  guint  ready;
  guint  expected;   /* the bookers that sign in before any books */
} Start;

typedef struct
{
  Start             *start;
  AppealsTestServer *server;
  gint64             official, applicant;
  const char        *date;
  GPtrArray         *times;
  guint              booked, taken;
} Booker;

static gpointer
run_booker (gpointer data)
{
  Booker *booker = data;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = appeals_test_sign_in (booker->server, "registrar", "demo");

  /* all signed in (a slow hash) before any books */
  g_mutex_lock (&booker->start->lock);
  booker->start->ready++;
  g_cond_broadcast (&booker->start->cond);
  while (booker->start->ready < booker->start->expected)
    g_cond_wait (&booker->start->cond, &booker->start->lock);
  g_mutex_unlock (&booker->start->lock);

  for (guint i = 0; i < booker->times->len; i++)
    for (;;)
      {
        g_autofree char *body = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                                 "\"start_time\":\"%s\",\"applicant_id\":%" G_GINT64_FORMAT ","
                                                 "\"question\":\"Жылу беру\"}", booker->official, booker->date,
                                                 (const char *) g_ptr_array_index (booker->times, i), booker->applicant);
        g_autoptr(AppealsTestResponse) answer = appeals_test_request (booker->server, session, "POST",
                                                                      "/api/v1/receptions", token, body, NULL);

        /* 503: the storage met the other process and asks for a retry */
        if (answer->status == 503)
          continue;
        if (answer->status == 201)
          booker->booked++;
        else if (answer->status == 409 && strstr (answer->text, "slot_taken") != NULL)
          booker->taken++;
        else
          g_error ("booking %s: %u %s", (const char *) g_ptr_array_index (booker->times, i), answer->status,
                   answer->text);
        break;
      }
  return NULL;
}

#define N_RACERS 8

/* Bookers racing on one official's day, through two processes. */
typedef struct
{
  Start      start;
  gint64     official;
  GPtrArray *times;      /* the day's free slots, all the bookers try */
  Booker     bookers[N_RACERS];
  guint      n_bookers;
  guint      booked, taken;   /* of all the bookers */
} Race;

static void
race_clear (Race *race)
{
  g_clear_pointer (&race->times, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Race, race_clear)

/* @n_bookers in turns through the fixture's server and a second process on
 * its database try to book the day's free slots on @date (only its first
 * when @first_only), all at once, for one applicant. */
static void
race_run (Fixture    *fixture,
          Race       *race,
          const char *date,
          guint       n_bookers,
          gboolean    first_only)
{
  const char *demo[] = { "--demo", NULL };
  AppealsTestServer *second = appeals_test_server_start_beside (fixture->server, demo);
  gint64 applicant = create_applicant (fixture, "061211600012");

  g_assert_cmpuint (n_bookers, <=, N_RACERS);
  race->official = create_open_official (fixture);
  race->times = free_slots (fixture, race->official, date);
  g_assert_cmpuint (race->times->len, >, 0);
  if (first_only)
    g_ptr_array_set_size (race->times, 1);
  race->start.expected = race->n_bookers = n_bookers;
  for (guint i = 0; i < n_bookers; i++)
    race->bookers[i] = (Booker) { &race->start, i % 2 == 0 ? fixture->server : second, race->official, applicant,
                                  date, race->times, 0, 0 };
  test_api_run_threads ("booker", run_booker, race->bookers, sizeof (Booker), n_bookers);
  appeals_test_server_free (second);
  for (guint i = 0; i < n_bookers; i++)
    {
      race->booked += race->bookers[i].booked;
      race->taken += race->bookers[i].taken;
    }
}

/* How many receptions the official's queue of @date holds. */
static guint
queue_length (Fixture    *fixture,
              gint64      official,
              const char *date)
{
  g_autofree char *queue = g_strdup_printf ("/api/v1/receptions?date=%s&official_id=%" G_GINT64_FORMAT, date,
                                            official);
  g_autoptr(AppealsTestResponse) answer = REQUEST (fixture, "GET", queue, fixture->registrar, NULL);

  g_assert_cmpuint (answer->status, ==, 200);
  return json_array_get_length (json_object_get_array_member (appeals_test_response_object (answer), "items"));
}

static void
test_concurrent_slot (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_auto(Race) race = { 0 };

  race_run (fixture, &race, "2027-03-15", 2, FALSE);
  g_assert_cmpuint (race.times->len, ==, 30);
  /* each process answered every slot, booked or taken: which one wins
   * how many depends on the scheduler (on a loaded machine one SQLite
   * writer can win them all), never a slot twice or a slot lost */
  for (guint i = 0; i < race.n_bookers; i++)
    g_assert_cmpuint (race.bookers[i].booked + race.bookers[i].taken, ==, race.times->len);

  g_test_message ("booked %u + %u, taken %u + %u", race.bookers[0].booked, race.bookers[1].booked,
                  race.bookers[0].taken, race.bookers[1].taken);
  g_assert_cmpuint (race.booked, ==, race.times->len);
  g_assert_cmpuint (race.taken, ==, race.times->len);
  g_assert_cmpuint (queue_length (fixture, race.official, "2027-03-15"), ==, race.times->len);
}

/* Many bookers at once on ONE slot, half through each of two server
 * processes on one database: exactly one gets 201, every other 409
 * slot_taken, and the day's queue holds the slot once. */
static void
test_one_slot_race (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_auto(Race) race = { 0 };

  race_run (fixture, &race, "2027-03-16", N_RACERS, TRUE);
  g_assert_cmpuint (race.booked, ==, 1);
  g_assert_cmpuint (race.taken, ==, N_RACERS - 1);
  g_assert_cmpuint (queue_length (fixture, race.official, "2027-03-16"), ==, 1);
}

/* Steps 12–13 follow the protocol's orders: the control is due on the
 * latest term of the orders still on control and is done when every order
 * is executed or taken off control (in the reception's protocol or in the
 * register); the archive is due the working day after. */
static JsonObject *
step_of (AppealsTestResponse *reception,
         const char          *code)
{
  JsonArray *steps = json_object_get_array_member (appeals_test_response_object (reception), "steps");

  for (guint i = 0; i < json_array_get_length (steps); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (steps, i), "code"), code))
      return json_array_get_object_element (steps, i);
  g_error ("no step %s", code);
}

static const char *
due_of (AppealsTestResponse *reception,
        const char          *code)
{
  JsonNode *due = json_object_get_member (step_of (reception, code), "due");

  return due != NULL && !JSON_NODE_HOLDS_NULL (due) ? json_node_get_string (due) : NULL;
}

/* The order added last (the answer lists the reception's orders). */
static JsonObject *
newest_order (AppealsTestResponse *reception,
              gint64              *id)
{
  JsonArray *orders = json_object_get_array_member (appeals_test_response_object (reception), "orders");
  JsonObject *newest = NULL;

  for (guint i = 0; i < json_array_get_length (orders); i++)
    if (newest == NULL || json_object_get_int_member (json_array_get_object_element (orders, i), "id") >
                            json_object_get_int_member (newest, "id"))
      newest = json_array_get_object_element (orders, i);
  *id = json_object_get_int_member (newest, "id");
  return newest;
}

static void
test_steps_follow_orders (Fixture       *fixture,
                          gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 official = demo_official (fixture, 0);
  g_autoptr(AppealsTestResponse) booked = book_slot (fixture, official, applicant, FRIDAY, "10:00");
  gint64 id = json_object_get_int_member (appeals_test_response_object (booked), "id");
  g_autofree char *orders = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/orders", id);
  g_autoptr(AppealsTestResponse) short_term = NULL;
  g_autoptr(AppealsTestResponse) long_term = NULL;
  g_autoptr(AppealsTestResponse) executed = NULL;
  g_autoptr(AppealsTestResponse) register_order = NULL;
  g_autoptr(AppealsTestResponse) taken_off = NULL;
  g_autoptr(AppealsTestResponse) after = NULL;
  g_autoptr(AppealsTestResponse) reopened = NULL;
  g_autofree char *short_due = NULL;
  g_autofree char *long_due = NULL;
  g_autofree char *long_path = NULL;
  g_autofree char *short_path = NULL;
  g_autofree char *reception_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT, id);
  gint64 short_id, long_id;

  g_assert_cmpuint (booked->status, ==, 201);
  /* no orders yet: no term */
  g_assert_null (due_of (booked, "protocol_control"));
  g_assert_null (due_of (booked, "archive"));

  short_term = REQUEST (fixture, "POST", orders, fixture->registrar,
                        "{\"text\":\"Жолды жөндеу\",\"executor_body\":\"housing-utilities\",\"working_days\":5}");
  g_assert_cmpuint (short_term->status, ==, 201);
  short_due = g_strdup (json_object_get_string_member (newest_order (short_term, &short_id), "deadline"));
  long_term = REQUEST (fixture, "POST", orders, fixture->registrar,
                       "{\"text\":\"Мектеп салу\",\"executor_body\":\"housing-utilities\",\"working_days\":20}");
  g_assert_cmpuint (long_term->status, ==, 201);
  long_due = g_strdup (json_object_get_string_member (newest_order (long_term, &long_id), "deadline"));
  g_assert_cmpstr (short_due, <, long_due);
  /* two on control: the later term */
  g_assert_cmpstr (due_of (long_term, "protocol_control"), ==, long_due);
  g_assert_cmpstr (due_of (long_term, "archive"), >, long_due);
  g_assert_false (json_object_get_boolean_member (step_of (long_term, "protocol_control"), "done"));

  /* the later one executed in the protocol: the term of the one left */
  long_path = g_strdup_printf ("%s/%" G_GINT64_FORMAT, orders, long_id);
  executed = REQUEST (fixture, "PATCH", long_path, fixture->registrar, "{\"status\":\"executed\"}");
  g_assert_cmpuint (executed->status, ==, 200);
  g_assert_cmpstr (due_of (executed, "protocol_control"), ==, short_due);
  g_assert_false (json_object_get_boolean_member (step_of (executed, "protocol_control"), "done"));

  /* the other taken off control in the register: the control is done */
  short_path = g_strdup_printf ("/api/v1/orders/%" G_GINT64_FORMAT, short_id);
  register_order = REQUEST (fixture, "GET", short_path, fixture->controller, NULL);
  taken_off = REQUEST (fixture, "PATCH", short_path, fixture->controller, "{\"status\":\"taken_off\"}", "If-Match",
                       appeals_test_response_header (register_order, "ETag"));
  g_assert_cmpuint (taken_off->status, ==, 200);
  after = REQUEST (fixture, "GET", reception_path, fixture->registrar, NULL);
  g_assert_true (json_object_get_boolean_member (step_of (after, "protocol_control"), "done"));
  g_assert_cmpstr (due_of (after, "protocol_control"), ==, long_due);

  /* an order on control again: not done any more */
  reopened = REQUEST (fixture, "PATCH", long_path, fixture->registrar, "{\"status\":\"open\"}");
  g_assert_cmpuint (reopened->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (step_of (reopened, "protocol_control"), "done"));
  g_assert_cmpstr (due_of (reopened, "protocol_control"), ==, long_due);
}

void
test_api_add_reception_guards (void)
{
  TEST_API_ADD ("/api/reception-guards/booking", test_booking_guards);
  TEST_API_ADD ("/api/reception-guards/free-slots-range", test_free_slots_range);
  TEST_API_ADD ("/api/reception-guards/cancel-and-move", test_cancel_and_move);
  TEST_API_ADD ("/api/reception-guards/status-order", test_status_order);
  TEST_API_ADD ("/api/reception-guards/concurrent-slot", test_concurrent_slot);
  TEST_API_ADD ("/api/reception-guards/one-slot-race", test_one_slot_race);
  TEST_API_ADD ("/api/reception-guards/steps-follow-orders", test_steps_follow_orders);
}
