/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-json.c: strict, field-naming readers for JSON data files.
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "appeals-data.h"
#include "appeals-error.h"
#include "appeals-json.h"

JsonNode *
appeals_json_load_file (const char  *path,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE,
                   _("The data file “%s” cannot be read: %s"),
                   path, local_error->message);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

/**
 * appeals_json_parse_file:
 * @parse: the document's parser, e.g. appeals_workflow_new_from_json()
 *
 * Reads the JSON file @path and hands it to @parse, which names the file
 * in its errors.
 *
 * Returns: (transfer full) (nullable): what @parse made of it
 */
gpointer
appeals_json_parse_file (const char                 *path,
                         AppealsJsonDocumentParser   parse,
                         GError                    **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  root = appeals_json_load_file (path, error);
  if (root == NULL)
    return NULL;
  return parse (root, path, error);
}

/**
 * appeals_json_parse_data_file:
 * @relative_path: e.g. "rules/deadlines.json", under the data directory
 *
 * As appeals_json_parse_file(), for the file of the data directory.
 */
gpointer
appeals_json_parse_data_file (const char                 *relative_path,
                              AppealsJsonDocumentParser   parse,
                              GError                    **error)
{
  g_autofree char *path = appeals_data_find_file (relative_path, error);

  if (path == NULL)
    return NULL;
  return appeals_json_parse_file (path, parse, error);
}

/**
 * appeals_json_load_object_file:
 * @root_out: (out): the document, which owns the returned object
 *
 * Returns: (transfer none): the top-level object of the file at @path.
 */
JsonObject *
appeals_json_load_object_file (const char  *path,
                               JsonNode   **root_out,
                               GError     **error)
{
  g_autoptr(JsonNode) root = appeals_json_load_file (path, error);
  JsonObject *object;

  if (root == NULL)
    return NULL;

  object = appeals_json_node_get_root_object (root, path, error);
  if (object == NULL)
    return NULL;
  *root_out = g_steal_pointer (&root);

  return object;
}

/**
 * appeals_json_node_get_root_object:
 * @origin: the file or URL the document came from, for error messages
 *
 * Returns: (transfer none) (nullable): the top-level object of a document
 *   read elsewhere (e.g. a server's answer), or %NULL with @error set.
 */
