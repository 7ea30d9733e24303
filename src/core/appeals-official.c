/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-official.c: officials who receive citizens and their JSON
 * mapping. The flat members come from field tables as every model's do;
 * the names are {kk, ru} objects, read here by hand.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-data.h"
#include "appeals-error.h"
#include "appeals-json.h"
#include "appeals-official.h"
#include "appeals-record.h"

/* Schedule slots ---------------------------------------------------------- */

#define SLOT(member) G_STRUCT_OFFSET (AppealsScheduleSlot, member)

static const AppealsFieldSpec slot_fields[] = {
  { "weekday", APPEALS_FIELD_KIND_INT, APPEALS_FIELD_FLAG_REQUIRED, SLOT (weekday), 0, NULL },
  { "start", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_REQUIRED, SLOT (start), 5, NULL },
  { "end", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_REQUIRED, SLOT (end), 5, NULL },
  { "place", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, SLOT (place), 300, NULL },
  { "place_kk", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, SLOT (place_kk), 300, NULL },
  { "place_ru", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, SLOT (place_ru), 300, NULL },
  { "video", APPEALS_FIELD_KIND_BOOLEAN, APPEALS_FIELD_FLAG_NONE, SLOT (video), 0, NULL },
};

#undef SLOT

static const AppealsRecordType slot_record_type = { slot_fields, G_N_ELEMENTS (slot_fields) };

G_DEFINE_BOXED_TYPE (AppealsScheduleSlot, appeals_schedule_slot, appeals_schedule_slot_copy, appeals_schedule_slot_free)

AppealsScheduleSlot *
appeals_schedule_slot_new (int         weekday,
                           const char *start,
                           const char *end,
                           const char *place,
                           gboolean    video)
{
  AppealsScheduleSlot *slot = g_new0 (AppealsScheduleSlot, 1);

  slot->weekday = weekday;
  slot->start = g_strdup (start);
  slot->end = g_strdup (end);
  slot->place = place != NULL && *place != '\0' ? g_strdup (place) : NULL;
  slot->video = video;
  return slot;
}

AppealsScheduleSlot *
appeals_schedule_slot_copy (const AppealsScheduleSlot *slot)
{
  AppealsScheduleSlot *copy = g_new0 (AppealsScheduleSlot, 1);

  appeals_record_copy_fields (&slot_record_type, copy, slot);
  return copy;
}

/**
 * appeals_schedule_slot_get_place:
 * @language: "kk" or "ru"
 *
 * Returns: (nullable): the day's place as printed in @language — its text
 *   in that language, or the one place text when none was given
 */
const char *
appeals_schedule_slot_get_place (const AppealsScheduleSlot *slot,
                                 const char                *language)
{
  const char *text = g_strcmp0 (language, "kk") == 0 ? slot->place_kk : slot->place_ru;

  return text != NULL && *text != '\0' ? text : slot->place;
}

void
appeals_schedule_slot_free (AppealsScheduleSlot *slot)
{
  if (slot == NULL)
    return;
  appeals_record_clear (&slot_record_type, slot);
  g_free (slot);
}

/* Officials --------------------------------------------------------------- */

#define OFF(member) G_STRUCT_OFFSET (AppealsOfficial, member)

static const AppealsFieldSpec official_fields[] = {
  { "id", APPEALS_FIELD_KIND_INT, APPEALS_FIELD_FLAG_READ_ONLY, OFF (id), 0, NULL },
  { "active", APPEALS_FIELD_KIND_BOOLEAN, APPEALS_FIELD_FLAG_READ_ONLY, OFF (active), 0, NULL },
};

#undef OFF

static const AppealsRecordType official_record_type = { official_fields, G_N_ELEMENTS (official_fields) };

G_DEFINE_FINAL_TYPE (AppealsOfficial, appeals_official, G_TYPE_OBJECT)

static void
appeals_official_finalize (GObject *object)
{
  AppealsOfficial *self = APPEALS_OFFICIAL (object);

  g_free (self->full_name_kk);
  g_free (self->full_name_ru);
  g_free (self->position_kk);
  g_free (self->position_ru);
  g_clear_pointer (&self->schedule, g_ptr_array_unref);

  G_OBJECT_CLASS (appeals_official_parent_class)->finalize (object);
}

static void
appeals_official_class_init (AppealsOfficialClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_official_finalize;
}

static void
appeals_official_init (AppealsOfficial *self)
{
  self->active = TRUE;
  self->schedule = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_schedule_slot_free);
}

AppealsOfficial *
appeals_official_new (void)
{
  return g_object_new (APPEALS_TYPE_OFFICIAL, NULL);
}

static gboolean
parse_failed (GError     **error,
              const char  *field)
{
  g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE,
               _("The server sent a malformed answer: field “%s”: %s"),
               field, appeals_field_error_code_describe (APPEALS_FIELD_WRONG_TYPE));
  return FALSE;
}

