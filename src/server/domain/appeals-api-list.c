/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-list.c: GET /appeals — the journal: filters, full-text
 * search, sorting and keyset (cursor) pagination, so that a client pages
 * through any number of cards without the server counting offsets.
 *
 * Search text is folded (lower case, ё as е) on both indexing and query;
 * every word of the query must match as a prefix.
 */
#include "config.h"

#include <string.h>

#include "appeals-scope.h"
#include "appeals-api-common.h"
#include "appeals-api-routes.h"
#include "appeals-report-records.h"
#include "appeals-store.h"

#define DEFAULT_PAGE_SIZE 50

typedef struct
{
  const char *name;      /* the ?sort= value */
  const char *column;
} SortKey;

static const SortKey sort_keys[] = {
  { "registration_date", "a.registration_date" },
  { "due_date", "a.due_date" },
  { "registration_number", "a.registration_number" },
};

typedef struct
{
  GString   *where;
  GPtrArray *values;   /* floating GVariants */
} Filter;

static void
filter_add (Filter     *filter,
            const char *clause,
            GVariant   *value)
{
  g_string_append_printf (filter->where, " AND %s", clause);
  if (value != NULL)
    g_ptr_array_add (filter->values, value);
}

/* Words of the query, folded, kept to letters and digits so that they are
 * safe in FTS5 and tsquery syntax. */
static GPtrArray *
search_words (const char *query)
{
  g_autofree char *folded = appeals_text_fold (query);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  return words;
}

static gboolean
add_search (AppealsRequest *request,
            Filter         *filter,
            const char     *query)
{
  g_autoptr(GPtrArray) words = search_words (query);
  g_autoptr(GString) expression = g_string_new (NULL);
  gboolean postgresql = appeals_db_get_dialect (request->db) == APPEALS_DB_DIALECT_POSTGRESQL;

  if (words->len == 0)
    return FALSE;

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      if (postgresql)
        g_string_append_printf (expression, "%s%s:*", i > 0 ? " & " : "", word);
      else
        g_string_append_printf (expression, "%s\"%s\"*", i > 0 ? " " : "", word);
    }

  if (postgresql)
    filter_add (filter, "a.search_vector @@ to_tsquery ('simple', ?)",
                g_variant_new_string (expression->str));
  else
    filter_add (filter, "a.id IN (SELECT rowid FROM appeals_search WHERE appeals_search MATCH ?)",
                g_variant_new_string (expression->str));
  return TRUE;
}

/* Adds the enum filter @name; answers 422 and returns FALSE for a value
 * the enum does not have. */
static gboolean
add_enum_filter (AppealsRequest *request,
                 Filter         *filter,
                 GPtrArray      *errors,
                 const char     *name,
                 GType           enum_type)
{
  const char *value = appeals_request_get_query (request, name);
  g_autofree char *clause = NULL;
  int unused;

  if (value == NULL)
    return TRUE;

  if (!appeals_enum_from_wire (enum_type, value, &unused))
    {
      appeals_field_errors_add (errors, name, APPEALS_FIELD_INVALID_VALUE, NULL);
      return FALSE;
    }

  clause = g_strdup_printf ("a.%s = ?", name);
  filter_add (filter, clause, g_variant_new_string (value));
  return TRUE;
}

