/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-generate.c: a region's worth of appeals, to measure with
 * (appeals-server --database … generate --appeals 1000000).
 *
 * The appeals are spread over the working days of the last ten years,
 * more of them lately; applicants have unique valid IINs (a counter
 * mapped onto birth dates and serial numbers, never a random draw), and
 * some come back with two, five and more appeals. Annotations are the
 * demo's per question with details drawn from word lists (data/demo/
 * generate.json), earlier words more often, so a search meets common and
 * rare words. Old appeals are answered, forwarded or terminated in a
 * department's usual shares, a few are stuck overdue; recent ones are
 * still open. Closed ones have their expertise rounds. Every card has
 * its compact audit entries and its search index row.
 *
 * Rows go in through appeals_db_load_*(): COPY on PostgreSQL, prepared
 * INSERTs in large transactions on SQLite. The same seed gives the same
 * database.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "appeals-appeal-records.h"
#include "appeals-applicant-records.h"
#include "appeals-audit.h"
#include "appeals-demo.h"
#include "appeals-demo-lifecycle.h"
#include "appeals-generate.h"
#include "appeals-store.h"

/* appeals per transaction */
#define CHUNK 20000
/* birth dates of the applicants: 1940-01-01 and on */
#define FIRST_BIRTH_YEAR 1940
#define BIRTH_DAYS 21550
/* a prime: counter × it modulo the IIN space visits every IIN once */
#define IIN_STRIDE G_GUINT64_CONSTANT (1000003)

typedef struct
{
  gint64  id;
  char    iin[13];
  guint32 questions;     /* a bit per question asked: the repeat flag */
  guint16 surname;
  guint8  given;
  guint8  patronymic;
  guint8  district;
  guint8  kazakh : 1;
  guint8  female : 1;
} Person;

typedef struct
{
  AppealsServer            *server;
  AppealsDb                *db;
  const AppealsGenerateOptions *options;
  GRand                    *rand;
  JsonObject               *demo;
  JsonObject               *words;
  AppealsClassifier        *districts;
  AppealsChecklistTemplate *template;
  GPtrArray                *questions;      /* borrowed codes */
  GArray                   *people;         /* Person */
  GHashTable               *taken;          /* IINs already in the table */
  guint64                   iin_counter;
  gint64                    next_applicant_id;
  gint64                    next_expertise_id;
  GArray                   *days;           /* GDate: the working days, oldest first */
  GArray                   *cumulative;     /* double: the days' weights summed */
  guint                     day;            /* the day of the appeal being made */
  GHashTable               *due;            /* julian × 8 + kind → julian */
  GHashTable               *numbers;        /* year → last registration number */
  GDate                     today;
  gboolean                  postgresql;
} Generator;

/* Earlier entries of @array more often. */
static const char *
pick_skewed (GRand     *rand,
             JsonArray *array)
{
  double u = g_rand_double (rand);

  return json_array_get_string_element (array, (guint) (u * u * json_array_get_length (array)));
}

static JsonArray *
array_at (JsonObject *object,
          const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n && object != NULL; i++)
    object = json_object_get_object_member (object, parts[i]);
  return object != NULL ? json_object_get_array_member (object, parts[n - 1]) : NULL;
}

/* The next unused valid IIN, born on @birth, of @female; counters whose
 * eleven digits have no check digit are passed over. */
static char *
next_iin (Generator *gen,
          gboolean   female,
          GDate     *birth)
{
  for (;;)
    {
      guint64 k = (gen->iin_counter++ * IIN_STRIDE + gen->options->seed) % (G_GUINT64_CONSTANT (10000) * BIRTH_DAYS);
      guint serial = k / BIRTH_DAYS;
      guint year;
      int century;
      g_autofree char *eleven = NULL;

      g_date_clear (birth, 1);
      g_date_set_dmy (birth, 1, 1, FIRST_BIRTH_YEAR);
      g_date_add_days (birth, k % BIRTH_DAYS);
      year = g_date_get_year (birth);
      century = (year >= 2000 ? 5 : 3) + (female ? 1 : 0);
      eleven = g_strdup_printf ("%02u%02u%02u%d%04u", year % 100, g_date_get_month (birth),
                                g_date_get_day (birth), century, serial);

      for (char digit = '0'; digit <= '9'; digit++)
        {
          g_autofree char *iin = g_strdup_printf ("%s%c", eleven, digit);

          if (appeals_iin_checksum_ok (iin) && !g_hash_table_contains (gen->taken, iin))
            return g_steal_pointer (&iin);
        }
    }
}

