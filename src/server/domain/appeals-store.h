/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-store.h: moving model records in and out of table rows, driven
 * by the same field tables as the JSON mapping, so a column and a JSON
 * member of the same name can never disagree.
 */
#pragma once

#include "appeals-core.h"
#include "appeals-db.h"

G_BEGIN_DECLS

/* The full name of the user whose login is in @login_column (a literal
 * such as "r.created_by", or "%s.created_by" for a format), as a scalar
 * subquery: NULL for a login that is no user. */
#define APPEALS_STORE_USER_NAME(login_column) \
  "(SELECT u.full_name FROM users u WHERE u.login = " login_column ")"

GVariant *appeals_store_values       (const AppealsRecordType *type,
                                      gconstpointer            record,
                                      const char * const      *columns,
                                      GVariant * const        *extra,
                                      guint                    n_extra);
char     *appeals_store_insert_sql   (const char              *table,
                                      const char * const      *columns);
gboolean  appeals_store_update_changes (AppealsDb               *db,
                                        const char              *table,
                                        const AppealsRecordType *type,
                                        const char * const      *columns,
                                        gconstpointer            current,
                                        gconstpointer            edited,
                                        GError                 **error);
gboolean  appeals_store_update_changes_also (AppealsDb               *db,
                                             const char              *table,
                                             const AppealsRecordType *type,
                                             const char * const      *columns,
                                             gconstpointer            current,
                                             gconstpointer            edited,
                                             const char              *also,
                                             GVariant                *also_value,
                                             GError                 **error);
void      appeals_store_add_text_members (JsonBuilder        *builder,
                                          AppealsDbResult    *result,
                                          guint               row,
                                          const char * const *columns);
gboolean  appeals_store_read_row     (const AppealsRecordType *type,
                                      gpointer                 record,
                                      AppealsDbResult         *result,
                                      guint                    row,
                                      GError                 **error);
typedef struct _AppealsStoreColumns AppealsStoreColumns;
AppealsStoreColumns *appeals_store_columns_new (const AppealsRecordType *type,
                                                AppealsDbResult         *result);
gboolean  appeals_store_columns_read (AppealsStoreColumns     *columns,
                                      gpointer                 record,
                                      AppealsDbResult         *result,
                                      guint                    row,
                                      GError                 **error);
void      appeals_store_columns_free (AppealsStoreColumns     *columns);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsStoreColumns, appeals_store_columns_free)
gint64    appeals_store_last_id      (AppealsDb               *db,
                                      const char              *table,
                                      const char              *unique_column,
                                      const char              *unique_value,
                                      GError                 **error);
AppealsDbResult *appeals_store_query_ids (AppealsDb           *db,
                                          const char          *sql,
                                          GVariant            *leading,
                                          GArray              *ids,
                                          GError             **error);

void      appeals_store_append_texts (GPtrArray               *values,
                                      GStringChunk            *texts,
                                      const AppealsRecordType *type,
                                      gconstpointer            record,
                                      const char * const      *columns);
gboolean  appeals_store_load_rows    (AppealsDb               *db,
                                      const char              *table,
                                      const char * const      *columns,
                                      GPtrArray               *values,
                                      GError                 **error);

/* A statement's rows straight as JSON text (appeals-store-json.c). */
typedef enum
{
  APPEALS_STORE_TEXT,
  APPEALS_STORE_INT,
  APPEALS_STORE_BOOLEAN,
  APPEALS_STORE_NUMBER,
  APPEALS_STORE_DOCUMENT,   /* a JSON document the server stored */
} AppealsStoreKind;

typedef struct
{
  const char       *column;
  AppealsStoreKind  kind;
} AppealsStoreMember;

typedef struct _AppealsStoreRowWriter AppealsStoreRowWriter;
AppealsStoreRowWriter *appeals_store_row_writer_new    (AppealsDbResult          *result,
                                                        const AppealsStoreMember *members,
                                                        guint                     n_members);
void                   appeals_store_row_writer_append (AppealsStoreRowWriter    *writer,
                                                        guint                     row,
                                                        GString                  *out);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsStoreRowWriter, g_free)

G_END_DECLS
