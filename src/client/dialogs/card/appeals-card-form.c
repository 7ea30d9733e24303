/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-form.c: the card's fields.
 *
 * Text fields are entry rows; enumerations and classifiers are drop-downs
 * (searchable for the long classifiers); flags are switches. Each field
 * has an error label right below it, hidden until the server or the
 * client's own checks name that field. Signal "changed" (field name) on
 * every edit by the user.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-application.h"
#include "appeals-card-form.h"

typedef enum
{
  WIDGET_ENTRY,
  WIDGET_ENUM,
  WIDGET_CLASSIFIER,
  WIDGET_SWITCH,
} WidgetKind;

typedef struct
{
  const char       *name;
  AppealsCardPart   part;
  WidgetKind        kind;
  const char       *label;
  GType           (*enum_type) (void);
  const char       *classifier;
  gboolean          existing_only;  /* shown once the appeal exists */
} FieldInfo;

static const FieldInfo fields[] = {
  { "iin", APPEALS_CARD_PART_APPLICANT, WIDGET_ENTRY, N_("IIN or BIN"), NULL, NULL, FALSE },
  { "surname", APPEALS_CARD_PART_APPLICANT, WIDGET_ENTRY, N_("Surname"), NULL, NULL, FALSE },
  { "given_name", APPEALS_CARD_PART_APPLICANT, WIDGET_ENTRY, N_("Given name"), NULL, NULL, FALSE },
  { "patronymic", APPEALS_CARD_PART_APPLICANT, WIDGET_ENTRY, N_("Patronymic"), NULL, NULL, FALSE },
  { "social_status", APPEALS_CARD_PART_APPLICANT, WIDGET_CLASSIFIER, N_("Social status"), NULL,
    APPEALS_CLASSIFIER_SOCIAL_STATUSES, FALSE },
  { "occupation", APPEALS_CARD_PART_APPLICANT, WIDGET_ENTRY, N_("Occupation"), NULL, NULL, FALSE },
  { "address", APPEALS_CARD_PART_APPLICANT, WIDGET_ENTRY, N_("Address"), NULL, NULL, FALSE },
  { "phone", APPEALS_CARD_PART_APPLICANT, WIDGET_ENTRY, N_("Phone"), NULL, NULL, FALSE },
  { "channel", APPEALS_CARD_PART_APPEAL, WIDGET_ENUM, N_("Channel"), appeals_channel_get_type, NULL, FALSE },
  { "form", APPEALS_CARD_PART_APPEAL, WIDGET_ENUM, N_("Type"), appeals_form_get_type, NULL, FALSE },
  { "kind", APPEALS_CARD_PART_APPEAL, WIDGET_ENUM, N_("Kind"), appeals_kind_get_type, NULL, FALSE },
  { "addressee_body", APPEALS_CARD_PART_APPEAL, WIDGET_CLASSIFIER, N_("Addressee body"), NULL,
    APPEALS_CLASSIFIER_ADDRESSEE_BODIES, FALSE },
  { "question_character", APPEALS_CARD_PART_APPEAL, WIDGET_CLASSIFIER, N_("Question"), NULL,
    APPEALS_CLASSIFIER_QUESTION_CHARACTERS, FALSE },
  { "category", APPEALS_CARD_PART_APPEAL, WIDGET_ENUM, N_("Category"), appeals_category_get_type, NULL, FALSE },
  { "complaint_subject", APPEALS_CARD_PART_APPEAL, WIDGET_ENUM, N_("Complaint about"),
    appeals_complaint_subject_get_type, NULL, FALSE },
  { "language", APPEALS_CARD_PART_APPEAL, WIDGET_ENUM, N_("Language"), appeals_language_get_type, NULL, FALSE },
  { "district", APPEALS_CARD_PART_APPEAL, WIDGET_CLASSIFIER, N_("District"), NULL,
    APPEALS_CLASSIFIER_DISTRICTS, FALSE },
  { "control", APPEALS_CARD_PART_APPEAL, WIDGET_SWITCH, N_("On control"), NULL, NULL, FALSE },
  { "annotation", APPEALS_CARD_PART_APPEAL, WIDGET_ENTRY, N_("Annotation"), NULL, NULL, FALSE },
  { "text", APPEALS_CARD_PART_APPEAL, WIDGET_ENTRY, N_("Text of the appeal"), NULL, NULL, FALSE },
  { "executor", APPEALS_CARD_PART_APPEAL, WIDGET_ENTRY, N_("Executor"), NULL, NULL, FALSE },
  { "status", APPEALS_CARD_PART_APPEAL, WIDGET_ENUM, N_("Status"), appeals_status_get_type, NULL, TRUE },
  { "answer", APPEALS_CARD_PART_APPEAL, WIDGET_ENTRY, N_("Answer"), NULL, NULL, TRUE },
};