static gboolean
build_filter (AppealsRequest *request,
              Filter         *filter,
              GPtrArray      *errors)
{
  const char *value;
  gboolean flag;
  GDate date;

  if (appeals_api_scope_district (request) != NULL)
    filter_add (filter, "a.district = ?", g_variant_new_string (appeals_api_scope_district (request)));

  add_enum_filter (request, filter, errors, "status", APPEALS_TYPE_STATUS);
  add_enum_filter (request, filter, errors, "category", APPEALS_TYPE_CATEGORY);
  add_enum_filter (request, filter, errors, "channel", APPEALS_TYPE_CHANNEL);

  if ((value = appeals_request_get_query (request, "district")) != NULL)
    filter_add (filter, "a.district = ?", g_variant_new_string (value));
  if ((value = appeals_request_get_query (request, "addressee_body")) != NULL)
    filter_add (filter, "a.addressee_body = ?", g_variant_new_string (value));
  if ((value = appeals_request_get_query (request, "question_character")) != NULL)
    filter_add (filter, "a.question_character = ?", g_variant_new_string (value));
  if ((value = appeals_request_get_query (request, "registrar")) != NULL)
    filter_add (filter, "a.registrar = ?", g_variant_new_string (value));
  if ((value = appeals_request_get_query (request, "applicant_id")) != NULL)
    {
      guint64 id;

      if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT64, &id, NULL))
        appeals_field_errors_add (errors, "applicant_id", APPEALS_FIELD_INVALID_VALUE, NULL);
      else
        filter_add (filter, "a.applicant_id = ?", g_variant_new_int64 (id));
    }

  if ((value = appeals_request_get_query (request, "registration_number")) != NULL)
    {
      if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{6}$", value, 0, 0))
        appeals_field_errors_add (errors, "registration_number", APPEALS_FIELD_INVALID_VALUE, NULL);
      else
        filter_add (filter, "a.registration_number = ?", g_variant_new_string (value));
    }

  if ((value = appeals_request_get_query (request, "from")) != NULL)
    {
      if (!appeals_date_parse_iso (value, &date))
        appeals_field_errors_add (errors, "from", APPEALS_FIELD_INVALID_DATE, NULL);
      else
        filter_add (filter, "a.registration_date >= ?", g_variant_new_string (value));
    }
  if ((value = appeals_request_get_query (request, "to")) != NULL)
    {
      if (!appeals_date_parse_iso (value, &date))
        appeals_field_errors_add (errors, "to", APPEALS_FIELD_INVALID_DATE, NULL);
      else
        filter_add (filter, "a.registration_date <= ?", g_variant_new_string (value));
    }

  if ((value = appeals_request_get_query (request, "control")) != NULL)
    {
      if (!appeals_api_parse_bool (value, &flag))
        appeals_field_errors_add (errors, "control", APPEALS_FIELD_INVALID_VALUE, "true,false");
      else
        filter_add (filter, "a.control = ?", g_variant_new_int64 (flag));
    }

  if ((value = appeals_request_get_query (request, "overdue")) != NULL)
    {
      if (!appeals_api_parse_bool (value, &flag))
        appeals_field_errors_add (errors, "overdue", APPEALS_FIELD_INVALID_VALUE, "true,false");
      else
        {
          g_autofree char *today_text = NULL;

          appeals_server_get_today (&date);
          today_text = appeals_date_format_iso (&date);
          filter_add (filter,
                      flag ? "a.due_date < ? AND a.status NOT IN ('answered', 'closed')"
                           : "NOT (a.due_date < ? AND a.status NOT IN ('answered', 'closed'))",
                      g_variant_new_string (today_text));
        }
    }

  /* the conditions behind the line report's figures */
  appeals_report_records_add_filters (request, filter->where, filter->values, errors);

  if ((value = appeals_request_get_query (request, "q")) != NULL)
    {
      if (g_utf8_strlen (value, -1) > 200)
        appeals_field_errors_add (errors, "q", APPEALS_FIELD_TOO_LONG, "200");
      else
        add_search (request, filter, value);
    }

  return errors->len == 0;
}

