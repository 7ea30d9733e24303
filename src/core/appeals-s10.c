/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-s10.c: the check of a UPU S10 identifier. The check digit of the
 * serial number d1…d8 is 11 - (Σ di·wi mod 11) with the weights
 * 8 6 4 2 3 5 9 7, where 10 is written 0 and 11 is written 5
 * (UPU standard S10).
 */
#include "config.h"

#include <string.h>

#include "appeals-s10.h"

static const int weights[8] = { 8, 6, 4, 2, 3, 5, 9, 7 };

/**
 * appeals_s10_check_digit:
 * @serial: at least eight characters, the first eight of them digits
 *
 * Returns: the check digit of the serial number, or -1 when its first
 *   eight characters are not all digits
 */
int
appeals_s10_check_digit (const char *serial)
{
  int sum = 0;
  int digit;

  g_return_val_if_fail (serial != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      if (!g_ascii_isdigit (serial[i]))
        return -1;
      sum += (serial[i] - '0') * weights[i];
    }
  digit = 11 - sum % 11;
  if (digit == 10)
    return 0;
  if (digit == 11)
    return 5;
  return digit;
}

/**
 * appeals_s10_normalize:
 * @text: a code as typed, pasted or scanned
 *
 * A scanner sends the code as printed; a person may type it in small
 * letters or paste it with spaces around it or inside it.
 *
 * Returns: (transfer full): @text without blanks, in capital letters
 */
char *
appeals_s10_normalize (const char *text)
{
  GString *code = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (code, g_ascii_toupper (*p));
  return g_string_free (code, FALSE);
}

/**
 * appeals_s10_is_valid:
 * @code: a normalized code
 *
 * Returns: %TRUE when @code is two Latin capital letters, eight digits,
 *   their check digit and two Latin capital letters of a country
 */
gboolean
appeals_s10_is_valid (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  if (strlen (code) != APPEALS_S10_LENGTH)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    if (!g_ascii_isupper (code[i]) || !g_ascii_isupper (code[11 + i]))
      return FALSE;
  if (!g_ascii_isdigit (code[10]))
    return FALSE;
  return appeals_s10_check_digit (code + 2) == code[10] - '0';
}
