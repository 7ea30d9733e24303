/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-db-postgres-statements.c: the SQL texts a PostgreSQL connection
 * knows, and which of them it has prepared on its session.
 *
 * Both are bounded. Most of the server's texts are few and run over and
 * over, but some are shaped by the request (an UPDATE of the fields it
 * changed, a list of ids): over months a central server would meet
 * thousands, each kept with its rewritten text. So the texts are kept in
 * the order they last ran, and past APPEALS_PG_MAX_TEXTS the least recent
 * one is forgotten. Of the prepared ones, past APPEALS_PG_MAX_PREPARED the
 * least recently run goes back to being unprepared, so that a statement
 * that becomes common late in a long session is still prepared.
 *
 * A forgotten statement's prepared name is kept until the connection
 * sends the DEALLOCATE for it, just before it prepares the next one: so
 * the session never holds more than APPEALS_PG_MAX_PREPARED, and the
 * DEALLOCATE goes where a round trip is paid anyway.
 */
#include "config.h"

#include <string.h>

#include "appeals-db-postgres-statements.h"

struct _AppealsPgStatements
{
  GHashTable *by_sql;      /* AppealsPgStatement.sql → AppealsPgStatement */
  GQueue      recent;      /* AppealsPgStatement.link, the last run first */
  GPtrArray  *dropped;     /* names still prepared on the session, of
                            * statements no longer prepared here */
  guint       n_prepared;  /* on the session, the dropped included */
  guint64     n_names;     /* names given on the session */
};

/* The length of the dollar-quote tag ("$$", "$body$") starting at @p, or 0
 * when @p starts a positional parameter or anything else. (A "$" inside an
 * identifier is the caller's to rule out.) */
static gsize
dollar_tag_length (const char *p)
{
  const char *q = p + 1;

  if (*p != '$' || g_ascii_isdigit (*q))
    return 0;
  while (g_ascii_isalnum (*q) || *q == '_')
    q++;

  return *q == '$' ? (gsize) (q - p + 1) : 0;
}

/* "?" → "$n", leaving quoted literals, identifiers, comments and $$
 * bodies alone: a "?" there is text, not a parameter. */
static char *
rewrite_placeholders (const char *sql)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  guint n = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      const char *end = NULL;
      gsize tag;

      if (*p == '\'' || *p == '"')
        end = strchr (p + 1, *p);
      else if (p[0] == '-' && p[1] == '-')
        end = strchr (p, '\n');
      else if (p[0] == '/' && p[1] == '*')
        {
          end = strstr (p + 2, "*/");
          end = end != NULL ? end + 1 : NULL;
        }
      else if ((p == sql || !(g_ascii_isalnum (p[-1]) || p[-1] == '_')) &&
               (tag = dollar_tag_length (p)) > 0)
        {
          g_autofree char *delimiter = g_strndup (p, tag);

          end = strstr (p + tag, delimiter);
          end = end != NULL ? end + tag - 1 : NULL;
        }
      else if (*p == '?')
        {
          g_string_append_printf (out, "$%u", ++n);
          continue;
        }
      else
        {
          g_string_append_c (out, *p);
          continue;
        }

      /* copy the literal or comment through its last character; an
       * unterminated one runs to the end, and PostgreSQL reports it */
      if (end == NULL)
        end = p + strlen (p) - 1;
      g_string_append_len (out, p, end - p + 1);
      p = end;
    }

  return g_string_free (out, FALSE);
}

static void
statement_free (gpointer data)
{
  AppealsPgStatement *statement = data;

  g_free (statement->sql);
  g_free (statement->text);
  g_free (statement);
}

AppealsPgStatements *
appeals_pg_statements_new (void)
{
  AppealsPgStatements *self = g_new0 (AppealsPgStatements, 1);

  /* the key is the statement's own sql */
  self->by_sql = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, statement_free);
  g_queue_init (&self->recent);
  self->dropped = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
appeals_pg_statements_free (AppealsPgStatements *self)
{
  g_hash_table_unref (self->by_sql);
  g_ptr_array_unref (self->dropped);
  g_free (self);
}

