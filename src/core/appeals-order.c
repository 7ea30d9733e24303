/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-order.c: the register's order and its interim reports: their
 * field tables, the term counted in working days from the calendar, and
 * what makes an order overdue.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-core-enums.h"
#include "appeals-error.h"
#include "appeals-order.h"

#define RO APPEALS_FIELD_FLAG_READ_ONLY
#define REQ APPEALS_FIELD_FLAG_REQUIRED
#define IMM APPEALS_FIELD_FLAG_IMMUTABLE

/* Interim reports -------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (AppealsOrderReport, appeals_order_report, G_TYPE_OBJECT)

#define OFF(member) G_STRUCT_OFFSET (AppealsOrderReport, member)
static const AppealsFieldSpec report_fields[] = {
  { "id",          APPEALS_FIELD_KIND_INT,      RO,  OFF (id), 0, NULL },
  { "reported_on", APPEALS_FIELD_KIND_DATE,     REQ, OFF (reported_on), 0, NULL },
  { "text",        APPEALS_FIELD_KIND_STRING,   REQ, OFF (text), 4000, NULL },
  { "created_by",  APPEALS_FIELD_KIND_STRING,   RO,  OFF (created_by), 0, NULL },
  { "created_by_name", APPEALS_FIELD_KIND_STRING, RO, OFF (created_by_name), 0, NULL },
  { "created_at",  APPEALS_FIELD_KIND_DATETIME, RO,  OFF (created_at), 0, NULL },
};
#undef OFF

static const AppealsRecordType report_record_type = { report_fields, G_N_ELEMENTS (report_fields) };

const AppealsRecordType *
appeals_order_report_get_record_type (void)
{
  return &report_record_type;
}

static void
appeals_order_report_finalize (GObject *object)
{
  appeals_record_clear (&report_record_type, object);
  G_OBJECT_CLASS (appeals_order_report_parent_class)->finalize (object);
}

static void
appeals_order_report_class_init (AppealsOrderReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_order_report_finalize;
}

static void
appeals_order_report_init (AppealsOrderReport *self)
{
  g_date_clear (&self->reported_on, 1);
}

AppealsOrderReport *
appeals_order_report_new (void)
{
  return g_object_new (APPEALS_TYPE_ORDER_REPORT, NULL);
}

AppealsOrderReport *
appeals_order_report_new_from_json (JsonNode  *node,
                                    GError   **error)
{
  g_autoptr(AppealsOrderReport) self = appeals_order_report_new ();

  if (!appeals_record_read_trusted (&report_record_type, self, node, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Whether @text has more than white space. */
static gboolean
has_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * appeals_order_report_validate:
 *
 * A report tells something, and is not dated in the future.
 *
 * Returns: %TRUE when no error was added to @errors.
 */
gboolean
appeals_order_report_validate (AppealsOrderReport *self,
                               const GDate        *today,
                               GPtrArray          *errors)
{
  guint n_errors = errors->len;

  if (self->text != NULL && !has_text (self->text) && appeals_field_errors_find (errors, "text") == NULL)
    appeals_field_errors_add (errors, "text", APPEALS_FIELD_REQUIRED, NULL);
  if (g_date_valid (&self->reported_on) && g_date_compare (&self->reported_on, today) > 0)
    appeals_field_errors_add (errors, "reported_on", APPEALS_FIELD_OUT_OF_RANGE, NULL);
  return errors->len == n_errors;
}

