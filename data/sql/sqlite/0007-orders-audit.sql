-- SPDX-License-Identifier: GPL-3.0-or-later
-- One register of orders under control (the protocol orders of receptions
-- move into it, keeping their ids), their interim reports; applicants that
-- are organisations; files of appeals; leadership reviews as a list that
-- only grows. Keep in step with ../postgresql/0007-orders-audit.sql.

CREATE TABLE orders (
  id              INTEGER PRIMARY KEY,
  version         INTEGER NOT NULL DEFAULT 1,
  source          TEXT NOT NULL,
  text            TEXT NOT NULL,
  appeal_id       INTEGER REFERENCES appeals (id),
  reception_id    INTEGER REFERENCES receptions (id),
  executor_body   TEXT NOT NULL,
  given_on        TEXT NOT NULL,
  working_days    INTEGER,
  due_date        TEXT NOT NULL,
  status          TEXT NOT NULL,
  executed_at     TEXT,
  check_date      TEXT,
  check_findings  TEXT,
  conclusion      TEXT,
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX orders_control ON orders (status, due_date, id);
CREATE INDEX orders_appeal ON orders (appeal_id);
CREATE INDEX orders_reception ON orders (reception_id);

CREATE TABLE order_reports (
  id              INTEGER PRIMARY KEY,
  order_id        INTEGER NOT NULL REFERENCES orders (id),
  reported_on     TEXT NOT NULL,
  text            TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
CREATE INDEX order_reports_order ON order_reports (order_id, id);

-- the protocol's orders: a term that was a date, a status open or executed
INSERT INTO orders (id, version, source, text, appeal_id, reception_id, executor_body, given_on, working_days,
                    due_date, status, executed_at, created_by, created_at, updated_at)
  SELECT id, 1, 'reception-protocol', text, NULL, reception_id, executor_body, substr (created_at, 1, 10), NULL,
         deadline, CASE status WHEN 'executed' THEN 'executed' ELSE 'on_control' END, executed_at, created_by,
         created_at, COALESCE (executed_at, created_at)
  FROM protocol_orders;
DROP TABLE protocol_orders;

-- A review is never overwritten: every review is a new row.
CREATE TABLE reception_review_entries (
  id              INTEGER PRIMARY KEY,
  reception_id    INTEGER NOT NULL REFERENCES receptions (id),
  reviewed_by     TEXT NOT NULL,
  reviewed_at     TEXT NOT NULL,
  instructions    TEXT
);
CREATE INDEX reception_review_entries_reception ON reception_review_entries (reception_id, id);
INSERT INTO reception_review_entries (reception_id, reviewed_by, reviewed_at, instructions)
  SELECT reception_id, reviewed_by, reviewed_at, instructions FROM reception_reviews;
DROP TABLE reception_reviews;

-- A BIN card: the organisation; surname and names are its representative's.
ALTER TABLE applicants ADD COLUMN organisation_name TEXT;
ALTER TABLE applicants ADD COLUMN representative_position TEXT;

-- Scans of the appeal and the answer documents; content kept by SHA-256
-- beside the reception files.
CREATE TABLE appeal_attachments (
  id              INTEGER PRIMARY KEY,
  appeal_id       INTEGER NOT NULL REFERENCES appeals (id),
  kind            TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  content_type    TEXT NOT NULL,
  size            INTEGER NOT NULL,
  sha256          TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
CREATE INDEX appeal_attachments_appeal ON appeal_attachments (appeal_id);

-- who read an applicant's card, newest first
CREATE INDEX personal_data_reads_entity ON personal_data_reads (entity, entity_id, id);
