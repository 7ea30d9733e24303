/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-slots.h: when an official receives — the reception
 * days and hours of their schedule, the unified reception day, the slots
 * already taken — and the guards a booking or a move passes.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

/* A start time still free with an official */
typedef struct
{
  GDate date;
  char  start_time[6];   /* "HH:MM" */
} AppealsFreeSlot;

gboolean appeals_api_reception_check_slot (AppealsRequest  *request,
                                           gint64           official_id,
                                           const GDate     *date,
                                           const char      *start_time,
                                           gint64           except_id,
                                           GPtrArray       *errors,
                                           gboolean        *taken,
                                           GError         **error);
gboolean appeals_api_reception_free_slots (AppealsRequest  *request,
                                           gint64           official_id,
                                           const GDate     *from,
                                           const GDate     *to,
                                           GArray         **slots,
                                           GError         **error);
void     appeals_api_respond_slot_taken   (AppealsRequest  *request);
gboolean appeals_api_reception_book       (AppealsRequest    *request,
                                           AppealsReception  *reception,
                                           const GDate       *registered_on,
                                           GPtrArray         *errors,
                                           gint64            *id,
                                           GError           **error);

G_END_DECLS
