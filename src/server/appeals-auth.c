/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-auth.c: sign-in and sessions.
 *
 * POST /session verifies the password in a worker thread while the message
 * is paused, so the main loop keeps serving. Failures are counted per login
 * (known or not, so that nothing tells which logins exist); each failure
 * slows the next answer, and too many lock the login for a while (429 with
 * Retry-After). Tokens are 256 random bits; only their SHA-256 is stored.
 */
#include "config.h"

#include <sodium.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "appeals-audit.h"
#include "appeals-auth.h"
#include "appeals-demo.h"

#define TOKEN_BYTES 32
#define LAST_SEEN_GRANULARITY 30   /* seconds between last_seen updates */
#define MAX_FAILURE_DELAY_MS 3000
#define LOCKOUT_MEMORY_SECONDS (15 * 60)

/* A valid Argon2id hash of a random password, verified against when the
 * login does not exist so that both cases take the same time. */
static char *dummy_hash;

gboolean
appeals_auth_init (GError **error)
{
  guchar random_password[16];
  char hash[crypto_pwhash_STRBYTES];

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_FAILED,
                           _("The cryptography library could not start"));
      return FALSE;
    }

  randombytes_buf (random_password, sizeof random_password);
  if (crypto_pwhash_str (hash, (const char *) random_password, sizeof random_password,
                         crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_FAILED, _("Out of memory while hashing"));
      return FALSE;
    }
  dummy_hash = g_strdup (hash);
  return TRUE;
}

/**
 * appeals_auth_hash_password:
 *
 * Argon2id with libsodium's interactive limits (64 MiB, 2 passes), above
 * OWASP's minimum of 19 MiB and 2 passes.
 */
char *
appeals_auth_hash_password (const char  *password,
                            GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str (hash, password, strlen (password),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_FAILED, _("Out of memory while hashing"));
      return NULL;
    }

  return g_strdup (hash);
}

static char *
hash_token (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

#define USER_COLUMNS "u.id, u.login, u.full_name, u.role, u.district, u.language, u.active, u.region_wide"

AppealsUser *
appeals_auth_user_from_row (AppealsDbResult *result,
                            guint            row)
{
  AppealsUser *user = appeals_user_new ();

  user->id = appeals_db_result_get_int64 (result, row, "id");
  user->login = g_strdup (appeals_db_result_get_string (result, row, "login"));
  user->full_name = g_strdup (appeals_db_result_get_string (result, row, "full_name"));
  user->role = appeals_role_from_string (appeals_db_result_get_string (result, row, "role"));
  user->district = g_strdup (appeals_db_result_get_string (result, row, "district"));
  user->language = g_strdup (appeals_db_result_get_string (result, row, "language"));
  user->active = appeals_db_result_get_boolean (result, row, "active");
  user->region_wide = appeals_db_result_get_boolean (result, row, "region_wide");
  return user;
}

/**
 * appeals_auth_authenticate:
 *
 * Returns: %TRUE and sets request->user for a live session; %FALSE without
 *   @error for a missing, unknown, revoked or expired token.
 */
gboolean
appeals_auth_authenticate (AppealsRequest  *request,
                           GError         **error)
{
  const AppealsServerConfig *config = appeals_server_get_config (request->server);
  const char *header = appeals_request_get_header (request, "Authorization");
  g_autoptr(AppealsDbResult) result = NULL;
  g_autofree char *token_hash = NULL;
  gint64 now = now_seconds ();

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0 || header[7] == '\0')
    return FALSE;

  token_hash = hash_token (header + 7);
  result = appeals_db_query (request->db,
                             "SELECT " USER_COLUMNS ", s.created_at, s.last_seen FROM sessions s "
                             "JOIN users u ON u.id = s.user_id "
                             "WHERE s.token_hash = ? AND s.revoked = 0",
                             g_variant_new ("(s)", token_hash), error);
  if (result == NULL)
    return FALSE;

  if (appeals_db_result_get_n_rows (result) == 0 ||
      !appeals_db_result_get_boolean (result, 0, "active") ||
      now - appeals_db_result_get_int64 (result, 0, "last_seen") > config->session_idle_seconds ||
      now - appeals_db_result_get_int64 (result, 0, "created_at") > config->session_absolute_seconds)
    return FALSE;

  if (now - appeals_db_result_get_int64 (result, 0, "last_seen") >= LAST_SEEN_GRANULARITY &&
      !appeals_db_exec (request->db, "UPDATE sessions SET last_seen = ? WHERE token_hash = ?",
                        g_variant_new ("(xs)", now, token_hash), error))
    return FALSE;

  request->user = appeals_auth_user_from_row (result, 0);
  request->token_hash = g_steal_pointer (&token_hash);
  return TRUE;
}

