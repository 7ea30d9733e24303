-- SPDX-License-Identifier: GPL-3.0-or-later
-- Attachments of a reception: the reference note, the applicant's
-- documents, the bodies' positions. The content lives in files beside the
-- database, named by their SHA-256.

CREATE TABLE attachments (
  id              INTEGER PRIMARY KEY,
  reception_id    INTEGER NOT NULL REFERENCES receptions (id),
  kind            TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  content_type    TEXT NOT NULL,
  size            INTEGER NOT NULL,
  sha256          TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
CREATE INDEX attachments_reception ON attachments (reception_id);
