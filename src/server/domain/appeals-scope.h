/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-scope.h: what a signed-in user may see. A user bound to a
 * district sees that district's appeals, and the applicants (with their
 * receptions and files) who have an appeal there or none yet; everything
 * else answers as if it did not exist.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

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
gboolean    appeals_api_keep_row_in_scope  (AppealsRequest   *request,
                                            AppealsDbResult **row,
                                            GError          **error);

G_END_DECLS
