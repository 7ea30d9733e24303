/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-demo.c: realistic demo data — the department's users, applicants
 * with valid IINs, and a few hundred appeals in Kazakh and Russian spread
 * over the last months, some answered, some in progress, some overdue.
 * The generator is seeded, so every demo database is the same.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "appeals-appeal-records.h"
#include "appeals-applicant-records.h"
#include "appeals-reception-records.h"
#include "appeals-auth.h"
#include "appeals-demo.h"
#include "appeals-demo-lifecycle.h"

#define DEMO_SEED 20261125
#define DEMO_PASSWORD APPEALS_DEMO_PASSWORD

typedef struct
{
  AppealsServer *server;
  JsonObject    *demo;
  GRand         *rand;
  guint          n_appeals;
  GPtrArray     *applicants;   /* AppealsApplicant */
  GPtrArray     *languages;    /* "kk"/"ru" per applicant, static strings */
  GPtrArray     *districts;    /* district code per applicant, borrowed */
} Seed;

static const char *
pick (GRand     *rand,
      JsonArray *array)
{
  return json_array_get_string_element (array, g_rand_int_range (rand, 0, json_array_get_length (array)));
}

static JsonObject *
object_at (JsonObject *object,
           const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);

  for (guint i = 0; parts[i] != NULL && object != NULL; i++)
    object = json_object_get_object_member (object, parts[i]);
  return object;
}

static char *
make_iin (GRand      *rand,
          GDate      *birth,
          AppealsSex  sex)
{
  guint year = g_date_get_year (birth);
  int century = (year >= 2000 ? 5 : 3) + (sex == APPEALS_SEX_FEMALE ? 1 : 0);

  for (;;)
    {
      g_autofree char *eleven = g_strdup_printf ("%02u%02u%02u%d%04d", year % 100, g_date_get_month (birth),
                                                 g_date_get_day (birth), century,
                                                 g_rand_int_range (rand, 0, 10000));

      for (char digit = '0'; digit <= '9'; digit++)
        {
          g_autofree char *iin = g_strdup_printf ("%s%c", eleven, digit);

          if (appeals_iin_checksum_ok (iin))
            return g_steal_pointer (&iin);
        }
    }
}

static gboolean
seed_applicants (Seed     *seed,
                 AppealsDb *db,
                 GError  **error)
{
  AppealsClassifier *districts = appeals_server_get_classifier (seed->server, APPEALS_CLASSIFIER_DISTRICTS);
  AppealsClassifier *statuses = appeals_server_get_classifier (seed->server, APPEALS_CLASSIFIER_SOCIAL_STATUSES);
  guint n_applicants = MAX (10, seed->n_appeals / 2);

  for (guint i = 0; i < n_applicants; i++)
    {
      g_autoptr(AppealsApplicant) applicant = appeals_applicant_new ();
      gboolean kazakh = g_rand_double (seed->rand) < 0.6;
      gboolean female = g_rand_boolean (seed->rand);
      g_autofree char *path = g_strdup_printf ("%s/%s", kazakh ? "kazakh" : "russian", female ? "female" : "male");
      JsonObject *names = object_at (seed->demo, path);
      const AppealsClassifierItem *district;
      const char *language = kazakh ? "kk" : "ru";
      JsonArray *streets = json_object_get_array_member (json_object_get_object_member (seed->demo, "streets"),
                                                         language);
      GDate birth;
      g_autoptr(GPtrArray) errors = appeals_field_errors_new ();

      /* most appeals come from the regional centre and Rudny */
      if (g_rand_double (seed->rand) < 0.5)
        district = appeals_classifier_lookup (districts, g_rand_boolean (seed->rand) ? "kostanay-city" : "rudny-city");
      else
        district = appeals_classifier_get_item (districts,
                                                g_rand_int_range (seed->rand, 0, appeals_classifier_get_n_items (districts)));

      g_date_clear (&birth, 1);
      g_date_set_dmy (&birth, g_rand_int_range (seed->rand, 1, 29), g_rand_int_range (seed->rand, 1, 13),
                      g_rand_int_range (seed->rand, 1945, 2006));

      applicant->iin = make_iin (seed->rand, &birth, female ? APPEALS_SEX_FEMALE : APPEALS_SEX_MALE);
      applicant->surname = g_strdup (pick (seed->rand, json_object_get_array_member (names, "surname")));
      applicant->given_name = g_strdup (pick (seed->rand, json_object_get_array_member (names, "given")));
      applicant->patronymic = g_strdup (pick (seed->rand, json_object_get_array_member (names, "patronymic")));
      applicant->social_status = g_strdup (appeals_classifier_get_item (statuses,
                                             g_rand_int_range (seed->rand, 0, appeals_classifier_get_n_items (statuses)))->code);
      applicant->address = kazakh
        ? g_strdup_printf ("%s, %s, %d", district->name.kk, pick (seed->rand, streets), g_rand_int_range (seed->rand, 1, 180))
        : g_strdup_printf ("%s, %s, %d", district->name.ru, pick (seed->rand, streets), g_rand_int_range (seed->rand, 1, 180));
      applicant->phone = g_strdup_printf ("+7705%07d", g_rand_int_range (seed->rand, 0, 10000000));

      if (!appeals_applicant_validate (applicant, errors))
        {
          g_set_error (error, APPEALS_ERROR, APPEALS_ERROR_FAILED, "demo applicant %s is invalid: %s",
                       applicant->iin, ((AppealsFieldError *) errors->pdata[0])->field);
          return FALSE;
        }

      if (!appeals_api_applicants_insert (db, applicant, "admin", error))
        return FALSE;

      g_ptr_array_add (seed->applicants, g_steal_pointer (&applicant));
      g_ptr_array_add (seed->languages, (gpointer) language);
      g_ptr_array_add (seed->districts, district->code);
    }

  return TRUE;
}

