/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-page.c: the journal.
 *
 * Sorting is done by the server, so the column view shows the model as
 * it comes. GTK 4.8 does not tell which column a click made the primary
 * sort key, so the view's sorter is probed with two marker objects: only
 * the primary column's sorter decides their order.
 *
 * The due dates' state in working days and the overdue count are the
 * server's figures. A saved card comes back through the appeal service's
 * "appeal-changed" and replaces its one row. A talon's barcode scanned
 * into the search opens its receipt (appeals-receipt-card.c).
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "appeals-journal-columns.h"
#include "appeals-journal-model.h"
#include "appeals-context.h"
#include "appeals-date-entry.h"
#include "appeals-error-status.h"
#include "appeals-journal-page.h"
#include "appeals-receipt-card.h"

struct _AppealsJournalPage
{
  GtkBox               parent_instance;

  AppealsContext       *context;

  GtkSearchEntry      *search_entry;
  GtkToggleButton     *filters_button;
  GtkMenuButton       *columns_button;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *category_dropdown;
  GtkDropDown         *channel_dropdown;
  GtkDropDown         *district_dropdown;
  GtkCheckButton      *overdue_check;
  GtkCheckButton      *control_check;
  AppealsDateEntry    *from_entry;
  AppealsDateEntry    *to_entry;
  GtkStack            *content_stack;
  AdwStatusPage       *error_page;
  GtkColumnView       *column_view;
  GtkLabel            *totals_label;
  GtkSpinner          *spinner;
  GtkWidget           *figure_bar;     /* "the appeals behind a report figure" */
  GtkLabel            *figure_label;
  char                *figure;

  AppealsJournalModel *model;
  GtkSingleSelection  *selection;
  char                *sort;
  AppealsAppealFilter *filter;
  gboolean             signed_in;
  gboolean             resetting;
  GCancellable        *talon_lookup;   /* a talon scanned into the search */
};

G_DEFINE_FINAL_TYPE (AppealsJournalPage, appeals_journal_page, GTK_TYPE_BOX)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsJournalPage, appeals_journal_page)

/* Filters ------------------------------------------------------------------ */

static const int status_values[] = {
  APPEALS_STATUS_REGISTERED, APPEALS_STATUS_IN_PROGRESS, APPEALS_STATUS_FORWARDED, APPEALS_STATUS_EXTENDED,
  APPEALS_STATUS_ANSWERED, APPEALS_STATUS_RETURNED, APPEALS_STATUS_CLOSED,
};
static const int category_values[] = {
  APPEALS_CATEGORY_STRATEGIC, APPEALS_CATEGORY_TYPICAL, APPEALS_CATEGORY_COMPLAINT,
};
static const int channel_values[] = {
  APPEALS_CHANNEL_BY_HAND, APPEALS_CHANNEL_KAZPOST, APPEALS_CHANNEL_EGOV, APPEALS_CHANNEL_VIRTUAL_RECEPTION,
};

static void
fill_enum_dropdown (GtkDropDown *dropdown,
                    const char  *any,
                    GType        enum_type,
                    const int   *values,
                    guint        n_values)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  for (guint i = 0; i < n_values; i++)
    gtk_string_list_append (list, appeals_enum_get_label (enum_type, values[i]));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static AppealsClassifier *
get_classifier (AppealsJournalPage *self,
                const char         *name)
{
  return appeals_reference_service_get_classifier (appeals_context_get_reference_service (self->context), name);
}

