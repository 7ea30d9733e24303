-- SPDX-License-Identifier: GPL-3.0-or-later
-- The line report and the statistical report (issue 15) at a region's
-- scale: each ranking is a GROUP BY over the appeals registered in a
-- period and its comparison period. With every column they count by in
-- one index led by the registration date, each ranking reads the index
-- range of its periods alone, not a card per appeal (half the time of
-- the line report at 1,000,000 appeals). Keep in step with
-- ../sqlite/0027-report-cover.sql.

CREATE INDEX IF NOT EXISTS appeals_report_cover ON appeals (registration_date, district, question_character, category,
                                                            addressee_body, channel, language, status,
                                                            answer_character, repeat, applicant_id, answered_on,
                                                            answer_late, due_date);
