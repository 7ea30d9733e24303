/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-attachment-files.h: files kept with receptions and appeals: the
 * upload checked (kind, name, type sniffed from the content) and stored
 * once by its SHA-256, and the download checked against it.
 */
#pragma once

#include "appeals-server.h"
#include "appeals-store.h"

G_BEGIN_DECLS

/* What files go with: a reception or an appeal. */
typedef struct
{
  const char         *table;     /* "attachments", "appeal_attachments" */
  const char         *column;    /* the owner's id: "reception_id", "appeal_id" */
  const char         *entity;    /* of the audit entries */
  const char * const *kinds;     /* the kinds of file it keeps, NULL-terminated */
} AppealsFileOwner;

/* The full name of who added a file of @table (a literal, or "%s"), as
 * a column of the file's row */
#define APPEALS_CREATOR_NAME(table) APPEALS_STORE_USER_NAME (table ".created_by") " AS created_by_name"

typedef struct
{
  const char *kind;
  const char *file_name;
  char       *content_type;   /* bare, lower-cased */
  char       *sha256;
  gint64      size;
} AppealsUpload;

typedef gboolean (*AppealsFileLoader) (AppealsRequest   *request,
                                       AppealsDbResult **row,
                                       GError          **error);

void      appeals_upload_clear               (AppealsUpload          *upload);
gboolean  appeals_attachment_upload          (AppealsRequest         *request,
                                              const AppealsFileOwner *owner,
                                              gint64                  owner_id,
                                              const char             *location_prefix,
                                              GError                **error);
gboolean  appeals_attachment_withdraw        (AppealsRequest         *request,
                                              const AppealsFileOwner *owner,
                                              gint64                  id,
                                              GError                **error);
gboolean  appeals_attachment_serve           (AppealsRequest         *request,
                                              const AppealsFileOwner *owner,
                                              AppealsFileLoader       load,
                                              gboolean                withdraw,
                                              GError                **error);
void      appeals_attachment_respond_file    (AppealsRequest         *request,
                                              AppealsDbResult        *row);
void      appeals_attachment_add_json        (JsonBuilder            *builder,
                                              AppealsDbResult        *rows,
                                              guint                   i,
                                              const char             *owner_column);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AppealsUpload, appeals_upload_clear)

G_END_DECLS