static guint
count_distinct_characters (const char *text)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_hash_table_add (seen, GUINT_TO_POINTER (g_utf8_get_char (p)));
  return g_hash_table_size (seen);
}

/* Whether @password is on the list of common ones (data/passwords). */
static gboolean
is_common_password (const char  *password,
                    GError     **error)
{
  g_autofree char *path = appeals_data_find_file ("passwords/common.txt", error);
  g_autofree char *contents = NULL;
  g_autofree char *folded = g_utf8_casefold (password, -1);
  g_auto(GStrv) lines = NULL;

  if (path == NULL || !g_file_get_contents (path, &contents, NULL, error))
    return FALSE;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_utf8_casefold (g_strstrip (lines[i]), -1);

      if (*line != '\0' && *line != '#' && g_str_equal (line, folded))
        return TRUE;
    }
  return FALSE;
}

/**
 * appeals_auth_check_password:
 *
 * The policy for passwords that people choose: at least 8 characters, at
 * least 5 different ones, not the login itself and not one of the common
 * passwords listed in data/passwords/common.txt (compared without regard
 * to case). (The demo accounts' "demo" never passes here: they are made
 * by the demo seed alone.)
 */
gboolean
appeals_auth_check_password (const char  *login,
                             const char  *password,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_utf8_strlen (password, -1) < 8)
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_INVALID,
                           _("A password must have at least 8 characters"));
      return FALSE;
    }
  if (g_utf8_collate (password, login) == 0)
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_INVALID,
                           _("A password must not be the login"));
      return FALSE;
    }
  if (count_distinct_characters (password) < 5)
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_INVALID,
                           _("A password must have at least 5 different characters"));
      return FALSE;
    }
  if (is_common_password (password, &local_error))
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_INVALID,
                           _("This password is too common; choose another"));
      return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Adds a user with @password as given; callers check it against the
 * policy first (appeals_auth_check_password()). */
gint64
appeals_auth_create_user (AppealsDb    *db,
                          const char   *login,
                          const char   *full_name,
                          AppealsRole   role,
                          const char   *district,
                          gboolean      region_wide,
                          const char   *password,
                          GError      **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *now = appeals_server_now_iso ();
  g_autofree char *actor = NULL;
  g_autoptr(AppealsDbResult) result = NULL;
  g_autoptr(JsonObject) snapshot = NULL;
  gint64 id;

  if (!appeals_login_is_valid (login))
    {
      g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_INVALID,
                   _("“%s” is not a valid login: use 2–64 Latin letters, digits, “.”, “-” or “_”, starting with a letter"),
                   login);
      return 0;
    }

  hash = appeals_auth_hash_password (password, error);
  if (hash == NULL)
    return 0;

  if (!appeals_db_exec (db,
                        "INSERT INTO users (login, full_name, role, district, region_wide, active, password_hash, "
                        "created_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
                        g_variant_new ("(sssmsxss)", login, full_name, appeals_role_to_string (role),
                                       district, (gint64) (region_wide ? 1 : 0), hash, now),
                        error))
    return 0;

  result = appeals_db_query (db, "SELECT id FROM users WHERE login = ?", g_variant_new ("(s)", login), error);
  if (result == NULL)
    return 0;
  id = appeals_db_result_get_int64 (result, 0, "id");

  /* users are made on the server's console: the audit names its account;
   * the password's hash stays out of the trail */
  actor = g_strdup_printf ("console:%s", g_get_user_name ());
  snapshot = appeals_audit_snapshot (db, "SELECT login, full_name, role, district, language, active FROM users "
                                     "WHERE id = ?", g_variant_new ("(x)", id), error);
  if (snapshot == NULL ||
      !appeals_audit_record_snapshots (db, "user", id, 0, "create", actor, NULL, snapshot, error))
    return 0;
  return id;
}

