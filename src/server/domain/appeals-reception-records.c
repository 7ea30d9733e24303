/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-records.c: receptions as the domain keeps them —
 * booked with their 13 steps, loaded within the caller's scope, and
 * answered as one JSON object with their steps, protocol orders, the
 * leadership's review and the attached materials.
 */
#include "config.h"

#include <string.h>

#include "appeals-attachment-files.h"
#include "appeals-audit.h"
#include "appeals-reception-participants.h"
#include "appeals-core-enums.h"
#include "appeals-reception-records.h"
#include "appeals-scope.h"
#include "appeals-store.h"

/* The rows of @result by their "reception_id": id → GArray of row numbers,
 * in the order of the result. */
static GHashTable *
group_by_reception (AppealsDbResult *result)
{
  GHashTable *groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < appeals_db_result_get_n_rows (result); i++)
    {
      gint64 id = appeals_db_result_get_int64 (result, i, "reception_id");
      GArray *rows = g_hash_table_lookup (groups, &id);

      if (rows == NULL)
        {
          rows = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (groups, g_memdup2 (&id, sizeof id), rows);
        }
      g_array_append_val (rows, i);
    }
  return groups;
}

/* What a reception's answer holds besides its own row, for a whole list
 * at once: one statement per table, not one per reception. */
typedef struct
{
  AppealsDbResult *steps;
  AppealsDbResult *orders;
  AppealsDbResult *reviews;
  AppealsDbResult *attachments;
  AppealsDbResult *participants;
  GHashTable      *steps_of;
  GHashTable      *orders_of;
  GHashTable      *reviews_of;
  GHashTable      *attachments_of;
  GHashTable      *participants_of;
  char            *today;
} Related;

static void
related_clear (Related *related)
{
  g_clear_pointer (&related->steps, appeals_db_result_free);
  g_clear_pointer (&related->orders, appeals_db_result_free);
  g_clear_pointer (&related->reviews, appeals_db_result_free);
  g_clear_pointer (&related->attachments, appeals_db_result_free);
  g_clear_pointer (&related->participants, appeals_db_result_free);
  g_clear_pointer (&related->steps_of, g_hash_table_unref);
  g_clear_pointer (&related->orders_of, g_hash_table_unref);
  g_clear_pointer (&related->reviews_of, g_hash_table_unref);
  g_clear_pointer (&related->attachments_of, g_hash_table_unref);
  g_clear_pointer (&related->participants_of, g_hash_table_unref);
  g_clear_pointer (&related->today, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Related, related_clear)

static gboolean
load_related (AppealsRequest  *request,
              GArray          *ids,
              Related         *related,
              GError         **error)
{
  GDate today;

  /* steps by their terms (those without one last, each in the workflow's
   * order), orders and files oldest first, one review */
  static const char * const statements[] = {
    "SELECT reception_id, code, due, done, done_by, done_at, note FROM reception_steps "
    "WHERE reception_id IN @ids ORDER BY reception_id, due IS NULL, due, position",
    "SELECT id, reception_id, text, executor_body, due_date, status, executed_at FROM orders "
    "WHERE reception_id IN @ids ORDER BY id",
    "SELECT e.reception_id, e.reviewed_by, " APPEALS_STORE_USER_NAME ("e.reviewed_by") " AS reviewed_by_name, "
    "e.reviewed_at, e.instructions FROM reception_review_entries e "
    "WHERE e.reception_id IN @ids ORDER BY e.reception_id, e.id",
    "SELECT " APPEALS_ATTACHMENT_COLUMNS " FROM attachments WHERE reception_id IN @ids ORDER BY id",
    "SELECT " APPEALS_PARTICIPANT_COLUMNS " FROM reception_participants WHERE reception_id IN @ids "
    "ORDER BY reception_id, position",
  };
  AppealsDbResult **results[] = { &related->steps, &related->orders, &related->reviews, &related->attachments,
                                  &related->participants };
  GHashTable **groups[] = { &related->steps_of, &related->orders_of, &related->reviews_of, &related->attachments_of,
                            &related->participants_of };

  appeals_server_get_today (&today);
  related->today = appeals_date_format_iso (&today);

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      *results[i] = appeals_store_query_ids (request->db, statements[i], NULL, ids, error);
      if (*results[i] == NULL)
        return FALSE;
      *groups[i] = group_by_reception (*results[i]);
    }
  return TRUE;
}

