/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-appeal-filter.c: the journal's filter and its pages: copied,
 * compared, freed, and written into a journal request's query.
 */
#include "config.h"

#include "appeals-appeal-service.h"
#include "appeals-appeal-service-private.h"
#include "appeals-service-call.h"

G_DEFINE_BOXED_TYPE (AppealsAppealFilter, appeals_appeal_filter, appeals_appeal_filter_copy, appeals_appeal_filter_free)

AppealsAppealFilter *
appeals_appeal_filter_new (void)
{
  AppealsAppealFilter *filter = g_new0 (AppealsAppealFilter, 1);

  g_date_clear (&filter->from, 1);
  g_date_clear (&filter->to, 1);
  return filter;
}

AppealsAppealFilter *
appeals_appeal_filter_copy (const AppealsAppealFilter *filter)
{
  AppealsAppealFilter *copy = g_memdup2 (filter, sizeof *filter);

  copy->text = g_strdup (filter->text);
  copy->district = g_strdup (filter->district);
  copy->question_character = g_strdup (filter->question_character);
  copy->sort = g_strdup (filter->sort);
  copy->figure = g_strdup (filter->figure);
  return copy;
}

void
appeals_appeal_filter_free (AppealsAppealFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->text);
  g_free (filter->district);
  g_free (filter->question_character);
  g_free (filter->sort);
  g_free (filter->figure);
  g_free (filter);
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

gboolean
appeals_appeal_filter_equal (const AppealsAppealFilter *a,
                             const AppealsAppealFilter *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->text, b->text) == 0 && a->status == b->status && a->category == b->category &&
         a->channel == b->channel && g_strcmp0 (a->district, b->district) == 0 &&
         g_strcmp0 (a->question_character, b->question_character) == 0 && a->applicant_id == b->applicant_id &&
         !a->overdue_only == !b->overdue_only && !a->control_only == !b->control_only &&
         dates_equal (&a->from, &b->from) && dates_equal (&a->to, &b->to) && g_strcmp0 (a->sort, b->sort) == 0 &&
         g_strcmp0 (a->figure, b->figure) == 0 && !a->with_texts == !b->with_texts;
}

void
appeals_appeal_page_free (AppealsAppealPage *page)
{
  if (page == NULL)
    return;

  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}

/* The filter as the journal route's query. */
void
_appeals_appeal_filter_add_to_path (GString                   *path,
            const AppealsAppealFilter *filter,
            gboolean                   with_sort)
{
  if (filter == NULL)
    return;

  appeals_api_path_add_query (path, "q", filter->text);
  appeals_api_path_add_query (path, "status", appeals_enum_to_wire (APPEALS_TYPE_STATUS, filter->status));
  appeals_api_path_add_query (path, "category", appeals_enum_to_wire (APPEALS_TYPE_CATEGORY, filter->category));
  appeals_api_path_add_query (path, "channel", appeals_enum_to_wire (APPEALS_TYPE_CHANNEL, filter->channel));
  appeals_api_path_add_query (path, "district", filter->district);
  appeals_api_path_add_query (path, "question_character", filter->question_character);
  if (filter->applicant_id > 0)
    appeals_api_path_add_query_int (path, "applicant_id", filter->applicant_id);
  if (filter->overdue_only)
    appeals_api_path_add_query (path, "overdue", "true");
  if (filter->control_only)
    appeals_api_path_add_query (path, "control", "true");
  appeals_api_path_add_query_date (path, "from", &filter->from);
  appeals_api_path_add_query_date (path, "to", &filter->to);
  if (with_sort)
    appeals_api_path_add_query (path, "sort", filter->sort);
  if (filter->figure != NULL)
    {
      g_autoptr(GHashTable) figure = g_uri_parse_params (filter->figure, -1, "&", G_URI_PARAMS_NONE, NULL);
      GHashTableIter iter;
      gpointer name, value;

      if (figure == NULL)
        return;
      g_hash_table_iter_init (&iter, figure);
      while (g_hash_table_iter_next (&iter, &name, &value))
        appeals_api_path_add_query (path, name, value);
    }
}

