/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-appeal.c: the appeal card, its JSON mapping, validation and the
 * translated names of its enumerations.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "appeals-appeal.h"
#include "appeals-applicant.h"
#include "appeals-core-enums.h"
#include "appeals-error.h"
#include "appeals-user.h"

G_DEFINE_FINAL_TYPE (AppealsAppeal, appeals_appeal, G_TYPE_OBJECT)

#define RO APPEALS_FIELD_FLAG_READ_ONLY
#define REQ APPEALS_FIELD_FLAG_REQUIRED
#define IMM APPEALS_FIELD_FLAG_IMMUTABLE
#define PD APPEALS_FIELD_FLAG_PERSONAL
#define NONE APPEALS_FIELD_FLAG_NONE
#define CARD APPEALS_FIELD_FLAG_CARD_ONLY
#define OFF(member) G_STRUCT_OFFSET (AppealsAppeal, member)
#define S APPEALS_FIELD_KIND_STRING
#define I APPEALS_FIELD_KIND_INT
#define B APPEALS_FIELD_KIND_BOOLEAN
#define D APPEALS_FIELD_KIND_DATE
#define T APPEALS_FIELD_KIND_DATETIME
#define E APPEALS_FIELD_KIND_ENUM

static const AppealsFieldSpec appeal_fields[] = {
  { "id",                  I, RO,        OFF (id), 0, NULL },
  { "version",             I, RO,        OFF (version), 0, NULL },
  { "registration_number", S, RO,        OFF (registration_number), 0, NULL },
  { "registration_date",   D, RO,        OFF (registration_date), 0, NULL },
  { "applicant_id",        I, REQ | IMM, OFF (applicant_id), 0, NULL },
  { "applicant_name",      S, RO,        OFF (applicant_name), 0, NULL },
  { "applicant_iin",       S, RO | PD,   OFF (applicant_iin), 0, NULL },
  { "channel",             E, REQ,       OFF (channel), 0, appeals_channel_get_type },
  { "form",                E, REQ,       OFF (form), 0, appeals_form_get_type },
  { "kind",                E, REQ,       OFF (kind), 0, appeals_kind_get_type },
  { "addressee_body",      S, REQ,       OFF (addressee_body), 64, NULL },
  { "question_character",  S, REQ,       OFF (question_character), 64, NULL },
  { "category",            E, REQ,       OFF (category), 0, appeals_category_get_type },
  { "complaint_subject",   E, NONE,      OFF (complaint_subject), 0, appeals_complaint_subject_get_type },
  { "language",            E, REQ,       OFF (language), 0, appeals_language_get_type },
  { "district",            S, REQ,       OFF (district), 64, NULL },
  { "repeat",              B, RO,        OFF (repeat), 0, NULL },
  { "control",             B, RO,        OFF (control), 0, NULL },
  { "annotation",          S, REQ,       OFF (annotation), 2000, NULL },
  { "text",                S, CARD,      OFF (text), 20000, NULL },
  { "executor",            S, NONE,      OFF (executor), 200, NULL },
  { "due_date",            D, RO,        OFF (due_date), 0, NULL },
  { "due_state",           E, RO,        OFF (due_state), 0, appeals_due_state_get_type },
  { "working_days_left",   I, RO,        OFF (working_days_left), 0, NULL },
  { "working_days_overdue", I, RO,       OFF (working_days_overdue), 0, NULL },
  { "status",              E, RO,        OFF (status), 0, appeals_status_get_type },
  { "answer",              S, RO | CARD, OFF (answer), 20000, NULL },
  { "answered_on",         D, RO,        OFF (answered_on), 0, NULL },
  { "registrar",           S, RO,        OFF (registrar), 0, NULL },
  { "created_at",          T, RO,        OFF (created_at), 0, NULL },
  { "updated_at",          T, RO,        OFF (updated_at), 0, NULL },
  { "updated_by_name",     S, RO | CARD, OFF (updated_by_name), 0, NULL },
  { "forwarded_to",        S, RO,        OFF (forwarded_to), 64, NULL },
  { "forwarding_scope",    S, RO,        OFF (forwarding_scope), 16, NULL },
  { "forwarding_number",   S, RO,        OFF (forwarding_number), 64, NULL },
  { "forwarding_date",     D, RO,        OFF (forwarding_date), 0, NULL },
  { "forwarding_due_date", D, RO,        OFF (forwarding_due_date), 0, NULL },
  { "forwarded_late",      B, RO,        OFF (forwarded_late), 0, NULL },
  { "original_due_date",   D, RO,        OFF (original_due_date), 0, NULL },
  { "extended_on",         D, RO,        OFF (extended_on), 0, NULL },
  { "extension_reason",    S, RO,        OFF (extension_reason), 2000, NULL },
  { "answer_character",    S, RO,        OFF (answer_character), 64, NULL },
  { "answer_late",         B, RO,        OFF (answer_late), 0, NULL },
  { "answer_attachment_id", I, RO,       OFF (answer_attachment_id), 0, NULL },
  { "termination_ground",  S, RO,        OFF (termination_ground), 64, NULL },
  { "termination_reason",  S, RO,        OFF (termination_reason), 2000, NULL },
  { "reopen_reason",       S, RO,        OFF (reopen_reason), 2000, NULL },
  { "notice_kind",         S, RO,        OFF (notice_kind), 64, NULL },
  { "notice_due_date",     D, RO,        OFF (notice_due_date), 0, NULL },
};

