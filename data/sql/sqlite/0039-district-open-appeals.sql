-- SPDX-License-Identifier: GPL-3.0-or-later
-- A district's open appeals in the journal's order, with their term and
-- status: a district's registrar (every journal of theirs is their
-- district's) and a journal filtered by district read their overdue page
-- in order and count their overdue appeals, up to the cap, from this
-- index alone. 0012's appeals_open_due had the count read the region's
-- open appeals past their term and look up each one's district until
-- 10,001 were the district's; the page read appeals_district and looked
-- up each appeal's term.
--
-- At 1,000,000 appeals a registrar's journal count took 58–71 ms, most
-- of it the overdue; now about 2 ms. An index of a district's open
-- appeals by term instead was as fast for the count, but SQLite took it
-- for the district's overdue page too and sorted it (3.6 → 59 ms).

CREATE INDEX appeals_district_open ON appeals (district, registration_date DESC, id DESC, due_date, status)
  WHERE status NOT IN ('answered', 'closed');
