/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-iin.c: IIN and BIN — check digits, birth date, sex and age from an
 * IIN, and the ways a number can be wrong.
 */
#include "config.h"

#include <string.h>

#include "appeals-core.h"

/* Builds a 12-digit number from 11 digits by appending the right check
 * digit, so that a case can be wrong in one respect only. Returns FALSE
 * when no check digit exists for those 11 digits. */
static gboolean
with_check_digit (const char *eleven,
                  char        out[13])
{
  memcpy (out, eleven, 11);
  out[12] = '\0';
  for (char c = '0'; c <= '9'; c++)
    {
      out[11] = c;
      if (appeals_iin_checksum_ok (out))
        return TRUE;
    }
  return FALSE;
}

static const struct {
  const char *number;
  gboolean    checksum_ok;
  const char *why;
} checksums[] = {
  { "940140000385", TRUE, "department's sample (a BIN)" },
  { "990140004654", TRUE, "department's sample (a BIN)" },
  { "061211600012", TRUE, "department's sample (an IIN)" },
  { "123123123123", FALSE, "check digit would be 7" },
  { "061211600013", FALSE, "last digit off by one" },
  { "940140000386", FALSE, "last digit off by one" },
  { "06121160001", FALSE, "11 digits" },
  { "0612116000120", FALSE, "13 digits" },
  { "06121160001a", FALSE, "a letter" },
  { "", FALSE, "empty" },
};

static void
test_checksums (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (checksums); i++)
    {
      g_test_message ("%s: %s", checksums[i].number, checksums[i].why);
      g_assert_cmpint (appeals_iin_checksum_ok (checksums[i].number), ==, checksums[i].checksum_ok);
    }
}

/* The second weighting: 11 digits whose first weighted sum is 10 mod 11. */
static void
test_second_weights (void)
{
  char number[13];
  guint found = 0;

  /* search a range of real-looking IINs for ones that need the second pass */
  for (guint serial = 0; serial < 2000 && found < 3; serial++)
    {
      g_autofree char *eleven = g_strdup_printf ("8503154%04u", serial);
      int sum = 0;

      for (guint i = 0; i < 11; i++)
        sum += (eleven[i] - '0') * (i + 1);
      if (sum % 11 != 10)
        continue;

      if (with_check_digit (eleven, number))
        {
          int second = 0;
          static const int w2[] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };

          for (guint i = 0; i < 11; i++)
            second += (eleven[i] - '0') * w2[i];
          g_assert_cmpint (second % 11, !=, 10);
          g_assert_cmpint (number[11] - '0', ==, second % 11);
          g_assert_true (appeals_iin_validate (number, NULL));
          found++;
        }
    }
  g_assert_cmpuint (found, >, 0);
}

static const struct {
  const char *iin;
  const char *birth_date;
  AppealsSex  sex;
} iins[] = {
  { "061211600012", "2006-12-11", APPEALS_SEX_FEMALE },
};

/* 11-digit prefixes completed with their check digit: valid ones with the
 * birth date and sex they carry, invalid ones wrong only in the date or
 * the century digit. */
static const struct {
  const char *eleven;
  const char *birth_date;   /* NULL: invalid */
  AppealsSex  sex;
  const char *why;
} constructed[] = {
  { "85031530012", "1985-03-15", APPEALS_SEX_MALE, "3: a man born in the 1900s" },
  { "85031540012", "1985-03-15", APPEALS_SEX_FEMALE, "4: a woman born in the 1900s" },
  { "10010150034", "2010-01-01", APPEALS_SEX_MALE, "5: a man born in the 2000s" },
  { "99123120001", "1899-12-31", APPEALS_SEX_FEMALE, "2: a woman born in the 1800s" },
  { "00022950001", "2000-02-29", APPEALS_SEX_MALE, "29 February of a leap year" },
  { "01022950001", NULL, APPEALS_SEX_UNKNOWN, "29 February of a common year" },
  { "85023130012", NULL, APPEALS_SEX_UNKNOWN, "31 February" },
  { "85130130012", NULL, APPEALS_SEX_UNKNOWN, "month 13" },
  { "85000130012", NULL, APPEALS_SEX_UNKNOWN, "month 0" },
  { "85031500012", NULL, APPEALS_SEX_UNKNOWN, "century digit 0" },
  { "85031570012", NULL, APPEALS_SEX_UNKNOWN, "century digit 7" },
  { "85031590012", NULL, APPEALS_SEX_UNKNOWN, "century digit 9" },
};

static void
check_parse (const char *iin,
             const char *birth_date,
             AppealsSex  sex)
{
  g_autoptr(GError) error = NULL;
  AppealsSex parsed_sex = APPEALS_SEX_UNKNOWN;
  GDate birth;
  gboolean ok;

  ok = appeals_iin_parse (iin, &birth, &parsed_sex, &error);
  if (birth_date == NULL)
    {
      g_assert_false (ok);
      g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_cmpint (appeals_tax_id_classify (iin), !=, APPEALS_TAX_ID_IIN);
      return;
    }

  g_assert_no_error (error);
  g_assert_true (ok);
  {
    g_autofree char *iso = appeals_date_format_iso (&birth);
    g_assert_cmpstr (iso, ==, birth_date);
  }
  g_assert_cmpint (parsed_sex, ==, sex);
  g_assert_cmpint (appeals_tax_id_classify (iin), ==, APPEALS_TAX_ID_IIN);
}

