/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-db-sqlite-repeat.c: appeals_repeat_count(applicant, overdue,
 * minimum), an aggregate: of the rows it reads, how many belong to an
 * applicant with at least @minimum of them, and how many of those are
 * overdue, as the JSON object {"n": …, "o": …}.
 *
 *   SELECT appeals_repeat_count (b.applicant_id, <overdue>, 2)
 *   FROM appeals b WHERE <a period>
 *
 * It is GROUP BY applicant_id HAVING COUNT(*) >= minimum, summed, in one
 * pass: SQLite groups through a temporary B-tree, sorting the period's
 * rows (at 1,000,000 appeals a year's 115,000 took 66 ms, two thirds of
 * it the sort); the aggregate counts them in a hash of applicants (an
 * open-addressed table of ids, growing by doubling), as PostgreSQL's
 * HashAggregate does.
 */
#include "config.h"

#include "appeals-db-sqlite-repeat.h"

#define FIRST_CAPACITY 1024

typedef struct
{
  gint64  id;         /* 0: an empty slot (applicants' ids start at 1) */
  guint32 count;
  guint32 overdue;
} Slot;

typedef struct
{
  Slot    *slots;
  gsize    capacity;  /* a power of two */
  gsize    used;
  gint64   minimum;
  gboolean failed;    /* out of memory, or an applicant id below 1 */
} Tally;

static Slot *
slot_of (Slot   *slots,
         gsize   capacity,
         gint64  id)
{
  /* Fibonacci hashing: ids that follow one another spread out */
  gsize i = (gsize) (((guint64) id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 20) & (capacity - 1);

  while (slots[i].id != 0 && slots[i].id != id)
    i = (i + 1) & (capacity - 1);
  return &slots[i];
}

static gboolean
tally_resize (Tally *tally,
              gsize  capacity)
{
  Slot *bigger = g_try_new0 (Slot, capacity);

  if (bigger == NULL)
    return FALSE;
  for (gsize i = 0; i < tally->capacity; i++)
    if (tally->slots[i].id != 0)
      *slot_of (bigger, capacity, tally->slots[i].id) = tally->slots[i];
  g_free (tally->slots);
  tally->slots = bigger;
  tally->capacity = capacity;
  return TRUE;
}

static void
repeat_step (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  Tally *tally = sqlite3_aggregate_context (context, sizeof (Tally));
  gint64 id = sqlite3_value_int64 (argv[0]);
  Slot *slot;

  if (tally == NULL || tally->failed)
    return;
  /* at most half full */
  if (id < 1 ||
      ((tally->used + 1) * 2 > tally->capacity &&
       !tally_resize (tally, tally->capacity == 0 ? FIRST_CAPACITY : tally->capacity * 2)))
    {
      tally->failed = TRUE;
      return;
    }
  tally->minimum = sqlite3_value_int64 (argv[2]);
  slot = slot_of (tally->slots, tally->capacity, id);
  if (slot->id == 0)
    {
      slot->id = id;
      tally->used++;
    }
  slot->count++;
  slot->overdue += sqlite3_value_int (argv[1]) != 0;
}

static void
repeat_final (sqlite3_context *context)
{
  Tally *tally = sqlite3_aggregate_context (context, 0);
  gint64 n = 0, o = 0;

  for (gsize i = 0; tally != NULL && !tally->failed && i < tally->capacity; i++)
    if (tally->slots[i].id != 0 && tally->slots[i].count >= tally->minimum)
      {
        n += tally->slots[i].count;
        o += tally->slots[i].overdue;
      }
  if (tally != NULL && tally->failed)
    sqlite3_result_error (context, "appeals_repeat_count: out of memory or an applicant id below 1", -1);
  else
    sqlite3_result_text (context, sqlite3_mprintf ("{\"n\":%lld,\"o\":%lld}", (long long) n, (long long) o), -1,
                         sqlite3_free);
  if (tally != NULL)
    g_free (tally->slots);
}

/**
 * appeals_db_sqlite_repeat_register:
 *
 * Adds appeals_repeat_count() to @db.
 */
gboolean
appeals_db_sqlite_repeat_register (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "appeals_repeat_count", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                     NULL, repeat_step, repeat_final, NULL) == SQLITE_OK;
}
