/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-iin.h: Kazakhstan's individual (IIN) and business (BIN)
 * identification numbers.
 */
#pragma once

#include <glib.h>

#include "appeals-applicant.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_TAX_ID_INVALID,
  APPEALS_TAX_ID_IIN,
  APPEALS_TAX_ID_BIN,
} AppealsTaxIdKind;

gboolean          appeals_iin_checksum_ok  (const char   *digits);
gboolean          appeals_iin_parse        (const char   *iin,
                                            GDate        *birth_date,
                                            AppealsSex   *sex,
                                            GError      **error);
gboolean          appeals_iin_validate     (const char   *iin,
                                            GError      **error);
int               appeals_iin_age_on       (const char   *iin,
                                            const GDate  *on_date);
gboolean          appeals_bin_validate     (const char   *bin,
                                            GError      **error);
AppealsTaxIdKind  appeals_tax_id_classify  (const char   *id);

G_END_DECLS
