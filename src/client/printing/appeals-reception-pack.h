/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-pack.h: one reception's materials as a single
 * document (printed, or exported to PDF) for the leadership, in Kazakh
 * or in Russian, on the department's letterhead.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-core.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_RECEPTION_PACK (appeals_reception_pack_get_type ())

G_DECLARE_FINAL_TYPE (AppealsReceptionPack, appeals_reception_pack, APPEALS, RECEPTION_PACK, GtkPrintOperation)

AppealsReceptionPack *appeals_reception_pack_new             (AppealsReception       *reception,
                                                              AppealsOfficial        *official,
                                                              AppealsLetterhead      *letterhead,
                                                              AppealsPriorityCatalog *priorities,
                                                              AppealsWorkflow        *workflow,
                                                              const char             *language);
void                  appeals_reception_pack_add_attachment  (AppealsReceptionPack   *self,
                                                              AppealsAttachment      *attachment,
                                                              GBytes                 *content);
guint                 appeals_reception_pack_get_n_attachments (AppealsReceptionPack *self);

G_END_DECLS
