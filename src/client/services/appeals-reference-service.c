/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reference-service.c: reference data and the rules in force.
 *
 * The rules (calendar, deadline table, classifiers, priority categories,
 * reception workflow, checklist template) are the server's: fetched after
 * sign-in, kept, and asked for again every few minutes, when the
 * connection is back, or on request. Each route is asked with the ETag of
 * the copy held, so an unchanged rule costs a 304; a changed one replaces
 * the copy and "changed" tells the pages to draw their due dates again.
 *
 * Until a rule has come, its getter answers an empty stand-in (a calendar
 * of weekends only, no terms, no steps), never an abort.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-reference-service.h"
#include "appeals-service-call.h"

#define REFRESH_SECONDS (5 * 60)

typedef enum
{
  RULE_CALENDAR,
  RULE_DEADLINES,
  RULE_PRIORITIES,
  RULE_WORKFLOW,
  RULE_CHECKLIST,
  RULE_CLASSIFIER,
  RULE_LETTERHEAD,
} RuleKind;

typedef struct
{
  RuleKind    kind;
  const char *path;        /* relative to /api/v1/ */
  const char *classifier;  /* RULE_CLASSIFIER: its name */
} Rule;

static const Rule rules[] = {
  { RULE_CALENDAR, "calendar", NULL },
  { RULE_DEADLINES, "rules/deadlines", NULL },
  { RULE_PRIORITIES, "rules/priority-categories", NULL },
  { RULE_WORKFLOW, "rules/reception-workflow", NULL },
  { RULE_CHECKLIST, "rules/checklist", NULL },
  { RULE_LETTERHEAD, "rules/letterhead", NULL },
  { RULE_CLASSIFIER, "classifiers/" APPEALS_CLASSIFIER_DISTRICTS, APPEALS_CLASSIFIER_DISTRICTS },
  { RULE_CLASSIFIER, "classifiers/" APPEALS_CLASSIFIER_ADDRESSEE_BODIES, APPEALS_CLASSIFIER_ADDRESSEE_BODIES },
  { RULE_CLASSIFIER, "classifiers/" APPEALS_CLASSIFIER_QUESTION_CHARACTERS, APPEALS_CLASSIFIER_QUESTION_CHARACTERS },
  { RULE_CLASSIFIER, "classifiers/" APPEALS_CLASSIFIER_SOCIAL_STATUSES, APPEALS_CLASSIFIER_SOCIAL_STATUSES },
  { RULE_CLASSIFIER, "classifiers/" APPEALS_CLASSIFIER_ANSWER_CHARACTERS, APPEALS_CLASSIFIER_ANSWER_CHARACTERS },
  { RULE_CLASSIFIER, "classifiers/" APPEALS_CLASSIFIER_TERMINATION_GROUNDS, APPEALS_CLASSIFIER_TERMINATION_GROUNDS },
  { RULE_CLASSIFIER, "classifiers/" APPEALS_CLASSIFIER_ORDER_SOURCES, APPEALS_CLASSIFIER_ORDER_SOURCES },
};

/* The stand-ins while a rule has not come: valid documents that decide
 * nothing (2000 is far outside any date the desks show, so the calendar
 * has weekends only). */
static const char *const stand_ins[] = {
  [RULE_CALENDAR] = "{\"format\": 1, \"first_year\": 2000, \"last_year\": 2000, \"holidays\": [],"
                    " \"years\": [{\"year\": 2000, \"kurban_ait\": \"2000-03-16\"}]}",
  [RULE_DEADLINES] = "{\"format\": 1, \"registration_day_counts\": false, \"forwarding_working_days\": 5,"
                     " \"extension\": {\"max_months\": 0, \"notify_applicant_working_days\": 3}, \"kinds\": []}",
  [RULE_PRIORITIES] = "{\"format\": 1, \"categories\": []}",
  [RULE_WORKFLOW] = "{\"format\": 1, \"steps\": []}",
  [RULE_CHECKLIST] = "{\"format\": 1, \"accept_threshold\": 100, \"rework_working_days\": 10,"
                     " \"ranking_min_answers\": 5, \"criteria\": [{\"code\": \"answer\", \"weight\": 1,"
                     " \"name\": {\"en\": \"—\", \"kk\": \"—\", \"ru\": \"—\"}}]}",
  [RULE_CLASSIFIER] = "{\"format\": 1, \"classifier\": \"stand-in\", \"items\": []}",
  [RULE_LETTERHEAD] = "{\"format\": 1, \"organisation\": {\"kk\": \"—\", \"ru\": \"—\"}, \"address\": {\"kk\": \"—\","
                      " \"ru\": \"—\"}, \"contacts\": {\"kk\": \"—\", \"ru\": \"—\"}, \"signatory\": {\"kk\": \"—\","
                      " \"ru\": \"—\"}, \"signatory_name\": {\"kk\": \"—\", \"ru\": \"—\"}}",
};

