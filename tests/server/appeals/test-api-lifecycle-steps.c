/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-lifecycle-steps.c: paths through the lifecycle that take more
 * than one step — forwarding in part and in full, the answer document
 * that must be a file of the same appeal, and closing an appeal on
 * control, which waits for the head's approval of an accepted expertise.
 */
#include "config.h"

#include <string.h>

#include "test-api.h"

static const char all_yes[] =
  "{\"criteria\":[{\"code\":\"all_arguments\",\"answer\":\"yes\"},{\"code\":\"justified\",\"answer\":\"yes\"},"
  "{\"code\":\"specific_facts\",\"answer\":\"yes\"},{\"code\":\"clear_structure\",\"answer\":\"yes\"},"
  "{\"code\":\"appeal_right\",\"answer\":\"yes\"},{\"code\":\"language\",\"answer\":\"yes\"}],"
  "\"verdict\":\"accepted\"}";

static JsonArray *
history_items (Fixture             *fixture,
               gint64               id,
               AppealsTestResponse **response)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/history", id);

  *response = REQUEST (fixture, "GET", path, fixture->controller, NULL);
  g_assert_cmpuint ((*response)->status, ==, 200);
  return json_object_get_array_member (appeals_test_response_object (*response), "items");
}

/* The value @field took in a history entry, or NULL. */
static const char *
change_after (JsonObject *entry,
              const char *field)
{
  JsonArray *changes = json_object_get_array_member (entry, "changes");

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      if (g_str_equal (json_object_get_string_member (change, "field"), field))
        return json_object_get_string_member (change, "after");
    }
  return NULL;
}

static gboolean
strv_has (JsonArray  *array,
          const char *name)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_str_equal (json_array_get_string_element (array, i), name))
      return TRUE;
  return FALSE;
}

typedef struct
{
  const char *scope;        /* as sent; NULL: left out */
  const char *status;       /* the appeal's status after it */
  gboolean    forward_again;   /* the rest can still be forwarded */
} ForwardCase;

static const ForwardCase forward_cases[] = {
  { "partial", "in_progress", TRUE },
  { "full", "forwarded", FALSE },
  { NULL, "forwarded", FALSE },   /* full unless said otherwise */
};

/* In part, the forwarded part is recorded and the rest stays in work;
 * in full, the appeal is forwarded. The history says which. */
static void
test_forward_scope (Fixture       *fixture,
                    gconstpointer  user_data)
{
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *today = today_iso (0);

  for (guint i = 0; i < G_N_ELEMENTS (forward_cases); i++)
    {
      const ForwardCase *c = &forward_cases[i];
      gint64 id = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Жол мен су құбыры");
      g_autofree char *scope = c->scope != NULL ? g_strdup_printf ("\"scope\":\"%s\",", c->scope) : g_strdup ("");
      g_autofree char *body = g_strdup_printf ("{\"body\":\"health\",%s\"outgoing_number\":\"02-15/%u\","
                                               "\"outgoing_date\":\"%s\"}", scope, 800 + i, today);
      g_autofree char *number = g_strdup_printf ("02-15/%u", 800 + i);
      g_autoptr(AppealsTestResponse) forwarded = post_action (fixture, fixture->registrar, id, "forward", body);
      g_autoptr(AppealsTestResponse) history = NULL;
      JsonObject *appeal, *last;
      JsonArray *items;

      g_test_message ("forward, scope %s", c->scope != NULL ? c->scope : "(default)");
      g_assert_cmpuint (forwarded->status, ==, 200);
      appeal = appeals_test_response_object (forwarded);
      g_assert_cmpstr (json_object_get_string_member (appeal, "status"), ==, c->status);
      g_assert_cmpstr (json_object_get_string_member (appeal, "forwarded_to"), ==, "health");
      g_assert_cmpstr (json_object_get_string_member (appeal, "forwarding_scope"), ==,
                       c->scope != NULL ? c->scope : "full");
      g_assert_cmpstr (json_object_get_string_member (appeal, "forwarding_number"), ==, number);
      g_assert_cmpstr (json_object_get_string_member (appeal, "forwarding_date"), ==, today);
      g_assert_cmpint (strv_has (json_object_get_array_member (appeal, "allowed_actions"), "forward"), ==,
                       c->forward_again);
      /* what is left in work can still be answered */
      g_assert_true (strv_has (json_object_get_array_member (appeal, "allowed_actions"), "answer"));

      /* the card's history has the forwarding, with the part sent */
      items = history_items (fixture, id, &history);
      last = json_array_get_object_element (items, json_array_get_length (items) - 1);
      g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, "forward");
      g_assert_cmpstr (json_object_get_string_member (last, "actor"), ==, "registrar");
      g_assert_cmpstr (change_after (last, "forwarding_scope"), ==, c->scope != NULL ? c->scope : "full");
      g_assert_cmpstr (change_after (last, "forwarding_number"), ==, number);
      g_assert_cmpstr (change_after (last, "forwarded_to"), ==, "health");
      g_assert_cmpstr (change_after (last, "status"), ==, c->status);

      /* in part, the rest may be forwarded in full later */
      if (c->forward_again)
        {
          g_autofree char *rest = g_strdup_printf ("{\"body\":\"education\",\"scope\":\"full\","
                                                   "\"outgoing_number\":\"02-15/900\",\"outgoing_date\":\"%s\"}",
                                                   today);
          g_autoptr(AppealsTestResponse) whole = post_action (fixture, fixture->registrar, id, "forward", rest);

          g_assert_cmpuint (whole->status, ==, 200);
          g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (whole), "status"), ==,
                           "forwarded");
        }
    }
}

