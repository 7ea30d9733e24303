/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-slots.c: when an official receives. A slot is one
 * official, one date and one start time; it holds one reception that is
 * not cancelled (the unique index of migration 0014 keeps it so between
 * server processes too). A date is a reception day when it is a working
 * day of the calendar, not past, and either a weekday of the official's
 * schedule or the month's unified reception day (when every official
 * receives, in any of their schedule's hours). The hours are cut into
 * slots of the workflow's length (data/reception/workflow.json).
 */
#include "config.h"

#include "appeals-reception-records.h"
#include "appeals-reception-slots.h"
#include "appeals-scope.h"

typedef struct
{
  int start;   /* minutes since midnight */
  int end;
} Hours;

/* The official's schedule: a weekday and hours a row. */
static AppealsDbResult *
query_schedule (AppealsRequest  *request,
                gint64           official_id,
                GError         **error)
{
  return appeals_db_query (request->db,
                           "SELECT weekday, start_time, end_time FROM official_schedules WHERE official_id = ? "
                           "ORDER BY start_time",
                           g_variant_new ("(x)", official_id), error);
}

/* The hours of @schedule on @date: its weekday's, or all of them on the
 * month's unified reception day; none when it is no reception day. */
static void
hours_on (AppealsRequest  *request,
          AppealsDbResult *schedule,
          const GDate     *date,
          GArray          *hours)
{
  AppealsCalendar *calendar = appeals_server_get_calendar (request->server);
  GDate unified;
  gboolean is_unified;

  appeals_calendar_get_unified_reception_day (calendar, g_date_get_year (date), g_date_get_month (date), &unified);
  is_unified = g_date_compare (&unified, date) == 0;
  for (guint i = 0; i < appeals_db_result_get_n_rows (schedule); i++)
    {
      Hours range = {
        appeals_time_of_day_to_minutes (appeals_db_result_get_string (schedule, i, "start_time")),
        appeals_time_of_day_to_minutes (appeals_db_result_get_string (schedule, i, "end_time")),
      };

      if (range.start >= 0 && range.end > range.start &&
          (is_unified || appeals_db_result_get_int64 (schedule, i, "weekday") == g_date_get_weekday (date)))
        g_array_append_val (hours, range);
    }
}

/* The official's hours on @date, none when it is no reception day of theirs. */
static gboolean
load_hours (AppealsRequest  *request,
            gint64           official_id,
            const GDate     *date,
            GArray          *hours,
            GError         **error)
{
  g_autoptr(AppealsDbResult) schedule = query_schedule (request, official_id, error);

  if (schedule == NULL)
    return FALSE;
  hours_on (request, schedule, date, hours);
  return TRUE;
}

static int
get_slot_minutes (AppealsRequest *request)
{
  AppealsWorkflow *workflow = appeals_server_get_workflow (request->server);

  return workflow != NULL ? appeals_workflow_get_slot_minutes (workflow) : 20;
}

typedef enum
{
  DAY_OPEN,
  DAY_PAST,
  DAY_OFF,
} DayState;

/* Whether @date can hold receptions at all: not past, a working day. */
static DayState
day_state (AppealsRequest *request,
           const GDate    *date)
{
  GDate today;

  appeals_server_get_today (&today);
  if (g_date_compare (date, &today) < 0)
    return DAY_PAST;
  if (!appeals_calendar_is_working_day (appeals_server_get_calendar (request->server), date))
    return DAY_OFF;
  return DAY_OPEN;
}

/* day_state() as a field error for "date". */
static gboolean
check_day (AppealsRequest *request,
           const GDate    *date,
           GPtrArray      *errors)
{
  switch (day_state (request, date))
    {
    case DAY_PAST:
      appeals_field_errors_add (errors, "date", APPEALS_FIELD_IN_PAST, NULL);
      return FALSE;
    case DAY_OFF:
      appeals_field_errors_add (errors, "date", APPEALS_FIELD_OUT_OF_RANGE, "working day");
      return FALSE;
    case DAY_OPEN:
    default:
      return TRUE;
    }
}

/**
 * appeals_api_reception_check_slot:
 * @except_id: a reception that may hold the slot (the one being moved), or 0
 * @errors: gets a field error for "date" or "start_time" when the official
 *   does not receive then
 * @taken: (out): whether another reception that is not cancelled holds
 *   the slot
 *
 * The guards of a booking and of a move: the date is a reception day of
 * the official, the time inside its hours, the slot free. The official
 * must exist and @start_time be a valid "HH:MM" (checked before).
 *
 * Returns: %FALSE only for a storage error.
 */
