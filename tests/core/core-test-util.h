/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * core-test-util.h: what the core's table tests share — JSON text
 * parsed, and one row of a mapping table read the way the row says it
 * must read, and rule files that must not load.
 */
#pragma once

#include "appeals-core.h"

G_BEGIN_DECLS

typedef gpointer (*CoreTestReader) (JsonNode  *node,
                                    GError   **error);
typedef JsonNode *(*CoreTestWriter) (gpointer object);
/* Loads a rules object (a GObject) from a file. */
typedef gpointer (*CoreTestFileLoader) (const char  *path,
                                        GError     **error);

/* A rule file that must not load, and the field its error must name. */
typedef struct
{
  const char *json;
  const char *field;
} CoreTestMalformed;

JsonNode *core_test_parse_json  (const char     *text);
gpointer  core_test_read_case   (const char     *name,
                                 const char     *json,
                                 gboolean        valid,
                                 CoreTestReader  read);
gpointer  core_test_round_trip  (gpointer        object,
                                 CoreTestWriter  write,
                                 CoreTestReader  read);
void      core_test_assert_malformed_files (const char              *file_name,
                                            const CoreTestMalformed *cases,
                                            guint                    n_cases,
                                            CoreTestFileLoader       load);

G_END_DECLS
