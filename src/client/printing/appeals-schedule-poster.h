/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-schedule-poster.h: the printed poster of officials' reception
 * schedules, in Kazakh or in Russian.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define APPEALS_TYPE_SCHEDULE_POSTER (appeals_schedule_poster_get_type ())

G_DECLARE_FINAL_TYPE (AppealsSchedulePoster, appeals_schedule_poster, APPEALS, SCHEDULE_POSTER, GtkPrintOperation)

AppealsSchedulePoster *appeals_schedule_poster_new (GPtrArray  *officials,
                                                    const char *language);

G_END_DECLS
