/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-classifier.h: reference lists (districts, addressee bodies,
 * question characters, social statuses) read from data/classifiers/.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-json.h"

G_BEGIN_DECLS

typedef struct
{
  char         *code;
  AppealsNames  name;
  char         *kind;      /* optional grouping, e.g. "city" / "district" */
  char         *district;  /* optional: the district an item belongs to */
  gint64        osm_relation;  /* optional (0): a district's OpenStreetMap relation, its unit on the map */
  char         *folded;    /* all names folded, for search */
} AppealsClassifierItem;

#define APPEALS_CLASSIFIER_DISTRICTS           "districts"
#define APPEALS_CLASSIFIER_ADDRESSEE_BODIES    "addressee-bodies"
#define APPEALS_CLASSIFIER_QUESTION_CHARACTERS "question-characters"
#define APPEALS_CLASSIFIER_SOCIAL_STATUSES     "social-statuses"
#define APPEALS_CLASSIFIER_ANSWER_CHARACTERS   "answer-characters"
#define APPEALS_CLASSIFIER_TERMINATION_GROUNDS "termination-grounds"
#define APPEALS_CLASSIFIER_ORDER_SOURCES       "order-sources"

#define APPEALS_TYPE_CLASSIFIER (appeals_classifier_get_type ())

G_DECLARE_FINAL_TYPE (AppealsClassifier, appeals_classifier, APPEALS, CLASSIFIER, GObject)

AppealsClassifier           *appeals_classifier_new_from_file (const char         *path,
                                                               GError            **error);
AppealsClassifier           *appeals_classifier_load          (const char         *name,
                                                               GError            **error);
AppealsClassifier           *appeals_classifier_new_from_json (JsonNode           *node,
                                                               const char         *origin,
                                                               GError            **error);
const char                  *appeals_classifier_get_name      (AppealsClassifier  *self);
guint                        appeals_classifier_get_n_items   (AppealsClassifier  *self);
const AppealsClassifierItem *appeals_classifier_get_item      (AppealsClassifier  *self,
                                                               guint               position);
const AppealsClassifierItem *appeals_classifier_lookup        (AppealsClassifier  *self,
                                                               const char         *code);
const char                  *appeals_classifier_get_label     (AppealsClassifier  *self,
                                                               const char         *code,
                                                               const char         *language);
JsonNode                    *appeals_classifier_to_json       (AppealsClassifier  *self);

const char                  *appeals_classifier_item_get_label (const AppealsClassifierItem *item,
                                                               const char         *language);
gboolean                     appeals_classifier_item_matches  (const AppealsClassifierItem *item,
                                                               const char         *folded_query);

G_END_DECLS
