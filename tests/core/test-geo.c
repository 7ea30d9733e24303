/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-geo.c: the map's units read from GeoJSON — the shipped file of the
 * region's 20 units joins the districts classifier by OpenStreetMap
 * relation, one to one; every unit's label point lies in that unit and is
 * found there (a city before the district around it); the projection fits
 * the page and goes back exactly; malformed documents are refused with
 * where they are wrong.
 */
#include "config.h"

#include <math.h>

#include "core-test-util.h"

static AppealsGeoMap *
load_shipped_map (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = appeals_data_find_file ("geo/kostanay-districts.geojson", &error);
  g_autoptr(JsonNode) root = NULL;
  AppealsGeoMap *map;

  g_assert_no_error (error);
  root = appeals_json_load_file (path, &error);
  g_assert_no_error (error);
  map = appeals_geo_map_new_from_json (root, path, &error);
  g_assert_no_error (error);
  return map;
}

static void
test_shipped_map_joins_districts (void)
{
  g_autoptr(AppealsGeoMap) map = load_shipped_map ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsClassifier) districts = appeals_classifier_load (APPEALS_CLASSIFIER_DISTRICTS, &error);
  g_autoptr(GHashTable) joined = g_hash_table_new (NULL, NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (map->units->len, ==, 20);
  g_assert_cmpuint (appeals_classifier_get_n_items (districts), ==, 20);
  g_assert_nonnull (strstr (map->attribution, "OpenStreetMap"));
  g_assert_nonnull (strstr (map->attribution, "ODbL"));

  for (guint i = 0; i < appeals_classifier_get_n_items (districts); i++)
    {
      const AppealsClassifierItem *item = appeals_classifier_get_item (districts, i);
      const AppealsGeoUnit *unit = appeals_geo_map_find_relation (map, item->osm_relation);

      g_assert_cmpint (item->osm_relation, >, 0);
      g_assert_nonnull (unit);
      g_assert_cmpstr (unit->kind, ==, item->kind);
      g_assert_cmpstr (unit->name_kk, ==, item->name.kk);
      g_assert_false (g_hash_table_contains (joined, unit));
      g_hash_table_add (joined, (gpointer) unit);
    }
  g_assert_cmpuint (g_hash_table_size (joined), ==, 20);
}

static void
test_labels_inside_units (void)
{
  g_autoptr(AppealsGeoMap) map = load_shipped_map ();
  gboolean city_seen = FALSE;

  /* the region lies about 59–69° E, 48–55° N */
  g_assert_cmpfloat (map->west, >, 59);
  g_assert_cmpfloat (map->east, <, 69);
  g_assert_cmpfloat (map->south, >, 48);
  g_assert_cmpfloat (map->north, <, 55);

  for (guint i = 0; i < map->units->len; i++)
    {
      const AppealsGeoUnit *unit = g_ptr_array_index (map->units, i);

      /* districts are drawn first, cities over them */
      if (g_str_equal (unit->kind, "city"))
        city_seen = TRUE;
      else
        g_assert_false (city_seen);
      g_assert_true (appeals_geo_unit_contains (unit, unit->label.lon, unit->label.lat));
      g_assert_true (appeals_geo_map_find_at (map, unit->label.lon, unit->label.lat) == unit);
    }
  g_assert_true (city_seen);
  /* the Caspian is in none of them */
  g_assert_null (appeals_geo_map_find_at (map, 50.0, 42.0));
}

static void
test_projection (void)
{
  g_autoptr(AppealsGeoMap) map = load_shipped_map ();
  static const struct { double width, height; } pages[] = { { 800, 600 }, { 300, 900 }, { 770, 523 } };

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      AppealsGeoProjection projection;
      double x, y, lon, lat, left, top, right, bottom;

      appeals_geo_map_fit (map, pages[p].width, pages[p].height, &projection);
      appeals_geo_projection_to_page (&projection, map->west, map->north, &left, &top);
      appeals_geo_projection_to_page (&projection, map->east, map->south, &right, &bottom);
      /* inside the page, touching two of its sides, centred on the other axis */
      g_assert_cmpfloat (left, >=, -1e-9);
      g_assert_cmpfloat (top, >=, -1e-9);
      g_assert_cmpfloat (right, <=, pages[p].width + 1e-9);
      g_assert_cmpfloat (bottom, <=, pages[p].height + 1e-9);
      g_assert_true (fabs (right - left - pages[p].width) < 1e-6 || fabs (bottom - top - pages[p].height) < 1e-6);
      g_assert_cmpfloat_with_epsilon (left, pages[p].width - right, 1e-6);
      g_assert_cmpfloat_with_epsilon (top, pages[p].height - bottom, 1e-6);
      /* a degree of longitude is shorter than one of latitude up here */
      g_assert_cmpfloat (projection.x_factor, >, 0.55);
      g_assert_cmpfloat (projection.x_factor, <, 0.65);

      appeals_geo_projection_to_page (&projection, 63.63, 53.21, &x, &y);
      appeals_geo_projection_to_map (&projection, x, y, &lon, &lat);
      g_assert_cmpfloat_with_epsilon (lon, 63.63, 1e-9);
      g_assert_cmpfloat_with_epsilon (lat, 53.21, 1e-9);
    }
}