/* Stops counting @statement as prepared here; its name waits to be
 * deallocated. */
static void
drop_prepared (AppealsPgStatements *self,
               AppealsPgStatement  *statement)
{
  g_ptr_array_add (self->dropped, g_strdup (statement->name));
  statement->name[0] = '\0';
  statement->uses = 0;
}

/**
 * appeals_pg_statements_get:
 * @sql: a statement with "?" placeholders
 *
 * Returns: (transfer none): @sql's statement, made if it is new, now the
 *   most recent; valid until the next call
 */
AppealsPgStatement *
appeals_pg_statements_get (AppealsPgStatements *self,
                           const char          *sql)
{
  AppealsPgStatement *statement = g_hash_table_lookup (self->by_sql, sql);

  if (statement != NULL)
    {
      g_queue_unlink (&self->recent, &statement->link);
      g_queue_push_head_link (&self->recent, &statement->link);
      return statement;
    }

  statement = g_new0 (AppealsPgStatement, 1);
  statement->sql = g_strdup (sql);
  statement->text = rewrite_placeholders (sql);
  statement->link.data = statement;
  g_hash_table_insert (self->by_sql, statement->sql, statement);
  g_queue_push_head_link (&self->recent, &statement->link);

  while (g_hash_table_size (self->by_sql) > APPEALS_PG_MAX_TEXTS)
    {
      AppealsPgStatement *last = g_queue_pop_tail_link (&self->recent)->data;

      if (last->name[0] != '\0')
        drop_prepared (self, last);
      g_hash_table_remove (self->by_sql, last->sql);
    }
  return statement;
}

guint
appeals_pg_statements_get_size (AppealsPgStatements *self)
{
  return g_hash_table_size (self->by_sql);
}

/**
 * appeals_pg_statements_take_room:
 *
 * Makes room for one more prepared statement: when the session has as
 * many as it may, the least recently run is no longer prepared here.
 *
 * Returns: (transfer full) (nullable): the DEALLOCATE statements to send
 *   before the next is prepared, then to report with
 *   appeals_pg_statements_room_made(); %NULL when there are none
 */
char *
appeals_pg_statements_take_room (AppealsPgStatements *self)
{
  GString *sql;

  if (self->n_prepared - self->dropped->len >= APPEALS_PG_MAX_PREPARED)
    for (GList *l = self->recent.tail; l != NULL; l = l->prev)
      {
        AppealsPgStatement *statement = l->data;

        if (statement->name[0] != '\0')
          {
            drop_prepared (self, statement);
            break;
          }
      }
  if (self->dropped->len == 0)
    return NULL;

  sql = g_string_new (NULL);
  for (guint i = 0; i < self->dropped->len; i++)
    g_string_append_printf (sql, "DEALLOCATE %s;", (const char *) self->dropped->pdata[i]);
  return g_string_free (sql, FALSE);
}

/* The session deallocated what appeals_pg_statements_take_room() gave. */
void
appeals_pg_statements_room_made (AppealsPgStatements *self)
{
  self->n_prepared -= self->dropped->len;
  g_ptr_array_set_size (self->dropped, 0);
}

/* A name no statement of the session has had. */
void
appeals_pg_statements_name (AppealsPgStatements *self,
                            char                *name,
                            gsize                size)
{
  g_snprintf (name, size, "appeals_%" G_GUINT64_FORMAT, ++self->n_names);
}

/* @statement is prepared on the session as @name. */
void
appeals_pg_statements_prepared (AppealsPgStatements *self,
                                AppealsPgStatement  *statement,
                                const char          *name)
{
  g_strlcpy (statement->name, name, sizeof statement->name);
  self->n_prepared++;
}

/* A new session has no prepared statements. */
void
appeals_pg_statements_forget_prepared (AppealsPgStatements *self)
{
  for (GList *l = self->recent.head; l != NULL; l = l->next)
    ((AppealsPgStatement *) l->data)->name[0] = '\0';
  g_ptr_array_set_size (self->dropped, 0);
  self->n_prepared = 0;
  self->n_names = 0;
}
