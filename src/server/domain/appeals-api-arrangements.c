/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-arrangements.c: how a reception is held.
 *
 *   PUT /receptions/{id}/arrangements   {field, place, video_link, participants: [{name, job_title, by_video}]}
 *
 * A field (выездной) reception is held away from the office, in a district
 * or a village, at its own place, possibly with a video link. The
 * participants are who takes part besides the official and the visitor:
 * the supervising deputy, representatives of the bodies invited in step 5,
 * the head of the Presidential Administration's appeals department by
 * video conference. They appear on the invitation and in the pack; the
 * reception's answer lists them under "participants" (see
 * appeals-reception-records.c). The whole arrangement is replaced at once
 * and audited; a reception that was held, cancelled or archived keeps its
 * arrangement.
 */
#include "config.h"

#include <string.h>

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-audit.h"
#include "appeals-reception-participants.h"
#include "appeals-reception-records.h"
#include "appeals-store.h"

#define MAX_PARTICIPANTS 20

static const char *arrangement_members[] = { "field", "place", "video_link", "participants" };
static const char *participant_members[] = { "name", "job_title", "by_video" };

/* Every member of @object is one of @known; the others are field errors. */
static void
check_members (JsonObject         *object,
               const char         *prefix,
               const char * const *known,
               guint               n_known,
               GPtrArray          *errors)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < n_known; i++)
        found |= g_str_equal (l->data, known[i]);
      if (!found)
        {
          g_autofree char *field = g_strconcat (prefix, l->data, NULL);

          appeals_field_errors_add (errors, field, APPEALS_FIELD_UNKNOWN, NULL);
        }
    }
}

/* A text member that may be missing or null, at most @max characters. */
static const char *
optional_text (JsonObject *object,
               const char *member,
               const char *field,
               guint       max,
               GPtrArray  *errors)
{
  const char *text = appeals_api_member_string (object, member, field, errors);

  if (text != NULL && g_utf8_strlen (text, -1) > max)
    appeals_field_errors_add (errors, field, APPEALS_FIELD_TOO_LONG, NULL);
  return text != NULL && *text != '\0' ? text : NULL;
}

static gboolean
optional_boolean (JsonObject *object,
                  const char *member,
                  const char *field,
                  GPtrArray  *errors)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      appeals_field_errors_add (errors, field, APPEALS_FIELD_WRONG_TYPE, NULL);
      return FALSE;
    }
  return json_node_get_boolean (node);
}

static void
check_participant (JsonNode  *node,
                   guint      index,
                   GPtrArray *errors)
{
  g_autofree char *prefix = g_strdup_printf ("participants[%u]", index);
  g_autofree char *name_field = g_strconcat (prefix, ".name", NULL);
  g_autofree char *job_field = g_strconcat (prefix, ".job_title", NULL);
  g_autofree char *video_field = g_strconcat (prefix, ".by_video", NULL);
  g_autofree char *member_prefix = g_strconcat (prefix, ".", NULL);
  JsonObject *participant = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *name;

  if (participant == NULL)
    {
      appeals_field_errors_add (errors, prefix, APPEALS_FIELD_WRONG_TYPE, NULL);
      return;
    }
  check_members (participant, member_prefix, participant_members, G_N_ELEMENTS (participant_members), errors);
  name = optional_text (participant, "name", name_field, 200, errors);
  if (name == NULL || strspn (name, " \t\r\n") == strlen (name))
    appeals_field_errors_add (errors, name_field, APPEALS_FIELD_REQUIRED, NULL);
  optional_text (participant, "job_title", job_field, 300, errors);
  optional_boolean (participant, "by_video", video_field, errors);
}

typedef struct
{
  gboolean    field;
  const char *place;
  const char *video_link;
  JsonArray  *participants;   /* NULL for none */
} Arrangement;

/* Reads and checks the body; answers 422 and returns FALSE when it is wrong. */
static gboolean
read_arrangement (AppealsRequest *request,
                  JsonObject     *body,
                  Arrangement    *arrangement)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  JsonNode *participants = json_object_get_member (body, "participants");

  check_members (body, "", arrangement_members, G_N_ELEMENTS (arrangement_members), errors);
  arrangement->field = optional_boolean (body, "field", "field", errors);
  arrangement->place = optional_text (body, "place", "place", 300, errors);
  arrangement->video_link = optional_text (body, "video_link", "video_link", 500, errors);
  if (arrangement->video_link != NULL && !g_str_has_prefix (arrangement->video_link, "https://"))
    appeals_field_errors_add (errors, "video_link", APPEALS_FIELD_INVALID_VALUE, "https://");
  /* a field reception is somewhere else than the office: say where */
  if (arrangement->field && arrangement->place == NULL && appeals_field_errors_find (errors, "place") == NULL)
    appeals_field_errors_add (errors, "place", APPEALS_FIELD_REQUIRED, NULL);

  arrangement->participants = NULL;
  if (participants != NULL && !JSON_NODE_HOLDS_NULL (participants) && !JSON_NODE_HOLDS_ARRAY (participants))
    appeals_field_errors_add (errors, "participants", APPEALS_FIELD_WRONG_TYPE, NULL);
  else if (participants != NULL && JSON_NODE_HOLDS_ARRAY (participants))
    {
      arrangement->participants = json_node_get_array (participants);
      if (json_array_get_length (arrangement->participants) > MAX_PARTICIPANTS)
        appeals_field_errors_add (errors, "participants", APPEALS_FIELD_TOO_LONG, NULL);
      else
        for (guint i = 0; i < json_array_get_length (arrangement->participants); i++)
          check_participant (json_array_get_element (arrangement->participants, i), i, errors);
    }

  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return FALSE;
    }
  return TRUE;
}

