/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-drafts.c: drafts are JSON files under
 * $XDG_DATA_HOME/appeals-desk/drafts/<server>/, written atomically, one
 * per open card, and removed once the server has the card.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "appeals-drafts.h"

AppealsDraft *
appeals_draft_new (gint64 appeal_id)
{
  AppealsDraft *draft = g_new0 (AppealsDraft, 1);

  draft->appeal_id = appeal_id;
  if (appeal_id > 0)
    draft->key = g_strdup_printf ("appeal-%" G_GINT64_FORMAT, appeal_id);
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();
      draft->key = g_strconcat ("new-", uuid, NULL);
      draft->idempotency_key = g_strdup (uuid);
    }

  return draft;
}

AppealsDraft *
appeals_draft_copy (const AppealsDraft *draft)
{
  AppealsDraft *copy = g_new0 (AppealsDraft, 1);

  copy->key = g_strdup (draft->key);
  copy->appeal_id = draft->appeal_id;
  copy->etag = g_strdup (draft->etag);
  copy->idempotency_key = g_strdup (draft->idempotency_key);
  copy->applicant = draft->applicant != NULL ? json_node_copy (draft->applicant) : NULL;
  copy->appeal = draft->appeal != NULL ? json_node_copy (draft->appeal) : NULL;
  copy->saved_at = draft->saved_at;
  return copy;
}

void
appeals_draft_free (AppealsDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->key);
  g_free (draft->etag);
  g_free (draft->idempotency_key);
  g_clear_pointer (&draft->applicant, json_node_unref);
  g_clear_pointer (&draft->appeal, json_node_unref);
  g_free (draft);
}

static char *
drafts_dir (const char *server_url)
{
  g_autofree char *server = g_compute_checksum_for_string (G_CHECKSUM_SHA1, server_url, -1);

  server[12] = '\0';
  return g_build_filename (g_get_user_data_dir (), "appeals-desk", "drafts", server, NULL);
}

gboolean
appeals_draft_save (const char    *server_url,
                    AppealsDraft  *draft,
                    GError       **error)
{
  g_autofree char *dir = drafts_dir (server_url);
  g_autofree char *file = g_strconcat (draft->key, ".json", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
      return FALSE;
    }

  draft->saved_at = g_get_real_time () / G_USEC_PER_SEC;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, draft->key);
  json_builder_set_member_name (builder, "appeal_id");
  json_builder_add_int_value (builder, draft->appeal_id);
  json_builder_set_member_name (builder, "etag");
  json_builder_add_string_value (builder, draft->etag);
  json_builder_set_member_name (builder, "idempotency_key");
  json_builder_add_string_value (builder, draft->idempotency_key);
  json_builder_set_member_name (builder, "saved_at");
  json_builder_add_int_value (builder, draft->saved_at);
  json_builder_set_member_name (builder, "applicant");
  json_builder_add_value (builder, draft->applicant != NULL ? json_node_copy (draft->applicant)
                                                            : json_node_new (JSON_NODE_NULL));
  json_builder_set_member_name (builder, "appeal");
  json_builder_add_value (builder, draft->appeal != NULL ? json_node_copy (draft->appeal)
                                                         : json_node_new (JSON_NODE_NULL));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);

  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

void
appeals_draft_remove (const char         *server_url,
                      const AppealsDraft *draft)
{
  g_autofree char *dir = drafts_dir (server_url);
  g_autofree char *file = g_strconcat (draft->key, ".json", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_unlink (path);
}

static AppealsDraft *
load_draft (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(AppealsDraft) draft = g_new0 (AppealsDraft, 1);
  JsonObject *object;

  if (!json_parser_load_from_file (parser, path, NULL) || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  draft->key = g_strdup (json_object_get_string_member_with_default (object, "key", NULL));
  draft->appeal_id = json_object_get_int_member_with_default (object, "appeal_id", 0);
  draft->etag = g_strdup (json_object_get_string_member_with_default (object, "etag", NULL));
  draft->idempotency_key = g_strdup (json_object_get_string_member_with_default (object, "idempotency_key", NULL));
  draft->saved_at = json_object_get_int_member_with_default (object, "saved_at", 0);
  if (json_object_has_member (object, "applicant") && !json_object_get_null_member (object, "applicant"))
    draft->applicant = json_node_copy (json_object_get_member (object, "applicant"));
  if (json_object_has_member (object, "appeal") && !json_object_get_null_member (object, "appeal"))
    draft->appeal = json_node_copy (json_object_get_member (object, "appeal"));

  if (draft->key == NULL)
    return NULL;
  return g_steal_pointer (&draft);
}

/**
 * appeals_drafts_list:
 *
 * Returns: (transfer container) (element-type AppealsDraft): the drafts
 *   kept for @server_url, oldest first.
 */
GPtrArray *
appeals_drafts_list (const char *server_url)
{
  g_autofree char *dir_path = drafts_dir (server_url);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_draft_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      AppealsDraft *draft;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      draft = load_draft (path);
      if (draft != NULL)
        g_ptr_array_add (drafts, draft);
    }

  return drafts;
}

/**
 * appeals_draft_set_card:
 *
 * Keeps both parts of the card as typed.
 */
void
appeals_draft_set_card (AppealsDraft     *draft,
                        AppealsApplicant *applicant,
                        AppealsAppeal    *appeal)
{
  g_clear_pointer (&draft->applicant, json_node_unref);
  g_clear_pointer (&draft->appeal, json_node_unref);
  draft->applicant = appeals_applicant_to_json (applicant);
  draft->appeal = appeals_appeal_to_json (appeal);
}

/**
 * appeals_draft_dup_applicant:
 *
 * Returns: (transfer full) (nullable): the base part as typed, if kept
 */
AppealsApplicant *
appeals_draft_dup_applicant (const AppealsDraft *draft)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  AppealsApplicant *applicant;

  if (draft->applicant == NULL || !JSON_NODE_HOLDS_OBJECT (draft->applicant))
    return NULL;
  /* what is readable is kept, even when one value is not */
  applicant = appeals_applicant_new ();
  appeals_record_read_members (appeals_applicant_get_record_type (), applicant,
                               json_node_get_object (draft->applicant), APPEALS_RECORD_TRUSTED, errors);
  return applicant;
}

/**
 * appeals_draft_dup_appeal:
 *
 * Returns: (transfer full) (nullable): the current part as typed, if kept
 */
AppealsAppeal *
appeals_draft_dup_appeal (const AppealsDraft *draft)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  AppealsAppeal *appeal;

  if (draft->appeal == NULL || !JSON_NODE_HOLDS_OBJECT (draft->appeal))
    return NULL;
  appeal = appeals_appeal_new ();
  appeals_record_read_members (appeals_appeal_get_record_type (), appeal,
                               json_node_get_object (draft->appeal), APPEALS_RECORD_TRUSTED, errors);
  return appeal;
}
