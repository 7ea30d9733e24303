/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-receipt-import.c: files from the electronic channels entered
 * into the receipt journal — the preview writes nothing, the import
 * writes every row with its through number, the same file twice imports
 * nothing the second time (also as CSV after JSON), a wrong row or a
 * broken file imports nothing at all; and a receipt registered as an
 * appeal once, never twice.
 */
#include "config.h"

#include "test-api.h"

static const char json_file[] =
  "[{\"external_number\":\"ЖТ-Т-2026-00017\",\"date\":\"2026-11-27\",\"channel\":\"egov\",\"iin\":\"061211600012\","
  "\"applicant_name\":\"Сейтқали Әлия\",\"address\":\"Қостанай қ., Абай к-сі, 12\",\"text\":\"Мектепке орын беруді "
  "сұраймын.\",\"attachments\":[\"өтініш.pdf\",\"анықтама.jpg\"]},"
  "{\"external_number\":\"ЖТ-Т-2026-00018\",\"date\":\"2026-11-28\",\"channel\":\"eotinish\",\"iin\":\"900101300017\","
  "\"applicant_name\":\"Иванов Пётр\",\"address\":\"г. Рудный, ул. Ленина, 5\",\"text\":\"Прошу отремонтировать "
  "дорогу.\",\"attachments\":[]},"
  "{\"external_number\":\"VP-311\",\"date\":\"2026-11-29\",\"channel\":\"virtual-reception\",\"iin\":\"\","
  "\"applicant_name\":\"Омаров Бауыржан\",\"address\":null,\"text\":\"Жалоба на бездействие акимата.\","
  "\"language\":\"ru\"}]";

/* the first two rows again, as the channel's CSV export gives them */
static const char csv_again[] =
  "\xEF\xBB\xBF" "external_number,date,channel,iin,applicant_name,address,text,attachments\r\n"
  "ЖТ-Т-2026-00017,2026-11-27,egov,061211600012,Сейтқали Әлия,\"Қостанай қ., Абай к-сі, 12\","
  "Мектепке орын беруді сұраймын.,өтініш.pdf;анықтама.jpg\r\n"
  "ЖТ-Т-2026-00018,2026-11-28,eotinish,900101300017,Иванов Пётр,\"г. Рудный, ул. Ленина, 5\","
  "\"Прошу \"\"отремонтировать\"\"\nдорогу.\",\r\n";

static char *
import_body (const char *format,
             const char *content,
             const char *mode)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, format);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, mode);
  json_builder_set_member_name (builder, "file_name");
  json_builder_add_string_value (builder, "export.txt");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static AppealsTestResponse *
post_import (Fixture    *fixture,
             const char *format,
             const char *content,
             const char *mode)
{
  g_autofree char *body = import_body (format, content, mode);

  return REQUEST (fixture, "POST", "/api/v1/receipts/import", fixture->registrar, body);
}

static JsonArray *
journal_items (Fixture              *fixture,
               AppealsTestResponse **out)
{
  *out = REQUEST (fixture, "GET", "/api/v1/receipts", fixture->controller, NULL);
  g_assert_cmpuint ((*out)->status, ==, 200);
  return json_object_get_array_member (appeals_test_response_object (*out), "items");
}

static JsonObject *
row_of (AppealsTestResponse *response,
        guint                index)
{
  return json_array_get_object_element (json_object_get_array_member (appeals_test_response_object (response),
                                                                      "rows"), index);
}

static void
assert_counts (AppealsTestResponse *response,
               gint64               n_new,
               gint64               invalid,
               gint64               already,
               gint64               imported)
{
  JsonObject *answer;

  if (response->status != 200)
    g_error ("import: %u %s", response->status, response->text);
  answer = appeals_test_response_object (response);
  g_assert_cmpint (json_object_get_int_member (answer, "new"), ==, n_new);
  g_assert_cmpint (json_object_get_int_member (answer, "invalid"), ==, invalid);
  g_assert_cmpint (json_object_get_int_member (answer, "already_imported"), ==, already);
  g_assert_cmpint (json_object_get_int_member (answer, "imported"), ==, imported);
}

