/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-map-view.h: the map of problem issues on the Analytics page — a
 * choropleth of the 20 units by count or change for one question
 * character or all, with the figures in a table beside it, and its PNG and
 * PDF. Choosing a unit asks for the rankings of that district
 * ("district-chosen").
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"
#include "appeals-map.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_MAP_VIEW (appeals_map_view_get_type ())

G_DECLARE_FINAL_TYPE (AppealsMapView, appeals_map_view, APPEALS, MAP_VIEW, GtkBox)

void           appeals_map_view_load               (AppealsMapView *self,
                                                    const GDate    *from,
                                                    const GDate    *to);
void           appeals_map_view_clear              (AppealsMapView *self);
AppealsMap    *appeals_map_view_get_map            (AppealsMapView *self);
AppealsReport *appeals_map_view_get_report         (AppealsMapView *self);
void           appeals_map_view_set_question       (AppealsMapView *self,
                                                    const char     *question_character);
void           appeals_map_view_set_scale          (AppealsMapView *self,
                                                    AppealsMapScale scale);
void           appeals_map_view_colour_by_alerts   (AppealsMapView *self);
AppealsAlertList *appeals_map_view_get_alerts      (AppealsMapView *self);
gboolean       appeals_map_view_get_period         (AppealsMapView *self,
                                                    GDate          *from,
                                                    GDate          *to);
char          *appeals_map_view_get_title          (AppealsMapView *self);
char          *appeals_map_view_get_subtitle       (AppealsMapView *self);
const char    *appeals_map_view_district_of        (AppealsMapView *self,
                                                    gint64          osm_relation);

G_END_DECLS