static const AppealsFieldSpec notice_fields[] = {
  { "kind",            S, RO, G_STRUCT_OFFSET (AppealsNotice, kind), 64, NULL },
  { "language",        S, RO, G_STRUCT_OFFSET (AppealsNotice, language), 2, NULL },
  { "outgoing_number", S, RO, G_STRUCT_OFFSET (AppealsNotice, outgoing_number), 64, NULL },
  { "outgoing_date",   D, RO, G_STRUCT_OFFSET (AppealsNotice, outgoing_date), 0, NULL },
  { "late",            B, RO, G_STRUCT_OFFSET (AppealsNotice, late), 0, NULL },
  { "created_by",      S, RO, G_STRUCT_OFFSET (AppealsNotice, created_by), 0, NULL },
};

#undef RO
#undef REQ
#undef IMM
#undef PD
#undef NONE
#undef CARD
#undef OFF
#undef S
#undef I
#undef B
#undef D
#undef T
#undef E

static const AppealsRecordType appeal_record_type = { appeal_fields, G_N_ELEMENTS (appeal_fields) };
static const AppealsRecordType notice_record_type = { notice_fields, G_N_ELEMENTS (notice_fields) };

const AppealsRecordType *
appeals_appeal_get_record_type (void)
{
  return &appeal_record_type;
}

/* Frees everything @self holds. */
static void
appeal_release (AppealsAppeal *self)
{
  appeals_record_clear (&appeal_record_type, self);
  g_clear_pointer (&self->allowed_actions, g_strfreev);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
}

static void
appeals_appeal_finalize (GObject *object)
{
  appeal_release (APPEALS_APPEAL (object));

  G_OBJECT_CLASS (appeals_appeal_parent_class)->finalize (object);
}

static void
appeals_appeal_class_init (AppealsAppealClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_appeal_finalize;
}

static void
appeals_appeal_init (AppealsAppeal *self)
{
  g_date_clear (&self->registration_date, 1);
  g_date_clear (&self->due_date, 1);
  g_date_clear (&self->answered_on, 1);
  g_date_clear (&self->forwarding_date, 1);
  g_date_clear (&self->forwarding_due_date, 1);
  g_date_clear (&self->original_due_date, 1);
  g_date_clear (&self->extended_on, 1);
  g_date_clear (&self->notice_due_date, 1);
}

const AppealsRecordType *
appeals_notice_get_record_type (void)
{
  return &notice_record_type;
}

