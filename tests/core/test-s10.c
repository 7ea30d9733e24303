/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-s10.c: the UPU S10 identifiers of Kazpost's envelopes and lists —
 * the check digit with its two special cases (10 is written 0, 11 is
 * written 5), the shape (two letters, eight digits, the check digit, a
 * two-letter country) and what a scanner or a person may send.
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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/s10/codes", test_s10_codes);
  g_test_add_func ("/s10/check-digit", test_s10_check_digit);
  g_test_add_func ("/s10/normalize", test_s10_normalize);
  return g_test_run ();
}
