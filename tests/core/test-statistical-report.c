/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-statistical-report.c: the journal's query behind each count of the
 * statistical report — the report's period, the row's filter as the
 * server sent it, and the column of its breakdown; a row of one kind in
 * another kind's column counts nothing and opens nothing.
 */
#include "config.h"

#include "core-test-util.h"

#define ROWS \
  "\"rows\": [" \
  "{\"id\": \"received\", \"level\": 0, \"label\": {\"kk\": \"a\", \"ru\": \"a\"}, \"filter\": {}," \
  " \"cells\": [3, 1], \"total\": 4}," \
  "{\"id\": \"by-hand\", \"level\": 1, \"label\": {\"kk\": \"b\", \"ru\": \"b\"}," \
  " \"filter\": {\"channel\": \"by_hand\"}, \"cells\": [1, 0], \"total\": 1}," \
  "{\"id\": \"complaints\", \"level\": 1, \"label\": {\"kk\": \"c\", \"ru\": \"c\"}," \
  " \"filter\": {\"kind\": \"complaint\"}, \"cells\": [2, 0], \"total\": 2}," \
  "{\"id\": \"refused\", \"level\": 1, \"label\": {\"kk\": \"d\", \"ru\": \"d\"}," \
  " \"filter\": {\"outcome\": \"refused\", \"considered\": true}, \"cells\": [1, 0], \"total\": 1}," \
  "{\"id\": \"overdue-control\", \"level\": 0, \"label\": {\"kk\": \"e\", \"ru\": \"e\"}," \
  " \"filter\": {\"overdue\": true, \"repeat\": true, \"control\": true}, \"cells\": [0, 1], \"total\": 1}]"

static const char *by_district =
  "{\"from\": \"2026-01-01\", \"to\": \"2026-06-30\", \"breakdown\": \"district\", \"district\": null,"
  " \"title\": {\"kk\": \"t\", \"ru\": \"t\"}, \"columns\": [\"rudny-city\", \"arkalyk city\"], " ROWS "}";

static const char *by_kind =
  "{\"from\": \"2026-01-01\", \"to\": \"2026-06-30\", \"breakdown\": \"kind\", \"district\": null,"
  " \"title\": {\"kk\": \"t\", \"ru\": \"t\"}, \"columns\": [\"complaint\", \"inquiry\"], " ROWS "}";

static const struct
{
  const char **report;
  guint        row;
  guint        column;    /* 2: the row's total */
  const char  *query;     /* NULL: the cell opens nothing */
} cases[] = {
  { &by_district, 0, 2, "from=2026-01-01&to=2026-06-30" },
  { &by_district, 0, 0, "from=2026-01-01&to=2026-06-30&district=rudny-city" },
  /* a code is escaped as a query's value */
  { &by_district, 0, 1, "from=2026-01-01&to=2026-06-30&district=arkalyk%20city" },
  { &by_district, 1, 0, "from=2026-01-01&to=2026-06-30&district=rudny-city&channel=by_hand" },
  { &by_district, 3, 2, "from=2026-01-01&to=2026-06-30&outcome=refused&considered=true" },
  /* the report's overdue is the journal's timeliness, not its own overdue */
  { &by_district, 4, 1, "from=2026-01-01&to=2026-06-30&district=arkalyk%20city&timeliness=overdue&repeat=true"
                        "&control=true" },
  { &by_kind,     0, 0, "from=2026-01-01&to=2026-06-30&kind=complaint" },
  { &by_kind,     0, 2, "from=2026-01-01&to=2026-06-30" },
  { &by_kind,     1, 1, "from=2026-01-01&to=2026-06-30&channel=by_hand&kind=inquiry" },
  { &by_kind,     2, 0, "from=2026-01-01&to=2026-06-30&kind=complaint" },
  { &by_kind,     2, 1, NULL },
  { &by_kind,     2, 2, "from=2026-01-01&to=2026-06-30&kind=complaint" },
};

static void
test_filters (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (*cases[i].report, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsStatisticalReport) report = appeals_statistical_report_new_from_json (node, &error);
      g_autofree char *query = NULL;

      g_assert_no_error (error);
      query = appeals_statistical_report_get_filter (report, cases[i].row, cases[i].column);
      g_test_message ("case %u: %s", i, query != NULL ? query : "(none)");
      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

/* the answer's filters are those of the layout, read back as sent */
static void
test_filter_round_trip (void)
{
  g_autoptr(JsonNode) node = json_from_string (by_district, NULL);
  g_autoptr(AppealsStatisticalReport) report = appeals_statistical_report_new_from_json (node, NULL);
  g_autoptr(JsonNode) written = appeals_statistical_report_to_json (report);

  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (written), "rows"),
                                  json_object_get_member (json_node_get_object (node), "rows")));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/statistical-report/filters", test_filters);
  g_test_add_func ("/statistical-report/filter-round-trip", test_filter_round_trip);
  return g_test_run ();
}
