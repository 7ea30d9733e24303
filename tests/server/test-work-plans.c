/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-work-plans.c: "My work" over a region (ten years of generated
 * appeals, on SQLite or PostgreSQL, --backend=). For a registrar, a
 * controller, a head and an analyst, each group of appeals holds what
 * plain SQL finds, its count (exact, and as the desk asks for it, up to
 * 1,000 with "more" beyond: the analyst's answers awaiting expertise are
 * beyond, the registrar's appeals are not) and its most urgent items, and
 * the statements that read the appeals go through the work queues' own
 * indexes (migration 0037), not through the journal's: at a million
 * appeals the journal's made "My work" take seconds.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "journal-plans-common.h"

#define MAX_ITEMS 100
#define COUNT_LIMIT 1000
#define IN_WORK "status IN ('registered', 'in_progress', 'extended', 'returned')"

typedef struct
{
  const char *group;
  const char *sql;      /* ids in the group's order */
  gboolean    person;   /* its parameters start with the login and the full name */
  gboolean    soon;     /* then the last day due soon; the district twice last */
} Group;

/* Written apart from the server's statements: NOT IN for NOT EXISTS,
 * the scope as a district or none. */
static const Group groups[] = {
  { "my_appeals",
    "SELECT id FROM appeals WHERE " IN_WORK " AND (registrar = ? OR executor = ?) AND due_date <= ? "
    "AND (? = '' OR district = ?) ORDER BY due_date, id", TRUE, TRUE },
  { "on_control",
    "SELECT id FROM appeals WHERE " IN_WORK " AND control = 1 AND due_date <= ? "
    "AND (? = '' OR district = ?) ORDER BY due_date, id", FALSE, TRUE },
  { "awaiting_expertise",
    "SELECT id FROM appeals WHERE status = 'answered' "
    "AND id NOT IN (SELECT appeal_id FROM expertise WHERE verdict = 'accepted' OR state = 'awaiting_approval') "
    "AND (? = '' OR district = ?) ORDER BY answered_on, id", FALSE, FALSE },
};

typedef struct
{
  char *login;
  char *full_name;
  char *district;   /* "" region-wide */
} Who;

static const char * const logins[] = { "registrar2", "controller", "head", "analyst" };

/* The person signed in as @login, as the users table has them. */
static void
who_is (AppealsDb  *db,
        const char *login,
        Who        *who)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) user = appeals_db_query (db, "SELECT full_name FROM users WHERE login = ?",
                                                      g_variant_new ("(s)", login), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (appeals_db_result_get_n_rows (user), ==, 1);
  who->login = g_strdup (login);
  who->full_name = g_strdup (appeals_db_result_get_string (user, 0, "full_name"));
  who->district = person_district (db, login);
}

static void
who_clear (Who *who)
{
  g_free (who->login);
  g_free (who->full_name);
  g_free (who->district);
}

static JsonObject *
find_group (JsonObject *work,
            const char *name)
{
  return appeals_test_find_object (work, "groups", "group", name);
}

/* The group as the server gave it, counted up to @limit (0: exactly),
 * equals plain SQL's; returns its count. */
static gint64
assert_group (AppealsDb   *db,
              const Who   *who,
              const Group *group,
              JsonObject  *found,
              const char  *soon,
              guint        limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) ids = NULL;
  JsonArray *items = json_object_get_array_member (found, "items");
  GVariantBuilder params;
  guint n;

  g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
  if (group->person)
    {
      g_variant_builder_add (&params, "s", who->login);
      g_variant_builder_add (&params, "s", who->full_name);
    }
  if (group->soon)
    g_variant_builder_add (&params, "s", soon);
  g_variant_builder_add (&params, "s", who->district);
  g_variant_builder_add (&params, "s", who->district);
  ids = appeals_db_query (db, group->sql, g_variant_builder_end (&params), &error);
  g_assert_no_error (error);
  n = appeals_db_result_get_n_rows (ids);
  if (json_object_get_int_member (found, "count") != (limit > 0 ? MIN (n, limit) : n) ||
      json_object_get_boolean_member (found, "count_more") != (limit > 0 && n > limit))
    g_error ("%s, %s: counted %" G_GINT64_FORMAT "%s (up to %u), plain SQL finds %u", who->login, group->group,
             json_object_get_int_member (found, "count"),
             json_object_get_boolean_member (found, "count_more") ? " and more" : "", limit, n);
  g_assert_cmpuint (json_array_get_length (items), ==, MIN (n, MAX_ITEMS));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (json_object_get_int_member (item, "id") != appeals_db_result_get_int64 (ids, i, "id"))
        g_error ("%s, %s: item %u is appeal %" G_GINT64_FORMAT ", plain SQL has %" G_GINT64_FORMAT, who->login,
                 group->group, i, json_object_get_int_member (item, "id"), appeals_db_result_get_int64 (ids, i, "id"));
    }
  return n;
}

