/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-text.c: receptions as they read on screen.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-application.h"
#include "appeals-reception-text.h"

/* Officials are named in Kazakh and Russian; an English interface reads
 * the Russian name. */
static const char *
pick_name (JsonObject *official,
           const char *member)
{
  JsonObject *names = json_object_get_object_member (official, member);
  const char *language = appeals_ui_language ();

  if (names == NULL)
    return "";
  if (!g_str_equal (language, "kk"))
    language = "ru";
  return json_object_get_string_member_with_default (names, language, "");
}

const char *
appeals_official_get_name (JsonObject *official)
{
  return pick_name (official, "full_name");
}

const char *
appeals_official_get_position (JsonObject *official)
{
  return pick_name (official, "position");
}

JsonObject *
appeals_officials_find (JsonArray *officials,
                        gint64     id)
{
  for (guint i = 0; officials != NULL && i < json_array_get_length (officials); i++)
    {
      JsonObject *official = json_array_get_object_element (officials, i);

      if (json_object_get_int_member_with_default (official, "id", 0) == id)
        return official;
    }
  return NULL;
}

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

const char *
appeals_priority_get_label (const char *code)
{
  AppealsPriorityCatalog *priorities = appeals_application_get_priorities (appeals_application_get_default ());
  const char *name;

  if (code == NULL)
    return NULL;
  name = appeals_priority_catalog_get_name (priorities, code, appeals_ui_language ());
  return name != NULL ? name : code;
}

const char *
appeals_step_get_label (const char *code)
{
  AppealsWorkflow *workflow = appeals_application_get_workflow (appeals_application_get_default ());

  for (guint i = 0; i < appeals_workflow_get_n_steps (workflow); i++)
    {
      const AppealsWorkflowStep *step = appeals_workflow_get_step (workflow, i);

      if (g_str_equal (step->code, code))
        return appeals_names_get (&step->name, appeals_ui_language ());
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
