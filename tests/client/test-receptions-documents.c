/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-receptions-documents.c: what the reception organisers hand on —
 * the leadership's review with the PDF pack of materials, and the schedule
 * poster in each language.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "test-receptions.h"

/* The leadership's review and the PDF pack ---------------------------------- */

static gboolean
review_listed (AppealsReviewPage *page)
{
  return appeals_review_page_get_n_items (page) > 0 && appeals_review_page_get_current (page) != NULL;
}

static void
on_pack_exported (AppealsReviewPage *page,
                  const char        *path,
                  Counts            *counts)
{
  counts->exported++;
}

static gboolean
exported_count (Counts *counts)
{
  return counts->exported > 0;
}

static gint64 review_page_id;

/* The reception marked is reviewed (the page may have moved on to the next). */
static gboolean
reviewed (AppealsReviewPage *page)
{
  AppealsReviewEntry *current;

  if (!appeals_review_page_select (page, review_page_id))
    return FALSE;
  current = appeals_review_page_get_current (page);
  return current != NULL && current->reception->id == review_page_id && current->reception->review != NULL;
}

static gboolean
window_reviewed (AppealsReceptionWindow *window)
{
  AppealsReception *reception = appeals_reception_window_get_reception (window);

  return reception != NULL && reception->review != NULL;
}

static const struct {
  const char *language;
  const char *title;
  const char *other_title;
  const char *field;
  const char *reviewed_by;
  const char *bring;
} packs[] = {
  { "kk", "Жеке қабылдаудың материалдары", "Материалы личного приёма", "Көшпелі қабылдау", "Қараған",
    "Өзіңізбен бірге алып келіңіз" },
  { "ru", "Материалы личного приёма", "Жеке қабылдаудың материалдары", "Выездной приём", "Рассмотрел(а)",
    "При себе иметь" },
};

/* A field reception in a district's akimat, with the supervising deputy
 * and the Presidential Administration by video. */
static void
arrange (SoupSession *session,
         const char  *token,
         gint64       id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT "/arrangements", id);
  g_autoptr(AppealsTestResponse) arranged =
    appeals_test_request (server, session, "PUT", path, token,
                          "{\"field\":true,\"place\":\"Қарасу ауданы әкімдігі, мәжіліс залы\","
                          "\"video_link\":\"https://vc.kostanay.gov.kz/r/41\",\"participants\":["
                          "{\"name\":\"Сәрсенбаев Ерлан Қайратұлы\",\"job_title\":\"Облыс әкімінің орынбасары\"},"
                          "{\"name\":\"Омарова Гүлнар Сәкенқызы\",\"job_title\":\"ҚР Президенті Әкімшілігі\","
                          "\"by_video\":true}]}", NULL);

  if (arranged->status != 200)
    g_error ("arrangements: %u %s", arranged->status, arranged->text);
}

/* The invitation for the applicant, from the reception window, in each
 * language: where, when, who receives, who takes part, what to bring. */
static void
check_invitations (AppealsReceptionWindow *window)
{
  AppealsReception *reception = appeals_reception_window_get_reception (window);
  g_autofree char *date = appeals_format_date (&reception->date);

  for (guint i = 0; i < G_N_ELEMENTS (packs); i++)
    {
      g_autoptr(GtkPrintOperation) invitation = appeals_reception_window_new_invitation (window, packs[i].language);
      g_autofree char *name = g_strdup_printf ("invitation-%s.pdf", packs[i].language);
      g_autofree char *text = export_pdf_text (invitation, name);

      g_assert_nonnull (strstr (text, packs[i].field));
      g_assert_nonnull (strstr (text, packs[i].bring));
      g_assert_nonnull (strstr (text, "Қарасу ауданы әкімдігі, мәжіліс залы"));
      g_assert_nonnull (strstr (text, "https://vc.kostanay.gov.kz/r/41"));
      g_assert_nonnull (strstr (text, "Омарова Гүлнар Сәкенқызы"));
      g_assert_nonnull (strstr (text, date));
      g_assert_nonnull (strstr (text, reception->start_time));
      g_assert_nonnull (strstr (text, reception->applicant_name));
    }
}