JsonObject *
appeals_json_node_get_root_object (JsonNode    *node,
                                   const char  *origin,
                                   GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      appeals_json_set_field_error (error, origin, "/", _("must be an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

void
appeals_json_set_field_error (GError     **error,
                              const char  *file,
                              const char  *field,
                              const char  *reason)
{
  g_autofree char *basename = g_path_get_basename (file);

  /* TRANSLATORS: “kz.json”, field “holidays[3].month”: must be a whole number */
  g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE,
               _("The data file “%s” is not valid: field “%s” %s (%s)"),
               basename, field, reason, file);
}

char *
appeals_json_field_path (const char *parent,
                         const char *member)
{
  if (parent == NULL || *parent == '\0')
    return g_strdup (member);

  return g_strconcat (parent, ".", member, NULL);
}

char *
appeals_json_index_path (const char *parent,
                         guint       index)
{
  return g_strdup_printf ("%s[%u]", parent != NULL ? parent : "", index);
}

static gboolean
type_error (const char  *member,
            const char  *reason,
            const char  *file,
            const char  *parent,
            GError     **error)
{
  g_autofree char *field = appeals_json_field_path (parent, member);

  appeals_json_set_field_error (error, file, field, reason);
  return FALSE;
}

/* Finds @member and checks its kind with @holds. Returns FALSE for a
 * missing required member or one of another kind (with @error set, @reason,
 * untranslated, saying what it must be); *node is NULL for an absent optional member or
 * a null. */
static gboolean
read_member (JsonObject  *object,
             const char  *member,
             gboolean     required,
             gboolean   (*holds) (JsonNode *node),
             const char  *reason,
             JsonNode   **node,
             const char  *file,
             const char  *parent,
             GError     **error)
{
  *node = json_object_get_member (object, member);
  if (*node != NULL && !JSON_NODE_HOLDS_NULL (*node))
    {
      if (holds (*node))
        return TRUE;
      reason = _(reason);
    }
  else
    {
      *node = NULL;
      if (!required)
        return TRUE;
      reason = _("is missing");
    }

  return type_error (member, reason, file, parent, error);
}

static gboolean
holds_int (JsonNode *node)
{
  return json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
holds_number (JsonNode *node)
{
  return json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE;
}

static gboolean
holds_boolean (JsonNode *node)
{
  return json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static gboolean
holds_string (JsonNode *node)
{
  return json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
holds_array (JsonNode *node)
{
  return JSON_NODE_HOLDS_ARRAY (node);
}

static gboolean
holds_object (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node);
}

gboolean
appeals_json_read_int (JsonObject  *object,
                       const char  *member,
                       gboolean     required,
                       gint64       min,
                       gint64       max,
                       gint64      *value,
                       const char  *file,
                       const char  *parent,
                       GError     **error)
{
  JsonNode *node;
  gint64 number;

  if (!read_member (object, member, required, holds_int, N_("must be a whole number"), &node, file, parent, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  number = json_node_get_int (node);
  if (number < min || number > max)
    {
      g_autofree char *reason = g_strdup_printf (_("must be between %" PRId64 " and %" PRId64),
                                                 min, max);
      return type_error (member, reason, file, parent, error);
    }

  *value = number;
  return TRUE;
}

/* A number, whole or not, within [min, max]. */
gboolean
appeals_json_read_number (JsonObject  *object,
                          const char  *member,
                          gboolean     required,
                          double       min,
                          double       max,
                          double      *value,
                          const char  *file,
                          const char  *parent,
                          GError     **error)
{
  JsonNode *node;
  double number;

  if (!read_member (object, member, required, holds_number, N_("must be a number"), &node, file, parent, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  number = json_node_get_double (node);
  if (number < min || number > max)
    {
      g_autofree char *reason = g_strdup_printf (_("must be between %g and %g"), min, max);
      return type_error (member, reason, file, parent, error);
    }

  *value = number;
  return TRUE;
}

gboolean
appeals_json_read_boolean (JsonObject  *object,
                           const char  *member,
                           gboolean     required,
                           gboolean    *value,
                           const char  *file,
                           const char  *parent,
                           GError     **error)
{
  JsonNode *node;

  if (!read_member (object, member, required, holds_boolean, N_("must be true or false"), &node, file, parent, error))
    return FALSE;
  if (node != NULL)
    *value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
appeals_json_read_string (JsonObject   *object,
                          const char   *member,
                          gboolean      required,
                          const char  **value,
                          const char   *file,
                          const char   *parent,
                          GError      **error)
{
  JsonNode *node;

  if (!read_member (object, member, required, holds_string, N_("must be a string"), &node, file, parent, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  *value = json_node_get_string (node);
  if (required && **value == '\0')
    return type_error (member, _("must not be empty"), file, parent, error);

  return TRUE;
}

gboolean
appeals_json_read_date (JsonObject  *object,
                        const char  *member,
                        gboolean     required,
                        GDate       *value,
                        const char  *file,
                        const char  *parent,
                        GError     **error)
{
  const char *text = NULL;

  if (!appeals_json_read_string (object, member, required, &text, file, parent, error))
    return FALSE;

  if (text == NULL)
    return TRUE;

  if (!appeals_date_parse_iso (text, value))
    return type_error (member, _("must be a date written as YYYY-MM-DD"), file, parent, error);

  return TRUE;
}

gboolean
appeals_json_read_array (JsonObject  *object,
                         const char  *member,
                         gboolean     required,
                         JsonArray  **value,
                         const char  *file,
                         const char  *parent,
                         GError     **error)
{
  JsonNode *node;

  if (!read_member (object, member, required, holds_array, N_("must be a list"), &node, file, parent, error))
    return FALSE;
  if (node != NULL)
    *value = json_node_get_array (node);
  return TRUE;
}

gboolean
appeals_json_read_object (JsonObject   *object,
                          const char   *member,
                          gboolean      required,
                          JsonObject  **value,
                          const char   *file,
                          const char   *parent,
                          GError      **error)
{
  JsonNode *node;

  if (!read_member (object, member, required, holds_object, N_("must be an object"), &node, file, parent, error))
    return FALSE;
  if (node != NULL)
    *value = json_node_get_object (node);
  return TRUE;
}

JsonObject *
appeals_json_array_get_object (JsonArray   *array,
                               guint        index,
                               const char  *file,
                               const char  *parent,
                               GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *field = appeals_json_index_path (parent, index);
      appeals_json_set_field_error (error, file, field, _("must be an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/**
 * appeals_json_read_names:
 *
 * Reads the member "name": {"en": …, "kk": …, "ru": …}, all three required.
 */
gboolean
appeals_json_read_names (JsonObject    *object,
                         AppealsNames  *names,
                         const char    *file,
                         const char    *parent,
                         GError       **error)
{
  g_autofree char *where = appeals_json_field_path (parent, "name");
  JsonObject *name = NULL;
  const char *en = NULL, *kk = NULL, *ru = NULL;

  if (!appeals_json_read_object (object, "name", TRUE, &name, file, parent, error) ||
      !appeals_json_read_string (name, "en", TRUE, &en, file, where, error) ||
      !appeals_json_read_string (name, "kk", TRUE, &kk, file, where, error) ||
      !appeals_json_read_string (name, "ru", TRUE, &ru, file, where, error))
    return FALSE;

  names->en = g_strdup (en);
  names->kk = g_strdup (kk);
  names->ru = g_strdup (ru);
  return TRUE;
}

void
appeals_names_clear (AppealsNames *names)
{
  g_clear_pointer (&names->en, g_free);
  g_clear_pointer (&names->kk, g_free);
  g_clear_pointer (&names->ru, g_free);
}

/**
 * appeals_names_get:
 * @language: (nullable): "kk", "ru" or "en"; %NULL for the interface
 *   language
 */
const char *
appeals_names_get (const AppealsNames *names,
                   const char         *language)
{
  if (language == NULL)
    language = appeals_ui_language ();

  if (g_strcmp0 (language, "kk") == 0)
    return names->kk;
  if (g_strcmp0 (language, "ru") == 0)
    return names->ru;
  return names->en;
}

/**
 * appeals_date_parse_iso:
 * @text: "YYYY-MM-DD", exactly
 *
 * Returns: %TRUE and sets @date when @text is a real calendar date.
 */
gboolean
appeals_date_parse_iso (const char *text,
                        GDate      *date)
{
  guint digits[10];

  if (text == NULL)
    return FALSE;

  /* YYYY-MM-DD and nothing after (year 0 is no GDate year): a page
   * reads hundreds */
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
          continue;
        }
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      digits[i] = text[i] - '0';
    }
  if (text[10] != '\0')
    return FALSE;

  return appeals_date_set_checked (date,
                                   digits[8] * 10 + digits[9],
                                   digits[5] * 10 + digits[6],
                                   digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]);
}

/**
 * appeals_date_set_checked:
 *
 * Returns: %TRUE and sets @date when @day, @month and @year make a real
 *   calendar date; %FALSE, leaving @date alone, otherwise
 */
gboolean
appeals_date_set_checked (GDate *date,
                          guint  day,
                          guint  month,
                          guint  year)
{
  if (day > 31 || month > 12 || year > G_MAXUINT16 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
appeals_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/* Adds member @name: @date as "YYYY-MM-DD". */
void
appeals_json_add_date (JsonBuilder *builder,
                       const char  *name,
                       const GDate *date)
{
  g_autofree char *text = appeals_date_format_iso (date);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

/* Adds member @name: @value. */
void
appeals_json_add_int (JsonBuilder *builder,
                      const char  *name,
                      gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Adds member @name: @value, or null when @value is %NULL. */
void
appeals_json_add_string_or_null (JsonBuilder *builder,
                                 const char  *name,
                                 const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Adds member @name: {"kk": @kk, "ru": @ru}, a missing text as "". */
void
appeals_json_add_kk_ru (JsonBuilder *builder,
                        const char  *name,
                        const char  *kk,
                        const char  *ru)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kk");
  json_builder_add_string_value (builder, kk != NULL ? kk : "");
  json_builder_set_member_name (builder, "ru");
  json_builder_add_string_value (builder, ru != NULL ? ru : "");
  json_builder_end_object (builder);
}