/* POST /session ---------------------------------------------------------- */

typedef struct
{
  AppealsRequest *request;
  char           *login_key;
  char           *address_key;
  char           *login;
  char           *password;
  char           *hash;
  gint64          user_id;
  gboolean        verified;
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  g_free (sign_in->login);
  g_free (sign_in->login_key);
  g_free (sign_in->address_key);
  if (sign_in->password != NULL)
    sodium_memzero (sign_in->password, strlen (sign_in->password));
  g_free (sign_in->password);
  g_free (sign_in->hash);
  g_free (sign_in);
}

static void
verify_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SignIn *sign_in = task_data;

  sign_in->verified = crypto_pwhash_str_verify (sign_in->hash, sign_in->password,
                                                strlen (sign_in->password)) == 0 &&
                      sign_in->user_id > 0;
  g_task_return_boolean (task, TRUE);
}

/* Sign-in throttling. Failures are counted per login and per client
 * address (as "login:…" and "address:…" keys of login_failures). From the
 * threshold on, each failure makes the key back off for twice as long as
 * the one before — 5 s, 10 s, 20 s… up to lockout_seconds — and an
 * attempt during a back-off is answered 429 with Retry-After without
 * checking the password. Once it has elapsed, the right password works
 * again: nobody can lock a login away for good, and a spray from one
 * address slows down whatever logins it tries. */
#define FIRST_BACK_OFF_SECONDS 5
#define MAX_PASSWORD_BYTES 1024

static char *
throttle_key (const char *kind,
              const char *value)
{
  return g_strconcat (kind, ":", value != NULL ? value : "", NULL);
}

static gint64
back_off_for (gint64 failures,
              gint64 threshold,
              gint64 longest)
{
  gint64 seconds = FIRST_BACK_OFF_SECONDS;

  if (threshold == 0 || failures < threshold)
    return 0;
  for (gint64 i = threshold; i < failures && seconds < longest; i++)
    seconds *= 2;
  return MIN (seconds, longest);
}

static gboolean
check_lock (AppealsDb   *db,
            const char  *key,
            gint64      *retry_after,
            gint64      *failures,
            GError     **error)
{
  g_autoptr(AppealsDbResult) result = appeals_db_query (db,
                                                        "SELECT failures, last_failure, locked_until "
                                                        "FROM login_failures WHERE login = ?",
                                                        g_variant_new ("(s)", key), error);
  gint64 now = now_seconds ();

  *retry_after = 0;
  *failures = 0;
  if (result == NULL)
    return FALSE;
  if (appeals_db_result_get_n_rows (result) == 0)
    return TRUE;

  /* failures long past are forgiven */
  if (now - appeals_db_result_get_int64 (result, 0, "last_failure") < LOCKOUT_MEMORY_SECONDS)
    *failures = appeals_db_result_get_int64 (result, 0, "failures");
  if (appeals_db_result_get_int64 (result, 0, "locked_until") > now)
    *retry_after = appeals_db_result_get_int64 (result, 0, "locked_until") - now;
  return TRUE;
}

