/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-geo.h: the region's administrative units as drawn on the map of
 * problem issues — read from a GeoJSON FeatureCollection of (Multi)Polygons
 * in WGS 84 (data/geo/kostanay-districts.geojson, © OpenStreetMap
 * contributors, ODbL), projected onto a page with a simple equirectangular
 * projection, and found again under a point.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  double lon;
  double lat;
} AppealsGeoPoint;

typedef struct
{
  gint64           osm_relation;   /* joins the districts classifier */
  char            *kind;           /* "city" or "district" */
  char            *name_kk;
  char            *name_ru;
  AppealsGeoPoint  label;          /* a point inside the unit */
  GPtrArray       *rings;          /* GArray of AppealsGeoPoint: outer rings and holes, filled even-odd */
} AppealsGeoUnit;

typedef struct
{
  GPtrArray *units;                /* AppealsGeoUnit: districts first, cities (drawn over them) last */
  char      *attribution;
  double     west, south, east, north;
} AppealsGeoMap;

/* Where lon/lat land on a page: x grows east, y grows south. */
typedef struct
{
  double scale;                    /* points per degree of latitude */
  double x_factor;                 /* cos (middle latitude): a degree of longitude is shorter */
  double x0, y0;                   /* the page position of (west, north) */
  double west, north;
} AppealsGeoProjection;

AppealsGeoMap        *appeals_geo_map_new_from_json  (JsonNode              *root,
                                                      const char            *origin,
                                                      GError               **error);
AppealsGeoMap        *appeals_geo_map_new_from_bytes (GBytes                *bytes,
                                                      const char            *origin,
                                                      GError               **error);
void                  appeals_geo_map_free           (AppealsGeoMap         *map);
const AppealsGeoUnit *appeals_geo_map_find_relation  (const AppealsGeoMap   *map,
                                                      gint64                 osm_relation);
const AppealsGeoUnit *appeals_geo_map_find_at        (const AppealsGeoMap   *map,
                                                      double                 lon,
                                                      double                 lat);
void                  appeals_geo_map_fit            (const AppealsGeoMap   *map,
                                                      double                 width,
                                                      double                 height,
                                                      AppealsGeoProjection  *projection);

gboolean              appeals_geo_unit_contains      (const AppealsGeoUnit  *unit,
                                                      double                 lon,
                                                      double                 lat);
const char           *appeals_geo_unit_get_name      (const AppealsGeoUnit  *unit,
                                                      const char            *language);

void                  appeals_geo_projection_to_page (const AppealsGeoProjection *projection,
                                                      double                 lon,
                                                      double                 lat,
                                                      double                *x,
                                                      double                *y);
void                  appeals_geo_projection_to_map  (const AppealsGeoProjection *projection,
                                                      double                 x,
                                                      double                 y,
                                                      double                *lon,
                                                      double                *lat);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsGeoMap, appeals_geo_map_free)

G_END_DECLS
