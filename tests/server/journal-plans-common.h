/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * journal-plans-common.h: what the tests of the journal's plans share
 * (journal-plans-common.c).
 */
#pragma once

#include "appeals-core.h"
#include "appeals-db.h"
#include "appeals-test-pg.h"
#include "appeals-test-server.h"

/* more matches of a decade's years than the search reads as a set, and
 * more appeals than a filtered page by due date looks through for its
 * rows before it sorts them (ORDER_WIDE_WINDOW) */
#define N_SEARCH_APPEALS 16000
#define SEARCH_PAGE 50

/* --backend=, and the region's database on it */
extern const char *backend;
extern char *search_location;

/* The plan a filtered page by due date or by number is meant to take,
 * seen in the statements the server logs. */
typedef enum
{
  PLAN_WALKED,      /* SQLite: the order's index walked */
  PLAN_CHOSEN,      /* the database's planner chose */
  PLAN_SORTED,      /* the rows the filter keeps, sorted ("+" on SQLite,
                     * read behind a fence on PostgreSQL) */
} Plan;

void               journal_plans_setup    (int                *argc,
                                           char             ***argv);
void               journal_plans_teardown (void);

AppealsDb         *open_db                (const char         *location);
void               ensure_search_database (void);
AppealsTestServer *start_logging_server   (char              **statements,
                                           char              **token);
GArray            *plain_page             (AppealsDb          *db,
                                           const char         *condition,
                                           const char         *value,
                                           const char         *column,
                                           const char         *key,
                                           gint64              id,
                                           gboolean            descending);
GArray            *server_page            (AppealsTestServer  *server,
                                           SoupSession        *session,
                                           const char         *token,
                                           const char         *query,
                                           const char         *column,
                                           const char         *key,
                                           gint64              id,
                                           gboolean            descending);
void               assert_same_page       (GArray             *page,
                                           GArray             *expected,
                                           const char         *query,
                                           const char         *date,
                                           gint64              id,
                                           gboolean            descending);
gsize              file_size              (const char         *path);
char              *date_before_end        (AppealsDb          *db,
                                           guint               from_end);
char              *most_common            (AppealsDb          *db,
                                           const char         *column,
                                           gboolean            rarest);
void               assert_plan            (const char         *logged,
                                           const char         *query,
                                           const char         *column,
                                           gboolean            descending,
                                           Plan                plan);
char              *person_district        (AppealsDb          *db,
                                           const char         *login);
char              *plan_of                (AppealsDb          *db,
                                           const char         *line);
