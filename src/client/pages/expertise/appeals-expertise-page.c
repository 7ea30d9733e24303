/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-expertise-page.c: the expertise page.
 *
 * The list shows answered appeals (the journal model with a fixed query).
 * Each criterion of the checklist template gets yes / partly / no buttons
 * and a comment; the score follows the template's weights; the reasons
 * for a return are written from the failed criteria until the analyst
 * edits them. Only analysts give verdicts (appeals-expertise-page-verdict.c);
 * the others read; heads approve verdicts on appeals under control. The
 * list follows the expertise service's "verdict-given", wherever the
 * verdict came from.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "appeals-expertise-page-private.h"
#include "appeals-text-view.h"


G_DEFINE_FINAL_TYPE (AppealsExpertisePage, appeals_expertise_page, GTK_TYPE_BOX)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsExpertisePage, appeals_expertise_page)

static void load_pending (AppealsExpertisePage *self);

AppealsCriterionAnswer
_appeals_expertise_page_criterion_answer (AppealsExpertisePage *self,
                                          guint                 i)
{
  static const AppealsCriterionAnswer values[] = {
    APPEALS_CRITERION_ANSWER_YES, APPEALS_CRITERION_ANSWER_PARTLY, APPEALS_CRITERION_ANSWER_NO,
  };

  for (guint b = 0; b < 3; b++)
    if (gtk_toggle_button_get_active (self->criteria[i].buttons[b]))
      return values[b];
  return APPEALS_CRITERION_ANSWER_UNSET;
}

static gboolean
can_decide (AppealsExpertisePage *self)
{
  AppealsUser *user = appeals_context_get_user (self->context);
  guint n = appeals_checklist_template_get_n_criteria (self->template);

  if (self->appeal == NULL || self->sending || user == NULL || user->role != APPEALS_ROLE_ANALYST)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (_appeals_expertise_page_criterion_answer (self, i) == APPEALS_CRITERION_ANSWER_UNSET)
      return FALSE;
  return TRUE;
}

/* Score, reasons and the buttons follow every answer. */
void
_appeals_expertise_page_update_verdict (AppealsExpertisePage *self)
{
  guint n;
  g_autofree AppealsCriterionAnswer *answers = NULL;
  g_autofree char *score = NULL;
  gboolean failed = FALSE;

  if (self->template == NULL)   /* the checklist comes with the server's rules */
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "expertise.accept", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "expertise.return", FALSE);
      return;
    }
  n = appeals_checklist_template_get_n_criteria (self->template);
  answers = g_new0 (AppealsCriterionAnswer, n);

  for (guint i = 0; i < n; i++)
    {
      answers[i] = _appeals_expertise_page_criterion_answer (self, i);
      failed |= answers[i] == APPEALS_CRITERION_ANSWER_NO || answers[i] == APPEALS_CRITERION_ANSWER_PARTLY;
      gtk_widget_set_visible (self->criteria[i].comment,
                              answers[i] == APPEALS_CRITERION_ANSWER_NO ||
                              answers[i] == APPEALS_CRITERION_ANSWER_PARTLY);
    }

  score = g_strdup_printf (_("%.0f of 100 · accepted from %d"), appeals_checklist_template_score (self->template, answers),
                           appeals_checklist_template_get_accept_threshold (self->template));
  adw_action_row_set_subtitle (self->score_row, score);

  if (!self->reasons_edited)
    {
      g_autofree char *reasons = appeals_checklist_template_dup_reasons (self->template, answers, NULL);

      self->filling_reasons = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reasons_view), reasons, -1);
      self->filling_reasons = FALSE;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "expertise.accept", can_decide (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "expertise.return", can_decide (self) && failed);
}

static void
on_answer_toggled (GtkToggleButton      *button,
                   AppealsExpertisePage *self)
{
  _appeals_expertise_page_update_verdict (self);
}

static void
on_reasons_changed (GtkTextBuffer        *buffer,
                    AppealsExpertisePage *self)
{
  if (!self->filling_reasons)
    self->reasons_edited = TRUE;
}

