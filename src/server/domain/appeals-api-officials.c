/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-officials.c: officials who receive citizens, and their
 * reception schedules.
 *
 *   GET    /officials          the active officials with their schedules
 *   POST   /officials          a new official: names and positions in kk and ru, the schedule
 *   PUT    /officials/{id}     the official's names, positions and whole schedule replaced
 *   DELETE /officials/{id}     the official no longer receives (kept for the receptions they held)
 *
 * A schedule is a list of {weekday 1–7, start "HH:MM", end "HH:MM",
 * place, place_kk, place_ru, video}; a day is either in a place or by
 * video conference. The place's Kazakh and Russian texts are what the
 * poster prints in each language; either one not given is the place.
 */
#include "config.h"

#include <string.h>

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-audit.h"
#include "appeals-store.h"

#define MAX_NAME 200
#define MAX_PLACE 300
#define MAX_SLOTS 14

static void
add_names (JsonBuilder     *builder,
           const char      *member,
           AppealsDbResult *rows,
           guint            i,
           const char      *column)
{
  g_autofree char *kk = g_strconcat (column, "_kk", NULL);
  g_autofree char *ru = g_strconcat (column, "_ru", NULL);

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kk");
  json_builder_add_string_value (builder, appeals_db_result_get_string (rows, i, kk));
  json_builder_set_member_name (builder, "ru");
  json_builder_add_string_value (builder, appeals_db_result_get_string (rows, i, ru));
  json_builder_end_object (builder);
}

