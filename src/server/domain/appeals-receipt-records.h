/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receipt-records.h: the daily receipt journal as the domain keeps
 * it: a receipt gets the next through number of its journal day, and is
 * read back with the name of the person who received it.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

gboolean   appeals_receipt_records_insert      (AppealsRequest      *request,
                                                AppealsReceipt      *receipt,
                                                GError             **error);
gboolean   appeals_receipt_records_load        (AppealsRequest      *request,
                                                gint64               id,
                                                AppealsReceipt     **receipt,
                                                GError             **error);
/* Which receipts of a journal day a list gives. */
typedef struct
{
  const char *assigned_to;       /* only those handed to this login; NULL: all */
  gint64      number;            /* only this through number; 0: all */
  gboolean    unregistered_only; /* only those no appeal was registered from */
} AppealsReceiptQuery;

GPtrArray *appeals_receipt_records_list_day    (AppealsRequest             *request,
                                                const GDate                *journal_date,
                                                const AppealsReceiptQuery  *query,
                                                guint                      *n_unregistered,
                                                GError                    **error);

/* What one registrar on duty got from a split. */
typedef struct
{
  char      *login;
  char      *full_name;
  GPtrArray *receipts;   /* AppealsReceipt handed over now, in the journal's order */
} AppealsReceiptShare;

void       appeals_receipt_share_free          (AppealsReceiptShare *share);

GPtrArray *appeals_receipt_records_distribute  (AppealsRequest      *request,
                                                const GDate         *journal_date,
                                                GStrv                absent,
                                                GPtrArray           *errors,
                                                GError             **error);

G_END_DECLS