static void
on_cross_switched (GObject              *widget,
                   GParamSpec           *pspec,
                   AppealsExpertisePage *self)
{
  guint n = appeals_checklist_template_get_n_cross_checks (self->template);

  for (guint i = 0; i < n; i++)
    gtk_widget_set_visible (self->cross_results[i], gtk_switch_get_active (self->cross_switches[i]));
}

static void
build_checklist (AppealsExpertisePage *self)
{
  guint n = appeals_checklist_template_get_n_criteria (self->template);
  guint n_cross = appeals_checklist_template_get_n_cross_checks (self->template);
  const char *labels[] = { C_("checklist answer", "Yes"), C_("checklist answer", "Partly"), C_("checklist answer", "No") };
  const char *names[] = { "yes", "partly", "no" };

  self->criteria = g_new0 (CriterionRow, n);
  for (guint i = 0; i < n; i++)
    {
      const AppealsChecklistItem *item = appeals_checklist_template_get_criterion (self->template, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), appeals_checklist_item_get_name (item, NULL));
      gtk_widget_add_css_class (box, "linked");
      gtk_widget_add_css_class (box, "criterion-answer");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      for (guint b = 0; b < 3; b++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s", item->code, names[b]);
          GtkWidget *button = gtk_toggle_button_new_with_label (labels[b]);

          gtk_widget_set_name (button, name);
          if (b > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->criteria[i].buttons[0]);
          g_signal_connect (button, "toggled", G_CALLBACK (on_answer_toggled), self);
          gtk_box_append (GTK_BOX (box), button);
          self->criteria[i].buttons[b] = GTK_TOGGLE_BUTTON (button);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_preferences_group_add (self->criteria_group, row);

      self->criteria[i].comment = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->criteria[i].comment), _("Comment"));
      gtk_widget_set_visible (self->criteria[i].comment, FALSE);
      adw_preferences_group_add (self->criteria_group, self->criteria[i].comment);
    }

  self->cross_switches = g_new0 (GtkSwitch *, n_cross);
  self->cross_results = g_new0 (GtkWidget *, n_cross);
  for (guint i = 0; i < n_cross; i++)
    {
      const AppealsChecklistItem *item = appeals_checklist_template_get_cross_check (self->template, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), appeals_checklist_item_get_name (item, NULL));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_cross_switched), self);
      adw_preferences_group_add (self->cross_group, row);
      self->cross_switches[i] = GTK_SWITCH (toggle);

      self->cross_results[i] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cross_results[i]), _("Result"));
      gtk_widget_set_visible (self->cross_results[i], FALSE);
      adw_preferences_group_add (self->cross_group, self->cross_results[i]);
    }
}

static void
reset_checklist (AppealsExpertisePage *self)
{
  for (guint i = 0; i < appeals_checklist_template_get_n_criteria (self->template); i++)
    {
      for (guint b = 0; b < 3; b++)
        gtk_toggle_button_set_active (self->criteria[i].buttons[b], FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->criteria[i].comment), "");
    }
  for (guint i = 0; i < appeals_checklist_template_get_n_cross_checks (self->template); i++)
    {
      gtk_switch_set_active (self->cross_switches[i], FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->cross_results[i]), "");
    }
  self->reasons_edited = FALSE;
  _appeals_expertise_page_update_verdict (self);
}

