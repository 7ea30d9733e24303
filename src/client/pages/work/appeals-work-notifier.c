/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-work-notifier.c: desktop notifications (GNotification) when an
 * item of "My work" is due today or overdue.
 *
 * An item is notified at most once a day: the keys notified today are
 * kept in $XDG_STATE_HOME/appeals-desk/notified.ini, so that neither the
 * five-minute refresh nor a restart repeats them. A few new items get a
 * notification each, which opens the item; more get one that counts
 * them and opens My work. The preference "notify-deadlines" turns them
 * off.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "appeals-work-notifier.h"

#define STATE_GROUP "notified"

/* Only work with a term: what waits for a verdict has no "due today". */
static gboolean
is_notifiable (const AppealsWorkItem *item)
{
  return item->due == APPEALS_WORK_DUE_OVERDUE || item->due == APPEALS_WORK_DUE_TODAY;
}

char *
appeals_work_notifier_get_state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "appeals-desk", "notified.ini", NULL);
}

static char *
item_title (const AppealsWorkItem *item)
{
  gboolean overdue = item->due == APPEALS_WORK_DUE_OVERDUE;

  switch (item->kind)
    {
    case APPEALS_WORK_ITEM_APPEAL:
      return g_strdup_printf (overdue ? _("Appeal %s is overdue") : _("Appeal %s is due today"), item->number);
    case APPEALS_WORK_ITEM_RECEPTION:
      return g_strdup (overdue ? _("A reception step is overdue") : _("A reception step is due today"));
    case APPEALS_WORK_ITEM_ORDER:
      return g_strdup (overdue ? _("An order is overdue") : _("An order is due today"));
    case APPEALS_WORK_ITEM_EXPERTISE:
    default:
      return g_strdup (_("Your work is due"));
    }
}

static GNotification *
item_notification (const AppealsWorkItem *item)
{
  g_autofree char *title = item_title (item);
  GNotification *notification = g_notification_new (title);

  g_notification_set_body (notification, item->summary);
  if (item->kind == APPEALS_WORK_ITEM_APPEAL)
    g_notification_set_default_action_and_target (notification, "app.open-card", "x", item->id);
  else
    g_notification_set_default_action (notification, "app.show-my-work");
  if (item->due == APPEALS_WORK_DUE_OVERDUE)
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  return notification;
}

static GNotification *
summary_notification (guint n_new)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u item of your work is due today or overdue",
                                                         "%u items of your work are due today or overdue",
                                                         n_new), n_new);
  GNotification *notification = g_notification_new (title);

  g_notification_set_body (notification, _("Open My Work to see them."));
  g_notification_set_default_action (notification, "app.show-my-work");
  return notification;
}

/**
 * appeals_work_notifier_notify:
 * @settings: (nullable): the application's settings
 * @application: (nullable): what sends the notifications; %NULL only
 *   records them (as a test may)
 *
 * Notifies the items of @work that are due today or overdue and were not
 * notified today yet.
 *
 * Returns: how many notifications were sent
 */
guint
appeals_work_notifier_notify (GSettings         *settings,
                              const AppealsWork *work,
                              GApplication      *application)
{
  g_autofree char *path = appeals_work_notifier_get_state_path ();
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *today = appeals_date_format_iso (&work->today);
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(GHashTable) notified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *state_day = NULL;
  g_auto(GStrv) all_keys = NULL;
  g_autoptr(GError) error = NULL;
  guint sent = 0;

  if (settings != NULL && !g_settings_get_boolean (settings, "notify-deadlines"))
    return 0;

  /* what was notified today already; another day's list is forgotten */
  if (g_key_file_load_from_file (state, path, G_KEY_FILE_NONE, NULL))
    state_day = g_key_file_get_string (state, STATE_GROUP, "date", NULL);
  if (g_strcmp0 (state_day, today) == 0)
    {
      g_auto(GStrv) done = g_key_file_get_string_list (state, STATE_GROUP, "items", NULL, NULL);

      for (guint i = 0; done != NULL && done[i] != NULL; i++)
        {
          g_hash_table_add (notified, g_strdup (done[i]));
          g_strv_builder_add (keys, done[i]);
        }
    }

  for (guint g = 0; g < work->groups->len; g++)
    {
      AppealsWorkGroup *group = g_ptr_array_index (work->groups, g);

      for (guint i = 0; i < group->items->len; i++)
        {
          AppealsWorkItem *item = g_ptr_array_index (group->items, i);
          g_autofree char *key = NULL;

          if (!is_notifiable (item))
            continue;
          key = appeals_work_item_key (item);
          if (g_hash_table_contains (notified, key))
            continue;
          g_strv_builder_add (keys, key);
          g_ptr_array_add (fresh, item);
          g_hash_table_add (notified, g_steal_pointer (&key));
        }
    }
  if (fresh->len == 0)
    return 0;

  if (fresh->len <= APPEALS_WORK_NOTIFIER_MAX_SINGLE)
    for (guint i = 0; i < fresh->len; i++)
      {
        AppealsWorkItem *item = g_ptr_array_index (fresh, i);
        g_autoptr(GNotification) notification = item_notification (item);
        g_autofree char *key = appeals_work_item_key (item);
        g_autofree char *id = g_strconcat ("work-", key, NULL);

        if (application != NULL)
          g_application_send_notification (application, id, notification);
        sent++;
      }
  else
    {
      g_autoptr(GNotification) notification = summary_notification (fresh->len);

      if (application != NULL)
        g_application_send_notification (application, "work-summary", notification);
      sent = 1;
    }

  all_keys = g_strv_builder_end (keys);
  g_key_file_set_string (state, STATE_GROUP, "date", today);
  g_key_file_set_string_list (state, STATE_GROUP, "items", (const char * const *) all_keys,
                              g_strv_length (all_keys));
  if (g_mkdir_with_parents (directory, 0700) != 0 || !g_key_file_save_to_file (state, path, &error))
    g_warning ("Cannot keep the notified items in %s: %s", path,
               error != NULL ? error->message : g_strerror (errno));
  return sent;
}
