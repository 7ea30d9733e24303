/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-analytical-note.h: the semi-annual analytical note for the
 * leadership — a draft made of the server's figures for a half-year
 * (the line report, the dynamics and their growth alerts with the notes
 * analysts recorded, the answer quality), in Kazakh or Russian, on the
 * department's letterhead. It is composed once as a list of blocks
 * (headings, paragraphs, tables, figures) and written twice: as a flat
 * OpenDocument text to edit (appeals-analytical-note-fodt.c) and as a
 * PDF (appeals-analytical-note-print.c).
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-context.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_NOTE_TITLE,
  APPEALS_NOTE_SUBTITLE,
  APPEALS_NOTE_HEADING,
  APPEALS_NOTE_PARAGRAPH,
  APPEALS_NOTE_TABLE,
  APPEALS_NOTE_FIGURE,
  APPEALS_NOTE_SIGNATURE,
} AppealsNoteBlockKind;

/* Draws a figure in @width × @height points from @cr's origin. */
typedef void (*AppealsNoteDrawFunc) (cairo_t  *cr,
                                     double    width,
                                     double    height,
                                     gpointer  data);

typedef struct
{
  AppealsNoteBlockKind kind;
  char                *text;      /* a title, heading or paragraph; a figure's caption */
  GPtrArray           *rows;      /* a table's rows (GStrv), the header first */
  AppealsNoteDrawFunc  draw;      /* a figure's */
  gpointer             data;
  GDestroyNotify       destroy;
  double               width;     /* a figure's size on paper, in points */
  double               height;
} AppealsNoteBlock;

/* The figures a note is made of, as the server gave them. */
typedef struct
{
  int                year;
  int                half;           /* 1: January–June, 2: July–December */
  char              *language;       /* "kk" or "ru" */
  AppealsReport     *report;         /* the half-year against the same half a year earlier */
  AppealsDynamics   *dynamics;       /* monthly */
  AppealsAlertList  *alerts;         /* monthly */
  GPtrArray         *quality;        /* AppealsBodyQuality */
  guint              min_answers;
} AppealsNoteFigures;

typedef struct
{
  char      *language;
  AppealsLetterhead *letterhead;
  char      *title;
  GPtrArray *blocks;                 /* AppealsNoteBlock */
  gint64     total;                  /* the appeals of the half-year */
} AppealsAnalyticalNote;

void                   appeals_analytical_note_half_range   (int                     year,
                                                              int                     half,
                                                              GDate                  *from,
                                                              GDate                  *to);
void                   appeals_analytical_note_default_half (const GDate            *today,
                                                              int                    *year,
                                                              int                    *half);

void                   appeals_note_figures_free            (AppealsNoteFigures     *figures);

AppealsAnalyticalNote *appeals_analytical_note_new          (const char             *language);
void                   appeals_analytical_note_free         (AppealsAnalyticalNote  *note);
AppealsNoteBlock      *appeals_analytical_note_add          (AppealsAnalyticalNote  *note,
                                                              AppealsNoteBlockKind    kind,
                                                              const char             *text);
AppealsNoteBlock      *appeals_analytical_note_add_table    (AppealsAnalyticalNote  *note,
                                                              const char * const     *header);
gboolean               appeals_note_cell_is_figure          (const char             *text);
void                   appeals_note_table_add_row           (AppealsNoteBlock       *table,
                                                              const char * const     *cells);
AppealsNoteBlock      *appeals_analytical_note_add_figure   (AppealsAnalyticalNote  *note,
                                                              const char             *caption,
                                                              double                  width,
                                                              double                  height,
                                                              AppealsNoteDrawFunc     draw,
                                                              gpointer                data,
                                                              GDestroyNotify          destroy);

AppealsAnalyticalNote *appeals_analytical_note_compose      (AppealsNoteFigures      *figures,
                                                              AppealsReferenceService *reference);
void                   appeals_analytical_note_add_district_charts (AppealsAnalyticalNote   *note,
                                                              AppealsNoteFigures      *figures,
                                                              AppealsReferenceService *reference);
const char            *appeals_analytical_note_month_name   (GDateMonth              month,
                                                              const char             *language);
void                   appeals_analytical_note_add_monthly_chart (AppealsAnalyticalNote   *note,
                                                              AppealsNoteFigures      *figures,
                                                              GPtrArray               *months);
gboolean               appeals_analytical_note_write_fodt   (AppealsAnalyticalNote  *note,
                                                              const char             *path,
                                                              GError                **error);
GtkPrintOperation     *appeals_analytical_note_print_new    (AppealsAnalyticalNote  *note);
char                  *appeals_analytical_note_write        (AppealsAnalyticalNote  *note,
                                                              const char             *path,
                                                              GtkWindow              *parent,
                                                              GError                **error);

void                   appeals_analytical_note_load_async   (AppealsContext         *context,
                                                              int                     year,
                                                              int                     half,
                                                              const char             *language,
                                                              GCancellable           *cancellable,
                                                              GAsyncReadyCallback     callback,
                                                              gpointer                user_data);
AppealsAnalyticalNote *appeals_analytical_note_load_finish  (GAsyncResult           *result,
                                                              GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsAnalyticalNote, appeals_analytical_note_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsNoteFigures, appeals_note_figures_free)

G_END_DECLS
