-- SPDX-License-Identifier: GPL-3.0-or-later
-- The work queues of "My work" (appeals-api-my-work.c), each in an index
-- of its own few rows instead of the whole journal's:
--
-- - the appeals in work (registered, in progress, extended, returned) by
--   term, with what the groups of one's own appeals and of those on
--   control ask of them: counted and listed from the index alone, the
--   page's rows read last;
-- - the answers recorded, by the day they came, for the answers awaiting
--   expertise: listed oldest first from where the index starts.
--
-- At 1,000,000 appeals the appeals in work are 13,000, and one's own
-- due soon were counted by reading the 990,000 rows whose terms had
-- ended: 1.1 s a statement, and "My work" took 1.3 s for a registrar,
-- 2.5 s for a controller, 3.7 s for a head; an analyst's answers awaiting
-- expertise (562,000 of them) were sorted whole, 3.9 s in all. The
-- conditions are written as in the statements, so that the planner
-- knows the rows are in the index.

CREATE INDEX IF NOT EXISTS appeals_in_work ON appeals (due_date, id, control, registrar, executor, district)
  WHERE status IN ('registered', 'in_progress', 'extended', 'returned');
CREATE INDEX IF NOT EXISTS appeals_answered ON appeals (answered_on, id, district)
  WHERE status = 'answered';
