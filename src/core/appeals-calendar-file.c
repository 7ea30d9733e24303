/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-calendar-file.c: reading the working-day calendar's data file
 * (data/calendar/kz.json) into a table of one kind per day: fixed holidays
 * and the years they applied, weekend holidays moved to the next working
 * day, days off that never move, Kurban Ait per year, decree transfers and
 * the unified reception day rule. A malformed file is refused with an
 * error naming the file and the field.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-calendar-private.h"
#include "appeals-error.h"
#include "appeals-json.h"

#define CALENDAR_FORMAT 1

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

void
appeals_calendar_data_free (AppealsCalendarData *data)
{
  if (data == NULL)
    return;

  g_free (data->path);
  g_clear_pointer (&data->root, json_node_unref);
  g_free (data->kinds);
  g_free (data->working_before);
  g_free (data->holiday_ids);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsCalendarData, appeals_calendar_data_free)

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

gboolean
appeals_calendar_data_index (const AppealsCalendarData *data,
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
calendar_data_mark (AppealsCalendarData   *data,
                    const GDate    *date,
                    AppealsDayKind  kind,
                    const char     *holiday_id)
{
  guint index;

  if (!appeals_calendar_data_index (data, date, &index))
    return;

  data->kinds[index] = kind;
  data->holiday_ids[index] = holiday_id;
}

AppealsDayKind
appeals_calendar_data_kind (const AppealsCalendarData *data,
                    const GDate        *date)
{
  guint index;

  if (!appeals_calendar_data_index (data, date, &index))
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
calendar_data_apply_moves (AppealsCalendarData *data,
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
      while (appeals_calendar_data_kind (data, &day) != APPEALS_DAY_WORKING);

      calendar_data_mark (data, &day, APPEALS_DAY_HOLIDAY_MOVED, holiday->id);
    }
}

static const char *
weekday_names[] = {
  NULL, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

static gboolean
parse_unified_day (AppealsCalendarData  *data,
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
parse_years (AppealsCalendarData  *data,
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

AppealsCalendarData *
appeals_calendar_data_load (const char  *path,
                            GError     **error)
{
  g_autoptr(JsonNode) root = appeals_json_load_file (path, error);
  AppealsCalendarData *data;

  if (root == NULL)
    return NULL;

  data = appeals_calendar_data_load_json (root, path, error);
  if (data != NULL)
    data->path = g_strdup (path);
  return data;
}

/* @origin: the file or URL the document came from, for error messages */
AppealsCalendarData *
appeals_calendar_data_load_json (JsonNode    *node,
                                 const char  *origin,
                                 GError     **error)
{
  g_autoptr(AppealsCalendarData) data = g_new0 (AppealsCalendarData, 1);
  const char *path = origin;
  g_autoptr(GArray) holidays = g_array_new (FALSE, FALSE, sizeof (Holiday));
  g_autoptr(GArray) transfers = g_array_new (FALSE, FALSE, sizeof (GDate));
  g_autoptr(GArray) moving = g_array_new (FALSE, FALSE, sizeof (MovingHoliday));
  JsonObject *root;
  gint64 format = 0, first_year = 0, last_year = 0;
  GDate day, end;

  root = appeals_json_node_get_root_object (node, origin, error);
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

  data->root = json_node_ref (node);
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

  data->working_before = g_new (guint32, data->n_days + 1);
  data->working_before[0] = 0;
  for (guint i = 0; i < data->n_days; i++)
    data->working_before[i + 1] = data->working_before[i] +
                                  (data->kinds[i] == APPEALS_DAY_WORKING ||
                                   data->kinds[i] == APPEALS_DAY_TRANSFERRED_WORKING);

  return g_steal_pointer (&data);
}
