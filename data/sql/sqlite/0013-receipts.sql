-- SPDX-License-Identifier: GPL-3.0-or-later
-- The intake desk's daily receipt journal. A receipt's through number is
-- unique within its journal day and never given twice: it is taken from
-- the day's counter row, raised in the same transaction as the receipt is
-- written (a deleted receipt leaves its number unused, never reissued).
-- The head of intake hands a day's unassigned receipts to the registrars
-- on duty (assigned_to); each receipt is handed once.
-- Keep in step with ../postgresql/0013-receipts.sql.

CREATE TABLE receipt_counters (
  journal_date    TEXT PRIMARY KEY,
  last_number     INTEGER NOT NULL
);

CREATE TABLE receipts (
  id              INTEGER PRIMARY KEY,
  journal_date    TEXT NOT NULL,
  number          INTEGER NOT NULL,
  received_at     TEXT NOT NULL,
  channel         TEXT NOT NULL,
  applicant_name  TEXT NOT NULL,
  iin             TEXT,
  applicant_id    INTEGER REFERENCES applicants (id),
  pages           INTEGER NOT NULL,
  attachments     INTEGER NOT NULL DEFAULT 0,
  language        TEXT NOT NULL,
  note            TEXT,
  received_by     TEXT NOT NULL,
  term_working_days INTEGER NOT NULL,
  due_date        TEXT NOT NULL,
  assigned_to     TEXT,
  assigned_at     TEXT,
  assigned_by     TEXT,
  appeal_id       INTEGER REFERENCES appeals (id),
  UNIQUE (journal_date, number)
);
CREATE INDEX receipts_appeal ON receipts (appeal_id);
-- a day's receipts not yet handed to a registrar, and a registrar's own
CREATE INDEX receipts_assigned ON receipts (journal_date, assigned_to, number);
