/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-file-service.c: an appeal's files and the reads of an
 * applicant's personal data.
 *
 *   GET    appeals/{id}/attachments
 *   POST   appeals/{id}/attachments?kind=&file_name=     the body is the file
 *   GET    appeals/{id}/attachments/{file}                the file itself
 *   DELETE appeals/{id}/attachments/{file}
 *   GET    applicants/{id}/reads                         the administrator's
 *
 * Signal "files-changed" (the appeal's id) after an upload or a removal.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-file-service.h"
#include "appeals-service-call.h"

struct _AppealsFileService
{
  GObject           parent_instance;

  AppealsApiClient *client;
};

G_DEFINE_FINAL_TYPE (AppealsFileService, appeals_file_service, G_TYPE_OBJECT)

enum {
  FILES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
appeals_file_service_finalize (GObject *object)
{
  AppealsFileService *self = (AppealsFileService *)object;

  g_clear_object (&self->client);

  G_OBJECT_CLASS (appeals_file_service_parent_class)->finalize (object);
}

static void
appeals_file_service_class_init (AppealsFileServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_file_service_finalize;

  /**
   * AppealsFileService::files-changed:
   * @appeal_id: the appeal whose files changed
   */
  signals[FILES_CHANGED] = g_signal_new ("files-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
appeals_file_service_init (AppealsFileService *self)
{
}

AppealsFileService *
appeals_file_service_new (AppealsApiClient *client)
{
  AppealsFileService *self = g_object_new (APPEALS_TYPE_FILE_SERVICE, NULL);

  self->client = g_object_ref (client);
  return self;
}

static GString *
files_path (gint64 appeal_id)
{
  GString *path = appeals_api_path_new ("appeals", NULL);

  appeals_api_path_add_id (path, appeal_id);
  g_string_append (path, "/attachments");
  return path;
}

/**
 * appeals_file_service_list_async:
 *
 * The appeal's files, oldest first.
 */
void
appeals_file_service_list_async (AppealsFileService  *self,
                                 gint64               appeal_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GString) path = files_path (appeal_id);

  appeals_service_list_async (self->client, self, appeals_file_service_list_async, path->str,
                              (AppealsServiceItemReader) appeals_attachment_new_from_json,
                              cancellable, callback, user_data);
}

/**
 * appeals_file_service_list_finish:
 *
 * Returns: (transfer container) (element-type AppealsAttachment):
 */
GPtrArray *
appeals_file_service_list_finish (AppealsFileService  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  return appeals_service_call_finish (self, result, appeals_file_service_list_async, NULL, error);
}

/* The file the server kept; @data is the service, which says the
 * appeal's files changed. */
static gpointer
read_uploaded (JsonNode  *node,
               gpointer   data,
               GError   **error)
{
  AppealsAttachment *attachment = appeals_attachment_new_from_json (node, error);

  if (attachment != NULL)
    g_signal_emit (data, signals[FILES_CHANGED], 0, attachment->appeal_id);
  return attachment;
}

/**
 * appeals_file_service_upload_async:
 * @kind: "appeal_scan", "answer_document" or "other"
 * @content_type: (nullable): the file's MIME type; the server checks the
 *   content against it
 *
 * Attaches a file to the appeal (sent once even when retried).
 */
void
appeals_file_service_upload_async (AppealsFileService  *self,
                                   gint64               appeal_id,
                                   const char          *kind,
                                   const char          *file_name,
                                   const char          *content_type,
                                   GBytes              *content,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GString) path = files_path (appeal_id);

  appeals_api_path_add_query (path, "kind", kind);
  appeals_api_path_add_query (path, "file_name", file_name);
  appeals_service_upload_async (self->client, self, appeals_file_service_upload_async, path->str,
                                content_type != NULL ? content_type : "application/octet-stream", content,
                                read_uploaded, self, NULL, g_object_unref, cancellable, callback, user_data);
}

/**
 * appeals_file_service_upload_finish:
 *
 * Returns: (transfer full): the file as the server keeps it
 */
AppealsAttachment *
appeals_file_service_upload_finish (AppealsFileService  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  return appeals_service_call_finish (self, result, appeals_file_service_upload_async, NULL, error);
}

/**
 * appeals_file_service_download_async:
 *
 * The content of a file of the appeal, as it was attached (the server
 * checks it against its SHA-256 before sending it).
 */
void
appeals_file_service_download_async (AppealsFileService  *self,
                                     gint64               appeal_id,
                                     gint64               file_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GString) path = files_path (appeal_id);

  appeals_api_path_add_id (path, file_id);
  appeals_service_download_async (self->client, self, appeals_file_service_download_async, path->str, cancellable,
                                  callback, user_data);
}

/**
 * appeals_file_service_download_finish:
 *
 * Returns: (transfer full): the file's content
 */
GBytes *
appeals_file_service_download_finish (AppealsFileService  *self,
                                      GAsyncResult        *result,
                                      GError             **error)
{
  return appeals_service_call_finish (self, result, appeals_file_service_download_async, NULL, error);
}

typedef struct
{
  AppealsFileService *self;
  gint64              appeal_id;
} Removal;

/* The removal is done: the appeal's files changed. */
static gpointer
read_removal (JsonNode  *node,
              gpointer   data,
              GError   **error)
{
  Removal *removal = data;

  g_signal_emit (removal->self, signals[FILES_CHANGED], 0, removal->appeal_id);
  return GINT_TO_POINTER (TRUE);
}

/**
 * appeals_file_service_remove_async:
 *
 * Withdraws a file of the appeal; the audit trail keeps what it was.
 */
void
appeals_file_service_remove_async (AppealsFileService  *self,
                                   gint64               appeal_id,
                                   gint64               file_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GString) path = files_path (appeal_id);
  Removal *removal = g_new0 (Removal, 1);

  removal->self = self;
  removal->appeal_id = appeal_id;
  appeals_api_path_add_id (path, file_id);
  appeals_service_call_async (self->client, self, appeals_file_service_remove_async, "DELETE", path->str, NULL, NULL,
                              NULL, read_removal, removal, g_free, NULL, cancellable, callback, user_data);
}

gboolean
appeals_file_service_remove_finish (AppealsFileService  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  return appeals_service_call_finish (self, result, appeals_file_service_remove_async, NULL, error) != NULL;
}

/**
 * appeals_file_service_list_reads_async:
 *
 * Who read the applicant's base card and the cards of their appeals,
 * newest first (an administrator's question).
 */
void
appeals_file_service_list_reads_async (AppealsFileService  *self,
                                       gint64               applicant_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("applicants", NULL);

  appeals_api_path_add_id (path, applicant_id);
  g_string_append (path, "/reads");
  appeals_service_list_async (self->client, self, appeals_file_service_list_reads_async, path->str,
                              (AppealsServiceItemReader) appeals_data_read_new_from_json,
                              cancellable, callback, user_data);
}

/**
 * appeals_file_service_list_reads_finish:
 *
 * Returns: (transfer container) (element-type AppealsDataRead):
 */
GPtrArray *
appeals_file_service_list_reads_finish (AppealsFileService  *self,
                                        GAsyncResult        *result,
                                        GError             **error)
{
  return appeals_service_call_finish (self, result, appeals_file_service_list_reads_async, NULL, error);
}
