/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-analytical-note.c: the note's blocks, its half-years, and the
 * gathering of its figures from the analytics and expertise services —
 * the line report of the half-year against the same half a year earlier,
 * the monthly dynamics, the growth alerts with their notes and the answer
 * quality — asked at once and composed when the last one is in.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "appeals-analytical-note.h"
#include "appeals-print.h"

/* Half-years ----------------------------------------------------------------- */

void
appeals_analytical_note_half_range (int    year,
                                    int    half,
                                    GDate *from,
                                    GDate *to)
{
  g_date_clear (from, 1);
  g_date_clear (to, 1);
  g_date_set_dmy (from, 1, half == 1 ? G_DATE_JANUARY : G_DATE_JULY, year);
  if (half == 1)
    g_date_set_dmy (to, 30, G_DATE_JUNE, year);
  else
    g_date_set_dmy (to, 31, G_DATE_DECEMBER, year);
}

/* The half-year a note is written for: the one just ended in the first
 * two months of a half (when such notes are written), else the current
 * one, with its figures so far. */
void
appeals_analytical_note_default_half (const GDate *today,
                                      int         *year,
                                      int         *half)
{
  int month = g_date_get_month (today);

  *year = g_date_get_year (today);
  *half = month <= 6 ? 1 : 2;
  if (month == 1 || month == 2)
    {
      *year -= 1;
      *half = 2;
    }
  else if (month == 7 || month == 8)
    *half = 1;
}

/* Blocks ------------------------------------------------------------------- */

static void
block_free (AppealsNoteBlock *block)
{
  g_free (block->text);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  if (block->destroy != NULL)
    block->destroy (block->data);
  g_free (block);
}

AppealsAnalyticalNote *
appeals_analytical_note_new (const char *language)
{
  AppealsAnalyticalNote *note = g_new0 (AppealsAnalyticalNote, 1);

  note->language = g_strdup (language);
  note->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return note;
}

void
appeals_analytical_note_free (AppealsAnalyticalNote *note)
{
  g_free (note->language);
  g_clear_object (&note->letterhead);
  g_free (note->title);
  g_ptr_array_unref (note->blocks);
  g_free (note);
}

