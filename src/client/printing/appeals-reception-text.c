/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-text.c: receptions as they read on screen.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-reception-text.h"

/* "2026-11-27" → "27.11.2026"; anything else comes back as it was. */
char *
appeals_format_iso_date (const char *iso)
{
  GDate date;
  char buffer[16];

  if (iso == NULL)
    return g_strdup ("");
  if (!appeals_date_parse_iso (iso, &date))
    return g_strdup (iso);
  g_date_strftime (buffer, sizeof buffer, "%d.%m.%Y", &date);
  return g_strdup (buffer);
}

/* A day as "27.11.2026"; an unset one as "". */
char *
appeals_format_date (const GDate *date)
{
  char buffer[16];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  g_date_strftime (buffer, sizeof buffer, "%d.%m.%Y", date);
  return g_strdup (buffer);
}

/* The day of a moment where the user is: "2026-11-25T04:58:27Z" →
 * "25.11.2026"; none as "". */
char *
appeals_format_local_day (GDateTime *datetime)
{
  g_autoptr(GDateTime) local = NULL;
  GDate date;

  if (datetime == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (datetime);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return appeals_format_date (&date);
}

/* "2026-11-25T04:58:27Z" or "2026-11-25" → "25.11.2026", the day where
 * the user is; anything else comes back as it was. */
char *
appeals_format_iso_day (const char *iso)
{
  g_autoptr(GDateTime) moment = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  if (moment != NULL)
    return appeals_format_local_day (moment);
  return appeals_format_iso_date (iso);
}

const char *
appeals_priority_get_label (AppealsPriorityCatalog *priorities,
                            const char             *code)
{
  return appeals_priority_get_label_in (priorities, code, appeals_ui_language ());
}

/* As appeals_priority_get_label(), in @language ("kk" or "ru"): for a
 * printed document in its own language. */
const char *
appeals_priority_get_label_in (AppealsPriorityCatalog *priorities,
                               const char             *code,
                               const char             *language)
{
  const char *name;

  if (code == NULL || priorities == NULL)
    return NULL;
  name = appeals_priority_catalog_get_name (priorities, code, language);
  return name != NULL ? name : code;
}

const char *
appeals_step_get_label (AppealsWorkflow *workflow,
                        const char      *code)
{
  return appeals_step_get_label_in (workflow, code, appeals_ui_language ());
}

/* As appeals_step_get_label(), in @language. */
const char *
appeals_step_get_label_in (AppealsWorkflow *workflow,
                           const char      *code,
                           const char      *language)
{
  if (code == NULL)
    return "";
  for (guint i = 0; workflow != NULL && i < appeals_workflow_get_n_steps (workflow); i++)
    {
      const AppealsWorkflowStep *step = appeals_workflow_get_step (workflow, i);

      if (g_str_equal (step->code, code))
        return appeals_names_get (&step->name, language);
    }
  return code;
}

/* 1 = Monday … 7 = Sunday, in the interface's language (not the locale's:
 * the desktop may run in C.UTF-8 with LANGUAGE=kk). */
char *
appeals_weekday_name (int weekday)
{
  const char *names[] = {
    NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"), NC_("weekday", "Thursday"),
    NC_("weekday", "Friday"), NC_("weekday", "Saturday"), NC_("weekday", "Sunday"),
  };

  if (weekday < 1 || weekday > 7)
    return g_strdup ("");
  return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "weekday", names[weekday - 1]));
}

const char *
appeals_material_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "reference_note") == 0)
    return _("Reference note");
  if (g_strcmp0 (kind, "applicant_document") == 0)
    return _("Applicant’s document");
  if (g_strcmp0 (kind, "body_position") == 0)
    return _("Position of the body");
  return _("Other document");
}
