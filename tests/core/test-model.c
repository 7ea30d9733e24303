/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-model.c: the shared domain model — JSON round trips, validation of
 * input with stable field-error codes, merge patches, immutable fields,
 * differences for the audit trail, classifiers and the checklist template.
 */
#include "config.h"

#include "core-test-util.h"

static const char *full_appeal =
  "{\"id\":42,\"version\":3,\"registration_number\":\"ЖТ-2026/000042\",\"registration_date\":\"2026-11-24\","
  "\"applicant_id\":7,\"applicant_name\":\"Сейтқали Әлия Бекқызы\",\"applicant_iin\":\"061211600012\","
  "\"channel\":\"virtual_reception\",\"form\":\"paper_and_electronic\",\"kind\":\"complaint\","
  "\"addressee_body\":\"akimat-kostanay-city\",\"question_character\":\"housing\",\"category\":\"complaint\","
  "\"complaint_subject\":\"local_executive_officials\",\"language\":\"kk\",\"district\":\"kostanay-city\","
  "\"repeat\":true,\"control\":true,\"annotation\":\"Тұрғын үй кезегі туралы\",\"text\":null,"
  "\"executor\":\"Иванов И.И.\",\"due_date\":\"2026-12-22\",\"status\":\"in_progress\",\"answer\":null,"
  "\"answered_on\":null,\"registrar\":\"registrar\",\"created_at\":\"2026-11-24T09:15:00Z\","
  "\"updated_at\":\"2026-11-24T10:00:00.5+05:00\"}";

static void
test_appeal_round_trip (void)
{
  g_autoptr(JsonNode) node = core_test_parse_json (full_appeal);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsAppeal) appeal = appeals_appeal_new_from_json (node, &error);
  g_autoptr(AppealsAppeal) again = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(GPtrArray) changed = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (appeal->id, ==, 42);
  g_assert_cmpint (appeal->channel, ==, APPEALS_CHANNEL_VIRTUAL_RECEPTION);
  g_assert_cmpint (appeal->complaint_subject, ==, APPEALS_COMPLAINT_SUBJECT_LOCAL_EXECUTIVE_OFFICIALS);
  g_assert_cmpint (appeal->language, ==, APPEALS_LANGUAGE_KK);
  g_assert_true (appeal->repeat);
  g_assert_null (appeal->text);
  g_assert_cmpuint (g_date_get_day (&appeal->due_date), ==, 22);
  g_assert_nonnull (appeal->updated_at);

  written = appeals_appeal_to_json (appeal);
  again = appeals_appeal_new_from_json (written, &error);
  g_assert_no_error (error);
  changed = appeals_record_diff (appeals_appeal_get_record_type (), appeal, again);
  g_assert_cmpuint (changed->len, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (written), "form"),
                   ==, "paper_and_electronic");
  g_assert_true (json_object_get_null_member (json_node_get_object (written), "answer"));
}

/* An appeal emptied for the next row of a page is a new one: the same
 * fields, the same text, nothing left of the row before. */
static void
test_appeal_reset (void)
{
  g_autoptr(JsonNode) node = core_test_parse_json (full_appeal);
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsAppeal) appeal = appeals_appeal_new_from_json (node, &error);
  g_autoptr(AppealsAppeal) fresh = appeals_appeal_new ();
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GString) reset_text = g_string_new (NULL);
  g_autoptr(GString) fresh_text = g_string_new (NULL);
  const char *actions[] = { "answer", "extend", NULL };

  g_assert_no_error (error);
  appeal->allowed_actions = g_strdupv ((char **) actions);
  appeal->notices = g_ptr_array_new_with_free_func ((GDestroyNotify) appeals_notice_free);
  g_ptr_array_add (appeal->notices, g_new0 (AppealsNotice, 1));
  appeal->due_state = APPEALS_DUE_STATE_OVERDUE;
  appeal->working_days_overdue = 3;

  appeals_appeal_reset (appeal);
  changed = appeals_record_diff (appeals_appeal_get_record_type (), appeal, fresh);
  g_assert_cmpuint (changed->len, ==, 0);
  g_assert_null (appeal->allowed_actions);
  g_assert_null (appeal->notices);
  g_assert_false (g_date_valid (&appeal->registration_date));
  appeals_appeal_append_json (appeal, reset_text);
  appeals_appeal_append_json (fresh, fresh_text);
  g_assert_cmpstr (reset_text->str, ==, fresh_text->str);
}

