/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api-records.c: organisations as applicants; the files of an
 * appeal; the audit trail of receptions, steps, reviews, orders,
 * officials, files and users; reviews that are never overwritten; and
 * the log of who read an applicant's personal data.
 */
#include "config.h"

#include <string.h>

#include "test-api.h"

#define BIN "940140000385"

static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/* The entries of the audit trail of one object, as the administrator reads them. */
/* @keep: (element-type AppealsTestResponse): holds the answer */
static JsonArray *
audit_entries (Fixture    *fixture,
               const char *admin,
               const char *entity,
               gint64      id,
               GPtrArray  *keep)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/audit?entity=%s&entity_id=%" G_GINT64_FORMAT, entity, id);
  AppealsTestResponse *response = REQUEST (fixture, "GET", path, admin, NULL);

  g_ptr_array_add (keep, response);
  if (response->status != 200)
    g_error ("audit %s %" G_GINT64_FORMAT ": %u %s", entity, id, response->status, response->text);
  return json_object_get_array_member (appeals_test_response_object (response), "items");
}

/* The change of @field in @entry; fails when there is none. */
static JsonObject *
find_change (JsonObject *entry,
             const char *field)
{
  JsonArray *changes = json_object_get_array_member (entry, "changes");

  for (guint i = 0; i < json_array_get_length (changes); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (changes, i), "field"), field))
      return json_array_get_object_element (changes, i);
  g_error ("no change of %s in the entry", field);
}

/* Asserts that entry @index of @entries is @action by @actor. */
static JsonObject *
assert_entry (JsonArray  *entries,
              guint       index,
              const char *action,
              const char *actor)
{
  JsonObject *entry;

  g_assert_cmpuint (json_array_get_length (entries), >, index);
  entry = json_array_get_object_element (entries, index);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, action);
  if (actor != NULL)
    g_assert_cmpstr (json_object_get_string_member (entry, "actor"), ==, actor);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (entry, "at"), "20"));
  return entry;
}

static gint64
first_official (Fixture    *fixture)
{
  g_autoptr(AppealsTestResponse) officials = REQUEST (fixture, "GET", "/api/v1/officials", fixture->controller, NULL);

  return json_object_get_int_member (json_array_get_object_element (
           json_object_get_array_member (appeals_test_response_object (officials), "items"), 0), "id");
}

/* A BIN card names the organisation and its representative; a person's
 * card has neither. */
static void
test_organisation_applicant (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(AppealsTestResponse) bare = REQUEST (fixture, "POST", "/api/v1/applicants", fixture->registrar,
                                                 "{\"iin\":\"" BIN "\",\"surname\":\"Ахметов\",\"given_name\":\"Нұрлан\","
                                                 "\"address\":\"Қостанай қ., Байтұрсынов к., 1\"}");
  g_autoptr(AppealsTestResponse) person = REQUEST (fixture, "POST", "/api/v1/applicants", fixture->registrar,
                                                   "{\"iin\":\"061211600012\",\"surname\":\"Ахметов\","
                                                   "\"given_name\":\"Нұрлан\",\"address\":\"Қостанай қ.\","
                                                   "\"organisation_name\":\"ЖШС Дән\"}");
  g_autoptr(AppealsTestResponse) bad_bin = REQUEST (fixture, "POST", "/api/v1/applicants", fixture->registrar,
                                                    "{\"iin\":\"940140000386\",\"surname\":\"Ахметов\","
                                                    "\"given_name\":\"Нұрлан\",\"address\":\"Қостанай қ.\","
                                                    "\"organisation_name\":\"ЖШС Дән\",\"representative_position\":\"директор\"}");
  g_autoptr(AppealsTestResponse) created = REQUEST (fixture, "POST", "/api/v1/applicants", fixture->registrar,
                                                    "{\"iin\":\"" BIN "\",\"surname\":\"Ахметов\",\"given_name\":\"Нұрлан\","
                                                    "\"address\":\"Қостанай қ., Байтұрсынов к., 1\","
                                                    "\"organisation_name\":\"«Дән» ЖШС\","
                                                    "\"representative_position\":\"директор\"}");
  g_autoptr(AppealsTestResponse) appeal = NULL;
  g_autoptr(AppealsTestResponse) found = NULL;
  g_autofree char *body = NULL;
  JsonObject *card;

  assert_problem (bare, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (bare, "organisation_name"), ==, "required");
  g_assert_cmpstr (field_error_code (bare, "representative_position"), ==, "required");
  assert_problem (person, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (person, "organisation_name"), ==, "invalid_value");
  /* the BIN's check digit is checked */
  assert_problem (bad_bin, 422, "validation_failed");
  g_assert_cmpstr (field_error_code (bad_bin, "iin"), ==, "invalid_iin");

  g_assert_cmpuint (created->status, ==, 201);
  card = appeals_test_response_object (created);
  g_assert_cmpstr (json_object_get_string_member (card, "organisation_name"), ==, "«Дән» ЖШС");
  g_assert_cmpstr (json_object_get_string_member (card, "representative_position"), ==, "директор");
  /* no birth date or sex for an organisation */
  g_assert_true (json_object_get_null_member (card, "birth_date"));
  g_assert_true (json_object_get_null_member (card, "sex"));

  /* its appeals carry the organisation's name before its representative's */
  body = appeal_body (json_object_get_int_member (card, "id"), "kostanay-city", "Егістік жер");
  appeal = REQUEST (fixture, "POST", "/api/v1/appeals", fixture->registrar, body);
  g_assert_cmpuint (appeal->status, ==, 201);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (appeals_test_response_object (appeal),
                                                                  "applicant_name"), "«Дән» ЖШС Ахметов"));
  found = REQUEST (fixture, "GET", "/api/v1/applicants?iin=" BIN, fixture->registrar2, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (appeals_test_response_object (found), "items"), 0),
                     "organisation_name"), ==, "«Дән» ЖШС");
}

