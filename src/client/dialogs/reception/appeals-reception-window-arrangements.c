/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-window-arrangements.c: how the reception is held — the
 * reception window's "Arrangements" page.
 *
 * The organiser marks a field (выездной) reception, held in a district or
 * a village at its own place, possibly with a video link, and lists who
 * takes part besides the official and the visitor: officials, the
 * representatives of the bodies invited in step 5, the supervising deputy,
 * the head of the Presidential Administration's appeals department by
 * video conference. The page edits a draft; "Save" replaces the whole
 * arrangement on the server (PUT /receptions/{id}/arrangements), whose
 * answer — the reception — is what the page shows again. The invitation
 * and the pack print what was saved. A reception that was held, cancelled
 * or archived keeps its arrangement: the page is then read-only.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-reception-window-private.h"

struct _ArrangementsForm
{
  AdwPreferencesPage  *page;
  GtkSwitch           *field_switch;
  AdwEntryRow         *place_entry;
  AdwEntryRow         *video_entry;
  AdwPreferencesGroup *participants_group;
  GtkWidget           *no_participants_row;
  GPtrArray           *rows;          /* the participants' rows, as shown */
  AdwComboRow         *role_row;
  AdwEntryRow         *name_entry;
  AdwEntryRow         *job_entry;
  GtkSwitch           *video_switch;
  GtkWidget           *save_button;

  GPtrArray           *participants;  /* AppealsReceptionParticipant: the draft */
  gboolean             filling;       /* the widgets are set from the reception */
  gboolean             edited;        /* the draft differs from what was loaded */
  gboolean             saving;
};

/* The job title a role suggests, in the interface's language (it may be
 * edited before the participant is added), and whether it joins by video. */
static const char *
role_job_title (AppealsParticipantRole role)
{
  switch (role)
    {
    case APPEALS_PARTICIPANT_ROLE_SUPERVISING_DEPUTY:
      return _("Supervising deputy akim of the region");
    case APPEALS_PARTICIPANT_ROLE_PRESIDENTIAL_ADMINISTRATION:
      return _("Head of the appeals department of the Presidential Administration");
    case APPEALS_PARTICIPANT_ROLE_OFFICIAL:
    case APPEALS_PARTICIPANT_ROLE_INVITED_BODY:
    default:
      return "";
    }
}

static gboolean
is_editable (AppealsReceptionWindow *self)
{
  return self->reception != NULL && (self->reception->status == APPEALS_RECEPTION_STATUS_BOOKED ||
                                     self->reception->status == APPEALS_RECEPTION_STATUS_CONFIRMED);
}

static void
update_sensitivity (AppealsReceptionWindow *self)
{
  ArrangementsForm *form = self->arrangements;
  gboolean editable = is_editable (self) && !form->saving;

  gtk_widget_set_sensitive (GTK_WIDGET (form->field_switch), editable);
  gtk_editable_set_editable (GTK_EDITABLE (form->place_entry), editable);
  gtk_editable_set_editable (GTK_EDITABLE (form->video_entry), editable);
  for (guint i = 0; i < form->rows->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (form->rows, i), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.add-participant", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.save-arrangements", editable && form->edited);
}

static void
mark_edited (AppealsReceptionWindow *self)
{
  if (self->arrangements->filling)
    return;
  self->arrangements->edited = TRUE;
  update_sensitivity (self);
}

static void
on_remove_clicked (GtkButton              *button,
                   AppealsReceptionWindow *self)
{
  appeals_reception_window_remove_participant (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static GtkWidget *
new_participant_row (AppealsReceptionWindow      *self,
                     AppealsReceptionParticipant *participant,
                     guint                        index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = g_strdup_printf ("%s%s%s", _appeals_reception_window_or_empty (participant->job_title),
                                               participant->job_title != NULL && participant->by_video ? " — " : "",
                                               participant->by_video ? _("by video conference") : "");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), participant->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the participant"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the participant"), -1);
  g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* The participants' rows, from the draft. */
