/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-error.h: the project's GError domain and the vocabulary of
 * validation errors shared by the server (which answers them as
 * application/problem+json) and the client (which shows them beside fields).
 * Codes are stable strings; messages are always produced locally from the
 * code, so what a user reads never depends on what the other side said.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define APPEALS_ERROR (appeals_error_quark ())

typedef enum
{
  APPEALS_ERROR_FAILED,
  APPEALS_ERROR_INVALID,       /* input did not validate; see field errors */
  APPEALS_ERROR_PARSE,         /* a data file or document is malformed */
  APPEALS_ERROR_NOT_FOUND,
  APPEALS_ERROR_OUT_OF_RANGE,  /* e.g. a date outside the calendar's years */
  APPEALS_ERROR_CONFLICT,
} AppealsErrorCode;

GQuark appeals_error_quark (void);

/* Stable field-error codes. Keep in sync with appeals_field_error_code_describe(). */
#define APPEALS_FIELD_REQUIRED       "required"
#define APPEALS_FIELD_WRONG_TYPE     "wrong_type"
#define APPEALS_FIELD_UNKNOWN        "unknown_field"
#define APPEALS_FIELD_TOO_LONG       "too_long"
#define APPEALS_FIELD_TOO_SHORT      "too_short"
#define APPEALS_FIELD_INVALID_VALUE  "invalid_value"
#define APPEALS_FIELD_INVALID_DATE   "invalid_date"
#define APPEALS_FIELD_INVALID_IIN    "invalid_iin"
#define APPEALS_FIELD_INVALID_BIN    "invalid_bin"
#define APPEALS_FIELD_INVALID_PHONE  "invalid_phone"
#define APPEALS_FIELD_IMMUTABLE      "immutable"
#define APPEALS_FIELD_NOT_FOUND      "not_found"
#define APPEALS_FIELD_DUPLICATE      "duplicate"
#define APPEALS_FIELD_OUT_OF_RANGE   "out_of_range"
#define APPEALS_FIELD_READ_ONLY      "read_only"
#define APPEALS_FIELD_NOT_RECEPTION_DAY "not_reception_day"
#define APPEALS_FIELD_OUTSIDE_HOURS  "outside_hours"
#define APPEALS_FIELD_IN_PAST        "in_past"
#define APPEALS_FIELD_INVALID_BARCODE "invalid_barcode"
#define APPEALS_FIELD_TOO_SOON       "too_soon"

/* Stable problem codes of application/problem+json answers ("code" member). */
#define APPEALS_PROBLEM_VALIDATION_FAILED        "validation_failed"
#define APPEALS_PROBLEM_MALFORMED_JSON           "malformed_json"
#define APPEALS_PROBLEM_BODY_TOO_LARGE           "body_too_large"
#define APPEALS_PROBLEM_LENGTH_REQUIRED          "length_required"
#define APPEALS_PROBLEM_TOO_DEEP                 "too_deep"
#define APPEALS_PROBLEM_UNSUPPORTED_MEDIA_TYPE   "unsupported_media_type"
#define APPEALS_PROBLEM_UNAUTHORIZED             "unauthorized"
#define APPEALS_PROBLEM_INVALID_CREDENTIALS      "invalid_credentials"
#define APPEALS_PROBLEM_FORBIDDEN                "forbidden"
#define APPEALS_PROBLEM_NOT_FOUND                "not_found"
#define APPEALS_PROBLEM_METHOD_NOT_ALLOWED       "method_not_allowed"
#define APPEALS_PROBLEM_PRECONDITION_REQUIRED    "precondition_required"
#define APPEALS_PROBLEM_PRECONDITION_FAILED      "precondition_failed"
#define APPEALS_PROBLEM_CONFLICT                 "conflict"
#define APPEALS_PROBLEM_IDEMPOTENCY_KEY_REUSED   "idempotency_key_reused"
#define APPEALS_PROBLEM_IDEMPOTENCY_IN_FLIGHT    "idempotency_key_in_flight"
#define APPEALS_PROBLEM_TOO_MANY_REQUESTS        "too_many_requests"
#define APPEALS_PROBLEM_SERVICE_UNAVAILABLE      "service_unavailable"
#define APPEALS_PROBLEM_INTERNAL_ERROR           "internal_error"
#define APPEALS_PROBLEM_ATTACHMENT_TYPE          "attachment_type_not_allowed"
#define APPEALS_PROBLEM_ATTACHMENT_TOO_LARGE     "attachment_too_large"
#define APPEALS_PROBLEM_ATTACHMENT_DAMAGED       "attachment_damaged"
#define APPEALS_PROBLEM_INVALID_ENCODING         "invalid_encoding"
#define APPEALS_PROBLEM_REQUEST_TIMEOUT          "request_timeout"
#define APPEALS_PROBLEM_MALFORMED_REQUEST        "malformed_request"
#define APPEALS_PROBLEM_URI_TOO_LONG             "uri_too_long"
#define APPEALS_PROBLEM_HEADERS_TOO_LARGE        "header_fields_too_large"
#define APPEALS_PROBLEM_INVALID_TRANSITION       "invalid_transition"
#define APPEALS_PROBLEM_READ_ONLY                "read_only"
#define APPEALS_PROBLEM_APPEAL_DECIDED           "appeal_decided"
#define APPEALS_PROBLEM_SLOT_TAKEN               "slot_taken"
#define APPEALS_PROBLEM_ALREADY_SCANNED          "already_scanned"
#define APPEALS_PROBLEM_BATCH_EMPTY              "batch_empty"
#define APPEALS_PROBLEM_BATCH_CLOSED             "batch_closed"
#define APPEALS_PROBLEM_TOOK_TOO_LONG            "took_too_long"

const char *appeals_problem_code_describe (const char *code);

typedef struct _AppealsFieldError AppealsFieldError;

struct _AppealsFieldError
{
  char *field;    /* JSON member name, dotted for nested members: "applicant.iin" */
  char *code;     /* one of the APPEALS_FIELD_* codes */
  char *detail;   /* optional, untranslated machine detail (a limit, an allowed set) */
};

#define APPEALS_TYPE_FIELD_ERROR (appeals_field_error_get_type ())

GType              appeals_field_error_get_type     (void) G_GNUC_CONST;
AppealsFieldError *appeals_field_error_new          (const char              *field,
                                                     const char              *code,
                                                     const char              *detail);
AppealsFieldError *appeals_field_error_copy         (const AppealsFieldError *error);
void               appeals_field_error_free         (AppealsFieldError       *error);
const char        *appeals_field_error_code_describe (const char             *code);
char              *appeals_field_error_describe     (const AppealsFieldError *error);

/* A GPtrArray of AppealsFieldError, owning its elements. */
GPtrArray         *appeals_field_errors_new         (void);
void               appeals_field_errors_add         (GPtrArray               *errors,
                                                     const char              *field,
                                                     const char              *code,
                                                     const char              *detail);
const AppealsFieldError *appeals_field_errors_find  (GPtrArray               *errors,
                                                     const char              *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsFieldError, appeals_field_error_free)

G_END_DECLS
