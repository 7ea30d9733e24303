/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-appeal.h: the current part of the registration card — one appeal.
 * The same applicant with another question gets another card and number.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-calendar.h"
#include "appeals-deadline.h"
#include "appeals-record.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_CHANNEL_UNSET,
  APPEALS_CHANNEL_BY_HAND,
  APPEALS_CHANNEL_KAZPOST,
  APPEALS_CHANNEL_EGOV,               /* e-gov / eOtinish */
  APPEALS_CHANNEL_VIRTUAL_RECEPTION,  /* the President's Virtual reception */
} AppealsChannel;

typedef enum
{
  APPEALS_FORM_UNSET,
  APPEALS_FORM_ELECTRONIC,
  APPEALS_FORM_PAPER_AND_ELECTRONIC,
} AppealsForm;

typedef enum
{
  APPEALS_KIND_UNSET,
  APPEALS_KIND_APPLICATION,  /* заявление */
  APPEALS_KIND_INQUIRY,      /* запрос */
  APPEALS_KIND_PROPOSAL,     /* предложение */
  APPEALS_KIND_RESPONSE,     /* отклик */
  APPEALS_KIND_REPORT,       /* сообщение */
  APPEALS_KIND_COMPLAINT,    /* жалоба */
} AppealsKind;

typedef enum
{
  APPEALS_CATEGORY_UNSET,
  APPEALS_CATEGORY_STRATEGIC,
  APPEALS_CATEGORY_TYPICAL,
  APPEALS_CATEGORY_COMPLAINT,
} AppealsCategory;

typedef enum
{
  APPEALS_COMPLAINT_SUBJECT_UNSET,
  APPEALS_COMPLAINT_SUBJECT_PROSECUTION_OFFICERS,
  APPEALS_COMPLAINT_SUBJECT_JUDGES,
  APPEALS_COMPLAINT_SUBJECT_LOCAL_EXECUTIVE_OFFICIALS,
  APPEALS_COMPLAINT_SUBJECT_CIVIL_SERVANTS,
  APPEALS_COMPLAINT_SUBJECT_PENITENTIARY_STAFF,
} AppealsComplaintSubject;

typedef enum
{
  APPEALS_LANGUAGE_UNSET,
  APPEALS_LANGUAGE_KK,
  APPEALS_LANGUAGE_RU,
} AppealsLanguage;

typedef enum
{
  APPEALS_STATUS_UNSET,
  APPEALS_STATUS_REGISTERED,
  APPEALS_STATUS_IN_PROGRESS,
  APPEALS_STATUS_FORWARDED,
  APPEALS_STATUS_EXTENDED,
  APPEALS_STATUS_ANSWERED,
  APPEALS_STATUS_RETURNED,  /* the answer was returned to the body for rework */
  APPEALS_STATUS_CLOSED,
  APPEALS_STATUS_TERMINATED,                  /* consideration terminated */
  APPEALS_STATUS_LEFT_WITHOUT_CONSIDERATION,
} AppealsStatus;

/* the state of an open appeal's term on the server's today, in working
 * days of the server's calendar; unset for answered and closed ones */
typedef enum
{
  APPEALS_DUE_STATE_UNSET,
  APPEALS_DUE_STATE_ON_TIME,
  APPEALS_DUE_STATE_DUE_SOON,
  APPEALS_DUE_STATE_DUE_TODAY,
  APPEALS_DUE_STATE_OVERDUE,
} AppealsDueState;

#define APPEALS_TYPE_APPEAL (appeals_appeal_get_type ())

G_DECLARE_FINAL_TYPE (AppealsAppeal, appeals_appeal, APPEALS, APPEAL, GObject)

struct _AppealsAppeal
{
  GObject     parent_instance;

