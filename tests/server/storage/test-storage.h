/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage.h: what the storage test files share — the backend under
 * test, and a fixture of two connections to one database with a scratch
 * table "probe" in it.
 */
#pragma once

#include "appeals-db.h"

G_BEGIN_DECLS

/* "sqlite" or "postgresql", from --backend= */
extern const char *test_storage_backend;

typedef struct
{
  AppealsDb *db;      /* the connection under test */
  AppealsDb *other;   /* a second connection to the same database */
} Fixture;

/* probe (id BIGINT PRIMARY KEY, number BIGINT, label TEXT, flag INTEGER,
 *        score DOUBLE PRECISION, day TEXT), empty */
void fixture_set_up    (Fixture       *fixture,
                        gconstpointer  user_data);
void fixture_tear_down (Fixture       *fixture,
                        gconstpointer  user_data);

AppealsDb *open_connection (void);
/* the database both connections are open on, as appeals_db_open() takes it */
const char *test_storage_get_location (void);

/* "/storage/<backend>/<path>" with the fixture; @row is the table row */
void       add_test        (const char     *path,
                            gconstpointer   row,
                            void          (*func) (Fixture *, gconstpointer));

gint64     count_rows      (AppealsDb      *db,
                            const char     *where);
/* Each of @statements answers an error, not a result. */
void       assert_refused  (AppealsDb          *db,
                            const char * const *statements,
                            guint               n_statements);
/* "<prefix>/<name>" for each of @n_rows rows of @size bytes whose first
 * member is their name */
void       add_cases       (const char     *prefix,
                            gconstpointer   rows,
                            gsize           size,
                            guint           n_rows,
                            void          (*func) (Fixture *, gconstpointer));

void       test_storage_add_transactions (void);
void       test_storage_add_readers      (void);
void       test_storage_add_migrations   (const char     *location,
                                          const char     *terms_location,
                                          const char     *previous_location);
void       test_storage_add_plans        (void);
void       test_storage_add_watch        (void);
void       test_storage_add_pool         (void);
void       test_storage_add_prepared     (void);
void       test_storage_add_columns      (void);
void       test_storage_add_words        (void);
void       test_storage_add_repeat       (void);
void       test_storage_add_tally        (void);
void       test_storage_add_previous     (void);

G_END_DECLS
