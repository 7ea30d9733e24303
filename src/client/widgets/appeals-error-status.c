/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-error-status.c: a failed list's status page.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-error-status.h"
#include "appeals-service-error.h"

gboolean
appeals_error_status_is_forbidden (const GError *error)
{
  return g_error_matches (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_FORBIDDEN);
}

/**
 * appeals_error_status_show:
 * @page: the list's status page
 * @error: why the list did not load
 * @failed_title: the title for any other failure ("The Journal Could Not
 *   Be Loaded")
 *
 * Sets @page's icon, title and description for @error: a refusal of the
 * role reads "You Have No Access to This", anything else @failed_title,
 * with the error's own (translated) message below.
 */
void
appeals_error_status_show (AdwStatusPage *page,
                           const GError  *error,
                           const char    *failed_title)
{
  gboolean forbidden = appeals_error_status_is_forbidden (error);

  adw_status_page_set_icon_name (page, forbidden ? "action-unavailable-symbolic" : "network-error-symbolic");
  adw_status_page_set_title (page, forbidden ? _("You Have No Access to This") : failed_title);
  if (forbidden)
    {
      /* not a dead end: who can change it */
      g_autofree char *description = g_strdup_printf ("%s %s", error->message,
                                                      _("If your work needs it, ask the administrator "
                                                        "to change your role."));

      adw_status_page_set_description (page, description);
    }
  else
    adw_status_page_set_description (page, error->message);
}
