/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-requests-view.h: the requests for a reception beside
 * the calendar — new, in analysis, decided, refused — and what moves
 * them on.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"
#include "appeals-refusal-notice.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_RECEPTION_REQUESTS_VIEW (appeals_reception_requests_view_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReceptionRequestsView, appeals_reception_requests_view, APPEALS, RECEPTION_REQUESTS_VIEW,
                      GtkBox)

void       appeals_reception_requests_view_set_context (AppealsReceptionRequestsView *self,
                                                        AppealsContext               *context);
void       appeals_reception_requests_view_reload      (AppealsReceptionRequestsView *self);
void       appeals_reception_requests_view_clear       (AppealsReceptionRequestsView *self);
void       appeals_reception_requests_view_set_state   (AppealsReceptionRequestsView *self,
                                                        const char                   *state);
GPtrArray *appeals_reception_requests_view_get_requests (AppealsReceptionRequestsView *self);
GtkWindow *appeals_reception_requests_view_register    (AppealsReceptionRequestsView *self);
GtkWindow *appeals_reception_requests_view_decide      (AppealsReceptionRequestsView *self,
                                                        gint64                        request_id);
AppealsRefusalNotice *appeals_reception_requests_view_new_refusal_notice (AppealsReceptionRequestsView *self,
                                                                          gint64                        request_id,
                                                                          const char                   *language);

G_END_DECLS
