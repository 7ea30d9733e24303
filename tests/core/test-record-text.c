/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-record-text.c: the text forms of records (appeals-record-text.c)
 * say what the JSON mapping says — a record written as text parses to the
 * tree appeals_record_to_json() builds, and a stored column read as text
 * gives the value (or the error) that reading its JSON gives.
 */
#include "config.h"

#include "core-test-util.h"

/* Records written both ways, with the strings a writer gets wrong:
 * quotes, backslashes, control characters, Kazakh letters, a character
 * outside the BMP, a time with a fraction and an offset. */
static const struct {
  const char *name;
  const AppealsRecordType *(*type) (void);
  CoreTestReader read;
  const char *json;
} written[] = {
  { "appeal, full", appeals_appeal_get_record_type, (CoreTestReader) appeals_appeal_new_from_json,
    "{\"id\":42,\"version\":3,\"registration_number\":\"2026-000042\",\"registration_date\":\"2026-11-24\","
    "\"applicant_id\":7,\"applicant_name\":\"Сейтқали \\\"Әлия\\\" Бекқызы\",\"channel\":\"virtual_reception\","
    "\"form\":\"paper_and_electronic\",\"kind\":\"complaint\",\"addressee_body\":\"akimat\","
    "\"question_character\":\"housing\",\"category\":\"complaint\",\"language\":\"kk\",\"district\":\"rudny-city\","
    "\"repeat\":true,\"control\":false,\"annotation\":\"back\\\\slash\\ttab\\nline \\u0001 \\ud83d\\ude00 ғқңөұүһі\","
    "\"due_date\":\"2026-12-22\",\"status\":\"in_progress\",\"created_at\":\"2026-11-24T09:15:00Z\","
    "\"updated_at\":\"2026-11-24T10:00:00.5+05:00\"}" },
  { "appeal, nearly empty", appeals_appeal_get_record_type, (CoreTestReader) appeals_appeal_new_from_json,
    "{\"id\":-1}" },
  { "appeal, extreme numbers", appeals_appeal_get_record_type, (CoreTestReader) appeals_appeal_new_from_json,
    "{\"id\":9223372036854775807,\"version\":-9223372036854775808,\"applicant_id\":0,"
    "\"registration_date\":\"0999-01-09\"}" },
  { "applicant", appeals_applicant_get_record_type, (CoreTestReader) appeals_applicant_new_from_json,
    "{\"id\":7,\"version\":1,\"iin\":\"061211600012\",\"surname\":\"Ёлкина\",\"given_name\":\"Анна\","
    "\"birth_date\":\"2006-12-11\",\"sex\":\"female\",\"address\":\"Қостанай, \\\"Абай\\\" 5/7\","
    "\"phone\":\"+77011234567\",\"created_at\":\"2026-01-02T03:04:05Z\"}" },
  { "user", appeals_user_get_record_type, (CoreTestReader) appeals_user_new_from_json,
    "{\"id\":7,\"login\":\"registrar2\",\"full_name\":\"Нұрланова Дана\",\"role\":\"registrar\","
    "\"district\":\"rudny-city\",\"language\":\"kk\",\"active\":true,\"region_wide\":false}" },
};

static void
test_written_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (written); i++)
    {
      g_autoptr(JsonNode) in = core_test_parse_json (written[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) record = written[i].read (in, &error);
      g_autoptr(JsonNode) tree = NULL;
      g_autoptr(JsonNode) parsed = NULL;
      g_autoptr(GString) text = g_string_new (NULL);

      g_test_message ("%s", written[i].name);
      g_assert_no_error (error);
      tree = appeals_record_to_json (written[i].type (), record);
      appeals_record_append_json (written[i].type (), record, text);
      parsed = json_from_string (text->str, &error);
      g_assert_no_error (error);
      if (!json_node_equal (tree, parsed))
        {
          g_autofree char *expected = json_to_string (tree, FALSE);

          g_error ("%s: wrote %s, expected %s", written[i].name, text->str, expected);
        }
    }
}

/* The appeal @json reads as, with the tree appeals_appeal_to_json()
 * builds of it and the tree @write's text parses to. */
