/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api.h: the REST resources of appeals-server and the helpers
 * their handlers share.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

#define APPEALS_RECEPTION_COLUMNS \
  "r.id, r.version, r.official_id, r.date, r.start_time, r.place, r.video_link, r.applicant_id, " \
  "r.appeal_id, r.question, r.priority, r.booked_at, r.status, " \
  "(SELECT ap.surname || ' ' || ap.given_name || COALESCE (' ' || ap.patronymic, '') FROM applicants ap " \
  "WHERE ap.id = r.applicant_id) AS applicant_name, " \
  "(SELECT a.registration_number FROM appeals a WHERE a.id = r.appeal_id) AS appeal_number"

void        appeals_api_register_all      (AppealsServer           *server);
void        appeals_api_appeals_register  (AppealsServer           *server);
void        appeals_api_applicants_register (AppealsServer         *server);
void        appeals_api_reference_register (AppealsServer          *server);

gboolean    appeals_api_appeals_insert    (AppealsServer           *server,
                                           AppealsDb               *db,
                                           AppealsAppeal           *appeal,
                                           const char              *actor,
                                           GError                 **error);
gboolean    appeals_api_applicants_insert (AppealsDb               *db,
                                           AppealsApplicant        *applicant,
                                           const char              *actor,
                                           GError                 **error);
gboolean    appeals_api_appeals_reindex_applicant (AppealsDb       *db,
                                                   gint64           applicant_id,
                                                   GError         **error);
gboolean    appeals_api_appeals_update    (AppealsServer           *server,
                                           AppealsDb               *db,
                                           AppealsAppeal           *current,
                                           AppealsAppeal           *edited,
                                           const char              *actor,
                                           const char              *action,
                                           GError                 **error);
gboolean    appeals_api_appeals_load_by_id_or_404 (AppealsRequest  *request,
                                           gint64                   id,
                                           AppealsAppeal          **appeal,
                                           GError                 **error);
gboolean    appeals_api_appeals_load_or_404 (AppealsRequest        *request,
                                           AppealsAppeal          **appeal,
                                           GError                 **error);
void        appeals_api_expertise_register (AppealsServer          *server);
void        appeals_api_receptions_register (AppealsServer         *server);
void        appeals_api_officials_register (AppealsServer          *server);
void        appeals_api_protocol_register (AppealsServer           *server);
void        appeals_api_attachments_register (AppealsServer        *server);
JsonNode   *appeals_api_attachments_to_json (AppealsRequest        *request,
                                           gint64                   reception_id,
                                           GError                 **error);
gint64      appeals_api_receptions_insert (AppealsServer           *server,
                                           AppealsDb               *db,
                                           AppealsReception        *reception,
                                           const GDate             *registered_on,
                                           const char              *actor,
                                           GError                 **error);
JsonNode   *appeals_api_reception_to_json (AppealsRequest          *request,
                                           AppealsDbResult         *row,
                                           guint                    index,
                                           GError                 **error);
gboolean    appeals_api_load_reception_row (AppealsRequest         *request,
                                           AppealsDbResult        **row,
                                           GError                 **error);
gboolean    appeals_api_appeals_list      (AppealsRequest          *request,
                                           GError                 **error);

gboolean    appeals_api_applicant_in_scope (AppealsRequest         *request,
                                            gint64                  applicant_id,
                                            gboolean               *in_scope,
                                            GError                **error);
gboolean    appeals_api_keep_row_in_scope (AppealsRequest          *request,
                                           AppealsDbResult        **row,
                                           GError                 **error);
gboolean    appeals_api_in_scope          (AppealsRequest          *request,
                                           const char              *district);
JsonObject *appeals_api_require_object    (AppealsRequest          *request);
void        appeals_api_respond_items     (AppealsRequest          *request,
                                           JsonNode                *items);
gboolean    appeals_api_respond_history   (AppealsRequest          *request,
                                           const char              *kind,
                                           gint64                   id,
                                           GError                 **error);
void        appeals_api_check_code        (AppealsRequest          *request,
                                           GPtrArray               *errors,
                                           const char              *field,
                                           const char              *classifier,
                                           const char              *code);
gboolean    appeals_api_check_if_match    (AppealsRequest          *request,
                                           gint64                   id,
                                           gint64                   version,
                                           const AppealsRecordType *type,
                                           gconstpointer            current);
void        appeals_api_clear_mutable     (const AppealsRecordType *type,
                                           gpointer                 record);
void        appeals_api_check_required    (const AppealsRecordType *type,
                                           gconstpointer            record,
                                           GPtrArray               *errors);

G_END_DECLS
