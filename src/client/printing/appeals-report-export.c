/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-report-export.c: the line report's tables, their labels, and
 * their CSV and XLSX files.
 *
 * Both writers read one table model, so a file says what the page says:
 * a title, a header, a row per ranked key with its count, share,
 * comparison count and change.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "appeals-report-export.h"

typedef enum
{
  CELL_TEXT,
  CELL_INTEGER,
  CELL_FRACTION,   /* shown as a percentage */
  CELL_NUMBER,
  CELL_EMPTY,
} CellKind;

typedef struct
{
  CellKind  kind;
  char     *text;
  double    number;
} Cell;

struct _AppealsReportTable
{
  char      *title;
  char      *sheet;    /* the name of its sheet in a workbook */
  GPtrArray *header;   /* char * */
  GArray    *kinds;    /* CellKind per column */
  GPtrArray *rows;     /* GArray of Cell */
};

typedef AppealsReportTable Table;

static void
cell_clear (Cell *cell)
{
  g_free (cell->text);
}

void
appeals_report_table_free (Table *table)
{
  g_free (table->title);
  g_free (table->sheet);
  g_ptr_array_unref (table->header);
  g_array_unref (table->kinds);
  g_ptr_array_unref (table->rows);
  g_free (table);
}


static const struct
{
  const char *table;
  const char *title;
  const char *column;
} tables[] = {
  { APPEALS_REPORT_DISTRICT, N_("By district and city"), N_("District or city") },
  { APPEALS_REPORT_QUESTION_CHARACTER, N_("By question character"), N_("Question character") },
  { APPEALS_REPORT_CATEGORY, N_("By category"), N_("Category") },
  { APPEALS_REPORT_ADDRESSEE_BODY, N_("By addressee body"), N_("Body") },
  { APPEALS_REPORT_CHANNEL, N_("By channel"), N_("Channel") },
  { APPEALS_REPORT_LANGUAGE, N_("By language"), N_("Language") },
  { APPEALS_REPORT_OUTCOME, N_("By outcome"), N_("Outcome") },
  { APPEALS_REPORT_REPEAT, N_("Repeat and multiple appeals"), N_("Group") },
  { APPEALS_REPORT_TIMELINESS, N_("Timeliness by body"), N_("Body") },
};

/**
 * appeals_report_table_title:
 *
 * Returns: the translated title of a table of the report
 */
const char *
appeals_report_table_title (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].table, table))
      return _(tables[i].title);
  return table;
}

static const char *
first_column (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].table, table))
      return _(tables[i].column);
  return "";
}

static const char *
enum_label (GType       type,
            const char *key)
{
  int value;

  return appeals_enum_from_wire (type, key, &value) ? appeals_enum_get_label (type, value) : key;
}

static const char *
classifier_label (AppealsReferenceService *reference,
                  const char              *name,
                  const char              *key)
{
  AppealsClassifier *classifier = reference != NULL ? appeals_reference_service_get_classifier (reference, name)
                                                    : NULL;
  const char *label = classifier != NULL ? appeals_classifier_get_label (classifier, key, appeals_ui_language ())
                                         : NULL;

  return label != NULL && *label != '\0' ? label : key;
}

/**
 * appeals_report_row_label:
 *
 * Returns: the name of a ranked key in the user's language: a classifier
 *   name, an enumeration's label or one of the report's own groups
 */