/* The longer back-off of the login's and the address's. */
static gboolean
check_locks (AppealsDb   *db,
             const char  *login_key,
             const char  *address_key,
             gint64      *retry_after,
             gint64      *login_failures,
             gint64      *address_failures,
             GError     **error)
{
  gint64 login_retry, address_retry;

  if (!check_lock (db, login_key, &login_retry, login_failures, error) ||
      !check_lock (db, address_key, &address_retry, address_failures, error))
    return FALSE;
  *retry_after = MAX (login_retry, address_retry);
  return TRUE;
}

static gboolean
record_failure (AppealsDb   *db,
                const char  *key,
                gint64       failures,
                gint64       back_off,
                GError     **error)
{
  gint64 now = now_seconds ();

  return appeals_db_exec (db, "DELETE FROM login_failures WHERE login = ?", g_variant_new ("(s)", key), error) &&
         appeals_db_exec (db, "INSERT INTO login_failures (login, failures, last_failure, locked_until) "
                              "VALUES (?, ?, ?, ?)",
                          g_variant_new ("(sxxx)", key, failures, now, back_off > 0 ? now + back_off : (gint64) 0),
                          error);
}

typedef struct
{
  SignIn  *sign_in;
  guint    status;
  gint64   retry_after;
  gint64   failures;           /* the login's */
  gint64   address_failures;
} SignInOutcome;

static gboolean
record_outcome (AppealsDb  *db,
                gpointer    user_data,
                GError    **error)
{
  SignInOutcome *outcome = user_data;
  SignIn *sign_in = outcome->sign_in;
  AppealsRequest *request = sign_in->request;
  const AppealsServerConfig *config = appeals_server_get_config (request->server);
  gint64 now = now_seconds ();

  if (sign_in->verified)
    {
      guchar random[TOKEN_BYTES];
      g_autofree char *token = NULL;
      g_autofree char *token_hash = NULL;
      g_autoptr(AppealsDbResult) result = NULL;
      g_autoptr(AppealsUser) user = NULL;
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GDateTime) expires = NULL;
      g_autofree char *expires_text = NULL;

      randombytes_buf (random, sizeof random);
      token = g_base64_encode (random, sizeof random);
      g_strdelimit (token, "+", '-');
      g_strdelimit (token, "/", '_');
      token_hash = hash_token (token);

      if (!appeals_db_exec (db, "DELETE FROM login_failures WHERE login = ?",
                            g_variant_new ("(s)", sign_in->login_key), error) ||
          !appeals_db_exec (db, "INSERT INTO sessions (token_hash, user_id, created_at, last_seen, revoked) "
                                "VALUES (?, ?, ?, ?, 0)",
                            g_variant_new ("(sxxx)", token_hash, sign_in->user_id, now, now), error))
        return FALSE;

      result = appeals_db_query (db, "SELECT " USER_COLUMNS " FROM users u WHERE u.id = ?",
                                 g_variant_new ("(x)", sign_in->user_id), error);
      if (result == NULL)
        return FALSE;
      user = appeals_auth_user_from_row (result, 0);

      expires = g_date_time_new_from_unix_utc (now + config->session_absolute_seconds);
      expires_text = g_date_time_format_iso8601 (expires);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "token");
      json_builder_add_string_value (builder, token);
      json_builder_set_member_name (builder, "expires_at");
      json_builder_add_string_value (builder, expires_text);
      json_builder_set_member_name (builder, "idle_timeout_seconds");
      json_builder_add_int_value (builder, config->session_idle_seconds);
      json_builder_set_member_name (builder, "user");
      json_builder_add_value (builder, appeals_user_to_json (user));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);

      request->user = g_steal_pointer (&user);
      appeals_request_respond_json (request, SOUP_STATUS_CREATED, root);
      outcome->status = SOUP_STATUS_CREATED;
      return TRUE;
    }

  {
    gint64 login_back_off = back_off_for (++outcome->failures, config->lockout_failures, config->lockout_seconds);
    gint64 address_back_off = back_off_for (++outcome->address_failures, config->address_failures,
                                            config->lockout_seconds);

    outcome->retry_after = MAX (login_back_off, address_back_off);
    if (!record_failure (db, sign_in->login_key, outcome->failures, login_back_off, error) ||
        !record_failure (db, sign_in->address_key, outcome->address_failures, address_back_off, error))
      return FALSE;
  }

  outcome->status = SOUP_STATUS_UNAUTHORIZED;
  return TRUE;
}

