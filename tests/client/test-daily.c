/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-daily.c: daily use in a real window against a real server, in the
 * language of $LANGUAGE (kk, ru), with screenshots. The journal fits a
 * 1,366 × 768 screen without a horizontal scroll, its column chooser hides
 * and shows columns, and the choice and the widths come back in a window
 * opened afresh; each role sees the sections and the buttons it can use,
 * and a list the server refuses says "no access", not "nothing"; what is
 * typed into an order or a schedule comes back when the dialog is closed
 * and opened again.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-journal-page.h"
#include "appeals-order-dialog.h"
#include "appeals-reception-text.h"
#include "appeals-schedule-dialog.h"
#include "appeals-review-page.h"
#include "appeals-test-ui.h"
#include "appeals-work-page.h"

static GtkColumnView *
journal_view (AppealsWindow *window)
{
  return GTK_COLUMN_VIEW (appeals_test_ui_find_by_type (appeals_window_get_journal_page (window), GTK_TYPE_COLUMN_VIEW));
}

/* The column of @view titled as the journal titles @title. */
static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *list = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), g_dgettext (GETTEXT_PACKAGE, title)) == 0)
        return column;
    }
  g_error ("no column %s", title);
}

static gboolean
window_laid_out (GtkWidget *scrolled)
{
  return gtk_widget_get_width (scrolled) > 0;
}

/* What the shown columns take is within the viewport, and there is
 * nothing to scroll across. (GTK 4.8 counts the hidden columns in the
 * view's natural width too, so the widths are added up here.) */
static void
assert_fits (GtkColumnView *view)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GListModel *columns = gtk_column_view_get_columns (view);
  int shown = 0;

  APPEALS_TEST_WAIT (window_laid_out, scrolled);
  appeals_test_ui_settle (300);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        shown += gtk_column_view_column_get_fixed_width (column);
    }
  g_test_message ("journal: columns shown %d px, viewport %d px, scroll range %.0f in %.0f", shown,
                  gtk_widget_get_width (scrolled), gtk_adjustment_get_upper (hadjustment),
                  gtk_adjustment_get_page_size (hadjustment));
  g_assert_cmpint (shown, <=, gtk_widget_get_width (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment) + 0.5);
}

static void
columns_script (AppealsApplication *app,
                gpointer            user_data)
{
  AppealsWindow *window, *again;
  GtkColumnView *view;
  GtkWidget *button;
  GMenuModel *menu;

  appeals_test_ui_sign_in (app, "controller", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "journal");
  view = journal_view (window);

  /* the defaults fit 1,366 px; what is left out is in the chooser */
  assert_fits (view);
  g_assert_false (gtk_column_view_column_get_visible (column_titled (view, "District")));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (view, "Executor")));
  button = appeals_test_ui_find_by_name (appeals_window_get_journal_page (window), "columns");
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==,
                   g_list_model_get_n_items (gtk_column_view_get_columns (view)));
  appeals_test_ui_screenshot (GTK_WIDGET (window), "journal-1366");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  appeals_test_ui_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), "journal-columns-menu");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* the executor hidden from the menu, the applicant widened by hand */
  gtk_widget_activate_action (button, "columns.executor", NULL);
  g_assert_false (gtk_column_view_column_get_visible (column_titled (view, "Executor")));
  gtk_column_view_column_set_fixed_width (column_titled (view, "Applicant"), 230);
  appeals_test_ui_settle (800);
  assert_fits (view);

  /* a window opened afresh has them so */
  again = appeals_window_new (GTK_APPLICATION (app), appeals_application_get_context (app));
  gtk_window_present (GTK_WINDOW (again));
  view = journal_view (again);
  g_assert_false (gtk_column_view_column_get_visible (column_titled (view, "Executor")));
  g_assert_false (gtk_column_view_column_get_visible (column_titled (view, "District")));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (view, "Applicant")), ==, 230);

  /* and shown again, it stays shown */
  button = appeals_test_ui_find_by_name (appeals_window_get_journal_page (again), "columns");
  gtk_widget_activate_action (button, "columns.executor", NULL);
  gtk_window_destroy (GTK_WINDOW (again));
  again = appeals_window_new (GTK_APPLICATION (app), appeals_application_get_context (app));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (journal_view (again), "Executor")));
  gtk_window_destroy (GTK_WINDOW (again));
}

