/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-applicant-records.h: applicants' base cards as the domain keeps
 * them, each change with its audit entry.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

gboolean appeals_api_applicants_insert (AppealsDb         *db,
                                        AppealsApplicant  *applicant,
                                        const char        *actor,
                                        GError           **error);
gboolean appeals_api_applicants_update (AppealsDb         *db,
                                        AppealsApplicant  *current,
                                        AppealsApplicant  *edited,
                                        const char        *actor,
                                        gboolean           correction,
                                        GError           **error);

const char * const *appeals_api_applicants_get_columns (void);

G_END_DECLS
