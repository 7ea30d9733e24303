/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-geo.c: the administrative units of the map read from GeoJSON,
 * their projection onto a page, and which unit lies under a point.
 *
 * The projection is equirectangular with longitude shrunk by the cosine of
 * the middle latitude: over one region (4–5° of latitude) it is as
 * faithful as a choropleth needs, and its inverse is exact, so a pointer
 * position maps back to lon/lat for the hit test.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "appeals-error.h"
#include "appeals-geo.h"
#include "appeals-json.h"

static void
geo_unit_free (AppealsGeoUnit *unit)
{
  g_free (unit->kind);
  g_free (unit->name_kk);
  g_free (unit->name_ru);
  g_clear_pointer (&unit->rings, g_ptr_array_unref);
  g_free (unit);
}

void
appeals_geo_map_free (AppealsGeoMap *map)
{
  if (map == NULL)
    return;
  g_clear_pointer (&map->units, g_ptr_array_unref);
  g_free (map->attribution);
  g_free (map);
}

static gboolean
fail (GError     **error,
      const char  *origin,
      const char  *where,
      const char  *message)
{
  appeals_json_set_field_error (error, origin, where, message);
  return FALSE;
}

/* A ring: [[lon, lat], …], at least a triangle. */
static gboolean
read_ring (JsonNode        *node,
           AppealsGeoUnit  *unit,
           AppealsGeoMap   *map,
           const char      *origin,
           const char      *where,
           GError         **error)
{
  JsonArray *positions = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  g_autoptr(GArray) ring = g_array_new (FALSE, FALSE, sizeof (AppealsGeoPoint));

  if (positions == NULL || json_array_get_length (positions) < 3)
    return fail (error, origin, where, _("must be a ring of at least three positions"));

  for (guint i = 0; i < json_array_get_length (positions); i++)
    {
      JsonNode *position = json_array_get_element (positions, i);
      JsonArray *pair = JSON_NODE_HOLDS_ARRAY (position) ? json_node_get_array (position) : NULL;
      AppealsGeoPoint point;

      if (pair == NULL || json_array_get_length (pair) < 2 ||
          json_node_get_value_type (json_array_get_element (pair, 0)) == G_TYPE_STRING ||
          json_node_get_value_type (json_array_get_element (pair, 1)) == G_TYPE_STRING)
        return fail (error, origin, where, _("must hold [longitude, latitude] numbers"));
      point.lon = json_array_get_double_element (pair, 0);
      point.lat = json_array_get_double_element (pair, 1);
      if (!(point.lon >= -180 && point.lon <= 180 && point.lat >= -90 && point.lat <= 90))
        return fail (error, origin, where, _("is not a longitude and latitude"));
      map->west = MIN (map->west, point.lon);
      map->east = MAX (map->east, point.lon);
      map->south = MIN (map->south, point.lat);
      map->north = MAX (map->north, point.lat);
      g_array_append_val (ring, point);
    }
  g_ptr_array_add (unit->rings, g_steal_pointer (&ring));
  return TRUE;
}

/* A Polygon's coordinates: rings; a MultiPolygon's: polygons of rings. */
static gboolean
read_geometry (JsonObject      *geometry,
               AppealsGeoUnit  *unit,
               AppealsGeoMap   *map,
               const char      *origin,
               const char      *where,
               GError         **error)
{
  const char *type = json_object_get_string_member_with_default (geometry, "type", "");
  JsonArray *coordinates = NULL;
  gboolean multi = g_str_equal (type, "MultiPolygon");

  if (!multi && !g_str_equal (type, "Polygon"))
    return fail (error, origin, where, _("must be a Polygon or a MultiPolygon"));
  if (!appeals_json_read_array (geometry, "coordinates", TRUE, &coordinates, origin, where, error))
    return FALSE;

  for (guint p = 0; p < json_array_get_length (coordinates); p++)
    {
      JsonNode *polygon = json_array_get_element (coordinates, p);
      JsonArray *rings = multi && JSON_NODE_HOLDS_ARRAY (polygon) ? json_node_get_array (polygon) : NULL;

      if (!multi)
        {
          if (!read_ring (polygon, unit, map, origin, where, error))
            return FALSE;
          continue;
        }
      if (rings == NULL)
        return fail (error, origin, where, _("must be a list of polygons"));
      for (guint r = 0; r < json_array_get_length (rings); r++)
        if (!read_ring (json_array_get_element (rings, r), unit, map, origin, where, error))
          return FALSE;
    }
  if (unit->rings->len == 0)
    return fail (error, origin, where, _("has no rings"));
  return TRUE;
}