AppealsNoteBlock *
appeals_analytical_note_add (AppealsAnalyticalNote *note,
                             AppealsNoteBlockKind   kind,
                             const char            *text)
{
  AppealsNoteBlock *block = g_new0 (AppealsNoteBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (note->blocks, block);
  return block;
}

AppealsNoteBlock *
appeals_analytical_note_add_table (AppealsAnalyticalNote *note,
                                   const char * const    *header)
{
  AppealsNoteBlock *table = appeals_analytical_note_add (note, APPEALS_NOTE_TABLE, NULL);

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  appeals_note_table_add_row (table, header);
  return table;
}

void
appeals_note_table_add_row (AppealsNoteBlock   *table,
                            const char * const *cells)
{
  g_return_if_fail (table->kind == APPEALS_NOTE_TABLE);
  g_ptr_array_add (table->rows, g_strdupv ((char **) cells));
}

/**
 * appeals_note_cell_is_figure:
 *
 * Returns: whether a table's cell holds a figure — a count, a share, a
 *   change or a dash for none — which stands to the right
 */
gboolean
appeals_note_cell_is_figure (const char *text)
{
  gunichar first = g_utf8_get_char (text);

  return g_unichar_isdigit (first) || first == '+' || first == '-' || first == 0x2212 /* − */ ||
         g_str_equal (text, "—");
}

AppealsNoteBlock *
appeals_analytical_note_add_figure (AppealsAnalyticalNote *note,
                                    const char            *caption,
                                    double                 width,
                                    double                 height,
                                    AppealsNoteDrawFunc    draw,
                                    gpointer               data,
                                    GDestroyNotify         destroy)
{
  AppealsNoteBlock *figure = appeals_analytical_note_add (note, APPEALS_NOTE_FIGURE, caption);

  figure->width = width;
  figure->height = height;
  figure->draw = draw;
  figure->data = data;
  figure->destroy = destroy;
  return figure;
}

/**
 * appeals_analytical_note_write:
 * @path: the chosen file name; its extension, if any (.fodt, .odt or
 *   .pdf), gives way to .fodt and .pdf
 *
 * Writes @note as an OpenDocument text and a PDF side by side.
 *
 * Returns: (transfer full): the path of the .fodt written, or %NULL with
 *   @error set
 */
char *
appeals_analytical_note_write (AppealsAnalyticalNote  *note,
                               const char             *path,
                               GtkWindow              *parent,
                               GError                **error)
{
  g_autofree char *base = g_strdup (path);
  char *dot = strrchr (base, '.');
  g_autofree char *fodt_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autoptr(GtkPrintOperation) print = NULL;

  if (dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL &&
      (g_ascii_strcasecmp (dot, ".fodt") == 0 || g_ascii_strcasecmp (dot, ".pdf") == 0 ||
       g_ascii_strcasecmp (dot, ".odt") == 0))
    *dot = '\0';
  fodt_path = g_strconcat (base, ".fodt", NULL);
  pdf_path = g_strconcat (base, ".pdf", NULL);
  if (!appeals_analytical_note_write_fodt (note, fodt_path, error))
    return NULL;
  print = appeals_analytical_note_print_new (note);
  if (!appeals_print_export_pdf (print, pdf_path, parent, error))
    return NULL;
  return g_steal_pointer (&fodt_path);
}

/* Gathering the figures ------------------------------------------------------ */

void
appeals_note_figures_free (AppealsNoteFigures *figures)
{
  g_free (figures->language);
  g_clear_pointer (&figures->report, appeals_report_free);
  g_clear_pointer (&figures->dynamics, appeals_dynamics_free);
  g_clear_pointer (&figures->alerts, appeals_alert_list_free);
  g_clear_pointer (&figures->quality, g_ptr_array_unref);
  g_free (figures);
}

typedef struct
{
  AppealsContext     *context;
  AppealsNoteFigures *figures;
  guint               pending;
  GError             *error;
} Gathering;

static void
gathering_free (Gathering *gathering)
{
  g_object_unref (gathering->context);
  appeals_note_figures_free (gathering->figures);
  g_clear_error (&gathering->error);
  g_free (gathering);
}

/* One answer is in (or failed, @error): when it was the last, the note. */
static void
answer_in (GTask  *task,
           GError *error)
{
  Gathering *gathering = g_task_get_task_data (task);

  if (error != NULL && gathering->error == NULL)
    gathering->error = error;
  else
    g_clear_error (&error);
  if (--gathering->pending > 0)
    return;
  if (gathering->error != NULL)
    g_task_return_error (task, g_steal_pointer (&gathering->error));
  else
    g_task_return_pointer (task,
                           appeals_analytical_note_compose (gathering->figures,
                                                            appeals_context_get_reference_service (gathering->context)),
                           (GDestroyNotify) appeals_analytical_note_free);
}

/* Any of the four answers: which one, its source tag says. */
static void
on_answer (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AppealsNoteFigures *figures = ((Gathering *) g_task_get_task_data (task))->figures;
  AppealsAnalyticsService *analytics = APPEALS_IS_ANALYTICS_SERVICE (source) ? APPEALS_ANALYTICS_SERVICE (source)
                                                                            : NULL;
  GError *error = NULL;

  if (g_async_result_is_tagged (result, appeals_analytics_service_line_report_async))
    figures->report = appeals_analytics_service_line_report_finish (analytics, result, &error);
  else if (g_async_result_is_tagged (result, appeals_analytics_service_dynamics_async))
    figures->dynamics = appeals_analytics_service_dynamics_finish (analytics, result, &error);
  else if (g_async_result_is_tagged (result, appeals_analytics_service_alerts_async))
    figures->alerts = appeals_analytics_service_alerts_finish (analytics, result, &error);
  else
    figures->quality = appeals_expertise_service_rank_bodies_finish (APPEALS_EXPERTISE_SERVICE (source), result,
                                                                     &figures->min_answers, &error);
  answer_in (task, error);
}

/**
 * appeals_analytical_note_load_async:
 * @half: 1 for January–June, 2 for July–December
 * @language: "kk" or "ru", the note's language
 *
 * Asks the server for the figures of the half-year and composes the note.
 */
void
appeals_analytical_note_load_async (AppealsContext      *context,
                                    int                  year,
                                    int                  half,
                                    const char          *language,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  AppealsAnalyticsService *analytics = appeals_context_get_analytics_service (context);
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Gathering *gathering = g_new0 (Gathering, 1);
  AppealsReportPeriods periods;
  GDate from, to, compare_from, compare_to;

  g_return_if_fail (half == 1 || half == 2);

  gathering->context = g_object_ref (context);
  gathering->figures = g_new0 (AppealsNoteFigures, 1);
  gathering->figures->year = year;
  gathering->figures->half = half;
  gathering->figures->language = g_strdup (g_strcmp0 (language, "kk") == 0 ? "kk" : "ru");
  gathering->pending = 4;
  g_task_set_source_tag (task, appeals_analytical_note_load_async);
  g_task_set_task_data (task, gathering, (GDestroyNotify) gathering_free);

  appeals_analytical_note_half_range (year, half, &from, &to);
  appeals_report_year_earlier (&from, &to, &compare_from, &compare_to);
  appeals_report_periods_init (&periods, &from, &to);
  periods.compare_from = compare_from;
  periods.compare_to = compare_to;
  appeals_analytics_service_line_report_async (analytics, &periods, cancellable, on_answer, g_object_ref (task));
  appeals_analytics_service_dynamics_async (analytics, APPEALS_PERIOD_MONTH, &from, &to, cancellable,
                                            on_answer, g_object_ref (task));
  appeals_analytics_service_alerts_async (analytics, APPEALS_PERIOD_MONTH, &from, &to, cancellable,
                                          on_answer, g_object_ref (task));
  appeals_expertise_service_rank_bodies_async (appeals_context_get_expertise_service (context), &from, &to,
                                               cancellable, on_answer, g_object_ref (task));
}

/**
 * appeals_analytical_note_load_finish:
 *
 * Returns: (transfer full): the note, or %NULL with @error set
 */
AppealsAnalyticalNote *
appeals_analytical_note_load_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
