/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-statistical-report.c: the statistical report's layout and
 * counts, read from the data file (rows and their filters) and to and
 * from the server's answer (rows with their cells).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-core-enums.h"
#include "appeals-json.h"
#include "appeals-record.h"
#include "appeals-report.h"
#include "appeals-statistical-report.h"

#define LAYOUT_FORMAT 1
#define DEFAULT_LAYOUT_FILE "reports/statistical-report.json"

static const char * const breakdowns[] = {
  APPEALS_STATISTICAL_BY_DISTRICT, APPEALS_STATISTICAL_BY_ADDRESSEE_BODY, APPEALS_STATISTICAL_BY_KIND, NULL
};

/**
 * appeals_statistical_report_get_breakdowns:
 *
 * Returns: the breakdowns the report's columns can follow
 */
const char * const *
appeals_statistical_report_get_breakdowns (void)
{
  return breakdowns;
}

static void
row_free (AppealsStatisticalRow *row)
{
  g_free (row->id);
  g_free (row->kk);
  g_free (row->ru);
  g_free (row->channel);
  g_free (row->kind);
  g_free (row->outcome);
  g_clear_pointer (&row->cells, g_array_unref);
  g_free (row);
}

static AppealsStatisticalReport *
report_new (void)
{
  AppealsStatisticalReport *report = g_new0 (AppealsStatisticalReport, 1);

  g_date_clear (&report->from, 1);
  g_date_clear (&report->to, 1);
  report->columns = g_ptr_array_new_with_free_func (g_free);
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  return report;
}

void
appeals_statistical_report_free (AppealsStatisticalReport *report)
{
  if (report == NULL)
    return;
  g_free (report->breakdown);
  g_free (report->district);
  g_free (report->title_kk);
  g_free (report->title_ru);
  g_ptr_array_unref (report->columns);
  g_ptr_array_unref (report->rows);
  g_free (report);
}

/* Reads {"kk": …, "ru": …} at @member. */
static gboolean
read_label (JsonObject  *object,
            const char  *member,
            char       **kk,
            char       **ru,
            const char  *origin,
            const char  *parent,
            GError     **error)
{
  g_autofree char *where = appeals_json_field_path (parent, member);
  JsonObject *label = NULL;
  const char *kk_text = NULL, *ru_text = NULL;

  if (!appeals_json_read_object (object, member, TRUE, &label, origin, parent, error) ||
      !appeals_json_read_string (label, "kk", TRUE, &kk_text, origin, where, error) ||
      !appeals_json_read_string (label, "ru", TRUE, &ru_text, origin, where, error))
    return FALSE;
  *kk = g_strdup (kk_text);
  *ru = g_strdup (ru_text);
  return TRUE;
}

/* Reads a filter's code member: a value of @type's wire names, or one
 * of @allowed. */