static AppealsGeoUnit *
read_feature (JsonArray      *features,
              guint           index,
              AppealsGeoMap  *map,
              const char     *origin,
              GError        **error)
{
  g_autofree char *where = appeals_json_index_path ("features", index);
  g_autofree char *properties_where = appeals_json_field_path (where, "properties");
  JsonObject *feature = appeals_json_array_get_object (features, index, origin, "features", error);
  JsonObject *properties = NULL, *geometry = NULL;
  const char *kind = NULL, *name_kk = NULL, *name_ru = NULL;
  AppealsGeoUnit *unit;
  gint64 relation = 0;

  if (feature == NULL ||
      !appeals_json_read_object (feature, "properties", TRUE, &properties, origin, where, error) ||
      !appeals_json_read_object (feature, "geometry", TRUE, &geometry, origin, where, error) ||
      !appeals_json_read_int (properties, "osm_relation", TRUE, 1, G_MAXINT64, &relation, origin,
                              properties_where, error) ||
      !appeals_json_read_string (properties, "kind", TRUE, &kind, origin, properties_where, error) ||
      !appeals_json_read_string (properties, "name_kk", TRUE, &name_kk, origin, properties_where, error) ||
      !appeals_json_read_string (properties, "name_ru", TRUE, &name_ru, origin, properties_where, error))
    return NULL;

  unit = g_new0 (AppealsGeoUnit, 1);
  unit->osm_relation = relation;
  unit->kind = g_strdup (kind);
  unit->name_kk = g_strdup (name_kk);
  unit->name_ru = g_strdup (name_ru);
  unit->rings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  if (!read_geometry (geometry, unit, map, origin, where, error))
    {
      geo_unit_free (unit);
      return NULL;
    }
  unit->label.lon = json_object_get_double_member_with_default (properties, "label_lon", NAN);
  unit->label.lat = json_object_get_double_member_with_default (properties, "label_lat", NAN);
  if (isnan (unit->label.lon) || isnan (unit->label.lat))
    {
      /* no label point given: the middle of the first ring's bounds */
      GArray *ring = g_ptr_array_index (unit->rings, 0);
      double west = G_MAXDOUBLE, east = -G_MAXDOUBLE, south = G_MAXDOUBLE, north = -G_MAXDOUBLE;

      for (guint i = 0; i < ring->len; i++)
        {
          AppealsGeoPoint *point = &g_array_index (ring, AppealsGeoPoint, i);

          west = MIN (west, point->lon), east = MAX (east, point->lon);
          south = MIN (south, point->lat), north = MAX (north, point->lat);
        }
      unit->label.lon = (west + east) / 2;
      unit->label.lat = (south + north) / 2;
    }
  return unit;
}

/* Districts first, cities after: a city lies inside a district's outline
 * and is drawn over it, and found first under the pointer. */
static int
compare_kind (gconstpointer a,
              gconstpointer b)
{
  const AppealsGeoUnit *x = *(AppealsGeoUnit **) a;
  const AppealsGeoUnit *y = *(AppealsGeoUnit **) b;

  return (int) g_str_equal (x->kind, "city") - (int) g_str_equal (y->kind, "city");
}

/**
 * appeals_geo_map_new_from_json:
 * @origin: the file the document came from, for error messages
 *
 * Returns: (transfer full): the units of a GeoJSON FeatureCollection
 */