static gboolean
appeals_api_appeals_list (AppealsRequest  *request,
                          GError         **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(GString) where = g_string_new ("1 = 1");
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GString) sql = NULL;
  g_autoptr(AppealsDbResult) rows = NULL;
  g_autoptr(AppealsDbResult) total = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *next_cursor = NULL;
  g_autofree char *cursor_key = NULL;
  const SortKey *sort = &sort_keys[0];
  const char *sort_text = appeals_request_get_query (request, "sort");
  const char *limit_text = appeals_request_get_query (request, "limit");
  const char *cursor = appeals_request_get_query (request, "cursor");
  guint max_page = appeals_server_get_config (request->server)->max_page_size;
  gboolean descending = TRUE;
  guint64 limit = DEFAULT_PAGE_SIZE;
  gint64 cursor_id = 0;
  guint n_filter_values;
  Filter filter = { where, values };
  GDate today;

  if (sort_text != NULL)
    {
      descending = sort_text[0] == '-';
      sort = NULL;
      for (guint i = 0; i < G_N_ELEMENTS (sort_keys); i++)
        if (g_str_equal (sort_keys[i].name, sort_text + (descending ? 1 : 0)))
          sort = &sort_keys[i];
      if (sort == NULL)
        {
          g_autofree char *allowed = g_strdup_printf ("%s,%s,%s", sort_keys[0].name, sort_keys[1].name,
                                                      sort_keys[2].name);
          appeals_field_errors_add (errors, "sort", APPEALS_FIELD_INVALID_VALUE, allowed);
          sort = &sort_keys[0];
        }
    }

  if (limit_text != NULL && !g_ascii_string_to_unsigned (limit_text, 10, 1, max_page, &limit, NULL))
    {
      g_autofree char *range = g_strdup_printf ("1..%u", max_page);
      appeals_field_errors_add (errors, "limit", APPEALS_FIELD_OUT_OF_RANGE, range);
    }

  if (cursor != NULL && !appeals_api_decode_cursor (cursor, &cursor_key, &cursor_id))
    appeals_field_errors_add (errors, "cursor", APPEALS_FIELD_INVALID_VALUE, NULL);

  build_filter (request, &filter, errors);
  if (errors->len > 0)
    {
      g_ptr_array_foreach (values, (GFunc) g_variant_unref, NULL);
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  /* the total, before the cursor narrows the set */
  n_filter_values = values->len;
  {
    g_autofree char *count_sql = g_strdup_printf ("SELECT COUNT(*) AS n FROM appeals a WHERE %s", where->str);
    GVariant **copies = g_new (GVariant *, n_filter_values);

    for (guint i = 0; i < n_filter_values; i++)
      copies[i] = g_variant_ref_sink (g_ptr_array_index (values, i));
    total = appeals_db_query (request->db, count_sql, g_variant_new_tuple (copies, n_filter_values), error);
    g_free (copies);
    if (total == NULL)
      return FALSE;
  }

  if (cursor_key != NULL)
    {
      g_autofree char *clause = g_strdup_printf ("(%s %s ? OR (%s = ? AND a.id %s ?))",
                                                 sort->column, descending ? "<" : ">",
                                                 sort->column, descending ? "<" : ">");
      filter_add (&filter, clause, g_variant_new_string (cursor_key));
      g_ptr_array_add (values, g_variant_new_string (cursor_key));
      g_ptr_array_add (values, g_variant_new_int64 (cursor_id));
    }
  g_ptr_array_add (values, g_variant_new_int64 (limit + 1));

  sql = g_string_new (NULL);
  g_string_append_printf (sql,
                          "SELECT a.*, ap.iin AS applicant_iin, "
                          "COALESCE (ap.organisation_name || ' ', '') || ap.surname || ' ' || ap.given_name || COALESCE (' ' || ap.patronymic, '') AS applicant_name "
                          "FROM appeals a JOIN applicants ap ON ap.id = a.applicant_id WHERE %s "
                          "ORDER BY %s %s, a.id %s LIMIT ?",
                          where->str, sort->column, descending ? "DESC" : "ASC", descending ? "DESC" : "ASC");

  rows = appeals_db_query (request->db, sql->str,
                           g_variant_new_tuple ((GVariant **) values->pdata, values->len), error);
  for (guint i = 0; i < n_filter_values; i++)
    g_variant_unref (g_ptr_array_index (values, i));
  if (rows == NULL)
    return FALSE;

  appeals_server_get_today (&today);
  json_builder_begin_array (builder);
  for (guint i = 0; i < MIN (appeals_db_result_get_n_rows (rows), limit); i++)
    {
      g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();

      if (!appeals_store_read_row (appeals_appeal_get_record_type (), appeal, rows, i, error))
        return FALSE;
      /* the term's state in working days is the server's figure */
      appeals_appeal_evaluate_due (appeal, appeals_server_get_deadlines (request->server),
                                   appeals_server_get_calendar (request->server), &today);
      json_builder_add_value (builder, appeals_appeal_to_json (appeal));

      if (i + 1 == limit && appeals_db_result_get_n_rows (rows) > limit)
        next_cursor = appeals_api_encode_cursor (appeals_db_result_get_string (rows, i, sort->column + 2),
                                     appeal->id);
    }
  json_builder_end_array (builder);
  appeals_api_respond_page (request, json_builder_get_root (builder), next_cursor,
                            appeals_db_result_get_int64 (total, 0, "n"));
  return TRUE;
}

void
appeals_api_list_register (AppealsServer *server)
{
  appeals_server_add_route (server, "GET", "/api/v1/appeals", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, appeals_api_appeals_list);
}