static AppealsTestResponse *
upload (Fixture    *fixture,
        const char *token,
        gint64      appeal,
        const char *kind,
        const char *file_name,
        const char *content_type,
        const char *data,
        gsize       size)
{
  return upload_file (fixture, token, "appeals", appeal, kind, file_name, content_type, data, size);
}

static void
test_appeal_files (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const char jpeg[] = "\xff\xd8\xff\xe0\0\x10JFIF\0\1\1\0\0\1\0\1\0\0";
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 appeal = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Мектеп туралы");
  g_autofree char *analyst = appeals_test_sign_in (fixture->server, "analyst", "demo");
  g_autofree char *admin = appeals_test_sign_in (fixture->server, "admin", "demo");
  g_autoptr(AppealsTestResponse) scan = upload (fixture, fixture->registrar, appeal, "appeal_scan", "Өтініш.pdf",
                                                "application/pdf", pdf, sizeof pdf - 1);
  g_autoptr(AppealsTestResponse) answer = upload (fixture, fixture->controller, appeal, "answer_document",
                                                  "жауап.jpg", "image/jpeg", jpeg, sizeof jpeg - 1);
  g_autofree char *expected_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) pdf, sizeof pdf - 1);
  g_autofree char *list_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT "/attachments", appeal);
  g_autoptr(AppealsTestResponse) listed = NULL;
  g_autoptr(AppealsTestResponse) downloaded = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_test_response_free);
  const char *scan_path;
  JsonArray *entries;
  gint64 scan_id;

  g_assert_cmpuint (scan->status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (scan), "sha256"), ==, expected_sha);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (scan), "appeal_id"), ==, appeal);
  g_assert_cmpint (json_object_get_int_member (appeals_test_response_object (scan), "size"), ==, sizeof pdf - 1);
  g_assert_cmpuint (answer->status, ==, 201);
  scan_path = appeals_test_response_header (scan, "Location");
  scan_id = json_object_get_int_member (appeals_test_response_object (scan), "id");

  /* the same refusals as a reception's files, and the appeal's scope */
  {
    g_autoptr(AppealsTestResponse) zip = upload (fixture, fixture->registrar, appeal, "other", "a.zip",
                                                 "application/zip", "PK\3\4", 4);
    g_autoptr(AppealsTestResponse) fake = upload (fixture, fixture->registrar, appeal, "other", "a.png", "image/png",
                                                  pdf, sizeof pdf - 1);
    g_autoptr(AppealsTestResponse) kind = upload (fixture, fixture->registrar, appeal, "reference_note", "a.pdf",
                                                  "application/pdf", pdf, sizeof pdf - 1);
    g_autoptr(AppealsTestResponse) name = upload (fixture, fixture->registrar, appeal, "other", "a/b.pdf",
                                                  "application/pdf", pdf, sizeof pdf - 1);
    g_autoptr(AppealsTestResponse) role = upload (fixture, analyst, appeal, "other", "a.pdf", "application/pdf",
                                                  pdf, sizeof pdf - 1);
    g_autoptr(AppealsTestResponse) scope = upload (fixture, fixture->registrar2, appeal, "other", "a.pdf",
                                                   "application/pdf", pdf, sizeof pdf - 1);
    g_autoptr(AppealsTestResponse) hidden = REQUEST (fixture, "GET", scan_path, fixture->registrar2, NULL);

    assert_problem (zip, 415, "attachment_type_not_allowed");
    assert_problem (fake, 415, "attachment_type_not_allowed");
    assert_problem (kind, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (kind, "kind"), ==, "invalid_value");
    g_assert_cmpstr (field_error_code (name, "file_name"), ==, "invalid_value");
    assert_problem (role, 403, "forbidden");
    assert_problem (scope, 404, "not_found");
    assert_problem (hidden, 404, "not_found");
  }

  listed = REQUEST (fixture, "GET", list_path, analyst, NULL);
  g_assert_cmpuint (listed->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appeals_test_response_object (listed),
                                                                         "items")), ==, 2);
  /* who added each, by login and by name, when it is uploaded and listed */
  g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (scan), "created_by_name"), ==,
                   "Ахметова Гүлнар Серікқызы");
  {
    JsonObject *first = json_array_get_object_element (
                          json_object_get_array_member (appeals_test_response_object (listed), "items"), 0);

    g_assert_cmpstr (json_object_get_string_member (first, "created_by"), ==, "registrar");
    g_assert_cmpstr (json_object_get_string_member (first, "created_by_name"), ==, "Ахметова Гүлнар Серікқызы");
  }

  /* read back byte for byte, with its checksum */
  downloaded = REQUEST (fixture, "GET", scan_path, analyst, NULL);
  g_assert_cmpuint (downloaded->status, ==, 200);
  g_assert_cmpmem (g_bytes_get_data (downloaded->bytes, NULL), g_bytes_get_size (downloaded->bytes), pdf, sizeof pdf - 1);
  g_assert_cmpstr (appeals_test_response_header (downloaded, "X-Content-SHA256"), ==, expected_sha);
  g_assert_nonnull (strstr (appeals_test_response_header (downloaded, "Content-Disposition"), "filename*=UTF-8''"));

  /* withdrawn: gone, and the trail keeps what it was */
  {
    g_autoptr(AppealsTestResponse) denied = REQUEST (fixture, "DELETE", scan_path, analyst, NULL);
    g_autoptr(AppealsTestResponse) withdrawn = REQUEST (fixture, "DELETE", scan_path, fixture->registrar, NULL);
    g_autoptr(AppealsTestResponse) gone = REQUEST (fixture, "GET", scan_path, fixture->registrar, NULL);

    assert_problem (denied, 403, "forbidden");
    g_assert_cmpuint (withdrawn->status, ==, 200);
    assert_problem (gone, 404, "not_found");
  }
  entries = audit_entries (fixture, admin, "appeal_attachment", scan_id, keep);
  g_assert_cmpuint (json_array_get_length (entries), ==, 2);
  g_assert_cmpstr (json_node_get_string (json_object_get_member (find_change (assert_entry (entries, 0, "create", "registrar"),
                                                                              "sha256"), "after")), ==, expected_sha);
  g_assert_cmpstr (json_node_get_string (json_object_get_member (find_change (assert_entry (entries, 1, "delete", "registrar"),
                                                                              "file_name"), "before")), ==, "Өтініш.pdf");
}

