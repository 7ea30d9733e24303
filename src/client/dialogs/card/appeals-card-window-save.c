/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-window-save.c: saving a card.
 *
 * Nothing typed is lost: a failed save (no connection, the server down)
 * keeps the draft and tries again with growing pauses while the window is
 * open; the draft is removed only once the server has the card. Saving is
 * a chain of two saves through the appeal service — the applicant
 * (created, or its address/phone patched), then the appeal (created with
 * an idempotency key, or patched with If-Match). A 412 runs the core's
 * three-way merge: when the other person's changes do not touch the
 * fields changed here, the edit is simply applied on top of theirs;
 * otherwise the merge dialog asks, field by field. The journal learns of
 * the save from the service's "appeal-changed", not from this window.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-card-window-private.h"
#include "appeals-window.h"

#define MAX_RETRY_SECONDS 60

static void
set_saving (AppealsCardWindow *self,
            gboolean           saving)
{
  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.save", !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.save-and-new", !saving);
  gtk_spinner_set_spinning (self->spinner, saving);
}

/* The card is on the server. After "Save and New" a blank card takes this
 * one's place, focus in its IIN field, and the saved card closes. */
static void
finish_saved (AppealsCardWindow *self)
{
  _appeals_card_window_emit_saved (self);

  if (self->new_after_save)
    {
      AppealsCardWindow *next = appeals_card_window_new (self->context, self->parent, 0, NULL);
      g_autofree char *message = g_strdup_printf (_("Card %s saved"), self->appeal_base->registration_number);

      self->new_after_save = FALSE;
      gtk_window_present (GTK_WINDOW (next));
      adw_toast_overlay_add_toast (next->toast_overlay, adw_toast_new (message));
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static gboolean
on_retry_save (gpointer user_data)
{
  AppealsCardWindow *self = user_data;

  self->retry_source = 0;
  _appeals_card_window_save (self);
  return G_SOURCE_REMOVE;
}

/* The server could not be reached: the draft stays and the save is tried
 * again, with pauses growing up to a minute. */
static void
save_failed_offline (AppealsCardWindow *self,
                     const GError      *error)
{
  g_autofree char *message = NULL;

  set_saving (self, FALSE);
  self->new_after_save = FALSE;
  appeals_card_window_save_draft_now (self);
  self->retry_seconds = MIN (MAX (self->retry_seconds * 2, 2), MAX_RETRY_SECONDS);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Not saved yet: %s The card is kept as a draft; trying again in %u second.",
                                          "Not saved yet: %s The card is kept as a draft; trying again in %u seconds.",
                                          self->retry_seconds),
                             error->message, self->retry_seconds);
  _appeals_card_window_show_status (self, message);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->retry_source = g_timeout_add_seconds (self->retry_seconds, on_retry_save, self);
  _appeals_card_window_emit_save_failed (self);
}

/* Field errors from the server go beside their fields; the typed data
 * stays as it is. */
static void
save_refused (AppealsCardWindow *self,
              const GError      *error,
              AppealsCardPart    part)
{
  GPtrArray *field_errors = appeals_service_error_get_field_errors (error);
  guint placed = 0;

  /* decided in the meantime: what was typed stays, in the draft too, and
   * the message says why it cannot be saved, not which field */
  if (g_strcmp0 (appeals_service_error_get_problem_code (error), APPEALS_PROBLEM_APPEAL_DECIDED) == 0)
    field_errors = NULL;

  set_saving (self, FALSE);
  self->new_after_save = FALSE;
  appeals_card_window_save_draft_now (self);

  for (guint i = 0; field_errors != NULL && i < field_errors->len; i++)
    {
      const AppealsFieldError *field_error = g_ptr_array_index (field_errors, i);
      g_autofree char *message = appeals_field_error_describe (field_error);

      if (appeals_card_form_has_field (self->form, part, field_error->field))
        {
          appeals_card_form_show_error (self->form, field_error->field, message);
          placed++;
        }
    }

  _appeals_card_window_show_status (self, placed > 0 ? _("Some fields need correcting: see the messages below them.")
                                                     : error->message);
  _appeals_card_window_emit_save_failed (self);
}

