-- SPDX-License-Identifier: GPL-3.0-or-later
-- Requests for a personal reception (issue 14). A request is registered
-- (by hand, post or e-gov) with the essence of the question, for an
-- applicant and possibly an appeal; steps 1–3 run from its registration.
-- It is analysed, then decided — the decision books the reception
-- (reception_id) — or refused with a reason the applicant is notified
-- of. A decision that leaves less time than the steps before the
-- reception need keeps the head's override reason.
-- Keep in step with ../postgresql/0022-reception-requests.sql.

CREATE TABLE reception_requests (
  id              INTEGER PRIMARY KEY,
  version         INTEGER NOT NULL DEFAULT 1,
  registered_on   TEXT NOT NULL,
  channel         TEXT NOT NULL,
  applicant_id    INTEGER NOT NULL REFERENCES applicants (id),
  appeal_id       INTEGER REFERENCES appeals (id),
  question        TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'new',
  refusal_reason  TEXT,
  reception_id    INTEGER REFERENCES receptions (id),
  override_reason TEXT,
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  decided_by      TEXT,
  decided_at      TEXT
);
CREATE INDEX reception_requests_state ON reception_requests (state, id);
