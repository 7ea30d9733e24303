/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-user.c: users and roles.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "appeals-core-enums.h"
#include "appeals-error.h"
#include "appeals-user.h"

G_DEFINE_FINAL_TYPE (AppealsUser, appeals_user, G_TYPE_OBJECT)

static const AppealsFieldSpec user_fields[] = {
  { "id", APPEALS_FIELD_KIND_INT, APPEALS_FIELD_FLAG_READ_ONLY, G_STRUCT_OFFSET (AppealsUser, id), 0, NULL },
  { "login", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_REQUIRED | APPEALS_FIELD_FLAG_IMMUTABLE,
    G_STRUCT_OFFSET (AppealsUser, login), 64, NULL },
  { "full_name", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_REQUIRED,
    G_STRUCT_OFFSET (AppealsUser, full_name), 200, NULL },
  { "role", APPEALS_FIELD_KIND_ENUM, APPEALS_FIELD_FLAG_REQUIRED,
    G_STRUCT_OFFSET (AppealsUser, role), 0, appeals_role_get_type },
  { "district", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE,
    G_STRUCT_OFFSET (AppealsUser, district), 64, NULL },
  { "language", APPEALS_FIELD_KIND_STRING, APPEALS_FIELD_FLAG_NONE,
    G_STRUCT_OFFSET (AppealsUser, language), 2, NULL },
  { "active", APPEALS_FIELD_KIND_BOOLEAN, APPEALS_FIELD_FLAG_NONE,
    G_STRUCT_OFFSET (AppealsUser, active), 0, NULL },
  { "region_wide", APPEALS_FIELD_KIND_BOOLEAN, APPEALS_FIELD_FLAG_NONE,
    G_STRUCT_OFFSET (AppealsUser, region_wide), 0, NULL },
};

static const AppealsRecordType user_record_type = { user_fields, G_N_ELEMENTS (user_fields) };

const AppealsRecordType *
appeals_user_get_record_type (void)
{
  return &user_record_type;
}

static void
appeals_user_finalize (GObject *object)
{
  appeals_record_clear (&user_record_type, object);

  G_OBJECT_CLASS (appeals_user_parent_class)->finalize (object);
}

static void
appeals_user_class_init (AppealsUserClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_user_finalize;
}

static void
appeals_user_init (AppealsUser *self)
{
  self->active = TRUE;
}

AppealsUser *
appeals_user_new (void)
{
  return g_object_new (APPEALS_TYPE_USER, NULL);
}

/**
 * appeals_user_new_from_json:
 *
 * Reads a user as the server represents it.
 */
AppealsUser *
appeals_user_new_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(AppealsUser) self = appeals_user_new ();

  if (!appeals_record_read_trusted (&user_record_type, self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
appeals_user_to_json (AppealsUser *self)
{
  g_return_val_if_fail (APPEALS_IS_USER (self), NULL);

  return appeals_record_to_json (&user_record_type, self);
}

const char *
appeals_role_to_string (AppealsRole role)
{
  return appeals_enum_to_wire (APPEALS_TYPE_ROLE, role);
}

AppealsRole
appeals_role_from_string (const char *text)
{
  int role = APPEALS_ROLE_UNSET;

  appeals_enum_from_wire (APPEALS_TYPE_ROLE, text, &role);
  return role;
}

const char *
appeals_role_get_label (AppealsRole role)
{
  switch (role)
    {
    case APPEALS_ROLE_REGISTRAR:
      return _("Registrar");
    case APPEALS_ROLE_CONTROLLER:
      return _("Controller");
    case APPEALS_ROLE_HEAD:
      return _("Head of department");
    case APPEALS_ROLE_LEADERSHIP:
      return _("Leadership");
    case APPEALS_ROLE_ANALYST:
      return _("Analyst");
    case APPEALS_ROLE_ADMIN:
      return _("Administrator");
    case APPEALS_ROLE_UNSET:
    default:
      return _("No role");
    }
}

/**
 * appeals_user_name_or_login:
 * @full_name: (nullable): the user's full name, as the server gave it
 * @login: (nullable): the login kept with a record
 *
 * Who did something, as the desks name people: the full name, or the
 * login of one who is no longer a user.
 *
 * Returns: (nullable): @full_name if it is not empty, else @login
 */
const char *
appeals_user_name_or_login (const char *full_name,
                            const char *login)
{
  return full_name != NULL && *full_name != '\0' ? full_name : login;
}

/**
 * appeals_login_is_valid:
 *
 * Logins are 2–64 characters of ASCII letters, digits, '.', '-' and '_',
 * starting with a letter, so they are safe in logs and URLs.
 */
gboolean
appeals_login_is_valid (const char *login)
{
  gsize length;

  if (login == NULL || !g_ascii_isalpha (login[0]))
    return FALSE;

  length = strlen (login);
  if (length < 2 || length > 64)
    return FALSE;

  for (const char *p = login; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}