static const char *valid_new_appeal =
  "\"applicant_id\":7,\"channel\":\"by_hand\",\"form\":\"electronic\",\"kind\":\"application\","
  "\"addressee_body\":\"education\",\"question_character\":\"education\",\"category\":\"typical\","
  "\"language\":\"ru\",\"district\":\"rudny-city\",\"annotation\":\"О месте в детском саду\"";

static const struct {
  const char *name;
  const char *members;       /* added to a valid new appeal, or replacing it when starting with '!' */
  const char *field;         /* NULL: valid */
  const char *code;
  const char *detail;
} create_cases[] = {
  { "valid", "", NULL, NULL, NULL },
  { "read-only members are ignored", ",\"id\":99,\"repeat\":true,\"due_date\":\"2020-01-01\"", NULL, NULL, NULL },
  { "unknown member", ",\"colour\":\"red\"", "colour", APPEALS_FIELD_UNKNOWN, NULL },
  { "wrong type", ",\"annotation\":true", "annotation", APPEALS_FIELD_WRONG_TYPE, NULL },
  { "number as text", ",\"executor\":12", "executor", APPEALS_FIELD_WRONG_TYPE, NULL },
  { "object for a string", ",\"text\":{\"a\":1}", "text", APPEALS_FIELD_WRONG_TYPE, NULL },
  { "unknown channel", ",\"channel\":\"fax\"", "channel", APPEALS_FIELD_INVALID_VALUE,
    "by_hand,kazpost,egov,virtual_reception" },
  /* the lifecycle's members change through actions only */
  { "lifecycle members are read-only", ",\"status\":\"closed\",\"control\":\"yes\",\"answered_on\":\"2026-02-30\"",
    NULL, NULL, NULL },
  { "required missing", "!{\"applicant_id\":7}", "channel", APPEALS_FIELD_REQUIRED, NULL },
  { "required blank", ",\"annotation\":\"   \"", "annotation", APPEALS_FIELD_REQUIRED, NULL },
  { "complaint without subject", ",\"category\":\"complaint\"", "complaint_subject", APPEALS_FIELD_REQUIRED, NULL },
  { "subject without complaint", ",\"complaint_subject\":\"judges\"", "complaint_subject",
    APPEALS_FIELD_INVALID_VALUE, "category=complaint" },
};

static void
test_appeal_create_validation (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (create_cases); i++)
    {
      g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();
      g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) node = NULL;
      const AppealsFieldError *found;
      gboolean valid;

      g_test_message ("%s", create_cases[i].name);
      if (create_cases[i].members[0] == '!')
        text = g_strdup (create_cases[i].members + 1);
      else
        text = g_strdup_printf ("{%s%s}", valid_new_appeal, create_cases[i].members);
      node = core_test_parse_json (text);

      valid = appeals_record_read_members (appeals_appeal_get_record_type (), appeal,
                                           json_node_get_object (node), APPEALS_RECORD_CREATE, errors);
      valid = appeals_appeal_validate (appeal, errors) && valid;

      if (create_cases[i].field == NULL)
        {
          g_assert_true (valid);
          g_assert_cmpuint (errors->len, ==, 0);
          g_assert_cmpint (appeal->id, ==, 0);
          g_assert_false (appeal->repeat);
          continue;
        }

      g_assert_false (valid);
      found = appeals_field_errors_find (errors, create_cases[i].field);
      g_assert_nonnull (found);
      g_assert_cmpstr (found->code, ==, create_cases[i].code);
      g_assert_cmpstr (found->detail, ==, create_cases[i].detail);
      /* the valid members are kept: nothing typed is lost */
      if (create_cases[i].members[0] != '!')
        g_assert_cmpstr (appeal->annotation != NULL ? "kept" : "lost", ==,
                         g_str_equal (create_cases[i].field, "annotation") ? "lost" : "kept");
    }
}

static void
test_appeal_too_long (void)
{
  g_autoptr(AppealsAppeal) appeal = appeals_appeal_new ();
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  const AppealsFieldError *found;

  /* 2001 two-byte letters: the limit counts characters, not bytes */
  for (guint i = 0; i < 2001; i++)
    g_string_append (long_text, "ә");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "annotation");
  json_builder_add_string_value (builder, long_text->str);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  g_assert_false (appeals_record_read_members (appeals_appeal_get_record_type (), appeal,
                                               json_node_get_object (node), APPEALS_RECORD_UPDATE, errors));
  found = appeals_field_errors_find (errors, "annotation");
  g_assert_cmpstr (found->code, ==, APPEALS_FIELD_TOO_LONG);
  g_assert_cmpstr (found->detail, ==, "2000");

  g_string_truncate (long_text, 2000 * 2);
  g_ptr_array_set_size (errors, 0);
  json_object_set_string_member (json_node_get_object (node), "annotation", long_text->str);
  g_assert_true (appeals_record_read_members (appeals_appeal_get_record_type (), appeal,
                                              json_node_get_object (node), APPEALS_RECORD_UPDATE, errors));
}

