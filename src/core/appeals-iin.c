/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-iin.c: checks of IIN and BIN.
 *
 * Both are 12 digits whose last is a check digit: the sum of the first
 * eleven weighted 1…11, modulo 11; when that gives 10, the sum weighted
 * 3…11, 1, 2, modulo 11; a second 10 means the number cannot exist.
 * An IIN starts with the birth date (YYMMDD) and a digit for century and
 * sex (1–6); a BIN with the year and month of registration (YYMM), the kind
 * of entity (4–6) and its attribute (0–3).
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "appeals-error.h"
#include "appeals-iin.h"

#define ID_LENGTH 12

static gboolean
all_digits (const char *text)
{
  if (text == NULL || strlen (text) != ID_LENGTH)
    return FALSE;

  for (guint i = 0; i < ID_LENGTH; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

static int
check_digit (const char *digits)
{
  static const int first_weights[11] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
  static const int second_weights[11] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };
  int sum = 0;

  for (guint i = 0; i < 11; i++)
    sum += (digits[i] - '0') * first_weights[i];
  if (sum % 11 != 10)
    return sum % 11;

  sum = 0;
  for (guint i = 0; i < 11; i++)
    sum += (digits[i] - '0') * second_weights[i];
  return sum % 11 == 10 ? -1 : sum % 11;
}

/**
 * appeals_iin_checksum_ok:
 * @digits: 12 ASCII digits
 *
 * Returns: whether the twelfth digit is the check digit of the first eleven.
 */
gboolean
appeals_iin_checksum_ok (const char *digits)
{
  int expected;

  if (!all_digits (digits))
    return FALSE;

  expected = check_digit (digits);
  return expected >= 0 && expected == digits[11] - '0';
}

static int
two_digits (const char *p)
{
  return (p[0] - '0') * 10 + (p[1] - '0');
}

static gboolean
check_shape (const char  *id,
             GError     **error)
{
  if (id == NULL || strlen (id) != ID_LENGTH)
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_INVALID,
                   _("An identification number has exactly 12 digits"));
      return FALSE;
    }

  if (!all_digits (id))
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_INVALID,
                   _("An identification number consists of digits only"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_checksum (const char  *id,
                GError     **error)
{
  if (!appeals_iin_checksum_ok (id))
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_INVALID,
                   _("The check digit does not match: please check the number for a typing mistake"));
      return FALSE;
    }

  return TRUE;
}

/**
 * appeals_iin_parse:
 * @birth_date: (out caller-allocates) (optional): the birth date
 * @sex: (out) (optional): the sex
 *
 * Returns: %TRUE when @iin is a valid IIN.
 */
gboolean
appeals_iin_parse (const char  *iin,
                   GDate       *birth_date,
                   AppealsSex  *sex,
                   GError     **error)
{
  int century_digit, year, month, day;

  if (!check_shape (iin, error))
    return FALSE;

  century_digit = iin[6] - '0';
  if (century_digit < 1 || century_digit > 6)
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_INVALID,
                   _("The seventh digit of an IIN (century and sex) must be from 1 to 6"));
      return FALSE;
    }

  year = 1800 + 100 * ((century_digit - 1) / 2) + two_digits (iin);
  month = two_digits (iin + 2);
  day = two_digits (iin + 4);
  if (!g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_INVALID,
                   _("The first six digits of an IIN must be a real birth date (YYMMDD)"));
      return FALSE;
    }

  if (!check_checksum (iin, error))
    return FALSE;

  if (birth_date != NULL)
    {
      g_date_clear (birth_date, 1);
      g_date_set_dmy (birth_date, day, month, year);
    }
  if (sex != NULL)
    *sex = century_digit % 2 == 1 ? APPEALS_SEX_MALE : APPEALS_SEX_FEMALE;

  return TRUE;
}

gboolean
appeals_iin_validate (const char  *iin,
                      GError     **error)
{
  return appeals_iin_parse (iin, NULL, NULL, error);
}

/**
 * appeals_iin_age_on:
 *
 * Returns: the age in full years on @on_date, or -1 for an invalid IIN or
 *   a date before the birth. Someone born on 29 February comes of age on
 *   1 March in common years.
 */
int
appeals_iin_age_on (const char  *iin,
                    const GDate *on_date)
{
  GDate birth;
  int age;

  g_return_val_if_fail (on_date != NULL && g_date_valid (on_date), -1);

  if (!appeals_iin_parse (iin, &birth, NULL, NULL) || g_date_compare (on_date, &birth) < 0)
    return -1;

  age = g_date_get_year (on_date) - g_date_get_year (&birth);
  if (g_date_get_month (on_date) < g_date_get_month (&birth) ||
      (g_date_get_month (on_date) == g_date_get_month (&birth) &&
       g_date_get_day (on_date) < g_date_get_day (&birth)))
    age--;

  return age;
}

/**
 * appeals_bin_validate:
 *
 * Returns: %TRUE when @bin is a valid BIN.
 */
gboolean
appeals_bin_validate (const char  *bin,
                      GError     **error)
{
  int month, kind, attribute;

  if (!check_shape (bin, error))
    return FALSE;

  month = two_digits (bin + 2);
  kind = bin[4] - '0';
  attribute = bin[5] - '0';

  if (month < 1 || month > 12)
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_INVALID,
                   _("The third and fourth digits of a BIN must be the month of registration"));
      return FALSE;
    }

  if (kind < 4 || kind > 6 || attribute > 3)
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_INVALID,
                   _("The fifth and sixth digits of a BIN must give the kind of entity (4–6) and its attribute (0–3)"));
      return FALSE;
    }

  return check_checksum (bin, error);
}

/**
 * appeals_tax_id_classify:
 *
 * Tells an IIN from a BIN. A number that could be read as both (the month
 * of a BIN followed by digits that are also a day of a birth date) is an
 * IIN only when its seventh digit is a century digit.
 */
AppealsTaxIdKind
appeals_tax_id_classify (const char *id)
{
  if (appeals_iin_parse (id, NULL, NULL, NULL))
    return APPEALS_TAX_ID_IIN;
  if (appeals_bin_validate (id, NULL))
    return APPEALS_TAX_ID_BIN;
  return APPEALS_TAX_ID_INVALID;
}
