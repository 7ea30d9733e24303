/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-journal.c: the journal at scale's shape — pages that do not
 * count, the totals asked for apart (GET /appeals/count, capped), a page
 * started at a position, a registration number found through its
 * unique index on both backends, and edits that write what changed.
 */
#include "config.h"

#include <string.h>

#include "test-api.h"

/* GET /appeals/count?@query: its "total"; *overdue gets "overdue". */
static gint64
journal_count (Fixture    *fixture,
               const char *query,
               gint64     *overdue)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/count%s%s", query[0] != '\0' ? "?" : "", query);
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "GET", path, fixture->controller, NULL);
  JsonObject *object;

  if (response->status != 200)
    g_error ("GET %s: %u %s", path, response->status, response->text);
  object = appeals_test_response_object (response);
  g_assert_false (json_object_get_boolean_member (object, "total_more"));
  g_assert_cmpint (json_object_get_int_member (object, "cap"), ==, 10000);
  if (overdue != NULL)
    *overdue = json_object_get_int_member (object, "overdue");
  return json_object_get_int_member (object, "total");
}

/* The ids of one page. */
static GArray *
page_ids (Fixture    *fixture,
          const char *path,
          char      **next_cursor)
{
  g_autoptr(AppealsTestResponse) page = REQUEST (fixture, "GET", path, fixture->controller, NULL);
  JsonObject *object;
  JsonArray *items;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (page->status != 200)
    g_error ("GET %s: %u %s", path, page->status, page->text);
  object = appeals_test_response_object (page);
  /* a page is never counted */
  g_assert_false (json_object_has_member (object, "total"));
  items = json_object_get_array_member (object, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");
      g_array_append_val (ids, id);
    }
  if (next_cursor != NULL)
    *next_cursor = json_object_get_null_member (object, "next_cursor") ? NULL
                 : g_uri_escape_string (json_object_get_string_member (object, "next_cursor"), NULL, TRUE);
  return ids;
}

/* Every row of the page at @path is overdue, or none is, as the card
 * shows its term (due_state). */
static void
assert_due_states (Fixture    *fixture,
                   const char *path,
                   gboolean    overdue)
{
  g_autoptr(AppealsTestResponse) page = REQUEST (fixture, "GET", path, fixture->controller, NULL);
  JsonArray *items = json_object_get_array_member (appeals_test_response_object (page), "items");

  g_assert_cmpuint (json_array_get_length (items), >, 0);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *state = json_object_get_null_member (item, "due_state") ? NULL
                        : json_object_get_string_member (item, "due_state");

      if ((g_strcmp0 (state, "overdue") == 0) != overdue)
        g_error ("%s: appeal %" G_GINT64_FORMAT " (%s) is %s", path, json_object_get_int_member (item, "id"),
                 json_object_get_string_member (item, "status"), state != NULL ? state : "without a term");
    }
}

/* The overdue filter keeps the appeals whose cards show them overdue: a
 * decided appeal past its old term (terminated, left without
 * consideration) is not, nor one forwarded in full (its term stopped
 * when it went to the competent body), nor counted so. */
