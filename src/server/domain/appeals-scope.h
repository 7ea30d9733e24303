/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-scope.h: what a signed-in user may see. A user bound to a
 * district sees that district's appeals, and the applicants (with their
 * receptions and files) whose card belongs to the district or who have an
 * appeal there; a region-wide user sees everything, a user with neither
 * nothing. Everything else answers as if it did not exist.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

const char *appeals_api_scope_district    (AppealsRequest   *request);
gboolean    appeals_api_in_scope           (AppealsRequest   *request,
                                            const char       *district);
gboolean    appeals_api_applicant_in_scope (AppealsRequest   *request,
                                            gint64            applicant_id,
                                            gboolean         *in_scope,
                                            GError          **error);
gboolean    appeals_api_applicants_in_scope (AppealsRequest  *request,
                                             GArray          *applicant_ids,
                                             GHashTable     **out_of_scope,
                                             GError         **error);
gboolean    appeals_api_appeal_in_scope    (AppealsRequest   *request,
                                            gint64            appeal_id,
                                            gboolean         *in_scope,
                                            GError          **error);
gboolean    appeals_api_applicant_claim    (AppealsRequest   *request,
                                            gint64            applicant_id,
                                            GError          **error);
gboolean    appeals_api_keep_row_in_scope  (AppealsRequest   *request,
                                            AppealsDbResult **row,
                                            GError          **error);

gboolean    appeals_api_rows_out_of_scope  (AppealsRequest   *request,
                                            AppealsDbResult  *rows,
                                            GHashTable      **out_of_scope,
                                            GError          **error);
gboolean    appeals_api_load_owned_row     (AppealsRequest   *request,
                                            const char       *sql,
                                            AppealsDbResult **row,
                                            GError          **error);

G_END_DECLS