void
appeals_notice_free (AppealsNotice *notice)
{
  if (notice == NULL)
    return;
  appeals_record_clear (&notice_record_type, notice);
  g_free (notice);
}

JsonNode *
appeals_notice_to_json (const AppealsNotice *notice)
{
  return appeals_record_to_json (&notice_record_type, notice);
}

AppealsNotice *
appeals_notice_new_from_json (JsonNode  *node,
                              GError   **error)
{
  AppealsNotice *notice = g_new0 (AppealsNotice, 1);

  g_date_clear (&notice->outgoing_date, 1);
  if (!appeals_record_read_trusted (&notice_record_type, notice, node, error))
    {
      appeals_notice_free (notice);
      return NULL;
    }
  return notice;
}

/* The members that are not stored fields: the caller's actions and the
 * notices sent. Both are optional: lists leave them out. */
static gboolean
read_extras (AppealsAppeal  *self,
             JsonNode       *node,
             GError        **error)
{
  JsonObject *object = json_node_get_object (node);
  JsonNode *member;

  if ((member = json_object_get_member (object, "allowed_actions")) != NULL &&
      JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *action = json_node_get_string (json_array_get_element (array, i));

          if (action != NULL)
            g_strv_builder_add (builder, action);
        }
      self->allowed_actions = g_strv_builder_end (builder);
    }

  if ((member = json_object_get_member (object, "notices")) != NULL &&
      JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);

      self->notices = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_notice_free);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          AppealsNotice *notice = appeals_notice_new_from_json (json_array_get_element (array, i), error);

          if (notice == NULL)
            return FALSE;
          g_ptr_array_add (self->notices, notice);
        }
    }
  return TRUE;
}

AppealsAppeal *
appeals_appeal_new (void)
{
  return g_object_new (APPEALS_TYPE_APPEAL, NULL);
}

/**
 * appeals_appeal_reset:
 *
 * Empties @self as appeals_appeal_new() makes it: for reading the rows of
 * a page into one appeal, one after the other.
 */
void
appeals_appeal_reset (AppealsAppeal *self)
{
  g_return_if_fail (APPEALS_IS_APPEAL (self));

  appeal_release (self);
  /* a new instance is zeros, and so is a cleared GDate */
  memset ((char *) self + sizeof (GObject), 0, sizeof (AppealsAppeal) - sizeof (GObject));
}

