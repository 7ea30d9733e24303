/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-work-page.h: My work — what the signed-in person has to do,
 * the most urgent first, in the groups their role has.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-context.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_WORK_PAGE (appeals_work_page_get_type ())

G_DECLARE_FINAL_TYPE (AppealsWorkPage, appeals_work_page, APPEALS, WORK_PAGE, GtkBox)

void               appeals_work_page_reload        (AppealsWorkPage *self);
void               appeals_work_page_clear         (AppealsWorkPage *self);
const AppealsWork *appeals_work_page_get_work      (AppealsWorkPage *self);
gint64             appeals_work_page_get_n_due     (AppealsWorkPage *self,
                                                    gboolean        *more);
gboolean           appeals_work_page_activate_item (AppealsWorkPage *self,
                                                    guint            group,
                                                    guint            item);

G_END_DECLS
