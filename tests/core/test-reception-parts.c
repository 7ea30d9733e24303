/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-reception-parts.c: what the server details about a reception — its
 * steps, protocol orders, attachments and review, and the entries of the
 * leadership's review list — read from the server's JSON.
 */
#include "config.h"

#include "core-test-util.h"

static char *
format_date (const GDate *date)
{
  return g_date_valid (date) ? appeals_date_format_iso (date) : NULL;
}

/* Steps ------------------------------------------------------------------ */

static const struct {
  const char *json;
  gboolean    valid;
  const char *code;
  const char *due;
  gboolean    done;
  gboolean    overdue;
  const char *note;
} steps[] = {
  { "{\"code\":\"clarify\",\"due\":\"2027-03-10\",\"done\":false,\"overdue\":true,\"done_by\":null,"
    "\"done_at\":null,\"note\":null}", TRUE, "clarify", "2027-03-10", FALSE, TRUE, NULL },
  /* a moment, as the server stamps it */
  { "{\"code\":\"invite\",\"due\":\"2027-03-11\",\"done\":true,\"overdue\":false,\"done_by\":\"registrar\","
    "\"done_at\":\"2027-03-09T05:12:00Z\",\"note\":\"Телефонмен шақырылды\"}",
    TRUE, "invite", "2027-03-11", TRUE, FALSE, "Телефонмен шақырылды" },
  /* only a day, as the demo marks it */
  { "{\"code\":\"archive\",\"due\":\"2027-03-20\",\"done\":true,\"overdue\":false,\"done_at\":\"2027-03-20\"}",
    TRUE, "archive", "2027-03-20", TRUE, FALSE, NULL },
  /* no due date yet */
  { "{\"code\":\"report\",\"due\":null,\"done\":false,\"overdue\":false}", TRUE, "report", NULL, FALSE, FALSE, NULL },
  { "{\"code\":\"clarify\",\"due\":\"10.03.2027\",\"done\":false}", FALSE, NULL, NULL, FALSE, FALSE, NULL },
  { "{\"code\":\"clarify\",\"done\":\"yes\"}", FALSE, NULL, NULL, FALSE, FALSE, NULL },
  { "[]", FALSE, NULL, NULL, FALSE, FALSE, NULL },
};

static void
test_steps (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(JsonNode) node = core_test_parse_json (steps[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsReceptionStep) step = appeals_reception_step_new_from_json (node, &error);
      g_autofree char *due = NULL;

      g_test_message ("case %u", i);
      if (!steps[i].valid)
        {
          g_assert_null (step);
          g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
          continue;
        }
      g_assert_no_error (error);
      due = format_date (&step->due);
      g_assert_cmpstr (step->code, ==, steps[i].code);
      g_assert_cmpstr (due, ==, steps[i].due);
      g_assert_cmpint (step->done, ==, steps[i].done);
      g_assert_cmpint (step->overdue, ==, steps[i].overdue);
      g_assert_cmpstr (step->note, ==, steps[i].note);
    }
}

/* Orders ----------------------------------------------------------------- */

static const struct {
  const char *json;
  gboolean    valid;
  gint64      id;
  int         status;
  gboolean    overdue;
  const char *deadline;
  gboolean    executed_at;
} orders[] = {
  { "{\"id\":7,\"text\":\"Жауап беру\",\"executor_body\":\"akimat\",\"deadline\":\"2027-03-24\","
    "\"status\":\"open\",\"overdue\":false,\"executed_at\":null}",
    TRUE, 7, APPEALS_ORDER_STATUS_OPEN, FALSE, "2027-03-24", FALSE },
  { "{\"id\":8,\"text\":\"Тексеру\",\"executor_body\":\"education\",\"deadline\":\"2027-03-01\","
    "\"status\":\"executed\",\"overdue\":false,\"executed_at\":\"2027-02-28T10:00:00+05:00\"}",
    TRUE, 8, APPEALS_ORDER_STATUS_EXECUTED, FALSE, "2027-03-01", TRUE },
  { "{\"id\":9,\"text\":\"Тексеру\",\"deadline\":\"2027-03-01\",\"status\":\"open\",\"overdue\":true}",
    TRUE, 9, APPEALS_ORDER_STATUS_OPEN, TRUE, "2027-03-01", FALSE },
  { "{\"id\":10,\"status\":\"done\"}", FALSE, 0, 0, FALSE, NULL, FALSE },
  { "{\"id\":\"10\",\"status\":\"open\"}", FALSE, 0, 0, FALSE, NULL, FALSE },
};

