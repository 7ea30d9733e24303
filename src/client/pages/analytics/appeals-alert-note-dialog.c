/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-alert-note-dialog.c: the cause and measures of a growth alert.
 * Its "save" response is the caller's to act on: the dialog is gone by
 * the time a request would answer.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-alert-note-dialog.h"
#include "appeals-text-view.h"

struct _AppealsAlertNoteDialog
{
  AdwMessageDialog  parent_instance;

  GtkTextView      *cause;
  GtkTextView      *measures;
};

G_DEFINE_FINAL_TYPE (AppealsAlertNoteDialog, appeals_alert_note_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
get_text (GtkTextView *view)
{
  return g_strstrip (appeals_text_view_dup_text (view));
}

static void
on_text_changed (AppealsAlertNoteDialog *self)
{
  g_autofree char *cause = get_text (self->cause);
  g_autofree char *measures = get_text (self->measures);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", *cause != '\0' && *measures != '\0');
}

/* (transfer full): the cause as typed, trimmed */
char *
appeals_alert_note_dialog_get_cause (AppealsAlertNoteDialog *self)
{
  return get_text (self->cause);
}

/* (transfer full): the measures as typed, trimmed */
char *
appeals_alert_note_dialog_get_measures (AppealsAlertNoteDialog *self)
{
  return get_text (self->measures);
}

void
appeals_alert_note_dialog_set_text (AppealsAlertNoteDialog *self,
                                    const char             *cause,
                                    const char             *measures)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->cause), cause != NULL ? cause : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->measures), measures != NULL ? measures : "", -1);
}

static GtkTextView *
add_text (GtkBox     *box,
          const char *label_text)
{
  GtkWidget *label = gtk_label_new (label_text);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  appeals_text_view_prepare (GTK_TEXT_VIEW (view), label);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 90);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (box, label);
  gtk_box_append (box, scrolled);
  return GTK_TEXT_VIEW (view);
}

static void
appeals_alert_note_dialog_class_init (AppealsAlertNoteDialogClass *klass)
{
}

static void
appeals_alert_note_dialog_init (AppealsAlertNoteDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->cause = add_text (GTK_BOX (box), _("Cause found"));
  self->measures = add_text (GTK_BOX (box), _("Measures taken"));
  gtk_widget_set_size_request (box, 420, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", FALSE);
  g_signal_connect_object (gtk_text_view_get_buffer (self->cause), "changed", G_CALLBACK (on_text_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->measures), "changed", G_CALLBACK (on_text_changed), self,
                           G_CONNECT_SWAPPED);
}

/**
 * appeals_alert_note_dialog_new:
 * @title: what the alert is about, shown as the dialog's body
 *
 * Returns: (transfer floating): a dialog holding @alert's note, if any
 */
AppealsAlertNoteDialog *
appeals_alert_note_dialog_new (GtkWindow          *parent,
                               AppealsGrowthAlert *alert,
                               const char         *title)
{
  AppealsAlertNoteDialog *self = g_object_new (APPEALS_TYPE_ALERT_NOTE_DIALOG, "transient-for", parent, "modal", TRUE,
                                               "heading", _("Cause and Measures"), "body", title, NULL);

  appeals_alert_note_dialog_set_text (self, alert->cause, alert->measures);
  return self;
}
