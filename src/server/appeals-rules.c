/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-rules.c: the rules in force, read all together. A reload reads
 * every file aside first and takes them all or none, so a malformed file
 * leaves the rules in force as they were.
 */
#include "config.h"

#include "appeals-rules.h"

void
appeals_rules_free (AppealsRules *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->calendar);
  g_clear_object (&self->deadlines);
  g_clear_pointer (&self->classifiers, g_hash_table_unref);
  g_clear_object (&self->priorities);
  g_clear_object (&self->workflow);
  g_clear_object (&self->checklist);
  g_clear_object (&self->letterhead);
  g_clear_object (&self->growth);
  g_free (self);
}

/* Everything but the calendar, which reloads in place (its users keep a
 * pointer to it and follow its "changed"). */
static AppealsRules *
load_besides_calendar (GError **error)
{
  static const char *names[] = {
    APPEALS_CLASSIFIER_DISTRICTS, APPEALS_CLASSIFIER_ADDRESSEE_BODIES,
    APPEALS_CLASSIFIER_QUESTION_CHARACTERS, APPEALS_CLASSIFIER_SOCIAL_STATUSES,
    APPEALS_CLASSIFIER_ANSWER_CHARACTERS, APPEALS_CLASSIFIER_TERMINATION_GROUNDS,
    APPEALS_CLASSIFIER_ORDER_SOURCES,
  };
  g_autoptr(AppealsRules) rules = g_new0 (AppealsRules, 1);

  rules->classifiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      AppealsClassifier *classifier = appeals_classifier_load (names[i], error);

      if (classifier == NULL)
        return NULL;
      g_hash_table_insert (rules->classifiers, g_strdup (names[i]), classifier);
    }

  rules->deadlines = appeals_deadline_rules_new_default (error);
  if (rules->deadlines == NULL)
    return NULL;
  rules->priorities = appeals_priority_catalog_new_default (error);
  if (rules->priorities == NULL)
    return NULL;
  rules->workflow = appeals_workflow_new_default (error);
  if (rules->workflow == NULL)
    return NULL;
  rules->checklist = appeals_checklist_template_new_default (error);
  if (rules->checklist == NULL)
    return NULL;
  rules->letterhead = appeals_letterhead_new_default (error);
  if (rules->letterhead == NULL)
    return NULL;
  rules->growth = appeals_growth_rule_new_default (error);
  if (rules->growth == NULL)
    return NULL;

  return g_steal_pointer (&rules);
}

AppealsRules *
appeals_rules_load (GError **error)
{
  g_autoptr(AppealsRules) rules = load_besides_calendar (error);

  if (rules == NULL)
    return NULL;

  rules->calendar = appeals_calendar_new_default (error);
  if (rules->calendar == NULL)
    return NULL;

  return g_steal_pointer (&rules);
}

/**
 * appeals_rules_reload:
 *
 * Reads every rule file again. A malformed file is refused with @error
 * naming the file and the field, and nothing changes.
 */
gboolean
appeals_rules_reload (AppealsRules  *self,
                      GError       **error)
{
  g_autoptr(AppealsRules) fresh = load_besides_calendar (error);

  /* all or none: the calendar's reload itself keeps the old calendar
   * when it fails */
  if (fresh == NULL || !appeals_calendar_reload (self->calendar, NULL, error))
    return FALSE;

  g_set_object (&self->deadlines, fresh->deadlines);
  g_clear_pointer (&self->classifiers, g_hash_table_unref);
  self->classifiers = g_steal_pointer (&fresh->classifiers);
  g_set_object (&self->priorities, fresh->priorities);
  g_set_object (&self->workflow, fresh->workflow);
  g_set_object (&self->checklist, fresh->checklist);
  g_set_object (&self->letterhead, fresh->letterhead);
  g_set_object (&self->growth, fresh->growth);
  return TRUE;
}
