/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-actions.c: the appeal's lifecycle.
 *
 *   POST /appeals/{id}/actions/{action}   forward, control, uncontrol,
 *                                         extend, answer, terminate,
 *                                         leave-without-consideration,
 *                                         close, reopen
 *   POST /appeals/{id}/notices            a notice sent to the applicant
 *
 * An action is checked in this order: the role may ever take it (403),
 * the appeal is in scope (404), If-Match (428/412), the appeal's state
 * allows it now (409 invalid_transition naming what is allowed), its
 * members (422). Each stores its audit entry under its own name and
 * answers the new representation with a fresh ETag. A forwarding in part
 * records the part sent (body, outgoing number and date, scope) and
 * keeps the rest of the appeal in work; in full, the appeal is forwarded.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-appeal-records.h"
#include "appeals-lifecycle-records.h"

/* An action's body: what it gives and the errors found in it. */
typedef struct
{
  AppealsRequest *request;
  JsonObject     *body;
  GPtrArray      *errors;
  GDate           today;
} ActionInput;

static const char *
input_string (ActionInput *input,
              const char  *member,
              guint        max_length)
{
  JsonNode *node = json_object_get_member (input->body, member);
  const char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      appeals_field_errors_add (input->errors, member, APPEALS_FIELD_REQUIRED, NULL);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      appeals_field_errors_add (input->errors, member, APPEALS_FIELD_WRONG_TYPE, "string");
      return NULL;
    }

  text = json_node_get_string (node);
  if (*text == '\0' || g_utf8_strlen (text, -1) > max_length)
    {
      g_autofree char *limit = g_strdup_printf ("%u", max_length);

      appeals_field_errors_add (input->errors, member,
                                *text == '\0' ? APPEALS_FIELD_REQUIRED : APPEALS_FIELD_TOO_LONG,
                                *text == '\0' ? NULL : limit);
      return NULL;
    }
  return text;
}

/* A date no later than today (and, when given, no earlier than @earliest). */
static gboolean
input_date (ActionInput *input,
            const char  *member,
            const GDate *earliest,
            gboolean     not_after_today,
            GDate       *date)
{
  JsonNode *node = json_object_get_member (input->body, member);
  const char *text = node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
                     json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    appeals_field_errors_add (input->errors, member, APPEALS_FIELD_REQUIRED, NULL);
  else if (text == NULL || !appeals_date_parse_iso (text, date))
    appeals_field_errors_add (input->errors, member, APPEALS_FIELD_INVALID_DATE, NULL);
  else if ((earliest != NULL && g_date_compare (date, earliest) < 0) ||
           (not_after_today && g_date_compare (date, &input->today) > 0))
    appeals_field_errors_add (input->errors, member, APPEALS_FIELD_OUT_OF_RANGE, NULL);
  else
    return TRUE;
  return FALSE;
}

static const char *
input_code (ActionInput *input,
            const char  *member,
            const char  *classifier)
{
  const char *code = input_string (input, member, 64);

  if (code == NULL)
    return NULL;
  appeals_api_check_code (input->request, input->errors, member, classifier, code);
  return appeals_field_errors_find (input->errors, member) == NULL ? code : NULL;
}

/* Members an action does not know are errors, as on the card. */
static void
check_members (ActionInput        *input,
               const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (input->body);

  for (const GList *l = members; l != NULL; l = l->next)
    if (known == NULL || !g_strv_contains (known, l->data))
      appeals_field_errors_add (input->errors, l->data, APPEALS_FIELD_UNKNOWN, NULL);
}

