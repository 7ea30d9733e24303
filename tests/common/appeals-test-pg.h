/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-test-pg.h: a throwaway PostgreSQL cluster for the tests: initdb
 * and pg_ctl in a temporary directory, listening only on a unix socket.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AppealsTestPgCluster AppealsTestPgCluster;

AppealsTestPgCluster *appeals_test_pg_cluster_start           (void);
char                 *appeals_test_pg_cluster_create_database (AppealsTestPgCluster *cluster,
                                                               guint                 number);
AppealsTestPgCluster *appeals_test_pg_cluster_start_in        (const char           *dir,
                                                               const char           *settings);
char                 *appeals_test_pg_cluster_get_location    (AppealsTestPgCluster *cluster,
                                                               const char           *name);
void                  appeals_test_pg_cluster_stop            (AppealsTestPgCluster *cluster);

G_END_DECLS
