/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-server.h: the HTTP server — routes, the request pipeline
 * (limits, authentication, roles, one transaction per request,
 * idempotency), listening, and a graceful stop.
 */
#pragma once

#include <libsoup/soup.h>

#include "appeals-connections.h"
#include "appeals-core.h"
#include "appeals-db.h"
#include "appeals-request.h"
#include "appeals-router.h"
#include "appeals-workers.h"

G_BEGIN_DECLS

typedef struct
{
  char                  *database;
  gboolean               demo;
  gint64                 session_idle_seconds;
  gint64                 session_absolute_seconds;
  gsize                  max_body_bytes;
  gsize                  max_attachment_bytes;
  guint                  max_json_depth;
  guint                  max_page_size;
  guint                  lockout_failures;   /* a login's failures before it backs off */
  guint                  address_failures;   /* an address's; 0: not limited */
  gint64                 lockout_seconds;    /* the longest back-off */
  gint64                 idempotency_seconds; /* how long a retried POST is recognised */
  guint                  housekeeping_seconds; /* between purges */
  guint                  search_words_seconds; /* between prunings of the search's words; 0: never */
  guint                  workers;            /* storage threads; 0: all on the main loop */
  guint                  statement_timeout_ms; /* 0: no limit */
  AppealsConnectionLimits connections;
} AppealsServerConfig;

#define APPEALS_TYPE_SERVER (appeals_server_get_type ())

G_DECLARE_FINAL_TYPE (AppealsServer, appeals_server, APPEALS, SERVER, GObject)

AppealsServer          *appeals_server_new              (AppealsDb            *db,
                                                         const AppealsServerConfig *config,
                                                         GError              **error);
void                    appeals_server_add_route        (AppealsServer        *self,
                                                         const char           *method,
                                                         const char           *pattern,
                                                         AppealsAllow          allow,
                                                         AppealsRouteFlags     flags,
                                                         AppealsRouteFunc      handler);
GPtrArray              *appeals_server_list_routes      (AppealsServer        *self);
const AppealsRoute     *appeals_server_match_route      (AppealsServer        *self,
                                                         const char           *method,
                                                         const char           *path,
                                                         GHashTable           *params,
                                                         char                **allowed);
gboolean                appeals_server_listen           (AppealsServer        *self,
                                                         const char           *address,
                                                         GTlsCertificate      *certificate,
                                                         GError              **error);
char                   *appeals_server_get_url          (AppealsServer        *self);
gboolean                appeals_server_reload_rules     (AppealsServer        *self,
                                                         GError              **error);
void                    appeals_server_stop             (AppealsServer        *self,
                                                         GMainLoop            *loop);

AppealsDb              *appeals_server_get_db           (AppealsServer        *self);
gboolean                appeals_server_is_https         (AppealsServer        *self);
const AppealsServerConfig *appeals_server_get_config    (AppealsServer        *self);
AppealsCalendar        *appeals_server_get_calendar     (AppealsServer        *self);
AppealsDeadlineRules   *appeals_server_get_deadlines    (AppealsServer        *self);
AppealsClassifier      *appeals_server_get_classifier   (AppealsServer        *self,
                                                         const char           *name);
AppealsPriorityCatalog *appeals_server_get_priorities   (AppealsServer        *self);
AppealsWorkflow        *appeals_server_get_workflow     (AppealsServer        *self);
AppealsChecklistTemplate *appeals_server_get_checklist  (AppealsServer        *self);
AppealsLetterhead      *appeals_server_get_letterhead   (AppealsServer        *self);
AppealsGrowthRule      *appeals_server_get_growth_rule  (AppealsServer        *self);

/* For handlers that finish later (ASYNC routes). */
void                    appeals_server_finish_request   (AppealsServer        *self,
                                                         AppealsRequest       *request);
void                    appeals_server_push_work        (AppealsServer        *self,
                                                         AppealsWorkFunc       work,
                                                         GSourceFunc           done,
                                                         gpointer              data);
void                    appeals_server_lock_rules       (AppealsServer        *self);
void                    appeals_server_unlock_rules     (AppealsServer        *self);

/* Today in Kazakhstan (UTC+5), and the current time as ISO 8601 UTC. */
void                    appeals_server_get_today        (GDate                *today);
char                   *appeals_server_now_iso          (void);

G_END_DECLS
