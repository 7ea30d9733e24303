/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-generate.h: a region's worth of appeals for an empty database
 * (appeals-server --database … generate --appeals N), to measure with.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

typedef struct
{
  guint   n_appeals;
  guint32 seed;
  guint   years;        /* how far back the appeals go, ending today */
} AppealsGenerateOptions;

gboolean appeals_generate (AppealsServer                 *server,
                           AppealsDb                     *db,
                           const AppealsGenerateOptions  *options,
                           GError                       **error);

G_END_DECLS