static const struct {
  const char *name;
  const char *patch;
  const char *field;   /* NULL: applies */
  const char *code;
} update_cases[] = {
  { "change a mutable field", "{\"control\":false,\"executor\":\"Петров П.П.\"}", NULL, NULL },
  { "same immutable value", "{\"applicant_id\":7}", NULL, NULL },
  { "immutable changes", "{\"applicant_id\":8}", "applicant_id", APPEALS_FIELD_IMMUTABLE },
  { "null removes an optional field", "{\"executor\":null}", NULL, NULL },
  { "null on a required field", "{\"annotation\":null}", "annotation", APPEALS_FIELD_REQUIRED },
  { "read-only ignored", "{\"version\":1,\"registration_number\":\"X\"}", NULL, NULL },
};

static void
test_appeal_merge_patch (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (update_cases); i++)
    {
      g_autoptr(JsonNode) node = core_test_parse_json (full_appeal);
      g_autoptr(JsonNode) patch = core_test_parse_json (update_cases[i].patch);
      g_autoptr(AppealsAppeal) before = appeals_appeal_new_from_json (node, NULL);
      g_autoptr(AppealsAppeal) after = appeals_appeal_copy (before);
      g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
      gboolean applied;

      g_test_message ("%s", update_cases[i].name);
      applied = appeals_record_read_members (appeals_appeal_get_record_type (), after,
                                             json_node_get_object (patch), APPEALS_RECORD_UPDATE, errors);
      if (update_cases[i].field == NULL)
        {
          g_assert_true (applied);
          continue;
        }

      g_assert_false (applied);
      g_assert_cmpstr (appeals_field_errors_find (errors, update_cases[i].field)->code, ==, update_cases[i].code);
      g_assert_cmpint (after->applicant_id, ==, 7);
      g_assert_nonnull (after->annotation);
    }
}

static void
test_appeal_diff (void)
{
  g_autoptr(JsonNode) node = core_test_parse_json (full_appeal);
  g_autoptr(JsonNode) patch = core_test_parse_json ("{\"annotation\":\"Жол жөндеу\",\"executor\":\"Петров П.П.\","
                                                    "\"language\":\"kk\",\"control\":false}");
  g_autoptr(AppealsAppeal) before = appeals_appeal_new_from_json (node, NULL);
  g_autoptr(AppealsAppeal) after = appeals_appeal_copy (before);
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autoptr(GPtrArray) changed = NULL;

  g_assert_true (appeals_record_read_members (appeals_appeal_get_record_type (), after,
                                              json_node_get_object (patch), APPEALS_RECORD_UPDATE, errors));
  changed = appeals_record_diff (appeals_appeal_get_record_type (), before, after);
  g_assert_cmpuint (changed->len, ==, 2);
  /* the control flag is the lifecycle's: a patch does not change it */
  g_assert_cmpstr (((const AppealsFieldSpec *) changed->pdata[0])->name, ==, "annotation");
  g_assert_cmpstr (((const AppealsFieldSpec *) changed->pdata[1])->name, ==, "executor");
}

