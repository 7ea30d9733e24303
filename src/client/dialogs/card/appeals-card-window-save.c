/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-window-save.c: saving a card.
 *
 * Nothing typed is lost: a failed save (no connection, the server down)
 * keeps the draft and tries again with growing pauses while the window is
 * open; the draft is removed only once the server has the card. Saving is
 * a chain of asynchronous requests — the applicant (created, or its
 * address/phone patched), then the appeal (created with an idempotency
 * key, or patched with If-Match). A 412 opens the merge dialog unless the
 * other person's changes do not touch the fields changed here, in which
 * case the edit is simply applied on top of theirs.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-card-window-private.h"
#include "appeals-journal-page.h"
#include "appeals-window.h"

#define MAX_RETRY_SECONDS 60

static void
set_saving (AppealsCardWindow *self,
            gboolean           saving)
{
  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.save", !saving);
  gtk_spinner_set_spinning (self->spinner, saving);
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
  appeals_window_connection_lost (self->parent);
  _appeals_card_window_emit_save_failed (self);
}

/* Field errors from the server go beside their fields; the typed data
 * stays as it is. */
static void
save_refused (AppealsCardWindow        *self,
              const AppealsApiResponse *response,
              AppealsCardPart           part)
{
  guint placed = 0;

  set_saving (self, FALSE);
  appeals_card_window_save_draft_now (self);

  for (guint i = 0; response->field_errors != NULL && i < response->field_errors->len; i++)
    {
      const AppealsFieldError *error = g_ptr_array_index (response->field_errors, i);
      g_autofree char *message = appeals_field_error_describe (error);

      if (appeals_card_form_has_field (self->form, part, error->field))
        {
          appeals_card_form_show_error (self->form, error->field, message);
          placed++;
        }
    }

  _appeals_card_window_show_status (self, placed > 0 ? _("Some fields need correcting: see the messages below them.")
                                : appeals_api_response_describe (response));
  _appeals_card_window_emit_save_failed (self);
}

static void
save_succeeded (AppealsCardWindow  *self,
                AppealsApiResponse *response)
{
  JsonObject *appeal = json_node_get_object (response->body);
  g_autofree char *message = NULL;

  self->loading = TRUE;
  _appeals_card_window_take_appeal (self, appeal, response->etag);
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

  message = g_strdup_printf (_("Card %s saved"), json_object_get_string_member (appeal, "registration_number"));
  appeals_window_show_toast (self->parent, message);
  appeals_journal_page_reload (APPEALS_JOURNAL_PAGE (appeals_window_get_journal_page (self->parent)));
  _appeals_card_window_emit_saved (self);
}

/* Members of @values that differ from @base: what this edit changes. */
static JsonObject *
changed_members (JsonObject *values,
                 JsonObject *base)
{
  JsonObject *changed = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (values);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (values, l->data);
      JsonNode *old = base != NULL && json_object_has_member (base, l->data)
                      ? json_object_get_member (base, l->data) : NULL;
      gboolean same = old != NULL ? json_node_equal (value, old) : JSON_NODE_HOLDS_NULL (value);

      if (!same)
        json_object_set_member (changed, l->data, json_node_copy (value));
    }

  return changed;
}

static void send_appeal (AppealsCardWindow *self, JsonObject *patch);

/* Returns the answer to one request of a save, or NULL when there is none
 * (cancelled, or the server is away: then the save is retried later). */
static AppealsApiResponse *
finish_save_step (AppealsCardWindow *self,
                  GObject           *source,
                  GAsyncResult      *result)
{
  g_autoptr(GError) error = NULL;
  AppealsApiResponse *response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source), result, &error);

  if (response == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    save_failed_offline (self, error);
  return response;
}

static void
on_merge_resolved (AppealsMergeDialog *dialog,
                   JsonObject         *chosen,
                   AppealsCardWindow  *self)
{
  g_autoptr(JsonObject) mine = appeals_card_form_get_values (self->form, APPEALS_CARD_PART_APPEAL);
  g_autoptr(JsonObject) patch = changed_members (mine, self->appeal_base);
  g_autoptr(GList) members = json_object_get_members (chosen);

  self->merge_dialog = NULL;

  /* the chosen values go into the form and the patch */
  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (chosen, l->data);

      self->loading = TRUE;
      appeals_card_form_set_value (self->form, l->data, value);
      self->loading = FALSE;
      json_object_set_member (patch, l->data, json_node_copy (value));
    }

  send_appeal (self, patch);
}