/* The body an appeal on @question goes to, besides the local akimat. */
const char *
appeals_demo_body_for_question (const char *question)
{
  static const struct { const char *question; const char *body; } map[] = {
    { "education", "education" }, { "healthcare", "health" }, { "land", "land" },
    { "housing", "housing-utilities" }, { "utilities", "housing-utilities" },
    { "gas-water-heat", "housing-utilities" }, { "improvement", "housing-utilities" },
    { "roads-transport", "roads" }, { "agriculture", "agriculture" },
    { "social-support", "employment" }, { "pensions-benefits", "employment" },
    { "employment", "employment" }, { "labour-relations", "employment" },
    { "ecology", "natural-resources" }, { "law-enforcement", "police" },
    { "courts", "regional-court" }, { "civil-servants", "regional-akimat" },
    { "public-services", "regional-akimat" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i].question, question))
      return map[i].body;
  return "regional-akimat";
}

/**
 * appeals_demo_classify:
 * @roll: a draw of @rand already made, for the channel
 *
 * Fills what a registrar chooses for an appeal on @question from
 * @district: channel, form, kind, category, addressee, language, control.
 */
void
appeals_demo_classify (GRand         *rand,
                       double         roll,
                       AppealsAppeal *appeal,
                       const char    *question,
                       const char    *district,
                       gboolean       kazakh)
{
  appeal->channel = 1 + (roll < 0.35 ? 0 : roll < 0.5 ? 1 : roll < 0.85 ? 2 : 3);
  appeal->form = g_rand_double (rand) < 0.7 ? APPEALS_FORM_ELECTRONIC : APPEALS_FORM_PAPER_AND_ELECTRONIC;
  roll = g_rand_double (rand);
  appeal->kind = roll < 0.65 ? APPEALS_KIND_APPLICATION : roll < 0.85 ? APPEALS_KIND_COMPLAINT
                             : 1 + g_rand_int_range (rand, 1, 5);
  if (appeal->kind == APPEALS_KIND_COMPLAINT)
    {
      appeal->category = APPEALS_CATEGORY_COMPLAINT;
      appeal->complaint_subject = g_rand_int_range (rand, 1, 6);
    }
  else
    appeal->category = g_rand_double (rand) < 0.15 ? APPEALS_CATEGORY_STRATEGIC : APPEALS_CATEGORY_TYPICAL;
  appeal->question_character = g_strdup (question);
  appeal->addressee_body = g_rand_double (rand) < 0.6 ? g_strdup_printf ("akimat-%s", district)
                                                        : g_strdup (appeals_demo_body_for_question (question));
  appeal->district = g_strdup (district);
  appeal->language = kazakh ? APPEALS_LANGUAGE_KK : APPEALS_LANGUAGE_RU;
  appeal->control = g_rand_double (rand) < 0.2;
}

