/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-work-service.c: what the signed-in person has to do.
 *
 *   GET my-work?soon_days=N&count_limit=1000
 *                   the caller's groups: their appeals due, appeals on
 *                   control, answers to examine or approve, reception
 *                   steps and orders, each counted up to 1,000
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-service-call.h"
#include "appeals-work-service.h"

#define ORIGIN "my-work"
/* past this many a group is "more than 1000": counting a region's answers
 * awaiting expertise exactly reads half a million of them */
#define COUNT_LIMIT 1000

struct _AppealsWorkService
{
  GObject           parent_instance;

  AppealsApiClient *client;
};

G_DEFINE_FINAL_TYPE (AppealsWorkService, appeals_work_service, G_TYPE_OBJECT)

static void
work_item_free (AppealsWorkItem *item)
{
  g_free (item->number);
  g_free (item->summary);
  g_free (item);
}

static void
work_group_free (AppealsWorkGroup *group)
{
  g_free (group->name);
  g_clear_pointer (&group->items, g_ptr_array_unref);
  g_free (group);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsWorkItem, work_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsWorkGroup, work_group_free)

void
appeals_work_free (AppealsWork *work)
{
  g_clear_pointer (&work->groups, g_ptr_array_unref);
  g_free (work);
}

/**
 * appeals_work_item_key:
 *
 * Returns: (transfer full): what names the item across loads, e.g.
 *   "appeal:16" or "reception:4:clarify" (a reception has many steps)
 */
char *
appeals_work_item_key (const AppealsWorkItem *item)
{
  static const char * const kinds[] = { "appeal", "expertise", "reception", "order" };

  if (item->kind == APPEALS_WORK_ITEM_RECEPTION)
    return g_strdup_printf ("reception:%" G_GINT64_FORMAT ":%s", item->id, item->number);
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, kinds[item->kind], item->id);
}

static void
appeals_work_service_finalize (GObject *object)
{
  AppealsWorkService *self = (AppealsWorkService *)object;

  g_clear_object (&self->client);

  G_OBJECT_CLASS (appeals_work_service_parent_class)->finalize (object);
}

static void
appeals_work_service_class_init (AppealsWorkServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_work_service_finalize;
}

static void
appeals_work_service_init (AppealsWorkService *self)
{
}

AppealsWorkService *
appeals_work_service_new (AppealsApiClient *client)
{
  AppealsWorkService *self = g_object_new (APPEALS_TYPE_WORK_SERVICE, NULL);

  self->client = g_object_ref (client);
  return self;
}

/* Reading the answer ------------------------------------------------------- */

static gboolean
read_enum (JsonObject        *object,
           const char        *member,
           const char * const *names,
           int               *value,
           const char        *parent,
           GError           **error)
{
  const char *text = NULL;

  if (!appeals_json_read_string (object, member, TRUE, &text, ORIGIN, parent, error))
    return FALSE;
  for (int i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], text))
      {
        *value = i;
        return TRUE;
      }
  appeals_json_set_field_error (error, ORIGIN, member, "unknown value");
  return FALSE;
}

static AppealsWorkItem *
read_item (JsonObject  *object,
           const char  *parent,
           GError     **error)
{
  static const char * const kinds[] = { "appeal", "expertise", "reception", "order", NULL };
  static const char * const dues[] = { "overdue", "today", "soon", "waiting", NULL };
  g_autoptr(AppealsWorkItem) item = g_new0 (AppealsWorkItem, 1);
  const char *number = NULL, *summary = NULL;
  int kind = 0, due = 0;

  if (!read_enum (object, "kind", kinds, &kind, parent, error) ||
      !read_enum (object, "due_state", dues, &due, parent, error) ||
      !appeals_json_read_int (object, "id", TRUE, 1, G_MAXINT64, &item->id, ORIGIN, parent, error) ||
      !appeals_json_read_int (object, "appeal_id", FALSE, 1, G_MAXINT64, &item->appeal_id, ORIGIN, parent, error) ||
      !appeals_json_read_string (object, "number", TRUE, &number, ORIGIN, parent, error) ||
      !appeals_json_read_string (object, "summary", TRUE, &summary, ORIGIN, parent, error) ||
      !appeals_json_read_date (object, "due_date", FALSE, &item->due_date, ORIGIN, parent, error) ||
      !appeals_json_read_date (object, "waiting_since", FALSE, &item->waiting_since, ORIGIN, parent, error))
    return NULL;
  item->kind = kind;
  item->due = due;
  item->number = g_strdup (number);
  item->summary = g_strdup (summary);
  return g_steal_pointer (&item);
}