static gboolean
review_refused (AppealsReviewPage *page)
{
  GtkWidget *status = appeals_test_ui_find_by_name (GTK_WIDGET (page), "review-forbidden");

  return gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (status))) == status;
}

/* @login sees the review section and the New card button as its role may
 * use them on the server. */
static AppealsWindow *
check_role (AppealsApplication *app,
            const char         *login,
            gboolean            reviews,
            gboolean            registers)
{
  AppealsWindow *window;
  GtkWidget *new_card;

  appeals_test_ui_sign_in (app, login, "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  g_assert_cmpstr (appeals_context_get_user (appeals_application_get_context (app))->login, ==, login);
  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  g_assert_true (appeals_window_is_section_shown (window, "journal"));
  g_assert_true (appeals_window_is_section_shown (window, "work"));
  g_assert_cmpint (appeals_window_is_section_shown (window, "review"), ==, reviews);
  /* the receipt journal is the front desk's, the registrars', the head's */
  g_assert_cmpint (appeals_window_is_section_shown (window, "intake"), ==, !g_str_equal (login, "analyst"));
  new_card = appeals_test_ui_find_by_name (GTK_WIDGET (window), "new-card");
  g_assert_cmpint (gtk_widget_get_visible (new_card), ==, registers);
  g_assert_cmpint (gtk_widget_is_sensitive (new_card), ==, registers);
  return window;
}

static gboolean
work_loaded (AppealsWorkPage *page)
{
  return appeals_work_page_get_work (page) != NULL;
}

/* An answer awaiting the analyst's expertise says since when it waits. */
static void
check_waiting_since (AppealsWindow *window)
{
  AppealsWorkPage *page = APPEALS_WORK_PAGE (appeals_window_get_work_page (window));
  const AppealsWork *work;
  AppealsWorkItem *first = NULL;

  APPEALS_TEST_WAIT (work_loaded, page);
  work = appeals_work_page_get_work (page);
  for (guint i = 0; i < work->groups->len && first == NULL; i++)
    {
      AppealsWorkGroup *group = g_ptr_array_index (work->groups, i);

      if (g_str_equal (group->name, "awaiting_expertise") && group->items->len > 0)
        first = g_ptr_array_index (group->items, 0);
    }
  g_assert_nonnull (first);
  g_assert_true (g_date_valid (&first->waiting_since));
  {
    g_autofree char *date = appeals_format_date (&first->waiting_since);
    g_autofree char *tag = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Waiting since %s"), date);

    g_assert_true (appeals_test_ui_label_shown (GTK_WIDGET (page), tag));
  }
}

static void
roles_script (AppealsApplication *app,
              gpointer            user_data)
{
  AppealsWindow *window;
  AdwStatusPage *status;

  window = check_role (app, "analyst", FALSE, FALSE);
  check_waiting_since (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  appeals_test_ui_screenshot (GTK_WIDGET (window), "roles-analyst");
  window = check_role (app, "head", TRUE, FALSE);
  window = check_role (app, "registrar", FALSE, TRUE);

  /* the server refuses the registrar the review list: the page says
   * there is no access, not that nothing is waiting */
  appeals_review_page_reload (APPEALS_REVIEW_PAGE (appeals_window_get_review_page (window)));
  APPEALS_TEST_WAIT (review_refused, appeals_window_get_review_page (window));
  status = ADW_STATUS_PAGE (appeals_test_ui_find_by_name (appeals_window_get_review_page (window),
                                                          "review-forbidden"));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, g_dgettext (GETTEXT_PACKAGE, "You Have No Access to This"));
  g_assert_cmpstr (adw_status_page_get_icon_name (status), ==, "action-unavailable-symbolic");
  /* and whom to ask */
  g_assert_nonnull (strstr (adw_status_page_get_description (status),
                            g_dgettext (GETTEXT_PACKAGE,
                                        "If your work needs it, ask the administrator to change your role.")));
  appeals_window_show_page (window, "review");
  appeals_test_ui_screenshot (GTK_WIDGET (window), "no-access");

  window = check_role (app, "controller", TRUE, TRUE);
}

static const char *
text_of (GtkWidget  *root,
         const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (appeals_test_ui_find_by_name (root, name)));
}

