/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-expertise-page.c: the expertise page.
 *
 * The list shows answered appeals (the journal model with a fixed query).
 * Each criterion of the checklist template gets yes / partly / no buttons
 * and a comment; the score follows the template's weights; the reasons
 * for a return are written from the failed criteria until the analyst
 * edits them. Only analysts give verdicts; the others read.
 *
 * Signal "verdict-given" after the server took a verdict.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "appeals-application.h"
#include "appeals-context.h"
#include "appeals-expertise-page.h"
#include "appeals-journal-model.h"
#include "appeals-window.h"

#define QUERY "status=answered"

typedef struct
{
  GtkToggleButton *buttons[3];   /* yes, partly, no */
  GtkWidget       *comment;
} CriterionRow;

struct _AppealsExpertisePage
{
  GtkBox                    parent_instance;

  AppealsContext       *context;

  GtkListView              *list_view;
  AdwPreferencesGroup      *pending_group;
  GPtrArray                *pending_rows;
  GtkStack                 *detail_stack;
  AdwPreferencesGroup      *appeal_group;
  GtkLabel                 *appeal_label;
  AdwPreferencesGroup      *answer_group;
  GtkLabel                 *answer_label;
  AdwPreferencesGroup      *criteria_group;
  AdwPreferencesGroup      *cross_group;
  AdwActionRow             *score_row;
  AdwActionRow             *term_row;
  GtkTextView              *reasons_view;

  AppealsJournalModel      *model;
  GtkSingleSelection       *selection;
  AppealsChecklistTemplate *template;
  CriterionRow             *criteria;
  GtkSwitch               **cross_switches;
  GtkWidget               **cross_results;
  AppealsAppeal            *appeal;
  GCancellable             *cancellable;
  gboolean                  reasons_edited;
  gboolean                  filling_reasons;
  gboolean                  sending;
};

G_DEFINE_FINAL_TYPE (AppealsExpertisePage, appeals_expertise_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
appeals_expertise_page_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  AppealsExpertisePage *self = APPEALS_EXPERTISE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
appeals_expertise_page_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  AppealsExpertisePage *self = APPEALS_EXPERTISE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

enum {
  VERDICT_GIVEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_pending (AppealsExpertisePage *self);

static AppealsCriterionAnswer
criterion_answer (AppealsExpertisePage *self,
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
  AppealsUser *user = appeals_api_client_get_user (appeals_application_get_client (appeals_application_get_default ()));
  guint n = appeals_checklist_template_get_n_criteria (self->template);

  if (self->appeal == NULL || self->sending || user == NULL || user->role != APPEALS_ROLE_ANALYST)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (criterion_answer (self, i) == APPEALS_CRITERION_ANSWER_UNSET)
      return FALSE;
  return TRUE;
}

/* Score, reasons and the buttons follow every answer. */
static void
update_verdict (AppealsExpertisePage *self)
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
      answers[i] = criterion_answer (self, i);
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
  update_verdict (self);
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
  update_verdict (self);
}

static void
show_appeal (AppealsExpertisePage *self,
             AppealsAppeal        *appeal)
{
  AppealsApplication *app = appeals_application_get_default ();
  AppealsClassifier *bodies = appeals_application_get_classifier (app, APPEALS_CLASSIFIER_ADDRESSEE_BODIES);
  g_autofree char *title = g_strdup_printf ("%s · %s", appeal->registration_number, appeal->applicant_name);
  g_autofree char *appeal_text = g_strdup_printf ("%s\n\n%s", appeal->annotation, appeal->text != NULL ? appeal->text : "");
  GDate today, due;
  char date[32];
  g_autofree char *term = NULL;

  g_set_object (&self->appeal, appeal);
  adw_preferences_group_set_title (self->appeal_group, title);
  gtk_label_set_text (self->appeal_label, appeal_text);
  adw_preferences_group_set_title (self->answer_group, appeals_classifier_get_label (bodies, appeal->addressee_body, NULL));
  gtk_label_set_text (self->answer_label, appeal->answer != NULL ? appeal->answer : "");

  appeals_date_get_today (&today);
  appeals_checklist_template_compute_rework_due (self->template, appeals_application_get_calendar (app), &today, &due);
  g_date_strftime (date, sizeof date, "%d.%m.%Y", &due);
  term = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A new term of %d working day, until %s",
                                       "A new term of %d working days, until %s",
                                       appeals_checklist_template_get_rework_days (self->template)),
                          appeals_checklist_template_get_rework_days (self->template), date);
  adw_action_row_set_subtitle (self->term_row, term);

  reset_checklist (self);
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
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reasons_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The verdict ----------------------------------------------------------------- */

