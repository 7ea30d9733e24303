/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-classifier-audit.h: changes of the classifier files, in the
 * audit trail.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

gboolean appeals_classifier_audit_record (AppealsServer  *server,
                                          GError        **error);

G_END_DECLS