static const struct {
  GType     (*type) (void);
  int         value;
  const char *wire;
} wire_names[] = {
  { appeals_channel_get_type, APPEALS_CHANNEL_BY_HAND, "by_hand" },
  { appeals_channel_get_type, APPEALS_CHANNEL_KAZPOST, "kazpost" },
  { appeals_channel_get_type, APPEALS_CHANNEL_EGOV, "egov" },
  { appeals_channel_get_type, APPEALS_CHANNEL_VIRTUAL_RECEPTION, "virtual_reception" },
  { appeals_form_get_type, APPEALS_FORM_ELECTRONIC, "electronic" },
  { appeals_form_get_type, APPEALS_FORM_PAPER_AND_ELECTRONIC, "paper_and_electronic" },
  { appeals_kind_get_type, APPEALS_KIND_APPLICATION, "application" },
  { appeals_kind_get_type, APPEALS_KIND_INQUIRY, "inquiry" },
  { appeals_kind_get_type, APPEALS_KIND_PROPOSAL, "proposal" },
  { appeals_kind_get_type, APPEALS_KIND_RESPONSE, "response" },
  { appeals_kind_get_type, APPEALS_KIND_REPORT, "report" },
  { appeals_kind_get_type, APPEALS_KIND_COMPLAINT, "complaint" },
  { appeals_category_get_type, APPEALS_CATEGORY_STRATEGIC, "strategic" },
  { appeals_category_get_type, APPEALS_CATEGORY_TYPICAL, "typical" },
  { appeals_category_get_type, APPEALS_CATEGORY_COMPLAINT, "complaint" },
  { appeals_complaint_subject_get_type, APPEALS_COMPLAINT_SUBJECT_PROSECUTION_OFFICERS, "prosecution_officers" },
  { appeals_complaint_subject_get_type, APPEALS_COMPLAINT_SUBJECT_JUDGES, "judges" },
  { appeals_complaint_subject_get_type, APPEALS_COMPLAINT_SUBJECT_LOCAL_EXECUTIVE_OFFICIALS, "local_executive_officials" },
  { appeals_complaint_subject_get_type, APPEALS_COMPLAINT_SUBJECT_CIVIL_SERVANTS, "civil_servants" },
  { appeals_complaint_subject_get_type, APPEALS_COMPLAINT_SUBJECT_PENITENTIARY_STAFF, "penitentiary_staff" },
  { appeals_language_get_type, APPEALS_LANGUAGE_KK, "kk" },
  { appeals_language_get_type, APPEALS_LANGUAGE_RU, "ru" },
  { appeals_status_get_type, APPEALS_STATUS_REGISTERED, "registered" },
  { appeals_status_get_type, APPEALS_STATUS_IN_PROGRESS, "in_progress" },
  { appeals_status_get_type, APPEALS_STATUS_RETURNED, "returned" },
  { appeals_role_get_type, APPEALS_ROLE_REGISTRAR, "registrar" },
  { appeals_role_get_type, APPEALS_ROLE_LEADERSHIP, "leadership" },
  { appeals_role_get_type, APPEALS_ROLE_ADMIN, "admin" },
  { appeals_sex_get_type, APPEALS_SEX_FEMALE, "female" },
};

static void
test_enum_wire_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (wire_names); i++)
    {
      GType type = wire_names[i].type ();
      int value = -1;

      g_assert_cmpstr (appeals_enum_to_wire (type, wire_names[i].value), ==, wire_names[i].wire);
      g_assert_true (appeals_enum_from_wire (type, wire_names[i].wire, &value));
      g_assert_cmpint (value, ==, wire_names[i].value);
      g_assert_cmpstr (appeals_enum_get_label (type, wire_names[i].value), !=, "");
    }

  /* "unset" is never a wire value */
  g_assert_null (appeals_enum_to_wire (APPEALS_TYPE_CHANNEL, APPEALS_CHANNEL_UNSET));
  g_assert_false (appeals_enum_from_wire (APPEALS_TYPE_CHANNEL, "unset", &(int){0}));
}

static const struct {
  const char *iin;
  const char *field;   /* NULL: valid */
  const char *birth_date;
  AppealsSex  sex;
} applicant_cases[] = {
  { "061211600012", NULL, "2006-12-11", APPEALS_SEX_FEMALE },
  { "123123123123", "iin", NULL, APPEALS_SEX_UNKNOWN },
  { "06121160001", "iin", NULL, APPEALS_SEX_UNKNOWN },
};

static void
test_applicant_validation (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (applicant_cases); i++)
    {
      g_autoptr(AppealsApplicant) applicant = appeals_applicant_new ();
      g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
      g_autofree char *text = g_strdup_printf ("{\"iin\":\"%s\",\"surname\":\"Сейтқали\",\"given_name\":\"Әлия\","
                                               "\"address\":\"Қостанай қ., Әл-Фараби д-ғы, 65\","
                                               "\"phone\":\"8 (705) 123-45-67\",\"sex\":\"male\"}",
                                               applicant_cases[i].iin);
      g_autoptr(JsonNode) node = core_test_parse_json (text);
      gboolean valid;

      valid = appeals_record_read_members (appeals_applicant_get_record_type (), applicant,
                                           json_node_get_object (node), APPEALS_RECORD_CREATE, errors);
      valid = appeals_applicant_validate (applicant, errors) && valid;

      g_test_message ("%s", applicant_cases[i].iin);
      if (applicant_cases[i].field != NULL)
        {
          g_assert_false (valid);
          g_assert_cmpstr (appeals_field_errors_find (errors, "iin")->code, ==,
                           g_utf8_strlen (applicant_cases[i].iin, -1) > 12 ? APPEALS_FIELD_TOO_LONG
                                                                             : APPEALS_FIELD_INVALID_IIN);
          continue;
        }

      g_assert_true (valid);
      {
        g_autofree char *birth = appeals_date_format_iso (&applicant->birth_date);
        g_assert_cmpstr (birth, ==, applicant_cases[i].birth_date);
      }
      /* derived, not taken from input */
      g_assert_cmpint (applicant->sex, ==, applicant_cases[i].sex);
      g_assert_cmpstr (applicant->phone, ==, "+77051234567");
    }
}