static void
show_appeal (AppealsExpertisePage *self,
             AppealsAppeal        *appeal)
{
  AppealsReferenceService *reference = appeals_context_get_reference_service (self->context);
  AppealsClassifier *bodies = appeals_reference_service_get_classifier (reference, APPEALS_CLASSIFIER_ADDRESSEE_BODIES);
  g_autofree char *title = g_strdup_printf ("%s · %s", appeal->registration_number, appeal->applicant_name);
  g_autofree char *appeal_text = g_strdup_printf ("%s\n\n%s", appeal->annotation, appeal->text != NULL ? appeal->text : "");
  GDate today, due;
  char date[32];
  g_autofree char *term = NULL;

  g_set_object (&self->appeal, appeal);
  /* the groups keep their titles, "Appeal" and "Answer of the Body":
   * whose they are is said below them, whole */
  adw_preferences_group_set_description (self->appeal_group, title);
  gtk_label_set_text (self->appeal_label, appeal_text);
  adw_preferences_group_set_description (self->answer_group,
                                         appeals_classifier_get_label (bodies, appeal->addressee_body, NULL));
  gtk_label_set_text (self->answer_label, appeal->answer != NULL ? appeal->answer : "");

  appeals_date_get_today (&today);
  appeals_checklist_template_compute_rework_due (self->template, appeals_reference_service_get_calendar (reference),
                                                 &today, &due);
  g_date_strftime (date, sizeof date, "%d.%m.%Y", &due);
  term = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A new term of %d working day, until %s",
                                       "A new term of %d working days, until %s",
                                       appeals_checklist_template_get_rework_days (self->template)),
                          appeals_checklist_template_get_rework_days (self->template), date);
  adw_action_row_set_subtitle (self->term_row, term);

  /* the draft of the appeal shown before must not take this one's answers */
  g_clear_object (&self->draft);
  reset_checklist (self);
  _appeals_expertise_page_keep_draft (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

void
appeals_expertise_page_open (AppealsExpertisePage *self,
                             guint                 position)
{
  g_autoptr(AppealsAppeal) appeal = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (appeal != NULL && appeal->id > 0)
    {
      gtk_single_selection_set_selected (self->selection, position);
      show_appeal (self, appeal);
    }
}

static void
on_list_activated (AppealsExpertisePage *self,
                   guint                 position)
{
  appeals_expertise_page_open (self, position);
}

static void
on_selection_changed (GtkSingleSelection   *selection,
                      GParamSpec           *pspec,
                      AppealsExpertisePage *self)
{
  guint position = gtk_single_selection_get_selected (selection);
  g_autoptr(AppealsAppeal) appeal = position != GTK_INVALID_LIST_POSITION
                                    ? g_list_model_get_item (G_LIST_MODEL (self->model), position) : NULL;

  if (appeal != NULL && appeal->id > 0 && (self->appeal == NULL || self->appeal->id != appeal->id))
    show_appeal (self, appeal);
}

gint64
appeals_expertise_page_get_appeal_id (AppealsExpertisePage *self)
{
  return self->appeal != NULL ? self->appeal->id : 0;
}

void
appeals_expertise_page_set_answer (AppealsExpertisePage   *self,
                                   const char             *criterion,
                                   AppealsCriterionAnswer  answer)
{
  for (guint i = 0; i < appeals_checklist_template_get_n_criteria (self->template); i++)
    if (g_str_equal (appeals_checklist_template_get_criterion (self->template, i)->code, criterion))
      gtk_toggle_button_set_active (self->criteria[i].buttons[answer - APPEALS_CRITERION_ANSWER_YES], TRUE);
}

char *
appeals_expertise_page_dup_reasons (AppealsExpertisePage *self)
{
  return appeals_text_view_dup_text (self->reasons_view);
}

/* The list -------------------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  AppealsAppeal *appeal = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);

  gtk_label_set_text (GTK_LABEL (title), appeal->id > 0 ? appeal->registration_number : _("Loading…"));
  gtk_label_set_text (GTK_LABEL (subtitle), appeal->annotation != NULL ? appeal->annotation : "");
}

/* Verdicts awaiting a head's approval ------------------------------------------- */

static void
on_approved (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AppealsExpertisePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsExpertise) round = appeals_expertise_service_approve_finish (APPEALS_EXPERTISE_SERVICE (source),
                                                                                 result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (round == NULL)
    {
      /* e.g. approved meanwhile by another head: the list says what is left */
      _appeals_expertise_page_report_error (self, error);
      load_pending (self);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s",
                              _("The verdict is approved and applied to the appeal"));
}

static void
on_approve_clicked (GtkButton            *button,
                    AppealsExpertisePage *self)
{
  AppealsExpertise *round = g_object_get_data (G_OBJECT (button), "expertise");

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  appeals_expertise_service_approve_async (appeals_context_get_expertise_service (self->context), round->id,
                                           self->cancellable, on_approved, g_object_ref (self));
}

static void
add_pending_row (AppealsExpertisePage *self,
                 AppealsExpertise     *round)
{
  gboolean returned = round->verdict == APPEALS_VERDICT_RETURNED;
  g_autofree char *title = g_strdup_printf ("%s · %s", round->registration_number != NULL ? round->registration_number : "",
                                            returned ? _("Return for rework") : _("Accept"));
  g_autofree char *name = g_strdup_printf ("approve-%" G_GINT64_FORMAT, round->appeal_id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("A_pprove"));
  const char *subtitle = returned ? round->reasons : round->annotation;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "suggested-action");
  g_object_set_data_full (G_OBJECT (button), "expertise", g_object_ref (round), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_approve_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (self->pending_group, row);
  g_ptr_array_add (self->pending_rows, row);
}

/* A page of verdicts awaiting approval: the first one replaces what
 * was shown, the next ones follow it. */
static void
show_pending (AppealsExpertisePage   *self,
              AppealsPendingVerdicts *pending)
{
  g_autofree char *title = NULL;

  if (self->pending_first)
    {
      for (guint i = 0; i < self->pending_rows->len; i++)
        adw_preferences_group_remove (self->pending_group, g_ptr_array_index (self->pending_rows, i));
      g_ptr_array_set_size (self->pending_rows, 0);
    }
  for (guint i = 0; i < pending->rounds->len; i++)
    add_pending_row (self, g_ptr_array_index (pending->rounds, i));

  /* how many wait in all, the rows shown a page of them or more */
  title = g_strdup_printf ("%s (%" G_GINT64_FORMAT ")", _("Verdicts to Approve"),
                           MAX (pending->total, (gint64) self->pending_rows->len));
  adw_preferences_group_set_title (self->pending_group, title);
  g_free (self->pending_cursor);
  self->pending_cursor = g_strdup (pending->next_cursor);
  gtk_widget_set_visible (GTK_WIDGET (self->pending_more_button), self->pending_cursor != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->pending_scroller), self->pending_rows->len > 0);
}

