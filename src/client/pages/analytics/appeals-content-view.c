/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-content-view.c: the content analysis on the analytics page. A
 * row per term, the largest growth first: the term, a bar of its count
 * against the largest, and the numbers (now, before, change) beside it,
 * which are what people check and what a screen reader reads. A district
 * and a question character narrow the terms; the terms are exported as
 * CSV or XLSX (the line report's table writers).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-analytics-view-common.h"
#include "appeals-bar.h"
#include "appeals-content-view.h"
#include "appeals-report-export.h"

/* A choice among a classifier's items, "all" first. */
typedef struct
{
  const char    *classifier;
  GtkDropDown   *dropdown;
  GtkStringList *labels;
  GPtrArray     *codes;    /* beside the labels; NULL (all) first */
} ClassifierChoice;

struct _AppealsContentView
{
  GtkBox               parent_instance;

  AppealsContext      *context;

  GtkDropDown         *preset_dropdown;
  ClassifierChoice     questions;
  ClassifierChoice     districts;
  GtkWidget           *exports[2];       /* CSV, XLSX */
  GtkSpinner          *spinner;
  AdwPreferencesGroup *group;
  GPtrArray           *rows;

  AppealsContentTerms *terms;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (AppealsContentView, appeals_content_view, GTK_TYPE_BOX)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsContentView, appeals_content_view)

static void
set_exports_sensitive (AppealsContentView *self,
                       gboolean            sensitive)
{
  for (guint f = 0; f < G_N_ELEMENTS (self->exports); f++)
    if (self->exports[f] != NULL)
      gtk_widget_set_sensitive (self->exports[f], sensitive);
}

static void
remove_rows (AppealsContentView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
on_row_activated (AdwActionRow       *row,
                  AppealsContentView *self)
{
  AppealsContentTerm *term = g_object_get_data (G_OBJECT (row), "term");
  g_autofree char *period = NULL;
  g_autofree char *description = NULL;

  if (self->terms == NULL || term == NULL)
    return;
  period = appeals_report_period_text (&self->terms->from, &self->terms->to);
  /* TRANSLATORS: the bar above the journal: "Appeals with «светофор», 01.01.2026 – 30.06.2026" */
  description = g_strdup_printf (_("Appeals with «%s», %s"), term->term, period);
  gtk_widget_activate_action (GTK_WIDGET (row), "win.open-journal", "(ss)", term->filter, description);
}

static void
show_terms (AppealsContentView *self)
{
  g_autofree char *period = appeals_report_period_text (&self->terms->from, &self->terms->to);
  g_autofree char *compared = appeals_report_period_text (&self->terms->compare_from, &self->terms->compare_to);
  g_autofree char *description = NULL;
  gint64 largest = 1;

  remove_rows (self);
  for (guint i = 0; i < self->terms->terms->len; i++)
    largest = MAX (largest, ((AppealsContentTerm *) g_ptr_array_index (self->terms->terms, i))->count);

  /* TRANSLATORS: 01.01.2026 – 30.06.2026: 412 appeals; compared with 01.01.2025 – 30.06.2025: 380 */
  description = g_strdup_printf (_("%s: %d appeals; compared with %s: %d. A term counts the appeals whose "
                                   "annotation or text contains it."),
                                 period, (int) self->terms->total, compared, (int) self->terms->compare_total);
  if (self->terms->terms->len == 0)
    {
      g_autofree char *with_none = g_strconcat (description, " ", _("No term grew in this period."), NULL);

      adw_preferences_group_set_description (self->group, with_none);
      return;
    }
  adw_preferences_group_set_description (self->group, description);

  for (guint i = 0; i < self->terms->terms->len; i++)
    {
      AppealsContentTerm *term = g_ptr_array_index (self->terms->terms, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *numbers = gtk_label_new (NULL);
      /* TRANSLATORS: beside a term's bar: appeals with it now, in the comparison period, and the growth */
      g_autofree char *text = g_strdup_printf (_("%d · was %d · +%d"), (int) term->count, (int) term->compare_count,
                                               (int) (term->count - term->compare_count));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), term->term);
      gtk_label_set_text (GTK_LABEL (numbers), text);
      gtk_label_set_width_chars (GTK_LABEL (numbers), 18);
      gtk_label_set_xalign (GTK_LABEL (numbers), 1);
      gtk_widget_add_css_class (numbers, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), appeals_bar_new ((double) term->count / largest));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), numbers);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "term", term);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self, 0);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_terms_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AppealsContentView) self = user_data;
  g_autoptr(GError) error = NULL;
  AppealsContentTerms *terms;

  terms = appeals_analytics_service_content_terms_finish (APPEALS_ANALYTICS_SERVICE (source), result, &error);
  if (!appeals_analytics_view_finish_load (error, self->spinner))
    return;
  if (terms == NULL)
    {
      remove_rows (self);
      adw_preferences_group_set_description (self->group, error->message);
      return;
    }
  g_clear_pointer (&self->terms, appeals_content_terms_free);
  self->terms = terms;
  show_terms (self);
  set_exports_sensitive (self, TRUE);
}

