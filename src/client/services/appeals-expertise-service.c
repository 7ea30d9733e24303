/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-expertise-service.c: the expertise of answers and the answer-quality figures.
 *
 *   GET  expertise?state=awaiting_approval&cursor=   verdicts a head approves, a page at a time
 *   POST appeals/{id}/expertise              an analyst's checklist and verdict
 *   POST expertise/{id}/approval             a head's approval
 *   GET  analytics/answer-quality            bodies ranked by answer quality
 *
 * Signal "verdict-given" (appeal id) once a verdict was taken or approved,
 * so every view of the appeal or the figures can follow.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-expertise-service.h"
#include "appeals-service-call.h"

struct _AppealsExpertiseService
{
  GObject           parent_instance;

  AppealsApiClient *client;
};

G_DEFINE_FINAL_TYPE (AppealsExpertiseService, appeals_expertise_service, G_TYPE_OBJECT)

enum {
  VERDICT_GIVEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
appeals_pending_verdicts_free (AppealsPendingVerdicts *pending)
{
  g_clear_pointer (&pending->rounds, g_ptr_array_unref);
  g_clear_pointer (&pending->next_cursor, g_free);
  g_free (pending);
}

static void
appeals_expertise_service_finalize (GObject *object)
{
  AppealsExpertiseService *self = (AppealsExpertiseService *)object;

  g_clear_object (&self->client);

  G_OBJECT_CLASS (appeals_expertise_service_parent_class)->finalize (object);
}

static void
appeals_expertise_service_class_init (AppealsExpertiseServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_expertise_service_finalize;

  /**
   * AppealsExpertiseService::verdict-given:
   * @appeal_id: the appeal judged
   *
   * A verdict was taken by the server, or a head approved one: the
   * appeal's status and the answer-quality figures may have changed.
   */
  signals[VERDICT_GIVEN] = g_signal_new ("verdict-given", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
appeals_expertise_service_init (AppealsExpertiseService *self)
{
}

AppealsExpertiseService *
appeals_expertise_service_new (AppealsApiClient *client)
{
  AppealsExpertiseService *self = g_object_new (APPEALS_TYPE_EXPERTISE_SERVICE, NULL);

  self->client = g_object_ref (client);
  return self;
}

/* Answers ------------------------------------------------------------------- */

static GError *
malformed (const GError *parse_error)
{
  return g_error_new_literal (APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED,
                              parse_error != NULL ? parse_error->message
                                                  : _("The server sent an answer that cannot be read."));
}

/* The "items" array of a list answer, or NULL. */
static JsonArray *
get_items (JsonNode *node)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *items = object != NULL ? json_object_get_member (object, "items") : NULL;

  return items != NULL && JSON_NODE_HOLDS_ARRAY (items) ? json_node_get_array (items) : NULL;
}

static gpointer
read_rounds (JsonNode  *node,
             gpointer   data,
             GError   **error)
{
  JsonArray *items = get_items (node);
  g_autoptr(GPtrArray) rounds = g_ptr_array_new_with_free_func (g_object_unref);

  if (items == NULL)
    {
      g_propagate_error (error, malformed (NULL));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GError) parse_error = NULL;
      AppealsExpertise *round = appeals_expertise_new_from_json (json_array_get_element (items, i), &parse_error);

      if (round == NULL)
        {
          g_propagate_error (error, malformed (parse_error));
          return NULL;
        }
      g_ptr_array_add (rounds, round);
    }

  return g_steal_pointer (&rounds);
}

/* A verdict given or approved: the round is returned and the signal says
 * so. */
static gpointer
read_round (JsonNode  *node,
            gpointer   data,
            GError   **error)
{
  AppealsExpertise *round = appeals_expertise_new_from_json (node, error);

  if (round != NULL)
    g_signal_emit (APPEALS_EXPERTISE_SERVICE (data), signals[VERDICT_GIVEN], 0, round->appeal_id);
  return round;
}

/* Verdicts awaiting approval ------------------------------------------------- */

/* A page of rounds with where the next starts and how many wait. */
static gpointer
read_pending (JsonNode  *node,
              gpointer   data,
              GError   **error)
{
  g_autoptr(AppealsPendingVerdicts) pending = g_new0 (AppealsPendingVerdicts, 1);
  JsonObject *object;

  pending->rounds = read_rounds (node, data, error);
  if (pending->rounds == NULL)
    return NULL;
  object = json_node_get_object (node);
  pending->next_cursor = g_strdup (json_object_get_string_member_with_default (object, "next_cursor", NULL));
  pending->total = json_object_get_int_member_with_default (object, "total", pending->rounds->len);
  return g_steal_pointer (&pending);
}

/**
 * appeals_expertise_service_list_pending_async:
 * @cursor: (nullable): the next_cursor of the page before; %NULL for the
 *   first page
 *
 * A page of the verdicts on appeals under control that wait for a head's
 * approval, in the caller's scope, each with its appeal's registration
 * number and annotation, and how many wait in all.
 */
void
appeals_expertise_service_list_pending_async (AppealsExpertiseService *self,
                                              const char              *cursor,
                                              GCancellable            *cancellable,
                                              GAsyncReadyCallback      callback,
                                              gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("expertise", NULL);

  appeals_api_path_add_query (path, "state", "awaiting_approval");
  if (cursor != NULL)
    appeals_api_path_add_query (path, "cursor", cursor);
  appeals_service_call_async (self->client, self, appeals_expertise_service_list_pending_async, "GET", path->str,
                              NULL, NULL, NULL, read_pending, NULL, NULL,
                              (GDestroyNotify) appeals_pending_verdicts_free, cancellable, callback, user_data);
}

/**
 * appeals_expertise_service_list_pending_finish:
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
AppealsPendingVerdicts *
appeals_expertise_service_list_pending_finish (AppealsExpertiseService  *self,
                                               GAsyncResult             *result,
                                               GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_expertise_service_list_pending_async, NULL, error);
}

/* A verdict --------------------------------------------------------------------- */

/**
 * appeals_expertise_service_give_verdict_async:
 * @verdict: the checklist answers, cross-checks, verdict and reasons
 *
 * Sends an analyst's verdict on the answer of @appeal_id. It takes effect
 * at once, or waits for a head's approval on an appeal under control (the
 * round's state says which). Sent once even when retried.
 */
void
appeals_expertise_service_give_verdict_async (AppealsExpertiseService *self,
                                              gint64                   appeal_id,
                                              AppealsExpertise        *verdict,
                                              GCancellable            *cancellable,
                                              GAsyncReadyCallback      callback,
                                              gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("appeals", NULL);
  g_autoptr(JsonNode) body = appeals_expertise_verdict_to_json (verdict);
  g_autofree char *key = g_uuid_string_random ();

  appeals_api_path_add_id (path, appeal_id);
  g_string_append (path, "/expertise");
  appeals_service_call_async (self->client, self, appeals_expertise_service_give_verdict_async, "POST", path->str,
                              body, NULL, key, read_round, self, NULL, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * appeals_expertise_service_give_verdict_finish:
 *
 * Returns: (transfer full): the round the server recorded
 */
AppealsExpertise *
appeals_expertise_service_give_verdict_finish (AppealsExpertiseService  *self,
                                               GAsyncResult             *result,
                                               GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_expertise_service_give_verdict_async, NULL, error);
}

/**
 * appeals_expertise_service_approve_async:
 * @expertise_id: the round awaiting approval
 *
 * A head approves a verdict; it then takes effect on the appeal.
 */
void
appeals_expertise_service_approve_async (AppealsExpertiseService *self,
                                         gint64                   expertise_id,
                                         GCancellable            *cancellable,
                                         GAsyncReadyCallback      callback,
                                         gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("expertise", NULL);

  appeals_api_path_add_id (path, expertise_id);
  g_string_append (path, "/approval");
  appeals_service_call_async (self->client, self, appeals_expertise_service_approve_async, "POST", path->str,
                              NULL, NULL, NULL, read_round, self, NULL, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * appeals_expertise_service_approve_finish:
 *
 * Returns: (transfer full): the approved round
 */
AppealsExpertise *
appeals_expertise_service_approve_finish (AppealsExpertiseService  *self,
                                          GAsyncResult             *result,
                                          GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_expertise_service_approve_async, NULL, error);
}

/* The answer-quality ranking ------------------------------------------------------ */

typedef struct
{
  GPtrArray *bodies;       /* AppealsBodyQuality */
  guint      min_answers;
} Ranking;

static void
ranking_free (Ranking *ranking)
{
  g_clear_pointer (&ranking->bodies, g_ptr_array_unref);
  g_free (ranking);
}

static gpointer
read_ranking (JsonNode  *node,
              gpointer   data,
              GError   **error)
{
  JsonArray *items = get_items (node);
  Ranking *ranking;
  gint64 min_answers;

  if (items == NULL)
    {
      g_propagate_error (error, malformed (NULL));
      return NULL;
    }

  min_answers = json_object_get_int_member_with_default (json_node_get_object (node), "min_answers", 0);
  ranking = g_new0 (Ranking, 1);
  ranking->min_answers = CLAMP (min_answers, 0, G_MAXUINT);
  ranking->bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_body_quality_free);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GError) parse_error = NULL;
      AppealsBodyQuality *quality = appeals_body_quality_new_from_json (json_array_get_element (items, i),
                                                                        &parse_error);

      if (quality == NULL)
        {
          ranking_free (ranking);
          g_propagate_error (error, malformed (parse_error));
          return NULL;
        }
      g_ptr_array_add (ranking->bodies, quality);
    }