static char *
feminine (const char *surname)
{
  if (g_str_has_suffix (surname, "ов") || g_str_has_suffix (surname, "ев") ||
      g_str_has_suffix (surname, "ёв") || g_str_has_suffix (surname, "ин"))
    return g_strconcat (surname, "а", NULL);
  return g_strdup (surname);
}

/* A new applicant: a Person to come back with, and the base card. */
static guint
new_person (Generator  *gen,
            GPtrArray  *cards)
{
  AppealsClassifier *statuses = appeals_server_get_classifier (gen->server, APPEALS_CLASSIFIER_SOCIAL_STATUSES);
  g_autoptr(AppealsApplicant) card = appeals_applicant_new ();
  Person person = { 0, };
  const AppealsClassifierItem *district;
  const char *group, *sex;
  JsonArray *surnames, *streets;
  g_autofree char *path = NULL;
  g_autofree char *surname = NULL;

  person.kazakh = g_rand_double (gen->rand) < 0.6;
  person.female = g_rand_boolean (gen->rand);
  group = person.kazakh ? "kazakh" : "russian";
  sex = person.female ? "female" : "male";
  surnames = array_at (gen->words, person.kazakh ? "surnames/kk" : "surnames/ru");
  person.surname = (guint16) (g_rand_double (gen->rand) * g_rand_double (gen->rand) * json_array_get_length (surnames));
  path = g_strdup_printf ("%s/%s/given", group, sex);
  person.given = g_rand_int_range (gen->rand, 0, json_array_get_length (array_at (gen->demo, path)));
  g_free (path);
  path = g_strdup_printf ("%s/%s/patronymic", group, sex);
  person.patronymic = g_rand_int_range (gen->rand, 0, json_array_get_length (array_at (gen->demo, path)));
  /* most appeals come from the regional centre and Rudny */
  if (g_rand_double (gen->rand) < 0.5)
    district = appeals_classifier_lookup (gen->districts, g_rand_boolean (gen->rand) ? "kostanay-city" : "rudny-city");
  else
    district = appeals_classifier_get_item (gen->districts,
                                            g_rand_int_range (gen->rand, 0, appeals_classifier_get_n_items (gen->districts)));
  for (guint i = 0; i < appeals_classifier_get_n_items (gen->districts); i++)
    if (appeals_classifier_get_item (gen->districts, i) == district)
      person.district = i;
  person.id = gen->next_applicant_id++;

  surname = g_strdup (json_array_get_string_element (surnames, person.surname));
  card->id = person.id;
  card->version = 1;
  card->iin = next_iin (gen, person.female, &card->birth_date);
  g_strlcpy (person.iin, card->iin, sizeof person.iin);
  card->sex = person.female ? APPEALS_SEX_FEMALE : APPEALS_SEX_MALE;
  card->surname = person.female ? feminine (surname) : g_strdup (surname);
  path = g_strdup_printf ("%s/%s/given", group, sex);
  card->given_name = g_strdup (json_array_get_string_element (array_at (gen->demo, path), person.given));
  g_free (path);
  path = g_strdup_printf ("%s/%s/patronymic", group, sex);
  card->patronymic = g_strdup (json_array_get_string_element (array_at (gen->demo, path), person.patronymic));
  card->social_status = g_strdup (appeals_classifier_get_item (statuses,
                                    g_rand_int_range (gen->rand, 0, appeals_classifier_get_n_items (statuses)))->code);
  streets = array_at (gen->demo, person.kazakh ? "streets/kk" : "streets/ru");
  card->address = g_strdup_printf ("%s, %s, %d", person.kazakh ? district->name.kk : district->name.ru,
                                   pick_skewed (gen->rand, streets), g_rand_int_range (gen->rand, 1, 180));
  card->phone = g_strdup_printf ("+7705%07d", g_rand_int_range (gen->rand, 0, 10000000));

  g_array_append_val (gen->people, person);
  g_ptr_array_add (cards, g_steal_pointer (&card));
  return gen->people->len - 1;
}