static const struct {
  const char *input;
  const char *normalized;
} phones[] = {
  { "+7 705 123 45 67", "+77051234567" },
  { "8 (705) 123-45-67", "+77051234567" },
  { "7051234567", "+77051234567" },
  { "87142501234", "+77142501234" },     /* a Kostanay landline */
  { "+7 705 123 45", NULL },
  { "+1 202 555 0100", NULL },
  { "705-123-45-67 доб. 2", NULL },
  { "", NULL },
};

static void
test_phone_normalize (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      g_autofree char *normalized = appeals_phone_normalize (phones[i].input);
      g_assert_cmpstr (normalized, ==, phones[i].normalized);
    }
}

static const struct {
  const char *name;
  gboolean    valid;
} names[] = {
  { "Сейтқали", TRUE },
  { "Әлия", TRUE },
  { "Иванова-Петрова", TRUE },
  { "Жұмабай ұлы", TRUE },
  { "O'Neil", TRUE },
  { "Фёдоров", TRUE },
  { "Иван2", FALSE },
  { "-Иван", FALSE },
  { "Иван--Петров", FALSE },
  { "Иван ", FALSE },
  { "", FALSE },
};

static void
test_person_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_test_message ("“%s”", names[i].name);
      g_assert_cmpint (appeals_person_name_is_valid (names[i].name), ==, names[i].valid);
    }
}

static const struct {
  const char *classifier;
  guint       n_items;
  const char *code;
  const char *kk;
  const char *ru;
  const char *query;   /* finds code */
} classifiers[] = {
  { APPEALS_CLASSIFIER_DISTRICTS, 20, "kostanay-city", "Қостанай қаласы", "г. Костанай", "ҚОСТАНАЙ ҚАЛ" },
  { APPEALS_CLASSIFIER_DISTRICTS, 20, "fyodorov", "Федоров ауданы", "Федоровский район", "фёдоров" },
  { APPEALS_CLASSIFIER_ADDRESSEE_BODIES, 36, "akimat-rudny-city", "Рудный қаласы әкімдігі", "Акимат г. Рудный", "акимат г. руд" },
  { APPEALS_CLASSIFIER_QUESTION_CHARACTERS, 24, "housing", "Тұрғын үй мәселелері", "Жилищные вопросы", "тұрғын" },
  { APPEALS_CLASSIFIER_SOCIAL_STATUSES, 12, "pensioner", "Зейнеткер", "Пенсионер", "пенсион" },
};

static void
test_classifiers (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (classifiers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsClassifier) classifier = appeals_classifier_load (classifiers[i].classifier, &error);
      g_autofree char *query = appeals_text_fold (classifiers[i].query);
      const AppealsClassifierItem *item;

      g_assert_no_error (error);
      g_assert_cmpuint (appeals_classifier_get_n_items (classifier), ==, classifiers[i].n_items);
      g_assert_cmpstr (appeals_classifier_get_label (classifier, classifiers[i].code, "kk"), ==, classifiers[i].kk);
      g_assert_cmpstr (appeals_classifier_get_label (classifier, classifiers[i].code, "ru"), ==, classifiers[i].ru);
      g_assert_cmpstr (appeals_classifier_get_label (classifier, "no-such-code", "ru"), ==, "no-such-code");
      item = appeals_classifier_lookup (classifier, classifiers[i].code);
      g_assert_true (appeals_classifier_item_matches (item, query));

      for (guint j = 0; j < appeals_classifier_get_n_items (classifier); j++)
        {
          const AppealsClassifierItem *other = appeals_classifier_get_item (classifier, j);
          g_assert_true (other->name.kk[0] != '\0' && other->name.ru[0] != '\0');
        }
    }
}

static const struct {
  AppealsCriterionAnswer answers[6];
  double                 score;
} scores[] = {
  { { 1, 1, 1, 1, 1, 1 }, 100.0 },
  { { 3, 3, 3, 3, 3, 3 }, 0.0 },
  { { 1, 1, 1, 1, 3, 3 }, 900.0 / 11 },   /* weights 3,3,2,1 of 11 */
  { { 2, 2, 2, 2, 2, 2 }, 50.0 },
  { { 3, 1, 1, 1, 1, 0 }, 700.0 / 11 },   /* unanswered counts nothing */
};