const char *
appeals_report_row_label (AppealsReferenceService *reference,
                          const char              *dimension,
                          const char              *key)
{
  static const struct { const char *key; const char *label; } own[] = {
    { "left-without-consideration", N_("Left without consideration") },
    { "terminated", N_("Consideration terminated") },
    { "forwarded", N_("Forwarded by competence") },
    { "unspecified", N_("Answered, character not recorded") },
    { "pending", N_("Under consideration") },
    { APPEALS_REPORT_MARKED_REPEAT, N_("Appeals marked repeat") },
    { APPEALS_REPORT_APPLICANTS_2_PLUS, N_("Applicants with 2 or more appeals") },
    { APPEALS_REPORT_APPLICANTS_5_PLUS, N_("Applicants with 5 or more appeals") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    if (g_str_equal (own[i].key, key))
      return _(own[i].label);

  if (g_str_equal (dimension, APPEALS_REPORT_DISTRICT))
    return classifier_label (reference, APPEALS_CLASSIFIER_DISTRICTS, key);
  if (g_str_equal (dimension, APPEALS_REPORT_QUESTION_CHARACTER))
    return classifier_label (reference, APPEALS_CLASSIFIER_QUESTION_CHARACTERS, key);
  if (g_str_equal (dimension, APPEALS_REPORT_ADDRESSEE_BODY) || g_str_equal (dimension, APPEALS_REPORT_TIMELINESS))
    return classifier_label (reference, APPEALS_CLASSIFIER_ADDRESSEE_BODIES, key);
  if (g_str_equal (dimension, APPEALS_REPORT_OUTCOME))
    return classifier_label (reference, APPEALS_CLASSIFIER_ANSWER_CHARACTERS, key);
  if (g_str_equal (dimension, APPEALS_REPORT_CATEGORY))
    return enum_label (APPEALS_TYPE_CATEGORY, key);
  if (g_str_equal (dimension, APPEALS_REPORT_CHANNEL))
    return enum_label (APPEALS_TYPE_CHANNEL, key);
  if (g_str_equal (dimension, APPEALS_REPORT_LANGUAGE))
    return enum_label (APPEALS_TYPE_LANGUAGE, key);
  if (g_str_equal (dimension, APPEALS_STATISTICAL_BY_KIND))
    return enum_label (APPEALS_TYPE_KIND, key);
  return key;
}

/**
 * appeals_report_period_text:
 *
 * Returns: (transfer full): "01.07.2026 – 30.09.2026"
 */
char *
appeals_report_period_text (const GDate *from,
                            const GDate *to)
{
  return g_strdup_printf ("%02u.%02u.%04u – %02u.%02u.%04u", g_date_get_day (from), g_date_get_month (from),
                          g_date_get_year (from), g_date_get_day (to), g_date_get_month (to), g_date_get_year (to));
}

/**
 * appeals_report_list_tables:
 *
 * Returns: (transfer full): the report's tables in order: its rankings,
 *   then the timeliness of the bodies
 */
GStrv
appeals_report_list_tables (AppealsReport *report)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < report->rankings->len; i++)
    g_strv_builder_add (builder, ((AppealsRanking *) g_ptr_array_index (report->rankings, i))->dimension);
  g_strv_builder_add (builder, APPEALS_REPORT_TIMELINESS);
  return g_strv_builder_end (builder);
}

/* The table model ------------------------------------------------------------ */

/* A sheet's name: at most 31 characters, none of []:*?/\ */
static char *
sheet_name (const char *title)
{
  g_autofree char *cut = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1), 31));

  return g_strdelimit (g_steal_pointer (&cut), "[]:*?/\\", ' ');
}

/**
 * appeals_report_table_new:
 * @title: the table's title, e.g. "By district and city, 01.01.2026 – 30.06.2026"
 * @sheet: the name of its sheet in a workbook (cut to 31 characters)
 *
 * Returns: (transfer full): an empty table, for the writers below
 */
AppealsReportTable *
appeals_report_table_new (const char *title,
                          const char *sheet)
{
  Table *table = g_new0 (Table, 1);

  table->title = g_strdup (title);
  table->sheet = sheet_name (sheet);
  table->header = g_ptr_array_new_with_free_func (g_free);
  table->kinds = g_array_new (FALSE, FALSE, sizeof (CellKind));
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return table;
}

static Table *
table_new (AppealsReport *report,
           const char    *table_name)
{
  g_autofree char *period = appeals_report_period_text (&report->from, &report->to);
  g_autofree char *title = g_strdup_printf ("%s, %s", appeals_report_table_title (table_name), period);

  return appeals_report_table_new (title, appeals_report_table_title (table_name));
}

static void
table_add_column (Table      *table,
                  const char *header,
                  CellKind    kind)
{
  g_ptr_array_add (table->header, g_strdup (header));
  g_array_append_val (table->kinds, kind);
}

