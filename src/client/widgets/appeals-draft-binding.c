/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-draft-binding.c: each bound field is saved, with the others,
 * whenever it changes (appeals-form-drafts.c writes the file); a form
 * whose fields are all empty has no draft. Restoring sets the fields
 * without saving them again. A combo row is kept by its position, a
 * toggle button or a switch as "1" or "0".
 */
#include "config.h"

#include "appeals-draft-binding.h"
#include "appeals-form-drafts.h"
#include "appeals-text-view.h"

typedef enum {
  FIELD_EDITABLE,
  FIELD_TEXT_VIEW,
  FIELD_COMBO_ROW,
  FIELD_TOGGLE,        /* a GtkToggleButton */
  FIELD_SWITCH,
} FieldKind;

typedef struct
{
  char      *name;
  FieldKind  kind;
  GObject   *widget;   /* weak: the dialog owns its fields */
} Field;

struct _AppealsDraftBinding
{
  GObject         parent_instance;

  char           *server_url;
  char           *login;
  char           *form;
  GPtrArray      *fields;   /* Field */
  gboolean        restoring;
  gboolean        discarded;
};

G_DEFINE_FINAL_TYPE (AppealsDraftBinding, appeals_draft_binding, G_TYPE_OBJECT)

static void
field_free (Field *field)
{
  g_free (field->name);
  if (field->widget != NULL)
    g_object_remove_weak_pointer (field->widget, (gpointer *) &field->widget);
  g_free (field);
}

static char *
field_get (const Field *field)
{
  switch (field->kind)
    {
    case FIELD_EDITABLE:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
    case FIELD_TEXT_VIEW:
      return appeals_text_view_dup_text (GTK_TEXT_VIEW (field->widget));
    case FIELD_COMBO_ROW:
      return g_strdup_printf ("%u", adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget)));
    case FIELD_TOGGLE:
      return g_strdup (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (field->widget)) ? "1" : "0");
    case FIELD_SWITCH:
      return g_strdup (gtk_switch_get_active (GTK_SWITCH (field->widget)) ? "1" : "0");
    default:
      g_assert_not_reached ();
    }
}

static void
field_set (const Field *field,
           const char  *value)
{
  switch (field->kind)
    {
    case FIELD_EDITABLE:
      gtk_editable_set_text (GTK_EDITABLE (field->widget), value);
      break;
    case FIELD_TEXT_VIEW:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)), value, -1);
      break;
    case FIELD_COMBO_ROW:
      {
        guint64 position;
        GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (field->widget));

        if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &position, NULL) && model != NULL &&
            position < g_list_model_get_n_items (model))
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), (guint) position);
      }
      break;
    case FIELD_TOGGLE:
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (field->widget), g_str_equal (value, "1"));
      break;
    case FIELD_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->widget), g_str_equal (value, "1"));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Only what a person typed or chose makes a draft: text, a pressed button
 * or a switch turned on; not a list's position. */
static gboolean
field_is_typed (const Field *field,
                const char  *value)
{
  switch (field->kind)
    {
    case FIELD_COMBO_ROW:
      return FALSE;
    case FIELD_TOGGLE:
    case FIELD_SWITCH:
      return g_str_equal (value, "1");
    case FIELD_EDITABLE:
    case FIELD_TEXT_VIEW:
    default:
      return *value != '\0';
    }
}

static void
save (AppealsDraftBinding *self)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  gboolean typed = FALSE;

  if (self->restoring || self->discarded || self->server_url == NULL || self->login == NULL)
    return;

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < self->fields->len; i++)
    {
      const Field *field = g_ptr_array_index (self->fields, i);
      char *value;

      if (field->widget == NULL)
        continue;
      value = field_get (field);
      typed |= field_is_typed (field, value);
      g_hash_table_insert (values, field->name, value);
    }

  if (!typed)
    appeals_form_draft_remove (self->server_url, self->login, self->form);
  else if (!appeals_form_draft_save (self->server_url, self->login, self->form, values, &error))
    g_warning ("draft of %s: %s", self->form, error->message);
}

