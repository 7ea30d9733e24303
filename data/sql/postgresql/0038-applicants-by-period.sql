-- SPDX-License-Identifier: GPL-3.0-or-later
-- An applicant's appeals by the day of registration, with the district
-- and the question's character: the journal's page of repeat applicants
-- (?min_applicant_appeals=, the line report's figures) counts, for each
-- appeal it reads in its order, the applicant's appeals of the period
-- in the caller's scope from this index, and stops at the page. It
-- replaces 0001's (applicant_id, question_character), which the check of
-- a repeat appeal reads through this one as well. SQLite's is its 0038.

DROP INDEX IF EXISTS appeals_applicant;
CREATE INDEX appeals_applicant ON appeals (applicant_id, registration_date) INCLUDE (district, question_character);
