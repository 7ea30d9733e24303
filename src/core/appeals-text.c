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

/* g_utf8_strdown() lower-cases most characters one by one, as
 * g_unichar_tolower() does, but a few by their neighbours or the locale:
 * Greek capital sigma (final at the end of a word), I and İ (Turkish,
 * Azerbaijani), I, J, Į, Ì, Í and Ĩ (Lithuanian). What a department
 * writes is ASCII, Cyrillic (Kazakh and Russian, U+0400–U+04FF), Latin-1
 * signs (« » °, U+0080–U+00BF), punctuation, letterlike signs and number
 * forms (— … “ ” №, U+2000–U+21BF): none of those is one of the few but
 * I and J, so text made of them alone, without I and J, is folded a
 * character at a time. Returns: whether @text is such text. */
static gboolean
folds_by_character (const char *text)
{
  const guchar *p = (const guchar *) text;

  while (*p != '\0')
    {
      if (*p < 0x80)
        {
          if (*p == 'I' || *p == 'J')
            return FALSE;
          p++;
        }
      else if ((*p >= 0xd0 && *p <= 0xd3) || *p == 0xc2)   /* U+0400–U+04FF, U+0080–U+00BF */
        {
          if ((p[1] & 0xc0) != 0x80)
            return FALSE;
          p += 2;
        }
      else if (*p == 0xe2 && p[1] >= 0x80 && p[1] <= 0x86)   /* U+2000–U+21BF */
        {
          if ((p[2] & 0xc0) != 0x80)
            return FALSE;
          p += 3;
        }
      else
        return FALSE;
    }
  return TRUE;
}

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

  if (folds_by_character (text))
    {
      gsize length = strlen (text);
      char *out = g_malloc (length + 1);
      char *at = out;

      for (const guchar *p = (const guchar *) text; *p != '\0';)
        {
          gunichar c;

          if (*p < 0x80)
            {
              *at++ = g_ascii_tolower (*p++);
              continue;
            }
          /* two or three bytes; their lower case is no longer (the test
           * holds every character of the blocks) */
          if (*p < 0xe0)
            {
              c = ((gunichar) (p[0] & 0x1f) << 6) | (p[1] & 0x3f);
              p += 2;
            }
          else
            {
              c = ((gunichar) (p[0] & 0x0f) << 12) | ((gunichar) (p[1] & 0x3f) << 6) | (p[2] & 0x3f);
              p += 3;
            }
          c = g_unichar_tolower (c);
          if (c == 0x0451)   /* ё */
            c = 0x0435;      /* е */
          at += g_unichar_to_utf8 (c, at);
        }
      *at = '\0';
      return out;
    }

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

/* Whether word @i of @typed adds nothing to the search: another word
 * begins with it (a prefix of that word finds its texts already), or it
 * is the same word typed again. */
static gboolean
word_is_implied (GPtrArray *typed,
                 guint      i)
{
  const char *word = g_ptr_array_index (typed, i);

  for (guint j = 0; j < typed->len; j++)
    {
      const char *other = g_ptr_array_index (typed, j);

      if (j != i && g_str_has_prefix (other, word) && (strlen (other) > strlen (word) || j < i))
        return TRUE;
    }
  return FALSE;
}

/**
 * appeals_text_search_words:
 * @query: what someone typed into a search field
 *
 * The words of @query as the journal's search matches them, each the
 * beginning of some word of a text: folded, made of letters and digits
 * (anything else separates them, so that a word is safe in FTS5 and
 * tsquery syntax), in the order typed. A word typed twice,
 * or one that another word of @query begins with ("к" beside "көмек"),
 * would find no fewer texts and is left out: every word is one more list
 * the text index has to read.
 *
 * Returns: (transfer full) (element-type utf8): the words
 */
GPtrArray *
appeals_text_search_words (const char *query)
{
  g_autofree char *folded = appeals_text_fold (query);
  g_autoptr(GPtrArray) typed = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        g_ptr_array_add (typed, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }

  for (guint i = 0; i < typed->len; i++)
    if (!word_is_implied (typed, i))
      g_ptr_array_add (words, g_strdup (g_ptr_array_index (typed, i)));
  return words;
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