static void
on_merge_destroyed (AppealsCardWindow *self)
{
  if (self->merge_dialog != NULL)
    {
      self->merge_dialog = NULL;
      set_saving (self, FALSE);
      _appeals_card_window_show_status (self, _("Not saved: the merge was cancelled. Your changes are kept."));
    }
}

/* 412: someone saved first. Apply this edit on top of theirs when it does
 * not touch what they changed; otherwise ask, field by field. */
static void
handle_conflict (AppealsCardWindow        *self,
                 const AppealsApiResponse *response)
{
  JsonObject *current = JSON_NODE_HOLDS_OBJECT (response->current) ? json_node_get_object (response->current) : NULL;
  g_autoptr(JsonObject) mine = appeals_card_form_get_values (self->form, APPEALS_CARD_PART_APPEAL);
  g_autoptr(JsonObject) my_changes = changed_members (mine, self->appeal_base);
  g_autoptr(GList) members = json_object_get_members (my_changes);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_merge_conflict_free);
  g_autoptr(JsonObject) base = self->appeal_base != NULL ? json_object_ref (self->appeal_base) : NULL;
  g_autofree char *etag = NULL;

  if (current == NULL)
    {
      save_refused (self, response, APPEALS_CARD_PART_APPEAL);
      return;
    }

  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *theirs = json_object_has_member (current, l->data) ? json_object_get_member (current, l->data) : NULL;
      JsonNode *old = base != NULL && json_object_has_member (base, l->data) ? json_object_get_member (base, l->data)
                                                                             : NULL;
      gboolean they_changed = theirs != NULL && (old == NULL || !json_node_equal (theirs, old));
      gboolean same_as_mine = theirs != NULL && json_node_equal (theirs, json_object_get_member (my_changes, l->data));

      if (they_changed && !same_as_mine)
        {
          AppealsMergeConflict *conflict = g_new0 (AppealsMergeConflict, 1);

          conflict->field = g_strdup (l->data);
          conflict->mine = json_node_copy (json_object_get_member (my_changes, l->data));
          conflict->theirs = json_node_copy (theirs);
          g_ptr_array_add (conflicts, conflict);
        }
    }

  /* their version becomes the base of this edit */
  etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "\"",
                          json_object_get_int_member (current, "id"), json_object_get_int_member (current, "version"));
  g_clear_pointer (&self->appeal_base, json_object_unref);
  self->appeal_base = json_object_ref (current);
  g_free (self->appeal_etag);
  self->appeal_etag = g_steal_pointer (&etag);

  /* fields only they changed take their value */
  {
    g_autoptr(GList) current_members = json_object_get_members (current);

    self->loading = TRUE;
    for (const GList *l = current_members; l != NULL; l = l->next)
      if (!json_object_has_member (my_changes, l->data))
        appeals_card_form_set_value (self->form, l->data, json_object_get_member (current, l->data));
    self->loading = FALSE;
  }

  if (conflicts->len == 0)
    {
      send_appeal (self, my_changes);
      return;
    }

  self->merge_dialog = appeals_merge_dialog_new (GTK_WINDOW (self), self->form, g_steal_pointer (&conflicts));
  g_signal_connect (self->merge_dialog, "resolved", G_CALLBACK (on_merge_resolved), self);
  g_signal_connect_swapped (self->merge_dialog, "destroy", G_CALLBACK (on_merge_destroyed), self);
  gtk_window_present (GTK_WINDOW (self->merge_dialog));
}

static void
on_appeal_sent (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(AppealsApiResponse) response = finish_save_step (self, source, result);

  if (response == NULL)
    return;

  if (appeals_api_response_is_success (response))
    save_succeeded (self, response);
  else if (response->status == SOUP_STATUS_PRECONDITION_FAILED)
    handle_conflict (self, response);
  else
    save_refused (self, response, APPEALS_CARD_PART_APPEAL);
}

