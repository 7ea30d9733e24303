/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-receipt.c: the intake desk's receipt — the journal day by the real
 * calendar (a day off moves to the next working day), the talon number,
 * the checks of a receiver's input, and its JSON.
 */
#include "config.h"

#include <string.h>

#include "core-test-util.h"

static const struct
{
  const char *received_on;
  const char *journal_date;
  const char *why;
} journal_days[] = {
  { "2026-11-27", "2026-11-27", "a Friday is a working day" },
  { "2026-11-28", "2026-11-30", "a Saturday goes to Monday" },
  { "2026-11-29", "2026-11-30", "a Sunday goes to Monday" },
  { "2026-12-16", "2026-12-17", "Independence Day goes to the next day" },
  { "2027-01-01", "2027-01-05", "New Year (Friday and Saturday, the Saturday moved to Monday) goes to Tuesday" },
  { "2026-03-21", "2026-03-26", "Nauryz (Saturday to Monday, its weekend days moved to Tuesday and Wednesday) goes to Thursday" },
};

static void
test_journal_day (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsCalendar) calendar = appeals_calendar_new_default (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (journal_days); i++)
    {
      GDate received, journal;
      g_autofree char *text = NULL;

      g_assert_true (appeals_date_parse_iso (journal_days[i].received_on, &received));
      appeals_receipt_journal_day (calendar, &received, &journal);
      text = appeals_date_format_iso (&journal);
      g_test_message ("%s: %s", journal_days[i].received_on, journal_days[i].why);
      g_assert_cmpstr (text, ==, journal_days[i].journal_date);
    }
}

static void
test_talon_number (void)
{
  GDate day;
  g_autofree char *first = NULL;
  g_autofree char *large = NULL;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 2, G_DATE_MARCH, 2026);
  first = appeals_receipt_format_talon_number (&day, 1);
  large = appeals_receipt_format_talon_number (&day, 12345);
  g_assert_cmpstr (first, ==, "20260302-0001");
  g_assert_cmpstr (large, ==, "20260302-12345");
}

/* What a scanner (or a person) may type into a search, and the receipt
 * it names: only what the talon prints is a talon number. */
static const struct
{
  const char *text;
  const char *journal_date;   /* NULL: no talon number */
  gint64      number;
} talons[] = {
  { "20260302-0001", "2026-03-02", 1 },
  { "20261130-0017", "2026-11-30", 17 },
  { "20260302-12345", "2026-03-02", 12345 },
  { "20240229-0003", "2024-02-29", 3 },
  { "20250229-0003", NULL, 0 },          /* no 29 February in 2025 */
  { "20261301-0001", NULL, 0 },          /* no thirteenth month */
  { "20261130-0000", NULL, 0 },          /* numbers start at 1 */
  { "20261130-001", NULL, 0 },           /* the talon prints four digits at least */
  { "20261130-1234567890", NULL, 0 },    /* longer than any journal */
  { "20261130 0001", NULL, 0 },
  { "20261130-0001 ", NULL, 0 },
  { "2026113-00001", NULL, 0 },
  { "20261130-+001", NULL, 0 },
  { "061211600012", NULL, 0 },           /* an IIN is no talon number */
  { "Иванов", NULL, 0 },
  { "", NULL, 0 },
};

static void
test_talon_number_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (talons); i++)
    {
      GDate day;
      gint64 number = 0;
      gboolean parsed = appeals_receipt_parse_talon_number (talons[i].text, &day, &number);
      g_autofree char *text = NULL;

      g_test_message ("“%s”", talons[i].text);
      g_assert_cmpint (parsed, ==, talons[i].journal_date != NULL);
      if (!parsed)
        continue;
      text = appeals_date_format_iso (&day);
      g_assert_cmpstr (text, ==, talons[i].journal_date);
      g_assert_cmpint (number, ==, talons[i].number);
    }
}

/* A Kazpost envelope's receipt names no applicant until it is read: the
 * journal names it by the receiver's note instead. */
