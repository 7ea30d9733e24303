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

static void add_official_signals (AppealsReferenceServiceClass *klass);

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
  add_official_signals (klass);
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

/* Officials and their reception schedules ----------------------------------
 *
 * GET /officials is asked once and kept here for every page and dialog
 * that names officials; a save or a retirement drops the copy and emits
 * "officials-changed", after which the next list asks the server again.
 * The copy hangs on the object as data, so this block keeps to itself.
 */

static guint officials_changed_signal;

static void
add_official_signals (AppealsReferenceServiceClass *klass)
{
  officials_changed_signal = g_signal_new ("officials-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);
}

#define OFFICIALS_KEY "appeals-officials"

/**
 * appeals_reference_service_get_officials:
 *
 * Returns: (transfer none) (nullable) (element-type AppealsOfficial): the
 *   officials as last fetched, or %NULL before the first list
 */
GPtrArray *
appeals_reference_service_get_officials (AppealsReferenceService *self)
{
  g_return_val_if_fail (APPEALS_IS_REFERENCE_SERVICE (self), NULL);

  return g_object_get_data (G_OBJECT (self), OFFICIALS_KEY);
}

static void
forget_officials (AppealsReferenceService *self)
{
  g_object_set_data (G_OBJECT (self), OFFICIALS_KEY, NULL);
  g_signal_emit (self, officials_changed_signal, 0);
}

static void
on_officials_listed (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AppealsReferenceService *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = appeals_api_client_call_finish (APPEALS_API_CLIENT (source), result, NULL, &error);
  g_autoptr(GPtrArray) officials = NULL;

  if (body != NULL)
    officials = appeals_items_read (body, (gpointer) appeals_official_new_from_json, &error);
  if (officials == NULL)
    {
      if (error->domain == APPEALS_SERVICE_ERROR || error->domain == G_IO_ERROR)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED, "%s", error->message);
      return;
    }

  g_object_set_data_full (G_OBJECT (self), OFFICIALS_KEY, g_ptr_array_ref (officials),
                          (GDestroyNotify) g_ptr_array_unref);
  g_task_return_pointer (task, g_steal_pointer (&officials), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * appeals_reference_service_list_officials_async:
 * @refresh: ask the server even when the officials are known
 *
 * The active officials with their schedules, in the server's order.
 */
void
appeals_reference_service_list_officials_async (AppealsReferenceService *self,
                                                gboolean                 refresh,
                                                GCancellable            *cancellable,
                                                GAsyncReadyCallback      callback,
                                                gpointer                 user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  GPtrArray *known = appeals_reference_service_get_officials (self);

  g_task_set_source_tag (task, appeals_reference_service_list_officials_async);
  if (known != NULL && !refresh)
    {
      g_task_return_pointer (task, g_ptr_array_ref (known), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  appeals_api_client_request_async (self->client, "GET", "officials", NULL, NULL, NULL, cancellable,
                                    on_officials_listed, task);
}

/* Returns: (transfer container) (element-type AppealsOfficial): */
GPtrArray *
appeals_reference_service_list_officials_finish (AppealsReferenceService  *self,
                                                 GAsyncResult             *result,
                                                 GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_official_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = appeals_api_client_call_finish (APPEALS_API_CLIENT (source), result, NULL, &error);

  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  forget_officials (g_task_get_source_object (task));
  g_task_return_boolean (task, TRUE);
}

/**
 * appeals_reference_service_save_official_async:
 * @official: a new official (id 0) or an existing one whose names and
 *   whole schedule replace the server's
 * @idempotency_key: (nullable): for a new official, the same key for a retry
 *
 * The server's refusals come with field errors named as the server names
 * them: "full_name.kk", "schedule[1].end", …
 */
void
appeals_reference_service_save_official_async (AppealsReferenceService *self,
                                               AppealsOfficial         *official,
                                               const char              *idempotency_key,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonNode) body = appeals_official_to_json (official);
  g_autoptr(GString) path = appeals_api_path_new ("officials", NULL);

  g_task_set_source_tag (task, appeals_reference_service_save_official_async);
  if (official->id > 0)
    appeals_api_path_add_id (path, official->id);
  appeals_api_client_request_async (self->client, official->id > 0 ? "PUT" : "POST", path->str, body, NULL,
                                    official->id > 0 ? NULL : idempotency_key, cancellable,
                                    on_official_saved, task);
}

gboolean
appeals_reference_service_save_official_finish (AppealsReferenceService  *self,
                                                GAsyncResult             *result,
                                                GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The official no longer receives citizens; their receptions stay. */
void
appeals_reference_service_retire_official_async (AppealsReferenceService *self,
                                                 gint64                   official_id,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GString) path = appeals_api_path_new ("officials", NULL);

  g_task_set_source_tag (task, appeals_reference_service_retire_official_async);
  appeals_api_path_add_id (path, official_id);
  appeals_api_client_request_async (self->client, "DELETE", path->str, NULL, NULL, NULL, cancellable,
                                    on_official_saved, task);
}

gboolean
appeals_reference_service_retire_official_finish (AppealsReferenceService  *self,
                                                  GAsyncResult             *result,
                                                  GError                  **error)
{
  return appeals_reference_service_save_official_finish (self, result, error);
}
