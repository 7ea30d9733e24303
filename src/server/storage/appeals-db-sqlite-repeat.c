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
 *
 * appeals_applicants_count(applicant, first, second, minimum1, …) counts
 * applicants in the same table: of the rows it reads, each applicant's
 * in the first period (@first not 0) and in the second, and gives for
 * each minimum (1 to 8 of them) how many applicants have at least that
 * many in each, as [[first1, second1], [first2, second2], …]:
 *
 *   SELECT appeals_applicants_count (a.applicant_id, <in the period>,
 *                                    <in the other>, 1, 2, 5)
 *   FROM appeals a WHERE <either period>
 *
 * It is the line report's applicants with one, two and five appeals in
 * each period, which GROUP BY applicant_id sorted (81 ms for two
 * half-years' 107,000 appeals at 1,000,000).
 */
#include "config.h"

#include "appeals-db-sqlite-repeat.h"

#define FIRST_CAPACITY 1024
#define MAX_MINIMUMS 8

typedef struct
{
  gint64  id;         /* 0: an empty slot (applicants' ids start at 1) */
  guint32 count;      /* rows; of appeals_applicants_count(), in the first period */
  guint32 overdue;    /* overdue rows; in the second period */
} Slot;

typedef struct
{
  Slot    *slots;
  gsize    capacity;  /* a power of two */
  gsize    used;
  gint64   minimum;
  gint64   minimums[MAX_MINIMUMS];
  guint    n_minimums;
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

/* The slot of @id, taken if it was free; NULL (and @tally failed) for an
 * id below 1 or out of memory. */
static Slot *
tally_slot (Tally  *tally,
            gint64  id)
{
  Slot *slot;

  /* at most half full */
  if (id < 1 ||
      ((tally->used + 1) * 2 > tally->capacity &&
       !tally_resize (tally, tally->capacity == 0 ? FIRST_CAPACITY : tally->capacity * 2)))
    {
      tally->failed = TRUE;
      return NULL;
    }
  slot = slot_of (tally->slots, tally->capacity, id);
  if (slot->id == 0)
    {
      slot->id = id;
      tally->used++;
    }
  return slot;
}

static void
repeat_step (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  Tally *tally = sqlite3_aggregate_context (context, sizeof (Tally));
  Slot *slot;

  if (tally == NULL || tally->failed || (slot = tally_slot (tally, sqlite3_value_int64 (argv[0]))) == NULL)
    return;
  tally->minimum = sqlite3_value_int64 (argv[2]);
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

static void
applicants_step (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  Tally *tally = sqlite3_aggregate_context (context, sizeof (Tally));
  Slot *slot;

  if (tally == NULL || tally->failed)
    return;
  if (argc < 4 || argc - 3 > MAX_MINIMUMS)
    {
      tally->failed = TRUE;
      return;
    }
  if ((slot = tally_slot (tally, sqlite3_value_int64 (argv[0]))) == NULL)
    return;
  tally->n_minimums = argc - 3;
  for (guint i = 0; i < tally->n_minimums; i++)
    tally->minimums[i] = sqlite3_value_int64 (argv[3 + i]);
  slot->count += sqlite3_value_int (argv[1]) != 0;
  slot->overdue += sqlite3_value_int (argv[2]) != 0;
}

static void
applicants_final (sqlite3_context *context)
{
  Tally *tally = sqlite3_aggregate_context (context, 0);
  gint64 first[MAX_MINIMUMS] = { 0 }, second[MAX_MINIMUMS] = { 0 };
  g_autoptr(GString) out = NULL;

  if (tally != NULL && tally->failed)
    {
      sqlite3_result_error (context, "appeals_applicants_count: an applicant id below 1, out of memory, "
                                     "or not 1 to 8 minimums", -1);
      g_free (tally->slots);
      return;
    }
  if (tally == NULL)
    {
      /* no rows: nobody, whatever the minimums */
      sqlite3_result_text (context, "[]", -1, SQLITE_STATIC);
      return;
    }

  for (gsize i = 0; i < tally->capacity; i++)
    for (guint m = 0; tally->slots[i].id != 0 && m < tally->n_minimums; m++)
      {
        first[m] += tally->slots[i].count >= tally->minimums[m];
        second[m] += tally->slots[i].overdue >= tally->minimums[m];
      }
  out = g_string_new ("[");
  for (guint m = 0; m < tally->n_minimums; m++)
    g_string_append_printf (out, "%s[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]", m > 0 ? "," : "", first[m],
                            second[m]);
  g_string_append_c (out, ']');
  sqlite3_result_text (context, out->str, out->len, SQLITE_TRANSIENT);
  g_free (tally->slots);
}

/**
 * appeals_db_sqlite_repeat_register:
 *
 * Adds appeals_repeat_count() and appeals_applicants_count() to @db.
 */
gboolean
appeals_db_sqlite_repeat_register (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "appeals_repeat_count", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                     NULL, repeat_step, repeat_final, NULL) == SQLITE_OK &&
         sqlite3_create_function_v2 (db, "appeals_applicants_count", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                     NULL, applicants_step, applicants_final, NULL) == SQLITE_OK;
}
