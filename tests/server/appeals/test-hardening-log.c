/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-hardening-log.c: the server's log holds no personal data. A server
 * whose log goes to a file is given an applicant's IIN, name, phone and
 * address, in bodies and queries, with a duplicate (a refusal that quotes
 * the row on PostgreSQL), a search and a scan whose file name names the
 * person; its log must then name the requests (method, path, status, the
 * staff login) and none of the person's data.
 */
#include "config.h"

#include <string.h>

#include "test-hardening.h"

#define IIN "880514400022"
#define SURNAME "Жанұзақова"
#define PHONE "87015553311"
#define STREET "Тәуелсіздік"

static void
test_log_without_personal_data (void)
{
  const char *args[] = { "--demo", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("appeals-log-XXXXXX", &error);
  g_autofree char *log_path = g_build_filename (dir, "server.log", NULL);
  g_autofree char *log = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  Fixture fixture = { NULL, };
  const char *body = "{\"iin\":\"" IIN "\",\"surname\":\"" SURNAME "\",\"given_name\":\"Әсем\","
                     "\"address\":\"Қостанай қ., " STREET " к., 7\",\"phone\":\"" PHONE "\"}";
  static const char pdf[] = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
  gint64 applicant, appeal;

  g_assert_no_error (error);
  fixture.server = appeals_test_server_start_full (test_api_backend, args, 0, log_path);
  fixture.session = session;
  fixture.registrar = appeals_test_sign_in (fixture.server, "registrar", "demo");

  {
    g_autoptr(AppealsTestResponse) created = REQUEST (&fixture, "POST", "/api/v1/applicants", fixture.registrar, body);
    g_autoptr(AppealsTestResponse) again = REQUEST (&fixture, "POST", "/api/v1/applicants", fixture.registrar, body);
    g_autoptr(AppealsTestResponse) found = REQUEST (&fixture, "GET", "/api/v1/applicants?iin=" IIN,
                                                    fixture.registrar, NULL);
    g_autoptr(AppealsTestResponse) search = REQUEST (&fixture, "GET", "/api/v1/appeals?q=" SURNAME,
                                                     fixture.registrar, NULL);
    g_autoptr(AppealsTestResponse) scan = NULL;

    g_assert_cmpuint (created->status, ==, 201);
    g_assert_cmpuint (again->status, ==, 409);
    g_assert_cmpuint (found->status, ==, 200);
    g_assert_cmpuint (search->status, ==, 200);
    applicant = json_object_get_int_member (appeals_test_response_object (created), "id");
    appeal = create_appeal (&fixture, fixture.registrar, applicant, "kostanay-city", "Жол жөндеу туралы");
    scan = upload_file (&fixture, fixture.registrar, "appeals", appeal, "appeal_scan", SURNAME "_өтініш.pdf",
                        "application/pdf", pdf, sizeof pdf - 1);
    g_assert_cmpuint (scan->status, ==, 201);
  }

  /* the log is complete once the server has stopped */
  g_assert_cmpint (appeals_test_server_terminate (fixture.server), ==, 0);
  g_assert_true (g_file_get_contents (log_path, &log, NULL, &error));
  g_assert_no_error (error);

  /* it names the requests … */
  g_assert_nonnull (strstr (log, "POST /api/v1/applicants"));
  g_assert_nonnull (strstr (log, "/api/v1/appeals/"));
  g_assert_nonnull (strstr (log, "registrar"));
  /* … and nothing of the person */
  g_assert_null (strstr (log, IIN));
  g_assert_null (strstr (log, SURNAME));
  g_assert_null (strstr (log, PHONE));
  g_assert_null (strstr (log, STREET));

  appeals_test_server_free (fixture.server);
  g_free (fixture.registrar);
  appeals_test_remove_tree (dir);
}

void
test_hardening_add_log (void)
{
  g_test_add_func ("/hardening/log-without-personal-data", test_log_without_personal_data);
}
