-- SPDX-License-Identifier: GPL-3.0-or-later
-- Scope and housekeeping (issue 17).
--
-- An applicant belongs to the districts where the card was registered or
-- where the person presented their IIN at the desk, beside those of their
-- appeals: a district-bound user sees no one else. Existing cards belong
-- to the districts of their appeals (a card with none stays the region's).
CREATE TABLE applicant_districts (
  applicant_id    BIGINT NOT NULL REFERENCES applicants (id) ON DELETE CASCADE,
  district        TEXT NOT NULL,
  PRIMARY KEY (applicant_id, district)
);
INSERT INTO applicant_districts (applicant_id, district)
  SELECT DISTINCT applicant_id, district FROM appeals;

-- Seeing the whole region is a user's explicit property, not the lack of a
-- district: a user with neither sees nothing. Existing users without a
-- district whose role works region-wide keep doing so.
ALTER TABLE users ADD COLUMN region_wide INTEGER NOT NULL DEFAULT 0;
UPDATE users SET region_wide = 1
  WHERE district IS NULL AND role IN ('controller', 'head', 'leadership', 'analyst', 'admin');

-- What the scheduled purge looks up by age.
CREATE INDEX sessions_last_seen ON sessions (last_seen);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
CREATE INDEX login_failures_last ON login_failures (last_failure);
