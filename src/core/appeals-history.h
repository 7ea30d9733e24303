/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-history.h: one entry of an appeal's history — who did what and
 * when, and each changed field's value before and after, held in two
 * appeal records so that they are shown like the card's own fields.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-appeal.h"

G_BEGIN_DECLS

typedef struct
{
  char          *action;   /* "create", "update", "expertise", … */
  char          *actor;    /* login */
  char          *actor_name; /* who that is; NULL for a login no user has */
  GDateTime     *at;
  GStrv          fields;   /* the changed fields, in the order given */
  AppealsAppeal *before;   /* the changed fields' earlier values */
  AppealsAppeal *after;    /* and their new ones */
} AppealsHistoryEntry;

#define APPEALS_TYPE_HISTORY_ENTRY (appeals_history_entry_get_type ())

GType                appeals_history_entry_get_type      (void) G_GNUC_CONST;
AppealsHistoryEntry *appeals_history_entry_new_from_json (JsonNode                  *node,
                                                          GError                   **error);
AppealsHistoryEntry *appeals_history_entry_copy          (const AppealsHistoryEntry *entry);
void                 appeals_history_entry_free          (AppealsHistoryEntry       *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsHistoryEntry, appeals_history_entry_free)

G_END_DECLS