/* Half the appeals come from someone new; the rest from earlier
 * applicants, a hundredth of whom write again and again. */
static guint
choose_person (Generator *gen,
               GPtrArray *cards)
{
  double roll = g_rand_double (gen->rand);
  guint n = gen->people->len;

  if (n == 0 || roll < 0.5)
    return new_person (gen, cards);
  if (roll < 0.85)
    return g_rand_int_range (gen->rand, 0, n);
  return g_rand_int_range (gen->rand, 0, MAX (n / 100, 1));
}

static void
fill_due (Generator     *gen,
          AppealsAppeal *appeal)
{
  gpointer key = GSIZE_TO_POINTER ((gsize) g_date_get_julian (&appeal->registration_date) * 8 + appeal->kind);
  gpointer cached = g_hash_table_lookup (gen->due, key);
  AppealsDeadlineRules *rules = appeals_server_get_deadlines (gen->server);
  AppealsCalendar *calendar = appeals_server_get_calendar (gen->server);

  appeals_deadline_rules_compute_forwarding_due (rules, calendar, &appeal->registration_date,
                                                 &appeal->forwarding_due_date);
  if (cached != NULL)
    {
      g_date_set_julian (&appeal->due_date, GPOINTER_TO_SIZE (cached));
      return;
    }
  if (appeals_deadline_rules_compute_due (rules, calendar, appeals_enum_to_wire (APPEALS_TYPE_KIND, appeal->kind),
                                          &appeal->registration_date, &appeal->due_date, NULL))
    g_hash_table_insert (gen->due, key, GSIZE_TO_POINTER ((gsize) g_date_get_julian (&appeal->due_date)));
}

/* The working day of appeal @index: more appeals lately. */
static void
registration_day (Generator *gen,
                  guint      index,
                  GDate     *day)
{
  double total = g_array_index (gen->cumulative, double, gen->cumulative->len - 1);
  double target = (index + 0.5) / gen->options->n_appeals * total;

  while (gen->day + 1 < gen->cumulative->len && g_array_index (gen->cumulative, double, gen->day) < target)
    gen->day++;
  *day = g_array_index (gen->days, GDate, gen->day);
}

/* The card as registered: what the registrar typed, numbered and dated. */
static AppealsAppeal *
register_appeal (Generator *gen,
                 gint64     id,
                 Person    *person,
                 guint      question)
{
  g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();
  const char *language = person->kazakh ? "kk" : "ru";
  const char *code = g_ptr_array_index (gen->questions, question);
  const char *district = appeals_classifier_get_item (gen->districts, person->district)->code;
  JsonArray *details = array_at (gen->words, person->kazakh ? "details/kk" : "details/ru");
  g_autofree char *annotations_path = g_strdup_printf ("annotations/%s/%s", code, language);
  double roll = g_rand_double (gen->rand);
  guint year, number;

  appeal->id = id;
  appeal->version = 1;
  registration_day (gen, id - 1, &appeal->registration_date);
  year = g_date_get_year (&appeal->registration_date);
  number = GPOINTER_TO_UINT (g_hash_table_lookup (gen->numbers, GUINT_TO_POINTER (year))) + 1;
  g_hash_table_insert (gen->numbers, GUINT_TO_POINTER (year), GUINT_TO_POINTER (number));
  appeal->registration_number = g_strdup_printf ("%u-%06u", year, number);
  appeal->applicant_id = person->id;
  appeals_demo_classify (gen->rand, roll, appeal, code, district, person->kazakh);
  appeal->repeat = (person->questions & (1u << question)) != 0;
  person->questions |= 1u << question;
  appeal->annotation = g_strdup_printf ("%s: %s", pick_skewed (gen->rand, array_at (gen->demo, annotations_path)),
                                        pick_skewed (gen->rand, details));
  appeal->text = g_strdup_printf (person->kazakh ? "%s, %s. Мәселені қарап, көмек көрсетуіңізді сұраймын."
                                                 : "%s, %s. Прошу рассмотреть вопрос и оказать содействие.",
                                  appeal->annotation, pick_skewed (gen->rand, details));
  appeal->status = APPEALS_STATUS_REGISTERED;
  appeal->registrar = g_strdup (appeals_demo_registrar_for (district));
  appeal->created_at = g_date_time_new_utc (g_date_get_year (&appeal->registration_date),
                                            g_date_get_month (&appeal->registration_date),
                                            g_date_get_day (&appeal->registration_date),
                                            4 + g_rand_int_range (gen->rand, 0, 8), g_rand_int_range (gen->rand, 0, 60), 0);
  appeal->updated_at = g_date_time_ref (appeal->created_at);
  fill_due (gen, appeal);
  return g_steal_pointer (&appeal);
}

