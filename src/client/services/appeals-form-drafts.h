/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-form-drafts.h: what a person typed into a dialog (a booking, an
 * order, instructions…), kept on disk until it is sent or discarded, so
 * that a crash or a lost connection loses nothing. One draft per form and
 * person on a server; its fields are texts by name.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    appeals_form_draft_save   (const char  *server_url,
                                       const char  *login,
                                       const char  *form,
                                       GHashTable  *fields,
                                       GError     **error);
GHashTable *appeals_form_draft_load   (const char  *server_url,
                                       const char  *login,
                                       const char  *form);
void        appeals_form_draft_remove (const char  *server_url,
                                       const char  *login,
                                       const char  *form);

G_END_DECLS
