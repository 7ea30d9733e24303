/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-deadline.c: due dates of appeals.
 *
 * The conventions, all taken from the data file: an appeal received on a
 * non-working day is treated as received on the next working day; whether
 * that day is the first day of the term is a setting; a term ends at the end
 * of its last day.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-data.h"
#include "appeals-deadline.h"
#include "appeals-error.h"
#include "appeals-json.h"

#define DEADLINES_FORMAT 1
#define DEFAULT_DEADLINES_FILE "rules/deadlines.json"

struct _AppealsDeadlineRules
{
  GObject     parent_instance;

  GHashTable *terms;     /* kind → GINT_TO_POINTER (working days) */
  GStrv       kinds;     /* in file order */
  gboolean    registration_day_counts;
  int         due_soon_days;
  int         forwarding_days;
  int         extension_max_months;
  int         extension_notify_days;
  JsonNode   *root;      /* the document the rules were read from */
};

G_DEFINE_FINAL_TYPE (AppealsDeadlineRules, appeals_deadline_rules, G_TYPE_OBJECT)

static void
appeals_deadline_rules_finalize (GObject *object)
{
  AppealsDeadlineRules *self = (AppealsDeadlineRules *)object;

  g_clear_pointer (&self->terms, g_hash_table_unref);
  g_clear_pointer (&self->kinds, g_strfreev);
  g_clear_pointer (&self->root, json_node_unref);

  G_OBJECT_CLASS (appeals_deadline_rules_parent_class)->finalize (object);
}

static void
appeals_deadline_rules_class_init (AppealsDeadlineRulesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = appeals_deadline_rules_finalize;
}

