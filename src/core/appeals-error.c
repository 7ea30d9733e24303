/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-error.c: the error domain and translated descriptions of the
 * stable field-error codes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-error.h"

G_DEFINE_QUARK (appeals-error-quark, appeals_error)

G_DEFINE_BOXED_TYPE (AppealsFieldError, appeals_field_error,
                     appeals_field_error_copy, appeals_field_error_free)

AppealsFieldError *
appeals_field_error_new (const char *field,
                         const char *code,
                         const char *detail)
{
  AppealsFieldError *self;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  self = g_new0 (AppealsFieldError, 1);
  self->field = g_strdup (field);
  self->code = g_strdup (code);
  self->detail = g_strdup (detail);

  return self;
}

AppealsFieldError *
appeals_field_error_copy (const AppealsFieldError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  return appeals_field_error_new (error->field, error->code, error->detail);
}

void
appeals_field_error_free (AppealsFieldError *error)
{
  if (error == NULL)
    return;

  g_free (error->field);
  g_free (error->code);
  g_free (error->detail);
  g_free (error);
}

static const struct {
  const char *code;
  const char *message;
} field_error_messages[] = {
  { APPEALS_FIELD_REQUIRED,      N_("This field is required.") },
  { APPEALS_FIELD_WRONG_TYPE,    N_("This value has the wrong type.") },
  { APPEALS_FIELD_UNKNOWN,       N_("This field is not known.") },
  { APPEALS_FIELD_TOO_LONG,      N_("This value is too long.") },
  { APPEALS_FIELD_TOO_SHORT,     N_("This value is too short.") },
  { APPEALS_FIELD_INVALID_VALUE, N_("This value is not allowed here.") },
  { APPEALS_FIELD_INVALID_DATE,  N_("Enter a real date as YYYY-MM-DD.") },
  { APPEALS_FIELD_INVALID_IIN,   N_("This is not a valid IIN: check the 12 digits.") },
  { APPEALS_FIELD_INVALID_BIN,   N_("This is not a valid BIN: check the 12 digits.") },
  { APPEALS_FIELD_INVALID_PHONE, N_("Enter the phone number as +7 followed by 10 digits.") },
  { APPEALS_FIELD_IMMUTABLE,     N_("This field cannot be changed after registration.") },
  { APPEALS_FIELD_NOT_FOUND,     N_("Nothing with this value exists.") },
  { APPEALS_FIELD_DUPLICATE,     N_("This value is already registered.") },
  { APPEALS_FIELD_OUT_OF_RANGE,  N_("This value is out of range.") },
  { APPEALS_FIELD_READ_ONLY,     N_("This field changes only through the appeal’s actions.") },
  { APPEALS_FIELD_NOT_RECEPTION_DAY, N_("The official does not receive citizens on this day.") },
  { APPEALS_FIELD_OUTSIDE_HOURS, N_("This time is outside the official’s reception hours.") },
  { APPEALS_FIELD_IN_PAST,       N_("This date has already passed.") },
  { APPEALS_FIELD_INVALID_BARCODE, N_("This is not a Kazpost barcode: check its letters, digits and check digit.") },
  { APPEALS_FIELD_TOO_SOON,      N_("This date leaves too little time for the steps before the reception.") },
};

/**
 * appeals_field_error_code_describe:
 * @code: a stable field-error code
 *
 * Returns: (transfer none): the translated sentence for @code, or a generic
 * one for a code this build does not know.
 */
const char *
appeals_field_error_code_describe (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_error_messages); i++)
    {
      if (g_strcmp0 (field_error_messages[i].code, code) == 0)
        return g_dgettext (GETTEXT_PACKAGE, field_error_messages[i].message);
    }

  return g_dgettext (GETTEXT_PACKAGE, N_("This value is not valid."));
}

/**
 * appeals_field_error_describe:
 *
 * Returns: (transfer full): a translated sentence for @error, including the
 * limit for length errors.
 */
char *
appeals_field_error_describe (const AppealsFieldError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->detail != NULL &&
      (g_str_equal (error->code, APPEALS_FIELD_TOO_LONG) ||
       g_str_equal (error->code, APPEALS_FIELD_TOO_SHORT)))
    {
      guint64 limit = g_ascii_strtoull (error->detail, NULL, 10);

      if (g_str_equal (error->code, APPEALS_FIELD_TOO_LONG))
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Use at most %u character.",
                                             "Use at most %u characters.",
                                             limit),
                                (guint) limit);
      else
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Use at least %u character.",
                                             "Use at least %u characters.",
                                             limit),
                                (guint) limit);
    }

  return g_strdup (appeals_field_error_code_describe (error->code));
}

