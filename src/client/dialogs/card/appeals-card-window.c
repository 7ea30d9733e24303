/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-window.c: editing one card.
 *
 * Loading, the derived information (deadline, earlier appeals, the IIN),
 * the history, and drafts: every change restarts a short timer that writes
 * a local draft. Saving lives in appeals-card-window-save.c.
 *
 * The card speaks to the server only through the appeal service and
 * holds core models: the applicant and the appeal as last loaded or
 * saved, from which an edit's changes are computed. Due dates and their
 * working days are the server's figures.
 *
 * Signals: "loaded" once the card (or a new empty one) is shown, "saved"
 * after a successful save, "save-failed" when a save did not go through.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-card-window-private.h"
#include "appeals-merge-dialog.h"
#include "appeals-window.h"

/* applicant fields that do not change after registration */
static const char *locked_applicant_fields[] = {
  "iin", "surname", "given_name", "patronymic", "social_status", "occupation", "organisation_name",
  "representative_position", NULL
};


G_DEFINE_FINAL_TYPE (AppealsCardWindow, appeals_card_window, ADW_TYPE_WINDOW)

enum {
  LOADED,
  SAVED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


void
_appeals_card_window_emit_saved (AppealsCardWindow *self)
{
  g_signal_emit (self, signals[SAVED], 0);
}

void
_appeals_card_window_emit_save_failed (AppealsCardWindow *self)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0);
}

AppealsCardForm *
appeals_card_window_get_form (AppealsCardWindow *self)
{
  return self->form;
}

gint64
appeals_card_window_get_appeal_id (AppealsCardWindow *self)
{
  return self->appeal_id;
}

gboolean
appeals_card_window_is_busy (AppealsCardWindow *self)
{
  return self->saving || self->loading;
}

AppealsMergeDialog *
appeals_card_window_get_merge_dialog (AppealsCardWindow *self)
{
  return self->merge_dialog;
}

const char *
appeals_card_window_get_draft_key (AppealsCardWindow *self)
{
  return self->draft->key;
}

/**
 * _appeals_card_window_dup_appeal:
 *
 * Returns: (transfer full): the appeal as edited: the last loaded or saved
 *   version with the form's values over it.
 */
AppealsAppeal *
_appeals_card_window_dup_appeal (AppealsCardWindow *self)
{
  AppealsAppeal *appeal = self->appeal_base != NULL ? appeals_appeal_copy (self->appeal_base) : appeals_appeal_new ();

  appeals_card_form_get_record (self->form, APPEALS_CARD_PART_APPEAL, appeal);
  if (self->applicant_id > 0)
    appeal->applicant_id = self->applicant_id;
  return appeal;
}

AppealsApplicant *
_appeals_card_window_dup_applicant (AppealsCardWindow *self)
{
  AppealsApplicant *applicant = self->applicant_base != NULL ? appeals_applicant_copy (self->applicant_base)
                                                             : appeals_applicant_new ();

  appeals_card_form_get_record (self->form, APPEALS_CARD_PART_APPLICANT, applicant);
  return applicant;
}

void
_appeals_card_window_show_status (AppealsCardWindow *self,
             const char        *message)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->status_revealer, message != NULL);
}

void
_appeals_card_window_update_title (AppealsCardWindow *self)
{
  const char *number = self->appeal_base != NULL ? self->appeal_base->registration_number : NULL;
  g_autofree char *title = number != NULL ? g_strdup_printf (_("Card %s"), number) : g_strdup (_("New Card"));

  gtk_window_set_title (GTK_WINDOW (self), title);
  /* beside the switcher the number alone says it */
  adw_window_title_set_title (self->window_title, number != NULL ? number : title);
  adw_window_title_set_subtitle (self->window_title, self->dirty ? _("Unsaved changes") : NULL);
  /* a reception is booked on a registered appeal */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.book-reception", number != NULL && self->parent != NULL);
}

