/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-record-text.c: records from a statement's text and into JSON
 * text, without a JsonNode between.
 *
 * A journal page is fifty rows of forty-odd columns. Read through a
 * JsonObject and written through a JsonNode tree and a generator, each
 * value costs a node, a hash-table entry and a copy on either side; these
 * functions read a column's text into the record's slot and write the
 * record's slots as JSON text, through the same field table and the same
 * value parser (appeals_record_parse_string()) as the JSON mapping, so the
 * two cannot disagree — tests/core/test-record-text.c holds them to it.
 */
#include "config.h"

#include <string.h>

#include "appeals-error.h"
#include "appeals-json.h"
#include "appeals-record-private.h"

/**
 * appeals_record_field_read_text:
 * @text: (nullable): the column's text as the storage keeps it: integers in
 *   decimal, booleans as 0/1 (or t/true), everything else in its JSON form;
 *   %NULL leaves the slot as it is
 *
 * Reads one stored value into @record, as appeals_record_read_trusted()
 * would read its JSON.
 */
gboolean
appeals_record_field_read_text (const AppealsFieldSpec  *field,
                                gpointer                 record,
                                const char              *text,
                                GError                 **error)
{
  AppealsFieldValue value = { 0, };   /* its date cleared, as g_date_clear () clears */
  g_autofree char *detail = NULL;
  const char *code = NULL;
  char *end = NULL;

  if (text == NULL)
    return TRUE;

  switch (field->kind)
    {
    case APPEALS_FIELD_KIND_INT:
      value.integer = g_ascii_strtoll (text, &end, 10);
      if (end != text && *end == '.')
        {
          /* a whole number in a numeric column's text, e.g. PostgreSQL's
           * "12.000" or SQLite's "12.0" */
          double number = g_ascii_strtod (text, &end);

          value.integer = (gint64) number;
          if (number != (double) value.integer)
            code = APPEALS_FIELD_WRONG_TYPE;
        }
      if (end == text || *end != '\0')
        code = APPEALS_FIELD_WRONG_TYPE;
      break;
    case APPEALS_FIELD_KIND_BOOLEAN:
      value.boolean = g_str_equal (text, "1") || g_str_equal (text, "t") || g_str_equal (text, "true");
      break;
    case APPEALS_FIELD_KIND_STRING:
    case APPEALS_FIELD_KIND_DATE:
    case APPEALS_FIELD_KIND_DATETIME:
    case APPEALS_FIELD_KIND_ENUM:
      code = appeals_record_parse_string (field, text, &value, &detail);
      break;
    default:
      g_assert_not_reached ();
    }

  if (code != NULL)
    {
      appeals_field_value_clear (&value);
      appeals_record_set_parse_error (error, field->name, code);
      return FALSE;
    }
  appeals_record_store_value (field, record, &value);
  appeals_field_value_clear (&value);
  return TRUE;
}

/**
 * appeals_record_field_to_text:
 *
 * Returns: (transfer full) (nullable): the field's value in the form
 *   appeals_record_field_read_text() reads: integers in decimal, booleans
 *   as 0/1, everything else as the text of its JSON string; %NULL when the
 *   value is unset
 */
char *
appeals_record_field_to_text (const AppealsFieldSpec *field,
                              gconstpointer           record)
{
  gconstpointer slot = APPEALS_RECORD_FIELD_CPTR (record, field);

  switch (field->kind)
    {
    case APPEALS_FIELD_KIND_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, *(const gint64 *) slot);
    case APPEALS_FIELD_KIND_BOOLEAN:
      return g_strdup (*(const gboolean *) slot ? "1" : "0");
    case APPEALS_FIELD_KIND_STRING:
      return g_strdup (*(char * const *) slot);
    case APPEALS_FIELD_KIND_DATE:
      return g_date_valid ((const GDate *) slot) ? appeals_date_format_iso ((const GDate *) slot) : NULL;
    case APPEALS_FIELD_KIND_DATETIME:
      return *(GDateTime * const *) slot != NULL ? g_date_time_format_iso8601 (*(GDateTime * const *) slot) : NULL;
    case APPEALS_FIELD_KIND_ENUM:
      return g_strdup (appeals_enum_to_wire (field->enum_type (), *(const int *) slot));
    default:
      g_assert_not_reached ();
    }
}

/* g_string_append_len() for the many short pieces of a page: a copy into
 * the room the string has, GLib's call only when it must grow (GLib 2.74
 * does not inline it; 2.76 does the same). */
