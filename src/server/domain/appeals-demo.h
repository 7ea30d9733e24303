/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-demo.h: demo data for an empty database (appeals-server --demo).
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

/* the demo accounts' password: it signs in on a --demo server only */
#define APPEALS_DEMO_PASSWORD "demo"

gboolean appeals_demo_seed (AppealsServer  *server,
                            AppealsDb      *db,
                            guint           n_appeals,
                            GError        **error);

const char *appeals_demo_body_for_question (const char *question);
void        appeals_demo_classify         (GRand         *rand,
                                           double         roll,
                                           AppealsAppeal *appeal,
                                           const char    *question,
                                           const char    *district,
                                           gboolean       kazakh);
const char *appeals_demo_registrar_for    (const char *district);

G_END_DECLS