/* Who registers the appeals of @district. */
const char *
appeals_demo_registrar_for (const char *district)
{
  if (g_str_equal (district, "kostanay-city"))
    return "registrar";
  if (g_str_equal (district, "rudny-city"))
    return "registrar2";
  return "controller";
}

typedef struct
{
  Seed      *seed;
  AppealsDb *db;
} SeedTransaction;

static int
compare_ages_descending (gconstpointer a,
                         gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

static gboolean
attach_text (AppealsDb  *db,
             gint64      reception_id,
             const char *kind,
             const char *file_name,
             const char *text,
             GError    **error)
{
  g_autoptr(GBytes) content = g_bytes_new (text, strlen (text));
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  g_autofree char *now = appeals_server_now_iso ();

  return appeals_db_put_blob (db, sha256, content, error) &&
         appeals_db_exec (db,
                          "INSERT INTO attachments (reception_id, kind, file_name, content_type, size, sha256, "
                          "created_by, created_at) VALUES (?, ?, ?, 'text/plain', ?, ?, 'registrar', ?)",
                          g_variant_new ("(xssxss)", reception_id, kind, file_name, (gint64) strlen (text), sha256, now),
                          error);
}

/* Receptions around today: the past ones held, the coming ones being
 * prepared, those of the next days with (some of) their materials. */
static gboolean
seed_receptions (Seed       *seed,
                 AppealsDb  *db,
                 GError    **error)
{
  static const char *priorities[] = { "war_veteran", "combat_veteran", "disability", "pregnant" };
  AppealsCalendar *calendar = appeals_server_get_calendar (seed->server);
  JsonObject *annotations = json_object_get_object_member (seed->demo, "annotations");
  g_autoptr(GList) questions = json_object_get_members (annotations);
  g_autoptr(AppealsDbResult) slots = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *registered_text = NULL;
  GDate today, day, review_until;

  slots = appeals_db_query (db, "SELECT official_id, weekday, start_time, place, video FROM official_schedules "
                                "ORDER BY official_id, weekday", NULL, error);
  if (slots == NULL)
    return FALSE;

  appeals_server_get_today (&today);
  today_text = appeals_date_format_iso (&today);
  appeals_calendar_add_working_days (calendar, &today, 3, &review_until);
  day = today;
  g_date_subtract_days (&day, 14);
  for (int d = 0; d < 35; d++, g_date_add_days (&day, 1))
    {
      if (!appeals_calendar_covers (calendar, &day) || !appeals_calendar_is_working_day (calendar, &day))
        continue;

      for (guint s = 0; s < appeals_db_result_get_n_rows (slots); s++)
        {
          guint n_visitors = g_rand_int_range (seed->rand, 1, 4);
          gboolean past = g_date_compare (&day, &today) < 0;
          GDate registered;

          if (appeals_db_result_get_int64 (slots, s, "weekday") != g_date_get_weekday (&day))
            continue;
          appeals_calendar_add_working_days (calendar, &day, -8, &registered);
          g_free (registered_text);
          registered_text = appeals_date_format_iso (&registered);

          for (guint v = 0; v < n_visitors; v++)
            {
              g_autoptr(AppealsReception) reception = appeals_reception_new ();
              guint who = g_rand_int_range (seed->rand, 0, seed->applicants->len);
              AppealsApplicant *applicant = g_ptr_array_index (seed->applicants, who);
              const char *language = g_ptr_array_index (seed->languages, who);
              const char *question = g_list_nth_data (questions, g_rand_int_range (seed->rand, 0, g_list_length (questions)));
              int start_hour = 0, start_minute = 0;
              gint64 id;

              sscanf (appeals_db_result_get_string (slots, s, "start_time"), "%d:%d", &start_hour, &start_minute);
              start_minute += 20 * v;
              reception->official_id = appeals_db_result_get_int64 (slots, s, "official_id");
              reception->date = day;
              reception->start_time = g_strdup_printf ("%02d:%02d", start_hour + start_minute / 60, start_minute % 60);
              reception->applicant_id = applicant->id;
              reception->question = g_strdup (pick (seed->rand, json_object_get_array_member (
                                                      json_object_get_object_member (annotations, question), language)));
              if (g_rand_double (seed->rand) < 0.35)
                reception->priority = g_strdup (priorities[g_rand_int_range (seed->rand, 0, G_N_ELEMENTS (priorities))]);
              if (appeals_db_result_get_boolean (slots, s, "video"))
                reception->video_link = g_strdup_printf ("https://vks.kostanay.gov.kz/priem/%04u%02u%02u-%u",
                                                         g_date_get_year (&day), g_date_get_month (&day),
                                                         g_date_get_day (&day), v + 1);
              else if (!appeals_db_result_is_null (slots, s, "place"))
                reception->place = g_strdup (appeals_db_result_get_string (slots, s, "place"));

              id = appeals_api_receptions_insert (seed->server, db, reception, &registered, "registrar", NULL, error);
              if (id == 0)
                return FALSE;

              /* the steps whose terms have passed are done, mostly */
              if (!appeals_db_exec (db, past
                                        ? "UPDATE reception_steps SET done = 1, done_by = 'registrar', done_at = due "
                                          "WHERE reception_id = ? AND code NOT IN ('protocol_control', 'archive') "
                                          "AND due < ?"
                                        : "UPDATE reception_steps SET done = 1, done_by = 'registrar', done_at = due "
                                          "WHERE reception_id = ? AND due < ?",
                                    g_variant_new ("(xs)", id,
                                                   /* a few are behind: their late steps show as overdue */
                                                   g_rand_double (seed->rand) < 0.75 ? today_text : registered_text),
                                    error))
                return FALSE;
              if (past && !appeals_db_exec (db, "UPDATE receptions SET status = 'held' WHERE id = ?",
                                            g_variant_new ("(x)", id), error))
                return FALSE;

              /* the materials of the coming days, some still missing */
              if (!past && g_date_compare (&day, &review_until) <= 0)
                {
                  g_autofree char *name = appeals_applicant_dup_full_name (applicant);
                  g_autofree char *note = g_strdup_printf (g_str_equal (language, "kk")
                                                           ? "АНЫҚТАМА\n\nӨтініш беруші: %s\nМәселесі: %s\n\n"
                                                             "Бұрынғы өтініштері қаралды, құзыретті орган анықталды. "
                                                             "Қабылдауға жазу ұсынылады.\n"
                                                           : "СПРАВКА\n\nЗаявитель: %s\nВопрос: %s\n\n"
                                                             "Прежние обращения изучены, компетентный орган определён. "
                                                             "Предлагается записать на приём.\n",
                                                           name, reception->question);

                  if (!attach_text (db, id, "reference_note", g_str_equal (language, "kk") ? "анықтама.txt" : "справка.txt",
                                    note, error))
                    return FALSE;
                  if (v % 2 == 0 &&
                      !attach_text (db, id, "body_position", "позиция-органа.txt",
                                    "Позиция органа: вопрос изучен, заявителю будет дан исчерпывающий ответ на приёме.\n"
                                    "Органның ұстанымы: мәселе зерделенді, өтініш берушіге қабылдауда толық жауап беріледі.\n",
                                    error))
                    return FALSE;
                  if (v == 0 &&
                      !attach_text (db, id, "applicant_document", "өтініш.txt", reception->question, error))
                    return FALSE;
                }
            }
        }
    }

  return TRUE;
}

/* One checked round of a closed appeal's answer. */
static gboolean
insert_round (GRand                    *rand,
              AppealsDb                *db,
              AppealsChecklistTemplate *template,
              AppealsAppeal            *appeal,
              guint                     round,
              gint64                    previous_id,
              gboolean                  returned,
              gint64                   *id,
              GError                  **error)
{
  g_autofree char *criteria_text = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *when = NULL;
  g_autoptr(AppealsDbResult) created = NULL;
  const char *language = appeal->language == APPEALS_LANGUAGE_KK ? "kk" : "ru";
  GDate day = appeal->answered_on;
  double score = appeals_demo_lifecycle_check_round (rand, template, language, returned, &criteria_text, &reasons);

  g_date_add_days (&day, round);
  when = g_strdup_printf ("%04d-%02d-%02dT10:00:00Z", g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day));
  if (!appeals_db_exec (db,
                        "INSERT INTO expertise (appeal_id, round, previous_id, body, answer, criteria, cross_checks, "
                        "score, verdict, reasons, rework_due, overdue, state, analyst, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, NULL, ?, 'final', 'analyst', ?)",
                        g_variant_new ("(xxmxsssdsmsxs)", appeal->id, (gint64) round,
                                       (gboolean) (previous_id > 0), previous_id, appeal->addressee_body,
                                       appeal->answer, criteria_text, score,
                                       returned ? "returned" : "accepted", reasons,
                                       (gint64) (g_date_compare (&appeal->answered_on, &appeal->due_date) > 0), when),
                        error))
    return FALSE;

  created = appeals_db_query (db, "SELECT id FROM expertise WHERE appeal_id = ? AND round = ?",
                              g_variant_new ("(xx)", appeal->id, (gint64) round), error);
  if (created == NULL)
    return FALSE;
  *id = appeals_db_result_get_int64 (created, 0, "id");
  return TRUE;
}

