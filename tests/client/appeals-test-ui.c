/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-test-ui.c: the application runs for real (g_application_run);
 * the test script runs from an idle callback and waits by iterating the
 * main context until its condition holds.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "appeals-journal-page.h"
#include "appeals-test-ui.h"
#include "appeals-journal-model.h"

typedef struct
{
  AppealsApplication *app;
  AppealsTestScript   script;
  gpointer            user_data;
} Run;

/* gtk_test_init() would force the C locale; kk and ru tests need theirs. */
/* GTK 4.8 warns when a window holding a focused entry goes away before
 * the focus-out arrives (an Xvfb timing matter, not ours). */
static gboolean
tolerate_known_warnings (const char     *log_domain,
                         GLogLevelFlags  log_level,
                         const char     *message,
                         gpointer        user_data)
{
  return !(g_strcmp0 (log_domain, "Gtk") == 0 && strstr (message, "did not receive a focus-out event") != NULL);
}

void
appeals_test_ui_init (int    *argc,
                      char ***argv)
{
  appeals_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  g_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (tolerate_known_warnings, NULL);
  /* GTK logs structured warnings, which the handler above does not see:
   * keep criticals fatal, and warnings visible in the log */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  gtk_init ();
  adw_init ();
  /* screenshots show the end of a transition, not its middle */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
appeals_test_ui_wait (AppealsTestCondition condition,
                      gpointer             user_data,
                      guint                timeout_seconds)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (timeout_seconds, on_timeout, &timed_out);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (source);
  return !timed_out;
}

/* Lets pending layout and drawing happen. */
void
appeals_test_ui_settle (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gpointer
appeals_test_ui_find_window (AppealsApplication *app,
                             GType               type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  return NULL;
}

static gboolean
run_script (gpointer user_data)
{
  Run *run = user_data;

  g_application_hold (G_APPLICATION (run->app));
  run->script (run->app, run->user_data);
  g_application_release (G_APPLICATION (run->app));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (run->app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (run->app)))
    gtk_window_destroy (l->data);
  g_application_quit (G_APPLICATION (run->app));
  return G_SOURCE_REMOVE;
}

static void
on_activate_script (GApplication *app,
                    Run          *run)
{
  g_idle_add (run_script, run);
}

/**
 * appeals_test_ui_run:
 *
 * Runs a fresh application (activated, so its window opens and sign-in
 * starts) and @script inside it.
 */
int
appeals_test_ui_run (AppealsTestScript script,
                     gpointer          user_data)
{
  g_autoptr(AppealsApplication) app = appeals_application_new ();
  Run run = { app, script, user_data };
  char *argv[] = { (char *) "appeals-desk", NULL };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  /* the app of an earlier script may live on a moment in a callback; this
   * one is the default all the same */
  g_application_set_default (G_APPLICATION (app));
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_script), &run);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/**
 * appeals_test_ui_screenshot:
 * @name: file name without extension
 *
 * Renders @widget with GTK's own renderer to
 * $APPEALS_SCREENSHOT_DIR/<language>/<name>.png.
 */
