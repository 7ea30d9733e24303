/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-audit-changes.c: the changes an audit entry keeps, written as
 * text, against the literal entries expected and against the same
 * object built with json-glib, for every pair of a set of appeals and
 * receipts (creations too).
 */
#include "config.h"

#include <locale.h>

#include "appeals-audit.h"
#include "appeals-core.h"

/* What the audit left out before it wrote text: the same names */
static gboolean
reference_is_bookkeeping (const AppealsFieldSpec *field)
{
  static const char * const names[] = {
    "version", "updated_at", "updated_by_name", "created_at", "id", "applicant_name", "applicant_iin",
    "due_state", "working_days_left", "working_days_overdue",
  };

  return g_strv_contains (names, field->name);
}

/* The entry as json-glib wrote it: a creation leaves out null, false and
 * 0; a change is [before, after], or [after] when before was null. */
static char *
reference_changes (const AppealsRecordType *type,
                   gconstpointer            before,
                   gconstpointer            after)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < type->n_fields; i++)
    {
      const AppealsFieldSpec *field = &type->fields[i];
      g_autoptr(JsonNode) after_value = appeals_record_field_to_json (field, after);
      g_autoptr(JsonNode) before_value = NULL;

      if (reference_is_bookkeeping (field))
        continue;
      if (before == NULL)
        {
          if (JSON_NODE_HOLDS_NULL (after_value) ||
              (json_node_get_value_type (after_value) == G_TYPE_BOOLEAN && !json_node_get_boolean (after_value)) ||
              (json_node_get_value_type (after_value) == G_TYPE_INT64 && json_node_get_int (after_value) == 0))
            continue;
        }
      else if (appeals_record_field_equal (field, before, after))
        continue;

      json_builder_set_member_name (builder, field->name);
      json_builder_begin_array (builder);
      before_value = before != NULL ? appeals_record_field_to_json (field, before) : NULL;
      if (before_value != NULL && !JSON_NODE_HOLDS_NULL (before_value))
        json_builder_add_value (builder, g_steal_pointer (&before_value));
      json_builder_add_value (builder, g_steal_pointer (&after_value));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

/* A record of @gtype read from @text as the storage would hand it. */
static gpointer
record_from (const AppealsRecordType *type,
             GType                    gtype,
             const char              *text)
{
  g_autoptr(JsonNode) node = parse (text);
  g_autoptr(GError) error = NULL;
  gpointer record = g_object_new (gtype, NULL);

  appeals_record_read_trusted (type, record, node, &error);
  g_assert_no_error (error);
  return record;
}

static AppealsAppeal *
appeal_from (const char *text)
{
  return record_from (appeals_appeal_get_record_type (), APPEALS_TYPE_APPEAL, text);
}

static AppealsReceipt *
receipt_from (const char *text)
{
  return record_from (appeals_receipt_get_record_type (), APPEALS_TYPE_RECEIPT, text);
}

static const char * const appeals[] = {
  /* 0: registered */
  "{\"id\":7,\"version\":1,\"registration_number\":\"2026-000007\",\"registration_date\":\"2026-11-30\","
  "\"applicant_id\":11,\"applicant_name\":\"Иванов И.И.\",\"channel\":\"egov\",\"form\":\"electronic\","
  "\"kind\":\"application\",\"addressee_body\":\"employment\",\"question_character\":\"employment\","
  "\"category\":\"strategic\",\"language\":\"ru\",\"district\":\"rudny-city\",\"control\":true,"
  "\"annotation\":\"О содействии в трудоустройстве: «срочно»\","
  "\"text\":\"Строка\\nвторая\\t\\\"кавычки\\\" \\\\ и \\u0001 \\u007f\",\"due_date\":\"2026-12-21\","
  "\"status\":\"registered\",\"registrar\":\"registrar2\",\"created_at\":\"2026-11-30T07:30:00Z\","
  "\"updated_at\":\"2026-11-30T07:30:00Z\",\"forwarding_due_date\":\"2026-12-03\"}",
  /* 1: the same answered, its executor and answer set, control cleared */
  "{\"id\":7,\"version\":2,\"registration_number\":\"2026-000007\",\"registration_date\":\"2026-11-30\","
  "\"applicant_id\":11,\"applicant_name\":\"Иванов И.И.\",\"channel\":\"egov\",\"form\":\"electronic\","
  "\"kind\":\"application\",\"addressee_body\":\"employment\",\"question_character\":\"employment\","
  "\"category\":\"strategic\",\"language\":\"ru\",\"district\":\"rudny-city\",\"control\":false,"
  "\"annotation\":\"О содействии в трудоустройстве: «срочно»\",\"executor\":\"Абенова Д.С.\","
  "\"text\":\"Строка\\nвторая\\t\\\"кавычки\\\" \\\\ и \\u0001 \\u007f\",\"due_date\":\"2026-12-21\","
  "\"status\":\"answered\",\"answer\":\"Өтінішіңіз қаралды 😀\",\"answered_on\":\"2026-12-15\","
  "\"answer_late\":true,\"answer_attachment_id\":-3,\"registrar\":\"registrar2\","
  "\"created_at\":\"2026-11-30T07:30:00Z\",\"updated_at\":\"2026-12-15T11:00:00+05:00\","
  "\"forwarding_due_date\":\"2026-12-03\"}",
  /* 2: nothing but what a bare card has (and an empty annotation, set
   * below: a reader makes it null) */
  "{\"id\":8,\"applicant_id\":0}",
  /* 3: another applicant, a complaint in Kazakh, text and district emptied */
  "{\"id\":9,\"version\":5,\"registration_number\":\"2025-123456\",\"registration_date\":\"2025-01-09\","
  "\"applicant_id\":9007199254740993,\"channel\":\"by_hand\",\"form\":\"paper_and_electronic\",\"kind\":\"complaint\","
  "\"addressee_body\":\"akimat\",\"question_character\":\"healthcare\",\"category\":\"complaint\","
  "\"complaint_subject\":\"local_executive_officials\",\"language\":\"kk\",\"repeat\":true,\"annotation\":\"Дәрігер жоқ\","
  "\"due_date\":\"2025-02-07\",\"status\":\"terminated\",\"termination_ground\":\"withdrawn\","
  "\"termination_reason\":\"Өтініш беруші қайтарып алды\"}",
};

static const char * const receipts[] = {
  "{\"id\":1,\"journal_date\":\"2026-11-30\",\"number\":1,\"talon_number\":\"T-1\","
  "\"received_at\":\"2026-11-30T09:15:00.250000+05:00\",\"channel\":\"hand\",\"applicant_name\":\"Сейітов А.\","
  "\"pages\":3,\"attachments\":0,\"language\":\"kk\",\"received_by\":\"registrar\",\"term_working_days\":3,"
  "\"due_date\":\"2026-12-03\"}",
  "{\"id\":1,\"journal_date\":\"2026-11-30\",\"number\":1,\"talon_number\":\"T-1\","
  "\"received_at\":\"2026-11-30T09:15:00.250000+05:00\",\"channel\":\"hand\",\"applicant_name\":\"Сейітов А.\","
  "\"pages\":4,\"attachments\":2,\"language\":\"kk\",\"received_by\":\"registrar\",\"term_working_days\":3,"
  "\"due_date\":\"2026-12-03\",\"assigned_to\":\"registrar2\",\"assigned_at\":\"2026-11-30T10:00:00Z\"}",
  "{\"id\":2,\"received_at\":\"1999-12-31T23:59:59-03:30\",\"pages\":1}",
};

/* An empty text is a value, not null: an appeal's annotation, a
 * receipt's note. */
static void
with_empty_texts (AppealsAppeal  *appeal,
                  AppealsReceipt *receipt)
{
  g_free (appeal->annotation);
  appeal->annotation = g_strdup ("");
  g_free (receipt->note);
  receipt->note = g_strdup ("");
}

/* The literal entries of a few pairs: the compact form itself. */
static void
test_literal (void)
{
  g_autoptr(AppealsAppeal) registered = appeal_from (appeals[0]);
  g_autoptr(AppealsAppeal) answered = appeal_from (appeals[1]);
  g_autoptr(AppealsAppeal) bare = appeal_from (appeals[2]);
  g_autoptr(AppealsReceipt) received = receipt_from (receipts[0]);
  g_autoptr(AppealsReceipt) assigned = receipt_from (receipts[1]);
  const AppealsRecordType *type = appeals_appeal_get_record_type ();
  g_autofree char *answer = NULL;
  g_autofree char *same = NULL;
  g_autofree char *created = NULL;
  g_autofree char *assignment = NULL;

  with_empty_texts (bare, assigned);
  answer = appeals_audit_changes (type, registered, answered);
  same = appeals_audit_changes (type, answered, answered);
  created = appeals_audit_changes (type, NULL, bare);
  assignment = appeals_audit_changes (appeals_receipt_get_record_type (), received, assigned);

  g_assert_cmpstr (answer, ==,
                   "{\"control\":[true,false],\"executor\":[\"Абенова Д.С.\"],\"status\":[\"registered\",\"answered\"],"
                   "\"answer\":[\"Өтінішіңіз қаралды 😀\"],\"answered_on\":[\"2026-12-15\"],"
                   "\"answer_late\":[false,true],\"answer_attachment_id\":[0,-3]}");
  g_assert_cmpstr (same, ==, "{}");
  /* an empty annotation is a value; applicant 0 is the default */
  g_assert_cmpstr (created, ==, "{\"annotation\":[\"\"]}");
  g_assert_cmpstr (assignment, ==,
                   "{\"pages\":[3,4],\"attachments\":[0,2],\"note\":[\"\"],\"assigned_to\":[\"registrar2\"],"
                   "\"assigned_at\":[\"2026-11-30T10:00:00Z\"]}");
}

/* Every pair, and every creation, written as json-glib wrote them. */
static void
test_against_json_glib (void)
{
  const AppealsRecordType *appeal_type = appeals_appeal_get_record_type ();
  const AppealsRecordType *receipt_type = appeals_receipt_get_record_type ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_appeals = G_N_ELEMENTS (appeals);

  for (guint i = 0; i < n_appeals; i++)
    g_ptr_array_add (records, appeal_from (appeals[i]));
  for (guint i = 0; i < G_N_ELEMENTS (receipts); i++)
    g_ptr_array_add (records, receipt_from (receipts[i]));
  with_empty_texts (g_ptr_array_index (records, 2), g_ptr_array_index (records, n_appeals + 1));

  for (guint a = 0; a < records->len; a++)
    for (guint b = 0; b <= records->len; b++)
      {
        const AppealsRecordType *type = a < n_appeals ? appeal_type : receipt_type;
        gconstpointer after = g_ptr_array_index (records, a);
        gconstpointer before = b < records->len ? g_ptr_array_index (records, b) : NULL;
        g_autofree char *text = NULL;
        g_autofree char *expected = NULL;

        /* a change is between two records of one type */
        if (before != NULL && (b < n_appeals) != (a < n_appeals))
          continue;
        text = appeals_audit_changes (type, before, after);
        expected = reference_changes (type, before, after);
        g_test_message ("%u after %u: %s", a, b, text);
        g_assert_cmpstr (text, ==, expected);
      }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/changes/literal", test_literal);
  g_test_add_func ("/audit/changes/against-json-glib", test_against_json_glib);

  return g_test_run ();
}