struct _AppealsReferenceService
{
  GObject                   parent_instance;

  AppealsApiClient         *client;
  AppealsCalendar          *calendar;
  AppealsDeadlineRules     *deadlines;
  GHashTable               *classifiers;   /* name → AppealsClassifier */
  AppealsPriorityCatalog   *priorities;
  AppealsWorkflow          *workflow;
  AppealsChecklistTemplate *checklist;
  AppealsLetterhead        *letterhead;
  GHashTable               *etags;         /* path → ETag of the copy held */
  guint                     received;      /* bit per rule that came at least once */
  int                       due_soon_days; /* the user's setting; -1: the table's */
  guint                     refresh_source;
  GCancellable             *cancellable;   /* the timer's and the connection's refreshes */
  GPtrArray                *officials;     /* AppealsOfficial as last listed, or NULL */
};

G_DEFINE_FINAL_TYPE (AppealsReferenceService, appeals_reference_service, G_TYPE_OBJECT)

enum {
  CHANGED,
  OFFICIALS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GObject *
new_rule (RuleKind     kind,
          JsonNode    *node,
          const char  *origin,
          GError     **error)
{
  switch (kind)
    {
    case RULE_CALENDAR:
      return G_OBJECT (appeals_calendar_new_from_json (node, origin, error));
    case RULE_DEADLINES:
      return G_OBJECT (appeals_deadline_rules_new_from_json (node, origin, error));
    case RULE_PRIORITIES:
      return G_OBJECT (appeals_priority_catalog_new_from_json (node, origin, error));
    case RULE_WORKFLOW:
      return G_OBJECT (appeals_workflow_new_from_json (node, origin, error));
    case RULE_CHECKLIST:
      return G_OBJECT (appeals_checklist_template_new_from_json (node, origin, error));
    case RULE_CLASSIFIER:
      return G_OBJECT (appeals_classifier_new_from_json (node, origin, error));
    case RULE_LETTERHEAD:
      return G_OBJECT (appeals_letterhead_new_from_json (node, origin, error));
    default:
      g_assert_not_reached ();
    }
}

static gpointer
new_stand_in (RuleKind kind)
{
  g_autoptr(JsonNode) node = json_from_string (stand_ins[kind], NULL);
  g_autoptr(GError) error = NULL;
  GObject *object = new_rule (kind, node, "stand-in", &error);

  g_assert_no_error (error);   /* the stand-ins are fixed text */
  return object;
}

static void
apply_due_soon_days (AppealsReferenceService *self)
{
  if (self->deadlines != NULL && self->due_soon_days >= 0)
    appeals_deadline_rules_set_due_soon_days (self->deadlines, self->due_soon_days);
}

/* Takes a rule that came from the server in place of the copy held. */
static void
take_rule (AppealsReferenceService *self,
           const Rule              *rule,
           GObject                 *object)
{
  switch (rule->kind)
    {
    case RULE_CALENDAR:
      g_set_object (&self->calendar, APPEALS_CALENDAR (object));
      break;
    case RULE_DEADLINES:
      g_set_object (&self->deadlines, APPEALS_DEADLINE_RULES (object));
      apply_due_soon_days (self);
      break;
    case RULE_PRIORITIES:
      g_set_object (&self->priorities, APPEALS_PRIORITY_CATALOG (object));
      break;
    case RULE_WORKFLOW:
      g_set_object (&self->workflow, APPEALS_WORKFLOW (object));
      break;
    case RULE_CHECKLIST:
      g_set_object (&self->checklist, APPEALS_CHECKLIST_TEMPLATE (object));
      break;
    case RULE_CLASSIFIER:
      g_hash_table_replace (self->classifiers, g_strdup (rule->classifier), g_object_ref (object));
      break;
    case RULE_LETTERHEAD:
      g_set_object (&self->letterhead, APPEALS_LETTERHEAD (object));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Refreshing ---------------------------------------------------------------- */

typedef struct
{
  guint    pending;
  gboolean changed;
  GError  *error;     /* the first failure */
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  g_clear_error (&refresh->error);
  g_free (refresh);
}

typedef struct
{
  GTask      *task;
  const Rule *rule;
} RuleRequest;

G_STATIC_ASSERT (G_N_ELEMENTS (rules) < 32);

static void
refresh_step_done (GTask *task)
{
  AppealsReferenceService *self = g_task_get_source_object (task);
  Refresh *refresh = g_task_get_task_data (task);

  if (--refresh->pending > 0)
    return;

  if (refresh->changed)
    g_signal_emit (self, signals[CHANGED], 0);

  if (refresh->error != NULL)
    g_task_return_error (task, g_steal_pointer (&refresh->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_rule_fetched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RuleRequest *request = user_data;
  g_autoptr(GTask) task = request->task;
  const Rule *rule = request->rule;
  AppealsReferenceService *self = g_task_get_source_object (task);
  Refresh *refresh = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsApiResponse) response = NULL;
  g_autoptr(GObject) object = NULL;

  g_free (request);
  response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source), result, &error);

  if (response != NULL && response->status == SOUP_STATUS_NOT_MODIFIED)
    ;  /* the copy held is current */
  else if (response != NULL && !appeals_api_response_is_success (response))
    error = appeals_service_error_new_problem (response->status, response->problem_code,
                                               response->field_errors, response->current);
  else if (response != NULL)
    {
      g_autofree char *origin = g_strconcat (appeals_api_client_get_base_url (self->client), "api/v1/",
                                             rule->path, NULL);
      g_autoptr(GError) parse_error = NULL;

      object = new_rule (rule->kind, response->body, origin, &parse_error);
      if (object == NULL)
        {
          g_warning ("%s", parse_error->message);
          error = g_error_new_literal (APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED,
                                       _("The server sent an answer that cannot be read."));
        }
      else
        {
          take_rule (self, rule, object);
          self->received |= 1u << (rule - rules);
          if (response->etag != NULL)
            g_hash_table_replace (self->etags, g_strdup (rule->path), g_strdup (response->etag));
          else
            g_hash_table_remove (self->etags, rule->path);
          refresh->changed = TRUE;
        }
    }

  if (error != NULL && refresh->error == NULL)
    refresh->error = g_steal_pointer (&error);

  refresh_step_done (task);
}

/**
 * appeals_reference_service_refresh_async:
 *
 * Asks the server for every rule, with the ETag of the copy held: what
 * changed replaces the copy, and #AppealsReferenceService::changed is
 * emitted once at the end when anything did. A rule that could not be
 * fetched keeps its copy; the first failure is the task's error.
 */
void
appeals_reference_service_refresh_async (AppealsReferenceService *self,
                                         GCancellable            *cancellable,
                                         GAsyncReadyCallback      callback,
                                         gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  Refresh *refresh;

  g_return_if_fail (APPEALS_IS_REFERENCE_SERVICE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, appeals_reference_service_refresh_async);
  refresh = g_new0 (Refresh, 1);
  refresh->pending = G_N_ELEMENTS (rules);
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      RuleRequest *request = g_new0 (RuleRequest, 1);

      request->task = g_object_ref (task);
      request->rule = &rules[i];
      appeals_api_client_get_async (self->client, rules[i].path, g_hash_table_lookup (self->etags, rules[i].path),
                                    cancellable, on_rule_fetched, request);
    }
}

gboolean
appeals_reference_service_refresh_finish (AppealsReferenceService  *self,
                                          GAsyncResult             *result,
                                          GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * appeals_reference_service_has_rules:
 *
 * Returns: whether every rule has come from the server at least once
 */
gboolean
appeals_reference_service_has_rules (AppealsReferenceService *self)
{
  g_return_val_if_fail (APPEALS_IS_REFERENCE_SERVICE (self), FALSE);

  return self->received == (1u << G_N_ELEMENTS (rules)) - 1;
}

static void
on_background_refresh (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!appeals_reference_service_refresh_finish (APPEALS_REFERENCE_SERVICE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("rules not refreshed: %s", error->message);
}

static gboolean
on_refresh_timeout (gpointer user_data)
{
  AppealsReferenceService *self = user_data;

  /* signed out: nothing to ask until the next sign-in */
  if (appeals_api_client_get_token (self->client) != NULL)
    appeals_reference_service_refresh_async (self, self->cancellable, on_background_refresh, NULL);
  return G_SOURCE_CONTINUE;
}

/**
 * appeals_reference_service_start_refreshing:
 *
 * Refreshes the rules every few minutes from now on (while signed in).
 */
void
appeals_reference_service_start_refreshing (AppealsReferenceService *self)
{
  g_return_if_fail (APPEALS_IS_REFERENCE_SERVICE (self));

  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add_seconds (REFRESH_SECONDS, on_refresh_timeout, self);
}

/**
 * appeals_reference_service_set_due_soon_days:
 * @working_days: the user's "due soon" margin
 *
 * Kept across refreshes: a new deadline table gets it too.
 */
void
appeals_reference_service_set_due_soon_days (AppealsReferenceService *self,
                                             int                      working_days)
{
  g_return_if_fail (APPEALS_IS_REFERENCE_SERVICE (self));

  self->due_soon_days = working_days;
  apply_due_soon_days (self);
}

/* Object --------------------------------------------------------------------- */

static void
appeals_reference_service_dispose (GObject *object)
{
  AppealsReferenceService *self = (AppealsReferenceService *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  G_OBJECT_CLASS (appeals_reference_service_parent_class)->dispose (object);
}

static void
appeals_reference_service_finalize (GObject *object)
{
  AppealsReferenceService *self = (AppealsReferenceService *)object;

  g_clear_object (&self->client);
  g_clear_object (&self->calendar);
  g_clear_object (&self->deadlines);
  g_clear_pointer (&self->classifiers, g_hash_table_unref);
  g_clear_object (&self->priorities);
  g_clear_object (&self->workflow);
  g_clear_object (&self->checklist);
  g_clear_object (&self->letterhead);
  g_clear_pointer (&self->etags, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->officials, g_ptr_array_unref);

  G_OBJECT_CLASS (appeals_reference_service_parent_class)->finalize (object);
}

static void
appeals_reference_service_class_init (AppealsReferenceServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = appeals_reference_service_dispose;
  object_class->finalize = appeals_reference_service_finalize;

  /**
   * AppealsReferenceService::changed:
   *
   * Emitted when a refresh brought a rule that differs from the copy held:
   * due dates and labels drawn from the rules should be drawn again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AppealsReferenceService::officials-changed:
   *
   * An official was saved or retired: the officials known are forgotten,
   * and the next list asks the server.
   */
  signals[OFFICIALS_CHANGED] = g_signal_new ("officials-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
appeals_reference_service_init (AppealsReferenceService *self)
{
  self->classifiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->due_soon_days = -1;
  self->cancellable = g_cancellable_new ();
}

AppealsReferenceService *
appeals_reference_service_new (AppealsApiClient *client)
{
  AppealsReferenceService *self = g_object_new (APPEALS_TYPE_REFERENCE_SERVICE, NULL);

  self->client = g_object_ref (client);
  return self;
}

/* Getters: the copy held, or a stand-in until the server's has come ----------- */

/**
 * appeals_reference_service_get_calendar:
 *
 * Returns: (transfer none): the working-day calendar
 */
AppealsCalendar *
appeals_reference_service_get_calendar (AppealsReferenceService *self)
{
  if (self->calendar == NULL)
    self->calendar = new_stand_in (RULE_CALENDAR);
  return self->calendar;
}

/**
 * appeals_reference_service_get_deadlines:
 *
 * Returns: (transfer none): the terms for considering appeals
 */
AppealsDeadlineRules *
appeals_reference_service_get_deadlines (AppealsReferenceService *self)
{
  if (self->deadlines == NULL)
    {
      self->deadlines = new_stand_in (RULE_DEADLINES);
      apply_due_soon_days (self);
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
    self->priorities = new_stand_in (RULE_PRIORITIES);
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
    self->workflow = new_stand_in (RULE_WORKFLOW);
  return self->workflow;
}

/**
 * appeals_reference_service_get_letterhead:
 *
 * Returns: (transfer none): the letterhead of printed notices
 */
AppealsLetterhead *
appeals_reference_service_get_letterhead (AppealsReferenceService *self)
{
  if (self->letterhead == NULL)
    self->letterhead = new_stand_in (RULE_LETTERHEAD);
  return self->letterhead;
}

/**
 * appeals_reference_service_get_checklist_template:
 *
 * Returns: (transfer none): the answer-quality checklist
 */
AppealsChecklistTemplate *
appeals_reference_service_get_checklist_template (AppealsReferenceService *self)
{
  if (self->checklist == NULL)
    self->checklist = new_stand_in (RULE_CHECKLIST);
  return self->checklist;
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
      /* an empty list until the server's has come */
      classifier = new_stand_in (RULE_CLASSIFIER);
      g_hash_table_insert (self->classifiers, g_strdup (name), classifier);
    }
  return classifier;
}

/* Officials and their reception schedules ----------------------------------
 *
 * GET /officials is asked once and kept here for every page and dialog
 * that names officials; a save or a retirement drops the copy and emits
 * "officials-changed", after which the next list asks the server again.
 */

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

  return self->officials;
}

static void
forget_officials (AppealsReferenceService *self)
{
  g_clear_pointer (&self->officials, g_ptr_array_unref);
  g_signal_emit (self, signals[OFFICIALS_CHANGED], 0);
}

/* Reads the list and keeps it as the known officials. */
static gpointer
read_officials (JsonNode  *body,
                gpointer   data,
                GError   **error)
{
  GPtrArray *officials = appeals_items_read (body, (gpointer) appeals_official_new_from_json, error);

  AppealsReferenceService *self = data;

  if (officials != NULL)
    {
      g_clear_pointer (&self->officials, g_ptr_array_unref);
      self->officials = g_ptr_array_ref (officials);
    }
  return officials;
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
  GPtrArray *known = appeals_reference_service_get_officials (self);

  if (known != NULL && !refresh)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, appeals_reference_service_list_officials_async);
      g_task_return_pointer (task, g_ptr_array_ref (known), (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  appeals_service_call_async (self->client, self, appeals_reference_service_list_officials_async, "GET",
                              "officials", NULL, NULL, NULL, read_officials, self, NULL,
                              (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type AppealsOfficial): */
GPtrArray *
appeals_reference_service_list_officials_finish (AppealsReferenceService  *self,
                                                 GAsyncResult             *result,
                                                 GError                  **error)
{
  return appeals_service_call_finish (self, result, appeals_reference_service_list_officials_async, NULL, error);
}

/* A saved or retired official: the known list is forgotten. The answer
 * is only a yes, so the service itself stands for it. */
static gpointer
read_official_saved (JsonNode  *body,
                     gpointer   data,
                     GError   **error)
{
  forget_officials (data);
  return data;
}

static gboolean
finish_official_saved (AppealsReferenceService  *self,
                       GAsyncResult             *result,
                       gpointer                  source_tag,
                       GError                  **error)
{
  return appeals_service_call_finish (self, result, source_tag, NULL, error) != NULL;
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
  g_autoptr(JsonNode) body = appeals_official_to_json (official);
  g_autoptr(GString) path = appeals_api_path_new ("officials", NULL);

  if (official->id > 0)
    appeals_api_path_add_id (path, official->id);
  appeals_service_call_async (self->client, self, appeals_reference_service_save_official_async,
                              official->id > 0 ? "PUT" : "POST", path->str, body, NULL,
                              official->id > 0 ? NULL : idempotency_key, read_official_saved, self, NULL, NULL,
                              cancellable, callback, user_data);
}

gboolean
appeals_reference_service_save_official_finish (AppealsReferenceService  *self,
                                                GAsyncResult             *result,
                                                GError                  **error)
{
  return finish_official_saved (self, result, appeals_reference_service_save_official_async, error);
}

/* The official no longer receives citizens; their receptions stay. */
void
appeals_reference_service_retire_official_async (AppealsReferenceService *self,
                                                 gint64                   official_id,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("officials", NULL);

  appeals_api_path_add_id (path, official_id);
  appeals_service_call_async (self->client, self, appeals_reference_service_retire_official_async, "DELETE",
                              path->str, NULL, NULL, NULL, read_official_saved, self, NULL, NULL,
                              cancellable, callback, user_data);
}

gboolean
appeals_reference_service_retire_official_finish (AppealsReferenceService  *self,
                                                  GAsyncResult             *result,
                                                  GError                  **error)
{
  return finish_official_saved (self, result, appeals_reference_service_retire_official_async, error);
}