void
_appeals_reception_window_show_participants (AppealsReceptionWindow *self)
{
  ArrangementsForm *form = self->arrangements;

  for (guint i = 0; i < form->rows->len; i++)
    adw_preferences_group_remove (form->participants_group, g_ptr_array_index (form->rows, i));
  g_ptr_array_set_size (form->rows, 0);
  for (guint i = 0; i < form->participants->len; i++)
    {
      GtkWidget *row = new_participant_row (self, g_ptr_array_index (form->participants, i), i);

      adw_preferences_group_add (form->participants_group, row);
      g_ptr_array_add (form->rows, row);
    }
  gtk_widget_set_visible (form->no_participants_row, form->participants->len == 0);
  update_sensitivity (self);
}

static AppealsReceptionParticipant *
participant_new (const char *name,
                 const char *job_title,
                 gboolean    by_video)
{
  AppealsReceptionParticipant *participant = g_object_new (APPEALS_TYPE_RECEPTION_PARTICIPANT, NULL);

  participant->name = g_strdup (name);
  participant->job_title = job_title != NULL && *job_title != '\0' ? g_strdup (job_title) : NULL;
  participant->by_video = by_video;
  return participant;
}

/* Shows the arrangement of the reception as loaded, unless the organiser
 * is editing it (a change made meanwhile elsewhere does not wipe the
 * draft; saving replaces it). */
void
_appeals_reception_window_update_arrangements (AppealsReceptionWindow *self)
{
  ArrangementsForm *form = self->arrangements;
  AppealsReception *reception = self->reception;

  if (form->edited && is_editable (self))
    {
      update_sensitivity (self);
      return;
    }
  form->filling = TRUE;
  gtk_switch_set_active (form->field_switch, reception->field);
  gtk_editable_set_text (GTK_EDITABLE (form->place_entry), _appeals_reception_window_or_empty (reception->place));
  gtk_editable_set_text (GTK_EDITABLE (form->video_entry), _appeals_reception_window_or_empty (reception->video_link));
  g_ptr_array_set_size (form->participants, 0);
  for (guint i = 0; reception->participants != NULL && i < reception->participants->len; i++)
    {
      AppealsReceptionParticipant *loaded = g_ptr_array_index (reception->participants, i);

      g_ptr_array_add (form->participants, participant_new (loaded->name, loaded->job_title, loaded->by_video));
    }
  form->edited = FALSE;
  _appeals_reception_window_show_participants (self);
  form->filling = FALSE;
}

static void
on_role_selected (AppealsReceptionWindow *self)
{
  ArrangementsForm *form = self->arrangements;
  AppealsParticipantRole role = adw_combo_row_get_selected (form->role_row);

  gtk_editable_set_text (GTK_EDITABLE (form->job_entry), role_job_title (role));
  gtk_switch_set_active (form->video_switch, role == APPEALS_PARTICIPANT_ROLE_PRESIDENTIAL_ADMINISTRATION);
}

static void
add_participant_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (widget);
  ArrangementsForm *form = self->arrangements;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->name_entry))));
  g_autofree char *job_title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->job_entry))));

  if (*name == '\0')
    {
      _appeals_reception_window_show_toast (self, _("Write the participant's full name first."));
      gtk_widget_grab_focus (GTK_WIDGET (form->name_entry));
      return;
    }
  g_ptr_array_add (form->participants, participant_new (name, job_title, gtk_switch_get_active (form->video_switch)));
  gtk_editable_set_text (GTK_EDITABLE (form->name_entry), "");
  adw_combo_row_set_selected (form->role_row, APPEALS_PARTICIPANT_ROLE_OFFICIAL);
  on_role_selected (self);
  _appeals_reception_window_show_participants (self);
  mark_edited (self);
}

static void
arrangements_saved (Call             *call,
                    AppealsReception *reception,
                    const GError     *error)
{
  AppealsReceptionWindow *self = call->self;

  self->arrangements->saving = FALSE;
  if (reception == NULL)
    {
      update_sensitivity (self);
      _appeals_reception_window_show_toast (self, error->message);
      return;
    }
  self->arrangements->edited = FALSE;
  _appeals_reception_window_show_reception (self, reception);
  _appeals_reception_window_show_toast (self, _("The arrangements are saved"));
}

