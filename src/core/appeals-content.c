/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-content.c: the terms of appeals' texts for content analysis, and
 * the JSON of the content-terms answer.
 *
 * A word is a run of letters (digits make a token no word: numbers,
 * registration numbers and IINs are not topics); it counts from three
 * letters on and when no stop list has it. A two-word phrase is two
 * counted words with only spaces between them: "ремонт дорог" is a phrase
 * in "ремонт дорог в селе", not in "ремонт, дороги" nor across a stop
 * word. Each term counts once per appeal.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "appeals-content.h"
#include "appeals-data.h"
#include "appeals-json.h"
#include "appeals-report.h"
#include "appeals-text.h"

#define ORIGIN "content-terms"

static const char * const stop_word_files[] = {
  "content/stopwords-kk.txt",
  "content/stopwords-ru.txt",
};

static void
read_stop_words (GHashTable *words,
                 const char *relative_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = appeals_data_find_file (relative_path, &error);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (path == NULL || !g_file_get_contents (path, &contents, NULL, &error))
    {
      g_warning ("stop words %s: %s", relative_path, error->message);
      return;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0' && *line != '#')
        g_hash_table_add (words, appeals_text_fold (line));
    }
}

static GHashTable *
get_stop_words (void)
{
  static gsize loaded = 0;
  static GHashTable *words;

  if (g_once_init_enter (&loaded))
    {
      words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (stop_word_files); i++)
        read_stop_words (words, stop_word_files[i]);
      g_once_init_leave (&loaded, 1);
    }
  return words;
}

/**
 * appeals_content_is_stop_word:
 * @folded_word: a word folded by appeals_text_fold()
 */
gboolean
appeals_content_is_stop_word (const char *folded_word)
{
  return g_hash_table_contains (get_stop_words (), folded_word);
}

static gboolean
is_counted (const char *word,
            gboolean    has_digit)
{
  return !has_digit && g_utf8_strlen (word, -1) >= APPEALS_CONTENT_MIN_LETTERS &&
         !appeals_content_is_stop_word (word);
}

static void
add_terms_of (GHashTable *terms,
              const char *text)
{
  g_autofree char *folded = appeals_text_fold (text);
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *previous = NULL;   /* the last counted word, while a phrase may follow it */
  gboolean has_digit = FALSE;

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          has_digit = has_digit || g_unichar_isdigit (c);
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          if (is_counted (word->str, has_digit))
            {
              g_hash_table_add (terms, g_strdup (word->str));
              if (previous != NULL)
                g_hash_table_add (terms, g_strconcat (previous, " ", word->str, NULL));
              g_free (previous);
              previous = g_strdup (word->str);
            }
          else
            g_clear_pointer (&previous, g_free);
          g_string_truncate (word, 0);
          has_digit = FALSE;
        }
      if (c == 0)
        break;
      if (!g_unichar_isspace (c))
        g_clear_pointer (&previous, g_free);
    }
}

/**
 * appeals_content_extract:
 *
 * Returns: (transfer full) (element-type utf8): the distinct terms (words
 *   and two-word phrases) of @annotation and @text, folded, in no order
 */
GPtrArray *
appeals_content_extract (const char *annotation,
                         const char *text)
{
  g_autoptr(GHashTable) terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer term;

  /* separately: a phrase does not run from the annotation into the text */
  add_terms_of (terms, annotation);
  add_terms_of (terms, text);
  g_hash_table_iter_init (&iter, terms);
  while (g_hash_table_iter_next (&iter, &term, NULL))
    {
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (result, term);
    }
  return result;
}

/* The answer ------------------------------------------------------------------ */

static void
content_term_free (AppealsContentTerm *term)
{
  g_free (term->term);
  g_free (term->filter);
  g_free (term);
}

AppealsContentTerms *
appeals_content_terms_new (void)
{
  AppealsContentTerms *terms = g_new0 (AppealsContentTerms, 1);

  g_date_clear (&terms->from, 1);
  g_date_clear (&terms->to, 1);
  g_date_clear (&terms->compare_from, 1);
  g_date_clear (&terms->compare_to, 1);
  terms->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) content_term_free);
  return terms;
}

void
appeals_content_terms_free (AppealsContentTerms *terms)
{
  if (terms == NULL)
    return;
  g_free (terms->district);
  g_free (terms->only_district);
  g_free (terms->only_question_character);
  g_ptr_array_unref (terms->terms);
  g_free (terms);
}

/**
 * appeals_content_terms_add:
 * @filter: (transfer full): the journal's query for the term
 */
void
appeals_content_terms_add (AppealsContentTerms *terms,
                           const char          *term,
                           gint64               count,
                           gint64               compare_count,
                           char                *filter)
{
  AppealsContentTerm *added = g_new0 (AppealsContentTerm, 1);

  added->term = g_strdup (term);
  added->count = count;
  added->compare_count = compare_count;
  added->filter = filter;
  g_ptr_array_add (terms->terms, added);
}

static int
compare_growth (gconstpointer a,
                gconstpointer b)
{
  const AppealsContentTerm *x = *(AppealsContentTerm * const *) a;
  const AppealsContentTerm *y = *(AppealsContentTerm * const *) b;
  gint64 growth_x = x->count - x->compare_count;
  gint64 growth_y = y->count - y->compare_count;

  if (growth_x != growth_y)
    return growth_x > growth_y ? -1 : 1;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->term, y->term);
}

/* A word whose phrase has the same counts: every appeal with the word has
 * the phrase (the phrase's appeals are among the word's), so the word
 * says nothing the phrase does not. */
static gboolean
is_in_phrase (GHashTable         *by_term,
              AppealsContentTerm *phrase,
              const char         *word)
{
  AppealsContentTerm *alone = g_hash_table_lookup (by_term, word);

  return alone != NULL && alone->count == phrase->count && alone->compare_count == phrase->compare_count;
}

