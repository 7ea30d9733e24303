/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception.c: reception bookings and their JSON mapping.
 */
#include "config.h"

#include <string.h>

#include "appeals-core-enums.h"
#include "appeals-error.h"
#include "appeals-reception.h"

G_DEFINE_FINAL_TYPE (AppealsReception, appeals_reception, G_TYPE_OBJECT)

#define OFF(member) G_STRUCT_OFFSET (AppealsReception, member)

static const AppealsFieldSpec reception_fields[] = {
  { "id", APPEALS_FIELD_KIND_INT, APPEALS_FIELD_FLAG_READ_ONLY, OFF (id), 0, NULL },
  { "version", APPEALS_FIELD_KIND_INT, APPEALS_FIELD_FLAG_READ_ONLY, OFF (version), 0, NULL },
  { "official_id", APPEALS_FIELD_KIND_INT, APPEALS_FIELD_FLAG_REQUIRED, OFF (official_id), 0, NULL },
  { "date", APPEALS_FIELD_KIND_DATE, APPEALS_FIELD_FLAG_REQUIRED, OFF (date), 0, NULL },
  { "start_time", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_REQUIRED, OFF (start_time), 5, NULL },
  { "place", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, OFF (place), 300, NULL },
  { "video_link", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, OFF (video_link), 500, NULL },
  { "applicant_id", APPEALS_FIELD_KIND_INT, APPEALS_FIELD_FLAG_REQUIRED | APPEALS_FIELD_FLAG_IMMUTABLE,
    OFF (applicant_id), 0, NULL },
  { "appeal_id", APPEALS_FIELD_KIND_INT, APPEALS_FIELD_FLAG_IMMUTABLE, OFF (appeal_id), 0, NULL },
  { "question", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_REQUIRED, OFF (question), 2000, NULL },
  { "priority", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE, OFF (priority), 64, NULL },
  { "booked_at", APPEALS_FIELD_KIND_DATETIME, APPEALS_FIELD_FLAG_READ_ONLY, OFF (booked_at), 0, NULL },
  { "status", APPEALS_FIELD_KIND_ENUM, APPEALS_FIELD_FLAG_NONE, OFF (status), 0,
    appeals_reception_status_get_type },
};

#undef OFF

static const AppealsRecordType reception_record_type = {
  reception_fields, G_N_ELEMENTS (reception_fields)
};

const AppealsRecordType *
appeals_reception_get_record_type (void)
{
  return &reception_record_type;
}

static void
appeals_reception_finalize (GObject *object)
{
  AppealsReception *self = APPEALS_RECEPTION (object);

  appeals_record_clear (&reception_record_type, object);
  g_free (self->applicant_name);
  g_free (self->appeal_number);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->orders, g_ptr_array_unref);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_pointer (&self->participants, g_ptr_array_unref);
  g_clear_object (&self->review);
  g_free (self->official_name);
  g_free (self->official_position);

  G_OBJECT_CLASS (appeals_reception_parent_class)->finalize (object);
}

static void
appeals_reception_class_init (AppealsReceptionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_reception_finalize;
}

static void
appeals_reception_init (AppealsReception *self)
{
  g_date_clear (&self->date, 1);
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
  self->orders = g_ptr_array_new_with_free_func (g_object_unref);
  self->attachments = g_ptr_array_new_with_free_func (g_object_unref);
  self->participants = g_ptr_array_new_with_free_func (g_object_unref);
}

AppealsReception *
appeals_reception_new (void)
{
  return g_object_new (APPEALS_TYPE_RECEPTION, NULL);
}

