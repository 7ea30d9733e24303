/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-invitation.h: the invitation to a personal reception
 * that the applicant receives, in Kazakh or in Russian.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-core.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_RECEPTION_INVITATION (appeals_reception_invitation_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReceptionInvitation, appeals_reception_invitation, APPEALS, RECEPTION_INVITATION,
                      GtkPrintOperation)

AppealsReceptionInvitation *appeals_reception_invitation_new (AppealsLetterhead *letterhead,
                                                              AppealsReception  *reception,
                                                              AppealsOfficial   *official,
                                                              const char        *language);

G_END_DECLS
