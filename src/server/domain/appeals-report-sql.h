/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-report-sql.h: the conditions the line report and the
 * statistical report count by, one definition for both (and for the
 * journal's filters of their figures), and how the analytics read back
 * SQLite's appeals_tally().
 */
#pragma once

/* The conditions of an appeal's outcomes: those named after a status,
 * then an answered appeal's (whose outcome is its answer's character),
 * and the pending (none of the others). */
#define APPEALS_OUTCOME_TERMINATED_SQL "a.status = 'terminated'"
#define APPEALS_OUTCOME_LEFT_SQL "a.status = 'left_without_consideration'"
#define APPEALS_OUTCOME_FORWARDED_SQL "a.status = 'forwarded'"
#define APPEALS_OUTCOME_ANSWERED_SQL "a.status IN ('answered', 'closed')"
#define APPEALS_OUTCOME_CHARACTER_SQL "COALESCE (a.answer_character, 'unspecified')"
#define APPEALS_OUTCOME_PENDING_SQL \
  "a.status NOT IN ('terminated', 'left_without_consideration', 'forwarded', 'answered', 'closed')"

/* The outcome of an appeal, as the report counts it (see
 * appeals_report_get_outcomes()). */
#define APPEALS_OUTCOME_SQL \
  "(CASE WHEN " APPEALS_OUTCOME_TERMINATED_SQL " THEN 'terminated' " \
  "WHEN " APPEALS_OUTCOME_LEFT_SQL " THEN 'left-without-consideration' " \
  "WHEN " APPEALS_OUTCOME_FORWARDED_SQL " THEN 'forwarded' " \
  "WHEN " APPEALS_OUTCOME_ANSWERED_SQL " THEN " APPEALS_OUTCOME_CHARACTER_SQL " " \
  "ELSE 'pending' END)"

/* an appeal whose consideration has ended, by an answer or otherwise */
#define APPEALS_CONSIDERED_SQL \
  "a.status IN ('answered', 'closed', 'terminated', 'left_without_consideration', 'forwarded')"

/* an appeal still under consideration past its term; ? is today */
#define APPEALS_OVERDUE_SQL \
  "(a.status NOT IN ('answered', 'closed', 'terminated', 'left_without_consideration') AND a.due_date < ?)"

/* the journal's overdue filter and figure: APPEALS_OVERDUE_SQL, as the
 * card shows its term (appeals_appeal_is_open()), written with the
 * condition of migration 0012's partial indexes of open appeals as a term
 * of its own so that the planners take them; @t is the table's alias,
 * ? today */
#define APPEALS_JOURNAL_OVERDUE_SQL(t) \
  t ".due_date < ? AND " t ".status NOT IN ('answered', 'closed') AND " \
  t ".status NOT IN ('terminated', 'left_without_consideration')"

/* appeals_tally()'s JSON (appeals-db-sqlite-tally.c) read back as rows on
 * SQLite: "… FROM (SELECT appeals_tally (…) AS t FROM …) r, "
 * APPEALS_TALLY_ROWS ("r.t"), a row for the whole (dimension -1) and one
 * for each key of each dimension; figure i (0 for f1) is
 * APPEALS_TALLY_FIGURE_FORMAT printed with 2 + i. */
#define APPEALS_TALLY_ROWS(t) "json_each (" t ") j"
#define APPEALS_TALLY_DIMENSION "CAST (json_extract (j.value, '$[0]') AS INTEGER)"
#define APPEALS_TALLY_KEY "json_extract (j.value, '$[1]')"
#define APPEALS_TALLY_FIGURE_FORMAT "CAST (json_extract (j.value, '$[%u]') AS INTEGER)"
#define APPEALS_TALLY_FIRST_FIGURE "CAST (json_extract (j.value, '$[2]') AS INTEGER)"