static void
test_overdue_terms (Fixture       *fixture,
                    gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 decided = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Жол жөндеу");
  gint64 open = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Көше жарығы");
  gint64 sent = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Емхана кезегі");
  g_autoptr(AppealsTestResponse) terminated = post_action (fixture, fixture->controller, decided, "terminate",
                                                           "{\"ground\":\"withdrawn\","
                                                           "\"reason\":\"Заявитель отозвал обращение\"}");
  g_autofree char *today = today_iso (0);
  g_autofree char *forward = g_strdup_printf ("{\"body\":\"health\",\"scope\":\"full\","
                                              "\"outgoing_number\":\"02-15/732\",\"outgoing_date\":\"%s\"}", today);
  g_autoptr(AppealsTestResponse) forwarded = post_action (fixture, fixture->registrar, sent, "forward", forward);
  g_autofree char *past = g_strdup_printf ("UPDATE appeals SET due_date = '2020-01-10' "
                                           "WHERE id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                           decided, open, sent);
  g_autofree char *open_path = NULL;
  gint64 overdue = -1;

  g_assert_cmpuint (terminated->status, ==, 200);
  g_assert_cmpuint (forwarded->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (forwarded), "status"), ==,
                   "forwarded");
  test_api_run_sql (fixture, past);
  assert_due_states (fixture, "/api/v1/appeals?limit=200&overdue=true", TRUE);
  assert_due_states (fixture, "/api/v1/appeals?limit=200&overdue=false", FALSE);
  g_assert_cmpint (journal_count (fixture, "overdue=true&status=terminated", NULL), ==, 0);
  journal_count (fixture, "status=terminated", &overdue);
  g_assert_cmpint (overdue, ==, 0);
  g_assert_cmpint (journal_count (fixture, "overdue=true&status=forwarded", NULL), ==, 0);
  journal_count (fixture, "status=forwarded", &overdue);
  g_assert_cmpint (overdue, ==, 0);
  /* the one still in work is */
  open_path = g_strdup_printf ("applicant_id=%" G_GINT64_FORMAT "&overdue=true", applicant);
  g_assert_cmpint (journal_count (fixture, open_path, NULL), ==, 1);
}

/* The totals agree with the pages: every appeal by cursor, the overdue
 * ones by the overdue filter; ?overdue=true counts only overdue ones. */
static void
test_count (Fixture       *fixture,
            gconstpointer  user_data)
{
  gint64 overdue = -1, overdue_only_overdue = -1, not_overdue_overdue = -1;
  gint64 total = journal_count (fixture, "", &overdue);
  gint64 overdue_total = journal_count (fixture, "overdue=true", &overdue_only_overdue);
  gint64 not_overdue = journal_count (fixture, "overdue=false", &not_overdue_overdue);
  g_autoptr(GArray) overdue_page = page_ids (fixture, "/api/v1/appeals?limit=200&overdue=true", NULL);
  g_autofree char *cursor = NULL;
  gint64 paged = 0;

  do
    {
      g_autofree char *path = cursor != NULL ? g_strdup_printf ("/api/v1/appeals?limit=30&cursor=%s", cursor)
                                             : g_strdup ("/api/v1/appeals?limit=30");
      g_autoptr(GArray) ids = NULL;

      g_clear_pointer (&cursor, g_free);
      ids = page_ids (fixture, path, &cursor);
      paged += ids->len;
    }
  while (cursor != NULL);

  g_assert_cmpint (total, >, 0);
  g_assert_cmpint (paged, ==, total);
  g_assert_cmpint (overdue, >, 0);
  g_assert_cmpint (overdue, ==, overdue_total);
  g_assert_cmpint (overdue_only_overdue, ==, overdue_total);
  g_assert_cmpint (overdue_page->len, ==, overdue);
  g_assert_cmpint (not_overdue + overdue_total, ==, total);
  g_assert_cmpint (not_overdue_overdue, ==, 0);
  /* the filters narrow the count as they narrow the pages */
  g_assert_cmpint (journal_count (fixture, "status=answered", NULL), <, total);
  g_assert_cmpint (journal_count (fixture, "q=zzzzqqq", NULL), ==, 0);
}

/* ?offset= starts a page where following the cursors gets to; with a
 * cursor, or past the cap, it is refused. */
static void
test_offset (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *cursor = NULL;
  g_autoptr(GArray) first = page_ids (fixture, "/api/v1/appeals?limit=5&sort=due_date", &cursor);
  g_autofree char *second_path = g_strdup_printf ("/api/v1/appeals?limit=5&sort=due_date&cursor=%s", cursor);
  g_autoptr(GArray) second = page_ids (fixture, second_path, NULL);
  g_autoptr(GArray) at_five = page_ids (fixture, "/api/v1/appeals?limit=5&sort=due_date&offset=5", NULL);
  g_autofree char *both_path = g_strdup_printf ("/api/v1/appeals?limit=5&offset=5&cursor=%s", cursor);
  g_autoptr(AppealsTestResponse) both = REQUEST (fixture, "GET", both_path, fixture->controller, NULL);
  g_autoptr(AppealsTestResponse) far = REQUEST (fixture, "GET", "/api/v1/appeals?offset=10001",
                                                fixture->controller, NULL);

  g_assert_cmpuint (first->len, ==, 5);
  g_assert_cmpuint (second->len, ==, 5);
  g_assert_cmpmem (second->data, second->len * sizeof (gint64), at_five->data, at_five->len * sizeof (gint64));
  assert_problem (both, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (both, "offset"), ==, "out_of_range");
  assert_problem (far, 422, "validation_failed");
}