static void
test_display_name (void)
{
  g_autoptr(AppealsReceipt) by_hand = appeals_receipt_new ();
  g_autoptr(AppealsReceipt) envelope = appeals_receipt_new ();
  g_autoptr(AppealsReceipt) bare = appeals_receipt_new ();

  by_hand->applicant_name = g_strdup ("Иванов Пётр");
  by_hand->note = g_strdup ("шағым");
  envelope->applicant_name = g_strdup ("");
  envelope->note = g_strdup ("Kazpost EE229629645RU");
  g_assert_cmpstr (appeals_receipt_get_display_name (by_hand), ==, "Иванов Пётр");
  g_assert_cmpstr (appeals_receipt_get_display_name (envelope), ==, "Kazpost EE229629645RU");
  g_assert_cmpstr (appeals_receipt_get_display_name (bare), ==, "");

  /* an envelope not opened yet is named by its barcode, in the reader's
   * language; once opened, or by hand, or noted otherwise, it is not */
  envelope->channel = APPEALS_RECEIPT_CHANNEL_KAZPOST;
  g_assert_cmpstr (appeals_receipt_get_envelope_code (envelope), ==, "EE229629645RU");
  g_assert_null (appeals_receipt_get_envelope_code (by_hand));
  g_assert_null (appeals_receipt_get_envelope_code (bare));
  g_free (envelope->note);
  envelope->note = g_strdup ("Kazpost ");
  g_assert_null (appeals_receipt_get_envelope_code (envelope));
  g_free (envelope->note);
  envelope->note = g_strdup ("Kazpost EE229629645RU");
  envelope->applicant_name = (g_free (envelope->applicant_name), g_strdup ("Сейтқали Әлия"));
  g_assert_null (appeals_receipt_get_envelope_code (envelope));
}

static const struct
{
  const char *json;
  const char *field;   /* NULL: valid */
  const char *code;
} inputs[] = {
  { "{\"applicant_name\":\"Әлия Сейтқали\",\"pages\":3,\"language\":\"kk\"}", NULL, NULL },
  { "{\"applicant_name\":\"Әлия\",\"iin\":\"061211600012\",\"pages\":1,\"attachments\":2,\"language\":\"ru\"}",
    NULL, NULL },
  { "{\"applicant_name\":\"Әлия\",\"iin\":\"061211600013\",\"pages\":1,\"language\":\"kk\"}", "iin", "invalid_iin" },
  { "{\"applicant_name\":\"   \",\"pages\":1,\"language\":\"kk\"}", "applicant_name", "required" },
  { "{\"pages\":1,\"language\":\"kk\"}", "applicant_name", "required" },
  { "{\"applicant_name\":\"Әлия\",\"pages\":0,\"language\":\"kk\"}", "pages", "out_of_range" },
  { "{\"applicant_name\":\"Әлия\",\"pages\":10000,\"language\":\"kk\"}", "pages", "out_of_range" },
  { "{\"applicant_name\":\"Әлия\",\"pages\":1,\"attachments\":-1,\"language\":\"kk\"}", "attachments",
    "out_of_range" },
  { "{\"applicant_name\":\"Әлия\",\"pages\":1,\"language\":\"en\"}", "language", "invalid_value" },
};

static void
test_validate (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(JsonNode) node = core_test_parse_json (inputs[i].json);
      g_autoptr(AppealsReceipt) receipt = appeals_receipt_new ();
      g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
      const AppealsFieldError *found;

      appeals_record_read_members (appeals_receipt_get_record_type (), receipt, json_node_get_object (node),
                                   APPEALS_RECORD_CREATE, errors);
      appeals_receipt_validate (receipt, errors);
      if (inputs[i].field == NULL)
        {
          g_assert_cmpuint (errors->len, ==, 0);
          continue;
        }
      found = appeals_field_errors_find (errors, inputs[i].field);
      g_assert_nonnull (found);
      g_assert_cmpstr (found->code, ==, inputs[i].code);
    }
}

/* The number is the journal's to give: one in the input is not taken. */
static void
test_number_not_taken (void)
{
  g_autoptr(JsonNode) node = core_test_parse_json ("{\"applicant_name\":\"Әлия\",\"pages\":1,\"language\":\"kk\","
                                                   "\"number\":7,\"journal_date\":\"2026-01-01\"}");
  g_autoptr(AppealsReceipt) receipt = appeals_receipt_new ();
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();

  appeals_record_read_members (appeals_receipt_get_record_type (), receipt, json_node_get_object (node),
                               APPEALS_RECORD_CREATE, errors);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpint (receipt->number, ==, 0);
  g_assert_false (g_date_valid (&receipt->journal_date));
}

