/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-field-error-row.c: a field's error, right below the field.
 *
 * In a preferences group a plain label would land below the whole group,
 * so the error is a row of its own, hidden while there is none. While it
 * shows, the field's row is marked (the "error" style class, and invalid
 * for screen readers) and described by the message, so that a screen
 * reader says what is wrong on reaching the field.
 */
#include "config.h"

#include "appeals-field-error-row.h"

struct _AppealsFieldErrorRow
{
  AdwPreferencesRow  parent_instance;

  GtkLabel          *label;
  GtkWidget         *field_row;   /* weak */
};

G_DEFINE_FINAL_TYPE (AppealsFieldErrorRow, appeals_field_error_row, ADW_TYPE_PREFERENCES_ROW)

static void
appeals_field_error_row_dispose (GObject *object)
{
  AppealsFieldErrorRow *self = APPEALS_FIELD_ERROR_ROW (object);

  g_clear_weak_pointer (&self->field_row);
  G_OBJECT_CLASS (appeals_field_error_row_parent_class)->dispose (object);
}

static void
appeals_field_error_row_class_init (AppealsFieldErrorRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = appeals_field_error_row_dispose;
}

static void
appeals_field_error_row_init (AppealsFieldErrorRow *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "field-error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), GTK_WIDGET (self->label));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * appeals_field_error_row_new:
 * @field_row: (nullable): the row of the field the errors are about
 *
 * A hidden error row; its name is @field_row's with "-error" after it,
 * if @field_row has a name of its own.
 */
GtkWidget *
appeals_field_error_row_new (GtkWidget *field_row)
{
  AppealsFieldErrorRow *self = g_object_new (APPEALS_TYPE_FIELD_ERROR_ROW, NULL);

  if (field_row != NULL)
    {
      const char *field_name = gtk_widget_get_name (field_row);

      g_set_weak_pointer (&self->field_row, field_row);
      /* a widget without a name of its own answers its type's */
      if (g_strcmp0 (field_name, G_OBJECT_TYPE_NAME (field_row)) != 0)
        {
          g_autofree char *name = g_strconcat (field_name, "-error", NULL);

          gtk_widget_set_name (GTK_WIDGET (self), name);
        }
    }
  return GTK_WIDGET (self);
}

/**
 * appeals_field_error_row_add:
 * @group: the group @field_row was just added to
 *
 * A new error row for @field_row, added to @group right after it.
 *
 * Returns: (transfer none): the error row
 */
GtkWidget *
appeals_field_error_row_add (AdwPreferencesGroup *group,
                             GtkWidget           *field_row)
{
  GtkWidget *row = appeals_field_error_row_new (field_row);

  adw_preferences_group_add (group, row);
  return row;
}

/**
 * appeals_field_error_row_set_message:
 * @message: (nullable): what is wrong, or %NULL to hide the row
 */
void
appeals_field_error_row_set_message (AppealsFieldErrorRow *self,
                                     const char           *message)
{
  gboolean shown = message != NULL && *message != '\0';

  g_return_if_fail (APPEALS_IS_FIELD_ERROR_ROW (self));

  gtk_label_set_text (self->label, shown ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self), shown);
  if (self->field_row == NULL)
    return;
  if (shown)
    {
      gtk_widget_add_css_class (self->field_row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->field_row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->field_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->field_row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->field_row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->field_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/**
 * appeals_field_error_row_get_message:
 *
 * Returns: (nullable): the message shown, or %NULL while the row is hidden
 */
const char *
appeals_field_error_row_get_message (AppealsFieldErrorRow *self)
{
  g_return_val_if_fail (APPEALS_IS_FIELD_ERROR_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_text (self->label) : NULL;
}
