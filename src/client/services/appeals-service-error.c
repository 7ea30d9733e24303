/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-service-error.c: problem answers as extended GErrors.
 */
#include "config.h"

#include <libsoup/soup.h>

#include "appeals-service-error.h"

typedef struct
{
  char      *problem_code;
  GPtrArray *field_errors;   /* AppealsFieldError */
  JsonNode  *current;        /* 412: the server's version */
} AppealsServiceErrorPrivate;

static void
appeals_service_error_private_init (AppealsServiceErrorPrivate *priv)
{
  priv->field_errors = appeals_field_errors_new ();
}

static void
appeals_service_error_private_copy (const AppealsServiceErrorPrivate *src,
                                    AppealsServiceErrorPrivate       *dest)
{
  dest->problem_code = g_strdup (src->problem_code);
  for (guint i = 0; i < src->field_errors->len; i++)
    g_ptr_array_add (dest->field_errors, appeals_field_error_copy (g_ptr_array_index (src->field_errors, i)));
  dest->current = src->current != NULL ? json_node_copy (src->current) : NULL;
}

static void
appeals_service_error_private_clear (AppealsServiceErrorPrivate *priv)
{
  g_clear_pointer (&priv->problem_code, g_free);
  g_clear_pointer (&priv->field_errors, g_ptr_array_unref);
  g_clear_pointer (&priv->current, json_node_unref);
}

G_DEFINE_EXTENDED_ERROR (AppealsServiceError, appeals_service_error)

static AppealsServiceErrorCode
code_for_status (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      return APPEALS_SERVICE_ERROR_UNAUTHORIZED;
    case SOUP_STATUS_FORBIDDEN:
      return APPEALS_SERVICE_ERROR_FORBIDDEN;
    case SOUP_STATUS_NOT_FOUND:
      return APPEALS_SERVICE_ERROR_NOT_FOUND;
    case SOUP_STATUS_CONFLICT:
      return APPEALS_SERVICE_ERROR_CONFLICT;
    case SOUP_STATUS_PRECONDITION_FAILED:
      return APPEALS_SERVICE_ERROR_PRECONDITION_FAILED;
    case SOUP_STATUS_BAD_REQUEST:
    case SOUP_STATUS_UNPROCESSABLE_ENTITY:
      return APPEALS_SERVICE_ERROR_INVALID;
    default:
      return APPEALS_SERVICE_ERROR_REFUSED;
    }
}

/**
 * appeals_service_error_new_problem:
 * @status: the HTTP status of the answer
 * @problem_code: (nullable): the server's stable code
 * @field_errors: (nullable) (transfer none): AppealsFieldError
 * @current: (nullable) (transfer none): the server's version (412)
 *
 * Returns: (transfer full): an error whose message is the client's own
 *   translated text for @problem_code.
 */
GError *
appeals_service_error_new_problem (guint       status,
                                   const char *problem_code,
                                   GPtrArray  *field_errors,
                                   JsonNode   *current)
{
  const char *code = problem_code != NULL ? problem_code : APPEALS_PROBLEM_INTERNAL_ERROR;
  GError *error = g_error_new_literal (APPEALS_SERVICE_ERROR, code_for_status (status),
                                       appeals_problem_code_describe (code));
  AppealsServiceErrorPrivate *priv = appeals_service_error_get_private (error);

  priv->problem_code = g_strdup (code);
  for (guint i = 0; field_errors != NULL && i < field_errors->len; i++)
    g_ptr_array_add (priv->field_errors, appeals_field_error_copy (g_ptr_array_index (field_errors, i)));
  priv->current = current != NULL ? json_node_copy (current) : NULL;
  return error;
}

/**
 * appeals_service_error_get_problem_code:
 *
 * Returns: (nullable): the server's stable problem code (e.g.
 *   "invalid_iin", "slot_taken"), or %NULL when no answer came.
 */
const char *
appeals_service_error_get_problem_code (const GError *error)
{
  AppealsServiceErrorPrivate *priv = error != NULL ? appeals_service_error_get_private (error) : NULL;

  return priv != NULL ? priv->problem_code : NULL;
}

/**
 * appeals_service_error_get_field_errors:
 *
 * Returns: (nullable) (transfer none): the field errors of a refused input
 */
GPtrArray *
appeals_service_error_get_field_errors (const GError *error)
{
  AppealsServiceErrorPrivate *priv = error != NULL ? appeals_service_error_get_private (error) : NULL;

  return priv != NULL ? priv->field_errors : NULL;
}

/**
 * appeals_service_error_get_current:
 *
 * For the services: the server's current representation sent with a 412,
 * which they turn into a core model for the merge.
 *
 * Returns: (nullable) (transfer none):
 */
JsonNode *
appeals_service_error_get_current (const GError *error)
{
  AppealsServiceErrorPrivate *priv = error != NULL ? appeals_service_error_get_private (error) : NULL;

  return priv != NULL ? priv->current : NULL;
}

/* Whether the request failed for want of a server rather than a refusal:
 * the page keeps what it shows and the window offers to retry. */
gboolean
appeals_service_error_is_offline (const GError *error)
{
  return g_error_matches (error, APPEALS_SERVICE_ERROR, APPEALS_SERVICE_ERROR_NETWORK);
}
