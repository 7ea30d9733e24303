/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-test-exchanges.h: a record of every HTTP exchange a test makes,
 * one JSON line each, so that the answers can be checked against the API
 * description (data/api/openapi.json) after the tests ran.
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

void appeals_test_exchanges_start  (const char  *path);
void appeals_test_exchanges_record (SoupMessage *message,
                                    GBytes      *body);
int  appeals_test_exchanges_check  (void);

G_END_DECLS
