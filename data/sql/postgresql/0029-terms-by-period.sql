-- SPDX-License-Identifier: GPL-3.0-or-later
-- The terms of appeals (migration 0023) in one index, in the order they
-- are counted and found: by the appeal's registration date, then the
-- appeal, with the district and question character the counts read
-- (issue 16). 0023 kept an index by appeal and one by date beside the
-- table. An appeal's terms are found by its date and id, which the server
-- knows when it writes them and the trigger has as OLD. (SQLite keeps
-- them by date, then term: it groups by sorting, PostgreSQL in a hash
-- table.) Keep in step with ../sqlite/0029-terms-by-period.sql.

DROP INDEX appeal_terms_period;
ALTER TABLE appeal_terms DROP CONSTRAINT appeal_terms_pkey;
ALTER TABLE appeal_terms ADD PRIMARY KEY (registration_date, appeal_id, term) INCLUDE (district, question_character);

CREATE OR REPLACE FUNCTION appeal_terms_follow () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE appeal_terms SET registration_date = NEW.registration_date, district = NEW.district,
                          question_character = NEW.question_character
    WHERE registration_date = OLD.registration_date AND appeal_id = OLD.id;
  RETURN NULL;
END
$$;
