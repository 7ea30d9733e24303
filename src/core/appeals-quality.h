/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-quality.h: answer quality per body from the expertise results —
 * the share accepted the first time, the average score, reworks and
 * overdue answers, ranked only above a minimum number of answers.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *body;       /* addressee body code */
  gint64      appeal_id;
  guint       round;      /* 1 for the first answer, 2… for reworked ones */
  gboolean    accepted;
  double      score;
  gboolean    overdue;    /* the answer came after its term */
} AppealsExpertiseResult;

typedef struct
{
  char    *body;
  guint    answers;          /* appeals whose answers were checked */
  double   accepted_first;   /* share, 0–1, of appeals accepted in round 1 */
  double   average_score;    /* over every checked answer */
  guint    reworks;          /* answers returned for rework */
  guint    overdue;          /* answers after their term */
  gboolean ranked;           /* enough answers to be ranked */
  guint    rank;             /* 1 = best; 0 when not ranked */
} AppealsBodyQuality;

#define APPEALS_TYPE_BODY_QUALITY (appeals_body_quality_get_type ())

GType               appeals_body_quality_get_type      (void) G_GNUC_CONST;
AppealsBodyQuality *appeals_body_quality_copy          (const AppealsBodyQuality *quality);
void                appeals_body_quality_free          (AppealsBodyQuality       *quality);
AppealsBodyQuality *appeals_body_quality_new_from_json (JsonNode                 *node,
                                                        GError                  **error);
JsonNode           *appeals_body_quality_to_json       (const AppealsBodyQuality *quality);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsBodyQuality, appeals_body_quality_free)

GPtrArray *appeals_quality_rank       (const AppealsExpertiseResult *results,
                                       gsize                         n_results,
                                       guint                         min_answers);
void       appeals_quality_rank_bodies (GPtrArray                   *ranking,
                                        guint                        min_answers);

G_END_DECLS
