/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-storage-previous.c: each appeal's previous one of the same
 * applicant (migration 0042) follows the appeals on both backends. Two
 * applicants' appeals are registered in order, back-dated, on one day
 * under a lower or a higher id, moved to another day, given to the other
 * applicant and deleted; after each step every appeal holds the day of
 * its applicant's appeal before it in the order of day and id, as the
 * test finds it apart from the database, and NULL for the first.
 */
#include "config.h"

#include "test-storage.h"

#define FIRST_APPLICANT G_GINT64_CONSTANT (990001)

typedef enum
{
  STEP_INSERT,    /* appeal @id of applicant @applicant on @day */
  STEP_MOVE,      /* appeal @id to @day */
  STEP_REASSIGN,  /* appeal @id to applicant @applicant */
  STEP_DELETE,    /* appeal @id */
} StepKind;

typedef struct
{
  StepKind    kind;
  gint64      id;
  guint       applicant;  /* 0 or 1 */
  const char *day;
} Step;

static const Step steps[] = {
  { STEP_INSERT, 990010, 0, "2026-03-10" },
  { STEP_INSERT, 990011, 0, "2026-03-12" },   /* in order */
  { STEP_INSERT, 990012, 0, "2026-03-11" },   /* back-dated between them */
  { STEP_INSERT, 990013, 0, "2026-03-11" },   /* the same day, a higher id */
  { STEP_INSERT, 990009, 0, "2026-03-12" },   /* the same day, a lower id */
  { STEP_INSERT, 990014, 1, "2026-03-01" },   /* the other applicant */
  { STEP_MOVE, 990012, 0, "2026-02-01" },     /* becomes the first */
  { STEP_MOVE, 990010, 0, "2026-03-20" },     /* becomes the last */
  { STEP_REASSIGN, 990011, 1, NULL },
  { STEP_DELETE, 990013, 0, NULL },
  { STEP_INSERT, 990015, 0, "2026-01-01" },   /* before every other */
  { STEP_DELETE, 990015, 0, NULL },
};

typedef struct
{
  gint64      id;
  guint       applicant;
  const char *day;
  gboolean    present;
} Appeal;

static void
run (AppealsDb   *db,
     const char  *sql,
     GVariant    *parameters)
{
  g_autoptr(GError) error = NULL;

  appeals_db_exec (db, sql, parameters, &error);
  g_assert_no_error (error);
}