static void
test_iin_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (iins); i++)
    check_parse (iins[i].iin, iins[i].birth_date, iins[i].sex);

  for (guint i = 0; i < G_N_ELEMENTS (constructed); i++)
    {
      char number[13];

      g_test_message ("%s: %s", constructed[i].eleven, constructed[i].why);
      if (!with_check_digit (constructed[i].eleven, number))
        g_error ("no check digit exists for %s; pick another serial", constructed[i].eleven);
      check_parse (number, constructed[i].birth_date, constructed[i].sex);
    }
}

static const struct {
  const char *id;
  const char *why;
} malformed[] = {
  { "123123123123", "wrong check digit" },
  { "06121160001", "11 digits" },
  { "0612116000123", "13 digits" },
  { "", "empty" },
  { "06121160001б", "a Cyrillic letter" },
  { "0612 1160001", "a space" },
  { "940140000385", "a BIN is not an IIN: day 40" },
};

static void
test_iin_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s: %s", malformed[i].id, malformed[i].why);
      g_assert_false (appeals_iin_validate (malformed[i].id, &error));
      g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_INVALID);
    }

  g_assert_false (appeals_iin_validate (NULL, NULL));
}

static const struct {
  const char *iin;
  const char *on;
  int         age;
} ages[] = {
  { "061211600012", "2026-11-25", 19 },
  { "061211600012", "2026-12-10", 19 },   /* the day before the birthday */
  { "061211600012", "2026-12-11", 20 },   /* the birthday */
  { "061211600012", "2006-12-11", 0 },
  { "061211600012", "2006-12-10", -1 },   /* not born yet */
  { "123123123123", "2026-11-25", -1 },
};

static void
test_ages (void)
{
  char leap[13];
  GDate on;

  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    {
      appeals_date_parse_iso (ages[i].on, &on);
      g_assert_cmpint (appeals_iin_age_on (ages[i].iin, &on), ==, ages[i].age);
    }

  /* born 29 February 2000: 18 on 1 March 2018, not on 28 February */
  g_assert_true (with_check_digit ("00022950001", leap));
  appeals_date_parse_iso ("2018-02-28", &on);
  g_assert_cmpint (appeals_iin_age_on (leap, &on), ==, 17);
  appeals_date_parse_iso ("2018-03-01", &on);
  g_assert_cmpint (appeals_iin_age_on (leap, &on), ==, 18);
  appeals_date_parse_iso ("2020-02-29", &on);
  g_assert_cmpint (appeals_iin_age_on (leap, &on), ==, 20);
}

static const struct {
  const char *bin;
  gboolean    valid;
  const char *why;
} bins[] = {
  { "940140000385", TRUE, "January 1994, resident legal entity, head unit" },
  { "990140004654", TRUE, "January 1999, resident legal entity, head unit" },
  { "940140000386", FALSE, "wrong check digit" },
  { "061211600012", FALSE, "an IIN: month 12 fine, but kind digit 1" },
  { "94014000038", FALSE, "11 digits" },
  { "9401400003a5", FALSE, "a letter" },
};

static void
test_bins (void)
{
  char number[13];

  for (guint i = 0; i < G_N_ELEMENTS (bins); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s: %s", bins[i].bin, bins[i].why);
      g_assert_cmpint (appeals_bin_validate (bins[i].bin, &error), ==, bins[i].valid);
      if (!bins[i].valid)
        g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_INVALID);
    }

  /* month 13 and kind 7, each with a correct check digit */
  g_assert_true (with_check_digit ("94134000038", number));
  g_assert_false (appeals_bin_validate (number, NULL));
  g_assert_true (with_check_digit ("94017000038", number));
  g_assert_false (appeals_bin_validate (number, NULL));
}

static const struct {
  const char      *id;
  AppealsTaxIdKind kind;
} classified[] = {
  { "940140000385", APPEALS_TAX_ID_BIN },
  { "990140004654", APPEALS_TAX_ID_BIN },
  { "061211600012", APPEALS_TAX_ID_IIN },
  { "123123123123", APPEALS_TAX_ID_INVALID },
  { "abc", APPEALS_TAX_ID_INVALID },
};

static void
test_classify (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (classified); i++)
    g_assert_cmpint (appeals_tax_id_classify (classified[i].id), ==, classified[i].kind);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iin/checksums", test_checksums);
  g_test_add_func ("/iin/second-weights", test_second_weights);
  g_test_add_func ("/iin/parse", test_iin_parse);
  g_test_add_func ("/iin/invalid", test_iin_invalid);
  g_test_add_func ("/iin/ages", test_ages);
  g_test_add_func ("/bin/validate", test_bins);
  g_test_add_func ("/tax-id/classify", test_classify);

  return g_test_run ();
}
