-- SPDX-License-Identifier: GPL-3.0-or-later
-- The terms of appeals (migration 0023) kept once, in the order they are
-- counted: by the appeal's registration date, then the term (issue 16).
-- 0023 kept them twice, by appeal in the table and by date in an index
-- as large as the table: each term was written into two trees. At
-- 1,000,000 appeals (ten million terms) this takes 0.7 GB off the file
-- and 5-7 s off the generator's loading of the terms (25-28 s before).
-- An appeal's terms are now looked for among those of its day (0.2 ms on
-- the busiest day of that database, 5,000 terms), by the date the server
-- knows and the trigger has as OLD; a new appeal has none to look for.
-- By date, then appeal, they would be found in 15 us, but the terms of a
-- half-year would be counted in 0.50 s, not 0.37 s: SQLite groups by
-- sorting, which terms in order within a day make cheaper. (PostgreSQL
-- groups in a hash table and keeps them by date, then appeal.) Keep in
-- step with ../postgresql/0029-terms-by-period.sql.

DROP TRIGGER appeal_terms_follow;

CREATE TABLE appeal_terms_by_period (
  registration_date    TEXT NOT NULL,
  appeal_id            INTEGER NOT NULL REFERENCES appeals (id),
  term                 TEXT NOT NULL,
  district             TEXT NOT NULL,
  question_character   TEXT NOT NULL,
  PRIMARY KEY (registration_date, term, appeal_id)
) WITHOUT ROWID;
INSERT INTO appeal_terms_by_period (registration_date, appeal_id, term, district, question_character)
  SELECT registration_date, appeal_id, term, district, question_character FROM appeal_terms
  ORDER BY registration_date, term, appeal_id;
DROP TABLE appeal_terms;
ALTER TABLE appeal_terms_by_period RENAME TO appeal_terms;

CREATE TRIGGER appeal_terms_follow AFTER UPDATE OF registration_date, district, question_character ON appeals
  BEGIN
    UPDATE appeal_terms SET registration_date = NEW.registration_date, district = NEW.district,
                            question_character = NEW.question_character
      WHERE registration_date = OLD.registration_date AND appeal_id = OLD.id;
  END;