static void
book_reception_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AppealsCardWindow *self = APPEALS_CARD_WINDOW (widget);
  g_autofree char *iin = g_strstrip (g_strdup (appeals_card_form_get_text (self->form, "iin")));

  /* the receptions are the main window's: the application takes it there */
  gtk_widget_activate_action (GTK_WIDGET (self), "app.book-reception", "(sx)", iin, self->appeal_id);
}

/* Drafts ------------------------------------------------------------------ */

void
appeals_card_window_save_draft_now (AppealsCardWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsApplicant) applicant = _appeals_card_window_dup_applicant (self);
  g_autoptr(AppealsAppeal) appeal = _appeals_card_window_dup_appeal (self);

  g_clear_handle_id (&self->autosave_source, g_source_remove);

  appeals_draft_set_card (self->draft, applicant, appeal);
  self->draft->appeal_id = self->appeal_id;
  g_free (self->draft->etag);
  self->draft->etag = g_strdup (self->appeal_etag);

  if (!appeals_draft_save (appeals_context_get_server_url (self->context), self->draft, &error))
    g_warning ("draft %s: %s", self->draft->key, error->message);
}

static gboolean
on_autosave (gpointer user_data)
{
  AppealsCardWindow *self = user_data;

  self->autosave_source = 0;
  if (self->dirty)
    appeals_card_window_save_draft_now (self);
  return G_SOURCE_REMOVE;
}

void
_appeals_card_window_remove_draft (AppealsCardWindow *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  appeals_draft_remove (appeals_context_get_server_url (self->context), self->draft);
}

/* The applicant ------------------------------------------------------------ */

/* the complaint's subject is asked for complaints only */
static void
show_complaint_subject (AppealsCardWindow *self)
{
  appeals_card_form_set_visible (self->form, "complaint_subject",
                                 g_strcmp0 (appeals_card_form_get_choice (self->form, "category"), "complaint") == 0);
}

static void describe_iin (AppealsCardWindow *self,
                          const char        *iin);

void
_appeals_card_window_set_applicant (AppealsCardWindow *self,
                                    AppealsApplicant  *applicant,
                                    const char        *etag)
{
  self->applicant_id = applicant->id;
  g_free (self->applicant_etag);
  self->applicant_etag = g_strdup (etag);
  g_set_object (&self->applicant_base, applicant);

  appeals_card_form_set_record (self->form, APPEALS_CARD_PART_APPLICANT, applicant);
  describe_iin (self, applicant->iin != NULL ? applicant->iin : "");
  for (guint i = 0; locked_applicant_fields[i] != NULL; i++)
    appeals_card_form_set_locked (self->form, locked_applicant_fields[i], self->applicant_id > 0);
}

static void
describe_iin (AppealsCardWindow *self,
              const char        *iin)
{
  g_autofree char *text = NULL;
  AppealsSex sex;
  GDate birth;

  if (appeals_iin_parse (iin, &birth, &sex, NULL))
    {
      char date[32];
      GDate today;
      int age;

      appeals_date_get_today (&today);
      g_date_strftime (date, sizeof date, "%d.%m.%Y", &birth);
      age = appeals_iin_age_on (iin, &today);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Born %s · %s · %d year old",
                                           "Born %s · %s · %d years old", age),
                              date, appeals_enum_get_label (APPEALS_TYPE_SEX, sex), age);
    }
  else if (appeals_bin_validate (iin, NULL))
    text = g_strdup (_("A legal entity (BIN)"));

  gtk_label_set_text (self->iin_info, text != NULL ? text : "");
  _appeals_card_window_show_organisation (self, iin);
}

static void
on_applicant_found (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(AppealsApplicant) applicant = appeals_appeal_service_find_applicant_finish (APPEALS_APPEAL_SERVICE (source),
                                                                                       result, &etag, &error);

  if (error != NULL)
    return;

  /* a known IIN fills the applicant's base card */
  if (applicant != NULL)
    {
      _appeals_card_window_set_applicant (self, applicant, etag);
      _appeals_card_window_load_earlier (self);
    }
}