static AppealsAppeal *
written_appeal (const char  *json,
                void       (*write) (AppealsAppeal *appeal,
                                     GString       *out),
                JsonNode   **tree,
                JsonNode   **parsed)
{
  g_autoptr(JsonNode) in = core_test_parse_json (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsAppeal) appeal = appeals_appeal_new_from_json (in, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  *tree = appeals_appeal_to_json (appeal);
  write (appeal, text);
  *parsed = json_from_string (text->str, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&appeal);
}

/* An appeal written as text with the card's actions and notices, which
 * are not fields of the record. */
static void
test_appeal_text_extras (void)
{
  g_autoptr(JsonNode) tree = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(AppealsAppeal) appeal = written_appeal ("{\"id\":5,\"annotation\":\"Жол \\\"А\\\"\","
                                                    "\"allowed_actions\":[\"answer\",\"extend\"],"
                                                    "\"notices\":[{\"kind\":\"refusal\",\"language\":\"ru\"},"
                                                    "{\"kind\":\"extension\",\"language\":\"kk\","
                                                    "\"outgoing_date\":\"2026-12-02\",\"late\":true}]}",
                                                    appeals_appeal_append_json, &tree, &parsed);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_true (json_node_equal (tree, parsed));
  g_assert_true (json_object_has_member (json_node_get_object (parsed), "allowed_actions"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (parsed), "notices")),
                    ==, 2);

  /* an empty list of actions is written, and written as json-glib does */
  g_clear_pointer (&appeal->allowed_actions, g_strfreev);
  appeal->allowed_actions = g_new0 (char *, 1);
  g_clear_pointer (&appeal->notices, g_ptr_array_unref);
  g_clear_pointer (&tree, json_node_unref);
  tree = appeals_appeal_to_json (appeal);
  appeals_appeal_append_json (appeal, text);
  {
    g_autofree char *expected = json_to_string (tree, FALSE);

    g_assert_cmpstr (text->str, ==, expected);
  }
}

/* An appeal as a journal row: the card's tree without the fields only
 * the card gives (its text, its answer, who changed it last), each other
 * member as the card writes it. */
static void
test_appeal_row_text (void)
{
  g_autoptr(JsonNode) tree = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(AppealsAppeal) appeal = written_appeal ("{\"id\":5,\"annotation\":\"Жол\",\"text\":\"Ұзын мәтін\","
                                                    "\"answer\":\"Жауап\",\"updated_by_name\":\"Иванов И.\","
                                                    "\"status\":\"answered\"}",
                                                    appeals_appeal_append_row_json, &tree, &parsed);
  const char * const card_only[] = { "text", "answer", "updated_by_name" };
  JsonObject *card = json_node_get_object (tree);
  JsonObject *row = json_node_get_object (parsed);

  for (guint i = 0; i < G_N_ELEMENTS (card_only); i++)
    {
      g_assert_false (json_object_get_null_member (card, card_only[i]));
      g_assert_false (json_object_has_member (row, card_only[i]));
      json_object_remove_member (card, card_only[i]);
    }
  g_assert_true (json_node_equal (tree, parsed));
}

