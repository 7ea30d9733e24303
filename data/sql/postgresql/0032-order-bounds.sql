-- SPDX-License-Identifier: GPL-3.0-or-later
-- The appeals that break the rules a journal's page by due date or by
-- number leans on (appeals-journal-bounds.c): a term ends on or after the
-- day of registration and at most four calendar months after its month
-- (the longest term, 20 working days, extended by the most the law
-- allows, two months: data/rules/deadlines.json), and a registration
-- number begins with the year of registration. The server registers
-- every appeal so, and these indexes are empty; an appeal put in by hand
-- that breaks a rule lands here, and the pages of the periods it lies in
-- do without the rule. A period by due date starts (or ends) where its
-- terms do in the index of due dates, and by number at its years'
-- numbers, rather than at the oldest or newest term or number (at
-- 1,000,000 appeals on PostgreSQL the appeals since 2021 by due date: 121
-- ms; 2024 by number: 200 ms; up to 2018 by due date back: 306 ms).
-- Keep in step with ../sqlite/0032-order-bounds.sql.

CREATE INDEX IF NOT EXISTS appeals_due_before_registration ON appeals (registration_date)
  WHERE due_date < registration_date;
CREATE INDEX IF NOT EXISTS appeals_due_months_after ON appeals (registration_date)
  WHERE CAST (substr (due_date, 1, 4) AS INTEGER) * 12 + CAST (substr (due_date, 6, 2) AS INTEGER) >
        CAST (substr (registration_date, 1, 4) AS INTEGER) * 12 + CAST (substr (registration_date, 6, 2) AS INTEGER) + 4;
CREATE INDEX IF NOT EXISTS appeals_number_of_other_year ON appeals (registration_date)
  WHERE substr (registration_number, 1, 5) <> substr (registration_date, 1, 4) || '-';
