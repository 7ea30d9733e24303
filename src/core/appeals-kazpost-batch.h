/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-kazpost-batch.h: a batch of envelopes that a Kazpost courier
 * brings with a list. The receiver enters the list's barcodes, then scans
 * the envelopes; each code of the batch is then matched (on the list and
 * here), missing (on the list, not here), not on the list (here, not on
 * the list) or addressed to someone else (here, goes back on the return
 * list). Closing the batch enters every envelope received into the day's
 * receipt journal.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-record.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_KAZPOST_BATCH_STATE_UNSET,
  APPEALS_KAZPOST_BATCH_STATE_OPEN,
  APPEALS_KAZPOST_BATCH_STATE_CLOSED,
} AppealsKazpostBatchState;

typedef enum
{
  APPEALS_KAZPOST_ITEM_UNSET,
  APPEALS_KAZPOST_ITEM_MATCHED,
  APPEALS_KAZPOST_ITEM_MISSING,
  APPEALS_KAZPOST_ITEM_NOT_ON_LIST,
  APPEALS_KAZPOST_ITEM_WRONG_ADDRESSEE,
} AppealsKazpostItemState;

#define APPEALS_KAZPOST_N_ITEM_STATES (APPEALS_KAZPOST_ITEM_WRONG_ADDRESSEE + 1)

/* One barcode of a batch: of the list, of an envelope, or both. */
typedef struct
{
  char      *code;           /* the S10 identifier */
  int        state;          /* AppealsKazpostItemState */
  gboolean   on_list;
  GDateTime *scanned_at;     /* NULL: not scanned */
  gint64     receipt_id;     /* 0: not in the journal (yet) */
  char      *talon_number;   /* the receipt's, once the batch is closed */
} AppealsKazpostItem;

#define APPEALS_TYPE_KAZPOST_BATCH (appeals_kazpost_batch_get_type ())
G_DECLARE_FINAL_TYPE (AppealsKazpostBatch, appeals_kazpost_batch, APPEALS, KAZPOST_BATCH, GObject)

struct _AppealsKazpostBatch
{
  GObject     parent_instance;

  gint64      id;
  int         state;           /* AppealsKazpostBatchState */
  char       *courier;         /* the courier's name as the receiver wrote it */
  GDateTime  *opened_at;
  char       *opened_by;       /* login */
  char       *opened_by_name;
  GDateTime  *closed_at;
  char       *closed_by_name;
  GDate       journal_date;    /* where the envelopes went, once closed */
  gint64      counts[APPEALS_KAZPOST_N_ITEM_STATES]; /* by AppealsKazpostItemState */
  GPtrArray  *items;           /* AppealsKazpostItem: the list's order, then the scans' */
};

const AppealsRecordType *appeals_kazpost_batch_get_record_type (void);

AppealsKazpostItemState appeals_kazpost_item_state_for (gboolean on_list,
                                                        gboolean scanned,
                                                        gboolean wrong_addressee);
void                 appeals_kazpost_item_free          (AppealsKazpostItem   *item);

AppealsKazpostBatch *appeals_kazpost_batch_new          (void);
AppealsKazpostItem  *appeals_kazpost_batch_add_item     (AppealsKazpostBatch  *self,
                                                         const char           *code,
                                                         gboolean              on_list,
                                                         GDateTime            *scanned_at,
                                                         gboolean              wrong_addressee);
AppealsKazpostItem  *appeals_kazpost_batch_find         (AppealsKazpostBatch  *self,
                                                         const char           *code);
guint                appeals_kazpost_batch_count        (AppealsKazpostBatch  *self,
                                                         AppealsKazpostItemState state);
gboolean             appeals_kazpost_batch_is_open      (AppealsKazpostBatch  *self);
AppealsKazpostBatch *appeals_kazpost_batch_new_from_json (JsonNode            *node,
                                                         GError              **error);
JsonNode            *appeals_kazpost_batch_to_json      (AppealsKazpostBatch  *self);

G_END_DECLS
