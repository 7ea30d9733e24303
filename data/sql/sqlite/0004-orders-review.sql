-- SPDX-License-Identifier: GPL-3.0-or-later
-- The protocol of orders given at a reception, and the leadership's review.

CREATE TABLE protocol_orders (
  id              INTEGER PRIMARY KEY,
  reception_id    INTEGER NOT NULL REFERENCES receptions (id),
  text            TEXT NOT NULL,
  executor_body   TEXT NOT NULL,
  deadline        TEXT NOT NULL,
  status          TEXT NOT NULL,
  executed_at     TEXT,
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
CREATE INDEX protocol_orders_reception ON protocol_orders (reception_id);

CREATE TABLE reception_reviews (
  reception_id    INTEGER PRIMARY KEY REFERENCES receptions (id),
  reviewed_by     TEXT NOT NULL,
  reviewed_at     TEXT NOT NULL,
  instructions    TEXT
);
