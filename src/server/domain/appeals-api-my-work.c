/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-my-work.c: GET /my-work?soon_days=N&count_limit=M — what the
 * signed-in person has to do, in groups:
 *
 *   my_appeals          open appeals I registered or execute, overdue, due
 *                       today or due within the next working days
 *   on_control          (controller, head) open appeals on control, as soon
 *   awaiting_expertise  (analyst) answers recorded and not yet examined
 *   awaiting_approval   (head) expertise verdicts waiting for approval
 *   reception_steps     steps of the receptions I booked, due as soon
 *   orders              (controller, head) orders on control due as soon;
 *                       for the others, the orders they gave
 *
 * Every group is in the caller's scope. A group lists at most
 * MAX_ITEMS items, the most urgent first, and its exact count, or, asked
 * for ?count_limit=, its count up to that many and whether there are more
 * (count_more). The desk asks so: an analyst's answers awaiting expertise
 * are every answer of ten years, half a million at a region's scale, and
 * their exact count takes a quarter of a second on each refresh.
 */
#include "config.h"

#include <string.h>

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-order-records.h"
#include "appeals-report-sql.h"
#include "appeals-scope.h"
#include "appeals-store.h"

#define MAX_ITEMS 100
/* "due soon": within this many working days after today, unless the
 * caller asks for another number (?soon_days=, as their preference says) */
#define SOON_WORKING_DAYS 3
#define MAX_SOON_WORKING_DAYS 20
/* ?count_limit= is at most the journal's cap */
#define MAX_COUNT_LIMIT 10000

/* appeals_in_work's condition (migration 0037), written as it is */
#define OPEN_APPEAL "a.status IN " APPEALS_TERM_RUNS_SQL
#define APPEAL_SCOPE "(? = 1 OR a.district = ?)"

typedef enum
{
  PARAM_LOGIN = 1 << 0,      /* the caller's login */
  PARAM_FULL_NAME = 1 << 1,  /* the caller's full name (appeals name their executor) */
  PARAM_SOON = 1 << 2,       /* the last day that counts as "soon" */
  PARAM_SCOPE = 1 << 3,      /* region-wide flag and district for APPEAL_SCOPE */
} Params;

typedef struct
{
  const char *name;
  guint       roles;          /* bit (1 << AppealsRole); 0: everyone */
  const char *select;         /* kind, id, appeal_id, number, summary, due, waiting_since
                               * (a day, or a moment: the day it fell on in Kazakhstan) */
  const char *from_where;     /* FROM … WHERE …, parameters in the order of Params */
  const char *order_by;
  Params      params;
} Group;

#define ROLE(r) (1u << (r))

static const Group groups[] = {
  { "my_appeals", 0,
    "'appeal' AS kind, a.id AS id, a.id AS appeal_id, a.registration_number AS number, "
    "a.annotation AS summary, a.due_date AS due, NULL AS waiting_since",
    "FROM appeals a WHERE " OPEN_APPEAL " AND (a.registrar = ? OR a.executor = ?) AND a.due_date <= ? "
    "AND " APPEAL_SCOPE,
    "a.due_date, a.id", PARAM_LOGIN | PARAM_FULL_NAME | PARAM_SOON | PARAM_SCOPE },
  { "on_control", ROLE (APPEALS_ROLE_CONTROLLER) | ROLE (APPEALS_ROLE_HEAD),
    "'appeal' AS kind, a.id AS id, a.id AS appeal_id, a.registration_number AS number, "
    "a.annotation AS summary, a.due_date AS due, NULL AS waiting_since",
    "FROM appeals a WHERE " OPEN_APPEAL " AND a.control = 1 AND a.due_date <= ? AND " APPEAL_SCOPE,
    "a.due_date, a.id", PARAM_SOON | PARAM_SCOPE },
  { "awaiting_expertise", ROLE (APPEALS_ROLE_ANALYST),
    "'appeal' AS kind, a.id AS id, a.id AS appeal_id, a.registration_number AS number, "
    "a.annotation AS summary, NULL AS due, a.answered_on AS waiting_since",
    /* examined: accepted, or a verdict waiting for the head (a returned
     * answer comes back as "returned", then "answered" anew) */
    "FROM appeals a WHERE a.status = 'answered' AND NOT EXISTS "
    "(SELECT 1 FROM expertise e WHERE e.appeal_id = a.id AND (e.verdict = 'accepted' OR "
    "e.state = 'awaiting_approval')) AND " APPEAL_SCOPE,
    "a.answered_on, a.id", PARAM_SCOPE },
  { "awaiting_approval", ROLE (APPEALS_ROLE_HEAD),
    "'expertise' AS kind, e.id AS id, a.id AS appeal_id, a.registration_number AS number, "
    "a.annotation AS summary, NULL AS due, e.created_at AS waiting_since",
    "FROM expertise e JOIN appeals a ON a.id = e.appeal_id WHERE e.state = 'awaiting_approval' AND " APPEAL_SCOPE,
    "e.id", PARAM_SCOPE },
  { "reception_steps", 0,
    "'reception' AS kind, r.id AS id, r.appeal_id AS appeal_id, s.code AS number, r.question AS summary, "
    "s.due AS due, NULL AS waiting_since",
    "FROM reception_steps s JOIN receptions r ON r.id = s.reception_id WHERE s.done = 0 AND s.due IS NOT NULL "
    "AND r.status NOT IN ('cancelled', 'archived') AND r.created_by = ? AND s.due <= ?",
    "s.due, r.id, s.position", PARAM_LOGIN | PARAM_SOON },
};