/* The officials of @where (a condition on "o"), each with its schedule. */
static JsonNode *
officials_to_json (AppealsRequest  *request,
                   const char      *where,
                   GVariant        *params,
                   GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM officials o WHERE %s ORDER BY o.id", where);
  g_autoptr(AppealsDbResult) officials = NULL;
  g_autoptr(AppealsDbResult) schedules = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  officials = appeals_db_query (request->db, sql, params, error);
  schedules = officials != NULL
              ? appeals_db_query (request->db, "SELECT * FROM official_schedules ORDER BY official_id, weekday, start_time",
                                  NULL, error)
              : NULL;
  if (schedules == NULL)
    return NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < appeals_db_result_get_n_rows (officials); i++)
    {
      gint64 id = appeals_db_result_get_int64 (officials, i, "id");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      add_names (builder, "full_name", officials, i, "full_name");
      add_names (builder, "position", officials, i, "position");
      json_builder_set_member_name (builder, "active");
      json_builder_add_boolean_value (builder, appeals_db_result_get_boolean (officials, i, "active"));

      json_builder_set_member_name (builder, "schedule");
      json_builder_begin_array (builder);
      for (guint j = 0; j < appeals_db_result_get_n_rows (schedules); j++)
        {
          if (appeals_db_result_get_int64 (schedules, j, "official_id") != id)
            continue;
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "weekday");
          json_builder_add_int_value (builder, appeals_db_result_get_int64 (schedules, j, "weekday"));
          json_builder_set_member_name (builder, "start");
          json_builder_add_string_value (builder, appeals_db_result_get_string (schedules, j, "start_time"));
          json_builder_set_member_name (builder, "end");
          json_builder_add_string_value (builder, appeals_db_result_get_string (schedules, j, "end_time"));
          appeals_store_add_text_members (builder, schedules, j,
                                          (const char * const[]) { "place", "place_kk", "place_ru", NULL });
          json_builder_set_member_name (builder, "video");
          json_builder_add_boolean_value (builder, appeals_db_result_get_boolean (schedules, j, "video"));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static gboolean
handle_list (AppealsRequest  *request,
             GError         **error)
{
  g_autoptr(JsonNode) items = officials_to_json (request, "o.active = 1", NULL, error);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object;

  if (items == NULL)
    return FALSE;
  object = json_object_new ();
  json_object_set_member (object, "items", g_steal_pointer (&items));
  json_node_take_object (root, object);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

/* Validation ------------------------------------------------------------ */

typedef struct
{
  const char *full_name[2];   /* kk, ru */
  const char *position[2];
  JsonArray  *schedule;
} OfficialBody;

static const char *languages[] = { "kk", "ru" };

static void
read_names (JsonObject  *body,
            const char  *member,
            const char **names,
            GPtrArray   *errors)
{
  JsonNode *node = json_object_get_member (body, member);
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *field = g_strdup_printf ("%s.%s", member, languages[l]);
      JsonNode *value = object != NULL ? json_object_get_member (object, languages[l]) : NULL;
      g_autofree char *stripped = NULL;

      names[l] = NULL;
      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        appeals_field_errors_add (errors, field, APPEALS_FIELD_REQUIRED, NULL);
      else if (json_node_get_value_type (value) != G_TYPE_STRING)
        appeals_field_errors_add (errors, field, APPEALS_FIELD_WRONG_TYPE, NULL);
      else if (*(stripped = g_strstrip (g_strdup (json_node_get_string (value)))) == '\0')
        appeals_field_errors_add (errors, field, APPEALS_FIELD_REQUIRED, NULL);
      else if (g_utf8_strlen (json_node_get_string (value), -1) > MAX_NAME)
        appeals_field_errors_add (errors, field, APPEALS_FIELD_TOO_LONG, NULL);
      else
        names[l] = json_node_get_string (value);
    }
}

/* The place of a day, and its texts for the poster in each language. */
static const char *place_members[] = { "place", "place_kk", "place_ru" };

static void
check_place (JsonObject *slot,
             const char *prefix,
             const char *member,
             GPtrArray  *errors)
{
  JsonNode *place = json_object_get_member (slot, member);
  g_autofree char *field = NULL;

  if (place == NULL || JSON_NODE_HOLDS_NULL (place) ||
      (json_node_get_value_type (place) == G_TYPE_STRING && g_utf8_strlen (json_node_get_string (place), -1) <= MAX_PLACE))
    return;
  field = g_strconcat (prefix, ".", member, NULL);
  appeals_field_errors_add (errors, field, json_node_get_value_type (place) != G_TYPE_STRING
                                           ? APPEALS_FIELD_WRONG_TYPE : APPEALS_FIELD_TOO_LONG, NULL);
}

static void
check_slot (JsonNode  *node,
            guint      index,
            GPtrArray *errors)
{
  JsonObject *slot = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autofree char *prefix = g_strdup_printf ("schedule[%u]", index);
  g_autofree char *weekday_field = g_strconcat (prefix, ".weekday", NULL);
  g_autofree char *start_field = g_strconcat (prefix, ".start", NULL);
  g_autofree char *end_field = g_strconcat (prefix, ".end", NULL);
  g_autofree char *place_field = g_strconcat (prefix, ".place", NULL);
  JsonNode *weekday, *place, *video;
  const char *start, *end;

  if (slot == NULL)
    {
      appeals_field_errors_add (errors, prefix, APPEALS_FIELD_WRONG_TYPE, NULL);
      return;
    }

  weekday = json_object_get_member (slot, "weekday");
  if (weekday == NULL || json_node_get_value_type (weekday) != G_TYPE_INT64 ||
      json_node_get_int (weekday) < 1 || json_node_get_int (weekday) > 7)
    appeals_field_errors_add (errors, weekday_field, weekday == NULL ? APPEALS_FIELD_REQUIRED : APPEALS_FIELD_OUT_OF_RANGE,
                              "1–7");

  start = appeals_api_member_string (slot, "start", NULL, NULL);
  end = appeals_api_member_string (slot, "end", NULL, NULL);
  if (!appeals_time_of_day_is_valid (start))
    appeals_field_errors_add (errors, start_field, start == NULL ? APPEALS_FIELD_REQUIRED : APPEALS_FIELD_INVALID_VALUE,
                              "HH:MM");
  if (!appeals_time_of_day_is_valid (end))
    appeals_field_errors_add (errors, end_field, end == NULL ? APPEALS_FIELD_REQUIRED : APPEALS_FIELD_INVALID_VALUE,
                              "HH:MM");
  else if (appeals_time_of_day_is_valid (start) && strcmp (start, end) >= 0)
    appeals_field_errors_add (errors, end_field, APPEALS_FIELD_OUT_OF_RANGE, start);

  place = json_object_get_member (slot, "place");
  video = json_object_get_member (slot, "video");
  for (guint i = 0; i < G_N_ELEMENTS (place_members); i++)
    check_place (slot, prefix, place_members[i], errors);
  if (video != NULL && json_node_get_value_type (video) != G_TYPE_BOOLEAN)
    {
      g_autofree char *video_field = g_strconcat (prefix, ".video", NULL);

      appeals_field_errors_add (errors, video_field, APPEALS_FIELD_WRONG_TYPE, NULL);
    }
  /* a day is in a place or by video conference: say where */
  if (!(video != NULL && json_node_get_value_type (video) == G_TYPE_BOOLEAN && json_node_get_boolean (video)) &&
      (place == NULL || JSON_NODE_HOLDS_NULL (place) ||
       (json_node_get_value_type (place) == G_TYPE_STRING && *json_node_get_string (place) == '\0')))
    appeals_field_errors_add (errors, place_field, APPEALS_FIELD_REQUIRED, NULL);
}

/* Reads and checks the body; answers 422 and returns FALSE when it is wrong. */
static gboolean
read_official (AppealsRequest *request,
               OfficialBody   *official)
{
  JsonObject *body = appeals_api_require_object (request);
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  JsonNode *schedule;

  if (body == NULL)
    return FALSE;

  read_names (body, "full_name", official->full_name, errors);
  read_names (body, "position", official->position, errors);

  schedule = json_object_get_member (body, "schedule");
  official->schedule = NULL;
  if (schedule == NULL || !JSON_NODE_HOLDS_ARRAY (schedule))
    appeals_field_errors_add (errors, "schedule", schedule == NULL ? APPEALS_FIELD_REQUIRED : APPEALS_FIELD_WRONG_TYPE, NULL);
  else if (json_array_get_length (json_node_get_array (schedule)) > MAX_SLOTS)
    appeals_field_errors_add (errors, "schedule", APPEALS_FIELD_TOO_LONG, NULL);
  else
    {
      official->schedule = json_node_get_array (schedule);
      for (guint i = 0; i < json_array_get_length (official->schedule); i++)
        check_slot (json_array_get_element (official->schedule, i), i, errors);
    }

  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Writing --------------------------------------------------------------- */

/* A string member of @object, or @fallback when it is missing, null or "". */
static const char *
non_empty_member (JsonObject *object,
                  const char *member,
                  const char *fallback)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text = node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;

  return text != NULL && *text != '\0' ? text : fallback;
}

static gboolean
write_schedule (AppealsRequest  *request,
                gint64           id,
                JsonArray       *schedule,
                GError         **error)
{
  if (!appeals_db_exec (request->db, "DELETE FROM official_schedules WHERE official_id = ?",
                        g_variant_new ("(x)", id), error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (schedule); i++)
    {
      JsonObject *slot = json_array_get_object_element (schedule, i);
      gboolean video = json_object_get_boolean_member_with_default (slot, "video", FALSE);
      const char *place = non_empty_member (slot, "place", NULL);

      /* a text not given in a language is the one place text */
      if (!appeals_db_exec (request->db,
                            "INSERT INTO official_schedules (official_id, weekday, start_time, end_time, place, "
                            "place_kk, place_ru, video) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            g_variant_new ("(xxssmsmsmsx)", id, json_object_get_int_member (slot, "weekday"),
                                           json_object_get_string_member (slot, "start"),
                                           json_object_get_string_member (slot, "end"), place,
                                           non_empty_member (slot, "place_kk", place),
                                           non_empty_member (slot, "place_ru", place), (gint64) video),
                            error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
respond_official (AppealsRequest  *request,
                  gint64           id,
                  guint            status,
                  GError         **error)
{
  g_autoptr(JsonNode) list = officials_to_json (request, "o.id = ?", g_variant_new ("(x)", id), error);

  if (list == NULL)
    return FALSE;
  appeals_request_respond_json (request, status, json_array_get_element (json_node_get_array (list), 0));
  return TRUE;
}

/* What the audit trail keeps of an official: the row, and the schedule as
 * one line per day ("1 09:00-12:00 Room 5"). */
static JsonObject *
official_snapshot (AppealsRequest  *request,
                   gint64           id,
                   GError         **error)
{
  g_autoptr(JsonObject) snapshot = appeals_audit_snapshot (request->db, "SELECT * FROM officials WHERE id = ?",
                                                           g_variant_new ("(x)", id), error);
  g_autoptr(AppealsDbResult) slots = NULL;
  g_autoptr(GString) schedule = g_string_new (NULL);

  if (snapshot == NULL)
    return NULL;
  slots = appeals_db_query (request->db,
                            "SELECT weekday, start_time, end_time, place, video FROM official_schedules "
                            "WHERE official_id = ? ORDER BY weekday, start_time",
                            g_variant_new ("(x)", id), error);
  if (slots == NULL)
    return NULL;
  for (guint i = 0; i < appeals_db_result_get_n_rows (slots); i++)
    g_string_append_printf (schedule, "%s%s %s-%s %s", i > 0 ? "\n" : "",
                            appeals_db_result_get_string (slots, i, "weekday"),
                            appeals_db_result_get_string (slots, i, "start_time"),
                            appeals_db_result_get_string (slots, i, "end_time"),
                            appeals_db_result_get_boolean (slots, i, "video")
                              ? "video"
                              : (appeals_db_result_is_null (slots, i, "place")
                                   ? "" : appeals_db_result_get_string (slots, i, "place")));
  json_object_set_string_member (snapshot, "schedule", schedule->str);
  return g_steal_pointer (&snapshot);
}

/* The change of official @id since @before, in the audit trail. */
static gboolean
audit_official (AppealsRequest  *request,
                gint64           id,
                const char      *action,
                JsonObject      *before,
                GError         **error)
{
  g_autoptr(JsonObject) after = official_snapshot (request, id, error);

  return after != NULL &&
         appeals_audit_record_snapshots (request->db, "official", id, 0, action, request->user->login,
                                         before, after, error);
}

static gboolean
handle_create (AppealsRequest  *request,
               GError         **error)
{
  OfficialBody official;
  g_autoptr(AppealsDbResult) created = NULL;
  g_autofree char *location = NULL;
  gint64 id;

  if (!read_official (request, &official))
    return TRUE;

  if (!appeals_db_exec (request->db,
                        "INSERT INTO officials (full_name_kk, full_name_ru, position_kk, position_ru, active) "
                        "VALUES (?, ?, ?, ?, 1)",
                        g_variant_new ("(ssss)", official.full_name[0], official.full_name[1],
                                       official.position[0], official.position[1]),
                        error) ||
      (created = appeals_db_query (request->db, "SELECT MAX(id) AS id FROM officials", NULL, error)) == NULL)
    return FALSE;

  id = appeals_db_result_get_int64 (created, 0, "id");
  if (!write_schedule (request, id, official.schedule, error) ||
      !audit_official (request, id, "create", NULL, error))
    return FALSE;

  g_message ("official %" G_GINT64_FORMAT " (%s) added by %s", id, official.full_name[1], request->user->login);
  location = g_strdup_printf ("/api/v1/officials/%" G_GINT64_FORMAT, id);
  appeals_request_set_header (request, "Location", location);
  return respond_official (request, id, SOUP_STATUS_CREATED, error);
}

static gboolean
load_active (AppealsRequest  *request,
             gint64          *id,
             GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;

  if (!appeals_request_get_id_param (request, "id", id))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      *id = 0;
      return TRUE;
    }
  row = appeals_db_query (request->db, "SELECT id FROM officials WHERE id = ? AND active = 1",
                          g_variant_new ("(x)", *id), error);
  if (row == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (row) == 0)
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      *id = 0;
    }
  return TRUE;
}

static gboolean
handle_replace (AppealsRequest  *request,
                GError         **error)
{
  OfficialBody official;
  g_autoptr(JsonObject) before = NULL;
  gint64 id;

  if (!load_active (request, &id, error))
    return FALSE;
  if (id == 0 || !read_official (request, &official))
    return TRUE;

  if ((before = official_snapshot (request, id, error)) == NULL ||
      !appeals_db_exec (request->db,
                        "UPDATE officials SET full_name_kk = ?, full_name_ru = ?, position_kk = ?, position_ru = ? "
                        "WHERE id = ?",
                        g_variant_new ("(ssssx)", official.full_name[0], official.full_name[1],
                                       official.position[0], official.position[1], id),
                        error) ||
      !write_schedule (request, id, official.schedule, error) ||
      !audit_official (request, id, "update", before, error))
    return FALSE;

  g_message ("official %" G_GINT64_FORMAT " and the schedule changed by %s", id, request->user->login);
  return respond_official (request, id, SOUP_STATUS_OK, error);
}

static gboolean
handle_retire (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) before = NULL;
  gint64 id;

  if (!load_active (request, &id, error))
    return FALSE;
  if (id == 0)
    return TRUE;

  if ((before = official_snapshot (request, id, error)) == NULL ||
      !appeals_db_exec (request->db, "UPDATE officials SET active = 0 WHERE id = ?", g_variant_new ("(x)", id), error) ||
      !audit_official (request, id, "retire", before, error))
    return FALSE;
  g_message ("official %" G_GINT64_FORMAT " no longer receives, by %s", id, request->user->login);
  json_node_take_object (node, json_object_new ());
  appeals_request_respond_json (request, SOUP_STATUS_OK, node);
  return TRUE;
}

void
appeals_api_officials_register (AppealsServer *server)
{
  AppealsAllow keepers = APPEALS_ALLOW_CONTROLLER | APPEALS_ALLOW_ADMIN;

  appeals_server_add_route (server, "GET", "/api/v1/officials", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_list);
  appeals_server_add_route (server, "POST", "/api/v1/officials", keepers,
                            APPEALS_ROUTE_IDEMPOTENT, handle_create);
  appeals_server_add_route (server, "PUT", "/api/v1/officials/{id}", keepers,
                            APPEALS_ROUTE_DEFAULT, handle_replace);
  appeals_server_add_route (server, "DELETE", "/api/v1/officials/{id}", keepers,
                            APPEALS_ROUTE_DEFAULT, handle_retire);
}
