/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-form.c: the card's fields.
 *
 * Text fields are entry rows, and the appeal's text and its answer, a
 * citizen's letter and a body's reply, text views of a few lines that
 * grow with them; enumerations and classifiers are drop-downs
 * (searchable for the long classifiers); flags are switches. Each field
 * has an error label right below it, hidden until the server or the
 * client's own checks name that field. Signal "changed" (field name) on
 * every edit by the user.
 *
 * Values go in and out through the core models: each field of the form is
 * a field of the applicant's or the appeal's record table, read and
 * written in place, so the form and the wire format cannot disagree.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-card-form.h"
#include "appeals-field-error-row.h"
#include "appeals-text-view.h"

typedef enum
{
  WIDGET_ENTRY,
  WIDGET_TEXT,
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
  /* a BIN card: shown when the number is a BIN; the names are then its representative's */
  { "organisation_name", APPEALS_CARD_PART_APPLICANT, WIDGET_ENTRY, N_("Organisation"), NULL, NULL, FALSE },
  { "representative_position", APPEALS_CARD_PART_APPLICANT, WIDGET_ENTRY, N_("Representative's position"), NULL,
    NULL, FALSE },
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
  { "text", APPEALS_CARD_PART_APPEAL, WIDGET_TEXT, N_("Text of the appeal"), NULL, NULL, FALSE },
  { "executor", APPEALS_CARD_PART_APPEAL, WIDGET_ENTRY, N_("Executor"), NULL, NULL, FALSE },
  { "status", APPEALS_CARD_PART_APPEAL, WIDGET_ENUM, N_("Status"), appeals_status_get_type, NULL, TRUE },
  { "answer", APPEALS_CARD_PART_APPEAL, WIDGET_TEXT, N_("Answer"), NULL, NULL, TRUE },
};

typedef struct
{
  const FieldInfo        *info;
  const AppealsFieldSpec *spec;  /* the same field in the model's table */
  GtkWidget       *row;
  GtkWidget       *input;       /* entry row, text view, drop-down or switch */
  char            *text;        /* text views: the text last asked for */
  GtkWidget       *error_row;   /* AppealsFieldErrorRow, right below */
  GArray          *values;      /* drop-downs: wire value per position (position 0 = none) */
} Field;

struct _AppealsCardForm
{
  GObject     parent_instance;

  AppealsReferenceService *reference;

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
  g_free (field->text);
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
on_buffer_changed (GtkTextBuffer *buffer,
                   Field         *field)
{
  emit_changed (g_object_get_data (G_OBJECT (field->input), "card-form"), field);
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

/* The appeal's text or answer: a text view of a few lines under its
 * title (appeals_text_row_new()). */
static GtkWidget *
make_text_row (Field *field)
{
  GtkTextView *view;
  GtkWidget *row = appeals_text_row_new (_(field->info->label), &view);

  field->input = GTK_WIDGET (view);
  g_signal_connect (gtk_text_view_get_buffer (view), "changed", G_CALLBACK (on_buffer_changed), field);
  return row;
}

/* Whether the user may change @field: a text view stays readable, its
 * text selectable, where another field is greyed out. */
static void
field_set_editable (Field    *field,
                    gboolean  editable)
{
  if (field->info->kind == WIDGET_TEXT)
    {
      gtk_text_view_set_editable (GTK_TEXT_VIEW (field->input), editable);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (field->input), editable);
    }
  else
    gtk_widget_set_sensitive (field->input, editable);
}

/* The text of a text view, kept in @field for the caller. */
static const char *
field_get_view_text (Field *field)
{
  g_free (field->text);
  field->text = appeals_text_view_dup_text (GTK_TEXT_VIEW (field->input));
  return field->text;
}

static const AppealsRecordType *
part_get_record_type (AppealsCardPart part)
{
  return part == APPEALS_CARD_PART_APPLICANT ? appeals_applicant_get_record_type ()
                                             : appeals_appeal_get_record_type ();
}

static GtkWidget *
make_dropdown (AppealsCardForm *self,
               Field           *field)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  const char *none = NULL;
  GtkWidget *dropdown;

