/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-dynamics.c: the dynamics' periods, series and growth alerts,
 * and their JSON.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "appeals-dynamics.h"
#include "appeals-json.h"

#define ORIGIN "dynamics"

static const char * const kinds[] = { "month", "week" };

const char *
appeals_period_kind_to_string (AppealsPeriodKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  return kinds[kind];
}

gboolean
appeals_period_kind_from_string (const char        *text,
                                 AppealsPeriodKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (text, kinds[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* The first day of the month or the week (Monday) of @day. */
void
appeals_period_start (AppealsPeriodKind  kind,
                      const GDate       *day,
                      GDate             *start)
{
  *start = *day;
  if (kind == APPEALS_PERIOD_MONTH)
    g_date_set_day (start, 1);
  else
    g_date_subtract_days (start, g_date_get_weekday (day) - G_DATE_MONDAY);
}

void
appeals_period_end (AppealsPeriodKind  kind,
                    const GDate       *start,
                    GDate             *end)
{
  *end = *start;
  appeals_period_shift (kind, end, 1);
  g_date_subtract_days (end, 1);
}

/* Moves the first day of a period @periods periods on (or back). */
void
appeals_period_shift (AppealsPeriodKind  kind,
                      GDate             *start,
                      int                periods)
{
  if (kind == APPEALS_PERIOD_MONTH)
    periods >= 0 ? g_date_add_months (start, periods) : g_date_subtract_months (start, -periods);
  else
    periods >= 0 ? g_date_add_days (start, 7 * periods) : g_date_subtract_days (start, -7 * periods);
}

/* Series ------------------------------------------------------------------- */

static AppealsSeries *
series_new (const char *district,
            const char *question_character,
            guint       n_periods)
{
  AppealsSeries *series = g_new0 (AppealsSeries, 1);

  series->district = g_strdup (district);
  series->question_character = g_strdup (question_character);
  series->counts = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n_periods);
  g_array_set_size (series->counts, n_periods);
  return series;
}

static void
series_free (AppealsSeries *series)
{
  g_free (series->district);
  g_free (series->question_character);
  g_array_unref (series->counts);
  g_free (series);
}

/**
 * appeals_series_get_filter:
 * @start: the first day of one of the series' periods
 *
 * Returns: (transfer full): the journal's query that lists the appeals
 *   counted in the series for that period.
 */
char *
appeals_series_get_filter (const AppealsSeries *series,
                           AppealsPeriodKind    kind,
                           const GDate         *start)
{
  g_autofree char *district = g_uri_escape_string (series->district, NULL, FALSE);
  g_autofree char *character = g_uri_escape_string (series->question_character, NULL, FALSE);
  g_autofree char *from = appeals_date_format_iso (start);
  g_autofree char *to = NULL;
  GDate end;

  appeals_period_end (kind, start, &end);
  to = appeals_date_format_iso (&end);
  return g_strdup_printf ("district=%s&question_character=%s&from=%s&to=%s", district, character, from, to);
}

/* Dynamics ----------------------------------------------------------------- */

/**
 * appeals_dynamics_new:
 *
 * Returns: (transfer full): empty series of the periods that hold @from
 *   to @to, at most APPEALS_DYNAMICS_MAX_PERIODS of them.
 */
AppealsDynamics *
appeals_dynamics_new (AppealsPeriodKind  kind,
                      const GDate       *from,
                      const GDate       *to)
{
  AppealsDynamics *self = g_new0 (AppealsDynamics, 1);
  GDate start;

  self->kind = kind;
  self->starts = g_array_new (FALSE, FALSE, sizeof (GDate));
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  if (from == NULL || to == NULL)
    return self;
  for (appeals_period_start (kind, from, &start);
       g_date_compare (&start, to) <= 0 && self->starts->len < APPEALS_DYNAMICS_MAX_PERIODS;
       appeals_period_shift (kind, &start, 1))
    g_array_append_val (self->starts, start);
  return self;
}

void
appeals_dynamics_free (AppealsDynamics *self)
{
  if (self == NULL)
    return;
  g_free (self->district);
  g_array_unref (self->starts);
  g_ptr_array_unref (self->series);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_free (self);
}

/* The index of the period that starts on @start ("YYYY-MM-DD"), or -1. */
int
appeals_dynamics_find_period (AppealsDynamics *self,
                              const char      *start)
{
  GDate date;

  if (!appeals_date_parse_iso (start, &date))
    return -1;
  for (guint i = 0; i < self->starts->len; i++)
    if (g_date_compare (&g_array_index (self->starts, GDate, i), &date) == 0)
      return i;
  return -1;
}

/* The key of a series in by_key: a district and a question character
 * are classifier codes, which never hold a unit separator. */
static char *
series_key (const char *district,
            const char *question_character)
{
  return g_strconcat (district, "\037", question_character, NULL);
}

/* The series of @district × @question_character, added if new. Found
 * through an index of the series, made at the first call (a year's
 * months of a region's twenty districts and 24 question characters: 480
 * series, 5,760 counts to put in them). */
AppealsSeries *
appeals_dynamics_get_series (AppealsDynamics *self,
                             const char      *district,
                             const char      *question_character)
{
  g_autofree char *key = series_key (district, question_character);
  AppealsSeries *series;

  if (self->by_key == NULL)
    {
      self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < self->series->len; i++)
        {
          series = g_ptr_array_index (self->series, i);
          g_hash_table_insert (self->by_key, series_key (series->district, series->question_character), series);
        }
    }
  series = g_hash_table_lookup (self->by_key, key);
  if (series != NULL)
    return series;
  series = series_new (district, question_character, self->starts->len);
  g_ptr_array_add (self->series, series);
  g_hash_table_insert (self->by_key, g_steal_pointer (&key), series);
  return series;
}

static int
compare_series (gconstpointer a,
                gconstpointer b)
{
  const AppealsSeries *x = *(AppealsSeries **) a;
  const AppealsSeries *y = *(AppealsSeries **) b;
  int order;

  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  order = strcmp (x->district, y->district);
  return order != 0 ? order : strcmp (x->question_character, y->question_character);
}

/* Sums the series and puts the largest first. */
void
appeals_dynamics_sort (AppealsDynamics *self)
{
  for (guint i = 0; i < self->series->len; i++)
    {
      AppealsSeries *series = g_ptr_array_index (self->series, i);

      series->total = 0;
      for (guint p = 0; p < series->counts->len; p++)
        series->total += g_array_index (series->counts, gint64, p);
    }
  g_ptr_array_sort (self->series, compare_series);
}

/* JSON --------------------------------------------------------------------- */

static void
add_starts (JsonBuilder *builder,
            GArray      *starts)
{
  json_builder_set_member_name (builder, "periods");
  json_builder_begin_array (builder);
  for (guint i = 0; i < starts->len; i++)
    {
      g_autofree char *text = appeals_date_format_iso (&g_array_index (starts, GDate, i));
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_array (builder);
}

/* The members of a series: district, question character, total, counts. */
static void
add_series_members (JsonBuilder   *builder,
                    AppealsSeries *series)
{
  json_builder_set_member_name (builder, "district");
  json_builder_add_string_value (builder, series->district);
  json_builder_set_member_name (builder, "question_character");
  json_builder_add_string_value (builder, series->question_character);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, series->total);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < series->counts->len; i++)
    json_builder_add_int_value (builder, g_array_index (series->counts, gint64, i));
  json_builder_end_array (builder);
}

