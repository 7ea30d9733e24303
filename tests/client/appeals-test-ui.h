/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-test-ui.h: driving the real client in tests — run the
 * application with a script, wait on conditions by spinning the main loop
 * (never sleeping), find windows, and render them to PNG.
 */
#pragma once

#include <adwaita.h>

#include "appeals-application.h"
#include "appeals-card-window.h"
#include "appeals-sign-in-dialog.h"
#include "appeals-window.h"
#include "appeals-test-server.h"

G_BEGIN_DECLS

typedef gboolean (*AppealsTestCondition) (gpointer user_data);
typedef void     (*AppealsTestScript)    (AppealsApplication *app,
                                          gpointer            user_data);

AppealsTestServer *appeals_test_ui_start_server (const char *const *server_args);
int        appeals_test_ui_run_tests     (AppealsTestServer   **server,
                                          const char *const    *server_args);
void       appeals_test_ui_init          (int                  *argc,
                                          char               ***argv);
int        appeals_test_ui_run           (AppealsTestScript     script,
                                          gpointer              user_data);
gboolean   appeals_test_ui_wait          (AppealsTestCondition  condition,
                                          gpointer              user_data,
                                          guint                 timeout_seconds);
void       appeals_test_ui_settle        (guint                 milliseconds);
gpointer   appeals_test_ui_find_window   (AppealsApplication   *app,
                                          GType                 type);
GtkWidget *appeals_test_ui_find_by_name (GtkWidget            *root,
                                          const char           *name);
GtkWidget *appeals_test_ui_find_by_type (GtkWidget            *root,
                                          GType                 type);
gboolean   appeals_test_ui_label_shown  (GtkWidget            *root,
                                          const char           *text);

/* How a row's title is matched */
typedef enum
{
  APPEALS_TEST_TITLE_WHOLE,
  APPEALS_TEST_TITLE_PREFIX,
  APPEALS_TEST_TITLE_CONTAINS,
} AppealsTestTitleMatch;

GtkWidget *appeals_test_ui_find_row     (GtkWidget            *root,
                                          const char           *text,
                                          AppealsTestTitleMatch match);
void       appeals_test_ui_click         (GtkWidget            *root,
                                          const char           *name);
void       appeals_test_ui_type          (GtkWidget            *root,
                                          const char           *name,
                                          const char           *text);
void       appeals_test_ui_screenshot    (GtkWidget            *widget,
                                          const char           *name);
GtkWidget *appeals_test_ui_get_page      (AppealsWindow        *window,
                                          const char           *name);
typedef struct
{
  guint saved;
  guint failed;
} AppealsTestSaves;

AppealsCardWindow *appeals_test_ui_open_card  (AppealsApplication  *app,
                                          gint64                appeal_id);
gboolean   appeals_test_ui_card_idle     (AppealsCardWindow    *card);
void       appeals_test_ui_on_saved      (AppealsCardWindow    *card,
                                          AppealsTestSaves     *count);
void       appeals_test_ui_on_save_failed (AppealsCardWindow   *card,
                                          AppealsTestSaves     *count);
gboolean   appeals_test_ui_saved_once    (AppealsTestSaves     *count);
gboolean   appeals_test_ui_failed_once   (AppealsTestSaves     *count);
void       appeals_test_ui_fill_applicant (AppealsCardForm     *form,
                                          const char           *iin,
                                          const char           *surname,
                                          const char           *given_name,
                                          const char           *address);
void       appeals_test_ui_fill_school_application (AppealsCardForm *form,
                                          const char           *form_kind,
                                          const char           *annotation);
gboolean   appeals_test_ui_save_card     (AppealsCardWindow    *card);
GListModel *appeals_test_ui_journal_model (AppealsApplication  *app);
gboolean   appeals_test_ui_signed_in     (AppealsApplication   *app);
gboolean   appeals_test_ui_sign_in_dialog_open (AppealsApplication *app);
gboolean   appeals_test_ui_sign_in_error_shown (AppealsApplication *app);
gboolean   appeals_test_ui_journal_loaded (AppealsApplication  *app);
void       appeals_test_ui_sign_in       (AppealsApplication   *app,
                                          const char           *login,
                                          const char           *password);

char      *appeals_test_ui_prints_path   (const char           *name);
char      *appeals_test_ui_read_pdf_text (const char           *path,
                                          int                  *n_pages);
char      *appeals_test_ui_read_portrait_pdf_text (const char   *path,
                                          int                  *n_pages);
char      *appeals_test_ui_find_pdf_ellipsis        (const char   *path);
void       appeals_test_ui_scroll_to     (GtkWidget            *widget);
/* A figure opened in the journal: the window and how many appeals the
 * figure counts. */
typedef struct
{
  AppealsApplication *app;
  AppealsWindow      *window;
  gint64              count;
} AppealsTestFigure;

gboolean   appeals_test_ui_journal_shows_figure (AppealsTestFigure *figure);

#define APPEALS_TEST_WAIT(condition, data) \
  G_STMT_START { \
    if (!appeals_test_ui_wait ((AppealsTestCondition) (condition), (data), 30)) \
      g_error ("timed out waiting for %s", #condition); \
  } G_STMT_END

G_END_DECLS