/* Orders: a controller or head watches all those in scope; anyone else the
 * orders they gave themselves. The scope clause comes from the register. */
#define ORDER_SELECT \
  "'order' AS kind, o.id AS id, o.appeal_id AS appeal_id, o.source AS number, o.text AS summary, " \
  "o.due_date AS due, NULL AS waiting_since"

static void
add_params (GPtrArray      *values,
            AppealsRequest *request,
            Params          params,
            const char     *soon)
{
  const char *district = appeals_api_scope_district (request);

  if (params & PARAM_LOGIN)
    g_ptr_array_add (values, g_variant_new_string (request->user->login));
  if (params & PARAM_FULL_NAME)
    g_ptr_array_add (values, g_variant_new_string (request->user->full_name != NULL ? request->user->full_name : ""));
  if (params & PARAM_SOON)
    g_ptr_array_add (values, g_variant_new_string (soon));
  if (params & PARAM_SCOPE)
    {
      g_ptr_array_add (values, g_variant_new_int64 (district == NULL));
      g_ptr_array_add (values, g_variant_new_string (district != NULL ? district : ""));
    }
}

static GVariant *
tuple_of (GPtrArray *values)
{
  return g_variant_new_tuple ((GVariant **) values->pdata, values->len);
}

static const char *
due_state (const char *due,
           const char *today)
{
  int order;

  if (due == NULL)
    return "waiting";
  order = strcmp (due, today);
  return order < 0 ? "overdue" : order == 0 ? "today" : "soon";
}

/* Runs one group's count (exact with a @limit of 0, else up to @limit)
 * and its first MAX_ITEMS rows into @builder. */
static gboolean
add_group (AppealsRequest *request,
           JsonBuilder    *builder,
           const char     *name,
           const char     *select,
           const char     *from_where,
           const char     *order_by,
           GPtrArray      *values,
           const char     *today,
           gint64          limit,
           GError        **error)
{
  g_autofree char *count_sql = limit > 0
    ? g_strdup_printf ("SELECT COUNT(*) AS n FROM (SELECT 1 AS one %s LIMIT %" G_GINT64_FORMAT ") c", from_where,
                       limit + 1)
    : g_strdup_printf ("SELECT COUNT(*) AS n %s", from_where);
  g_autofree char *sql = g_strdup_printf ("SELECT %s %s ORDER BY %s LIMIT %d", select, from_where, order_by, MAX_ITEMS);
  g_autoptr(AppealsDbResult) count = NULL;
  g_autoptr(AppealsDbResult) rows = NULL;
  gint64 n;

  /* both statements take the same parameters */
  for (guint i = 0; i < values->len; i++)
    g_variant_ref_sink (g_ptr_array_index (values, i));
  count = appeals_db_query (request->db, count_sql, tuple_of (values), error);
  if (count == NULL)
    return FALSE;
  rows = appeals_db_query (request->db, sql, tuple_of (values), error);
  if (rows == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "group");
  json_builder_add_string_value (builder, name);
  n = appeals_db_result_get_int64 (count, 0, "n");
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, limit > 0 ? MIN (n, limit) : n);
  json_builder_set_member_name (builder, "count_more");
  json_builder_add_boolean_value (builder, limit > 0 && n > limit);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      const char *due = appeals_db_result_get_string (rows, i, "due");
      const char *since = appeals_db_result_get_string (rows, i, "waiting_since");
      g_autofree char *since_day = NULL;
      GDate day;

      json_builder_begin_object (builder);
      appeals_store_add_text_members (builder, rows, i, (const char * const[]) { "kind", "number", "summary", NULL });
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, appeals_db_result_get_int64 (rows, i, "id"));
      json_builder_set_member_name (builder, "appeal_id");
      if (appeals_db_result_is_null (rows, i, "appeal_id"))
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, appeals_db_result_get_int64 (rows, i, "appeal_id"));
      json_builder_set_member_name (builder, "due_date");
      if (due != NULL)
        json_builder_add_string_value (builder, due);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "due_state");
      json_builder_add_string_value (builder, due_state (due, today));
      /* what has no term waits from a day: an answer from the day it
       * came, a verdict from the day it was given */
      if (since != NULL && strchr (since, 'T') != NULL && appeals_date_of_datetime (since, &day))
        since = since_day = appeals_date_format_iso (&day);
      json_builder_set_member_name (builder, "waiting_since");
      if (since != NULL)
        json_builder_add_string_value (builder, since);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