/* Closed appeals were checked: most accepted at once, some after rework,
 * so that the answer quality per body has something to rank. */
static gboolean
seed_expertise (AppealsDb                *db,
                AppealsChecklistTemplate *template,
                AppealsAppeal            *appeal,
                GError                  **error)
{
  /* a generator of its own: the rest of the demo stays as it was */
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) appeal->id);
  gint64 first = 0, second = 0;

  if (g_rand_double (rand) < 0.3)
    return insert_round (rand, db, template, appeal, 1, 0, TRUE, &first, error) &&
           insert_round (rand, db, template, appeal, 2, first, FALSE, &second, error);
  return insert_round (rand, db, template, appeal, 1, 0, FALSE, &first, error);
}

static gboolean
seed_appeals (AppealsDb  *db,
              gpointer    user_data,
              GError    **error)
{
  Seed *seed = ((SeedTransaction *) user_data)->seed;
  AppealsCalendar *calendar = appeals_server_get_calendar (seed->server);
  JsonObject *annotations = json_object_get_object_member (seed->demo, "annotations");
  g_autoptr(GList) questions = json_object_get_members (annotations);
  JsonArray *executors = json_object_get_array_member (seed->demo, "executors");
  JsonObject *answers = json_object_get_object_member (seed->demo, "answers");
  g_autoptr(GArray) ages = NULL;
  g_autoptr(AppealsChecklistTemplate) template = appeals_checklist_template_new_default (error);
  GDate today;

  if (template == NULL)
    return FALSE;
  g_ptr_array_set_size (seed->applicants, 0);
  g_ptr_array_set_size (seed->languages, 0);
  g_ptr_array_set_size (seed->districts, 0);
  if (!seed_applicants (seed, db, error))
    return FALSE;

  appeals_server_get_today (&today);

  /* registered oldest first, so numbers grow with dates */
  ages = g_array_sized_new (FALSE, FALSE, sizeof (int), seed->n_appeals);
  for (guint i = 0; i < seed->n_appeals; i++)
    {
      int age = g_rand_int_range (seed->rand, 0, 150);
      g_array_append_val (ages, age);
    }
  g_array_sort (ages, compare_ages_descending);

  for (guint i = 0; i < seed->n_appeals; i++)
    {
      g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();
      guint who = g_rand_int_range (seed->rand, 0, seed->applicants->len);
      AppealsApplicant *applicant = g_ptr_array_index (seed->applicants, who);
      const char *language = g_ptr_array_index (seed->languages, who);
      const char *district = g_ptr_array_index (seed->districts, who);
      const char *question = g_list_nth_data (questions, g_rand_int_range (seed->rand, 0, g_list_length (questions)));
      JsonObject *templates = json_object_get_object_member (annotations, question);
      double roll = g_rand_double (seed->rand);
      int age;
      GDate registered = today;
      g_autoptr(GDateTime) created = NULL;

      age = g_array_index (ages, int, i);
      g_date_subtract_days (&registered, age);
      if (!appeals_calendar_is_working_day (calendar, &registered))
        appeals_calendar_previous_working_day (calendar, &registered, &registered);
      age = g_date_days_between (&registered, &today);

      appeal->applicant_id = applicant->id;
      appeal->applicant_name = appeals_applicant_dup_full_name (applicant);
      appeal->applicant_iin = g_strdup (applicant->iin);
      appeal->registration_date = registered;
      appeals_demo_classify (seed->rand, roll, appeal, question, district, g_str_equal (language, "kk"));
      appeal->annotation = g_strdup (pick (seed->rand, json_object_get_array_member (templates, language)));
      appeal->text = g_strdup_printf (g_str_equal (language, "kk") ? "%s. Мәселені қарап, көмек көрсетуіңізді сұраймын."
                                                                   : "%s. Прошу рассмотреть вопрос и оказать содействие.",
                                      appeal->annotation);

      roll = g_rand_double (seed->rand);
      if (age > 30 && roll < 0.85)
        {
          appeal->status = roll < 0.6 ? APPEALS_STATUS_ANSWERED : APPEALS_STATUS_CLOSED;
          appeal->answer = g_strdup (json_object_get_string_member (answers, language));
          appeals_calendar_add_working_days (calendar, &registered, g_rand_int_range (seed->rand, 5, 15),
                                             &appeal->answered_on);
        }
      else
        appeal->status = age < 2 ? APPEALS_STATUS_REGISTERED
                                 : g_rand_double (seed->rand) < 0.8 ? APPEALS_STATUS_IN_PROGRESS
                                                                    : APPEALS_STATUS_FORWARDED;
      if (appeal->status != APPEALS_STATUS_REGISTERED)
        appeal->executor = g_strdup (pick (seed->rand, executors));

      created = g_date_time_new_utc (g_date_get_year (&registered), g_date_get_month (&registered),
                                     g_date_get_day (&registered), 4 + g_rand_int_range (seed->rand, 0, 8),
                                     g_rand_int_range (seed->rand, 0, 60), 0);
      appeal->created_at = g_date_time_ref (created);

      appeals_demo_lifecycle_prepare (seed->server, seed->rand, appeal);
      if (!appeals_api_appeals_insert (seed->server, db, appeal, appeals_demo_registrar_for (district), error) ||
          !appeals_demo_lifecycle_finish (seed->server, db, appeal, error))
        return FALSE;
      if (appeal->status == APPEALS_STATUS_CLOSED && !seed_expertise (db, template, appeal, error))
        return FALSE;
    }

  return seed_receptions (seed, db, error);
}