static void
fill_district_dropdown (AppealsJournalPage *self)
{
  AppealsClassifier *districts = get_classifier (self, APPEALS_CLASSIFIER_DISTRICTS);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_string_list_append (list, _("Any district"));
  for (guint i = 0; i < appeals_classifier_get_n_items (districts); i++)
    gtk_string_list_append (list, appeals_classifier_item_get_label (appeals_classifier_get_item (districts, i), NULL));
  gtk_drop_down_set_model (self->district_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_expression (self->district_dropdown, expression);
}

static int
selected_enum (GtkDropDown *dropdown,
               const int   *values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected != GTK_INVALID_LIST_POSITION && selected > 0 ? values[selected - 1] : 0;
}

/**
 * appeals_journal_page_dup_filter:
 *
 * Returns: (transfer full): the current search, filters and sorting.
 */
AppealsAppealFilter *
appeals_journal_page_dup_filter (AppealsJournalPage *self)
{
  g_autoptr(AppealsAppealFilter) filter = appeals_appeal_filter_new ();
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint district = gtk_drop_down_get_selected (self->district_dropdown);

  filter->text = *text != '\0' ? g_strdup (text) : NULL;
  filter->status = selected_enum (self->status_dropdown, status_values);
  filter->category = selected_enum (self->category_dropdown, category_values);
  filter->channel = selected_enum (self->channel_dropdown, channel_values);
  if (district != GTK_INVALID_LIST_POSITION && district > 0)
    filter->district = g_strdup (appeals_classifier_get_item (get_classifier (self, APPEALS_CLASSIFIER_DISTRICTS),
                                                              district - 1)->code);
  filter->overdue_only = gtk_check_button_get_active (self->overdue_check);
  filter->control_only = gtk_check_button_get_active (self->control_check);
  if (!appeals_date_entry_get_date (self->from_entry, &filter->from))
    g_date_clear (&filter->from, 1);
  if (!appeals_date_entry_get_date (self->to_entry, &filter->to))
    g_date_clear (&filter->to, 1);
  filter->sort = g_strdup (self->sort);
  filter->figure = g_strdup (self->figure);

  return g_steal_pointer (&filter);
}

static void
on_filters_changed (AppealsJournalPage *self)
{
  g_autoptr(AppealsAppealFilter) filter = NULL;

  if (!self->signed_in || self->resetting)
    return;

  filter = appeals_journal_page_dup_filter (self);
  if (appeals_appeal_filter_equal (filter, self->filter))
    return;

  appeals_appeal_filter_free (self->filter);
  self->filter = g_steal_pointer (&filter);
  appeals_journal_model_set_filter (self->model, self->filter);
  gtk_spinner_start (self->spinner);
}

static void
reset_filters (AppealsJournalPage *self)
{
  self->resetting = TRUE;
  g_clear_pointer (&self->figure, g_free);
  gtk_widget_set_visible (self->figure_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->channel_dropdown, 0);
  gtk_drop_down_set_selected (self->district_dropdown, 0);
  gtk_check_button_set_active (self->overdue_check, FALSE);
  gtk_check_button_set_active (self->control_check, FALSE);
  appeals_date_entry_set_date (self->from_entry, NULL);
  appeals_date_entry_set_date (self->to_entry, NULL);
  self->resetting = FALSE;
}

static void
on_reset_clicked (AppealsJournalPage *self)
{
  reset_filters (self);
  on_filters_changed (self);
}

/**
 * appeals_journal_page_show_figure:
 * @query: the figure's journal query, as the line report gives it
 * @description: what the figure is, for the bar above the list
 *
 * Lists the appeals behind a figure of the report, in place of the
 * current search and filters; the bar's button (or Reset) clears it.
 */
void
appeals_journal_page_show_figure (AppealsJournalPage *self,
                                  const char         *query,
                                  const char         *description)
{
  reset_filters (self);
  self->figure = g_strdup (query);
  gtk_label_set_text (self->figure_label, description);
  gtk_widget_set_visible (self->figure_bar, TRUE);
  on_filters_changed (self);
}

static GtkWidget *
build_figure_bar (AppealsJournalPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *clear = gtk_button_new_with_label (_("Show All"));

  self->figure_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->figure_label, 0);
  gtk_label_set_wrap (self->figure_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->figure_label), TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->figure_label));
  g_signal_connect_object (clear, "clicked", G_CALLBACK (on_reset_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), clear);
  gtk_widget_add_css_class (bar, "toolbar");
  gtk_widget_set_visible (bar, FALSE);
  return bar;
}

