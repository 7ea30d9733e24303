/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-statistical-records.h: the statistical report counted in SQL —
 * one GROUP BY over the appeals of the period in the caller's scope, a
 * conditional sum per row of the layout.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

AppealsStatisticalReport *appeals_statistical_records_count (AppealsRequest  *request,
                                                             const GDate     *from,
                                                             const GDate     *to,
                                                             const char      *breakdown,
                                                             GError         **error);

G_END_DECLS
