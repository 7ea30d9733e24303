/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-lifecycle.c: the appeal's transition table — each row a role
 * taking an action in a state, with the verdict and the state it leads to.
 */
#include "config.h"

#include "appeals-core.h"

#define ALLOWED APPEALS_TRANSITION_ALLOWED
#define NEVER APPEALS_TRANSITION_FORBIDDEN_ROLE
#define NOT_NOW APPEALS_TRANSITION_NOT_NOW

static const struct {
  AppealsStatus            status;
  gboolean                 control;
  gboolean                 has_answer;
  gboolean                 approved;
  AppealsRole              role;
  const char              *action;
  AppealsTransitionVerdict verdict;
  AppealsStatus            to;
} rows[] = {
  /* forwarding: within the first days, by anyone who registers */
  { APPEALS_STATUS_REGISTERED, FALSE, FALSE, FALSE, APPEALS_ROLE_REGISTRAR, "forward", ALLOWED, APPEALS_STATUS_FORWARDED },
  { APPEALS_STATUS_IN_PROGRESS, FALSE, FALSE, FALSE, APPEALS_ROLE_HEAD, "forward", ALLOWED, APPEALS_STATUS_FORWARDED },
  { APPEALS_STATUS_FORWARDED, FALSE, FALSE, FALSE, APPEALS_ROLE_REGISTRAR, "forward", NOT_NOW, 0 },
  { APPEALS_STATUS_REGISTERED, FALSE, FALSE, FALSE, APPEALS_ROLE_ANALYST, "forward", NEVER, 0 },
  /* control: the controller and the head only, and only one way at a time */
  { APPEALS_STATUS_REGISTERED, FALSE, FALSE, FALSE, APPEALS_ROLE_CONTROLLER, "control", ALLOWED, APPEALS_STATUS_REGISTERED },
  { APPEALS_STATUS_REGISTERED, TRUE, FALSE, FALSE, APPEALS_ROLE_CONTROLLER, "control", NOT_NOW, 0 },
  { APPEALS_STATUS_REGISTERED, FALSE, FALSE, FALSE, APPEALS_ROLE_REGISTRAR, "control", NEVER, 0 },
  { APPEALS_STATUS_ANSWERED, TRUE, TRUE, FALSE, APPEALS_ROLE_HEAD, "uncontrol", ALLOWED, APPEALS_STATUS_ANSWERED },
  { APPEALS_STATUS_CLOSED, TRUE, TRUE, TRUE, APPEALS_ROLE_HEAD, "uncontrol", NOT_NOW, 0 },
  /* extension: controller or head, while the term runs */
  { APPEALS_STATUS_FORWARDED, FALSE, FALSE, FALSE, APPEALS_ROLE_CONTROLLER, "extend", ALLOWED, APPEALS_STATUS_EXTENDED },
  { APPEALS_STATUS_EXTENDED, FALSE, FALSE, FALSE, APPEALS_ROLE_HEAD, "extend", ALLOWED, APPEALS_STATUS_EXTENDED },
  { APPEALS_STATUS_ANSWERED, FALSE, TRUE, FALSE, APPEALS_ROLE_HEAD, "extend", NOT_NOW, 0 },
  { APPEALS_STATUS_REGISTERED, FALSE, FALSE, FALSE, APPEALS_ROLE_REGISTRAR, "extend", NEVER, 0 },
  /* the answer: while the term runs, also after a return for rework */
  { APPEALS_STATUS_RETURNED, FALSE, TRUE, FALSE, APPEALS_ROLE_REGISTRAR, "answer", ALLOWED, APPEALS_STATUS_ANSWERED },
  { APPEALS_STATUS_CLOSED, FALSE, TRUE, FALSE, APPEALS_ROLE_REGISTRAR, "answer", NOT_NOW, 0 },
  { APPEALS_STATUS_REGISTERED, FALSE, FALSE, FALSE, APPEALS_ROLE_LEADERSHIP, "answer", NEVER, 0 },
  /* procedural outcomes */
  { APPEALS_STATUS_REGISTERED, FALSE, FALSE, FALSE, APPEALS_ROLE_HEAD, "terminate", ALLOWED, APPEALS_STATUS_TERMINATED },
  { APPEALS_STATUS_REGISTERED, FALSE, FALSE, FALSE, APPEALS_ROLE_REGISTRAR, "terminate", NEVER, 0 },
  { APPEALS_STATUS_REGISTERED, FALSE, FALSE, FALSE, APPEALS_ROLE_REGISTRAR, "leave-without-consideration", ALLOWED,
    APPEALS_STATUS_LEFT_WITHOUT_CONSIDERATION },
  { APPEALS_STATUS_TERMINATED, FALSE, FALSE, FALSE, APPEALS_ROLE_CONTROLLER, "leave-without-consideration", NOT_NOW, 0 },
  /* closing: with an answer; on control only after an approved accepted expertise */
  { APPEALS_STATUS_ANSWERED, FALSE, TRUE, FALSE, APPEALS_ROLE_REGISTRAR, "close", ALLOWED, APPEALS_STATUS_CLOSED },
  { APPEALS_STATUS_ANSWERED, TRUE, TRUE, FALSE, APPEALS_ROLE_REGISTRAR, "close", NOT_NOW, 0 },
  { APPEALS_STATUS_ANSWERED, TRUE, TRUE, FALSE, APPEALS_ROLE_HEAD, "close", NOT_NOW, 0 },
  { APPEALS_STATUS_ANSWERED, TRUE, TRUE, TRUE, APPEALS_ROLE_CONTROLLER, "close", ALLOWED, APPEALS_STATUS_CLOSED },
  { APPEALS_STATUS_ANSWERED, FALSE, FALSE, FALSE, APPEALS_ROLE_REGISTRAR, "close", NOT_NOW, 0 },
  { APPEALS_STATUS_REGISTERED, FALSE, FALSE, FALSE, APPEALS_ROLE_REGISTRAR, "close", NOT_NOW, 0 },
  { APPEALS_STATUS_ANSWERED, FALSE, TRUE, FALSE, APPEALS_ROLE_ADMIN, "close", NEVER, 0 },
  /* reopening: the head's, of a decided appeal */
  { APPEALS_STATUS_CLOSED, FALSE, TRUE, FALSE, APPEALS_ROLE_HEAD, "reopen", ALLOWED, APPEALS_STATUS_IN_PROGRESS },
  { APPEALS_STATUS_LEFT_WITHOUT_CONSIDERATION, FALSE, FALSE, FALSE, APPEALS_ROLE_HEAD, "reopen", ALLOWED,
    APPEALS_STATUS_IN_PROGRESS },
  { APPEALS_STATUS_CLOSED, FALSE, TRUE, FALSE, APPEALS_ROLE_REGISTRAR, "reopen", NEVER, 0 },
  { APPEALS_STATUS_CLOSED, FALSE, TRUE, FALSE, APPEALS_ROLE_CONTROLLER, "reopen", NEVER, 0 },
  { APPEALS_STATUS_IN_PROGRESS, FALSE, FALSE, FALSE, APPEALS_ROLE_HEAD, "reopen", NOT_NOW, 0 },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      AppealsLifecycleState state = { rows[i].status, rows[i].control, rows[i].has_answer, rows[i].approved };
      AppealsAction action;
      int to = 0;

      g_test_message ("%s by %s in %d", rows[i].action, appeals_role_to_string (rows[i].role), rows[i].status);
      g_assert_true (appeals_action_from_string (rows[i].action, &action));
      g_assert_cmpint (appeals_lifecycle_check (&state, rows[i].role, action, &to), ==, rows[i].verdict);
      if (rows[i].verdict == ALLOWED)
        g_assert_cmpint (to, ==, rows[i].to);
    }
}

