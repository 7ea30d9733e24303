/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-json-body.c: a libFuzzer target for the JSON body parsers. The
 * input is a Content-Type line, then the body. The body goes through the
 * server's strict reader (appeals_json_body_parse()), its canonical form
 * (Idempotency-Key comparison), and every record reader a route uses on
 * a body — appeals, applicants, receptions, users — in each mode, with
 * the records' validation after.
 */
#include "config.h"

#include <string.h>

#include "appeals-core.h"
#include "appeals-request-body.h"
#include "fuzz-target.h"

static void
read_record (const AppealsRecordType *type,
             gpointer                 record,
             JsonObject              *object,
             GPtrArray               *errors)
{
  static const AppealsRecordMode modes[] = { APPEALS_RECORD_CREATE, APPEALS_RECORD_UPDATE, APPEALS_RECORD_CORRECTION };

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    appeals_record_read_members (type, record, object, modes[m], errors);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *text = (const char *) data;
  const char *newline = memchr (text, '\n', size);
  g_autofree char *content_type = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *body, *code;
  guint status;

  if (newline == NULL)
    return 0;
  content_type = g_strndup (text, newline - text);
  body = newline + 1;

  root = appeals_json_body_parse (content_type, body, size - (body - text), 32, &status, &code);
  if (root == NULL)
    {
      g_assert (status >= 400 && status < 500 && code != NULL);
      return 0;
    }

  g_free (appeals_json_canonical (root));
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
      g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();
      g_autoptr(AppealsApplicant) applicant = appeals_applicant_new ();
      g_autoptr(AppealsReception) reception = appeals_reception_new ();
      g_autoptr(AppealsUser) user = appeals_user_new ();

      read_record (appeals_appeal_get_record_type (), appeal, object, errors);
      read_record (appeals_applicant_get_record_type (), applicant, object, errors);
      read_record (appeals_reception_get_record_type (), reception, object, errors);
      read_record (appeals_user_get_record_type (), user, object, errors);
      appeals_appeal_validate (appeal, errors);
      appeals_applicant_validate (applicant, errors);
      appeals_reception_validate (reception, errors);
      for (guint i = 0; i < errors->len; i++)
        g_free (appeals_field_error_describe (g_ptr_array_index (errors, i)));
    }

  return 0;
}
