/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-checklist.c: the checklist template and its weighted score.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-checklist.h"
#include "appeals-classifier.h"
#include "appeals-data.h"
#include "appeals-error.h"
#include "appeals-json.h"

#define CHECKLIST_FORMAT 1
#define DEFAULT_CHECKLIST_FILE "rules/checklist.json"

struct _AppealsChecklistTemplate
{
  GObject  parent_instance;

  GArray  *criteria;      /* AppealsChecklistItem */
  GArray  *cross_checks;  /* AppealsChecklistItem */
  int      accept_threshold;
  int      rework_days;
  int      ranking_min_answers;
  JsonNode *root;         /* the document the template was read from */
};

G_DEFINE_FINAL_TYPE (AppealsChecklistTemplate, appeals_checklist_template, G_TYPE_OBJECT)

static void
checklist_item_clear (gpointer data)
{
  AppealsChecklistItem *item = data;

  g_free (item->code);
  appeals_names_clear (&item->name);
}

static void
appeals_checklist_template_finalize (GObject *object)
{
  AppealsChecklistTemplate *self = (AppealsChecklistTemplate *)object;

  g_clear_pointer (&self->criteria, g_array_unref);
  g_clear_pointer (&self->cross_checks, g_array_unref);
  g_clear_pointer (&self->root, json_node_unref);

  G_OBJECT_CLASS (appeals_checklist_template_parent_class)->finalize (object);
}

static void
appeals_checklist_template_class_init (AppealsChecklistTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_checklist_template_finalize;
}

static void
appeals_checklist_template_init (AppealsChecklistTemplate *self)
{
  self->criteria = g_array_new (FALSE, TRUE, sizeof (AppealsChecklistItem));
  g_array_set_clear_func (self->criteria, checklist_item_clear);
  self->cross_checks = g_array_new (FALSE, TRUE, sizeof (AppealsChecklistItem));
  g_array_set_clear_func (self->cross_checks, checklist_item_clear);
}

