/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-priority.h: the categories of visitors received first at
 * personal receptions (data/rules/priority-categories.json), and the order
 * of a day's queue.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *priority;     /* a category code, or NULL */
  gint64      booked_at;    /* microseconds since the epoch */
} AppealsQueueEntry;

#define APPEALS_TYPE_PRIORITY_CATALOG (appeals_priority_catalog_get_type ())

G_DECLARE_FINAL_TYPE (AppealsPriorityCatalog, appeals_priority_catalog, APPEALS, PRIORITY_CATALOG, GObject)

AppealsPriorityCatalog *appeals_priority_catalog_new_from_file (const char             *path,
                                                                GError                **error);
AppealsPriorityCatalog *appeals_priority_catalog_new_default   (GError                **error);
AppealsPriorityCatalog *appeals_priority_catalog_new_from_json (JsonNode               *node,
                                                                const char             *origin,
                                                                GError                **error);
JsonNode               *appeals_priority_catalog_to_json       (AppealsPriorityCatalog *self);
guint                   appeals_priority_catalog_get_n_categories (AppealsPriorityCatalog *self);
const char             *appeals_priority_catalog_get_code      (AppealsPriorityCatalog *self,
                                                                guint                   position);
gboolean                appeals_priority_catalog_has           (AppealsPriorityCatalog *self,
                                                                const char             *code);
int                     appeals_priority_catalog_get_rank      (AppealsPriorityCatalog *self,
                                                                const char             *code);
const char             *appeals_priority_catalog_get_name      (AppealsPriorityCatalog *self,
                                                                const char             *code,
                                                                const char             *language);
int                     appeals_priority_compare               (AppealsPriorityCatalog *self,
                                                                const AppealsQueueEntry *a,
                                                                const AppealsQueueEntry *b);
void                    appeals_priority_sort_queue            (AppealsPriorityCatalog *self,
                                                                AppealsQueueEntry      *entries,
                                                                gsize                   n_entries);

G_END_DECLS
