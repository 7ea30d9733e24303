/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-calendar.c: the working-day calendar, precomputed per day from the
 * data file so that every query is a table lookup.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-calendar.h"
#include "appeals-data.h"
#include "appeals-error.h"
#include "appeals-json.h"

#define CALENDAR_FORMAT 1
#define DEFAULT_CALENDAR_FILE "calendar/kz.json"

/* Years outside the file's range get the fixed holidays and the weekend
 * rule, without decrees or Kurban Ait, so that a deadline running past the
 * last year still skips New Year. */
#define MARGIN_YEARS_AFTER 2

typedef struct
{
  const char *id;        /* interned */
  guint       month;
  guint       day;
  gboolean    moves;
  guint       from_year;
  guint       until_year;
} Holiday;

typedef struct
{
  char                 *path;
  guint                 first_year;
  guint                 last_year;
  GDateWeekday          unified_weekday;
  AppealsUnifiedDayRule unified_rule;
  guint32               first_julian;
  guint                 n_days;
  guint8               *kinds;
  const char          **holiday_ids;  /* interned, per day; NULL on ordinary days */
} CalendarData;

struct _AppealsCalendar
{
  GObject               parent_instance;

  CalendarData         *data;
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
calendar_data_free (CalendarData *data)
{
  if (data == NULL)
    return;

  g_free (data->path);
  g_free (data->kinds);
  g_free (data->holiday_ids);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CalendarData, calendar_data_free)

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

static gboolean
calendar_data_index (const CalendarData *data,
                     const GDate        *date,
                     guint              *index)
{
  guint32 julian = g_date_get_julian (date);

  if (julian < data->first_julian || julian - data->first_julian >= data->n_days)
    return FALSE;

  *index = julian - data->first_julian;
  return TRUE;
}

static void
calendar_data_mark (CalendarData   *data,
                    const GDate    *date,
                    AppealsDayKind  kind,
                    const char     *holiday_id)
{
  guint index;

  if (!calendar_data_index (data, date, &index))
    return;

  data->kinds[index] = kind;
  data->holiday_ids[index] = holiday_id;
}

static AppealsDayKind
calendar_data_kind (const CalendarData *data,
                    const GDate        *date)
{
  guint index;

  if (!calendar_data_index (data, date, &index))
    return is_weekend (date) ? APPEALS_DAY_WEEKEND : APPEALS_DAY_WORKING;

  return data->kinds[index];
}

static gboolean
holiday_applies (const Holiday *holiday,
                 guint          year)
{
  return (holiday->from_year == 0 || year >= holiday->from_year) &&
         (holiday->until_year == 0 || year <= holiday->until_year);
}

typedef struct
{
  GDate       date;
  const char *id;
} MovingHoliday;

static int
compare_moving_holidays (gconstpointer a,
                         gconstpointer b)
{
  return g_date_compare (&((const MovingHoliday *) a)->date,
                         &((const MovingHoliday *) b)->date);
}

/* Moves the day off of every moving holiday that falls on a weekend to the
 * first following weekday that is neither a holiday nor already taken by an
 * earlier move, so a run of holidays is passed over as a whole. */
static void
calendar_data_apply_moves (CalendarData *data,
                           GArray       *moving)
{
  for (guint i = 0; i < moving->len; i++)
    {
      const MovingHoliday *holiday = &g_array_index (moving, MovingHoliday, i);
      GDate day = holiday->date;

      if (!is_weekend (&holiday->date))
        continue;

      do
        g_date_add_days (&day, 1);
      while (calendar_data_kind (data, &day) != APPEALS_DAY_WORKING);

      calendar_data_mark (data, &day, APPEALS_DAY_HOLIDAY_MOVED, holiday->id);
    }
}

static const char *
weekday_names[] = {
  NULL, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

static gboolean
parse_unified_day (CalendarData  *data,
                   JsonObject    *root,
                   const char    *path,
                   GError       **error)
{
  JsonObject *unified = NULL;
  const char *weekday = "friday";
  const char *rule = "previous_working_day";
  gboolean found = FALSE;

  data->unified_weekday = G_DATE_FRIDAY;
  data->unified_rule = APPEALS_UNIFIED_DAY_PREVIOUS_WORKING_DAY;

  if (!appeals_json_read_object (root, "unified_reception_day", FALSE, &unified, path, NULL, error))
    return FALSE;
  if (unified == NULL)
    return TRUE;

  if (!appeals_json_read_string (unified, "weekday", FALSE, &weekday, path, "unified_reception_day", error) ||
      !appeals_json_read_string (unified, "when_not_working", FALSE, &rule, path, "unified_reception_day", error))
    return FALSE;

  for (guint i = G_DATE_MONDAY; i <= G_DATE_SUNDAY; i++)
    if (g_str_equal (weekday, weekday_names[i]))
      {
        data->unified_weekday = i;
        found = TRUE;
      }
  if (!found)
    {
      appeals_json_set_field_error (error, path, "unified_reception_day.weekday",
                                    _("must be the English name of a weekday, e.g. “friday”"));
      return FALSE;
    }

  if (g_str_equal (rule, "previous_working_day"))
    data->unified_rule = APPEALS_UNIFIED_DAY_PREVIOUS_WORKING_DAY;
  else if (g_str_equal (rule, "next_working_day"))
    data->unified_rule = APPEALS_UNIFIED_DAY_NEXT_WORKING_DAY;
  else if (g_str_equal (rule, "keep"))
    data->unified_rule = APPEALS_UNIFIED_DAY_KEEP;
  else
    {
      appeals_json_set_field_error (error, path, "unified_reception_day.when_not_working",
                                    _("must be “previous_working_day”, “next_working_day” or “keep”"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_holidays (JsonObject  *root,
                const char  *path,
                GArray      *holidays,
                GError     **error)
{
  JsonArray *array = NULL;

  if (!appeals_json_read_array (root, "holidays", TRUE, &array, path, NULL, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = appeals_json_index_path ("holidays", i);
      JsonObject *object = appeals_json_array_get_object (array, i, path, "holidays", error);
      const char *id = NULL;
      gint64 month = 0, day = 0, from_year = 0, until_year = 0;
      gboolean moves = FALSE;
      Holiday holiday;

      if (object == NULL ||
          !appeals_json_read_string (object, "id", TRUE, &id, path, where, error) ||
          !appeals_json_read_int (object, "month", TRUE, 1, 12, &month, path, where, error) ||
          !appeals_json_read_int (object, "day", TRUE, 1, 31, &day, path, where, error) ||
          !appeals_json_read_boolean (object, "moves", TRUE, &moves, path, where, error) ||
          !appeals_json_read_int (object, "from_year", FALSE, 1900, 2200, &from_year, path, where, error) ||
          !appeals_json_read_int (object, "until_year", FALSE, 1900, 2200, &until_year, path, where, error))
        return FALSE;

      /* 2000 is a leap year: 29 February is a possible holiday date. */
      if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, 2000))
        {
          g_autofree char *field = appeals_json_field_path (where, "day");
          appeals_json_set_field_error (error, path, field, _("is not a day of that month"));
          return FALSE;
        }

      holiday.id = g_intern_string (id);
      holiday.month = month;
      holiday.day = day;
      holiday.moves = moves;
      holiday.from_year = from_year;
      holiday.until_year = until_year;
      g_array_append_val (holidays, holiday);
    }

  return TRUE;
}

static gboolean
parse_date_in_year (JsonObject  *object,
                    const char  *member,
                    guint        year,
                    GDate       *date,
                    const char  *path,
                    const char  *where,
                    GError     **error)
{
  if (!appeals_json_read_date (object, member, TRUE, date, path, where, error))
    return FALSE;

  if (g_date_get_year (date) != year)
    {
      g_autofree char *field = appeals_json_field_path (where, member);
      g_autofree char *reason = g_strdup_printf (_("must be a date in %u"), year);
      appeals_json_set_field_error (error, path, field, reason);
      return FALSE;
    }

  return TRUE;
}

/* Reads the "years" entries: the first day of Kurban Ait (a day off that
 * never moves) is marked at once; transfers are returned to be applied last,
 * after holidays have moved. */
static gboolean
parse_years (CalendarData  *data,
             JsonObject    *root,
             const char    *path,
             GArray        *transfers,
             GError       **error)
{
  JsonArray *array = NULL;
  g_autofree gboolean *seen = g_new0 (gboolean, data->last_year - data->first_year + 1);

  if (!appeals_json_read_array (root, "years", TRUE, &array, path, NULL, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = appeals_json_index_path ("years", i);
      JsonObject *object = appeals_json_array_get_object (array, i, path, "years", error);
      JsonArray *transfer_array = NULL;
      gint64 year = 0;
      GDate kurban_ait;

      if (object == NULL ||
          !appeals_json_read_int (object, "year", TRUE, data->first_year, data->last_year,
                                  &year, path, where, error))
        return FALSE;

      if (seen[year - data->first_year])
        {
          g_autofree char *field = appeals_json_field_path (where, "year");
          appeals_json_set_field_error (error, path, field, _("repeats a year given earlier"));
          return FALSE;
        }
      seen[year - data->first_year] = TRUE;

      if (!parse_date_in_year (object, "kurban_ait", year, &kurban_ait, path, where, error))
        return FALSE;
      calendar_data_mark (data, &kurban_ait, APPEALS_DAY_HOLIDAY, g_intern_static_string ("kurban_ait"));

      if (!appeals_json_read_array (object, "transfers", FALSE, &transfer_array, path, where, error))
        return FALSE;

      for (guint j = 0; transfer_array != NULL && j < json_array_get_length (transfer_array); j++)
        {
          g_autofree char *transfers_where = appeals_json_field_path (where, "transfers");
          g_autofree char *transfer_where = appeals_json_index_path (transfers_where, j);
          JsonObject *transfer = appeals_json_array_get_object (transfer_array, j, path,
                                                                transfers_where, error);
          GDate pair[2];

          if (transfer == NULL ||
              !parse_date_in_year (transfer, "working", year, &pair[0], path, transfer_where, error) ||
              !parse_date_in_year (transfer, "day_off", year, &pair[1], path, transfer_where, error))
            return FALSE;

          if (!is_weekend (&pair[0]))
            {
              g_autofree char *field = appeals_json_field_path (transfer_where, "working");
              appeals_json_set_field_error (error, path, field, _("must be a Saturday or a Sunday"));
              return FALSE;
            }
          if (is_weekend (&pair[1]))
            {
              g_autofree char *field = appeals_json_field_path (transfer_where, "day_off");
              appeals_json_set_field_error (error, path, field, _("must be a weekday"));
              return FALSE;
            }

          g_array_append_vals (transfers, pair, 2);
        }
    }

  for (guint year = data->first_year; year <= data->last_year; year++)
    if (!seen[year - data->first_year])
      {
        g_autofree char *reason = g_strdup_printf (_("has no entry for %u"), year);
        appeals_json_set_field_error (error, path, "years", reason);
        return FALSE;
      }

  return TRUE;
}

static CalendarData *
calendar_data_load (const char  *path,
                    GError     **error)
{
  g_autoptr(CalendarData) data = g_new0 (CalendarData, 1);
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(GArray) holidays = g_array_new (FALSE, FALSE, sizeof (Holiday));
  g_autoptr(GArray) transfers = g_array_new (FALSE, FALSE, sizeof (GDate));
  g_autoptr(GArray) moving = g_array_new (FALSE, FALSE, sizeof (MovingHoliday));
  JsonObject *root;
  gint64 format = 0, first_year = 0, last_year = 0;
  GDate day, end;

  root = appeals_json_load_object_file (path, &root_node, error);
  if (root == NULL)
    return NULL;

  if (!appeals_json_read_int (root, "format", TRUE, CALENDAR_FORMAT, CALENDAR_FORMAT,
                              &format, path, NULL, error) ||
      !appeals_json_read_int (root, "first_year", TRUE, 1990, 2200, &first_year, path, NULL, error) ||
      !appeals_json_read_int (root, "last_year", TRUE, first_year, first_year + 50,
                              &last_year, path, NULL, error) ||
      !parse_unified_day (data, root, path, error) ||
      !parse_holidays (root, path, holidays, error))
    return NULL;

  data->path = g_strdup (path);
  data->first_year = first_year;
  data->last_year = last_year;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, first_year);
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 1, G_DATE_JANUARY, last_year + MARGIN_YEARS_AFTER + 1);
  data->first_julian = g_date_get_julian (&day);
  data->n_days = g_date_get_julian (&end) - data->first_julian;
  data->kinds = g_new0 (guint8, data->n_days);
  data->holiday_ids = g_new0 (const char *, data->n_days);

  for (guint i = 0; i < data->n_days; i++, g_date_add_days (&day, 1))
    data->kinds[i] = is_weekend (&day) ? APPEALS_DAY_WEEKEND : APPEALS_DAY_WORKING;

  for (guint year = first_year; year <= last_year + MARGIN_YEARS_AFTER; year++)
    for (guint i = 0; i < holidays->len; i++)
      {
        const Holiday *holiday = &g_array_index (holidays, Holiday, i);

        if (!holiday_applies (holiday, year))
          continue;

        g_date_set_dmy (&day, holiday->day, holiday->month, year);
        calendar_data_mark (data, &day, APPEALS_DAY_HOLIDAY, holiday->id);
        if (holiday->moves)
          {
            MovingHoliday entry = { day, holiday->id };
            g_array_append_val (moving, entry);
          }
      }

  if (!parse_years (data, root, path, transfers, error))
    return NULL;

  /* Moves are applied in date order so that each holiday of a run takes
   * the next free weekday after the one before it. */
  g_array_sort (moving, compare_moving_holidays);
  calendar_data_apply_moves (data, moving);

  for (guint i = 0; i < transfers->len; i += 2)
    {
      calendar_data_mark (data, &g_array_index (transfers, GDate, i),
                          APPEALS_DAY_TRANSFERRED_WORKING, NULL);
      calendar_data_mark (data, &g_array_index (transfers, GDate, i + 1),
                          APPEALS_DAY_TRANSFERRED_OFF, NULL);
    }

  return g_steal_pointer (&data);
}

static void
appeals_calendar_finalize (GObject *object)
{
  AppealsCalendar *self = (AppealsCalendar *)object;

  g_clear_pointer (&self->data, calendar_data_free);

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

  self->data = calendar_data_load (path, error);
  if (self->data == NULL)
    return NULL;

  return g_steal_pointer (&self);
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
  CalendarData *data;

  g_return_val_if_fail (APPEALS_IS_CALENDAR (self), FALSE);

  file = g_strdup (path != NULL ? path : self->data->path);
  data = calendar_data_load (file, error);
  if (data == NULL)
    return FALSE;

  calendar_data_free (self->data);
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

  return calendar_data_kind (self->data, date);
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

  if (!calendar_data_index (self->data, date, &index))
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
  const GDate *start = from, *end = to;
  int sign = 1, count = 0;
  GDate day;

  g_return_val_if_fail (APPEALS_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  if (g_date_compare (from, to) > 0)
    {
      start = to;
      end = from;
      sign = -1;
    }

  day = *start;
  while (g_date_compare (&day, end) < 0)
    {
      g_date_add_days (&day, 1);
      if (appeals_calendar_is_working_day (self, &day))
        count++;
    }

  return sign * count;
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

/**
 * appeals_date_get_today:
 * @today: (out caller-allocates): today in Kazakhstan, which keeps one
 *   time zone, UTC+5, since 1 March 2024 — the same day for the server and
 *   every workstation
 */
void
appeals_date_get_today (GDate *today)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (5 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
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