static void
test_checklist (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsChecklistTemplate) template = appeals_checklist_template_new_default (&error);

  g_assert_no_error (error);
  g_assert_cmpuint (appeals_checklist_template_get_n_criteria (template), ==, 6);
  g_assert_cmpuint (appeals_checklist_template_get_n_cross_checks (template), ==, 4);
  g_assert_nonnull (appeals_checklist_template_find_criterion (template, "appeal_right"));
  g_assert_cmpstr (appeals_checklist_item_get_name (appeals_checklist_template_get_criterion (template, 0), "kk"),
                   ==, "Өтініш берушінің әрбір дәлеліне жауап берілген");

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    g_assert_cmpfloat_with_epsilon (appeals_checklist_template_score (template, scores[i].answers),
                                    scores[i].score, 1e-9);
}

/* A user as the server sends it after sign-in, and back. */
static void
test_user_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) in = json_from_string ("{\"id\":7,\"login\":\"registrar2\",\"full_name\":\"Нұрланова Дана\","
                                             "\"role\":\"registrar\",\"district\":\"rudny-city\",\"language\":\"kk\","
                                             "\"active\":true}", &error);
  g_autoptr(AppealsUser) user = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(AppealsUser) again = NULL;

  g_assert_no_error (error);
  user = appeals_user_new_from_json (in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (user->id, ==, 7);
  g_assert_cmpint (user->role, ==, APPEALS_ROLE_REGISTRAR);
  g_assert_cmpstr (user->district, ==, "rudny-city");
  g_assert_cmpstr (user->full_name, ==, "Нұрланова Дана");

  out = appeals_user_to_json (user);
  again = appeals_user_new_from_json (out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->login, ==, user->login);
  g_assert_cmpint (again->role, ==, user->role);
  g_assert_cmpstr (again->district, ==, user->district);
  g_assert_cmpstr (again->language, ==, "kk");
  g_assert_true (again->active);

  /* every role has its wire name and back */
  for (int role = APPEALS_ROLE_REGISTRAR; role <= APPEALS_ROLE_ADMIN; role++)
    g_assert_cmpint (appeals_role_from_string (appeals_role_to_string (role)), ==, role);
  g_assert_cmpint (appeals_role_from_string ("janitor"), ==, APPEALS_ROLE_UNSET);
}

static const struct {
  const char *json;
  const char *field;   /* the field refused, or NULL */
  const char *code;
} receptions[] = {
  { "{\"official_id\":1,\"date\":\"2027-03-12\",\"start_time\":\"10:20\",\"applicant_id\":3,"
    "\"question\":\"Жер телімі\",\"priority\":\"disability\",\"video_link\":\"https://meet.example.kz/a\"}",
    NULL, NULL },
  { "{\"official_id\":1,\"date\":\"2027-03-12\",\"start_time\":\"24:00\",\"applicant_id\":3,\"question\":\"Жер\"}",
    "start_time", APPEALS_FIELD_INVALID_VALUE },
  { "{\"official_id\":1,\"date\":\"2027-03-12\",\"start_time\":\"9:30\",\"applicant_id\":3,\"question\":\"Жер\"}",
    "start_time", APPEALS_FIELD_INVALID_VALUE },
  { "{\"official_id\":1,\"date\":\"2027-03-12\",\"start_time\":\"10:60\",\"applicant_id\":3,\"question\":\"Жер\"}",
    "start_time", APPEALS_FIELD_INVALID_VALUE },
  { "{\"official_id\":1,\"date\":\"2027-03-12\",\"start_time\":\"10:00\",\"applicant_id\":3,\"question\":\"Жер\","
    "\"video_link\":\"http://meet.example.kz/a\"}",
    "video_link", APPEALS_FIELD_INVALID_VALUE },
};

/* A booking read from JSON, checked, and written back the same. */
static void
test_reception_json (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (receptions); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) in = json_from_string (receptions[i].json, &error);
      g_autoptr(AppealsReception) reception = NULL;
      g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
      const AppealsFieldError *found;

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      reception = appeals_reception_new_from_json (in, &error);
      g_assert_no_error (error);

      if (receptions[i].field == NULL)
        {
          g_autoptr(JsonNode) out = NULL;
          g_autoptr(AppealsReception) again = NULL;
          char date[16];

          g_assert_true (appeals_reception_validate (reception, errors));
          out = appeals_reception_to_json (reception);
          again = appeals_reception_new_from_json (out, &error);
          g_assert_no_error (error);
          g_date_strftime (date, sizeof date, "%Y-%m-%d", &again->date);
          g_assert_cmpstr (date, ==, "2027-03-12");
          g_assert_cmpstr (again->start_time, ==, "10:20");
          g_assert_cmpstr (again->question, ==, "Жер телімі");
          g_assert_cmpstr (again->priority, ==, "disability");
          g_assert_cmpstr (again->video_link, ==, "https://meet.example.kz/a");
          g_assert_cmpint (again->applicant_id, ==, 3);
          continue;
        }

      g_assert_false (appeals_reception_validate (reception, errors));
      found = appeals_field_errors_find (errors, receptions[i].field);
      g_assert_nonnull (found);
      g_assert_cmpstr (found->code, ==, receptions[i].code);
    }
}

