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
 *    answers hold personal data;
 *  - on SQLite, the words of the journal's search that no appeal keeps
 *    any more (appeals-search-words.c). That reads the index's whole
 *    vocabulary (1.5 s at 1,000,000 appeals), so it runs on a slow
 *    worker, at the first housekeeping after start and then every
 *    search_words_seconds (a day), never two at once.
 */
#include "config.h"

#include "appeals-housekeeping.h"
#include "appeals-search-words.h"

typedef struct
{
  AppealsServer *server;       /* unowned: the schedule's source ends first */
  gint64         words_every;  /* µs between prunings; 0: never */
  gint64         words_due;    /* monotonic time of the next pruning */
  gboolean       pruning;
} Schedule;

typedef struct
{
  Schedule *schedule;          /* a reference */
  guint     pruned;
  GError   *error;
} Pruning;

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

static void
prune_words (AppealsDb *db,
             gpointer   data)
{
  Pruning *pruning = data;

  appeals_search_words_prune (db, &pruning->pruned, &pruning->error);
}

static gboolean
words_pruned (gpointer data)
{
  Pruning *pruning = data;
  Schedule *schedule = pruning->schedule;

  if (pruning->error != NULL)
    g_warning ("housekeeping: %s", pruning->error->message);
  else
    g_debug ("housekeeping: %u words of the search forgotten", pruning->pruned);
  schedule->pruning = FALSE;
  schedule->words_due = g_get_monotonic_time () + schedule->words_every;
  g_clear_error (&pruning->error);
  g_rc_box_release (schedule);
  g_free (pruning);
  return G_SOURCE_REMOVE;
}

static void
maybe_prune_words (Schedule *schedule)
{
  AppealsServer *server = schedule->server;
  Pruning *pruning;

  if (schedule->words_every == 0 || schedule->pruning ||
      g_get_monotonic_time () < schedule->words_due ||
      appeals_db_get_dialect (appeals_server_get_db (server)) != APPEALS_DB_DIALECT_SQLITE)
    return;

  schedule->pruning = TRUE;
  pruning = g_new0 (Pruning, 1);
  pruning->schedule = g_rc_box_acquire (schedule);
  appeals_server_push_work (server, prune_words, words_pruned, pruning);
}

static gboolean
on_tick (gpointer user_data)
{
  Schedule *schedule = user_data;
  AppealsServer *server = schedule->server;
  g_autoptr(GError) error = NULL;

  if (!appeals_housekeeping_run (appeals_server_get_db (server), appeals_server_get_config (server), &error))
    g_warning ("housekeeping: %s", error->message);
  maybe_prune_words (schedule);
  return G_SOURCE_CONTINUE;
}

/**
 * appeals_housekeeping_schedule:
 *
 * Purges now and then every housekeeping_seconds while @server lives
 * (remove the source before it goes); prunes the search's words from the
 * next time on, not while the server starts.
 *
 * Returns: the source id
 */
guint
appeals_housekeeping_schedule (AppealsServer *server)
{
  Schedule *schedule = g_rc_box_new0 (Schedule);
  guint interval = MAX (appeals_server_get_config (server)->housekeeping_seconds, 1);

  schedule->server = server;
  schedule->words_every = (gint64) appeals_server_get_config (server)->search_words_seconds * G_USEC_PER_SEC;
  /* past at the next tick, not at this one */
  schedule->words_due = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  on_tick (schedule);
  return g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, interval, on_tick, schedule,
                                     (GDestroyNotify) g_rc_box_release);
}