  field->values = g_array_new (FALSE, FALSE, sizeof (const char *));
  none = "";
  /* TRANSLATORS: a drop-down of the card with nothing chosen yet (neuter in Russian) */
  gtk_string_list_append (labels, C_("no choice", "Not set"));
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
      AppealsClassifier *classifier = appeals_reference_service_get_classifier (self->reference,
                                                                                field->info->classifier);

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
  field->spec = appeals_record_type_find_field (part_get_record_type (info->part), info->name);
  g_assert (field->spec != NULL);

  switch (info->kind)
    {
    case WIDGET_ENTRY:
      field->row = adw_entry_row_new ();
      field->input = field->row;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), _(info->label));
      g_signal_connect (field->input, "changed", G_CALLBACK (on_entry_changed), field);
      break;

    case WIDGET_TEXT:
      field->row = make_text_row (field);
      break;

    case WIDGET_ENUM:
    case WIDGET_CLASSIFIER:
      field->row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), _(info->label));
      field->input = make_dropdown (self, field);
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
  /* status, control and answer change through the card's actions */
  if (field->spec->flags & APPEALS_FIELD_FLAG_READ_ONLY)
    field_set_editable (field, FALSE);

  adw_preferences_group_add (group, field->row);
  field->error_row = appeals_field_error_row_add (group, field->row);

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

static guint
find_position (Field      *field,
               const char *wire)
{
  for (guint i = 1; wire != NULL && i < field->values->len; i++)
    if (g_str_equal (g_array_index (field->values, const char *, i), wire))
      return i;
  return 0;
}

static const char *
field_get_wire (Field *field)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (field->input));

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0)
    return NULL;
  return g_array_index (field->values, const char *, selected);
}

/* The widget's value into the record's slot, as typed (drafts keep
 * values that are not valid yet). */
static void
field_store (Field    *field,
             gpointer  record)
{
  gpointer slot = G_STRUCT_MEMBER_P (record, field->spec->offset);

  appeals_record_clear_field (field->spec, record);
  switch (field->info->kind)
    {
    case WIDGET_ENTRY:
    case WIDGET_TEXT:
      {
        g_autofree char *text = g_strstrip (g_strdup (field->info->kind == WIDGET_TEXT
                                                      ? field_get_view_text (field)
                                                      : gtk_editable_get_text (GTK_EDITABLE (field->input))));

        if (*text != '\0')
          *(char **) slot = g_steal_pointer (&text);
        break;
      }

    case WIDGET_ENUM:
      {
        const char *wire = field_get_wire (field);
        int value = 0;

        if (wire != NULL && appeals_enum_from_wire (field->info->enum_type (), wire, &value))
          *(int *) slot = value;
        break;
      }

    case WIDGET_CLASSIFIER:
      *(char **) slot = g_strdup (field_get_wire (field));
      break;

    case WIDGET_SWITCH:
      *(gboolean *) slot = gtk_switch_get_active (GTK_SWITCH (field->input));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The record's slot into the widget. */
static void
field_load (Field         *field,
            gconstpointer  record)
{
  gconstpointer slot = G_STRUCT_MEMBER_P (record, field->spec->offset);

  switch (field->info->kind)
    {
    case WIDGET_ENTRY:
      {
        const char *text = *(char * const *) slot;

        gtk_editable_set_text (GTK_EDITABLE (field->input), text != NULL ? text : "");
        break;
      }

    case WIDGET_TEXT:
      {
        const char *text = *(char * const *) slot;

        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->input)), text != NULL ? text : "",
                                  -1);
        /* a read-only text with nothing to read (an answer not given
         * yet) is no empty box */
        if (field->spec->flags & APPEALS_FIELD_FLAG_READ_ONLY)
          gtk_widget_set_visible (field->row, text != NULL && *text != '\0');
        break;
      }

    case WIDGET_ENUM:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (field->input),
                                  find_position (field, appeals_enum_to_wire (field->info->enum_type (),
                                                                              *(const int *) slot)));
      break;

    case WIDGET_CLASSIFIER:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (field->input), find_position (field, *(char * const *) slot));
      break;

    case WIDGET_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->input), *(const gboolean *) slot);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * appeals_card_form_get_record:
 * @record: an #AppealsApplicant or #AppealsAppeal, as @part says
 *
 * Writes the visible fields of @part into @record as typed, including
 * values that are not valid yet, so drafts keep them; the record's other
 * fields stay as they are.
 */