  return ranking;
}

/**
 * appeals_expertise_service_rank_bodies_async:
 * @from: (nullable): with @to, count only the appeals registered from
 *   @from to @to; %NULL for all the final verdicts
 *
 * The bodies in the caller's scope ranked by the quality of their answers.
 */
void
appeals_expertise_service_rank_bodies_async (AppealsExpertiseService *self,
                                             const GDate             *from,
                                             const GDate             *to,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("analytics", "answer-quality", NULL);

  g_return_if_fail ((from == NULL) == (to == NULL));

  if (from != NULL)
    {
      appeals_api_path_add_query_date (path, "from", from);
      appeals_api_path_add_query_date (path, "to", to);
    }
  appeals_service_call_async (self->client, self, appeals_expertise_service_rank_bodies_async, "GET",
                              path->str, NULL, NULL, NULL, read_ranking, NULL, NULL,
                              (GDestroyNotify) ranking_free, cancellable, callback, user_data);
}

/**
 * appeals_expertise_service_rank_bodies_finish:
 * @min_answers: (out) (optional): the answers a body needs to be ranked
 *
 * Returns: (transfer container) (element-type AppealsBodyQuality): ranked
 *   bodies first, best first, then the others
 */
GPtrArray *
appeals_expertise_service_rank_bodies_finish (AppealsExpertiseService  *self,
                                              GAsyncResult             *result,
                                              guint                    *min_answers,
                                              GError                  **error)
{
  Ranking *ranking;
  GPtrArray *bodies;

  ranking = appeals_service_call_finish (self, result, appeals_expertise_service_rank_bodies_async, NULL, error);
  if (ranking == NULL)
    return NULL;

  if (min_answers != NULL)
    *min_answers = ranking->min_answers;
  bodies = g_steal_pointer (&ranking->bodies);
  ranking_free (ranking);
  return bodies;
}
