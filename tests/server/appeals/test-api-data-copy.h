/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-data-copy.h: a demo server started on a copy of the data
 * folder, which a test edits and has reloaded with SIGHUP.
 */
#pragma once

#include "test-api.h"

G_BEGIN_DECLS

char     *test_api_start_on_data_copy   (Fixture    *fixture,
                                         char      **data);
void      test_api_stop_on_data_copy    (Fixture    *fixture,
                                         const char *dir);
gboolean  test_api_calendar_has_day_off (Fixture    *fixture,
                                         const char *token,
                                         const char *date);

G_END_DECLS
