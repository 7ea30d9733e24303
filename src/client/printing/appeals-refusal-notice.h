/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-refusal-notice.h: the printed notice that tells an applicant
 * why their reception request was refused, in Kazakh or in Russian.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-core.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_REFUSAL_NOTICE (appeals_refusal_notice_get_type ())

G_DECLARE_FINAL_TYPE (AppealsRefusalNotice, appeals_refusal_notice, APPEALS, REFUSAL_NOTICE, GtkPrintOperation)

AppealsRefusalNotice *appeals_refusal_notice_new (const char  *language,
                                                  const char  *applicant_name,
                                                  const char  *applicant_address,
                                                  const char  *request_text,
                                                  const GDate *date,
                                                  const char  *registrar_name);
AppealsRefusalNotice *appeals_refusal_notice_new_for_request (const char              *language,
                                                              AppealsReceptionRequest *request,
                                                              const char              *registrar_name);

G_END_DECLS