static void
test_string_escapes (void)
{
  static const struct { const char *text, *json; } strings[] = {
    { "", "\"\"" },
    { "plain", "\"plain\"" },
    { "a\"b\\c", "\"a\\\"b\\\\c\"" },
    { "\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"" },
    { "\001x\037", "\"\\u0001x\\u001f\"" },
    { "көмек", "\"көмек\"" },
    { "bad \xff byte", "\"bad \xef\xbf\xbd byte\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      appeals_json_append_string (out, strings[i].text);
      g_assert_cmpstr (out->str, ==, strings[i].json);
    }
}

/* Every kind of character and every kind of bad byte, written as json-glib
 * writes the text after g_utf8_make_valid(). */
static void
test_string_utf8 (void)
{
  static const char *texts[] = {
    "Қостанай облысы", "обращение №12 — «ответ»", "€ 5", "\xf0\x9f\x98\x80 smile", "\x7f del",
    "ab\xd0", "\xd0", "\xd0x", "\x80 lone", "\xc0\x80 overlong", "\xc1\xbf", "\xe0\x80\x80",
    "\xed\xa0\x80 surrogate", "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf top", "\xf4\x90\x80\x80 past",
    "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80", "\xe2\x82", "\xe2\x82x", "\xf0\x9f\x98",
    "ok \"q\" \xd2\x9b\xff\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *valid = g_utf8_make_valid (texts[i], -1);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
      g_autofree char *expected = NULL;

      json_node_set_string (node, valid);
      expected = json_to_string (node, FALSE);
      appeals_json_append_string (out, texts[i]);
      g_test_message ("%u: %s", i, expected);
      g_assert_true (g_utf8_validate (out->str, -1, NULL));
      g_assert_cmpstr (out->str, ==, expected);
    }
}

/* A stored column, read as text and as the JSON the storage used to build
 * from it: the same value, or the same error. */
static const struct {
  const char *field;
  const char *text;       /* as the column holds it */
  const char *json;       /* the member's JSON, or NULL when the text must fail */
} columns[] = {
  { "id", "42", "42" },
  { "id", "-7", "-7" },
  { "id", "42x", NULL },
  { "id", "42.000", "42" },
  { "id", "42.5", NULL },
  { "id", "", NULL },
  { "repeat", "1", "true" },
  { "repeat", "t", "true" },
  { "repeat", "true", "true" },
  { "repeat", "0", "false" },
  { "repeat", "f", "false" },
  { "annotation", "  Жол  ", "\"Жол\"" },
  { "annotation", "   ", "null" },
  { "annotation", "", "null" },
  { "annotation", "Жол\n", "\"Жол\"" },
  { "annotation", "\tЖол", "\"Жол\"" },
  { "annotation", "Жол жоқ", "\"Жол жоқ\"" },
  { "registration_date", "2026-02-28", "\"2026-02-28\"" },
  { "registration_date", "2026-02-30", NULL },
  { "created_at", "2026-11-24T10:00:00.5+05:00", "\"2026-11-24T10:00:00.5+05:00\"" },
  { "created_at", "yesterday", NULL },
  { "status", "in_progress", "\"in_progress\"" },
  { "status", "in-progress", NULL },
  { "form", "paper_and_electronic", "\"paper_and_electronic\"" },
  { "registration_number", "2026-000001", "\"2026-000001\"" },
};

static void
test_read_text (void)
{
  const AppealsRecordType *type = appeals_appeal_get_record_type ();

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const AppealsFieldSpec *field = appeals_record_type_find_field (type, columns[i].field);
      g_autoptr(AppealsAppeal) from_text = appeals_appeal_new ();
      g_autoptr(GError) error = NULL;
      gboolean read;

      g_test_message ("%s = %s", columns[i].field, columns[i].text);
      g_assert_nonnull (field);
      read = appeals_record_field_read_text (field, from_text, columns[i].text, &error);
      if (columns[i].json == NULL)
        {
          g_assert_false (read);
          g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
          g_assert_nonnull (strstr (error->message, columns[i].field));
        }
      else
        {
          g_autofree char *document = g_strdup_printf ("{\"%s\":%s}", columns[i].field, columns[i].json);
          g_autoptr(JsonNode) node = core_test_parse_json (document);
          g_autoptr(AppealsAppeal) from_json = appeals_appeal_new ();

          g_assert_no_error (error);
          g_assert_true (read);
          g_assert_true (appeals_record_read_trusted (type, from_json, node, &error));
          g_assert_no_error (error);
          g_assert_true (appeals_record_field_equal (field, from_text, from_json));
        }
    }
}

/* What a record writes as text reads back as the same value, and an
 * unset value writes as no text at all. */
static void
test_to_text (void)
{
  const AppealsRecordType *type = appeals_appeal_get_record_type ();
  const char *unset[] = { "annotation", "registration_date", "created_at", "registration_number" };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const AppealsFieldSpec *field = appeals_record_type_find_field (type, columns[i].field);
      g_autoptr(AppealsAppeal) read = appeals_appeal_new ();
      g_autoptr(AppealsAppeal) again = appeals_appeal_new ();
      g_autofree char *text = NULL;

      if (columns[i].json == NULL || g_str_equal (columns[i].json, "null"))
        continue;
      g_test_message ("%s = %s", columns[i].field, columns[i].text);
      g_assert_true (appeals_record_field_read_text (field, read, columns[i].text, NULL));
      text = appeals_record_field_to_text (field, read);
      g_assert_nonnull (text);
      g_assert_true (appeals_record_field_read_text (field, again, text, NULL));
      g_assert_true (appeals_record_field_equal (field, read, again));
    }

  {
    g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();
    const AppealsFieldSpec *repeat = appeals_record_type_find_field (type, "repeat");
    g_autofree char *repeat_text = appeals_record_field_to_text (repeat, appeal);

    g_assert_cmpstr (repeat_text, ==, "0");
    g_assert_true (appeals_record_field_read_text (repeat, appeal, "t", NULL));
    g_free (repeat_text);
    repeat_text = appeals_record_field_to_text (repeat, appeal);
    g_assert_cmpstr (repeat_text, ==, "1");
    for (guint i = 0; i < G_N_ELEMENTS (unset); i++)
      {
        g_autofree char *text = appeals_record_field_to_text (appeals_record_type_find_field (type, unset[i]), appeal);

        g_assert_null (text);
      }
  }
}