typedef struct
{
  const FieldInfo *info;
  GtkWidget       *row;
  GtkWidget       *input;       /* entry row, drop-down or switch */
  GtkWidget       *error_label;
  GtkWidget       *error_row;
  GArray          *values;      /* drop-downs: wire value per position (position 0 = none) */
} Field;

struct _AppealsCardForm
{
  GObject     parent_instance;

  GHashTable *fields;     /* name → Field */
  GPtrArray  *order;      /* Field, table order */
  gboolean    updating;
};

G_DEFINE_FINAL_TYPE (AppealsCardForm, appeals_card_form, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_free (Field *field)
{
  g_clear_pointer (&field->values, g_array_unref);
  g_free (field);
}

static void
emit_changed (AppealsCardForm *self,
              Field           *field)
{
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0, field->info->name);
}

static void
on_entry_changed (GtkEditable *editable,
                  Field       *field)
{
  emit_changed (g_object_get_data (G_OBJECT (editable), "card-form"), field);
}

static void
on_dropdown_selected (GObject    *dropdown,
                      GParamSpec *pspec,
                      Field      *field)
{
  emit_changed (g_object_get_data (dropdown, "card-form"), field);
}

static void
on_switch_active (GObject    *widget,
                  GParamSpec *pspec,
                  Field      *field)
{
  emit_changed (g_object_get_data (widget, "card-form"), field);
}

static GtkWidget *
make_dropdown (Field *field)
{
  AppealsApplication *app = appeals_application_get_default ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  const char *none = NULL;
  GtkWidget *dropdown;

  field->values = g_array_new (FALSE, FALSE, sizeof (const char *));
  none = "";
  gtk_string_list_append (labels, "—");
  g_array_append_val (field->values, none);

  if (field->info->kind == WIDGET_ENUM)
    {
      GEnumClass *klass = g_type_class_ref (field->info->enum_type ());

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *wire;

          if (klass->values[i].value == 0)
            continue;
          wire = appeals_enum_to_wire (field->info->enum_type (), klass->values[i].value);
          gtk_string_list_append (labels, appeals_enum_get_label (field->info->enum_type (), klass->values[i].value));
          g_array_append_val (field->values, wire);
        }
      g_type_class_unref (klass);
    }
  else
    {
      AppealsClassifier *classifier = appeals_application_get_classifier (app, field->info->classifier);

      for (guint i = 0; i < appeals_classifier_get_n_items (classifier); i++)
        {
          const AppealsClassifierItem *item = appeals_classifier_get_item (classifier, i);
          const char *code = g_intern_string (item->code);

          gtk_string_list_append (labels, appeals_classifier_item_get_label (item, NULL));
          g_array_append_val (field->values, code);
        }
    }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), field->info->kind == WIDGET_CLASSIFIER);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (dropdown, 260, -1);
  return dropdown;
}

static void
add_field (AppealsCardForm     *self,
           AdwPreferencesGroup *group,
           const FieldInfo     *info)
{
  Field *field = g_new0 (Field, 1);

  field->info = info;

  switch (info->kind)
    {
    case WIDGET_ENTRY:
      field->row = adw_entry_row_new ();
      field->input = field->row;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), _(info->label));
      g_signal_connect (field->input, "changed", G_CALLBACK (on_entry_changed), field);
      break;

    case WIDGET_ENUM:
    case WIDGET_CLASSIFIER:
      field->row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), _(info->label));
      field->input = make_dropdown (field);
      adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), field->input);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field->row), field->input);
      g_signal_connect (field->input, "notify::selected", G_CALLBACK (on_dropdown_selected), field);
      break;

    case WIDGET_SWITCH:
      field->row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), _(info->label));
      field->input = gtk_switch_new ();
      gtk_widget_set_valign (field->input, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), field->input);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field->row), field->input);
      g_signal_connect (field->input, "notify::active", G_CALLBACK (on_switch_active), field);
      break;

    default:
      g_assert_not_reached ();
    }

  g_object_set_data (G_OBJECT (field->input), "card-form", self);
  gtk_widget_set_name (field->input, info->name);

  /* the error is a row of its own right below the field's row: a plain
   * widget would land below the whole group */
  field->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (field->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (field->error_label), 0);
  gtk_widget_add_css_class (field->error_label, "field-error");
  field->error_row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                   "activatable", FALSE,
                                   "selectable", FALSE,
                                   "child", field->error_label,
                                   "visible", FALSE,
                                   NULL);

  adw_preferences_group_add (group, field->row);
  adw_preferences_group_add (group, field->error_row);

  g_hash_table_insert (self->fields, (gpointer) info->name, field);
  g_ptr_array_add (self->order, field);
}