static gboolean
seed_officials (AppealsDb  *db,
                JsonArray  *officials,
                GError    **error)
{
  for (guint i = 0; i < json_array_get_length (officials); i++)
    {
      JsonObject *official = json_array_get_object_element (officials, i);
      JsonObject *name = json_object_get_object_member (official, "full_name");
      JsonObject *position = json_object_get_object_member (official, "position");
      JsonArray *schedule = json_object_get_array_member (official, "schedule");
      g_autoptr(AppealsDbResult) created = NULL;
      gint64 id;

      if (!appeals_db_exec (db, "INSERT INTO officials (full_name_kk, full_name_ru, position_kk, position_ru, active) "
                                "VALUES (?, ?, ?, ?, 1)",
                            g_variant_new ("(ssss)", json_object_get_string_member (name, "kk"),
                                           json_object_get_string_member (name, "ru"),
                                           json_object_get_string_member (position, "kk"),
                                           json_object_get_string_member (position, "ru")),
                            error) ||
          (created = appeals_db_query (db, "SELECT MAX(id) AS id FROM officials", NULL, error)) == NULL)
        return FALSE;
      id = appeals_db_result_get_int64 (created, 0, "id");

      for (guint j = 0; j < json_array_get_length (schedule); j++)
        {
          JsonObject *slot = json_array_get_object_element (schedule, j);
          const char *place = json_object_get_string_member_with_default (slot, "place", NULL);

          /* the poster's texts in each language; the place where none is given */
          if (!appeals_db_exec (db, "INSERT INTO official_schedules (official_id, weekday, start_time, end_time, place, "
                                    "place_kk, place_ru, video) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                g_variant_new ("(xxssmsmsmsx)", id, json_object_get_int_member (slot, "weekday"),
                                               json_object_get_string_member (slot, "start"),
                                               json_object_get_string_member (slot, "end"), place,
                                               json_object_get_string_member_with_default (slot, "place_kk", place),
                                               json_object_get_string_member_with_default (slot, "place_ru", place),
                                               (gint64) json_object_get_boolean_member_with_default (slot, "video", FALSE)),
                                error))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * appeals_demo_seed:
 *
 * Fills an empty database; a database that has users already is left as
 * it is.
 */
gboolean
appeals_demo_seed (AppealsServer  *server,
                   AppealsDb      *db,
                   guint           n_appeals,
                   GError        **error)
{
  g_autoptr(AppealsDbResult) users = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = NULL;
  JsonArray *demo_users;
  Seed seed = { 0, };
  SeedTransaction transaction;
  gboolean ok;

  users = appeals_db_query (db, "SELECT COUNT(*) AS n FROM users", NULL, error);
  if (users == NULL)
    return FALSE;
  if (appeals_db_result_get_int64 (users, 0, "n") > 0)
    return TRUE;

  path = appeals_data_find_file ("demo/demo.json", error);
  if (path == NULL || (root = appeals_json_load_file (path, error)) == NULL)
    return FALSE;

  seed.server = server;
  seed.demo = json_node_get_object (root);
  seed.n_appeals = n_appeals;

  demo_users = json_object_get_array_member (seed.demo, "users");
  for (guint i = 0; i < json_array_get_length (demo_users); i++)
    {
      JsonObject *user = json_array_get_object_element (demo_users, i);

      if (appeals_auth_create_user (db, json_object_get_string_member (user, "login"),
                                    json_object_get_string_member (user, "full_name"),
                                    appeals_role_from_string (json_object_get_string_member (user, "role")),
                                    json_object_get_string_member_with_default (user, "district", NULL),
                                    json_object_get_boolean_member_with_default (user, "region_wide", FALSE),
                                    DEMO_PASSWORD, error) == 0)
        return FALSE;
    }

  if (!seed_officials (db, json_object_get_array_member (seed.demo, "officials"), error))
    return FALSE;

  seed.rand = g_rand_new_with_seed (DEMO_SEED);
  seed.applicants = g_ptr_array_new_with_free_func (g_object_unref);
  seed.languages = g_ptr_array_new ();
  seed.districts = g_ptr_array_new ();
  transaction.seed = &seed;
  transaction.db = db;

  ok = appeals_db_run_transaction (db, seed_appeals, &transaction, error);

  g_rand_free (seed.rand);
  g_ptr_array_unref (seed.applicants);
  g_ptr_array_unref (seed.languages);
  g_ptr_array_unref (seed.districts);

  if (ok)
    g_message (_("Demo data: %u appeals; users registrar, registrar2, controller, head, leadership, analyst, admin with password “%s”"),
               n_appeals, DEMO_PASSWORD);
  return ok;
}