/* The rows of one reception in @groups; none is an empty list. */
static GArray *
rows_of (GHashTable *groups,
         gint64      reception_id)
{
  static GArray *none;   /* shared by the workers: made once */
  GArray *rows = g_hash_table_lookup (groups, &reception_id);

  if (g_once_init_enter (&none))
    g_once_init_leave (&none, g_array_new (FALSE, FALSE, sizeof (guint)));
  return rows != NULL ? rows : none;
}

static JsonNode *
steps_to_json (AppealsDbResult *steps,
               GArray          *rows,
               const char      *today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint k = 0; k < rows->len; k++)
    {
      guint i = g_array_index (rows, guint, k);
      gboolean done = appeals_db_result_get_boolean (steps, i, "done");
      const char *due = appeals_db_result_get_string (steps, i, "due");

      json_builder_begin_object (builder);
      appeals_store_add_text_members (builder, steps, i, (const char * const[]) { "code", "due", NULL });
      json_builder_set_member_name (builder, "done");
      json_builder_add_boolean_value (builder, done);
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, !done && due != NULL && strcmp (due, today) < 0);
      appeals_store_add_text_members (builder, steps, i, (const char * const[]) { "done_by", "done_at", "note", NULL });
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
orders_to_json (AppealsDbResult *orders,
                GArray          *rows,
                const char      *today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint k = 0; k < rows->len; k++)
    {
      guint i = g_array_index (rows, guint, k);
      /* the protocol's view of the register: open while on control */
      gboolean open = g_str_equal (appeals_db_result_get_string (orders, i, "status"), "on_control");
      gboolean executed = g_str_equal (appeals_db_result_get_string (orders, i, "status"), "executed");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, appeals_db_result_get_int64 (orders, i, "id"));
      appeals_store_add_text_members (builder, orders, i, (const char * const[]) { "text", "executor_body", NULL });
      json_builder_set_member_name (builder, "deadline");
      json_builder_add_string_value (builder, appeals_db_result_get_string (orders, i, "due_date"));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, open ? "open" : "executed");
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, open &&
                                      strcmp (appeals_db_result_get_string (orders, i, "due_date"), today) < 0);
      json_builder_set_member_name (builder, "executed_at");
      if (executed)
        json_builder_add_string_value (builder, appeals_db_result_get_string (orders, i, "executed_at"));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* Every review, oldest first: a review is never overwritten. */
static JsonNode *
reviews_to_json (AppealsDbResult *reviews,
                 GArray          *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint k = 0; k < rows->len; k++)
    {
      json_builder_begin_object (builder);
      appeals_store_add_text_members (builder, reviews, g_array_index (rows, guint, k),
                                      (const char * const[]) { "reviewed_by", "reviewed_by_name", "reviewed_at",
                                                                  "instructions", NULL });
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* The attachments of one reception, oldest first. */
static JsonNode *
attachments_to_json (AppealsDbResult *attachments,
                     GArray          *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint k = 0; k < rows->len; k++)
    appeals_attachment_add_json (builder, attachments, g_array_index (rows, guint, k), "reception_id");
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
restricted_to_json (AppealsReception *reception)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *date = appeals_date_format_iso (&reception->date);
  static const char *empty_lists[] = { "steps", "orders", "attachments", "reviews" };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, reception->id);
  json_builder_set_member_name (builder, "official_id");
  json_builder_add_int_value (builder, reception->official_id);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "start_time");
  json_builder_add_string_value (builder, reception->start_time);
  json_builder_set_member_name (builder, "restricted");
  json_builder_add_boolean_value (builder, TRUE);
  /* the shape lists expect, empty */
  for (guint i = 0; i < G_N_ELEMENTS (empty_lists); i++)
    {
      json_builder_set_member_name (builder, empty_lists[i]);
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "review");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
full_to_json (AppealsReception *reception,
              AppealsDbResult  *row,
              guint             index,
              Related          *related)
{
  g_autoptr(JsonNode) node = appeals_reception_to_json (reception);
  JsonObject *object = json_node_get_object (node);
  JsonNode *reviews;
  guint n_reviews;

  json_object_set_member (object, "steps",
                          steps_to_json (related->steps, rows_of (related->steps_of, reception->id), related->today));
  /* for lists: who comes, and on which appeal */
  if (appeals_db_result_find_column (row, "applicant_name") >= 0)
    {
      json_object_set_string_member (object, "applicant_name",
                                     appeals_db_result_get_string (row, index, "applicant_name"));
      if (appeals_db_result_is_null (row, index, "appeal_number"))
        json_object_set_null_member (object, "appeal_number");
      else
        json_object_set_string_member (object, "appeal_number", appeals_db_result_get_string (row, index, "appeal_number"));
    }
  json_object_set_member (object, "orders",
                          orders_to_json (related->orders, rows_of (related->orders_of, reception->id), related->today));
  reviews = reviews_to_json (related->reviews, rows_of (related->reviews_of, reception->id));
  /* "review" is the latest */
  n_reviews = json_array_get_length (json_node_get_array (reviews));
  json_object_set_member (object, "review",
                          n_reviews > 0 ? json_node_copy (json_array_get_element (json_node_get_array (reviews),
                                                                                  n_reviews - 1))
                                        : json_node_new (JSON_NODE_NULL));
  json_object_set_member (object, "reviews", reviews);
  json_object_set_member (object, "attachments",
                          attachments_to_json (related->attachments,
                                               rows_of (related->attachments_of, reception->id)));
  json_object_set_member (object, "participants",
                          appeals_api_participants_to_json (related->participants,
                                                            rows_of (related->participants_of, reception->id)));
  json_object_set_boolean_member (object, "field", appeals_db_result_get_boolean (row, index, "field"));
  return g_steal_pointer (&node);
}