/* Columns -------------------------------------------------------------------- */

/* in display order: what decides the day's work comes first */
typedef enum
{
  COLUMN_NUMBER,
  COLUMN_REGISTERED,
  COLUMN_DUE,
  COLUMN_DAYS,
  COLUMN_STATUS,
  COLUMN_APPLICANT,
  COLUMN_ANNOTATION,
  COLUMN_QUESTION,
  COLUMN_DISTRICT,
  COLUMN_EXECUTOR,
  N_COLUMNS
} Column;

/* the ids name the columns in GSettings; their widths and which show are
 * the schema's "journal-column-widths" and "journal-hidden-columns" */
static const struct {
  const char *id;
  const char *title;
  const char *sort;       /* server sort key, or NULL */
  gboolean    expand;
} columns[N_COLUMNS] = {
  [COLUMN_NUMBER] = { "number", N_("Number"), "registration_number", FALSE },
  [COLUMN_REGISTERED] = { "registered", N_("Date"), "registration_date", FALSE },
  [COLUMN_APPLICANT] = { "applicant", N_("Applicant"), NULL, FALSE },
  [COLUMN_ANNOTATION] = { "annotation", N_("Annotation"), NULL, TRUE },
  [COLUMN_QUESTION] = { "question", N_("Question"), NULL, FALSE },
  [COLUMN_DISTRICT] = { "district", N_("District"), NULL, FALSE },
  [COLUMN_STATUS] = { "status", N_("Status"), NULL, FALSE },
  [COLUMN_DUE] = { "due", N_("Due"), "due_date", FALSE },
  /* working days left or overdue, for open cards */
  [COLUMN_DAYS] = { "days", N_("Working Days"), NULL, FALSE },
  [COLUMN_EXECUTOR] = { "executor", N_("Executor"), NULL, FALSE },
};

static char *
format_date (const GDate *date)
{
  char buffer[32];

  if (!g_date_valid (date))
    return g_strdup ("");
  g_date_strftime (buffer, sizeof buffer, "%d.%m.%Y", date);
  return g_strdup (buffer);
}

/* The due date's state in working days, as the server counted them:
 * "3 left", "2 overdue". */
static char *
days_text (AppealsAppeal *appeal,
           const char   **css_class)
{
  int left = (int) appeal->working_days_left;
  int overdue = (int) appeal->working_days_overdue;

  *css_class = NULL;
  switch (appeal->due_state)
    {
    case APPEALS_DUE_STATE_OVERDUE:
      *css_class = "appeal-overdue";
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d overdue", "%d overdue", overdue), overdue);
    case APPEALS_DUE_STATE_DUE_TODAY:
      *css_class = "appeal-due-soon";
      return g_strdup (C_("deadline", "today"));
    case APPEALS_DUE_STATE_DUE_SOON:
      *css_class = "appeal-due-soon";
      G_GNUC_FALLTHROUGH;
    case APPEALS_DUE_STATE_ON_TIME:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d left", "%d left", left), left);
    case APPEALS_DUE_STATE_UNSET:
    default:
      return g_strdup ("");
    }
}

