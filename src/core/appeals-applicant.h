/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-applicant.h: the base part of the registration card — who the
 * applicant is. After creation only the address and the phone change; an
 * administrator's correction of anything else goes through the audit trail.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-record.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_SEX_UNKNOWN,
  APPEALS_SEX_MALE,
  APPEALS_SEX_FEMALE,
} AppealsSex;

#define APPEALS_TYPE_APPLICANT (appeals_applicant_get_type ())

G_DECLARE_FINAL_TYPE (AppealsApplicant, appeals_applicant, APPEALS, APPLICANT, GObject)

struct _AppealsApplicant
{
  GObject     parent_instance;

  gint64      id;
  gint64      version;
  char       *iin;            /* or a BIN, for an organisation */
  char       *surname;        /* an organisation's: its representative's */
  char       *given_name;
  char       *patronymic;
  GDate       birth_date;     /* derived from the IIN */
  int         sex;            /* AppealsSex, derived from the IIN */
  char       *social_status;  /* social-statuses classifier code */
  char       *occupation;
  char       *address;
  char       *phone;          /* normalised: +7XXXXXXXXXX */
  char       *organisation_name;        /* a BIN card only */
  char       *representative_position;  /* a BIN card only: who the person is to it */
  GDateTime  *created_at;
  GDateTime  *updated_at;
};

const AppealsRecordType *appeals_applicant_get_record_type (void);

AppealsApplicant *appeals_applicant_new            (void);
AppealsApplicant *appeals_applicant_new_from_json  (JsonNode          *node,
                                                    GError           **error);
AppealsApplicant *appeals_applicant_copy           (AppealsApplicant  *self);
JsonNode         *appeals_applicant_to_json        (AppealsApplicant  *self);
gboolean          appeals_applicant_validate       (AppealsApplicant  *self,
                                                    GPtrArray         *errors);
char             *appeals_applicant_dup_full_name  (AppealsApplicant  *self);
gboolean          appeals_applicant_is_organisation (AppealsApplicant *self);

char             *appeals_phone_normalize          (const char        *phone);
gboolean          appeals_person_name_is_valid     (const char        *name);

G_END_DECLS