/* Whether the caller booked the reception in row @index: who books a
 * visitor may always read the booking. */
static gboolean
booked_by_caller (AppealsRequest  *request,
                  AppealsDbResult *rows,
                  guint            index)
{
  return request->user != NULL &&
         g_strcmp0 (appeals_db_result_get_string (rows, index, "created_by"), request->user->login) == 0;
}

/**
 * appeals_api_receptions_to_json:
 * @rows: receptions read with APPEALS_RECEPTION_COLUMNS
 * @order: (nullable) (array length=n): the rows to answer, in this order;
 *   %NULL for all of them as they are
 *
 * Bookings with their steps (due dates, done or not, overdue), their
 * protocol orders, the leadership's review and the attachments. A booking
 * of another district's visitor shows the time taken and nothing about
 * who comes or why. However many rows, this costs the same few
 * statements: the scope of all applicants at once, then each related
 * table for all receptions at once.
 *
 * Returns: (transfer full) (element-type JsonNode): the answers, or %NULL
 *   with @error set
 */
GPtrArray *
appeals_api_receptions_to_json (AppealsRequest   *request,
                                AppealsDbResult  *rows,
                                const guint      *order,
                                guint             n,
                                GError          **error)
{
  g_autoptr(GPtrArray) receptions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GArray) applicant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) visible_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) out_of_scope = NULL;
  g_auto(Related) related = { 0 };
  g_autofree gboolean *visible = g_new0 (gboolean, MAX (n, 1));

  for (guint k = 0; k < n; k++)
    {
      AppealsReception *reception = appeals_reception_new ();

      g_ptr_array_add (receptions, reception);
      if (!appeals_store_read_row (appeals_reception_get_record_type (), reception, rows,
                                   order != NULL ? order[k] : k, error))
        return NULL;
      g_array_append_val (applicant_ids, reception->applicant_id);
    }

  if (!appeals_api_applicants_in_scope (request, applicant_ids, &out_of_scope, error))
    return NULL;
  for (guint k = 0; k < n; k++)
    {
      AppealsReception *reception = g_ptr_array_index (receptions, k);

      visible[k] = !g_hash_table_contains (out_of_scope, &reception->applicant_id) ||
                   booked_by_caller (request, rows, order != NULL ? order[k] : k);
      if (visible[k])
        g_array_append_val (visible_ids, reception->id);
    }
  if (!load_related (request, visible_ids, &related, error))
    return NULL;

  for (guint k = 0; k < n; k++)
    {
      AppealsReception *reception = g_ptr_array_index (receptions, k);

      if (!visible[k])
        g_ptr_array_add (nodes, restricted_to_json (reception));
      else
        g_ptr_array_add (nodes, full_to_json (reception, rows, order != NULL ? order[k] : k, &related));
    }

  return g_steal_pointer (&nodes);
}

