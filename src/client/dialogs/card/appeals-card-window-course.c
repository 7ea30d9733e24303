/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-window-course.c: what the lifecycle's actions recorded on
 * the appeal, shown on the card — the forwarding with its outgoing number
 * and whether it was late, the first term beside an extended one, the
 * character of the answer, the ground of a termination, a reopening, and
 * the notices sent to the applicant.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-card-window-private.h"

static char *
format_date (const GDate *date)
{
  char buffer[16] = "";

  if (g_date_valid (date))
    g_date_strftime (buffer, sizeof buffer, "%d.%m.%Y", date);
  return g_strdup (buffer);
}

static const char *
classifier_label (AppealsCardWindow *self,
                  const char        *classifier,
                  const char        *code)
{
  AppealsReferenceService *reference = appeals_context_get_reference_service (self->context);

  return appeals_classifier_get_label (appeals_reference_service_get_classifier (reference, classifier), code, NULL);
}

static void
add_row (AppealsCardWindow *self,
         GPtrArray         *rows,
         const char        *name,
         const char        *title,
         const char        *subtitle,
         gboolean           late)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  if (late)
    {
      GtkWidget *badge = gtk_label_new (_("late"));

      gtk_widget_add_css_class (badge, "appeal-overdue");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  adw_preferences_group_add (self->course_group, row);
  g_ptr_array_add (rows, row);
}

static void
add_notices (AppealsCardWindow *self,
             AppealsAppeal     *appeal,
             GPtrArray         *rows)
{
  for (guint i = 0; appeal->notices != NULL && i < appeal->notices->len; i++)
    {
      const AppealsNotice *notice = g_ptr_array_index (appeal->notices, i);
      g_autofree char *date = format_date (&notice->outgoing_date);
      /* TRANSLATORS: a notice sent: outgoing number, date, language code */
      g_autofree char *text = g_strdup_printf (_("№ %s of %s, in %s"), notice->outgoing_number, date,
                                               appeals_enum_get_label (APPEALS_TYPE_LANGUAGE,
                                                                       g_str_equal (notice->language, "kk")
                                                                       ? APPEALS_LANGUAGE_KK : APPEALS_LANGUAGE_RU));

      add_row (self, rows, "notice", _("Notice sent"), text, notice->late);
    }
  if (appeal->notice_kind != NULL && (appeal->notices == NULL || appeal->notices->len == 0))
    {
      g_autofree char *due = format_date (&appeal->notice_due_date);
      g_autofree char *text = g_strdup_printf (_("Not sent yet; due by %s"), due);

      add_row (self, rows, "notice-due", _("Notice to the applicant"), text, FALSE);
    }
}

/**
 * _appeals_card_window_update_course:
 *
 * Shows what the actions recorded on the appeal as loaded.
 */
void
_appeals_card_window_update_course (AppealsCardWindow *self)
{
  AppealsAppeal *appeal = self->appeal_base;
  GPtrArray *rows = g_object_get_data (G_OBJECT (self->course_group), "rows");

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    adw_preferences_group_remove (self->course_group, g_ptr_array_index (rows, i));
  rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (self->course_group), "rows", rows, (GDestroyNotify) g_ptr_array_unref);

  if (appeal != NULL && appeal->forwarded_to != NULL)
    {
      g_autofree char *date = format_date (&appeal->forwarding_date);
      g_autofree char *text = g_strdup_printf (_("%s · № %s of %s"),
                                               classifier_label (self, APPEALS_CLASSIFIER_ADDRESSEE_BODIES,
                                                                 appeal->forwarded_to),
                                               appeal->forwarding_number, date);

      add_row (self, rows, "forwarded", g_strcmp0 (appeal->forwarding_scope, "partial") == 0
                                        ? _("Forwarded in part") : _("Forwarded"), text, appeal->forwarded_late);
    }
  if (appeal != NULL && g_date_valid (&appeal->original_due_date))
    {
      g_autofree char *original = format_date (&appeal->original_due_date);
      g_autofree char *text = g_strdup_printf (_("First term %s; %s"), original,
                                               appeal->extension_reason != NULL ? appeal->extension_reason : "");

      add_row (self, rows, "extended", _("Term extended"), text, FALSE);
    }
  if (appeal != NULL && appeal->answer_character != NULL)
    add_row (self, rows, "answer-character", _("Character of the answer"),
             classifier_label (self, APPEALS_CLASSIFIER_ANSWER_CHARACTERS, appeal->answer_character),
             appeal->answer_late);
  if (appeal != NULL && appeal->termination_ground != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s. %s",
                                               classifier_label (self, APPEALS_CLASSIFIER_TERMINATION_GROUNDS,
                                                                 appeal->termination_ground),
                                               appeal->termination_reason != NULL ? appeal->termination_reason : "");

      add_row (self, rows, "ground", _("Ground"), text, FALSE);
    }
  if (appeal != NULL && appeal->reopen_reason != NULL)
    add_row (self, rows, "reopened", _("Reason for reopening"), appeal->reopen_reason, FALSE);
  if (appeal != NULL)
    add_notices (self, appeal, rows);

  gtk_widget_set_visible (GTK_WIDGET (self->course_group), rows->len > 0);
}
