/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-growth-rule.c: the EARS C2 growth rule and its data file.
 */
#include "config.h"

#include <math.h>

#include "appeals-growth-rule.h"
#include "appeals-json.h"

#define GROWTH_FORMAT 1
#define DEFAULT_GROWTH_FILE "rules/growth-alerts.json"
#define GROWTH_METHOD "ears-c2"

G_DEFINE_FINAL_TYPE (AppealsGrowthRule, appeals_growth_rule, G_TYPE_OBJECT)

static void
appeals_growth_rule_class_init (AppealsGrowthRuleClass *klass)
{
}

static void
appeals_growth_rule_init (AppealsGrowthRule *self)
{
}

AppealsGrowthRule *
appeals_growth_rule_new (guint  baseline_periods,
                         guint  gap_periods,
                         double sd_multiplier,
                         double minimum_sd,
                         gint64 minimum_count)
{
  AppealsGrowthRule *self = g_object_new (APPEALS_TYPE_GROWTH_RULE, NULL);

  g_return_val_if_fail (baseline_periods >= 2, self);

  self->baseline_periods = baseline_periods;
  self->gap_periods = gap_periods;
  self->sd_multiplier = sd_multiplier;
  self->minimum_sd = minimum_sd;
  self->minimum_count = minimum_count;
  return self;
}

/**
 * appeals_growth_rule_new_from_json:
 * @node: a document in the format of data/rules/growth-alerts.json
 * @origin: the file the document came from, for error messages
 */
AppealsGrowthRule *
appeals_growth_rule_new_from_json (JsonNode    *node,
                                   const char  *origin,
                                   GError     **error)
{
  JsonObject *root = appeals_json_node_get_root_object (node, origin, error);
  const char *method = NULL;
  gint64 format = 0, baseline = 0, gap = 0, minimum_count = 0;
  double multiplier = 0, minimum_sd = 0;

  if (root == NULL ||
      !appeals_json_read_int (root, "format", TRUE, GROWTH_FORMAT, GROWTH_FORMAT, &format, origin, NULL, error) ||
      !appeals_json_read_string (root, "method", TRUE, &method, origin, NULL, error))
    return NULL;
  if (!g_str_equal (method, GROWTH_METHOD))
    {
      appeals_json_set_field_error (error, origin, "method", "must be \"" GROWTH_METHOD "\"");
      return NULL;
    }
  if (!appeals_json_read_int (root, "baseline_periods", TRUE, 2, 52, &baseline, origin, NULL, error) ||
      !appeals_json_read_int (root, "gap_periods", TRUE, 0, 12, &gap, origin, NULL, error) ||
      !appeals_json_read_number (root, "sd_multiplier", TRUE, 0, 10, &multiplier, origin, NULL, error) ||
      !appeals_json_read_number (root, "minimum_sd", TRUE, 0, 1000, &minimum_sd, origin, NULL, error) ||
      !appeals_json_read_int (root, "minimum_count", TRUE, 1, 100000, &minimum_count, origin, NULL, error))
    return NULL;

  return appeals_growth_rule_new (baseline, gap, multiplier, minimum_sd, minimum_count);
}

AppealsGrowthRule *
appeals_growth_rule_new_default (GError **error)
{
  return appeals_json_parse_data_file (DEFAULT_GROWTH_FILE, (AppealsJsonDocumentParser) appeals_growth_rule_new_from_json,
                                       error);
}

/**
 * appeals_growth_rule_to_json:
 *
 * Returns: (transfer full): the rule as the data file gives it.
 */
JsonNode *
appeals_growth_rule_to_json (AppealsGrowthRule *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, GROWTH_FORMAT);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, GROWTH_METHOD);
  json_builder_set_member_name (builder, "baseline_periods");
  json_builder_add_int_value (builder, self->baseline_periods);
  json_builder_set_member_name (builder, "gap_periods");
  json_builder_add_int_value (builder, self->gap_periods);
  json_builder_set_member_name (builder, "sd_multiplier");
  json_builder_add_double_value (builder, self->sd_multiplier);
  json_builder_set_member_name (builder, "minimum_sd");
  json_builder_add_double_value (builder, self->minimum_sd);
  json_builder_set_member_name (builder, "minimum_count");
  json_builder_add_int_value (builder, self->minimum_count);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

guint
appeals_growth_rule_get_span (AppealsGrowthRule *self)
{
  g_return_val_if_fail (APPEALS_IS_GROWTH_RULE (self), 0);

  return self->baseline_periods + self->gap_periods;
}

/**
 * appeals_growth_rule_evaluate:
 * @counts: a series of counts, one per period, oldest first
 * @current: the index in @counts of the period to judge
 *
 * Judges @counts[@current] against the baseline that ends gap_periods
 * before it. A period without a whole baseline before it is not judged.
 */
void
appeals_growth_rule_evaluate (AppealsGrowthRule   *self,
                              const gint64        *counts,
                              guint                n_counts,
                              guint                current,
                              AppealsGrowthResult *result)
{
  guint span = appeals_growth_rule_get_span (self);
  double sum = 0, squares = 0;
  guint first;

  *result = (AppealsGrowthResult) { FALSE, NAN, NAN, NAN, FALSE };
  g_return_if_fail (current < n_counts);
  if (current < span)
    return;

  first = current - span;
  for (guint i = first; i < first + self->baseline_periods; i++)
    sum += counts[i];
  result->mean = sum / self->baseline_periods;
  for (guint i = first; i < first + self->baseline_periods; i++)
    squares += (counts[i] - result->mean) * (counts[i] - result->mean);
  result->sd = sqrt (squares / (self->baseline_periods - 1));
  result->threshold = result->mean + self->sd_multiplier * MAX (result->sd, self->minimum_sd);
  result->evaluated = TRUE;
  result->alert = counts[current] >= self->minimum_count && counts[current] > result->threshold;
}
