/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-a11y.c: every main window as a screen reader meets it. The client
 * runs with the accessibility bus (run-display-test.sh with
 * APPEALS_TEST_A11Y=1); for each window and section, check-a11y.py walks
 * its tree through AT-SPI and fails on anything a user can act on that
 * has no accessible name.
 */
#include "config.h"

#include <unistd.h>

#include "appeals-action-dialog.h"
#include "appeals-card-window.h"
#include "appeals-test-server.h"
#include "appeals-test-ui.h"

static AppealsTestServer *server;

typedef struct
{
  gboolean done;
  int      status;
  char    *output;
} Walk;

static void
on_walked (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Walk *walk = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &walk->output, NULL, &error))
    g_error ("check-a11y.py: %s", error->message);
  walk->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  walk->done = TRUE;
}

static gboolean
walk_done (Walk *walk)
{
  return walk->done;
}

/* Walks the client's tree while its main loop answers the walker. */
static void
check_accessible (const char *scope)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "client", "check-a11y.py", NULL);
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) walker = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                                                    &error, g_getenv ("APPEALS_A11Y_PYTHON"), script, pid, scope,
                                                    NULL);
  Walk walk = { FALSE, -1, NULL };

  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (walker, NULL, NULL, on_walked, &walk);
  /* a walk asks over D-Bus for every element: minutes on a loaded machine */
  if (!appeals_test_ui_wait ((AppealsTestCondition) walk_done, &walk, 240))
    g_error ("check-a11y.py did not finish walking %s", scope);
  g_test_message ("%s", walk.output);
  g_assert_cmpint (walk.status, ==, 0);
  g_free (walk.output);
}

static gboolean
sign_in_open (AppealsApplication *app)
{
  return appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) != NULL;
}

/* The first demo appeal the controller may act on: its card with the
 * action bar, and each action's dialog in turn. */
static void
check_actions (AppealsApplication *app)
{
  g_auto(GStrv) actions = NULL;
  AppealsCardWindow *card = NULL;

  for (gint64 id = 1; id <= 30; id++)
    {
      card = appeals_test_ui_open_card (app, id);
      actions = appeals_card_window_list_actions (card);
      if (g_strv_length (actions) >= 3)
        break;
      g_clear_pointer (&actions, g_strfreev);
      gtk_window_destroy (GTK_WINDOW (card));
      card = NULL;
    }
  g_assert_nonnull (card);
  appeals_test_ui_settle (300);
  check_accessible ("card-actions");

  for (guint i = 0; actions[i] != NULL; i++)
    {
      AppealsActionDialog *dialog = appeals_card_window_open_action (card, actions[i]);
      g_autofree char *scope = g_strconcat ("action-", actions[i], NULL);

      g_assert_nonnull (dialog);
      appeals_test_ui_settle (300);
      check_accessible (scope);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  gtk_window_destroy (GTK_WINDOW (card));
}

static void
script (AppealsApplication *app,
        gpointer            user_data)
{
  /* GTK 4.8 exposes a stack's hidden pages too: one walk covers every
   * section; the receptions page is shown first so that its day is loaded */
  const char *sections[] = { "receptions", "journal" };
  AppealsWindow *window;
  AppealsCardWindow *card;

  APPEALS_TEST_WAIT (sign_in_open, app);
  appeals_test_ui_settle (300);
  check_accessible ("sign-in");

  appeals_test_ui_sign_in (app, "controller", "demo");
  APPEALS_TEST_WAIT (appeals_test_ui_journal_loaded, app);
  window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      appeals_window_show_page (window, sections[i]);
      appeals_test_ui_settle (700);
      check_accessible (sections[i]);
    }

  appeals_window_show_page (window, "journal");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-card", NULL);
  appeals_test_ui_settle (700);
  card = appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW);
  g_assert_nonnull (card);
  check_accessible ("card");
  gtk_window_destroy (GTK_WINDOW (card));

  check_actions (app);
}

static void
test_accessible (void)
{
  g_assert_cmpint (appeals_test_ui_run (script, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--demo", "--demo-appeals", "30", NULL };

  appeals_test_ui_init (&argc, &argv);
  g_test_add_func ("/a11y/main-windows", test_accessible);

  return appeals_test_ui_run_tests (&server, args);
}