static gboolean
read_code (JsonObject          *filter,
           const char          *member,
           GType                type,
           const char * const  *allowed,
           char               **value,
           const char          *origin,
           const char          *parent,
           GError             **error)
{
  const char *text = NULL;
  int unused;

  if (!appeals_json_read_string (filter, member, FALSE, &text, origin, parent, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (type != G_TYPE_INVALID ? !appeals_enum_from_wire (type, text, &unused) : !g_strv_contains (allowed, text))
    {
      g_autofree char *where = appeals_json_field_path (parent, member);

      appeals_json_set_field_error (error, origin, where, _("is not a known value"));
      return FALSE;
    }
  *value = g_strdup (text);
  return TRUE;
}

static gboolean
read_filter (JsonObject             *object,
             AppealsStatisticalRow  *row,
             const char             *origin,
             const char             *parent,
             GError                **error)
{
  static const char * const known[] = { "channel", "kind", "outcome", "considered", "overdue", "repeat", "control",
                                        NULL };
  g_autofree char *where = appeals_json_field_path (parent, "filter");
  g_autoptr(GList) members = NULL;
  JsonObject *filter = NULL;

  if (!appeals_json_read_object (object, "filter", TRUE, &filter, origin, parent, error))
    return FALSE;
  members = json_object_get_members (filter);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *field = appeals_json_field_path (where, l->data);

        appeals_json_set_field_error (error, origin, field, _("is not a known filter"));
        return FALSE;
      }
  return read_code (filter, "channel", APPEALS_TYPE_CHANNEL, NULL, &row->channel, origin, where, error) &&
         read_code (filter, "kind", APPEALS_TYPE_KIND, NULL, &row->kind, origin, where, error) &&
         read_code (filter, "outcome", G_TYPE_INVALID, appeals_report_get_outcomes (), &row->outcome, origin, where,
                    error) &&
         appeals_json_read_boolean (filter, "considered", FALSE, &row->considered, origin, where, error) &&
         appeals_json_read_boolean (filter, "overdue", FALSE, &row->overdue, origin, where, error) &&
         appeals_json_read_boolean (filter, "repeat", FALSE, &row->repeat, origin, where, error) &&
         appeals_json_read_boolean (filter, "control", FALSE, &row->control, origin, where, error);
}

/* Reads the rows of a layout (@with_filter) or of an answer (with cells);
 * both have the rows' filters. */
static gboolean
read_rows (JsonObject                *root,
           AppealsStatisticalReport  *report,
           gboolean                   with_filter,
           const char                *origin,
           GError                   **error)
{
  JsonArray *rows = NULL;

  if (!appeals_json_read_array (root, "rows", TRUE, &rows, origin, NULL, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      g_autofree char *where = appeals_json_index_path ("rows", i);
      JsonObject *object = appeals_json_array_get_object (rows, i, origin, "rows", error);
      AppealsStatisticalRow *row;
      const char *id = NULL;
      gint64 level = 0;

      if (object == NULL ||
          !appeals_json_read_string (object, "id", TRUE, &id, origin, where, error) ||
          !appeals_json_read_int (object, "level", TRUE, 0, 1, &level, origin, where, error))
        return FALSE;
      row = g_new0 (AppealsStatisticalRow, 1);
      row->id = g_strdup (id);
      row->level = level;
      row->cells = g_array_new (FALSE, TRUE, sizeof (gint64));
      g_ptr_array_add (report->rows, row);
      if (!read_label (object, "label", &row->kk, &row->ru, origin, where, error) ||
          !read_filter (object, row, origin, where, error))
        return FALSE;
      if (!with_filter)
        {
          JsonArray *cells = NULL;

          if (!appeals_json_read_array (object, "cells", TRUE, &cells, origin, where, error) ||
              !appeals_json_read_int (object, "total", TRUE, 0, G_MAXINT64, &row->total, origin, where, error))
            return FALSE;
          if (json_array_get_length (cells) != report->columns->len)
            {
              appeals_json_set_field_error (error, origin, where, _("has a cell count unlike the columns"));
              return FALSE;
            }
          for (guint c = 0; c < json_array_get_length (cells); c++)
            {
              gint64 n = json_array_get_int_element (cells, c);
              g_array_append_val (row->cells, n);
            }
        }
    }
  return TRUE;
}

/**
 * appeals_statistical_report_new_layout:
 *
 * Returns: (transfer full): the report's rows as the layout file defines
 *   them, without columns or counts
 */
AppealsStatisticalReport *
appeals_statistical_report_new_layout (JsonNode    *node,
                                       const char  *origin,
                                       GError     **error)
{
  g_autoptr(AppealsStatisticalReport) report = report_new ();
  JsonObject *root = appeals_json_node_get_root_object (node, origin, error);
  gint64 format = 0;

  if (root == NULL ||
      !appeals_json_read_int (root, "format", TRUE, LAYOUT_FORMAT, LAYOUT_FORMAT, &format, origin, NULL, error) ||
      !read_label (root, "title", &report->title_kk, &report->title_ru, origin, NULL, error) ||
      !read_rows (root, report, TRUE, origin, error))
    return NULL;
  return g_steal_pointer (&report);
}

AppealsStatisticalReport *
appeals_statistical_report_new_default (GError **error)
{
  return appeals_json_parse_data_file (DEFAULT_LAYOUT_FILE,
                                       (AppealsJsonDocumentParser) appeals_statistical_report_new_layout, error);
}

/**
 * appeals_statistical_report_add_column:
 *
 * Adds a column of zero counts to every row.
 *
 * Returns: the column's index
 */
guint
appeals_statistical_report_add_column (AppealsStatisticalReport *report,
                                       const char               *key)
{
  g_ptr_array_add (report->columns, g_strdup (key));
  for (guint r = 0; r < report->rows->len; r++)
    {
      AppealsStatisticalRow *row = g_ptr_array_index (report->rows, r);

      g_array_set_size (row->cells, report->columns->len);
    }
  return report->columns->len - 1;
}

static void
add_date (JsonBuilder *builder,
          const char  *member,
          const GDate *date)
{
  g_autofree char *text = appeals_date_format_iso (date);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

static void
add_filter (JsonBuilder           *builder,
            AppealsStatisticalRow *row)
{
  const struct { const char *name; gboolean set; } flags[] = {
    { "considered", row->considered }, { "overdue", row->overdue }, { "repeat", row->repeat },
    { "control", row->control },
  };
  const struct { const char *name; const char *value; } codes[] = {
    { "channel", row->channel }, { "kind", row->kind }, { "outcome", row->outcome },
  };

  json_builder_set_member_name (builder, "filter");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (codes[i].value != NULL)
      {
        json_builder_set_member_name (builder, codes[i].name);
        json_builder_add_string_value (builder, codes[i].value);
      }
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (flags[i].set)
      {
        json_builder_set_member_name (builder, flags[i].name);
        json_builder_add_boolean_value (builder, TRUE);
      }
  json_builder_end_object (builder);
}

JsonNode *
appeals_statistical_report_to_json (AppealsStatisticalReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_date (builder, "from", &report->from);
  add_date (builder, "to", &report->to);
  json_builder_set_member_name (builder, "breakdown");
  json_builder_add_string_value (builder, report->breakdown);
  json_builder_set_member_name (builder, "district");
  if (report->district != NULL)
    json_builder_add_string_value (builder, report->district);
  else
    json_builder_add_null_value (builder);
  appeals_json_add_kk_ru (builder, "title", report->title_kk, report->title_ru);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint c = 0; c < report->columns->len; c++)
    json_builder_add_string_value (builder, g_ptr_array_index (report->columns, c));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < report->rows->len; r++)
    {
      AppealsStatisticalRow *row = g_ptr_array_index (report->rows, r);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, row->id);
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, row->level);
      appeals_json_add_kk_ru (builder, "label", row->kk, row->ru);
      add_filter (builder, row);
      json_builder_set_member_name (builder, "cells");
      json_builder_begin_array (builder);
      for (guint c = 0; c < row->cells->len; c++)
        json_builder_add_int_value (builder, g_array_index (row->cells, gint64, c));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, row->total);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * appeals_statistical_report_new_from_json:
 *
 * Returns: (transfer full): the report as the server answered it
 */
