/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-router.c: the table of routes and matching paths against it.
 * A pattern's segments in braces match any one non-empty segment and are
 * handed to the handler by name; a path that matches under another method
 * yields the methods that would do (for 405 and its Allow header).
 */
#include "config.h"

#include <string.h>

#include "appeals-router.h"

struct _AppealsRouter
{
  GPtrArray *routes;   /* AppealsRoute */
};

static void
route_free (gpointer data)
{
  AppealsRoute *route = data;

  g_free (route->method);
  g_free (route->pattern);
  g_strfreev (route->segments);
  g_free (route);
}

AppealsRouter *
appeals_router_new (void)
{
  AppealsRouter *self = g_new0 (AppealsRouter, 1);

  self->routes = g_ptr_array_new_with_free_func (route_free);
  return self;
}

void
appeals_router_free (AppealsRouter *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->routes);
  g_free (self);
}

void
appeals_router_add (AppealsRouter     *self,
                    const char        *method,
                    const char        *pattern,
                    AppealsAllow       allow,
                    AppealsRouteFlags  flags,
                    AppealsRouteFunc   handler)
{
  AppealsRoute *route = g_new0 (AppealsRoute, 1);

  g_return_if_fail (pattern != NULL && pattern[0] == '/');

  route->method = g_strdup (method);
  route->pattern = g_strdup (pattern);
  route->segments = g_strsplit (pattern + 1, "/", -1);
  route->allow = allow;
  route->flags = flags;
  route->handler = handler;
  g_ptr_array_add (self->routes, route);
}

static int
compare_route_names (gconstpointer a,
                     gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/**
 * appeals_router_list:
 *
 * Returns: (transfer container): "METHOD /pattern" strings, sorted.
 */
GPtrArray *
appeals_router_list (AppealsRouter *self)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->routes->len; i++)
    {
      const AppealsRoute *route = g_ptr_array_index (self->routes, i);
      g_ptr_array_add (list, g_strdup_printf ("%s %s", route->method, route->pattern));
    }
  g_ptr_array_sort (list, compare_route_names);
  return list;
}

static gboolean
route_matches_path (const AppealsRoute *route,
                    GStrv               segments,
                    GHashTable         *params)
{
  guint n = g_strv_length (route->segments);

  if (n != g_strv_length (segments))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *want = route->segments[i];

      if (want[0] == '{')
        {
          if (segments[i][0] == '\0')
            return FALSE;
          if (params != NULL)
            g_hash_table_insert (params, g_strndup (want + 1, strlen (want) - 2), g_strdup (segments[i]));
        }
      else if (!g_str_equal (want, segments[i]))
        return FALSE;
    }

  return TRUE;
}

static GStrv
split_path (const char *path)
{
  return g_strsplit (path[0] == '/' ? path + 1 : "", "/", -1);
}

/* Whether @method on @path is a route whose body is a file. */
gboolean
appeals_router_is_upload (AppealsRouter *self,
                          const char    *method,
                          const char    *path)
{
  g_auto(GStrv) segments = split_path (path);

  for (guint i = 0; i < self->routes->len; i++)
    {
      const AppealsRoute *route = g_ptr_array_index (self->routes, i);

      if ((route->flags & APPEALS_ROUTE_UPLOAD) && g_str_equal (route->method, method) &&
          route_matches_path (route, segments, NULL))
        return TRUE;
    }

  return FALSE;
}

/**
 * appeals_router_match:
 * @params: (nullable): receives the path's parameters by name
 * @allowed: (out) (optional): when no route has @method but some match the
 *   path, their methods ("GET, PUT"); otherwise %NULL
 *
 * Returns: (nullable): the route for @method and @path
 */
const AppealsRoute *
appeals_router_match (AppealsRouter  *self,
                      const char     *method,
                      const char     *path,
                      GHashTable     *params,
                      char          **allowed)
{
  g_auto(GStrv) segments = split_path (path);
  g_autoptr(GString) methods = g_string_new (NULL);

  if (allowed != NULL)
    *allowed = NULL;

  for (guint i = 0; i < self->routes->len; i++)
    {
      const AppealsRoute *route = g_ptr_array_index (self->routes, i);

      if (!route_matches_path (route, segments, NULL))
        continue;

      if (g_str_equal (route->method, method))
        {
          if (params != NULL)
            route_matches_path (route, segments, params);
          return route;
        }

      if (methods->len > 0)
        g_string_append (methods, ", ");
      g_string_append (methods, route->method);
    }

  if (allowed != NULL && methods->len > 0)
    *allowed = g_strdup (methods->str);
  return NULL;
}