/* "2026-000042" and "2026-42" find that appeal (PostgreSQL's text parser
 * reads "-000042" as a number); a number no appeal has finds none. */
static void
test_registration_number (Fixture       *fixture,
                          gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 id = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Жарық жоқ");
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autoptr(AppealsTestResponse) appeal = REQUEST (fixture, "GET", path, fixture->registrar, NULL);
  const char *number = json_object_get_string_member (appeals_test_response_object (appeal), "registration_number");
  g_auto(GStrv) parts = g_strsplit (number, "-", 2);
  g_autofree char *exact = g_strdup_printf ("/api/v1/appeals?q=%s", number);
  g_autofree char *shortened = g_strdup_printf ("/api/v1/appeals?q=%s-%u", parts[0],
                                                (guint) g_ascii_strtoull (parts[1], NULL, 10));
  g_autofree char *missing = g_strdup_printf ("/api/v1/appeals?q=%s-999999", parts[0]);
  g_autoptr(GArray) by_exact = page_ids (fixture, exact, NULL);
  g_autoptr(GArray) by_short = page_ids (fixture, shortened, NULL);
  g_autoptr(GArray) by_missing = page_ids (fixture, missing, NULL);

  g_assert_cmpuint (by_exact->len, ==, 1);
  g_assert_cmpint (g_array_index (by_exact, gint64, 0), ==, id);
  g_assert_cmpuint (by_short->len, ==, 1);
  g_assert_cmpint (g_array_index (by_short, gint64, 0), ==, id);
  g_assert_cmpuint (by_missing->len, ==, 0);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* A search's cursor pages go through its matches without repeats,
 * whichever plan the match count chose, as many as it counts. */
static void
test_search_pages (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *cursor = NULL;
  gint64 total;

  for (guint i = 0; i < 5; i++)
    create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Ёлка на площади");
  total = journal_count (fixture, "q=%D0%B5%D0%BB%D0%BA", NULL);  /* "елк" */
  g_assert_cmpint (total, >=, 5);

  do
    {
      g_autofree char *path = cursor != NULL
                              ? g_strdup_printf ("/api/v1/appeals?q=%%D0%%B5%%D0%%BB%%D0%%BA&limit=2&cursor=%s", cursor)
                              : g_strdup ("/api/v1/appeals?q=%D0%B5%D0%BB%D0%BA&limit=2");
      g_autoptr(GArray) ids = NULL;

      g_clear_pointer (&cursor, g_free);
      ids = page_ids (fixture, path, &cursor);
      g_array_append_vals (all, ids->data, ids->len);
    }
  while (cursor != NULL);

  g_assert_cmpint (all->len, ==, total);
  g_array_sort (all, compare_ids);
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (g_array_index (all, gint64, i - 1), <, g_array_index (all, gint64, i));
}

/* The ids of the journal page of a search, and its count. */
static gint64
search_count (Fixture    *fixture,
              const char *text,
              guint      *n_page)
{
  g_autofree char *escaped = g_uri_escape_string (text, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("q=%s", escaped);
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals?%s&limit=100", query);
  g_autoptr(GArray) ids = page_ids (fixture, path, NULL);

  *n_page = ids->len;
  return journal_count (fixture, query, NULL);
}

/* A prefix longer than the text index's own prefixes is searched as the
 * words it begins (SQLite spells them from the index's vocabulary): every
 * such word is found, with other words too, a prefix no word begins finds
 * nothing, and a prefix of more words than are spelt is still a prefix;
 * a word that another begins with, or typed twice, narrows nothing more. */
static void
test_search_prefix_words (Fixture       *fixture,
                          gconstpointer  user_data)
{
  static const struct { const char *text; gint64 matches; } searches[] = {
    { "шлагба", 4 },          /* шлагбаум, шлагбаума, шлагбаумы, Шлагбаумом — not шлагбумный */
    { "шлагбаумы", 1 },
    { "шлагба ремонтник", 2 },
    { "ремонтник шлагба", 2 },
    { "шлагбаумщик", 0 },
    { "кварцит", 20 },        /* twenty words, кварцит1…кварцит20 */
    { "кварцит1", 11 },       /* кварцит1, кварцит10…кварцит19 */
    { "кварцит7 шлагба", 0 },
    /* a word another one begins with, or typed twice, changes nothing */
    { "шлагба шлагбаумы", 1 },
    { "шлагбаумы ш Шлагба", 1 },
    { "ремонтник шлагба РЕМОНТНИК", 2 },
    { "кварцит кварцит1", 11 },
  };
  static const char * const annotations[] = {
    "Ремонтник: шлагбаум сломан", "Шлагбаума нет у дома", "Ремонтник и шлагбаумы", "Под Шлагбаумом яма",
    "Шлагбумный пост",
  };
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 before[G_N_ELEMENTS (searches)];

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      guint n_page = 0;

      before[i] = search_count (fixture, searches[i].text, &n_page);
    }
  for (guint i = 0; i < G_N_ELEMENTS (annotations); i++)
    create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", annotations[i]);
  for (guint i = 1; i <= 20; i++)
    {
      g_autofree char *annotation = g_strdup_printf ("Кварцит%u на тротуаре", i);

      create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", annotation);
    }

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      guint n_page = 0;
      gint64 total = search_count (fixture, searches[i].text, &n_page);

      g_test_message ("%s: %" G_GINT64_FORMAT " before, %" G_GINT64_FORMAT " after", searches[i].text, before[i], total);
      g_assert_cmpint (total - before[i], ==, searches[i].matches);
      g_assert_cmpint (n_page, ==, total);
    }
}

