/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-expertise-page-verdict.c: an analyst's verdict. Accept or
 * Return moves on to the next answer at once and shows a toast with Undo;
 * the verdict goes to the server when the toast goes. Undo brings the
 * answer back with its checklist as it was: the checklist is kept as a
 * draft (per appeal) from the first answer given until the server has
 * the verdict, so neither Undo, a crash nor a lost connection loses it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-expertise-page-private.h"
#include "appeals-form-drafts.h"
#include "appeals-undo-toast.h"

/* A refusal is shown; a server out of reach is the window's to show (the
 * context's "connection-lost"). */
void
_appeals_expertise_page_report_error (AppealsExpertisePage *self,
                                      const GError         *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

static AppealsExpertise *
build_verdict (AppealsExpertisePage *self,
               AppealsVerdict        verdict_given)
{
  g_autoptr(AppealsExpertise) verdict = appeals_expertise_new ();
  GDate today;

  appeals_date_get_today (&today);
  for (guint i = 0; i < appeals_checklist_template_get_n_criteria (self->template); i++)
    appeals_expertise_add_criterion (verdict, appeals_checklist_template_get_criterion (self->template, i)->code,
                                     _appeals_expertise_page_criterion_answer (self, i),
                                     gtk_editable_get_text (GTK_EDITABLE (self->criteria[i].comment)));
  for (guint i = 0; i < appeals_checklist_template_get_n_cross_checks (self->template); i++)
    if (gtk_switch_get_active (self->cross_switches[i]))
      appeals_expertise_add_cross_check (verdict, appeals_checklist_template_get_cross_check (self->template, i)->code,
                                         &today, gtk_editable_get_text (GTK_EDITABLE (self->cross_results[i])));

  verdict->verdict = verdict_given;
  if (verdict_given == APPEALS_VERDICT_RETURNED)
    verdict->reasons = appeals_expertise_page_dup_reasons (self);
  return g_steal_pointer (&verdict);
}

/* The checklist's draft -------------------------------------------------------- */

static char *
draft_name (gint64 appeal_id)
{
  return g_strdup_printf ("expertise-%" G_GINT64_FORMAT, appeal_id);
}

/* Called once the appeal's checklist is shown, cleared: what the analyst
 * had given for this appeal comes back, and is kept from now on. */
void
_appeals_expertise_page_keep_draft (AppealsExpertisePage *self)
{
  g_autofree char *name = draft_name (self->appeal->id);
  AppealsUser *user = appeals_context_get_user (self->context);
  guint n = appeals_checklist_template_get_n_criteria (self->template);
  g_autofree AppealsCriterionAnswer *answers = g_new0 (AppealsCriterionAnswer, n);
  g_autofree char *generated = NULL;
  g_autofree char *reasons = NULL;

  g_clear_object (&self->draft);
  if (user == NULL || user->role != APPEALS_ROLE_ANALYST)
    return;

  self->draft = appeals_draft_binding_new (self->context, name);
  for (guint i = 0; i < n; i++)
    {
      const char *code = appeals_checklist_template_get_criterion (self->template, i)->code;
      static const char * const answer_names[] = { "yes", "partly", "no" };

      for (guint b = 0; b < 3; b++)
        {
          g_autofree char *field = g_strdup_printf ("%s-%s", code, answer_names[b]);

          appeals_draft_binding_add_toggle_button (self->draft, field, self->criteria[i].buttons[b]);
        }
      {
        g_autofree char *field = g_strdup_printf ("%s-comment", code);

        appeals_draft_binding_add_editable (self->draft, field, GTK_EDITABLE (self->criteria[i].comment));
      }
    }
  for (guint i = 0; i < appeals_checklist_template_get_n_cross_checks (self->template); i++)
    {
      const char *code = appeals_checklist_template_get_cross_check (self->template, i)->code;
      g_autofree char *done = g_strdup_printf ("cross-%s", code);
      g_autofree char *result = g_strdup_printf ("cross-%s-result", code);

      appeals_draft_binding_add_switch (self->draft, done, self->cross_switches[i]);
      appeals_draft_binding_add_editable (self->draft, result, GTK_EDITABLE (self->cross_results[i]));
    }
  appeals_draft_binding_add_text_view (self->draft, "reasons", self->reasons_view);
  if (!appeals_draft_binding_restore (self->draft))
    return;

  /* reasons that were only written from the answers keep following them */
  for (guint i = 0; i < n; i++)
    answers[i] = _appeals_expertise_page_criterion_answer (self, i);
  generated = appeals_checklist_template_dup_reasons (self->template, answers, NULL);
  reasons = appeals_expertise_page_dup_reasons (self);
  self->reasons_edited = g_strcmp0 (generated, reasons) != 0;
  _appeals_expertise_page_update_verdict (self);
}

/* Sending, with Undo ------------------------------------------------------------ */

typedef struct
{
  GWeakRef             page;
  AppealsContext      *context;
  gint64               appeal_id;
  char                *number;
  AppealsExpertise    *verdict;
  char                *draft;     /* the checklist's draft, kept until the server has the verdict */
} Pending;

static void
pending_free (Pending *pending)
{
  g_weak_ref_clear (&pending->page);
  g_clear_object (&pending->context);
  g_free (pending->number);
  g_clear_object (&pending->verdict);
  g_free (pending->draft);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static void
on_verdict_sent (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  g_autoptr(AppealsExpertisePage) self = g_weak_ref_get (&pending->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsExpertise) round = appeals_expertise_service_give_verdict_finish (APPEALS_EXPERTISE_SERVICE (source),
                                                                                      result, &error);
  AppealsUser *user = appeals_context_get_user (pending->context);
  const char *message;
  g_autofree char *toast = NULL;

  if (round == NULL)
    {
      /* the draft stays: opening the appeal again brings the checklist back */
      if (self != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _appeals_expertise_page_report_error (self, error);
      return;
    }

  if (user != NULL)
    appeals_form_draft_remove (appeals_context_get_server_url (pending->context), user->login, pending->draft);
  if (self == NULL)
    return;
  if (round->state == APPEALS_EXPERTISE_STATE_AWAITING_APPROVAL)
    message = _("The verdict awaits the approval of the head: the appeal is under control");
  else if (round->verdict == APPEALS_VERDICT_RETURNED)
    message = _("The answer was returned to the body for rework");
  else
    message = _("The answer was accepted");
  /* the toast may come when the user is on another page: it names the appeal */
  toast = pending->number != NULL ? g_strdup_printf ("%s: %s", pending->number, message) : g_strdup (message);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", toast);
}

static void
commit (gpointer user_data)
{
  Pending *pending = user_data;
  g_autoptr(AppealsExpertisePage) self = g_weak_ref_get (&pending->page);
  Pending *sent = g_new0 (Pending, 1);

  if (self != NULL)
    g_clear_object (&self->undo_toast);
  /* the toast frees its own; the request carries a copy */
  g_weak_ref_init (&sent->page, self);
  sent->context = g_object_ref (pending->context);
  sent->appeal_id = pending->appeal_id;
  sent->number = g_strdup (pending->number);
  sent->verdict = g_object_ref (pending->verdict);
  sent->draft = g_strdup (pending->draft);
  appeals_expertise_service_give_verdict_async (appeals_context_get_expertise_service (pending->context),
                                                pending->appeal_id, pending->verdict, NULL, on_verdict_sent, sent);
}

static void
undo (gpointer user_data)
{
  Pending *pending = user_data;
  g_autoptr(AppealsExpertisePage) self = g_weak_ref_get (&pending->page);
  GListModel *model;

  if (self == NULL)
    return;
  g_clear_object (&self->undo_toast);
  model = G_LIST_MODEL (self->model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AppealsAppeal) appeal = g_list_model_get_item (model, i);

      if (appeal->id == pending->appeal_id)
        {
          /* its checklist comes back from the draft */
          g_clear_object (&self->appeal);
          appeals_expertise_page_open (self, i);
          return;
        }
    }
}

/* The next answer in the list, or none: the analyst goes on. */
static void
show_next (AppealsExpertisePage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  g_clear_object (&self->draft);
  g_clear_object (&self->appeal);
  if (position != GTK_INVALID_LIST_POSITION && position + 1 < n)
    appeals_expertise_page_open (self, position + 1);
  if (self->appeal == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
    }
}

static void
send_verdict (AppealsExpertisePage *self,
              AppealsVerdict        verdict_given)
{
  Pending *pending = g_new0 (Pending, 1);
  g_autofree char *title = NULL;

  /* one verdict waits at a time: an earlier one is given now */
  _appeals_expertise_page_commit_pending (self);

  g_weak_ref_init (&pending->page, self);
  pending->context = g_object_ref (self->context);
  pending->appeal_id = self->appeal->id;
  pending->number = g_strdup (self->appeal->registration_number);
  pending->verdict = build_verdict (self, verdict_given);
  pending->draft = draft_name (pending->appeal_id);
  title = g_strdup_printf (verdict_given == APPEALS_VERDICT_RETURNED
                           /* TRANSLATORS: a toast with Undo; %s is the appeal's registration number */
                           ? _("%s: the answer is returned for rework") : _("%s: the answer is accepted"),
                           pending->number);
  show_next (self);
  self->undo_toast = g_object_ref (appeals_undo_toast_show (self->toast_overlay, title, commit, undo, pending,
                                                            (GDestroyNotify) pending_free));
}

/**
 * _appeals_expertise_page_commit_pending:
 *
 * A verdict still waiting for its Undo is sent now (another verdict is
 * given, or the page goes).
 */
void
_appeals_expertise_page_commit_pending (AppealsExpertisePage *self)
{
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);

  if (toast != NULL)
    adw_toast_dismiss (toast);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  send_verdict (APPEALS_EXPERTISE_PAGE (widget), APPEALS_VERDICT_ACCEPTED);
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  send_verdict (APPEALS_EXPERTISE_PAGE (widget), APPEALS_VERDICT_RETURNED);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AppealsExpertisePage *self = APPEALS_EXPERTISE_PAGE (widget);

  if (self->undo_toast != NULL)
    g_signal_emit_by_name (self->undo_toast, "button-clicked");
}

void
_appeals_expertise_page_install_verdict_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "expertise.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "expertise.return", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "expertise.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "expertise.undo", NULL);
}