static GArray *
table_add_row (Table *table)
{
  GArray *row = g_array_new (FALSE, TRUE, sizeof (Cell));

  g_array_set_clear_func (row, (GDestroyNotify) cell_clear);
  g_ptr_array_add (table->rows, row);
  return row;
}

static void
row_add (GArray     *row,
         CellKind    kind,
         const char *text,
         double      number)
{
  Cell cell = { isnan (number) && kind != CELL_TEXT ? CELL_EMPTY : kind, g_strdup (text), number };

  g_array_append_val (row, cell);
}

/**
 * appeals_report_table_add_column:
 * @header: the column's header
 * @counts: whether the column holds counts (or text)
 */
void
appeals_report_table_add_column (AppealsReportTable *table,
                                 const char         *header,
                                 gboolean            counts)
{
  table_add_column (table, header, counts ? CELL_INTEGER : CELL_TEXT);
}

/**
 * appeals_report_table_add_row:
 * @label: the row's first cell
 *
 * Starts a row; appeals_report_table_add_count() fills its other cells.
 */
void
appeals_report_table_add_row (AppealsReportTable *table,
                              const char         *label)
{
  row_add (table_add_row (table), CELL_TEXT, label, 0);
}

const char *
appeals_report_table_get_title (AppealsReportTable *table)
{
  return table->title;
}

void
appeals_report_table_add_count (AppealsReportTable *table,
                                gint64              count)
{
  g_return_if_fail (table->rows->len > 0);

  row_add (g_ptr_array_index (table->rows, table->rows->len - 1), CELL_INTEGER, NULL, count);
}

static Table *
build_table (AppealsReport           *report,
             AppealsReferenceService *reference,
             const char              *table_name)
{
  g_autoptr(AppealsReportTable) table = table_new (report, table_name);
  g_autofree char *compare = appeals_report_period_text (&report->compare_from, &report->compare_to);

  table_add_column (table, first_column (table_name), CELL_TEXT);
  if (g_str_equal (table_name, APPEALS_REPORT_TIMELINESS))
    {
      table_add_column (table, _("Registered"), CELL_INTEGER);
      table_add_column (table, _("Answered in term"), CELL_INTEGER);
      table_add_column (table, _("Answered late"), CELL_INTEGER);
      table_add_column (table, _("Overdue now"), CELL_INTEGER);
      table_add_column (table, _("Average working days to answer"), CELL_NUMBER);
      for (guint i = 0; i < report->timeliness->len; i++)
        {
          AppealsTimelinessRow *body = g_ptr_array_index (report->timeliness, i);
          GArray *row = table_add_row (table);

          row_add (row, CELL_TEXT, appeals_report_row_label (reference, table_name, body->body), 0);
          for (guint f = 0; f < APPEALS_TIMELINESS_N_FIGURES; f++)
            row_add (row, CELL_INTEGER, NULL, body->figures[f]);
          row_add (row, CELL_NUMBER, NULL, body->average_working_days);
        }
    }
  else
    {
      AppealsRanking *ranking = appeals_report_get_ranking (report, table_name);
      g_autofree char *compare_header = g_strdup_printf (_("Appeals, %s"), compare);

      table_add_column (table, _("Appeals"), CELL_INTEGER);
      table_add_column (table, _("Share"), CELL_FRACTION);
      table_add_column (table, compare_header, CELL_INTEGER);
      table_add_column (table, _("Change"), CELL_FRACTION);
      for (guint i = 0; ranking != NULL && i < ranking->rows->len; i++)
        {
          AppealsReportRow *ranked = g_ptr_array_index (ranking->rows, i);
          GArray *row = table_add_row (table);

          row_add (row, CELL_TEXT, appeals_report_row_label (reference, table_name, ranked->key), 0);
          row_add (row, CELL_INTEGER, NULL, ranked->count);
          row_add (row, CELL_FRACTION, NULL, ranked->share);
          row_add (row, CELL_INTEGER, NULL, ranked->compare_count);
          row_add (row, CELL_FRACTION, NULL, ranked->change);
        }
    }
  return g_steal_pointer (&table);
}