static const struct {
  const char *code;
  const char *message;
} problem_messages[] = {
  { APPEALS_PROBLEM_VALIDATION_FAILED,      N_("Some fields need correcting.") },
  { APPEALS_PROBLEM_MALFORMED_JSON,         N_("The request could not be read.") },
  { APPEALS_PROBLEM_BODY_TOO_LARGE,         N_("The request is too large.") },
  { APPEALS_PROBLEM_LENGTH_REQUIRED,        N_("The request must state its length.") },
  { APPEALS_PROBLEM_TOO_DEEP,               N_("The request is nested too deeply.") },
  { APPEALS_PROBLEM_UNSUPPORTED_MEDIA_TYPE, N_("The request has an unsupported content type.") },
  { APPEALS_PROBLEM_UNAUTHORIZED,           N_("Sign in to continue.") },
  { APPEALS_PROBLEM_INVALID_CREDENTIALS,    N_("The login or password is wrong.") },
  { APPEALS_PROBLEM_FORBIDDEN,              N_("Your role does not allow this.") },
  { APPEALS_PROBLEM_NOT_FOUND,              N_("Nothing was found here.") },
  { APPEALS_PROBLEM_METHOD_NOT_ALLOWED,     N_("This operation is not supported here.") },
  { APPEALS_PROBLEM_PRECONDITION_REQUIRED,  N_("The card’s version must be given to change it.") },
  { APPEALS_PROBLEM_PRECONDITION_FAILED,    N_("Someone else changed this card in the meantime.") },
  { APPEALS_PROBLEM_CONFLICT,               N_("This conflicts with data already stored.") },
  { APPEALS_PROBLEM_IDEMPOTENCY_KEY_REUSED, N_("This request was already sent with different data.") },
  { APPEALS_PROBLEM_IDEMPOTENCY_IN_FLIGHT,  N_("This request is still being processed.") },
  { APPEALS_PROBLEM_TOO_MANY_REQUESTS,      N_("Too many attempts. Wait a while and try again.") },
  { APPEALS_PROBLEM_SERVICE_UNAVAILABLE,    N_("The server is busy. Try again in a moment.") },
  { APPEALS_PROBLEM_INTERNAL_ERROR,         N_("The server failed. Try again later or call the administrator.") },
  { APPEALS_PROBLEM_ATTACHMENT_TYPE,        N_("Files of this type cannot be attached. Attach a PDF, PNG, JPEG or plain text file.") },
  { APPEALS_PROBLEM_ATTACHMENT_TOO_LARGE,   N_("The file is too large to attach.") },
  { APPEALS_PROBLEM_ATTACHMENT_DAMAGED,     N_("The stored file is damaged: its checksum does not match. Call the administrator.") },
  { APPEALS_PROBLEM_INVALID_ENCODING,       N_("The request is not valid UTF-8 text.") },
  { APPEALS_PROBLEM_REQUEST_TIMEOUT,        N_("The request did not arrive in time.") },
  { APPEALS_PROBLEM_MALFORMED_REQUEST,      N_("The request is not well-formed HTTP.") },
  { APPEALS_PROBLEM_URI_TOO_LONG,           N_("The request’s address is too long.") },
  { APPEALS_PROBLEM_HEADERS_TOO_LARGE,      N_("The request’s headers are too large.") },
  { APPEALS_PROBLEM_INVALID_TRANSITION,     N_("This action is not possible in the appeal’s current state.") },
  { APPEALS_PROBLEM_READ_ONLY,              N_("The status, control and answer of an appeal change only through its actions.") },
  { APPEALS_PROBLEM_APPEAL_DECIDED,         N_("This appeal is decided, and its card stays as it was decided. The head can reopen it to change the card.") },
  { APPEALS_PROBLEM_SLOT_TAKEN,             N_("This time is already taken with this official. Choose a free time.") },
  { APPEALS_PROBLEM_ALREADY_SCANNED,        N_("This barcode is already in the batch: it was not entered twice.") },
  { APPEALS_PROBLEM_BATCH_EMPTY,            N_("No envelope has been scanned in this batch: there is nothing to close.") },
  { APPEALS_PROBLEM_BATCH_CLOSED,           N_("This batch is already closed. Open a new batch for the next courier.") },
  { APPEALS_PROBLEM_TOOK_TOO_LONG,          N_("This request took too long and was stopped. Choose a shorter period or fewer conditions.") },
};

/**
 * appeals_problem_code_describe:
 * @code: a stable problem code
 *
 * Returns: (transfer none): the translated sentence for @code.
 */
const char *
appeals_problem_code_describe (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (problem_messages); i++)
    {
      if (g_strcmp0 (problem_messages[i].code, code) == 0)
        return g_dgettext (GETTEXT_PACKAGE, problem_messages[i].message);
    }

  return g_dgettext (GETTEXT_PACKAGE, N_("The request failed."));
}

GPtrArray *
appeals_field_errors_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_field_error_free);
}

void
appeals_field_errors_add (GPtrArray  *errors,
                          const char *field,
                          const char *code,
                          const char *detail)
{
  g_return_if_fail (errors != NULL);

  g_ptr_array_add (errors, appeals_field_error_new (field, code, detail));
}

const AppealsFieldError *
appeals_field_errors_find (GPtrArray  *errors,
                           const char *field)
{
  if (errors == NULL)
    return NULL;

  for (guint i = 0; i < errors->len; i++)
    {
      const AppealsFieldError *error = g_ptr_array_index (errors, i);

      if (g_strcmp0 (error->field, field) == 0)
        return error;
    }

  return NULL;
}
