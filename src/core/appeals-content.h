/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-content.h: content analysis of appeals ("контент-анализ") — the
 * terms of an appeal's annotation and text, folded the way search folds
 * them (lower case, ё as е), without the stop words of
 * data/content/stopwords-{kk,ru}.txt; and the answer of
 * GET /analytics/content-terms: the terms whose count of appeals grew most
 * against a comparison period, each with the journal query that lists the
 * appeals containing it.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Words shorter than this are never terms. */
#define APPEALS_CONTENT_MIN_LETTERS 3

gboolean   appeals_content_is_stop_word (const char  *folded_word);
GPtrArray *appeals_content_extract      (const char  *annotation,
                                         const char  *text);

typedef struct
{
  char   *term;              /* a folded word, or two separated by a space */
  gint64  count;             /* appeals of the period containing it */
  gint64  compare_count;     /* … of the comparison period */
  char   *filter;            /* the journal's query: "q=…&from=…&to=…" */
} AppealsContentTerm;

typedef struct
{
  GDate      from, to;
  GDate      compare_from, compare_to;
  char      *district;            /* the caller's scope; NULL: the whole region */
  char      *only_district;       /* the filters asked for; NULL: all */
  char      *only_question_character;
  gint64     total;               /* appeals of the period */
  gint64     compare_total;
  GPtrArray *terms;               /* AppealsContentTerm, largest growth first */
} AppealsContentTerms;

AppealsContentTerms *appeals_content_terms_new       (void);
void                 appeals_content_terms_free      (AppealsContentTerms  *terms);
void                 appeals_content_terms_add       (AppealsContentTerms  *terms,
                                                      const char           *term,
                                                      gint64                count,
                                                      gint64                compare_count,
                                                      char                 *filter);
void                 appeals_content_terms_rank      (AppealsContentTerms  *terms,
                                                      guint                 limit);
JsonNode            *appeals_content_terms_to_json   (AppealsContentTerms  *terms);
AppealsContentTerms *appeals_content_terms_from_json (JsonNode             *node,
                                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsContentTerms, appeals_content_terms_free)

G_END_DECLS
