/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-test-server.h: a real appeals-server process on a free loopback
 * port for the tests, over SQLite or a throwaway PostgreSQL cluster, and a
 * tiny synchronous HTTP client to talk to it.
 */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _AppealsTestServer AppealsTestServer;

typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  char               *text;
  GBytes             *bytes;
  JsonNode           *json;
} AppealsTestResponse;

const char          *appeals_test_backend_from_args (int                *argc,
                                                      char              **argv);

AppealsTestServer   *appeals_test_server_start      (const char         *backend,
                                                      const char * const *extra_args);
AppealsTestServer   *appeals_test_server_start_with_file_limit (const char         *backend,
                                                                 const char * const *extra_args,
                                                                 guint               max_files);
AppealsTestServer   *appeals_test_server_start_full (const char         *backend,
                                                      const char * const *extra_args,
                                                      guint               max_files,
                                                      const char         *log_path);
const char          *appeals_test_server_get_pid    (AppealsTestServer  *server);
AppealsTestServer   *appeals_test_server_start_beside (AppealsTestServer *first,
                                                        const char * const *extra_args);
char                *appeals_test_server_new_database (const char       *backend);
void                 appeals_test_generate          (const char         *location,
                                                      guint               n_appeals,
                                                      guint               seed);
AppealsTestServer   *appeals_test_server_start_on   (const char         *backend,
                                                      const char         *database,
                                                      const char * const *extra_args);
AppealsTestServer   *appeals_test_server_start_on_with_log (const char         *backend,
                                                             const char         *database,
                                                             const char * const *extra_args,
                                                             const char         *log_path);
void                 appeals_test_server_kill       (AppealsTestServer  *server);
void                 appeals_test_server_restart    (AppealsTestServer  *server);
void                 appeals_test_server_signal     (AppealsTestServer  *server,
                                                      int                 signal_number);
int                  appeals_test_server_terminate  (AppealsTestServer  *server);
int                  appeals_test_server_wait       (AppealsTestServer  *server);
void                 appeals_test_server_free       (AppealsTestServer  *server);
void                 appeals_test_remove_tree       (const char         *path);
const char          *appeals_test_server_get_database (AppealsTestServer *server);
void                 appeals_test_server_run_sql    (AppealsTestServer  *server,
                                                      const char         *sql);
const char          *appeals_test_server_get_url    (AppealsTestServer  *server);
gsize                appeals_test_server_get_rss    (AppealsTestServer  *server);

AppealsTestResponse *appeals_test_request           (AppealsTestServer  *server,
                                                      SoupSession        *session,
                                                      const char         *method,
                                                      const char         *path,
                                                      const char         *token,
                                                      const char         *body,
                                                      ...) G_GNUC_NULL_TERMINATED;
AppealsTestResponse *appeals_test_request_bytes     (AppealsTestServer  *server,
                                                      SoupSession        *session,
                                                      const char         *method,
                                                      const char         *path,
                                                      const char         *token,
                                                      const char         *content_type,
                                                      GBytes             *body);
void                 appeals_test_response_free     (AppealsTestResponse *response);
const char          *appeals_test_response_header   (AppealsTestResponse *response,
                                                      const char         *name);
JsonObject          *appeals_test_response_object   (AppealsTestResponse *response);
JsonObject          *appeals_test_find_object       (JsonObject         *object,
                                                      const char         *array_member,
                                                      const char         *member,
                                                      const char         *value);
GStrv                appeals_test_free_times        (AppealsTestServer  *server,
                                                    SoupSession        *session,
                                                    const char         *token,
                                                    gint64              official,
                                                    const char         *date);
char                *appeals_test_next_free_time    (AppealsTestServer  *server,
                                                    SoupSession        *session,
                                                    const char         *token,
                                                    gint64              official,
                                                    GDate              *date);
char                *appeals_test_sign_in           (AppealsTestServer  *server,
                                                      const char         *login,
                                                      const char         *password);

/* An asynchronous call in a test: pass appeals_test_on_done and the
 * address of a NULL GAsyncResult *, then wait for it. */
void                 appeals_test_on_done           (GObject            *source,
                                                      GAsyncResult       *result,
                                                      gpointer            user_data);
GAsyncResult        *appeals_test_wait_for          (GAsyncResult      **slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsTestResponse, appeals_test_response_free)

G_END_DECLS
