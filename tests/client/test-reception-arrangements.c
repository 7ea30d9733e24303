/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-reception-arrangements.c: how a reception is held, arranged from
 * the reception window in the language of $LANGUAGE (kk, ru): a field
 * reception in a district's akimat with a video link, the supervising
 * deputy, an invited body's representative and the Presidential
 * Administration by video conference are filled in on the "Arrangements"
 * page and saved; the server then holds exactly that, the window shows it
 * again after a reload, and the invitation printed in the run's language
 * (prints/invitation-field-<lang>.pdf) names the place and every
 * participant. A screenshot of the page.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "test-receptions.h"

#define PLACE "Қарасу ауданы, Қарасу ауылы, әкімдіктің мәжіліс залы"
#define VIDEO "https://vc.kostanay.gov.kz/r/77"
#define DEPUTY "Сәрсенбаев Ерлан Қайратұлы"
#define BODY_REPRESENTATIVE "Ахметова Динара Болатқызы"
#define ADMINISTRATION "Омарова Гүлнар Сәкенқызы"

static const char *
run_language (void)
{
  return g_strcmp0 (g_getenv ("LANGUAGE"), "kk") == 0 ? "kk" : "ru";
}

static gint64
book_for_arrangements (SoupSession *session,
                       const char  *token)
{
  g_autoptr(AppealsTestResponse) officials = NULL;
  g_autoptr(AppealsTestResponse) person = NULL;
  g_autoptr(AppealsTestResponse) booked = NULL;
  gint64 official = json_object_get_int_member (first_official (session, token, &officials), "id");
  g_autofree char *time = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *body = NULL;
  GDate date;

  person = appeals_test_request (server, session, "POST", "/api/v1/applicants", token,
                                 "{\"iin\":\"" APPLICANT_IIN "\",\"surname\":\"" APPLICANT_SURNAME "\","
                                 "\"given_name\":\"Айгүл\",\"address\":\"Қарасу ауылы, Абай к-сі, 3\"}", NULL);
  g_assert_cmpuint (person->status, ==, 201);
  time = appeals_test_next_free_time (server, session, token, official, &date);
  iso = appeals_date_format_iso (&date);
  body = g_strdup_printf ("{\"official_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"start_time\":\"%s\","
                          "\"applicant_id\":%" G_GINT64_FORMAT ",\"question\":\"Ауыл жолын жөндеу\"}", official,
                          iso, time, json_object_get_int_member (appeals_test_response_object (person), "id"));
  booked = appeals_test_request (server, session, "POST", "/api/v1/receptions", token, body, NULL);
  if (booked->status != 201)
    g_error ("booking: %u %s", booked->status, booked->text);
  return json_object_get_int_member (appeals_test_response_object (booked), "id");
}

static gboolean
window_loaded (AppealsReceptionWindow *window)
{
  return appeals_reception_window_get_reception (window) != NULL && !appeals_reception_window_is_busy (window);
}

static gboolean
arrangements_saved (AppealsReceptionWindow *window)
{
  AppealsReception *reception = appeals_reception_window_get_reception (window);

  return reception != NULL && reception->field && reception->participants->len == 3 &&
         !appeals_reception_window_is_busy (window);
}

/* What the server holds after the page saved it. */
static void
check_server (SoupSession *session,
              const char  *token,
              gint64       id,
              const char  *deputy_title)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT, id);
  g_autoptr(AppealsTestResponse) got = appeals_test_request (server, session, "GET", path, token, NULL, NULL);
  JsonObject *reception;
  JsonArray *participants;
  JsonObject *first, *last;

  g_assert_cmpuint (got->status, ==, 200);
  reception = appeals_test_response_object (got);
  g_assert_true (json_object_get_boolean_member (reception, "field"));
  g_assert_cmpstr (json_object_get_string_member (reception, "place"), ==, PLACE);
  g_assert_cmpstr (json_object_get_string_member (reception, "video_link"), ==, VIDEO);
  participants = json_object_get_array_member (reception, "participants");
  g_assert_cmpuint (json_array_get_length (participants), ==, 3);
  first = json_array_get_object_element (participants, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, DEPUTY);
  g_assert_cmpstr (json_object_get_string_member (first, "job_title"), ==, deputy_title);
  g_assert_false (json_object_get_boolean_member (first, "by_video"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (participants, 1), "name"), ==,
                   BODY_REPRESENTATIVE);
  last = json_array_get_object_element (participants, 2);
  g_assert_cmpstr (json_object_get_string_member (last, "name"), ==, ADMINISTRATION);
  g_assert_true (json_object_get_boolean_member (last, "by_video"));
}

