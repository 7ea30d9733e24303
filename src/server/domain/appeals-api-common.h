/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-api-common.h: the request and answer helpers that the HTTP
 * handlers (appeals-api-*.c) share. A handler includes this, the domain
 * modules it calls (appeals-scope.h, appeals-*-records.h) and
 * appeals-api-routes.h for its own register function; never another
 * handler.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

JsonObject *appeals_api_require_object    (AppealsRequest          *request);
JsonObject *appeals_api_optional_object   (AppealsRequest          *request);
const char *appeals_api_member_string     (JsonObject              *object,
                                           const char              *member,
                                           const char              *field,
                                           GPtrArray               *errors);
gint64      appeals_api_member_int        (JsonObject              *object,
                                           const char              *member,
                                           gint64                   default_value,
                                           const char              *field,
                                           GPtrArray               *errors);
void        appeals_api_respond_items     (AppealsRequest          *request,
                                           JsonNode                *items);
GString    *appeals_api_list_text_new     (gsize                    reserve);
void        appeals_api_respond_list_text (AppealsRequest          *request,
                                           GString                 *text,
                                           gboolean                 paged,
                                           const char              *next_cursor,
                                           gint64                   total);
typedef JsonNode *(*AppealsApiObjectWriter) (gpointer object);
JsonNode   *appeals_api_objects_to_json   (GPtrArray               *objects,
                                           AppealsApiObjectWriter   to_json);
void        appeals_api_respond_object    (AppealsRequest          *request,
                                           guint                    status,
                                           AppealsApiObjectWriter   to_json,
                                           gpointer                 object);
gboolean    appeals_api_respond_invalid   (AppealsRequest          *request,
                                           GPtrArray               *errors);
gboolean    appeals_api_read_path_id      (AppealsRequest          *request,
                                           gint64                  *id);
void        appeals_api_respond_not_found (AppealsRequest          *request);
gboolean    appeals_api_respond_history   (AppealsRequest          *request,
                                           const char              *kind,
                                           gint64                   id,
                                           GError                 **error);
void        appeals_api_check_code        (AppealsRequest          *request,
                                           GPtrArray               *errors,
                                           const char              *field,
                                           const char              *classifier,
                                           const char              *code);
gboolean    appeals_api_check_if_match    (AppealsRequest          *request,
                                           gint64                   id,
                                           gint64                   version,
                                           const AppealsRecordType *type,
                                           gconstpointer            current);
void        appeals_api_clear_mutable     (const AppealsRecordType *type,
                                           gpointer                 record);
void        appeals_api_check_required    (const AppealsRecordType *type,
                                           gconstpointer            record,
                                           GPtrArray               *errors);
void        appeals_api_respond_page      (AppealsRequest          *request,
                                           JsonNode                *items,
                                           const char              *next_cursor,
                                           gint64                   total);
gboolean    appeals_api_parse_bool        (const char              *text,
                                           gboolean                *value);
void        appeals_api_add_clause        (GString                 *where,
                                           GPtrArray               *values,
                                           const char              *clause,
                                           GVariant                *value);
char       *appeals_api_encode_cursor     (const char              *key,
                                           gint64                   id);
gboolean    appeals_api_decode_cursor     (const char              *cursor,
                                           char                   **key,
                                           gint64                  *id);
guint       appeals_api_read_limit        (AppealsRequest          *request,
                                           guint                    default_limit,
                                           GPtrArray               *errors);
gboolean    appeals_api_read_query_date   (AppealsRequest          *request,
                                           const char              *name,
                                           gboolean                 required,
                                           GDate                   *date,
                                           GPtrArray               *errors);
void        appeals_api_check_date_order  (const GDate             *from,
                                           const GDate             *to,
                                           const char              *to_name,
                                           GPtrArray               *errors);

G_END_DECLS
