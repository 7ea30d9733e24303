/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-participants.h: who takes part in a reception besides
 * the official and the visitor.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

#define APPEALS_PARTICIPANT_COLUMNS "reception_id, name, job_title, by_video"

JsonNode *appeals_api_participants_to_json (AppealsDbResult *participants,
                                            GArray          *rows);

G_END_DECLS