JsonNode *
appeals_dynamics_to_json (AppealsDynamics *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "period");
  json_builder_add_string_value (builder, appeals_period_kind_to_string (self->kind));
  appeals_json_add_string_or_null (builder, "district", self->district);
  add_starts (builder, self->starts);
  json_builder_set_member_name (builder, "series");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->series->len; i++)
    {
      json_builder_begin_object (builder);
      add_series_members (builder, g_ptr_array_index (self->series, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
read_kind (JsonObject         *object,
           AppealsPeriodKind  *kind,
           GError            **error)
{
  const char *text = NULL;

  if (!appeals_json_read_string (object, "period", TRUE, &text, ORIGIN, NULL, error))
    return FALSE;
  if (!appeals_period_kind_from_string (text, kind))
    {
      appeals_json_set_field_error (error, ORIGIN, "period", "must be \"month\" or \"week\"");
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_starts (JsonObject  *object,
             GArray      *starts,
             GError     **error)
{
  JsonArray *periods = NULL;

  if (!appeals_json_read_array (object, "periods", TRUE, &periods, ORIGIN, NULL, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (periods); i++)
    {
      JsonNode *node = json_array_get_element (periods, i);
      GDate start;

      if (json_node_get_value_type (node) != G_TYPE_STRING ||
          !appeals_date_parse_iso (json_node_get_string (node), &start))
        {
          appeals_json_set_field_error (error, ORIGIN, "periods", "must be dates");
          return FALSE;
        }
      g_array_append_val (starts, start);
    }
  return TRUE;
}

/* A series of as many counts as @n_periods. */
static AppealsSeries *
read_series (JsonObject  *object,
             guint        n_periods,
             GError     **error)
{
  const char *district = NULL, *character = NULL;
  JsonArray *counts = NULL;
  AppealsSeries *series;
  gint64 total = 0;

  if (!appeals_json_read_string (object, "district", TRUE, &district, ORIGIN, "series", error) ||
      !appeals_json_read_string (object, "question_character", TRUE, &character, ORIGIN, "series", error) ||
      !appeals_json_read_int (object, "total", TRUE, 0, G_MAXINT64, &total, ORIGIN, "series", error) ||
      !appeals_json_read_array (object, "counts", TRUE, &counts, ORIGIN, "series", error))
    return NULL;
  if (json_array_get_length (counts) != n_periods)
    {
      appeals_json_set_field_error (error, ORIGIN, "series.counts", "must have a count per period");
      return NULL;
    }
  series = series_new (district, character, n_periods);
  series->total = total;
  for (guint i = 0; i < n_periods; i++)
    g_array_index (series->counts, gint64, i) = json_array_get_int_element (counts, i);
  return series;
}

AppealsDynamics *
appeals_dynamics_new_from_json (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(AppealsDynamics) self = appeals_dynamics_new (APPEALS_PERIOD_MONTH, NULL, NULL);
  JsonObject *object = appeals_json_node_get_root_object (node, ORIGIN, error);
  const char *district = NULL;
  JsonArray *series = NULL;

  if (object == NULL || !read_kind (object, &self->kind, error) ||
      !appeals_json_read_string (object, "district", FALSE, &district, ORIGIN, NULL, error) ||
      !read_starts (object, self->starts, error) ||
      !appeals_json_read_array (object, "series", TRUE, &series, ORIGIN, NULL, error))
    return NULL;
  self->district = g_strdup (district);
  for (guint i = 0; i < json_array_get_length (series); i++)
    {
      JsonObject *item = appeals_json_array_get_object (series, i, ORIGIN, "series", error);
      AppealsSeries *one = item != NULL ? read_series (item, self->starts->len, error) : NULL;

      if (one == NULL)
        return NULL;
      g_ptr_array_add (self->series, one);
    }
  return g_steal_pointer (&self);
}

/* Growth alerts ------------------------------------------------------------ */

char *
appeals_growth_alert_make_id (AppealsPeriodKind  kind,
                              const char        *start,
                              const char        *district,
                              const char        *question_character)
{
  return g_strjoin (":", appeals_period_kind_to_string (kind), start, district, question_character, NULL);
}

/* Reads "<kind>:<start>:<district>:<question character>"; the start must
 * be the first day of a period. */
gboolean
appeals_growth_alert_parse_id (const char         *id,
                               AppealsPeriodKind  *kind,
                               GDate              *start,
                               char              **district,
                               char              **question_character)
{
  g_auto(GStrv) parts = g_strsplit (id, ":", -1);
  GDate period;

  if (g_strv_length (parts) != 4 || !appeals_period_kind_from_string (parts[0], kind) ||
      !appeals_date_parse_iso (parts[1], start) || *parts[2] == '\0' || *parts[3] == '\0')
    return FALSE;
  appeals_period_start (*kind, start, &period);
  if (g_date_compare (&period, start) != 0)
    return FALSE;
  *district = g_strdup (parts[2]);
  *question_character = g_strdup (parts[3]);
  return TRUE;
}

void
appeals_growth_alert_free (AppealsGrowthAlert *alert)
{
  if (alert == NULL)
    return;
  g_free (alert->id);
  g_clear_pointer (&alert->series, series_free);
  g_clear_pointer (&alert->starts, g_array_unref);
  g_free (alert->cause);
  g_free (alert->measures);
  g_free (alert->noted_by);
  g_free (alert->noted_at);
  g_free (alert);
}

AppealsAlertList *
appeals_alert_list_new (AppealsPeriodKind  kind,
                        AppealsGrowthRule *rule)
{
  AppealsAlertList *self = g_new0 (AppealsAlertList, 1);

  self->kind = kind;
  self->rule = rule != NULL ? g_object_ref (rule) : NULL;
  self->alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_growth_alert_free);
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  return self;
}

void
appeals_alert_list_free (AppealsAlertList *self)
{
  if (self == NULL)
    return;
  g_free (self->district);
  g_clear_object (&self->rule);
  g_ptr_array_unref (self->alerts);
  g_free (self);
}

/**
 * appeals_alert_list_add_from:
 * @current: the index of the alerted period in @dynamics
 *
 * Adds the alert @result raised on @series: the series cut to the rule's
 * span and the period alerted.
 */
AppealsGrowthAlert *
appeals_alert_list_add_from (AppealsAlertList          *self,
                             AppealsDynamics           *dynamics,
                             AppealsSeries             *series,
                             guint                      current,
                             const AppealsGrowthResult *result)
{
  AppealsGrowthAlert *alert = g_new0 (AppealsGrowthAlert, 1);
  guint first = current - MIN (current, appeals_growth_rule_get_span (self->rule));
  g_autofree char *start = NULL;

  alert->kind = dynamics->kind;
  alert->start = g_array_index (dynamics->starts, GDate, current);
  start = appeals_date_format_iso (&alert->start);
  alert->id = appeals_growth_alert_make_id (alert->kind, start, series->district, series->question_character);
  alert->series = series_new (series->district, series->question_character, 0);
  alert->starts = g_array_new (FALSE, FALSE, sizeof (GDate));
  g_array_append_vals (alert->series->counts, &g_array_index (series->counts, gint64, first), current - first + 1);
  g_array_append_vals (alert->starts, &g_array_index (dynamics->starts, GDate, first), current - first + 1);
  alert->series->total = series->total;
  alert->count = g_array_index (series->counts, gint64, current);
  alert->mean = result->mean;
  alert->sd = result->sd;
  alert->threshold = result->threshold;
  g_ptr_array_add (self->alerts, alert);
  return alert;
}

JsonNode *
appeals_growth_alert_to_json (AppealsGrowthAlert *alert)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GDate end;

  appeals_period_end (alert->kind, &alert->start, &end);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, alert->id);
  json_builder_set_member_name (builder, "period");
  json_builder_add_string_value (builder, appeals_period_kind_to_string (alert->kind));
  appeals_json_add_date (builder, "start", &alert->start);
  appeals_json_add_date (builder, "end", &end);
  add_series_members (builder, alert->series);
  add_starts (builder, alert->starts);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, alert->count);
  json_builder_set_member_name (builder, "mean");
  json_builder_add_double_value (builder, alert->mean);
  json_builder_set_member_name (builder, "sd");
  json_builder_add_double_value (builder, alert->sd);
  json_builder_set_member_name (builder, "threshold");
  json_builder_add_double_value (builder, alert->threshold);
  appeals_json_add_string_or_null (builder, "cause", alert->cause);
  appeals_json_add_string_or_null (builder, "measures", alert->measures);
  appeals_json_add_string_or_null (builder, "noted_by", alert->noted_by);
  appeals_json_add_string_or_null (builder, "noted_at", alert->noted_at);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
appeals_alert_list_to_json (AppealsAlertList *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "period");
  json_builder_add_string_value (builder, appeals_period_kind_to_string (self->kind));
  appeals_json_add_string_or_null (builder, "district", self->district);
  appeals_json_add_date (builder, "from", &self->from);
  appeals_json_add_date (builder, "to", &self->to);
  json_builder_set_member_name (builder, "rule");
  json_builder_add_value (builder, appeals_growth_rule_to_json (self->rule));
  json_builder_set_member_name (builder, "alerts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->alerts->len; i++)
    json_builder_add_value (builder, appeals_growth_alert_to_json (g_ptr_array_index (self->alerts, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
read_note (JsonObject  *object,
           const char  *member,
           char       **value,
           GError     **error)
{
  const char *text = NULL;

  if (!appeals_json_read_string (object, member, FALSE, &text, ORIGIN, NULL, error))
    return FALSE;
  *value = g_strdup (text);
  return TRUE;
}

AppealsGrowthAlert *
appeals_growth_alert_new_from_json (JsonNode  *node,
                                    GError   **error)
{
  g_autoptr(AppealsGrowthAlert) alert = g_new0 (AppealsGrowthAlert, 1);
  JsonObject *object = appeals_json_node_get_root_object (node, ORIGIN, error);
  const char *id = NULL;

  alert->starts = g_array_new (FALSE, FALSE, sizeof (GDate));
  if (object == NULL || !appeals_json_read_string (object, "id", TRUE, &id, ORIGIN, NULL, error) ||
      !read_kind (object, &alert->kind, error) ||
      !appeals_json_read_date (object, "start", TRUE, &alert->start, ORIGIN, NULL, error) ||
      !read_starts (object, alert->starts, error) ||
      (alert->series = read_series (object, alert->starts->len, error)) == NULL ||
      !appeals_json_read_int (object, "count", TRUE, 0, G_MAXINT64, &alert->count, ORIGIN, NULL, error) ||
      !appeals_json_read_number (object, "mean", TRUE, -G_MAXDOUBLE, G_MAXDOUBLE, &alert->mean, ORIGIN, NULL, error) ||
      !appeals_json_read_number (object, "sd", TRUE, 0, G_MAXDOUBLE, &alert->sd, ORIGIN, NULL, error) ||
      !appeals_json_read_number (object, "threshold", TRUE, -G_MAXDOUBLE, G_MAXDOUBLE, &alert->threshold, ORIGIN, NULL,
                                 error) ||
      !read_note (object, "cause", &alert->cause, error) || !read_note (object, "measures", &alert->measures, error) ||
      !read_note (object, "noted_by", &alert->noted_by, error) ||
      !read_note (object, "noted_at", &alert->noted_at, error))
    return NULL;
  alert->id = g_strdup (id);
  return g_steal_pointer (&alert);
}

AppealsAlertList *
appeals_alert_list_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  g_autoptr(AppealsAlertList) self = appeals_alert_list_new (APPEALS_PERIOD_MONTH, NULL);
  JsonObject *object = appeals_json_node_get_root_object (node, ORIGIN, error);
  JsonObject *rule = NULL;
  JsonArray *alerts = NULL;
  const char *district = NULL;

  if (object == NULL || !read_kind (object, &self->kind, error) ||
      !appeals_json_read_string (object, "district", FALSE, &district, ORIGIN, NULL, error) ||
      !appeals_json_read_date (object, "from", TRUE, &self->from, ORIGIN, NULL, error) ||
      !appeals_json_read_date (object, "to", TRUE, &self->to, ORIGIN, NULL, error) ||
      !appeals_json_read_object (object, "rule", TRUE, &rule, ORIGIN, NULL, error) ||
      !appeals_json_read_array (object, "alerts", TRUE, &alerts, ORIGIN, NULL, error))
    return NULL;
  self->district = g_strdup (district);
  self->rule = appeals_growth_rule_new_from_json (json_object_get_member (object, "rule"), ORIGIN, error);
  if (self->rule == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (alerts); i++)
    {
      AppealsGrowthAlert *alert = appeals_growth_alert_new_from_json (json_array_get_element (alerts, i), error);

      if (alert == NULL)
        return NULL;
      g_ptr_array_add (self->alerts, alert);
    }
  return g_steal_pointer (&self);
}
