/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-kazpost-service.h: Kazpost batches of the intake desk — open a
 * batch, find the open one again, enter the list's codes, scan envelopes,
 * mark one for another addressee, close the batch. Every call finishes
 * with the batch as the server now holds it; refusals come as
 * APPEALS_SERVICE_ERROR with the server's stable code.
 */
#pragma once

#include "appeals-api-client.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_KAZPOST_ENTER_LIST_CODE,   /* a code of the courier's list */
  APPEALS_KAZPOST_ENTER_SCAN,        /* an envelope scanned */
  APPEALS_KAZPOST_ENTER_RETURN,      /* a scanned envelope for another addressee */
} AppealsKazpostEntry;

#define APPEALS_TYPE_KAZPOST_SERVICE (appeals_kazpost_service_get_type ())

G_DECLARE_FINAL_TYPE (AppealsKazpostService, appeals_kazpost_service, APPEALS, KAZPOST_SERVICE, GObject)

AppealsKazpostService *appeals_kazpost_service_new           (AppealsApiClient       *client);

void                 appeals_kazpost_service_open_async     (AppealsKazpostService  *self,
                                                             const char             *courier,
                                                             GCancellable           *cancellable,
                                                             GAsyncReadyCallback     callback,
                                                             gpointer                user_data);
void                 appeals_kazpost_service_find_open_async (AppealsKazpostService *self,
                                                             GCancellable           *cancellable,
                                                             GAsyncReadyCallback     callback,
                                                             gpointer                user_data);
void                 appeals_kazpost_service_enter_async    (AppealsKazpostService  *self,
                                                             gint64                  batch,
                                                             AppealsKazpostEntry     entry,
                                                             const char             *code,
                                                             GCancellable           *cancellable,
                                                             GAsyncReadyCallback     callback,
                                                             gpointer                user_data);
void                 appeals_kazpost_service_close_async    (AppealsKazpostService  *self,
                                                             gint64                  batch,
                                                             GCancellable           *cancellable,
                                                             GAsyncReadyCallback     callback,
                                                             gpointer                user_data);
AppealsKazpostBatch *appeals_kazpost_service_batch_finish   (AppealsKazpostService  *self,
                                                             GAsyncResult           *result,
                                                             GError                **error);

G_END_DECLS