/**
 * appeals_api_reception_to_json:
 *
 * The same for the one reception in row @index of @row.
 */
JsonNode *
appeals_api_reception_to_json (AppealsRequest   *request,
                               AppealsDbResult  *row,
                               guint             index,
                               GError          **error)
{
  g_autoptr(GPtrArray) nodes = appeals_api_receptions_to_json (request, row, &index, 1, error);

  return nodes != NULL ? g_ptr_array_steal_index (nodes, 0) : NULL;
}

gboolean
appeals_api_load_reception_row (AppealsRequest    *request,
                                AppealsDbResult  **row,
                                GError           **error)
{
  return appeals_api_load_owned_row (request, "SELECT " APPEALS_RECEPTION_COLUMNS " FROM receptions r WHERE r.id = ?",
                                     row, error);
}

/**
 * appeals_api_receptions_insert:
 * @registered_on: the day the request was registered; the steps count from it
 *
 * @slot_taken: (out) (optional): set when another reception that is not
 *   cancelled holds the slot (a booking made at the same moment by another
 *   process): then nothing is booked and 0 returned without an error.
 *   Without it, a taken slot is a constraint error.
 *
 * Books @reception (validated already) with its 13 steps and their terms.
 * The slot's unique index decides between two bookings of one slot: the
 * second inserts nothing (on PostgreSQL it waits for the first to commit).
 *
 * Returns: the new reception's id, or 0 with @error set
 */
gint64
appeals_api_receptions_insert (AppealsServer     *server,
                               AppealsDb         *db,
                               AppealsReception  *reception,
                               const GDate       *registered_on,
                               const char        *actor,
                               gboolean          *slot_taken,
                               GError           **error)
{
  AppealsWorkflow *workflow = appeals_server_get_workflow (server);
  g_autoptr(AppealsDbResult) created = NULL;
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *registered_text = appeals_date_format_iso (registered_on);
  g_autofree char *date = appeals_date_format_iso (&reception->date);
  gint64 id;

  if (slot_taken != NULL)
    *slot_taken = FALSE;
  if (workflow == NULL)
    return 0;

  if (!appeals_db_exec (db,
                        "INSERT INTO receptions (version, official_id, date, start_time, place, video_link, applicant_id, "
                        "appeal_id, question, priority, booked_at, status, registered_on, created_by) "
                        "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?) "
                        "ON CONFLICT (official_id, date, start_time) WHERE status <> 'cancelled' DO NOTHING",
                        g_variant_new ("(xssmsmsxmxsmssss)", reception->official_id, date, reception->start_time,
                                       reception->place, reception->video_link, reception->applicant_id,
                                       (gboolean) (reception->appeal_id > 0), reception->appeal_id,
                                       reception->question, reception->priority, now, registered_text, actor),
                        error))
    return 0;

  created = appeals_db_query (db,
                              "SELECT id FROM receptions WHERE official_id = ? AND date = ? AND start_time = ? "
                              "AND status <> 'cancelled' AND booked_at = ? AND created_by = ? AND applicant_id = ?",
                              g_variant_new ("(xssssx)", reception->official_id, date, reception->start_time,
                                             now, actor, reception->applicant_id), error);
  if (created == NULL)
    return 0;
  if (appeals_db_result_get_n_rows (created) == 0)
    {
      if (slot_taken != NULL)
        *slot_taken = TRUE;
      else
        g_set_error (error, APPEALS_DB_ERROR, APPEALS_DB_ERROR_CONSTRAINT, "the slot %s %s of official %" G_GINT64_FORMAT
                     " is taken", date, reception->start_time, reception->official_id);
      return 0;
    }
  id = appeals_db_result_get_int64 (created, 0, "id");

  /* the 13 steps, each with its term */
  for (guint i = 0; i < appeals_workflow_get_n_steps (workflow); i++)
    if (!appeals_db_exec (db,
                          "INSERT INTO reception_steps (reception_id, position, code, due, done) VALUES (?, ?, ?, NULL, 0)",
                          g_variant_new ("(xxs)", id, (gint64) i, appeals_workflow_get_step (workflow, i)->code),
                          error))
      return 0;
  if (!appeals_api_reception_set_step_dues (server, db, id, registered_on, &reception->date, NULL, error))
    return 0;

  return appeals_api_audit_reception (db, id, NULL, "reception", "create", actor, NULL, error) ? id : 0;
}

