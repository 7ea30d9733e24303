/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-content.c: the content analysis against counts made here.
 * Appeals with known annotations (Russian with ё, Kazakh in capitals) are
 * registered in two districts, some moved to a comparison week in 2019;
 * the expected count of each term is the number of seeded annotations
 * that contain it, worked out here with the test's own folding. Checked:
 * the counts and their change in the whole region, in a district-bound
 * user's scope and for a district asked for; the stop words and the
 * folding; two-word phrases only where the words stand together; a term's
 * filter lists its appeals in the journal; min_count, limit and the
 * validation of the parameters; an edit's words replacing the old ones.
 */
#include "config.h"

#include <string.h>

#include "test-api.h"

#define COMPARE_FROM "2019-01-07"
#define COMPARE_TO   "2019-01-13"

typedef struct
{
  const char *annotation;
  const char *district;
  gboolean    compared;     /* moved to the comparison week */
} Seeded;

static const Seeded seeded[] = {
  { "Сломанные светофоры на перекрёстке у школы", "kostanay-city", FALSE },
  { "Сломанные светофоры на перекрёстке у школы", "kostanay-city", FALSE },
  { "Сломанные СВЕТОФОРЫ на перекрестке у рынка", "kostanay-city", FALSE },
  { "Сломанные светофоры, прошу заменить", "kostanay-city", FALSE },
  { "Светофоры не работают", "rudny-city", FALSE },
  { "Светофоры не работают", "rudny-city", FALSE },
  { "БАҒДАРШАМ істемейді", "kostanay-city", FALSE },
  { "Бағдаршам істемейді", "kostanay-city", FALSE },
  { "бағдаршам жөндеу", "rudny-city", FALSE },
  { "Светофоры сломаны давно", "kostanay-city", TRUE },
  { "Бағдаршам істемейді", "kostanay-city", TRUE },
  { "Бағдаршам істемейді", "kostanay-city", TRUE },
};

/* the server's default min_count */
#define MIN_COUNT 2

/* The test's own folding: lower case, ё as е. */
static char *
fold (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_auto(GStrv) parts = g_strsplit (lower, "ё", -1);

  return g_strjoinv ("е", parts);
}

/* Seeded appeals containing @term in the period (or the comparison
 * week), of @district (NULL: all). */
static gint64
expected_count (const char *term,
                gboolean    compared,
                const char *district)
{
  gint64 n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (seeded); i++)
    {
      g_autofree char *folded = fold (seeded[i].annotation);

      if (seeded[i].compared == compared && strstr (folded, term) != NULL &&
          (district == NULL || g_str_equal (seeded[i].district, district)))
        n++;
    }
  return n;
}

static void
seed (Fixture *fixture)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autoptr(GString) moved = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (seeded); i++)
    {
      const char *token = g_str_equal (seeded[i].district, "rudny-city") ? fixture->controller : fixture->registrar;
      gint64 id = create_appeal (fixture, token, applicant, seeded[i].district, seeded[i].annotation);

      if (seeded[i].compared)
        g_string_append_printf (moved, "%s%" G_GINT64_FORMAT, moved->len > 0 ? ", " : "", id);
    }
  /* behind the server's back: the terms follow their appeals by trigger */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE appeals SET registration_date = '" COMPARE_FROM "' "
                                            "WHERE id IN (%s)", moved->str);
    test_api_run_sql (fixture, sql);
  }
}

static JsonObject *
get_terms (Fixture    *fixture,
           const char *token,
           const char *extra)
{
  g_autofree char *from = today_iso (-6);
  g_autofree char *to = today_iso (0);
  g_autofree char *path = g_strdup_printf ("/api/v1/analytics/content-terms?from=%s&to=%s&compare_from=" COMPARE_FROM
                                           "&compare_to=" COMPARE_TO "&limit=100%s", from, to, extra);

  return test_api_get_object (fixture, token, path);
}

static JsonObject *
find_term (JsonObject *answer,
           const char *term)
{
  return appeals_test_find_object (answer, "terms", "term", term);
}

static const char * const checked_terms[];

/* A word that a checked phrase has with the same counts: the phrase says
 * it all, and the word is left out. */
