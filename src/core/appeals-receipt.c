/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receipt.c: the receipt's field table, what a receiver must give,
 * the journal day (a receipt taken on a day off belongs to the next working
 * day) and the talon number built from the day and the through number.
 */
#include "config.h"

#include "appeals-appeal.h"
#include "appeals-core-enums.h"
#include "appeals-error.h"
#include "appeals-iin.h"
#include "appeals-receipt.h"

#define RO APPEALS_FIELD_FLAG_READ_ONLY
#define REQ APPEALS_FIELD_FLAG_REQUIRED
#define PD APPEALS_FIELD_FLAG_PERSONAL

G_DEFINE_FINAL_TYPE (AppealsReceipt, appeals_receipt, G_TYPE_OBJECT)

#define OFF(member) G_STRUCT_OFFSET (AppealsReceipt, member)
static const AppealsFieldSpec receipt_fields[] = {
  { "id",                APPEALS_FIELD_KIND_INT,      RO,       OFF (id), 0, NULL },
  { "journal_date",      APPEALS_FIELD_KIND_DATE,     RO,       OFF (journal_date), 0, NULL },
  { "number",            APPEALS_FIELD_KIND_INT,      RO,       OFF (number), 0, NULL },
  { "talon_number",      APPEALS_FIELD_KIND_STRING,   RO,       OFF (talon_number), 0, NULL },
  { "received_at",       APPEALS_FIELD_KIND_DATETIME, RO,       OFF (received_at), 0, NULL },
  { "channel",           APPEALS_FIELD_KIND_ENUM,     RO,       OFF (channel), 0,
    appeals_receipt_channel_get_type },
  { "applicant_name",    APPEALS_FIELD_KIND_STRING,   REQ | PD, OFF (applicant_name), 300, NULL },
  { "iin",               APPEALS_FIELD_KIND_STRING,   PD,       OFF (iin), 12, NULL },
  { "applicant_id",      APPEALS_FIELD_KIND_INT,      RO,       OFF (applicant_id), 0, NULL },
  { "pages",             APPEALS_FIELD_KIND_INT,      REQ,      OFF (pages), 0, NULL },
  { "attachments",       APPEALS_FIELD_KIND_INT,      APPEALS_FIELD_FLAG_NONE, OFF (attachments), 0, NULL },
  { "language",          APPEALS_FIELD_KIND_ENUM,     REQ,      OFF (language), 0, appeals_language_get_type },
  { "note",              APPEALS_FIELD_KIND_STRING,   APPEALS_FIELD_FLAG_NONE, OFF (note), 1000, NULL },
  { "received_by",       APPEALS_FIELD_KIND_STRING,   RO,       OFF (received_by), 0, NULL },
  { "received_by_name",  APPEALS_FIELD_KIND_STRING,   RO,       OFF (received_by_name), 0, NULL },
  { "term_working_days", APPEALS_FIELD_KIND_INT,      RO,       OFF (term_working_days), 0, NULL },
  { "due_date",          APPEALS_FIELD_KIND_DATE,     RO,       OFF (due_date), 0, NULL },
  { "assigned_to",       APPEALS_FIELD_KIND_STRING,   RO,       OFF (assigned_to), 0, NULL },
  { "assigned_to_name",  APPEALS_FIELD_KIND_STRING,   RO,       OFF (assigned_to_name), 0, NULL },
  { "assigned_at",       APPEALS_FIELD_KIND_DATETIME, RO,       OFF (assigned_at), 0, NULL },
  { "appeal_id",         APPEALS_FIELD_KIND_INT,      RO,       OFF (appeal_id), 0, NULL },
};
#undef OFF

#undef RO
#undef REQ
#undef PD

static const AppealsRecordType receipt_record_type = { receipt_fields, G_N_ELEMENTS (receipt_fields) };

const AppealsRecordType *
appeals_receipt_get_record_type (void)
{
  return &receipt_record_type;
}

