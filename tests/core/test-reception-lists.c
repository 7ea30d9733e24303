/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-reception-lists.c: the JSON mapping of officials with their
 * schedules and of the reception lists (queue visits, booked days, steps
 * due), each a table of real answers of the server.
 */
#include "config.h"

#include "core-test-util.h"

/* Officials --------------------------------------------------------------- */

static const struct {
  const char *name;
  const char *json;
  gboolean    valid;
  gint64      id;
  const char *name_kk;
  const char *name_ru;
  const char *position_ru;
  guint       n_slots;
  int         first_weekday;
  const char *first_place;    /* NULL: by video */
  gboolean    first_video;
} official_cases[] = {
  { "two days, a room and a video conference",
    "{\"id\":3,\"full_name\":{\"kk\":\"Әлиев Серік\",\"ru\":\"Алиев Серик\"},"
    "\"position\":{\"kk\":\"Аким орынбасары\",\"ru\":\"Заместитель акима\"},\"active\":true,"
    "\"schedule\":[{\"weekday\":2,\"start\":\"10:00\",\"end\":\"12:00\",\"place\":\"каб. 305\",\"video\":false},"
    "{\"weekday\":4,\"start\":\"15:00\",\"end\":\"17:00\",\"place\":null,\"video\":true}]}",
    TRUE, 3, "Әлиев Серік", "Алиев Серик", "Заместитель акима", 2, 2, "каб. 305", FALSE },
  { "no schedule yet",
    "{\"id\":9,\"full_name\":{\"kk\":\"Қасым\",\"ru\":\"Касым\"},\"position\":{\"kk\":\"Аким\",\"ru\":\"Аким\"},"
    "\"schedule\":[]}",
    TRUE, 9, "Қасым", "Касым", "Аким", 0, 0, NULL, FALSE },
  { "a name missing in one language reads as empty",
    "{\"id\":4,\"full_name\":{\"ru\":\"Петров\"},\"position\":null}",
    TRUE, 4, "", "Петров", "", 0, 0, NULL, FALSE },
  { "names not an object", "{\"id\":1,\"full_name\":\"Алиев\"}", FALSE },
  { "a name not a string", "{\"id\":1,\"full_name\":{\"kk\":1,\"ru\":\"Алиев\"}}", FALSE },
  { "schedule not a list", "{\"id\":1,\"schedule\":{\"weekday\":1}}", FALSE },
  { "weekday as text", "{\"id\":1,\"schedule\":[{\"weekday\":\"Mon\",\"start\":\"10:00\",\"end\":\"11:00\"}]}", FALSE },
  { "not an object", "[1,2]", FALSE },
};

static void
test_official_mapping (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (official_cases); i++)
    {
      g_autoptr(AppealsOfficial) official = core_test_read_case (official_cases[i].name, official_cases[i].json,
                                                                 official_cases[i].valid, (CoreTestReader) appeals_official_new_from_json);
      g_autoptr(AppealsOfficial) again = NULL;

      if (official == NULL)
        continue;
      g_assert_cmpint (official->id, ==, official_cases[i].id);
      g_assert_cmpstr (appeals_official_get_full_name (official, "kk"), ==, official_cases[i].name_kk);
      g_assert_cmpstr (appeals_official_get_full_name (official, "ru"), ==, official_cases[i].name_ru);
      /* an English interface reads the Russian name */
      g_assert_cmpstr (appeals_official_get_full_name (official, "en"), ==, official_cases[i].name_ru);
      g_assert_cmpstr (appeals_official_get_job_title (official, "ru"), ==, official_cases[i].position_ru);
      g_assert_cmpuint (official->schedule->len, ==, official_cases[i].n_slots);
      if (official_cases[i].n_slots > 0)
        {
          const AppealsScheduleSlot *slot = g_ptr_array_index (official->schedule, 0);

          g_assert_cmpint (slot->weekday, ==, official_cases[i].first_weekday);
          g_assert_cmpstr (slot->place, ==, official_cases[i].first_place);
          g_assert_cmpint (slot->video, ==, official_cases[i].first_video);
          g_assert_true (appeals_official_find_slot (official, slot->weekday) == slot);
          g_assert_true (appeals_official_receives_on (official, slot->weekday));
        }
      g_assert_false (appeals_official_receives_on (official, 7));

      /* what the client sends reads back the same */
      again = core_test_round_trip (official, (CoreTestWriter) appeals_official_to_json,
                                    (CoreTestReader) appeals_official_new_from_json);
      g_assert_cmpint (again->id, ==, official->id);
      g_assert_cmpstr (again->full_name_kk, ==, official->full_name_kk ? official->full_name_kk : "");
      g_assert_cmpstr (again->position_ru, ==, official->position_ru ? official->position_ru : "");
      g_assert_cmpuint (again->schedule->len, ==, official->schedule->len);
      for (guint s = 0; s < official->schedule->len; s++)
        {
          const AppealsScheduleSlot *a = g_ptr_array_index (official->schedule, s);
          const AppealsScheduleSlot *b = g_ptr_array_index (again->schedule, s);

          g_assert_cmpint (a->weekday, ==, b->weekday);
          g_assert_cmpstr (a->start, ==, b->start);
          g_assert_cmpstr (a->end, ==, b->end);
          g_assert_cmpstr (a->place, ==, b->place);
          g_assert_cmpint (a->video, ==, b->video);
        }
    }
}

