/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * main.c: appeals-desk. The interface language chosen in Preferences
 * applies from the start, before anything is translated.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-application.h"

static void
apply_language_preference (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)
                                                     : NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *language = NULL;

  if (schema == NULL)
    return;

  settings = g_settings_new (APPLICATION_ID);
  language = g_settings_get_string (settings, "language");
  if (*language != '\0')
    g_setenv ("LANGUAGE", language, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AppealsApplication) app = NULL;

  apply_language_preference ();
  appeals_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  app = appeals_application_new ();
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--demo"))
      g_application_set_flags (G_APPLICATION (app),
                               g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