static void
set_string (char       **slot,
            const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static void
owe_notice (ActionInput   *input,
            AppealsAppeal *edited,
            AppealsAction  action)
{
  set_string (&edited->notice_kind, appeals_lifecycle_notice_kind (action));
  appeals_deadline_rules_compute_notify_by (appeals_server_get_deadlines (input->request->server),
                                            appeals_server_get_calendar (input->request->server),
                                            &input->today, &edited->notice_due_date);
}

static void
apply_forward (ActionInput   *input,
               AppealsAppeal *edited)
{
  static const char * const known[] = { "body", "scope", "outgoing_number", "outgoing_date", NULL };
  const char *body = input_code (input, "body", APPEALS_CLASSIFIER_ADDRESSEE_BODIES);
  const char *number = input_string (input, "outgoing_number", 64);
  const char *scope = json_object_get_string_member_with_default (input->body, "scope", "full");
  GDate date;

  check_members (input, known);
  if (g_strcmp0 (scope, "full") != 0 && g_strcmp0 (scope, "partial") != 0)
    appeals_field_errors_add (input->errors, "scope", APPEALS_FIELD_INVALID_VALUE, "full,partial");
  if (!input_date (input, "outgoing_date", &edited->registration_date, TRUE, &date) || input->errors->len > 0)
    return;

  set_string (&edited->forwarded_to, body);
  set_string (&edited->forwarding_scope, scope);
  set_string (&edited->forwarding_number, number);
  edited->forwarding_date = date;
  appeals_deadline_rules_compute_forwarding_due (appeals_server_get_deadlines (input->request->server),
                                                 appeals_server_get_calendar (input->request->server),
                                                 &edited->registration_date, &edited->forwarding_due_date);
  edited->forwarded_late = g_date_compare (&date, &edited->forwarding_due_date) > 0;
}

static void
apply_extend (ActionInput   *input,
              AppealsAppeal *edited)
{
  static const char * const known[] = { "due_date", "reason", NULL };
  const char *reason = input_string (input, "reason", 2000);
  GDate original = g_date_valid (&edited->original_due_date) ? edited->original_due_date : edited->due_date;
  g_autoptr(GError) error = NULL;
  GDate due;

  check_members (input, known);
  if (!input_date (input, "due_date", NULL, FALSE, &due))
    return;

  /* later than the term in force, within the maximum from the first term */
  if (g_date_compare (&due, &edited->due_date) <= 0 ||
      !appeals_deadline_rules_check_extension (appeals_server_get_deadlines (input->request->server),
                                               &original, &due, &error))
    {
      GDate limit;
      g_autofree char *limit_text = NULL;

      appeals_deadline_rules_get_extension_limit (appeals_server_get_deadlines (input->request->server),
                                                  &original, &limit);
      limit_text = appeals_date_format_iso (&limit);
      appeals_field_errors_add (input->errors, "due_date", APPEALS_FIELD_OUT_OF_RANGE, limit_text);
      return;
    }
  if (input->errors->len > 0)
    return;

  edited->original_due_date = original;
  edited->due_date = due;
  edited->extended_on = input->today;
  set_string (&edited->extension_reason, reason);
  owe_notice (input, edited, APPEALS_ACTION_EXTEND);
}

/* The answer document is a file of this very appeal (whose scope the
 * caller was checked against): another appeal's file is not found. */
static gboolean
check_answer_document (ActionInput  *input,
                       gint64        appeal_id,
                       gint64        attachment_id,
                       GError      **error)
{
  g_autoptr(AppealsDbResult) file = appeals_db_query (input->request->db,
                                                      "SELECT id FROM appeal_attachments WHERE id = ? AND appeal_id = ?",
                                                      g_variant_new ("(xx)", attachment_id, appeal_id), error);

  if (file == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (file) == 0)
    appeals_field_errors_add (input->errors, "attachment_id", APPEALS_FIELD_NOT_FOUND, NULL);
  return TRUE;
}

/* FALSE only for a storage error. */
static gboolean
apply_answer (ActionInput    *input,
              AppealsAppeal  *edited,
              GError        **error)
{
  static const char * const known[] = { "text", "received_on", "character", "attachment_id", NULL };
  const char *text = input_string (input, "text", 20000);
  const char *character = input_code (input, "character", APPEALS_CLASSIFIER_ANSWER_CHARACTERS);
  JsonNode *attachment = json_object_get_member (input->body, "attachment_id");
  gint64 attachment_id = 0;
  GDate received;

  check_members (input, known);
  if (attachment != NULL && !JSON_NODE_HOLDS_NULL (attachment))
    {
      if (!JSON_NODE_HOLDS_VALUE (attachment) || json_node_get_value_type (attachment) != G_TYPE_INT64 ||
          (attachment_id = json_node_get_int (attachment)) <= 0)
        appeals_field_errors_add (input->errors, "attachment_id", APPEALS_FIELD_INVALID_VALUE, NULL);
      else if (!check_answer_document (input, edited->id, attachment_id, error))
        return FALSE;
    }
  if (!input_date (input, "received_on", &edited->registration_date, TRUE, &received) || input->errors->len > 0)
    return TRUE;

  set_string (&edited->answer, text);
  set_string (&edited->answer_character, character);
  edited->answered_on = received;
  edited->answer_attachment_id = attachment_id;
  edited->answer_late = appeals_appeal_answer_is_late (edited, &received);
  return TRUE;
}

/* Terminate and leave without consideration: each has its own grounds. */
static void
apply_decision (ActionInput   *input,
                AppealsAppeal *edited,
                AppealsAction  action)
{
  static const char * const known[] = { "ground", "reason", NULL };
  const char *ground = input_code (input, "ground", APPEALS_CLASSIFIER_TERMINATION_GROUNDS);
  const char *reason = input_string (input, "reason", 2000);

  check_members (input, known);
  if (ground != NULL)
    {
      AppealsClassifier *grounds = appeals_server_get_classifier (input->request->server,
                                                                  APPEALS_CLASSIFIER_TERMINATION_GROUNDS);
      const AppealsClassifierItem *item = appeals_classifier_lookup (grounds, ground);

      if (g_strcmp0 (item->kind, appeals_action_to_string (action)) != 0)
        appeals_field_errors_add (input->errors, "ground", APPEALS_FIELD_INVALID_VALUE,
                                  appeals_action_to_string (action));
    }
  if (input->errors->len > 0)
    return;

  set_string (&edited->termination_ground, ground);
  set_string (&edited->termination_reason, reason);
  owe_notice (input, edited, action);
}

static void
apply_reopen (ActionInput   *input,
              AppealsAppeal *edited)
{
  static const char * const known[] = { "reason", NULL };
  const char *reason = input_string (input, "reason", 2000);

  check_members (input, known);
  if (input->errors->len == 0)
    set_string (&edited->reopen_reason, reason);
}

/* FALSE only for a storage error; what is wrong in the body goes to
 * input->errors. */
static gboolean
apply_action (ActionInput    *input,
              AppealsAction   action,
              AppealsAppeal  *edited,
              GError        **error)
{
  switch (action)
    {
    case APPEALS_ACTION_FORWARD:
      apply_forward (input, edited);
      break;
    case APPEALS_ACTION_CONTROL:
    case APPEALS_ACTION_UNCONTROL:
      check_members (input, NULL);
      edited->control = action == APPEALS_ACTION_CONTROL;
      break;
    case APPEALS_ACTION_EXTEND:
      apply_extend (input, edited);
      break;
    case APPEALS_ACTION_ANSWER:
      return apply_answer (input, edited, error);
    case APPEALS_ACTION_TERMINATE:
    case APPEALS_ACTION_LEAVE_WITHOUT_CONSIDERATION:
      apply_decision (input, edited, action);
      break;
    case APPEALS_ACTION_CLOSE:
      check_members (input, NULL);
      break;
    case APPEALS_ACTION_REOPEN:
      apply_reopen (input, edited);
      break;
    case APPEALS_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* "Allowed now: Record the answer, Extend the term." in the answer's language. */
static char *
describe_allowed (gpointer data)
{
  const char * const *allowed = data;
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; allowed[i] != NULL; i++)
    {
      AppealsAction action;

      if (!appeals_action_from_string (allowed[i], &action))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, appeals_action_get_label (action));
    }
  if (names->len == 0)
    return g_strdup (_("No action is possible on this appeal now."));
  return g_strdup_printf (_("Possible now: %s."), names->str);
}

static void
respond_invalid_transition (AppealsRequest              *request,
                            const AppealsLifecycleState *state)
{
  g_auto(GStrv) allowed = appeals_lifecycle_list_allowed (state, request->user->role);
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autofree char *joined = g_strjoinv (",", allowed);

  appeals_field_errors_add (errors, "action", APPEALS_FIELD_INVALID_VALUE, joined);
  appeals_request_respond_problem_detail (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_INVALID_TRANSITION,
                                          errors, describe_allowed, allowed);
}

static gboolean
handle_action (AppealsRequest  *request,
               GError         **error)
{
  g_autoptr(AppealsAppeal) current = NULL;
  g_autoptr(AppealsAppeal) edited = NULL;
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  AppealsLifecycleState state;
  AppealsAction action;
  ActionInput input = { request, NULL, errors, };
  int new_status;

  if (!appeals_action_from_string (appeals_request_get_param (request, "action"), &action))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_NOT_FOUND, APPEALS_PROBLEM_NOT_FOUND, NULL, NULL);
      return TRUE;
    }
  if (!appeals_lifecycle_role_may (request->user->role, action))
    {
      appeals_request_respond_problem (request, SOUP_STATUS_FORBIDDEN, APPEALS_PROBLEM_FORBIDDEN, NULL, NULL);
      return TRUE;
    }

  if (!appeals_api_appeals_load_for_change (request, &current, error))
    return FALSE;
  if (current == NULL)
    return TRUE;

  if (!appeals_api_lifecycle_get_state (request, current, &state, error))
    return FALSE;
  if (appeals_lifecycle_check (&state, request->user->role, action, &new_status) != APPEALS_TRANSITION_ALLOWED)
    {
      respond_invalid_transition (request, &state);
      return TRUE;
    }

  if ((input.body = appeals_api_optional_object (request)) == NULL)
    return TRUE;
  appeals_server_get_today (&input.today);

  edited = appeals_appeal_copy (current);
  if (!apply_action (&input, action, edited, error))
    return FALSE;
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }
  /* a part forwarded elsewhere leaves the rest in work here */
  if (action == APPEALS_ACTION_FORWARD)
    new_status = appeals_lifecycle_forward_status (g_strcmp0 (edited->forwarding_scope, "partial") == 0);
  edited->status = new_status;

  if (!appeals_api_appeals_update (request->server, request->db, current, edited, request->user,
                                   appeals_action_to_string (action), error))
    return FALSE;

  return appeals_api_lifecycle_respond (request, SOUP_STATUS_OK, edited, error);
}

