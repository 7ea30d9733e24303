-- SPDX-License-Identifier: GPL-3.0-or-later
-- Kazpost batches at the intake desk. A courier brings envelopes and a
-- list of their barcodes (UPU S10 identifiers): the receiver enters the
-- list's codes, then scans the envelopes, each one stored at once, so an
-- open batch outlives the client. A code is on the list once and scanned
-- once per batch. Closing the batch enters every envelope received (not
-- the ones marked for another addressee) into the day's receipt journal;
-- the scan then names its receipt.
-- Keep in step with ../postgresql/0020-kazpost-batches.sql.

CREATE TABLE kazpost_batches (
  id              INTEGER PRIMARY KEY,
  state           TEXT NOT NULL,
  courier         TEXT,
  opened_at       TEXT NOT NULL,
  opened_by       TEXT NOT NULL,
  closed_at       TEXT,
  closed_by       TEXT,
  journal_date    TEXT
);
CREATE INDEX kazpost_batches_state ON kazpost_batches (state, id);

CREATE TABLE kazpost_list_codes (
  batch_id        INTEGER NOT NULL REFERENCES kazpost_batches (id),
  code            TEXT NOT NULL,
  position        INTEGER NOT NULL,
  PRIMARY KEY (batch_id, code)
);

CREATE TABLE kazpost_scans (
  id              INTEGER PRIMARY KEY,
  batch_id        INTEGER NOT NULL REFERENCES kazpost_batches (id),
  code            TEXT NOT NULL,
  scanned_at      TEXT NOT NULL,
  scanned_by      TEXT NOT NULL,
  wrong_addressee INTEGER NOT NULL DEFAULT 0,
  receipt_id      INTEGER REFERENCES receipts (id),
  UNIQUE (batch_id, code)
);
