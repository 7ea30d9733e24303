/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-participants.c: who takes part in a reception besides
 * the official and the visitor, as the reception's answer lists them
 * (PUT /receptions/{id}/arrangements sets them).
 */
#include "config.h"

#include "appeals-reception-participants.h"
#include "appeals-store.h"

/* The participants of one reception, in their order. */
JsonNode *
appeals_api_participants_to_json (AppealsDbResult *participants,
                                  GArray          *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint k = 0; k < rows->len; k++)
    {
      guint row = g_array_index (rows, guint, k);

      json_builder_begin_object (builder);
      appeals_store_add_text_members (builder, participants, row, (const char * const[]) { "name", "job_title", NULL });
      json_builder_set_member_name (builder, "by_video");
      json_builder_add_boolean_value (builder, appeals_db_result_get_boolean (participants, row, "by_video"));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

