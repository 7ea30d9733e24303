/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-appeal-service.h: appeals and applicants: the journal's pages, the registration card, its history and files.
 *
 * A service is the only code that knows this family's URLs and JSON: it
 * offers domain verbs as _async/_finish pairs that take and give core
 * models, and reports refusals as APPEALS_SERVICE_ERROR.
 *
 * Signal "appeal-changed" (AppealsAppeal): after every successful save,
 * with the server's answer, so lists update that one row.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

/* What the journal asks for; zero values mean "any". */
typedef struct
{
  char     *text;                /* full-text search */
  int       status;              /* AppealsStatus */
  int       category;            /* AppealsCategory */
  int       channel;             /* AppealsChannel */
  char     *district;            /* districts classifier code */
  char     *question_character;  /* question-characters classifier code */
  gint64    applicant_id;
  gboolean  overdue_only;
  gboolean  control_only;
  GDate     from;                /* registration date range */
  GDate     to;
  char     *sort;                /* "registration_date", "-due_date", …; NULL: the server's order */
  char     *figure;              /* a report figure's journal query ("outcome=refused&from=…"), or NULL */
  gboolean  with_texts;          /* pages with each appeal's text and answer, as its card has them;
                                  * by default a page's rows leave them out (?texts=false) */
} AppealsAppealFilter;

#define APPEALS_TYPE_APPEAL_FILTER (appeals_appeal_filter_get_type ())

GType                appeals_appeal_filter_get_type (void) G_GNUC_CONST;
AppealsAppealFilter *appeals_appeal_filter_new      (void);
AppealsAppealFilter *appeals_appeal_filter_copy     (const AppealsAppealFilter *filter);
void                 appeals_appeal_filter_free     (AppealsAppealFilter       *filter);
gboolean             appeals_appeal_filter_equal    (const AppealsAppealFilter *a,
                                                     const AppealsAppealFilter *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsAppealFilter, appeals_appeal_filter_free)

/* One page of the journal. */
typedef struct
{
  GPtrArray *items;        /* AppealsAppeal */
  char      *next_cursor;  /* NULL on the last page */
} AppealsAppealPage;

/* Where the server stops counting ("more than 10,000"), and the furthest
 * position a page can be asked for without a cursor. */
#define APPEALS_APPEAL_COUNT_CAP 10000

/* The journal's totals, asked for apart from its pages. */
typedef struct
{
  guint     total;         /* at most the cap */
  gboolean  total_more;    /* more than the cap */
  guint     overdue;
  gboolean  overdue_more;
} AppealsAppealCount;

void appeals_appeal_page_free (AppealsAppealPage *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsAppealPage, appeals_appeal_page_free)

#define APPEALS_TYPE_APPEAL_SERVICE (appeals_appeal_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsAppealService, appeals_appeal_service, APPEALS, APPEAL_SERVICE, GObject)

AppealsAppealService *appeals_appeal_service_new                  (AppealsApiClient           *client);

void                  appeals_appeal_service_list_page_async      (AppealsAppealService       *self,
                                                                   const AppealsAppealFilter  *filter,
                                                                   guint                       limit,
                                                                   const char                 *cursor,
                                                                   GCancellable               *cancellable,
                                                                   GAsyncReadyCallback         callback,
                                                                   gpointer                    user_data);
AppealsAppealPage    *appeals_appeal_service_list_page_finish     (AppealsAppealService       *self,
                                                                   GAsyncResult               *result,
                                                                   GError                    **error);
void                  appeals_appeal_service_list_page_at_async   (AppealsAppealService       *self,
                                                                   const AppealsAppealFilter  *filter,
                                                                   guint                       limit,
                                                                   const char                 *cursor,
                                                                   guint                       offset,
                                                                   GCancellable               *cancellable,
                                                                   GAsyncReadyCallback         callback,
                                                                   gpointer                    user_data);
void                  appeals_appeal_service_count_async          (AppealsAppealService       *self,
                                                                   const AppealsAppealFilter  *filter,
                                                                   GCancellable               *cancellable,
                                                                   GAsyncReadyCallback         callback,
                                                                   gpointer                    user_data);
