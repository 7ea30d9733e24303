/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-review-page.c: the leadership's review of the receptions of the
 * next three working days.
 *
 * Each reception shows its materials — the reference note, the
 * applicant's documents, the bodies' positions — with what is still
 * missing, and how far its preparation has come. The leadership marks it
 * reviewed with instructions, and can export all its materials as one
 * PDF pack. Other roles read.
 *
 * The list is the reception service's; it comes again whenever the
 * service says a reception changed (reviewed here, or its materials
 * attached in a reception window).
 *
 * Signals: "loaded" after the list came; "pack-exported" (string: the
 * file, or NULL when printed) after an export.
 *
 * This file: the list, the detail and the review; the materials and the
 * pack are in appeals-review-page-pack.c.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "appeals-error-status.h"
#include "appeals-reception-text.h"
#include "appeals-draft-binding.h"
#include "appeals-form-drafts.h"
#include "appeals-review-page-private.h"
#include "appeals-undo-toast.h"
#include "appeals-text-view.h"

static const char *material_kinds[] = { "reference_note", "applicant_document", "body_position" };


G_DEFINE_FINAL_TYPE (AppealsReviewPage, appeals_review_page, GTK_TYPE_BOX)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsReviewPage, appeals_review_page)

enum {
  LOADED,
  PACK_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_appeals_review_page_pack_exported (AppealsReviewPage *self,
                                    const char        *path)
{
  g_signal_emit (self, signals[PACK_EXPORTED], 0, path);
}

AppealsReceptionService *
_appeals_review_page_get_service (AppealsReviewPage *self)
{
  return appeals_context_get_reception_service (self->context);
}

void
_appeals_review_page_toast (AppealsReviewPage *self,
                            const char        *text)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", text);
}

static gboolean
is_leadership (AppealsReviewPage *self)
{
  AppealsUser *user = self->context != NULL ? appeals_context_get_user (self->context) : NULL;

  return user != NULL && user->role == APPEALS_ROLE_LEADERSHIP;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

void
_appeals_review_page_update_actions (AppealsReviewPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.mark", self->current != NULL && !self->busy && is_leadership (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export", self->current != NULL && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.open", self->current != NULL);
  gtk_text_view_set_editable (self->instructions_view, is_leadership (self));
}

/* Detail ---------------------------------------------------------------- */

static char *
draft_name (gint64 reception_id)
{
  return g_strdup_printf ("review-%" G_GINT64_FORMAT, reception_id);
}

/* What the leadership types as instructions is kept per reception until
 * the server has the review. */
static void
keep_draft (AppealsReviewPage *self,
            gint64             reception_id)
{
  g_autofree char *name = draft_name (reception_id);

  if (!is_leadership (self))
    return;
  self->draft = appeals_draft_binding_new (self->context, name);
  appeals_draft_binding_add_text_view (self->draft, "instructions", self->instructions_view);
  appeals_draft_binding_restore (self->draft);
}

static void
show_detail (AppealsReviewPage  *self,
             AppealsReviewEntry *entry)
{
  AppealsReception *reception = entry->reception;
  GPtrArray *steps = reception->steps;
  g_autofree char *date = appeals_format_date (&reception->date);
  g_autofree char *when = g_strdup_printf ("%s, %s", date, or_empty (reception->start_time));
  g_autofree char *preparation = NULL;
  g_autofree char *description = NULL;
  guint done = 0, overdue = 0, kinds_present = 0;

  g_set_object (&self->current, entry);

  adw_preferences_group_set_title (self->summary_group, or_empty (reception->applicant_name));
  adw_action_row_set_subtitle (self->when_row, when);
  adw_action_row_set_subtitle (self->official_row, or_empty (reception->official_name));
  adw_action_row_set_subtitle (self->question_row, or_empty (reception->question));

  for (guint i = 0; i < steps->len; i++)
    {
      AppealsReceptionStep *step = g_ptr_array_index (steps, i);

      done += step->done;
      overdue += step->overdue;
    }
  preparation = overdue > 0
                ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u steps done, %u overdue",
                                                "%u of %u steps done, %u overdue", done),
                                   done, steps->len, overdue)
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u steps done", "%u of %u steps done", done),
                                   done, steps->len);
  adw_action_row_set_subtitle (self->preparation_row, preparation);
  if (overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->preparation_row), "overdue-row");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->preparation_row), "overdue-row");

  for (guint i = 0; i < self->material_rows->len; i++)
    adw_preferences_group_remove (self->materials_group, g_ptr_array_index (self->material_rows, i));
  g_ptr_array_set_size (self->material_rows, 0);

  /* one row per kind the leadership needs, missing ones said so */
  for (guint k = 0; k < G_N_ELEMENTS (material_kinds); k++)
    {
      g_autoptr(GString) files = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;
      guint n = 0;

      for (guint i = 0; i < reception->attachments->len; i++)
        {
          AppealsAttachment *attachment = g_ptr_array_index (reception->attachments, i);
          g_autofree char *size = NULL;

          if (g_strcmp0 (attachment->kind, material_kinds[k]) != 0)
            continue;
          size = g_format_size (attachment->size);
          g_string_append_printf (files, "%s%s (%s)", n > 0 ? "\n" : "", or_empty (attachment->file_name), size);
          n++;
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), appeals_material_kind_label (material_kinds[k]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), n > 0 ? files->str : _("Missing"));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      icon = gtk_image_new_from_icon_name (n > 0 ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, n > 0 ? "success" : "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->materials_group, row);
      g_ptr_array_add (self->material_rows, row);
      kinds_present += n > 0;
    }
  gtk_level_bar_set_value (self->materials_level, kinds_present);
  description = g_strdup_printf (_("%u of %u kinds of materials are here"), kinds_present,
                                 (guint) G_N_ELEMENTS (material_kinds));
  adw_preferences_group_set_description (self->materials_group, description);

  /* the draft of the reception shown before must not take this one's text */
  g_clear_object (&self->draft);
  if (reception->review != NULL)
    {
      g_autoptr(GDateTime) local = reception->review->reviewed_at != NULL
                                   ? g_date_time_to_local (reception->review->reviewed_at) : NULL;
      g_autofree char *stamp = local != NULL ? g_date_time_format (local, "%d.%m.%Y %H:%M") : g_strdup ("");
      g_autofree char *text = g_strdup_printf (_("Reviewed by %s on %s"), or_empty (reception->review->reviewed_by), stamp);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->instructions_view),
                                or_empty (reception->review->instructions), -1);
      gtk_label_set_text (self->reviewed_label, text);
    }
  else
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->instructions_view), "", -1);
      gtk_label_set_text (self->reviewed_label, _("Not reviewed yet"));
    }
  keep_draft (self, reception->id);

  _appeals_review_page_update_actions (self);
}

