/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-request.h: a request for a personal reception, from
 * its registration to the decision (GET /reception-requests).
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A step counted from the request's registration. */
typedef struct
{
  char     *code;
  GDate     due;
  gboolean  overdue;
} AppealsRequestStep;

#define APPEALS_TYPE_RECEPTION_REQUEST (appeals_reception_request_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReceptionRequest, appeals_reception_request, APPEALS, RECEPTION_REQUEST, GObject)

struct _AppealsReceptionRequest
{
  GObject     parent_instance;

  gint64      id;
  GDate       registered_on;
  char       *channel;          /* "by_hand", "kazpost", "egov" */
  gint64      applicant_id;
  char       *applicant_name;
  gint64      appeal_id;        /* 0: without an appeal */
  char       *appeal_number;
  char       *question;
  char       *state;            /* "new", "in_analysis", "decided", "refused" */
  char       *refusal_reason;
  gint64      reception_id;     /* the booked reception once decided */
  char       *override_reason;
  GDate       earliest_date;    /* invalid once decided or refused */
  GArray     *steps;            /* AppealsRequestStep, in the workflow's order */
};

AppealsReceptionRequest *appeals_reception_request_new_from_json (JsonNode                *node,
                                                                  GError                 **error);
gboolean                 appeals_reception_request_is_open       (AppealsReceptionRequest *self);

G_END_DECLS
