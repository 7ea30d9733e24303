/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-content.c: the terms of an appeal's texts for the content
 * analysis — folding (case, Kazakh letters, ё as е), the stop words of
 * data/content, short words and tokens with digits left out, two-word
 * phrases only where two counted words stand together — and the ranking
 * of the counted terms.
 */
#include "config.h"

#include <string.h>

#include "appeals-core.h"

static const struct {
  const char *name;
  const char *annotation;
  const char *text;
  const char *terms;          /* sorted, separated by "|" */
} extract_cases[] = {
  { "folded, ё as е", "Перерасчёт ОТОПЛЕНИЯ", NULL, "отопления|перерасчет|перерасчет отопления" },
  { "Kazakh capitals fold", "БАҒДАРШАМ Істемейді", NULL, "бағдаршам|бағдаршам істемейді|істемейді" },
  { "stop words break phrases", "Светофоры не работают на перекрёстке", NULL,
    "перекрестке|работают|светофоры" },
  { "punctuation breaks phrases", "ремонт, дороги", NULL, "дороги|ремонт" },
  { "formulas of appeals are stop words", "Прошу оказать содействие", "Өтінемін, жол жөндеу",
    "жол|жол жөндеу|жөндеу" },
  { "short words and digits are no terms", "Кв 12, 5А в 2026-000042", NULL, "" },
  { "a phrase does not run from annotation into text", "протечка", "крыши", "крыши|протечка" },
  { "each term once", "Газ, газ и ГАЗ", NULL, "газ" },
};

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
joined_terms (GPtrArray *terms)
{
  g_ptr_array_sort (terms, compare_strings);
  g_ptr_array_add (terms, NULL);
  return g_strjoinv ("|", (char **) terms->pdata);
}

static void
test_extract (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (extract_cases); i++)
    {
      g_autoptr(GPtrArray) terms = appeals_content_extract (extract_cases[i].annotation, extract_cases[i].text);
      g_autofree char *joined = joined_terms (terms);

      g_test_message ("%s", extract_cases[i].name);
      g_assert_cmpstr (joined, ==, extract_cases[i].terms);
    }
}

/* The largest growth first; what did not grow goes; a word whose phrase
 * has its counts goes; the limit holds. */
static void
test_rank (void)
{
  g_autoptr(AppealsContentTerms) terms = appeals_content_terms_new ();

  appeals_content_terms_add (terms, "газ", 5, 1, g_strdup ("q=газ"));
  appeals_content_terms_add (terms, "вода", 9, 9, g_strdup ("q=вода"));
  appeals_content_terms_add (terms, "сломанные", 4, 0, g_strdup ("q=сломанные"));
  appeals_content_terms_add (terms, "сломанные светофоры", 4, 0, g_strdup ("q=сломанные+светофоры"));
  appeals_content_terms_add (terms, "светофоры", 6, 1, g_strdup ("q=светофоры"));
  appeals_content_terms_add (terms, "мост", 2, 0, g_strdup ("q=мост"));
  appeals_content_terms_rank (terms, 3);

  g_assert_cmpuint (terms->terms->len, ==, 3);
  g_assert_cmpstr (((AppealsContentTerm *) g_ptr_array_index (terms->terms, 0))->term, ==, "светофоры");
  g_assert_cmpstr (((AppealsContentTerm *) g_ptr_array_index (terms->terms, 1))->term, ==, "газ");
  g_assert_cmpstr (((AppealsContentTerm *) g_ptr_array_index (terms->terms, 2))->term, ==, "сломанные светофоры");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/content/extract", test_extract);
  g_test_add_func ("/content/rank", test_rank);
  return g_test_run ();
}