static inline void
append_bytes (GString    *out,
              const char *bytes,
              gsize       n)
{
  if (out->len + n < out->allocated_len)
    {
      memcpy (out->str + out->len, bytes, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, bytes, (gssize) n);
}

/**
 * appeals_json_append_string:
 *
 * Appends @text as a JSON string, quoted and escaped as json-glib's
 * generator writes it; text that is not UTF-8 has its bad bytes replaced.
 */
void
appeals_json_append_string (GString    *out,
                            const char *text)
{
  gsize start = out->len;
  const guchar *p = (const guchar *) text;

  g_string_append_c (out, '"');
  for (;;)
    {
      const guchar *run = p;

      /* a run of what is written as it is, checked as it is read: ASCII
       * but the end, quotes, backslashes and controls (DEL too, as
       * json-glib escapes it), and the two-byte characters of Kazakh and
       * Russian (a lead byte of C2 to DF is never overlong, and one
       * continuation byte makes it whole) */
      for (;;)
        if (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\')
          p++;
        else if (*p >= 0xc2 && *p <= 0xdf && (p[1] & 0xc0) == 0x80)
          p += 2;
        else
          break;
      append_bytes (out, (const char *) run, p - run);
      if (*p == '\0')
        break;

      if (*p >= 0x80)
        {
          /* a longer character, checked as g_utf8_validate() checks it */
          gunichar c = g_utf8_get_char_validated ((const char *) p, -1);

          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              g_autofree char *valid = g_utf8_make_valid (text, -1);

              g_string_truncate (out, start);
              appeals_json_append_string (out, valid);
              return;
            }
          append_bytes (out, (const char *) p, g_utf8_skip[*p]);
          p += g_utf8_skip[*p];
          continue;
        }

      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:   g_string_append_printf (out, "\\u%04x", (guint) *p); break;
        }
      p++;
    }
  g_string_append_c (out, '"');
}

