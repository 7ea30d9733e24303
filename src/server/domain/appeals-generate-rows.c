/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-generate-rows.c: the rows of the generated appeals, a chunk at
 * a time, as the text of their columns, without a database: this runs
 * on a thread of its own while the chunk before is loaded.
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
 * its compact audit entries, its search index row and its terms. One
 * thread makes every row in order, so the same seed gives the same rows.
 */
#include "config.h"

#include <string.h>

#include "appeals-appeal-records.h"
#include "appeals-applicant-records.h"
#include "appeals-audit.h"
#include "appeals-content-records.h"
#include "appeals-demo.h"
#include "appeals-demo-lifecycle.h"
#include "appeals-generate-private.h"
#include "appeals-store.h"

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
  guint32 last_day;      /* julian day of the last appeal, 0 before the first */
  guint16 surname;
  guint8  given;
  guint8  patronymic;
  guint8  district;
  guint8  kazakh : 1;
  guint8  female : 1;
} Person;

typedef AppealsGenerator Generator;

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
  appeal->answer_late = appeals_appeal_answer_is_late (appeal, &appeal->answered_on);
  return "answer";
}

/* A text kept with the chunk's. */
static const char *
keep (AppealsGenerateChunk *chunk,
      char                 *text)
{
  const char *kept = text != NULL ? g_string_chunk_insert (chunk->texts, text) : NULL;

  g_free (text);
  return kept;
}

static void
add (AppealsGenerateChunk *chunk,
     AppealsGenerateTable  table,
     const char           *text)
{
  g_ptr_array_add (chunk->values[table], (gpointer) text);
}

/* Who did what to which version of a card, when. */
typedef struct
{
  const char *entity;
  gint64      id;
  gint64      version;
  const char *action;
  const char *actor;
  GDateTime  *at;
} AuditEntry;

