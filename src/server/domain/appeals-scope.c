/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-scope.c: what a signed-in user may see (BOLA checks). Users
 * bound to a district see only its objects, region-wide users (an
 * explicit property) everything, anyone else nothing; an object out of
 * scope is answered as if it did not exist. Every id a request refers
 * to — in its path, query or body — passes one of these checks.
 */
#include "config.h"

#include "appeals-scope.h"
#include "appeals-store.h"

/**
 * appeals_api_scope_district:
 *
 * Returns: (nullable): %NULL for a user who sees the whole region (an
 *   explicit property of the user); otherwise the one district the user
 *   sees — "" (which no object has) for a user bound to none, who sees
 *   nothing.
 */
const char *
appeals_api_scope_district (AppealsRequest *request)
{
  if (request->user == NULL || request->user->region_wide)
    return NULL;
  return request->user->district != NULL ? request->user->district : "";
}

/**
 * appeals_api_in_scope:
 *
 * Returns: whether the signed-in user may see objects of @district.
 */
gboolean
appeals_api_in_scope (AppealsRequest *request,
                      const char     *district)
{
  const char *mine = appeals_api_scope_district (request);

  return mine == NULL || (district != NULL && g_str_equal (mine, district));
}

/* An applicant's districts: where the card was registered, where the
 * person showed their IIN at the desk, and where they have appeals. */
#define APPLICANT_HERE \
  "(EXISTS (SELECT 1 FROM applicant_districts d WHERE d.applicant_id = p.id AND d.district = ?) " \
  "OR EXISTS (SELECT 1 FROM appeals a WHERE a.applicant_id = p.id AND a.district = ?))"

/**
 * appeals_api_applicant_in_scope:
 *
 * An applicant is within a district-bound user's scope when the card
 * belongs to that district (registered there, or the person presented
 * their IIN there: appeals_api_applicant_claim()) or has an appeal there.
 * Their receptions and files follow them. An applicant that does not
 * exist is out of scope.
 */
gboolean
appeals_api_applicant_in_scope (AppealsRequest  *request,
                                gint64           applicant_id,
                                gboolean        *in_scope,
                                GError         **error)
{
  g_autoptr(AppealsDbResult) result = NULL;
  const char *district = appeals_api_scope_district (request);

  *in_scope = TRUE;
  if (district == NULL)
    return TRUE;

  result = appeals_db_query (request->db,
                             "SELECT p.id FROM applicants p WHERE p.id = ? AND " APPLICANT_HERE,
                             g_variant_new ("(xss)", applicant_id, district, district), error);
  if (result == NULL)
    return FALSE;

  *in_scope = appeals_db_result_get_n_rows (result) > 0;
  return TRUE;
}

/**
 * appeals_api_applicants_in_scope:
 * @applicant_ids: applicant ids (gint64); repeats are fine
 * @out_of_scope: (out) (transfer full): the set of those out of the
 *   caller's scope, as gint64 keys (g_int64_hash)
 *
 * The same rule as appeals_api_applicant_in_scope() for a whole list, in
 * one statement (none for a region-wide user).
 */
gboolean
appeals_api_applicants_in_scope (AppealsRequest  *request,
                                 GArray          *applicant_ids,
                                 GHashTable     **out_of_scope,
                                 GError         **error)
{
  g_autoptr(AppealsDbResult) result = NULL;
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) distinct = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *district = appeals_api_scope_district (request);

  *out_of_scope = NULL;
  if (district != NULL)
    {
      /* each applicant once in the list, all out of scope until found */
      for (guint i = 0; i < applicant_ids->len; i++)
        {
          gint64 id = g_array_index (applicant_ids, gint64, i);

          if (!g_hash_table_contains (set, &id))
            {
              g_hash_table_add (set, g_memdup2 (&id, sizeof id));
              g_array_append_val (distinct, id);
            }
        }

      result = appeals_store_query_ids (request->db,
                                        "SELECT p.id FROM applicants p WHERE " APPLICANT_HERE " AND p.id IN @ids",
                                        g_variant_new ("(ss)", district, district), distinct, error);
      if (result == NULL)
        return FALSE;
      for (guint i = 0; i < appeals_db_result_get_n_rows (result); i++)
        {
          gint64 id = appeals_db_result_get_int64 (result, i, "id");

          g_hash_table_remove (set, &id);
        }
    }

  *out_of_scope = g_steal_pointer (&set);
  return TRUE;
}