static void
test_json (void)
{
  g_autoptr(AppealsReceipt) receipt = appeals_receipt_new ();
  g_autoptr(AppealsReceipt) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  receipt->id = 5;
  g_date_set_dmy (&receipt->journal_date, 30, G_DATE_NOVEMBER, 2026);
  receipt->number = 17;
  appeals_receipt_set_talon_number (receipt);
  receipt->channel = APPEALS_RECEIPT_CHANNEL_HAND;
  receipt->applicant_name = g_strdup ("Әлия Сейтқали");
  receipt->pages = 4;
  receipt->language = APPEALS_LANGUAGE_KK;
  node = appeals_receipt_to_json (receipt);
  back = appeals_receipt_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->talon_number, ==, "20261130-0017");
  g_assert_cmpint (back->channel, ==, APPEALS_RECEIPT_CHANNEL_HAND);
  g_assert_cmpstr (back->applicant_name, ==, "Әлия Сейтқали");
  g_assert_cmpint (back->pages, ==, 4);
  g_assert_cmpint (back->language, ==, APPEALS_LANGUAGE_KK);
  g_assert_cmpint (g_date_compare (&back->journal_date, &receipt->journal_date), ==, 0);
}

static const struct
{
  guint       n_receipts;
  guint       loads[4];       /* before */
  guint       n_registrars;
  guint       after[4];
  const char *why;
} splits[] = {
  { 10, { 0, 0, 0 }, 3, { 4, 3, 3 }, "ten among three: 4, 3, 3" },
  { 9, { 0, 0, 0 }, 3, { 3, 3, 3 }, "nine among three: 3 each" },
  { 2, { 0, 0, 0, 0 }, 4, { 1, 1, 0, 0 }, "fewer receipts than registrars" },
  { 5, { 4, 0, 1 }, 3, { 4, 3, 3 }, "a later split fills the ones with fewest first" },
  { 1, { 7, 0 }, 2, { 7, 1 }, "counts far apart before stay no further apart" },
  { 0, { 2, 2 }, 2, { 2, 2 }, "nothing to hand over" },
  { 3, { 0 }, 1, { 3 }, "one registrar takes all" },
};

static void
test_split_evenly (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (splits); i++)
    {
      guint loads[4];
      guint counted[4] = { 0 };
      guint assignees[16];

      memcpy (loads, splits[i].loads, sizeof loads);
      g_test_message ("%s", splits[i].why);
      appeals_receipt_split_evenly (splits[i].n_receipts, loads, splits[i].n_registrars, assignees);
      for (guint r = 0; r < splits[i].n_receipts; r++)
        {
          g_assert_cmpuint (assignees[r], <, splits[i].n_registrars);
          counted[assignees[r]]++;
        }
      for (guint j = 0; j < splits[i].n_registrars; j++)
        {
          g_assert_cmpuint (loads[j], ==, splits[i].after[j]);
          g_assert_cmpuint (splits[i].loads[j] + counted[j], ==, splits[i].after[j]);
        }
    }
}

/* One table for the file layouts: each row a file, the rows it gives (or
 * -1 for a file refused as a whole), and the first row's first error. */