/* Where the appeal stands today: old ones are done with (a few stuck
 * past their term), recent ones partly open. Returns the audit action. */
static const char *
progress (Generator     *gen,
          AppealsAppeal *appeal)
{
  AppealsCalendar *calendar = appeals_server_get_calendar (gen->server);
  int age = g_date_days_between (&appeal->registration_date, &gen->today);
  double done = age >= 45 ? 0.995 : age < 2 ? 0.0 : 0.9 * age / 45.0;
  double roll = g_rand_double (gen->rand);
  const char *language = appeal->language == APPEALS_LANGUAGE_KK ? "kk" : "ru";

  if (age < 2 && roll < 0.8)
    return NULL;

  appeal->executor = g_strdup (pick_skewed (gen->rand, json_object_get_array_member (gen->demo, "executors")));
  if (roll >= done)
    {
      appeal->status = age < 2 ? APPEALS_STATUS_REGISTERED : APPEALS_STATUS_IN_PROGRESS;
      if (age > 10 && g_rand_double (gen->rand) < 0.15)
        {
          appeal->status = APPEALS_STATUS_EXTENDED;
          appeals_demo_lifecycle_extend (gen->server, appeal);
          return "extend";
        }
      return "update";
    }

  roll = g_rand_double (gen->rand);
  if (roll < 0.08)
    {
      appeal->status = APPEALS_STATUS_FORWARDED;
      appeals_demo_lifecycle_forward (gen->server, gen->rand, appeal);
      return "forward";
    }
  if (roll < 0.13)
    {
      appeals_demo_lifecycle_decide (gen->server, gen->rand, appeal);
      return "terminate";
    }

  /* answered, a third after forwarding to the body that prepared it */
  if (g_rand_double (gen->rand) < 0.3)
    appeals_demo_lifecycle_forward (gen->server, gen->rand, appeal);
  appeal->status = roll < 0.43 ? APPEALS_STATUS_CLOSED : APPEALS_STATUS_ANSWERED;
  appeal->answer = g_strdup (json_object_get_string_member (json_object_get_object_member (gen->demo, "answers"),
                                                            language));
  appeals_calendar_add_working_days (calendar, &appeal->registration_date,
                                     g_rand_int_range (gen->rand, 3, g_rand_double (gen->rand) < 0.9 ? 15 : 30),
                                     &appeal->answered_on);
  if (g_date_compare (&appeal->answered_on, &gen->today) > 0)
    appeal->answered_on = gen->today;
  appeal->answer_character = g_strdup (appeals_demo_lifecycle_pick_answer_character (gen->rand));
  appeal->answer_late = g_date_compare (&appeal->answered_on, &appeal->due_date) > 0;
  return "answer";
}

static void
add_audit (GPtrArray               *rows,
           const char              *entity,
           gint64                   id,
           gint64                   version,
           const char              *action,
           const char              *actor,
           GDateTime               *at,
           const AppealsRecordType *type,
           gconstpointer            before,
           gconstpointer            after)
{
  g_autoptr(JsonNode) changes = appeals_audit_changes (type, before, after);
  char **row = g_new0 (char *, 8);

  row[0] = g_strdup (entity);
  row[1] = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  row[2] = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  row[3] = g_strdup (action);
  row[4] = g_strdup (actor);
  row[5] = g_date_time_format_iso8601 (at);
  row[6] = json_to_string (changes, FALSE);
  g_ptr_array_add (rows, row);
}

