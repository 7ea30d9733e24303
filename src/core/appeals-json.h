/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-json.h: strict reading of JSON documents.
 *
 * json-glib 1.6 has no strict mode, so every member is read through these
 * helpers, which check its type and range and, on failure, set an
 * APPEALS_ERROR_PARSE error naming the file and the field ("holidays[3].month")
 * so an administrator can find the mistake in a data file.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode   *appeals_json_load_file          (const char   *path,
                                             GError      **error);
/* A rule document's parser: @origin names where the document came from
 * (a file, the server) in its error messages. */
typedef gpointer (*AppealsJsonDocumentParser) (JsonNode     *root,
                                               const char   *origin,
                                               GError      **error);
gpointer    appeals_json_parse_file         (const char                 *path,
                                             AppealsJsonDocumentParser   parse,
                                             GError                    **error);
gpointer    appeals_json_parse_data_file    (const char                 *relative_path,
                                             AppealsJsonDocumentParser   parse,
                                             GError                    **error);
JsonObject *appeals_json_load_object_file   (const char   *path,
                                             JsonNode    **root_out,
                                             GError      **error);

JsonObject *appeals_json_node_get_root_object (JsonNode *node,
                                             const char   *origin,
                                             GError      **error);

void        appeals_json_set_field_error    (GError      **error,
                                             const char   *file,
                                             const char   *field,
                                             const char   *reason);

char       *appeals_json_field_path         (const char   *parent,
                                             const char   *member);
char       *appeals_json_index_path         (const char   *parent,
                                             guint         index);

gboolean    appeals_json_read_int           (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             gint64        min,
                                             gint64        max,
                                             gint64       *value,
                                             const char   *file,
                                             const char   *parent,
                                             GError      **error);
gboolean    appeals_json_read_number        (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             double        min,
                                             double        max,
                                             double       *value,
                                             const char   *file,
                                             const char   *parent,
                                             GError      **error);
gboolean    appeals_json_read_boolean       (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             gboolean     *value,
                                             const char   *file,
                                             const char   *parent,
                                             GError      **error);
gboolean    appeals_json_read_string        (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             const char  **value,
                                             const char   *file,
                                             const char   *parent,
                                             GError      **error);
gboolean    appeals_json_read_date          (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             GDate        *value,
                                             const char   *file,
                                             const char   *parent,
                                             GError      **error);
gboolean    appeals_json_read_array         (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             JsonArray   **value,
                                             const char   *file,
                                             const char   *parent,
                                             GError      **error);
gboolean    appeals_json_read_object        (JsonObject   *object,
                                             const char   *member,
                                             gboolean      required,
                                             JsonObject  **value,
                                             const char   *file,
                                             const char   *parent,
                                             GError      **error);
JsonObject *appeals_json_array_get_object   (JsonArray    *array,
                                             guint         index,
                                             const char   *file,
                                             const char   *parent,
                                             GError      **error);

/* A name in the three languages of the data files. */
typedef struct
{
  char *en;
  char *kk;
  char *ru;
} AppealsNames;

gboolean    appeals_json_read_names         (JsonObject   *object,
                                             AppealsNames *names,
                                             const char   *file,
                                             const char   *parent,
                                             GError      **error);
void        appeals_names_clear             (AppealsNames *names);
const char *appeals_names_get               (const AppealsNames *names,
                                             const char   *language);

gboolean    appeals_date_set_checked        (GDate        *date,
                                             guint         day,
                                             guint         month,
                                             guint         year);
gboolean    appeals_date_parse_iso          (const char   *text,
                                             GDate        *date);
char       *appeals_date_format_iso         (const GDate  *date);
void        appeals_json_add_date           (JsonBuilder  *builder,
                                             const char   *name,
                                             const GDate  *date);
void        appeals_json_add_int            (JsonBuilder  *builder,
                                             const char   *name,
                                             gint64        value);
void        appeals_json_add_string_or_null (JsonBuilder  *builder,
                                             const char   *name,
                                             const char   *value);
void        appeals_json_add_kk_ru          (JsonBuilder  *builder,
                                             const char   *name,
                                             const char   *kk,
                                             const char   *ru);

G_END_DECLS
