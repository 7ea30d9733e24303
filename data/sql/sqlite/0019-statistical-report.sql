-- SPDX-License-Identifier: GPL-3.0-or-later
-- The statistical report (issue 15) counts the appeals of a period by
-- addressee body or by kind as well as by district: each breakdown's
-- GROUP BY walks an index on its column, the period read from the same
-- index. Keep in step with ../postgresql/0019-statistical-report.sql.

CREATE INDEX appeals_addressee_body ON appeals (addressee_body, registration_date);
CREATE INDEX appeals_kind ON appeals (kind, registration_date);