static char *
full_name (Generator    *gen,
           const Person *person)
{
  const char *group = person->kazakh ? "kazakh" : "russian";
  const char *sex = person->female ? "female" : "male";
  g_autofree char *given = g_strdup_printf ("%s/%s/given", group, sex);
  g_autofree char *patronymic = g_strdup_printf ("%s/%s/patronymic", group, sex);
  const char *surname = json_array_get_string_element (array_at (gen->words, person->kazakh ? "surnames/kk"
                                                                                            : "surnames/ru"),
                                                       person->surname);
  g_autofree char *form = person->female ? feminine (surname) : g_strdup (surname);

  return g_strdup_printf ("%s %s %s", form,
                          json_array_get_string_element (array_at (gen->demo, given), person->given),
                          json_array_get_string_element (array_at (gen->demo, patronymic), person->patronymic));
}

static char *
date_text (const GDate *date,
           guint        days_after)
{
  GDate day = *date;

  g_date_add_days (&day, days_after);
  return g_strdup_printf ("%04u-%02u-%02uT10:00:00Z", g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day));
}

/* The expertise rounds of a closed appeal: most accepted at once, some
 * after rework; the last ones of late still await a head's approval. */
static void
add_expertise (Generator     *gen,
               GPtrArray     *rows,
               AppealsAppeal *appeal)
{
  guint rounds = g_rand_double (gen->rand) < 0.3 ? 2 : 1;
  gboolean recent = g_date_days_between (&appeal->answered_on, &gen->today) < 20;

  for (guint round = 1; round <= rounds; round++)
    {
      gboolean returned = round < rounds;
      char **row = g_new0 (char *, 17);
      char *reasons = NULL;
      double score = appeals_demo_lifecycle_check_round (gen->rand, gen->template,
                                                         appeal->language == APPEALS_LANGUAGE_KK ? "kk" : "ru",
                                                         returned, &row[6], &reasons);
      gint64 id = gen->next_expertise_id++;

      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      row[1] = g_strdup_printf ("%" G_GINT64_FORMAT, appeal->id);
      row[2] = g_strdup_printf ("%u", round);
      row[3] = round > 1 ? g_strdup_printf ("%" G_GINT64_FORMAT, id - 1) : NULL;
      row[4] = g_strdup (appeal->addressee_body);
      row[5] = g_strdup (appeal->answer);
      row[7] = g_strdup ("[]");
      row[8] = g_strdup_printf ("%.17g", score);
      row[9] = g_strdup (returned ? "returned" : "accepted");
      row[10] = reasons;
      row[11] = NULL;
      row[12] = g_strdup (appeal->answer_late ? "1" : "0");
      row[13] = g_strdup (!returned && recent && g_rand_boolean (gen->rand) ? "awaiting_approval" : "final");
      row[14] = g_strdup ("analyst");
      row[15] = date_text (&appeal->answered_on, round);
      g_ptr_array_add (rows, row);
    }
}

static gboolean
load_applicants (Generator  *gen,
                 GPtrArray  *cards,
                 GError    **error)
{
  static const char * const district_columns[] = { "applicant_id", "district", NULL };
  const char * const *columns = appeals_api_applicants_get_columns ();
  g_autoptr(GPtrArray) districts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (!appeals_store_load_begin (gen->db, "applicants", columns, NULL, error))
    return FALSE;
  for (guint i = 0; i < cards->len; i++)
    {
      AppealsApplicant *card = g_ptr_array_index (cards, i);
      const Person *person = &g_array_index (gen->people, Person, card->id - g_array_index (gen->people, Person, 0).id);
      char **row = g_new0 (char *, 3);

      if (!appeals_store_load_record (gen->db, appeals_applicant_get_record_type (), card, columns, card->id, NULL, error))
        return FALSE;
      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, card->id);
      row[1] = g_strdup (appeals_classifier_get_item (gen->districts, person->district)->code);
      g_ptr_array_add (districts, row);
    }
  return appeals_db_load_end (gen->db, error) &&
         appeals_store_load_rows (gen->db, "applicant_districts", district_columns, districts, error);
}

