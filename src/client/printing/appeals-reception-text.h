/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-text.h: how receptions read on screen — officials'
 * names in the interface's language, dates, priority categories and step
 * names — shared by the pages and dialogs about receptions.
 */
#pragma once

#include "appeals-core.h"
/* the officials' JSON helpers, until officials come as models */
#include "appeals-reception-service.h"

G_BEGIN_DECLS

char       *appeals_format_iso_date          (const char *iso);
char       *appeals_format_date              (const GDate *date);
char       *appeals_format_local_day         (GDateTime  *datetime);
char       *appeals_format_iso_day           (const char *iso);
const char *appeals_priority_get_label       (AppealsPriorityCatalog *priorities,
                                              const char *code);
const char *appeals_step_get_label           (AppealsWorkflow *workflow,
                                              const char *code);
const char *appeals_priority_get_label_in    (AppealsPriorityCatalog *priorities,
                                              const char *code,
                                              const char *language);
const char *appeals_step_get_label_in        (AppealsWorkflow *workflow,
                                              const char *code,
                                              const char *language);
char       *appeals_weekday_name             (int         weekday);
const char *appeals_material_kind_label      (const char *kind);

G_END_DECLS