static void
on_iin_changed (AppealsCardWindow *self)
{
  g_autofree char *iin = g_strstrip (g_strdup (appeals_card_form_get_text (self->form, "iin")));
  g_autoptr(GError) error = NULL;

  describe_iin (self, iin);

  if (strlen (iin) < 12)
    {
      appeals_card_form_show_error (self->form, "iin", NULL);
      return;
    }

  if (appeals_tax_id_classify (iin) == APPEALS_TAX_ID_INVALID)
    {
      appeals_iin_validate (iin, &error);
      appeals_card_form_show_error (self->form, "iin", error->message);
      return;
    }

  appeals_card_form_show_error (self->form, "iin", NULL);
  if (self->applicant_id > 0 || g_strcmp0 (iin, self->looked_up_iin) == 0)
    return;

  g_free (self->looked_up_iin);
  self->looked_up_iin = g_strdup (iin);
  appeals_appeal_service_find_applicant_async (self->service, iin, self->cancellable,
                                               on_applicant_found, g_object_ref (self));
}

static void
on_form_changed (AppealsCardForm   *form,
                 const char        *field,
                 AppealsCardWindow *self)
{
  GSettings *settings = appeals_context_get_settings (self->context);

  if (g_str_equal (field, "iin"))
    on_iin_changed (self);
  else
    appeals_card_form_show_error (self->form, field, NULL);

  if (g_str_equal (field, "category"))
    show_complaint_subject (self);
  if (g_str_equal (field, "kind"))
    _appeals_card_window_update_due (self);
  if (g_str_equal (field, "question_character"))
    _appeals_card_window_load_earlier (self);

  if (self->loading)
    return;

  self->dirty = TRUE;
  _appeals_card_window_update_title (self);
  /* saved a few seconds after the first unsaved change, however long the
   * typing goes on */
  if (self->autosave_source == 0)
    self->autosave_source = g_timeout_add_seconds (g_settings_get_int (settings, "draft-autosave-seconds"),
                                                   on_autosave, self);
}

/* Loading ------------------------------------------------------------------- */

static void
finish_loading (AppealsCardWindow *self)
{
  g_autoptr(AppealsAppeal) kept_appeal = appeals_draft_dup_appeal (self->draft);
  g_autoptr(AppealsApplicant) kept_applicant = appeals_draft_dup_applicant (self->draft);

  self->loading = FALSE;

  /* a kept draft goes over what the server has */
  if (kept_appeal != NULL)
    {
      if (kept_applicant != NULL)
        appeals_card_form_set_record (self->form, APPEALS_CARD_PART_APPLICANT, kept_applicant);
      appeals_card_form_set_record (self->form, APPEALS_CARD_PART_APPEAL, kept_appeal);
      self->dirty = TRUE;
      _appeals_card_window_show_status (self, _("Restored from a draft that was not saved"));
      if (self->applicant_id == 0)
        on_iin_changed (self);
    }

  show_complaint_subject (self);

  _appeals_card_window_update_title (self);
  _appeals_card_window_update_due (self);
  _appeals_card_window_load_earlier (self);
  _appeals_card_window_load_history (self);
  _appeals_card_window_load_files (self);
  _appeals_card_window_load_orders (self);
  _appeals_card_window_load_reads (self);
  gtk_spinner_stop (self->spinner);
  g_signal_emit (self, signals[LOADED], 0);
}

