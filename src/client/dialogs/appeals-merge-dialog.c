/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-merge-dialog.c: one row per conflicting field with a choice of
 * "mine" or "theirs"; "resolved" hands back the merged appeal with the
 * chosen values.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-merge-dialog.h"

struct _AppealsMergeDialog
{
  AdwWindow            parent_instance;

  AdwPreferencesGroup *group;

  GPtrArray           *conflicts;  /* AppealsFieldSpec */
  AppealsAppeal       *merged;     /* mine in the conflicting fields */
  AppealsAppeal       *theirs;
  char                *theirs_caption;  /* who saved the other version, and when */
  GHashTable          *mine;       /* field → GtkCheckButton of "mine" */
};

G_DEFINE_FINAL_TYPE (AppealsMergeDialog, appeals_merge_dialog, ADW_TYPE_WINDOW)

enum {
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
appeals_merge_dialog_choose (AppealsMergeDialog *self,
                             const char         *field,
                             gboolean            mine)
{
  GtkCheckButton *button = g_hash_table_lookup (self->mine, field);
  GtkCheckButton *other = g_object_get_data (G_OBJECT (button), "theirs");

  g_return_if_fail (button != NULL);
  gtk_check_button_set_active (mine ? button : other, TRUE);
}

/**
 * appeals_merge_dialog_accept:
 *
 * Emits "resolved" with the merged appeal holding the chosen values, and
 * closes.
 */
void
appeals_merge_dialog_accept (AppealsMergeDialog *self)
{
  g_autoptr(AppealsAppeal) chosen = appeals_appeal_copy (self->merged);

  for (guint i = 0; i < self->conflicts->len; i++)
    {
      const AppealsFieldSpec *field = g_ptr_array_index (self->conflicts, i);
      GtkCheckButton *mine = g_hash_table_lookup (self->mine, field->name);

      if (!gtk_check_button_get_active (mine))
        appeals_record_copy_field (field, chosen, self->theirs);
    }

  g_signal_emit (self, signals[RESOLVED], 0, chosen);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
appeals_merge_dialog_finalize (GObject *object)
{
  AppealsMergeDialog *self = (AppealsMergeDialog *)object;

  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->mine, g_hash_table_unref);
  g_clear_object (&self->merged);
  g_clear_object (&self->theirs);
  g_clear_pointer (&self->theirs_caption, g_free);

  G_OBJECT_CLASS (appeals_merge_dialog_parent_class)->finalize (object);
}

static void
appeals_merge_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), APPEALS_TYPE_MERGE_DIALOG);

  G_OBJECT_CLASS (appeals_merge_dialog_parent_class)->dispose (object);
}

static void
appeals_merge_dialog_class_init (AppealsMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = appeals_merge_dialog_dispose;
  object_class->finalize = appeals_merge_dialog_finalize;

  /**
   * AppealsMergeDialog::resolved:
   * @chosen: the merged #AppealsAppeal with the chosen values
   */
  signals[RESOLVED] = g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, APPEALS_TYPE_APPEAL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/appeals-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsMergeDialog, group);
  gtk_widget_class_bind_template_callback (widget_class, appeals_merge_dialog_accept);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_destroy);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
appeals_merge_dialog_init (AppealsMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->mine = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static GtkWidget *
make_choice (const char *caption,
             const char *value)
{
  g_autofree char *markup = g_markup_printf_escaped ("<small>%s</small>\n%s", caption, value);
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  gtk_widget_set_hexpand (button, TRUE);
  return button;
}

/* "Ким Виктор Александрович" → "Ким В. А." */
static char *
short_name (const char *full_name)
{
  g_auto(GStrv) words = g_strsplit (full_name, " ", -1);
  GString *name = g_string_new (words[0]);

  for (guint i = 1; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        g_autofree char *initial = g_utf8_substring (words[i], 0, 1);

        g_string_append_printf (name, " %s.", initial);
      }

  return g_string_free (name, FALSE);
}

/* The other version by who saved it and when ("Ким В. А., 14:32"), not
 * as "theirs"; a day other than today is named too. */
static char *
describe_version (AppealsAppeal *theirs)
{
  g_autofree char *who = theirs->updated_by_name != NULL ? short_name (theirs->updated_by_name) : NULL;
  g_autofree char *when = NULL;

  if (theirs->updated_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (theirs->updated_at);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      gboolean today = g_date_time_get_year (local) == g_date_time_get_year (now) &&
                       g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now);

      when = g_date_time_format (local, today ? "%H:%M" : "%d.%m.%Y %H:%M");
    }

  if (who != NULL && when != NULL)
    /* Translators: the version of the card another person saved: their name, then a time or a date and time */
    return g_strdup_printf (C_("saved version", "%s, %s"), who, when);
  if (when != NULL)
    /* Translators: the version of the card another person saved; %s is a time or a date and time */
    return g_strdup_printf (_("Saved %s"), when);
  return g_strdup (_("The saved version"));
}

/**
 * appeals_merge_dialog_new:
 * @conflicts: (transfer full) (element-type AppealsFieldSpec): fields of
 *   the appeal both sides changed
 * @merged: the merge, holding mine in the conflicting fields
 * @theirs: the version saved first
 */
AppealsMergeDialog *
appeals_merge_dialog_new (GtkWindow       *parent,
                          AppealsCardForm *form,
                          GPtrArray       *conflicts,
                          AppealsAppeal   *merged,
                          AppealsAppeal   *theirs)
{
  AppealsMergeDialog *self = g_object_new (APPEALS_TYPE_MERGE_DIALOG, "transient-for", parent, NULL);
  const AppealsRecordType *type = appeals_appeal_get_record_type ();

  self->conflicts = conflicts;
  self->merged = g_object_ref (merged);
  self->theirs = g_object_ref (theirs);

  self->theirs_caption = describe_version (theirs);

  for (guint i = 0; i < conflicts->len; i++)
    {
      const AppealsFieldSpec *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *mine_text = appeals_card_form_format_field (form, type, conflict->name, merged);
      g_autofree char *theirs_text = appeals_card_form_format_field (form, type, conflict->name, theirs);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *mine = make_choice (_("Your changes"), mine_text);
      GtkWidget *theirs_button = make_choice (self->theirs_caption, theirs_text);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), appeals_card_form_get_label (form, conflict->name));
      gtk_check_button_set_group (GTK_CHECK_BUTTON (theirs_button), GTK_CHECK_BUTTON (mine));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (mine), TRUE);
      gtk_widget_set_name (mine, conflict->name);
      gtk_box_append (GTK_BOX (box), mine);
      gtk_box_append (GTK_BOX (box), theirs_button);
      gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_preferences_group_add (self->group, row);

      g_object_set_data (G_OBJECT (mine), "theirs", theirs_button);
      g_hash_table_insert (self->mine, g_strdup (conflict->name), mine);
    }

  return self;
}

/**
 * appeals_merge_dialog_get_other_caption:
 *
 * Returns: how the dialog names the version saved first ("Ким В. А., 14:32")
 */
const char *
appeals_merge_dialog_get_other_caption (AppealsMergeDialog *self)
{
  g_return_val_if_fail (APPEALS_IS_MERGE_DIALOG (self), NULL);

  return self->theirs_caption;
}
