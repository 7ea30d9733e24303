/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receipt.h: a receipt of the intake desk — a paper appeal taken
 * at the front desk (or an envelope, or an imported electronic appeal)
 * entered into the daily receipt journal with its through number, before
 * a registrar types the full card. The talon given to the visitor names
 * the receipt by its talon number, also printed as a barcode.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-calendar.h"
#include "appeals-record.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_RECEIPT_CHANNEL_UNSET,
  APPEALS_RECEIPT_CHANNEL_HAND,
  APPEALS_RECEIPT_CHANNEL_KAZPOST,
  APPEALS_RECEIPT_CHANNEL_EGOV,
  APPEALS_RECEIPT_CHANNEL_EOTINISH,
  APPEALS_RECEIPT_CHANNEL_VIRTUAL_RECEPTION,
} AppealsReceiptChannel;

/* The most pages or attachments one receipt may count. */
#define APPEALS_RECEIPT_MAX_PAGES 9999

#define APPEALS_TYPE_RECEIPT (appeals_receipt_get_type ())
G_DECLARE_FINAL_TYPE (AppealsReceipt, appeals_receipt, APPEALS, RECEIPT, GObject)

struct _AppealsReceipt
{
  GObject     parent_instance;

  gint64      id;
  GDate       journal_date;      /* the journal's day: a working day */
  gint64      number;            /* through number within journal_date, from 1 */
  char       *talon_number;      /* "YYYYMMDD-NNNN": journal day and number */
  GDateTime  *received_at;
  int         channel;           /* AppealsReceiptChannel */
  char       *applicant_name;
  char       *iin;
  gint64      applicant_id;      /* 0: no card with that IIN */
  gint64      pages;
  gint64      attachments;
  int         language;          /* AppealsLanguage: the talon's language */
  char       *note;
  char       *received_by;       /* login */
  char       *received_by_name;  /* full name, printed on the talon */
  gint64      term_working_days; /* the legal term of consideration */
  GDate       due_date;          /* journal_date plus the term */
  char       *assigned_to;       /* the registrar's login; NULL: not handed over yet */
  char       *assigned_to_name;
  GDateTime  *assigned_at;
  gint64      appeal_id;         /* 0: not registered yet */
};

const AppealsRecordType *appeals_receipt_get_record_type (void);

AppealsReceipt *appeals_receipt_new            (void);
AppealsReceipt *appeals_receipt_new_from_json  (JsonNode          *node,
                                                GError           **error);
JsonNode       *appeals_receipt_to_json        (AppealsReceipt    *self);
gboolean        appeals_receipt_validate       (AppealsReceipt    *self,
                                                GPtrArray         *errors);
void            appeals_receipt_journal_day    (AppealsCalendar   *calendar,
                                                const GDate       *received_on,
                                                GDate             *journal_date);
char           *appeals_receipt_format_talon_number (const GDate  *journal_date,
                                                     gint64        number);
const char     *appeals_receipt_get_display_name (AppealsReceipt *self);
const char     *appeals_receipt_get_envelope_code (AppealsReceipt *self);
gboolean        appeals_receipt_parse_talon_number (const char    *text,
                                                    GDate         *journal_date,
                                                    gint64        *number);
void            appeals_receipt_set_talon_number (AppealsReceipt  *self);
void            appeals_receipt_split_evenly   (guint              n_receipts,
                                                guint             *loads,
                                                guint              n_registrars,
                                                guint             *assignees);

G_END_DECLS