static void
send_appeal (AppealsCardWindow *self,
             JsonObject        *patch)
{
  JsonNode *body = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) owned = body;

  if (self->appeal_id == 0)
    {
      JsonObject *values = appeals_card_form_get_values (self->form, APPEALS_CARD_PART_APPEAL);

      json_object_set_int_member (values, "applicant_id", self->applicant_id);
      json_node_take_object (body, values);
      appeals_api_client_request_async (_appeals_card_window_get_client (self), "POST", "appeals", body, NULL,
                                        self->draft->idempotency_key, self->cancellable,
                                        on_appeal_sent, g_object_ref (self));
    }
  else
    {
      g_autofree char *path = g_strdup_printf ("appeals/%" G_GINT64_FORMAT, self->appeal_id);

      json_node_set_object (body, patch);
      appeals_api_client_request_async (_appeals_card_window_get_client (self), "PATCH", path, body, self->appeal_etag, NULL,
                                        self->cancellable, on_appeal_sent, g_object_ref (self));
    }
}

static void
save_appeal (AppealsCardWindow *self)
{
  g_autoptr(JsonObject) values = appeals_card_form_get_values (self->form, APPEALS_CARD_PART_APPEAL);
  g_autoptr(JsonObject) patch = changed_members (values, self->appeal_base);

  if (self->appeal_id > 0 && json_object_get_size (patch) == 0)
    {
      self->dirty = FALSE;
      set_saving (self, FALSE);
      _appeals_card_window_remove_draft (self);
      _appeals_card_window_show_status (self, NULL);
      _appeals_card_window_update_title (self);
      _appeals_card_window_emit_saved (self);
      return;
    }

  send_appeal (self, patch);
}

static void
on_applicant_sent (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AppealsCardWindow) self = user_data;
  g_autoptr(AppealsApiResponse) response = finish_save_step (self, source, result);

  if (response == NULL)
    return;

  if (!appeals_api_response_is_success (response))
    {
      save_refused (self, response, APPEALS_CARD_PART_APPLICANT);
      return;
    }

  self->loading = TRUE;
  _appeals_card_window_set_applicant (self, json_node_get_object (response->body), response->etag);
  self->loading = FALSE;
  save_appeal (self);
}

void
_appeals_card_window_save (AppealsCardWindow *self)
{
  g_autoptr(JsonObject) applicant = appeals_card_form_get_values (self->form, APPEALS_CARD_PART_APPLICANT);
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);

  if (self->saving)
    return;

  g_clear_handle_id (&self->retry_source, g_source_remove);
  appeals_card_form_clear_errors (self->form);
  set_saving (self, TRUE);
  _appeals_card_window_show_status (self, _("Saving…"));
  appeals_card_window_save_draft_now (self);

  if (self->applicant_id == 0)
    {
      g_autofree char *key = self->draft->idempotency_key != NULL
                             ? g_strconcat (self->draft->idempotency_key, "-applicant", NULL) : NULL;

      json_node_set_object (body, applicant);
      appeals_api_client_request_async (_appeals_card_window_get_client (self), "POST", "applicants", body, NULL, key,
                                        self->cancellable, on_applicant_sent, g_object_ref (self));
      return;
    }

  /* a known applicant: only the address and the phone can change */
  {
    g_autoptr(JsonObject) changed = changed_members (applicant, self->applicant_base);
    g_autoptr(JsonObject) patch = json_object_new ();
    g_autofree char *path = g_strdup_printf ("applicants/%" G_GINT64_FORMAT, self->applicant_id);

    if (json_object_has_member (changed, "address"))
      json_object_set_member (patch, "address", json_node_copy (json_object_get_member (changed, "address")));
    if (json_object_has_member (changed, "phone"))
      json_object_set_member (patch, "phone", json_node_copy (json_object_get_member (changed, "phone")));

    if (json_object_get_size (patch) == 0)
      {
        save_appeal (self);
        return;
      }

    json_node_set_object (body, patch);
    appeals_api_client_request_async (_appeals_card_window_get_client (self), "PATCH", path, body, self->applicant_etag, NULL,
                                      self->cancellable, on_applicant_sent, g_object_ref (self));
  }
}