/* What the audit trail keeps: the place, the link, and one line per
 * participant. */
static JsonObject *
arrangement_snapshot (AppealsDb   *db,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(JsonObject) snapshot = appeals_audit_snapshot (db, "SELECT field, place, video_link FROM receptions WHERE id = ?",
                                                           g_variant_new ("(x)", id), error);
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);

  if (snapshot == NULL)
    return NULL;
  rows = appeals_db_query (db, "SELECT " APPEALS_PARTICIPANT_COLUMNS " FROM reception_participants "
                           "WHERE reception_id = ? ORDER BY position", g_variant_new ("(x)", id), error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    g_string_append_printf (lines, "%s%s%s%s%s", i > 0 ? "\n" : "", appeals_db_result_get_string (rows, i, "name"),
                            appeals_db_result_is_null (rows, i, "job_title") ? "" : ", ",
                            appeals_db_result_is_null (rows, i, "job_title")
                              ? "" : appeals_db_result_get_string (rows, i, "job_title"),
                            appeals_db_result_get_boolean (rows, i, "by_video") ? " (video)" : "");
  json_object_set_string_member (snapshot, "participants", lines->str);
  return g_steal_pointer (&snapshot);
}

static gboolean
write_arrangement (AppealsDb          *db,
                   gint64              id,
                   const Arrangement  *arrangement,
                   GError            **error)
{
  if (!appeals_db_exec (db, "UPDATE receptions SET field = ?, place = ?, video_link = ?, version = version + 1 "
                        "WHERE id = ?",
                        g_variant_new ("(xmsmsx)", (gint64) arrangement->field, arrangement->place,
                                       arrangement->video_link, id), error) ||
      !appeals_db_exec (db, "DELETE FROM reception_participants WHERE reception_id = ?", g_variant_new ("(x)", id),
                        error))
    return FALSE;

  for (guint i = 0; arrangement->participants != NULL && i < json_array_get_length (arrangement->participants); i++)
    {
      JsonObject *participant = json_array_get_object_element (arrangement->participants, i);
      g_autofree char *name = g_strstrip (g_strdup (json_object_get_string_member (participant, "name")));
      const char *job_title = json_object_get_string_member_with_default (participant, "job_title", NULL);

      if (!appeals_db_exec (db, "INSERT INTO reception_participants (reception_id, position, name, job_title, by_video) "
                            "VALUES (?, ?, ?, ?, ?)",
                            g_variant_new ("(xxsmsx)", id, (gint64) i, name,
                                           job_title != NULL && *job_title != '\0' ? job_title : NULL,
                                           (gint64) json_object_get_boolean_member_with_default (participant, "by_video",
                                                                                                FALSE)),
                            error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
handle_arrangements (AppealsRequest  *request,
                     GError         **error)
{
  g_autoptr(AppealsDbResult) row = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonNode) node = NULL;
  Arrangement arrangement;
  JsonObject *body;
  const char *status;
  gint64 id;

  if (!appeals_api_load_reception_row (request, &row, error))
    return FALSE;
  if (row == NULL || (body = appeals_api_require_object (request)) == NULL)
    return TRUE;
  if (!read_arrangement (request, body, &arrangement))
    return TRUE;

  /* once held, cancelled or archived, how it was (to be) held is history */
  status = appeals_db_result_get_string (row, 0, "status");
  if (!g_str_equal (status, "booked") && !g_str_equal (status, "confirmed"))
    {
      g_autoptr(GPtrArray) errors = appeals_field_errors_new ();

      appeals_field_errors_add (errors, "status", APPEALS_FIELD_INVALID_VALUE, "booked,confirmed");
      appeals_request_respond_problem (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_CONFLICT, errors, NULL);
      return TRUE;
    }

  id = appeals_db_result_get_int64 (row, 0, "id");
  g_clear_pointer (&row, appeals_db_result_free);
  if ((before = arrangement_snapshot (request->db, id, error)) == NULL ||
      !write_arrangement (request->db, id, &arrangement, error) ||
      (after = arrangement_snapshot (request->db, id, error)) == NULL ||
      !appeals_audit_record_snapshots (request->db, "reception", id, 0, "arrange", request->user->login,
                                       before, after, error))
    return FALSE;

  row = appeals_db_query (request->db, "SELECT " APPEALS_RECEPTION_COLUMNS " FROM receptions r WHERE r.id = ?",
                          g_variant_new ("(x)", id), error);
  if (row == NULL || (node = appeals_api_reception_to_json (request, row, 0, error)) == NULL)
    return FALSE;
  appeals_request_respond_json (request, SOUP_STATUS_OK, node);
  return TRUE;
}

void
appeals_api_arrangements_register (AppealsServer *server)
{
  appeals_server_add_route (server, "PUT", "/api/v1/receptions/{id}/arrangements",
                            APPEALS_ALLOW_REGISTRAR | APPEALS_ALLOW_CONTROLLER | APPEALS_ALLOW_HEAD | APPEALS_ALLOW_ADMIN,
                            APPEALS_ROUTE_DEFAULT, handle_arrangements);
}
