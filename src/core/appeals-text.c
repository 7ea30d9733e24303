/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-text.c: case folding with ё spelt е, so that "Федоров" finds
 * "Фёдоров" and "ҚОСТАНАЙ" finds "Қостанай".
 */
#include "config.h"

#include <string.h>

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
