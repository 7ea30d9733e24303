/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-audit.h: the audit trail — who changed what, when, field by
 * field, written in the same transaction as the change — and the log of
 * reads of personal data.
 */
#pragma once

#include "appeals-core.h"
#include "appeals-db.h"

G_BEGIN_DECLS

char     *appeals_audit_changes        (const AppealsRecordType *type,
                                        gconstpointer            before,
                                        gconstpointer            after);
JsonArray *appeals_audit_parse_changes (const char              *text,
                                        GError                 **error);
gboolean  appeals_audit_record_change  (AppealsDb               *db,
                                        const char              *entity,
                                        gint64                   entity_id,
                                        gint64                   version,
                                        const char              *action,
                                        const char              *actor,
                                        const AppealsRecordType *type,
                                        gconstpointer            before,
                                        gconstpointer            after,
                                        GError                 **error);
JsonObject *appeals_audit_snapshot     (AppealsDb               *db,
                                        const char              *sql,
                                        GVariant                *params,
                                        GError                 **error);
gboolean  appeals_audit_record_snapshots (AppealsDb             *db,
                                        const char              *entity,
                                        gint64                   entity_id,
                                        gint64                   version,
                                        const char              *action,
                                        const char              *actor,
                                        JsonObject              *before,
                                        JsonObject              *after,
                                        GError                 **error);
JsonNode *appeals_audit_get_reads      (AppealsDb               *db,
                                        gint64                   applicant_id,
                                        GError                 **error);
gboolean  appeals_audit_record_read    (AppealsDb               *db,
                                        const char              *actor,
                                        const char              *entity,
                                        gint64                   entity_id,
                                        GError                 **error);
JsonNode *appeals_audit_get_history    (AppealsDb               *db,
                                        const char              *entity,
                                        gint64                   entity_id,
                                        GError                 **error);

G_END_DECLS