/* The answer document is a file of this appeal: a missing file, or
 * another appeal's, is a field error; its own file is recorded. */
static void
test_answer_document (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 id = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Мектеп жөндеу");
  gint64 other = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Аула жарығы");
  g_autoptr(AppealsTestResponse) own_upload = upload_file (fixture, fixture->registrar, "appeals", id,
                                                           "answer_document", "Жауап.pdf", "application/pdf",
                                                           pdf, sizeof pdf - 1);
  g_autoptr(AppealsTestResponse) other_upload = upload_file (fixture, fixture->registrar, "appeals", other,
                                                             "answer_document", "Басқа.pdf", "application/pdf",
                                                             pdf, sizeof pdf - 1);
  gint64 own_file, other_file;
  g_autofree char *today = today_iso (0);
  struct
  {
    gint64      attachment;
    guint       status;
    const char *code;
  } cases[] = {
    { 0, 422, "invalid_value" },
    { 999999, 422, "not_found" },
    { 0 /* the other appeal's */, 422, "not_found" },
    { 0 /* its own */, 200, NULL },
  };

  g_assert_cmpuint (own_upload->status, ==, 201);
  g_assert_cmpuint (other_upload->status, ==, 201);
  own_file = json_object_get_int_member (appeals_test_response_object (own_upload), "id");
  other_file = json_object_get_int_member (appeals_test_response_object (other_upload), "id");
  cases[2].attachment = other_file;
  cases[3].attachment = own_file;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"text\":\"Жөндеу жоспарға енгізілді\",\"received_on\":\"%s\","
                                               "\"character\":\"satisfied\",\"attachment_id\":%" G_GINT64_FORMAT "}",
                                               today, cases[i].attachment);
      g_autoptr(AppealsTestResponse) answered = post_action (fixture, fixture->registrar, id, "answer", body);

      g_test_message ("attachment_id %" G_GINT64_FORMAT " → %u", cases[i].attachment, cases[i].status);
      if (cases[i].code != NULL)
        {
          assert_problem (answered, cases[i].status, "validation_failed");
          g_assert_cmpstr (field_error_code (answered, "attachment_id"), ==, cases[i].code);
        }
      else
        {
          g_assert_cmpuint (answered->status, ==, 200);
          g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (answered),
                                                       "answer_attachment_id"), ==, own_file);
        }
    }

  /* another district's registrar does not see this appeal at all */
  {
    g_autofree char *body = g_strdup_printf ("{\"text\":\"Жауап\",\"received_on\":\"%s\",\"character\":\"satisfied\","
                                             "\"attachment_id\":%" G_GINT64_FORMAT "}", today, own_file);
    g_autoptr(AppealsTestResponse) foreign = post_action (fixture, fixture->registrar2, other, "answer", body);

    assert_problem (foreign, 404, "not_found");
  }
}

/* On control: an answer, an accepted expertise waiting for the head —
 * close is refused (409) — the head approves, and close is allowed and
 * closes the appeal, with its own audit entry. */
