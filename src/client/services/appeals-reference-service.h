/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reference-service.h: reference data and the rules in force —
 * officials, classifiers, the working-day calendar, the deadline table,
 * priority categories, the reception workflow and the checklist template.
 *
 * The rule catalogues are read through this service only, so where they
 * come from is decided in one place.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_REFERENCE_SERVICE (appeals_reference_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReferenceService, appeals_reference_service, APPEALS, REFERENCE_SERVICE, GObject)

AppealsReferenceService *appeals_reference_service_new            (AppealsApiClient        *client);

AppealsCalendar         *appeals_reference_service_get_calendar   (AppealsReferenceService *self);
AppealsDeadlineRules    *appeals_reference_service_get_deadlines  (AppealsReferenceService *self);
AppealsClassifier       *appeals_reference_service_get_classifier (AppealsReferenceService *self,
                                                                   const char              *name);
AppealsPriorityCatalog  *appeals_reference_service_get_priorities (AppealsReferenceService *self);
AppealsWorkflow         *appeals_reference_service_get_workflow   (AppealsReferenceService *self);
AppealsChecklistTemplate *appeals_reference_service_get_checklist (AppealsReferenceService *self);

G_END_DECLS