static void
test_official_new_has_no_id (void)
{
  g_autoptr(AppealsOfficial) official = appeals_official_new ();
  g_autoptr(JsonNode) written = NULL;
  JsonObject *object;

  official->full_name_kk = g_strdup ("Жаңа");
  official->full_name_ru = g_strdup ("Новый");
  g_ptr_array_add (official->schedule, appeals_schedule_slot_new (3, "09:00", "11:00", "", TRUE));
  written = appeals_official_to_json (official);
  object = json_node_get_object (written);
  g_assert_false (json_object_has_member (object, "id"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "full_name"), "ru"), ==, "Новый");
  /* an empty place is no place */
  g_assert_true (json_object_get_null_member (json_array_get_object_element (json_object_get_array_member (object, "schedule"), 0),
                                              "place"));
  g_assert_null (appeals_officials_find_by_id (NULL, 1));
}

/* Visits, days and tasks -------------------------------------------------- */

static const struct {
  const char *name;
  const char *json;
  gboolean    valid;
  gint64      id;
  const char *applicant_name;
  const char *priority;
  gboolean    restricted;
  guint       n_overdue;
} visit_cases[] = {
  { "a visitor with two overdue steps",
    "{\"id\":12,\"version\":1,\"official_id\":3,\"date\":\"2026-12-01\",\"start_time\":\"10:20\",\"place\":\"каб. 305\","
    "\"video_link\":null,\"applicant_id\":7,\"appeal_id\":null,\"question\":\"Жилищная очередь\","
    "\"priority\":\"veteran\",\"booked_at\":\"2026-11-24T09:15:00Z\",\"status\":\"booked\","
    "\"applicant_name\":\"Сейтқали Әлия\",\"appeal_number\":null,"
    "\"steps\":[{\"code\":\"clarify\",\"overdue\":true},{\"code\":\"request_materials\",\"overdue\":true},"
    "{\"code\":\"reception\",\"overdue\":false}],\"orders\":[],\"review\":null,\"attachments\":[]}",
    TRUE, 12, "Сейтқали Әлия", "veteran", FALSE, 2 },
  { "another district's visitor: only the time taken",
    "{\"id\":13,\"official_id\":3,\"date\":\"2026-12-01\",\"start_time\":\"10:40\",\"restricted\":true,"
    "\"steps\":[],\"orders\":[],\"attachments\":[],\"review\":null}",
    TRUE, 13, NULL, NULL, TRUE, 0 },
  { "a date that is no date", "{\"id\":14,\"date\":\"01.12.2026\"}", FALSE },
  { "an applicant name that is a number", "{\"id\":15,\"applicant_name\":5}", FALSE },
};