static void
apply (AppealsDb  *db,
       const Step *step)
{
  g_autofree char *number = g_strdup_printf ("P-%" G_GINT64_FORMAT, step->id);

  switch (step->kind)
    {
    case STEP_INSERT:
      run (db,
           "INSERT INTO appeals (id, registration_number, registration_date, applicant_id, channel, form, kind, "
           "addressee_body, question_character, category, language, district, annotation, due_date, status, "
           "registrar, created_at, updated_at) VALUES (?, ?, ?, ?, 'by_hand', 'written', 'application', "
           "'akimat', 'housing', 'typical', 'ru', 'rudny-city', 'a test', '2026-12-31', 'registered', "
           "'registrar', '2026-01-01T09:00:00Z', '2026-01-01T09:00:00Z')",
           g_variant_new ("(xssx)", step->id, number, step->day,
                          FIRST_APPLICANT + step->applicant));
      break;
    case STEP_MOVE:
      run (db, "UPDATE appeals SET registration_date = ? WHERE id = ?", g_variant_new ("(sx)", step->day, step->id));
      break;
    case STEP_REASSIGN:
      run (db, "UPDATE appeals SET applicant_id = ? WHERE id = ?",
           g_variant_new ("(xx)", FIRST_APPLICANT + step->applicant, step->id));
      break;
    case STEP_DELETE:
      run (db, "DELETE FROM appeals WHERE id = ?", g_variant_new ("(x)", step->id));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* @appeals as the step leaves them. */
static void
follow (GArray     *appeals,
        const Step *step)
{
  Appeal *found = NULL;

  for (guint i = 0; i < appeals->len; i++)
    if (g_array_index (appeals, Appeal, i).id == step->id && g_array_index (appeals, Appeal, i).present)
      found = &g_array_index (appeals, Appeal, i);

  if (step->kind == STEP_INSERT)
    {
      Appeal added = { step->id, step->applicant, step->day, TRUE };

      g_assert_null (found);
      g_array_append_val (appeals, added);
      return;
    }
  g_assert_nonnull (found);
  if (step->kind == STEP_MOVE)
    found->day = step->day;
  else if (step->kind == STEP_REASSIGN)
    found->applicant = step->applicant;
  else
    found->present = FALSE;
}

/* The day of the appeal before @appeal among its applicant's, or NULL. */
static const char *
expected_previous (GArray       *appeals,
                   const Appeal *appeal)
{
  const Appeal *before = NULL;

  for (guint i = 0; i < appeals->len; i++)
    {
      const Appeal *other = &g_array_index (appeals, Appeal, i);
      int order;

      if (!other->present || other->applicant != appeal->applicant || other == appeal)
        continue;
      order = g_strcmp0 (other->day, appeal->day);
      if (order > 0 || (order == 0 && other->id > appeal->id))
        continue;
      if (before == NULL || g_strcmp0 (other->day, before->day) > 0 ||
          (g_str_equal (other->day, before->day) && other->id > before->id))
        before = other;
    }
  return before != NULL ? before->day : NULL;
}

static void
assert_chained (AppealsDb  *db,
                GArray     *appeals,
                guint       step)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsDbResult) rows = NULL;
  guint n_present = 0;

  rows = appeals_db_query (db, "SELECT id, applicant_previous_date FROM appeals WHERE applicant_id IN (?, ?) ORDER BY id",
                           g_variant_new ("(xx)", FIRST_APPLICANT, FIRST_APPLICANT + 1), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < appeals->len; i++)
    n_present += g_array_index (appeals, Appeal, i).present;
  g_assert_cmpuint (appeals_db_result_get_n_rows (rows), ==, n_present);

  for (guint r = 0; r < appeals_db_result_get_n_rows (rows); r++)
    {
      gint64 id = appeals_db_result_get_int64 (rows, r, "id");
      const char *stored = appeals_db_result_get_string (rows, r, "applicant_previous_date");

      for (guint i = 0; i < appeals->len; i++)
        {
          const Appeal *appeal = &g_array_index (appeals, Appeal, i);

          if (appeal->id == id && appeal->present &&
              g_strcmp0 (stored, expected_previous (appeals, appeal)) != 0)
            g_error ("after step %u, appeal %" G_GINT64_FORMAT ": previous %s, expected %s", step, id,
                     stored != NULL ? stored : "NULL",
                     expected_previous (appeals, appeal) != NULL ? expected_previous (appeals, appeal) : "NULL");
        }
    }
}

static void
test_previous_follows (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GArray) appeals = g_array_new (FALSE, FALSE, sizeof (Appeal));

  for (guint a = 0; a < 2; a++)
    run (fixture->db,
         "INSERT INTO applicants (id, iin, surname, given_name, address, created_at, updated_at) "
         "VALUES (?, ?, 'Тестов', 'Тест', 'Рудный', '2026-01-01T09:00:00Z', '2026-01-01T09:00:00Z')",
         g_variant_new ("(xs)", FIRST_APPLICANT + a, a == 0 ? "990101300001" : "990101300002"));

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      apply (fixture->db, &steps[s]);
      follow (appeals, &steps[s]);
      assert_chained (fixture->db, appeals, s);
    }

  run (fixture->db, "DELETE FROM appeals WHERE applicant_id IN (?, ?)",
       g_variant_new ("(xx)", FIRST_APPLICANT, FIRST_APPLICANT + 1));
  run (fixture->db, "DELETE FROM applicants WHERE id IN (?, ?)",
       g_variant_new ("(xx)", FIRST_APPLICANT, FIRST_APPLICANT + 1));
}

void
test_storage_add_previous (void)
{
  add_test ("previous/follows", NULL, test_previous_follows);
}
