/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-page.c: the journal.
 *
 * Sorting is done by the server, so the column view shows the model as
 * it comes. GTK 4.8 does not tell which column a click made the primary
 * sort key, so the view's sorter is probed with two marker objects: only
 * the primary column's sorter decides their order.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "appeals-application.h"
#include "appeals-journal-model.h"
#include "appeals-context.h"
#include "appeals-journal-page.h"
#include "appeals-window.h"

struct _AppealsJournalPage
{
  GtkBox               parent_instance;

  AppealsContext       *context;

  GtkSearchEntry      *search_entry;
  GtkToggleButton     *filters_button;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *category_dropdown;
  GtkDropDown         *channel_dropdown;
  GtkDropDown         *district_dropdown;
  GtkCheckButton      *overdue_check;
  GtkCheckButton      *control_check;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkStack            *content_stack;
  AdwStatusPage       *error_page;
  GtkColumnView       *column_view;
  GtkLabel            *totals_label;
  GtkSpinner          *spinner;

  AppealsJournalModel *model;
  GtkSingleSelection  *selection;
  GCancellable        *cancellable;
  char                *sort;
  char                *query;
  gint64               overdue_total;
  gboolean             signed_in;
  gboolean             resetting;
};

G_DEFINE_FINAL_TYPE (AppealsJournalPage, appeals_journal_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
appeals_journal_page_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  AppealsJournalPage *self = APPEALS_JOURNAL_PAGE (object);

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
appeals_journal_page_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  AppealsJournalPage *self = APPEALS_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

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

static void
fill_district_dropdown (AppealsJournalPage *self)
{
  AppealsClassifier *districts = appeals_application_get_classifier (appeals_application_get_default (),
                                                                     APPEALS_CLASSIFIER_DISTRICTS);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_string_list_append (list, _("Any district"));
  for (guint i = 0; i < appeals_classifier_get_n_items (districts); i++)
    gtk_string_list_append (list, appeals_classifier_item_get_label (appeals_classifier_get_item (districts, i), NULL));
  gtk_drop_down_set_model (self->district_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_expression (self->district_dropdown, expression);
}

static void
append_param (GString    *query,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, TRUE);

  g_string_append_printf (query, "%s%s=%s", query->len > 0 ? "&" : "", name, escaped);
}

static void
append_enum (GString     *query,
             const char  *name,
             GtkDropDown *dropdown,
             GType        enum_type,
             const int   *values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    append_param (query, name, appeals_enum_to_wire (enum_type, values[selected - 1]));
}

/**
 * appeals_journal_page_dup_query:
 *
 * Returns: (transfer full): the query string of the current search,
 *   filters and sorting.
 */
char *
appeals_journal_page_dup_query (AppealsJournalPage *self)
{
  g_autoptr(GString) query = g_string_new (NULL);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint district = gtk_drop_down_get_selected (self->district_dropdown);
  GDate date;

  if (*text != '\0')
    append_param (query, "q", text);
  append_enum (query, "status", self->status_dropdown, APPEALS_TYPE_STATUS, status_values);
  append_enum (query, "category", self->category_dropdown, APPEALS_TYPE_CATEGORY, category_values);
  append_enum (query, "channel", self->channel_dropdown, APPEALS_TYPE_CHANNEL, channel_values);
  if (district != GTK_INVALID_LIST_POSITION && district > 0)
    {
      AppealsClassifier *districts = appeals_application_get_classifier (appeals_application_get_default (),
                                                                         APPEALS_CLASSIFIER_DISTRICTS);
      append_param (query, "district", appeals_classifier_get_item (districts, district - 1)->code);
    }
  if (gtk_check_button_get_active (self->overdue_check))
    append_param (query, "overdue", "true");
  if (gtk_check_button_get_active (self->control_check))
    append_param (query, "control", "true");
  if (appeals_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), &date))
    append_param (query, "from", gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
  if (appeals_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), &date))
    append_param (query, "to", gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
  if (self->sort != NULL)
    append_param (query, "sort", self->sort);

  return g_string_free (g_steal_pointer (&query), FALSE);
}

