/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-field-error-row.h: what is wrong with a field, in a row of its
 * own right below the field's row.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define APPEALS_TYPE_FIELD_ERROR_ROW (appeals_field_error_row_get_type ())

G_DECLARE_FINAL_TYPE (AppealsFieldErrorRow, appeals_field_error_row, APPEALS, FIELD_ERROR_ROW, AdwPreferencesRow)

GtkWidget  *appeals_field_error_row_new         (GtkWidget            *field_row);
GtkWidget  *appeals_field_error_row_add         (AdwPreferencesGroup  *group,
                                                 GtkWidget            *field_row);
void        appeals_field_error_row_set_message (AppealsFieldErrorRow *self,
                                                 const char           *message);
const char *appeals_field_error_row_get_message (AppealsFieldErrorRow *self);

G_END_DECLS
