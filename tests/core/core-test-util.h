/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * core-test-util.h: what the core's table tests share — JSON text
 * parsed, and one row of a mapping table read the way the row says it
 * must read.
 */
#pragma once

#include "appeals-core.h"

G_BEGIN_DECLS

typedef gpointer (*CoreTestReader) (JsonNode  *node,
                                    GError   **error);
typedef JsonNode *(*CoreTestWriter) (gpointer object);

JsonNode *core_test_parse_json  (const char     *text);
gpointer  core_test_read_case   (const char     *name,
                                 const char     *json,
                                 gboolean        valid,
                                 CoreTestReader  read);
gpointer  core_test_round_trip  (gpointer        object,
                                 CoreTestWriter  write,
                                 CoreTestReader  read);

G_END_DECLS
