/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-housekeeping.c: what the server forgets on a schedule, so that
 * nothing it stores for a while grows for ever:
 *
 *  - login_failures whose back-off is over and whose failures are no
 *    longer counted (older than the lockout memory);
 *  - sessions signed out, idle past the idle limit, or older than the
 *    absolute limit (they no longer sign anyone in);
 *  - idempotency keys older than the time a retry can come: their stored
 *    answers hold personal data.
 */
#include "config.h"

#include "appeals-housekeeping.h"

#define LOGIN_FAILURE_MEMORY_SECONDS (15 * 60)

static gboolean
purge_in_transaction (AppealsDb  *db,
                      gpointer    user_data,
                      GError    **error)
{
  const AppealsServerConfig *config = user_data;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  return appeals_db_exec (db, "DELETE FROM login_failures WHERE last_failure < ? AND locked_until < ?",
                          g_variant_new ("(xx)", now - MAX (LOGIN_FAILURE_MEMORY_SECONDS, config->lockout_seconds),
                                         now),
                          error) &&
         appeals_db_exec (db, "DELETE FROM sessions WHERE revoked = 1 OR last_seen < ? OR created_at < ?",
                          g_variant_new ("(xx)", now - config->session_idle_seconds,
                                         now - config->session_absolute_seconds),
                          error) &&
         appeals_db_exec (db, "DELETE FROM idempotency_keys WHERE created_at < ?",
                          g_variant_new ("(x)", now - config->idempotency_seconds), error);
}

/**
 * appeals_housekeeping_run:
 *
 * Purges once, in one transaction.
 */
gboolean
appeals_housekeeping_run (AppealsDb                 *db,
                          const AppealsServerConfig *config,
                          GError                   **error)
{
  return appeals_db_run_transaction (db, purge_in_transaction, (gpointer) config, error);
}

static gboolean
on_tick (gpointer user_data)
{
  AppealsServer *server = user_data;
  g_autoptr(GError) error = NULL;

  if (!appeals_housekeeping_run (appeals_server_get_db (server), appeals_server_get_config (server), &error))
    g_warning ("housekeeping: %s", error->message);
  return G_SOURCE_CONTINUE;
}

/**
 * appeals_housekeeping_schedule:
 *
 * Purges now and then every housekeeping_seconds while @server lives.
 *
 * Returns: the source id
 */
guint
appeals_housekeeping_schedule (AppealsServer *server)
{
  on_tick (server);
  return g_timeout_add_seconds (MAX (appeals_server_get_config (server)->housekeeping_seconds, 1),
                                on_tick, server);
}