/* The list the card shows is the table's allowed actions, in its order. */
static const struct {
  AppealsStatus  status;
  gboolean       control;
  AppealsRole    role;
  const char    *allowed;
} lists[] = {
  { APPEALS_STATUS_REGISTERED, FALSE, APPEALS_ROLE_REGISTRAR, "forward answer leave-without-consideration" },
  { APPEALS_STATUS_REGISTERED, FALSE, APPEALS_ROLE_CONTROLLER,
    "forward control extend answer terminate leave-without-consideration" },
  { APPEALS_STATUS_ANSWERED, FALSE, APPEALS_ROLE_REGISTRAR, "close" },
  { APPEALS_STATUS_ANSWERED, TRUE, APPEALS_ROLE_HEAD, "uncontrol" },
  { APPEALS_STATUS_CLOSED, FALSE, APPEALS_ROLE_HEAD, "reopen" },
  { APPEALS_STATUS_CLOSED, FALSE, APPEALS_ROLE_REGISTRAR, "" },
  { APPEALS_STATUS_REGISTERED, FALSE, APPEALS_ROLE_ANALYST, "" },
};

static void
test_allowed_lists (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      AppealsLifecycleState state = { lists[i].status, lists[i].control, TRUE, FALSE };
      g_auto(GStrv) allowed = appeals_lifecycle_list_allowed (&state, lists[i].role);
      g_autofree char *joined = g_strjoinv (" ", allowed);

      g_assert_cmpstr (joined, ==, lists[i].allowed);
    }
}

/* Names travel on the wire and in URLs; each has a label and only the
 * decisions owe the applicant a notice. */
static void
test_names (void)
{
  for (AppealsAction action = 0; action < APPEALS_N_ACTIONS; action++)
    {
      AppealsAction back;

      g_assert_true (appeals_action_from_string (appeals_action_to_string (action), &back));
      g_assert_cmpint (back, ==, action);
      g_assert_cmpstr (appeals_action_get_label (action), !=, "");
    }
  g_assert_false (appeals_action_from_string ("archive", &(AppealsAction) { 0 }));
  g_assert_cmpstr (appeals_lifecycle_notice_kind (APPEALS_ACTION_EXTEND), ==, "extension");
  g_assert_cmpstr (appeals_lifecycle_notice_kind (APPEALS_ACTION_TERMINATE), ==, "termination");
  g_assert_cmpstr (appeals_lifecycle_notice_kind (APPEALS_ACTION_LEAVE_WITHOUT_CONSIDERATION), ==,
                   "leave-without-consideration");
  g_assert_null (appeals_lifecycle_notice_kind (APPEALS_ACTION_ANSWER));
}

/* Forwarded in full, the appeal has left; in part, the rest stays in work. */
static void
test_forward_scope (void)
{
  g_assert_cmpint (appeals_lifecycle_forward_status (FALSE), ==, APPEALS_STATUS_FORWARDED);
  g_assert_cmpint (appeals_lifecycle_forward_status (TRUE), ==, APPEALS_STATUS_IN_PROGRESS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lifecycle/table", test_table);
  g_test_add_func ("/lifecycle/allowed-lists", test_allowed_lists);
  g_test_add_func ("/lifecycle/names", test_names);
  g_test_add_func ("/lifecycle/forward-scope", test_forward_scope);

  return g_test_run ();
}