static void
appeals_receipt_finalize (GObject *object)
{
  appeals_record_clear (&receipt_record_type, object);
  G_OBJECT_CLASS (appeals_receipt_parent_class)->finalize (object);
}

static void
appeals_receipt_class_init (AppealsReceiptClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_receipt_finalize;
}

static void
appeals_receipt_init (AppealsReceipt *self)
{
  g_date_clear (&self->journal_date, 1);
  g_date_clear (&self->due_date, 1);
}

AppealsReceipt *
appeals_receipt_new (void)
{
  return g_object_new (APPEALS_TYPE_RECEIPT, NULL);
}

/**
 * appeals_receipt_new_from_json:
 *
 * Reads the server's representation.
 */
AppealsReceipt *
appeals_receipt_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(AppealsReceipt) self = appeals_receipt_new ();

  if (!appeals_record_read_trusted (&receipt_record_type, self, node, error))
    return NULL;
  return g_steal_pointer (&self);
}

JsonNode *
appeals_receipt_to_json (AppealsReceipt *self)
{
  return appeals_record_to_json (&receipt_record_type, self);
}

static void
check_count (GPtrArray  *errors,
             const char *field,
             gint64      value,
             gint64      minimum)
{
  if (appeals_field_errors_find (errors, field) == NULL && (value < minimum || value > APPEALS_RECEIPT_MAX_PAGES))
    appeals_field_errors_add (errors, field, APPEALS_FIELD_OUT_OF_RANGE, NULL);
}

/**
 * appeals_receipt_validate:
 *
 * What the field table cannot judge: a name with letters, an IIN with its
 * check digit, at least one page, attachments not negative.
 *
 * Returns: %TRUE when no error was added to @errors.
 */
gboolean
appeals_receipt_validate (AppealsReceipt *self,
                          GPtrArray      *errors)
{
  guint n_errors = errors->len;
  g_autofree char *name = g_strstrip (g_strdup (self->applicant_name != NULL ? self->applicant_name : "-"));

  if (*name == '\0' && appeals_field_errors_find (errors, "applicant_name") == NULL)
    appeals_field_errors_add (errors, "applicant_name", APPEALS_FIELD_REQUIRED, NULL);
  if (self->iin != NULL && *self->iin != '\0' && appeals_field_errors_find (errors, "iin") == NULL &&
      !appeals_iin_validate (self->iin, NULL))
    appeals_field_errors_add (errors, "iin", APPEALS_FIELD_INVALID_IIN, NULL);
  check_count (errors, "pages", self->pages, 1);
  check_count (errors, "attachments", self->attachments, 0);
  return errors->len == n_errors;
}

/**
 * appeals_receipt_journal_day:
 * @journal_date: (out caller-allocates): @received_on when it is a working
 *   day, else the first working day after it
 *
 * An appeal received on a day off is registered on the next working day,
 * so it enters that day's journal.
 */
void
appeals_receipt_journal_day (AppealsCalendar *calendar,
                             const GDate     *received_on,
                             GDate           *journal_date)
{
  if (appeals_calendar_is_working_day (calendar, received_on))
    *journal_date = *received_on;
  else
    appeals_calendar_next_working_day (calendar, received_on, journal_date);
}

/**
 * appeals_receipt_format_talon_number:
 *
 * Returns: (transfer full): "YYYYMMDD-NNNN", unique as the journal day and
 *   its through number are; the barcode carries the same text
 */
char *
appeals_receipt_format_talon_number (const GDate *journal_date,
                                     gint64       number)
{
  return g_strdup_printf ("%04u%02u%02u-%04" G_GINT64_FORMAT, g_date_get_year (journal_date),
                          g_date_get_month (journal_date), g_date_get_day (journal_date), number);
}

/**
 * appeals_receipt_get_display_name:
 *
 * What names the receipt in a list or on a handover sheet: the
 * applicant's name, or — for a Kazpost envelope, whose writer is known
 * only once the registrar opens it — the receiver's note, which names the
 * envelope.
 *
 * Returns: (transfer none): never %NULL
 */
