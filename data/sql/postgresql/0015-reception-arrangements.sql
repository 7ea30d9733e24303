-- SPDX-License-Identifier: GPL-3.0-or-later
-- How a reception is held (issue 14).
--
-- A schedule day's place is printed on the poster in the poster's own
-- language: it gets a Kazakh and a Russian text, both the old single
-- text to begin with.
ALTER TABLE official_schedules ADD COLUMN place_kk TEXT;
ALTER TABLE official_schedules ADD COLUMN place_ru TEXT;
UPDATE official_schedules SET place_kk = place, place_ru = place WHERE place IS NOT NULL;

-- A field (выездной) reception is held away from the official's office,
-- in a district or a village, at the reception's own place, possibly by
-- video.
ALTER TABLE receptions ADD COLUMN field INTEGER NOT NULL DEFAULT 0;

-- Who takes part besides the official and the visitor: the supervising
-- deputy, representatives of the bodies invited in step 5, the head of
-- the Presidential Administration's appeals department by video.
CREATE TABLE reception_participants (
  reception_id    BIGINT NOT NULL REFERENCES receptions (id),
  position        INTEGER NOT NULL,
  name            TEXT NOT NULL,
  job_title       TEXT,
  by_video        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (reception_id, position)
);