static void
test_orders (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr(JsonNode) node = core_test_parse_json (orders[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsProtocolOrder) order = appeals_protocol_order_new_from_json (node, &error);
      g_autofree char *deadline = NULL;

      g_test_message ("case %u", i);
      if (!orders[i].valid)
        {
          g_assert_null (order);
          g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
          continue;
        }
      g_assert_no_error (error);
      deadline = format_date (&order->deadline);
      g_assert_cmpint (order->id, ==, orders[i].id);
      g_assert_cmpint (order->status, ==, orders[i].status);
      g_assert_cmpint (order->overdue, ==, orders[i].overdue);
      g_assert_cmpstr (deadline, ==, orders[i].deadline);
      g_assert_cmpint (order->executed_at != NULL, ==, orders[i].executed_at);
    }
}

/* Attachments and the review ---------------------------------------------- */

static const struct {
  const char *json;
  gboolean    valid;
  const char *kind;
  const char *file_name;
  gint64      size;
} attachments[] = {
  { "{\"id\":3,\"reception_id\":54,\"kind\":\"reference_note\",\"file_name\":\"Анықтама.pdf\","
    "\"content_type\":\"application/pdf\",\"sha256\":\"9f86d081884c7d65\",\"created_by\":\"registrar\","
    "\"created_at\":\"2027-03-09T05:12:00Z\",\"size\":18234}",
    TRUE, "reference_note", "Анықтама.pdf", 18234 },
  { "{\"id\":4,\"reception_id\":54,\"kind\":\"body_position\",\"file_name\":\"Позиция.txt\","
    "\"content_type\":\"text/plain; charset=utf-8\",\"size\":0}",
    TRUE, "body_position", "Позиция.txt", 0 },
  { "{\"id\":5,\"created_at\":\"yesterday\"}", FALSE, NULL, NULL, 0 },
  { "{\"id\":5,\"size\":1.5}", FALSE, NULL, NULL, 0 },
};

