/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-growth-rule.h: when a series of counts grows enough to raise an
 * alert — the CDC EARS C2 rule, its parameters read from
 * data/rules/growth-alerts.json: the mean and sample standard deviation
 * of a baseline of periods ending a gap before the current one; an alert
 * when the current count is at least a minimum and exceeds
 * mean + k · max (SD, minimum SD).
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define APPEALS_TYPE_GROWTH_RULE (appeals_growth_rule_get_type ())
G_DECLARE_FINAL_TYPE (AppealsGrowthRule, appeals_growth_rule, APPEALS, GROWTH_RULE, GObject)

struct _AppealsGrowthRule
{
  GObject   parent_instance;

  guint     baseline_periods;
  guint     gap_periods;
  double    sd_multiplier;
  double    minimum_sd;
  gint64    minimum_count;
};

typedef struct
{
  gboolean  evaluated;     /* FALSE: fewer periods before it than baseline + gap */
  double    mean;
  double    sd;            /* the baseline's sample standard deviation */
  double    threshold;     /* mean + k · max (sd, minimum sd) */
  gboolean  alert;
} AppealsGrowthResult;

AppealsGrowthRule *appeals_growth_rule_new           (guint                 baseline_periods,
                                                      guint                 gap_periods,
                                                      double                sd_multiplier,
                                                      double                minimum_sd,
                                                      gint64                minimum_count);
AppealsGrowthRule *appeals_growth_rule_new_from_json (JsonNode             *node,
                                                      const char           *origin,
                                                      GError              **error);
AppealsGrowthRule *appeals_growth_rule_new_default   (GError              **error);
JsonNode          *appeals_growth_rule_to_json       (AppealsGrowthRule    *self);

/* How many periods before the current one the rule reads. */
guint              appeals_growth_rule_get_span      (AppealsGrowthRule    *self);

void               appeals_growth_rule_evaluate      (AppealsGrowthRule    *self,
                                                      const gint64         *counts,
                                                      guint                 n_counts,
                                                      guint                 current,
                                                      AppealsGrowthResult  *result);

G_END_DECLS