static void
on_row_selected (AppealsReviewPage *self,
                 GtkListBoxRow     *row)
{
  int index;

  if (row == NULL || self->items == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  if (index >= 0 && (guint) index < self->items->len)
    show_detail (self, g_ptr_array_index (self->items, index));
}

/* List ------------------------------------------------------------------ */

static GtkWidget *
new_list_row (AppealsReviewEntry *entry)
{
  AppealsReception *reception = entry->reception;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = appeals_format_date (&reception->date);
  g_autofree char *title = g_strdup_printf ("%s %s · %s", date, or_empty (reception->start_time),
                                            or_empty (reception->applicant_name));
  /* TRANSLATORS: how many of the materials the leadership needs are here */
  g_autofree char *completeness = g_strdup_printf (_("Materials: %u of %u"), (guint) entry->materials_done,
                                                   (guint) entry->materials_needed);
  GtkWidget *tag = gtk_label_new (completeness);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), or_empty (reception->official_name));
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "tag");
  gtk_widget_add_css_class (tag, entry->complete ? "complete-tag" : "overdue-tag");
  gtk_widget_set_tooltip_text (tag, entry->complete ? _("All materials are here") : _("Some materials are missing"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
  if (reception->review != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_set_tooltip_text (icon, _("Reviewed"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  return row;
}

static void
show_list (AppealsReviewPage *self,
           const GDate       *until,
           gint64             keep_id)
{
  GtkWidget *child;
  g_autofree char *until_text = appeals_format_date (until);
  g_autofree char *window = g_strdup_printf (_("Receptions until %s, three working days ahead"), until_text);
  int select = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  gtk_label_set_text (self->window_label, window);

  if (self->items == NULL || self->items->len == 0)
    {
      g_clear_object (&self->current);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      _appeals_review_page_update_actions (self);
      return;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      AppealsReviewEntry *entry = g_ptr_array_index (self->items, i);

      gtk_list_box_append (self->list_box, new_list_row (entry));
      if (entry->reception->id == keep_id)
        select = i;
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, select));
}

static void
on_review_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AppealsReviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 keep = self->current != NULL ? self->current->reception->id : 0;
  GDate until;

  items = appeals_reception_service_list_review_finish (APPEALS_RECEPTION_SERVICE (source), result, &until, &error);
  if (items == NULL)
    {
      /* a role without the review sees why the page is empty, once, here */
      if (g_error_matches (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_FORBIDDEN))
        {
          appeals_review_page_clear (self);
          appeals_error_status_show (self->forbidden_page, error, NULL);
          gtk_stack_set_visible_child_name (self->stack, "forbidden");
        }
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _appeals_review_page_toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_steal_pointer (&items);
  show_list (self, &until, keep);
  g_signal_emit (self, signals[LOADED], 0);
}

void
appeals_review_page_reload (AppealsReviewPage *self)
{
  appeals_reception_service_list_review_async (_appeals_review_page_get_service (self), self->cancellable, on_review_loaded,
                                               g_object_ref (self));
}

void
appeals_review_page_clear (AppealsReviewPage *self)
{
  g_clear_pointer (&self->items, g_ptr_array_unref);
  show_list (self, NULL, 0);
}

/* A reception changed somewhere: its review, steps or materials. */
static void
on_reception_changed (AppealsReviewPage *self)
{
  if (self->items != NULL)
    appeals_review_page_reload (self);
}

/* Marking reviewed ------------------------------------------------------ */

/* A review waits a few seconds for its Undo, while the next reception is
 * shown; then it goes to the server, and the list comes again through
 * the service's "reception-changed". */
typedef struct
{
  GWeakRef        page;
  AppealsContext *context;
  gint64          reception_id;
  char           *instructions;
} Pending;

static void
pending_free (Pending *pending)
{
  g_weak_ref_clear (&pending->page);
  g_clear_object (&pending->context);
  g_free (pending->instructions);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static Pending *
pending_copy (Pending *pending)
{
  Pending *copy = g_new0 (Pending, 1);
  g_autoptr(GObject) page = g_weak_ref_get (&pending->page);

  g_weak_ref_init (&copy->page, page);
  copy->context = g_object_ref (pending->context);
  copy->reception_id = pending->reception_id;
  copy->instructions = g_strdup (pending->instructions);
  return copy;
}

static void
on_marked (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  g_autoptr(AppealsReviewPage) self = g_weak_ref_get (&pending->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsReception) reception = appeals_reception_service_change_finish (APPEALS_RECEPTION_SERVICE (source),
                                                                                  result, &error);
  AppealsUser *user = appeals_context_get_user (pending->context);

  if (reception == NULL)
    {
      /* the draft stays: the instructions come back with the reception */
      if (self != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _appeals_review_page_toast (self, error->message);
      return;
    }
  if (user != NULL)
    {
      g_autofree char *name = draft_name (pending->reception_id);

      appeals_form_draft_remove (appeals_context_get_server_url (pending->context), user->login, name);
    }
}

static void
commit (gpointer user_data)
{
  Pending *pending = user_data;
  g_autoptr(AppealsReviewPage) self = g_weak_ref_get (&pending->page);

  if (self != NULL)
    g_clear_object (&self->undo_toast);
  appeals_reception_service_post_review_async (appeals_context_get_reception_service (pending->context),
                                               pending->reception_id, pending->instructions, NULL, on_marked,
                                               pending_copy (pending));
}

static void
undo (gpointer user_data)
{
  Pending *pending = user_data;
  g_autoptr(AppealsReviewPage) self = g_weak_ref_get (&pending->page);

  if (self == NULL)
    return;
  g_clear_object (&self->undo_toast);
  /* the instructions come back from the draft */
  appeals_review_page_select (self, pending->reception_id);
}

static void
commit_pending (AppealsReviewPage *self)
{
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);

  if (toast != NULL)
    adw_toast_dismiss (toast);
}

static void
mark_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AppealsReviewPage *self = APPEALS_REVIEW_PAGE (widget);
  g_autofree char *instructions = NULL;
  g_autofree char *title = NULL;
  GtkListBoxRow *next;
  Pending *pending;
  int position;

  if (self->current == NULL || self->busy)
    return;
  commit_pending (self);
  instructions = appeals_text_view_dup_text (self->instructions_view);

  pending = g_new0 (Pending, 1);
  g_weak_ref_init (&pending->page, self);
  pending->context = g_object_ref (self->context);
  pending->reception_id = self->current->reception->id;
  pending->instructions = g_strdup (g_strstrip (instructions));
  /* TRANSLATORS: a toast with Undo; %s is the visitor's name */
  title = g_strdup_printf (_("The reception of %s is marked as reviewed"), or_empty (self->current->reception->applicant_name));

  /* the next reception of the list, if there is one */
  position = gtk_list_box_row_get_index (gtk_list_box_get_selected_row (self->list_box));
  next = gtk_list_box_get_row_at_index (self->list_box, position + 1);
  if (next != NULL)
    gtk_list_box_select_row (self->list_box, next);
  self->undo_toast = g_object_ref (appeals_undo_toast_show (self->toast_overlay, title, commit, undo, pending,
                                                            (GDestroyNotify) pending_free));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AppealsReviewPage *self = APPEALS_REVIEW_PAGE (widget);

  if (self->undo_toast != NULL)
    g_signal_emit_by_name (self->undo_toast, "button-clicked");
}

/* For the tests */

guint
appeals_review_page_get_n_items (AppealsReviewPage *self)
{
  return self->items != NULL ? self->items->len : 0;
}

/**
 * appeals_review_page_get_current:
 *
 * Returns: (transfer none) (nullable): the entry shown in detail
 */
AppealsReviewEntry *
appeals_review_page_get_current (AppealsReviewPage *self)
{
  return self->current;
}

gboolean
appeals_review_page_can_review (AppealsReviewPage *self)
{
  return self->current != NULL && is_leadership (self);
}

gboolean
appeals_review_page_select (AppealsReviewPage *self,
                            gint64             reception_id)
{
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    if (((AppealsReviewEntry *) g_ptr_array_index (self->items, i))->reception->id == reception_id)
      {
        gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, i));
        return TRUE;
      }
  return FALSE;
}

void
appeals_review_page_set_instructions (AppealsReviewPage *self,
                                      const char        *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->instructions_view), text, -1);
}

