-- SPDX-License-Identifier: GPL-3.0-or-later
-- Answer-quality expertise: one row per checked answer (round); a reworked
-- answer gets the next round, linked to the one before.

CREATE TABLE expertise (
  id              INTEGER PRIMARY KEY,
  appeal_id       INTEGER NOT NULL REFERENCES appeals (id),
  round           INTEGER NOT NULL,
  previous_id     INTEGER REFERENCES expertise (id),
  body            TEXT NOT NULL,
  answer          TEXT,
  criteria        TEXT NOT NULL,
  cross_checks    TEXT NOT NULL,
  score           REAL NOT NULL,
  verdict         TEXT NOT NULL,
  reasons         TEXT,
  rework_due      TEXT,
  overdue         INTEGER NOT NULL,
  state           TEXT NOT NULL,
  analyst         TEXT NOT NULL,
  approved_by     TEXT,
  approved_at     TEXT,
  created_at      TEXT NOT NULL,
  UNIQUE (appeal_id, round)
);
CREATE INDEX expertise_body ON expertise (body);