/* Orders ----------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (AppealsOrder, appeals_order, G_TYPE_OBJECT)

#define OFF(member) G_STRUCT_OFFSET (AppealsOrder, member)
static const AppealsFieldSpec order_fields[] = {
  { "id",             APPEALS_FIELD_KIND_INT,      RO,        OFF (id), 0, NULL },
  { "version",        APPEALS_FIELD_KIND_INT,      RO,        OFF (version), 0, NULL },
  { "source",         APPEALS_FIELD_KIND_STRING,   REQ | IMM, OFF (source), 64, NULL },
  { "text",           APPEALS_FIELD_KIND_STRING,   REQ,       OFF (text), 4000, NULL },
  { "appeal_id",      APPEALS_FIELD_KIND_INT,      IMM,       OFF (appeal_id), 0, NULL },
  { "reception_id",   APPEALS_FIELD_KIND_INT,      IMM,       OFF (reception_id), 0, NULL },
  { "executor_body",  APPEALS_FIELD_KIND_STRING,   REQ,       OFF (executor_body), 64, NULL },
  { "given_on",       APPEALS_FIELD_KIND_DATE,     IMM,       OFF (given_on), 0, NULL },
  { "working_days",   APPEALS_FIELD_KIND_INT,      APPEALS_FIELD_FLAG_NONE, OFF (working_days), 0, NULL },
  { "due_date",       APPEALS_FIELD_KIND_DATE,     RO,        OFF (due_date), 0, NULL },
  { "status",         APPEALS_FIELD_KIND_ENUM,     APPEALS_FIELD_FLAG_NONE, OFF (status), 0,
    appeals_order_control_get_type },
  { "executed_at",    APPEALS_FIELD_KIND_DATETIME, RO,        OFF (executed_at), 0, NULL },
  { "check_date",     APPEALS_FIELD_KIND_DATE,     APPEALS_FIELD_FLAG_NONE, OFF (check_date), 0, NULL },
  { "check_findings", APPEALS_FIELD_KIND_STRING,   APPEALS_FIELD_FLAG_NONE, OFF (check_findings), 4000, NULL },
  { "conclusion",     APPEALS_FIELD_KIND_STRING,   APPEALS_FIELD_FLAG_NONE, OFF (conclusion), 4000, NULL },
  { "overdue",        APPEALS_FIELD_KIND_BOOLEAN,  RO,        OFF (overdue), 0, NULL },
  { "days_overdue",   APPEALS_FIELD_KIND_INT,      RO,        OFF (days_overdue), 0, NULL },
  { "created_by",     APPEALS_FIELD_KIND_STRING,   RO,        OFF (created_by), 0, NULL },
  { "created_at",     APPEALS_FIELD_KIND_DATETIME, RO,        OFF (created_at), 0, NULL },
  { "updated_at",     APPEALS_FIELD_KIND_DATETIME, RO,        OFF (updated_at), 0, NULL },
};
#undef OFF

#undef RO
#undef REQ
#undef IMM

static const AppealsRecordType order_record_type = { order_fields, G_N_ELEMENTS (order_fields) };

const AppealsRecordType *
appeals_order_get_record_type (void)
{
  return &order_record_type;
}

static void
appeals_order_finalize (GObject *object)
{
  AppealsOrder *self = APPEALS_ORDER (object);

  appeals_record_clear (&order_record_type, self);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  G_OBJECT_CLASS (appeals_order_parent_class)->finalize (object);
}

static void
appeals_order_class_init (AppealsOrderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_order_finalize;
}

static void
appeals_order_init (AppealsOrder *self)
{
  g_date_clear (&self->given_on, 1);
  g_date_clear (&self->due_date, 1);
  g_date_clear (&self->check_date, 1);
  self->reports = g_ptr_array_new_with_free_func (g_object_unref);
}

AppealsOrder *
appeals_order_new (void)
{
  return g_object_new (APPEALS_TYPE_ORDER, NULL);
}

/**
 * appeals_order_new_from_json:
 *
 * Reads the server's representation, with its "reports".
 */
AppealsOrder *
appeals_order_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(AppealsOrder) self = appeals_order_new ();
  JsonNode *member;
  JsonArray *reports = NULL;

  if (!appeals_record_read_trusted (&order_record_type, self, node, error))
    return NULL;

  member = json_object_get_member (json_node_get_object (node), "reports");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    reports = json_node_get_array (member);
  for (guint i = 0; reports != NULL && i < json_array_get_length (reports); i++)
    {
      AppealsOrderReport *report = appeals_order_report_new_from_json (json_array_get_element (reports, i), error);

      if (report == NULL)
        return NULL;
      g_ptr_array_add (self->reports, report);
    }
  return g_steal_pointer (&self);
}

/* The reports are the register's, not the order's fields: a copy has none. */
AppealsOrder *
appeals_order_copy (AppealsOrder *self)
{
  AppealsOrder *copy = appeals_order_new ();

  appeals_record_copy_fields (&order_record_type, copy, self);
  return copy;
}

/**
 * appeals_order_to_json:
 *
 * The order with its "reports", oldest first.
 */
JsonNode *
appeals_order_to_json (AppealsOrder *self)
{
  JsonNode *node = appeals_record_to_json (&order_record_type, self);
  JsonArray *reports = json_array_new ();

  for (guint i = 0; i < self->reports->len; i++)
    json_array_add_element (reports, appeals_record_to_json (&report_record_type,
                                                             g_ptr_array_index (self->reports, i)));
  json_object_set_array_member (json_node_get_object (node), "reports", reports);
  return node;
}

/**
 * appeals_order_validate:
 *
 * Checks what the field table cannot: the text says something, the term
 * is a real one, an order belongs to an appeal or a reception, and an
 * on-site check has a date that is not before the order was given, and
 * findings only once it took place.
 *
 * Returns: %TRUE when no error was added to @errors.
 */
