/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-drafts.h: local drafts of registration cards, so that nothing
 * typed is lost — not to a crash, a failed save or a lost connection.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-core.h"

G_BEGIN_DECLS

typedef struct
{
  char      *key;         /* file name: "appeal-42" or "new-<uuid>" */
  gint64     appeal_id;   /* 0 for a new card */
  char      *etag;        /* the version the edit started from */
  char      *idempotency_key;
  JsonNode  *applicant;   /* the base part as typed */
  JsonNode  *appeal;      /* the current part as typed */
  gint64     saved_at;    /* unix seconds */
} AppealsDraft;

AppealsDraft *appeals_draft_new    (gint64               appeal_id);
AppealsDraft *appeals_draft_copy   (const AppealsDraft  *draft);
void          appeals_draft_free   (AppealsDraft        *draft);
gboolean      appeals_draft_save   (const char          *server_url,
                                    AppealsDraft        *draft,
                                    GError             **error);
void          appeals_draft_remove (const char          *server_url,
                                    const AppealsDraft  *draft);
GPtrArray    *appeals_drafts_list  (const char          *server_url);

void              appeals_draft_set_card      (AppealsDraft       *draft,
                                               AppealsApplicant   *applicant,
                                               AppealsAppeal      *appeal);
AppealsApplicant *appeals_draft_dup_applicant (const AppealsDraft *draft);
AppealsAppeal    *appeals_draft_dup_appeal    (const AppealsDraft *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsDraft, appeals_draft_free)

G_END_DECLS
