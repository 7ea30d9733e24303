/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-quality-page.c: one row per body — its rank (the bodies not
 * ranked yet in a group of their own, which says why), the share of
 * answers accepted the first time, the average score, reworks and
 * overdue answers — and below it the line report
 * (appeals-line-report-view.c), the growth alerts
 * (appeals-alerts-view.c), the content analysis (appeals-content-view.c)
 * and the statistical report
 * (appeals-statistical-report-view.c). Its "Analytical Note…" button
 * writes the semi-annual note (appeals-note-dialog.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-alerts-view.h"
#include "appeals-analytical-note.h"
#include "appeals-content-view.h"
#include "appeals-context.h"
#include "appeals-file-chooser.h"
#include "appeals-line-report-view.h"
#include "appeals-note-dialog.h"
#include "appeals-quality-page.h"
#include "appeals-statistical-report-view.h"

struct _AppealsQualityPage
{
  AdwBin               parent_instance;

  AppealsContext       *context;

  AdwPreferencesGroup *group;            /* the ranked bodies */
  AdwPreferencesGroup *unranked_group;   /* those with too few answers checked */
  AdwPreferencesPage  *page;
  AppealsLineReportView *line_report;
  AppealsStatisticalReportView *statistical_report;
  AppealsAlertsView   *alerts;
  AppealsContentView  *content;
  GPtrArray           *rows;
  GCancellable        *cancellable;
  GCancellable        *note_cancellable;   /* a reload does not stop a note being written */
  char                *note_path;          /* where the note being gathered goes */
};

G_DEFINE_FINAL_TYPE (AppealsQualityPage, appeals_quality_page, ADW_TYPE_BIN)

enum {
  NOTE_WRITTEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsQualityPage, appeals_quality_page)

static void
remove_bodies (AppealsQualityPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

void
appeals_quality_page_clear (AppealsQualityPage *self)
{
  remove_bodies (self);
  appeals_line_report_view_clear (self->line_report);
  appeals_statistical_report_view_clear (self->statistical_report);
  appeals_alerts_view_clear (self->alerts);
  appeals_content_view_clear (self->content);
}

guint
appeals_quality_page_get_n_bodies (AppealsQualityPage *self)
{
  return self->rows->len;
}

/* Keeps figures whole: lines break between them, never inside one. */
static char *
join_figures (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, " · ", -1);

  for (guint p = 0; parts[p] != NULL; p++)
    {
      g_autoptr(GString) part = g_string_new (parts[p]);

      g_string_replace (part, " ", "\u00a0", 0);
      g_free (parts[p]);
      parts[p] = g_string_free (g_steal_pointer (&part), FALSE);
    }
  return g_strjoinv (" · ", parts);
}

static void
add_body (AppealsQualityPage       *self,
          AppealsClassifier        *bodies,
          const AppealsBodyQuality *quality)
{
  GtkWidget *row = adw_action_row_new ();
  AdwPreferencesGroup *group = quality->ranked ? self->group : self->unranked_group;
  g_autofree char *figures = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *answers_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d answer", "%d answers",
                                                                quality->answers), (int) quality->answers);

  /* TRANSLATORS: 3 answers · 80% accepted the first time · score 86 · 1 returned · 0 late */
  figures = g_strdup_printf (_("%s · %.0f%% accepted the first time · average score %.0f · %d returned · %d late"),
                             answers_text, 100 * quality->accepted_first, quality->average_score,
                             (int) quality->reworks, (int) quality->overdue);
  subtitle = join_figures (figures);

  /* a place in the ranking; the bodies not ranked yet have a group of their own */
  if (quality->ranked)
    {
      g_autofree char *rank_text = g_strdup_printf ("%u", quality->rank);
      GtkWidget *rank = gtk_label_new (rank_text);

      gtk_label_set_width_chars (GTK_LABEL (rank), 3);
      gtk_widget_add_css_class (rank, "title-3");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), rank);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), appeals_classifier_get_label (bodies, quality->body, NULL));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (row), "group", group);
  gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
  g_ptr_array_add (self->rows, row);
}

