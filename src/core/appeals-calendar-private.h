/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-calendar-private.h: the calendar as loaded from its data file —
 * a kind (and holiday) per day over the file's years and a margin, and the
 * running count of working days that makes counting a subtraction — shared
 * by the loader and the queries.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-calendar.h"

G_BEGIN_DECLS

typedef struct
{
  char                 *path;         /* NULL when read from a server's answer */
  JsonNode             *root;         /* the document, as the server hands it on */
  guint                 first_year;
  guint                 last_year;
  GDateWeekday          unified_weekday;
  AppealsUnifiedDayRule unified_rule;
  guint32               first_julian;
  guint                 n_days;
  guint8               *kinds;
  guint32              *working_before; /* per day and one past the last: the
                                         * working days before it in the table */
  const char          **holiday_ids;  /* interned, per day; NULL on ordinary days */
} AppealsCalendarData;

G_GNUC_INTERNAL
AppealsCalendarData *appeals_calendar_data_load  (const char                *path,
                                                  GError                   **error);
G_GNUC_INTERNAL
AppealsCalendarData *appeals_calendar_data_load_json (JsonNode          *node,
                                                  const char                *origin,
                                                  GError                   **error);
G_GNUC_INTERNAL
void                 appeals_calendar_data_free  (AppealsCalendarData       *data);
G_GNUC_INTERNAL
gboolean             appeals_calendar_data_index (const AppealsCalendarData *data,
                                                  const GDate               *date,
                                                  guint                     *index);
G_GNUC_INTERNAL
AppealsDayKind       appeals_calendar_data_kind  (const AppealsCalendarData *data,
                                                  const GDate               *date);

G_END_DECLS
