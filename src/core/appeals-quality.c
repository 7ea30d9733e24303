/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-quality.c: the ranking of bodies by answer quality. Bodies are
 * ordered by the share accepted the first time, then by the average score,
 * then by fewer overdue answers; a body with fewer answers than the
 * minimum is listed but not ranked, so one lucky answer ranks nobody.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-error.h"
#include "appeals-quality.h"

G_DEFINE_BOXED_TYPE (AppealsBodyQuality, appeals_body_quality, appeals_body_quality_copy, appeals_body_quality_free)

AppealsBodyQuality *
appeals_body_quality_copy (const AppealsBodyQuality *quality)
{
  AppealsBodyQuality *copy = g_memdup2 (quality, sizeof *quality);

  copy->body = g_strdup (quality->body);
  return copy;
}

void
appeals_body_quality_free (AppealsBodyQuality *quality)
{
  if (quality == NULL)
    return;

  g_free (quality->body);
  g_free (quality);
}

typedef struct
{
  AppealsBodyQuality *quality;
  GHashTable         *appeals;        /* appeal id → first-round accepted */
  double              score_sum;
  guint               checked;
} Tally;

static void
tally_free (Tally *tally)
{
  g_hash_table_unref (tally->appeals);
  g_free (tally);
}

static int
compare_quality (gconstpointer a,
                 gconstpointer b)
{
  const AppealsBodyQuality *x = *(AppealsBodyQuality * const *) a;
  const AppealsBodyQuality *y = *(AppealsBodyQuality * const *) b;

  if (x->ranked != y->ranked)
    return x->ranked ? -1 : 1;
  if (x->accepted_first != y->accepted_first)
    return x->accepted_first > y->accepted_first ? -1 : 1;
  if (x->average_score != y->average_score)
    return x->average_score > y->average_score ? -1 : 1;
  if (x->overdue != y->overdue)
    return x->overdue < y->overdue ? -1 : 1;
  return g_strcmp0 (x->body, y->body);
}

/**
 * appeals_quality_rank:
 * @min_answers: bodies with fewer checked appeals are not ranked
 *
 * Returns: (transfer container) (element-type AppealsBodyQuality): one
 *   entry per body, ranked ones first, best first.
 */
GPtrArray *
appeals_quality_rank (const AppealsExpertiseResult *results,
                      gsize                         n_results,
                      guint                         min_answers)
{
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) tally_free);
  GPtrArray *ranking = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_body_quality_free);
  GHashTableIter iter;
  Tally *tally;

  for (gsize i = 0; i < n_results; i++)
    {
      const AppealsExpertiseResult *result = &results[i];

      tally = g_hash_table_lookup (tallies, result->body);
      if (tally == NULL)
        {
          tally = g_new0 (Tally, 1);
          tally->quality = g_new0 (AppealsBodyQuality, 1);
          tally->quality->body = g_strdup (result->body);
          tally->appeals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          g_hash_table_insert (tallies, tally->quality->body, tally);
        }

      tally->checked++;
      tally->score_sum += result->score;
      if (!result->accepted)
        tally->quality->reworks++;
      if (result->overdue)
        tally->quality->overdue++;

      if (!g_hash_table_contains (tally->appeals, &result->appeal_id))
        g_hash_table_insert (tally->appeals, g_memdup2 (&result->appeal_id, sizeof (gint64)),
                             GINT_TO_POINTER (FALSE));
      if (result->round == 1 && result->accepted)
        g_hash_table_insert (tally->appeals, g_memdup2 (&result->appeal_id, sizeof (gint64)),
                             GINT_TO_POINTER (TRUE));
    }

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tally))
    {
      AppealsBodyQuality *quality = g_steal_pointer (&tally->quality);
      GHashTableIter appeals;
      gpointer first_accepted;
      guint accepted = 0;

      g_hash_table_iter_init (&appeals, tally->appeals);
      while (g_hash_table_iter_next (&appeals, NULL, &first_accepted))
        accepted += GPOINTER_TO_INT (first_accepted);

      quality->answers = g_hash_table_size (tally->appeals);
      quality->accepted_first = quality->answers > 0 ? (double) accepted / quality->answers : 0;
      quality->average_score = tally->checked > 0 ? tally->score_sum / tally->checked : 0;
      g_ptr_array_add (ranking, quality);
      /* the tally no longer owns the quality; keep the body name alive */
      tally->quality = NULL;
    }

  appeals_quality_rank_bodies (ranking, min_answers);
  return ranking;
}

