/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-schedule-dialog.h: an official and their reception schedule.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_SCHEDULE_DIALOG (appeals_schedule_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AppealsScheduleDialog, appeals_schedule_dialog, APPEALS, SCHEDULE_DIALOG, AdwWindow)

AppealsScheduleDialog *appeals_schedule_dialog_new           (GtkWindow             *parent,
                                                              AppealsContext        *context,
                                                              AppealsOfficial       *official);
guint                  appeals_schedule_dialog_get_n_days    (AppealsScheduleDialog *self);
void                   appeals_schedule_dialog_set_day       (AppealsScheduleDialog *self,
                                                              guint                  index,
                                                              int                    weekday,
                                                              const char            *start,
                                                              const char            *end,
                                                              const char            *place,
                                                              gboolean               video);
void                   appeals_schedule_dialog_set_day_places (AppealsScheduleDialog *self,
                                                              guint                  index,
                                                              const char            *place_kk,
                                                              const char            *place_ru);
const char            *appeals_schedule_dialog_get_day_error (AppealsScheduleDialog *self,
                                                              guint                  index);

G_END_DECLS
