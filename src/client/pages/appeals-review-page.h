/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-review-page.h: the leadership's review of the receptions of the
 * next three working days, with their materials and the PDF pack.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-core.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_REVIEW_PAGE (appeals_review_page_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReviewPage, appeals_review_page, APPEALS, REVIEW_PAGE, GtkBox)

void        appeals_review_page_reload           (AppealsReviewPage *self);
void        appeals_review_page_clear            (AppealsReviewPage *self);
void        appeals_review_page_export_pack      (AppealsReviewPage *self,
                                                  const char        *language,
                                                  const char        *pdf_path);
guint       appeals_review_page_get_n_items      (AppealsReviewPage *self);
AppealsReviewEntry *appeals_review_page_get_current (AppealsReviewPage *self);
gboolean    appeals_review_page_can_review       (AppealsReviewPage *self);
gboolean    appeals_review_page_select           (AppealsReviewPage *self,
                                                  gint64             reception_id);
void        appeals_review_page_set_instructions (AppealsReviewPage *self,
                                                  const char        *text);
char       *appeals_review_page_dup_instructions (AppealsReviewPage *self);

G_END_DECLS
