/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-receptions-common.c: what the reception UI tests share.
 */
#include "config.h"

#include <cairo-pdf.h>

#include "test-receptions.h"

AppealsTestServer *server;
gint64 applicant_id;
gint64 appeal_id;

/* Set-up through the API ---------------------------------------------------- */

char *
api_token (const char *login)
{
  return appeals_test_sign_in (server, login, "demo");
}

JsonObject *
first_official (SoupSession *session,
                const char  *token,
                AppealsTestResponse **keep)
{
  *keep = appeals_test_request (server, session, "GET", "/api/v1/officials", token, NULL, NULL);
  g_assert_cmpuint ((*keep)->status, ==, 200);
  return json_array_get_object_element (json_object_get_array_member (appeals_test_response_object (*keep), "items"), 0);
}

/* The first working day at least @ahead days from today on which @official
 * receives citizens by the schedule. */
void
reception_day (AppealsApplication *app,
               AppealsOfficial    *official,
               int                 ahead,
               GDate              *date)
{
  AppealsCalendar *calendar = appeals_reference_service_get_calendar (appeals_context_get_reference_service (appeals_application_get_context (app)));

  appeals_date_get_today (date);
  g_date_add_days (date, ahead);
  for (int i = 0; i < 60; i++, g_date_add_days (date, 1))
    {
      if (!appeals_calendar_is_working_day (calendar, date))
        continue;
      if (appeals_official_receives_on (official, g_date_get_weekday (date)))
        return;
    }
  g_error ("the official never receives");
}

/* Books through the API: the official's next reception day, so that the
 * steps counted back from the reception are already overdue. */
gint64
book_tomorrow (AppealsApplication *app,
               SoupSession        *session,
               const char         *token,
               gint64              official)
{
  g_autofree char *iso = NULL;
  g_autofree char *body = NULL;
  g_autofree char *time = NULL;
  g_autoptr(AppealsTestResponse) booked = NULL;
  GDate date;

  time = appeals_test_next_free_time (server, session, token, official, &date);
  iso = appeals_date_format_iso (&date);
  body = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"start_time\":\"%s\","
                          "\"applicant_id\":%" G_GINT64_FORMAT ",\"question\":\"Әлеуметтік тұрғын үй кезегі\","
                          "\"priority\":\"disability\"}", official, iso, time, applicant_id);
  booked = appeals_test_request (server, session, "POST", "/api/v1/receptions", token, body, NULL);
  if (booked->status != 201)
    g_error ("booking: %u %s", booked->status, booked->text);
  return json_object_get_int_member (appeals_test_response_object (booked), "id");
}

void
booked_reception_init (BookedReception    *booked,
                       AppealsApplication *app)
{
  g_autoptr(AppealsTestResponse) officials = NULL;

  booked->session = soup_session_new ();
  booked->token = api_token ("registrar");
  booked->official = json_object_get_int_member (first_official (booked->session, booked->token, &officials), "id");
  booked->id = book_tomorrow (app, booked->session, booked->token, booked->official);
}

void
booked_reception_clear (BookedReception *booked)
{
  g_clear_object (&booked->session);
  g_clear_pointer (&booked->token, g_free);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A real one-page PDF, as a scanner or a word processor would give. */
GBytes *
make_pdf (const char *text)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_array, array, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 18);
  cairo_move_to (cr, 72, 100);
  cairo_show_text (cr, text);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (array);
}

GBytes *
make_png (void)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 200);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.9, 0.9, 0.85);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.2, 0.3, 0.6);
  cairo_rectangle (cr, 30, 30, 240, 140);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_to_array, array);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (array);
}

void
attach (SoupSession *session,
        const char  *token,
        gint64       reception,
        const char  *kind,
        const char  *file_name,
        const char  *content_type,
        GBytes      *content)
{
  g_autofree char *escaped = g_uri_escape_string (file_name, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/attachments?kind=%s&file_name=%s",
                                           reception, kind, escaped);
  g_autoptr(AppealsTestResponse) response = appeals_test_request_bytes (server, session, "POST", path, token,
                                                                        content_type, content);

  if (response->status != 201)
    g_error ("attachment: %u %s", response->status, response->text);
}

/* Printed documents are kept beside the screenshots, to be looked at. */
char *
print_path (const char *name)
{
  const char *dir = g_getenv ("APPEALS_SCREENSHOT_DIR");
  g_autofree char *prints = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), "prints", NULL);

  g_mkdir_with_parents (prints, 0755);
  return g_build_filename (prints, name, NULL);
}

/* Exports @operation to prints/@name as PDF and returns its text, read as
 * one line (lines wrap where the page ends). */
