/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-calendar.h: the working-day calendar of Kazakhstan.
 *
 * The calendar is read from a data file (data/calendar/kz.json): public
 * holidays, the rule that moves a holiday falling on a weekend to the next
 * working day, days off that never move (7 January, the first day of Kurban
 * Ait), and each year's decree transfers. An administrator replaces the file
 * to follow a new decree; appeals_calendar_reload() keeps the calendar in
 * force when the new file is malformed.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  APPEALS_DAY_WORKING,
  APPEALS_DAY_WEEKEND,
  APPEALS_DAY_HOLIDAY,             /* a public holiday, or a day off that never moves */
  APPEALS_DAY_HOLIDAY_MOVED,       /* the day off of a holiday that fell on a weekend */
  APPEALS_DAY_TRANSFERRED_OFF,     /* a weekday made a day off by decree */
  APPEALS_DAY_TRANSFERRED_WORKING, /* a weekend day made a working day by decree */
} AppealsDayKind;

/* What the unified reception day becomes when the month's last Friday is
 * not a working day. */
typedef enum
{
  APPEALS_UNIFIED_DAY_PREVIOUS_WORKING_DAY,
  APPEALS_UNIFIED_DAY_NEXT_WORKING_DAY,
  APPEALS_UNIFIED_DAY_KEEP,
} AppealsUnifiedDayRule;

#define APPEALS_TYPE_CALENDAR (appeals_calendar_get_type ())

G_DECLARE_FINAL_TYPE (AppealsCalendar, appeals_calendar, APPEALS, CALENDAR, GObject)

AppealsCalendar       *appeals_calendar_new_from_file      (const char            *path,
                                                            GError               **error);
AppealsCalendar       *appeals_calendar_new_default        (GError               **error);
AppealsCalendar       *appeals_calendar_new_from_json      (JsonNode              *node,
                                                            const char            *origin,
                                                            GError               **error);
JsonNode              *appeals_calendar_to_json            (AppealsCalendar       *self);
gboolean               appeals_calendar_reload             (AppealsCalendar       *self,
                                                            const char            *path,
                                                            GError               **error);
const char            *appeals_calendar_get_path           (AppealsCalendar       *self);
guint                  appeals_calendar_get_first_year     (AppealsCalendar       *self);
guint                  appeals_calendar_get_last_year      (AppealsCalendar       *self);
gboolean               appeals_calendar_covers             (AppealsCalendar       *self,
                                                            const GDate           *date);

AppealsDayKind         appeals_calendar_get_day_kind       (AppealsCalendar       *self,
                                                            const GDate           *date);
const char            *appeals_calendar_get_holiday_id     (AppealsCalendar       *self,
                                                            const GDate           *date);
gboolean               appeals_calendar_is_working_day     (AppealsCalendar       *self,
                                                            const GDate           *date);
void                   appeals_calendar_next_working_day   (AppealsCalendar       *self,
                                                            const GDate           *date,
                                                            GDate                 *result);
void                   appeals_calendar_previous_working_day (AppealsCalendar     *self,
                                                            const GDate           *date,
                                                            GDate                 *result);
void                   appeals_calendar_add_working_days   (AppealsCalendar       *self,
                                                            const GDate           *date,
                                                            int                    n_days,
                                                            GDate                 *result);
int                    appeals_calendar_count_working_days (AppealsCalendar       *self,
                                                            const GDate           *from,
                                                            const GDate           *to);

AppealsUnifiedDayRule  appeals_calendar_get_unified_day_rule (AppealsCalendar     *self);
void                   appeals_calendar_set_unified_day_rule (AppealsCalendar     *self,
                                                            AppealsUnifiedDayRule  rule);
void                   appeals_calendar_get_unified_reception_day (AppealsCalendar *self,
                                                            guint                  year,
                                                            guint                  month,
                                                            GDate                 *result);

void                   appeals_date_get_today              (GDate                 *today);
gboolean               appeals_date_of_datetime            (const char            *datetime,
                                                            GDate                 *date);
void                   appeals_date_last_weekday_of_month  (guint                  year,
                                                            guint                  month,
                                                            GDateWeekday           weekday,
                                                            GDate                 *result);

G_END_DECLS