gboolean
appeals_order_validate (AppealsOrder *self,
                        GPtrArray    *errors)
{
  guint n_errors = errors->len;

  if (self->text != NULL && !has_text (self->text) && appeals_field_errors_find (errors, "text") == NULL)
    appeals_field_errors_add (errors, "text", APPEALS_FIELD_REQUIRED, NULL);

  /* a new order has a term; one moved from the old protocol kept a date */
  if (self->id == 0 && self->working_days == 0 && appeals_field_errors_find (errors, "working_days") == NULL)
    appeals_field_errors_add (errors, "working_days", APPEALS_FIELD_REQUIRED, NULL);
  if (self->working_days != 0 &&
      (self->working_days < 1 || self->working_days > APPEALS_ORDER_MAX_WORKING_DAYS) &&
      appeals_field_errors_find (errors, "working_days") == NULL)
    {
      g_autofree char *range = g_strdup_printf ("1..%d", APPEALS_ORDER_MAX_WORKING_DAYS);

      appeals_field_errors_add (errors, "working_days", APPEALS_FIELD_OUT_OF_RANGE, range);
    }

  if (self->appeal_id < 0 && appeals_field_errors_find (errors, "appeal_id") == NULL)
    appeals_field_errors_add (errors, "appeal_id", APPEALS_FIELD_INVALID_VALUE, NULL);
  if (self->reception_id < 0 && appeals_field_errors_find (errors, "reception_id") == NULL)
    appeals_field_errors_add (errors, "reception_id", APPEALS_FIELD_INVALID_VALUE, NULL);
  if (self->appeal_id <= 0 && self->reception_id <= 0 && appeals_field_errors_find (errors, "appeal_id") == NULL)
    appeals_field_errors_add (errors, "appeal_id", APPEALS_FIELD_REQUIRED, NULL);

  if (g_date_valid (&self->check_date) && g_date_valid (&self->given_on) &&
      g_date_compare (&self->check_date, &self->given_on) < 0 &&
      appeals_field_errors_find (errors, "check_date") == NULL)
    appeals_field_errors_add (errors, "check_date", APPEALS_FIELD_OUT_OF_RANGE, NULL);
  if (self->check_findings != NULL && !g_date_valid (&self->check_date) &&
      appeals_field_errors_find (errors, "check_date") == NULL)
    appeals_field_errors_add (errors, "check_date", APPEALS_FIELD_REQUIRED, NULL);

  return errors->len == n_errors;
}

/**
 * appeals_order_compute_due:
 *
 * The due date: @working_days working days after the day the order was
 * given, by the calendar. An order moved from the old protocol has no
 * term in days and keeps its date.
 */
void
appeals_order_compute_due (AppealsOrder    *self,
                           AppealsCalendar *calendar)
{
  g_return_if_fail (APPEALS_IS_ORDER (self));

  if (self->working_days > 0 && g_date_valid (&self->given_on))
    appeals_calendar_add_working_days (calendar, &self->given_on, (int) self->working_days, &self->due_date);
}

gboolean
appeals_order_is_open (AppealsOrder *self)
{
  return self->status == APPEALS_ORDER_CONTROL_ON_CONTROL || self->status == APPEALS_ORDER_CONTROL_UNSET;
}

/**
 * appeals_order_evaluate_overdue:
 * @today: the server's today
 *
 * An order on control is overdue once its due date has passed; how late
 * it is counts in working days. An executed order, or one taken off
 * control, is never overdue.
 */
void
appeals_order_evaluate_overdue (AppealsOrder    *self,
                                AppealsCalendar *calendar,
                                const GDate     *today)
{
  g_return_if_fail (APPEALS_IS_ORDER (self));

  self->overdue = appeals_order_is_open (self) && g_date_valid (&self->due_date) &&
                  g_date_compare (&self->due_date, today) < 0;
  self->days_overdue = self->overdue ? appeals_calendar_count_working_days (calendar, &self->due_date, today) : 0;
}

/**
 * appeals_order_control_get_label:
 *
 * Returns: the status's name in the interface's language
 */
const char *
appeals_order_control_get_label (AppealsOrderControl status)
{
  switch (status)
    {
    case APPEALS_ORDER_CONTROL_ON_CONTROL:
      return C_("order", "On control");
    case APPEALS_ORDER_CONTROL_EXECUTED:
      return C_("order", "Executed");
    case APPEALS_ORDER_CONTROL_TAKEN_OFF:
      return C_("order", "Taken off control");
    case APPEALS_ORDER_CONTROL_UNSET:
    default:
      return "";
    }
}