static char *
cell_text (Column          column,
           AppealsAppeal  *appeal,
           AppealsJournalPage  *self,
           const char    **css_class)
{
  *css_class = NULL;
  if (appeal->id == 0)
    return g_strdup (column == COLUMN_ANNOTATION ? _("Loading…") : "");

  switch (column)
    {
    case COLUMN_NUMBER:
      return g_strdup (appeal->registration_number);
    case COLUMN_REGISTERED:
      return format_date (&appeal->registration_date);
    case COLUMN_APPLICANT:
      return g_strdup (appeal->applicant_name);
    case COLUMN_ANNOTATION:
      return g_strdup (appeal->annotation);
    case COLUMN_QUESTION:
      return g_strdup (appeals_classifier_get_label (get_classifier (self, APPEALS_CLASSIFIER_QUESTION_CHARACTERS),
                                                     appeal->question_character, NULL));
    case COLUMN_DISTRICT:
      return g_strdup (appeals_classifier_get_label (get_classifier (self, APPEALS_CLASSIFIER_DISTRICTS),
                                                     appeal->district, NULL));
    case COLUMN_STATUS:
      return g_strdup (appeals_enum_get_label (APPEALS_TYPE_STATUS, appeal->status));
    case COLUMN_DUE:
      return format_date (&appeal->due_date);
    case COLUMN_DAYS:
      return days_text (appeal, css_class);
    case COLUMN_EXECUTOR:
      return g_strdup (appeal->executor != NULL ? appeal->executor : "");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  AppealsJournalPage *self = user_data;
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  AppealsAppeal *appeal = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *css_class;
  g_autofree char *text = cell_text (column, appeal, self, &css_class);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, column == COLUMN_ANNOTATION || column == COLUMN_APPLICANT ||
                                      column == COLUMN_STATUS ? text : NULL);
  gtk_widget_remove_css_class (label, "appeal-overdue");
  gtk_widget_remove_css_class (label, "appeal-due-soon");
  gtk_widget_remove_css_class (label, "dim-label");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (appeal->id == 0)
    gtk_widget_add_css_class (label, "dim-label");
}

/* The sorter probe: keys per column, only on the two marker objects. */
static int
compare_probe (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const int *keys_a = g_object_get_data (G_OBJECT (a), "probe-keys");
  const int *keys_b = g_object_get_data (G_OBJECT (b), "probe-keys");
  Column column = GPOINTER_TO_INT (user_data);

  if (keys_a == NULL || keys_b == NULL)
    return GTK_ORDERING_EQUAL;
  return keys_a[column] < keys_b[column] ? GTK_ORDERING_SMALLER
       : keys_a[column] > keys_b[column] ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
probe_order (GtkSorter *sorter,
             Column     candidate)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  int *keys_a = g_new0 (int, N_COLUMNS);
  int *keys_b = g_new (int, N_COLUMNS);

  for (guint i = 0; i < N_COLUMNS; i++)
    keys_b[i] = i == candidate ? 1 : -1;
  g_object_set_data_full (a, "probe-keys", keys_a, g_free);
  g_object_set_data_full (b, "probe-keys", keys_b, g_free);

  return gtk_sorter_compare (sorter, a, b);
}

/* Of the sortable columns, the primary one is the only one whose probe
 * comes out the other way round from the rest. */
static void
on_sorter_changed (GtkSorter          *sorter,
                   GtkSorterChange     change,
                   AppealsJournalPage *self)
{
  int results[N_COLUMNS] = { 0, };
  int primary = -1;

  for (guint i = 0; i < N_COLUMNS; i++)
    if (columns[i].sort != NULL)
      results[i] = probe_order (sorter, i);

  g_clear_pointer (&self->sort, g_free);
  for (guint i = 0; i < N_COLUMNS && primary < 0; i++)
    {
      guint agree = 0, disagree = 0;

      if (columns[i].sort == NULL || results[i] == 0)
        continue;
      for (guint j = 0; j < N_COLUMNS; j++)
        if (j != i && columns[j].sort != NULL)
          {
            if (results[j] == results[i])
              agree++;
            else
              disagree++;
          }
      if (agree == 0 && disagree > 0)
        primary = i;
    }

  if (primary >= 0)
    self->sort = g_strconcat (results[primary] < 0 ? "" : "-", columns[primary].sort, NULL);

  on_filters_changed (self);
}

static void
build_columns (AppealsJournalPage *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      appeals_journal_columns_set_id (column, columns[i].id);
      if (columns[i].sort != NULL)
        {
          g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_probe, GINT_TO_POINTER (i), NULL));
          gtk_column_view_column_set_sorter (column, sorter);
        }
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }

  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (on_sorter_changed), self);
}

