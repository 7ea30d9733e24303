/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-hardening.h: what the hardening test files share, beside the API
 * tests' fixture.
 */
#pragma once

#include "test-api.h"

G_BEGIN_DECLS

void  assert_server_alive (Fixture    *fixture);
guint raw_exchange        (Fixture    *fixture,
                           const char *request,
                           char      **text_out);
void  assert_raw_problem  (const char *text,
                           const char *code);
void  assert_no_leak      (AppealsTestResponse *response,
                           const char          *what,
                           const char          *iin,
                           const char          *number);

void  test_hardening_add_connections (void);
void  test_hardening_add_scope       (void);
void  test_hardening_add_sign_in     (void);
void  test_hardening_add_parsing     (void);
void  test_hardening_add_tls         (void);
void  test_hardening_add_kill        (void);
void  test_hardening_add_matrix      (void);
void  test_hardening_add_log         (void);
void  test_hardening_add_gone        (void);
void  test_hardening_add_housekeeping (void);

G_END_DECLS