void
appeals_test_ui_screenshot (GtkWidget  *widget,
                            const char *name)
{
  const char *dir = g_getenv ("APPEALS_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *lang_dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    dir = ".";
  lang_dir = g_build_filename (dir, language != NULL && *language ? language : "en", NULL);
  g_mkdir_with_parents (lang_dir, 0755);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (lang_dir, file, NULL);

  appeals_test_ui_settle (300);
  /* a window just presented is laid out when a busy machine gets to it */
  for (guint attempt = 0; gtk_widget_get_width (widget) == 0 && attempt < 100; attempt++)
    appeals_test_ui_settle (100);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* a page just switched to may not have been drawn yet: let the frame
   * clock run until the widget has something to show */
  paintable = gtk_widget_paintable_new (widget);
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      if (attempt > 0)
        appeals_test_ui_settle (100);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/**
 * appeals_test_ui_find_row:
 * @text: the title, its beginning or a part of it, as @match says
 *
 * Rows of templates and lists have no widget names: they are found by
 * their titles.
 *
 * Returns: (transfer none) (nullable): the first #AdwPreferencesRow below
 *   @root (or @root itself) whose title matches @text
 */
GtkWidget *
appeals_test_ui_find_row (GtkWidget            *root,
                          const char           *text,
                          AppealsTestTitleMatch match)
{
  if (ADW_IS_PREFERENCES_ROW (root))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));

      if (title != NULL &&
          (match == APPEALS_TEST_TITLE_WHOLE ? g_str_equal (title, text)
           : match == APPEALS_TEST_TITLE_PREFIX ? g_str_has_prefix (title, text)
           : strstr (title, text) != NULL))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = appeals_test_ui_find_row (child, text, match);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * appeals_test_ui_find_by_name:
 *
 * Returns: (transfer none) (nullable): the first widget below @root whose
 *   widget name is @name.
 */
GtkWidget *
appeals_test_ui_find_by_name (GtkWidget  *root,
                              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = appeals_test_ui_find_by_name (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a label under @root, @root included, reads @text. */
gboolean
appeals_test_ui_label_shown (GtkWidget  *root,
                             const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (appeals_test_ui_label_shown (child, text))
      return TRUE;
  return FALSE;
}

/* The first widget of @type in @root's tree, @root included, or NULL. */
GtkWidget *
appeals_test_ui_find_by_type (GtkWidget *root,
                              GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = appeals_test_ui_find_by_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
appeals_test_ui_click (GtkWidget  *root,
                       const char *name)
{
  GtkWidget *button = appeals_test_ui_find_by_name (root, name);

  g_assert_nonnull (button);
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
}

void
appeals_test_ui_type (GtkWidget  *root,
                      const char *name,
                      const char *text)
{
  GtkWidget *editable = appeals_test_ui_find_by_name (root, name);

  g_assert_nonnull (editable);
  g_assert_true (GTK_IS_EDITABLE (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/* The journal --------------------------------------------------------------- */

GListModel *
appeals_test_ui_journal_model (AppealsApplication *app)
{
  AppealsWindow *window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);

  return appeals_journal_page_get_model (APPEALS_JOURNAL_PAGE (appeals_window_get_journal_page (window)));
}

/* The sign-in dialog gone, a user signed in and the main window up. */
gboolean
appeals_test_ui_signed_in (AppealsApplication *app)
{
  return appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) == NULL &&
         appeals_api_client_get_user (appeals_application_get_client (app)) != NULL &&
         appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW) != NULL;
}

gboolean
appeals_test_ui_journal_loaded (AppealsApplication *app)
{
  /* the first page and, apart (either may come first), the totals */
  return appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) == NULL &&
         appeals_api_client_get_user (appeals_application_get_client (app)) != NULL &&
         g_list_model_get_n_items (appeals_test_ui_journal_model (app)) > 0 &&
         appeals_journal_model_get_n_loaded (APPEALS_JOURNAL_MODEL (appeals_test_ui_journal_model (app))) > 0 &&
         appeals_journal_model_get_count (APPEALS_JOURNAL_MODEL (appeals_test_ui_journal_model (app))) != NULL;
}

/* Signing in ------------------------------------------------------------------ */

static gboolean
dialog_or_signed_in (AppealsApplication *app)
{
  return appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) != NULL ||
         appeals_test_ui_journal_loaded (app);
}

/* Whether the sign-in dialog is open. */
gboolean
appeals_test_ui_sign_in_dialog_open (AppealsApplication *app)
{
  return appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG) != NULL;
}

/* Whether the sign-in dialog shows its error (a refused sign-in). */
gboolean
appeals_test_ui_sign_in_error_shown (AppealsApplication *app)
{
  GtkWidget *dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG);
  GtkWidget *label = dialog != NULL ? appeals_test_ui_find_by_name (dialog, "sign-in-error") : NULL;

  return label != NULL && gtk_widget_get_visible (label);
}

/**
 * appeals_test_ui_sign_in:
 *
 * Signs in as @login through the dialog, unless the keyring already
 * signed that user in; another user is signed out first.
 */
void
appeals_test_ui_sign_in (AppealsApplication *app,
                         const char         *login,
                         const char         *password)
{
  GtkWidget *dialog;

  APPEALS_TEST_WAIT (dialog_or_signed_in, app);
  dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG);
  if (dialog == NULL)
    {
      AppealsUser *user = appeals_api_client_get_user (appeals_application_get_client (app));

      if (g_strcmp0 (user->login, login) == 0)
        return;
      g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
      APPEALS_TEST_WAIT (appeals_test_ui_sign_in_dialog_open, app);
      dialog = appeals_test_ui_find_window (app, APPEALS_TYPE_SIGN_IN_DIALOG);
    }
  appeals_test_ui_type (dialog, "login", login);
  appeals_test_ui_type (dialog, "password", password);
  appeals_test_ui_click (dialog, "sign-in");
}

/* Cards ------------------------------------------------------------------------ */

gboolean
appeals_test_ui_card_idle (AppealsCardWindow *card)
{
  return !appeals_card_window_is_busy (card);
}

/* Opens the card @appeal_id (0: a new one) from the main window and waits
 * until it is loaded. */