static void
test_import_idempotent (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) preview = post_import (fixture, "json", json_file, "preview");
  g_autoptr(AppealsTestResponse) imported = NULL;
  g_autoptr(AppealsTestResponse) twice = NULL;
  g_autoptr(AppealsTestResponse) as_csv = NULL;
  g_autoptr(AppealsTestResponse) journal = NULL;
  g_autoptr(AppealsTestResponse) journal_after = NULL;
  JsonArray *items;
  JsonObject *first;

  /* the preview judges every row and writes nothing */
  assert_counts (preview, 3, 0, 0, 0);
  g_assert_cmpstr (json_object_get_string_member (row_of (preview, 0), "status"), ==, "new");
  g_assert_cmpstr (json_object_get_string_member (row_of (preview, 0), "language"), ==, "kk");
  g_assert_cmpstr (json_object_get_string_member (row_of (preview, 1), "language"), ==, "ru");
  g_assert_true (json_object_get_null_member (row_of (preview, 2), "iin"));
  g_assert_cmpuint (json_array_get_length (journal_items (fixture, &journal)), ==, 0);
  g_clear_pointer (&journal, appeals_test_response_free);

  /* the import enters all three with through numbers */
  imported = post_import (fixture, "json", json_file, "import");
  assert_counts (imported, 0, 0, 0, 3);
  g_assert_cmpstr (json_object_get_string_member (row_of (imported, 2), "status"), ==, "imported");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (row_of (imported, 2), "talon_number"), "-0003"));
  items = journal_items (fixture, &journal);
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  first = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "channel"), ==, "egov");
  g_assert_cmpstr (json_object_get_string_member (first, "applicant_name"), ==, "Сейтқали Әлия");
  g_assert_cmpstr (json_object_get_string_member (first, "note"), ==, "Мектепке орын беруді сұраймын.");
  g_assert_cmpstr (json_object_get_string_member (first, "language"), ==, "kk");
  g_assert_cmpint (json_object_get_int_member (first, "attachments"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (first, "appeal_id"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "channel"), ==,
                   "eotinish");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 2), "channel"), ==,
                   "virtual_reception");

  /* the same file again, and its first rows as CSV: nothing new */
  twice = post_import (fixture, "json", json_file, "import");
  assert_counts (twice, 0, 0, 3, 0);
  g_assert_cmpstr (json_object_get_string_member (row_of (twice, 0), "talon_number"), ==,
                   json_object_get_string_member (first, "talon_number"));
  as_csv = post_import (fixture, "csv", csv_again, "import");
  assert_counts (as_csv, 0, 0, 2, 0);
  g_assert_cmpuint (json_array_get_length (journal_items (fixture, &journal_after)), ==, 3);
}

static void
test_import_row_errors (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const char csv[] =
    "channel,external_number,date,iin,applicant_name,address,text,attachments,language\n"
    "egov,E-1,2026-11-27,061211600012,Сейтқали Әлия,,Өтініш,,kk\n"
    "egov,E-2,2026-11-27,061211600013,Иванов Пётр,,Жалоба,,\n"
    "telegram,E-3,2026-11-27,,Омаров Бауыржан,,Жалоба,,\n"
    "egov,E-1,2026-11-27,,Омаров Бауыржан,,Жалоба,,\n"
    "eotinish,E-1,2026-13-01,,,,Жалоба,a/b.pdf,en\n";
  g_autoptr(AppealsTestResponse) preview = post_import (fixture, "csv", csv, "preview");
  g_autoptr(AppealsTestResponse) refused = NULL;
  g_autoptr(AppealsTestResponse) journal = NULL;
  JsonArray *errors;

  assert_counts (preview, 1, 4, 0, 0);
  g_assert_cmpstr (json_object_get_string_member (row_of (preview, 0), "status"), ==, "new");
  g_assert_cmpstr (json_object_get_string_member (row_of (preview, 1), "status"), ==, "invalid");
  errors = json_object_get_array_member (row_of (preview, 1), "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "code"), ==,
                   "invalid_iin");
  errors = json_object_get_array_member (row_of (preview, 2), "errors");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "field"), ==, "channel");
  errors = json_object_get_array_member (row_of (preview, 3), "errors");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "code"), ==,
                   "duplicate");
  /* another channel may use the same number; this row is wrong otherwise */
  errors = json_object_get_array_member (row_of (preview, 4), "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 4);

  /* the import refuses the file and writes none of it, not even row 1 */
  refused = post_import (fixture, "csv", csv, "import");
  assert_problem (refused, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (refused, "rows[2].iin"), ==, "invalid_iin");
  g_assert_cmpstr (field_error_code (refused, "rows[3].channel"), ==, "invalid_value");
  g_assert_cmpstr (field_error_code (refused, "rows[4].external_number"), ==, "duplicate");
  g_assert_cmpuint (json_array_get_length (journal_items (fixture, &journal)), ==, 0);
}