static void
on_ranking_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AppealsQualityPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ranking = NULL;
  g_autofree char *description = NULL;
  g_autofree char *unranked = NULL;
  AppealsClassifier *bodies;
  guint min_answers = 0;

  ranking = appeals_expertise_service_rank_bodies_finish (APPEALS_EXPERTISE_SERVICE (source), result,
                                                          &min_answers, &error);
  if (ranking == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("answer quality: %s", error->message);
      return;
    }

  bodies = appeals_reference_service_get_classifier (appeals_context_get_reference_service (self->context),
                                                     APPEALS_CLASSIFIER_ADDRESSEE_BODIES);
  remove_bodies (self);
  gtk_widget_set_visible (GTK_WIDGET (self->unranked_group), FALSE);
  for (guint i = 0; i < ranking->len; i++)
    add_body (self, bodies, g_ptr_array_index (ranking, i));

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Bodies are ranked once %d answer of theirs has been checked.",
                                              "Bodies are ranked once %d answers of theirs have been checked.",
                                              min_answers),
                                 (int) min_answers);
  adw_preferences_group_set_description (self->group, description);
  unranked = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Fewer than %d answer of theirs checked so far.",
                                           "Fewer than %d answers of theirs checked so far.", min_answers),
                              (int) min_answers);
  adw_preferences_group_set_description (self->unranked_group, unranked);
}

void
appeals_quality_page_reload (AppealsQualityPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  appeals_expertise_service_rank_bodies_async (appeals_context_get_expertise_service (self->context), NULL, NULL,
                                               self->cancellable, on_ranking_loaded, g_object_ref (self));
  appeals_line_report_view_reload (self->line_report);
  appeals_alerts_view_reload (self->alerts);
  appeals_content_view_reload (self->content);
  appeals_statistical_report_view_reload (self->statistical_report);
}

AppealsStatisticalReportView *
appeals_quality_page_get_statistical_report (AppealsQualityPage *self)
{
  return self->statistical_report;
}

AppealsLineReportView *
appeals_quality_page_get_line_report (AppealsQualityPage *self)
{
  return self->line_report;
}

AppealsAlertsView *
appeals_quality_page_get_alerts (AppealsQualityPage *self)
{
  return self->alerts;
}

AppealsContentView *
appeals_quality_page_get_content (AppealsQualityPage *self)
{
  return self->content;
}

/* The analytical note -------------------------------------------------------- */

static void
on_note_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AppealsQualityPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsAnalyticalNote) note = appeals_analytical_note_load_finish (result, &error);
  g_autofree char *path = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (note != NULL)
    path = appeals_analytical_note_write (note, self->note_path, appeals_widget_get_window (GTK_WIDGET (self)),
                                          &error);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s",
                              path != NULL ? _("The analytical note is saved as an OpenDocument text and a PDF.")
                                           : error->message);
  g_signal_emit (self, signals[NOTE_WRITTEN], 0, path);
}

/**
 * appeals_quality_page_write_note:
 * @path: where to write; the note goes to its .fodt and .pdf
 *
 * Gathers the analytical note of the half-year from the server and writes
 * it; "note-written" tells when. A note asked for while another is still
 * being gathered supersedes it.
 */
void
appeals_quality_page_write_note (AppealsQualityPage *self,
                                 int                 year,
                                 int                 half,
                                 const char         *language,
                                 const char         *path)
{
  g_cancellable_cancel (self->note_cancellable);
  g_object_unref (self->note_cancellable);
  self->note_cancellable = g_cancellable_new ();
  g_free (self->note_path);
  self->note_path = g_strdup (path);
  appeals_analytical_note_load_async (self->context, year, half, language, self->note_cancellable, on_note_loaded,
                                      g_object_ref (self));
}

static void
on_note_file_chosen (GtkWidget  *page,
                     const char *path,
                     gpointer    data)
{
  AppealsNoteDialog *dialog = data;

  appeals_quality_page_write_note (APPEALS_QUALITY_PAGE (page), appeals_note_dialog_get_year (dialog),
                                   appeals_note_dialog_get_half (dialog), appeals_note_dialog_get_language (dialog),
                                   path);
}

static void
on_note_dialog_response (AppealsNoteDialog  *dialog,
                         const char         *response,
                         AppealsQualityPage *self)
{
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  name = g_strdup_printf ("analytical-note-%d-H%d-%s.fodt", appeals_note_dialog_get_year (dialog),
                          appeals_note_dialog_get_half (dialog), appeals_note_dialog_get_language (dialog));
  appeals_file_chooser_ask (GTK_WIDGET (self), _("Save the Analytical Note"), GTK_FILE_CHOOSER_ACTION_SAVE, name,
                            on_note_file_chosen, g_object_ref (dialog), g_object_unref);
}

