/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-journal-filter.c: the journal's filters read from a request —
 * the card's members, the period, the overdue, the line report's
 * conditions (appeals-report-records.c) and the full-text search
 * (appeals-journal-search.c) — as conditions on "a" (appeals) with their
 * values, and what the page's plan needs to know of them.
 */
#include "config.h"

#include "appeals-api-common.h"
#include "appeals-journal-filter.h"
#include "appeals-journal-search.h"
#include "appeals-report-records.h"
#include "appeals-report-sql.h"
#include "appeals-scope.h"

void
appeals_journal_filter_init (AppealsJournalFilter *filter)
{
  filter->where = g_string_new ("1 = 1");
  filter->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  filter->search_matches = -1;
  filter->n_narrowing = 0;
  filter->n_clauses = 0;
  filter->n_on_status = 0;
  filter->period = FALSE;
  filter->from = filter->to = NULL;
  filter->bounds = (AppealsJournalBounds) { NULL, NULL, FALSE };
  filter->searched = FALSE;
  filter->search_sorted = FALSE;
  filter->search_alone = FALSE;
  filter->search_words = NULL;
  filter->cursor = (AppealsJournalCursor) { "registration_date", NULL, 0, TRUE };
}

void
appeals_journal_filter_clear (AppealsJournalFilter *filter)
{
  g_string_free (filter->where, TRUE);
  g_ptr_array_unref (filter->values);
  appeals_journal_bounds_clear (&filter->bounds);
  g_clear_pointer (&filter->search_words, g_free);
}

void
appeals_journal_filter_add (AppealsJournalFilter *filter,
                            const char           *clause,
                            GVariant             *value)
{
  g_string_append_printf (filter->where, " AND %s", clause);
  filter->n_clauses++;
  if (value != NULL)
    g_ptr_array_add (filter->values, g_variant_ref_sink (value));
}

GVariant *
appeals_journal_filter_params (AppealsJournalFilter *filter,
                               GVariant             *last,
                               ...)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  va_list args;

  g_ptr_array_extend (params, filter->values, NULL, NULL);
  va_start (args, last);
  for (GVariant *value = last; value != NULL; value = va_arg (args, GVariant *))
    g_ptr_array_add (params, value);
  va_end (args);
  return g_variant_new_tuple ((GVariant **) params->pdata, params->len);
}

static gboolean
add_search (AppealsRequest        *request,
            AppealsJournalFilter  *filter,
            const char            *query,
            GError               **error)
{
  AppealsJournalSearch search;

  /* a page past a cursor in the order of registration reads its matches
   * by id, whatever they are; a first page counts them for the total */
  gboolean by_id = filter->search_alone && filter->cursor.key != NULL &&
                   appeals_journal_page_by_id (&filter->cursor, FALSE);

  if (!appeals_journal_search_init (&search, request->db, query, &filter->cursor, by_id, error))
    return FALSE;
  if (search.clause != NULL)
    appeals_journal_filter_add (filter, search.clause, g_variant_ref (search.value));
  filter->search_matches = search.clause != NULL ? search.matches : -1;
  filter->searched = search.clause != NULL;
  filter->search_sorted = search.clause != NULL && search.sorted;
  filter->search_words = g_steal_pointer (&search.words);
  appeals_journal_search_clear (&search);
  return TRUE;
}

/* Adds the enum filter @name; answers 422 and returns FALSE for a value
 * the enum does not have. */
static gboolean
add_enum_filter (AppealsRequest       *request,
                 AppealsJournalFilter *filter,
                 GPtrArray            *errors,
                 const char           *name,
                 GType                 enum_type)
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
  appeals_journal_filter_add (filter, clause, g_variant_new_string (value));
  if (g_str_equal (name, "status"))
    filter->n_on_status++;
  return TRUE;
}

/* Appeals past their term that is still running, as each planner reads
 * their pages (appeals-report-sql.h), with today's date as its value. */
void
appeals_journal_filter_add_overdue (AppealsRequest       *request,
                                    AppealsJournalFilter *filter,
                                    gboolean              overdue)
{
  const char *past_term = appeals_db_get_dialect (request->db) == APPEALS_DB_DIALECT_SQLITE
                        ? APPEALS_JOURNAL_OVERDUE_SQLITE_SQL ("a") : APPEALS_JOURNAL_OVERDUE_POSTGRESQL_SQL ("a");
  g_autofree char *clause = overdue ? g_strdup (past_term) : g_strdup_printf ("NOT (%s)", past_term);
  g_autofree char *today_text = NULL;
  GDate date;

  appeals_server_get_today (&date);
  today_text = appeals_date_format_iso (&date);
  appeals_journal_filter_add (filter, clause, g_variant_new_string (today_text));
  filter->n_on_status++;
}

/**
 * appeals_journal_filter_count_where:
 * @where: a journal's conditions
 *
 * On PostgreSQL a count reads the overdue from the appeals in work by
 * term, a page from the indexes of open appeals in its order
 * (appeals-report-sql.h): the same condition, written otherwise, with the
 * same parameter.
 *
 * Returns: (transfer full): @where as a count's
 */
char *
appeals_journal_filter_count_where (AppealsRequest *request,
                                    const char     *where)
{
  g_autoptr(GString) count = g_string_new (where);

  if (appeals_db_get_dialect (request->db) == APPEALS_DB_DIALECT_POSTGRESQL)
    g_string_replace (count, APPEALS_JOURNAL_OVERDUE_POSTGRESQL_SQL ("a"),
                      APPEALS_JOURNAL_OVERDUE_POSTGRESQL_COUNT_SQL ("a"), 0);
  return g_string_free (g_steal_pointer (&count), FALSE);
}