/**
 * appeals_api_appeal_in_scope:
 *
 * Whether the appeal @appeal_id exists and lies in the caller's scope,
 * for an id a request refers to in its body or query.
 */
gboolean
appeals_api_appeal_in_scope (AppealsRequest  *request,
                             gint64           appeal_id,
                             gboolean        *in_scope,
                             GError         **error)
{
  g_autoptr(AppealsDbResult) result = appeals_db_query (request->db, "SELECT district FROM appeals WHERE id = ?",
                                                        g_variant_new ("(x)", appeal_id), error);

  if (result == NULL)
    return FALSE;
  *in_scope = appeals_db_result_get_n_rows (result) > 0 &&
              appeals_api_in_scope (request, appeals_db_result_get_string (result, 0, "district"));
  return TRUE;
}

/**
 * appeals_api_applicant_claim:
 *
 * Records that the applicant's card belongs to the caller's district too:
 * it was registered there, or the person presented their IIN at that
 * desk. Nothing for a region-wide user.
 */
gboolean
appeals_api_applicant_claim (AppealsRequest  *request,
                             gint64           applicant_id,
                             GError         **error)
{
  const char *district = appeals_api_scope_district (request);

  if (district == NULL || *district == '\0')
    return TRUE;
  return appeals_db_exec (request->db,
                          "INSERT INTO applicant_districts (applicant_id, district) VALUES (?, ?) "
                          "ON CONFLICT (applicant_id, district) DO NOTHING",
                          g_variant_new ("(xs)", applicant_id, district), error);
}

/**
 * appeals_api_keep_row_in_scope:
 * @row: (inout): a result whose "applicant_id" column says whose it is
 *
 * Keeps @row when it has a row within the caller's scope; otherwise frees
 * it, sets it to %NULL and answers 404, as if nothing were there.
 *
 * Returns: %FALSE only for a storage error.
 */
gboolean
appeals_api_keep_row_in_scope (AppealsRequest   *request,
                               AppealsDbResult **row,
                               GError          **error)
{
  gboolean in_scope = FALSE;

  if (appeals_db_result_get_n_rows (*row) > 0 &&
      !appeals_api_applicant_in_scope (request, appeals_db_result_get_int64 (*row, 0, "applicant_id"),
                                       &in_scope, error))
    {
      g_clear_pointer (row, appeals_db_result_free);
      return FALSE;
    }
  if (!in_scope)
    {
      g_clear_pointer (row, appeals_db_result_free);
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
    }
  return TRUE;
}

/**
 * appeals_api_rows_out_of_scope:
 * @rows: a result whose "applicant_id" column says whose each row is
 * @out_of_scope: (out) (transfer full): the applicant ids (gint64) of
 *   @rows out of the caller's scope
 *
 * The scope of every row's applicant at once, for a list.
 */
gboolean
appeals_api_rows_out_of_scope (AppealsRequest   *request,
                               AppealsDbResult  *rows,
                               GHashTable      **out_of_scope,
                               GError          **error)
{
  g_autoptr(GArray) applicant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      gint64 applicant_id = appeals_db_result_get_int64 (rows, i, "applicant_id");

      g_array_append_val (applicant_ids, applicant_id);
    }
  return appeals_api_applicants_in_scope (request, applicant_ids, out_of_scope, error);
}

/**
 * appeals_api_load_owned_row:
 * @sql: a query with one parameter, the path's {id}, whose columns hold
 *   "applicant_id" and "created_by"
 * @row: (out): the row, or %NULL when the request has been answered (404)
 *
 * Loads the object the path names as the caller may see it: whoever
 * created it keeps it, even for another district's applicant; otherwise
 * it is its applicant's, and out of scope as if it did not exist.
 *
 * Returns: %FALSE only for a storage error
 */
gboolean
appeals_api_load_owned_row (AppealsRequest   *request,
                            const char       *sql,
                            AppealsDbResult **row,
                            GError          **error)
{
  gint64 id;

  *row = NULL;
  if (!appeals_request_get_id_param (request, "id", &id))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }
  *row = appeals_db_query (request->db, sql, g_variant_new ("(x)", id), error);
  if (*row == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (*row) > 0 && request->user != NULL &&
      g_strcmp0 (appeals_db_result_get_string (*row, 0, "created_by"), request->user->login) == 0)
    return TRUE;
  return appeals_api_keep_row_in_scope (request, row, error);
}
