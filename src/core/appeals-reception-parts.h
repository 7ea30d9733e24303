/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-parts.h: what the server details about one reception —
 * its steps, the protocol of orders, the attached materials and the
 * leadership's review — and an entry of the leadership's review list.
 *
 * Each part is a small model with its own field table, read from the
 * server's representation like any other record.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-record.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_ORDER_STATUS_UNSET,
  APPEALS_ORDER_STATUS_OPEN,
  APPEALS_ORDER_STATUS_EXECUTED,
} AppealsOrderStatus;

/* One of the 13 steps of organising a reception. */
#define APPEALS_TYPE_RECEPTION_STEP (appeals_reception_step_get_type ())
G_DECLARE_FINAL_TYPE (AppealsReceptionStep, appeals_reception_step, APPEALS, RECEPTION_STEP, GObject)

struct _AppealsReceptionStep
{
  GObject     parent_instance;

  char       *code;       /* a workflow step code, e.g. "clarify" */
  GDate       due;
  gboolean    done;
  gboolean    overdue;    /* not done and due before today, as the server counts */
  char       *done_by;
  char       *done_at;    /* ISO 8601: a moment, or only a day (marked by the demo) */
  char       *note;
};

/* An order of the protocol to an executor body, with its term. */
#define APPEALS_TYPE_PROTOCOL_ORDER (appeals_protocol_order_get_type ())
G_DECLARE_FINAL_TYPE (AppealsProtocolOrder, appeals_protocol_order, APPEALS, PROTOCOL_ORDER, GObject)

struct _AppealsProtocolOrder
{
  GObject     parent_instance;

  gint64      id;
  char       *text;
  char       *executor_body;  /* a code of the addressee-bodies classifier */
  GDate       deadline;
  int         status;         /* AppealsOrderStatus */
  gboolean    overdue;
  GDateTime  *executed_at;
};

/* A file among a reception's materials. */
#define APPEALS_TYPE_ATTACHMENT (appeals_attachment_get_type ())
G_DECLARE_FINAL_TYPE (AppealsAttachment, appeals_attachment, APPEALS, ATTACHMENT, GObject)

struct _AppealsAttachment
{
  GObject     parent_instance;

  gint64      id;
  gint64      reception_id;   /* a reception's file */
  gint64      appeal_id;      /* or an appeal's: "appeal_scan", "answer_document", "other" */
  char       *kind;           /* "reference_note", "applicant_document", "body_position", "other" */
  char       *file_name;
  char       *content_type;
  gint64      size;
  char       *sha256;
  char       *created_by;
  char       *created_by_name; /* the user's full name, if the login is one */
  GDateTime  *created_at;
};

/* The leadership's review of a reception, with its instructions. */
#define APPEALS_TYPE_RECEPTION_REVIEW (appeals_reception_review_get_type ())
G_DECLARE_FINAL_TYPE (AppealsReceptionReview, appeals_reception_review, APPEALS, RECEPTION_REVIEW, GObject)

struct _AppealsReceptionReview
{
  GObject     parent_instance;

  char       *reviewed_by;
  char       *reviewed_by_name;  /* the reviewer's full name */
  GDateTime  *reviewed_at;
  char       *instructions;
};

/* Who takes part in a reception besides the official and the visitor:
 * the supervising deputy, a representative of an invited body, someone
 * joining by video conference. */
#define APPEALS_TYPE_RECEPTION_PARTICIPANT (appeals_reception_participant_get_type ())
G_DECLARE_FINAL_TYPE (AppealsReceptionParticipant, appeals_reception_participant, APPEALS, RECEPTION_PARTICIPANT,
                      GObject)

struct _AppealsReceptionParticipant
{
  GObject     parent_instance;

  char       *name;
  char       *job_title;   /* the position and body, as printed */
  gboolean    by_video;
};

/* A reception on the leadership's review list, with how complete its
 * materials are. */
#define APPEALS_TYPE_REVIEW_ENTRY (appeals_review_entry_get_type ())
G_DECLARE_FINAL_TYPE (AppealsReviewEntry, appeals_review_entry, APPEALS, REVIEW_ENTRY, GObject)

struct _AppealsReviewEntry
{
  GObject                  parent_instance;

  struct _AppealsReception *reception;         /* owned */
  gint64                    materials_done;    /* kinds of material with a file */
  gint64                    materials_needed;
  gboolean                  complete;
};

const AppealsRecordType *appeals_reception_step_get_record_type   (void);
const AppealsRecordType *appeals_protocol_order_get_record_type   (void);
const AppealsRecordType *appeals_attachment_get_record_type       (void);
const AppealsRecordType *appeals_reception_review_get_record_type (void);
const AppealsRecordType *appeals_review_entry_get_record_type     (void);
const AppealsRecordType *appeals_reception_participant_get_record_type (void);

AppealsReceptionStep   *appeals_reception_step_new_from_json   (JsonNode  *node,
                                                                GError   **error);
AppealsProtocolOrder   *appeals_protocol_order_new_from_json   (JsonNode  *node,
                                                                GError   **error);
AppealsAttachment      *appeals_attachment_new_from_json       (JsonNode  *node,
                                                                GError   **error);
AppealsReceptionReview *appeals_reception_review_new_from_json (JsonNode  *node,
                                                                GError   **error);
AppealsReviewEntry     *appeals_review_entry_new_from_json     (JsonNode  *node,
                                                                GError   **error);
AppealsReceptionParticipant *appeals_reception_participant_new_from_json (JsonNode  *node,
                                                                          GError   **error);

G_END_DECLS