/* Print --------------------------------------------------------------------- */

static char *
format_print_cell (const Cell *cell)
{
  switch (cell->kind)
    {
    case CELL_TEXT:
      return g_strdup (cell->text);
    case CELL_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) cell->number);
    case CELL_FRACTION:
      return g_strdup_printf ("%.1f%%", 100 * cell->number);
    case CELL_NUMBER:
      return g_strdup_printf ("%.1f", cell->number);
    case CELL_EMPTY:
    default:
      return g_strdup ("—");
    }
}

/**
 * appeals_report_table_text:
 * @title: (out): the table's title
 *
 * Returns: (transfer full) (element-type GStrv): the table as printed
 *   text, the header first, then a line of cells per row
 */
GPtrArray *
appeals_report_table_text (AppealsReport           *report,
                           AppealsReferenceService *reference,
                           const char              *table_name,
                           char                   **title)
{
  g_autoptr(AppealsReportTable) table = build_table (report, reference, table_name);

  *title = g_strdup (table->title);
  return appeals_report_table_get_text (table);
}

/**
 * appeals_report_table_get_text:
 *
 * Returns: (transfer full) (element-type GStrv): the table as printed
 *   text, the header first, then a line of cells per row
 */
GPtrArray *
appeals_report_table_get_text (AppealsReportTable *table)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrv header = g_new0 (char *, table->header->len + 1);

  for (guint c = 0; c < table->header->len; c++)
    header[c] = g_strdup (g_ptr_array_index (table->header, c));
  g_ptr_array_add (lines, header);
  for (guint r = 0; r < table->rows->len; r++)
    {
      GArray *row = g_ptr_array_index (table->rows, r);
      GStrv cells = g_new0 (char *, row->len + 1);

      for (guint c = 0; c < row->len; c++)
        cells[c] = format_print_cell (&g_array_index (row, Cell, c));
      g_ptr_array_add (lines, cells);
    }
  return lines;
}

/* CSV ------------------------------------------------------------------------ */

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Numbers in the C locale: counts whole, percentages with two decimals. */
static char *
format_csv_cell (const Cell *cell)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (cell->kind)
    {
    case CELL_TEXT:
      return g_strdup (cell->text);
    case CELL_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) cell->number);
    case CELL_FRACTION:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", 100 * cell->number));
    case CELL_NUMBER:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", cell->number));
    case CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}

static char *
header_text (Table *table,
             guint  column)
{
  CellKind kind = g_array_index (table->kinds, CellKind, column);
  const char *header = g_ptr_array_index (table->header, column);

  /* TRANSLATORS: a column of percentages in a CSV file, e.g. "Share, %" */
  return kind == CELL_FRACTION ? g_strdup_printf (_("%s, %%"), header) : g_strdup (header);
}

/**
 * appeals_report_write_csv:
 *
 * Writes one table: a header line, then a line per row, comma-separated,
 * in UTF-8 with a byte-order mark; shares and changes in percent.
 */
gboolean
appeals_report_write_csv (AppealsReport           *report,
                          AppealsReferenceService *reference,
                          const char              *table_name,
                          const char              *path,
                          GError                 **error)
{
  g_autoptr(AppealsReportTable) table = build_table (report, reference, table_name);

  return appeals_report_table_write_csv (table, path, error);
}

/**
 * appeals_report_table_write_csv:
 *
 * As appeals_report_write_csv(), for any table.
 */
gboolean
appeals_report_table_write_csv (AppealsReportTable  *table,
                                const char          *path,
                                GError             **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  for (guint c = 0; c < table->header->len; c++)
    {
      g_autofree char *header = header_text (table, c);

      if (c > 0)
        g_string_append_c (out, ',');
      append_csv_field (out, header);
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < table->rows->len; r++)
    {
      GArray *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < row->len; c++)
        {
          g_autofree char *text = format_csv_cell (&g_array_index (row, Cell, c));

          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_field (out, text);
        }
      g_string_append (out, "\r\n");
    }

  return g_file_set_contents (path, out->str, out->len, error);
}

