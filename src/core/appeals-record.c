/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-record.c: table-driven JSON mapping and validation of model types.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "appeals-error.h"
#include "appeals-json.h"
#include "appeals-record-private.h"

#define FIELD_PTR APPEALS_RECORD_FIELD_PTR
#define FIELD_CPTR APPEALS_RECORD_FIELD_CPTR

typedef AppealsFieldValue FieldValue;

void
appeals_field_value_clear (FieldValue *value)
{
  g_clear_pointer (&value->string, g_free);
  g_clear_pointer (&value->datetime, g_date_time_unref);
}

const AppealsFieldSpec *
appeals_record_type_find_field (const AppealsRecordType *type,
                                const char              *name)
{
  /* the first letters compared before the names: a statement's columns
   * are looked up one by one among some fifty fields */
  for (guint i = 0; i < type->n_fields; i++)
    if (type->fields[i].name[0] == name[0] && strcmp (type->fields[i].name, name) == 0)
      return &type->fields[i];

  return NULL;
}

/* The wire names of one enum type's values, made once per process: the
 * nicks with '-' spelt '_', interned, in the order of the class's values. */
typedef struct
{
  GEnumClass  *klass;
  const char **wires;
} EnumWires;

G_LOCK_DEFINE_STATIC (enum_wires);

/* The types met so far, found again without GType's lock: a slot is
 * written once, under enum_wires, its type last. */
#define N_WIRE_SLOTS 256

static struct
{
  gpointer   type;    /* GSIZE_TO_POINTER (GType); NULL while free */
  EnumWires *wires;
} wire_slots[N_WIRE_SLOTS];

static guint
wire_slot_of (GType enum_type)
{
  return (guint) ((enum_type >> 4) % N_WIRE_SLOTS);
}

static const EnumWires *
enum_wires_new_locked (GType enum_type)
{
  EnumWires *wires = g_new0 (EnumWires, 1);

  wires->klass = g_type_class_ref (enum_type);   /* kept for the process */
  wires->wires = g_new0 (const char *, wires->klass->n_values);
  for (guint i = 0; i < wires->klass->n_values; i++)
    {
      g_autofree char *wire = g_strdelimit (g_strdup (wires->klass->values[i].value_nick), "-", '_');

      wires->wires[i] = g_intern_string (wire);
    }

  /* a process with more enum types than slots finds the rest by qdata */
  for (guint i = 0, slot = wire_slot_of (enum_type); i < N_WIRE_SLOTS; i++, slot = (slot + 1) % N_WIRE_SLOTS)
    if (wire_slots[slot].type == NULL)
      {
        wire_slots[slot].wires = wires;
        g_atomic_pointer_set (&wire_slots[slot].type, GSIZE_TO_POINTER (enum_type));
        break;
      }
  return wires;
}

static const EnumWires *
enum_wires (GType enum_type)
{
  static gsize quark_once;
  GQuark quark;
  EnumWires *wires;

  for (guint i = 0, slot = wire_slot_of (enum_type); i < N_WIRE_SLOTS; i++, slot = (slot + 1) % N_WIRE_SLOTS)
    {
      gpointer type = g_atomic_pointer_get (&wire_slots[slot].type);

      if (type == GSIZE_TO_POINTER (enum_type))
        return wire_slots[slot].wires;
      if (type == NULL)
        break;
    }

  if (g_once_init_enter (&quark_once))
    g_once_init_leave (&quark_once, g_quark_from_static_string ("appeals-enum-wires"));
  quark = (GQuark) quark_once;

  G_LOCK (enum_wires);
  wires = g_type_get_qdata (enum_type, quark);
  if (wires == NULL)
    {
      wires = (EnumWires *) enum_wires_new_locked (enum_type);
      g_type_set_qdata (enum_type, quark, wires);
    }
  G_UNLOCK (enum_wires);
  return wires;
}

/* Wire names of enum values are the nicks with '-' spelt '_', interned. */
const char *
appeals_enum_to_wire (GType enum_type,
                      int   value)
{
  const EnumWires *wires;
  GEnumValue *enum_value;

  if (value == 0)
    return NULL;

  wires = enum_wires (enum_type);
  /* the values are mostly 0, 1, 2 … in their order */
  if ((guint) value < wires->klass->n_values && wires->klass->values[value].value == value)
    return wires->wires[value];
  enum_value = g_enum_get_value (wires->klass, value);
  if (enum_value == NULL)
    return NULL;

  return wires->wires[enum_value - wires->klass->values];
}

