/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-error-status.h: a list that could not be loaded says why in its
 * status page — "You have no access to this" for a refusal of the role
 * (403), never an empty list.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean appeals_error_status_is_forbidden (const GError  *error);
void     appeals_error_status_show         (AdwStatusPage *page,
                                            const GError  *error,
                                            const char    *failed_title);

G_END_DECLS