/* The classifiers come with the reference data, after sign-in. */
static void
fill_choice (AppealsContentView *self,
             ClassifierChoice   *choice)
{
  AppealsClassifier *classifier;

  if (choice->codes->len > 1)
    return;
  classifier = appeals_reference_service_get_classifier (appeals_context_get_reference_service (self->context),
                                                         choice->classifier);
  for (guint i = 0; classifier != NULL && i < appeals_classifier_get_n_items (classifier); i++)
    {
      const AppealsClassifierItem *item = appeals_classifier_get_item (classifier, i);

      g_ptr_array_add (choice->codes, g_strdup (item->code));
      gtk_string_list_append (choice->labels, appeals_classifier_item_get_label (item, NULL));
    }
}

/* (nullable): the code chosen; NULL for all */
static const char *
get_chosen (AppealsContentView *self,
            ClassifierChoice   *choice)
{
  guint selected;

  fill_choice (self, choice);
  selected = gtk_drop_down_get_selected (choice->dropdown);
  return selected < choice->codes->len ? g_ptr_array_index (choice->codes, selected) : NULL;
}

static void
set_chosen (AppealsContentView *self,
            ClassifierChoice   *choice,
            const char         *code)
{
  fill_choice (self, choice);
  for (guint i = 0; i < choice->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (choice->codes, i), code) == 0)
      gtk_drop_down_set_selected (choice->dropdown, i);
}

void
appeals_content_view_reload (AppealsContentView *self)
{
  AppealsReportPeriods periods;
  GDate today, from, to;

  appeals_date_get_today (&today);
  appeals_report_preset_range (gtk_drop_down_get_selected (self->preset_dropdown), &today, &from, &to);
  appeals_report_periods_init (&periods, &from, &to);
  periods.district = get_chosen (self, &self->districts);
  periods.question_character = get_chosen (self, &self->questions);
  appeals_analytics_service_content_terms_async (appeals_context_get_analytics_service (self->context), &periods,
                                                 appeals_analytics_view_start_load (&self->cancellable, self->spinner),
                                                 on_terms_loaded, g_object_ref (self));
}

void
appeals_content_view_clear (AppealsContentView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->terms, appeals_content_terms_free);
  set_exports_sensitive (self, FALSE);
  remove_rows (self);
  adw_preferences_group_set_description (self->group, NULL);
  gtk_spinner_stop (self->spinner);
}

void
appeals_content_view_set_question_character (AppealsContentView *self,
                                             const char         *code)
{
  set_chosen (self, &self->questions, code);
}

void
appeals_content_view_set_district (AppealsContentView *self,
                                   const char         *code)
{
  set_chosen (self, &self->districts, code);
}

AppealsContentTerms *
appeals_content_view_get_terms (AppealsContentView *self)
{
  return self->terms;
}

/**
 * appeals_content_view_get_row:
 *
 * Returns: (transfer none) (nullable): the row of the term at @position
 */
GtkWidget *
appeals_content_view_get_row (AppealsContentView *self,
                              guint               position)
{
  return position < self->rows->len ? g_ptr_array_index (self->rows, position) : NULL;
}

/* Export --------------------------------------------------------------------- */

static AppealsReportTable *
build_table (AppealsContentView *self)
{
  g_autofree char *period = appeals_report_period_text (&self->terms->from, &self->terms->to);
  g_autofree char *title = NULL;
  GString *filters = g_string_new (period);
  AppealsReportTable *table;

  for (guint c = 0; c < 2; c++)
    {
      ClassifierChoice *choice = c == 0 ? &self->districts : &self->questions;
      guint selected = gtk_drop_down_get_selected (choice->dropdown);

      if (selected > 0 && selected < choice->codes->len)
        g_string_append_printf (filters, ", %s", gtk_string_list_get_string (choice->labels, selected));
    }
  title = g_strdup_printf ("%s, %s", _("Systemic Issues in the Texts"), filters->str);
  g_string_free (filters, TRUE);
  table = appeals_report_table_new (title, _("Systemic Issues in the Texts"));
  appeals_report_table_add_column (table, _("Term"), FALSE);
  appeals_report_table_add_column (table, _("Appeals"), TRUE);
  appeals_report_table_add_column (table, _("A year earlier"), TRUE);
  for (guint i = 0; i < self->terms->terms->len; i++)
    {
      AppealsContentTerm *term = g_ptr_array_index (self->terms->terms, i);

      appeals_report_table_add_row (table, term->term);
      appeals_report_table_add_count (table, term->count);
      appeals_report_table_add_count (table, term->compare_count);
    }
  return table;
}

