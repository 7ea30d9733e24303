/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-rules-json.c: every rule catalogue built from the JSON a server
 * hands on (its _to_json) answers as the one read from the data file, and
 * a malformed answer is refused with an error naming where it came from.
 */
#include "config.h"

#include "appeals-core.h"

typedef GObject  *(*NewFromFile) (const char *path, GError **error);
typedef GObject  *(*NewFromJson) (JsonNode *node, const char *origin, GError **error);
typedef JsonNode *(*ToJson)      (gpointer self);
typedef char     *(*Describe)    (gpointer self);

typedef struct
{
  const char  *file;
  NewFromFile  new_from_file;
  NewFromJson  new_from_json;
  ToJson       to_json;
  Describe     describe;   /* a summary of what the rules decide */
} Catalogue;

static char *
describe_calendar (gpointer self)
{
  GString *text = g_string_new (NULL);
  GDate day, end;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, appeals_calendar_get_first_year (self));
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 31, G_DATE_DECEMBER, appeals_calendar_get_last_year (self) + 2);
  for (; g_date_compare (&day, &end) <= 0; g_date_add_days (&day, 1))
    g_string_append_c (text, '0' + appeals_calendar_get_day_kind (self, &day));
  return g_string_free (text, FALSE);
}

static char *
describe_deadlines (gpointer self)
{
  GString *text = g_string_new (NULL);
  const char * const *kinds = appeals_deadline_rules_list_kinds (self);

  for (guint i = 0; kinds[i] != NULL; i++)
    g_string_append_printf (text, "%s=%d ", kinds[i], appeals_deadline_rules_get_term (self, kinds[i]));
  g_string_append_printf (text, "forwarding=%d", appeals_deadline_rules_get_forwarding_days (self));
  return g_string_free (text, FALSE);
}

static char *
describe_priorities (gpointer self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < appeals_priority_catalog_get_n_categories (self); i++)
    {
      const char *code = appeals_priority_catalog_get_code (self, i);

      g_string_append_printf (text, "%s=%d/%s ", code, appeals_priority_catalog_get_rank (self, code),
                              appeals_priority_catalog_get_name (self, code, "kk"));
    }
  return g_string_free (text, FALSE);
}

static char *
describe_workflow (gpointer self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < appeals_workflow_get_n_steps (self); i++)
    {
      const AppealsWorkflowStep *step = appeals_workflow_get_step (self, i);

      g_string_append_printf (text, "%s/%d/%d/%d ", step->code, step->anchor, step->has_term, step->working_days);
    }
  return g_string_free (text, FALSE);
}

static char *
describe_checklist (gpointer self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < appeals_checklist_template_get_n_criteria (self); i++)
    {
      const AppealsChecklistItem *item = appeals_checklist_template_get_criterion (self, i);

      g_string_append_printf (text, "%s=%d ", item->code, item->weight);
    }
  g_string_append_printf (text, "threshold=%d rework=%d", appeals_checklist_template_get_accept_threshold (self),
                          appeals_checklist_template_get_rework_days (self));
  return g_string_free (text, FALSE);
}

static char *
describe_classifier (gpointer self)
{
  GString *text = g_string_new (appeals_classifier_get_name (self));

  for (guint i = 0; i < appeals_classifier_get_n_items (self); i++)
    g_string_append_printf (text, " %s", appeals_classifier_get_item (self, i)->code);
  return g_string_free (text, FALSE);
}

static char *
describe_letterhead (gpointer self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < APPEALS_LETTERHEAD_N_LINES; i++)
    g_string_append_printf (text, "%s|%s|", appeals_letterhead_get (self, i, "kk"), appeals_letterhead_get (self, i, "ru"));
  return g_string_free (text, FALSE);
}

static const Catalogue catalogues[] = {
  { "calendar/kz.json", (NewFromFile) appeals_calendar_new_from_file,
    (NewFromJson) appeals_calendar_new_from_json, (ToJson) appeals_calendar_to_json, describe_calendar },
  { "rules/deadlines.json", (NewFromFile) appeals_deadline_rules_new_from_file,
    (NewFromJson) appeals_deadline_rules_new_from_json, (ToJson) appeals_deadline_rules_to_json, describe_deadlines },
  { "rules/priority-categories.json", (NewFromFile) appeals_priority_catalog_new_from_file,
    (NewFromJson) appeals_priority_catalog_new_from_json, (ToJson) appeals_priority_catalog_to_json,
    describe_priorities },
  { "reception/workflow.json", (NewFromFile) appeals_workflow_new_from_file,
    (NewFromJson) appeals_workflow_new_from_json, (ToJson) appeals_workflow_to_json, describe_workflow },
  { "rules/checklist.json", (NewFromFile) appeals_checklist_template_new_from_file,
    (NewFromJson) appeals_checklist_template_new_from_json, (ToJson) appeals_checklist_template_to_json,
    describe_checklist },
  { "classifiers/districts.json", (NewFromFile) appeals_classifier_new_from_file,
    (NewFromJson) appeals_classifier_new_from_json, (ToJson) appeals_classifier_to_json, describe_classifier },
  { "classifiers/answer-characters.json", (NewFromFile) appeals_classifier_new_from_file,
    (NewFromJson) appeals_classifier_new_from_json, (ToJson) appeals_classifier_to_json, describe_classifier },
  { "classifiers/termination-grounds.json", (NewFromFile) appeals_classifier_new_from_file,
    (NewFromJson) appeals_classifier_new_from_json, (ToJson) appeals_classifier_to_json, describe_classifier },
  { "printing/letterhead.json", (NewFromFile) appeals_letterhead_new_from_file,
    (NewFromJson) appeals_letterhead_new_from_json, (ToJson) appeals_letterhead_to_json, describe_letterhead },
};

/* What a client builds from the server's answer (sent as text) decides
 * as the server's own copy does. */
static void
test_round_trip (gconstpointer data)
{
  const Catalogue *catalogue = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = appeals_data_find_file (catalogue->file, &error);
  g_autoptr(GObject) from_file = NULL;
  g_autoptr(GObject) from_json = NULL;
  g_autoptr(JsonNode) sent = NULL;
  g_autoptr(JsonNode) received = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  g_assert_no_error (error);
  from_file = catalogue->new_from_file (path, &error);
  g_assert_no_error (error);

  sent = catalogue->to_json (from_file);
  text = json_to_string (sent, FALSE);
  received = json_from_string (text, &error);
  g_assert_no_error (error);
  from_json = catalogue->new_from_json (received, "https://server/api/v1/rules", &error);
  g_assert_no_error (error);

  expected = catalogue->describe (from_file);
  actual = catalogue->describe (from_json);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpuint (strlen (actual), >, 20);
}

/* An answer that is not a rule document is refused, naming its origin,
 * and never aborts. */
static void
test_refused (gconstpointer data)
{
  const Catalogue *catalogue = data;
  const char *documents[] = { "[]", "{}", "{\"format\": 99}", "\"text\"" };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (documents[i], NULL);
      g_autoptr(GObject) object = catalogue->new_from_json (node, "https://server/api/v1/rules", &error);

      g_assert_null (object);
      g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "https://server/api/v1/rules"));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (catalogues); i++)
    {
      g_autofree char *round_trip = g_strdup_printf ("/rules-json/round-trip/%s", catalogues[i].file);
      g_autofree char *refused = g_strdup_printf ("/rules-json/refused/%s", catalogues[i].file);

      g_test_add_data_func (round_trip, &catalogues[i], test_round_trip);
      g_test_add_data_func (refused, &catalogues[i], test_refused);
    }

  return g_test_run ();
}