static JsonNode *
build_body (AppealsExpertisePage *self,
            const char           *verdict)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *reasons = appeals_expertise_page_dup_reasons (self);
  g_autofree char *today_text = NULL;
  GDate today;

  appeals_date_get_today (&today);
  today_text = appeals_date_format_iso (&today);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint i = 0; i < appeals_checklist_template_get_n_criteria (self->template); i++)
    {
      const char *comment = gtk_editable_get_text (GTK_EDITABLE (self->criteria[i].comment));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, appeals_checklist_template_get_criterion (self->template, i)->code);
      json_builder_set_member_name (builder, "answer");
      json_builder_add_string_value (builder, appeals_criterion_answer_to_string (criterion_answer (self, i)));
      if (*comment != '\0')
        {
          json_builder_set_member_name (builder, "comment");
          json_builder_add_string_value (builder, comment);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "cross_checks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < appeals_checklist_template_get_n_cross_checks (self->template); i++)
    {
      if (!gtk_switch_get_active (self->cross_switches[i]))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, appeals_checklist_template_get_cross_check (self->template, i)->code);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, today_text);
      json_builder_set_member_name (builder, "result");
      json_builder_add_string_value (builder, gtk_editable_get_text (GTK_EDITABLE (self->cross_results[i])));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, verdict);
  if (g_str_equal (verdict, "returned"))
    {
      json_builder_set_member_name (builder, "reasons");
      json_builder_add_string_value (builder, reasons);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
on_verdict_sent (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AppealsExpertisePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source),
                                                                              result, &error);
  AppealsWindow *window = APPEALS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autofree char *message = NULL;
  JsonObject *round;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->sending = FALSE;
  update_verdict (self);

  if (response == NULL || !appeals_api_response_is_success (response))
    {
      if (window != NULL)
        appeals_window_show_toast (window, response != NULL ? appeals_api_response_describe (response)
                                                            : error->message);
      if (response == NULL && window != NULL)
        appeals_window_connection_lost (window);
      return;
    }

  round = json_node_get_object (response->body);
  if (g_str_equal (json_object_get_string_member (round, "state"), "awaiting_approval"))
    message = g_strdup (_("The verdict awaits the approval of the head: the appeal is under control"));
  else if (g_str_equal (json_object_get_string_member (round, "verdict"), "returned"))
    message = g_strdup (_("The answer was returned to the body for rework"));
  else
    message = g_strdup (_("The answer was accepted"));

  if (window != NULL)
    appeals_window_show_toast (window, message);

  g_clear_object (&self->appeal);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  appeals_journal_model_reload (self->model);
  load_pending (self);
  g_signal_emit (self, signals[VERDICT_GIVEN], 0);
}

static void
send_verdict (AppealsExpertisePage *self,
              const char           *verdict)
{
  g_autoptr(JsonNode) body = build_body (self, verdict);
  g_autofree char *path = g_strdup_printf ("appeals/%" G_GINT64_FORMAT "/expertise", self->appeal->id);
  g_autofree char *key = g_uuid_string_random ();

  self->sending = TRUE;
  update_verdict (self);
  appeals_api_client_request_async (appeals_application_get_client (appeals_application_get_default ()),
                                    "POST", path, body, NULL, key, self->cancellable,
                                    on_verdict_sent, g_object_ref (self));
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  send_verdict (APPEALS_EXPERTISE_PAGE (widget), "accepted");
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  send_verdict (APPEALS_EXPERTISE_PAGE (widget), "returned");
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
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source),
                                                                              result, &error);
  AppealsWindow *window = APPEALS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (window != NULL)
    appeals_window_show_toast (window, response != NULL && appeals_api_response_is_success (response)
                                       ? _("The verdict is approved and applied to the appeal")
                                       : response != NULL ? appeals_api_response_describe (response) : error->message);
  load_pending (self);
  g_signal_emit (self, signals[VERDICT_GIVEN], 0);
}

