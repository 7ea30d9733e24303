/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-dynamics.h: the dynamics of the analytics — monthly or weekly
 * series of the appeals registered per district × question character —
 * and the growth alerts raised on them by the growth rule, each with the
 * cause and measures an analyst recorded. The server counts; this is the
 * model both sides share, its periods and its JSON.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-growth-rule.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_PERIOD_MONTH,
  APPEALS_PERIOD_WEEK,       /* Monday to Sunday */
} AppealsPeriodKind;

#define APPEALS_DYNAMICS_MAX_PERIODS 160

const char *appeals_period_kind_to_string   (AppealsPeriodKind  kind);
gboolean    appeals_period_kind_from_string (const char        *text,
                                             AppealsPeriodKind *kind);
void        appeals_period_start            (AppealsPeriodKind  kind,
                                             const GDate       *day,
                                             GDate             *start);
void        appeals_period_end              (AppealsPeriodKind  kind,
                                             const GDate       *start,
                                             GDate             *end);
void        appeals_period_shift            (AppealsPeriodKind  kind,
                                             GDate             *start,
                                             int                periods);

typedef struct
{
  char   *district;
  char   *question_character;
  GArray *counts;                  /* gint64, one per period */
  gint64  total;
} AppealsSeries;

char       *appeals_series_get_filter       (const AppealsSeries *series,
                                             AppealsPeriodKind    kind,
                                             const GDate         *start);

typedef struct
{
  AppealsPeriodKind  kind;
  char              *district;     /* the caller's scope; NULL: the whole region */
  GArray            *starts;       /* GDate, the periods' first days, oldest first */
  GPtrArray         *series;       /* AppealsSeries, the largest total first */
  GHashTable        *by_key;       /* private: appeals_dynamics_get_series()'s index */
} AppealsDynamics;

AppealsDynamics *appeals_dynamics_new           (AppealsPeriodKind   kind,
                                                 const GDate        *from,
                                                 const GDate        *to);
void             appeals_dynamics_free          (AppealsDynamics    *self);
int              appeals_dynamics_find_period   (AppealsDynamics    *self,
                                                 const char         *start);
AppealsSeries   *appeals_dynamics_get_series    (AppealsDynamics    *self,
                                                 const char         *district,
                                                 const char         *question_character);
void             appeals_dynamics_sort          (AppealsDynamics    *self);
JsonNode        *appeals_dynamics_to_json       (AppealsDynamics    *self);
AppealsDynamics *appeals_dynamics_new_from_json (JsonNode           *node,
                                                 GError            **error);

typedef struct
{
  char              *id;           /* "<kind>:<start>:<district>:<question character>" */
  AppealsPeriodKind  kind;
  GDate              start;        /* the period alerted */
  AppealsSeries     *series;       /* the rule's span and the period, oldest first */
  GArray            *starts;       /* GDate, the series' periods */
  gint64             count;
  double             mean, sd, threshold;
  char              *cause;        /* NULL until an analyst notes them */
  char              *measures;
  char              *noted_by;
  char              *noted_at;
} AppealsGrowthAlert;

char            *appeals_growth_alert_make_id   (AppealsPeriodKind   kind,
                                                 const char         *start,
                                                 const char         *district,
                                                 const char         *question_character);
gboolean         appeals_growth_alert_parse_id  (const char         *id,
                                                 AppealsPeriodKind  *kind,
                                                 GDate              *start,
                                                 char              **district,
                                                 char              **question_character);

typedef struct
{
  AppealsPeriodKind  kind;
  char              *district;
  GDate              from, to;
  AppealsGrowthRule *rule;
  GPtrArray         *alerts;       /* AppealsGrowthAlert, newest period first */
} AppealsAlertList;

AppealsAlertList   *appeals_alert_list_new           (AppealsPeriodKind   kind,
                                                      AppealsGrowthRule  *rule);
void                appeals_alert_list_free          (AppealsAlertList   *self);
AppealsGrowthAlert *appeals_alert_list_add_from      (AppealsAlertList   *self,
                                                      AppealsDynamics    *dynamics,
                                                      AppealsSeries      *series,
                                                      guint               current,
                                                      const AppealsGrowthResult *result);
JsonNode           *appeals_growth_alert_to_json     (AppealsGrowthAlert *alert);
JsonNode           *appeals_alert_list_to_json       (AppealsAlertList   *self);
AppealsAlertList   *appeals_alert_list_new_from_json (JsonNode           *node,
                                                      GError            **error);
AppealsGrowthAlert *appeals_growth_alert_new_from_json (JsonNode         *node,
                                                        GError          **error);
void                appeals_growth_alert_free        (AppealsGrowthAlert *alert);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsDynamics, appeals_dynamics_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsAlertList, appeals_alert_list_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsGrowthAlert, appeals_growth_alert_free)

G_END_DECLS
