/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-record.h: the JSON mapping of the domain model, described once as
 * a table of fields per type.
 *
 * Each model type (applicant, appeal, user, …) keeps its fields in a plain
 * instance struct and lists them in an AppealsFieldSpec table. From that one
 * table come the wire format, the validation of input (types, lengths,
 * required, read-only and immutable members, unknown members) with stable
 * field-error codes, merge patches, and the per-field differences that the
 * audit trail and the merge dialog show. Client and server share it, so they
 * cannot disagree about a field.
 *
 * Enumerations: the value 0 of every model enum means "unset" and is written
 * as null; other values travel as their nick with '-' spelt '_'.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  APPEALS_FIELD_KIND_STRING,
  APPEALS_FIELD_KIND_INT,
  APPEALS_FIELD_KIND_BOOLEAN,
  APPEALS_FIELD_KIND_DATE,      /* GDate, "YYYY-MM-DD" */
  APPEALS_FIELD_KIND_DATETIME,  /* GDateTime *, ISO 8601 with offset */
  APPEALS_FIELD_KIND_ENUM,      /* int holding an enum value */
} AppealsFieldKind;

typedef enum
{
  APPEALS_FIELD_FLAG_NONE      = 0,
  APPEALS_FIELD_FLAG_REQUIRED  = 1 << 0,  /* must be given when creating */
  APPEALS_FIELD_FLAG_READ_ONLY = 1 << 1,  /* set by the server; ignored in input */
  APPEALS_FIELD_FLAG_IMMUTABLE = 1 << 2,  /* given when creating, never changed */
  APPEALS_FIELD_FLAG_PERSONAL  = 1 << 3,  /* personal data: reads are logged */
  APPEALS_FIELD_FLAG_CARD_ONLY = 1 << 4,  /* the card's alone, not a list's row */
} AppealsFieldFlags;

typedef struct
{
  const char        *name;        /* JSON member */
  AppealsFieldKind   kind;
  AppealsFieldFlags  flags;
  gsize              offset;      /* in the instance struct */
  guint              max_length;  /* characters, for strings; 0 = no limit */
  GType            (*enum_type) (void);
} AppealsFieldSpec;

typedef struct
{
  const AppealsFieldSpec *fields;
  guint                   n_fields;
} AppealsRecordType;

typedef enum
{
  APPEALS_RECORD_CREATE,   /* user input for a new object */
  APPEALS_RECORD_UPDATE,   /* a JSON merge patch of user input */
  APPEALS_RECORD_CORRECTION, /* an administrator's merge patch: immutable fields may change */
  APPEALS_RECORD_TRUSTED,  /* a representation from the server or storage */
} AppealsRecordMode;

const AppealsFieldSpec *appeals_record_type_find_field (const AppealsRecordType *type,
                                                        const char              *name);

void      appeals_record_write_members (const AppealsRecordType *type,
                                        gconstpointer            record,
                                        JsonBuilder             *builder);
JsonNode *appeals_record_to_json       (const AppealsRecordType *type,
                                        gconstpointer            record);
gboolean  appeals_record_read_members  (const AppealsRecordType *type,
                                        gpointer                 record,
                                        JsonObject              *object,
                                        AppealsRecordMode        mode,
                                        GPtrArray               *errors);
gboolean  appeals_record_read_trusted  (const AppealsRecordType *type,
                                        gpointer                 record,
                                        JsonNode                *node,
                                        GError                 **error);
void      appeals_record_clear         (const AppealsRecordType *type,
                                        gpointer                 record);
void      appeals_record_copy_fields   (const AppealsRecordType *type,
                                        gpointer                 destination,
                                        gconstpointer            source);

void      appeals_record_copy_field    (const AppealsFieldSpec  *field,
                                        gpointer                 destination,
                                        gconstpointer            source);
void      appeals_record_clear_field   (const AppealsFieldSpec  *field,
                                        gpointer                 record);
gboolean  appeals_record_field_is_set  (const AppealsFieldSpec  *field,
                                        gconstpointer            record);
gboolean  appeals_record_field_equal   (const AppealsFieldSpec  *field,
                                        gconstpointer            a,
                                        gconstpointer            b);
JsonNode *appeals_record_field_to_json (const AppealsFieldSpec  *field,
                                        gconstpointer            record);
GPtrArray *appeals_record_diff         (const AppealsRecordType *type,
                                        gconstpointer            before,
                                        gconstpointer            after);

/* Text forms without a JsonNode between (appeals-record-text.c): a stored
 * row's columns into a record, a record into JSON text. */
gboolean  appeals_record_field_read_text (const AppealsFieldSpec  *field,
                                          gpointer                 record,
                                          const char              *text,
                                          GError                 **error);
char     *appeals_record_field_to_text   (const AppealsFieldSpec  *field,
                                          gconstpointer            record);
void      appeals_record_append_json     (const AppealsRecordType *type,
                                          gconstpointer            record,
                                          GString                 *out);
void      appeals_record_append_row_json (const AppealsRecordType *type,
                                          gconstpointer            record,
                                          GString                 *out);
gboolean  appeals_record_field_append_json (const AppealsFieldSpec *field,
                                            gconstpointer          record,
                                            GString               *out);
void      appeals_json_append_string     (GString                 *out,
                                          const char              *text);
void      appeals_json_append_int        (GString                 *out,
                                          gint64                   value);
void      appeals_json_append_member_name (GString                *out,
                                           guint                   index,
                                           const char             *name);

const char *appeals_enum_to_wire       (GType                    enum_type,
                                        int                      value);
gboolean    appeals_enum_from_wire     (GType                    enum_type,
                                        const char              *wire,
                                        int                     *value);

G_END_DECLS