AppealsGeoMap *
appeals_geo_map_new_from_json (JsonNode    *root,
                               const char  *origin,
                               GError     **error)
{
  g_autoptr(AppealsGeoMap) map = g_new0 (AppealsGeoMap, 1);
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonArray *features = NULL;
  const char *attribution = NULL;

  map->units = g_ptr_array_new_with_free_func ((GDestroyNotify) geo_unit_free);
  map->west = map->south = G_MAXDOUBLE;
  map->east = map->north = -G_MAXDOUBLE;
  if (object == NULL || !g_str_equal (json_object_get_string_member_with_default (object, "type", ""),
                                      "FeatureCollection"))
    {
      fail (error, origin, "/", _("must be a GeoJSON FeatureCollection"));
      return NULL;
    }
  if (!appeals_json_read_array (object, "features", TRUE, &features, origin, NULL, error) ||
      !appeals_json_read_string (object, "attribution", FALSE, &attribution, origin, NULL, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      AppealsGeoUnit *unit = read_feature (features, i, map, origin, error);

      if (unit == NULL)
        return NULL;
      g_ptr_array_add (map->units, unit);
    }
  if (map->units->len == 0)
    {
      fail (error, origin, "features", _("has no units"));
      return NULL;
    }
  g_ptr_array_sort (map->units, compare_kind);
  map->attribution = g_strdup (attribution);
  return g_steal_pointer (&map);
}

AppealsGeoMap *
appeals_geo_map_new_from_bytes (GBytes      *bytes,
                                const char  *origin,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;
  return appeals_geo_map_new_from_json (json_parser_get_root (parser), origin, error);
}

const AppealsGeoUnit *
appeals_geo_map_find_relation (const AppealsGeoMap *map,
                               gint64               osm_relation)
{
  for (guint i = 0; i < map->units->len; i++)
    {
      const AppealsGeoUnit *unit = g_ptr_array_index (map->units, i);

      if (unit->osm_relation == osm_relation)
        return unit;
    }
  return NULL;
}

/* Even-odd crossings over all rings: holes and enclaves come out right. */
gboolean
appeals_geo_unit_contains (const AppealsGeoUnit *unit,
                           double                lon,
                           double                lat)
{
  gboolean inside = FALSE;

  for (guint r = 0; r < unit->rings->len; r++)
    {
      GArray *ring = g_ptr_array_index (unit->rings, r);

      for (guint i = 0, j = ring->len - 1; i < ring->len; j = i++)
        {
          const AppealsGeoPoint *a = &g_array_index (ring, AppealsGeoPoint, i);
          const AppealsGeoPoint *b = &g_array_index (ring, AppealsGeoPoint, j);

          if ((a->lat > lat) != (b->lat > lat) &&
              lon < (b->lon - a->lon) * (lat - a->lat) / (b->lat - a->lat) + a->lon)
            inside = !inside;
        }
    }
  return inside;
}

/**
 * appeals_geo_map_find_at:
 *
 * Returns: (nullable): the unit under @lon, @lat — a city before the
 *   district around it
 */
const AppealsGeoUnit *
appeals_geo_map_find_at (const AppealsGeoMap *map,
                         double               lon,
                         double               lat)
{
  for (guint i = map->units->len; i > 0; i--)
    {
      const AppealsGeoUnit *unit = g_ptr_array_index (map->units, i - 1);

      if (appeals_geo_unit_contains (unit, lon, lat))
        return unit;
    }
  return NULL;
}

const char *
appeals_geo_unit_get_name (const AppealsGeoUnit *unit,
                           const char           *language)
{
  return g_strcmp0 (language, "kk") == 0 ? unit->name_kk : unit->name_ru;
}

/**
 * appeals_geo_map_fit:
 *
 * The projection that fits the whole map into @width × @height, centred.
 */
void
appeals_geo_map_fit (const AppealsGeoMap  *map,
                     double                width,
                     double                height,
                     AppealsGeoProjection *projection)
{
  double x_factor = cos ((map->north + map->south) / 2 * G_PI / 180);
  double map_width = (map->east - map->west) * x_factor;
  double map_height = map->north - map->south;
  double scale = MIN (width / map_width, height / map_height);

  projection->scale = scale;
  projection->x_factor = x_factor;
  projection->west = map->west;
  projection->north = map->north;
  projection->x0 = (width - map_width * scale) / 2;
  projection->y0 = (height - map_height * scale) / 2;
}

void
appeals_geo_projection_to_page (const AppealsGeoProjection *projection,
                                double                      lon,
                                double                      lat,
                                double                     *x,
                                double                     *y)
{
  *x = projection->x0 + (lon - projection->west) * projection->x_factor * projection->scale;
  *y = projection->y0 + (projection->north - lat) * projection->scale;
}

void
appeals_geo_projection_to_map (const AppealsGeoProjection *projection,
                               double                      x,
                               double                      y,
                               double                     *lon,
                               double                     *lat)
{
  *lon = projection->west + (x - projection->x0) / (projection->x_factor * projection->scale);
  *lat = projection->north - (y - projection->y0) / projection->scale;
}