static Field *
get_field (AppealsCardForm *self,
           const char      *name)
{
  return g_hash_table_lookup (self->fields, name);
}

gboolean
appeals_card_form_has_field (AppealsCardForm *self,
                             AppealsCardPart  part,
                             const char      *name)
{
  Field *field = get_field (self, name);

  return field != NULL && field->info->part == part;
}

GtkWidget *
appeals_card_form_get_widget (AppealsCardForm *self,
                              const char      *name)
{
  Field *field = get_field (self, name);

  return field != NULL ? field->input : NULL;
}

const char *
appeals_card_form_get_label (AppealsCardForm *self,
                             const char      *name)
{
  Field *field = get_field (self, name);

  return field != NULL ? _(field->info->label) : name;
}

static JsonNode *
field_get_value (Field *field)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  switch (field->info->kind)
    {
    case WIDGET_ENTRY:
      {
        g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->input))));

        if (*text == '\0')
          break;
        json_node_set_string (node, text);
        return node;
      }

    case WIDGET_ENUM:
    case WIDGET_CLASSIFIER:
      {
        guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (field->input));

        if (selected == GTK_INVALID_LIST_POSITION || selected == 0)
          break;
        json_node_set_string (node, g_array_index (field->values, const char *, selected));
        return node;
      }

    case WIDGET_SWITCH:
      json_node_set_boolean (node, gtk_switch_get_active (GTK_SWITCH (field->input)));
      return node;

    default:
      g_assert_not_reached ();
    }

  json_node_unref (node);
  return json_node_new (JSON_NODE_NULL);
}

static void
field_set_value (Field    *field,
                 JsonNode *value)
{
  gboolean is_null = value == NULL || JSON_NODE_HOLDS_NULL (value);

  switch (field->info->kind)
    {
    case WIDGET_ENTRY:
      {
        const char *text = !is_null && json_node_get_value_type (value) == G_TYPE_STRING
                           ? json_node_get_string (value) : "";
        g_autofree char *number = NULL;

        if (!is_null && json_node_get_value_type (value) == G_TYPE_INT64)
          text = number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
        gtk_editable_set_text (GTK_EDITABLE (field->input), text);
        break;
      }

    case WIDGET_ENUM:
    case WIDGET_CLASSIFIER:
      {
        const char *wire = !is_null && json_node_get_value_type (value) == G_TYPE_STRING
                           ? json_node_get_string (value) : "";
        guint position = 0;

        for (guint i = 1; i < field->values->len; i++)
          if (g_str_equal (g_array_index (field->values, const char *, i), wire))
            position = i;
        gtk_drop_down_set_selected (GTK_DROP_DOWN (field->input), position);
        break;
      }

    case WIDGET_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->input),
                             !is_null && json_node_get_value_type (value) == G_TYPE_BOOLEAN &&
                             json_node_get_boolean (value));
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * appeals_card_form_get_values:
 *
 * Returns: (transfer full): the fields of @part as typed, including
 *   values that are not valid yet, so drafts keep them.
 */
JsonObject *
appeals_card_form_get_values (AppealsCardForm *self,
                              AppealsCardPart  part)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < self->order->len; i++)
    {
      Field *field = g_ptr_array_index (self->order, i);

      if (field->info->part == part && gtk_widget_get_visible (field->row))
        json_object_set_member (object, field->info->name, field_get_value (field));
    }

  return object;
}

void
appeals_card_form_set_value (AppealsCardForm *self,
                             const char      *name,
                             JsonNode        *value)
{
  Field *field = get_field (self, name);

  if (field == NULL)
    return;

  self->updating = TRUE;
  field_set_value (field, value);
  self->updating = FALSE;
}