/* PATCHes @members over appeal @id as the controller, @etag in hand; it
 * becomes the new one. */
static void
patch_appeal (Fixture     *fixture,
              gint64       id,
              char       **etag,
              const char  *members)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autoptr(AppealsTestResponse) response = REQUEST (fixture, "PATCH", path, fixture->controller, members,
                                                     "If-Match", *etag);

  if (response->status != 200)
    g_error ("PATCH %s %s: %u %s", path, members, response->status, response->text);
  g_free (*etag);
  *etag = g_strdup (appeals_test_response_header (response, "ETag"));
}

/* The search index follows the words of a card's edits — its executor,
 * its annotation — and keeps them through edits of other fields, which
 * leave it alone. */
static void
test_search_follows_edits (Fixture       *fixture,
                           gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 id = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Шлагбаум у школы");
  g_autofree char *etag = appeal_etag (fixture, id);
  guint n_page = 0;

  g_assert_cmpint (search_count (fixture, "Жолдасбеков", &n_page), ==, 0);
  patch_appeal (fixture, id, &etag, "{\"executor\":\"Жолдасбеков Н.\"}");
  g_assert_cmpint (search_count (fixture, "Жолдасбеков", &n_page), ==, 1);

  /* no word changes: the index stays as it was, and right */
  patch_appeal (fixture, id, &etag, "{\"form\":\"electronic\"}");
  g_assert_cmpint (search_count (fixture, "Жолдасбеков", &n_page), ==, 1);
  g_assert_cmpint (search_count (fixture, "шлагбаум", &n_page), ==, 1);

  patch_appeal (fixture, id, &etag, "{\"annotation\":\"Тротуар у школы\",\"executor\":null}");
  g_assert_cmpint (search_count (fixture, "шлагбаум", &n_page), ==, 0);
  g_assert_cmpint (search_count (fixture, "Жолдасбеков", &n_page), ==, 0);
  g_assert_cmpint (search_count (fixture, "тротуар школы", &n_page), ==, 1);
}

