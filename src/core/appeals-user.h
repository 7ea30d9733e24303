/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-user.h: a member of staff and the role that decides what they
 * may do.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-record.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_ROLE_UNSET,
  APPEALS_ROLE_REGISTRAR,   /* takes and registers appeals */
  APPEALS_ROLE_CONTROLLER,  /* routes and watches deadlines */
  APPEALS_ROLE_HEAD,        /* head of department: approves */
  APPEALS_ROLE_LEADERSHIP,  /* reviews reception materials */
  APPEALS_ROLE_ANALYST,     /* answer-quality expertise */
  APPEALS_ROLE_ADMIN,
} AppealsRole;

#define APPEALS_TYPE_USER (appeals_user_get_type ())

G_DECLARE_FINAL_TYPE (AppealsUser, appeals_user, APPEALS, USER, GObject)

struct _AppealsUser
{
  GObject      parent_instance;

  gint64       id;
  char        *login;
  char        *full_name;
  int          role;       /* AppealsRole */
  char        *district;   /* a districts classifier code, or NULL */
  gboolean     region_wide; /* sees the whole region; without it nor a district, nothing */
  char        *language;   /* "kk" or "ru" */
  gboolean     active;
};

const AppealsRecordType *appeals_user_get_record_type (void);

AppealsUser *appeals_user_new            (void);
AppealsUser *appeals_user_new_from_json  (JsonNode     *node,
                                          GError      **error);
JsonNode    *appeals_user_to_json        (AppealsUser  *self);

const char  *appeals_role_to_string      (AppealsRole   role);
AppealsRole  appeals_role_from_string    (const char   *text);
const char  *appeals_role_get_label      (AppealsRole   role);

gboolean     appeals_login_is_valid      (const char   *login);
const char  *appeals_user_name_or_login  (const char   *full_name,
                                          const char   *login);

G_END_DECLS