/* Every change to a reception, a step, a review, an order, an official, a
 * file and a user is in the trail with who, when, before and after; a
 * review is never overwritten. */
static void
test_audit_everything (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const char *official =
    "{\"full_name\":{\"kk\":\"Әбенов Ерлан\",\"ru\":\"Абенов Ерлан\"},\"position\":{\"kk\":\"Орынбасар\",\"ru\":\"Заместитель\"},"
    "\"schedule\":[{\"weekday\":3,\"start\":\"09:00\",\"end\":\"12:00\",\"place\":\"каб. 301\"}]}";
  static const char *changed =
    "{\"full_name\":{\"kk\":\"Әбенов Ерлан\",\"ru\":\"Абенов Ерлан\"},\"position\":{\"kk\":\"Әкім\",\"ru\":\"Аким\"},"
    "\"schedule\":[{\"weekday\":2,\"start\":\"10:00\",\"end\":\"13:00\",\"place\":\"каб. 101\"}]}";
  g_autofree char *admin = appeals_test_sign_in (fixture->server, "admin", "demo");
  g_autofree char *leadership = appeals_test_sign_in (fixture->server, "leadership", "demo");
  gint64 applicant = create_applicant (fixture, "061211600012");
  g_autofree char *date = NULL;
  gint64 reception = book_soon (fixture, applicant, first_official (fixture), &date);
  g_autofree char *reception_path = g_strdup_printf ("/api/v1/receptions/%" G_GINT64_FORMAT, reception);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_test_response_free);
  JsonArray *entries;
  JsonObject *change;

  /* the reception: booked */
  entries = audit_entries (fixture, admin, "reception", reception, keep);
  change = find_change (assert_entry (entries, 0, "create", "registrar"), "question");
  g_assert_true (json_object_get_null_member (change, "before"));
  g_assert_cmpstr (json_object_get_string_member (change, "after"), ==, "Жылу беру");

  /* a step: done, with a note */
  {
    g_autofree char *step_path = g_strdup_printf ("%s/steps/clarify", reception_path);
    g_autoptr(AppealsTestResponse) step = REQUEST (fixture, "PATCH", step_path, fixture->registrar,
                                                   "{\"done\":true,\"note\":\"Телефонмен нақтыланды\"}");

    g_assert_cmpuint (step->status, ==, 200);
    entries = audit_entries (fixture, admin, "reception_step", reception, keep);
    change = find_change (assert_entry (entries, 0, "update", "registrar"), "note");
    g_assert_true (json_object_get_null_member (change, "before"));
    g_assert_cmpstr (json_object_get_string_member (change, "after"), ==, "Телефонмен нақтыланды");
    g_assert_cmpstr (json_object_get_string_member (find_change (json_array_get_object_element (entries, 0), "done_by"),
                                                    "after"), ==, "registrar");
  }

  /* reviews: the second is a new entry, the first stays */
  {
    g_autofree char *review_path = g_strdup_printf ("%s/review", reception_path);
    g_autoptr(AppealsTestResponse) first = REQUEST (fixture, "POST", review_path, leadership,
                                                    "{\"instructions\":\"Жер комиссиясын шақыру\"}");
    g_autoptr(AppealsTestResponse) second = REQUEST (fixture, "POST", review_path, leadership,
                                                     "{\"instructions\":\"Прокуратураны шақыру\"}");
    JsonObject *object = appeals_test_response_object (second);
    JsonArray *reviews = json_object_get_array_member (object, "reviews");

    g_assert_cmpuint (first->status, ==, 200);
    g_assert_cmpuint (second->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (reviews), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reviews, 0), "instructions"), ==,
                     "Жер комиссиясын шақыру");
    /* the latest is the review */
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "review"), "instructions"),
                     ==, "Прокуратураны шақыру");
    entries = audit_entries (fixture, admin, "reception_review", reception, keep);
    g_assert_cmpuint (json_array_get_length (entries), ==, 2);
    assert_entry (entries, 0, "review", "leadership");
    g_assert_cmpstr (json_object_get_string_member (find_change (assert_entry (entries, 1, "review", "leadership"),
                                                                 "instructions"), "after"), ==, "Прокуратураны шақыру");
  }

  /* a reception file: attached and withdrawn */
  {
    g_autofree char *path = g_strdup_printf ("%s/attachments?kind=reference_note&file_name=a.pdf", reception_path);
    g_autoptr(GBytes) bytes = g_bytes_new_static (pdf, sizeof pdf - 1);
    g_autoptr(AppealsTestResponse) attached = appeals_test_request_bytes (fixture->server, fixture->session, "POST", path,
                                                                          fixture->registrar, "application/pdf", bytes);
    gint64 id = json_object_get_int_member (appeals_test_response_object (attached), "id");
    g_autofree char *file_path = g_strdup_printf ("/api/v1/attachments/%" G_GINT64_FORMAT, id);
    g_autoptr(AppealsTestResponse) withdrawn = REQUEST (fixture, "DELETE", file_path, fixture->controller, NULL);

    g_assert_cmpuint (attached->status, ==, 201);
    g_assert_cmpstr (json_object_get_string_member (appeals_test_response_object (attached), "created_by_name"), ==,
                     "Ахметова Гүлнар Серікқызы");
    g_assert_cmpuint (withdrawn->status, ==, 200);
    entries = audit_entries (fixture, admin, "attachment", id, keep);
    assert_entry (entries, 0, "create", "registrar");
    g_assert_cmpstr (json_object_get_string_member (find_change (assert_entry (entries, 1, "delete", "controller"),
                                                                 "kind"), "before"), ==, "reference_note");
  }

  /* an official: added, changed, retired */
  {
    g_autoptr(AppealsTestResponse) created = REQUEST (fixture, "POST", "/api/v1/officials", fixture->controller, official);
    gint64 id = json_object_get_int_member (appeals_test_response_object (created), "id");
    g_autofree char *path = g_strdup_printf ("/api/v1/officials/%" G_GINT64_FORMAT, id);
    g_autoptr(AppealsTestResponse) replaced = REQUEST (fixture, "PUT", path, fixture->controller, changed);
    g_autoptr(AppealsTestResponse) retired = REQUEST (fixture, "DELETE", path, fixture->controller, NULL);

    g_assert_cmpuint (replaced->status, ==, 200);
    g_assert_cmpuint (retired->status, ==, 200);
    entries = audit_entries (fixture, admin, "official", id, keep);
    assert_entry (entries, 0, "create", "controller");
    change = find_change (assert_entry (entries, 1, "update", "controller"), "position_ru");
    g_assert_cmpstr (json_object_get_string_member (change, "before"), ==, "Заместитель");
    g_assert_cmpstr (json_object_get_string_member (change, "after"), ==, "Аким");
    change = find_change (json_array_get_object_element (entries, 1), "schedule");
    g_assert_cmpstr (json_object_get_string_member (change, "before"), ==, "3 09:00-12:00 каб. 301");
    g_assert_cmpstr (json_object_get_string_member (find_change (assert_entry (entries, 2, "retire", "controller"),
                                                                 "active"), "after"), ==, "0");
  }

  /* users are made on the console: the trail has them, without their password */
  {
    g_autoptr(AppealsTestResponse) session = REQUEST (fixture, "GET", "/api/v1/session", admin, NULL);
    gint64 id = json_object_get_int_member (json_object_get_object_member (appeals_test_response_object (session),
                                                                           "user"), "id");
    JsonObject *entry;

    entries = audit_entries (fixture, admin, "user", id, keep);
    entry = assert_entry (entries, 0, "create", NULL);
    g_assert_true (g_str_has_prefix (json_object_get_string_member (entry, "actor"), "console:"));
    g_assert_cmpstr (json_object_get_string_member (find_change (entry, "login"), "after"), ==, "admin");
    g_assert_null (strstr (((AppealsTestResponse *) g_ptr_array_index (keep, keep->len - 1))->text, "password"));
    g_assert_null (strstr (((AppealsTestResponse *) g_ptr_array_index (keep, keep->len - 1))->text, "argon2"));
  }

  /* the classifiers as the server read them at start; a restart with the
   * same files adds nothing */
  {
    JsonObject *entry;

    entries = audit_entries (fixture, admin, "classifier", 5, keep);
    g_assert_cmpuint (json_array_get_length (entries), ==, 1);
    entry = assert_entry (entries, 0, "create", NULL);
    g_assert_cmpstr (json_object_get_string_member (find_change (entry, "name"), "after"), ==, "order-sources");
    g_assert_nonnull (strstr (json_object_get_string_member (find_change (entry, "codes"), "after"), "president"));
    g_assert_cmpint (appeals_test_server_terminate (fixture->server), ==, 0);
    appeals_test_server_restart (fixture->server);
    g_free (admin);
    admin = appeals_test_sign_in (fixture->server, "admin", "demo");
    entries = audit_entries (fixture, admin, "classifier", 5, keep);
    g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  }

  /* an action changes the reception's status (archiving waits for the
   * reception to be held: test-api-reception-guards.c) */
  {
    g_autofree char *confirm_path = g_strdup_printf ("%s/actions/confirm", reception_path);
    g_autoptr(AppealsTestResponse) confirmed = REQUEST (fixture, "POST", confirm_path, fixture->registrar, NULL);

    g_assert_cmpuint (confirmed->status, ==, 200);
    entries = audit_entries (fixture, admin, "reception", reception, keep);
    change = find_change (assert_entry (entries, json_array_get_length (entries) - 1, "confirm", "registrar"), "status");
    g_assert_cmpstr (json_object_get_string_member (change, "before"), ==, "booked");
    g_assert_cmpstr (json_object_get_string_member (change, "after"), ==, "confirmed");
  }

  /* only the administrator reads the trail this way */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/audit?entity=reception&entity_id=%" G_GINT64_FORMAT, reception);
    g_autoptr(AppealsTestResponse) denied = REQUEST (fixture, "GET", path, fixture->controller, NULL);
    g_autoptr(AppealsTestResponse) unknown = REQUEST (fixture, "GET", "/api/v1/audit?entity=password&entity_id=1",
                                                      admin, NULL);

    assert_problem (denied, 403, "forbidden");
    assert_problem (unknown, 422, "validation_failed");
    g_assert_cmpstr (field_error_code (unknown, "entity"), ==, "invalid_value");
  }
}