/* Loading -------------------------------------------------------------------- */

/* "N appeals · M overdue" from the server's totals, "more than 10,000" past
 * its cap; nothing until they arrive (the rows come first). */
static void
update_totals (AppealsJournalPage *self)
{
  const AppealsAppealCount *count = appeals_journal_model_get_count (self->model);
  g_autofree char *text = NULL;

  if (count == NULL)
    {
      gtk_label_set_text (self->totals_label, "");
      return;
    }

  text = count->total_more
         ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "More than %u appeal", "More than %u appeals", count->total),
                            count->total)
         : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u appeal", "%u appeals", count->total), count->total);

  if (count->overdue > 0)
    {
      g_autofree char *overdue = count->overdue_more
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "more than %u overdue", "more than %u overdue",
                                        count->overdue), count->overdue)
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", count->overdue),
                           count->overdue);
      g_autofree char *both = g_strdup_printf ("%s · %s", text, overdue);
      gtk_label_set_text (self->totals_label, both);
    }
  else
    gtk_label_set_text (self->totals_label, text);
}

/* The totals, overdue ones included, come with the query's one count
 * request (the model's "counted"), not with each page. */
static void
on_model_counted (AppealsJournalModel *model,
                  AppealsJournalPage  *self)
{
  update_totals (self);
}

static void
on_model_loaded (AppealsJournalModel *model,
                 AppealsJournalPage  *self)
{
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->content_stack,
                                    appeals_journal_model_get_total (model) > 0 ? "list" : "empty");
  update_totals (self);
}

/* A card was saved: its row shows the server's answer at once; a new
 * card is not in the loaded rows, so the journal asks again. */
static void
on_appeal_changed (AppealsAppealService *service,
                   AppealsAppeal        *appeal,
                   AppealsJournalPage   *self)
{
  if (!self->signed_in)
    return;

  if (!appeals_journal_model_update_appeal (self->model, appeal))
    {
      appeals_journal_page_reload (self);
      return;
    }

  appeals_journal_model_recount (self->model);
}

static void
on_model_failed (AppealsJournalModel *model,
                 GError              *error,
                 AppealsJournalPage  *self)
{
  gtk_spinner_stop (self->spinner);

  /* an ended session and a lost server are the application's and the
   * window's business (the context's "session-expired" and
   * "connection-lost"); the page keeps what it shows */
  if (g_error_matches (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_UNAUTHORIZED))
    return;

  /* keep showing what was loaded; say why nothing more comes */
  if (appeals_journal_model_get_total (model) == 0)
    {
      appeals_error_status_show (self->error_page, error, _("The Journal Could Not Be Loaded"));
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }
}

