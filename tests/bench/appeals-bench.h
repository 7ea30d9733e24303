/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-bench.h: what the benchmarks share — a server on a generated
 * database cached per size and schema, a direct connection to the same
 * database for the floors, timing and percentiles.
 */
#pragma once

#ifdef __linux__
#include <sched.h>
#endif
#include <libsoup/soup.h>

#include "appeals-db.h"
#include "appeals-test-pg.h"
#include "appeals-test-server.h"

G_BEGIN_DECLS

typedef struct
{
  const char           *backend;
  guint                 size;
  gboolean              postgresql;
  char                 *database;
  AppealsTestPgCluster *cluster;
  AppealsTestServer    *server;
  AppealsDb            *db;
  SoupSession          *session;
  char                 *token;
  double                generate_seconds;   /* < 0: the cached database */
  gint64                card_id;
  char                 *cursor;
  char                 *cursor_date;
  gint64                cursor_id;
  const char           *workers;   /* the server's --workers, NULL: its default */
  char                 *statement_log;   /* the server's APPEALS_SERVER_LOG_STATEMENTS */
  char                 *server_log;      /* its stderr: a line a request */
#ifdef __linux__
  cpu_set_t             own_cpus;        /* where the bench may run */
#endif
  gboolean              kept_off;        /* off the server's main loop's processor */
} AppealsBench;

AppealsBench *appeals_bench_open            (const char    *backend,
                                             guint          size);
void          appeals_bench_free            (AppealsBench  *bench);
void          appeals_bench_restart         (AppealsBench  *bench,
                                             const char    *workers);
void          appeals_bench_keep_off_server (AppealsBench  *bench);
void          appeals_bench_run_anywhere    (AppealsBench  *bench);
void          appeals_bench_stop_statement_log (AppealsBench *bench);
void          appeals_bench_print_header    (AppealsBench  *bench);
char         *appeals_bench_today           (void);
char         *appeals_bench_pick            (AppealsBench  *bench,
                                             const char    *sql);
void          appeals_bench_cursor_at_half  (AppealsBench  *bench);
double        appeals_bench_percentile      (GArray        *ms,
                                             double         p);
GArray       *appeals_bench_time_request    (AppealsBench  *bench,
                                             const char    *path);
GPtrArray    *appeals_bench_statement       (const char    *sql,
                                             GVariant      *params);
void          appeals_bench_time_with_floor (AppealsBench  *bench,
                                             const char    *path,
                                             GPtrArray     *statements,
                                             GArray       **request,
                                             GArray       **floor);
GPtrArray    *appeals_bench_capture_statements (AppealsBench *bench,
                                                const char   *path);
void          appeals_bench_time_patch      (AppealsBench  *bench,
                                             GArray       **request,
                                             GArray       **floor);
gint64        appeals_bench_server_rss_kb   (AppealsBench  *bench);
void          appeals_bench_concurrency     (AppealsBench  *bench,
                                             guint          n_connections);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsBench, appeals_bench_free)

G_END_DECLS
