/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-data.c: locating data files and binding the message catalog.
 *
 * Rules that change with law (calendars, deadlines, priority categories,
 * checklists) live as files under data/ so an administrator can replace them
 * without a rebuild. Installed programs read them from PKGDATADIR; a program
 * run from the build tree falls back to the source tree.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "appeals-data.h"
#include "appeals-error.h"

const char *
appeals_data_get_dir (void)
{
  static char *dir;

  if (g_once_init_enter (&dir))
    {
      const char *env = g_getenv (APPEALS_DATA_DIR_ENV);
      char *found;

      if (env != NULL && *env != '\0')
        found = g_strdup (env);
      else if (g_file_test (PKGDATADIR, G_FILE_TEST_IS_DIR))
        found = g_strdup (PKGDATADIR);
      else
        found = g_strdup (SOURCE_DATADIR);

      g_once_init_leave (&dir, found);
    }

  return dir;
}

/**
 * appeals_data_find_file:
 * @relative_path: a path below the data directory, e.g. "calendar/kz.json"
 *
 * Returns: (transfer full): the absolute path of an existing file, or %NULL
 * with %APPEALS_ERROR_NOT_FOUND.
 */
char *
appeals_data_find_file (const char  *relative_path,
                        GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (relative_path != NULL, NULL);

  path = g_build_filename (appeals_data_get_dir (), relative_path, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_NOT_FOUND,
                   _("The data file “%s” is missing"), path);
      return NULL;
    }

  return g_steal_pointer (&path);
}

const char *
appeals_i18n_get_localedir (void)
{
  static char *dir;

  if (g_once_init_enter (&dir))
    {
      const char *env = g_getenv ("APPEALS_LOCALE_DIR");
      char *found;

      if (env != NULL && *env != '\0')
        found = g_strdup (env);
      else
        found = g_strdup (LOCALEDIR);

      g_once_init_leave (&dir, found);
    }

  return dir;
}

/**
 * appeals_i18n_init:
 *
 * Sets the locale from the environment and binds the project's catalog.
 * A process started with no usable locale falls back to C.UTF-8 so that
 * LANGUAGE=kk or ru still selects a catalog (gettext ignores LANGUAGE in the
 * plain C locale).
 */
void
appeals_i18n_init (void)
{
  const char *current = setlocale (LC_ALL, "");

  if (current == NULL || g_str_equal (current, "C") || g_str_equal (current, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, appeals_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* Every string names its domain (gi18n-lib.h), so the default domain is
   * left alone: GLib's g_dgettext() decides once whether to translate, and
   * with a non-default domain that has no catalog for the start-up
   * language it would never translate again — the server switches the
   * language per request. */
}

/**
 * appeals_ui_language:
 *
 * Returns: "kk", "ru" or "en": the language the message catalog speaks,
 *   read from a marker string every translation carries.
 */
const char *
appeals_ui_language (void)
{
  /* TRANSLATORS: the ISO 639-1 code of your language: "kk" or "ru". */
  const char *code = C_("language code", "en");

  if (g_str_equal (code, "kk") || g_str_equal (code, "ru"))
    return code;
  return "en";
}