AppealsCardWindow *
appeals_test_ui_open_card (AppealsApplication *app,
                           gint64              appeal_id)
{
  AppealsWindow *window = appeals_test_ui_find_window (app, APPEALS_TYPE_WINDOW);
  AppealsCardWindow *card;

  if (appeal_id > 0)
    appeals_window_open_card (window, appeal_id);
  else
    gtk_widget_activate_action (GTK_WIDGET (window), "win.new-card", NULL);

  card = appeals_test_ui_find_window (app, APPEALS_TYPE_CARD_WINDOW);
  g_assert_nonnull (card);
  APPEALS_TEST_WAIT (appeals_test_ui_card_idle, card);
  return card;
}

void
appeals_test_ui_on_saved (AppealsCardWindow *card,
                          AppealsTestSaves  *count)
{
  count->saved++;
}

void
appeals_test_ui_on_save_failed (AppealsCardWindow *card,
                                AppealsTestSaves  *count)
{
  count->failed++;
}

gboolean
appeals_test_ui_saved_once (AppealsTestSaves *count)
{
  return count->saved > 0;
}

gboolean
appeals_test_ui_failed_once (AppealsTestSaves *count)
{
  return count->failed > 0;
}

/* A new applicant written on the card. */
void
appeals_test_ui_fill_applicant (AppealsCardForm *form,
                                const char      *iin,
                                const char      *surname,
                                const char      *given_name,
                                const char      *address)
{
  appeals_card_form_set_text (form, "iin", iin);
  appeals_card_form_set_text (form, "surname", surname);
  appeals_card_form_set_text (form, "given_name", given_name);
  appeals_card_form_set_text (form, "address", address);
}

/* What a registrar chooses for an application about a school place in
 * Kostanay city, sent in @form_kind ("electronic", "paper_and_electronic"). */
void
appeals_test_ui_fill_school_application (AppealsCardForm *form,
                                         const char      *form_kind,
                                         const char      *annotation)
{
  appeals_card_form_set_choice (form, "form", form_kind);
  appeals_card_form_set_choice (form, "kind", "application");
  appeals_card_form_set_choice (form, "addressee_body", "education");
  appeals_card_form_set_choice (form, "question_character", "education");
  appeals_card_form_set_choice (form, "category", "typical");
  appeals_card_form_set_choice (form, "district", "kostanay-city");
  appeals_card_form_set_text (form, "annotation", annotation);
}

static gboolean
saved_or_failed (AppealsTestSaves *count)
{
  return count->saved > 0 || count->failed > 0;
}

/* Saves @card and waits for the answer; TRUE when it was saved. */
gboolean
appeals_test_ui_save_card (AppealsCardWindow *card)
{
  AppealsTestSaves count = { 0 };
  gulong saved = g_signal_connect (card, "saved", G_CALLBACK (appeals_test_ui_on_saved), &count);
  gulong failed = g_signal_connect (card, "save-failed", G_CALLBACK (appeals_test_ui_on_save_failed), &count);

  gtk_widget_activate_action (GTK_WIDGET (card), "card.save", NULL);
  APPEALS_TEST_WAIT (saved_or_failed, &count);
  g_signal_handler_disconnect (card, saved);
  g_signal_handler_disconnect (card, failed);
  return count.failed == 0;
}

/* A demo server on SQLite started with @server_args, the client pointed at it. */
AppealsTestServer *
appeals_test_ui_start_server (const char *const *server_args)
{
  AppealsTestServer *server = appeals_test_server_start ("sqlite", (const char **) server_args);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_string (settings, "server-url", appeals_test_server_get_url (server));
  return server;
}

/* A display test's main, once its tests are added: the server in *@server
 * for them, the tests run, the server stopped. */
int
appeals_test_ui_run_tests (AppealsTestServer **server,
                           const char *const  *server_args)
{
  int status;

  *server = appeals_test_ui_start_server (server_args);
  status = g_test_run ();
  g_clear_pointer (server, appeals_test_server_free);
  return status;
}

/* A file under build/screenshots/prints/. */
char *
appeals_test_ui_prints_path (const char *name)
{
  const char *dir = g_getenv ("APPEALS_SCREENSHOT_DIR");
  g_autofree char *prints = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), "prints", NULL);

  g_assert_cmpint (g_mkdir_with_parents (prints, 0755), ==, 0);
  return g_build_filename (prints, name, NULL);
}

