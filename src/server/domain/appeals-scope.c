/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-scope.c: what a signed-in user may see (BOLA checks). Users
 * bound to a district see only its objects; an object out of scope is
 * answered as if it did not exist.
 */
#include "config.h"

#include "appeals-scope.h"
#include "appeals-store.h"

/**
 * appeals_api_in_scope:
 *
 * Returns: whether the signed-in user may see objects of @district: users
 *   bound to a district see only its objects.
 */
gboolean
appeals_api_in_scope (AppealsRequest *request,
                      const char     *district)
{
  return request->user == NULL || request->user->district == NULL ||
         g_strcmp0 (request->user->district, district) == 0;
}

/**
 * appeals_api_applicant_in_scope:
 *
 * An applicant is within a district-bound user's scope when they have an
 * appeal in that district, or none yet (just registered). Their receptions
 * follow them. Looking up by IIN is not limited: registering someone needs
 * to find the card.
 */
gboolean
appeals_api_applicant_in_scope (AppealsRequest  *request,
                                gint64           applicant_id,
                                gboolean        *in_scope,
                                GError         **error)
{
  g_autoptr(AppealsDbResult) result = NULL;

  *in_scope = TRUE;
  if (request->user->district == NULL)
    return TRUE;

  result = appeals_db_query (request->db,
                             "SELECT COUNT(*) AS total, "
                             "COUNT(CASE WHEN district = ? THEN 1 END) AS here "
                             "FROM appeals WHERE applicant_id = ?",
                             g_variant_new ("(sx)", request->user->district, applicant_id), error);
  if (result == NULL)
    return FALSE;

  *in_scope = appeals_db_result_get_int64 (result, 0, "total") == 0 ||
              appeals_db_result_get_int64 (result, 0, "here") > 0;
  return TRUE;
}

/**
 * appeals_api_applicants_in_scope:
 * @applicant_ids: applicant ids (gint64); repeats are fine
 * @out_of_scope: (out) (transfer full): the set of those out of the
 *   caller's scope, as gint64 keys (g_int64_hash)
 *
 * The same rule as appeals_api_applicant_in_scope() for a whole list, in
 * one statement (none for a user bound to no district).
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

  *out_of_scope = NULL;
  if (request->user->district != NULL)
    {
      /* each applicant once in the list */
      for (guint i = 0; i < applicant_ids->len; i++)
        {
          gint64 id = g_array_index (applicant_ids, gint64, i);

          if (!g_hash_table_contains (set, &id))
            {
              g_hash_table_add (set, g_memdup2 (&id, sizeof id));
              g_array_append_val (distinct, id);
            }
        }
      g_hash_table_remove_all (set);

      /* applicants with no appeal at all have no row: in scope */
      result = appeals_store_query_ids (request->db,
                                        "SELECT applicant_id, COUNT(CASE WHEN district = ? THEN 1 END) AS here "
                                        "FROM appeals WHERE applicant_id IN @ids GROUP BY applicant_id",
                                        g_variant_new ("(s)", request->user->district), distinct, error);
      if (result == NULL)
        return FALSE;
      for (guint i = 0; i < appeals_db_result_get_n_rows (result); i++)
        if (appeals_db_result_get_int64 (result, i, "here") == 0)
          {
            gint64 id = appeals_db_result_get_int64 (result, i, "applicant_id");

            g_hash_table_add (set, g_memdup2 (&id, sizeof id));
          }
    }

  *out_of_scope = g_steal_pointer (&set);
  return TRUE;
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
