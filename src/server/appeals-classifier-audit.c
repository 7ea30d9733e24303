/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-classifier-audit.c: the classifiers are files an administrator
 * edits (data/classifiers/); each time the server reads them — at start
 * and on SIGHUP — a classifier that differs from what the audit trail
 * last saw gets an entry: its checksum and codes before and after, by
 * the account that runs the server.
 */
#include "config.h"

#include "appeals-audit.h"
#include "appeals-classifier-audit.h"

/* The entity id of each classifier in the trail is its place here, from 1:
 * add new ones at the end. */
static const char * const audited[] = {
  APPEALS_CLASSIFIER_DISTRICTS, APPEALS_CLASSIFIER_ADDRESSEE_BODIES, APPEALS_CLASSIFIER_QUESTION_CHARACTERS,
  APPEALS_CLASSIFIER_SOCIAL_STATUSES, APPEALS_CLASSIFIER_ORDER_SOURCES,
};

/* What the trail keeps of a classifier: its name, the SHA-256 of its
 * content and its codes. */
static JsonObject *
snapshot_classifier (AppealsClassifier *classifier)
{
  g_autoptr(JsonNode) node = appeals_classifier_to_json (classifier);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autoptr(GString) codes = g_string_new (NULL);
  JsonObject *snapshot = json_object_new ();

  for (guint i = 0; i < appeals_classifier_get_n_items (classifier); i++)
    g_string_append_printf (codes, "%s%s", i > 0 ? "," : "", appeals_classifier_get_item (classifier, i)->code);
  json_object_set_string_member (snapshot, "name", appeals_classifier_get_name (classifier));
  json_object_set_string_member (snapshot, "sha256", sha256);
  json_object_set_string_member (snapshot, "codes", codes->str);
  return snapshot;
}

/* The state the trail last recorded for classifier @id, or NULL. */
static JsonObject *
last_recorded (AppealsDb  *db,
               gint64      id,
               GError    **error)
{
  g_autoptr(AppealsDbResult) last = NULL;
  g_autoptr(JsonArray) changes = NULL;
  JsonObject *state;

  last = appeals_db_query (db, "SELECT changes FROM audit WHERE entity = 'classifier' AND entity_id = ? "
                           "ORDER BY id DESC LIMIT 1", g_variant_new ("(x)", id), error);
  if (last == NULL || appeals_db_result_get_n_rows (last) == 0 ||
      (changes = appeals_audit_parse_changes (appeals_db_result_get_string (last, 0, "changes"), error)) == NULL)
    return NULL;

  /* an entry holds what changed; what did not is the same as before it */
  state = json_object_new ();
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonNode *after = json_object_get_member (change, "after");

      if (after != NULL && JSON_NODE_HOLDS_VALUE (after))
        json_object_set_string_member (state, json_object_get_string_member (change, "field"),
                                       json_node_get_string (after));
    }
  return state;
}

typedef struct
{
  AppealsServer *server;
  const char    *actor;
} Audit;

static gboolean
audit_in_transaction (AppealsDb  *db,
                      gpointer    user_data,
                      GError    **error)
{
  Audit *audit = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (audited); i++)
    {
      AppealsClassifier *classifier = appeals_server_get_classifier (audit->server, audited[i]);
      g_autoptr(JsonObject) now = NULL;
      g_autoptr(JsonObject) before = NULL;
      g_autoptr(GError) local_error = NULL;

      if (classifier == NULL)
        continue;
      now = snapshot_classifier (classifier);
      before = last_recorded (db, i + 1, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (before != NULL && g_strcmp0 (json_object_get_string_member_with_default (before, "sha256", NULL),
                                       json_object_get_string_member (now, "sha256")) == 0)
        continue;
      if (!appeals_audit_record_snapshots (db, "classifier", i + 1, 0, before != NULL ? "update" : "create",
                                           audit->actor, before, now, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * appeals_classifier_audit_record:
 *
 * Records, for each classifier the server holds now, how it differs from
 * what the audit trail last saw (nothing when it does not).
 */
gboolean
appeals_classifier_audit_record (AppealsServer  *server,
                                 GError        **error)
{
  g_autofree char *actor = g_strdup_printf ("console:%s", g_get_user_name ());
  Audit audit = { server, actor };
  AppealsDb *db = appeals_server_get_db (server);

  if (db == NULL)
    return TRUE;
  return appeals_db_run_transaction (db, audit_in_transaction, &audit, error);
}