static void
mark_date_entry (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GDate date;

  if (*text == '\0' || appeals_date_parse_iso (text, &date))
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
on_filters_changed (AppealsJournalPage *self)
{
  g_autofree char *query = NULL;

  if (!self->signed_in || self->resetting)
    return;

  mark_date_entry (self->from_entry);
  mark_date_entry (self->to_entry);
  query = appeals_journal_page_dup_query (self);
  if (g_strcmp0 (query, self->query) == 0)
    return;

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  appeals_journal_model_set_query (self->model, self->query);
  gtk_spinner_start (self->spinner);
}

static void
on_reset_clicked (AppealsJournalPage *self)
{
  self->resetting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->channel_dropdown, 0);
  gtk_drop_down_set_selected (self->district_dropdown, 0);
  gtk_check_button_set_active (self->overdue_check, FALSE);
  gtk_check_button_set_active (self->control_check, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  self->resetting = FALSE;
  on_filters_changed (self);
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

static const struct {
  const char *title;
  const char *sort;       /* server sort key, or NULL */
  gboolean    expand;
  int         width;
} columns[N_COLUMNS] = {
  [COLUMN_NUMBER] = { N_("Number"), "registration_number", FALSE, 105 },
  [COLUMN_REGISTERED] = { N_("Date"), "registration_date", FALSE, 95 },
  [COLUMN_APPLICANT] = { N_("Applicant"), NULL, FALSE, 170 },
  [COLUMN_ANNOTATION] = { N_("Annotation"), NULL, TRUE, 200 },
  [COLUMN_QUESTION] = { N_("Question"), NULL, FALSE, 140 },
  [COLUMN_DISTRICT] = { N_("District"), NULL, FALSE, 130 },
  [COLUMN_STATUS] = { N_("Status"), NULL, FALSE, 145 },
  [COLUMN_DUE] = { N_("Due"), "due_date", FALSE, 95 },
  /* working days left or overdue, for open cards */
  [COLUMN_DAYS] = { N_("Working Days"), NULL, FALSE, 140 },
  [COLUMN_EXECUTOR] = { N_("Executor"), NULL, FALSE, 115 },
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

/* The due date's state in working days: "3 left", "2 overdue". */
static char *
days_text (AppealsAppeal *appeal,
           const char   **css_class)
{
  AppealsApplication *app = appeals_application_get_default ();
  AppealsDeadlineState state;
  GDate today;

  *css_class = NULL;
  if (!g_date_valid (&appeal->due_date) || !appeals_appeal_is_open (appeal))
    return g_strdup ("");

  appeals_date_get_today (&today);
  appeals_deadline_rules_evaluate (appeals_application_get_deadlines (app), appeals_application_get_calendar (app),
                                   &appeal->due_date, &today, &state);

  switch (state.status)
    {
    case APPEALS_DEADLINE_OVERDUE:
      *css_class = "appeal-overdue";
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d overdue", "%d overdue", state.working_days_overdue),
                              state.working_days_overdue);
    case APPEALS_DEADLINE_DUE_TODAY:
      *css_class = "appeal-due-soon";
      return g_strdup (C_("deadline", "today"));
    case APPEALS_DEADLINE_DUE_SOON:
      *css_class = "appeal-due-soon";
      G_GNUC_FALLTHROUGH;
    case APPEALS_DEADLINE_ON_TIME:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d left", "%d left", state.working_days_left),
                              state.working_days_left);
    }
}

static char *
cell_text (Column          column,
           AppealsAppeal  *appeal,
           const char    **css_class)
{
  AppealsApplication *app = appeals_application_get_default ();

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
      return g_strdup (appeals_classifier_get_label (appeals_application_get_classifier (app,
                                                       APPEALS_CLASSIFIER_QUESTION_CHARACTERS),
                                                     appeal->question_character, NULL));
    case COLUMN_DISTRICT:
      return g_strdup (appeals_classifier_get_label (appeals_application_get_classifier (app,
                                                       APPEALS_CLASSIFIER_DISTRICTS),
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
  Column column = GPOINTER_TO_INT (user_data);
  AppealsAppeal *appeal = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *css_class;
  g_autofree char *text = cell_text (column, appeal, &css_class);

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
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
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

static void
update_totals (AppealsJournalPage *self)
{
  guint total = appeals_journal_model_get_total (self->model);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u appeal", "%u appeals", total), total);

  if (self->overdue_total > 0)
    {
      g_autofree char *overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue",
                                                               self->overdue_total),
                                                  (guint) self->overdue_total);
      g_autofree char *both = g_strdup_printf ("%s · %s", text, overdue);
      gtk_label_set_text (self->totals_label, both);
    }
  else
    gtk_label_set_text (self->totals_label, text);
}

static void
on_overdue_counted (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AppealsJournalPage) self = user_data;
  g_autoptr(AppealsApiResponse) response = appeals_api_client_request_finish (APPEALS_API_CLIENT (source),
                                                                              result, NULL);

  if (response == NULL || !appeals_api_response_is_success (response))
    return;

  self->overdue_total = json_object_get_int_member (json_node_get_object (response->body), "total");
  update_totals (self);
}

static void
on_model_loaded (AppealsJournalModel *model,
                 AppealsJournalPage  *self)
{
  AppealsApiClient *client = appeals_application_get_client (appeals_application_get_default ());
  g_autofree char *query = appeals_journal_page_dup_query (self);
  g_autofree char *path = g_strdup_printf ("appeals?limit=1&overdue=true%s%s", *query ? "&" : "", query);
  gboolean first_page = appeals_journal_model_get_n_loaded (model) <= appeals_journal_model_get_page_size (model);
  gboolean overdue_only = strstr (query, "overdue=true") != NULL;

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->content_stack,
                                    appeals_journal_model_get_total (model) > 0 ? "list" : "empty");

  /* the overdue count belongs to the query, not to each page; when the
   * query asks for overdue cards only, they all are */
  if (first_page)
    self->overdue_total = overdue_only ? appeals_journal_model_get_total (model) : 0;
  update_totals (self);

  if (first_page && !overdue_only)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      appeals_api_client_request_async (client, "GET", path, NULL, NULL, NULL, self->cancellable,
                                        on_overdue_counted, g_object_ref (self));
    }
}

