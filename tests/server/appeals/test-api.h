/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-api.h: what the API test files share — the fixture (a server
 * with demo data and three signed-in users) and small request helpers.
 */
#pragma once

#include "appeals-test-server.h"

G_BEGIN_DECLS

/* "sqlite" or "postgresql", from --backend= */
extern const char *test_api_backend;

typedef struct
{
  AppealsTestServer *server;
  SoupSession       *session;
  char              *registrar;    /* kostanay-city */
  char              *registrar2;   /* rudny-city */
  char              *controller;   /* the whole region */
} Fixture;

void fixture_set_up    (Fixture       *fixture,
                        gconstpointer  user_data);
void fixture_tear_down (Fixture       *fixture,
                        gconstpointer  user_data);

#define TEST_API_ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

#define REQUEST(f, method, path, token, body, ...) \
  appeals_test_request ((f)->server, (f)->session, method, path, token, body, ##__VA_ARGS__, NULL)

void         assert_problem   (AppealsTestResponse *response,
                               guint                status,
                               const char          *code);
const char  *field_error_code (AppealsTestResponse *response,
                               const char          *field);
const char  *field_error_detail (AppealsTestResponse *response,
                                 const char          *field);
gint64       create_applicant (Fixture             *fixture,
                               const char          *iin);
char        *appeal_body      (gint64               applicant_id,
                               const char          *district,
                               const char          *annotation);
gint64       create_appeal    (Fixture             *fixture,
                               const char          *token,
                               gint64               applicant_id,
                               const char          *district,
                               const char          *annotation);
gint64       book_soon        (Fixture             *fixture,
                               gint64               applicant,
                               gint64               official,
                               char               **date_out);

char                *today_iso   (int               days);
gint64               create_open_official (Fixture   *fixture);
GPtrArray           *free_slots  (Fixture          *fixture,
                                  gint64            official,
                                  const char       *date);
gint64               book_free   (Fixture          *fixture,
                                  const char       *token,
                                  gint64            official,
                                  gint64            applicant,
                                  const char       *date);
char                *appeal_etag (Fixture          *fixture,
                                  gint64            id);
void                 test_api_run_threads (const char *name,
                                  GThreadFunc       func,
                                  gpointer          items,
                                  gsize             item_size,
                                  guint             n_items);
AppealsTestResponse *post_action (Fixture          *fixture,
                                  const char       *token,
                                  gint64            id,
                                  const char       *action,
                                  const char       *body);
AppealsTestResponse *upload_file (Fixture           *fixture,
                                  const char        *token,
                                  const char        *collection,
                                  gint64             id,
                                  const char        *kind,
                                  const char        *file_name,
                                  const char        *content_type,
                                  const char        *data,
                                  gsize              size);

GSocketConnection *raw_connect  (Fixture           *fixture);
void               raw_write    (GSocketConnection *connection,
                                 const char        *text);
char              *raw_read_all (GSocketConnection *connection);

void test_api_record_exchanges (void);
void test_api_check_contract   (void);

void test_api_add_durability (void);
void test_api_add_expertise  (void);
void test_api_add_receptions (void);
void test_api_add_arrangements (void);
void test_api_add_reception_guards (void);
void test_api_add_lists      (void);
void test_api_add_journal    (void);
gint64 journal_total         (Fixture *fixture,
                              const char *token,
                              const char *query);
void test_api_add_reference  (void);
void test_api_add_lifecycle  (void);
void test_api_add_lifecycle_steps (void);
void test_api_add_orders     (void);
void test_api_add_records    (void);
void test_api_add_my_work    (void);
void test_api_add_analytics  (void);
void test_api_add_dynamics   (void);
void test_api_add_content    (void);
void test_api_run_sql        (Fixture    *fixture,
                              const char *sql);
char *test_api_sql_value     (Fixture    *fixture,
                              const char *sql);
JsonObject *test_api_get_object (Fixture    *fixture,
                                 const char *token,
                                 const char *path);
void test_api_add_receipts   (void);
void test_api_add_receipt_import (void);
void test_api_add_receipt_concurrency (void);
void test_api_add_kazpost    (void);
void test_api_add_reception_requests (void);

G_END_DECLS