/* One page at a time is loading: a first page drops the one before
 * (load_pending()), and Show More waits for it. */
static void
on_pending_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AppealsExpertisePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsPendingVerdicts) pending = appeals_expertise_service_list_pending_finish (
    APPEALS_EXPERTISE_SERVICE (source), result, &error);

  if (pending != NULL)
    {
      show_pending (self, pending);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->pending_first)
    {
      g_debug ("verdicts awaiting approval: %s", error->message);
      return;
    }
  /* the button comes back to try again */
  _appeals_expertise_page_report_error (self, error);
  gtk_widget_set_visible (GTK_WIDGET (self->pending_more_button), self->pending_cursor != NULL);
}

/* The first page again: a page still loading from the list as it was
 * is dropped. */
static void
load_pending (AppealsExpertisePage *self)
{
  AppealsUser *user = appeals_context_get_user (self->context);

  g_cancellable_cancel (self->pending_cancellable);
  g_clear_object (&self->pending_cancellable);
  g_clear_pointer (&self->pending_cursor, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->pending_more_button), FALSE);
  if (user == NULL || user->role != APPEALS_ROLE_HEAD)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->pending_scroller), FALSE);
      return;
    }

  self->pending_cancellable = g_cancellable_new ();
  self->pending_first = TRUE;
  appeals_expertise_service_list_pending_async (appeals_context_get_expertise_service (self->context), NULL,
                                                self->pending_cancellable, on_pending_loaded, g_object_ref (self));
}