static void
test_malformed (void)
{
  static const struct { const char *json; const char *where; } cases[] = {
    { "[]", "/" },
    { "{\"type\": \"Feature\"}", "/" },
    { "{\"type\": \"FeatureCollection\", \"features\": []}", "features" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": {}}]}", "features[0]" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"properties\": {\"osm_relation\": 1, \"kind\": \"city\", "
      "\"name_kk\": \"a\", \"name_ru\": \"b\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [1, 2]}}]}",
      "features[0]" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"properties\": {\"osm_relation\": 1, \"kind\": \"city\", "
      "\"name_kk\": \"a\", \"name_ru\": \"b\"}, \"geometry\": {\"type\": \"Polygon\", "
      "\"coordinates\": [[[1, 2], [3, 4]]]}}]}", "features[0]" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"properties\": {\"osm_relation\": 1, \"kind\": \"city\", "
      "\"name_kk\": \"a\", \"name_ru\": \"b\"}, \"geometry\": {\"type\": \"Polygon\", "
      "\"coordinates\": [[[1, 2], [3, 4], [\"5\", 6]]]}}]}", "features[0]" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"properties\": {\"osm_relation\": 1, \"kind\": \"city\", "
      "\"name_kk\": \"a\", \"name_ru\": \"b\"}, \"geometry\": {\"type\": \"Polygon\", "
      "\"coordinates\": [[[1, 2], [3, 4], [500, 6]]]}}]}", "features[0]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = core_test_parse_json (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsGeoMap) map = appeals_geo_map_new_from_json (root, "case.geojson", &error);

      g_assert_null (map);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].where) == NULL)
        g_error ("case %u: \"%s\" does not name %s", i, error->message, cases[i].where);
    }
}

static void
test_triangle (void)
{
  g_autoptr(JsonNode) root = core_test_parse_json (
    "{\"type\": \"FeatureCollection\", \"features\": [{\"properties\": {\"osm_relation\": 7, \"kind\": \"district\", "
    "\"name_kk\": \"Үшбұрыш ауданы\", \"name_ru\": \"Треугольный район\"}, \"geometry\": {\"type\": \"Polygon\", "
    "\"coordinates\": [[[60, 50], [62, 50], [61, 52], [60, 50]]]}}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsGeoMap) map = appeals_geo_map_new_from_json (root, "triangle.geojson", &error);
  const AppealsGeoUnit *unit;

  g_assert_no_error (error);
  unit = g_ptr_array_index (map->units, 0);
  g_assert_cmpstr (appeals_geo_unit_get_name (unit, "kk"), ==, "Үшбұрыш ауданы");
  g_assert_cmpstr (appeals_geo_unit_get_name (unit, "ru"), ==, "Треугольный район");
  /* no label point given: the middle of its bounds */
  g_assert_cmpfloat_with_epsilon (unit->label.lon, 61, 1e-9);
  g_assert_cmpfloat_with_epsilon (unit->label.lat, 51, 1e-9);
  g_assert_true (appeals_geo_map_find_at (map, 61, 50.5) == unit);
  g_assert_null (appeals_geo_map_find_at (map, 60.2, 51.8));
  g_assert_null (appeals_geo_map_find_relation (map, 8));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geo/shipped-map-joins-districts", test_shipped_map_joins_districts);
  g_test_add_func ("/geo/labels-inside-units", test_labels_inside_units);
  g_test_add_func ("/geo/projection", test_projection);
  g_test_add_func ("/geo/malformed", test_malformed);
  g_test_add_func ("/geo/triangle", test_triangle);
  return g_test_run ();
}