static void
arrangements_script (AppealsApplication *app,
                     gpointer            user_data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = api_token ("registrar");
  gint64 id = book_for_arrangements (session, token);
  /* the role's suggestion, in the interface's language */
  const char *deputy_title = g_dgettext (GETTEXT_PACKAGE, "Supervising deputy akim of the region");
  const char *language = run_language ();
  g_autofree char *invitation_name = g_strdup_printf ("invitation-field-%s.pdf", language);
  g_autoptr(GtkPrintOperation) invitation = NULL;
  g_autofree char *text = NULL;
  AppealsReceptionWindow *reception_window;
  AppealsReception *reception;
  GtkWidget *page;
  AppealsWindow *window;

  g_assert_cmpstr (deputy_title, !=, "Supervising deputy akim of the region");
  window = sign_in (app, "registrar");
  reception_window = appeals_reception_window_new (appeals_window_get_context (window), GTK_WINDOW (window), id);
  gtk_window_set_default_size (GTK_WINDOW (reception_window), 900, 1000);
  gtk_window_present (GTK_WINDOW (reception_window));
  APPEALS_TEST_WAIT (window_loaded, reception_window);
  page = appeals_reception_window_get_arrangements_page (reception_window);
  adw_view_stack_set_visible_child (ADW_VIEW_STACK (gtk_widget_get_ancestor (page, ADW_TYPE_VIEW_STACK)), page);
  g_assert_false (appeals_reception_window_get_reception (reception_window)->field);

  /* nothing changed yet: nothing to save */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (appeals_test_ui_find_by_name (page, "save-arrangements"))));
  appeals_reception_window_set_arrangement (reception_window, TRUE, PLACE, VIDEO);
  appeals_reception_window_add_participant (reception_window, APPEALS_PARTICIPANT_ROLE_SUPERVISING_DEPUTY, DEPUTY,
                                            NULL);
  appeals_reception_window_add_participant (reception_window, APPEALS_PARTICIPANT_ROLE_INVITED_BODY,
                                            "Бір артық адам", "Артық");
  appeals_reception_window_add_participant (reception_window, APPEALS_PARTICIPANT_ROLE_INVITED_BODY,
                                            BODY_REPRESENTATIVE, "Қарасу ауданы әкімдігінің құрылыс бөлімі");
  appeals_reception_window_add_participant (reception_window, APPEALS_PARTICIPANT_ROLE_PRESIDENTIAL_ADMINISTRATION,
                                            ADMINISTRATION, NULL);
  /* the one added by mistake is taken away before saving */
  g_assert_true (appeals_reception_window_remove_participant (reception_window, 1));
  g_assert_false (appeals_reception_window_remove_participant (reception_window, 3));
  gtk_widget_activate_action (GTK_WIDGET (reception_window), "reception.save-arrangements", NULL);
  APPEALS_TEST_WAIT (arrangements_saved, reception_window);
  check_server (session, token, id, deputy_title);
  appeals_test_ui_screenshot (GTK_WIDGET (reception_window), "reception-arrangements");

  /* loaded again, the page shows what the server holds */
  gtk_widget_activate_action (GTK_WIDGET (reception_window), "reception.reload", NULL);
  APPEALS_TEST_WAIT (window_loaded, reception_window);
  reception = appeals_reception_window_get_reception (reception_window);
  g_assert_cmpstr (reception->place, ==, PLACE);
  g_assert_cmpstr (((AppealsReceptionParticipant *) g_ptr_array_index (reception->participants, 2))->name, ==,
                   ADMINISTRATION);

  invitation = appeals_reception_window_new_invitation (reception_window, language);
  text = export_pdf_text (invitation, invitation_name);
  g_assert_nonnull (strstr (text, g_str_equal (language, "kk") ? "Көшпелі қабылдау" : "Выездной приём"));
  g_assert_nonnull (strstr (text, "Қарасу ауылы"));
  g_assert_nonnull (strstr (text, DEPUTY));
  g_assert_nonnull (strstr (text, BODY_REPRESENTATIVE));
  g_assert_nonnull (strstr (text, ADMINISTRATION));
  g_assert_null (strstr (text, "Бір артық адам"));
  gtk_window_destroy (GTK_WINDOW (reception_window));
}

static void
test_arrangements (void)
{
  g_assert_cmpint (appeals_test_ui_run (arrangements_script, NULL), ==, 0);
}

void
test_reception_arrangements_add (void)
{
  g_test_add_func ("/reception-requests/arrangements", test_arrangements);
}