/* Date-times as g_date_time_format_iso8601() writes them, which the JSON
 * mapping uses: years of one to four digits, microseconds or none, UTC and
 * offsets of whole hours, minutes and seconds either way. */
static void
test_datetimes (void)
{
  const char *zones[] = { "Z", "+05:00", "+05:30", "-03:00", "+00:30", "-00:30", "+05:45", "-11:00", "+01:00:30" };
  const int years[] = { 1, 9, 99, 999, 2026, 9999 };
  const int microseconds[] = { 0, 1, 120, 500000, 999999 };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    for (guint y = 0; y < G_N_ELEMENTS (years); y++)
      for (guint u = 0; u < G_N_ELEMENTS (microseconds); u++)
        {
          g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zones[z]);
          g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();
          g_autoptr(JsonNode) tree = NULL;
          g_autoptr(JsonNode) parsed = NULL;
          g_autoptr(GString) text = g_string_new (NULL);
          g_autofree char *expected = NULL;

          g_assert_nonnull (zone);
          appeal->created_at = g_date_time_new (zone, years[y], 3, 4, 5, 6, 7 + microseconds[u] / 1e6);
          g_assert_nonnull (appeal->created_at);
          tree = appeals_record_to_json (appeals_appeal_get_record_type (), appeal);
          appeals_record_append_json (appeals_appeal_get_record_type (), appeal, text);
          parsed = json_from_string (text->str, NULL);
          expected = json_to_string (tree, FALSE);
          g_assert_nonnull (parsed);
          if (!json_node_equal (tree, parsed))
            g_error ("wrote %s, expected %s", text->str, expected);
        }
}

/* Member names are written without escapes: every field's name must be an
 * identifier. */
static void
test_member_names (void)
{
  const AppealsRecordType *types[] = {
    appeals_appeal_get_record_type (), appeals_notice_get_record_type (), appeals_applicant_get_record_type (),
    appeals_data_read_get_record_type (), appeals_expertise_get_record_type (),
    appeals_kazpost_batch_get_record_type (), appeals_order_get_record_type (),
    appeals_order_report_get_record_type (), appeals_receipt_get_record_type (),
    appeals_attachment_get_record_type (), appeals_protocol_order_get_record_type (),
    appeals_reception_participant_get_record_type (), appeals_reception_review_get_record_type (),
    appeals_reception_step_get_record_type (), appeals_review_entry_get_record_type (),
    appeals_reception_get_record_type (), appeals_user_get_record_type (),
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (guint i = 0; i < types[t]->n_fields; i++)
      {
        const char *name = types[t]->fields[i].name;

        g_assert_true (g_ascii_isalpha (name[0]) || name[0] == '_');
        for (const char *p = name; *p != '\0'; p++)
          if (!g_ascii_isalnum (*p) && *p != '_')
            g_error ("field “%s” of record type %u is not an identifier", name, t);
      }

  appeals_json_append_member_name (out, 0, "due_date");
  appeals_json_append_member_name (out, 1, "id");
  g_assert_cmpstr (out->str, ==, "\"due_date\":,\"id\":");
}

/* NULL is no value: the slot keeps what it had. */
static void
test_read_text_too_long (void)
{
  const AppealsFieldSpec *field = appeals_record_type_find_field (appeals_appeal_get_record_type (), "annotation");
  g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (2001, 'x');

  g_assert_false (appeals_record_field_read_text (field, appeal, text, &error));
  g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
  g_assert_null (appeal->annotation);
}

static void
test_read_text_null (void)
{
  const AppealsFieldSpec *field = appeals_record_type_find_field (appeals_appeal_get_record_type (), "annotation");
  g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (appeals_record_field_read_text (field, appeal, "Кезек", &error));
  g_assert_true (appeals_record_field_read_text (field, appeal, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (appeal->annotation, ==, "Кезек");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-text/written", test_written_text);
  g_test_add_func ("/record-text/appeal-extras", test_appeal_text_extras);
  g_test_add_func ("/record-text/appeal-row", test_appeal_row_text);
  g_test_add_func ("/record-text/string-escapes", test_string_escapes);
  g_test_add_func ("/record-text/string-utf8", test_string_utf8);
  g_test_add_func ("/record-text/member-names", test_member_names);
  g_test_add_func ("/record-text/datetimes", test_datetimes);
  g_test_add_func ("/record-text/read", test_read_text);
  g_test_add_func ("/record-text/read-too-long", test_read_text_too_long);
  g_test_add_func ("/record-text/to-text", test_to_text);
  g_test_add_func ("/record-text/read-null", test_read_text_null);

  return g_test_run ();
}