/* POST /appeals/{id}/notices: the notice the last decision owes, as sent. */
static gboolean
handle_notice (AppealsRequest  *request,
               GError         **error)
{
  static const char * const known[] = { "kind", "outgoing_number", "outgoing_date", "language", NULL };
  g_autoptr(AppealsAppeal) appeal = NULL;
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  ActionInput input = { request, NULL, errors, };
  AppealsNotice notice = { NULL, };
  const char *kind, *number, *language;
  gboolean stored;

  if (!appeals_api_appeals_load_or_404 (request, &appeal, error))
    return FALSE;
  if (appeal == NULL || (input.body = appeals_api_require_object (request)) == NULL)
    return TRUE;
  appeals_server_get_today (&input.today);

  check_members (&input, known);
  kind = input_string (&input, "kind", 64);
  number = input_string (&input, "outgoing_number", 64);
  if (kind != NULL && g_strcmp0 (kind, appeal->notice_kind) != 0)
    appeals_field_errors_add (errors, "kind", APPEALS_FIELD_INVALID_VALUE, appeal->notice_kind);
  language = json_object_get_string_member_with_default (input.body, "language",
                                                         appeal->language == APPEALS_LANGUAGE_KK ? "kk" : "ru");
  if (g_strcmp0 (language, "kk") != 0 && g_strcmp0 (language, "ru") != 0)
    appeals_field_errors_add (errors, "language", APPEALS_FIELD_INVALID_VALUE, "kk,ru");
  g_date_clear (&notice.outgoing_date, 1);
  input_date (&input, "outgoing_date", &appeal->registration_date, TRUE, &notice.outgoing_date);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  notice.kind = g_strdup (kind);
  notice.language = g_strdup (language);
  notice.outgoing_number = g_strdup (number);
  notice.late = g_date_valid (&appeal->notice_due_date) &&
                g_date_compare (&notice.outgoing_date, &appeal->notice_due_date) > 0;
  stored = appeals_api_lifecycle_add_notice (request, appeal, &notice, error);
  appeals_record_clear (appeals_notice_get_record_type (), &notice);
  if (!stored)
    return FALSE;

  return appeals_api_lifecycle_respond (request, SOUP_STATUS_CREATED, appeal, error);
}

void
appeals_api_actions_register (AppealsServer *server)
{
  /* every role reaches the handler: a role that may never take an action
   * hears 403 from the transition table, not from the route */
  appeals_server_add_route (server, "POST", "/api/v1/appeals/{id}/actions/{action}", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_action);
  appeals_server_add_route (server, "POST", "/api/v1/appeals/{id}/notices",
                            APPEALS_ALLOW_REGISTRAR | APPEALS_ALLOW_CONTROLLER | APPEALS_ALLOW_HEAD,
                            APPEALS_ROUTE_DEFAULT, handle_notice);
}