/* A PDF the test made, which must open. */
static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* The text of every page of a PDF, lines joined with spaces. */
static char *
read_pdf_text (const char *path,
               int        *n_pages,
               gboolean    landscape)
{
  PopplerDocument *document = open_pdf (path);
  GString *text = g_string_new (NULL);

  *n_pages = poppler_document_get_n_pages (document);
  for (int p = 0; p < *n_pages; p++)
    {
      PopplerPage *page = poppler_document_get_page (document, p);
      g_autofree char *page_text = poppler_page_get_text (page);
      double width, height;

      /* landscape A4, or portrait */
      poppler_page_get_size (page, &width, &height);
      if (landscape)
        g_assert_cmpfloat (width, >, height);
      else
        g_assert_cmpfloat (width, <, height);
      g_string_append_printf (text, "%s ", page_text);
      g_object_unref (page);
    }
  g_object_unref (document);
  g_strdelimit (text->str, "\n", ' ');
  return g_string_free (text, FALSE);
}

/* The text of a landscape PDF's pages, its lines joined by spaces. */
char *
appeals_test_ui_read_pdf_text (const char *path,
                               int        *n_pages)
{
  return read_pdf_text (path, n_pages, TRUE);
}

/* The text of a portrait PDF's pages, its lines joined by spaces. */
char *
appeals_test_ui_read_portrait_pdf_text (const char *path,
                                        int        *n_pages)
{
  return read_pdf_text (path, n_pages, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median width of a digit on @page's text. */
static double
digit_width (const char       *text,
             PopplerRectangle *boxes,
             guint             n_boxes)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  const char *c = text;

  for (guint k = 0; k < n_boxes && *c != '\0'; k++, c = g_utf8_next_char (c))
    if (g_ascii_isdigit (*c))
      g_array_append_val (widths, (double) { boxes[k].x2 - boxes[k].x1 });
  if (widths->len == 0)
    return 0;
  g_array_sort (widths, compare_doubles);
  return g_array_index (widths, double, widths->len / 2);
}

/* The first text of a PDF cut short by an ellipsis, with what is around
 * it, or %NULL. Cairo keeps a cut text whole as the ellipsis's actual
 * text, so poppler reads it all, but squeezed into the ellipsis: a long
 * text's characters less than a point wide each, a number's digits
 * narrower than the page's other digits. */
char *
appeals_test_ui_find_pdf_ellipsis (const char *path)
{
  PopplerDocument *document = open_pdf (path);
  char *found = NULL;

  for (int p = 0; found == NULL && p < poppler_document_get_n_pages (document); p++)
    {
      PopplerPage *page = poppler_document_get_page (document, p);
      g_autofree char *text = poppler_page_get_text (page);
      PopplerRectangle *boxes = NULL;
      guint n_boxes = 0;
      const char *c = text;
      double digit;

      g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
      digit = digit_width (text, boxes, n_boxes);
      for (guint k = 0; found == NULL && k < n_boxes && *c != '\0'; k++, c = g_utf8_next_char (c))
        {
          double width = boxes[k].x2 - boxes[k].x1;

          if ((!g_unichar_isspace (g_utf8_get_char (c)) && width < 1.0) ||
              (g_ascii_isdigit (*c) && width < 0.8 * digit))
            found = g_utf8_substring (text, k >= 20 ? k - 20 : 0, MIN (k + 20, (guint) g_utf8_strlen (text, -1)));
        }
      g_free (boxes);
      g_object_unref (page);
    }
  g_object_unref (document);
  return found;
}

/* Scrolls the page of @widget to show it at the top. */
void
appeals_test_ui_scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  double x = 0, y = 0;

  /* laid out first, so that the page is as long as its contents */
  appeals_test_ui_settle (300);
  /* the viewport shows its child from the adjustment's value on: @y is
   * where the widget is in what is shown (0 when it is already at the
   * top, where setting 0 scrolled the page back to its start) */
  g_assert_true (gtk_widget_translate_coordinates (widget, gtk_scrolled_window_get_child (
                                                     GTK_SCROLLED_WINDOW (scrolled)), 0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y);
  appeals_test_ui_settle (300);
}

/* The page of @window's sidebar section @name ("analytics", …). */
GtkWidget *
appeals_test_ui_get_page (AppealsWindow *window,
                          const char    *name)
{
  GtkWidget *pages = appeals_test_ui_find_by_name (GTK_WIDGET (window), "pages");

  return gtk_stack_get_child_by_name (GTK_STACK (pages), name);
}

/* Whether the journal is shown and lists exactly the appeals @figure
 * counts. */
gboolean
appeals_test_ui_journal_shows_figure (AppealsTestFigure *figure)
{
  AppealsJournalModel *model = APPEALS_JOURNAL_MODEL (appeals_test_ui_journal_model (figure->app));

  return g_str_equal (gtk_stack_get_visible_child_name (GTK_STACK (appeals_test_ui_find_by_name (
                        GTK_WIDGET (figure->window), "pages"))), "journal") &&
         !appeals_journal_model_is_loading (model) && appeals_journal_model_get_total (model) == figure->count;
}