AppealsAppealCount   *appeals_appeal_service_count_finish         (AppealsAppealService       *self,
                                                                   GAsyncResult               *result,
                                                                   GError                    **error);

void                  appeals_appeal_service_get_appeal_async     (AppealsAppealService       *self,
                                                                   gint64                      appeal_id,
                                                                   GCancellable               *cancellable,
                                                                   GAsyncReadyCallback         callback,
                                                                   gpointer                    user_data);
AppealsAppeal        *appeals_appeal_service_get_appeal_finish    (AppealsAppealService       *self,
                                                                   GAsyncResult               *result,
                                                                   char                      **etag,
                                                                   GError                    **error);

void                  appeals_appeal_service_save_async           (AppealsAppealService       *self,
                                                                   AppealsAppeal              *appeal,
                                                                   AppealsAppeal              *base,
                                                                   const char                 *base_etag,
                                                                   const char                 *idempotency_key,
                                                                   GCancellable               *cancellable,
                                                                   GAsyncReadyCallback         callback,
                                                                   gpointer                    user_data);
void                  appeals_appeal_service_register_receipt_async (AppealsAppealService     *self,
                                                                   AppealsAppeal              *appeal,
                                                                   gint64                      receipt_id,
                                                                   const char                 *idempotency_key,
                                                                   GCancellable               *cancellable,
                                                                   GAsyncReadyCallback         callback,
                                                                   gpointer                    user_data);
AppealsAppeal        *appeals_appeal_service_save_finish          (AppealsAppealService       *self,
                                                                   GAsyncResult               *result,
                                                                   char                      **etag,
                                                                   GError                    **error);
AppealsAppeal        *appeals_appeal_service_dup_current          (const GError               *error,
                                                                   char                      **etag);

void                  appeals_appeal_service_list_history_async   (AppealsAppealService       *self,
                                                                   gint64                      appeal_id,
                                                                   GCancellable               *cancellable,
                                                                   GAsyncReadyCallback         callback,
                                                                   gpointer                    user_data);
GPtrArray            *appeals_appeal_service_list_history_finish  (AppealsAppealService       *self,
                                                                   GAsyncResult               *result,
                                                                   GError                    **error);

void                  appeals_appeal_service_find_applicant_async (AppealsAppealService       *self,
                                                                   const char                 *iin,
                                                                   GCancellable               *cancellable,
                                                                   GAsyncReadyCallback         callback,
                                                                   gpointer                    user_data);
AppealsApplicant     *appeals_appeal_service_find_applicant_finish (AppealsAppealService      *self,
                                                                   GAsyncResult               *result,
                                                                   char                      **etag,
                                                                   GError                    **error);

void                  appeals_appeal_service_find_appeal_async    (AppealsAppealService       *self,
                                                                   const char                 *registration_number,
                                                                   GCancellable               *cancellable,
                                                                   GAsyncReadyCallback         callback,
                                                                   gpointer                    user_data);
AppealsAppeal        *appeals_appeal_service_find_appeal_finish   (AppealsAppealService       *self,
                                                                   GAsyncResult               *result,
                                                                   GError                    **error);

void                  appeals_appeal_service_get_applicant_async  (AppealsAppealService       *self,
                                                                   gint64                      applicant_id,
                                                                   GCancellable               *cancellable,
                                                                   GAsyncReadyCallback         callback,
                                                                   gpointer                    user_data);
AppealsApplicant     *appeals_appeal_service_get_applicant_finish (AppealsAppealService       *self,
                                                                   GAsyncResult               *result,
                                                                   char                      **etag,
                                                                   GError                    **error);

void                  appeals_appeal_service_save_applicant_async (AppealsAppealService       *self,
                                                                   AppealsApplicant           *applicant,
                                                                   AppealsApplicant           *base,
                                                                   const char                 *base_etag,
                                                                   const char                 *idempotency_key,
                                                                   GCancellable               *cancellable,
                                                                   GAsyncReadyCallback         callback,
                                                                   gpointer                    user_data);
AppealsApplicant     *appeals_appeal_service_save_applicant_finish (AppealsAppealService      *self,
                                                                   GAsyncResult               *result,
                                                                   char                      **etag,
                                                                   GError                    **error);

G_END_DECLS
