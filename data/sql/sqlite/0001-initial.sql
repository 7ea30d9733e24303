-- SPDX-License-Identifier: GPL-3.0-or-later
-- Appeals Desk schema, SQLite. Times are ISO 8601 UTC text; dates YYYY-MM-DD.
-- Keep in step with ../postgresql/0001-initial.sql: the API tests run on both.

CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  login           TEXT NOT NULL UNIQUE,
  full_name       TEXT NOT NULL,
  role            TEXT NOT NULL,
  district        TEXT,
  language        TEXT,
  active          INTEGER NOT NULL DEFAULT 1,
  password_hash   TEXT NOT NULL,
  created_at      TEXT NOT NULL
);

-- Failed sign-ins per login, known or not, so that lock-out does not tell
-- which logins exist.
CREATE TABLE login_failures (
  login           TEXT PRIMARY KEY,
  failures        INTEGER NOT NULL,
  last_failure    INTEGER NOT NULL,
  locked_until    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sessions (
  token_hash      TEXT PRIMARY KEY,
  user_id         INTEGER NOT NULL REFERENCES users (id),
  created_at      INTEGER NOT NULL,
  last_seen       INTEGER NOT NULL,
  revoked         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE applicants (
  id              INTEGER PRIMARY KEY,
  version         INTEGER NOT NULL DEFAULT 1,
  iin             TEXT NOT NULL UNIQUE,
  surname         TEXT NOT NULL,
  given_name      TEXT NOT NULL,
  patronymic      TEXT,
  birth_date      TEXT,
  sex             TEXT,
  social_status   TEXT,
  occupation      TEXT,
  address         TEXT NOT NULL,
  phone           TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

CREATE TABLE registration_counters (
  year            INTEGER PRIMARY KEY,
  last_number     INTEGER NOT NULL
);

CREATE TABLE appeals (
  id                   INTEGER PRIMARY KEY,
  version              INTEGER NOT NULL DEFAULT 1,
  registration_number  TEXT NOT NULL UNIQUE,
  registration_date    TEXT NOT NULL,
  applicant_id         INTEGER NOT NULL REFERENCES applicants (id),
  channel              TEXT NOT NULL,
  form                 TEXT NOT NULL,
  kind                 TEXT NOT NULL,
  addressee_body       TEXT NOT NULL,
  question_character   TEXT NOT NULL,
  category             TEXT NOT NULL,
  complaint_subject    TEXT,
  language             TEXT NOT NULL,
  district             TEXT NOT NULL,
  repeat               INTEGER NOT NULL DEFAULT 0,
  control              INTEGER NOT NULL DEFAULT 0,
  annotation           TEXT NOT NULL,
  text                 TEXT,
  executor             TEXT,
  due_date             TEXT NOT NULL,
  status               TEXT NOT NULL,
  answer               TEXT,
  answered_on          TEXT,
  registrar            TEXT NOT NULL,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
CREATE INDEX appeals_registration ON appeals (registration_date DESC, id DESC);
CREATE INDEX appeals_applicant ON appeals (applicant_id, question_character);
CREATE INDEX appeals_district ON appeals (district, registration_date DESC);
CREATE INDEX appeals_due ON appeals (due_date, status);

-- Full-text index over names, IIN, annotation and text, folded
-- (lower case, ё as е) by the server before indexing and querying.
CREATE VIRTUAL TABLE appeals_search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 0');

-- The audit trail: append-only; the API has no way to change it.
CREATE TABLE audit (
  id              INTEGER PRIMARY KEY,
  entity          TEXT NOT NULL,
  entity_id       INTEGER NOT NULL,
  version         INTEGER NOT NULL,
  action          TEXT NOT NULL,
  actor           TEXT NOT NULL,
  at              TEXT NOT NULL,
  changes         TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit (entity, entity_id, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;

-- Reads of personal data (IIN, address, phone).
CREATE TABLE personal_data_reads (
  id              INTEGER PRIMARY KEY,
  actor           TEXT NOT NULL,
  at              TEXT NOT NULL,
  entity          TEXT NOT NULL,
  entity_id       INTEGER NOT NULL
);

CREATE TABLE idempotency_keys (
  user_id         INTEGER NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash    TEXT NOT NULL,
  status          INTEGER NOT NULL,
  location        TEXT,
  body            TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  PRIMARY KEY (user_id, idempotency_key)
);
