/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-kazpost-records.h: Kazpost batches as the domain keeps them —
 * each list code and each scan stored at once, and the closing that
 * enters the envelopes received into the day's receipt journal.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_KAZPOST_STORED,
  APPEALS_KAZPOST_DUPLICATE,     /* the code is already there */
  APPEALS_KAZPOST_NOT_SCANNED,   /* no envelope with the code was scanned */
} AppealsKazpostOutcome;

gboolean   appeals_kazpost_records_open      (AppealsRequest        *request,
                                              const char            *courier,
                                              gint64                *id,
                                              GError               **error);
gboolean   appeals_kazpost_records_load      (AppealsRequest        *request,
                                              gint64                 id,
                                              AppealsKazpostBatch  **batch,
                                              GError               **error);
GPtrArray *appeals_kazpost_records_list      (AppealsRequest        *request,
                                              AppealsKazpostBatchState state,
                                              GError               **error);
gboolean   appeals_kazpost_records_hold_open (AppealsRequest        *request,
                                              gint64                 id,
                                              gboolean              *open,
                                              GError               **error);
gboolean   appeals_kazpost_records_add_list_code (AppealsRequest    *request,
                                              AppealsKazpostBatch   *batch,
                                              const char            *code,
                                              AppealsKazpostOutcome *outcome,
                                              GError               **error);
gboolean   appeals_kazpost_records_scan      (AppealsRequest        *request,
                                              AppealsKazpostBatch   *batch,
                                              const char            *code,
                                              AppealsKazpostOutcome *outcome,
                                              GError               **error);
gboolean   appeals_kazpost_records_return    (AppealsRequest        *request,
                                              AppealsKazpostBatch   *batch,
                                              const char            *code,
                                              AppealsKazpostOutcome *outcome,
                                              GError               **error);
gboolean   appeals_kazpost_records_close     (AppealsRequest        *request,
                                              AppealsKazpostBatch   *batch,
                                              GError               **error);

G_END_DECLS