add_orders_group (AppealsRequest *request,
                  JsonBuilder    *builder,
                  const char     *soon,
                  const char     *today,
                  gint64          limit,
                  GError        **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GString) from_where = g_string_new ("FROM orders o WHERE o.status = 'on_control' AND o.due_date <= ?");
  gboolean watcher = request->user->role == APPEALS_ROLE_CONTROLLER || request->user->role == APPEALS_ROLE_HEAD;
  g_autofree char *scope = NULL;

  g_ptr_array_add (values, g_variant_new_string (soon));
  if (!watcher)
    {
      g_string_append (from_where, " AND o.created_by = ?");
      g_ptr_array_add (values, g_variant_new_string (request->user->login));
    }
  scope = appeals_api_orders_scope_clause (request, values);
  if (scope != NULL)
    g_string_append_printf (from_where, " AND %s", scope);
  return add_group (request, builder, "orders", ORDER_SELECT, from_where->str, "o.due_date, o.id", values, today,
                    limit, error);
}

static gboolean
handle_my_work (AppealsRequest  *request,
                GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *today_text = NULL;
  g_autofree char *soon_text = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *soon_days_text = appeals_request_get_query (request, "soon_days");
  const char *limit_text = appeals_request_get_query (request, "count_limit");
  guint64 soon_days = SOON_WORKING_DAYS;
  guint64 limit = 0;
  GDate today, soon;

  if (soon_days_text != NULL &&
      !g_ascii_string_to_unsigned (soon_days_text, 10, 0, MAX_SOON_WORKING_DAYS, &soon_days, NULL))
    {
      g_autofree char *range = g_strdup_printf ("0..%d", MAX_SOON_WORKING_DAYS);

      appeals_request_respond_field_error (request, 422, "soon_days", APPEALS_FIELD_OUT_OF_RANGE, range);
      return TRUE;
    }
  if (limit_text != NULL &&
      !g_ascii_string_to_unsigned (limit_text, 10, 1, MAX_COUNT_LIMIT, &limit, NULL))
    {
      g_autofree char *range = g_strdup_printf ("1..%d", MAX_COUNT_LIMIT);

      appeals_request_respond_field_error (request, 422, "count_limit", APPEALS_FIELD_OUT_OF_RANGE, range);
      return TRUE;
    }

  appeals_server_get_today (&today);
  appeals_calendar_add_working_days (appeals_server_get_calendar (request->server), &today, (int) soon_days, &soon);
  today_text = appeals_date_format_iso (&today);
  soon_text = appeals_date_format_iso (&soon);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "today");
  json_builder_add_string_value (builder, today_text);
  json_builder_set_member_name (builder, "soon_until");
  json_builder_add_string_value (builder, soon_text);
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(GPtrArray) values = NULL;

      if (groups[i].roles != 0 && (groups[i].roles & ROLE (request->user->role)) == 0)
        continue;
      values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
      add_params (values, request, groups[i].params, soon_text);
      if (!add_group (request, builder, groups[i].name, groups[i].select, groups[i].from_where, groups[i].order_by,
                      values, today_text, (gint64) limit, error))
        return FALSE;
    }
  if (!add_orders_group (request, builder, soon_text, today_text, (gint64) limit, error))
    return FALSE;
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

void
appeals_api_my_work_register (AppealsServer *server)
{
  /* slow: without ?count_limit=, an analyst's answers awaiting expertise
   * are counted whole */
  appeals_server_add_route (server, "GET", "/api/v1/my-work", APPEALS_ALLOW_STAFF, APPEALS_ROUTE_SLOW,
                            handle_my_work);
}