void
appeals_card_form_get_record (AppealsCardForm *self,
                              AppealsCardPart  part,
                              gpointer         record)
{
  for (guint i = 0; i < self->order->len; i++)
    {
      Field *field = g_ptr_array_index (self->order, i);

      if (field->info->part == part && gtk_widget_get_visible (field->row))
        field_store (field, record);
    }
}

/**
 * appeals_card_form_set_record:
 *
 * Shows @record's values in the fields of @part; no "changed" is emitted.
 */
void
appeals_card_form_set_record (AppealsCardForm *self,
                              AppealsCardPart  part,
                              gconstpointer    record)
{
  self->updating = TRUE;
  for (guint i = 0; i < self->order->len; i++)
    {
      Field *field = g_ptr_array_index (self->order, i);

      if (field->info->part == part)
        field_load (field, record);
    }
  self->updating = FALSE;
}

/**
 * appeals_card_form_set_field:
 *
 * Shows one field of @record, which is of that field's part; no "changed".
 */
void
appeals_card_form_set_field (AppealsCardForm *self,
                             const char      *name,
                             gconstpointer    record)
{
  Field *field = get_field (self, name);

  if (field == NULL)
    return;

  self->updating = TRUE;
  field_load (field, record);
  self->updating = FALSE;
}

/* Selects a drop-down value by its wire name; no "changed" is emitted. */
void
appeals_card_form_set_choice (AppealsCardForm *self,
                              const char      *name,
                              const char      *wire)
{
  Field *field = get_field (self, name);

  g_return_if_fail (field != NULL && field->values != NULL);
  self->updating = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (field->input), find_position (field, wire));
  self->updating = FALSE;
}

/**
 * appeals_card_form_get_choice:
 *
 * Returns: (nullable): the wire name of a drop-down's value, or %NULL
 *   for none
 */
const char *
appeals_card_form_get_choice (AppealsCardForm *self,
                              const char      *name)
{
  Field *field = get_field (self, name);

  g_return_val_if_fail (field != NULL && field->values != NULL, NULL);
  return field_get_wire (field);
}

/* Sets a text field as if the user typed it ("changed" is emitted). */
void
appeals_card_form_set_text (AppealsCardForm *self,
                            const char      *name,
                            const char      *text)
{
  Field *field = get_field (self, name);

  g_return_if_fail (field != NULL && (field->info->kind == WIDGET_ENTRY || field->info->kind == WIDGET_TEXT));
  if (field->info->kind == WIDGET_TEXT)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->input)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field->input), text);
}

const char *
appeals_card_form_get_text (AppealsCardForm *self,
                            const char      *name)
{
  Field *field = get_field (self, name);

  g_return_val_if_fail (field != NULL && (field->info->kind == WIDGET_ENTRY || field->info->kind == WIDGET_TEXT),
                        NULL);
  if (field->info->kind == WIDGET_TEXT)
    return field_get_view_text (field);
  return gtk_editable_get_text (GTK_EDITABLE (field->input));
}

/**
 * appeals_card_form_format_field:
 * @type: the record type of @record
 * @name: a field of @type
 *
 * Returns: (transfer full): the field's value as a person reads it: the
 *   label of an enumeration or classifier, "Yes"/"No", or "—" for nothing.
 */
