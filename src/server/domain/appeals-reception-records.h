/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-records.h: receptions as the domain keeps them:
 * booked with their steps, loaded within the caller's scope, answered
 * with their steps, orders, review and materials.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

#define APPEALS_RECEPTION_COLUMNS \
  "r.id, r.version, r.official_id, r.date, r.start_time, r.place, r.video_link, r.applicant_id, " \
  "r.appeal_id, r.question, r.priority, r.booked_at, r.status, r.field, r.created_by, " \
  "(SELECT COALESCE (ap.organisation_name || ' ', '') || ap.surname || ' ' || ap.given_name || COALESCE (' ' || ap.patronymic, '') FROM applicants ap " \
  "WHERE ap.id = r.applicant_id) AS applicant_name, " \
  "(SELECT a.registration_number FROM appeals a WHERE a.id = r.appeal_id) AS appeal_number"

/* with appeals-attachment-files.h */
#define APPEALS_ATTACHMENT_COLUMNS \
  "id, reception_id, kind, file_name, content_type, size, sha256, created_by, created_at, " \
  APPEALS_CREATOR_NAME ("attachments")

gint64           appeals_api_receptions_insert   (AppealsServer     *server,
                                                  AppealsDb         *db,
                                                  AppealsReception  *reception,
                                                  const GDate       *registered_on,
                                                  const char        *actor,
                                                  gboolean          *slot_taken,
                                                  GError           **error);
gboolean         appeals_api_reception_set_step_dues (AppealsServer  *server,
                                                      AppealsDb      *db,
                                                      gint64          id,
                                                      const GDate    *registered_on,
                                                      const GDate    *date,
                                                      const GDate    *held,
                                                      GError        **error);
gboolean         appeals_api_reception_follow_orders (AppealsServer  *server,
                                                      AppealsDb      *db,
                                                      gint64          id,
                                                      const char     *actor,
                                                      GError        **error);
int              appeals_api_reception_row_status (AppealsDbResult *row);
void             appeals_api_respond_reception_conflict (AppealsRequest *request,
                                                         const char     *field,
                                                         const char     *expected);
gboolean         appeals_api_load_reception_row  (AppealsRequest    *request,
                                                  AppealsDbResult  **row,
                                                  GError           **error);
JsonNode        *appeals_api_reception_to_json   (AppealsRequest    *request,
                                                  AppealsDbResult   *row,
                                                  guint              index,
                                                  GError           **error);
GPtrArray       *appeals_api_receptions_to_json  (AppealsRequest    *request,
                                                  AppealsDbResult   *rows,
                                                  const guint       *order,
                                                  guint              n,
                                                  GError           **error);
JsonObject      *appeals_api_reception_snapshot  (AppealsDb         *db,
                                                  gint64             id,
                                                  const char        *step,
                                                  GError           **error);
gboolean         appeals_api_audit_reception     (AppealsDb         *db,
                                                  gint64             id,
                                                  const char        *step,
                                                  const char        *entity,
                                                  const char        *action,
                                                  const char        *actor,
                                                  JsonObject        *before,
                                                  GError           **error);

G_END_DECLS