gboolean
appeals_api_reception_check_slot (AppealsRequest  *request,
                                  gint64           official_id,
                                  const GDate     *date,
                                  const char      *start_time,
                                  gint64           except_id,
                                  GPtrArray       *errors,
                                  gboolean        *taken,
                                  GError         **error)
{
  g_autoptr(GArray) hours = g_array_new (FALSE, FALSE, sizeof (Hours));
  g_autoptr(AppealsDbResult) holders = NULL;
  g_autofree char *date_text = NULL;
  int minutes = appeals_time_of_day_to_minutes (start_time);
  int slot = get_slot_minutes (request);
  gboolean inside = FALSE;

  *taken = FALSE;
  if (!check_day (request, date, errors))
    return TRUE;
  if (!load_hours (request, official_id, date, hours, error))
    return FALSE;
  if (hours->len == 0)
    {
      appeals_field_errors_add (errors, "date", APPEALS_FIELD_NOT_RECEPTION_DAY, NULL);
      return TRUE;
    }
  for (guint i = 0; i < hours->len; i++)
    {
      const Hours *range = &g_array_index (hours, Hours, i);

      inside |= minutes >= range->start && minutes + slot <= range->end;
    }
  if (!inside)
    {
      appeals_field_errors_add (errors, "start_time", APPEALS_FIELD_OUTSIDE_HOURS, NULL);
      return TRUE;
    }

  date_text = appeals_date_format_iso (date);
  holders = appeals_db_query (request->db,
                              "SELECT id FROM receptions WHERE official_id = ? AND date = ? AND start_time = ? "
                              "AND status <> 'cancelled' AND id <> ?",
                              g_variant_new ("(xssx)", official_id, date_text, start_time, except_id), error);
  if (holders == NULL)
    return FALSE;
  *taken = appeals_db_result_get_n_rows (holders) > 0;
  return TRUE;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/**
 * appeals_api_reception_free_slots:
 * @from: the first day
 * @to: the last day, not before @from
 * @slots: (out) (transfer full) (element-type AppealsFreeSlot): the free
 *   slots by day and start time; none on a day the official does not
 *   receive, a past day or a day off
 *
 * The official's hours on each day from @from to @to cut into slots, less
 * those taken: two queries however many days (the schedule, the slots
 * taken in the range).
 */
gboolean
appeals_api_reception_free_slots (AppealsRequest  *request,
                                  gint64           official_id,
                                  const GDate     *from,
                                  const GDate     *to,
                                  GArray         **slots,
                                  GError         **error)
{
  g_autoptr(GArray) free_slots = g_array_new (FALSE, FALSE, sizeof (AppealsFreeSlot));
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(AppealsDbResult) schedule = NULL;
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autofree char *from_text = appeals_date_format_iso (from);
  g_autofree char *to_text = appeals_date_format_iso (to);
  int slot = get_slot_minutes (request);

  *slots = NULL;
  schedule = query_schedule (request, official_id, error);
  if (schedule == NULL)
    return FALSE;
  rows = appeals_db_query (request->db,
                           "SELECT date, start_time FROM receptions WHERE official_id = ? AND date >= ? AND date <= ? "
                           "AND status <> 'cancelled'",
                           g_variant_new ("(xss)", official_id, from_text, to_text), error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < appeals_db_result_get_n_rows (rows); i++)
    g_hash_table_add (taken, g_strdup_printf ("%s %s", appeals_db_result_get_string (rows, i, "date"),
                                              appeals_db_result_get_string (rows, i, "start_time")));

  for (GDate date = *from; g_date_compare (&date, to) <= 0; g_date_add_days (&date, 1))
    {
      g_autoptr(GArray) hours = g_array_new (FALSE, FALSE, sizeof (Hours));
      g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
      g_autofree char *date_text = NULL;

      if (day_state (request, &date) != DAY_OPEN)
        continue;
      hours_on (request, schedule, &date, hours);
      for (guint i = 0; i < hours->len; i++)
        {
          const Hours *range = &g_array_index (hours, Hours, i);

          for (int minutes = range->start; minutes + slot <= range->end; minutes += slot)
            g_array_append_val (starts, minutes);
        }
      g_array_sort (starts, compare_int);
      date_text = appeals_date_format_iso (&date);
      for (guint i = 0; i < starts->len; i++)
        {
          int minutes = g_array_index (starts, int, i);
          AppealsFreeSlot free_slot = { date, "" };
          g_autofree char *key = NULL;

          /* two hours ranges of a unified day may overlap: each time once */
          if (i > 0 && g_array_index (starts, int, i - 1) == minutes)
            continue;
          g_snprintf (free_slot.start_time, sizeof free_slot.start_time, "%02d:%02d", minutes / 60, minutes % 60);
          key = g_strdup_printf ("%s %s", date_text, free_slot.start_time);
          if (!g_hash_table_contains (taken, key))
            g_array_append_val (free_slots, free_slot);
        }
    }
  *slots = g_steal_pointer (&free_slots);
  return TRUE;
}

/**
 * appeals_api_respond_slot_taken:
 *
 * 409 slot_taken, naming the start time.
 */
void
appeals_api_respond_slot_taken (AppealsRequest *request)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();

  appeals_field_errors_add (errors, "start_time", APPEALS_FIELD_DUPLICATE, NULL);
  appeals_request_respond_problem (request, SOUP_STATUS_CONFLICT, APPEALS_PROBLEM_SLOT_TAKEN, errors, NULL);
}