char *
appeals_card_form_format_field (AppealsCardForm         *self,
                                const AppealsRecordType *type,
                                const char              *name,
                                gconstpointer            record)
{
  const AppealsFieldSpec *spec = appeals_record_type_find_field (type, name);
  Field *field = get_field (self, name);
  gconstpointer slot;
  char buffer[32];

  if (spec == NULL || !appeals_record_field_is_set (spec, record))
    return g_strdup ("—");

  slot = G_STRUCT_MEMBER_P (record, spec->offset);
  if (field != NULL && field->spec == spec && field->values != NULL)
    {
      GListModel *labels = gtk_drop_down_get_model (GTK_DROP_DOWN (field->input));
      const char *wire = spec->kind == APPEALS_FIELD_KIND_ENUM
                         ? appeals_enum_to_wire (spec->enum_type (), *(const int *) slot)
                         : *(char * const *) slot;
      guint position = find_position (field, wire);

      if (position > 0)
        return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (labels), position));
    }

  switch (spec->kind)
    {
    case APPEALS_FIELD_KIND_STRING:
      return g_strdup (*(char * const *) slot);
    case APPEALS_FIELD_KIND_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, *(const gint64 *) slot);
    case APPEALS_FIELD_KIND_BOOLEAN:
      return g_strdup (*(const gboolean *) slot ? _("Yes") : _("No"));
    case APPEALS_FIELD_KIND_DATE:
      g_date_strftime (buffer, sizeof buffer, "%d.%m.%Y", (const GDate *) slot);
      return g_strdup (buffer);
    case APPEALS_FIELD_KIND_DATETIME:
      {
        g_autoptr(GDateTime) local = g_date_time_to_local (*(GDateTime * const *) slot);
        return g_date_time_format (local, "%d.%m.%Y %H:%M");
      }
    case APPEALS_FIELD_KIND_ENUM:
      return g_strdup (appeals_enum_to_wire (spec->enum_type (), *(const int *) slot));
    default:
      g_assert_not_reached ();
    }
}

void
appeals_card_form_show_error (AppealsCardForm *self,
                              const char      *name,
                              const char      *message)
{
  Field *field = get_field (self, name);

  if (field == NULL)
    return;

  appeals_field_error_row_set_message (APPEALS_FIELD_ERROR_ROW (field->error_row), message);
}

const char *
appeals_card_form_get_error (AppealsCardForm *self,
                             const char      *name)
{
  Field *field = get_field (self, name);

  if (field == NULL)
    return NULL;
  return appeals_field_error_row_get_message (APPEALS_FIELD_ERROR_ROW (field->error_row));
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
    field_set_editable (field, !locked);
}

/* A decided appeal's part of the card is kept as it was decided; the
 * members only actions change stay locked in any case. */
void
appeals_card_form_set_part_locked (AppealsCardForm *self,
                                   AppealsCardPart  part,
                                   gboolean         locked)
{
  for (guint i = 0; i < self->order->len; i++)
    {
      Field *field = g_ptr_array_index (self->order, i);

      if (field->info->part == part)
        field_set_editable (field, !locked && !(field->spec->flags & APPEALS_FIELD_FLAG_READ_ONLY));
    }
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
  g_clear_object (&self->reference);

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

/**
 * appeals_card_form_new:
 * @reference: where the classifiers' items come from
 */
AppealsCardForm *
appeals_card_form_new (AppealsReferenceService *reference,
                       AdwPreferencesGroup     *applicant_group,
                       AdwPreferencesGroup     *appeal_group,
                       gboolean                 existing_appeal)
{
  AppealsCardForm *self = g_object_new (APPEALS_TYPE_CARD_FORM, NULL);

  self->reference = g_object_ref (reference);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i].existing_only && !existing_appeal)
        continue;
      add_field (self, fields[i].part == APPEALS_CARD_PART_APPLICANT ? applicant_group : appeal_group, &fields[i]);
    }

  return self;
}
