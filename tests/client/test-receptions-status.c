/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-receptions-status.c: a reception moved on from its window —
 * cancelled only with a reason (the server's refusal next to the field),
 * moved only to a free time (a taken one is never offered), confirmed.
 */
#include "config.h"

#include <string.h>

#include "test-receptions.h"

static gboolean
form_open (AppealsReceptionWindow *window)
{
  return appeals_reception_window_get_status_form (window) != NULL;
}

static gboolean
form_closed (AppealsReceptionWindow *window)
{
  return appeals_reception_window_get_status_form (window) == NULL && !appeals_reception_window_is_busy (window);
}

static gboolean
reason_refused (AppealsReceptionWindow *window)
{
  GtkWindow *form = appeals_reception_window_get_status_form (window);
  GtkWidget *entry = form != NULL ? appeals_test_ui_find_by_name (GTK_WIDGET (form), "cancel-reason") : NULL;
  GtkWidget *error = entry != NULL ? gtk_widget_get_next_sibling (entry) : NULL;

  return error != NULL && gtk_widget_get_visible (error) && *gtk_label_get_text (GTK_LABEL (error)) != '\0';
}

typedef struct
{
  AppealsReceptionWindow *window;
  guint                   n;   /* at least this many free times offered */
} Offered;

static GListModel *
offered_times (AppealsReceptionWindow *window)
{
  GtkWindow *form = appeals_reception_window_get_status_form (window);

  return gtk_drop_down_get_model (GTK_DROP_DOWN (appeals_test_ui_find_by_name (GTK_WIDGET (form), "move-time")));
}

static gboolean
times_offered (Offered *offered)
{
  return g_list_model_get_n_items (offered_times (offered->window)) >= offered->n;
}

static gboolean
status_is (AppealsReceptionWindow *window,
           int                     status)
{
  AppealsReception *reception = appeals_reception_window_get_reception (window);

  return !appeals_reception_window_is_busy (window) && reception != NULL && reception->status == status;
}

static gboolean
confirmed (AppealsReceptionWindow *window)
{
  return status_is (window, APPEALS_RECEPTION_STATUS_CONFIRMED);
}

static void
status_script (AppealsApplication *app,
               gpointer            user_data)
{
  g_auto(BookedReception) booked = { 0, };
  AppealsReceptionWindow *reception;
  Counts counts = { 0, };
  g_autofree char *booked_time = NULL;
  g_autofree char *date_text = NULL;
  g_auto(GStrv) free = NULL;
  GListModel *times;
  Offered offered;
  char buffer[16];

  booked_reception_init (&booked, app);
  reception = open_reception_loaded (sign_in (app, "registrar"), booked.id, &counts);
  booked_time = g_strdup (appeals_reception_window_get_reception (reception)->start_time);

  /* booked: it can be confirmed, moved or cancelled, not yet held */
  g_assert_true (gtk_widget_get_sensitive (appeals_test_ui_find_by_name (GTK_WIDGET (reception), "reception-confirm")));
  g_assert_false (gtk_widget_get_sensitive (appeals_test_ui_find_by_name (GTK_WIDGET (reception), "reception-hold")));

  /* a cancellation without a reason: the server's word beside the reason */
  gtk_widget_activate_action (GTK_WIDGET (reception), "reception.cancel", NULL);
  APPEALS_TEST_WAIT (form_open, reception);
  appeals_test_ui_click (GTK_WIDGET (appeals_reception_window_get_status_form (reception)), "status-form-apply");
  APPEALS_TEST_WAIT (reason_refused, reception);
  g_assert_cmpint (appeals_reception_window_get_reception (reception)->status, ==, APPEALS_RECEPTION_STATUS_BOOKED);

  /* a move on the same day: every free time offered, the booked one not */
  gtk_widget_activate_action (GTK_WIDGET (reception), "reception.move", NULL);
  APPEALS_TEST_WAIT (form_open, reception);
  g_date_strftime (buffer, sizeof buffer, "%d.%m.%Y", &appeals_reception_window_get_reception (reception)->date);
  date_text = appeals_date_format_iso (&appeals_reception_window_get_reception (reception)->date);
  free = appeals_test_free_times (server, booked.session, booked.token, booked.official, date_text);
  g_assert_false (g_strv_contains ((const char * const *) free, booked_time));
  offered = (Offered) { reception, g_strv_length (free) };
  appeals_test_ui_type (GTK_WIDGET (appeals_reception_window_get_status_form (reception)), "move-date", buffer);
  APPEALS_TEST_WAIT (times_offered, &offered);
  times = offered_times (reception);
  g_assert_cmpuint (g_list_model_get_n_items (times), ==, g_strv_length (free));
  for (guint i = 0; i < g_list_model_get_n_items (times); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (times), i), !=, booked_time);

  /* moved to the first of them: the old time is free again */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (appeals_test_ui_find_by_name (
                                GTK_WIDGET (appeals_reception_window_get_status_form (reception)), "move-time")), 0);
  counts.loaded = 0;
  appeals_test_ui_click (GTK_WIDGET (appeals_reception_window_get_status_form (reception)), "status-form-apply");
  APPEALS_TEST_WAIT (form_closed, reception);
  APPEALS_TEST_WAIT (loaded_count, &counts);
  g_assert_cmpstr (appeals_reception_window_get_reception (reception)->start_time, ==, free[0]);
  {
    g_auto(GStrv) after = appeals_test_free_times (server, booked.session, booked.token, booked.official,
                                                   date_text);

    g_assert_true (g_strv_contains ((const char * const *) after, booked_time));
    g_assert_false (g_strv_contains ((const char * const *) after, free[0]));
  }

  /* confirmed */
  gtk_widget_activate_action (GTK_WIDGET (reception), "reception.confirm", NULL);
  APPEALS_TEST_WAIT (confirmed, reception);
  g_assert_false (gtk_widget_get_sensitive (appeals_test_ui_find_by_name (GTK_WIDGET (reception), "reception-confirm")));
  gtk_window_destroy (GTK_WINDOW (reception));
}

static void
test_status (void)
{
  g_assert_cmpint (appeals_test_ui_run (status_script, NULL), ==, 0);
}

void
test_receptions_add_status (void)
{
  g_test_add_func ("/receptions/status", test_status);
}