static void
on_approve_clicked (GtkButton            *button,
                    AppealsExpertisePage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "expertise-id"));
  g_autofree char *path = g_strdup_printf ("expertise/%" G_GINT64_FORMAT "/approval", id);

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  appeals_api_client_request_async (appeals_application_get_client (appeals_application_get_default ()),
                                    "POST", path, NULL, NULL, NULL, self->cancellable,
                                    on_approved, g_object_ref (self));
}

static void
on_pending_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AppealsExpertisePage) self = user_data;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source),
                                                                              result, NULL);
  JsonArray *items;

  if (response == NULL || !appeals_api_response_is_success (response))
    return;

  for (guint i = 0; i < self->pending_rows->len; i++)
    adw_preferences_group_remove (self->pending_group, g_ptr_array_index (self->pending_rows, i));
  g_ptr_array_set_size (self->pending_rows, 0);

  items = json_object_get_array_member (json_node_get_object (response->body), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      gboolean returned = g_str_equal (json_object_get_string_member (item, "verdict"), "returned");
      g_autofree char *title = g_strdup_printf ("%s · %s", json_object_get_string_member (item, "registration_number"),
                                                returned ? _("Return for rework") : _("Accept"));
      g_autofree char *name = g_strdup_printf ("approve-%" G_GINT64_FORMAT, json_object_get_int_member (item, "appeal_id"));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("A_pprove"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), returned ? json_object_get_string_member (item, "reasons")
                                                                  : json_object_get_string_member (item, "annotation"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_name (button, name);
      gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data (G_OBJECT (button), "expertise-id", GSIZE_TO_POINTER (json_object_get_int_member (item, "id")));
      g_signal_connect (button, "clicked", G_CALLBACK (on_approve_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->pending_group, row);
      g_ptr_array_add (self->pending_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->pending_group), self->pending_rows->len > 0);
}

static void
load_pending (AppealsExpertisePage *self)
{
  AppealsApiClient *client = appeals_application_get_client (appeals_application_get_default ());
  AppealsUser *user = appeals_api_client_get_user (client);

  if (user == NULL || user->role != APPEALS_ROLE_HEAD)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->pending_group), FALSE);
      return;
    }

  appeals_api_client_request_async (client, "GET", "expertise?state=awaiting_approval", NULL, NULL, NULL,
                                    self->cancellable, on_pending_loaded, g_object_ref (self));
}

guint
appeals_expertise_page_get_n_pending (AppealsExpertisePage *self)
{
  return self->pending_rows->len;
}

void
appeals_expertise_page_reload (AppealsExpertisePage *self)
{
  /* the checklist is the server's: it is there once the window loads */
  if (self->template == NULL)
    {
      AppealsReferenceService *reference = appeals_context_get_reference_service (self->context);

      self->template = g_object_ref (appeals_reference_service_get_checklist_template (reference));
      build_checklist (self);
    }
  appeals_journal_model_set_query (self->model, QUERY);
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

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->appeal);
  g_clear_object (&self->template);
  g_clear_pointer (&self->criteria, g_free);
  g_clear_pointer (&self->cross_switches, g_free);
  g_clear_pointer (&self->cross_results, g_free);
  g_clear_pointer (&self->pending_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), APPEALS_TYPE_EXPERTISE_PAGE);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_expertise_page_parent_class)->dispose (object);
}

static void
appeals_expertise_page_class_init (AppealsExpertisePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = appeals_expertise_page_dispose;
  G_OBJECT_CLASS (klass)->set_property = appeals_expertise_page_set_property;
  G_OBJECT_CLASS (klass)->get_property = appeals_expertise_page_get_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, APPEALS_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  signals[VERDICT_GIVEN] = g_signal_new ("verdict-given", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/appeals-expertise-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AppealsExpertisePage, pending_group);
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

  gtk_widget_class_install_action (widget_class, "expertise.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "expertise.return", NULL, return_action);
}

static void
appeals_expertise_page_init (AppealsExpertisePage *self)
{
  AppealsApplication *app = appeals_application_get_default ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->pending_rows = g_ptr_array_new ();

  self->model = appeals_journal_model_new (appeals_application_get_client (app));
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
  update_verdict (self);
}