static void
test_import_broken_file (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const struct { const char *format; const char *content; } broken[] = {
    { "csv", "external_number,date,channel,iin,applicant_name,address,text,attachments\n"
             "E-1,2026-11-27,egov,,\"Омаров,,Жалоба,\n" },                   /* a quote never closed */
    { "csv", "external_number,date,channel,iin,applicant_name,address,text,attachments\n"
             "E-1,2026-11-27,egov,,Омаров,,Жалоба\n" },                      /* a field short */
    { "csv", "external_number,date,channel,applicant_name,text,attachments\nE-1,2026-11-27,egov,О,Ж,\n" },
    { "csv", "number,date\n1,2\n" },
    { "csv", "" },
    { "json", "[{\"external_number\":\"E-1\"" },
    { "json", "{\"external_number\":\"E-1\"}" },
    { "json", "[]" },
    { "xml", "<appeals/>" },
  };
  g_autoptr(AppealsTestResponse) journal = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(AppealsTestResponse) response = post_import (fixture, broken[i].format, broken[i].content, "import");

      assert_problem (response, 422, "validation_failed");
      g_assert_cmpstr (field_error_code (response, i < G_N_ELEMENTS (broken) - 1 ? "content" : "format"), ==,
                       "invalid_value");
    }
  g_assert_cmpuint (json_array_get_length (journal_items (fixture, &journal)), ==, 0);
}

static void
test_register_receipt_once (Fixture       *fixture,
                            gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autoptr(AppealsTestResponse) received = NULL;
  g_autoptr(AppealsTestResponse) registered = NULL;
  g_autoptr(AppealsTestResponse) again = NULL;
  g_autoptr(AppealsTestResponse) unknown = NULL;
  g_autoptr(AppealsTestResponse) others = NULL;
  g_autoptr(AppealsTestResponse) second = NULL;
  g_autofree char *card = appeal_body (applicant, "kostanay-city", "тіркеу");
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autofree char *sql = NULL;
  gint64 receipt, appeal;
  JsonObject *linked;

  received = REQUEST (fixture, "POST", "/api/v1/receipts", fixture->registrar,
                      "{\"applicant_name\":\"Сейтқали Әлия\",\"iin\":\"061211600012\",\"pages\":2,\"language\":\"kk\"}");
  g_assert_cmpuint (received->status, ==, 201);
  receipt = json_object_get_int_member (appeals_test_response_object (received), "id");
  card[strlen (card) - 1] = '\0';
  body = g_strdup_printf ("%s,\"receipt_id\":%" G_GINT64_FORMAT "}", card, receipt);

  registered = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar, body);
  g_assert_cmpuint (registered->status, ==, 201);
  appeal = json_object_get_int_member (appeals_test_response_object (registered), "id");
  path = g_strdup_printf ("/api/v1/receipts/%" G_GINT64_FORMAT, receipt);
  linked = test_api_get_object (fixture, fixture->controller, path);
  g_assert_cmpint (json_object_get_int_member (linked, "appeal_id"), ==, appeal);
  json_object_unref (linked);

  /* a receipt is registered once */
  again = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar, body);
  assert_problem (again, 409, "conflict");
  g_clear_pointer (&body, g_free);
  body = g_strdup_printf ("%s,\"receipt_id\":999999}", card);
  unknown = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar, body);
  assert_problem (unknown, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (unknown, "receipt_id"), ==, "not_found");

  /* a receipt handed to one registrar is not another's to register */
  second = REQUEST (fixture, "POST", "/api/v1/receipts", fixture->registrar,
                    "{\"applicant_name\":\"Иванов Пётр\",\"pages\":1,\"language\":\"ru\"}");
  receipt = json_object_get_int_member (appeals_test_response_object (second), "id");
  sql = g_strdup_printf ("UPDATE receipts SET assigned_to = 'registrar' WHERE id = %" G_GINT64_FORMAT, receipt);
  test_api_run_sql (fixture, sql);
  g_clear_pointer (&body, g_free);
  body = g_strdup_printf ("%s,\"receipt_id\":%" G_GINT64_FORMAT "}", card, receipt);
  others = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar2, body);
  assert_problem (others, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (others, "receipt_id"), ==, "not_found");
}

void
test_api_add_receipt_import (void)
{
  TEST_API_ADD ("/receipts/import/idempotent", test_import_idempotent);
  TEST_API_ADD ("/receipts/import/row-errors", test_import_row_errors);
  TEST_API_ADD ("/receipts/import/broken-file", test_import_broken_file);
  TEST_API_ADD ("/receipts/register-once", test_register_receipt_once);
}
