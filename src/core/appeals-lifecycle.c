/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-lifecycle.c: the transition table of an appeal.
 *
 * One row per action: the roles that may ever take it, the states it may
 * start from, an extra guard on the control flag or the answer, and the
 * state it leads to (unset: the status stays). Forbidden by role answers
 * 403; allowed for the role but not in this state, 409.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-lifecycle.h"

#define ROLE(r) (1u << (r))
#define STATE(s) (1u << (s))

#define REGISTRAR ROLE (APPEALS_ROLE_REGISTRAR)
#define CONTROLLER ROLE (APPEALS_ROLE_CONTROLLER)
#define HEAD ROLE (APPEALS_ROLE_HEAD)

/* the states in which the appeal is still to be answered (a forwarded
 * one if it comes back: its own term has stopped, appeals_appeal_is_open()) */
#define RUNNING (STATE (APPEALS_STATUS_REGISTERED) | STATE (APPEALS_STATUS_IN_PROGRESS) | \
                 STATE (APPEALS_STATUS_FORWARDED) | STATE (APPEALS_STATUS_EXTENDED) | \
                 STATE (APPEALS_STATUS_RETURNED))
/* the states in which the appeal's case is decided */
#define DECIDED (STATE (APPEALS_STATUS_CLOSED) | STATE (APPEALS_STATUS_TERMINATED) | \
                 STATE (APPEALS_STATUS_LEFT_WITHOUT_CONSIDERATION))

typedef enum
{
  GUARD_NONE,
  GUARD_NOT_ON_CONTROL,
  GUARD_ON_CONTROL,
  GUARD_CLOSABLE,        /* an answer, and on control an approved accepted expertise */
} Guard;

typedef struct
{
  AppealsAction  action;
  const char    *name;
  const char    *label;
  guint          roles;
  guint          from;
  Guard          guard;
  AppealsStatus  to;      /* unset: the status stays */
  const char    *notice;  /* the notice the decision owes the applicant */
} Transition;

static const Transition transitions[] = {
  { APPEALS_ACTION_FORWARD, "forward", N_("Forward"),
    REGISTRAR | CONTROLLER | HEAD,
    STATE (APPEALS_STATUS_REGISTERED) | STATE (APPEALS_STATUS_IN_PROGRESS),
    GUARD_NONE, APPEALS_STATUS_FORWARDED, NULL },
  { APPEALS_ACTION_CONTROL, "control", N_("Put on control"),
    CONTROLLER | HEAD, RUNNING | STATE (APPEALS_STATUS_ANSWERED),
    GUARD_NOT_ON_CONTROL, APPEALS_STATUS_UNSET, NULL },
  { APPEALS_ACTION_UNCONTROL, "uncontrol", N_("Take off control"),
    CONTROLLER | HEAD, RUNNING | STATE (APPEALS_STATUS_ANSWERED),
    GUARD_ON_CONTROL, APPEALS_STATUS_UNSET, NULL },
  { APPEALS_ACTION_EXTEND, "extend", N_("Extend the term"),
    CONTROLLER | HEAD, RUNNING,
    GUARD_NONE, APPEALS_STATUS_EXTENDED, "extension" },
  { APPEALS_ACTION_ANSWER, "answer", N_("Record the answer"),
    REGISTRAR | CONTROLLER | HEAD, RUNNING,
    GUARD_NONE, APPEALS_STATUS_ANSWERED, NULL },
  { APPEALS_ACTION_TERMINATE, "terminate", N_("Terminate"),
    CONTROLLER | HEAD, RUNNING,
    GUARD_NONE, APPEALS_STATUS_TERMINATED, "termination" },
  { APPEALS_ACTION_LEAVE_WITHOUT_CONSIDERATION, "leave-without-consideration", N_("Leave without consideration"),
    REGISTRAR | CONTROLLER | HEAD, RUNNING,
    GUARD_NONE, APPEALS_STATUS_LEFT_WITHOUT_CONSIDERATION, "leave-without-consideration" },
  { APPEALS_ACTION_CLOSE, "close", N_("Close"),
    REGISTRAR | CONTROLLER | HEAD, STATE (APPEALS_STATUS_ANSWERED),
    GUARD_CLOSABLE, APPEALS_STATUS_CLOSED, NULL },
  { APPEALS_ACTION_REOPEN, "reopen", N_("Reopen"),
    HEAD, DECIDED,
    GUARD_NONE, APPEALS_STATUS_IN_PROGRESS, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (transitions) == APPEALS_N_ACTIONS);

static const Transition *
get_transition (AppealsAction action)
{
  g_return_val_if_fail (action < APPEALS_N_ACTIONS, &transitions[0]);
  g_assert (transitions[action].action == action);
  return &transitions[action];
}

const char *
appeals_action_to_string (AppealsAction action)
{
  return get_transition (action)->name;
}

gboolean
appeals_action_from_string (const char    *name,
                            AppealsAction *action)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (transitions); i++)
    if (g_str_equal (transitions[i].name, name))
      {
        *action = transitions[i].action;
        return TRUE;
      }
  return FALSE;
}