static void
appeals_deadline_rules_init (AppealsDeadlineRules *self)
{
  self->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static gboolean
parse_kinds (AppealsDeadlineRules  *self,
             JsonObject            *root,
             const char            *path,
             GError               **error)
{
  g_autoptr(GStrvBuilder) kinds = g_strv_builder_new ();
  JsonArray *array = NULL;

  if (!appeals_json_read_array (root, "kinds", TRUE, &array, path, NULL, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = appeals_json_index_path ("kinds", i);
      JsonObject *object = appeals_json_array_get_object (array, i, path, "kinds", error);
      const char *kind = NULL;
      gint64 days = 0;

      if (object == NULL ||
          !appeals_json_read_string (object, "kind", TRUE, &kind, path, where, error) ||
          !appeals_json_read_int (object, "working_days", TRUE, 1, 365, &days, path, where, error))
        return FALSE;

      if (g_hash_table_contains (self->terms, kind))
        {
          g_autofree char *field = appeals_json_field_path (where, "kind");
          appeals_json_set_field_error (error, path, field, _("repeats a kind given earlier"));
          return FALSE;
        }

      g_hash_table_insert (self->terms, g_strdup (kind), GINT_TO_POINTER ((int) days));
      g_strv_builder_add (kinds, kind);
    }

  self->kinds = g_strv_builder_end (kinds);
  return TRUE;
}

/**
 * appeals_deadline_rules_new_from_json:
 * @node: a document in the format of data/rules/deadlines.json
 * @origin: the file or URL the document came from, for error messages
 */
AppealsDeadlineRules *
appeals_deadline_rules_new_from_json (JsonNode    *node,
                                      const char  *origin,
                                      GError     **error)
{
  g_autoptr(AppealsDeadlineRules) self = g_object_new (APPEALS_TYPE_DEADLINE_RULES, NULL);
  const char *path = origin;
  JsonObject *root, *extension = NULL;
  gint64 format = 0, due_soon = 2, forwarding = 0, max_months = 0, notify = 0;
  gboolean day_counts = FALSE;

  root = appeals_json_node_get_root_object (node, origin, error);
  if (root == NULL)
    return NULL;

  if (!appeals_json_read_int (root, "format", TRUE, DEADLINES_FORMAT, DEADLINES_FORMAT,
                              &format, path, NULL, error) ||
      !appeals_json_read_boolean (root, "registration_day_counts", TRUE, &day_counts, path, NULL, error) ||
      !appeals_json_read_int (root, "due_soon_working_days", FALSE, 0, 30, &due_soon, path, NULL, error) ||
      !appeals_json_read_int (root, "forwarding_working_days", TRUE, 1, 30, &forwarding, path, NULL, error) ||
      !appeals_json_read_object (root, "extension", TRUE, &extension, path, NULL, error) ||
      !appeals_json_read_int (extension, "max_months", TRUE, 0, 12, &max_months, path, "extension", error) ||
      !appeals_json_read_int (extension, "notify_applicant_working_days", TRUE, 1, 30,
                              &notify, path, "extension", error) ||
      !parse_kinds (self, root, path, error))
    return NULL;

  self->registration_day_counts = day_counts;
  self->due_soon_days = due_soon;
  self->forwarding_days = forwarding;
  self->extension_max_months = max_months;
  self->extension_notify_days = notify;
  self->root = json_node_ref (node);

  return g_steal_pointer (&self);
}

AppealsDeadlineRules *
appeals_deadline_rules_new_from_file (const char  *path,
                                      GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return appeals_json_parse_file (path, (AppealsJsonDocumentParser) appeals_deadline_rules_new_from_json, error);
}

/**
 * appeals_deadline_rules_to_json:
 *
 * Returns: (transfer full): the document the rules were read from, as the
 *   server hands it to the clients
 */
JsonNode *
appeals_deadline_rules_to_json (AppealsDeadlineRules *self)
{
  g_return_val_if_fail (APPEALS_IS_DEADLINE_RULES (self), NULL);

  return json_node_ref (self->root);
}

AppealsDeadlineRules *
appeals_deadline_rules_new_default (GError **error)
{
  return appeals_json_parse_data_file (DEFAULT_DEADLINES_FILE, (AppealsJsonDocumentParser) appeals_deadline_rules_new_from_json, error);
}

/**
 * appeals_deadline_rules_get_term:
 * @kind: the wire name of an appeal kind, e.g. "complaint"
 *
 * Returns: the term in working days, or -1 for a kind the table lacks.
 */
int
appeals_deadline_rules_get_term (AppealsDeadlineRules *self,
                                 const char           *kind)
{
  gpointer days;

  g_return_val_if_fail (APPEALS_IS_DEADLINE_RULES (self), -1);

  if (kind == NULL || !g_hash_table_lookup_extended (self->terms, kind, NULL, &days))
    return -1;

  return GPOINTER_TO_INT (days);
}

const char * const *
appeals_deadline_rules_list_kinds (AppealsDeadlineRules *self)
{
  g_return_val_if_fail (APPEALS_IS_DEADLINE_RULES (self), NULL);

  return (const char * const *) self->kinds;
}

gboolean
appeals_deadline_rules_get_registration_day_counts (AppealsDeadlineRules *self)
{
  g_return_val_if_fail (APPEALS_IS_DEADLINE_RULES (self), FALSE);

  return self->registration_day_counts;
}

/**
 * appeals_deadline_rules_set_registration_day_counts:
 * @counts: whether the (working) day of registration is the first day of
 *   the term
 */
void
appeals_deadline_rules_set_registration_day_counts (AppealsDeadlineRules *self,
                                                    gboolean              counts)
{
  g_return_if_fail (APPEALS_IS_DEADLINE_RULES (self));

  self->registration_day_counts = !!counts;
}

int
appeals_deadline_rules_get_due_soon_days (AppealsDeadlineRules *self)
{
  g_return_val_if_fail (APPEALS_IS_DEADLINE_RULES (self), 0);

  return self->due_soon_days;
}

void
appeals_deadline_rules_set_due_soon_days (AppealsDeadlineRules *self,
                                          int                   working_days)
{
  g_return_if_fail (APPEALS_IS_DEADLINE_RULES (self));
  g_return_if_fail (working_days >= 0);

  self->due_soon_days = working_days;
}

int
appeals_deadline_rules_get_forwarding_days (AppealsDeadlineRules *self)
{
  g_return_val_if_fail (APPEALS_IS_DEADLINE_RULES (self), 0);

  return self->forwarding_days;
}

int
appeals_deadline_rules_get_extension_max_months (AppealsDeadlineRules *self)
{
  g_return_val_if_fail (APPEALS_IS_DEADLINE_RULES (self), 0);

  return self->extension_max_months;
}

int
appeals_deadline_rules_get_extension_notify_days (AppealsDeadlineRules *self)
{
  g_return_val_if_fail (APPEALS_IS_DEADLINE_RULES (self), 0);

  return self->extension_notify_days;
}

/**
 * appeals_deadline_rules_get_start_day:
 * @start: (out caller-allocates): the day the appeal counts as received:
 *   @registered, or the next working day when @registered is not one
 */
void
appeals_deadline_rules_get_start_day (AppealsDeadlineRules *self,
                                      AppealsCalendar      *calendar,
                                      const GDate          *registered,
                                      GDate                *start)
{
  g_return_if_fail (APPEALS_IS_DEADLINE_RULES (self));
  g_return_if_fail (registered != NULL && g_date_valid (registered));

  if (appeals_calendar_is_working_day (calendar, registered))
    *start = *registered;
  else
    appeals_calendar_next_working_day (calendar, registered, start);
}

static void
add_term (AppealsDeadlineRules *self,
          AppealsCalendar      *calendar,
          const GDate          *registered,
          int                   days,
          GDate                *due)
{
  GDate start;

  appeals_deadline_rules_get_start_day (self, calendar, registered, &start);
  appeals_calendar_add_working_days (calendar, &start,
                                     self->registration_day_counts ? days - 1 : days,
                                     due);
}

/**
 * appeals_deadline_rules_compute_due:
 * @kind: the wire name of the appeal's kind
 * @due: (out caller-allocates): the last day of the term
 *
 * Returns: %FALSE with %APPEALS_ERROR_NOT_FOUND when the table has no term
 *   for @kind.
 */
gboolean
appeals_deadline_rules_compute_due (AppealsDeadlineRules  *self,
                                    AppealsCalendar       *calendar,
                                    const char            *kind,
                                    const GDate           *registered,
                                    GDate                 *due,
                                    GError               **error)
{
  int days;

  g_return_val_if_fail (APPEALS_IS_DEADLINE_RULES (self), FALSE);
  g_return_val_if_fail (APPEALS_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (registered != NULL && g_date_valid (registered), FALSE);

  days = appeals_deadline_rules_get_term (self, kind);
  if (days < 0)
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_NOT_FOUND,
                   _("The deadline table has no term for appeals of kind “%s”"),
                   kind != NULL ? kind : "");
      return FALSE;
    }

  add_term (self, calendar, registered, days, due);
  return TRUE;
}

/**
 * appeals_deadline_rules_compute_forwarding_due:
 * @due: (out caller-allocates): the last day to forward the appeal to the
 *   competent body
 */
void
appeals_deadline_rules_compute_forwarding_due (AppealsDeadlineRules *self,
                                               AppealsCalendar      *calendar,
                                               const GDate          *registered,
                                               GDate                *due)
{
  g_return_if_fail (APPEALS_IS_DEADLINE_RULES (self));

  add_term (self, calendar, registered, self->forwarding_days, due);
}

/**
 * appeals_deadline_rules_get_extension_limit:
 * @limit: (out caller-allocates): the latest date an extension may reach:
 *   @due plus the maximum months (clamped to the end of a shorter month)
 */
void
appeals_deadline_rules_get_extension_limit (AppealsDeadlineRules *self,
                                            const GDate          *due,
                                            GDate                *limit)
{
  g_return_if_fail (APPEALS_IS_DEADLINE_RULES (self));
  g_return_if_fail (due != NULL && g_date_valid (due));

  *limit = *due;
  g_date_add_months (limit, self->extension_max_months);
}

gboolean
appeals_deadline_rules_check_extension (AppealsDeadlineRules  *self,
                                        const GDate           *due,
                                        const GDate           *extended_due,
                                        GError               **error)
{
  GDate limit;

  g_return_val_if_fail (APPEALS_IS_DEADLINE_RULES (self), FALSE);

  appeals_deadline_rules_get_extension_limit (self, due, &limit);

  if (g_date_compare (extended_due, due) <= 0)
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_OUT_OF_RANGE,
                           _("An extended deadline must be later than the current one"));
      return FALSE;
    }

  if (g_date_compare (extended_due, &limit) > 0)
    {
      g_autofree char *limit_text = appeals_date_format_iso (&limit);
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_OUT_OF_RANGE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A deadline can be extended by at most %d month, to %s",
                                "A deadline can be extended by at most %d months, to %s",
                                self->extension_max_months),
                   self->extension_max_months, limit_text);
      return FALSE;
    }

  return TRUE;
}

