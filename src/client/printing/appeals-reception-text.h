/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-text.h: how receptions read on screen — officials'
 * names in the interface's language, dates, priority categories and step
 * names — shared by the pages and dialogs about receptions.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

const char *appeals_official_get_name        (JsonObject *official);
const char *appeals_official_get_position    (JsonObject *official);
JsonObject *appeals_officials_find           (JsonArray  *officials,
                                              gint64      id);
char       *appeals_format_iso_date          (const char *iso);
const char *appeals_priority_get_label       (const char *code);
const char *appeals_step_get_label           (const char *code);
char       *appeals_weekday_name             (int         weekday);
const char *appeals_material_kind_label      (const char *kind);

G_END_DECLS
