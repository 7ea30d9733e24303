/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-note-dialog.c: the semi-annual analytical note's choice — the
 * year, the half (January–June or July–December; by default the half
 * just ended in the first two months of a half, else the current one)
 * and the note's language, Kazakh or Russian whatever the interface
 * speaks. Its "save" response is the caller's to act on.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-analytical-note.h"
#include "appeals-note-dialog.h"

#define FIRST_YEAR 2015

struct _AppealsNoteDialog
{
  AdwMessageDialog  parent_instance;

  GtkSpinButton    *year;
  AdwComboRow      *half;
  AdwComboRow      *language;
};

G_DEFINE_FINAL_TYPE (AppealsNoteDialog, appeals_note_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const char * const languages[] = { "kk", "ru" };

int
appeals_note_dialog_get_year (AppealsNoteDialog *self)
{
  return gtk_spin_button_get_value_as_int (self->year);
}

/* 1: January–June, 2: July–December */
int
appeals_note_dialog_get_half (AppealsNoteDialog *self)
{
  return adw_combo_row_get_selected (self->half) == 0 ? 1 : 2;
}

const char *
appeals_note_dialog_get_language (AppealsNoteDialog *self)
{
  return languages[adw_combo_row_get_selected (self->language) == 0 ? 0 : 1];
}

void
appeals_note_dialog_set_choice (AppealsNoteDialog *self,
                                int                year,
                                int                half,
                                const char        *language)
{
  gtk_spin_button_set_value (self->year, year);
  adw_combo_row_set_selected (self->half, half == 1 ? 0 : 1);
  adw_combo_row_set_selected (self->language, g_strcmp0 (language, "kk") == 0 ? 0 : 1);
}

static GtkWidget *
add_combo_row (GtkListBox         *list,
               const char         *title,
               const char * const *choices)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  gtk_list_box_append (list, row);
  return row;
}

static void
appeals_note_dialog_class_init (AppealsNoteDialogClass *klass)
{
}

static void
appeals_note_dialog_init (AppealsNoteDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *halves[] = { _("January–June"), _("July–December"), NULL };
  const char *language_names[] = { _("Kazakh"), _("Russian"), NULL };
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *year_row = adw_action_row_new ();
  GtkWidget *year = gtk_spin_button_new_with_range (FIRST_YEAR, g_date_time_get_year (now), 1);
  GDate today;
  int default_year, default_half;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, 380, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (year_row), _("Year"));
  gtk_widget_set_valign (year, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (year), GTK_ACCESSIBLE_RELATION_LABELLED_BY, year_row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (year_row), year);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (year_row), year);
  gtk_list_box_append (GTK_LIST_BOX (list), year_row);
  self->year = GTK_SPIN_BUTTON (year);
  self->half = ADW_COMBO_ROW (add_combo_row (GTK_LIST_BOX (list), _("Half-year"), halves));
  self->language = ADW_COMBO_ROW (add_combo_row (GTK_LIST_BOX (list), _("Language of the note"), language_names));

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  appeals_analytical_note_default_half (&today, &default_year, &default_half);
  appeals_note_dialog_set_choice (self, default_year, default_half,
                                  g_str_has_prefix (g_get_language_names ()[0], "kk") ? "kk" : "ru");

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"), "save", _("_Save…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

/**
 * appeals_note_dialog_new:
 *
 * Returns: (transfer floating): the dialog, set to the default half-year
 */
AppealsNoteDialog *
appeals_note_dialog_new (GtkWindow *parent)
{
  return g_object_new (APPEALS_TYPE_NOTE_DIALOG, "transient-for", parent, "modal", TRUE,
                       "heading", _("Analytical Note"),
                       "body", _("A draft note for the leadership from the figures of a half-year, on the department's "
                                 "letterhead: an OpenDocument text to edit and a PDF."),
                       NULL);
}