/* Each statement that reads a queue of @logged goes through an index of
 * its few rows: for one's own appeals and those on control, the appeals
 * in work (or, for a district, the district's by status, which
 * PostgreSQL's planner takes for a registrar's list); for the list of the
 * answers awaiting expertise, the answers (their count reads every answer
 * in scope, by whichever index holds them). Returns how many statements
 * were looked at. */
static guint
assert_queue_plans (AppealsDb  *db,
                    const char *logged)
{
  g_auto(GStrv) lines = g_strsplit (logged, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *index = NULL;
      const char *district_index = NULL;
      g_autofree char *plan = NULL;

      if (strstr (lines[i], "FROM appeals a WHERE a." IN_WORK) != NULL)
        {
          index = "appeals_in_work";
          if (strstr (lines[i], "'rudny-city'") != NULL)
            district_index = "appeals_district_status";
        }
      else if (strstr (lines[i], "ORDER BY a.answered_on") != NULL)
        index = "appeals_answered";
      if (index == NULL)
        continue;
      plan = plan_of (db, lines[i]);
      if (strstr (plan, index) == NULL && (district_index == NULL || strstr (plan, district_index) == NULL))
        g_error ("not through %s:\n%s\n%s", index, lines[i], plan);
      n++;
    }
  return n;
}

static void
test_queues (void)
{
  g_autoptr(AppealsDb) db = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *statements = NULL;
  g_autofree char *token = NULL;
  g_autofree char *logged = NULL;
  gint64 totals[G_N_ELEMENTS (groups)] = { 0 };
  guint n_beyond_limit = 0, n_within_limit = 0;
  gsize before;
  AppealsTestServer *server;

  ensure_search_database ();
  db = open_db (search_location);
  server = start_logging_server (&statements, &token);
  before = file_size (statements);

  for (guint p = 0; p < G_N_ELEMENTS (logins); p++)
    for (guint limit = 0; limit <= COUNT_LIMIT; limit += COUNT_LIMIT)
      {
        g_autofree char *person_token = appeals_test_sign_in (server, logins[p], "demo");
        g_autofree char *path = limit > 0 ? g_strdup_printf ("/api/v1/my-work?count_limit=%u", limit)
                                          : g_strdup ("/api/v1/my-work");
        AppealsTestResponse *response = appeals_test_request (server, session, "GET", path, person_token, NULL, NULL);
        JsonObject *work;
        Who who;

        who_is (db, logins[p], &who);
        g_assert_cmpuint (response->status, ==, 200);
        work = appeals_test_response_object (response);
        for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
          {
            JsonObject *found = find_group (work, groups[g].group);
            gint64 n;

            if (found == NULL)
              continue;
            n = assert_group (db, &who, &groups[g], found, json_object_get_string_member (work, "soon_until"), limit);
            totals[g] += n;
            if (limit > 0 && n > limit)
              n_beyond_limit++;
            else if (limit > 0 && n > 0)
              n_within_limit++;
          }
        who_clear (&who);
        appeals_test_response_free (response);
      }
  /* every group had appeals to compare */
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    if (totals[g] == 0)
      g_error ("no appeals in %s to compare", groups[g].group);
  /* counted up to the limit, groups both beyond it and within it */
  g_assert_cmpuint (n_beyond_limit, >, 0);
  g_assert_cmpuint (n_within_limit, >, 0);

  g_assert_true (g_file_get_contents (statements, &logged, NULL, &error));
  g_assert_no_error (error);
  /* my_appeals four times, on_control twice, awaiting_expertise once,
   * each exactly and up to the limit: each a count and a list */
  g_assert_cmpuint (assert_queue_plans (db, logged + before), ==, 2 * (2 * 4 + 2 * 2 + 1));

  appeals_test_server_free (server);
  g_unlink (statements);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  journal_plans_setup (&argc, &argv);
  g_test_add_func ("/work-plans/queues", test_queues);
  status = g_test_run ();
  journal_plans_teardown ();
  return status;
}
