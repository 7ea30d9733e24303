/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-appeal-records.h: appeals as the domain keeps them: loaded
 * within the caller's scope, registered, updated with their audit entry
 * and search index.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

gboolean    appeals_api_appeals_load_by_id_or_404 (AppealsRequest  *request,
                                                   gint64           id,
                                                   AppealsAppeal  **appeal,
                                                   GError         **error);
gboolean    appeals_api_appeals_load_or_404       (AppealsRequest  *request,
                                                   AppealsAppeal  **appeal,
                                                   GError         **error);
gboolean    appeals_api_appeals_load_for_change (AppealsRequest *request,
                                                 AppealsAppeal **appeal,
                                                 GError        **error);
gboolean    appeals_api_appeals_insert            (AppealsServer   *server,
                                                   AppealsDb       *db,
                                                   AppealsAppeal   *appeal,
                                                   const char      *actor,
                                                   GError         **error);
gboolean    appeals_api_appeals_update            (AppealsServer   *server,
                                                   AppealsDb       *db,
                                                   AppealsAppeal   *current,
                                                   AppealsAppeal   *edited,
                                                   AppealsUser     *actor,
                                                   const char      *action,
                                                   GError         **error);
gboolean    appeals_api_appeals_reindex_applicant (AppealsDb       *db,
                                                   gint64           applicant_id,
                                                   GError         **error);

/* What the generator writes: the stored columns (without id), and the
 * text the search index keeps of an appeal. */
const char * const *appeals_api_appeals_get_columns (void);
char       *appeals_api_appeals_search_text      (AppealsAppeal   *appeal);
/* PostgreSQL: the search vector of a search text @x (an SQL expression) */
#define APPEALS_SEARCH_VECTOR_SQL(x) "to_tsvector ('simple', " x ")"

G_END_DECLS