/* The cards and their search index: on PostgreSQL through a staging
 * table, where the search vector is computed as the server does. */
static gboolean
load_appeals (Generator  *gen,
              GPtrArray  *appeals,
              GError    **error)
{
  static const char * const search_columns[] = { "rowid", "body", NULL };
  const char * const *columns = appeals_api_appeals_get_columns ();
  g_autoptr(GPtrArray) search = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *names = NULL;
  g_autofree char *insert = NULL;

  if (!appeals_store_load_begin (gen->db, gen->postgresql ? "appeals_load" : "appeals", columns,
                   gen->postgresql ? "search_body" : NULL, error))
    return FALSE;
  for (guint i = 0; i < appeals->len; i++)
    {
      AppealsAppeal *appeal = g_ptr_array_index (appeals, i);
      g_autofree char *body = appeals_api_appeals_search_text (appeal);

      if (!appeals_store_load_record (gen->db, appeals_appeal_get_record_type (), appeal, columns, appeal->id,
                        gen->postgresql ? body : NULL, error))
        return FALSE;
      if (!gen->postgresql)
        {
          char **row = g_new0 (char *, 3);

          row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, appeal->id);
          row[1] = g_steal_pointer (&body);
          g_ptr_array_add (search, row);
        }
    }
  if (!appeals_db_load_end (gen->db, error))
    return FALSE;
  if (!gen->postgresql)
    return appeals_store_load_rows (gen->db, "appeals_search", search_columns, search, error);

  names = g_strjoinv (", ", (char **) columns);
  insert = g_strdup_printf ("INSERT INTO appeals (%s, id, search_vector) SELECT %s, id, "
                            APPEALS_SEARCH_VECTOR_SQL ("search_body") " FROM appeals_load; "
                            "TRUNCATE appeals_load", names, names);
  return appeals_db_exec_script (gen->db, insert, error);
}

static gboolean
generate_chunk (Generator  *gen,
                guint       first,
                guint       n,
                GError    **error)
{
  static const char * const expertise_columns[] = {
    "id", "appeal_id", "round", "previous_id", "body", "answer", "criteria", "cross_checks", "score",
    "verdict", "reasons", "rework_due", "overdue", "state", "analyst", "created_at", NULL
  };
  static const char * const audit_columns[] = {
    "entity", "entity_id", "version", "action", "actor", "at", "changes", NULL
  };
  const AppealsRecordType *type = appeals_appeal_get_record_type ();
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) appeals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) audit = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) expertise = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < n; i++)
    {
      guint new_cards = cards->len;
      guint who = choose_person (gen, cards);
      Person *person = &g_array_index (gen->people, Person, who);
      double u = g_rand_double (gen->rand);
      g_autoptr(AppealsAppeal) registered = register_appeal (gen, first + i + 1, person,
                                                             (guint) (u * u * gen->questions->len));
      g_autoptr(AppealsAppeal) appeal = NULL;
      const char *action;

      registered->applicant_name = full_name (gen, person);
      registered->applicant_iin = g_strdup (person->iin);
      if (cards->len > new_cards)
        {
          AppealsApplicant *card = g_ptr_array_index (cards, cards->len - 1);

          card->created_at = g_date_time_ref (registered->created_at);
          card->updated_at = g_date_time_ref (registered->created_at);
          add_audit (audit, "applicant", card->id, 1, "create", registered->registrar, card->created_at,
                     appeals_applicant_get_record_type (), NULL, card);
        }
      add_audit (audit, "appeal", registered->id, 1, "create", registered->registrar, registered->created_at,
                 type, NULL, registered);

      appeal = appeals_appeal_copy (registered);
      action = progress (gen, appeal);
      if (action != NULL)
        {
          GDate *day = g_date_valid (&appeal->answered_on) ? &appeal->answered_on
                     : g_date_valid (&appeal->forwarding_date) ? &appeal->forwarding_date : NULL;

          appeal->version = 2;
          g_clear_pointer (&appeal->updated_at, g_date_time_unref);
          appeal->updated_at = day != NULL ? g_date_time_new_utc (g_date_get_year (day), g_date_get_month (day),
                                                                  g_date_get_day (day), 11, 0, 0)
                                           : g_date_time_add_days (registered->created_at, 1);
          add_audit (audit, "appeal", appeal->id, 2, action, "controller", appeal->updated_at, type, registered, appeal);
        }
      if (appeal->status == APPEALS_STATUS_CLOSED)
        add_expertise (gen, expertise, appeal);
      g_ptr_array_add (appeals, g_steal_pointer (&appeal));
    }

  return appeals_db_exec (gen->db, gen->postgresql ? "BEGIN" : "BEGIN IMMEDIATE", NULL, error) &&
         load_applicants (gen, cards, error) &&
         load_appeals (gen, appeals, error) &&
         appeals_store_load_rows (gen->db, "audit", audit_columns, audit, error) &&
         appeals_store_load_rows (gen->db, "expertise", expertise_columns, expertise, error) &&
         appeals_db_exec (gen->db, "COMMIT", NULL, error);
}