/**
 * appeals_content_view_write:
 * @xlsx: %TRUE for XLSX, %FALSE for CSV
 *
 * Writes the terms shown — the term, its appeals, those of a year earlier.
 *
 * Returns: %FALSE with @error set when they could not be written, or
 *   without when no terms are shown
 */
gboolean
appeals_content_view_write (AppealsContentView  *self,
                            gboolean             xlsx,
                            const char          *path,
                            GError             **error)
{
  g_autoptr(AppealsReportTable) table = NULL;
  g_autoptr(GPtrArray) sheets = g_ptr_array_new ();

  /* nothing shown any more, as after a reload begun behind the chooser */
  if (self->terms == NULL)
    return FALSE;

  table = build_table (self);
  if (!xlsx)
    return appeals_report_table_write_csv (table, path, error);
  g_ptr_array_add (sheets, table);
  return appeals_report_tables_write_xlsx (sheets, path, error);
}

static void
on_export_clicked (GtkButton          *button,
                   AppealsContentView *self)
{
  gboolean xlsx = button == GTK_BUTTON (self->exports[1]);
  g_autofree char *name = NULL;

  if (self->terms == NULL)
    return;
  name = appeals_analytics_view_file_name ("content-terms", &self->terms->from, &self->terms->to,
                                           xlsx ? "xlsx" : "csv");
  appeals_analytics_view_export (GTK_WIDGET (self), _("Save the Report"), name, xlsx,
                                 (AppealsAnalyticsViewWrite) appeals_content_view_write,
                                 _("The report is saved."));
}

static void
add_exports (AppealsContentView *self)
{
  const char *labels[] = { N_("Export CSV…"), N_("Export XLSX…") };
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  for (guint f = 0; f < G_N_ELEMENTS (self->exports); f++)
    {
      self->exports[f] = gtk_button_new_with_label (_(labels[f]));
      gtk_widget_set_sensitive (self->exports[f], FALSE);
      g_signal_connect_object (self->exports[f], "clicked", G_CALLBACK (on_export_clicked), self, 0);
      gtk_box_append (GTK_BOX (bar), self->exports[f]);
    }
  gtk_widget_set_halign (bar, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (self), bar);
}

/* Life ----------------------------------------------------------------------- */

static void
on_choice_changed (AppealsContentView *self)
{
  if (self->context != NULL && appeals_context_is_signed_in (self->context))
    appeals_content_view_reload (self);
}

static void
appeals_content_view_dispose (GObject *object)
{
  AppealsContentView *self = (AppealsContentView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->terms, appeals_content_terms_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->questions.codes, g_ptr_array_unref);
  g_clear_pointer (&self->districts.codes, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_content_view_parent_class)->dispose (object);
}

static void
appeals_content_view_class_init (AppealsContentViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = appeals_content_view_dispose;

  appeals_content_view_install_context_property (G_OBJECT_CLASS (klass));
}

static void
init_choice (ClassifierChoice   *choice,
             const char         *classifier,
             const char * const *all)
{
  choice->classifier = classifier;
  choice->codes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (choice->codes, NULL);
  choice->labels = gtk_string_list_new (all);
}

static void
appeals_content_view_init (AppealsContentView *self)
{
  const char *all_questions[] = { _("All questions"), NULL };
  const char *all_districts[] = { _("All districts"), NULL };
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *explanation = gtk_label_new (_("The words and phrases of the appeals whose count grew most against the "
                                            "same period a year earlier. Choose a term to list its appeals."));

  self->rows = g_ptr_array_new ();
  init_choice (&self->districts, APPEALS_CLASSIFIER_DISTRICTS, all_districts);
  init_choice (&self->questions, APPEALS_CLASSIFIER_QUESTION_CHARACTERS, all_questions);

  appeals_analytics_view_add_title (GTK_BOX (self), _("Systemic Issues in the Texts"));
  gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
  gtk_label_set_xalign (GTK_LABEL (explanation), 0);
  gtk_widget_add_css_class (explanation, "dim-label");
  gtk_box_append (GTK_BOX (self), explanation);

  self->preset_dropdown = appeals_analytics_view_add_period (GTK_BOX (bar), G_CALLBACK (on_choice_changed), self);
  self->districts.dropdown = appeals_analytics_view_add_choice (GTK_BOX (bar), G_LIST_MODEL (self->districts.labels),
                                                                _("District"), G_CALLBACK (on_choice_changed), self);
  self->questions.dropdown = appeals_analytics_view_add_choice (GTK_BOX (bar), G_LIST_MODEL (self->questions.labels),
                                                                _("Question character"),
                                                                G_CALLBACK (on_choice_changed), self);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (self), bar);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->group));
  add_exports (self);
}