gboolean
appeals_enum_from_wire (GType       enum_type,
                        const char *wire,
                        int        *value)
{
  const EnumWires *wires;

  if (wire == NULL)
    return FALSE;

  wires = enum_wires (enum_type);
  for (guint i = 0; i < wires->klass->n_values; i++)
    if (wires->klass->values[i].value != 0 && strcmp (wires->wires[i], wire) == 0)
      {
        *value = wires->klass->values[i].value;
        return TRUE;
      }

  return FALSE;
}

static char *
allowed_enum_values (GType enum_type)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  g_autoptr(GString) allowed = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value != 0)
      {
        if (allowed->len > 0)
          g_string_append_c (allowed, ',');
        g_string_append (allowed, appeals_enum_to_wire (enum_type, klass->values[i].value));
      }

  return g_string_free (g_steal_pointer (&allowed), FALSE);
}

JsonNode *
appeals_record_field_to_json (const AppealsFieldSpec *field,
                              gconstpointer           record)
{
  gconstpointer slot = FIELD_CPTR (record, field);
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *text = NULL;

  switch (field->kind)
    {
    case APPEALS_FIELD_KIND_INT:
      json_node_set_int (node, *(const gint64 *) slot);
      return node;

    case APPEALS_FIELD_KIND_BOOLEAN:
      json_node_set_boolean (node, *(const gboolean *) slot);
      return node;

    case APPEALS_FIELD_KIND_STRING:
    case APPEALS_FIELD_KIND_DATE:
    case APPEALS_FIELD_KIND_DATETIME:
    case APPEALS_FIELD_KIND_ENUM:
      /* strings, dates, times and enum names: JSON strings */
      text = appeals_record_field_to_text (field, record);
      if (text == NULL)
        break;
      json_node_set_string (node, text);
      return node;

    default:
      g_assert_not_reached ();
    }

  json_node_unref (node);
  return json_node_new (JSON_NODE_NULL);
}

/**
 * appeals_record_write_members:
 *
 * Adds every field of @record to the object @builder is building; unset
 * values are written as null so a reader sees the whole shape.
 */
void
appeals_record_write_members (const AppealsRecordType *type,
                              gconstpointer            record,
                              JsonBuilder             *builder)
{
  for (guint i = 0; i < type->n_fields; i++)
    {
      json_builder_set_member_name (builder, type->fields[i].name);
      json_builder_add_value (builder, appeals_record_field_to_json (&type->fields[i], record));
    }
}

