/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-dynamics-records.c: the dynamics and growth alerts counted in
 * SQL, and the analysts' notes on alerts.
 *
 * The periods are handed to the database as a small table of first and
 * last days, joined to the appeals by registration date: one query, the
 * same for months and weeks on both backends, that reads the index on
 * (registration_date, district, question_character) and nothing else.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-audit.h"
#include "appeals-dynamics-records.h"
#include "appeals-report-sql.h"
#include "appeals-scope.h"

/* "SELECT CAST(? AS TEXT) AS start, CAST(? AS TEXT) AS finish UNION ALL …"
 * for every period of @dynamics, its values added to @params. */
static char *
periods_table (AppealsDynamics *dynamics,
               GVariantBuilder *params)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint i = 0; i < dynamics->starts->len; i++)
    {
      const GDate *start = &g_array_index (dynamics->starts, GDate, i);
      GDate end;

      appeals_period_end (dynamics->kind, start, &end);
      g_string_append (sql, i > 0 ? " UNION ALL SELECT CAST(? AS TEXT), CAST(? AS TEXT)"
                                  : "SELECT CAST(? AS TEXT) AS start, CAST(? AS TEXT) AS finish");
      g_variant_builder_add_value (params, g_variant_new_take_string (appeals_date_format_iso (start)));
      g_variant_builder_add_value (params, g_variant_new_take_string (appeals_date_format_iso (&end)));
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The appeals of each period by district and question character. Its
 * parameters: the periods' first and last days (the table %s), the first
 * period's first day and the last one's last (which lead PostgreSQL to
 * the index's range), then whether region-wide and the scope's
 * district, whether any district and the one asked for, whether any
 * question character and the one asked for. */
#define IN_SCOPE \
  "(? = 1 OR a.district = ?) AND (? = 1 OR a.district = ?) AND (? = 1 OR a.question_character = ?)"

#define GROUPED \
  "SELECT p.start AS start, a.district AS district, a.question_character AS question_character, " \
  "COUNT(*) AS n FROM (%s) p JOIN appeals a ON a.registration_date BETWEEN p.start AND p.finish " \
  "WHERE a.registration_date BETWEEN ? AND ? AND " IN_SCOPE " " \
  "GROUP BY p.start, a.district, a.question_character"

/* ... on SQLite, which would sort the rows for the GROUP BY (at 1,000,000
 * appeals, a year's 120,000 rows: 65 of its 75 ms), each period's rows
 * tallied in a hash by appeals_tally() (appeals-db-sqlite-tally.c) under
 * one key, the district and the question character joined by a unit
 * separator (classifier codes never hold one). Without the first and
 * last days of all the periods: SQLite took them, not the period's, for
 * the range of each period's search, and read every period's rows for
 * each (a year by months 128 ms, seven years of a district 4 s). */
#define TALLIED \
  "SELECT t.start AS start, substr (t.key, 1, instr (t.key, char (31)) - 1) AS district, " \
  "substr (t.key, instr (t.key, char (31)) + 1) AS question_character, t.n AS n " \
  "FROM (SELECT p.start AS start, " APPEALS_TALLY_KEY " AS key, " APPEALS_TALLY_FIRST_FIGURE " AS n " \
  "FROM (%s) p, " \
  APPEALS_TALLY_ROWS ("(SELECT appeals_tally (1, 1, a.district || char (31) || a.question_character) " \
                      "FROM appeals a WHERE a.registration_date BETWEEN p.start AND p.finish AND " IN_SCOPE ")") \
  " WHERE " APPEALS_TALLY_DIMENSION " = 0) t"

/**
 * appeals_dynamics_records_count:
 * @district: (nullable): one district only (within the caller's scope)
 * @question_character: (nullable): one question character only
 *
 * Returns: (transfer full): the series of the periods that hold @from to
 *   @to, one per district × question character with appeals in them.
 */
AppealsDynamics *
appeals_dynamics_records_count (AppealsRequest     *request,
                                AppealsPeriodKind   kind,
                                const GDate        *from,
                                const GDate        *to,
                                const char         *district,
                                const char         *question_character,
                                GError            **error)
{
  g_autoptr(AppealsDynamics) dynamics = appeals_dynamics_new (kind, from, to);
  const char *scope = appeals_api_scope_district (request);
  gboolean tallied = appeals_db_get_dialect (request->db) == APPEALS_DB_DIALECT_SQLITE;
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autofree char *periods = NULL;
  g_autofree char *sql = NULL;
  GVariantBuilder params;
  GDate last_end;

  dynamics->district = g_strdup (scope);
  if (dynamics->starts->len == 0)
    return g_steal_pointer (&dynamics);

  g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
  periods = periods_table (dynamics, &params);
  if (!tallied)
    {
      appeals_period_end (kind, &g_array_index (dynamics->starts, GDate, dynamics->starts->len - 1), &last_end);
      g_variant_builder_add_value (&params, g_variant_new_take_string (
                                     appeals_date_format_iso (&g_array_index (dynamics->starts, GDate, 0))));
      g_variant_builder_add_value (&params, g_variant_new_take_string (appeals_date_format_iso (&last_end)));
    }
  g_variant_builder_add (&params, "x", (gint64) (scope == NULL));
  g_variant_builder_add (&params, "s", scope != NULL ? scope : "");
  g_variant_builder_add (&params, "x", (gint64) (district == NULL));
  g_variant_builder_add (&params, "s", district != NULL ? district : "");
  g_variant_builder_add (&params, "x", (gint64) (question_character == NULL));
  g_variant_builder_add (&params, "s", question_character != NULL ? question_character : "");

  sql = g_strdup_printf (tallied ? TALLIED : GROUPED, periods);
  rows = appeals_db_query (request->db, sql, g_variant_builder_end (&params), error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    {
      int period = appeals_dynamics_find_period (dynamics, appeals_db_result_get_string (rows, i, "start"));
      AppealsSeries *series;

      g_assert (period >= 0);
      series = appeals_dynamics_get_series (dynamics, appeals_db_result_get_string (rows, i, "district"),
                                            appeals_db_result_get_string (rows, i, "question_character"));
      g_array_index (series->counts, gint64, period) = appeals_db_result_get_int64 (rows, i, "n");
    }
  appeals_dynamics_sort (dynamics);
  return g_steal_pointer (&dynamics);
}

/* The notes recorded on the alerts of @list. */
static gboolean
add_notes (AppealsRequest    *request,
           AppealsAlertList  *list,
           GError           **error)
{
  g_autoptr(AppealsDbResult) notes = NULL;
  g_autofree char *from = NULL, *to = NULL;

  if (list->alerts->len == 0)
    return TRUE;
  from = appeals_date_format_iso (&list->from);
  to = appeals_date_format_iso (&list->to);
  notes = appeals_db_query (request->db,
                            "SELECT * FROM growth_alert_notes WHERE period = ? AND period_start BETWEEN ? AND ?",
                            g_variant_new ("(sss)", appeals_period_kind_to_string (list->kind), from, to), error);
  if (notes == NULL)
    return FALSE;

  for (guint i = 0; i < appeals_db_result_get_n_rows (notes); i++)
    {
      g_autofree char *id = appeals_growth_alert_make_id (list->kind,
                                                          appeals_db_result_get_string (notes, i, "period_start"),
                                                          appeals_db_result_get_string (notes, i, "district"),
                                                          appeals_db_result_get_string (notes, i, "question_character"));

      for (guint a = 0; a < list->alerts->len; a++)
        {
          AppealsGrowthAlert *alert = g_ptr_array_index (list->alerts, a);

          if (!g_str_equal (alert->id, id))
            continue;
          alert->cause = g_strdup (appeals_db_result_get_string (notes, i, "cause"));
          alert->measures = g_strdup (appeals_db_result_get_string (notes, i, "measures"));
          alert->noted_by = g_strdup (appeals_db_result_get_string (notes, i, "noted_by"));
          alert->noted_at = g_strdup (appeals_db_result_get_string (notes, i, "noted_at"));
        }
    }
  return TRUE;
}

/**
 * appeals_dynamics_records_alerts:
 *
 * Returns: (transfer full): the alerts the growth rule raises on the
 *   periods that hold @from to @to (the series counted from the rule's
 *   span before them), the newest period first, with their notes.
 */
AppealsAlertList *
appeals_dynamics_records_alerts (AppealsRequest     *request,
                                 AppealsPeriodKind   kind,
                                 const GDate        *from,
                                 const GDate        *to,
                                 const char         *district,
                                 const char         *question_character,
                                 GError            **error)
{
  AppealsGrowthRule *rule = appeals_server_get_growth_rule (request->server);
  g_autoptr(AppealsAlertList) list = appeals_alert_list_new (kind, rule);
  g_autoptr(AppealsDynamics) dynamics = NULL;
  guint span = appeals_growth_rule_get_span (rule);
  GDate since, last;

  appeals_period_start (kind, from, &list->from);
  appeals_period_start (kind, to, &last);
  appeals_period_end (kind, &last, &list->to);
  list->district = g_strdup (appeals_api_scope_district (request));
  since = list->from;
  appeals_period_shift (kind, &since, -(int) span);
  dynamics = appeals_dynamics_records_count (request, kind, &since, to, district, question_character, error);
  if (dynamics == NULL)
    return NULL;

  for (int current = dynamics->starts->len - 1; current >= (int) span; current--)
    for (guint i = 0; i < dynamics->series->len; i++)
      {
        AppealsSeries *series = g_ptr_array_index (dynamics->series, i);
        AppealsGrowthResult result;

        appeals_growth_rule_evaluate (rule, (gint64 *) series->counts->data, series->counts->len, current, &result);
        if (result.alert)
          appeals_alert_list_add_from (list, dynamics, series, current, &result);
      }
  return add_notes (request, list, error) ? g_steal_pointer (&list) : NULL;
}

/* What the audit trail keeps of a note. */
static JsonObject *
note_snapshot (AppealsRequest  *request,
               gint64           id,
               GError         **error)
{
  return appeals_audit_snapshot (request->db, "SELECT * FROM growth_alert_notes WHERE id = ?",
                                 g_variant_new ("(x)", id), error);
}

/* The id of the note on @alert, 0 when there is none yet. */
static gboolean
find_note (AppealsRequest      *request,
           AppealsGrowthAlert  *alert,
           const char          *start,
           gint64              *id,
           GError             **error)
{
  g_autoptr(AppealsDbResult) row = NULL;

  row = appeals_db_query (request->db, "SELECT id FROM growth_alert_notes WHERE period = ? AND period_start = ? "
                          "AND district = ? AND question_character = ?",
                          g_variant_new ("(ssss)", appeals_period_kind_to_string (alert->kind), start,
                                         alert->series->district, alert->series->question_character),
                          error);
  if (row == NULL)
    return FALSE;
  *id = appeals_db_result_get_n_rows (row) > 0 ? appeals_db_result_get_int64 (row, 0, "id") : 0;
  return TRUE;
}

/**
 * appeals_dynamics_records_note:
 *
 * Records (or replaces) the cause and measures noted on @alert, in the
 * audit trail too, and sets them on @alert.
 */
gboolean
appeals_dynamics_records_note (AppealsRequest     *request,
                               AppealsGrowthAlert *alert,
                               const char         *cause,
                               const char         *measures,
                               GError            **error)
{
  g_autofree char *start = appeals_date_format_iso (&alert->start);
  g_autofree char *now = appeals_server_now_iso ();
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  gint64 id;

  if (!find_note (request, alert, start, &id, error) ||
      (id != 0 && (before = note_snapshot (request, id, error)) == NULL))
    return FALSE;

  if (!appeals_db_exec (request->db,
                        "INSERT INTO growth_alert_notes (period, period_start, district, question_character, cause, "
                        "measures, noted_by, noted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (period, period_start, district, question_character) DO UPDATE SET "
                        "cause = excluded.cause, measures = excluded.measures, noted_by = excluded.noted_by, "
                        "noted_at = excluded.noted_at",
                        g_variant_new ("(ssssssss)", appeals_period_kind_to_string (alert->kind), start,
                                       alert->series->district, alert->series->question_character, cause, measures,
                                       request->user->login, now),
                        error) ||
      !find_note (request, alert, start, &id, error) ||
      (after = note_snapshot (request, id, error)) == NULL ||
      !appeals_audit_record_snapshots (request->db, "growth_alert", id, 0, before != NULL ? "update" : "create",
                                       request->user->login, before, after, error))
    return FALSE;

  g_free (alert->cause);
  alert->cause = g_strdup (cause);
  g_free (alert->measures);
  alert->measures = g_strdup (measures);
  g_free (alert->noted_by);
  alert->noted_by = g_strdup (request->user->login);
  g_free (alert->noted_at);
  alert->noted_at = g_steal_pointer (&now);
  return TRUE;
}
