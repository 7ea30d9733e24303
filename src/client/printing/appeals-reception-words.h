/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-words.h: what the printed documents of a reception
 * (the invitation, the pack) say of where it is held and who takes part,
 * in the document's own language.
 */
#pragma once

#include "appeals-core.h"

G_BEGIN_DECLS

char *appeals_reception_dup_place_text        (AppealsReception *reception,
                                               AppealsOfficial  *official,
                                               const char       *language);
char *appeals_reception_dup_participants_text (AppealsReception *reception,
                                               const char       *language);
char *appeals_reception_dup_official_text     (AppealsReception *reception,
                                               AppealsOfficial  *official,
                                               const char       *language);

G_END_DECLS