const char *
appeals_receipt_get_display_name (AppealsReceipt *self)
{
  if (self->applicant_name != NULL && *self->applicant_name != '\0')
    return self->applicant_name;
  return self->note != NULL ? self->note : "";
}

/* The note the server writes on an envelope's receipt. */
#define ENVELOPE_NOTE "Kazpost "

/**
 * appeals_receipt_get_envelope_code:
 *
 * A Kazpost envelope not opened yet is named by its barcode, which the
 * server keeps in the receipt's note as "Kazpost <code>": a list or a
 * sheet names it in its own language ("Kazpost envelope <code>").
 *
 * Returns: (transfer none) (nullable): the barcode of an envelope whose
 *   writer is not known yet, or %NULL
 */
const char *
appeals_receipt_get_envelope_code (AppealsReceipt *self)
{
  if (self->channel != APPEALS_RECEIPT_CHANNEL_KAZPOST ||
      (self->applicant_name != NULL && *self->applicant_name != '\0') ||
      !g_str_has_prefix (self->note != NULL ? self->note : "", ENVELOPE_NOTE) ||
      self->note[sizeof ENVELOPE_NOTE - 1] == '\0')
    return NULL;
  return self->note + sizeof ENVELOPE_NOTE - 1;
}

/**
 * appeals_receipt_parse_talon_number:
 * @text: what a talon's barcode gave (or a person typed)
 * @journal_date: (out): the journal day it names
 * @number: (out): the through number it names
 *
 * Reads "YYYYMMDD-NNNN" back, as appeals_receipt_format_talon_number()
 * wrote it: eight digits of a real date, a hyphen, four to nine digits of
 * a number from 1. Nothing else (no spaces, no sign) is a talon number.
 *
 * Returns: %TRUE when @text is a talon number
 */
gboolean
appeals_receipt_parse_talon_number (const char *text,
                                    GDate      *journal_date,
                                    gint64     *number)
{
  guint year, month, day;
  gsize digits;
  gint64 value = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  if (text[8] != '-')
    return FALSE;
  for (digits = 0; g_ascii_isdigit (text[9 + digits]); digits++)
    value = value * 10 + (text[9 + digits] - '0');
  if (text[9 + digits] != '\0' || digits < 4 || digits > 9 || value <= 0)
    return FALSE;
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[4] - '0') * 10 + (text[5] - '0');
  day = (text[6] - '0') * 10 + (text[7] - '0');
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (journal_date, 1);
  g_date_set_dmy (journal_date, day, month, year);
  *number = value;
  return TRUE;
}

void
appeals_receipt_set_talon_number (AppealsReceipt *self)
{
  g_free (self->talon_number);
  self->talon_number = g_date_valid (&self->journal_date) && self->number > 0
                       ? appeals_receipt_format_talon_number (&self->journal_date, self->number)
                       : NULL;
}

/**
 * appeals_receipt_split_evenly:
 * @n_receipts: how many receipts to hand over, in the journal's order
 * @loads: (inout) (array length=n_registrars): how many receipts of the
 *   day each registrar on duty already has; raised by what they get
 * @assignees: (out caller-allocates) (array length=n_receipts): the
 *   registrar (an index into @loads) of each receipt
 *
 * Each receipt goes to the registrar with the fewest, the first of them on
 * a tie: the day's counts end even to within one whenever the counts
 * before allowed it, and never further apart than they were.
 */
void
appeals_receipt_split_evenly (guint  n_receipts,
                              guint *loads,
                              guint  n_registrars,
                              guint *assignees)
{
  g_return_if_fail (n_registrars > 0 || n_receipts == 0);

  for (guint r = 0; r < n_receipts; r++)
    {
      guint fewest = 0;

      for (guint i = 1; i < n_registrars; i++)
        if (loads[i] < loads[fewest])
          fewest = i;
      assignees[r] = fewest;
      loads[fewest]++;
    }
}