static void
test_text_fold (void)
{
  g_autofree char *a = appeals_text_fold ("ФЁДОРОВ Әлия ҚҰРМАНҒАЗЫ");

  g_assert_cmpstr (a, ==, "федоров әлия құрманғазы");
}

/* A search's words: folded, letters and digits, in the order typed; a
 * repeat, or a word another one begins with, left out. */
static void
test_text_search_words (void)
{
  static const struct { const char *query; const char *words; } cases[] = {
    { "", "" },
    { " ,.;- ", "" },
    { "Иванов", "иванов" },
    { "ИВАНОВ  Пётр", "иванов петр" },
    { "көмек, жол; 2026", "көмек жол 2026" },
    { "көмек көмек Көмек", "көмек" },
    { "к көмек", "көмек" },
    { "көмек к", "көмек" },
    { "к о м а с", "к о м а с" },
    { "иван иванов ивановна", "ивановна" },
    { "иванов иван петр п", "иванов петр" },
    { "ко к кот", "кот" },
    { "а б а", "а б" },
    { "2026-000042", "2026 000042" },
    { "мектеп ёлка елка", "мектеп елка" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) words = appeals_text_search_words (cases[i].query);
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint w = 0; w < words->len; w++)
        g_string_append_printf (joined, "%s%s", w > 0 ? " " : "", (char *) g_ptr_array_index (words, w));
      g_test_message ("%s", cases[i].query);
      g_assert_cmpstr (joined->str, ==, cases[i].words);
    }
}

/* What appeals_text_fold() promises: g_utf8_strdown(), then ё as е. */
static char *
fold_by_strdown (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *folded = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (folded, c == 0x0451 ? 0x0435 : c);
    }
  return g_string_free (folded, FALSE);
}

static void
assert_folds_as_strdown (const char *text)
{
  g_autofree char *folded = appeals_text_fold (text);
  g_autofree char *expected = fold_by_strdown (text);

  g_assert_cmpstr (folded, ==, expected);
}

/* The character-at-a-time fold (ASCII, Cyrillic, Latin-1 signs,
 * punctuation, letterlike signs, number forms) against g_utf8_strdown(): every character of those blocks
 * alone and inside words, and texts that take g_utf8_strdown() itself
 * (I, J, Greek, Turkish İ, Latin letters with accents). */
static void
test_text_fold_as_strdown (void)
{
  static const struct { gunichar first, last; } blocks[] = {
    { 0x01, 0x7f }, { 0x80, 0xbf }, { 0x0400, 0x04ff }, { 0x2000, 0x21bf },
  };
  static const char * const texts[] = {
    "", "ФЁДОРОВ Әлия ҚҰРМАНҒАЗЫ", "2026-000007", "Ёлка ЁЛКА ёлка", "ІІН 900101300123 (ИИН)",
    "«Жол» — 5 км… “No. 7” №12 ° µ", "IIN Jasyl ИИН", "ΣΟΦΟΣ σοφος ΟΔΟΣ", "İSTANBUL ıi", "ÄĞÑÖŞŪÜ Qazaqstan",
    "Ӏ ӏ Ҕ ҕ Ԁ", "Письмо №12 Ω K Å Ⅻ", "tab\tnew\nline", "a\xc2\xa0" "b", "😀 ЁЁ 😀",
  };

  for (guint b = 0; b < G_N_ELEMENTS (blocks); b++)
    for (gunichar c = blocks[b].first; c <= blocks[b].last; c++)
      {
        char one[8] = { 0 };
        g_autofree char *inside = NULL;

        if (!g_unichar_validate (c))
          continue;
        /* the fold writes into a copy's room */
        g_assert_cmpint (g_unichar_to_utf8 (g_unichar_tolower (c), NULL), <=, g_unichar_to_utf8 (c, one));
        assert_folds_as_strdown (one);
        inside = g_strdup_printf ("Аб%sВг %s", one, one);
        assert_folds_as_strdown (inside);
      }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_folds_as_strdown (texts[i]);
}