/**
 * appeals_api_reception_row_status:
 *
 * Returns: the AppealsReceptionStatus of the reception in @row (read with
 *   APPEALS_RECEPTION_COLUMNS)
 */
int
appeals_api_reception_row_status (AppealsDbResult *row)
{
  int status = APPEALS_RECEPTION_STATUS_UNSET;

  appeals_enum_from_wire (APPEALS_TYPE_RECEPTION_STATUS, appeals_db_result_get_string (row, 0, "status"), &status);
  return status;
}

/**
 * appeals_api_respond_reception_conflict:
 * @field: the member, or what, in the way: "status", "orders", "steps"…
 * @expected: what it must be first, for the field error's detail
 *
 * 409 conflict: the reception is not yet (or no longer) where the request
 * needs it.
 */
void
appeals_api_respond_reception_conflict (AppealsRequest *request,
                                        const char     *field,
                                        const char     *expected)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();

  appeals_field_errors_add (errors, field, APPEALS_FIELD_INVALID_VALUE, expected);
  appeals_request_respond_problem (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_CONFLICT, errors, NULL);
}

/**
 * appeals_api_reception_set_step_dues:
 * @held: (nullable): the day the reception was held, once it was
 *
 * Sets the terms of reception @id's steps that are not done from the
 * workflow and the calendar: counted from the request's registration,
 * back from the reception day, or on from the day it was held.
 */
gboolean
appeals_api_reception_set_step_dues (AppealsServer  *server,
                                     AppealsDb      *db,
                                     gint64          id,
                                     const GDate    *registered_on,
                                     const GDate    *date,
                                     const GDate    *held,
                                     GError        **error)
{
  AppealsWorkflow *workflow = appeals_server_get_workflow (server);
  AppealsCalendar *calendar = appeals_server_get_calendar (server);

  if (workflow == NULL)
    return FALSE;
  for (guint i = 0; i < appeals_workflow_get_n_steps (workflow); i++)
    {
      g_autofree char *due_text = NULL;
      GDate due;

      /* the orders' steps move with the orders (appeals_api_reception_follow_orders) */
      if (appeals_workflow_get_step (workflow, i)->anchor == APPEALS_STEP_ANCHOR_ORDERS)
        continue;
      if (appeals_workflow_compute_due (workflow, calendar, i, registered_on, date, held, &due))
        due_text = appeals_date_format_iso (&due);
      if (!appeals_db_exec (db, "UPDATE reception_steps SET due = ? WHERE reception_id = ? AND code = ? AND done = 0",
                            g_variant_new ("(msxs)", due_text, id, appeals_workflow_get_step (workflow, i)->code),
                            error))
        return FALSE;
    }
  return TRUE;
}

/* Ticks (or unticks) a step that closes with the orders, with its audit
 * entry, when the orders say otherwise than the step. */
static gboolean
close_with_orders (AppealsDb   *db,
                   gint64       id,
                   const char  *code,
                   gboolean     done,
                   const char  *actor,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) before = appeals_api_reception_snapshot (db, id, code, &local_error);
  g_autofree char *now = appeals_server_now_iso ();

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (before == NULL)
    return TRUE;   /* a reception without this step */
  /* the snapshot holds the columns as text */
  if (g_strcmp0 (json_object_get_string_member_with_default (before, "done", "0"), done ? "1" : "0") == 0)
    return TRUE;
  return appeals_db_exec (db, "UPDATE reception_steps SET done = ?, done_by = ?, done_at = ? "
                          "WHERE reception_id = ? AND code = ?",
                          g_variant_new ("(xmsmsxs)", (gint64) done, done ? actor : NULL, done ? now : NULL, id, code),
                          error) &&
         appeals_api_audit_reception (db, id, code, "reception_step", "follow_orders", actor, before, error);
}

