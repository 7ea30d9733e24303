/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reference-service.c: reference data and the rules in force.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-reference-service.h"

struct _AppealsReferenceService
{
  GObject                 parent_instance;

  AppealsApiClient       *client;
  AppealsChecklistTemplate *checklist;
  AppealsCalendar        *calendar;
  AppealsDeadlineRules   *deadlines;
  GHashTable             *classifiers;   /* name → AppealsClassifier */
  AppealsPriorityCatalog *priorities;
  AppealsWorkflow        *workflow;
};

G_DEFINE_FINAL_TYPE (AppealsReferenceService, appeals_reference_service, G_TYPE_OBJECT)

static void
appeals_reference_service_finalize (GObject *object)
{
  AppealsReferenceService *self = (AppealsReferenceService *)object;

  g_clear_object (&self->client);
  g_clear_object (&self->checklist);
  g_clear_object (&self->calendar);
  g_clear_object (&self->deadlines);
  g_clear_pointer (&self->classifiers, g_hash_table_unref);
  g_clear_object (&self->priorities);
  g_clear_object (&self->workflow);

  G_OBJECT_CLASS (appeals_reference_service_parent_class)->finalize (object);
}

static void
appeals_reference_service_class_init (AppealsReferenceServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_reference_service_finalize;
}

static void
appeals_reference_service_init (AppealsReferenceService *self)
{
  self->classifiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

AppealsReferenceService *
appeals_reference_service_new (AppealsApiClient *client)
{
  AppealsReferenceService *self = g_object_new (APPEALS_TYPE_REFERENCE_SERVICE, NULL);

  self->client = g_object_ref (client);
  return self;
}

AppealsCalendar *
appeals_reference_service_get_calendar (AppealsReferenceService *self)
{
  if (self->calendar == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->calendar = appeals_calendar_new_default (&error);
      if (self->calendar == NULL)
        g_error ("%s", error->message);
    }
  return self->calendar;
}

AppealsDeadlineRules *
appeals_reference_service_get_deadlines (AppealsReferenceService *self)
{
  if (self->deadlines == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->deadlines = appeals_deadline_rules_new_default (&error);
      if (self->deadlines == NULL)
        g_error ("%s", error->message);
    }
  return self->deadlines;
}

/**
 * appeals_reference_service_get_priorities:
 *
 * Returns: (transfer none): the priority categories of reception visitors
 */
AppealsPriorityCatalog *
appeals_reference_service_get_priorities (AppealsReferenceService *self)
{
  if (self->priorities == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->priorities = appeals_priority_catalog_new_default (&error);
      if (self->priorities == NULL)
        g_error ("%s", error->message);
    }
  return self->priorities;
}

/**
 * appeals_reference_service_get_workflow:
 *
 * Returns: (transfer none): the 13 steps of a personal reception
 */
AppealsWorkflow *
appeals_reference_service_get_workflow (AppealsReferenceService *self)
{
  if (self->workflow == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->workflow = appeals_workflow_new_default (&error);
      if (self->workflow == NULL)
        g_error ("%s", error->message);
    }
  return self->workflow;
}

/**
 * appeals_reference_service_get_classifier:
 *
 * Returns: (transfer none): the classifier @name
 */
AppealsClassifier *
appeals_reference_service_get_classifier (AppealsReferenceService *self,
                                          const char              *name)
{
  AppealsClassifier *classifier = g_hash_table_lookup (self->classifiers, name);

  if (classifier == NULL)
    {
      g_autoptr(GError) error = NULL;

      classifier = appeals_classifier_load (name, &error);
      if (classifier == NULL)
        g_error ("%s", error->message);
      g_hash_table_insert (self->classifiers, g_strdup (name), classifier);
    }
  return classifier;
}

/**
 * appeals_reference_service_get_checklist:
 *
 * The server does not serve the checklist yet, so it is read here, once,
 * from the data folder, as the server reads it.
 *
 * Returns: (transfer none): the answer-quality checklist template
 */
AppealsChecklistTemplate *
appeals_reference_service_get_checklist (AppealsReferenceService *self)
{
  if (self->checklist == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->checklist = appeals_checklist_template_new_default (&error);
      if (self->checklist == NULL)
        g_error ("%s", error->message);   /* a broken installation */
    }
  return self->checklist;
}