void
appeals_card_form_set_values (AppealsCardForm *self,
                              AppealsCardPart  part,
                              JsonObject      *values)
{
  for (guint i = 0; i < self->order->len; i++)
    {
      Field *field = g_ptr_array_index (self->order, i);

      if (field->info->part == part && json_object_has_member (values, field->info->name))
        appeals_card_form_set_value (self, field->info->name, json_object_get_member (values, field->info->name));
    }
}

/* Sets a text field as if the user typed it ("changed" is emitted). */
void
appeals_card_form_set_text (AppealsCardForm *self,
                            const char      *name,
                            const char      *text)
{
  Field *field = get_field (self, name);

  g_return_if_fail (field != NULL && field->info->kind == WIDGET_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (field->input), text);
}

const char *
appeals_card_form_get_text (AppealsCardForm *self,
                            const char      *name)
{
  Field *field = get_field (self, name);

  g_return_val_if_fail (field != NULL && field->info->kind == WIDGET_ENTRY, NULL);
  return gtk_editable_get_text (GTK_EDITABLE (field->input));
}

/**
 * appeals_card_form_format_value:
 *
 * Returns: (transfer full): @value as a person reads it: the label of an
 *   enumeration or classifier, "Yes"/"No", or "—" for nothing.
 */
char *
appeals_card_form_format_value (AppealsCardForm *self,
                                const char      *name,
                                JsonNode        *value)
{
  Field *field = get_field (self, name);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("—");
  if (json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (value) ? _("Yes") : _("No"));
  if (json_node_get_value_type (value) != G_TYPE_STRING)
    return json_to_string (value, FALSE);

  if (field != NULL && field->values != NULL)
    {
      const char *wire = json_node_get_string (value);
      GListModel *labels = gtk_drop_down_get_model (GTK_DROP_DOWN (field->input));

      for (guint i = 1; i < field->values->len; i++)
        if (g_str_equal (g_array_index (field->values, const char *, i), wire))
          return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (labels), i));
    }

  return g_strdup (json_node_get_string (value));
}

void
appeals_card_form_show_error (AppealsCardForm *self,
                              const char      *name,
                              const char      *message)
{
  Field *field = get_field (self, name);

  if (field == NULL)
    return;

  gtk_label_set_text (GTK_LABEL (field->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (field->error_row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (field->row, "error");
  else
    gtk_widget_remove_css_class (field->row, "error");
}

const char *
appeals_card_form_get_error (AppealsCardForm *self,
                             const char      *name)
{
  Field *field = get_field (self, name);

  if (field == NULL || !gtk_widget_get_visible (field->error_row))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (field->error_label));
}

void
appeals_card_form_clear_errors (AppealsCardForm *self)
{
  for (guint i = 0; i < self->order->len; i++)
    appeals_card_form_show_error (self, ((Field *) g_ptr_array_index (self->order, i))->info->name, NULL);
}

/* Locked fields are the parts of a known applicant that cannot change. */
void
appeals_card_form_set_locked (AppealsCardForm *self,
                              const char      *name,
                              gboolean         locked)
{
  Field *field = get_field (self, name);

  if (field != NULL)
    gtk_widget_set_sensitive (field->input, !locked);
}

void
appeals_card_form_set_visible (AppealsCardForm *self,
                               const char      *name,
                               gboolean         visible)
{
  Field *field = get_field (self, name);

  if (field == NULL)
    return;
  gtk_widget_set_visible (field->row, visible);
  if (!visible)
    appeals_card_form_show_error (self, name, NULL);
}

static void
appeals_card_form_finalize (GObject *object)
{
  AppealsCardForm *self = (AppealsCardForm *)object;

  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (appeals_card_form_parent_class)->finalize (object);
}

static void
appeals_card_form_class_init (AppealsCardFormClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_card_form_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
appeals_card_form_init (AppealsCardForm *self)
{
  self->fields = g_hash_table_new (g_str_hash, g_str_equal);
  self->order = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
}

AppealsCardForm *
appeals_card_form_new (AdwPreferencesGroup *applicant_group,
                       AdwPreferencesGroup *appeal_group,
                       gboolean             existing_appeal)
{
  AppealsCardForm *self = g_object_new (APPEALS_TYPE_CARD_FORM, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i].existing_only && !existing_appeal)
        continue;
      add_field (self, fields[i].part == APPEALS_CARD_PART_APPLICANT ? applicant_group : appeal_group, &fields[i]);
    }

  return self;
}
