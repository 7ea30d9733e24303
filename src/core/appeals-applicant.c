/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-applicant.c: the applicant's base card, its JSON mapping and
 * validation.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-applicant.h"
#include "appeals-core-enums.h"
#include "appeals-error.h"
#include "appeals-iin.h"

G_DEFINE_FINAL_TYPE (AppealsApplicant, appeals_applicant, G_TYPE_OBJECT)

#define RO APPEALS_FIELD_FLAG_READ_ONLY
#define REQ APPEALS_FIELD_FLAG_REQUIRED
#define IMM APPEALS_FIELD_FLAG_IMMUTABLE
#define PD APPEALS_FIELD_FLAG_PERSONAL
#define OFF(member) G_STRUCT_OFFSET (AppealsApplicant, member)

static const AppealsFieldSpec applicant_fields[] = {
  { "id",            APPEALS_FIELD_KIND_INT,      RO,            OFF (id), 0, NULL },
  { "version",       APPEALS_FIELD_KIND_INT,      RO,            OFF (version), 0, NULL },
  { "iin",           APPEALS_FIELD_KIND_STRING,   REQ | IMM | PD, OFF (iin), 12, NULL },
  { "surname",       APPEALS_FIELD_KIND_STRING,   REQ | IMM,     OFF (surname), 100, NULL },
  { "given_name",    APPEALS_FIELD_KIND_STRING,   REQ | IMM,     OFF (given_name), 100, NULL },
  { "patronymic",    APPEALS_FIELD_KIND_STRING,   IMM,           OFF (patronymic), 100, NULL },
  { "birth_date",    APPEALS_FIELD_KIND_DATE,     RO | PD,       OFF (birth_date), 0, NULL },
  { "sex",           APPEALS_FIELD_KIND_ENUM,     RO,            OFF (sex), 0, appeals_sex_get_type },
  { "social_status", APPEALS_FIELD_KIND_STRING,   IMM,           OFF (social_status), 64, NULL },
  { "occupation",    APPEALS_FIELD_KIND_STRING,   IMM,           OFF (occupation), 200, NULL },
  { "address",       APPEALS_FIELD_KIND_STRING,   REQ | PD,      OFF (address), 300, NULL },
  { "phone",         APPEALS_FIELD_KIND_STRING,   PD,            OFF (phone), 32, NULL },
  { "organisation_name", APPEALS_FIELD_KIND_STRING, IMM,         OFF (organisation_name), 300, NULL },
  { "representative_position", APPEALS_FIELD_KIND_STRING, IMM,   OFF (representative_position), 200, NULL },
  { "created_at",    APPEALS_FIELD_KIND_DATETIME, RO,            OFF (created_at), 0, NULL },
  { "updated_at",    APPEALS_FIELD_KIND_DATETIME, RO,            OFF (updated_at), 0, NULL },
};

#undef RO
#undef REQ
#undef IMM
#undef PD
#undef OFF

static const AppealsRecordType applicant_record_type = {
  applicant_fields, G_N_ELEMENTS (applicant_fields)
};

const AppealsRecordType *
appeals_applicant_get_record_type (void)
{
  return &applicant_record_type;
}

static void
appeals_applicant_finalize (GObject *object)
{
  appeals_record_clear (&applicant_record_type, object);

  G_OBJECT_CLASS (appeals_applicant_parent_class)->finalize (object);
}

static void
appeals_applicant_class_init (AppealsApplicantClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_applicant_finalize;
}

static void
appeals_applicant_init (AppealsApplicant *self)
{
  g_date_clear (&self->birth_date, 1);
}

AppealsApplicant *
appeals_applicant_new (void)
{
  return g_object_new (APPEALS_TYPE_APPLICANT, NULL);
}

AppealsApplicant *
appeals_applicant_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(AppealsApplicant) self = appeals_applicant_new ();

  if (!appeals_record_read_trusted (&applicant_record_type, self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

AppealsApplicant *
appeals_applicant_copy (AppealsApplicant *self)
{
  AppealsApplicant *copy;

  g_return_val_if_fail (APPEALS_IS_APPLICANT (self), NULL);

  copy = appeals_applicant_new ();
  appeals_record_copy_fields (&applicant_record_type, copy, self);
  return copy;
}

JsonNode *
appeals_applicant_to_json (AppealsApplicant *self)
{
  g_return_val_if_fail (APPEALS_IS_APPLICANT (self), NULL);

  return appeals_record_to_json (&applicant_record_type, self);
}

/**
 * appeals_phone_normalize:
 *
 * Accepts the ways a Kazakhstan number is written (+7 705 123 45 67,
 * 8 (705) 123-45-67, 7051234567).
 *
 * Returns: (transfer full) (nullable): the number as +7XXXXXXXXXX, or %NULL
 *   when it is not a Kazakhstan number.
 */
char *
appeals_phone_normalize (const char *phone)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  if (phone == NULL)
    return NULL;

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+' && p == phone)
        continue;
      else if (*p != ' ' && *p != '-' && *p != '(' && *p != ')')
        return NULL;
    }

  if (digits->len == 11 && (digits->str[0] == '7' || digits->str[0] == '8'))
    g_string_erase (digits, 0, 1);
  if (digits->len != 10 || (digits->str[0] != '7' && digits->str[0] != '6'))
    return NULL;

  return g_strconcat ("+7", digits->str, NULL);
}

