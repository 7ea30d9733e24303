/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-review-page-pack.c: the review page's way to the materials of
 * the reception shown — its reception window, where the files are opened
 * and attached — and its PDF pack: in the language the leadership
 * chooses (Kazakh or Russian, whatever the interface speaks), saved where
 * the save dialog says, after every attachment was fetched.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-file-chooser.h"
#include "appeals-reception-pack.h"
#include "appeals-reception-window.h"
#include "appeals-review-page-private.h"
#include "appeals-print.h"

typedef struct
{
  AppealsReviewPage    *self;
  AppealsReceptionPack *pack;
  GPtrArray            *attachments;  /* AppealsAttachment */
  guint                 next;
  char                 *export_path;
} PackJob;

static void
pack_job_free (PackJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->pack);
  g_clear_pointer (&job->attachments, g_ptr_array_unref);
  g_free (job->export_path);
  g_free (job);
}

static void fetch_next_attachment (PackJob *job);

static void
run_pack (PackJob *job)
{
  AppealsReviewPage *self = job->self;
  g_autoptr(GError) error = NULL;
  gboolean written = appeals_print_export_pdf (GTK_PRINT_OPERATION (job->pack), job->export_path,
                                               appeals_widget_get_window (GTK_WIDGET (self)), &error);

  self->busy = FALSE;
  _appeals_review_page_update_actions (self);
  if (!written)
    {
      g_autofree char *text = g_strdup_printf (_("The pack could not be made: %s"), error->message);

      _appeals_review_page_toast (self, text);
      return;
    }
  _appeals_review_page_pack_exported (self, job->export_path);
}

static void
on_attachment_fetched (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  PackJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = appeals_reception_service_download_attachment_finish (APPEALS_RECEPTION_SERVICE (source),
                                                                                     result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      pack_job_free (job);
      return;
    }

  /* a file that did not come is still named in the pack, with why */
  appeals_reception_pack_add_attachment (job->pack, g_ptr_array_index (job->attachments, job->next), content);
  job->next++;
  fetch_next_attachment (job);
}

static void
fetch_next_attachment (PackJob *job)
{
  AppealsAttachment *attachment;

  if (job->next >= job->attachments->len)
    {
      run_pack (job);
      pack_job_free (job);
      return;
    }

  attachment = g_ptr_array_index (job->attachments, job->next);
  appeals_reception_service_download_attachment_async (_appeals_review_page_get_service (job->self), attachment->id,
                                                       job->self->cancellable, on_attachment_fetched, job);
}

/**
 * appeals_review_page_export_pack:
 * @language: "kk" or "ru", the pack's language
 * @pdf_path: the PDF file to write
 *
 * Fetches the attachments of the reception shown and writes its pack;
 * "pack-exported" says when it is written.
 */
void
appeals_review_page_export_pack (AppealsReviewPage *self,
                                 const char        *language,
                                 const char        *pdf_path)
{
  AppealsReferenceService *reference;
  AppealsReception *reception;
  PackJob *job;

  g_return_if_fail (pdf_path != NULL);

  if (self->current == NULL || self->busy)
    return;

  reference = appeals_context_get_reference_service (self->context);
  reception = self->current->reception;
  job = g_new0 (PackJob, 1);
  job->self = g_object_ref (self);
  job->pack = appeals_reception_pack_new (reception,
                                          appeals_officials_find_by_id (appeals_reference_service_get_officials (reference),
                                                                        reception->official_id),
                                          appeals_reference_service_get_letterhead (reference),
                                          appeals_reference_service_get_priorities (reference),
                                          appeals_reference_service_get_workflow (reference), language);
  job->attachments = g_ptr_array_ref (reception->attachments);
  job->export_path = g_strdup (pdf_path);

  self->busy = TRUE;
  _appeals_review_page_update_actions (self);
  fetch_next_attachment (job);
}

/* The save dialog ------------------------------------------------------- */

typedef struct
{
  AppealsReviewPage *self;
  char              *language;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->self);
  g_free (request->language);
  g_free (request);
}

static void
on_save_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  SaveRequest *request = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        appeals_review_page_export_pack (request->self, request->language, path);
    }
  save_request_free (request);
  g_object_unref (dialog);
}

void
_appeals_review_page_export_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  AppealsReviewPage *self = APPEALS_REVIEW_PAGE (widget);
  const char *language = g_variant_get_string (parameter, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;
  SaveRequest *request;
  g_autofree char *name = NULL;

  if (self->current == NULL || self->busy)
    return;

  dialog = gtk_file_chooser_native_new (_("Save the PDF Pack"), appeals_widget_get_window (GTK_WIDGET (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("reception-%" G_GINT64_FORMAT "-%s.pdf", self->current->reception->id, language);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  request = g_new0 (SaveRequest, 1);
  request->self = g_object_ref (self);
  request->language = g_strdup (g_strcmp0 (language, "kk") == 0 ? "kk" : "ru");
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The materials --------------------------------------------------------- */

/* The reception's window, on its materials: the files open from there. */
void
_appeals_review_page_open_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  AppealsReviewPage *self = APPEALS_REVIEW_PAGE (widget);
  AppealsReceptionWindow *window;

  if (self->current == NULL)
    return;
  window = appeals_reception_window_new (self->context, appeals_widget_get_window (GTK_WIDGET (self)),
                                         self->current->reception->id);
  gtk_window_present (GTK_WINDOW (window));
}
