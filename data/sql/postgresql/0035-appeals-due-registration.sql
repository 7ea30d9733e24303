-- SPDX-License-Identifier: GPL-3.0-or-later
-- The terms with the day of registration, and the id: a page of a period
-- alone by due date scans this index alone from where the period's terms
-- start (appeals-journal-bounds.c), and visits no appeal to tell whether
-- it lies in the period, only the page's own (appeals-api-list.c). At
-- 1,000,000 appeals the last year by due date back visited the 29,000
-- appeals whose terms end between January and May of this year, most of
-- them registered this year: 87 ms walked and 28–36 ms sorted, against
-- 1.5–10 ms through this index; a quarter of last year by due date 78 ms
-- walked, 26 ms sorted, 1.6 ms here. SQLite's (its 0035) needs no id: a
-- row's id is in each of its indexes.

CREATE INDEX IF NOT EXISTS appeals_due_registration ON appeals (due_date, registration_date) INCLUDE (id);