AppealsAppeal *
appeals_appeal_new_from_json (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(AppealsAppeal) self = appeals_appeal_new ();

  if (!appeals_record_read_trusted (&appeal_record_type, self, node, error) ||
      !read_extras (self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

AppealsAppeal *
appeals_appeal_copy (AppealsAppeal *self)
{
  AppealsAppeal *copy;

  g_return_val_if_fail (APPEALS_IS_APPEAL (self), NULL);

  copy = appeals_appeal_new ();
  appeals_record_copy_fields (&appeal_record_type, copy, self);
  return copy;
}

JsonNode *
appeals_appeal_to_json (AppealsAppeal *self)
{
  JsonNode *node;
  JsonObject *object;

  g_return_val_if_fail (APPEALS_IS_APPEAL (self), NULL);

  node = appeals_record_to_json (&appeal_record_type, self);
  object = json_node_get_object (node);
  if (self->allowed_actions != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; self->allowed_actions[i] != NULL; i++)
        json_array_add_string_element (array, self->allowed_actions[i]);
      json_object_set_array_member (object, "allowed_actions", array);
    }
  if (self->notices != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < self->notices->len; i++)
        json_array_add_element (array, appeals_notice_to_json (g_ptr_array_index (self->notices, i)));
      json_object_set_array_member (object, "notices", array);
    }
  return node;
}

/**
 * appeals_appeal_append_row_json:
 *
 * Appends @self as a row of the journal: every field but the appeal's
 * text and its answer (up to 20,000 characters each), which only the
 * card, read by itself and logged as a read of personal data, shows,
 * and who changed it last, which the card finds in its history.
 */
void
appeals_appeal_append_row_json (AppealsAppeal *self,
                                GString       *out)
{
  g_return_if_fail (APPEALS_IS_APPEAL (self));

  appeals_record_append_row_json (&appeal_record_type, self, out);
}

/**
 * appeals_appeal_append_json:
 *
 * Appends the text of appeals_appeal_to_json() to @out, written straight
 * from the fields, and then the card's actions and notices if it has them.
 */
void
appeals_appeal_append_json (AppealsAppeal *self,
                            GString       *out)
{
  g_return_if_fail (APPEALS_IS_APPEAL (self));

  appeals_record_append_json (&appeal_record_type, self, out);
  if (self->allowed_actions == NULL && self->notices == NULL)
    return;

  /* after the fields, before the record's closing brace */
  g_string_truncate (out, out->len - 1);
  if (self->allowed_actions != NULL)
    {
      g_string_append (out, ",\"allowed_actions\":[");
      for (guint i = 0; self->allowed_actions[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          appeals_json_append_string (out, self->allowed_actions[i]);
        }
      g_string_append_c (out, ']');
    }
  if (self->notices != NULL)
    {
      g_string_append (out, ",\"notices\":[");
      for (guint i = 0; i < self->notices->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          appeals_record_append_json (&notice_record_type, g_ptr_array_index (self->notices, i), out);
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');
}

/**
 * appeals_appeal_may:
 * @action: an action's name, as in allowed_actions
 *
 * Returns: whether the server said the caller may do @action now.
 */
gboolean
appeals_appeal_may (AppealsAppeal *self,
                    const char    *action)
{
  g_return_val_if_fail (APPEALS_IS_APPEAL (self), FALSE);

  return self->allowed_actions != NULL && g_strv_contains ((const char * const *) self->allowed_actions, action);
}

/**
 * appeals_appeal_validate:
 *
 * The rules between fields: a complaint names its subject and only a
 * complaint does; an answered appeal carries its answer.
 */
gboolean
appeals_appeal_validate (AppealsAppeal *self,
                         GPtrArray     *errors)
{
  guint n_errors = errors->len;

  g_return_val_if_fail (APPEALS_IS_APPEAL (self), FALSE);

  if (self->category == APPEALS_CATEGORY_COMPLAINT &&
      self->complaint_subject == APPEALS_COMPLAINT_SUBJECT_UNSET &&
      appeals_field_errors_find (errors, "complaint_subject") == NULL)
    appeals_field_errors_add (errors, "complaint_subject", APPEALS_FIELD_REQUIRED, NULL);

  if (self->category != APPEALS_CATEGORY_COMPLAINT &&
      self->complaint_subject != APPEALS_COMPLAINT_SUBJECT_UNSET &&
      appeals_field_errors_find (errors, "complaint_subject") == NULL)
    appeals_field_errors_add (errors, "complaint_subject", APPEALS_FIELD_INVALID_VALUE, "category=complaint");

  if ((self->status == APPEALS_STATUS_ANSWERED || self->status == APPEALS_STATUS_CLOSED) &&
      self->answer == NULL && appeals_field_errors_find (errors, "answer") == NULL)
    appeals_field_errors_add (errors, "answer", APPEALS_FIELD_REQUIRED, NULL);

  if (self->applicant_id <= 0 && appeals_field_errors_find (errors, "applicant_id") == NULL)
    appeals_field_errors_add (errors, "applicant_id", APPEALS_FIELD_REQUIRED, NULL);

  return errors->len == n_errors;
}

/**
 * appeals_appeal_is_open:
 *
 * An appeal forwarded in full has gone to the body competent for it:
 * its consideration here has ended, as the reports count it, and it is
 * nobody's work here (appeals-api-my-work.c), so its term stops too and
 * it is never overdue. It may still be answered, terminated or extended
 * if it comes back (appeals-lifecycle.c); an extension opens it again.
 *
 * Returns: whether the appeal still runs against its deadline.
 */
gboolean
appeals_appeal_is_open (AppealsAppeal *self)
{
  g_return_val_if_fail (APPEALS_IS_APPEAL (self), FALSE);

  return self->status != APPEALS_STATUS_ANSWERED && self->status != APPEALS_STATUS_CLOSED &&
         self->status != APPEALS_STATUS_TERMINATED && self->status != APPEALS_STATUS_LEFT_WITHOUT_CONSIDERATION &&
         self->status != APPEALS_STATUS_FORWARDED;
}

/**
 * appeals_appeal_answer_is_late:
 * @received: the day the answer came
 *
 * An answer is late when it came after the due date in force. An appeal
 * forwarded in full that comes back to be answered here had its term
 * stopped the day it was forwarded (appeals_appeal_is_open()): its answer
 * is late only if that term had already run out by then.
 *
 * Returns: whether an answer received on @received, in the appeal's
 * present state, came after its term.
 */
gboolean
appeals_appeal_answer_is_late (AppealsAppeal *self,
                               const GDate   *received)
{
  const GDate *stopped = received;

  g_return_val_if_fail (APPEALS_IS_APPEAL (self), FALSE);
  g_return_val_if_fail (received != NULL && g_date_valid (received), FALSE);

  if (!g_date_valid (&self->due_date))
    return FALSE;
  if (self->status == APPEALS_STATUS_FORWARDED && g_date_valid (&self->forwarding_date) &&
      g_date_compare (&self->forwarding_date, received) < 0)
    stopped = &self->forwarding_date;
  return g_date_compare (stopped, &self->due_date) > 0;
}

/**
 * appeals_appeal_evaluate_due:
 * @today: the server's today
 *
 * Sets the term's state and its working days from the deadline rules
 * and the calendar — on the server, so every desk shows the same figures.
 */
void
appeals_appeal_evaluate_due (AppealsAppeal        *self,
                             AppealsDeadlineRules *rules,
                             AppealsCalendar      *calendar,
                             const GDate          *today)
{
  static const AppealsDueState states[] = {
    [APPEALS_DEADLINE_ON_TIME] = APPEALS_DUE_STATE_ON_TIME,
    [APPEALS_DEADLINE_DUE_SOON] = APPEALS_DUE_STATE_DUE_SOON,
    [APPEALS_DEADLINE_DUE_TODAY] = APPEALS_DUE_STATE_DUE_TODAY,
    [APPEALS_DEADLINE_OVERDUE] = APPEALS_DUE_STATE_OVERDUE,
  };
  AppealsDeadlineState state;

  g_return_if_fail (APPEALS_IS_APPEAL (self));

  self->due_state = APPEALS_DUE_STATE_UNSET;
  self->working_days_left = 0;
  self->working_days_overdue = 0;
  if (rules == NULL || calendar == NULL || !g_date_valid (&self->due_date) || !appeals_appeal_is_open (self))
    return;

  appeals_deadline_rules_evaluate (rules, calendar, &self->due_date, today, &state);
  self->due_state = states[state.status];
  self->working_days_left = state.working_days_left;
  self->working_days_overdue = state.working_days_overdue;
}

typedef struct
{
  int         value;
  const char *label;
} EnumLabel;

static const EnumLabel channel_labels[] = {
  { APPEALS_CHANNEL_BY_HAND, N_("By hand") },
  { APPEALS_CHANNEL_KAZPOST, N_("Kazpost") },
  { APPEALS_CHANNEL_EGOV, N_("e-Gov / eOtinish") },
  { APPEALS_CHANNEL_VIRTUAL_RECEPTION, N_("Virtual reception of the President") },
  { 0, NULL }
};

static const EnumLabel form_labels[] = {
  { APPEALS_FORM_ELECTRONIC, N_("Electronic only") },
  { APPEALS_FORM_PAPER_AND_ELECTRONIC, N_("Paper and electronic") },
  { 0, NULL }
};

static const EnumLabel kind_labels[] = {
  { APPEALS_KIND_APPLICATION, N_("Application") },
  { APPEALS_KIND_INQUIRY, N_("Inquiry") },
  { APPEALS_KIND_PROPOSAL, N_("Proposal") },
  { APPEALS_KIND_RESPONSE, N_("Response") },
  { APPEALS_KIND_REPORT, N_("Report") },
  { APPEALS_KIND_COMPLAINT, N_("Complaint") },
  { 0, NULL }
};

static const EnumLabel category_labels[] = {
  { APPEALS_CATEGORY_STRATEGIC, N_("Strategic") },
  { APPEALS_CATEGORY_TYPICAL, N_("Typical") },
  { APPEALS_CATEGORY_COMPLAINT, N_("Complaint") },
  { 0, NULL }
};

static const EnumLabel complaint_subject_labels[] = {
  { APPEALS_COMPLAINT_SUBJECT_PROSECUTION_OFFICERS, N_("Prosecution officers") },
  { APPEALS_COMPLAINT_SUBJECT_JUDGES, N_("Judges") },
  { APPEALS_COMPLAINT_SUBJECT_LOCAL_EXECUTIVE_OFFICIALS, N_("Officials of local executive bodies") },
  { APPEALS_COMPLAINT_SUBJECT_CIVIL_SERVANTS, N_("Civil servants") },
  { APPEALS_COMPLAINT_SUBJECT_PENITENTIARY_STAFF, N_("Penitentiary system staff") },
  { 0, NULL }
};

static const EnumLabel language_labels[] = {
  { APPEALS_LANGUAGE_KK, N_("Kazakh") },
  { APPEALS_LANGUAGE_RU, N_("Russian") },
  { 0, NULL }
};

static const EnumLabel status_labels[] = {
  { APPEALS_STATUS_REGISTERED, N_("Registered") },
  { APPEALS_STATUS_IN_PROGRESS, N_("In progress") },
  { APPEALS_STATUS_FORWARDED, N_("Forwarded") },
  { APPEALS_STATUS_EXTENDED, N_("Extended") },
  { APPEALS_STATUS_ANSWERED, N_("Answered") },
  { APPEALS_STATUS_RETURNED, N_("Returned for rework") },
  { APPEALS_STATUS_CLOSED, N_("Closed") },
  { APPEALS_STATUS_TERMINATED, N_("Consideration terminated") },
  { APPEALS_STATUS_LEFT_WITHOUT_CONSIDERATION, N_("Left without consideration") },
  { 0, NULL }
};

static const EnumLabel sex_labels[] = {
  { APPEALS_SEX_MALE, N_("Male") },
  { APPEALS_SEX_FEMALE, N_("Female") },
  { 0, NULL }
};

/**
 * appeals_enum_get_label:
 *
 * Returns: the translated name of a value of one of the model's
 *   enumerations, or "" for an unset value.
 */
const char *
appeals_enum_get_label (GType enum_type,
                        int   value)
{
  const EnumLabel *labels = NULL;

  if (enum_type == APPEALS_TYPE_ROLE)
    return value != 0 ? appeals_role_get_label (value) : "";
  else if (enum_type == APPEALS_TYPE_CHANNEL)
    labels = channel_labels;
  else if (enum_type == APPEALS_TYPE_FORM)
    labels = form_labels;
  else if (enum_type == APPEALS_TYPE_KIND)
    labels = kind_labels;
  else if (enum_type == APPEALS_TYPE_CATEGORY)
    labels = category_labels;
  else if (enum_type == APPEALS_TYPE_COMPLAINT_SUBJECT)
    labels = complaint_subject_labels;
  else if (enum_type == APPEALS_TYPE_LANGUAGE)
    labels = language_labels;
  else if (enum_type == APPEALS_TYPE_STATUS)
    labels = status_labels;
  else if (enum_type == APPEALS_TYPE_SEX)
    labels = sex_labels;

  g_return_val_if_fail (labels != NULL, "");

  for (; labels->label != NULL; labels++)
    if (labels->value == value)
      return _(labels->label);
  return "";
}
