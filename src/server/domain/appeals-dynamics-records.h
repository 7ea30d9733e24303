/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-dynamics-records.h: the dynamics counted in SQL — one GROUP BY
 * period × district × question character over the appeals of the
 * caller's scope, nothing loaded row by row — the growth alerts the rule
 * raises on them, and the analysts' notes kept with the alerts.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

AppealsDynamics  *appeals_dynamics_records_count  (AppealsRequest     *request,
                                                   AppealsPeriodKind   kind,
                                                   const GDate        *from,
                                                   const GDate        *to,
                                                   const char         *district,
                                                   const char         *question_character,
                                                   GError            **error);
AppealsAlertList *appeals_dynamics_records_alerts (AppealsRequest     *request,
                                                   AppealsPeriodKind   kind,
                                                   const GDate        *from,
                                                   const GDate        *to,
                                                   const char         *district,
                                                   const char         *question_character,
                                                   GError            **error);
gboolean          appeals_dynamics_records_note   (AppealsRequest     *request,
                                                   AppealsGrowthAlert *alert,
                                                   const char         *cause,
                                                   const char         *measures,
                                                   GError            **error);

G_END_DECLS
