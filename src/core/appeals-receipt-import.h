/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-receipt-import.h: a file exported from an electronic channel
 * (e-gov / eOtinish, the President's Virtual reception) read into rows of
 * the intake journal. The layouts, JSON and CSV, are documented in the
 * README ("Importing electronic appeals") and in data/api/openapi.json.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  APPEALS_IMPORT_ROW_NEW,               /* valid, not imported yet */
  APPEALS_IMPORT_ROW_INVALID,           /* see its errors; blocks the import */
  APPEALS_IMPORT_ROW_ALREADY_IMPORTED,  /* its channel and number are in a journal: skipped */
  APPEALS_IMPORT_ROW_IMPORTED,          /* entered into the journal now */
} AppealsImportRowStatus;

/* The most rows one file may hold, and the longest field of one. */
#define APPEALS_IMPORT_MAX_ROWS 1000
#define APPEALS_IMPORT_MAX_TEXT 20000
#define APPEALS_IMPORT_MAX_ATTACHMENTS 50

typedef struct
{
  guint      row;               /* 1-based, in the file's order */
  char      *external_number;   /* the channel's own number */
  char      *date;              /* YYYY-MM-DD, when the channel received it */
  char      *channel;           /* egov, eotinish, virtual-reception */
  char      *iin;
  char      *applicant_name;
  char      *address;
  char      *text;
  GStrv      attachments;       /* file names */
  char      *language;          /* kk or ru: given, or guessed from the text */
  int        status;            /* AppealsImportRowStatus */
  GPtrArray *errors;            /* AppealsFieldError */
  char      *talon_number;      /* the receipt's, once imported (or the earlier one) */
} AppealsImportRow;

AppealsImportRow *appeals_import_row_new           (void);
void              appeals_import_row_free          (AppealsImportRow  *row);
JsonNode         *appeals_import_row_to_json       (const AppealsImportRow *row);
AppealsImportRow *appeals_import_row_new_from_json (JsonNode          *node,
                                                    GError           **error);
int               appeals_import_channel_from_name (const char        *name);

GPtrArray        *appeals_import_parse             (const char        *format,
                                                    const char        *content,
                                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsImportRow, appeals_import_row_free)

G_END_DECLS
