/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-text.c: case folding with ё spelt е, so that "Федоров" finds
 * "Фёдоров" and "ҚОСТАНАЙ" finds "Қостанай"; dates as people type them.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "appeals-json.h"
#include "appeals-text.h"

/**
 * appeals_text_fold:
 *
 * Returns: (transfer full): @text lower-cased (Unicode, including the
 *   Kazakh letters) with ё replaced by е.
 */
char *
appeals_text_fold (const char *text)
{
  g_autofree char *lower = NULL;
  GString *folded;

  if (text == NULL)
    return g_strdup ("");

  lower = g_utf8_strdown (text, -1);
  folded = g_string_sized_new (strlen (lower));

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0451)   /* ё */
        c = 0x0435;      /* е */
      g_string_append_unichar (folded, c);
    }

  return g_string_free (folded, FALSE);
}

gboolean
appeals_text_contains (const char *folded_haystack,
                       const char *folded_needle)
{
  return folded_needle == NULL || *folded_needle == '\0' ||
         (folded_haystack != NULL && strstr (folded_haystack, folded_needle) != NULL);
}

/**
 * appeals_date_parse_text:
 * @text: a date as a person writes it: "27.11.2026" (also "27.11.26",
 *   "7.1.2026", "27/11/2026"), or "2026-11-27"; spaces around are ignored
 *
 * Returns: %TRUE and sets @date when @text is a real calendar date
 */
gboolean
appeals_date_parse_text (const char *text,
                         GDate      *date)
{
  g_autofree char *trimmed = NULL;
  guint day, month, year;
  char separator, second, tail;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (appeals_date_parse_iso (trimmed, date))
    return TRUE;
  if (sscanf (trimmed, "%2u%c%2u%c%4u%c", &day, &separator, &month, &second, &year, &tail) != 5 ||
      separator != second || (separator != '.' && separator != '/'))
    return FALSE;
  if (year < 100)
    year += 2000;
  return year >= 1900 && appeals_date_set_checked (date, day, month, year);
}

/**
 * appeals_date_format_text:
 *
 * Returns: (transfer full): @date as the desks show it, "27.11.2026";
 *   "" for an invalid date
 */
char *
appeals_date_format_text (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}
