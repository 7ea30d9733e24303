/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-intake-import-dialog.h: importing a file exported from e-gov /
 * eOtinish or the Virtual reception into today's receipt journal.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_INTAKE_IMPORT_DIALOG (appeals_intake_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AppealsIntakeImportDialog, appeals_intake_import_dialog, APPEALS, INTAKE_IMPORT_DIALOG,
                      AdwWindow)

AppealsIntakeImportDialog *appeals_intake_import_dialog_new       (AppealsContext            *context,
                                                                   GtkWindow                 *parent);
void      appeals_intake_import_dialog_load_file   (AppealsIntakeImportDialog *self,
                                                    GFile                     *file);
gboolean  appeals_intake_import_dialog_is_busy     (AppealsIntakeImportDialog *self);
guint     appeals_intake_import_dialog_count       (AppealsIntakeImportDialog *self,
                                                    AppealsImportRowStatus     status);

G_END_DECLS