JsonNode *
appeals_record_to_json (const AppealsRecordType *type,
                        gconstpointer            record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  appeals_record_write_members (type, record, builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * appeals_record_parse_string:
 * @text: the value's text: a string, or the JSON form of a date, a time or
 *   an enum value
 *
 * Reads one value of a string-shaped field (string, date, date-time, enum).
 * On failure returns the stable error code and, optionally, a machine
 * detail (a limit or the allowed values).
 */
const char *
appeals_record_parse_string (const AppealsFieldSpec  *field,
                             const char              *text,
                             FieldValue              *value,
                             char                   **detail)
{
  switch (field->kind)
    {
    case APPEALS_FIELD_KIND_STRING:
      {
        gsize length = strlen (text);

        /* a text of no more bytes than the limit has no more characters:
         * only a longer one needs counting */
        if (field->max_length > 0 && length > field->max_length &&
            g_utf8_strlen (text, -1) > field->max_length)
          {
            *detail = g_strdup_printf ("%u", field->max_length);
            return APPEALS_FIELD_TOO_LONG;
          }
        /* most texts (all that were stored) have nothing to strip */
        if (length > 0 && !g_ascii_isspace (text[0]) && !g_ascii_isspace (text[length - 1]))
          {
            value->string = g_memdup2 (text, length + 1);
            return NULL;
          }
      }
      value->string = g_strdup (text);
      /* An empty string is no value: optional fields become null. */
      if (g_strstrip (value->string)[0] == '\0')
        {
          g_clear_pointer (&value->string, g_free);
          value->is_null = TRUE;
        }
      return NULL;

    case APPEALS_FIELD_KIND_DATE:
      if (!appeals_date_parse_iso (text, &value->date))
        return APPEALS_FIELD_INVALID_DATE;
      return NULL;

    case APPEALS_FIELD_KIND_DATETIME:
      {
        g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

        value->datetime = g_date_time_new_from_iso8601 (text, utc);
        if (value->datetime == NULL)
          return APPEALS_FIELD_INVALID_DATE;
        return NULL;
      }

    case APPEALS_FIELD_KIND_ENUM:
      if (!appeals_enum_from_wire (field->enum_type (), text, &value->enum_value))
        {
          *detail = allowed_enum_values (field->enum_type ());
          return APPEALS_FIELD_INVALID_VALUE;
        }
      return NULL;

    case APPEALS_FIELD_KIND_INT:
    case APPEALS_FIELD_KIND_BOOLEAN:
    default:
      g_assert_not_reached ();
    }
}

/* Reads one JSON value for @field, as appeals_record_parse_string(). */
static const char *
parse_value (const AppealsFieldSpec  *field,
             JsonNode                *node,
             FieldValue              *value,
             char                   **detail)
{
  GType value_type;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      value->is_null = TRUE;
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return APPEALS_FIELD_WRONG_TYPE;

  value_type = json_node_get_value_type (node);

  switch (field->kind)
    {
    case APPEALS_FIELD_KIND_INT:
      if (value_type != G_TYPE_INT64)
        return APPEALS_FIELD_WRONG_TYPE;
      value->integer = json_node_get_int (node);
      return NULL;

    case APPEALS_FIELD_KIND_BOOLEAN:
      if (value_type != G_TYPE_BOOLEAN)
        return APPEALS_FIELD_WRONG_TYPE;
      value->boolean = json_node_get_boolean (node);
      return NULL;

    case APPEALS_FIELD_KIND_STRING:
    case APPEALS_FIELD_KIND_DATE:
    case APPEALS_FIELD_KIND_DATETIME:
    case APPEALS_FIELD_KIND_ENUM:
      if (value_type != G_TYPE_STRING)
        return APPEALS_FIELD_WRONG_TYPE;
      return appeals_record_parse_string (field, json_node_get_string (node), value, detail);

    default:
      g_assert_not_reached ();
    }
}

static void
clear_slot (const AppealsFieldSpec *field,
            gpointer                slot)
{
  switch (field->kind)
    {
    case APPEALS_FIELD_KIND_STRING:
      g_clear_pointer ((char **) slot, g_free);
      break;
    case APPEALS_FIELD_KIND_INT:
      *(gint64 *) slot = 0;
      break;
    case APPEALS_FIELD_KIND_BOOLEAN:
      *(gboolean *) slot = FALSE;
      break;
    case APPEALS_FIELD_KIND_DATE:
      g_date_clear ((GDate *) slot, 1);
      break;
    case APPEALS_FIELD_KIND_DATETIME:
      g_clear_pointer ((GDateTime **) slot, g_date_time_unref);
      break;
    case APPEALS_FIELD_KIND_ENUM:
      *(int *) slot = 0;
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Moves @value into the record's slot. */
void
appeals_record_store_value (const AppealsFieldSpec *field,
                            gpointer                record,
                            FieldValue             *value)
{
  gpointer slot = FIELD_PTR (record, field);

  clear_slot (field, slot);
  if (value->is_null)
    return;

  switch (field->kind)
    {
    case APPEALS_FIELD_KIND_STRING:
      *(char **) slot = g_steal_pointer (&value->string);
      break;
    case APPEALS_FIELD_KIND_INT:
      *(gint64 *) slot = value->integer;
      break;
    case APPEALS_FIELD_KIND_BOOLEAN:
      *(gboolean *) slot = value->boolean;
      break;
    case APPEALS_FIELD_KIND_DATE:
      *(GDate *) slot = value->date;
      break;
    case APPEALS_FIELD_KIND_DATETIME:
      *(GDateTime **) slot = g_steal_pointer (&value->datetime);
      break;
    case APPEALS_FIELD_KIND_ENUM:
      *(int *) slot = value->enum_value;
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
slot_is_set (const AppealsFieldSpec *field,
             gconstpointer           record)
{
  gconstpointer slot = FIELD_CPTR (record, field);

  switch (field->kind)
    {
    case APPEALS_FIELD_KIND_STRING:
      return *(char * const *) slot != NULL;
    case APPEALS_FIELD_KIND_DATE:
      return g_date_valid ((const GDate *) slot);
    case APPEALS_FIELD_KIND_DATETIME:
      return *(GDateTime * const *) slot != NULL;
    case APPEALS_FIELD_KIND_ENUM:
      return *(const int *) slot != 0;
    case APPEALS_FIELD_KIND_INT:
    case APPEALS_FIELD_KIND_BOOLEAN:
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

gboolean
appeals_record_field_equal (const AppealsFieldSpec *field,
                            gconstpointer           a,
                            gconstpointer           b)
{
  gconstpointer slot_a = FIELD_CPTR (a, field);
  gconstpointer slot_b = FIELD_CPTR (b, field);

  switch (field->kind)
    {
    case APPEALS_FIELD_KIND_STRING:
      return g_strcmp0 (*(char * const *) slot_a, *(char * const *) slot_b) == 0;
    case APPEALS_FIELD_KIND_INT:
      return *(const gint64 *) slot_a == *(const gint64 *) slot_b;
    case APPEALS_FIELD_KIND_BOOLEAN:
      return !*(const gboolean *) slot_a == !*(const gboolean *) slot_b;
    case APPEALS_FIELD_KIND_DATE:
      {
        const GDate *date_a = slot_a, *date_b = slot_b;

        if (!g_date_valid (date_a) || !g_date_valid (date_b))
          return g_date_valid (date_a) == g_date_valid (date_b);
        return g_date_compare (date_a, date_b) == 0;
      }
    case APPEALS_FIELD_KIND_DATETIME:
      {
        GDateTime *time_a = *(GDateTime * const *) slot_a;
        GDateTime *time_b = *(GDateTime * const *) slot_b;

        if (time_a == NULL || time_b == NULL)
          return time_a == time_b;
        return g_date_time_equal (time_a, time_b);
      }
    case APPEALS_FIELD_KIND_ENUM:
      return *(const int *) slot_a == *(const int *) slot_b;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
value_equals_slot (const AppealsFieldSpec *field,
                   gconstpointer           record,
                   const FieldValue       *value)
{
  gconstpointer slot = FIELD_CPTR (record, field);

  if (value->is_null)
    return !slot_is_set (field, record);

  switch (field->kind)
    {
    case APPEALS_FIELD_KIND_STRING:
      return g_strcmp0 (*(char * const *) slot, value->string) == 0;
    case APPEALS_FIELD_KIND_INT:
      return *(const gint64 *) slot == value->integer;
    case APPEALS_FIELD_KIND_BOOLEAN:
      return !*(const gboolean *) slot == !value->boolean;
    case APPEALS_FIELD_KIND_DATE:
      return g_date_valid ((const GDate *) slot) &&
             g_date_compare ((const GDate *) slot, &value->date) == 0;
    case APPEALS_FIELD_KIND_DATETIME:
      return *(GDateTime * const *) slot != NULL &&
             g_date_time_equal (*(GDateTime * const *) slot, value->datetime);
    case APPEALS_FIELD_KIND_ENUM:
      return *(const int *) slot == value->enum_value;
    default:
      g_assert_not_reached ();
    }
}

/**
 * appeals_record_read_members:
 * @errors: field errors are appended here, named by member
 *
 * Reads @object into @record. In %APPEALS_RECORD_CREATE and
 * %APPEALS_RECORD_UPDATE modes unknown members are errors, read-only
 * members are ignored, and immutable members may not change; in
 * %APPEALS_RECORD_CREATE required members must be given. Valid members are
 * applied even when others fail, so nothing typed is lost.
 *
 * Returns: %TRUE when no error was added.
 */
gboolean
appeals_record_read_members (const AppealsRecordType *type,
                             gpointer                 record,
                             JsonObject              *object,
                             AppealsRecordMode        mode,
                             GPtrArray               *errors)
{
  g_autoptr(GList) members = json_object_get_members (object);
  guint n_errors = errors->len;

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const AppealsFieldSpec *field = appeals_record_type_find_field (type, name);
      g_autofree char *detail = NULL;
      FieldValue value = { 0, };
      const char *code;

      if (field == NULL)
        {
          if (mode != APPEALS_RECORD_TRUSTED)
            appeals_field_errors_add (errors, name, APPEALS_FIELD_UNKNOWN, NULL);
          continue;
        }

      if ((field->flags & APPEALS_FIELD_FLAG_READ_ONLY) && mode != APPEALS_RECORD_TRUSTED)
        continue;

      g_date_clear (&value.date, 1);
      code = parse_value (field, json_object_get_member (object, name), &value, &detail);
      if (code != NULL)
        {
          appeals_field_errors_add (errors, name, code, detail);
          appeals_field_value_clear (&value);
          continue;
        }

      if (mode == APPEALS_RECORD_UPDATE &&
          (field->flags & APPEALS_FIELD_FLAG_IMMUTABLE) &&
          !value_equals_slot (field, record, &value))
        {
          appeals_field_errors_add (errors, name, APPEALS_FIELD_IMMUTABLE, NULL);
          appeals_field_value_clear (&value);
          continue;
        }

      if (value.is_null && (field->flags & APPEALS_FIELD_FLAG_REQUIRED) && mode != APPEALS_RECORD_TRUSTED)
        {
          appeals_field_errors_add (errors, name, APPEALS_FIELD_REQUIRED, NULL);
          continue;
        }

      appeals_record_store_value (field, record, &value);
      appeals_field_value_clear (&value);
    }

  if (mode == APPEALS_RECORD_CREATE)
    for (guint i = 0; i < type->n_fields; i++)
      {
        const AppealsFieldSpec *field = &type->fields[i];

        if ((field->flags & APPEALS_FIELD_FLAG_REQUIRED) &&
            !(field->flags & APPEALS_FIELD_FLAG_READ_ONLY) &&
            !slot_is_set (field, record) &&
            appeals_field_errors_find (errors, field->name) == NULL)
          appeals_field_errors_add (errors, field->name, APPEALS_FIELD_REQUIRED, NULL);
      }

  return errors->len == n_errors;
}

void
appeals_record_clear (const AppealsRecordType *type,
                      gpointer                 record)
{
  for (guint i = 0; i < type->n_fields; i++)
    clear_slot (&type->fields[i], FIELD_PTR (record, &type->fields[i]));
}

/**
 * appeals_record_copy_fields:
 *
 * Replaces every field of @destination with a copy of @source's.
 */
void
appeals_record_copy_fields (const AppealsRecordType *type,
                            gpointer                 destination,
                            gconstpointer            source)
{
  for (guint i = 0; i < type->n_fields; i++)
    appeals_record_copy_field (&type->fields[i], destination, source);
}

/**
 * appeals_record_copy_field:
 *
 * Replaces one field of @destination with a copy of @source's.
 */
void
appeals_record_copy_field (const AppealsFieldSpec *field,
                           gpointer                destination,
                           gconstpointer           source)
{
  gpointer to = FIELD_PTR (destination, field);
  gconstpointer from = FIELD_CPTR (source, field);

  clear_slot (field, to);
  switch (field->kind)
    {
    case APPEALS_FIELD_KIND_STRING:
      *(char **) to = g_strdup (*(char * const *) from);
      break;
    case APPEALS_FIELD_KIND_INT:
      *(gint64 *) to = *(const gint64 *) from;
      break;
    case APPEALS_FIELD_KIND_BOOLEAN:
      *(gboolean *) to = *(const gboolean *) from;
      break;
    case APPEALS_FIELD_KIND_DATE:
      *(GDate *) to = *(const GDate *) from;
      break;
    case APPEALS_FIELD_KIND_DATETIME:
      if (*(GDateTime * const *) from != NULL)
        *(GDateTime **) to = g_date_time_ref (*(GDateTime * const *) from);
      break;
    case APPEALS_FIELD_KIND_ENUM:
      *(int *) to = *(const int *) from;
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * appeals_record_diff:
 *
 * Returns: (transfer container) (element-type AppealsFieldSpec): the fields
 *   whose values differ between @before and @after, in table order.
 */
GPtrArray *
appeals_record_diff (const AppealsRecordType *type,
                     gconstpointer            before,
                     gconstpointer            after)
{
  GPtrArray *changed = g_ptr_array_new ();

  for (guint i = 0; i < type->n_fields; i++)
    if (!appeals_record_field_equal (&type->fields[i], before, after))
      g_ptr_array_add (changed, (gpointer) &type->fields[i]);

  return changed;
}

/**
 * appeals_record_read_trusted:
 *
 * Reads a representation the server (or the storage) produced. A malformed
 * one is an %APPEALS_ERROR_PARSE error naming the first bad field.
 */
gboolean
appeals_record_read_trusted (const AppealsRecordType  *type,
                             gpointer                  record,
                             JsonNode                 *node,
                             GError                  **error)
{
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  const AppealsFieldError *first;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_PARSE,
                           _("The server sent a malformed answer: an object was expected"));
      return FALSE;
    }

  if (appeals_record_read_members (type, record, json_node_get_object (node),
                                   APPEALS_RECORD_TRUSTED, errors))
    return TRUE;

  first = g_ptr_array_index (errors, 0);
  appeals_record_set_parse_error (error, first->field, first->code);
  return FALSE;
}

/* A representation the server or the storage produced is malformed at
 * @field. */
void
appeals_record_set_parse_error (GError     **error,
                                const char  *field,
                                const char  *code)
{
  g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE,
               _("The server sent a malformed answer: field “%s”: %s"),
               field, appeals_field_error_code_describe (code));
}

void
appeals_record_clear_field (const AppealsFieldSpec *field,
                            gpointer                record)
{
  clear_slot (field, FIELD_PTR (record, field));
}

/**
 * appeals_record_field_is_set:
 *
 * Returns: whether the field holds a value (integers and booleans always
 *   do).
 */
gboolean
appeals_record_field_is_set (const AppealsFieldSpec *field,
                             gconstpointer           record)
{
  return slot_is_set (field, record);
}
