/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception.h: a booking of a citizen for a personal reception by
 * an official.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-record.h"
#include "appeals-reception-parts.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_RECEPTION_STATUS_UNSET,
  APPEALS_RECEPTION_STATUS_BOOKED,
  APPEALS_RECEPTION_STATUS_CONFIRMED,
  APPEALS_RECEPTION_STATUS_HELD,
  APPEALS_RECEPTION_STATUS_CANCELLED,
  APPEALS_RECEPTION_STATUS_ARCHIVED,
} AppealsReceptionStatus;

/* What moves a reception on: booked → confirmed → held; booked or
 * confirmed → cancelled, or moved (to a new slot, booked again). Archiving
 * a held reception has its own route and conditions. */
typedef enum
{
  APPEALS_RECEPTION_ACTION_CONFIRM,
  APPEALS_RECEPTION_ACTION_HOLD,
  APPEALS_RECEPTION_ACTION_CANCEL,
  APPEALS_RECEPTION_ACTION_MOVE,
  APPEALS_RECEPTION_N_ACTIONS,
} AppealsReceptionAction;

#define APPEALS_TYPE_RECEPTION (appeals_reception_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReception, appeals_reception, APPEALS, RECEPTION, GObject)

struct _AppealsReception
{
  GObject     parent_instance;

  gint64      id;
  gint64      version;
  gint64      official_id;
  GDate       date;
  char       *start_time;    /* "HH:MM" */
  char       *place;
  char       *video_link;    /* for video-conference receptions */
  gint64      applicant_id;
  gint64      appeal_id;     /* 0 for a reception request without an appeal */
  char       *question;      /* the essence of the question; required */
  char       *priority;      /* a priority category code, or NULL */
  GDateTime  *booked_at;
  int         status;        /* AppealsReceptionStatus */

  /* What the server adds when it details a reception (never input). */
  char                   *applicant_name;
  char                   *appeal_number;
  gboolean                restricted;    /* another district's visitor: time only */
  GPtrArray              *steps;         /* AppealsReceptionStep, in order */
  GPtrArray              *orders;        /* AppealsProtocolOrder */
  GPtrArray              *attachments;   /* AppealsAttachment, oldest first */
  AppealsReceptionReview *review;        /* NULL until the leadership reviewed it */
  GPtrArray              *participants;  /* AppealsReceptionParticipant, in order */
  gboolean                field;         /* held away from the office (выездной) */
  /* Filled by the client from the officials list, in the interface's language. */
  char                   *official_name;
  char                   *official_position;
};

const AppealsRecordType *appeals_reception_get_record_type (void);

AppealsReception *appeals_reception_new           (void);
AppealsReception *appeals_reception_new_from_json (JsonNode          *node,
                                                   GError           **error);
JsonNode         *appeals_reception_to_json       (AppealsReception  *self);
gboolean          appeals_reception_validate      (AppealsReception  *self,
                                                   GPtrArray         *errors);
gboolean          appeals_reception_read_details  (AppealsReception  *self,
                                                   JsonNode          *node,
                                                   GError           **error);
gboolean          appeals_reception_is_editable   (AppealsReception  *self);
guint             appeals_reception_count_overdue_steps (AppealsReception *self);
AppealsReceptionStep *appeals_reception_find_step (AppealsReception  *self,
                                                   const char        *code);
gboolean          appeals_time_of_day_is_valid    (const char        *text);
int               appeals_time_of_day_to_minutes  (const char        *text);

gboolean          appeals_reception_action_from_string (const char             *text,
                                                        AppealsReceptionAction *action);
const char       *appeals_reception_action_to_string   (AppealsReceptionAction  action);
int               appeals_reception_status_after       (int                     status,
                                                        AppealsReceptionAction  action);

G_END_DECLS