/**
 * appeals_deadline_rules_compute_notify_by:
 * @decided: the day the extension was decided
 * @notify_by: (out caller-allocates): the last day to tell the applicant
 */
void
appeals_deadline_rules_compute_notify_by (AppealsDeadlineRules *self,
                                          AppealsCalendar      *calendar,
                                          const GDate          *decided,
                                          GDate                *notify_by)
{
  g_return_if_fail (APPEALS_IS_DEADLINE_RULES (self));

  add_term (self, calendar, decided, self->extension_notify_days, notify_by);
}

/**
 * appeals_deadline_rules_evaluate:
 * @today: the day to judge on; a term ends at the end of its due day
 * @state: (out caller-allocates): the status and the working days left or
 *   overdue
 */
void
appeals_deadline_rules_evaluate (AppealsDeadlineRules *self,
                                 AppealsCalendar      *calendar,
                                 const GDate          *due,
                                 const GDate          *today,
                                 AppealsDeadlineState *state)
{
  int difference;

  g_return_if_fail (APPEALS_IS_DEADLINE_RULES (self));
  g_return_if_fail (due != NULL && g_date_valid (due));
  g_return_if_fail (today != NULL && g_date_valid (today));

  difference = appeals_calendar_count_working_days (calendar, today, due);
  state->working_days_left = MAX (difference, 0);
  state->working_days_overdue = MAX (-difference, 0);

  if (g_date_compare (today, due) > 0)
    {
      state->status = APPEALS_DEADLINE_OVERDUE;
      /* overdue on a weekend right after the due day: one day late */
      state->working_days_overdue = MAX (state->working_days_overdue, 1);
    }
  else if (g_date_compare (today, due) == 0)
    state->status = APPEALS_DEADLINE_DUE_TODAY;
  else if (difference <= self->due_soon_days)
    state->status = APPEALS_DEADLINE_DUE_SOON;
  else
    state->status = APPEALS_DEADLINE_ON_TIME;
}