static void
on_pending_more_clicked (AppealsExpertisePage *self)
{
  if (self->pending_cursor == NULL || self->pending_cancellable == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->pending_more_button), FALSE);
  self->pending_first = FALSE;
  appeals_expertise_service_list_pending_async (appeals_context_get_expertise_service (self->context),
                                                self->pending_cursor, self->pending_cancellable,
                                                on_pending_loaded, g_object_ref (self));
}

/* A verdict given here or elsewhere: the appeal leaves the list, and an
 * approved one leaves the pending ones. */
static void
on_verdict_given (AppealsExpertisePage *self,
                  gint64                appeal_id)
{
  /* an answer that came after signing out changes nothing shown */
  if (!appeals_context_is_signed_in (self->context))
    return;
  appeals_journal_model_reload (self->model);
  load_pending (self);
}

guint
appeals_expertise_page_get_n_pending (AppealsExpertisePage *self)
{
  return self->pending_rows->len;
}

void
appeals_expertise_page_reload (AppealsExpertisePage *self)
{
  g_autoptr(AppealsAppealFilter) answered = appeals_appeal_filter_new ();

  /* the checklist is the server's: it is there once the window loads */
  if (self->template == NULL)
    {
      AppealsReferenceService *reference = appeals_context_get_reference_service (self->context);

      self->template = g_object_ref (appeals_reference_service_get_checklist_template (reference));
      build_checklist (self);
    }
  answered->status = APPEALS_STATUS_ANSWERED;
  /* the page shows each appeal's text beside its answer */
  answered->with_texts = TRUE;
  appeals_journal_model_set_filter (self->model, answered);
  load_pending (self);
}

void
appeals_expertise_page_clear (AppealsExpertisePage *self)
{
  appeals_journal_model_clear (self->model);
  g_clear_object (&self->appeal);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
}

GListModel *
appeals_expertise_page_get_model (AppealsExpertisePage *self)
{
  return G_LIST_MODEL (self->model);
}

static void
appeals_expertise_page_dispose (GObject *object)
{
  AppealsExpertisePage *self = (AppealsExpertisePage *)object;

  /* a verdict still waiting for its Undo is given now */
  _appeals_expertise_page_commit_pending (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->pending_cancellable);
  g_clear_object (&self->pending_cancellable);
  g_clear_pointer (&self->pending_cursor, g_free);
  g_clear_object (&self->draft);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->appeal);
  g_clear_object (&self->template);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (appeals_context_get_expertise_service (self->context),
                                          on_verdict_given, self);
  g_clear_pointer (&self->criteria, g_free);
  g_clear_pointer (&self->cross_switches, g_free);
  g_clear_pointer (&self->cross_results, g_free);
  g_clear_pointer (&self->pending_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), APPEALS_TYPE_EXPERTISE_PAGE);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_expertise_page_parent_class)->dispose (object);
}

static void
appeals_expertise_page_constructed (GObject *object)
{
  AppealsExpertisePage *self = (AppealsExpertisePage *)object;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  G_OBJECT_CLASS (appeals_expertise_page_parent_class)->constructed (object);

  self->model = appeals_journal_model_new (appeals_context_get_appeal_service (self->context));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (gtk_text_view_get_buffer (self->reasons_view), "changed", G_CALLBACK (on_reasons_changed), self);
  g_signal_connect_object (appeals_context_get_expertise_service (self->context), "verdict-given",
                           G_CALLBACK (on_verdict_given), self, G_CONNECT_SWAPPED);
  _appeals_expertise_page_update_verdict (self);
}

static void
appeals_expertise_page_class_init (AppealsExpertisePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = appeals_expertise_page_constructed;
  object_class->dispose = appeals_expertise_page_dispose;

  appeals_expertise_page_install_context_property (G_OBJECT_CLASS (klass));

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/appeals-expertise-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, pending_scroller);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, pending_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, pending_more_button);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, appeal_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, appeal_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, answer_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, answer_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, cross_group);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, score_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, term_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, reasons_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_pending_more_clicked);

  _appeals_expertise_page_install_verdict_actions (widget_class);
}

static void
appeals_expertise_page_init (AppealsExpertisePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->pending_rows = g_ptr_array_new ();
}
