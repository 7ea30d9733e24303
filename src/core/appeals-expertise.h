/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-expertise.h: one round of the answer-quality expertise of an
 * appeal — the analyst's checklist answers, the cross-checks made, the
 * score and the verdict, and (on appeals under control) the head's
 * approval.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-checklist.h"
#include "appeals-record.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_VERDICT_UNSET,
  APPEALS_VERDICT_ACCEPTED,
  APPEALS_VERDICT_RETURNED,
} AppealsVerdict;

typedef enum
{
  APPEALS_EXPERTISE_STATE_UNSET,
  APPEALS_EXPERTISE_STATE_AWAITING_APPROVAL,   /* a head approves it first */
  APPEALS_EXPERTISE_STATE_FINAL,
} AppealsExpertiseState;

/* The answer to one criterion of the checklist. */
typedef struct
{
  char                   *code;
  AppealsCriterionAnswer  answer;
  char                   *comment;   /* nullable */
} AppealsCriterionResult;

/* A cross-check made with another body or source (a call, a visit). */
typedef struct
{
  char  *code;
  GDate  date;
  char  *result;    /* nullable */
} AppealsCrossCheck;

#define APPEALS_TYPE_EXPERTISE (appeals_expertise_get_type ())

G_DECLARE_FINAL_TYPE (AppealsExpertise, appeals_expertise, APPEALS, EXPERTISE, GObject)

struct _AppealsExpertise
{
  GObject     parent_instance;

  gint64      id;
  gint64      appeal_id;
  gint64      round;           /* 1 for the first answer, 2… for reworked ones */
  gint64      previous_id;     /* the round before, 0 for the first */
  char       *body;            /* the addressee body whose answer was judged */
  char       *answer;          /* the answer as it was judged */
  int         verdict;         /* AppealsVerdict */
  char       *reasons;         /* for a return */
  GDate       rework_due;      /* the new term of a return */
  gboolean    overdue;         /* the answer came after its term */
  int         state;           /* AppealsExpertiseState */
  char       *analyst;
  char       *approved_by;
  GDateTime  *approved_at;
  GDateTime  *created_at;
  char       *registration_number;   /* the appeal's, in lists of rounds */
  char       *annotation;            /* the appeal's, in lists of rounds */

  double      score;           /* 0–100, by the template's weights */
  GPtrArray  *criteria;        /* AppealsCriterionResult */
  GPtrArray  *cross_checks;    /* AppealsCrossCheck */
};

const AppealsRecordType *appeals_expertise_get_record_type (void);

AppealsExpertise *appeals_expertise_new                (void);
AppealsExpertise *appeals_expertise_new_from_json      (JsonNode               *node,
                                                        GError                **error);
JsonNode         *appeals_expertise_to_json            (AppealsExpertise       *self);
JsonNode         *appeals_expertise_verdict_to_json    (AppealsExpertise       *self);
void              appeals_expertise_add_criterion      (AppealsExpertise       *self,
                                                        const char             *code,
                                                        AppealsCriterionAnswer  answer,
                                                        const char             *comment);
void              appeals_expertise_add_cross_check    (AppealsExpertise       *self,
                                                        const char             *code,
                                                        const GDate            *date,
                                                        const char             *result);

G_END_DECLS