/**
 * appeals_api_reception_follow_orders:
 * @actor: who changed the orders
 *
 * Steps 12–13 follow the protocol's orders of reception @id: their terms
 * count from the latest term of the orders on control (of all the orders
 * once none is), and the control of the orders is done when every order
 * is executed or taken off control. Called after every change of an
 * order of a reception; before the first order they have no term.
 */
gboolean
appeals_api_reception_follow_orders (AppealsServer  *server,
                                     AppealsDb      *db,
                                     gint64          id,
                                     const char     *actor,
                                     GError        **error)
{
  AppealsWorkflow *workflow = appeals_server_get_workflow (server);
  AppealsCalendar *calendar = appeals_server_get_calendar (server);
  g_autoptr(AppealsDbResult) orders = NULL;
  g_autoptr(GArray) terms = g_array_new (FALSE, TRUE, sizeof (GDate));
  g_autoptr(GArray) on_control = g_array_new (FALSE, TRUE, sizeof (gboolean));

  if (workflow == NULL)
    return TRUE;
  orders = appeals_db_query (db, "SELECT due_date, status FROM orders WHERE reception_id = ?",
                             g_variant_new ("(x)", id), error);
  if (orders == NULL)
    return FALSE;
  for (guint i = 0; i < appeals_db_result_get_n_rows (orders); i++)
    {
      gboolean open = g_str_equal (appeals_db_result_get_string (orders, i, "status"), "on_control");
      GDate term;

      if (!appeals_date_parse_iso (appeals_db_result_get_string (orders, i, "due_date"), &term))
        continue;
      g_array_append_val (terms, term);
      g_array_append_val (on_control, open);
    }

  for (guint i = 0; i < appeals_workflow_get_n_steps (workflow); i++)
    {
      const AppealsWorkflowStep *step = appeals_workflow_get_step (workflow, i);
      g_autofree char *due_text = NULL;
      gboolean done = FALSE;
      GDate due;

      if (step->anchor != APPEALS_STEP_ANCHOR_ORDERS)
        continue;
      if (appeals_workflow_follow_orders (workflow, calendar, i, (const GDate *) terms->data,
                                          (const gboolean *) on_control->data, terms->len, &due, &done))
        due_text = appeals_date_format_iso (&due);
      if (!appeals_db_exec (db, "UPDATE reception_steps SET due = ? WHERE reception_id = ? AND code = ?",
                            g_variant_new ("(msxs)", due_text, id, step->code), error))
        return FALSE;
      if (step->closes_with_orders && terms->len > 0 && !close_with_orders (db, id, step->code, done, actor, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * appeals_api_reception_snapshot:
 * @step: (nullable): a step's code, for the step's state instead of the
 *   reception's
 *
 * Returns: (transfer full) (nullable): what the audit trail keeps of a
 *   reception or one of its steps
 */
JsonObject *
appeals_api_reception_snapshot (AppealsDb   *db,
                                gint64       id,
                                const char  *step,
                                GError     **error)
{
  if (step != NULL)
    return appeals_audit_snapshot (db,
                                   "SELECT code, done, done_by, done_at, note FROM reception_steps "
                                   "WHERE reception_id = ? AND code = ?",
                                   g_variant_new ("(xs)", id, step), error);
  return appeals_audit_snapshot (db,
                                 "SELECT official_id, date, start_time, place, video_link, applicant_id, appeal_id, "
                                 "question, priority, status, cancel_reason, held_on FROM receptions WHERE id = ?",
                                 g_variant_new ("(x)", id), error);
}

/**
 * appeals_api_audit_reception:
 * @step: (nullable): the step that changed, or %NULL for the reception
 * @entity: "reception", "reception_step", "reception_review"…: the
 *   entity of the entry; its id is the reception's
 * @before: (nullable): appeals_api_reception_snapshot() before the
 *   change, %NULL for a creation
 *
 * Writes the audit entry of a change to reception @id.
 */
gboolean
appeals_api_audit_reception (AppealsDb   *db,
                             gint64       id,
                             const char  *step,
                             const char  *entity,
                             const char  *action,
                             const char  *actor,
                             JsonObject  *before,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) after = appeals_api_reception_snapshot (db, id, step, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return appeals_audit_record_snapshots (db, entity, id, 0, action, actor, before, after, error);
}