static void
drafts_script (AppealsApplication *app,
               gpointer            user_data)
{
  AppealsContext *context = appeals_application_get_context (app);
  GtkWidget *dialog;
  AppealsScheduleDialog *schedule;

  appeals_test_ui_sign_in (app, "controller", "demo");

  /* a new order: typed, closed without saving, opened again */
  dialog = appeals_order_dialog_new (context, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  appeals_test_ui_type (dialog, "order-text", "Check the heating at Baitursynov 12");
  appeals_test_ui_type (dialog, "order-given-on", "01.12.2026");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = appeals_order_dialog_new (context, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (text_of (dialog, "order-text"), ==, "Check the heating at Baitursynov 12");
  g_assert_cmpstr (text_of (dialog, "order-given-on"), ==, "01.12.2026");
  appeals_test_ui_screenshot (dialog, "order-draft");
  /* emptied, the form has no draft left */
  appeals_test_ui_type (dialog, "order-text", "");
  appeals_test_ui_type (dialog, "order-given-on", "");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = appeals_order_dialog_new (context, NULL);
  g_assert_cmpstr (text_of (dialog, "order-text"), ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* a new official's names and days */
  schedule = appeals_schedule_dialog_new (NULL, context, NULL);
  gtk_window_present (GTK_WINDOW (schedule));
  appeals_test_ui_type (GTK_WIDGET (schedule), "full_name.kk", "Ахметов Серік");
  appeals_schedule_dialog_set_day (schedule, 0, 2, "10:00", "12:00", "каб. 5", FALSE);
  appeals_schedule_dialog_set_day (schedule, 1, 4, "15:00", "17:00", NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (schedule));
  schedule = appeals_schedule_dialog_new (NULL, context, NULL);
  gtk_window_present (GTK_WINDOW (schedule));
  g_assert_cmpstr (text_of (GTK_WIDGET (schedule), "full_name.kk"), ==, "Ахметов Серік");
  g_assert_cmpuint (appeals_schedule_dialog_get_n_days (schedule), ==, 2);
  g_assert_cmpstr (text_of (GTK_WIDGET (schedule), "day-0-start"), ==, "10:00");
  g_assert_cmpstr (text_of (GTK_WIDGET (schedule), "day-0-place"), ==, "каб. 5");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (appeals_test_ui_find_by_name (GTK_WIDGET (schedule),
                                                                                             "day-1-weekday"))),
                    ==, 3);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (appeals_test_ui_find_by_name (GTK_WIDGET (schedule),
                                                                                              "day-1-video"))));
  appeals_test_ui_screenshot (GTK_WIDGET (schedule), "schedule-draft");
  gtk_window_destroy (GTK_WINDOW (schedule));
}

static void
test_drafts (void)
{
  g_assert_cmpint (appeals_test_ui_run (drafts_script, NULL), ==, 0);
}

static void
test_journal_columns (void)
{
  g_assert_cmpint (appeals_test_ui_run (columns_script, NULL), ==, 0);
}

static void
test_roles (void)
{
  g_assert_cmpint (appeals_test_ui_run (roles_script, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", NULL };
  AppealsTestServer *server = NULL;

  appeals_test_ui_init (&argc, &argv);
  g_test_add_func ("/daily/journal-columns", test_journal_columns);
  g_test_add_func ("/daily/roles", test_roles);
  g_test_add_func ("/daily/drafts", test_drafts);
  return appeals_test_ui_run_tests (&server, args);
}
