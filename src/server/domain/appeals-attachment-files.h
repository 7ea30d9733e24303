/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-attachment-files.h: files kept with receptions and appeals: the
 * upload checked (kind, name, type sniffed from the content) and stored
 * once by its SHA-256, and the download checked against it.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

typedef struct
{
  const char *kind;
  const char *file_name;
  char       *content_type;   /* bare, lower-cased */
  char       *sha256;
  gint64      size;
} AppealsUpload;

gboolean  appeals_attachment_accept_upload   (AppealsRequest     *request,
                                              const char * const *kinds,
                                              AppealsUpload      *upload,
                                              gboolean           *accepted,
                                              GError            **error);
void      appeals_upload_clear               (AppealsUpload      *upload);
void      appeals_attachment_respond_file    (AppealsRequest     *request,
                                              AppealsDbResult    *row);
void      appeals_attachment_add_json        (JsonBuilder        *builder,
                                              AppealsDbResult    *rows,
                                              guint               i,
                                              const char         *owner_column);
void      appeals_attachment_respond_created (AppealsRequest     *request,
                                              AppealsDbResult    *row,
                                              const char         *owner_column,
                                              const char         *location_prefix);
JsonObject *appeals_attachment_snapshot      (AppealsDb          *db,
                                              const char         *table,
                                              gint64              id,
                                              GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AppealsUpload, appeals_upload_clear)

G_END_DECLS
