/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-test-growth.c: moves appeals of the demo straight in the
 * server's SQLite database so that one question in one district grows
 * this month past the growth rule's threshold: 2 appeals a month in the
 * baseline, none in the gap, @now_count today.
 */
#include "config.h"

#include "appeals-core.h"
#include "appeals-test-growth.h"

/* 2 appeals on the 10th of each of the 7 baseline months, none in the 2
 * months of the gap, @now_count today; no other appeal of the question in
 * the district. */
void
appeals_test_seed_growth (AppealsTestServer *server,
                          const char        *district,
                          const char        *question_character,
                          int                now_count)
{
  g_autofree char *clear = g_strdup_printf ("UPDATE appeals SET question_character = 'land' WHERE district = '%s' "
                                            "AND question_character = '%s'", district, question_character);
  guint offset = 0;
  GDate today;

  appeals_test_server_run_sql (server, clear);
  appeals_date_get_today (&today);
  for (int month = -APPEALS_TEST_GROWTH_SPAN; month <= 0; month++)
    {
      GDate day = today;
      g_autofree char *text = NULL;
      g_autofree char *sql = NULL;
      int n = month == 0 ? now_count : month < -2 ? 2 : 0;

      if (month < 0)
        {
          g_date_set_day (&day, 1);
          g_date_subtract_months (&day, -month);
          g_date_set_day (&day, 10);
        }
      text = appeals_date_format_iso (&day);
      sql = g_strdup_printf ("UPDATE appeals SET registration_date = '%s', district = '%s', "
                             "question_character = '%s' WHERE id IN (SELECT id FROM appeals "
                             "ORDER BY id LIMIT %d OFFSET %u)", text, district, question_character, n, offset);
      if (n > 0)
        appeals_test_server_run_sql (server, sql);
      offset += n;
    }
}
