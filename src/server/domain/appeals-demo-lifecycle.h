/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-demo-lifecycle.h: the demo appeals' way through the lifecycle.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

void      appeals_demo_lifecycle_prepare (AppealsServer  *server,
                                          GRand          *rand,
                                          AppealsAppeal  *appeal);
gboolean  appeals_demo_lifecycle_finish  (AppealsServer  *server,
                                          AppealsDb      *db,
                                          AppealsAppeal  *appeal,
                                          GError        **error);

const char *appeals_demo_lifecycle_pick_answer_character (GRand *rand);
void      appeals_demo_lifecycle_forward (AppealsServer  *server,
                                          GRand          *rand,
                                          AppealsAppeal  *appeal);
void      appeals_demo_lifecycle_decide  (AppealsServer  *server,
                                          GRand          *rand,
                                          AppealsAppeal  *appeal);
void      appeals_demo_lifecycle_extend  (AppealsServer  *server,
                                          AppealsAppeal  *appeal);
double    appeals_demo_lifecycle_check_round (GRand                    *rand,
                                              AppealsChecklistTemplate *template,
                                              const char               *language,
                                              gboolean                  returned,
                                              char                    **criteria,
                                              char                    **reasons);

G_END_DECLS