static void
review_script (AppealsApplication *app,
               gpointer            user_data)
{
  g_auto(BookedReception) booked = { 0, };
  g_autoptr(GBytes) pdf = make_pdf ("Reference note / Anyqtama");
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GBytes) text = g_bytes_new_static ("Білім басқармасының ұстанымы.\nПозиция управления образования.\n",
                                               strlen ("Білім басқармасының ұстанымы.\nПозиция управления образования.\n"));
  g_autofree char *pack_path = NULL;
  g_autofree char *pack_uri = NULL;
  g_autoptr(GObject) document = NULL;   /* poppler 22.12 has no autoptr */
  g_autoptr(GError) error = NULL;
  AppealsWindow *window;
  AppealsReviewPage *page;
  Counts counts = { 0, };
  g_autoptr(AppealsReviewEntry) current = NULL;   /* the page may load its list again meanwhile */
  AppealsReceptionWindow *reception_window;

  booked_reception_init (&booked, app);
  arrange (booked.session, booked.token, booked.id);
  attach (booked.session, booked.token, booked.id, "reference_note", "Анықтама.pdf", "application/pdf", pdf);
  attach (booked.session, booked.token, booked.id, "applicant_document", "Өтініш.png", "image/png", png);
  attach (booked.session, booked.token, booked.id, "body_position", "Позиция.txt", "text/plain; charset=utf-8", text);

  /* a controller reads the review but cannot mark it */
  window = sign_in (app, "controller");
  page = APPEALS_REVIEW_PAGE (appeals_window_get_review_page (window));
  appeals_window_show_page (window, "review");
  APPEALS_TEST_WAIT (review_listed, page);
  g_assert_false (appeals_review_page_can_review (page));

  window = sign_in (app, "leadership");
  page = APPEALS_REVIEW_PAGE (appeals_window_get_review_page (window));
  appeals_window_show_page (window, "review");
  APPEALS_TEST_WAIT (review_listed, page);

  /* the reception of tomorrow, complete with its three kinds of materials */
  g_assert_true (appeals_review_page_can_review (page));
  g_assert_true (appeals_review_page_select (page, booked.id));
  current = g_object_ref (appeals_review_page_get_current (page));
  g_assert_true (current->complete);
  g_assert_cmpuint (current->reception->attachments->len, ==, 3);

  g_assert_nonnull (current->reception->official_name);
  g_assert_cmpstr (current->reception->official_name, !=, "");

  /* the same reception open in its own window learns of the review from
   * the service, not from the page */
  reception_window = appeals_reception_window_new (appeals_window_get_context (window), GTK_WINDOW (window), booked.id);
  counts.loaded = 0;
  g_signal_connect (reception_window, "loaded", G_CALLBACK (on_loaded), &counts);
  APPEALS_TEST_WAIT (loaded_count, &counts);
  g_assert_null (appeals_reception_window_get_reception (reception_window)->review);
  g_assert_cmpstr (appeals_reception_window_get_reception (reception_window)->official_name, ==,
                   current->reception->official_name);

  /* marked, then undone: the reception comes back with its instructions
   * and nothing was sent */
  appeals_review_page_set_instructions (page, "Жер комиссиясының төрағасын шақыру");
  gtk_widget_activate_action (GTK_WIDGET (page), "review.mark", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "review.undo", NULL);
  g_assert_cmpint (appeals_review_page_get_current (page)->reception->id, ==, booked.id);
  {
    g_autofree char *kept = appeals_review_page_dup_instructions (page);

    g_assert_cmpstr (kept, ==, "Жер комиссиясының төрағасын шақыру");
  }
  appeals_test_ui_settle (6500);
  g_assert_null (appeals_review_page_get_current (page)->reception->review);

  /* marked for good once the toast's time is up */
  gtk_widget_activate_action (GTK_WIDGET (page), "review.mark", NULL);
  review_page_id = booked.id;
  APPEALS_TEST_WAIT (reviewed, page);
  g_assert_cmpstr (appeals_review_page_get_current (page)->reception->review->instructions,
                   ==, "Жер комиссиясының төрағасын шақыру");
  APPEALS_TEST_WAIT (window_reviewed, reception_window);
  g_assert_cmpstr (appeals_reception_window_get_reception (reception_window)->review->instructions,
                   ==, "Жер комиссиясының төрағасын шақыру");
  check_invitations (reception_window);
  gtk_window_destroy (GTK_WINDOW (reception_window));

  /* one PDF: the cover, the note's page, the scan, the position — in the
   * language chosen, whatever the interface speaks */
  g_signal_connect (page, "pack-exported", G_CALLBACK (on_pack_exported), &counts);
  for (guint i = 0; i < G_N_ELEMENTS (packs); i++)
    {
      AppealsLetterhead *letterhead = appeals_reference_service_get_letterhead (
        appeals_context_get_reference_service (appeals_window_get_context (window)));
      g_autofree char *name = g_strdup_printf ("reception-pack-%s.pdf", packs[i].language);
      g_autofree char *pack_text = NULL;

      g_clear_pointer (&pack_path, g_free);
      g_clear_pointer (&pack_uri, g_free);
      g_clear_object (&document);
      pack_path = print_path (name);
      g_remove (pack_path);
      counts.exported = 0;
      appeals_review_page_export_pack (page, packs[i].language, pack_path);
      APPEALS_TEST_WAIT (exported_count, &counts);

      pack_uri = g_filename_to_uri (pack_path, NULL, NULL);
      document = G_OBJECT (poppler_document_new_from_file (pack_uri, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (poppler_document_get_n_pages (POPPLER_DOCUMENT (document)), >=, 4);
      {
        PopplerDocument *pack = POPPLER_DOCUMENT (document);
        g_autoptr(GObject) last = G_OBJECT (poppler_document_get_page (pack, poppler_document_get_n_pages (pack) - 1));
        g_autofree char *last_text = poppler_page_get_text (POPPLER_PAGE (last));

        g_assert_nonnull (strstr (last_text, "Позиция управления образования"));
      }
      pack_text = read_pdf_text (pack_path);
      g_assert_nonnull (strstr (pack_text, packs[i].title));
      g_assert_nonnull (strstr (pack_text, packs[i].field));
      g_assert_nonnull (strstr (pack_text, packs[i].reviewed_by));
      g_assert_null (strstr (pack_text, packs[i].other_title));
      /* the letterhead, the reviewer by full name, the participants */
      g_assert_nonnull (strstr (pack_text, appeals_letterhead_get (letterhead, APPEALS_LETTERHEAD_ORGANISATION,
                                                                   packs[i].language)));
      g_assert_nonnull (strstr (pack_text, appeals_context_get_user (appeals_window_get_context (window))->full_name));
      g_assert_nonnull (strstr (pack_text, "Сәрсенбаев Ерлан Қайратұлы"));
    }
}

static void
test_review (void)
{
  g_assert_cmpint (appeals_test_ui_run (review_script, NULL), ==, 0);
}

/* The schedule poster, in each language whatever the interface speaks ------- */

static void
poster_script (AppealsApplication *app,
               gpointer            user_data)
{
  AppealsWindow *window = sign_in (app, "registrar");
  AppealsReceptionsPage *page = APPEALS_RECEPTIONS_PAGE (appeals_window_get_receptions_page (window));
  static const struct {
    const char *language, *title, *weekday, *place, *other_place;
  } posters[] = {
    { "kk", "Лауазымды адамдардың азаматтарды жеке қабылдау кестесі", "Сейсенбі", "Әкімдік, 301 каб.",
      "Акимат, каб. 301" },
    { "ru", "График личного приёма граждан должностными лицами", "Вторник", "Акимат, каб. 301",
      "Әкімдік, 301 каб." },
  };
  g_autoptr(GPtrArray) officials = g_ptr_array_new_with_free_func (g_object_unref);
  AppealsOfficial *placed = appeals_official_new ();
  AppealsScheduleSlot *slot = appeals_schedule_slot_new (2, "09:00", "11:00", "каб. 301", FALSE);

  APPEALS_TEST_WAIT (officials_loaded, page);
  /* the page's officials, after one whose day has its place in each
   * language, as the schedule dialog sets it */
  for (guint i = 0; i < appeals_receptions_page_get_officials (page)->len; i++)
    g_ptr_array_add (officials, g_object_ref (g_ptr_array_index (appeals_receptions_page_get_officials (page), i)));
  placed->full_name_kk = g_strdup ("Әбенов Ерлан");
  placed->full_name_ru = g_strdup ("Абенов Ерлан");
  placed->position_kk = g_strdup ("Орынбасар");
  placed->position_ru = g_strdup ("Заместитель");
  slot->place_kk = g_strdup (posters[0].place);
  slot->place_ru = g_strdup (posters[1].place);
  g_ptr_array_add (placed->schedule, slot);
  g_ptr_array_add (officials, placed);
  for (guint i = 0; i < G_N_ELEMENTS (posters); i++)
    {
      g_autoptr(AppealsSchedulePoster) poster = appeals_schedule_poster_new (officials, posters[i].language);
      g_autofree char *name = g_strdup_printf ("schedule-poster-%s.pdf", posters[i].language);
      g_autofree char *text = export_pdf_text (GTK_PRINT_OPERATION (poster), name);
      AppealsOfficial *official = g_ptr_array_index (appeals_receptions_page_get_officials (page), 0);

      /* the poster's language, not the interface's */
      g_assert_nonnull (strstr (text, posters[i].title));
      g_assert_nonnull (strstr (text, posters[i].weekday));
      g_assert_nonnull (strstr (text, posters[i].place));
      g_assert_null (strstr (text, posters[i].other_place));
      g_assert_nonnull (strstr (text, appeals_official_get_full_name (official, posters[i].language)));
    }
}

static void
test_poster (void)
{
  g_assert_cmpint (appeals_test_ui_run (poster_script, NULL), ==, 0);
}

/* A booking's draft: what was typed comes back when the dialog is opened
 * again after it was closed without booking (a crash, a lost connection),
 * and is gone once the dialog is cancelled. */
static void
draft_script (AppealsApplication *app,
              gpointer            user_data)
{
  AppealsWindow *window = sign_in (app, "registrar");
  AppealsReceptionsPage *page = APPEALS_RECEPTIONS_PAGE (appeals_window_get_receptions_page (window));
  const char *question = "Көше жарығы / Уличное освещение";
  AppealsBookingDialog *dialog;
  g_autofree char *kept = NULL;
  g_autofree char *after_cancel = NULL;

  appeals_window_show_page (window, "receptions");
  dialog = appeals_receptions_page_book (page);
  appeals_booking_dialog_set_question (dialog, question);
  appeals_booking_dialog_set_time (dialog, "11:40");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = appeals_receptions_page_book (page);
  kept = appeals_booking_dialog_dup_question (dialog);
  g_assert_cmpstr (kept, ==, question);
  appeals_test_ui_click (GTK_WIDGET (dialog), "cancel");

  dialog = appeals_receptions_page_book (page);
  after_cancel = appeals_booking_dialog_dup_question (dialog);
  g_assert_cmpstr (after_cancel, ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_booking_draft (void)
{
  g_assert_cmpint (appeals_test_ui_run (draft_script, NULL), ==, 0);
}

void
test_receptions_add_documents (void)
{
  g_test_add_func ("/receptions/review", test_review);
  g_test_add_func ("/receptions/poster", test_poster);
  g_test_add_func ("/receptions/booking-draft", test_booking_draft);
}