AppealsStatisticalReport *
appeals_statistical_report_new_from_json (JsonNode  *node,
                                          GError   **error)
{
  static const char origin[] = "statistical-report";
  g_autoptr(AppealsStatisticalReport) report = report_new ();
  JsonObject *root = appeals_json_node_get_root_object (node, origin, error);
  JsonArray *columns = NULL;
  const char *breakdown = NULL, *district = NULL;

  if (root == NULL ||
      !appeals_json_read_date (root, "from", TRUE, &report->from, origin, NULL, error) ||
      !appeals_json_read_date (root, "to", TRUE, &report->to, origin, NULL, error) ||
      !appeals_json_read_string (root, "breakdown", TRUE, &breakdown, origin, NULL, error) ||
      !read_label (root, "title", &report->title_kk, &report->title_ru, origin, NULL, error) ||
      !appeals_json_read_array (root, "columns", TRUE, &columns, origin, NULL, error))
    return NULL;
  if (json_object_has_member (root, "district") && !json_object_get_null_member (root, "district") &&
      !appeals_json_read_string (root, "district", FALSE, &district, origin, NULL, error))
    return NULL;
  report->breakdown = g_strdup (breakdown);
  report->district = g_strdup (district);
  for (guint c = 0; c < json_array_get_length (columns); c++)
    g_ptr_array_add (report->columns, g_strdup (json_array_get_string_element (columns, c)));
  if (!read_rows (root, report, FALSE, origin, error))
    return NULL;
  return g_steal_pointer (&report);
}

static gboolean
is_kazakh (const char *language)
{
  return language != NULL && g_str_has_prefix (language, "kk");
}

const char *
appeals_statistical_report_get_title (AppealsStatisticalReport *report,
                                      const char               *language)
{
  return is_kazakh (language) ? report->title_kk : report->title_ru;
}

const char *
appeals_statistical_row_get_label (AppealsStatisticalRow *row,
                                   const char            *language)
{
  return is_kazakh (language) ? row->kk : row->ru;
}

static void
add_query (GString    *query,
           const char *name,
           const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_printf (query, "&%s=%s", name, escaped);
}

/**
 * appeals_statistical_report_get_filter:
 * @row: the index of one of the report's rows
 * @column: the index of one of its columns, or the number of columns for
 *   the row's total
 *
 * The journal's query that lists the appeals counted in a cell: the
 * report's period, the row's filter and the column's breakdown value.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL for a cell that
 *   cannot count anything (a row of one kind in another kind's column)
 */
char *
appeals_statistical_report_get_filter (AppealsStatisticalReport *report,
                                       guint                     row,
                                       guint                     column)
{
  AppealsStatisticalRow *filter;
  g_autoptr(GString) query = g_string_new (NULL);
  g_autofree char *from = NULL, *to = NULL;
  const char *kind;

  g_return_val_if_fail (row < report->rows->len, NULL);
  g_return_val_if_fail (column <= report->columns->len, NULL);

  filter = g_ptr_array_index (report->rows, row);
  kind = filter->kind;
  if (column < report->columns->len && g_str_equal (report->breakdown, APPEALS_STATISTICAL_BY_KIND))
    {
      const char *key = g_ptr_array_index (report->columns, column);

      if (kind != NULL && !g_str_equal (kind, key))
        return NULL;
      kind = key;
    }

  from = appeals_date_format_iso (&report->from);
  to = appeals_date_format_iso (&report->to);
  g_string_append_printf (query, "from=%s&to=%s", from, to);
  if (column < report->columns->len && !g_str_equal (report->breakdown, APPEALS_STATISTICAL_BY_KIND))
    add_query (query, report->breakdown, g_ptr_array_index (report->columns, column));
  add_query (query, "channel", filter->channel);
  add_query (query, "kind", kind);
  add_query (query, "outcome", filter->outcome);
  add_query (query, "considered", filter->considered ? "true" : NULL);
  /* the journal's overdue filter is its own; the report's is timeliness */
  add_query (query, "timeliness", filter->overdue ? "overdue" : NULL);
  add_query (query, "repeat", filter->repeat ? "true" : NULL);
  add_query (query, "control", filter->control ? "true" : NULL);
  return g_string_free (g_steal_pointer (&query), FALSE);
}