/* A save that did not go through: kept and retried when the server was
 * away, explained otherwise. */
static void
save_failed (AppealsCardWindow *self,
             const GError      *error,
             AppealsCardPart    part)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (appeals_service_error_is_offline (error) ||
      g_error_matches (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_TLS))
    save_failed_offline (self, error);
  else
    save_refused (self, error, part);
}

static void
save_succeeded (AppealsCardWindow *self,
                AppealsAppeal     *appeal,
                const char        *etag)
{
  g_autofree char *message = NULL;

  self->loading = TRUE;
  _appeals_card_window_take_appeal (self, appeal, etag);
  self->loading = FALSE;
  self->dirty = FALSE;
  self->retry_seconds = 0;
  set_saving (self, FALSE);
  _appeals_card_window_remove_draft (self);
  _appeals_card_window_show_status (self, NULL);
  appeals_card_form_clear_errors (self->form);
  _appeals_card_window_update_title (self);
  _appeals_card_window_update_due (self);
  _appeals_card_window_load_history (self);

  /* said where the work happens: in the card */
  message = g_strdup_printf (_("Card %s saved"), appeal->registration_number);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  finish_saved (self);
}

static void send_appeal (AppealsCardWindow *self, AppealsAppeal *appeal);

static void
on_merge_resolved (AppealsMergeDialog *dialog,
                   AppealsAppeal      *chosen,
                   AppealsCardWindow  *self)
{
  self->merge_dialog = NULL;

  /* the chosen values go into the form and the save */
  self->loading = TRUE;
  appeals_card_form_set_record (self->form, APPEALS_CARD_PART_APPEAL, chosen);
  self->loading = FALSE;
  send_appeal (self, chosen);
}

static void
on_merge_destroyed (AppealsCardWindow *self)
{
  if (self->merge_dialog != NULL)
    {
      self->merge_dialog = NULL;
      set_saving (self, FALSE);
      self->new_after_save = FALSE;
      _appeals_card_window_show_status (self, _("Not saved: the merge was cancelled. Your changes are kept."));
    }
}

/* 412: someone saved first. Apply this edit on top of theirs when it does
 * not touch what they changed; otherwise ask, field by field. */
static void
handle_conflict (AppealsCardWindow *self,
                 const GError      *error)
{
  g_autofree char *etag = NULL;
  g_autoptr(AppealsAppeal) theirs = appeals_appeal_service_dup_current (error, &etag);
  g_autoptr(AppealsAppeal) mine = NULL;
  g_autoptr(AppealsAppeal) merged = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  if (theirs == NULL)
    {
      save_refused (self, error, APPEALS_CARD_PART_APPEAL);
      return;
    }

  mine = _appeals_card_window_dup_appeal (self);
  merged = appeals_appeal_new ();
  conflicts = appeals_merge_records (appeals_appeal_get_record_type (), self->appeal_base, mine, theirs, merged);

  /* their version becomes the base of this edit, and the fields only
   * they changed show their values */
  g_set_object (&self->appeal_base, theirs);
  g_free (self->appeal_etag);
  self->appeal_etag = g_steal_pointer (&etag);
  self->loading = TRUE;
  appeals_card_form_set_record (self->form, APPEALS_CARD_PART_APPEAL, merged);
  self->loading = FALSE;

  if (conflicts->len == 0)
    {
      send_appeal (self, merged);
      return;
    }

  self->merge_dialog = appeals_merge_dialog_new (GTK_WINDOW (self), self->form, g_steal_pointer (&conflicts),
                                                 merged, theirs);
  g_signal_connect (self->merge_dialog, "resolved", G_CALLBACK (on_merge_resolved), self);
  g_signal_connect_swapped (self->merge_dialog, "destroy", G_CALLBACK (on_merge_destroyed), self);
  gtk_window_present (GTK_WINDOW (self->merge_dialog));
}