static void
save_arrangements_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AppealsReceptionWindow *self = APPEALS_RECEPTION_WINDOW (widget);
  ArrangementsForm *form = self->arrangements;
  g_autofree char *place = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->place_entry))));
  g_autofree char *video = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->video_entry))));
  gboolean field = gtk_switch_get_active (form->field_switch);

  if (form->saving || !is_editable (self))
    return;
  if (field && *place == '\0')
    {
      _appeals_reception_window_show_toast (self, _("A field reception needs its place: the district or the village."));
      gtk_widget_grab_focus (GTK_WIDGET (form->place_entry));
      return;
    }
  form->saving = TRUE;
  update_sensitivity (self);
  appeals_reception_service_set_arrangements_async (_appeals_reception_window_get_service (self), self->reception_id,
                                                    field, place, video, form->participants, self->cancellable,
                                                    _appeals_reception_window_on_change_answered,
                                                    _appeals_reception_window_change_new (self, arrangements_saved,
                                                                                          NULL));
}

/* Building ---------------------------------------------------------------- */

static GtkSwitch *
add_switch_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  return GTK_SWITCH (toggle);
}

static AdwEntryRow *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
new_button (const char *label,
            const char *action_name,
            const char *style)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, style);
  return button;
}

static void
build_where (AppealsReceptionWindow *self,
             ArrangementsForm       *form)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, _("Where It Is Held"));
  form->field_switch = add_switch_row (group, _("Field reception"),
                                       _("Held away from the office, in a district or a village"));
  form->place_entry = add_entry_row (group, _("Place"));
  form->video_entry = add_entry_row (group, _("Video link"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (form->video_entry), _("An https:// link, for those who join by video"));
  g_signal_connect_swapped (form->field_switch, "notify::active", G_CALLBACK (mark_edited), self);
  g_signal_connect_swapped (form->place_entry, "changed", G_CALLBACK (mark_edited), self);
  g_signal_connect_swapped (form->video_entry, "changed", G_CALLBACK (mark_edited), self);
  adw_preferences_page_add (form->page, group);
}

static void
build_new_participant (AppealsReceptionWindow *self,
                       ArrangementsForm       *form)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char *roles[] = { _("Official"), _("Representative of an invited body"), _("Supervising deputy"),
                          _("Presidential Administration, by video conference"), NULL };
  g_autoptr(GtkStringList) role_labels = gtk_string_list_new (roles);

  adw_preferences_group_set_title (group, _("New Participant"));
  form->role_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->role_row), _("Takes part as"));
  adw_combo_row_set_model (form->role_row, G_LIST_MODEL (role_labels));
  g_signal_connect_swapped (form->role_row, "notify::selected", G_CALLBACK (on_role_selected), self);
  adw_preferences_group_add (group, GTK_WIDGET (form->role_row));
  form->name_entry = add_entry_row (group, _("Full name"));
  form->job_entry = add_entry_row (group, _("Position and body"));
  form->video_switch = add_switch_row (group, _("By video conference"), _("Joins the reception by video"));
  adw_preferences_group_set_header_suffix (group, new_button (_("_Add Participant"), "reception.add-participant",
                                                              "flat"));
  adw_preferences_page_add (form->page, group);
}

/* The page, added to the window's pages after the protocol. */
void
_appeals_reception_window_build_arrangements (AppealsReceptionWindow *self,
                                              AdwViewStack           *stack)
{
  ArrangementsForm *form = g_new0 (ArrangementsForm, 1);
  AdwViewStackPage *stack_page;

  self->arrangements = form;
  form->participants = g_ptr_array_new_with_free_func (g_object_unref);
  form->rows = g_ptr_array_new ();
  form->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_name (GTK_WIDGET (form->page), "reception-arrangements");

  build_where (self, form);
  form->participants_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (form->participants_group, _("Participants"));
  adw_preferences_group_set_description (form->participants_group,
                                         _("Who takes part besides the official and the applicant; they are named "
                                           "on the invitation and in the pack"));
  form->no_participants_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->no_participants_row), _("No participants yet"));
  gtk_widget_add_css_class (form->no_participants_row, "dim-label");
  adw_preferences_group_add (form->participants_group, form->no_participants_row);
  adw_preferences_page_add (form->page, form->participants_group);
  build_new_participant (self, form);

  form->save_button = new_button (_("_Save the Arrangements"), "reception.save-arrangements", "suggested-action");
  gtk_widget_set_name (form->save_button, "save-arrangements");
  gtk_widget_set_margin_end (form->save_button, 12);
  gtk_widget_set_margin_bottom (form->save_button, 12);
  {
    AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

    adw_preferences_group_add (group, form->save_button);
    adw_preferences_page_add (form->page, group);
  }
  stack_page = adw_view_stack_add_titled (stack, GTK_WIDGET (form->page), "arrangements", _("Arrangements"));
  adw_view_stack_page_set_icon_name (stack_page, "system-users-symbolic");
  update_sensitivity (self);
}