/**
 * appeals_api_reception_book:
 * @reception: what to book, its members read already
 * @registered_on: the day the request was registered; the steps count from it
 * @errors: the field errors found so far (the caller's own checks)
 * @id: (out): the new reception's id; 0 when the request has been answered
 *   (422 naming the fields, 409 slot_taken)
 *
 * Books @reception as POST /receptions does, whoever asks: the question,
 * the priority category, an active official, a reception day of theirs
 * with a free slot inside the hours, an applicant and an appeal in the
 * caller's scope; then the slot's unique index decides between two
 * bookings made at once.
 *
 * Returns: %FALSE only for a storage error
 */
gboolean
appeals_api_reception_book (AppealsRequest    *request,
                            AppealsReception  *reception,
                            const GDate       *registered_on,
                            GPtrArray         *errors,
                            gint64            *id,
                            GError           **error)
{
  AppealsPriorityCatalog *priorities = appeals_server_get_priorities (request->server);
  g_autoptr(AppealsDbResult) check = NULL;
  gboolean in_scope, taken = FALSE;

  *id = 0;
  if (appeals_server_get_workflow (request->server) == NULL || priorities == NULL)
    return FALSE;
  appeals_reception_validate (reception, errors);

  if (reception->priority != NULL && !appeals_priority_catalog_has (priorities, reception->priority))
    appeals_field_errors_add (errors, "priority", APPEALS_FIELD_INVALID_VALUE, NULL);
  if (reception->official_id > 0)
    {
      check = appeals_db_query (request->db, "SELECT id FROM officials WHERE id = ? AND active = 1",
                                g_variant_new ("(x)", reception->official_id), error);
      if (check == NULL)
        return FALSE;
      if (appeals_db_result_get_n_rows (check) == 0)
        appeals_field_errors_add (errors, "official_id", APPEALS_FIELD_NOT_FOUND, NULL);
    }
  /* the official's day, hours and a free slot, once all three are known */
  if (appeals_field_errors_find (errors, "official_id") == NULL && appeals_field_errors_find (errors, "date") == NULL &&
      appeals_field_errors_find (errors, "start_time") == NULL &&
      !appeals_api_reception_check_slot (request, reception->official_id, &reception->date, reception->start_time, 0,
                                         errors, &taken, error))
    return FALSE;
  /* the applicant and the appeal as the caller's scope shows them: one
   * out of it does not exist */
  if (reception->applicant_id > 0)
    {
      if (!appeals_api_applicant_in_scope (request, reception->applicant_id, &in_scope, error))
        return FALSE;
      if (!in_scope)
        appeals_field_errors_add (errors, "applicant_id", APPEALS_FIELD_NOT_FOUND, NULL);
    }
  if (reception->appeal_id > 0)
    {
      if (!appeals_api_appeal_in_scope (request, reception->appeal_id, &in_scope, error))
        return FALSE;
      if (!in_scope)
        appeals_field_errors_add (errors, "appeal_id", APPEALS_FIELD_NOT_FOUND, NULL);
    }

  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  if (!taken)
    *id = appeals_api_receptions_insert (request->server, request->db, reception, registered_on, request->user->login,
                                         &taken, error);
  if (taken)
    appeals_api_respond_slot_taken (request);
  return *id > 0 || taken;
}
