/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-test-growth.h: a growth alert made in the demo's data, for the
 * display tests of the alerts and of the analytical note.
 */
#pragma once

#include "appeals-test-server.h"

G_BEGIN_DECLS

#define APPEALS_TEST_GROWTH_SPAN 9    /* the rule's baseline and gap */

void appeals_test_seed_growth (AppealsTestServer *server,
                               const char        *district,
                               const char        *question_character,
                               int                now_count);

G_END_DECLS
