/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-lifecycle.h: the appeal's legal lifecycle — which action each
 * role may take in which state, and the state it leads to. The server
 * enforces it; the client only shows what the server allows.
 */
#pragma once

#include <glib.h>

#include "appeals-appeal.h"
#include "appeals-user.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_ACTION_FORWARD,
  APPEALS_ACTION_CONTROL,
  APPEALS_ACTION_UNCONTROL,
  APPEALS_ACTION_EXTEND,
  APPEALS_ACTION_ANSWER,
  APPEALS_ACTION_TERMINATE,
  APPEALS_ACTION_LEAVE_WITHOUT_CONSIDERATION,
  APPEALS_ACTION_CLOSE,
  APPEALS_ACTION_REOPEN,
  APPEALS_N_ACTIONS,
} AppealsAction;

/* What, besides the status, an action's guard looks at. */
typedef struct
{
  int       status;               /* AppealsStatus */
  gboolean  control;
  gboolean  has_answer;
  gboolean  expertise_approved;   /* the last expertise accepted this answer and a head approved it */
} AppealsLifecycleState;

typedef enum
{
  APPEALS_TRANSITION_ALLOWED,
  APPEALS_TRANSITION_FORBIDDEN_ROLE,   /* the role may never do it: 403 */
  APPEALS_TRANSITION_NOT_NOW,          /* not in this state: 409 */
} AppealsTransitionVerdict;

const char              *appeals_action_to_string        (AppealsAction action);
gboolean                 appeals_action_from_string      (const char   *name,
                                                          AppealsAction *action);
const char              *appeals_action_get_label        (AppealsAction action);

gboolean                 appeals_lifecycle_role_may      (AppealsRole   role,
                                                          AppealsAction action);
AppealsTransitionVerdict appeals_lifecycle_check         (const AppealsLifecycleState *state,
                                                          AppealsRole   role,
                                                          AppealsAction action,
                                                          int          *new_status);
GStrv                    appeals_lifecycle_list_allowed  (const AppealsLifecycleState *state,
                                                          AppealsRole   role);
const char              *appeals_lifecycle_notice_kind   (AppealsAction action);
int                      appeals_lifecycle_forward_status (gboolean    partial);
const char * const      *appeals_lifecycle_managed_fields (void);
gboolean                 appeals_lifecycle_is_decided    (int           status);

G_END_DECLS