static gint64
max_id (AppealsDb   *db,
        const char  *table,
        GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COALESCE (MAX (id), 0) AS n FROM %s", table);
  g_autoptr(AppealsDbResult) result = appeals_db_query (db, sql, NULL, error);

  return result != NULL ? appeals_db_result_get_int64 (result, 0, "n") : -1;
}

/* The working days of the last years, weighted: a department gets more
 * appeals every year. */
static void
prepare_days (Generator *gen)
{
  AppealsCalendar *calendar = appeals_server_get_calendar (gen->server);
  GDate day = gen->today;
  double total = 0;
  int span;

  g_date_subtract_years (&day, gen->options->years);
  g_date_add_days (&day, 1);
  span = g_date_days_between (&day, &gen->today);
  for (int d = 0; d <= span; d++, g_date_add_days (&day, 1))
    {
      if (!appeals_calendar_is_working_day (calendar, &day))
        continue;
      total += 0.6 + 0.4 * d / MAX (span, 1);
      g_array_append_val (gen->days, day);
      g_array_append_val (gen->cumulative, total);
    }
}

static gboolean
prepare (Generator  *gen,
         GError    **error)
{
  g_autoptr(AppealsDbResult) iins = NULL;
  JsonObject *annotations = json_object_get_object_member (gen->demo, "annotations");
  g_autoptr(GList) codes = json_object_get_members (annotations);

  iins = appeals_db_query (gen->db, "SELECT iin FROM applicants", NULL, error);
  if (iins == NULL)
    return FALSE;
  for (guint i = 0; i < appeals_db_result_get_n_rows (iins); i++)
    g_hash_table_add (gen->taken, g_strdup (appeals_db_result_get_string (iins, i, "iin")));
  if ((gen->next_applicant_id = max_id (gen->db, "applicants", error) + 1) == 0 ||
      (gen->next_expertise_id = max_id (gen->db, "expertise", error) + 1) == 0)
    return FALSE;
  for (const GList *l = codes; l != NULL; l = l->next)
    g_ptr_array_add (gen->questions, l->data);

  appeals_server_get_today (&gen->today);
  prepare_days (gen);

  if (gen->postgresql)
    return appeals_db_exec_script (gen->db, "CREATE TEMP TABLE appeals_load (LIKE appeals, search_body text)", error);
  return appeals_db_exec_script (gen->db, "PRAGMA cache_size = -262144", error);
}

/* Registration numbers go on from the generated ones; identities, on
 * PostgreSQL, from the highest explicit id; the planners get statistics. */