/**
 * appeals_quality_page_show_note_dialog:
 *
 * Returns: (transfer none): the analytical note's dialog, shown
 */
GtkWindow *
appeals_quality_page_show_note_dialog (AppealsQualityPage *self)
{
  AppealsNoteDialog *dialog = appeals_note_dialog_new (appeals_widget_get_window (GTK_WIDGET (self)));

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_note_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* A verdict changes the figures, whichever window gave it. */
static void
on_verdict_given (AppealsQualityPage *self,
                  gint64              appeal_id)
{
  if (appeals_context_is_signed_in (self->context))
    appeals_quality_page_reload (self);
}

static void
appeals_quality_page_constructed (GObject *object)
{
  AppealsQualityPage *self = (AppealsQualityPage *)object;

  AdwPreferencesGroup *report_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *alerts_group;

  G_OBJECT_CLASS (appeals_quality_page_parent_class)->constructed (object);

  self->line_report = g_object_new (APPEALS_TYPE_LINE_REPORT_VIEW, "context", self->context, NULL);
  adw_preferences_group_add (report_group, GTK_WIDGET (self->line_report));
  adw_preferences_page_add (self->page, report_group);

  alerts_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->alerts = g_object_new (APPEALS_TYPE_ALERTS_VIEW, "context", self->context, NULL);
  adw_preferences_group_add (alerts_group, GTK_WIDGET (self->alerts));
  adw_preferences_page_add (self->page, alerts_group);

  report_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->content = g_object_new (APPEALS_TYPE_CONTENT_VIEW, "context", self->context, NULL);
  adw_preferences_group_add (report_group, GTK_WIDGET (self->content));
  adw_preferences_page_add (self->page, report_group);

  report_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->statistical_report = g_object_new (APPEALS_TYPE_STATISTICAL_REPORT_VIEW, "context", self->context, NULL);
  adw_preferences_group_add (report_group, GTK_WIDGET (self->statistical_report));
  adw_preferences_page_add (self->page, report_group);

  g_signal_connect_object (appeals_context_get_expertise_service (self->context), "verdict-given",
                           G_CALLBACK (on_verdict_given), self, G_CONNECT_SWAPPED);
}

static void
appeals_quality_page_dispose (GObject *object)
{
  AppealsQualityPage *self = (AppealsQualityPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->note_cancellable);
  g_clear_object (&self->note_cancellable);
  g_clear_pointer (&self->note_path, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (appeals_context_get_expertise_service (self->context),
                                          on_verdict_given, self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_quality_page_parent_class)->dispose (object);
}

static void
appeals_quality_page_class_init (AppealsQualityPageClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = appeals_quality_page_constructed;
  G_OBJECT_CLASS (klass)->dispose = appeals_quality_page_dispose;

  appeals_quality_page_install_context_property (G_OBJECT_CLASS (klass));

  /**
   * AppealsQualityPage::note-written:
   * @path: (nullable): the note's .fodt, or %NULL when it could not be written
   */
  signals[NOTE_WRITTEN] = g_signal_new ("note-written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                        NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
appeals_quality_page_init (AppealsQualityPage *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *note_button;

  self->page = ADW_PREFERENCES_PAGE (page);
  self->rows = g_ptr_array_new ();
  self->note_cancellable = g_cancellable_new ();
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Answer Quality by Body"));
  note_button = gtk_button_new_with_mnemonic (_("_Analytical Note…"));
  gtk_widget_set_name (note_button, "note-button");
  gtk_widget_set_valign (note_button, GTK_ALIGN_CENTER);
  g_signal_connect_object (note_button, "clicked", G_CALLBACK (appeals_quality_page_show_note_dialog), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (self->group, note_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);
  self->unranked_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_name (GTK_WIDGET (self->unranked_group), "quality-unranked");
  adw_preferences_group_set_title (self->unranked_group, _("Not Ranked Yet"));
  gtk_widget_set_visible (GTK_WIDGET (self->unranked_group), FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->unranked_group);

  adw_bin_set_child (ADW_BIN (self), page);
}