static gboolean
answer_after_delay (gpointer user_data)
{
  AppealsRequest *request = user_data;

  appeals_server_finish_request (request->server, request);
  return G_SOURCE_REMOVE;
}

static void
answer_lockout (AppealsRequest *request,
                gint64          retry_after)
{
  g_autofree char *seconds = g_strdup_printf ("%" G_GINT64_FORMAT, retry_after);

  appeals_request_set_header (request, "Retry-After", seconds);
  appeals_request_respond_problem (request, 429,
                                   APPEALS_PROBLEM_TOO_MANY_REQUESTS, NULL, NULL);
}

static void
on_verified (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SignIn *sign_in = g_task_get_task_data (G_TASK (result));
  AppealsRequest *request = sign_in->request;
  g_autoptr(GError) error = NULL;
  SignInOutcome outcome = { sign_in, 0, 0, 0 };
  guint delay_ms = 0;

  /* failures may have grown while we were hashing */
  if (!check_locks (request->db, sign_in->login_key, sign_in->address_key, &outcome.retry_after,
                    &outcome.failures, &outcome.address_failures, &error) ||
      (outcome.retry_after == 0 &&
       !appeals_db_run_transaction (request->db, record_outcome, &outcome, &error)))
    {
      g_warning ("sign-in of %s: %s", sign_in->login, error->message);
      appeals_request_set_header (request, "Retry-After", "1");
      appeals_request_respond_problem (request, SOUP_STATUS_SERVICE_UNAVAILABLE,
                                       APPEALS_PROBLEM_SERVICE_UNAVAILABLE, NULL, NULL);
    }
  else if (outcome.status == SOUP_STATUS_CREATED)
    ;
  else if (outcome.retry_after > 0)
    answer_lockout (request, outcome.retry_after);
  else
    {
      appeals_request_respond_problem (request, SOUP_STATUS_UNAUTHORIZED,
                                       APPEALS_PROBLEM_INVALID_CREDENTIALS, NULL, NULL);
      /* Each failure slows the next answer: 0.5 s, 1 s, 1.5 s… */
      delay_ms = MIN (MAX_FAILURE_DELAY_MS, (outcome.failures - 1) * 500);
    }

  if (delay_ms > 0)
    g_timeout_add (delay_ms, answer_after_delay, request);
  else
    appeals_server_finish_request (request->server, request);
}

