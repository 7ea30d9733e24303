/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-map.h: a choropleth of the region's units, drawn natively.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-core.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_MAP_SCALE_COUNT,     /* white → dark red, up to the largest value */
  APPEALS_MAP_SCALE_CHANGE,    /* blue (fewer) ← white → red (more), ±100% */
} AppealsMapScale;

#define APPEALS_TYPE_MAP (appeals_map_get_type ())

G_DECLARE_FINAL_TYPE (AppealsMap, appeals_map, APPEALS, MAP, GtkWidget)

GtkWidget           *appeals_map_new             (void);
const AppealsGeoMap *appeals_map_get_units       (AppealsMap      *self);
void                 appeals_map_set_scale       (AppealsMap      *self,
                                                  AppealsMapScale  scale,
                                                  const char      *legend_title);
void                 appeals_map_clear_values    (AppealsMap      *self);
void                 appeals_map_set_value       (AppealsMap      *self,
                                                  gint64           osm_relation,
                                                  double           value,
                                                  const char      *label,
                                                  const char      *figures);
const char          *appeals_map_get_figures     (AppealsMap      *self,
                                                  gint64           osm_relation);
void                 appeals_map_focus_unit      (AppealsMap      *self,
                                                  gint64           osm_relation);
gint64               appeals_map_get_focus_unit  (AppealsMap      *self);
void                 appeals_map_paint           (AppealsMap      *self,
                                                  cairo_t         *cr,
                                                  double           width,
                                                  double           height);

G_END_DECLS
