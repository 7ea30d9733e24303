/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-demo-lifecycle.c: what the lifecycle's actions would have
 * recorded on the demo appeals — forwarding with its outgoing number,
 * answers with their character (so analytics has something to count),
 * extensions, terminations and appeals left without consideration —
 * written directly with the card, without an action per appeal, so a
 * large demo stays fast.
 */
#include "config.h"

#include "appeals-demo-lifecycle.h"

static void
set_string (char       **slot,
            const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

/**
 * appeals_demo_lifecycle_pick_answer_character:
 *
 * Returns: an answer's character, in a department's usual shares
 */
const char *
appeals_demo_lifecycle_pick_answer_character (GRand *rand)
{
  double roll = g_rand_double (rand);

  return roll < 0.35 ? "satisfied" : roll < 0.5 ? "partly-satisfied" : roll < 0.65 ? "refused" : "explained";
}

/**
 * appeals_demo_lifecycle_forward:
 *
 * Records the forwarding of @appeal to its addressee body.
 */
void
appeals_demo_lifecycle_forward (AppealsServer *server,
                                GRand         *rand,
                                AppealsAppeal *appeal)
{
  AppealsDeadlineRules *rules = appeals_server_get_deadlines (server);
  AppealsCalendar *calendar = appeals_server_get_calendar (server);
  g_autofree char *number = g_strdup_printf ("01-%02d/%03d", g_rand_int_range (rand, 10, 40),
                                             g_rand_int_range (rand, 100, 999));
  gboolean partial = g_rand_double (rand) >= 0.9;

  set_string (&appeal->forwarded_to, appeal->addressee_body);
  /* a part forwarded leaves the rest in work: a forwarded appeal went in full */
  set_string (&appeal->forwarding_scope, partial && appeal->status != APPEALS_STATUS_FORWARDED ? "partial" : "full");
  set_string (&appeal->forwarding_number, number);
  appeals_calendar_add_working_days (calendar, &appeal->registration_date, g_rand_int_range (rand, 1, 5),
                                     &appeal->forwarding_date);
  appeals_deadline_rules_compute_forwarding_due (rules, calendar, &appeal->registration_date,
                                                 &appeal->forwarding_due_date);
  appeal->forwarded_late = g_date_compare (&appeal->forwarding_date, &appeal->forwarding_due_date) > 0;
}

/**
 * appeals_demo_lifecycle_decide:
 *
 * Terminates @appeal, or leaves it without consideration.
 */
void
appeals_demo_lifecycle_decide (AppealsServer *server,
                               GRand         *rand,
                               AppealsAppeal *appeal)
{
  gboolean terminate = g_rand_boolean (rand);
  gboolean kk = appeal->language == APPEALS_LANGUAGE_KK;
  GDate decided = appeal->registration_date;

  appeals_calendar_add_working_days (appeals_server_get_calendar (server), &appeal->registration_date, 3, &decided);
  appeal->status = terminate ? APPEALS_STATUS_TERMINATED : APPEALS_STATUS_LEFT_WITHOUT_CONSIDERATION;
  set_string (&appeal->termination_ground, terminate ? "withdrawn" : "repeated-without-new-arguments");
  set_string (&appeal->termination_reason,
              terminate ? (kk ? "Өтініш иесі өтінішін кері қайтарып алды" : "Заявитель отозвал обращение")
                        : (kk ? "Бұрын қаралған мәселе, жаңа дәлелдер жоқ" : "Вопрос рассмотрен ранее, новых доводов нет"));
  set_string (&appeal->notice_kind, terminate ? "termination" : "leave-without-consideration");
  appeals_deadline_rules_compute_notify_by (appeals_server_get_deadlines (server),
                                            appeals_server_get_calendar (server), &decided, &appeal->notice_due_date);
}

/**
 * appeals_demo_lifecycle_prepare:
 * @appeal: a demo card with its status, registration and answer set,
 *   before it is inserted
 *
 * Fills what the actions record, and turns a few appeals in progress
 * into extended, terminated or left without consideration.
 */
void
appeals_demo_lifecycle_prepare (AppealsServer *server,
                                GRand         *rand,
                                AppealsAppeal *appeal)
{
  GDate due;
  double roll = g_rand_double (rand);

  g_date_clear (&due, 1);
  if (!appeals_deadline_rules_compute_due (appeals_server_get_deadlines (server), appeals_server_get_calendar (server),
                                           appeals_enum_to_wire (APPEALS_TYPE_KIND, appeal->kind),
                                           &appeal->registration_date, &due, NULL))
    return;

  if (appeal->status == APPEALS_STATUS_FORWARDED ||
      (appeal->status != APPEALS_STATUS_REGISTERED && roll < 0.4))
    appeals_demo_lifecycle_forward (server, rand, appeal);

  if (appeal->status == APPEALS_STATUS_ANSWERED || appeal->status == APPEALS_STATUS_CLOSED)
    {
      set_string (&appeal->answer_character, appeals_demo_lifecycle_pick_answer_character (rand));
      appeal->answer_late = g_date_compare (&appeal->answered_on, &due) > 0;
    }
  else if (appeal->status == APPEALS_STATUS_IN_PROGRESS && roll > 0.85)
    appeal->status = APPEALS_STATUS_EXTENDED;
  else if (appeal->status == APPEALS_STATUS_IN_PROGRESS && roll > 0.78)
    appeals_demo_lifecycle_decide (server, rand, appeal);
}

/**
 * appeals_demo_lifecycle_extend:
 * @appeal: a card whose first term is computed
 *
 * Moves an extended appeal's term by a month, keeping the first one
 * beside it.
 */
void
appeals_demo_lifecycle_extend (AppealsServer *server,
                               AppealsAppeal *appeal)
{
  gboolean kk = appeal->language == APPEALS_LANGUAGE_KK;
  GDate day;

  appeal->original_due_date = appeal->due_date;
  g_date_add_months (&appeal->due_date, 1);
  appeals_calendar_previous_working_day (appeals_server_get_calendar (server), &appeal->original_due_date, &day);
  appeals_deadline_rules_compute_notify_by (appeals_server_get_deadlines (server),
                                            appeals_server_get_calendar (server), &day, &appeal->notice_due_date);
  appeal->extended_on = day;
  g_free (appeal->extension_reason);
  appeal->extension_reason = g_strdup (kk ? "Қосымша тексеру жүргізу қажет" : "Требуется дополнительная проверка");
  g_free (appeal->notice_kind);
  appeal->notice_kind = g_strdup ("extension");
}

/**
 * appeals_demo_lifecycle_finish:
 *
 * After the insert, which computed the first term: an extended appeal's
 * new term, as appeals_demo_lifecycle_extend() sets it.
 */
gboolean
appeals_demo_lifecycle_finish (AppealsServer  *server,
                               AppealsDb      *db,
                               AppealsAppeal  *appeal,
                               GError        **error)
{
  g_autofree char *original = NULL;
  g_autofree char *due = NULL;
  g_autofree char *extended_on = NULL;
  g_autofree char *notice_due = NULL;

  if (appeal->status != APPEALS_STATUS_EXTENDED)
    return TRUE;

  appeals_demo_lifecycle_extend (server, appeal);
  original = appeals_date_format_iso (&appeal->original_due_date);
  due = appeals_date_format_iso (&appeal->due_date);
  extended_on = appeals_date_format_iso (&appeal->extended_on);
  notice_due = appeals_date_format_iso (&appeal->notice_due_date);

  return appeals_db_exec (db,
                          "UPDATE appeals SET original_due_date = ?, due_date = ?, extended_on = ?, "
                          "extension_reason = ?, notice_kind = 'extension', notice_due_date = ? WHERE id = ?",
                          g_variant_new ("(sssssx)", original, due, extended_on, appeal->extension_reason,
                                         notice_due, appeal->id),
                          error);
}

/**
 * appeals_demo_lifecycle_check_round:
 * @returned: whether the round sends the answer back for rework
 * @criteria: (out): the criteria's answers as JSON text
 * @reasons: (out) (nullable): a returned round's reasons in @language
 *
 * One checked round of an answer: mostly "yes", the odd "partly"; a
 * returned round has two "no" and its reasons.
 *
 * Returns: the round's score
 */
double
appeals_demo_lifecycle_check_round (GRand                    *rand,
                                    AppealsChecklistTemplate *template,
                                    const char               *language,
                                    gboolean                  returned,
                                    char                    **criteria,
                                    char                    **reasons)
{
  guint n = appeals_checklist_template_get_n_criteria (template);
  g_autofree AppealsCriterionAnswer *answers = g_new0 (AppealsCriterionAnswer, n);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      answers[i] = returned && (i == 1 || i == 4) ? APPEALS_CRITERION_ANSWER_NO
                 : g_rand_double (rand) < 0.2 ? APPEALS_CRITERION_ANSWER_PARTLY : APPEALS_CRITERION_ANSWER_YES;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, appeals_checklist_template_get_criterion (template, i)->code);
      json_builder_set_member_name (builder, "answer");
      json_builder_add_string_value (builder, appeals_criterion_answer_to_string (answers[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  *criteria = json_to_string (root, FALSE);
  *reasons = returned ? appeals_checklist_template_dup_reasons (template, answers, language) : NULL;
  return appeals_checklist_template_score (template, answers);
}
