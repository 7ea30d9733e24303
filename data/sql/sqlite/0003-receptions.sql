-- SPDX-License-Identifier: GPL-3.0-or-later
-- Personal receptions: officials and their schedules, bookings, and the
-- steps of organising each reception.

CREATE TABLE officials (
  id              INTEGER PRIMARY KEY,
  full_name_kk    TEXT NOT NULL,
  full_name_ru    TEXT NOT NULL,
  position_kk     TEXT NOT NULL,
  position_ru     TEXT NOT NULL,
  active          INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE official_schedules (
  id              INTEGER PRIMARY KEY,
  official_id     INTEGER NOT NULL REFERENCES officials (id),
  weekday         INTEGER NOT NULL,
  start_time      TEXT NOT NULL,
  end_time        TEXT NOT NULL,
  place           TEXT,
  video           INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE receptions (
  id              INTEGER PRIMARY KEY,
  version         INTEGER NOT NULL DEFAULT 1,
  official_id     INTEGER NOT NULL REFERENCES officials (id),
  date            TEXT NOT NULL,
  start_time      TEXT NOT NULL,
  place           TEXT,
  video_link      TEXT,
  applicant_id    INTEGER NOT NULL REFERENCES applicants (id),
  appeal_id       INTEGER REFERENCES appeals (id),
  question        TEXT NOT NULL,
  priority        TEXT,
  booked_at       TEXT NOT NULL,
  status          TEXT NOT NULL,
  registered_on   TEXT NOT NULL,
  created_by      TEXT NOT NULL
);
CREATE INDEX receptions_day ON receptions (date, official_id);

CREATE TABLE reception_steps (
  reception_id    INTEGER NOT NULL REFERENCES receptions (id),
  position        INTEGER NOT NULL,
  code            TEXT NOT NULL,
  due             TEXT,
  done            INTEGER NOT NULL DEFAULT 0,
  done_by         TEXT,
  done_at         TEXT,
  note            TEXT,
  PRIMARY KEY (reception_id, code)
);
CREATE INDEX reception_steps_due ON reception_steps (done, due);
