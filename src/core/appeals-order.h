/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-order.h: an order (поручение) under control — of the President,
 * the State Secretary, the Presidential Administration, the akim or a
 * reception's protocol — given on an appeal or a reception to an executor
 * body, with its term in working days, interim reports, an on-site check
 * and a conclusion. One register holds them all.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-calendar.h"
#include "appeals-record.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_ORDER_CONTROL_UNSET,
  APPEALS_ORDER_CONTROL_ON_CONTROL,
  APPEALS_ORDER_CONTROL_EXECUTED,
  APPEALS_ORDER_CONTROL_TAKEN_OFF,
} AppealsOrderControl;

/* The longest term an order may be given, in working days. */
#define APPEALS_ORDER_MAX_WORKING_DAYS 250

/* The source code of orders given at a personal reception. */
#define APPEALS_ORDER_SOURCE_RECEPTION_PROTOCOL "reception-protocol"

/* An interim report of the executor body. */
#define APPEALS_TYPE_ORDER_REPORT (appeals_order_report_get_type ())
G_DECLARE_FINAL_TYPE (AppealsOrderReport, appeals_order_report, APPEALS, ORDER_REPORT, GObject)

struct _AppealsOrderReport
{
  GObject     parent_instance;

  gint64      id;
  GDate       reported_on;
  char       *text;
  char       *created_by;
  char       *created_by_name; /* the user's full name, if the login is one */
  GDateTime  *created_at;
};

#define APPEALS_TYPE_ORDER (appeals_order_get_type ())
G_DECLARE_FINAL_TYPE (AppealsOrder, appeals_order, APPEALS, ORDER, GObject)

struct _AppealsOrder
{
  GObject     parent_instance;

  gint64      id;
  gint64      version;
  char       *source;          /* order-sources classifier code */
  char       *text;
  gint64      appeal_id;       /* 0: none */
  gint64      reception_id;    /* 0: none */
  char       *executor_body;   /* addressee-bodies classifier code */
  GDate       given_on;
  gint64      working_days;    /* 0 for orders moved from the old protocol, whose term was a date */
  GDate       due_date;        /* given_on + working_days, by the calendar */
  int         status;          /* AppealsOrderControl */
  GDateTime  *executed_at;
  GDate       check_date;      /* the on-site check */
  char       *check_findings;
  char       *conclusion;
  gboolean    overdue;         /* on control and past its due date */
  gint64      days_overdue;    /* working days past the due date */
  char       *created_by;
  GDateTime  *created_at;
  GDateTime  *updated_at;

  GPtrArray  *reports;         /* AppealsOrderReport, oldest first */
};

const AppealsRecordType *appeals_order_get_record_type        (void);
const AppealsRecordType *appeals_order_report_get_record_type (void);

AppealsOrder       *appeals_order_new              (void);
AppealsOrder       *appeals_order_new_from_json    (JsonNode         *node,
                                                    GError          **error);
AppealsOrder       *appeals_order_copy             (AppealsOrder     *self);
JsonNode           *appeals_order_to_json          (AppealsOrder     *self);
gboolean            appeals_order_validate         (AppealsOrder     *self,
                                                    GPtrArray        *errors);
void                appeals_order_compute_due      (AppealsOrder     *self,
                                                    AppealsCalendar  *calendar);
void                appeals_order_evaluate_overdue (AppealsOrder     *self,
                                                    AppealsCalendar  *calendar,
                                                    const GDate      *today);
gboolean            appeals_order_is_open          (AppealsOrder     *self);
const char         *appeals_order_control_get_label (AppealsOrderControl status);

AppealsOrderReport *appeals_order_report_new       (void);
AppealsOrderReport *appeals_order_report_new_from_json (JsonNode     *node,
                                                    GError          **error);
gboolean            appeals_order_report_validate  (AppealsOrderReport *self,
                                                    const GDate      *today,
                                                    GPtrArray        *errors);

G_END_DECLS