char *
export_pdf_text (GtkPrintOperation *operation,
                 const char        *name)
{
  g_autofree char *path = print_path (name);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  return read_pdf_text (path);
}

/* The text of the PDF at @path, read as one line. */
char *
read_pdf_text (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = NULL;
  GString *text = g_string_new (NULL);

  document = G_OBJECT (poppler_document_new_from_file (uri, NULL, &error));
  g_assert_no_error (error);
  for (int p = 0; p < poppler_document_get_n_pages (POPPLER_DOCUMENT (document)); p++)
    {
      g_autoptr(GObject) pdf_page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), p));
      g_autofree char *page_text = poppler_page_get_text (POPPLER_PAGE (pdf_page));

      g_string_append (text, page_text);
    }
  g_strdelimit (text->str, "\n", ' ');
  return g_string_free (text, FALSE);
}

/* Signing in ---------------------------------------------------------------- */

static gboolean
dialog_or_signed_in (AppealsApplication *app)
{
  return appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) != NULL ||
         appeals_api_client_get_user (appeals_application_get_client (app)) != NULL;
}

typedef struct
{
  AppealsApplication *app;
  const char         *login;
} SignedIn;

static gboolean
signed_in_as (SignedIn *wanted)
{
  AppealsUser *user = appeals_api_client_get_user (appeals_application_get_client (wanted->app));

  return appeals_test_ui_find_window (wanted->app, APPEALS_TYPE_SIGN_IN_DIALOG) == NULL &&
         user != NULL && g_strcmp0 (user->login, wanted->login) == 0;
}

AppealsWindow *
sign_in (AppealsApplication *app,
         const char         *login)
{
  SignedIn wanted = { app, login };
  GtkWidget *dialog;

  APPEALS_TEST_WAIT (dialog_or_signed_in, app);
  if (!signed_in_as (&wanted))
    {
      if (appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) == NULL)
        {
          g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
          APPEALS_TEST_WAIT (appeals_test_ui_sign_in_dialog_open, app);
        }
      dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG);
      appeals_test_ui_type (dialog, "login", login);
      appeals_test_ui_type (dialog, "password", "demo");
      appeals_test_ui_click (dialog, "sign-in");
      APPEALS_TEST_WAIT (signed_in_as, &wanted);
    }
  return appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
}

/* Conditions ---------------------------------------------------------------- */

/* Opens reception @id from @window's receptions page and waits until it
 * has loaded. */
AppealsReceptionWindow *
open_reception_loaded (AppealsWindow *window,
                       gint64         id,
                       Counts        *counts)
{
  AppealsReceptionsPage *page = APPEALS_RECEPTIONS_PAGE (appeals_window_get_receptions_page (window));
  AppealsReceptionWindow *reception = appeals_receptions_page_open_reception (page, id);

  counts->loaded = 0;
  g_signal_connect (reception, "loaded", G_CALLBACK (on_loaded), counts);
  APPEALS_TEST_WAIT (loaded_count, counts);
  return reception;
}

gboolean
officials_loaded (AppealsReceptionsPage *page)
{
  return appeals_receptions_page_get_officials (page) != NULL;
}

gboolean
queue_has (QueueLength *wanted)
{
  GPtrArray *queue = appeals_receptions_page_get_queue (wanted->page);

  return queue != NULL && queue->len == wanted->n;
}

gboolean
applicant_found (AppealsBookingDialog *dialog)
{
  return appeals_booking_dialog_get_n_earlier (dialog) > 0;
}

gboolean
question_refused (AppealsBookingDialog *dialog)
{
  return appeals_booking_dialog_get_error (dialog, "question") != NULL;
}

void
on_booked (AppealsBookingDialog *dialog,
           gint64                id,
           Counts               *counts)
{
  counts->booked++;
}

void
on_loaded (GObject *object,
           Counts  *counts)
{
  counts->loaded++;
}

void
on_booked_id (AppealsBookingDialog *dialog,
              gint64                id,
              gint64               *out)
{
  *out = id;
}

gboolean
booked_count (Counts *counts)
{
  return counts->booked > 0;
}

gboolean
loaded_count (Counts *counts)
{
  return counts->loaded > 0;
}

/* A print dialog that a document opened at once (a talon, a list). */
GtkWidget *
find_print_dialog (void)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog") && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
print_dialog_open (gpointer unused)
{
  return find_print_dialog () != NULL;
}

/* Waits for that print dialog and cancels it, as a test prints to PDF instead. */
void
cancel_print_dialog (void)
{
  APPEALS_TEST_WAIT (print_dialog_open, NULL);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (find_print_dialog ()), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
}
