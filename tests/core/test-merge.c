/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-merge.c: the three-way merge of a card edit with a version saved
 * in between, and the entity tags both sides build.
 */
#include "config.h"

#include "appeals-core.h"

static const char *base_appeal =
  "{\"id\":42,\"version\":3,\"registration_number\":\"ЖТ-2026/000042\",\"registration_date\":\"2026-11-24\","
  "\"applicant_id\":7,\"channel\":\"by_hand\",\"form\":\"electronic\",\"kind\":\"application\","
  "\"addressee_body\":\"education\",\"question_character\":\"education\",\"category\":\"typical\","
  "\"language\":\"kk\",\"district\":\"kostanay-city\",\"control\":false,"
  "\"annotation\":\"Балабақшадан орын беру туралы\",\"text\":null,\"executor\":\"Иванов И.И.\","
  "\"due_date\":\"2026-12-22\",\"status\":\"in_progress\",\"answer\":null}";

static AppealsAppeal *
appeal_with (AppealsAppeal *base,
             const char    *members)
{
  g_autofree char *text = g_strdup_printf ("{%s}", members);
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  AppealsAppeal *appeal = appeals_appeal_copy (base);

  g_assert_nonnull (node);
  g_assert_true (appeals_record_read_members (appeals_appeal_get_record_type (), appeal,
                                              json_node_get_object (node), APPEALS_RECORD_TRUSTED, errors));
  return appeal;
}

static const struct
{
  const char *name;
  const char *mine;       /* members changed by this edit */
  const char *theirs;     /* members changed by the one who saved first */
  const char *conflicts;  /* the conflicting fields, space separated */
  const char *merged;     /* members the merge must hold */
} merge_cases[] = {
  { "the same field changed on both sides is a conflict, mine held until decided",
    "\"executor\":\"Абенова Д.С.\"", "\"executor\":\"Ким В.А.\"",
    "executor", "\"executor\":\"Абенова Д.С.\"" },
  { "the same field changed to the same value on both sides is no conflict",
    "\"executor\":\"Ким В.А.\"", "\"executor\":\"Ким В.А.\"",
    "", "\"executor\":\"Ким В.А.\"" },
  { "different fields merge without conflict",
    "\"text\":\"Қосымша мәлімет\"", "\"executor\":\"Ким В.А.\",\"control\":true",
    "", "\"text\":\"Қосымша мәлімет\",\"executor\":\"Ким В.А.\",\"control\":true" },
  { "a value deleted on my side stays deleted when they changed something else",
    "\"executor\":null", "\"control\":true",
    "", "\"executor\":null,\"control\":true" },
  { "a value deleted on their side stays deleted when I changed something else",
    "\"text\":\"Қосымша мәлімет\"", "\"executor\":null",
    "", "\"executor\":null,\"text\":\"Қосымша мәлімет\"" },
  { "deleted on one side and changed on the other is a conflict",
    "\"executor\":null", "\"executor\":\"Ким В.А.\"",
    "executor", "\"executor\":null" },
  { "a field the server added is taken",
    "\"text\":\"Қосымша мәлімет\"", "\"answer\":\"Орын берілді\",\"status\":\"answered\"",
    "", "\"answer\":\"Орын берілді\",\"status\":\"answered\",\"text\":\"Қосымша мәлімет\"" },
  { "what only the server sets always comes from theirs",
    "\"executor\":\"Абенова Д.С.\"", "\"version\":4,\"due_date\":\"2026-12-30\",\"repeat\":true",
    "", "\"version\":4,\"due_date\":\"2026-12-30\",\"repeat\":true,\"executor\":\"Абенова Д.С.\"" },
  { "several conflicts come in table order",
    "\"text\":\"мен\",\"executor\":\"Абенова Д.С.\"", "\"executor\":\"Ким В.А.\",\"text\":\"олар\"",
    "text executor", "\"text\":\"мен\",\"executor\":\"Абенова Д.С.\"" },
};