static gboolean
parse_items (JsonObject  *root,
             const char  *member,
             gboolean     weighted,
             GArray      *items,
             const char  *path,
             GError     **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array = NULL;

  if (!appeals_json_read_array (root, member, TRUE, &array, path, NULL, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = appeals_json_index_path (member, i);
      JsonObject *object = appeals_json_array_get_object (array, i, path, member, error);
      const char *code = NULL;
      gint64 weight = 0;
      AppealsChecklistItem item = { 0, };

      if (object == NULL ||
          !appeals_json_read_string (object, "code", TRUE, &code, path, where, error) ||
          (weighted && !appeals_json_read_int (object, "weight", TRUE, 1, 100, &weight, path, where, error)))
        return FALSE;

      if (!g_hash_table_add (codes, (gpointer) code))
        {
          g_autofree char *field = appeals_json_field_path (where, "code");
          appeals_json_set_field_error (error, path, field, _("repeats a code given earlier"));
          return FALSE;
        }

      if (!appeals_json_read_names (object, &item.name, path, where, error))
        return FALSE;
      item.code = g_strdup (code);
      item.weight = weight;
      g_array_append_val (items, item);
    }

  return TRUE;
}

/**
 * appeals_checklist_template_new_from_json:
 * @node: a document in the format of data/rules/checklist.json
 * @origin: the file or URL the document came from, for error messages
 */
AppealsChecklistTemplate *
appeals_checklist_template_new_from_json (JsonNode    *node,
                                          const char  *origin,
                                          GError     **error)
{
  g_autoptr(AppealsChecklistTemplate) self = g_object_new (APPEALS_TYPE_CHECKLIST_TEMPLATE, NULL);
  const char *path = origin;
  JsonObject *root;
  gint64 format = 0, threshold = 0, rework_days = 0, min_answers = 0;

  root = appeals_json_node_get_root_object (node, origin, error);
  if (root == NULL)
    return NULL;

  if (!appeals_json_read_int (root, "format", TRUE, CHECKLIST_FORMAT, CHECKLIST_FORMAT,
                              &format, path, NULL, error) ||
      !appeals_json_read_int (root, "accept_threshold", TRUE, 0, 100, &threshold, path, NULL, error) ||
      !appeals_json_read_int (root, "rework_working_days", TRUE, 1, 60, &rework_days, path, NULL, error) ||
      !appeals_json_read_int (root, "ranking_min_answers", TRUE, 1, 1000, &min_answers, path, NULL, error) ||
      !parse_items (root, "criteria", TRUE, self->criteria, path, error) ||
      !parse_items (root, "cross_checks", FALSE, self->cross_checks, path, error))
    return NULL;

  if (self->criteria->len == 0)
    {
      appeals_json_set_field_error (error, path, "criteria", _("must not be empty"));
      return NULL;
    }

  self->accept_threshold = threshold;
  self->rework_days = rework_days;
  self->ranking_min_answers = min_answers;
  self->root = json_node_ref (node);
  return g_steal_pointer (&self);
}

AppealsChecklistTemplate *
appeals_checklist_template_new_from_file (const char  *path,
                                          GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return appeals_json_parse_file (path, (AppealsJsonDocumentParser) appeals_checklist_template_new_from_json, error);
}

/**
 * appeals_checklist_template_to_json:
 *
 * Returns: (transfer full): the document this was read from, as the
 *   server hands it to the clients
 */
JsonNode *
appeals_checklist_template_to_json (AppealsChecklistTemplate *self)
{
  g_return_val_if_fail (APPEALS_IS_CHECKLIST_TEMPLATE (self), NULL);

  return json_node_ref (self->root);
}

AppealsChecklistTemplate *
appeals_checklist_template_new_default (GError **error)
{
  return appeals_json_parse_data_file (DEFAULT_CHECKLIST_FILE, (AppealsJsonDocumentParser) appeals_checklist_template_new_from_json, error);
}

guint
appeals_checklist_template_get_n_criteria (AppealsChecklistTemplate *self)
{
  g_return_val_if_fail (APPEALS_IS_CHECKLIST_TEMPLATE (self), 0);

  return self->criteria->len;
}

const AppealsChecklistItem *
appeals_checklist_template_get_criterion (AppealsChecklistTemplate *self,
                                          guint                     position)
{
  g_return_val_if_fail (APPEALS_IS_CHECKLIST_TEMPLATE (self), NULL);
  g_return_val_if_fail (position < self->criteria->len, NULL);

  return &g_array_index (self->criteria, AppealsChecklistItem, position);
}

const AppealsChecklistItem *
appeals_checklist_template_find_criterion (AppealsChecklistTemplate *self,
                                           const char               *code)
{
  g_return_val_if_fail (APPEALS_IS_CHECKLIST_TEMPLATE (self), NULL);

  for (guint i = 0; i < self->criteria->len; i++)
    if (g_strcmp0 (g_array_index (self->criteria, AppealsChecklistItem, i).code, code) == 0)
      return &g_array_index (self->criteria, AppealsChecklistItem, i);

  return NULL;
}

guint
appeals_checklist_template_get_n_cross_checks (AppealsChecklistTemplate *self)
{
  g_return_val_if_fail (APPEALS_IS_CHECKLIST_TEMPLATE (self), 0);

  return self->cross_checks->len;
}

const AppealsChecklistItem *
appeals_checklist_template_get_cross_check (AppealsChecklistTemplate *self,
                                            guint                     position)
{
  g_return_val_if_fail (APPEALS_IS_CHECKLIST_TEMPLATE (self), NULL);
  g_return_val_if_fail (position < self->cross_checks->len, NULL);

  return &g_array_index (self->cross_checks, AppealsChecklistItem, position);
}

int
appeals_checklist_template_get_accept_threshold (AppealsChecklistTemplate *self)
{
  g_return_val_if_fail (APPEALS_IS_CHECKLIST_TEMPLATE (self), 0);

  return self->accept_threshold;
}

/**
 * appeals_checklist_template_score:
 * @answers: one answer per criterion, in template order
 *
 * Returns: the weighted share of the criteria met, 0–100: "yes" counts the
 *   criterion's full weight, "partly" half of it, "no" and unanswered
 *   nothing.
 */
double
appeals_checklist_template_score (AppealsChecklistTemplate     *self,
                                  const AppealsCriterionAnswer *answers)
{
  double total = 0, earned = 0;

  g_return_val_if_fail (APPEALS_IS_CHECKLIST_TEMPLATE (self), 0);

  for (guint i = 0; i < self->criteria->len; i++)
    {
      int weight = g_array_index (self->criteria, AppealsChecklistItem, i).weight;

      total += weight;
      if (answers[i] == APPEALS_CRITERION_ANSWER_YES)
        earned += weight;
      else if (answers[i] == APPEALS_CRITERION_ANSWER_PARTLY)
        earned += weight / 2.0;
    }

  return total > 0 ? 100.0 * earned / total : 0;
}

const char *
appeals_checklist_item_get_name (const AppealsChecklistItem *item,
                                 const char                 *language)
{
  return appeals_names_get (&item->name, language);
}

int
appeals_checklist_template_get_rework_days (AppealsChecklistTemplate *self)
{
  g_return_val_if_fail (APPEALS_IS_CHECKLIST_TEMPLATE (self), 0);

  return self->rework_days;
}

int
appeals_checklist_template_get_ranking_min_answers (AppealsChecklistTemplate *self)
{
  g_return_val_if_fail (APPEALS_IS_CHECKLIST_TEMPLATE (self), 0);

  return self->ranking_min_answers;
}

/**
 * appeals_checklist_template_compute_rework_due:
 * @returned_on: the day the answer was returned
 * @due: (out caller-allocates): the new term for the body's reworked answer
 */
void
appeals_checklist_template_compute_rework_due (AppealsChecklistTemplate *self,
                                               AppealsCalendar          *calendar,
                                               const GDate              *returned_on,
                                               GDate                    *due)
{
  g_return_if_fail (APPEALS_IS_CHECKLIST_TEMPLATE (self));

  appeals_calendar_add_working_days (calendar, returned_on, self->rework_days, due);
}

/**
 * appeals_checklist_template_dup_reasons:
 * @answers: one answer per criterion, in template order
 * @language: (nullable): the language of the text
 *
 * Returns: (transfer full): the reasons for returning the answer: one line
 *   per criterion not met ("no") or met only partly, or "" when all are met.
 */
char *
appeals_checklist_template_dup_reasons (AppealsChecklistTemplate     *self,
                                        const AppealsCriterionAnswer *answers,
                                        const char                   *language)
{
  GString *reasons = g_string_new (NULL);

  g_return_val_if_fail (APPEALS_IS_CHECKLIST_TEMPLATE (self), NULL);

  for (guint i = 0; i < self->criteria->len; i++)
    {
      const AppealsChecklistItem *item = &g_array_index (self->criteria, AppealsChecklistItem, i);

      if (answers[i] != APPEALS_CRITERION_ANSWER_NO && answers[i] != APPEALS_CRITERION_ANSWER_PARTLY)
        continue;

      if (reasons->len > 0)
        g_string_append_c (reasons, '\n');
      g_string_append_printf (reasons, "— %s%s", appeals_names_get (&item->name, language),
                              answers[i] == APPEALS_CRITERION_ANSWER_PARTLY ? " (±)" : "");
    }

  return g_string_free (reasons, FALSE);
}

gboolean
appeals_criterion_answer_from_string (const char             *text,
                                      AppealsCriterionAnswer *answer)
{
  if (g_strcmp0 (text, "yes") == 0)
    *answer = APPEALS_CRITERION_ANSWER_YES;
  else if (g_strcmp0 (text, "partly") == 0)
    *answer = APPEALS_CRITERION_ANSWER_PARTLY;
  else if (g_strcmp0 (text, "no") == 0)
    *answer = APPEALS_CRITERION_ANSWER_NO;
  else
    return FALSE;
  return TRUE;
}

const char *
appeals_criterion_answer_to_string (AppealsCriterionAnswer answer)
{
  switch (answer)
    {
    case APPEALS_CRITERION_ANSWER_YES:
      return "yes";
    case APPEALS_CRITERION_ANSWER_PARTLY:
      return "partly";
    case APPEALS_CRITERION_ANSWER_NO:
      return "no";
    case APPEALS_CRITERION_ANSWER_UNSET:
    default:
      return NULL;
    }
}