  gint64      id;
  gint64      version;
  char       *registration_number;
  GDate       registration_date;
  gint64      applicant_id;
  char       *applicant_name;       /* read-only copy for lists */
  char       *applicant_iin;        /* read-only copy for lists */
  int         channel;              /* AppealsChannel */
  int         form;                 /* AppealsForm */
  int         kind;                 /* AppealsKind */
  char       *addressee_body;       /* addressee-bodies classifier code */
  char       *question_character;   /* question-characters classifier code */
  int         category;             /* AppealsCategory */
  int         complaint_subject;    /* AppealsComplaintSubject, for complaints */
  int         language;             /* AppealsLanguage */
  char       *district;             /* districts classifier code */
  gboolean    repeat;               /* computed from earlier appeals */
  gboolean    control;
  char       *annotation;
  char       *text;
  char       *executor;
  GDate       due_date;             /* computed by the deadline engine */
  int         due_state;            /* AppealsDueState, the server's figure */
  gint64      working_days_left;    /* the server's figures, for open appeals */
  gint64      working_days_overdue;
  int         status;               /* AppealsStatus */
  char       *answer;
  GDate       answered_on;
  char       *registrar;            /* login of who registered it */
  GDateTime  *created_at;
  GDateTime  *updated_at;
  char       *updated_by_name;      /* full name of who saved this version (read-only, from the audit) */

  /* what the lifecycle's actions record (appeals-lifecycle.h); read-only */
  char       *forwarded_to;         /* addressee-bodies code */
  char       *forwarding_scope;     /* "full" or "partial" */
  char       *forwarding_number;    /* outgoing number of the covering letter */
  GDate       forwarding_date;
  GDate       forwarding_due_date;  /* the law's working days from registration */
  gboolean    forwarded_late;
  GDate       original_due_date;    /* the term before its extension */
  GDate       extended_on;
  char       *extension_reason;
  char       *answer_character;     /* answer-characters classifier code */
  gboolean    answer_late;          /* came after its term (appeals_appeal_answer_is_late()) */
  gint64      answer_attachment_id;
  char       *termination_ground;   /* termination-grounds classifier code */
  char       *termination_reason;
  char       *reopen_reason;
  char       *notice_kind;          /* the notice the last decision owes the applicant */
  GDate       notice_due_date;

  /* not stored: what the caller may do now, and the notices sent */
  GStrv       allowed_actions;
  GPtrArray  *notices;              /* AppealsNotice */
};

/* A notice sent to the applicant about a decision on the appeal. */
typedef struct
{
  char     *kind;             /* "extension", "termination", "leave-without-consideration" */
  char     *language;         /* "kk" or "ru" */
  char     *outgoing_number;
  GDate     outgoing_date;
  gboolean  late;             /* after the notice's due date */
  char     *created_by;
} AppealsNotice;

const AppealsRecordType *appeals_notice_get_record_type (void);
void           appeals_notice_free           (AppealsNotice  *notice);
JsonNode      *appeals_notice_to_json        (const AppealsNotice *notice);
AppealsNotice *appeals_notice_new_from_json  (JsonNode       *node,
                                              GError        **error);

const AppealsRecordType *appeals_appeal_get_record_type (void);

AppealsAppeal *appeals_appeal_new            (void);
void           appeals_appeal_reset          (AppealsAppeal  *self);
AppealsAppeal *appeals_appeal_new_from_json  (JsonNode       *node,
                                              GError        **error);
AppealsAppeal *appeals_appeal_copy           (AppealsAppeal  *self);
JsonNode      *appeals_appeal_to_json        (AppealsAppeal  *self);
void           appeals_appeal_append_json    (AppealsAppeal  *self,
                                              GString        *out);
void           appeals_appeal_append_row_json (AppealsAppeal *self,
                                               GString       *out);
gboolean       appeals_appeal_validate       (AppealsAppeal  *self,
                                              GPtrArray      *errors);
gboolean       appeals_appeal_is_open        (AppealsAppeal  *self);
gboolean       appeals_appeal_answer_is_late (AppealsAppeal  *self,
                                              const GDate    *received);
gboolean       appeals_appeal_may            (AppealsAppeal  *self,
                                              const char     *action);
void           appeals_appeal_evaluate_due   (AppealsAppeal  *self,
                                              AppealsDeadlineRules *rules,
                                              AppealsCalendar *calendar,
                                              const GDate    *today);

const char    *appeals_enum_get_label        (GType           enum_type,
                                              int             value);

G_END_DECLS