AppealsReception *
appeals_reception_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(AppealsReception) self = appeals_reception_new ();

  if (!appeals_record_read_trusted (&reception_record_type, self, node, error) ||
      !appeals_reception_read_details (self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
appeals_reception_to_json (AppealsReception *self)
{
  g_return_val_if_fail (APPEALS_IS_RECEPTION (self), NULL);

  return appeals_record_to_json (&reception_record_type, self);
}

gboolean
appeals_time_of_day_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;

  return g_ascii_digit_value (text[0]) * 10 + g_ascii_digit_value (text[1]) < 24 &&
         g_ascii_digit_value (text[3]) < 6;
}

/**
 * appeals_time_of_day_to_minutes:
 *
 * Returns: the minutes since midnight of a valid "HH:MM", or -1
 */
int
appeals_time_of_day_to_minutes (const char *text)
{
  if (!appeals_time_of_day_is_valid (text))
    return -1;
  return (g_ascii_digit_value (text[0]) * 10 + g_ascii_digit_value (text[1])) * 60 +
         g_ascii_digit_value (text[3]) * 10 + g_ascii_digit_value (text[4]);
}

static const char * const action_names[] = { "confirm", "hold", "cancel", "move" };

G_STATIC_ASSERT (G_N_ELEMENTS (action_names) == APPEALS_RECEPTION_N_ACTIONS);

gboolean
appeals_reception_action_from_string (const char             *text,
                                      AppealsReceptionAction *action)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (action_names); i++)
    if (g_str_equal (text, action_names[i]))
      {
        *action = i;
        return TRUE;
      }
  return FALSE;
}

const char *
appeals_reception_action_to_string (AppealsReceptionAction action)
{
  g_return_val_if_fail (action < APPEALS_RECEPTION_N_ACTIONS, NULL);

  return action_names[action];
}

/**
 * appeals_reception_status_after:
 *
 * Statuses move only forward: a booking is confirmed, then held; until it
 * is held it can be cancelled or moved (a moved reception is booked again
 * for its new slot and must be confirmed again).
 *
 * Returns: the status @action leads to from @status, or
 *   %APPEALS_RECEPTION_STATUS_UNSET when it is not possible there
 */
int
appeals_reception_status_after (int                    status,
                                AppealsReceptionAction action)
{
  gboolean open = status == APPEALS_RECEPTION_STATUS_BOOKED || status == APPEALS_RECEPTION_STATUS_CONFIRMED;

  switch (action)
    {
    case APPEALS_RECEPTION_ACTION_CONFIRM:
      return status == APPEALS_RECEPTION_STATUS_BOOKED ? APPEALS_RECEPTION_STATUS_CONFIRMED
                                                       : APPEALS_RECEPTION_STATUS_UNSET;
    case APPEALS_RECEPTION_ACTION_HOLD:
      return status == APPEALS_RECEPTION_STATUS_CONFIRMED ? APPEALS_RECEPTION_STATUS_HELD
                                                          : APPEALS_RECEPTION_STATUS_UNSET;
    case APPEALS_RECEPTION_ACTION_CANCEL:
      return open ? APPEALS_RECEPTION_STATUS_CANCELLED : APPEALS_RECEPTION_STATUS_UNSET;
    case APPEALS_RECEPTION_ACTION_MOVE:
      return open ? APPEALS_RECEPTION_STATUS_BOOKED : APPEALS_RECEPTION_STATUS_UNSET;
    case APPEALS_RECEPTION_N_ACTIONS:
    default:
      return APPEALS_RECEPTION_STATUS_UNSET;
    }
}

gboolean
appeals_reception_validate (AppealsReception *self,
                            GPtrArray        *errors)
{
  guint n_errors = errors->len;

  g_return_val_if_fail (APPEALS_IS_RECEPTION (self), FALSE);

  if (self->start_time != NULL && !appeals_time_of_day_is_valid (self->start_time) &&
      appeals_field_errors_find (errors, "start_time") == NULL)
    appeals_field_errors_add (errors, "start_time", APPEALS_FIELD_INVALID_VALUE, "HH:MM");

  if (self->video_link != NULL && !g_str_has_prefix (self->video_link, "https://") &&
      appeals_field_errors_find (errors, "video_link") == NULL)
    appeals_field_errors_add (errors, "video_link", APPEALS_FIELD_INVALID_VALUE, "https://");

  return errors->len == n_errors;
}
