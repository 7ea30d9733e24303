/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-db-postgres-statements.h: the SQL texts a PostgreSQL connection
 * knows, and which of them it has prepared on its session.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* SQL texts a connection keeps at most: the least recently run go first. */
#define APPEALS_PG_MAX_TEXTS 512
/* Statements prepared on a session at most. */
#define APPEALS_PG_MAX_PREPARED 256

typedef struct
{
  char  *sql;           /* as the repository wrote it, with "?" */
  char  *text;          /* with $n placeholders */
  guint  uses;
  char   name[32];      /* its prepared name; empty: not prepared */
  guint  planned_runs;  /* runs left to plan for their values after a long one */
  GList  link;          /* in AppealsPgStatements.recent */
} AppealsPgStatement;

typedef struct _AppealsPgStatements AppealsPgStatements;

AppealsPgStatements *appeals_pg_statements_new             (void);
void                 appeals_pg_statements_free            (AppealsPgStatements *self);
AppealsPgStatement  *appeals_pg_statements_get             (AppealsPgStatements *self,
                                                            const char          *sql);
guint                appeals_pg_statements_get_size        (AppealsPgStatements *self);
char                *appeals_pg_statements_take_room       (AppealsPgStatements *self);
void                 appeals_pg_statements_room_made       (AppealsPgStatements *self);
void                 appeals_pg_statements_name            (AppealsPgStatements *self,
                                                            char                *name,
                                                            gsize                size);
void                 appeals_pg_statements_prepared        (AppealsPgStatements *self,
                                                            AppealsPgStatement  *statement,
                                                            const char          *name);
void                 appeals_pg_statements_forget_prepared (AppealsPgStatements *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsPgStatements, appeals_pg_statements_free)

G_END_DECLS