static void
on_model_failed (AppealsJournalModel *model,
                 GError              *error,
                 AppealsJournalPage  *self)
{
  AppealsWindow *window = APPEALS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  gtk_spinner_stop (self->spinner);

  if (g_error_matches (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_UNAUTHORIZED))
    {
      appeals_application_sign_out (appeals_application_get_default ());
      return;
    }

  if (g_error_matches (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_NETWORK) && window != NULL)
    appeals_window_connection_lost (window);

  /* keep showing what was loaded; say why nothing more comes */
  if (appeals_journal_model_get_total (model) == 0)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }
}

static void
on_row_activated (AppealsJournalPage *self,
                  guint               position)
{
  g_autoptr(AppealsAppeal) appeal = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  AppealsWindow *window = APPEALS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  if (appeal != NULL && appeal->id > 0)
    appeals_window_open_card (window, appeal->id);
}

void
appeals_journal_page_reload (AppealsJournalPage *self)
{
  g_autofree char *query = NULL;

  if (self->model == NULL)
    return;

  self->signed_in = TRUE;
  query = appeals_journal_page_dup_query (self);
  appeals_journal_model_set_page_size (self->model,
                                       g_settings_get_int (appeals_application_get_settings (appeals_application_get_default ()),
                                                           "journal-page-size"));
  g_free (self->query);
  self->query = g_steal_pointer (&query);
  appeals_journal_model_set_query (self->model, self->query);
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

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_pointer (&self->sort, g_free);
  g_clear_pointer (&self->query, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), APPEALS_TYPE_JOURNAL_PAGE);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_journal_page_parent_class)->dispose (object);
}

static void
appeals_journal_page_class_init (AppealsJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = appeals_journal_page_dispose;
  G_OBJECT_CLASS (klass)->set_property = appeals_journal_page_set_property;
  G_OBJECT_CLASS (klass)->get_property = appeals_journal_page_get_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, APPEALS_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/appeals-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AppealsJournalPage, filters_button);
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

static void
appeals_journal_page_init (AppealsJournalPage *self)
{
  AppealsApplication *app = appeals_application_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  fill_enum_dropdown (self->status_dropdown, _("Any status"), APPEALS_TYPE_STATUS,
                      status_values, G_N_ELEMENTS (status_values));
  fill_enum_dropdown (self->category_dropdown, _("Any category"), APPEALS_TYPE_CATEGORY,
                      category_values, G_N_ELEMENTS (category_values));
  fill_enum_dropdown (self->channel_dropdown, _("Any channel"), APPEALS_TYPE_CHANNEL,
                      channel_values, G_N_ELEMENTS (channel_values));
  fill_district_dropdown (self);
  build_columns (self);

  self->model = appeals_journal_model_new (appeals_application_get_client (app));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->model, "loaded", G_CALLBACK (on_model_loaded), self);
  g_signal_connect (self->model, "failed", G_CALLBACK (on_model_failed), self);
  gtk_stack_set_visible_child_name (self->content_stack, "signed-out");
}
