/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-booking-dialog-applicant.c: the booking dialog's applicant —
 * found by IIN (or a legal entity's BIN), with their earlier appeals
 * listed so the registrar can pick the one the reception is about.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-booking-dialog-private.h"

static void
clear_earlier (AppealsBookingDialog *self)
{
  for (guint i = 0; i < self->earlier_rows->len; i++)
    adw_preferences_group_remove (self->earlier_group, g_ptr_array_index (self->earlier_rows, i));
  g_ptr_array_set_size (self->earlier_rows, 0);
  gtk_check_button_set_active (self->no_appeal_check, TRUE);
}

static void
on_earlier_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AppealsBookingDialog) self = user_data;
  g_autoptr(AppealsAppealPage) page = appeals_appeal_service_list_page_finish (APPEALS_APPEAL_SERVICE (source),
                                                                               result, NULL);
  GPtrArray *appeals = page != NULL ? page->items : NULL;
  AppealsClassifier *questions;

  if (appeals == NULL)
    {
      _appeals_booking_dialog_applicant_found (self);
      return;
    }

  questions = appeals_reference_service_get_classifier (appeals_context_get_reference_service (self->context),
                                                        APPEALS_CLASSIFIER_QUESTION_CHARACTERS);
  for (guint i = 0; i < appeals->len; i++)
    {
      AppealsAppeal *appeal = g_ptr_array_index (appeals, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      char date[16] = "";
      g_autofree char *title = NULL;
      const char *question = appeal->question_character;
      g_autofree char *subtitle = g_strdup_printf ("%s — %s",
                                                   question != NULL ? appeals_classifier_get_label (questions, question, NULL) : "",
                                                   appeal->annotation != NULL ? appeal->annotation : "");
      g_autofree char *name = g_strdup_printf ("appeal-%" G_GINT64_FORMAT, appeal->id);

      if (g_date_valid (&appeal->registration_date))
        g_date_strftime (date, sizeof date, "%d.%m.%Y", &appeal->registration_date);
      title = g_strdup_printf ("%s · %s", appeal->registration_number != NULL ? appeal->registration_number : "", date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->no_appeal_check);
      gtk_widget_set_name (check, name);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_object_set_data (G_OBJECT (row), "appeal-id", GSIZE_TO_POINTER (appeal->id));
      adw_preferences_group_add (self->earlier_group, row);
      g_ptr_array_add (self->earlier_rows, row);
      if (appeal->id == self->wanted_appeal_id)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->earlier_group), TRUE);
  _appeals_booking_dialog_applicant_found (self);
}

static void
on_applicant_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AppealsBookingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsApplicant) applicant = appeals_appeal_service_find_applicant_finish (APPEALS_APPEAL_SERVICE (source),
                                                                                       result, NULL, &error);
  g_autoptr(AppealsAppealFilter) earlier = appeals_appeal_filter_new ();
  g_autofree char *name = NULL;

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (error->domain == APPEALS_SERVICE_ERROR && error->code == APPEALS_SERVICE_ERROR_NETWORK)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      else
        _appeals_booking_dialog_show_error (self, "iin", error->message);
      return;
    }

  if (applicant == NULL)
    {
      self->applicant_id = 0;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->applicant_row), _("No applicant with this IIN"));
      adw_action_row_set_subtitle (self->applicant_row,
                                   _("Register the applicant’s appeal in the journal first, then book the reception."));
      gtk_widget_set_visible (GTK_WIDGET (self->earlier_group), FALSE);
      _appeals_booking_dialog_applicant_found (self);
      return;
    }

  self->applicant_id = applicant->id;
  name = g_strjoin (" ", applicant->surname != NULL ? applicant->surname : "",
                    applicant->given_name != NULL ? applicant->given_name : "",
                    applicant->patronymic != NULL ? applicant->patronymic : "", NULL);
  g_free (self->applicant_name);
  self->applicant_name = g_strdup (g_strstrip (name));
  g_free (self->applicant_address);
  self->applicant_address = g_strdup (applicant->address != NULL ? applicant->address : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->applicant_row), self->applicant_name);
  adw_action_row_set_subtitle (self->applicant_row, self->applicant_address);

  earlier->applicant_id = self->applicant_id;
  appeals_appeal_service_list_page_async (appeals_context_get_appeal_service (self->context), earlier, 20, NULL,
                                          self->cancellable, on_earlier_loaded, g_object_ref (self));
}

void
_appeals_booking_dialog_on_iin_apply (AppealsBookingDialog *self)
{
  const char *iin = gtk_editable_get_text (GTK_EDITABLE (self->iin_row));
  g_autoptr(GError) error = NULL;

  _appeals_booking_dialog_clear_errors (self);
  clear_earlier (self);
  self->applicant_id = 0;

  if (!appeals_iin_validate (iin, &error) && !appeals_bin_validate (iin, NULL))
    {
      _appeals_booking_dialog_show_error (self, "iin", error->message);
      return;
    }

  appeals_appeal_service_find_applicant_async (appeals_context_get_appeal_service (self->context), iin,
                                               self->cancellable, on_applicant_loaded, g_object_ref (self));
}