/* Decimal digits without printf's machinery: a page writes hundreds. */
void
appeals_json_append_int (GString *out,
                         gint64   value)
{
  char digits[24];
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  int at = sizeof digits;

  do
    {
      digits[--at] = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    digits[--at] = '-';
  append_bytes (out, digits + at, sizeof digits - at);
}

static void
append_padded (GString *out,
               guint    value,
               guint    width)
{
  char digits[8];

  for (guint i = width; i > 0; i--)
    {
      digits[i - 1] = (char) ('0' + value % 10);
      value /= 10;
    }
  append_bytes (out, digits, width);
}

/* YYYY-MM-DD */
static void
append_ymd (GString *out,
            guint    year,
            guint    month,
            guint    day)
{
  append_padded (out, year, 4);
  g_string_append_c (out, '-');
  append_padded (out, month, 2);
  g_string_append_c (out, '-');
  append_padded (out, day, 2);
}

/* What g_date_time_format_iso8601() writes, without its general formatter
 * (a tenth of a journal page's time): the date and time, the microseconds
 * unless zero, then "Z" or the offset to the precision it needs. */
static void
append_iso8601 (GString   *out,
                GDateTime *datetime)
{
  GTimeSpan offset = g_date_time_get_utc_offset (datetime) / G_TIME_SPAN_SECOND;
  guint magnitude = (guint) ABS (offset);
  int microsecond = g_date_time_get_microsecond (datetime);
  int year, month, day;

  g_date_time_get_ymd (datetime, &year, &month, &day);
  append_ymd (out, year, month, day);
  g_string_append_c (out, 'T');
  append_padded (out, g_date_time_get_hour (datetime), 2);
  g_string_append_c (out, ':');
  append_padded (out, g_date_time_get_minute (datetime), 2);
  g_string_append_c (out, ':');
  append_padded (out, g_date_time_get_second (datetime), 2);
  if (microsecond != 0)
    {
      g_string_append_c (out, '.');
      append_padded (out, microsecond, 6);
    }

  if (offset == 0)
    {
      g_string_append_c (out, 'Z');
      return;
    }
  g_string_append_c (out, offset > 0 ? '+' : '-');
  append_padded (out, magnitude / 3600, 2);
  if (magnitude % 3600 != 0)
    {
      g_string_append_c (out, ':');
      append_padded (out, magnitude / 60 % 60, 2);
    }
  if (magnitude % 60 != 0)
    {
      g_string_append_c (out, ':');
      append_padded (out, magnitude % 60, 2);
    }
}

/* Inlined into the loop of appeals_record_append_json(): a page calls
 * it for each of its thousands of cells. */
G_ALWAYS_INLINE static inline gboolean
append_field (const AppealsFieldSpec *field,
              gconstpointer           record,
              GString                *out)
{
  gconstpointer slot = APPEALS_RECORD_FIELD_CPTR (record, field);

  switch (field->kind)
    {
    case APPEALS_FIELD_KIND_STRING:
      if (*(char * const *) slot == NULL)
        return FALSE;
      appeals_json_append_string (out, *(char * const *) slot);
      return TRUE;

    case APPEALS_FIELD_KIND_INT:
      appeals_json_append_int (out, *(const gint64 *) slot);
      return TRUE;

    case APPEALS_FIELD_KIND_BOOLEAN:
      if (*(const gboolean *) slot)
        append_bytes (out, "true", 4);
      else
        append_bytes (out, "false", 5);
      return TRUE;

    case APPEALS_FIELD_KIND_DATE:
      {
        const GDate *date = slot;

        if (!g_date_valid (date))
          return FALSE;
        g_string_append_c (out, '"');
        append_ymd (out, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
        g_string_append_c (out, '"');
        return TRUE;
      }

    case APPEALS_FIELD_KIND_DATETIME:
      if (*(GDateTime * const *) slot == NULL)
        return FALSE;
      g_string_append_c (out, '"');
      append_iso8601 (out, *(GDateTime * const *) slot);
      g_string_append_c (out, '"');
      return TRUE;

    case APPEALS_FIELD_KIND_ENUM:
      {
        const char *wire = appeals_enum_to_wire (field->enum_type (), *(const int *) slot);

        if (wire == NULL)
          return FALSE;
        appeals_json_append_string (out, wire);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/**
 * appeals_record_field_append_json:
 *
 * Appends the JSON of @field of @record, as appeals_record_field_to_json()
 * holds it; an unset value appends nothing.
 *
 * Returns: whether a value was appended
 */
gboolean
appeals_record_field_append_json (const AppealsFieldSpec *field,
                                  gconstpointer           record,
                                  GString                *out)
{
  return append_field (field, record, out);
}

/* Opens member number @index of an object being written: a comma after
 * the first, the quoted name and a colon. */
void
appeals_json_append_member_name (GString    *out,
                                 guint       index,
                                 const char *name)
{
  gsize length = strlen (name);
  char *at;

  /* a field's or a column's name is an identifier (ASCII letters, digits,
   * underscores; tests/core/test-record-text.c checks every field), which
   * JSON writes as it is: no check and no escape for each of a page's
   * thousands of names, and room made once for the comma, the quotes and
   * the colon */
  if (out->len + length + 4 >= out->allocated_len)
    {
      if (index > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '"');
      g_string_append_len (out, name, (gssize) length);
      g_string_append_len (out, "\":", 2);
      return;
    }
  at = out->str + out->len;
  if (index > 0)
    *at++ = ',';
  *at++ = '"';
  memcpy (at, name, length);
  at += length;
  *at++ = '"';
  *at++ = ':';
  *at = '\0';
  out->len = at - out->str;
}

static void
append_fields (const AppealsRecordType *type,
               gconstpointer            record,
               AppealsFieldFlags        skipped,
               GString                 *out)
{
  guint written = 0;

  g_string_append_c (out, '{');
  for (guint i = 0; i < type->n_fields; i++)
    {
      if ((type->fields[i].flags & skipped) != 0)
        continue;
      appeals_json_append_member_name (out, written++, type->fields[i].name);
      if (!append_field (&type->fields[i], record, out))
        append_bytes (out, "null", 4);
    }
  g_string_append_c (out, '}');
}

/* Appends @record as a JSON object: the text of appeals_record_to_json(),
 * every field, unset values as null. */
void
appeals_record_append_json (const AppealsRecordType *type,
                            gconstpointer            record,
                            GString                 *out)
{
  append_fields (type, record, APPEALS_FIELD_FLAG_NONE, out);
}

/* Appends @record as a list's row: every field but those only its card
 * gives (APPEALS_FIELD_FLAG_CARD_ONLY), unset values as null. */
void
appeals_record_append_row_json (const AppealsRecordType *type,
                                gconstpointer            record,
                                GString                 *out)
{
  append_fields (type, record, APPEALS_FIELD_FLAG_CARD_ONLY, out);
}
