-- SPDX-License-Identifier: GPL-3.0-or-later
-- Each appeal keeps the registration date of the applicant's appeal
-- before it (in the order of registration date, then id; NULL for the
-- applicant's first): the period's repeat applicants of the line report
-- region-wide are the appeals whose previous one falls in the period
-- (SQLite's 0042 says more). A new appeal gets it before it is written;
-- then, as on a changed registration date or applicant and on a deleted
-- appeal, the applicant's appeals (few) are chained again and only those
-- whose previous date changed are written. The generator writes the
-- column itself and turns the triggers off while it loads (its indexes
-- are dropped then).

ALTER TABLE appeals ADD COLUMN applicant_previous_date TEXT;

UPDATE appeals a SET applicant_previous_date = w.previous
  FROM (SELECT id, lag (registration_date) OVER (PARTITION BY applicant_id ORDER BY registration_date, id) AS previous
        FROM appeals) w
  WHERE a.id = w.id AND w.previous IS NOT NULL;

CREATE INDEX appeals_applicant_previous ON appeals (applicant_previous_date, registration_date, applicant_id)
  WHERE applicant_previous_date IS NOT NULL;

CREATE FUNCTION appeals_previous_chain (applicants BIGINT[]) RETURNS void LANGUAGE sql AS $$
  UPDATE appeals a SET applicant_previous_date = w.previous
    FROM (SELECT id, lag (registration_date) OVER (PARTITION BY applicant_id ORDER BY registration_date, id) AS previous
          FROM appeals WHERE applicant_id = ANY (applicants)) w
    WHERE a.id = w.id AND a.applicant_previous_date IS DISTINCT FROM w.previous
$$;

CREATE FUNCTION appeals_previous_first () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.applicant_previous_date := (SELECT max (p.registration_date) FROM appeals p
                                  WHERE p.applicant_id = NEW.applicant_id
                                    AND (p.registration_date, p.id) < (NEW.registration_date, NEW.id));
  RETURN NEW;
END
$$;
CREATE TRIGGER appeals_previous_first BEFORE INSERT ON appeals
  FOR EACH ROW
  EXECUTE FUNCTION appeals_previous_first ();

CREATE FUNCTION appeals_previous_follow () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM appeals_previous_chain (ARRAY[NEW.applicant_id]);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM appeals_previous_chain (ARRAY[OLD.applicant_id, NEW.applicant_id]);
  ELSE
    PERFORM appeals_previous_chain (ARRAY[OLD.applicant_id]);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER appeals_previous_insert AFTER INSERT ON appeals
  FOR EACH ROW
  EXECUTE FUNCTION appeals_previous_follow ();
CREATE TRIGGER appeals_previous_update AFTER UPDATE OF registration_date, applicant_id ON appeals
  FOR EACH ROW
  WHEN (OLD.registration_date IS DISTINCT FROM NEW.registration_date OR OLD.applicant_id IS DISTINCT FROM NEW.applicant_id)
  EXECUTE FUNCTION appeals_previous_follow ();
CREATE TRIGGER appeals_previous_delete AFTER DELETE ON appeals
  FOR EACH ROW
  EXECUTE FUNCTION appeals_previous_follow ();