static AppealsWorkGroup *
read_group (JsonObject  *object,
            const char  *parent,
            GError     **error)
{
  g_autoptr(AppealsWorkGroup) group = g_new0 (AppealsWorkGroup, 1);
  JsonArray *items = NULL;
  const char *name = NULL;

  if (!appeals_json_read_string (object, "group", TRUE, &name, ORIGIN, parent, error) ||
      !appeals_json_read_int (object, "count", TRUE, 0, G_MAXINT64, &group->count, ORIGIN, parent, error) ||
      !appeals_json_read_boolean (object, "count_more", FALSE, &group->count_more, ORIGIN, parent, error) ||
      !appeals_json_read_array (object, "items", TRUE, &items, ORIGIN, parent, error))
    return NULL;
  group->name = g_strdup (name);
  group->items = g_ptr_array_new_with_free_func ((GDestroyNotify) work_item_free);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *path = appeals_json_index_path (parent, i);
      JsonObject *element = appeals_json_array_get_object (items, i, ORIGIN, parent, error);
      AppealsWorkItem *item = element != NULL ? read_item (element, path, error) : NULL;

      if (item == NULL)
        return NULL;
      g_ptr_array_add (group->items, item);
    }
  return g_steal_pointer (&group);
}

static gpointer
read_work (JsonNode  *node,
           gpointer   data,
           GError   **error)
{
  g_autoptr(AppealsWork) work = g_new0 (AppealsWork, 1);
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object = appeals_json_node_get_root_object (node, ORIGIN, &parse_error);
  JsonArray *groups = NULL;

  work->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) work_group_free);
  if (object == NULL ||
      !appeals_json_read_date (object, "today", TRUE, &work->today, ORIGIN, NULL, &parse_error) ||
      !appeals_json_read_date (object, "soon_until", TRUE, &work->soon_until, ORIGIN, NULL, &parse_error) ||
      !appeals_json_read_array (object, "groups", TRUE, &groups, ORIGIN, NULL, &parse_error))
    goto malformed;
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      g_autofree char *path = appeals_json_index_path ("groups", i);
      JsonObject *element = appeals_json_array_get_object (groups, i, ORIGIN, "groups", &parse_error);
      AppealsWorkGroup *group = element != NULL ? read_group (element, path, &parse_error) : NULL;

      if (group == NULL)
        goto malformed;
      g_ptr_array_add (work->groups, group);
    }
  return g_steal_pointer (&work);

malformed:
  g_set_error_literal (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_MALFORMED, parse_error->message);
  return NULL;
}

/**
 * appeals_work_service_load_async:
 *
 * @soon_days: how many working days after today count as "due soon"
 *
 * The caller's work as the server counts it now, each group up to 1,000
 * (#AppealsWorkGroup.count_more says when there are more).
 */
void
appeals_work_service_load_async (AppealsWorkService  *self,
                                 guint                soon_days,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GString) path = appeals_api_path_new ("my-work", NULL);

  appeals_api_path_add_query_int (path, "soon_days", soon_days);
  appeals_api_path_add_query_int (path, "count_limit", COUNT_LIMIT);

  appeals_service_call_async (self->client, self, appeals_work_service_load_async, "GET", path->str,
                              NULL, NULL, NULL, read_work, NULL, NULL, (GDestroyNotify) appeals_work_free,
                              cancellable, callback, user_data);
}

/**
 * appeals_work_service_load_finish:
 *
 * Returns: (transfer full): the caller's work
 */
AppealsWork *
appeals_work_service_load_finish (AppealsWorkService  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  return appeals_service_call_finish (self, result, appeals_work_service_load_async, NULL, error);
}