/* Adds the request's filters; field errors go to @errors. Returns FALSE
 * on a database error only. */
static gboolean
build_filter (AppealsRequest        *request,
              AppealsJournalFilter  *filter,
              GPtrArray             *errors,
              GError               **error)
{
  guint scoped = appeals_api_scope_district (request) != NULL ? 1 : 0;
  gsize report_start;
  const char *value;
  gboolean flag;
  GDate date;

  if (appeals_api_scope_district (request) != NULL)
    appeals_journal_filter_add (filter, "a.district = ?", g_variant_new_string (appeals_api_scope_district (request)));

  add_enum_filter (request, filter, errors, "status", APPEALS_TYPE_STATUS);
  add_enum_filter (request, filter, errors, "category", APPEALS_TYPE_CATEGORY);
  add_enum_filter (request, filter, errors, "channel", APPEALS_TYPE_CHANNEL);
  add_enum_filter (request, filter, errors, "kind", APPEALS_TYPE_KIND);

  if ((value = appeals_request_get_query (request, "district")) != NULL)
    appeals_journal_filter_add (filter, "a.district = ?", g_variant_new_string (value));
  if ((value = appeals_request_get_query (request, "addressee_body")) != NULL)
    appeals_journal_filter_add (filter, "a.addressee_body = ?", g_variant_new_string (value));
  if ((value = appeals_request_get_query (request, "question_character")) != NULL)
    appeals_journal_filter_add (filter, "a.question_character = ?", g_variant_new_string (value));
  if ((value = appeals_request_get_query (request, "registrar")) != NULL)
    appeals_journal_filter_add (filter, "a.registrar = ?", g_variant_new_string (value));
  if ((value = appeals_request_get_query (request, "applicant_id")) != NULL)
    {
      guint64 id;

      if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT64, &id, NULL))
        appeals_field_errors_add (errors, "applicant_id", APPEALS_FIELD_INVALID_VALUE, NULL);
      else
        appeals_journal_filter_add (filter, "a.applicant_id = ?", g_variant_new_int64 (id));
    }

  if ((value = appeals_request_get_query (request, "registration_number")) != NULL)
    {
      if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{6}$", value, 0, 0))
        appeals_field_errors_add (errors, "registration_number", APPEALS_FIELD_INVALID_VALUE, NULL);
      else
        appeals_journal_filter_add (filter, "a.registration_number = ?", g_variant_new_string (value));
    }

  if ((value = appeals_request_get_query (request, "from")) != NULL)
    {
      if (!appeals_date_parse_iso (value, &date))
        appeals_field_errors_add (errors, "from", APPEALS_FIELD_INVALID_DATE, NULL);
      else
        {
          appeals_journal_filter_add (filter, "a.registration_date >= ?", g_variant_new_string (value));
          filter->period = TRUE;
          filter->from = value;
        }
    }
  if ((value = appeals_request_get_query (request, "to")) != NULL)
    {
      if (!appeals_date_parse_iso (value, &date))
        appeals_field_errors_add (errors, "to", APPEALS_FIELD_INVALID_DATE, NULL);
      else
        {
          appeals_journal_filter_add (filter, "a.registration_date <= ?", g_variant_new_string (value));
          filter->period = TRUE;
          filter->to = value;
        }
    }

  if ((value = appeals_request_get_query (request, "control")) != NULL)
    {
      if (!appeals_api_parse_bool (value, &flag))
        appeals_field_errors_add (errors, "control", APPEALS_FIELD_INVALID_VALUE, "true,false");
      else
        appeals_journal_filter_add (filter, "a.control = ?", g_variant_new_int64 (flag));
    }

  if ((value = appeals_request_get_query (request, "overdue")) != NULL)
    {
      if (!appeals_api_parse_bool (value, &flag))
        appeals_field_errors_add (errors, "overdue", APPEALS_FIELD_INVALID_VALUE, "true,false");
      else
        appeals_journal_filter_add_overdue (request, filter, flag);
    }

  /* the conditions behind the line report's figures */
  report_start = filter->where->len;
  appeals_report_records_add_filters (request, filter->where, filter->values, errors);
  if (filter->where->len > report_start)
    filter->n_clauses++;
  /* the filter owns its values: the report's come floating */
  for (guint i = 0; i < filter->values->len; i++)
    if (g_variant_is_floating (g_ptr_array_index (filter->values, i)))
      g_variant_ref_sink (g_ptr_array_index (filter->values, i));

  if ((value = appeals_request_get_query (request, "q")) != NULL)
    {
      if (g_utf8_strlen (value, -1) > 200)
        appeals_field_errors_add (errors, "q", APPEALS_FIELD_TOO_LONG, "200");
      else if (errors->len == 0)
        {
          filter->n_narrowing = filter->values->len - scoped;
          filter->search_alone = filter->n_clauses == 0;
          return add_search (request, filter, value, error);
        }
    }

  filter->n_narrowing = filter->values->len - scoped;
  return TRUE;
}

/* Answers 422 and returns FALSE when the request's filters are not
 * valid; on a database error returns FALSE with @error set. */
gboolean
appeals_journal_filter_read (AppealsRequest        *request,
                             AppealsJournalFilter  *filter,
                             GPtrArray             *errors,
                             GError               **error)
{
  if (!build_filter (request, filter, errors, error))
    return FALSE;
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return FALSE;
    }
  return TRUE;
}

