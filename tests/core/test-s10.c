/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-s10.c: the UPU S10 identifiers of Kazpost's envelopes and lists —
 * the check digit with its two special cases (10 is written 0, 11 is
 * written 5), the shape (two letters, eight digits, the check digit, a
 * two-letter country) and what a scanner or a person may send; then
 * the rule that reconciles a batch's list with its envelopes, and the
 * batch's JSON as the client reads what the server wrote.
 */
#include "config.h"

#include "core-test-util.h"

static const struct
{
  const char *code;
  gboolean    valid;
  const char *why;
} codes[] = {
  { "RR123456785KZ", TRUE,  "a registered letter from Kazakhstan: 204 mod 11 = 6, 11 - 6 = 5" },
  { "RA473124829GB", TRUE,  "the check digit 9 of the S10 standard's example" },
  { "CP049382680KZ", TRUE,  "a sum of 1 mod 11 gives 10, written 0" },
  { "EE229629645RU", TRUE,  "a sum of 0 mod 11 gives 11, written 5" },
  { "RR000000005KZ", TRUE,  "all zeros: 11, written 5" },
  { "RR123456784KZ", FALSE, "the check digit is off by one" },
  { "RR123456780KZ", FALSE, "0 only when the sum gives 10" },
  { "CP049382681KZ", FALSE, "10 is never written 1" },
  { "EE229629640RU", FALSE, "11 is written 5, not 0" },
  { "RR214365785KZ", FALSE, "two digits swapped change the check digit" },
  { "RR12345678KZ",  FALSE, "a digit short" },
  { "RR1234567855KZ", FALSE, "a digit too many" },
  { "R1123456785KZ", FALSE, "the service indicator has a digit" },
  { "RR123456785K1", FALSE, "the country has a digit" },
  { "RR12345A785KZ", FALSE, "a letter among the serial's digits" },
  { "RR12345678XKZ", FALSE, "the check digit is a letter" },
  { "rr123456785kz", FALSE, "small letters are not a normalized code" },
  { "ЯЯ123456785KZ", FALSE, "Cyrillic letters, as a keyboard left in Russian would type" },
  { "",              FALSE, "nothing" },
};

static void
test_s10_codes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (appeals_s10_is_valid (codes[i].code) != codes[i].valid)
      g_error ("%s: expected %s (%s)", codes[i].code, codes[i].valid ? "valid" : "invalid", codes[i].why);
}

static const struct
{
  const char *serial;
  int         digit;
} check_digits[] = {
  { "12345678", 5 },
  { "47312482", 9 },
  { "04938268", 0 },
  { "22962964", 5 },
  { "00000001", 4 },
  { "1234567x", -1 },
};

static void
test_s10_check_digit (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (check_digits); i++)
    g_assert_cmpint (appeals_s10_check_digit (check_digits[i].serial), ==, check_digits[i].digit);
}

static const struct
{
  const char *typed;
  const char *code;
} typed[] = {
  { "rr123456785kz", "RR123456785KZ" },
  { " RR 1234 5678 5 KZ\n", "RR123456785KZ" },
  { "\tRR123456785KZ\r\n", "RR123456785KZ" },
};

static void
test_s10_normalize (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *code = appeals_s10_normalize (typed[i].typed);

      g_assert_cmpstr (code, ==, typed[i].code);
      g_assert_true (appeals_s10_is_valid (code));
    }
}

static const struct
{
  gboolean                on_list;
  gboolean                scanned;
  gboolean                wrong_addressee;
  AppealsKazpostItemState state;
} reconciled[] = {
  { TRUE,  TRUE,  FALSE, APPEALS_KAZPOST_ITEM_MATCHED },
  { TRUE,  FALSE, FALSE, APPEALS_KAZPOST_ITEM_MISSING },
  { FALSE, TRUE,  FALSE, APPEALS_KAZPOST_ITEM_NOT_ON_LIST },
  { TRUE,  TRUE,  TRUE,  APPEALS_KAZPOST_ITEM_WRONG_ADDRESSEE },
  { FALSE, TRUE,  TRUE,  APPEALS_KAZPOST_ITEM_WRONG_ADDRESSEE },
};

static void
test_batch_states (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (reconciled); i++)
    g_assert_cmpint (appeals_kazpost_item_state_for (reconciled[i].on_list, reconciled[i].scanned,
                                                     reconciled[i].wrong_addressee), ==, reconciled[i].state);
}

static void
test_batch_json (void)
{
  g_autoptr(AppealsKazpostBatch) batch = appeals_kazpost_batch_new ();
  g_autoptr(AppealsKazpostBatch) read = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  AppealsKazpostItem *item;

  batch->id = 7;
  batch->state = APPEALS_KAZPOST_BATCH_STATE_CLOSED;
  batch->courier = g_strdup ("Жұмабаев Ерлан");
  appeals_kazpost_batch_add_item (batch, "RR123456785KZ", TRUE, now, FALSE)->talon_number = g_strdup ("20261201-0002");
  appeals_kazpost_batch_add_item (batch, "CP049382680KZ", TRUE, NULL, FALSE);
  appeals_kazpost_batch_add_item (batch, "EE229629645RU", FALSE, now, TRUE);

  node = appeals_kazpost_batch_to_json (batch);
  read = appeals_kazpost_batch_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->id, ==, 7);
  g_assert_false (appeals_kazpost_batch_is_open (read));
  g_assert_cmpstr (read->courier, ==, "Жұмабаев Ерлан");
  g_assert_cmpuint (appeals_kazpost_batch_count (read, APPEALS_KAZPOST_ITEM_MATCHED), ==, 1);
  g_assert_cmpuint (appeals_kazpost_batch_count (read, APPEALS_KAZPOST_ITEM_MISSING), ==, 1);
  g_assert_cmpuint (appeals_kazpost_batch_count (read, APPEALS_KAZPOST_ITEM_WRONG_ADDRESSEE), ==, 1);
  item = appeals_kazpost_batch_find (read, "RR123456785KZ");
  g_assert_cmpstr (item->talon_number, ==, "20261201-0002");
  g_assert_nonnull (item->scanned_at);
  g_assert_null (appeals_kazpost_batch_find (read, "CP049382680KZ")->scanned_at);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/s10/codes", test_s10_codes);
  g_test_add_func ("/s10/check-digit", test_s10_check_digit);
  g_test_add_func ("/s10/normalize", test_s10_normalize);
  g_test_add_func ("/kazpost/item-states", test_batch_states);
  g_test_add_func ("/kazpost/batch-json", test_batch_json);
  return g_test_run ();
}