static gboolean
in_phrase (const char *word,
           gint64      count,
           gint64      compare_count,
           const char *district)
{
  for (guint i = 0; checked_terms[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (checked_terms[i], " ", 2);

      if (strchr (word, ' ') == NULL && words[1] != NULL &&
          (g_str_equal (words[0], word) || g_str_equal (words[1], word)) &&
          expected_count (checked_terms[i], FALSE, district) == count &&
          expected_count (checked_terms[i], TRUE, district) == compare_count)
        return TRUE;
    }
  return FALSE;
}

/* @term has the counts worked out here (for @district, NULL: all), or is
 * absent when it did not grow or is too rare. */
static void
check_term (JsonObject *answer,
            const char *term,
            const char *district)
{
  JsonObject *row = find_term (answer, term);
  gint64 count = expected_count (term, FALSE, district);
  gint64 compare_count = expected_count (term, TRUE, district);

  g_test_message ("%s in %s: %" G_GINT64_FORMAT " against %" G_GINT64_FORMAT, term,
                  district != NULL ? district : "the region", count, compare_count);
  if (count <= compare_count || count < MIN_COUNT || in_phrase (term, count, compare_count, district))
    {
      g_assert_null (row);
      return;
    }
  g_assert_nonnull (row);
  g_assert_cmpint (json_object_get_int_member (row, "count"), ==, count);
  g_assert_cmpint (json_object_get_int_member (row, "compare_count"), ==, compare_count);
  g_assert_cmpint (json_object_get_int_member (row, "change"), ==, count - compare_count);
  g_assert_cmpint (json_object_get_int_member (row, "words"), ==, strchr (term, ' ') != NULL ? 2 : 1);
}

static const char * const checked_terms[] = {
  "светофоры", "сломанные", "перекрестке", "школы", "работают", "бағдаршам", "істемейді", "жөндеу",
  "сломанные светофоры", "бағдаршам істемейді", "бағдаршам жөндеу", NULL
};

/* Never terms: stop words, short words, phrases across a stop word or a
 * comma, the spelling with ё. */
static const char * const absent_terms[] = {
  "прошу", "на", "не", "перекрёстке", "светофоры на", "светофоры не", "светофоры прошу", "светофоры работают",
};

static void
check_answer (JsonObject *answer,
              const char *district)
{
  JsonArray *terms = json_object_get_array_member (answer, "terms");
  gint64 previous = G_MAXINT64;

  for (guint i = 0; checked_terms[i] != NULL; i++)
    check_term (answer, checked_terms[i], district);
  for (guint i = 0; i < G_N_ELEMENTS (absent_terms); i++)
    g_assert_null (find_term (answer, absent_terms[i]));
  /* the largest growth first */
  for (guint i = 0; i < json_array_get_length (terms); i++)
    {
      gint64 change = json_object_get_int_member (json_array_get_object_element (terms, i), "change");

      g_assert_cmpint (change, >, 0);
      g_assert_cmpint (change, <=, previous);
      previous = change;
    }
}

/* The term's filter lists its appeals in the journal. */
static void
check_filter (Fixture    *fixture,
              const char *token,
              JsonObject *answer,
              const char *term)
{
  JsonObject *row = find_term (answer, term);
  JsonObject *filter = json_object_get_object_member (row, "filter");
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GList) names = json_object_get_members (filter);

  g_assert_cmpstr (json_object_get_string_member (filter, "q"), ==, term);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *value = g_uri_escape_string (json_object_get_string_member (filter, l->data), NULL, FALSE);

      g_string_append_printf (query, "%s%s=%s", query->len > 0 ? "&" : "", (char *) l->data, value);
    }
  g_assert_cmpint (journal_total (fixture, token, query->str), ==, json_object_get_int_member (row, "count"));
}