/* {"kk": …, "ru": …}; a missing object or language reads as empty. */
static gboolean
read_names (JsonObject  *object,
            const char  *member,
            char       **kk,
            char       **ru,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *languages[] = { "kk", "ru" };
  char **names[] = { kk, ru };

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return parse_failed (error, member);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      JsonNode *value = json_object_get_member (json_node_get_object (node), languages[l]);

      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        continue;
      if (json_node_get_value_type (value) != G_TYPE_STRING)
        {
          g_autofree char *field = g_strdup_printf ("%s.%s", member, languages[l]);

          return parse_failed (error, field);
        }
      g_free (*names[l]);
      *names[l] = g_strdup (json_node_get_string (value));
    }
  return TRUE;
}

/**
 * appeals_official_new_from_json:
 * @node: an official as GET /officials gives it
 *
 * Returns: (transfer full) (nullable): the official, or %NULL with an
 *   %APPEALS_ERROR_PARSE error
 */
AppealsOfficial *
appeals_official_new_from_json (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(AppealsOfficial) self = appeals_official_new ();
  JsonObject *object;
  JsonNode *schedule;

  if (!appeals_record_read_trusted (&official_record_type, self, node, error))
    return NULL;

  object = json_node_get_object (node);
  if (!read_names (object, "full_name", &self->full_name_kk, &self->full_name_ru, error) ||
      !read_names (object, "position", &self->position_kk, &self->position_ru, error))
    return NULL;

  schedule = json_object_get_member (object, "schedule");
  if (schedule != NULL && !JSON_NODE_HOLDS_NULL (schedule))
    {
      JsonArray *days;

      if (!JSON_NODE_HOLDS_ARRAY (schedule))
        return parse_failed (error, "schedule"), NULL;
      days = json_node_get_array (schedule);
      for (guint i = 0; i < json_array_get_length (days); i++)
        {
          g_autoptr(AppealsScheduleSlot) slot = g_new0 (AppealsScheduleSlot, 1);

          if (!appeals_record_read_trusted (&slot_record_type, slot, json_array_get_element (days, i), error))
            return NULL;
          g_ptr_array_add (self->schedule, g_steal_pointer (&slot));
        }
    }

  return g_steal_pointer (&self);
}

/**
 * appeals_official_to_json:
 *
 * The wire form, as POST and PUT /officials take it (the server ignores
 * the read-only id and active members). A slot by video has no place.
 *
 * Returns: (transfer full):
 */
JsonNode *
appeals_official_to_json (AppealsOfficial *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (APPEALS_IS_OFFICIAL (self), NULL);

  json_builder_begin_object (builder);
  if (self->id != 0)
    appeals_record_write_members (&official_record_type, self, builder);
  appeals_json_add_kk_ru (builder, "full_name", self->full_name_kk, self->full_name_ru);
  appeals_json_add_kk_ru (builder, "position", self->position_kk, self->position_ru);
  json_builder_set_member_name (builder, "schedule");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->schedule->len; i++)
    {
      AppealsScheduleSlot *slot = g_ptr_array_index (self->schedule, i);

      json_builder_begin_object (builder);
      appeals_record_write_members (&slot_record_type, slot, builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Kazakh for "kk"; Russian for anything else, also for an English
 * interface: officials are named in the two languages only. */
static const char *
pick (const char *language,
      const char *kk,
      const char *ru)
{
  const char *name;

  if (language == NULL)
    language = appeals_ui_language ();
  name = g_strcmp0 (language, "kk") == 0 ? kk : ru;
  return name != NULL ? name : "";
}

/**
 * appeals_official_get_full_name:
 * @language: (nullable): "kk" or "ru"; %NULL for the interface language
 */
const char *
appeals_official_get_full_name (AppealsOfficial *self,
                                const char      *language)
{
  g_return_val_if_fail (APPEALS_IS_OFFICIAL (self), "");

  return pick (language, self->full_name_kk, self->full_name_ru);
}

/**
 * appeals_official_get_job_title:
 * @language: (nullable): "kk" or "ru"; %NULL for the interface language
 *
 * Returns: the official's position, e.g. "Deputy akim of the region"
 */
const char *
appeals_official_get_job_title (AppealsOfficial *self,
                                const char      *language)
{
  g_return_val_if_fail (APPEALS_IS_OFFICIAL (self), "");

  return pick (language, self->position_kk, self->position_ru);
}

/* Returns: (nullable): the first slot of the schedule on @weekday */
const AppealsScheduleSlot *
appeals_official_find_slot (AppealsOfficial *self,
                            int              weekday)
{
  g_return_val_if_fail (APPEALS_IS_OFFICIAL (self), NULL);

  for (guint i = 0; i < self->schedule->len; i++)
    {
      const AppealsScheduleSlot *slot = g_ptr_array_index (self->schedule, i);

      if (slot->weekday == weekday)
        return slot;
    }
  return NULL;
}

gboolean
appeals_official_receives_on (AppealsOfficial *self,
                              int              weekday)
{
  return appeals_official_find_slot (self, weekday) != NULL;
}

/* Returns: (transfer none) (nullable): the official @id among @officials */
AppealsOfficial *
appeals_officials_find_by_id (GPtrArray *officials,
                              gint64     id)
{
  for (guint i = 0; officials != NULL && i < officials->len; i++)
    {
      AppealsOfficial *official = g_ptr_array_index (officials, i);

      if (official->id == id)
        return official;
    }
  return NULL;
}