/**
 * appeals_quality_rank_bodies:
 * @ranking: (element-type AppealsBodyQuality): one entry per body with
 *   its answers, shares, score, reworks and overdue answers tallied (by
 *   appeals_quality_rank() or by the database)
 * @min_answers: bodies with fewer checked appeals are not ranked
 *
 * Marks the ranked bodies and orders @ranking: ranked ones first, best
 * first, with their ranks.
 */
void
appeals_quality_rank_bodies (GPtrArray *ranking,
                             guint      min_answers)
{
  guint rank = 0;

  for (guint i = 0; i < ranking->len; i++)
    {
      AppealsBodyQuality *quality = g_ptr_array_index (ranking, i);
      quality->ranked = quality->answers >= min_answers;
    }

  g_ptr_array_sort (ranking, compare_quality);
  for (guint i = 0; i < ranking->len; i++)
    {
      AppealsBodyQuality *quality = g_ptr_array_index (ranking, i);
      quality->rank = quality->ranked ? ++rank : 0;
    }
}

/* The wire format ------------------------------------------------------------ */

/* A count member: a non-negative integer. */
static gboolean
read_count (JsonObject *object,
            const char *member,
            guint      *count)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXUINT)
    return FALSE;
  *count = json_node_get_int (node);
  return TRUE;
}

static gboolean
read_number (JsonObject *object,
             const char *member,
             double     *number)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return FALSE;
  *number = json_node_get_double (node);
  return TRUE;
}

/**
 * appeals_body_quality_new_from_json:
 *
 * Reads one body of the ranking as the server sends it; a body that is not
 * ranked has a null rank.
 *
 * Returns: (transfer full) (nullable):
 */
AppealsBodyQuality *
appeals_body_quality_new_from_json (JsonNode  *node,
                                    GError   **error)
{
  g_autoptr(AppealsBodyQuality) quality = g_new0 (AppealsBodyQuality, 1);
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *rank = object != NULL ? json_object_get_member (object, "rank") : NULL;
  const char *bad = NULL;

  if (object == NULL)
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_PARSE,
                           _("The server sent a malformed answer: an object was expected"));
      return NULL;
    }

  quality->body = g_strdup (json_object_get_string_member_with_default (object, "body", NULL));
  if (quality->body == NULL)
    bad = "body";
  else if (!read_count (object, "answers", &quality->answers))
    bad = "answers";
  else if (!read_number (object, "accepted_first", &quality->accepted_first))
    bad = "accepted_first";
  else if (!read_number (object, "average_score", &quality->average_score))
    bad = "average_score";
  else if (!read_count (object, "reworks", &quality->reworks))
    bad = "reworks";
  else if (!read_count (object, "overdue", &quality->overdue))
    bad = "overdue";
  else if (rank != NULL && !JSON_NODE_HOLDS_NULL (rank) &&
           (!read_count (object, "rank", &quality->rank) || quality->rank == 0))
    bad = "rank";

  if (bad != NULL)
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE,
                   _("The server sent a malformed answer: field “%s”: %s"),
                   bad, appeals_field_error_code_describe (APPEALS_FIELD_WRONG_TYPE));
      return NULL;
    }

  quality->ranked = quality->rank > 0;
  return g_steal_pointer (&quality);
}

/**
 * appeals_body_quality_to_json:
 *
 * Returns: (transfer full): one body of the ranking, its rank null when
 *   it has too few answers to be ranked
 */
JsonNode *
appeals_body_quality_to_json (const AppealsBodyQuality *quality)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, quality->body);
  json_builder_set_member_name (builder, "rank");
  if (quality->ranked)
    json_builder_add_int_value (builder, quality->rank);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "answers");
  json_builder_add_int_value (builder, quality->answers);
  json_builder_set_member_name (builder, "accepted_first");
  json_builder_add_double_value (builder, quality->accepted_first);
  json_builder_set_member_name (builder, "average_score");
  json_builder_add_double_value (builder, quality->average_score);
  json_builder_set_member_name (builder, "reworks");
  json_builder_add_int_value (builder, quality->reworks);
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_int_value (builder, quality->overdue);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