void
_appeals_reception_window_free_arrangements (AppealsReceptionWindow *self)
{
  if (self->arrangements == NULL)
    return;
  g_clear_pointer (&self->arrangements->participants, g_ptr_array_unref);
  g_clear_pointer (&self->arrangements->rows, g_ptr_array_unref);
  g_clear_pointer (&self->arrangements, g_free);
}

void
_appeals_reception_window_class_init_arrangements (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reception.add-participant", NULL, add_participant_action);
  gtk_widget_class_install_action (widget_class, "reception.save-arrangements", NULL, save_arrangements_action);
}

/* Public ------------------------------------------------------------------ */

/**
 * appeals_reception_window_set_arrangement:
 * @place: (nullable): the field reception's place, or the reception's own
 * @video_link: (nullable): an https:// link
 *
 * Fills in where the reception is held, as the page's controls do; it is
 * sent by the "reception.save-arrangements" action.
 */
void
appeals_reception_window_set_arrangement (AppealsReceptionWindow *self,
                                          gboolean                field,
                                          const char             *place,
                                          const char             *video_link)
{
  g_return_if_fail (APPEALS_IS_RECEPTION_WINDOW (self));

  gtk_switch_set_active (self->arrangements->field_switch, field);
  gtk_editable_set_text (GTK_EDITABLE (self->arrangements->place_entry), place != NULL ? place : "");
  gtk_editable_set_text (GTK_EDITABLE (self->arrangements->video_entry), video_link != NULL ? video_link : "");
}

/**
 * appeals_reception_window_add_participant:
 * @role: what the participant takes part as
 * @job_title: (nullable): the position and body; %NULL: the one @role suggests
 *
 * Adds a participant to the page's draft, as the "New Participant" form
 * does when it is filled in and "Add Participant" is pressed.
 */
void
appeals_reception_window_add_participant (AppealsReceptionWindow *self,
                                          AppealsParticipantRole  role,
                                          const char             *name,
                                          const char             *job_title)
{
  ArrangementsForm *form;

  g_return_if_fail (APPEALS_IS_RECEPTION_WINDOW (self));

  form = self->arrangements;
  adw_combo_row_set_selected (form->role_row, role);
  on_role_selected (self);
  gtk_editable_set_text (GTK_EDITABLE (form->name_entry), name);
  if (job_title != NULL)
    gtk_editable_set_text (GTK_EDITABLE (form->job_entry), job_title);
  gtk_widget_activate_action (GTK_WIDGET (self), "reception.add-participant", NULL);
}

/**
 * appeals_reception_window_get_arrangements_page:
 *
 * Returns: (transfer none): the page, to be shown
 */
GtkWidget *
appeals_reception_window_get_arrangements_page (AppealsReceptionWindow *self)
{
  g_return_val_if_fail (APPEALS_IS_RECEPTION_WINDOW (self), NULL);

  return GTK_WIDGET (self->arrangements->page);
}

/**
 * appeals_reception_window_remove_participant:
 * @index: the participant's place in the page's list, from 0
 *
 * Takes a participant off the page's draft, as its row's remove button.
 *
 * Returns: %FALSE when there is no participant @index
 */
gboolean
appeals_reception_window_remove_participant (AppealsReceptionWindow *self,
                                             guint                   index)
{
  g_return_val_if_fail (APPEALS_IS_RECEPTION_WINDOW (self), FALSE);

  if (index >= self->arrangements->participants->len)
    return FALSE;
  g_ptr_array_remove_index (self->arrangements->participants, index);
  _appeals_reception_window_show_participants (self);
  mark_edited (self);
  return TRUE;
}
