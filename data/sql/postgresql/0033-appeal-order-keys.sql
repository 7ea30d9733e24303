-- SPDX-License-Identifier: GPL-3.0-or-later
-- The appeals' ids with the keys of the journal's three orders and the
-- search vector, in a narrow table of their own, for the journal's search
-- to read and sort a word's matches without visiting the appeals' wide
-- rows (appeals-journal-search.c, appeals-api-list.c). A search with no
-- other filter, whose matches are read as a set and sorted, reads them
-- here: at 1,000,000 appeals the 111,000 matches of "2026" lie on 21,000
-- pages of appeals (about 1.4 kB a row) and on 7,500 pages here, and
-- reading them past a cursor by due date took 60 ms there and 30 ms here
-- (issue 16). It is SQLite's index of ids and order keys (its 0031),
-- which PostgreSQL's text index cannot be joined to without visiting
-- each row. About 550 MB at that size.
--
-- The table follows the appeals by trigger: a statement's new appeals
-- are copied in one statement (the generator loads thousands at a time),
-- and a row's keys or vector follow when they change.

CREATE TABLE appeals_order (
  id                   BIGINT PRIMARY KEY REFERENCES appeals (id) ON DELETE CASCADE,
  registration_date    TEXT NOT NULL,
  due_date             TEXT NOT NULL,
  registration_number  TEXT NOT NULL,
  search_vector        tsvector
);
INSERT INTO appeals_order (id, registration_date, due_date, registration_number, search_vector)
  SELECT id, registration_date, due_date, registration_number, search_vector FROM appeals;
CREATE INDEX appeals_order_search ON appeals_order USING gin (search_vector);

CREATE FUNCTION appeals_order_insert () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO appeals_order (id, registration_date, due_date, registration_number, search_vector)
    SELECT id, registration_date, due_date, registration_number, search_vector FROM inserted;
  RETURN NULL;
END
$$;
CREATE TRIGGER appeals_order_insert AFTER INSERT ON appeals
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT
  EXECUTE FUNCTION appeals_order_insert ();

CREATE FUNCTION appeals_order_follow () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE appeals_order SET registration_date = NEW.registration_date, due_date = NEW.due_date,
                           registration_number = NEW.registration_number, search_vector = NEW.search_vector
    WHERE id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER appeals_order_follow AFTER UPDATE OF registration_date, due_date, registration_number, search_vector
  ON appeals
  FOR EACH ROW
  WHEN (OLD.registration_date IS DISTINCT FROM NEW.registration_date OR OLD.due_date IS DISTINCT FROM NEW.due_date
        OR OLD.registration_number IS DISTINCT FROM NEW.registration_number
        OR OLD.search_vector IS DISTINCT FROM NEW.search_vector)
  EXECUTE FUNCTION appeals_order_follow ();

-- the planner's figures for the new table at once, not at autovacuum's
-- next round
ANALYZE appeals_order;