/* The UPDATE statements of @table that the server logged to @log. */
static GPtrArray *
logged_updates (const char *log,
                const char *table)
{
  g_autofree char *text = NULL;
  g_autofree char *prefix = g_strdup_printf ("UPDATE %s SET ", table);
  g_auto(GStrv) lines = NULL;
  GPtrArray *updates = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (log, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  /* a statement is quoted as GVariant quotes text: in double quotes when
   * it has a single one */
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] == '(' && (lines[i][1] == '\'' || lines[i][1] == '"') &&
        g_str_has_prefix (lines[i] + 2, prefix))
      {
        char quote[2] = { lines[i][1], '\0' };

        g_ptr_array_add (updates, g_strndup (lines[i] + 2, strcspn (lines[i] + 2, quote)));
      }
  return updates;
}

/* An edit sets the columns it changed, with the version and the time, and
 * no other: a new executor does not rewrite the indexes of the status, the
 * district and the dates, nor fire the trigger that follows them. On
 * PostgreSQL the search vector of new words goes in the same UPDATE: one
 * new version of the row, not two. */
static void
test_edit_writes_what_changed (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *dir = g_dir_make_tmp ("appeals-statements-XXXXXX", NULL);
  g_autofree char *log = g_build_filename (dir, "statements", NULL);
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 id = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Шлагбаум у школы");
  g_autofree char *etag = appeal_etag (fixture, id);
  g_autofree char *applicant_path = g_strdup_printf ("/api/v1/applicants/%" G_GINT64_FORMAT, applicant);
  g_autoptr(AppealsTestResponse) read = NULL, phone = NULL;
  g_autofree char *appeal_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autoptr(GPtrArray) appeals = NULL, applicants = NULL;
  g_autoptr(JsonObject) card = NULL, person = NULL;

  appeals_test_server_terminate (fixture->server);
  g_setenv ("APPEALS_SERVER_LOG_STATEMENTS", log, TRUE);
  appeals_test_server_restart (fixture->server);
  g_unsetenv ("APPEALS_SERVER_LOG_STATEMENTS");

  patch_appeal (fixture, id, &etag, "{\"executor\":\"Жолдасбеков Н.\"}");
  patch_appeal (fixture, id, &etag, "{\"form\":\"paper_and_electronic\",\"language\":\"ru\"}");
  read = REQUEST (fixture, "GET", applicant_path, fixture->controller, NULL);
  g_assert_cmpuint (read->status, ==, 200);
  phone = REQUEST (fixture, "PATCH", applicant_path, fixture->controller, "{\"phone\":\"87051112233\"}",
                   "If-Match", appeals_test_response_header (read, "ETag"));
  g_assert_cmpuint (phone->status, ==, 200);

  appeals = logged_updates (log, "appeals");
  g_assert_cmpuint (appeals->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (appeals, 0), ==,
                   g_str_equal (test_api_backend, "postgresql")
                   ? "UPDATE appeals SET version = ?, executor = ?, updated_at = ?, "
                     "search_vector = to_tsvector ('simple', ?) WHERE id = ? AND version = ? RETURNING id"
                   : "UPDATE appeals SET version = ?, executor = ?, updated_at = ? "
                     "WHERE id = ? AND version = ? RETURNING id");
  g_assert_cmpstr (g_ptr_array_index (appeals, 1), ==,
                   "UPDATE appeals SET version = ?, form = ?, language = ?, updated_at = ? "
                   "WHERE id = ? AND version = ? RETURNING id");
  applicants = logged_updates (log, "applicants");
  g_assert_cmpuint (applicants->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (applicants, 0), ==,
                   "UPDATE applicants SET version = ?, phone = ?, updated_at = ? "
                   "WHERE id = ? AND version = ? RETURNING id");

  /* and what was set is what a read finds */
  card = test_api_get_object (fixture, fixture->controller, appeal_path);
  g_assert_cmpstr (json_object_get_string_member (card, "executor"), ==, "Жолдасбеков Н.");
  g_assert_cmpstr (json_object_get_string_member (card, "form"), ==, "paper_and_electronic");
  g_assert_cmpstr (json_object_get_string_member (card, "language"), ==, "ru");
  g_assert_cmpstr (json_object_get_string_member (card, "annotation"), ==, "Шлагбаум у школы");
  person = test_api_get_object (fixture, fixture->controller, applicant_path);
  g_assert_cmpstr (json_object_get_string_member (person, "phone"), ==, "+77051112233");
  appeals_test_remove_tree (dir);
}

