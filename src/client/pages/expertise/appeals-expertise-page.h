/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-expertise-page.h: answer-quality expertise — the appeal, the
 * body's answer and the checklist side by side; the score, the verdict,
 * and the reasons for a return pre-filled from the failed criteria.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-core.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_EXPERTISE_PAGE (appeals_expertise_page_get_type ())

G_DECLARE_FINAL_TYPE (AppealsExpertisePage, appeals_expertise_page, APPEALS, EXPERTISE_PAGE, GtkBox)

void        appeals_expertise_page_reload       (AppealsExpertisePage   *self);
void        appeals_expertise_page_clear        (AppealsExpertisePage   *self);
GListModel *appeals_expertise_page_get_model    (AppealsExpertisePage   *self);
void        appeals_expertise_page_open         (AppealsExpertisePage   *self,
                                                 guint                   position);
gint64      appeals_expertise_page_get_appeal_id (AppealsExpertisePage  *self);
void        appeals_expertise_page_set_answer   (AppealsExpertisePage   *self,
                                                 const char             *criterion,
                                                 AppealsCriterionAnswer  answer);
char       *appeals_expertise_page_dup_reasons  (AppealsExpertisePage   *self);
guint       appeals_expertise_page_get_n_pending (AppealsExpertisePage  *self);

G_END_DECLS
