-- SPDX-License-Identifier: GPL-3.0-or-later
-- The dynamics and growth alerts of the analytics (issue 15): the series
-- count appeals per period, district and question character from an
-- index alone; an analyst's note on an alert (the cause found, the
-- measures taken) is kept by the alert's key, since alerts themselves
-- are computed from the counts. Keep in step with
-- ../postgresql/0016-growth-alerts.sql.

CREATE INDEX appeals_dynamics ON appeals (registration_date, district, question_character);

CREATE TABLE growth_alert_notes (
  id                  INTEGER PRIMARY KEY,
  period              TEXT NOT NULL,
  period_start        TEXT NOT NULL,
  district            TEXT NOT NULL,
  question_character  TEXT NOT NULL,
  cause               TEXT NOT NULL,
  measures            TEXT NOT NULL,
  noted_by            TEXT NOT NULL,
  noted_at            TEXT NOT NULL,
  UNIQUE (period, period_start, district, question_character)
);
