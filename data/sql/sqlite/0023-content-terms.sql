-- SPDX-License-Identifier: GPL-3.0-or-later
-- Content analysis of appeals (issue 15): the distinct terms (folded words
-- and two-word phrases, stop words left out) of every appeal's annotation
-- and text, written by the server when it indexes the appeal for search.
-- The appeal's date, district and question character are kept beside each
-- term (and follow the appeal by trigger), so that counting the terms of a
-- period walks one index range and reads no appeal. Appeals registered
-- before this migration wait in the backlog, which the server indexes when
-- it starts. Keep in step with ../postgresql/0023-content-terms.sql.

CREATE TABLE appeal_terms (
  appeal_id            INTEGER NOT NULL REFERENCES appeals (id),
  term                 TEXT NOT NULL,
  registration_date    TEXT NOT NULL,
  district             TEXT NOT NULL,
  question_character   TEXT NOT NULL,
  PRIMARY KEY (appeal_id, term)
) WITHOUT ROWID;
CREATE INDEX appeal_terms_period ON appeal_terms (registration_date, term, district, question_character);

CREATE TABLE appeal_terms_backlog (
  appeal_id            INTEGER PRIMARY KEY
);
INSERT INTO appeal_terms_backlog (appeal_id) SELECT id FROM appeals;

CREATE TRIGGER appeal_terms_follow AFTER UPDATE OF registration_date, district, question_character ON appeals
  BEGIN
    UPDATE appeal_terms SET registration_date = NEW.registration_date, district = NEW.district,
                            question_character = NEW.question_character
      WHERE appeal_id = NEW.id;
  END;
