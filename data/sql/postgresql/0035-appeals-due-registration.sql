-- SPDX-License-Identifier: GPL-3.0-or-later
-- The index of terms holds the day of registration too, beside the
-- status, and the id: a page of a period by due date (a period alone)
-- scans it alone, from where the period's terms start
-- (appeals-journal-bounds.c), and visits no appeal to tell whether it
-- lies in the period, only the page's own (appeals-api-list.c). At
-- 1,000,000 appeals the last year by due date back visited the 29,000
-- appeals whose terms end between January and May of this year, most of
-- them registered this year: 87 ms walked and 28–36 ms sorted, against
-- 1.5–10 ms through this index; a quarter of last year by due date 78 ms
-- walked, 26 ms sorted, 1.6 ms here.

DROP INDEX IF EXISTS appeals_due;
CREATE INDEX appeals_due ON appeals (due_date, status, registration_date) INCLUDE (id);