static void
test_import_parse (void)
{
  static const struct {
    const char *format;
    const char *content;
    int         n_rows;
    const char *first_error;   /* "field:code" of row 1, NULL for none */
  } cases[] = {
    { "csv", "external_number,date,channel,iin,applicant_name,address,text,attachments\n"
             "E-1,2026-11-27,egov,061211600012,Әлия,,Өтініш,a.pdf;b.pdf\n", 1, NULL },
    /* columns in another order, CRLF, a quoted comma, quote and line break */
    { "csv", "text,attachments,address,applicant_name,iin,channel,date,external_number\r\n"
             "\"Жол, \"\"көше\"\"\nжөндеу\",,,Әлия,,eotinish,2026-11-27,E-1\r\n\r\n", 1, NULL },
    { "csv", "external_number,date,channel,iin,applicant_name,address,text,attachments\n"
             "E-1,2026-11-27,egov,061211600013,Әлия,,Өтініш,\n", 1, "iin:invalid_iin" },
    { "csv", "external_number,date,channel,iin,applicant_name,address,text,attachments\n"
             "E-1,2026-02-30,fax,,Әлия,,Өтініш,\n", 1, "date:invalid_date" },
    { "csv", "external_number,date,channel,iin,applicant_name,address,text,attachments\n"
             "E-1,2026-11-27,egov,,,,Өтініш,\n", 1, "applicant_name:required" },
    { "csv", "external_number,date,channel,iin,applicant_name,address,text,attachments\n"
             "E-1,2026-11-27,egov,,\"Әлия,,Өтініш,\n", -1, NULL },
    { "csv", "external_number,date,channel,iin,applicant_name,address,text\nE-1,2026-11-27,egov,,Ә,,Ө\n", -1, NULL },
    { "csv", "external_number,date,channel,iin,applicant_name,address,text,attachments\n", -1, NULL },
    { "json", "[{\"external_number\":\"E-1\",\"date\":\"2026-11-27\",\"channel\":\"virtual-reception\","
              "\"applicant_name\":\"Әлия\",\"text\":\"Өтініш\",\"attachments\":[\"a.pdf\"]}]", 1, NULL },
    { "json", "[{\"external_number\":1,\"date\":\"2026-11-27\",\"channel\":\"egov\","
              "\"applicant_name\":\"Әлия\",\"text\":\"Өтініш\"}]", 1, "external_number:wrong_type" },
    { "json", "[{\"external_number\":\"E-1\",\"date\":\"2026-11-27\",\"channel\":\"egov\",\"fax\":\"1\","
              "\"applicant_name\":\"Әлия\",\"text\":\"Өтініш\",\"attachments\":[\"../a.pdf\"]}]", 1,
      "fax:unknown_field" },
    { "json", "[1]", -1, NULL },
    { "json", "{}", -1, NULL },
    { "json", "[", -1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = appeals_import_parse (cases[i].format, cases[i].content, &error);
      AppealsImportRow *first;
      g_autofree char *found = NULL;

      g_test_message ("case %u", i);
      if (cases[i].n_rows < 0)
        {
          g_assert_null (rows);
          g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpint (rows->len, ==, cases[i].n_rows);
      first = g_ptr_array_index (rows, 0);
      if (first->errors->len > 0)
        {
          const AppealsFieldError *one = g_ptr_array_index (first->errors, 0);

          found = g_strconcat (one->field, ":", one->code, NULL);
        }
      g_assert_cmpstr (found, ==, cases[i].first_error);
      g_assert_cmpint (first->status, ==, found != NULL ? APPEALS_IMPORT_ROW_INVALID : APPEALS_IMPORT_ROW_NEW);
    }
}

/* A row repeating an earlier one's channel and number is a duplicate; the
 * same number in another channel is not. The language follows the text. */
static void
test_import_duplicates (void)
{
  g_autoptr(GPtrArray) rows = appeals_import_parse ("csv",
    "external_number,date,channel,iin,applicant_name,address,text,attachments\n"
    "E-1,2026-11-27,egov,,Әлия,,Мектепке орын беруді сұраймын,\n"
    "E-1,2026-11-27,eotinish,,Пётр,,Прошу помочь,\n"
    "E-1,2026-11-27,egov,,Бауыржан,,Жалоба,\n", NULL);
  AppealsImportRow *third;

  g_assert_nonnull (rows);
  g_assert_cmpint (((AppealsImportRow *) g_ptr_array_index (rows, 0))->status, ==, APPEALS_IMPORT_ROW_NEW);
  g_assert_cmpstr (((AppealsImportRow *) g_ptr_array_index (rows, 0))->language, ==, "kk");
  g_assert_cmpint (((AppealsImportRow *) g_ptr_array_index (rows, 1))->status, ==, APPEALS_IMPORT_ROW_NEW);
  g_assert_cmpstr (((AppealsImportRow *) g_ptr_array_index (rows, 1))->language, ==, "ru");
  third = g_ptr_array_index (rows, 2);
  g_assert_cmpint (third->status, ==, APPEALS_IMPORT_ROW_INVALID);
  g_assert_nonnull (appeals_field_errors_find (third->errors, "external_number"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/receipt/journal-day", test_journal_day);
  g_test_add_func ("/receipt/talon-number", test_talon_number);
  g_test_add_func ("/receipt/talon-number-parse", test_talon_number_parse);
  g_test_add_func ("/receipt/display-name", test_display_name);
  g_test_add_func ("/receipt/validate", test_validate);
  g_test_add_func ("/receipt/number-not-taken", test_number_not_taken);
  g_test_add_func ("/receipt/split-evenly", test_split_evenly);
  g_test_add_func ("/receipt/json", test_json);
  g_test_add_func ("/receipt/import-parse", test_import_parse);
  g_test_add_func ("/receipt/import-duplicates", test_import_duplicates);
  return g_test_run ();
}
