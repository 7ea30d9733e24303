-- SPDX-License-Identifier: GPL-3.0-or-later
-- Appeals imported from the electronic channels (e-gov / eOtinish, the
-- President's Virtual reception): the receipt each became, with what the
-- channel's file said of it. A channel's number enters a journal once, so
-- the same file imported twice imports nothing the second time.
-- A receipt is registered as one appeal, once (receipts.appeal_id).
-- Keep in step with ../postgresql/0021-receipt-imports.sql.

CREATE TABLE receipt_imports (
  receipt_id       INTEGER PRIMARY KEY REFERENCES receipts (id),
  channel          TEXT NOT NULL,
  external_number  TEXT NOT NULL,
  external_date    TEXT NOT NULL,
  address          TEXT,
  text             TEXT NOT NULL,
  attachment_names TEXT NOT NULL,  -- a JSON array of file names
  file_name        TEXT,
  imported_by      TEXT NOT NULL,
  imported_at      TEXT NOT NULL,
  UNIQUE (channel, external_number)
);

CREATE UNIQUE INDEX receipts_registered_once ON receipts (appeal_id) WHERE appeal_id IS NOT NULL;
