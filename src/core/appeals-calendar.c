/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-calendar.c: the working-day calendar, precomputed per day from the
 * data file so that every query is a table lookup.
 */
#include "config.h"

#include "appeals-calendar-private.h"
#include "appeals-data.h"

#define DEFAULT_CALENDAR_FILE "calendar/kz.json"

struct _AppealsCalendar
{
  GObject               parent_instance;

  AppealsCalendarData         *data;
  AppealsUnifiedDayRule rule_override;
  gboolean              rule_overridden;
};

G_DEFINE_FINAL_TYPE (AppealsCalendar, appeals_calendar, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
appeals_calendar_finalize (GObject *object)
{
  AppealsCalendar *self = (AppealsCalendar *)object;

  g_clear_pointer (&self->data, appeals_calendar_data_free);

  G_OBJECT_CLASS (appeals_calendar_parent_class)->finalize (object);
}

static void
appeals_calendar_class_init (AppealsCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = appeals_calendar_finalize;

  /**
   * AppealsCalendar::changed:
   *
   * Emitted after a successful reload; cached dates derived from the
   * calendar (deadlines, unified days) should be computed again.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
appeals_calendar_init (AppealsCalendar *self)
{
}

AppealsCalendar *
appeals_calendar_new_from_file (const char  *path,
                                GError     **error)
{
  g_autoptr(AppealsCalendar) self = g_object_new (APPEALS_TYPE_CALENDAR, NULL);

  g_return_val_if_fail (path != NULL, NULL);

  self->data = appeals_calendar_data_load (path, error);
  if (self->data == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * appeals_calendar_new_from_json:
 * @node: a document in the format of data/calendar/kz.json
 * @origin: the file or URL the document came from, for error messages
 */
AppealsCalendar *
appeals_calendar_new_from_json (JsonNode    *node,
                                const char  *origin,
                                GError     **error)
{
  g_autoptr(AppealsCalendar) self = g_object_new (APPEALS_TYPE_CALENDAR, NULL);

  self->data = appeals_calendar_data_load_json (node, origin, error);
  if (self->data == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * appeals_calendar_to_json:
 *
 * Returns: (transfer full): the document the calendar in force was read
 *   from, as the server hands it to the clients
 */
JsonNode *
appeals_calendar_to_json (AppealsCalendar *self)
{
  g_return_val_if_fail (APPEALS_IS_CALENDAR (self), NULL);

  return json_node_ref (self->data->root);
}

/**
 * appeals_calendar_new_default:
 *
 * Returns: (transfer full): the calendar from the data directory's
 * calendar/kz.json.
 */
AppealsCalendar *
appeals_calendar_new_default (GError **error)
{
  g_autofree char *path = appeals_data_find_file (DEFAULT_CALENDAR_FILE, error);

  if (path == NULL)
    return NULL;

  return appeals_calendar_new_from_file (path, error);
}

/**
 * appeals_calendar_reload:
 * @path: (nullable): the file to read; %NULL reads the current file again
 *
 * Replaces the calendar with the contents of @path. When the file is
 * malformed, @error names the file and the field, and the calendar in force
 * stays unchanged.
 */
gboolean
appeals_calendar_reload (AppealsCalendar  *self,
                         const char       *path,
                         GError          **error)
{
  g_autofree char *file = NULL;
  AppealsCalendarData *data;

  g_return_val_if_fail (APPEALS_IS_CALENDAR (self), FALSE);

  /* a calendar read from a server's answer has no file to read again */
  g_return_val_if_fail (path != NULL || self->data->path != NULL, FALSE);

  file = g_strdup (path != NULL ? path : self->data->path);
  data = appeals_calendar_data_load (file, error);
  if (data == NULL)
    return FALSE;

  appeals_calendar_data_free (self->data);
  self->data = data;
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

const char *
appeals_calendar_get_path (AppealsCalendar *self)
{
  g_return_val_if_fail (APPEALS_IS_CALENDAR (self), NULL);

  return self->data->path;
}

guint
appeals_calendar_get_first_year (AppealsCalendar *self)
{
  g_return_val_if_fail (APPEALS_IS_CALENDAR (self), 0);

  return self->data->first_year;
}

guint
appeals_calendar_get_last_year (AppealsCalendar *self)
{
  g_return_val_if_fail (APPEALS_IS_CALENDAR (self), 0);

  return self->data->last_year;
}

/**
 * appeals_calendar_covers:
 *
 * Returns: whether @date falls in a year the data file describes. Outside
 * those years only weekends and fixed holidays are known.
 */
gboolean
appeals_calendar_covers (AppealsCalendar *self,
                         const GDate     *date)
{
  guint year;

  g_return_val_if_fail (APPEALS_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  year = g_date_get_year (date);
  return year >= self->data->first_year && year <= self->data->last_year;
}

AppealsDayKind
appeals_calendar_get_day_kind (AppealsCalendar *self,
                               const GDate     *date)
{
  g_return_val_if_fail (APPEALS_IS_CALENDAR (self), APPEALS_DAY_WORKING);
  g_return_val_if_fail (date != NULL && g_date_valid (date), APPEALS_DAY_WORKING);

  return appeals_calendar_data_kind (self->data, date);
}

/**
 * appeals_calendar_get_holiday_id:
 *
 * Returns: (nullable): the id of the holiday that makes @date a day off
 * (the data file's "id", or "kurban_ait"), also for a moved day off.
 */
const char *
appeals_calendar_get_holiday_id (AppealsCalendar *self,
                                 const GDate     *date)
{
  guint index;

  g_return_val_if_fail (APPEALS_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (!appeals_calendar_data_index (self->data, date, &index))
    return NULL;

  return self->data->holiday_ids[index];
}

gboolean
appeals_calendar_is_working_day (AppealsCalendar *self,
                                 const GDate     *date)
{
  AppealsDayKind kind = appeals_calendar_get_day_kind (self, date);

  return kind == APPEALS_DAY_WORKING || kind == APPEALS_DAY_TRANSFERRED_WORKING;
}

static void
step_to_working_day (AppealsCalendar *self,
                     const GDate     *date,
                     int              direction,
                     GDate           *result)
{
  *result = *date;
  do
    {
      if (direction > 0)
        g_date_add_days (result, 1);
      else
        g_date_subtract_days (result, 1);
    }
  while (!appeals_calendar_is_working_day (self, result));
}

/**
 * appeals_calendar_next_working_day:
 * @result: (out caller-allocates): the first working day after @date
 */
void
appeals_calendar_next_working_day (AppealsCalendar *self,
                                   const GDate     *date,
                                   GDate           *result)
{
  g_return_if_fail (APPEALS_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  step_to_working_day (self, date, 1, result);
}

/**
 * appeals_calendar_previous_working_day:
 * @result: (out caller-allocates): the last working day before @date
 */
void
appeals_calendar_previous_working_day (AppealsCalendar *self,
                                       const GDate     *date,
                                       GDate           *result)
{
  g_return_if_fail (APPEALS_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  step_to_working_day (self, date, -1, result);
}

/**
 * appeals_calendar_add_working_days:
 * @n_days: how many working days to step; negative steps back
 * @result: (out caller-allocates): the @n_days-th working day after @date
 *   (@date itself is not counted); @date when @n_days is 0
 */
void
appeals_calendar_add_working_days (AppealsCalendar *self,
                                   const GDate     *date,
                                   int              n_days,
                                   GDate           *result)
{
  int direction = n_days >= 0 ? 1 : -1;
  GDate day;

  g_return_if_fail (APPEALS_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  day = *date;
  for (int i = 0; i < ABS (n_days); i++)
    step_to_working_day (self, &day, direction, &day);

  *result = day;
}

/* Monday to Friday among the Julian days (@after, @through]: what is known
 * of days outside the table. Day 1 was a Monday. */
static guint32
count_weekdays (guint32 after,
                guint32 through)
{
  guint32 before_after = after / 7 * 5 + MIN (after % 7, 5);
  guint32 before_through = through / 7 * 5 + MIN (through % 7, 5);

  return before_through - before_after;
}

/**
 * appeals_calendar_count_working_days:
 *
 * Returns: the number of working days after @from up to and including @to;
 *   negative (the days after @to up to @from) when @to is earlier.
 */
int
appeals_calendar_count_working_days (AppealsCalendar *self,
                                     const GDate     *from,
                                     const GDate     *to)
{
  const AppealsCalendarData *data;
  guint32 after, through, first, last;
  int sign = 1;
  guint32 count = 0;

  g_return_val_if_fail (APPEALS_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  data = self->data;
  after = g_date_get_julian (from);
  through = g_date_get_julian (to);
  if (after > through)
    {
      guint32 swap = after;

      after = through;
      through = swap;
      sign = -1;
    }

  /* the table covers the days [first, last]: a subtraction there, the
   * weekdays before and after it */
  first = data->first_julian;
  last = data->first_julian + data->n_days - 1;
  if (after < first - 1)
    count += count_weekdays (after, MIN (through, first - 1));
  if (through > last)
    count += count_weekdays (MAX (after, last), through);
  if (MAX (after, first - 1) < MIN (through, last))
    count += data->working_before[MIN (through, last) - first + 1] -
             data->working_before[MAX (after, first - 1) - first + 1];

  return sign * (int) count;
}

AppealsUnifiedDayRule
appeals_calendar_get_unified_day_rule (AppealsCalendar *self)
{
  g_return_val_if_fail (APPEALS_IS_CALENDAR (self), APPEALS_UNIFIED_DAY_PREVIOUS_WORKING_DAY);

  return self->rule_overridden ? self->rule_override : self->data->unified_rule;
}

/**
 * appeals_calendar_set_unified_day_rule:
 *
 * Overrides the data file's rule for the unified reception day; the
 * override survives reloads.
 */
void
appeals_calendar_set_unified_day_rule (AppealsCalendar       *self,
                                       AppealsUnifiedDayRule  rule)
{
  g_return_if_fail (APPEALS_IS_CALENDAR (self));

  self->rule_override = rule;
  self->rule_overridden = TRUE;
}

/* Kazakhstan keeps one time zone, UTC+5, since 1 March 2024. */
static void
set_kazakhstan_day (GDate     *date,
                    GDateTime *moment)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (5 * 3600);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (moment, zone);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/**
 * appeals_date_get_today:
 * @today: (out caller-allocates): today in Kazakhstan, which keeps one
 *   time zone, UTC+5, since 1 March 2024 — the same day for the server and
 *   every workstation
 */
void
appeals_date_get_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  set_kazakhstan_day (today, now);
}

/**
 * appeals_date_of_datetime:
 * @datetime: an ISO 8601 date and time with its offset, as the server
 *   keeps moments ("2026-12-05T23:30:00Z")
 * @date: (out caller-allocates): the day it fell on in Kazakhstan (UTC+5),
 *   the day appeals_date_get_today() would have said then
 *
 * Returns: %FALSE, @date cleared, if @datetime is not such a text
 */
gboolean
appeals_date_of_datetime (const char *datetime,
                          GDate      *date)
{
  g_autoptr(GDateTime) moment = datetime != NULL ? g_date_time_new_from_iso8601 (datetime, NULL) : NULL;

  g_date_clear (date, 1);
  if (moment == NULL)
    return FALSE;
  set_kazakhstan_day (date, moment);
  return TRUE;
}

void
appeals_date_last_weekday_of_month (guint         year,
                                    guint         month,
                                    GDateWeekday  weekday,
                                    GDate        *result)
{
  guint8 last_day;
  int back;

  g_return_if_fail (g_date_valid_dmy (1, month, year));
  g_return_if_fail (g_date_valid_weekday (weekday));

  last_day = g_date_get_days_in_month (month, year);
  g_date_clear (result, 1);
  g_date_set_dmy (result, last_day, month, year);
  back = ((int) g_date_get_weekday (result) - (int) weekday + 7) % 7;
  g_date_subtract_days (result, back);
}

/**
 * appeals_calendar_get_unified_reception_day:
 * @result: (out caller-allocates): the unified reception day of the month
 *
 * The unified reception day is the month's last Friday (the data file's
 * weekday); when that is not a working day the rule decides: by default the
 * closest earlier working day.
 */
void
appeals_calendar_get_unified_reception_day (AppealsCalendar *self,
                                            guint            year,
                                            guint            month,
                                            GDate           *result)
{
  g_return_if_fail (APPEALS_IS_CALENDAR (self));

  appeals_date_last_weekday_of_month (year, month, self->data->unified_weekday, result);
  if (appeals_calendar_is_working_day (self, result))
    return;

  switch (appeals_calendar_get_unified_day_rule (self))
    {
    case APPEALS_UNIFIED_DAY_PREVIOUS_WORKING_DAY:
      step_to_working_day (self, result, -1, result);
      break;
    case APPEALS_UNIFIED_DAY_NEXT_WORKING_DAY:
      step_to_working_day (self, result, 1, result);
      break;
    case APPEALS_UNIFIED_DAY_KEEP:
    default:
      break;
    }
}