static void
add_field (AppealsDraftBinding *self,
           const char          *name,
           FieldKind            kind,
           GObject             *widget,
           GObject             *source,
           const char          *signal)
{
  Field *field = g_new0 (Field, 1);

  field->name = g_strdup (name);
  field->kind = kind;
  field->widget = widget;
  g_object_add_weak_pointer (widget, (gpointer *) &field->widget);
  g_ptr_array_add (self->fields, field);
  g_signal_connect_object (source, signal, G_CALLBACK (save), self, G_CONNECT_SWAPPED);
}

static void
appeals_draft_binding_finalize (GObject *object)
{
  AppealsDraftBinding *self = APPEALS_DRAFT_BINDING (object);

  g_ptr_array_unref (self->fields);
  g_free (self->server_url);
  g_free (self->login);
  g_free (self->form);
  G_OBJECT_CLASS (appeals_draft_binding_parent_class)->finalize (object);
}

static void
appeals_draft_binding_class_init (AppealsDraftBindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_draft_binding_finalize;
}

static void
appeals_draft_binding_init (AppealsDraftBinding *self)
{
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
}

/**
 * appeals_draft_binding_new:
 * @form: the form's name, e.g. "booking"
 *
 * A draft of @form for the person signed in to @context's server.
 */
AppealsDraftBinding *
appeals_draft_binding_new (AppealsContext *context,
                           const char     *form)
{
  AppealsDraftBinding *self = g_object_new (APPEALS_TYPE_DRAFT_BINDING, NULL);
  AppealsUser *user = appeals_context_get_user (context);

  self->server_url = g_strdup (appeals_context_get_server_url (context));
  self->login = user != NULL ? g_strdup (user->login) : NULL;
  self->form = g_strdup (form);
  return self;
}

void
appeals_draft_binding_add_editable (AppealsDraftBinding *self,
                                    const char          *name,
                                    GtkEditable         *editable)
{
  add_field (self, name, FIELD_EDITABLE, G_OBJECT (editable), G_OBJECT (editable), "changed");
}

void
appeals_draft_binding_add_text_view (AppealsDraftBinding *self,
                                     const char          *name,
                                     GtkTextView         *view)
{
  add_field (self, name, FIELD_TEXT_VIEW, G_OBJECT (view), G_OBJECT (gtk_text_view_get_buffer (view)), "changed");
}

void
appeals_draft_binding_add_combo_row (AppealsDraftBinding *self,
                                     const char          *name,
                                     AdwComboRow         *row)
{
  add_field (self, name, FIELD_COMBO_ROW, G_OBJECT (row), G_OBJECT (row), "notify::selected");
}

void
appeals_draft_binding_add_toggle_button (AppealsDraftBinding *self,
                                         const char          *name,
                                         GtkToggleButton     *button)
{
  add_field (self, name, FIELD_TOGGLE, G_OBJECT (button), G_OBJECT (button), "toggled");
}

void
appeals_draft_binding_add_switch (AppealsDraftBinding *self,
                                  const char          *name,
                                  GtkSwitch           *toggle)
{
  add_field (self, name, FIELD_SWITCH, G_OBJECT (toggle), G_OBJECT (toggle), "notify::active");
}

/**
 * appeals_draft_binding_restore:
 *
 * Puts the kept draft back into the fields (those it has a value for).
 *
 * Returns: whether there was a draft
 */
gboolean
appeals_draft_binding_restore (AppealsDraftBinding *self)
{
  g_autoptr(GHashTable) values = NULL;

  if (self->server_url == NULL || self->login == NULL)
    return FALSE;
  values = appeals_form_draft_load (self->server_url, self->login, self->form);
  if (values == NULL)
    return FALSE;

  self->restoring = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      const Field *field = g_ptr_array_index (self->fields, i);
      const char *value = g_hash_table_lookup (values, field->name);

      if (field->widget != NULL && value != NULL)
        field_set (field, value);
    }
  self->restoring = FALSE;
  return TRUE;
}

/* The form was sent, or the person chose to drop it: no draft, and none
 * made by what the fields do while they close. */
void
appeals_draft_binding_discard (AppealsDraftBinding *self)
{
  self->discarded = TRUE;
  if (self->server_url != NULL && self->login != NULL)
    appeals_form_draft_remove (self->server_url, self->login, self->form);
}