static gboolean
finish (Generator  *gen,
        GError    **error)
{
  GHashTableIter iter;
  gpointer year, number;

  g_hash_table_iter_init (&iter, gen->numbers);
  while (g_hash_table_iter_next (&iter, &year, &number))
    if (!appeals_db_exec (gen->db,
                          "INSERT INTO registration_counters (year, last_number) VALUES (?, ?) "
                          "ON CONFLICT (year) DO UPDATE SET last_number = excluded.last_number",
                          g_variant_new ("(xx)", (gint64) GPOINTER_TO_UINT (year), (gint64) GPOINTER_TO_UINT (number)),
                          error))
      return FALSE;

  if (gen->postgresql)
    return appeals_db_exec_script (gen->db,
                                   "DROP TABLE appeals_load;"
                                   "SELECT setval (pg_get_serial_sequence ('applicants', 'id'), "
                                   "  (SELECT MAX (id) FROM applicants));"
                                   "SELECT setval (pg_get_serial_sequence ('appeals', 'id'), (SELECT MAX (id) FROM appeals));"
                                   "SELECT setval (pg_get_serial_sequence ('expertise', 'id'), "
                                   "  GREATEST ((SELECT MAX (id) FROM expertise), 1));", error) &&
           appeals_db_exec_script (gen->db, "VACUUM ANALYZE", error);

  return appeals_db_exec_script (gen->db,
                                 "INSERT INTO appeals_search (appeals_search) VALUES ('optimize');"
                                 "ANALYZE;", error);
}

/**
 * appeals_generate:
 *
 * Fills a database without appeals: the demo's users, officials and
 * receptions, then @options->n_appeals appeals with their applicants,
 * expertise, audit and search index.
 */
gboolean
appeals_generate (AppealsServer                 *server,
                  AppealsDb                     *db,
                  const AppealsGenerateOptions  *options,
                  GError                       **error)
{
  g_autoptr(AppealsDbResult) existing = NULL;
  g_autoptr(JsonNode) demo = NULL;
  g_autoptr(JsonNode) words = NULL;
  g_autofree char *demo_path = NULL;
  g_autofree char *words_path = NULL;
  Generator gen = { 0, };
  gboolean ok;

  existing = appeals_db_query (db, "SELECT COUNT(*) AS n FROM appeals", NULL, error);
  if (existing == NULL)
    return FALSE;
  if (appeals_db_result_get_int64 (existing, 0, "n") > 0)
    {
      g_set_error_literal (error, APPEALS_ERROR, APPEALS_ERROR_FAILED,
                           _("The database has appeals already: generate fills an empty one"));
      return FALSE;
    }

  if (!appeals_demo_seed (server, db, 0, error) ||
      (demo_path = appeals_data_find_file ("demo/demo.json", error)) == NULL ||
      (demo = appeals_json_load_file (demo_path, error)) == NULL ||
      (words_path = appeals_data_find_file ("demo/generate.json", error)) == NULL ||
      (words = appeals_json_load_file (words_path, error)) == NULL)
    return FALSE;

  gen.server = server;
  gen.db = db;
  gen.options = options;
  gen.postgresql = appeals_db_get_dialect (db) == APPEALS_DB_DIALECT_POSTGRESQL;
  gen.rand = g_rand_new_with_seed (options->seed);
  gen.demo = json_node_get_object (demo);
  gen.words = json_node_get_object (words);
  gen.districts = appeals_server_get_classifier (server, APPEALS_CLASSIFIER_DISTRICTS);
  gen.template = appeals_checklist_template_new_default (error);
  gen.questions = g_ptr_array_new ();
  gen.people = g_array_new (FALSE, FALSE, sizeof (Person));
  gen.taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen.days = g_array_new (FALSE, FALSE, sizeof (GDate));
  gen.cumulative = g_array_new (FALSE, FALSE, sizeof (double));
  gen.due = g_hash_table_new (NULL, NULL);
  gen.numbers = g_hash_table_new (NULL, NULL);

  ok = gen.template != NULL && prepare (&gen, error);
  for (guint first = 0; ok && first < options->n_appeals; first += CHUNK)
    ok = generate_chunk (&gen, first, MIN (CHUNK, options->n_appeals - first), error);
  ok = ok && finish (&gen, error);

  g_rand_free (gen.rand);
  g_clear_object (&gen.template);
  g_ptr_array_unref (gen.questions);
  g_array_unref (gen.people);
  g_hash_table_unref (gen.taken);
  g_array_unref (gen.days);
  g_array_unref (gen.cumulative);
  g_hash_table_unref (gen.due);
  g_hash_table_unref (gen.numbers);
  return ok;
}