static void
on_row_activated (AppealsJournalPage *self,
                  guint               position)
{
  g_autoptr(AppealsAppeal) appeal = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (appeal != NULL && appeal->id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-card", "x", appeal->id);
}

void
appeals_journal_page_reload (AppealsJournalPage *self)
{
  if (self->model == NULL)
    return;

  self->signed_in = TRUE;
  appeals_appeal_filter_free (self->filter);
  self->filter = appeals_journal_page_dup_filter (self);
  appeals_journal_model_set_page_size (self->model,
                                       g_settings_get_int (appeals_context_get_settings (self->context),
                                                           "journal-page-size"));
  appeals_journal_model_set_filter (self->model, self->filter);
  gtk_spinner_start (self->spinner);
}

void
appeals_journal_page_clear (AppealsJournalPage *self)
{
  self->signed_in = FALSE;
  appeals_journal_model_clear (self->model);
  gtk_label_set_text (self->totals_label, "");
  gtk_stack_set_visible_child_name (self->content_stack, "signed-out");
}

void
appeals_journal_page_focus_search (AppealsJournalPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GListModel *
appeals_journal_page_get_model (AppealsJournalPage *self)
{
  return G_LIST_MODEL (self->model);
}

static void
appeals_journal_page_dispose (GObject *object)
{
  AppealsJournalPage *self = (AppealsJournalPage *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_pointer (&self->sort, g_free);
  g_clear_pointer (&self->filter, appeals_appeal_filter_free);
  g_clear_pointer (&self->figure, g_free);
  g_cancellable_cancel (self->talon_lookup);
  g_clear_object (&self->talon_lookup);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (appeals_context_get_appeal_service (self->context), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), APPEALS_TYPE_JOURNAL_PAGE);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_journal_page_parent_class)->dispose (object);
}

static void
appeals_journal_page_constructed (GObject *object)
{
  AppealsJournalPage *self = (AppealsJournalPage *)object;
  AppealsAppealService *service = appeals_context_get_appeal_service (self->context);

  G_OBJECT_CLASS (appeals_journal_page_parent_class)->constructed (object);

  fill_district_dropdown (self);
  appeals_journal_columns_bind (self->column_view, appeals_context_get_settings (self->context),
                                self->columns_button);
  self->model = appeals_journal_model_new (service);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->model, "loaded", G_CALLBACK (on_model_loaded), self);
  g_signal_connect (self->model, "failed", G_CALLBACK (on_model_failed), self);
  g_signal_connect (self->model, "counted", G_CALLBACK (on_model_counted), self);
  g_signal_connect (service, "appeal-changed", G_CALLBACK (on_appeal_changed), self);
}

static void
appeals_journal_page_class_init (AppealsJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (APPEALS_TYPE_DATE_ENTRY);
  object_class->dispose = appeals_journal_page_dispose;
  object_class->constructed = appeals_journal_page_constructed;

  appeals_journal_page_install_context_property (G_OBJECT_CLASS (klass));

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/appeals-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, filters_button);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, columns_button);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, overdue_check);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, control_check);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, appeals_journal_page_reload);
}

/* Down in the search field goes on to the results, as in a search box
 * that lists what it found. */
static gboolean
on_search_key_pressed (AppealsJournalPage *self,
                       guint               keyval,
                       guint               keycode,
                       GdkModifierType     state)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || (state & GDK_MODIFIER_MASK) != 0 ||
      self->selection == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return GDK_EVENT_PROPAGATE;

  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  return GDK_EVENT_STOP;
}

/* A talon's barcode scanned into the search (a scanner types the talon
 * number and Enter) lands on its receipt: the card that registers it, or
 * the appeal it became. Other text stays a search. */
static void
on_search_activated (AppealsJournalPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_cancellable_cancel (self->talon_lookup);
  g_clear_object (&self->talon_lookup);
  self->talon_lookup = g_cancellable_new ();
  if (self->context != NULL &&
      appeals_receipt_card_find_talon (self->context, GTK_WIDGET (self), text, self->talon_lookup))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
appeals_journal_page_init (AppealsJournalPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activated), self);

  fill_enum_dropdown (self->status_dropdown, _("Any status"), APPEALS_TYPE_STATUS,
                      status_values, G_N_ELEMENTS (status_values));
  fill_enum_dropdown (self->category_dropdown, _("Any category"), APPEALS_TYPE_CATEGORY,
                      category_values, G_N_ELEMENTS (category_values));
  fill_enum_dropdown (self->channel_dropdown, _("Any channel"), APPEALS_TYPE_CHANNEL,
                      channel_values, G_N_ELEMENTS (channel_values));
  build_columns (self);
  gtk_stack_set_visible_child_name (self->content_stack, "signed-out");

  /* right above the list */
  self->figure_bar = build_figure_bar (self);
  if (GTK_IS_BOX (gtk_widget_get_parent (GTK_WIDGET (self->content_stack))))
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->content_stack))), self->figure_bar,
                                gtk_widget_get_prev_sibling (GTK_WIDGET (self->content_stack)));
  else
    gtk_box_prepend (GTK_BOX (self), self->figure_bar);
}

