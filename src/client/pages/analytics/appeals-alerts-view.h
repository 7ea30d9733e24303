/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-alerts-view.h: the growth alerts on the Analytics page — the
 * months or weeks of the last year whose appeals on a question in a
 * district grew past the rule's threshold, each with its series drawn
 * as a small line chart and its numbers in a table beside it, the cause
 * and measures an analyst noted, and a dialog to note them. A figure
 * opens the journal on the appeals behind it (win.open-journal).
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_ALERTS_VIEW (appeals_alerts_view_get_type ())

G_DECLARE_FINAL_TYPE (AppealsAlertsView, appeals_alerts_view, APPEALS, ALERTS_VIEW, GtkBox)

void              appeals_alerts_view_reload     (AppealsAlertsView *self);
void              appeals_alerts_view_clear      (AppealsAlertsView *self);
void              appeals_alerts_view_set_kind   (AppealsAlertsView *self,
                                                  AppealsPeriodKind  kind);
AppealsAlertList *appeals_alerts_view_get_alerts (AppealsAlertsView *self);
GtkWidget        *appeals_alerts_view_get_row    (AppealsAlertsView *self,
                                                  guint              position);
GtkWidget        *appeals_alerts_view_open_note  (AppealsAlertsView *self,
                                                  guint              position);

G_END_DECLS