static void
on_appeal_saved (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(AppealsAppeal) appeal = appeals_appeal_service_save_finish (APPEALS_APPEAL_SERVICE (source),
                                                                       result, &etag, &error);

  if (appeal != NULL)
    {
      self->receipt_id = 0;  /* registered: the card is the receipt's now */
      save_succeeded (self, appeal, etag);
    }
  else if (g_error_matches (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_PRECONDITION_FAILED))
    handle_conflict (self, error);
  else
    save_failed (self, error, APPEALS_CARD_PART_APPEAL);
}

static void
send_appeal (AppealsCardWindow *self,
             AppealsAppeal     *appeal)
{
  if (self->appeal_id <= 0 && self->receipt_id > 0)
    {
      appeals_appeal_service_register_receipt_async (self->service, appeal, self->receipt_id,
                                                     self->draft->idempotency_key, self->cancellable,
                                                     on_appeal_saved, g_object_ref (self));
      return;
    }
  appeals_appeal_service_save_async (self->service, appeal, self->appeal_id > 0 ? self->appeal_base : NULL,
                                     self->appeal_etag, self->draft->idempotency_key, self->cancellable,
                                     on_appeal_saved, g_object_ref (self));
}

static void
save_appeal (AppealsCardWindow *self)
{
  g_autoptr(AppealsAppeal) appeal = _appeals_card_window_dup_appeal (self);

  if (self->appeal_id > 0 && self->appeal_base != NULL)
    {
      g_autoptr(GPtrArray) changed = appeals_merge_changed_fields (appeals_appeal_get_record_type (),
                                                                   self->appeal_base, appeal);

      if (changed->len == 0)
        {
          self->dirty = FALSE;
          set_saving (self, FALSE);
          _appeals_card_window_remove_draft (self);
          _appeals_card_window_show_status (self, NULL);
          _appeals_card_window_update_title (self);
          finish_saved (self);
          return;
        }
    }

  send_appeal (self, appeal);
}

static void
on_applicant_saved (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(AppealsApplicant) applicant = appeals_appeal_service_save_applicant_finish (APPEALS_APPEAL_SERVICE (source),
                                                                                       result, &etag, &error);

  if (applicant == NULL)
    {
      save_failed (self, error, APPEALS_CARD_PART_APPLICANT);
      return;
    }

  self->loading = TRUE;
  _appeals_card_window_set_applicant (self, applicant, etag);
  self->loading = FALSE;
  save_appeal (self);
}

void
_appeals_card_window_save (AppealsCardWindow *self)
{
  g_autoptr(AppealsApplicant) applicant = NULL;
  g_autoptr(AppealsApplicant) edited = NULL;
  g_autoptr(GPtrArray) changed = NULL;

  if (self->saving)
    return;

  g_clear_handle_id (&self->retry_source, g_source_remove);
  appeals_card_form_clear_errors (self->form);
  set_saving (self, TRUE);
  _appeals_card_window_show_status (self, _("Saving…"));
  appeals_card_window_save_draft_now (self);
  applicant = _appeals_card_window_dup_applicant (self);

  if (self->applicant_id == 0 || self->applicant_base == NULL)
    {
      g_autofree char *key = self->draft->idempotency_key != NULL
                             ? g_strconcat (self->draft->idempotency_key, "-applicant", NULL) : NULL;

      appeals_appeal_service_save_applicant_async (self->service, applicant, NULL, NULL, key, self->cancellable,
                                                   on_applicant_saved, g_object_ref (self));
      return;
    }

  /* a known applicant: only the address and the phone can change */
  edited = appeals_applicant_copy (self->applicant_base);
  g_free (edited->address);
  edited->address = g_strdup (applicant->address);
  g_free (edited->phone);
  edited->phone = g_strdup (applicant->phone);
  changed = appeals_merge_changed_fields (appeals_applicant_get_record_type (), self->applicant_base, edited);
  if (changed->len == 0)
    {
      save_appeal (self);
      return;
    }

  appeals_appeal_service_save_applicant_async (self->service, edited, self->applicant_base, self->applicant_etag,
                                               NULL, self->cancellable, on_applicant_saved, g_object_ref (self));
}