/**
 * appeals_action_get_label:
 *
 * Returns: the action's translated name, for buttons and messages.
 */
const char *
appeals_action_get_label (AppealsAction action)
{
  return g_dgettext (GETTEXT_PACKAGE, get_transition (action)->label);
}

gboolean
appeals_lifecycle_role_may (AppealsRole   role,
                            AppealsAction action)
{
  return role > APPEALS_ROLE_UNSET && role < 32 && (get_transition (action)->roles & ROLE (role)) != 0;
}

static gboolean
guard_holds (Guard                        guard,
             const AppealsLifecycleState *state)
{
  switch (guard)
    {
    case GUARD_NONE:
      return TRUE;
    case GUARD_NOT_ON_CONTROL:
      return !state->control;
    case GUARD_ON_CONTROL:
      return state->control;
    case GUARD_CLOSABLE:
      return state->has_answer && (!state->control || state->expertise_approved);
    default:
      g_assert_not_reached ();
    }
}

/**
 * appeals_lifecycle_check:
 * @new_status: (out) (optional): the status after the action
 *
 * Returns: whether @role may take @action on an appeal in @state, and
 *   if not, whether never (role) or not now (state).
 */
AppealsTransitionVerdict
appeals_lifecycle_check (const AppealsLifecycleState *state,
                         AppealsRole                  role,
                         AppealsAction                action,
                         int                         *new_status)
{
  const Transition *transition = get_transition (action);

  if (!appeals_lifecycle_role_may (role, action))
    return APPEALS_TRANSITION_FORBIDDEN_ROLE;
  if (state->status <= APPEALS_STATUS_UNSET || state->status >= 32 ||
      (transition->from & STATE (state->status)) == 0 ||
      !guard_holds (transition->guard, state))
    return APPEALS_TRANSITION_NOT_NOW;

  if (new_status != NULL)
    *new_status = transition->to != APPEALS_STATUS_UNSET ? (int) transition->to : state->status;
  return APPEALS_TRANSITION_ALLOWED;
}

/**
 * appeals_lifecycle_list_allowed:
 *
 * Returns: (transfer full): the names of the actions @role may take now,
 *   in the table's order
 */
GStrv
appeals_lifecycle_list_allowed (const AppealsLifecycleState *state,
                                AppealsRole                  role)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (appeals_lifecycle_check (state, role, transitions[i].action, NULL) == APPEALS_TRANSITION_ALLOWED)
      g_strv_builder_add (builder, transitions[i].name);
  return g_strv_builder_end (builder);
}

/**
 * appeals_lifecycle_notice_kind:
 *
 * Returns: (nullable): the kind of notice the applicant is owed after
 *   @action ("extension", "termination", "leave-without-consideration")
 */
const char *
appeals_lifecycle_notice_kind (AppealsAction action)
{
  return get_transition (action)->notice;
}

/**
 * appeals_lifecycle_forward_status:
 * @partial: only a part of the appeal goes to the competent body
 *
 * Returns: the status after a forwarding (an AppealsStatus): forwarded in
 *   full, the appeal has left; forwarded in part, the rest of it stays in
 *   work here.
 */
int
appeals_lifecycle_forward_status (gboolean partial)
{
  return partial ? APPEALS_STATUS_IN_PROGRESS : APPEALS_STATUS_FORWARDED;
}

/**
 * appeals_lifecycle_managed_fields:
 *
 * Returns: the appeal's members only actions change; an edit of the card
 *   that tries to is refused as read-only.
 */
const char * const *
appeals_lifecycle_managed_fields (void)
{
  static const char * const fields[] = {
    "status", "control", "answer", "answered_on", "due_date", "forwarded_to", "forwarding_scope",
    "forwarding_number", "forwarding_date", "forwarding_due_date", "forwarded_late", "original_due_date",
    "extended_on", "extension_reason", "answer_character", "answer_late", "answer_attachment_id",
    "termination_ground", "termination_reason", "reopen_reason", "notice_kind", "notice_due_date", NULL
  };
  return fields;
}

/**
 * appeals_lifecycle_is_decided:
 * @status: an #AppealsStatus
 *
 * Whether the appeal's case is decided: closed, terminated or left
 * without consideration. Its card then stays as it was decided (the
 * period's reports have counted it) until the head reopens it.
 *
 * Returns: %TRUE for a decided appeal
 */
gboolean
appeals_lifecycle_is_decided (int status)
{
  return status > APPEALS_STATUS_UNSET && status < 32 && (DECIDED & STATE (status)) != 0;
}
