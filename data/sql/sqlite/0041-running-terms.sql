-- SPDX-License-Identifier: GPL-3.0-or-later
-- An appeal's term runs while it is to be answered here: registered, in
-- progress, extended or returned (appeals_appeal_is_open()). Forwarded in
-- full, it has gone to the competent body and its term has stopped, as
-- decided ones' have; the journal's overdue filter and figure now say
-- so (APPEALS_JOURNAL_OVERDUE_SQLITE_SQL), and 0012's and 0039's indexes
-- of "open" appeals, which held every appeal neither answered nor
-- closed, now hold the appeals whose term runs and no others. Their
-- condition names the states whose term has stopped, as the statement
-- does: given 0037's appeals_in_work's condition (the states whose term
-- runs) as well, SQLite read that one by term for the overdue page and
-- sorted its rows (0.9 → 14.8 ms from the server).
--
-- At 1,000,000 appeals they hold 13,500 rows instead of 141,000: the
-- region's appeals forwarded, terminated and left without consideration
-- over ten years were all past their terms, and counting the overdue
-- ones up to the cap read them all once forwarded ones were no longer
-- overdue (2 → 17 ms from the server; now 0.9 ms, a district's 1.0).
-- PostgreSQL keeps 0012's and 0039's indexes and reads appeals_in_work
-- for the count (appeals-report-sql.h says why).

DROP INDEX IF EXISTS appeals_open_registration;
DROP INDEX IF EXISTS appeals_open_due;
DROP INDEX IF EXISTS appeals_district_open;
CREATE INDEX appeals_open_registration ON appeals (registration_date DESC, id DESC, due_date, status)
  WHERE status NOT IN ('answered', 'closed', 'terminated', 'left_without_consideration', 'forwarded');
CREATE INDEX appeals_open_due ON appeals (due_date, status)
  WHERE status NOT IN ('answered', 'closed', 'terminated', 'left_without_consideration', 'forwarded');
CREATE INDEX appeals_district_open ON appeals (district, registration_date DESC, id DESC, due_date, status)
  WHERE status NOT IN ('answered', 'closed', 'terminated', 'left_without_consideration', 'forwarded');
