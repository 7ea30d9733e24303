/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-record-private.h: one field's value being read, shared by the
 * JSON reader (appeals-record.c) and the text reader of stored rows
 * (appeals-record-text.c).
 */
#pragma once

#include "appeals-record.h"

G_BEGIN_DECLS

#define APPEALS_RECORD_FIELD_PTR(record, field) ((gpointer) ((guint8 *) (record) + (field)->offset))
#define APPEALS_RECORD_FIELD_CPTR(record, field) ((gconstpointer) ((const guint8 *) (record) + (field)->offset))

typedef struct
{
  gboolean    is_null;
  char       *string;
  gint64      integer;
  gboolean    boolean;
  GDate       date;
  GDateTime  *datetime;
  int         enum_value;
} AppealsFieldValue;

void        appeals_field_value_clear   (AppealsFieldValue      *value);
const char *appeals_record_parse_string (const AppealsFieldSpec *field,
                                         const char             *text,
                                         AppealsFieldValue      *value,
                                         char                  **detail);
void        appeals_record_store_value  (const AppealsFieldSpec *field,
                                         gpointer                record,
                                         AppealsFieldValue      *value);
void        appeals_record_set_parse_error (GError             **error,
                                            const char          *field,
                                            const char          *code);

G_END_DECLS