static void
test_attachments (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (attachments); i++)
    {
      g_autoptr(JsonNode) node = core_test_parse_json (attachments[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsAttachment) attachment = appeals_attachment_new_from_json (node, &error);

      g_test_message ("case %u", i);
      if (!attachments[i].valid)
        {
          g_assert_null (attachment);
          g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpint (attachment->reception_id, ==, 54);
      g_assert_cmpstr (attachment->kind, ==, attachments[i].kind);
      g_assert_cmpstr (attachment->file_name, ==, attachments[i].file_name);
      g_assert_cmpint (attachment->size, ==, attachments[i].size);
    }
}

static const struct {
  const char *json;
  gboolean    valid;
  const char *reviewed_by;
  const char *instructions;
} reviews[] = {
  { "{\"reviewed_by\":\"leadership\",\"reviewed_at\":\"2027-03-09T05:12:00Z\","
    "\"instructions\":\"Жер комиссиясының төрағасын шақыру\"}",
    TRUE, "leadership", "Жер комиссиясының төрағасын шақыру" },
  { "{\"reviewed_by\":\"leadership\",\"reviewed_at\":\"2027-03-09T05:12:00Z\",\"instructions\":null}",
    TRUE, "leadership", NULL },
  { "{\"reviewed_by\":\"leadership\",\"reviewed_at\":42}", FALSE, NULL, NULL },
};

static void
test_reviews (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (reviews); i++)
    {
      g_autoptr(JsonNode) node = core_test_parse_json (reviews[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsReceptionReview) review = appeals_reception_review_new_from_json (node, &error);

      g_test_message ("case %u", i);
      if (!reviews[i].valid)
        {
          g_assert_null (review);
          g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpstr (review->reviewed_by, ==, reviews[i].reviewed_by);
      g_assert_nonnull (review->reviewed_at);
      g_assert_cmpstr (review->instructions, ==, reviews[i].instructions);
    }
}

/* A reception with its details, and review-list entries ------------------- */

#define RECEPTION "\"id\":54,\"official_id\":2,\"date\":\"2027-03-12\",\"start_time\":\"10:20\"," \
                  "\"applicant_id\":3,\"question\":\"Жер телімі\",\"status\":\"booked\""
#define STEPS "\"steps\":[{\"code\":\"clarify\",\"due\":\"2027-03-10\",\"done\":false,\"overdue\":true}," \
              "{\"code\":\"invite\",\"due\":\"2027-03-11\",\"done\":true,\"overdue\":false}]"
#define ORDERS "\"orders\":[{\"id\":7,\"text\":\"Жауап беру\",\"deadline\":\"2027-03-24\",\"status\":\"executed\"}]"
#define ATTACHMENTS "\"attachments\":[{\"id\":3,\"reception_id\":54,\"kind\":\"reference_note\",\"file_name\":\"a.pdf\"," \
                    "\"size\":1}]"
#define REVIEW "\"review\":{\"reviewed_by\":\"leadership\",\"reviewed_at\":\"2027-03-09T05:12:00Z\",\"instructions\":\"Иә\"}"

static const struct {
  const char *json;
  gboolean    valid;
  const char *applicant_name;
  guint       n_steps, n_overdue, n_orders, n_attachments;
  gboolean    reviewed;
  gboolean    restricted;
  gboolean    editable;
} details[] = {
  { "{" RECEPTION ",\"applicant_name\":\"Ахметова Ә.\",\"appeal_number\":null," STEPS "," ORDERS "," ATTACHMENTS ","
    REVIEW "}", TRUE, "Ахметова Ә.", 2, 1, 1, 1, TRUE, FALSE, TRUE },
  /* not reviewed yet, nothing attached */
  { "{" RECEPTION "," STEPS ",\"orders\":[],\"attachments\":[],\"review\":null}", TRUE, NULL, 2, 1, 0, 0, FALSE, FALSE, TRUE },
  /* another district's visitor: the time only */
  { "{\"id\":55,\"official_id\":2,\"date\":\"2027-03-12\",\"start_time\":\"10:40\",\"restricted\":true,"
    "\"steps\":[],\"orders\":[],\"attachments\":[],\"review\":null}", TRUE, NULL, 0, 0, 0, 0, FALSE, TRUE, TRUE },
  /* a booking as the list of a day gives it, without details */
  { "{" RECEPTION ",\"status\":\"archived\"}", TRUE, NULL, 0, 0, 0, 0, FALSE, FALSE, FALSE },
  { "{" RECEPTION ",\"steps\":{\"code\":\"clarify\"}}", FALSE, NULL, 0, 0, 0, 0, FALSE, FALSE, FALSE },
  { "{" RECEPTION ",\"steps\":[{\"code\":\"clarify\",\"due\":\"tomorrow\"}]}", FALSE, NULL, 0, 0, 0, 0, FALSE, FALSE, FALSE },
  { "{" RECEPTION ",\"review\":\"yes\"}", FALSE, NULL, 0, 0, 0, 0, FALSE, FALSE, FALSE },
};

static void
test_reception_details (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    {
      g_autoptr(JsonNode) node = core_test_parse_json (details[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsReception) reception = appeals_reception_new_from_json (node, &error);

      g_test_message ("case %u", i);
      if (!details[i].valid)
        {
          g_assert_null (reception);
          g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpstr (reception->applicant_name, ==, details[i].applicant_name);
      g_assert_cmpuint (reception->steps->len, ==, details[i].n_steps);
      g_assert_cmpuint (appeals_reception_count_overdue_steps (reception), ==, details[i].n_overdue);
      g_assert_cmpuint (reception->orders->len, ==, details[i].n_orders);
      g_assert_cmpuint (reception->attachments->len, ==, details[i].n_attachments);
      g_assert_cmpint (reception->review != NULL, ==, details[i].reviewed);
      g_assert_cmpint (reception->restricted, ==, details[i].restricted);
      g_assert_cmpint (appeals_reception_is_editable (reception), ==, details[i].editable);
      if (details[i].n_steps > 0)
        {
          g_assert_nonnull (appeals_reception_find_step (reception, "invite"));
          g_assert_null (appeals_reception_find_step (reception, "no-such-step"));
        }
    }
}

static const struct {
  const char *json;
  gboolean    valid;
  gint64      done, needed;
  gboolean    complete;
} entries[] = {
  { "{" RECEPTION "," ATTACHMENTS ",\"materials\":{\"reference_note\":1,\"applicant_document\":0,\"body_position\":0},"
    "\"materials_done\":1,\"materials_needed\":3,\"complete\":false}", TRUE, 1, 3, FALSE },
  { "{" RECEPTION ",\"materials_done\":3,\"materials_needed\":3,\"complete\":true}", TRUE, 3, 3, TRUE },
  { "{" RECEPTION ",\"materials_done\":\"3\"}", FALSE, 0, 0, FALSE },
  /* the entry is right but its reception is not */
  { "{\"id\":54,\"date\":\"12.03.2027\",\"materials_done\":3,\"materials_needed\":3,\"complete\":true}",
    FALSE, 0, 0, FALSE },
};

static void
test_review_entries (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(JsonNode) node = core_test_parse_json (entries[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(AppealsReviewEntry) entry = appeals_review_entry_new_from_json (node, &error);

      g_test_message ("case %u", i);
      if (!entries[i].valid)
        {
          g_assert_null (entry);
          g_assert_error (error, APPEALS_ERROR, APPEALS_ERROR_PARSE);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpint (entry->materials_done, ==, entries[i].done);
      g_assert_cmpint (entry->materials_needed, ==, entries[i].needed);
      g_assert_cmpint (entry->complete, ==, entries[i].complete);
      g_assert_cmpint (entry->reception->id, ==, 54);
      g_assert_cmpstr (entry->reception->question, ==, "Жер телімі");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reception-parts/steps", test_steps);
  g_test_add_func ("/reception-parts/orders", test_orders);
  g_test_add_func ("/reception-parts/attachments", test_attachments);
  g_test_add_func ("/reception-parts/reviews", test_reviews);
  g_test_add_func ("/reception-parts/reception-details", test_reception_details);
  g_test_add_func ("/reception-parts/review-entries", test_review_entries);

  return g_test_run ();
}
