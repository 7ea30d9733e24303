/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-client-dates.c: the journal's date filters typed as the desks write
 * dates (27.11.2026), and text that is not a date marked and kept.
 */
#include "config.h"

#include "appeals-date-entry.h"
#include "appeals-test-ui.h"
#include "test-client.h"

static gboolean
journal_empty (AppealsApplication *app)
{
  return g_list_model_get_n_items (appeals_test_ui_journal_model (app)) == 0;
}

static gboolean
journal_not_empty (AppealsApplication *app)
{
  return g_list_model_get_n_items (appeals_test_ui_journal_model (app)) > 0;
}

/* Dates typed as the desks write them; text that is not a date is marked
 * and kept, and changes nothing. */
static void
type_date (AppealsWindow *window,
           const char    *name,
           const char    *text)
{
  AppealsDateEntry *entry = APPEALS_DATE_ENTRY (appeals_test_ui_find_by_name (GTK_WIDGET (window), name));

  gtk_editable_set_text (appeals_date_entry_get_editable (entry), text);
  g_signal_emit_by_name (appeals_date_entry_get_editable (entry), "activate");
}

void
test_client_check_date_filter (AppealsWindow      *window,
                               AppealsApplication *app)
{
  GtkWidget *from = appeals_test_ui_find_by_name (GTK_WIDGET (window), "date-from");

  type_date (window, "date-from", "01.01.2099");
  APPEALS_TEST_WAIT (journal_empty, app);
  type_date (window, "date-from", "31.02.2026");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (appeals_date_entry_get_editable (APPEALS_DATE_ENTRY (from))),
                                           "error"));
  g_assert_cmpstr (gtk_editable_get_text (appeals_date_entry_get_editable (APPEALS_DATE_ENTRY (from))), ==,
                   "31.02.2026");
  type_date (window, "date-from", "1.1.2000");
  APPEALS_TEST_WAIT (journal_not_empty, app);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (appeals_date_entry_get_editable (APPEALS_DATE_ENTRY (from))),
                                            "error"));
}