/**
 * appeals_person_name_is_valid:
 *
 * Names are letters (Cyrillic including the Kazakh letters, or Latin), with
 * single spaces, hyphens and apostrophes between them.
 */
gboolean
appeals_person_name_is_valid (const char *name)
{
  gunichar previous = ' ';

  if (name == NULL || *name == '\0')
    return FALSE;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          previous = c;
          continue;
        }
      if ((c == ' ' || c == '-' || c == '\'' || c == 0x2019) && g_unichar_isalpha (previous))
        {
          previous = c;
          continue;
        }
      return FALSE;
    }

  return g_unichar_isalpha (previous);
}

static void
check_name (GPtrArray  *errors,
            const char *field,
            const char *value)
{
  if (value != NULL && !appeals_person_name_is_valid (value) &&
      appeals_field_errors_find (errors, field) == NULL)
    appeals_field_errors_add (errors, field, APPEALS_FIELD_INVALID_VALUE, NULL);
}

/* A BIN card names the organisation and says who speaks for it; a
 * person's card has neither. */
static void
check_organisation (AppealsApplicant *self,
                    GPtrArray        *errors)
{
  static const char * const members[] = { "organisation_name", "representative_position" };
  const char *values[] = { self->organisation_name, self->representative_position };
  gboolean organisation = appeals_applicant_is_organisation (self);

  if (self->iin == NULL || appeals_field_errors_find (errors, "iin") != NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (values[i] != NULL ? values[i] : ""));

      if (appeals_field_errors_find (errors, members[i]) != NULL)
        continue;
      if (organisation && *stripped == '\0')
        appeals_field_errors_add (errors, members[i], APPEALS_FIELD_REQUIRED, NULL);
      else if (!organisation && values[i] != NULL)
        appeals_field_errors_add (errors, members[i], APPEALS_FIELD_INVALID_VALUE, "bin");
    }
}

/**
 * appeals_applicant_is_organisation:
 *
 * Returns: whether the card carries a valid BIN rather than an IIN.
 */
gboolean
appeals_applicant_is_organisation (AppealsApplicant *self)
{
  g_return_val_if_fail (APPEALS_IS_APPLICANT (self), FALSE);

  return self->iin != NULL && appeals_tax_id_classify (self->iin) == APPEALS_TAX_ID_BIN;
}

/**
 * appeals_applicant_validate:
 *
 * Checks what the field table cannot: the IIN (and derives the birth date
 * and sex from it), names and the phone, which is normalised in place.
 *
 * Returns: %TRUE when no error was added to @errors.
 */
gboolean
appeals_applicant_validate (AppealsApplicant *self,
                            GPtrArray        *errors)
{
  guint n_errors = errors->len;

  g_return_val_if_fail (APPEALS_IS_APPLICANT (self), FALSE);

  /* Legal entities write to the department too: their card carries a BIN,
   * which has no birth date or sex. */
  if (self->iin != NULL && appeals_field_errors_find (errors, "iin") == NULL)
    {
      AppealsSex sex = APPEALS_SEX_UNKNOWN;
      GDate birth;

      g_date_clear (&birth, 1);
      g_date_clear (&self->birth_date, 1);
      self->sex = APPEALS_SEX_UNKNOWN;

      if (appeals_iin_parse (self->iin, &birth, &sex, NULL))
        {
          self->birth_date = birth;
          self->sex = sex;
        }
      else if (!appeals_bin_validate (self->iin, NULL))
        appeals_field_errors_add (errors, "iin", APPEALS_FIELD_INVALID_IIN, NULL);
    }

  check_organisation (self, errors);
  check_name (errors, "surname", self->surname);
  check_name (errors, "given_name", self->given_name);
  check_name (errors, "patronymic", self->patronymic);

  if (self->phone != NULL && appeals_field_errors_find (errors, "phone") == NULL)
    {
      g_autofree char *normalized = appeals_phone_normalize (self->phone);

      if (normalized == NULL)
        appeals_field_errors_add (errors, "phone", APPEALS_FIELD_INVALID_PHONE, NULL);
      else
        {
          g_free (self->phone);
          self->phone = g_steal_pointer (&normalized);
        }
    }

  return errors->len == n_errors;
}

/**
 * appeals_applicant_dup_full_name:
 *
 * Returns: (transfer full): "Surname Given-name Patronymic", as names are
 *   written on Kazakhstan documents; an organisation's name before its
 *   representative's.
 */
char *
appeals_applicant_dup_full_name (AppealsApplicant *self)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_return_val_if_fail (APPEALS_IS_APPLICANT (self), NULL);

  if (self->organisation_name != NULL)
    g_strv_builder_add (parts, self->organisation_name);
  if (self->surname != NULL)
    g_strv_builder_add (parts, self->surname);
  if (self->given_name != NULL)
    g_strv_builder_add (parts, self->given_name);
  if (self->patronymic != NULL)
    g_strv_builder_add (parts, self->patronymic);

  strv = g_strv_builder_end (parts);
  return g_strjoinv (" ", strv);
}
