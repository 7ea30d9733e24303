-- SPDX-License-Identifier: GPL-3.0-or-later
-- The appeal's legal lifecycle: what each action (forward, extend, answer,
-- terminate, leave without consideration, reopen) records on the card,
-- and the notices sent to the applicant about the decisions.

ALTER TABLE appeals ADD COLUMN forwarded_to TEXT;
ALTER TABLE appeals ADD COLUMN forwarding_scope TEXT;
ALTER TABLE appeals ADD COLUMN forwarding_number TEXT;
ALTER TABLE appeals ADD COLUMN forwarding_date TEXT;
ALTER TABLE appeals ADD COLUMN forwarding_due_date TEXT;
ALTER TABLE appeals ADD COLUMN forwarded_late INTEGER NOT NULL DEFAULT 0;
ALTER TABLE appeals ADD COLUMN original_due_date TEXT;
ALTER TABLE appeals ADD COLUMN extended_on TEXT;
ALTER TABLE appeals ADD COLUMN extension_reason TEXT;
ALTER TABLE appeals ADD COLUMN answer_character TEXT;
ALTER TABLE appeals ADD COLUMN answer_late INTEGER NOT NULL DEFAULT 0;
ALTER TABLE appeals ADD COLUMN answer_attachment_id INTEGER;
ALTER TABLE appeals ADD COLUMN termination_ground TEXT;
ALTER TABLE appeals ADD COLUMN termination_reason TEXT;
ALTER TABLE appeals ADD COLUMN reopen_reason TEXT;
ALTER TABLE appeals ADD COLUMN notice_kind TEXT;
ALTER TABLE appeals ADD COLUMN notice_due_date TEXT;

-- Notices as sent: one row per printed notice, never changed.
CREATE TABLE appeal_notices (
  id               INTEGER PRIMARY KEY,
  appeal_id        INTEGER NOT NULL REFERENCES appeals (id),
  kind             TEXT NOT NULL,
  language         TEXT NOT NULL,
  outgoing_number  TEXT NOT NULL,
  outgoing_date    TEXT NOT NULL,
  late             INTEGER NOT NULL DEFAULT 0,
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL
);
CREATE INDEX appeal_notices_appeal ON appeal_notices (appeal_id, id);
CREATE INDEX appeals_answer_character ON appeals (answer_character);
