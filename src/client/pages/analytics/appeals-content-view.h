/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-content-view.h: the content analysis in the analytics section
 * ("systemic issues in the texts") — the words and phrases of the
 * appeals' texts whose count grew most against the same period a year
 * earlier, as a table of bars with the counts beside them; a term opens
 * the journal's search for it.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_CONTENT_VIEW (appeals_content_view_get_type ())

G_DECLARE_FINAL_TYPE (AppealsContentView, appeals_content_view, APPEALS, CONTENT_VIEW, GtkBox)

void                 appeals_content_view_reload                 (AppealsContentView *self);
void                 appeals_content_view_clear                  (AppealsContentView *self);
void                 appeals_content_view_set_question_character (AppealsContentView *self,
                                                                  const char         *code);
void                 appeals_content_view_set_district           (AppealsContentView *self,
                                                                  const char         *code);
gboolean             appeals_content_view_write                  (AppealsContentView *self,
                                                                  gboolean            xlsx,
                                                                  const char         *path,
                                                                  GError            **error);
AppealsContentTerms *appeals_content_view_get_terms              (AppealsContentView *self);
GtkWidget           *appeals_content_view_get_row                (AppealsContentView *self,
                                                                  guint               position);

G_END_DECLS