static void
remove_words_of_phrases (AppealsContentTerms *terms)
{
  g_autoptr(GHashTable) by_term = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) redundant = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < terms->terms->len; i++)
    {
      AppealsContentTerm *term = g_ptr_array_index (terms->terms, i);

      g_hash_table_insert (by_term, term->term, term);
    }
  for (guint i = 0; i < terms->terms->len; i++)
    {
      AppealsContentTerm *term = g_ptr_array_index (terms->terms, i);
      g_auto(GStrv) words = g_strsplit (term->term, " ", 2);

      for (guint w = 0; words[1] != NULL && w < 2; w++)
        if (is_in_phrase (by_term, term, words[w]))
          g_hash_table_add (redundant, ((AppealsContentTerm *) g_hash_table_lookup (by_term, words[w]))->term);
    }
  for (guint i = terms->terms->len; i > 0; i--)
    if (g_hash_table_contains (redundant, ((AppealsContentTerm *) g_ptr_array_index (terms->terms, i - 1))->term))
      g_ptr_array_remove_index (terms->terms, i - 1);
}

/**
 * appeals_content_terms_rank:
 *
 * Keeps the @limit terms whose count grew most (ties: the more frequent,
 * then in code point order), dropping those that did not grow and the
 * words whose phrase has the same counts.
 */
void
appeals_content_terms_rank (AppealsContentTerms *terms,
                            guint                limit)
{
  guint kept = 0;

  remove_words_of_phrases (terms);
  g_ptr_array_sort (terms->terms, compare_growth);
  while (kept < terms->terms->len && kept < limit)
    {
      AppealsContentTerm *term = g_ptr_array_index (terms->terms, kept);

      if (term->count <= term->compare_count)
        break;
      kept++;
    }
  g_ptr_array_set_size (terms->terms, kept);
}

JsonNode *
appeals_content_terms_to_json (AppealsContentTerms *terms)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  appeals_json_add_date (builder, "from", &terms->from);
  appeals_json_add_date (builder, "to", &terms->to);
  appeals_json_add_date (builder, "compare_from", &terms->compare_from);
  appeals_json_add_date (builder, "compare_to", &terms->compare_to);
  appeals_json_add_string_or_null (builder, "district", terms->district);
  appeals_json_add_string_or_null (builder, "only_district", terms->only_district);
  appeals_json_add_string_or_null (builder, "only_question_character", terms->only_question_character);
  appeals_json_add_int (builder, "total", terms->total);
  appeals_json_add_int (builder, "compare_total", terms->compare_total);
  json_builder_set_member_name (builder, "terms");
  json_builder_begin_array (builder);
  for (guint i = 0; i < terms->terms->len; i++)
    {
      AppealsContentTerm *term = g_ptr_array_index (terms->terms, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "term");
      json_builder_add_string_value (builder, term->term);
      appeals_json_add_int (builder, "words", strchr (term->term, ' ') != NULL ? 2 : 1);
      appeals_json_add_int (builder, "count", term->count);
      appeals_json_add_int (builder, "compare_count", term->compare_count);
      appeals_json_add_int (builder, "change", term->count - term->compare_count);
      appeals_report_add_filter (builder, "filter", term->filter);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
read_optional_string (JsonObject  *object,
                      const char  *member,
                      char       **value,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!appeals_json_read_string (object, member, TRUE, &text, ORIGIN, NULL, error))
    return FALSE;
  *value = g_strdup (text);
  return TRUE;
}

AppealsContentTerms *
appeals_content_terms_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(AppealsContentTerms) terms = appeals_content_terms_new ();
  JsonObject *object;
  JsonArray *array = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      appeals_json_set_field_error (error, ORIGIN, "", "must be an object");
      return NULL;
    }
  object = json_node_get_object (node);
  if (!appeals_json_read_date (object, "from", TRUE, &terms->from, ORIGIN, NULL, error) ||
      !appeals_json_read_date (object, "to", TRUE, &terms->to, ORIGIN, NULL, error) ||
      !appeals_json_read_date (object, "compare_from", TRUE, &terms->compare_from, ORIGIN, NULL, error) ||
      !appeals_json_read_date (object, "compare_to", TRUE, &terms->compare_to, ORIGIN, NULL, error) ||
      !read_optional_string (object, "district", &terms->district, error) ||
      !read_optional_string (object, "only_district", &terms->only_district, error) ||
      !read_optional_string (object, "only_question_character", &terms->only_question_character, error) ||
      !appeals_json_read_int (object, "total", TRUE, 0, G_MAXINT64, &terms->total, ORIGIN, NULL, error) ||
      !appeals_json_read_int (object, "compare_total", TRUE, 0, G_MAXINT64, &terms->compare_total, ORIGIN, NULL,
                              error) ||
      !appeals_json_read_array (object, "terms", TRUE, &array, ORIGIN, NULL, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *row = appeals_json_array_get_object (array, i, ORIGIN, "terms", error);
      const char *term = NULL;
      gint64 count = 0, compare_count = 0;
      char *filter = NULL;

      if (row == NULL ||
          !appeals_json_read_string (row, "term", TRUE, &term, ORIGIN, "terms", error) ||
          !appeals_json_read_int (row, "count", TRUE, 0, G_MAXINT64, &count, ORIGIN, "terms", error) ||
          !appeals_json_read_int (row, "compare_count", TRUE, 0, G_MAXINT64, &compare_count, ORIGIN, "terms",
                                  error) ||
          !appeals_report_read_filter (row, "filter", &filter, error))
        return NULL;
      appeals_content_terms_add (terms, term, count, compare_count, filter);
    }
  return g_steal_pointer (&terms);
}
