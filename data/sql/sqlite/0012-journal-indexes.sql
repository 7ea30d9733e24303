-- SPDX-License-Identifier: GPL-3.0-or-later
-- The journal at a region's scale (issue 16): every journal filter walks an
-- index in the journal's order (registration date, then id, newest first),
-- so a page reads its rows and no others; the cursor is a row value over
-- the same two columns. Keep in step with ../postgresql/0012-journal-indexes.sql.

DROP INDEX appeals_district;
CREATE INDEX appeals_district ON appeals (district, registration_date DESC, id DESC);
CREATE INDEX appeals_status ON appeals (status, registration_date DESC, id DESC);
CREATE INDEX appeals_district_status ON appeals (district, status, registration_date DESC, id DESC);

-- Open appeals only (the overdue filter): newest first with the term in
-- the index, so the walk skips appeals not yet due without reading them;
-- and by term, so counting the overdue ones reads open appeals only.
CREATE INDEX appeals_open_registration ON appeals (registration_date DESC, id DESC, due_date, status)
  WHERE status NOT IN ('answered', 'closed');
CREATE INDEX appeals_open_due ON appeals (due_date, status)
  WHERE status NOT IN ('answered', 'closed');

-- Verdicts awaiting approval; the answer-quality ranking groups final
-- verdicts by body in the index's order, from the index alone.
CREATE INDEX expertise_state ON expertise (state, id);
CREATE INDEX expertise_state_body ON expertise (state, body, appeal_id, round, verdict, score, overdue);

-- The search index again, with prefix indexes for one to three letters, so
-- a short prefix reads one list instead of merging every word it begins.
CREATE VIRTUAL TABLE appeals_search_prefixed USING fts5 (body, tokenize = 'unicode61 remove_diacritics 0',
                                                        prefix = '1 2 3');
INSERT INTO appeals_search_prefixed (rowid, body) SELECT rowid, body FROM appeals_search;
DROP TABLE appeals_search;
ALTER TABLE appeals_search_prefixed RENAME TO appeals_search;
