/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-receptions.h: what the reception UI tests share — the server with
 * the visitor registered once, set-up through the API, signing in, and
 * the conditions the tests wait for.
 */
#pragma once

#include <poppler.h>

#include "appeals-booking-dialog.h"
#include "appeals-month-view.h"
#include "appeals-reception-window.h"
#include "appeals-receptions-page.h"
#include "appeals-reception-text.h"
#include "appeals-review-page.h"
#include "appeals-schedule-poster.h"
#include "appeals-test-server.h"
#include "appeals-test-ui.h"

G_BEGIN_DECLS

#define APPLICANT_IIN "061211600012"
#define APPLICANT_SURNAME "Сейтқали"

extern AppealsTestServer *server;
extern gint64 applicant_id;
extern gint64 appeal_id;       /* the applicant's registered appeal */

typedef struct
{
  AppealsReceptionsPage *page;
  guint                  n;
} QueueLength;

typedef struct
{
  guint loaded;
  guint booked;
  guint exported;
} Counts;

/* A reception booked through the API with the first official, for the
 * official's next reception day: where the reception window's tests start. */
typedef struct
{
  SoupSession *session;
  char        *token;         /* the registrar's */
  gint64       official;
  gint64       id;
} BookedReception;

/* set-up through the API */
char          *api_token        (const char             *login);
JsonObject    *first_official   (SoupSession            *session,
                                 const char             *token,
                                 AppealsTestResponse   **keep);
void           reception_day    (AppealsApplication     *app,
                                 AppealsOfficial             *official,
                                 int                     ahead,
                                 GDate                  *date);
gint64         book_tomorrow    (AppealsApplication     *app,
                                 SoupSession            *session,
                                 const char             *token,
                                 gint64                  official);
void           booked_reception_init  (BookedReception   *booked,
                                       AppealsApplication *app);
void           booked_reception_clear (BookedReception   *booked);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BookedReception, booked_reception_clear)
GBytes        *make_pdf         (const char             *text);
GBytes        *make_png         (void);
void           attach           (SoupSession            *session,
                                 const char             *token,
                                 gint64                  reception,
                                 const char             *kind,
                                 const char             *file_name,
                                 const char             *content_type,
                                 GBytes                 *content);
char          *print_path       (const char             *name);
char          *read_pdf_text    (const char             *path);
char          *export_pdf_text  (GtkPrintOperation      *operation,
                                 const char             *name);
GtkWidget     *find_print_dialog (void);
void           cancel_print_dialog (void);

/* signing in, and what the tests wait for */
AppealsWindow *sign_in          (AppealsApplication     *app,
                                 const char             *login);
AppealsReceptionWindow *open_reception_loaded (AppealsWindow *window,
                                               gint64         id,
                                               Counts        *counts);
gboolean       officials_loaded (AppealsReceptionsPage  *page);
gboolean       queue_has        (QueueLength            *wanted);
gboolean       applicant_found  (AppealsBookingDialog   *dialog);
gboolean       question_refused (AppealsBookingDialog   *dialog);
void           on_booked        (AppealsBookingDialog   *dialog,
                                 gint64                  id,
                                 Counts                 *counts);
void           on_loaded        (GObject                *object,
                                 Counts                 *counts);
void           on_booked_id     (AppealsBookingDialog   *dialog,
                                 gint64                  id,
                                 gint64                 *out);
gboolean       booked_count     (Counts                 *counts);
gboolean       loaded_count     (Counts                 *counts);

void test_receptions_add_documents (void);
void test_receptions_add_status    (void);
void test_reception_arrangements_add (void);

G_END_DECLS