static void
add_audit (AppealsGenerateChunk    *chunk,
           const AuditEntry        *entry,
           const AppealsRecordType *type,
           gconstpointer            before,
           gconstpointer            after)
{
  char *changes = appeals_audit_changes (type, before, after);

  add (chunk, APPEALS_GENERATE_AUDIT, entry->entity);
  add (chunk, APPEALS_GENERATE_AUDIT, keep (chunk, g_strdup_printf ("%" G_GINT64_FORMAT, entry->id)));
  add (chunk, APPEALS_GENERATE_AUDIT, keep (chunk, g_strdup_printf ("%" G_GINT64_FORMAT, entry->version)));
  add (chunk, APPEALS_GENERATE_AUDIT, entry->action);
  add (chunk, APPEALS_GENERATE_AUDIT, keep (chunk, g_strdup (entry->actor)));
  add (chunk, APPEALS_GENERATE_AUDIT, keep (chunk, g_date_time_format_iso8601 (entry->at)));
  add (chunk, APPEALS_GENERATE_AUDIT, keep (chunk, changes));
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
add_expertise (Generator            *gen,
               AppealsGenerateChunk *chunk,
               AppealsAppeal        *appeal)
{
  guint rounds = g_rand_double (gen->rand) < 0.3 ? 2 : 1;
  gboolean recent = g_date_days_between (&appeal->answered_on, &gen->today) < 20;

  for (guint round = 1; round <= rounds; round++)
    {
      gboolean returned = round < rounds;
      char *criteria = NULL;
      char *reasons = NULL;
      double score = appeals_demo_lifecycle_check_round (gen->rand, gen->template,
                                                         appeal->language == APPEALS_LANGUAGE_KK ? "kk" : "ru",
                                                         returned, &criteria, &reasons);
      gint64 id = gen->next_expertise_id++;
      const char *row[] = {
        keep (chunk, g_strdup_printf ("%" G_GINT64_FORMAT, id)),
        keep (chunk, g_strdup_printf ("%" G_GINT64_FORMAT, appeal->id)),
        round == 1 ? "1" : "2",
        round > 1 ? keep (chunk, g_strdup_printf ("%" G_GINT64_FORMAT, id - 1)) : NULL,
        keep (chunk, g_strdup (appeal->addressee_body)),
        keep (chunk, g_strdup (appeal->answer)),
        keep (chunk, criteria),
        "[]",
        keep (chunk, g_strdup_printf ("%.17g", score)),
        returned ? "returned" : "accepted",
        keep (chunk, reasons),
        NULL,
        appeal->answer_late ? "1" : "0",
        !returned && recent && g_rand_boolean (gen->rand) ? "awaiting_approval" : "final",
        "analyst",
        keep (chunk, date_text (&appeal->answered_on, round)),
      };

      for (guint i = 0; i < G_N_ELEMENTS (row); i++)
        add (chunk, APPEALS_GENERATE_EXPERTISE, row[i]);
    }
}

/* The applicant's row, its district and its audit entry: when the first
 * appeal has dated the card. */
static void
add_applicant (Generator            *gen,
               AppealsGenerateChunk *chunk,
               AppealsApplicant     *card,
               const Person         *person,
               AppealsAppeal        *registered)
{
  card->created_at = g_date_time_ref (registered->created_at);
  card->updated_at = g_date_time_ref (registered->created_at);
  appeals_store_append_texts (chunk->values[APPEALS_GENERATE_APPLICANTS], chunk->texts,
                              appeals_applicant_get_record_type (), card, appeals_api_applicants_get_columns ());
  add (chunk, APPEALS_GENERATE_APPLICANTS, keep (chunk, g_strdup_printf ("%" G_GINT64_FORMAT, card->id)));
  add (chunk, APPEALS_GENERATE_DISTRICTS, keep (chunk, g_strdup_printf ("%" G_GINT64_FORMAT, card->id)));
  add (chunk, APPEALS_GENERATE_DISTRICTS, appeals_classifier_get_item (gen->districts, person->district)->code);
  add_audit (chunk, &(AuditEntry) { "applicant", card->id, 1, "create", registered->registrar, card->created_at },
             appeals_applicant_get_record_type (), NULL, card);
}

/* The appeal's row (with the day of the applicant's appeal before it,
 * @previous, as migration 0042 keeps it), its search text and its terms. */
static void
add_appeal (Generator            *gen,
            AppealsGenerateChunk *chunk,
            AppealsAppeal        *appeal,
            guint32               previous)
{
  g_autofree char *body = appeals_api_appeals_search_text (appeal);
  g_autofree char *date = appeals_date_format_iso (&appeal->registration_date);
  const char *id = keep (chunk, g_strdup_printf ("%" G_GINT64_FORMAT, appeal->id));

  appeals_store_append_texts (chunk->values[APPEALS_GENERATE_APPEALS], chunk->texts,
                              appeals_appeal_get_record_type (), appeal, appeals_api_appeals_get_columns ());
  add (chunk, APPEALS_GENERATE_APPEALS, id);
  if (previous == 0)
    add (chunk, APPEALS_GENERATE_APPEALS, NULL);
  else
    {
      GDate day;

      g_date_set_julian (&day, previous);
      add (chunk, APPEALS_GENERATE_APPEALS, keep (chunk, appeals_date_format_iso (&day)));
    }
  if (gen->postgresql)
    add (chunk, APPEALS_GENERATE_APPEALS, keep (chunk, g_steal_pointer (&body)));
  else
    {
      add (chunk, APPEALS_GENERATE_SEARCH, id);
      add (chunk, APPEALS_GENERATE_SEARCH, keep (chunk, g_steal_pointer (&body)));
    }
  appeals_content_records_append_terms (chunk->values[APPEALS_GENERATE_TERMS], chunk->texts, appeal->annotation,
                                        appeal->text, (const char *[]) { id, NULL, date, appeal->district,
                                                                         appeal->question_character });
}

/**
 * appeals_generator_build_chunk:
 * @first: how many appeals were made before
 *
 * Makes the next @n appeals, with their new applicants, audit entries,
 * expertise rounds, search index rows and terms.
 */
AppealsGenerateChunk *
appeals_generator_build_chunk (AppealsGenerator *gen,
                               guint             first,
                               guint             n)
{
  const AppealsRecordType *type = appeals_appeal_get_record_type ();
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  AppealsGenerateChunk *chunk = g_new0 (AppealsGenerateChunk, 1);

  chunk->texts = g_string_chunk_new (1024 * 1024);
  for (guint t = 0; t < APPEALS_GENERATE_N_TABLES; t++)
    chunk->values[t] = g_ptr_array_sized_new (n * 8);

  for (guint i = 0; i < n; i++)
    {
      guint new_cards = cards->len;
      guint who = choose_person (gen, cards);
      Person *person = &g_array_index (gen->people, Person, who);
      double u = g_rand_double (gen->rand);
      g_autoptr(AppealsAppeal) registered = register_appeal (gen, first + i + 1, person,
                                                             (guint) (u * u * gen->questions->len));
      g_autoptr(AppealsAppeal) appeal = NULL;
      guint32 previous = person->last_day;
      const char *action;

      /* the appeals are made in the order of their days */
      person->last_day = g_date_get_julian (&registered->registration_date);
      registered->applicant_name = full_name (gen, person);
      registered->applicant_iin = g_strdup (person->iin);
      if (cards->len > new_cards)
        add_applicant (gen, chunk, g_ptr_array_index (cards, cards->len - 1), person, registered);
      add_audit (chunk, &(AuditEntry) { "appeal", registered->id, 1, "create", registered->registrar,
                                        registered->created_at },
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
          add_audit (chunk, &(AuditEntry) { "appeal", appeal->id, 2, action, "controller", appeal->updated_at },
                     type, registered, appeal);
        }
      if (appeal->status == APPEALS_STATUS_CLOSED)
        add_expertise (gen, chunk, appeal);
      add_appeal (gen, chunk, appeal, previous);
    }
  return chunk;
}

void
appeals_generate_chunk_free (AppealsGenerateChunk *chunk)
{
  for (guint t = 0; t < APPEALS_GENERATE_N_TABLES; t++)
    g_ptr_array_unref (chunk->values[t]);
  g_string_chunk_free (chunk->texts);
  g_free (chunk);
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

/* The columns of @columns, then id and those of @more (NULL-terminated,
 * or NULL). */
static char **
record_columns (const char * const *columns,
                const char * const *more)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_addv (builder, (const char **) columns);
  g_strv_builder_add (builder, "id");
  if (more != NULL)
    g_strv_builder_addv (builder, (const char **) more);
  return g_strv_builder_end (builder);
}

/**
 * appeals_generator_init:
 *
 * Readies @gen to make appeals from the demo's names and texts (@demo)
 * and the generator's word lists (@words), both kept by the caller. The
 * caller fills in the IINs taken, the next ids and the checklist.
 */
void
appeals_generator_init (AppealsGenerator             *gen,
                        AppealsServer                *server,
                        const AppealsGenerateOptions *options,
                        gboolean                      postgresql,
                        JsonObject                   *demo,
                        JsonObject                   *words)
{
  static const char * const districts[] = { "applicant_id", "district", NULL };
  static const char * const search[] = { "rowid", "body", NULL };
  static const char * const appeal_more[] = { "applicant_previous_date", "search_body", NULL };
  static const char * const audit[] = { "entity", "entity_id", "version", "action", "actor", "at", "changes", NULL };
  static const char * const expertise[] = {
    "id", "appeal_id", "round", "previous_id", "body", "answer", "criteria", "cross_checks", "score",
    "verdict", "reasons", "rework_due", "overdue", "state", "analyst", "created_at", NULL
  };
  JsonObject *annotations = json_object_get_object_member (demo, "annotations");
  g_autoptr(GList) codes = json_object_get_members (annotations);

  memset (gen, 0, sizeof *gen);
  gen->server = server;
  gen->options = options;
  gen->postgresql = postgresql;
  gen->tables[APPEALS_GENERATE_APPLICANTS] = "applicants";
  gen->columns[APPEALS_GENERATE_APPLICANTS] = record_columns (appeals_api_applicants_get_columns (), NULL);
  gen->tables[APPEALS_GENERATE_DISTRICTS] = "applicant_districts";
  gen->columns[APPEALS_GENERATE_DISTRICTS] = g_strdupv ((GStrv) districts);
  gen->tables[APPEALS_GENERATE_APPEALS] = postgresql ? "appeals_load" : "appeals";
  /* on PostgreSQL the search text too, to compute the vector from */
  gen->columns[APPEALS_GENERATE_APPEALS] = record_columns (appeals_api_appeals_get_columns (), postgresql
                                                           ? appeal_more : (const char * const[]) { appeal_more[0], NULL });
  gen->tables[APPEALS_GENERATE_SEARCH] = "appeals_search";
  gen->columns[APPEALS_GENERATE_SEARCH] = g_strdupv ((GStrv) search);
  gen->tables[APPEALS_GENERATE_AUDIT] = "audit";
  gen->columns[APPEALS_GENERATE_AUDIT] = g_strdupv ((GStrv) audit);
  gen->tables[APPEALS_GENERATE_EXPERTISE] = "expertise";
  gen->columns[APPEALS_GENERATE_EXPERTISE] = g_strdupv ((GStrv) expertise);
  gen->tables[APPEALS_GENERATE_TERMS] = "appeal_terms";
  gen->columns[APPEALS_GENERATE_TERMS] = g_strdupv ((GStrv) appeals_content_records_get_term_columns ());

  gen->rand = g_rand_new_with_seed (options->seed);
  gen->demo = demo;
  gen->words = words;
  gen->districts = appeals_server_get_classifier (server, APPEALS_CLASSIFIER_DISTRICTS);
  gen->questions = g_ptr_array_new ();
  for (const GList *l = codes; l != NULL; l = l->next)
    g_ptr_array_add (gen->questions, l->data);
  gen->people = g_array_new (FALSE, FALSE, sizeof (Person));
  gen->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen->days = g_array_new (FALSE, FALSE, sizeof (GDate));
  gen->cumulative = g_array_new (FALSE, FALSE, sizeof (double));
  gen->due = g_hash_table_new (NULL, NULL);
  gen->numbers = g_hash_table_new (NULL, NULL);
  appeals_server_get_today (&gen->today);
  prepare_days (gen);
}

void
appeals_generator_clear (AppealsGenerator *gen)
{
  for (guint t = 0; t < APPEALS_GENERATE_N_TABLES; t++)
    g_strfreev (gen->columns[t]);
  g_rand_free (gen->rand);
  g_clear_object (&gen->template);
  g_ptr_array_unref (gen->questions);
  g_array_unref (gen->people);
  g_hash_table_unref (gen->taken);
  g_array_unref (gen->days);
  g_array_unref (gen->cumulative);
  g_hash_table_unref (gen->due);
  g_hash_table_unref (gen->numbers);
}