static void
test_merge_cases (void)
{
  g_autoptr(JsonNode) base_node = json_from_string (base_appeal, NULL);
  g_autoptr(AppealsAppeal) base = appeals_appeal_new_from_json (base_node, NULL);
  const AppealsRecordType *type = appeals_appeal_get_record_type ();

  g_assert_nonnull (base);

  for (guint i = 0; i < G_N_ELEMENTS (merge_cases); i++)
    {
      g_autoptr(AppealsAppeal) mine = appeal_with (base, merge_cases[i].mine);
      g_autoptr(AppealsAppeal) theirs = appeal_with (base, merge_cases[i].theirs);
      g_autoptr(AppealsAppeal) merged = appeals_appeal_new ();
      g_autoptr(GPtrArray) conflicts = appeals_merge_records (type, base, mine, theirs, merged);
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *expected_text = g_strdup_printf ("{%s}", merge_cases[i].merged);
      g_autoptr(JsonNode) expected = json_from_string (expected_text, NULL);
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (expected));

      g_test_message ("%s", merge_cases[i].name);
      for (guint j = 0; j < conflicts->len; j++)
        g_string_append_printf (names, "%s%s", j > 0 ? " " : "",
                                ((const AppealsFieldSpec *) g_ptr_array_index (conflicts, j))->name);
      g_assert_cmpstr (names->str, ==, merge_cases[i].conflicts);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          const AppealsFieldSpec *field = appeals_record_type_find_field (type, l->data);
          g_autoptr(JsonNode) value = appeals_record_field_to_json (field, merged);

          g_assert_true (json_node_equal (value, json_object_get_member (json_node_get_object (expected), l->data)));
        }

      /* whatever nobody touched stays as it was */
      g_assert_cmpstr (merged->annotation, ==, base->annotation);
      g_assert_cmpint (merged->id, ==, 42);
    }
}

static void
test_changed_fields (void)
{
  g_autoptr(JsonNode) base_node = json_from_string (base_appeal, NULL);
  g_autoptr(AppealsAppeal) base = appeals_appeal_new_from_json (base_node, NULL);
  g_autoptr(AppealsAppeal) edited = appeal_with (base, "\"executor\":null,\"annotation\":\"Кезек туралы\","
                                                     "\"control\":true,\"version\":9");
  g_autoptr(GPtrArray) changed = appeals_merge_changed_fields (appeals_appeal_get_record_type (), base, edited);

  /* read-only members — the version, and the control flag that only the
   * lifecycle's actions change — are never part of a patch */
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_cmpstr (((const AppealsFieldSpec *) changed->pdata[0])->name, ==, "annotation");
  g_assert_cmpstr (((const AppealsFieldSpec *) changed->pdata[1])->name, ==, "executor");
}

static const struct
{
  const char *etag;
  gboolean    valid;
  gint64      id;
  gint64      version;
} etag_cases[] = {
  { "\"42-3\"", TRUE, 42, 3 },
  { "\"1-0\"", TRUE, 1, 0 },
  { "\"9223372036854775807-12\"", TRUE, G_MAXINT64, 12 },
  { "W/\"42-3\"", FALSE, 0, 0 },
  { "42-3", FALSE, 0, 0 },
  { "\"42\"", FALSE, 0, 0 },
  { "\"42-3-1\"", FALSE, 0, 0 },
  { "\"0-3\"", FALSE, 0, 0 },
  { "\"-4-3\"", FALSE, 0, 0 },
  { "\"a-3\"", FALSE, 0, 0 },
  { "", FALSE, 0, 0 },
};

static void
test_etag (void)
{
  g_autofree char *formatted = appeals_etag_format (42, 3);

  g_assert_cmpstr (formatted, ==, "\"42-3\"");

  for (guint i = 0; i < G_N_ELEMENTS (etag_cases); i++)
    {
      gint64 id = 0, version = 0;

      g_test_message ("%s", etag_cases[i].etag);
      g_assert_cmpint (appeals_etag_parse (etag_cases[i].etag, &id, &version), ==, etag_cases[i].valid);
      if (etag_cases[i].valid)
        {
          g_autofree char *again = appeals_etag_format (id, version);

          g_assert_cmpint (id, ==, etag_cases[i].id);
          g_assert_cmpint (version, ==, etag_cases[i].version);
          g_assert_cmpstr (again, ==, etag_cases[i].etag);
        }
    }
}

static void
test_history_entry (void)
{
  g_autoptr(JsonNode) node = json_from_string (
    "{\"action\":\"update\",\"actor\":\"controller\",\"at\":\"2026-11-24T10:00:00Z\",\"changes\":["
    "{\"field\":\"executor\",\"before\":\"Иванов И.И.\",\"after\":null},"
    "{\"field\":\"control\",\"before\":false,\"after\":true},"
    "{\"field\":\"address\",\"before\":\"Абай 1\",\"after\":\"Абай 2\"}]}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsHistoryEntry) entry = appeals_history_entry_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->actor, ==, "controller");
  g_assert_nonnull (entry->at);
  g_assert_cmpuint (g_strv_length (entry->fields), ==, 3);
  g_assert_cmpstr (entry->before->executor, ==, "Иванов И.И.");
  g_assert_null (entry->after->executor);
  g_assert_true (entry->after->control);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/three-way", test_merge_cases);
  g_test_add_func ("/merge/changed-fields", test_changed_fields);
  g_test_add_func ("/etag/format-and-parse", test_etag);
  g_test_add_func ("/history/entry", test_history_entry);

  return g_test_run ();
}
