-- SPDX-License-Identifier: GPL-3.0-or-later
-- Issue 14: a slot (one official, one date, one start time) holds one
-- reception that is not cancelled, whatever the number of server processes
-- booking at once; a cancellation keeps its reason, a held reception the
-- day it was held (the protocol's term counts from it). A move changes the
-- reception's date and time in place; the audit trail keeps the old ones.
-- Keep in step with ../postgresql/0014-reception-slots.sql.

ALTER TABLE receptions ADD COLUMN cancel_reason TEXT;
ALTER TABLE receptions ADD COLUMN held_on TEXT;

-- Bookings made before the guard may share a slot: the later ones are
-- cancelled with a reason, so that the index can be built and each slot
-- keeps its first visitor.
UPDATE receptions SET status = 'cancelled', cancel_reason = 'slot booked twice before migration 0014'
  WHERE status <> 'cancelled' AND EXISTS (
    SELECT 1 FROM receptions earlier
    WHERE earlier.official_id = receptions.official_id AND earlier.date = receptions.date
      AND earlier.start_time = receptions.start_time AND earlier.status <> 'cancelled'
      AND earlier.id < receptions.id);

CREATE UNIQUE INDEX receptions_slot ON receptions (official_id, date, start_time)
  WHERE status <> 'cancelled';