static void
test_close_on_control (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *analyst = appeals_test_sign_in (fixture->server, "analyst", "demo");
  g_autofree char *head = appeals_test_sign_in (fixture->server, "head", "demo");
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 id = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Балабақша кезегі");
  g_autofree char *expertise_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/expertise", id);
  g_autofree char *appeal_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, id);
  g_autofree char *today = today_iso (0);
  g_autofree char *answer = g_strdup_printf ("{\"text\":\"Бала кезекке қойылды, орын қаңтарда беріледі\","
                                             "\"received_on\":\"%s\",\"character\":\"satisfied\"}", today);
  g_autofree char *approval_path = NULL;
  g_autoptr(AppealsTestResponse) controlled = post_action (fixture, fixture->controller, id, "control", NULL);
  g_autoptr(AppealsTestResponse) answered = post_action (fixture, fixture->registrar, id, "answer", answer);
  g_autoptr(AppealsTestResponse) too_soon = post_action (fixture, fixture->registrar, id, "close", NULL);
  g_autoptr(AppealsTestResponse) verdict = REQUEST (fixture, "POST", expertise_path, analyst, all_yes);
  g_autoptr(AppealsTestResponse) waiting = post_action (fixture, head, id, "close", NULL);
  g_autoptr(AppealsTestResponse) approval = NULL;
  g_autoptr(AppealsTestResponse) approved = NULL;
  g_autoptr(AppealsTestResponse) closed = NULL;
  g_autoptr(AppealsTestResponse) history = NULL;
  JsonObject *appeal, *last;
  JsonArray *items;

  g_assert_cmpuint (controlled->status, ==, 200);
  g_assert_cmpuint (answered->status, ==, 200);
  g_assert_false (strv_has (json_object_get_array_member (appeals_test_response_object (answered),
                                                          "allowed_actions"), "close"));
  assert_problem (too_soon, 409, "invalid_transition");
  g_assert_cmpuint (verdict->status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (verdict), "state"), ==,
                   "awaiting_approval");
  /* the verdict waits: still no closing, not even by the head */
  assert_problem (waiting, 409, "invalid_transition");

  approval_path = g_strdup_printf ("/api/v1/expertise/%" G_GINT64_FORMAT "/approval",
                                   json_object_get_int_member (appeals_test_response_object (verdict), "id"));
  approval = REQUEST (fixture, "POST", approval_path, head, NULL);
  g_assert_cmpuint (approval->status, ==, 200);

  /* the approval is in the audit trail */
  {
    g_autofree char *admin = appeals_test_sign_in (fixture->server, "admin", "demo");
    g_autofree char *audit_path = g_strdup_printf ("/api/v1/audit?entity=expertise&entity_id=%" G_GINT64_FORMAT,
                                                   json_object_get_int_member (appeals_test_response_object (verdict),
                                                                               "id"));
    g_autoptr(AppealsTestResponse) audit = REQUEST (fixture, "GET", audit_path, admin, NULL);
    JsonArray *entries = json_object_get_array_member (appeals_test_response_object (audit), "items");
    JsonObject *entry;

    g_assert_cmpuint (audit->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (entries), ==, 1);
    entry = json_array_get_object_element (entries, 0);
    g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "approve");
    g_assert_cmpstr (json_object_get_string_member (entry, "actor"), ==, "head");
    g_assert_cmpstr (change_after (entry, "state"), ==, "final");
    g_assert_cmpstr (change_after (entry, "approved_by"), ==, "head");
  }

  /* approved: still answered, and now closable by the registrar too */
  approved = REQUEST (fixture, "GET", appeal_path, fixture->registrar, NULL);
  appeal = appeals_test_response_object (approved);
  g_assert_cmpstr (json_object_get_string_member (appeal, "status"), ==, "answered");
  g_assert_true (strv_has (json_object_get_array_member (appeal, "allowed_actions"), "close"));

  closed = post_action (fixture, fixture->registrar, id, "close", NULL);
  g_assert_cmpuint (closed->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (closed), "status"), ==, "closed");
  items = history_items (fixture, id, &history);
  last = json_array_get_object_element (items, json_array_get_length (items) - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, "close");
  g_assert_cmpstr (json_object_get_string_member (last, "actor"), ==, "registrar");
}

void
test_api_add_lifecycle_steps (void)
{
  TEST_API_ADD ("/api/lifecycle/forward-scope", test_forward_scope);
  TEST_API_ADD ("/api/lifecycle/answer-document", test_answer_document);
  TEST_API_ADD ("/api/lifecycle/close-on-control", test_close_on_control);
}
