/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-report-sql.h: the conditions the line report and the
 * statistical report count by, one definition for both (and for the
 * journal's filters of their figures), and how the analytics read back
 * SQLite's appeals_tally().
 */
#pragma once

/* The conditions of an appeal's outcomes: those named after a status,
 * then an answered appeal's (whose outcome is its answer's character);
 * the pending (none of the others) is below. */
#define APPEALS_OUTCOME_TERMINATED_SQL "a.status = 'terminated'"
#define APPEALS_OUTCOME_LEFT_SQL "a.status = 'left_without_consideration'"
#define APPEALS_OUTCOME_FORWARDED_SQL "a.status = 'forwarded'"
#define APPEALS_OUTCOME_ANSWERED_SQL "a.status IN ('answered', 'closed')"
#define APPEALS_OUTCOME_CHARACTER_SQL "COALESCE (a.answer_character, 'unspecified')"

/* The outcome of an appeal, as the report counts it (see
 * appeals_report_get_outcomes()). */
#define APPEALS_OUTCOME_SQL \
  "(CASE WHEN " APPEALS_OUTCOME_TERMINATED_SQL " THEN 'terminated' " \
  "WHEN " APPEALS_OUTCOME_LEFT_SQL " THEN 'left-without-consideration' " \
  "WHEN " APPEALS_OUTCOME_FORWARDED_SQL " THEN 'forwarded' " \
  "WHEN " APPEALS_OUTCOME_ANSWERED_SQL " THEN " APPEALS_OUTCOME_CHARACTER_SQL " " \
  "ELSE 'pending' END)"

/* the states in which an appeal's term runs (appeals_appeal_is_open()),
 * and those in which it has stopped: answered, decided, or forwarded in
 * full to the competent body */
#define APPEALS_TERM_RUNS_SQL "('registered', 'in_progress', 'extended', 'returned')"
#define APPEALS_TERM_STOPPED_SQL "('answered', 'closed', 'terminated', 'left_without_consideration', 'forwarded')"

/* an appeal whose consideration has ended, by an answer or otherwise,
 * and one still pending (the report's outcome) */
#define APPEALS_CONSIDERED_SQL "a.status IN " APPEALS_TERM_STOPPED_SQL
#define APPEALS_OUTCOME_PENDING_SQL "a.status NOT IN " APPEALS_TERM_STOPPED_SQL

/* an appeal still under consideration past its term; ? is today */
#define APPEALS_OVERDUE_SQL "(" APPEALS_OUTCOME_PENDING_SQL " AND a.due_date < ?)"

/* The journal's overdue filter and figure: APPEALS_OVERDUE_SQL, as the
 * card shows its term, written for each planner so that it reads an
 * index of the appeals whose term runs; @t is the table's alias, ?
 * today.
 *
 * SQLite takes a partial index only for its condition written out in the
 * statement: here migration 0041's, of 0012's and 0039's indexes of open
 * appeals. Given 0037's appeals_in_work's condition as well, it read
 * that one by term for the page and sorted its rows (at 1,000,000
 * appeals, 0.9 → 14.8 ms from the server).
 *
 * PostgreSQL keeps 0012's and 0039's indexes of appeals neither answered
 * nor closed, which hold the region's forwarded and decided appeals too
 * (as small as SQLite's, they drew "My work"'s statements away from
 * appeals_in_work: 0.4 → 6.6 ms). Its pages read them in the journal's
 * order with their condition written out; its counts read appeals_in_work
 * by term, given the states whose term runs (1.5 ms in SQL at 1 M, 12–13
 * ms through 0012's index). Pages keep the first form: with the second,
 * the plan PostgreSQL keeps for the statement is estimated dearer than
 * planning it anew, and it planned it anew each time (0.5 ms more). */
#define APPEALS_JOURNAL_OVERDUE_SQLITE_SQL(t) \
  t ".due_date < ? AND " t ".status NOT IN " APPEALS_TERM_STOPPED_SQL
#define APPEALS_JOURNAL_OVERDUE_POSTGRESQL_SQL(t) \
  t ".due_date < ? AND " t ".status NOT IN ('answered', 'closed') AND " \
  t ".status NOT IN ('terminated', 'left_without_consideration', 'forwarded')"
#define APPEALS_JOURNAL_OVERDUE_POSTGRESQL_COUNT_SQL(t) \
  t ".due_date < ? AND " t ".status IN " APPEALS_TERM_RUNS_SQL

/* ... and evaluated row by row, where no index reads it (the report's
 * repeat applicants counted by applicant): SQLite compares a list of up
 * to two values inline and looks a longer one up in a table it makes for
 * the statement (a year's count at 1 M: 40 → 45 ms with the five states
 * in one list). */
#define APPEALS_JOURNAL_OVERDUE_ROW_SQL(t) \
  t ".due_date < ? AND " t ".status NOT IN ('answered', 'closed') AND " \
  t ".status NOT IN ('terminated', 'left_without_consideration') AND " t ".status <> 'forwarded'"

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