/* Who read whose personal data, and when: the administrator sees it. */
static void
test_personal_data_reads (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *admin = appeals_test_sign_in (fixture->server, "admin", "demo");
  gint64 applicant = create_applicant (fixture, "061211600012");
  gint64 appeal = create_appeal (fixture, fixture->registrar, applicant, "kostanay-city", "Мектеп");
  g_autofree char *card_path = g_strdup_printf ("/api/v1/applicants/%" G_GINT64_FORMAT, applicant);
  g_autofree char *appeal_path = g_strdup_printf ("/api/v1/appeals/%" G_GINT64_FORMAT, appeal);
  g_autofree char *reads_path = g_strdup_printf ("%s/reads", card_path);
  g_autoptr(AppealsTestResponse) card = REQUEST (fixture, "GET", card_path, fixture->controller, NULL);
  g_autoptr(AppealsTestResponse) appeal_card = REQUEST (fixture, "GET", appeal_path, fixture->registrar, NULL);
  g_autoptr(AppealsTestResponse) reads = REQUEST (fixture, "GET", reads_path, admin, NULL);
  g_autoptr(AppealsTestResponse) denied = REQUEST (fixture, "GET", reads_path, fixture->controller, NULL);
  g_autoptr(AppealsTestResponse) missing = REQUEST (fixture, "GET", "/api/v1/applicants/999999/reads", admin, NULL);
  JsonArray *items;
  gboolean controller_read_card = FALSE, registrar_read_appeal = FALSE;

  g_assert_cmpuint (card->status, ==, 200);
  g_assert_cmpuint (appeal_card->status, ==, 200);
  g_assert_cmpuint (reads->status, ==, 200);
  items = json_object_get_array_member (appeals_test_response_object (reads), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *read = json_array_get_object_element (items, i);
      const char *actor = json_object_get_string_member (read, "actor");
      const char *entity = json_object_get_string_member (read, "entity");
      gint64 id = json_object_get_int_member (read, "entity_id");

      controller_read_card |= g_str_equal (actor, "controller") && g_str_equal (entity, "applicant") && id == applicant;
      registrar_read_appeal |= g_str_equal (actor, "registrar") && g_str_equal (entity, "appeal") && id == appeal;
      g_assert_true (g_str_has_prefix (json_object_get_string_member (read, "at"), "20"));
      /* each reader is a user of the desk: named */
      g_assert_false (json_object_get_null_member (read, "actor_name"));
      g_assert_cmpstr (json_object_get_string_member (read, "actor_name"), !=, actor);
      /* an appeal's card is named by its number, the base card by nothing */
      if (g_str_equal (entity, "appeal") && id == appeal)
        g_assert_cmpstr (json_object_get_string_member (read, "registration_number"), ==,
                         json_object_get_string_member (appeals_test_response_object (appeal_card),
                                                        "registration_number"));
      else if (g_str_equal (entity, "applicant"))
        g_assert_true (json_object_get_null_member (read, "registration_number"));
    }
  g_assert_true (controller_read_card);
  g_assert_true (registrar_read_appeal);
  /* newest first: the registrar's read came last */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "actor"), ==, "registrar");
  assert_problem (denied, 403, "forbidden");
  assert_problem (missing, 404, "not_found");
}

void
test_api_add_records (void)
{
  TEST_API_ADD ("/api/records/organisation-applicant", test_organisation_applicant);
  TEST_API_ADD ("/api/records/appeal-files", test_appeal_files);
  TEST_API_ADD ("/api/records/audit", test_audit_everything);
  TEST_API_ADD ("/api/records/personal-data-reads", test_personal_data_reads);
}