static gboolean
finish_loading_idle (gpointer user_data)
{
  finish_loading (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_card_applicant_loaded (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(AppealsApplicant) applicant = appeals_appeal_service_get_applicant_finish (APPEALS_APPEAL_SERVICE (source),
                                                                                      result, &etag, &error);

  if (applicant != NULL)
    {
      self->loading = TRUE;
      _appeals_card_window_set_applicant (self, applicant, etag);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _appeals_card_window_show_status (self, error->message);

  finish_loading (self);
}

void
_appeals_card_window_take_appeal (AppealsCardWindow *self,
                                  AppealsAppeal     *appeal,
                                  const char        *etag)
{
  gboolean decided;

  g_set_object (&self->appeal_base, appeal);
  g_free (self->appeal_etag);
  self->appeal_etag = g_strdup (etag);
  self->appeal_id = appeal->id;
  self->applicant_id = appeal->applicant_id;

  self->loading = TRUE;
  appeals_card_form_set_record (self->form, APPEALS_CARD_PART_APPEAL, appeal);
  self->loading = FALSE;
  /* a decided appeal's card stays as it was decided until the head
   * reopens it (the server answers 409 appeal_decided to an edit); the
   * applicant's address and phone stay editable */
  decided = appeals_lifecycle_is_decided (appeal->status);
  appeals_card_form_set_part_locked (self->form, APPEALS_CARD_PART_APPEAL, decided);
  adw_preferences_group_set_description (self->appeal_group,
                                         decided ? appeals_problem_code_describe (APPEALS_PROBLEM_APPEAL_DECIDED)
                                                 : NULL);
  _appeals_card_window_update_actions (self);
  _appeals_card_window_update_course (self);
}

static void
on_appeal_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(AppealsAppeal) appeal = appeals_appeal_service_get_appeal_finish (APPEALS_APPEAL_SERVICE (source),
                                                                             result, &etag, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (appeal == NULL)
    {
      _appeals_card_window_show_status (self, error->message);
      finish_loading (self);
      return;
    }

  _appeals_card_window_take_appeal (self, appeal, etag);
  self->loading = TRUE;

  appeals_appeal_service_get_applicant_async (self->service, self->applicant_id, self->cancellable,
                                              on_card_applicant_loaded, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AppealsCardWindow *self = APPEALS_CARD_WINDOW (widget);

  self->retry_seconds = 0;
  _appeals_card_window_save (self);
}

/* A registrar with a queue of visitors: save this card and start the
 * next one (Ctrl+Shift+S). */
static void
save_and_new_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AppealsCardWindow *self = APPEALS_CARD_WINDOW (widget);

  self->new_after_save = TRUE;
  self->retry_seconds = 0;
  _appeals_card_window_save (self);
}

/* Closing keeps unsaved work as a draft. */
static gboolean
appeals_card_window_close_request (GtkWindow *window)
{
  AppealsCardWindow *self = APPEALS_CARD_WINDOW (window);

  if (self->dirty)
    {
      appeals_card_window_save_draft_now (self);
      /* the card goes: the main window says it */
      gtk_widget_activate_action (GTK_WIDGET (self), "app.show-toast", "s", _("The unsaved card is kept as a draft"));
    }

  return GTK_WINDOW_CLASS (appeals_card_window_parent_class)->close_request (window);
}

static void
appeals_card_window_dispose (GObject *object)
{
  AppealsCardWindow *self = (AppealsCardWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (self->form != NULL)
    g_signal_handlers_disconnect_by_data (self->form, self);
  g_clear_object (&self->form);
  g_clear_pointer (&self->repeat_rows, g_ptr_array_unref);
  g_clear_pointer (&self->file_rows, g_ptr_array_unref);
  g_clear_pointer (&self->order_rows, g_ptr_array_unref);
  g_clear_pointer (&self->read_rows, g_ptr_array_unref);
  g_clear_object (&self->opened_file);

  gtk_widget_dispose_template (GTK_WIDGET (self), APPEALS_TYPE_CARD_WINDOW);

  G_OBJECT_CLASS (appeals_card_window_parent_class)->dispose (object);
}

static void
appeals_card_window_finalize (GObject *object)
{
  AppealsCardWindow *self = (AppealsCardWindow *)object;

  g_clear_pointer (&self->draft, appeals_draft_free);
  g_free (self->appeal_etag);
  g_free (self->applicant_etag);
  g_free (self->looked_up_iin);
  g_clear_object (&self->appeal_base);
  g_clear_object (&self->applicant_base);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_card_window_parent_class)->finalize (object);
}

static void
appeals_card_window_class_init (AppealsCardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = appeals_card_window_dispose;
  object_class->finalize = appeals_card_window_finalize;
  window_class->close_request = appeals_card_window_close_request;

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/appeals-card-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, action_bar);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, applicant_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, iin_info);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, appeal_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, due_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, course_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, history_stack);
  gtk_widget_class_bind_template_child (widget_class, AppealsCardWindow, history_list);

  gtk_widget_class_install_action (widget_class, "card.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "card.save-and-new", NULL, save_and_new_action);
  gtk_widget_class_install_action (widget_class, "card.book-reception", NULL, book_reception_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "card.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "card.book-reception", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "card.save-and-new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

/* libadwaita 1.2 gives the split button's arrow no accessible name: a
 * screen reader would say only "button". */
static void
name_save_menu (AppealsCardWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->save_button)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("More Ways to Save"), -1);
}

static void
appeals_card_window_init (AppealsCardWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_save_menu (self);

  self->cancellable = g_cancellable_new ();
  self->repeat_rows = g_ptr_array_new ();
}

/* A refresh brought new rules (a holiday, a term): the due date moves. */
static void
on_rules_changed (AppealsCardWindow *self)
{
  if (self->form != NULL && !self->loading)
    _appeals_card_window_update_due (self);
}

/**
 * appeals_card_window_new:
 * @appeal_id: the appeal to edit, or 0 for a new card
 * @draft: (nullable): a kept draft to restore over the server's version
 */
AppealsCardWindow *
appeals_card_window_new (AppealsContext     *context,
                         AppealsWindow      *parent,
                         gint64              appeal_id,
                         const AppealsDraft *draft)
{
  AppealsCardWindow *self;

  g_return_val_if_fail (APPEALS_IS_CONTEXT (context), NULL);

  self = g_object_new (APPEALS_TYPE_CARD_WINDOW,
                       "application", parent != NULL ? gtk_window_get_application (GTK_WINDOW (parent)) : NULL,
                       "transient-for", NULL,
                       NULL);
  self->context = g_object_ref (context);
  self->service = appeals_context_get_appeal_service (context);
  self->parent = parent;
  self->appeal_id = appeal_id;
  self->draft = draft != NULL ? appeals_draft_copy (draft) : appeals_draft_new (appeal_id);
  self->form = appeals_card_form_new (appeals_context_get_reference_service (context),
                                      self->applicant_group, self->appeal_group, appeal_id > 0);
  g_signal_connect (self->form, "changed", G_CALLBACK (on_form_changed), self);
  _appeals_card_window_build_files (self);
  _appeals_card_window_build_orders (self);
  g_signal_connect_object (appeals_context_get_reference_service (context),
                           "changed", G_CALLBACK (on_rules_changed), self, G_CONNECT_SWAPPED);

  self->loading = TRUE;
  gtk_spinner_start (self->spinner);
  _appeals_card_window_update_title (self);

  if (appeal_id > 0)
    appeals_appeal_service_get_appeal_async (self->service, appeal_id, self->cancellable,
                                             on_appeal_loaded, g_object_ref (self));
  else
    {
      AppealsUser *user = appeals_context_get_user (context);

      /* sensible starting values for a registrar */
      appeals_card_form_set_choice (self->form, "language", g_str_equal (appeals_ui_language (), "ru") ? "ru" : "kk");
      if (user != NULL && user->district != NULL)
        appeals_card_form_set_choice (self->form, "district", user->district);
      gtk_stack_set_visible_child_name (self->history_stack, "empty");
      /* a new card starts where the registrar starts typing */
      gtk_window_set_focus (GTK_WINDOW (self), appeals_card_form_get_widget (self->form, "iin"));
      g_idle_add_full (G_PRIORITY_DEFAULT, finish_loading_idle, g_object_ref (self), g_object_unref);
    }

  return self;
}
