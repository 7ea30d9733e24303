/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-letterhead.h: the department's letterhead on printed notices,
 * in Kazakh and Russian, read from data/printing/letterhead.json by the
 * server and handed to the desks (GET /rules/letterhead).
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  APPEALS_LETTERHEAD_ORGANISATION,
  APPEALS_LETTERHEAD_ADDRESS,
  APPEALS_LETTERHEAD_CONTACTS,
  APPEALS_LETTERHEAD_SIGNATORY,
  APPEALS_LETTERHEAD_SIGNATORY_NAME,
  APPEALS_LETTERHEAD_N_LINES,
} AppealsLetterheadLine;

#define APPEALS_TYPE_LETTERHEAD (appeals_letterhead_get_type ())

G_DECLARE_FINAL_TYPE (AppealsLetterhead, appeals_letterhead, APPEALS, LETTERHEAD, GObject)

AppealsLetterhead *appeals_letterhead_new_from_json (JsonNode              *node,
                                                     const char            *origin,
                                                     GError               **error);
AppealsLetterhead *appeals_letterhead_new_from_file (const char            *path,
                                                     GError               **error);
AppealsLetterhead *appeals_letterhead_new_default   (GError               **error);
JsonNode          *appeals_letterhead_to_json       (AppealsLetterhead     *self);
const char        *appeals_letterhead_get           (AppealsLetterhead     *self,
                                                     AppealsLetterheadLine  line,
                                                     const char            *language);

G_END_DECLS