/**
 * appeals_report_write_csv_all:
 *
 * Writes every table to @directory as "<prefix>-<table>.csv".
 */
gboolean
appeals_report_write_csv_all (AppealsReport           *report,
                              AppealsReferenceService *reference,
                              const char              *directory,
                              const char              *prefix,
                              GError                 **error)
{
  g_auto(GStrv) names = appeals_report_list_tables (report);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s.csv", prefix, names[i]);
      g_autofree char *path = g_build_filename (directory, file, NULL);

      if (!appeals_report_write_csv (report, reference, names[i], path, error))
        return FALSE;
    }
  return TRUE;
}

/* XLSX ----------------------------------------------------------------------- */

static void
write_sheet (lxw_workbook *workbook,
             Table        *table,
             lxw_format   *title_format,
             lxw_format   *header_format,
             lxw_format   *percent_format,
             lxw_format   *number_format)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, table->sheet);

  worksheet_write_string (sheet, 0, 0, table->title, title_format);
  for (guint c = 0; c < table->header->len; c++)
    {
      CellKind kind = g_array_index (table->kinds, CellKind, c);

      worksheet_write_string (sheet, 1, c, g_ptr_array_index (table->header, c), header_format);
      worksheet_set_column (sheet, c, c, c == 0 ? 48 : 16,
                            kind == CELL_FRACTION ? percent_format : kind == CELL_NUMBER ? number_format : NULL);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      GArray *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < row->len; c++)
        {
          const Cell *cell = &g_array_index (row, Cell, c);

          if (cell->kind == CELL_TEXT)
            worksheet_write_string (sheet, r + 2, c, cell->text, NULL);
          else if (cell->kind != CELL_EMPTY)
            worksheet_write_number (sheet, r + 2, c, cell->number,
                                    cell->kind == CELL_FRACTION ? percent_format
                                    : cell->kind == CELL_NUMBER ? number_format : NULL);
        }
    }
  worksheet_freeze_panes (sheet, 2, 1);
}

/**
 * appeals_report_write_xlsx:
 *
 * Writes the report as a workbook: a sheet per table, the title in the
 * first row, the header in the second, then the rows; counts as numbers,
 * shares and changes as fractions shown in percent.
 */
gboolean
appeals_report_write_xlsx (AppealsReport           *report,
                           AppealsReferenceService *reference,
                           const char              *path,
                           GError                 **error)
{
  g_auto(GStrv) names = appeals_report_list_tables (report);
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_report_table_free);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (sheets, build_table (report, reference, names[i]));
  return appeals_report_tables_write_xlsx (sheets, path, error);
}

/**
 * appeals_report_tables_write_xlsx:
 * @sheets: (element-type AppealsReportTable): a sheet each
 *
 * As appeals_report_write_xlsx(), for any tables.
 */
gboolean
appeals_report_tables_write_xlsx (GPtrArray   *sheets,
                                  const char  *path,
                                  GError     **error)
{
  g_autofree char *temporary = g_strconcat (path, ".part", NULL);
  lxw_workbook *workbook = workbook_new (temporary);
  lxw_format *title_format, *header_format, *percent_format, *number_format;
  lxw_error status;

  if (workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not create “%s”."), path);
      return FALSE;
    }

  title_format = workbook_add_format (workbook);
  format_set_bold (title_format);
  format_set_font_size (title_format, 13);
  header_format = workbook_add_format (workbook);
  format_set_bold (header_format);
  format_set_text_wrap (header_format);
  format_set_bottom (header_format, LXW_BORDER_THIN);
  percent_format = workbook_add_format (workbook);
  format_set_num_format (percent_format, "0.0%");
  number_format = workbook_add_format (workbook);
  format_set_num_format (number_format, "0.0");

  for (guint i = 0; i < sheets->len; i++)
    write_sheet (workbook, g_ptr_array_index (sheets, i), title_format, header_format, percent_format, number_format);

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_remove (temporary);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path, lxw_strerror (status));
      return FALSE;
    }
  if (g_rename (temporary, path) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