static void
test_content_terms (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(JsonObject) region = NULL;
  g_autoptr(JsonObject) scoped = NULL;
  g_autoptr(JsonObject) rudny = NULL;
  g_autoptr(JsonObject) frequent = NULL;
  g_autoptr(JsonObject) short_list = NULL;

  seed (fixture);

  region = get_terms (fixture, fixture->controller, "");
  g_assert_true (json_object_get_null_member (region, "district"));
  g_assert_cmpstr (json_object_get_string_member (region, "compare_from"), ==, COMPARE_FROM);
  g_assert_cmpint (json_object_get_int_member (region, "compare_total"), >=, expected_count ("", TRUE, NULL));
  g_assert_cmpint (json_object_get_int_member (region, "total"), >=, expected_count ("", FALSE, NULL));
  check_answer (region, NULL);
  check_filter (fixture, fixture->controller, region, "светофоры");
  check_filter (fixture, fixture->controller, region, "бағдаршам");

  /* a district-bound user counts their district only */
  scoped = get_terms (fixture, fixture->registrar, "");
  g_assert_cmpstr (json_object_get_string_member (scoped, "district"), ==, "kostanay-city");
  check_answer (scoped, "kostanay-city");
  check_filter (fixture, fixture->registrar, scoped, "светофоры");

  rudny = get_terms (fixture, fixture->controller, "&district=rudny-city");
  g_assert_cmpstr (json_object_get_string_member (rudny, "only_district"), ==, "rudny-city");
  check_answer (rudny, "rudny-city");
  check_filter (fixture, fixture->controller, rudny, "работают");

  /* min_count: "сломанные светофоры" is in 4 appeals of the period,
   * "светофоры" in 6; "сломанные" only in that phrase */
  frequent = get_terms (fixture, fixture->controller, "&min_count=4");
  g_assert_nonnull (find_term (frequent, "сломанные светофоры"));
  g_assert_null (find_term (frequent, "сломанные"));
  g_assert_null (find_term (frequent, "работают"));
  g_assert_nonnull (find_term (frequent, "светофоры"));
  short_list = get_terms (fixture, fixture->controller, "&limit=1");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (short_list, "terms")), <=, 1);

  {
    g_autoptr(AppealsTestResponse) zero = REQUEST (fixture, "GET", "/api/v1/analytics/content-terms?from=2026-01-01"
                                                   "&to=2026-06-30&limit=0", fixture->controller, NULL);
    g_autoptr(AppealsTestResponse) half = REQUEST (fixture, "GET", "/api/v1/analytics/content-terms?from=2026-01-01"
                                                   "&to=2026-06-30&compare_from=2025-01-01", fixture->controller,
                                                   NULL);
    g_autoptr(AppealsTestResponse) empty = REQUEST (fixture, "GET", "/api/v1/analytics/content-terms?from=2000-01-01"
                                                    "&to=2000-06-30", fixture->controller, NULL);

    assert_problem (zero, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (zero, "limit"), ==, "out_of_range");
    assert_problem (half, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (half, "compare_to"), ==, "required");
    g_assert_cmpuint (empty->status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (empty), "total"), ==, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (empty),
                                                                          "terms")), ==, 0);
  }
}

/* An edit's words replace the appeal's own terms, found by the date the
 * appeal has (moved here behind the server's back): the old words are
 * counted no more, the new ones are. */
static void
test_content_terms_follow_edits (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  static const char * const annotations[] = { "Жирафтар көшеде", "Жирафтар саябақта", "Жирафтар мектепте" };
  static const char query[] = "/api/v1/analytics/content-terms?from=2018-03-05&to=2018-03-11"
                              "&compare_from=2018-02-26&compare_to=2018-03-04&min_count=1&limit=100";
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(AppealsTestResponse) patched = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  gint64 first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (annotations); i++)
    {
      gint64 id = create_appeal (fixture, fixture->controller, applicant, "kostanay-city", annotations[i]);

      first = i == 0 ? id : first;
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "", id);
    }
  sql = g_strdup_printf ("UPDATE appeals SET registration_date = '2018-03-07' WHERE id IN (%s)", ids->str);
  test_api_run_sql (fixture, sql);

  before = test_api_get_object (fixture, fixture->controller, query);
  g_assert_cmpint (json_object_get_int_member (before, "total"), ==, 3);
  g_assert_nonnull (find_term (before, "жирафтар"));
  g_assert_cmpint (json_object_get_int_member (find_term (before, "жирафтар"), "count"), ==, 3);
  g_assert_nonnull (find_term (before, "жирафтар көшеде"));

  etag = appeal_etag (fixture, first);
  path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, first);
  patched = REQUEST (fixture, "PATCH", path, fixture->controller, "{\"annotation\":\"Пілдер көшеде\"}",
                     "If-Match", etag);
  g_assert_cmpuint (patched->status, ==, 200);

  after = test_api_get_object (fixture, fixture->controller, query);
  g_assert_cmpint (json_object_get_int_member (after, "total"), ==, 3);
  g_assert_nonnull (find_term (after, "жирафтар"));
  g_assert_cmpint (json_object_get_int_member (find_term (after, "жирафтар"), "count"), ==, 2);
  g_assert_null (find_term (after, "жирафтар көшеде"));
  g_assert_nonnull (find_term (after, "пілдер көшеде"));
  g_assert_cmpint (json_object_get_int_member (find_term (after, "пілдер көшеде"), "count"), ==, 1);
}

void
test_api_add_content (void)
{
  TEST_API_ADD ("/api/analytics/content-terms", test_content_terms);
  TEST_API_ADD ("/api/analytics/content-terms/follow-edits", test_content_terms_follow_edits);
}
