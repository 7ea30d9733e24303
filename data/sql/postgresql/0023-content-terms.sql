-- SPDX-License-Identifier: GPL-3.0-or-later
-- Content analysis of appeals (issue 15): the distinct terms (folded words
-- and two-word phrases, stop words left out) of every appeal's annotation
-- and text, written by the server when it indexes the appeal for search.
-- The appeal's date, district and question character are kept beside each
-- term (and follow the appeal by trigger), so that counting the terms of a
-- period walks one index range and reads no appeal. Appeals registered
-- before this migration wait in the backlog, which the server indexes when
-- it starts. Keep in step with ../sqlite/0023-content-terms.sql.

CREATE TABLE appeal_terms (
  appeal_id            BIGINT NOT NULL REFERENCES appeals (id),
  term                 TEXT NOT NULL,
  registration_date    TEXT NOT NULL,
  district             TEXT NOT NULL,
  question_character   TEXT NOT NULL,
  PRIMARY KEY (appeal_id, term)
);
CREATE INDEX appeal_terms_period ON appeal_terms (registration_date, term, district, question_character);

CREATE TABLE appeal_terms_backlog (
  appeal_id            BIGINT PRIMARY KEY
);
INSERT INTO appeal_terms_backlog (appeal_id) SELECT id FROM appeals;

CREATE FUNCTION appeal_terms_follow () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE appeal_terms SET registration_date = NEW.registration_date, district = NEW.district,
                          question_character = NEW.question_character
    WHERE appeal_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER appeal_terms_follow AFTER UPDATE OF registration_date, district, question_character ON appeals
  FOR EACH ROW
  WHEN (OLD.registration_date IS DISTINCT FROM NEW.registration_date OR OLD.district IS DISTINCT FROM NEW.district
        OR OLD.question_character IS DISTINCT FROM NEW.question_character)
  EXECUTE FUNCTION appeal_terms_follow ();
