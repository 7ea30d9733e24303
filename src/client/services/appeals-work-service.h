/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-work-service.h: what the signed-in person has to do (GET
 * my-work), in the groups the server gives their role.
 *
 * A service is the only code that knows this family's URLs and JSON: it
 * offers domain verbs as _async/_finish pairs that take and give models,
 * and reports refusals as APPEALS_SERVICE_ERROR.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_WORK_ITEM_APPEAL,
  APPEALS_WORK_ITEM_EXPERTISE,    /* an expertise round waiting for approval */
  APPEALS_WORK_ITEM_RECEPTION,    /* a step of a reception */
  APPEALS_WORK_ITEM_ORDER,
} AppealsWorkItemKind;

typedef enum
{
  APPEALS_WORK_DUE_OVERDUE,
  APPEALS_WORK_DUE_TODAY,
  APPEALS_WORK_DUE_SOON,
  APPEALS_WORK_DUE_WAITING,       /* no term: waits for the person */
} AppealsWorkDue;

/* One thing to do. */
typedef struct
{
  AppealsWorkItemKind  kind;
  gint64               id;          /* of the appeal, round, reception or order */
  gint64               appeal_id;   /* 0: none */
  char                *number;      /* registration number; step code; order source */
  char                *summary;
  GDate                due_date;    /* invalid: no term */
  AppealsWorkDue       due;
  GDate                waiting_since;  /* without a term: the day it waits from, if known */
} AppealsWorkItem;

typedef struct
{
  char      *name;                  /* "my_appeals", "on_control", … */
  gint64     count;                 /* all of them, also beyond those listed, up to the cap */
  gboolean   count_more;            /* more than count: the server stopped counting */
  GPtrArray *items;                 /* AppealsWorkItem, the most urgent first */
} AppealsWorkGroup;

typedef struct
{
  GDate      today;
  GDate      soon_until;
  GPtrArray *groups;                /* AppealsWorkGroup */
} AppealsWork;

void appeals_work_free (AppealsWork *work);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsWork, appeals_work_free)

char *appeals_work_item_key (const AppealsWorkItem *item);

#define APPEALS_TYPE_WORK_SERVICE (appeals_work_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsWorkService, appeals_work_service, APPEALS, WORK_SERVICE, GObject)

AppealsWorkService *appeals_work_service_new         (AppealsApiClient    *client);
void                appeals_work_service_load_async  (AppealsWorkService  *self,
                                                      guint                soon_days,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
AppealsWork        *appeals_work_service_load_finish (AppealsWorkService  *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