/* Dates as registrars type them. */
static const struct {
  const char *text;
  const char *iso;   /* NULL: refused */
} date_text_cases[] = {
  { "27.11.2026", "2026-11-27" },
  { " 7.1.2026 ", "2026-01-07" },
  { "27.11.26", "2026-11-27" },
  { "27/11/2026", "2026-11-27" },
  { "2026-11-27", "2026-11-27" },
  { "29.02.2028", "2028-02-29" },
  { "29.02.2026", NULL },
  { "31.04.2026", NULL },
  { "27.11/2026", NULL },
  { "27.11.2026г", NULL },
  { "2026.11.27", NULL },
  { "27.11", NULL },
  { "", NULL },
  { "ертең", NULL },
};

/* ISO dates as columns and JSON hold them: exactly YYYY-MM-DD, a real day */
static const struct {
  const char *text;
  gboolean    valid;
} date_iso_cases[] = {
  { "2026-12-02", TRUE },  { "2024-02-29", TRUE },  { "0001-01-01", TRUE },
  { "9999-12-31", TRUE },  { "2023-02-29", FALSE }, { "0000-01-01", FALSE },
  { "2026-13-01", FALSE }, { "2026-00-10", FALSE }, { "2026-04-31", FALSE },
  { "2026-01-00", FALSE }, { "2026-1-01", FALSE },  { "2026-01-1", FALSE },
  { "2026-01-011", FALSE }, { "2026-01-01 ", FALSE }, { " 2026-01-01", FALSE },
  { "2026/01/01", FALSE }, { "+026-01-01", FALSE }, { "2026-0a-01", FALSE },
  { "", FALSE },           { "2026-01", FALSE },    { "20260101", FALSE },
};

static void
test_date_iso (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_iso_cases); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_test_message ("“%s”", date_iso_cases[i].text);
      g_assert_cmpint (appeals_date_parse_iso (date_iso_cases[i].text, &date), ==, date_iso_cases[i].valid);
      if (date_iso_cases[i].valid)
        {
          g_autofree char *iso = appeals_date_format_iso (&date);

          g_assert_cmpstr (iso, ==, date_iso_cases[i].text);
        }
      else
        g_assert_false (g_date_valid (&date));
    }
  g_assert_false (appeals_date_parse_iso (NULL, NULL));
}

static void
test_date_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_text_cases); i++)
    {
      GDate date;
      gboolean parsed = appeals_date_parse_text (date_text_cases[i].text, &date);

      g_test_message ("“%s”", date_text_cases[i].text);
      g_assert_cmpint (parsed, ==, date_text_cases[i].iso != NULL);
      if (parsed)
        {
          g_autofree char *iso = appeals_date_format_iso (&date);
          g_autofree char *shown = appeals_date_format_text (&date);
          GDate again;

          g_assert_cmpstr (iso, ==, date_text_cases[i].iso);
          /* what the desk shows reads back the same */
          g_assert_true (appeals_date_parse_text (shown, &again));
          g_assert_cmpint (g_date_compare (&date, &again), ==, 0);
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/appeal/round-trip", test_appeal_round_trip);
  g_test_add_func ("/model/appeal/reset", test_appeal_reset);
  g_test_add_func ("/model/appeal/create-validation", test_appeal_create_validation);
  g_test_add_func ("/model/appeal/too-long", test_appeal_too_long);
  g_test_add_func ("/model/appeal/merge-patch", test_appeal_merge_patch);
  g_test_add_func ("/model/appeal/diff", test_appeal_diff);
  g_test_add_func ("/model/enum-wire-names", test_enum_wire_names);
  g_test_add_func ("/model/applicant/validation", test_applicant_validation);
  g_test_add_func ("/model/applicant/phones", test_phone_normalize);
  g_test_add_func ("/model/applicant/names", test_person_names);
  g_test_add_func ("/model/classifiers", test_classifiers);
  g_test_add_func ("/model/checklist", test_checklist);
  g_test_add_func ("/model/user/round-trip", test_user_round_trip);
  g_test_add_func ("/model/reception/json", test_reception_json);
  g_test_add_func ("/model/text-fold", test_text_fold);
  g_test_add_func ("/model/text-fold/as-strdown", test_text_fold_as_strdown);
  g_test_add_func ("/model/text-search-words", test_text_search_words);
  g_test_add_func ("/model/date-text", test_date_text);
  g_test_add_func ("/model/date-iso", test_date_iso);

  return g_test_run ();
}