static gboolean
handle_sign_in (AppealsRequest  *request,
                GError         **error)
{
  JsonObject *body = appeals_request_get_body_object (request);
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(AppealsDbResult) result = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GList) members = NULL;
  const char *login = NULL, *password = NULL;
  g_autofree char *login_key = NULL;
  g_autofree char *address_key = NULL;
  gint64 retry_after, failures, address_failures;
  SignIn *sign_in;

  if (body == NULL)
    {
      appeals_request_respond_problem (request, SOUP_STATUS_BAD_REQUEST, APPEALS_PROBLEM_MALFORMED_JSON, NULL, NULL);
      return TRUE;
    }

  members = json_object_get_members (body);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (body, name);

      if (!g_str_equal (name, "login") && !g_str_equal (name, "password"))
        appeals_field_errors_add (errors, name, APPEALS_FIELD_UNKNOWN, NULL);
      else if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        appeals_field_errors_add (errors, name, APPEALS_FIELD_WRONG_TYPE, NULL);
      else if (g_str_equal (name, "login"))
        login = json_node_get_string (node);
      else
        password = json_node_get_string (node);
    }

  if (login == NULL && appeals_field_errors_find (errors, "login") == NULL)
    appeals_field_errors_add (errors, "login", APPEALS_FIELD_REQUIRED, NULL);
  if (password == NULL && appeals_field_errors_find (errors, "password") == NULL)
    appeals_field_errors_add (errors, "password", APPEALS_FIELD_REQUIRED, NULL);
  if (errors->len > 0)
    {
      appeals_request_respond_problem (request, 422, APPEALS_PROBLEM_VALIDATION_FAILED, errors, NULL);
      return TRUE;
    }

  /* a login that cannot exist, or a password no one can have, is refused
   * before anything is looked up or stored */
  if (!appeals_login_is_valid (login) || strlen (password) > MAX_PASSWORD_BYTES)
    {
      appeals_request_respond_problem (request, SOUP_STATUS_UNAUTHORIZED,
                                       APPEALS_PROBLEM_INVALID_CREDENTIALS, NULL, NULL);
      return TRUE;
    }

  login_key = throttle_key ("login", login);
  address_key = throttle_key ("address",
                              appeals_connections_client_address (&appeals_server_get_config (request->server)->connections,
                                                                  request->message));
  if (!check_locks (request->db, login_key, address_key, &retry_after, &failures, &address_failures, error))
    return FALSE;
  if (retry_after > 0)
    {
      answer_lockout (request, retry_after);
      return TRUE;
    }

  result = appeals_db_query (request->db, "SELECT id, password_hash, active FROM users WHERE login = ?",
                             g_variant_new ("(s)", login), error);
  if (result == NULL)
    return FALSE;

  sign_in = g_new0 (SignIn, 1);
  sign_in->request = request;
  sign_in->login = g_strdup (login);
  sign_in->login_key = g_steal_pointer (&login_key);
  sign_in->address_key = g_steal_pointer (&address_key);
  sign_in->password = g_strdup (password);
  /* the demo password opens no account on a server not started with
   * --demo, even one left from a demo: it fails like a wrong one */
  if (appeals_db_result_get_n_rows (result) == 1 && appeals_db_result_get_boolean (result, 0, "active") &&
      (appeals_server_get_config (request->server)->demo || !g_str_equal (password, APPEALS_DEMO_PASSWORD)))
    {
      sign_in->user_id = appeals_db_result_get_int64 (result, 0, "id");
      sign_in->hash = g_strdup (appeals_db_result_get_string (result, 0, "password_hash"));
    }
  else
    sign_in->hash = g_strdup (dummy_hash);

  request->paused = TRUE;
  task = g_task_new (NULL, NULL, on_verified, NULL);
  g_task_set_task_data (task, sign_in, (GDestroyNotify) sign_in_free);
  g_task_run_in_thread (task, verify_in_thread);
  return TRUE;
}

static gboolean
handle_sign_out (AppealsRequest  *request,
                 GError         **error)
{
  if (!appeals_db_exec (request->db, "UPDATE sessions SET revoked = 1 WHERE token_hash = ?",
                        g_variant_new ("(s)", request->token_hash), error))
    return FALSE;

  appeals_request_respond_empty (request, SOUP_STATUS_NO_CONTENT);
  return TRUE;
}

static gboolean
handle_get_session (AppealsRequest  *request,
                    GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user");
  json_builder_add_value (builder, appeals_user_to_json (request->user));
  json_builder_set_member_name (builder, "idle_timeout_seconds");
  json_builder_add_int_value (builder, appeals_server_get_config (request->server)->session_idle_seconds);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  appeals_request_respond_json (request, SOUP_STATUS_OK, root);
  return TRUE;
}

void
appeals_auth_register_routes (AppealsServer *server)
{
  appeals_server_add_route (server, "POST", "/api/v1/session", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_PUBLIC | APPEALS_ROUTE_ASYNC, handle_sign_in);
  appeals_server_add_route (server, "GET", "/api/v1/session", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_get_session);
  appeals_server_add_route (server, "DELETE", "/api/v1/session", APPEALS_ALLOW_STAFF,
                            APPEALS_ROUTE_DEFAULT, handle_sign_out);
}