/* With ?texts=false a journal row is its card but for the appeal's text
 * and its answer, which only the card (whose read is logged) gives, and
 * who changed it last, which the card finds in its history:
 * every other member of every row of the demo's journal, whatever its
 * state, holds what its card holds, so no column is missing from the
 * page's statement. Without it, the rows have their texts as before;
 * a value not a boolean is refused. */
static void
test_rows_without_texts (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) page = REQUEST (fixture, "GET", "/api/v1/appeals?limit=200&texts=false",
                                                 fixture->controller, NULL);
  g_autoptr(AppealsTestResponse) full = REQUEST (fixture, "GET", "/api/v1/appeals?limit=5", fixture->controller,
                                                 NULL);
  g_autoptr(AppealsTestResponse) wrong = REQUEST (fixture, "GET", "/api/v1/appeals?texts=no", fixture->controller,
                                                  NULL);
  const char * const card_only[] = { "text", "answer", "updated_by_name", "allowed_actions", "notices", NULL };
  JsonArray *items;
  guint answered = 0;

  g_assert_cmpuint (full->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (full), "items");
  g_assert_true (json_object_has_member (json_array_get_object_element (items, 0), "text"));
  g_assert_true (json_object_has_member (json_array_get_object_element (items, 0), "answer"));
  assert_problem (wrong, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (wrong, "texts"), ==, "invalid_value");

  g_assert_cmpuint (page->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (page), "items");
  g_assert_cmpuint (json_array_get_length (items), >, 20);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *row = json_array_get_object_element (items, i);
      g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT,
                                               json_object_get_int_member (row, "id"));
      g_autoptr(AppealsTestResponse) card = REQUEST (fixture, "GET", path, fixture->controller, NULL);
      JsonObject *whole = appeals_test_response_object (card);
      g_autoptr(GList) members = json_object_get_members (whole);
      guint n_card_only = 0;

      g_assert_cmpuint (card->status, ==, 200);
      g_assert_true (json_object_has_member (whole, "text"));
      if (!json_object_get_null_member (whole, "answer"))
        answered++;
      for (const GList *l = members; l != NULL; l = l->next)
        {
          const char *name = l->data;

          if (g_strv_contains (card_only, name))
            continue;
          if (!json_object_has_member (row, name) ||
              !json_node_equal (json_object_get_member (row, name), json_object_get_member (whole, name)))
            g_error ("appeal %s: the row's %s is not the card's",
                     json_object_get_string_member (row, "registration_number"), name);
        }
      for (guint j = 0; card_only[j] != NULL; j++)
        {
          g_assert_false (json_object_has_member (row, card_only[j]));
          n_card_only += json_object_has_member (whole, card_only[j]);
        }
      g_assert_cmpuint (json_object_get_size (row), ==, json_object_get_size (whole) - n_card_only);
    }
  /* the demo's answered appeals were among them, their answers on their cards */
  g_assert_cmpuint (answered, >, 0);
}

void
test_api_add_journal (void)
{
  TEST_API_ADD ("/api/journal/count", test_count);
  TEST_API_ADD ("/api/journal/overdue-terms", test_overdue_terms);
  TEST_API_ADD ("/api/journal/offset", test_offset);
  TEST_API_ADD ("/api/journal/registration-number", test_registration_number);
  TEST_API_ADD ("/api/journal/rows-without-texts", test_rows_without_texts);
  TEST_API_ADD ("/api/journal/search-pages", test_search_pages);
  TEST_API_ADD ("/api/journal/search-prefix-words", test_search_prefix_words);
  TEST_API_ADD ("/api/journal/search-follows-edits", test_search_follows_edits);
  TEST_API_ADD ("/api/journal/edit-writes-what-changed", test_edit_writes_what_changed);
}
