/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-client.h: the client test's parts kept in files of their own.
 */
#pragma once

#include "appeals-test-ui.h"

G_BEGIN_DECLS

void test_client_check_date_filter (AppealsWindow      *window,
                                    AppealsApplication *app);
JsonObject *test_client_get_appeal (gint64 id);
void test_client_add_expertise     (AppealsTestServer **server);

void test_client_journal_jump      (void);

G_END_DECLS