static void
test_visit_mapping (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (visit_cases); i++)
    {
      g_autoptr(AppealsReceptionVisit) visit = core_test_read_case (visit_cases[i].name, visit_cases[i].json,
                                                                    visit_cases[i].valid, (CoreTestReader) appeals_reception_visit_new_from_json);

      if (visit == NULL)
        continue;
      g_assert_cmpint (visit->reception->id, ==, visit_cases[i].id);
      g_assert_cmpstr (visit->reception->start_time, !=, NULL);
      g_assert_cmpstr (visit->applicant_name, ==, visit_cases[i].applicant_name);
      g_assert_cmpstr (visit->reception->priority, ==, visit_cases[i].priority);
      g_assert_cmpint (visit->restricted, ==, visit_cases[i].restricted);
      g_assert_cmpuint (visit->n_overdue_steps, ==, visit_cases[i].n_overdue);
      g_assert_cmpuint (g_date_get_day (&visit->reception->date), ==, 1);
    }
}

static const struct {
  const char *name;
  const char *json;
  guint       n_items;     /* G_MAXUINT: malformed */
} day_cases[] = {
  { "two days", "{\"items\":[{\"date\":\"2026-12-01\",\"booked\":3},{\"date\":\"2026-12-03\",\"booked\":1}]}", 2 },
  { "an empty month", "{\"items\":[]}", 0 },
  { "no items member", "{\"days\":[]}", G_MAXUINT },
  { "a day without its date", "{\"items\":[{\"booked\":3}]}", G_MAXUINT },
  { "a count as text", "{\"items\":[{\"date\":\"2026-12-01\",\"booked\":\"3\"}]}", G_MAXUINT },
};

static void
test_day_mapping (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (day_cases); i++)
    {
      g_autoptr(JsonNode) node = core_test_parse_json (day_cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) days = appeals_items_read (node, (gpointer) appeals_reception_day_new_from_json, &error);

      g_test_message ("%s", day_cases[i].name);
      if (day_cases[i].n_items == G_MAXUINT)
        {
          g_assert_null (days);
          g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (days->len, ==, day_cases[i].n_items);
      if (days->len > 0)
        {
          AppealsReceptionDay *day = g_ptr_array_index (days, 0);

          g_assert_cmpint (day->booked, ==, 3);
          g_assert_cmpuint (g_date_get_month (&day->date), ==, 12);
        }
    }
}

static void
test_step_task_mapping (void)
{
  g_autoptr(JsonNode) node = core_test_parse_json ("{\"items\":[{\"reception_id\":12,\"code\":\"reminder_calls\",\"due\":\"2026-11-27\","
                                         "\"overdue\":true,\"reception_date\":\"2026-12-01\",\"question\":\"Жилье\"}]}");
  g_autoptr(JsonNode) broken = core_test_parse_json ("{\"items\":[{\"reception_id\":12,\"code\":\"clarify\",\"due\":\"soon\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = appeals_items_read (node, (gpointer) appeals_step_task_new_from_json, &error);
  g_autoptr(GPtrArray) none = NULL;
  AppealsStepTask *task;

  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 1);
  task = g_ptr_array_index (tasks, 0);
  g_assert_cmpint (task->reception_id, ==, 12);
  g_assert_cmpstr (task->code, ==, "reminder_calls");
  g_assert_true (task->overdue);
  g_assert_cmpuint (g_date_get_day (&task->due), ==, 27);
  g_assert_cmpuint (g_date_get_day (&task->reception_date), ==, 1);
  g_assert_cmpstr (task->question, ==, "Жилье");

  none = appeals_items_read (broken, (gpointer) appeals_step_task_new_from_json, &error);
  g_assert_null (none);
  g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/officials/mapping", test_official_mapping);
  g_test_add_func ("/officials/new-has-no-id", test_official_new_has_no_id);
  g_test_add_func ("/reception-lists/visits", test_visit_mapping);
  g_test_add_func ("/reception-lists/days", test_day_mapping);
  g_test_add_func ("/reception-lists/step-tasks", test_step_task_mapping);
  return g_test_run ();
}