char *
appeals_review_page_dup_instructions (AppealsReviewPage *self)
{
  return appeals_text_view_dup_text (self->instructions_view);
}

/* Construction ---------------------------------------------------------- */

static void
appeals_review_page_dispose (GObject *object)
{
  AppealsReviewPage *self = APPEALS_REVIEW_PAGE (object);

  /* a review still waiting for its Undo is given now */
  commit_pending (self);
  g_clear_object (&self->draft);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_review_page_parent_class)->dispose (object);
}

static void
appeals_review_page_finalize (GObject *object)
{
  AppealsReviewPage *self = APPEALS_REVIEW_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->current);
  g_clear_pointer (&self->material_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (appeals_review_page_parent_class)->finalize (object);
}

static void
appeals_review_page_constructed (GObject *object)
{
  AppealsReviewPage *self = APPEALS_REVIEW_PAGE (object);

  G_OBJECT_CLASS (appeals_review_page_parent_class)->constructed (object);

  g_signal_connect_object (_appeals_review_page_get_service (self), "reception-changed", G_CALLBACK (on_reception_changed), self,
                           G_CONNECT_SWAPPED);
  _appeals_review_page_update_actions (self);
}

static void
appeals_review_page_class_init (AppealsReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = appeals_review_page_constructed;
  object_class->dispose = appeals_review_page_dispose;

  appeals_review_page_install_context_property (G_OBJECT_CLASS (klass));
  object_class->finalize = appeals_review_page_finalize;

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PACK_EXPORTED] = g_signal_new ("pack-exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/kz/gov/kostanay/AppealsDesk/ui/appeals-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsReviewPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AppealsReviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AppealsReviewPage, forbidden_page);
  gtk_widget_class_bind_template_child (widget_class, AppealsReviewPage, window_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsReviewPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, AppealsReviewPage, summary_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsReviewPage, when_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsReviewPage, official_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsReviewPage, question_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsReviewPage, preparation_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsReviewPage, materials_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsReviewPage, materials_level);
  gtk_widget_class_bind_template_child (widget_class, AppealsReviewPage, instructions_view);
  gtk_widget_class_bind_template_child (widget_class, AppealsReviewPage, reviewed_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);

  gtk_widget_class_install_action (widget_class, "review.mark", NULL, mark_action);
  gtk_widget_class_install_action (widget_class, "review.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "review.undo", NULL);
  gtk_widget_class_install_action (widget_class, "review.export", "s", _appeals_review_page_export_action);
  gtk_widget_class_install_action (widget_class, "review.open", NULL, _appeals_review_page_open_action);
}

static void
appeals_review_page_init (AppealsReviewPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->material_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  show_list (self, NULL, 0);
}
