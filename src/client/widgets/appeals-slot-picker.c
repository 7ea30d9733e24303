/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-slot-picker.c: choosing a reception's slot, shared by the
 * booking and the decision dialogs.
 *
 * The official's schedule fills in the time and the place for the chosen
 * weekday, or says the reception is by video conference. With
 * "free-times-only" the time is not typed: it is one of the free times
 * the owner hands in (appeals_slot_picker_set_free_times(), from GET
 * /officials/{id}/free-slots), so a taken slot is never offered. The
 * widget speaks to no server: "day-changed" tells its owner to ask for
 * the free times of the official and day now chosen.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-slot-picker.h"

struct _AppealsSlotPicker
{
  AdwPreferencesGroup  parent_instance;

  AdwComboRow         *official_row;
  GtkLabel            *official_id_error;
  AdwEntryRow         *date_row;
  GtkLabel            *date_error;
  AdwEntryRow         *time_row;
  AdwPreferencesRow   *free_times_row;
  GtkFlowBox          *free_times_box;
  GtkLabel            *free_times_empty;
  GtkLabel            *start_time_error;
  AdwEntryRow         *place_row;
  GtkLabel            *place_error;
  AdwEntryRow         *video_row;
  GtkLabel            *video_link_error;

  GPtrArray           *officials;      /* AppealsOfficial */
  GStrv                free_times;
  gboolean             free_times_only;
};

G_DEFINE_FINAL_TYPE (AppealsSlotPicker, appeals_slot_picker, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_FREE_TIMES_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkLabel *
error_label_for (AppealsSlotPicker *self,
                 const char        *field)
{
  const struct { const char *field; GtkLabel *label; } labels[] = {
    { "official_id", self->official_id_error }, { "date", self->date_error },
    { "start_time", self->start_time_error }, { "place", self->place_error },
    { "video_link", self->video_link_error },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return labels[i].label;
  return NULL;
}

/* The official's schedule for the chosen weekday fills in time and place;
 * the owner is asked for the day's free times. */
static void
on_day_changed (AppealsSlotPicker *self)
{
  AppealsOfficial *official = appeals_slot_picker_get_official (self);
  const AppealsScheduleSlot *slot;
  GDate date;

  appeals_slot_picker_set_free_times (self, NULL);
  if (official == NULL || !appeals_slot_picker_get_date (self, &date))
    return;

  slot = appeals_official_find_slot (official, g_date_get_weekday (&date));
  if (slot != NULL)
    {
      if (!self->free_times_only && *gtk_editable_get_text (GTK_EDITABLE (self->time_row)) == '\0')
        gtk_editable_set_text (GTK_EDITABLE (self->time_row), slot->start);
      if (*gtk_editable_get_text (GTK_EDITABLE (self->place_row)) == '\0' && slot->place != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->place_row), slot->place);
      gtk_widget_set_visible (GTK_WIDGET (self->video_row), slot->video);
    }
  g_signal_emit (self, signals[DAY_CHANGED], 0);
}

static void
appeals_slot_picker_finalize (GObject *object)
{
  AppealsSlotPicker *self = APPEALS_SLOT_PICKER (object);

  g_clear_pointer (&self->officials, g_ptr_array_unref);
  g_clear_pointer (&self->free_times, g_strfreev);
  G_OBJECT_CLASS (appeals_slot_picker_parent_class)->finalize (object);
}

static void
appeals_slot_picker_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AppealsSlotPicker *self = APPEALS_SLOT_PICKER (object);

  switch (prop_id)
    {
    case PROP_FREE_TIMES_ONLY:
      self->free_times_only = g_value_get_boolean (value);
      gtk_widget_set_visible (GTK_WIDGET (self->time_row), !self->free_times_only);
      gtk_widget_set_visible (GTK_WIDGET (self->free_times_row), self->free_times_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
appeals_slot_picker_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FREE_TIMES_ONLY:
      g_value_set_boolean (value, APPEALS_SLOT_PICKER (object)->free_times_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
appeals_slot_picker_class_init (AppealsSlotPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = appeals_slot_picker_finalize;
  object_class->set_property = appeals_slot_picker_set_property;
  object_class->get_property = appeals_slot_picker_get_property;

  /**
   * AppealsSlotPicker:free-times-only:
   *
   * The time is chosen among the free times handed in, never typed.
   */
  properties[PROP_FREE_TIMES_ONLY] =
    g_param_spec_boolean ("free-times-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AppealsSlotPicker::day-changed:
   *
   * The official or the day changed: the owner hands in their free times.
   */
  signals[DAY_CHANGED] = g_signal_new ("day-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                       NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/kz/gov/kostanay/AppealsDesk/ui/appeals-slot-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsSlotPicker, official_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsSlotPicker, official_id_error);
  gtk_widget_class_bind_template_child (widget_class, AppealsSlotPicker, date_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsSlotPicker, date_error);
  gtk_widget_class_bind_template_child (widget_class, AppealsSlotPicker, time_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsSlotPicker, free_times_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsSlotPicker, free_times_box);
  gtk_widget_class_bind_template_child (widget_class, AppealsSlotPicker, free_times_empty);
  gtk_widget_class_bind_template_child (widget_class, AppealsSlotPicker, start_time_error);
  gtk_widget_class_bind_template_child (widget_class, AppealsSlotPicker, place_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsSlotPicker, place_error);
  gtk_widget_class_bind_template_child (widget_class, AppealsSlotPicker, video_row);
  gtk_widget_class_bind_template_child (widget_class, AppealsSlotPicker, video_link_error);
  gtk_widget_class_bind_template_callback (widget_class, on_day_changed);
}

static void
appeals_slot_picker_init (AppealsSlotPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
appeals_slot_picker_set_officials (AppealsSlotPicker *self,
                                   GPtrArray         *officials,
                                   gint64             wanted_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_return_if_fail (APPEALS_IS_SLOT_PICKER (self));

  g_clear_pointer (&self->officials, g_ptr_array_unref);
  self->officials = g_ptr_array_ref (officials);
  for (guint i = 0; i < officials->len; i++)
    {
      AppealsOfficial *official = g_ptr_array_index (officials, i);
      g_autofree char *label = g_strdup_printf ("%s — %s", appeals_official_get_full_name (official, NULL),
                                                appeals_official_get_job_title (official, NULL));

      gtk_string_list_append (names, label);
      if (official->id == wanted_id)
        selected = i;
    }
  adw_combo_row_set_model (self->official_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->official_row, selected);
  on_day_changed (self);
}

/* Returns: (transfer none) (nullable): the chosen official */
AppealsOfficial *
appeals_slot_picker_get_official (AppealsSlotPicker *self)
{
  guint position = adw_combo_row_get_selected (self->official_row);

  if (self->officials == NULL || position >= self->officials->len)
    return NULL;
  return g_ptr_array_index (self->officials, position);
}

/* Returns: whether the day typed is a date (DD.MM.YYYY) */
gboolean
appeals_slot_picker_get_date (AppealsSlotPicker *self,
                              GDate             *date)
{
  return appeals_date_parse_text (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), date);
}

void
appeals_slot_picker_set_date (AppealsSlotPicker *self,
                              const GDate       *date)
{
  char text[16] = "";

  if (date != NULL && g_date_valid (date))
    g_date_strftime (text, sizeof text, "%d.%m.%Y", date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

/* Returns: the time typed, or with free-times-only the free time chosen ("" for none) */
const char *
appeals_slot_picker_get_time (AppealsSlotPicker *self)
{
  GList *selected;
  const char *time = "";

  if (!self->free_times_only)
    return gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  selected = gtk_flow_box_get_selected_children (self->free_times_box);
  if (selected != NULL)
    time = appeals_slot_picker_get_free_time (self, gtk_flow_box_child_get_index (selected->data));
  g_list_free (selected);
  return time != NULL ? time : "";
}

/* Types @time, or chooses it among the free times (nothing if it is not free). */
void
appeals_slot_picker_set_time (AppealsSlotPicker *self,
                              const char        *time)
{
  if (!self->free_times_only)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
      return;
    }
  gtk_flow_box_unselect_all (self->free_times_box);
  for (guint i = 0; self->free_times != NULL && self->free_times[i] != NULL; i++)
    if (g_str_equal (self->free_times[i], time))
      gtk_flow_box_select_child (self->free_times_box, gtk_flow_box_get_child_at_index (self->free_times_box, i));
}

/**
 * appeals_slot_picker_set_free_times:
 * @times: (nullable) (array zero-terminated=1): the free start times of
 *   the official on the day, in order; %NULL while they are not known
 *
 * Offers @times, the first of them chosen.
 */
void
appeals_slot_picker_set_free_times (AppealsSlotPicker  *self,
                                    const char * const *times)
{
  GtkWidget *child;

  g_return_if_fail (APPEALS_IS_SLOT_PICKER (self));

  while ((child = GTK_WIDGET (gtk_flow_box_get_child_at_index (self->free_times_box, 0))) != NULL)
    gtk_flow_box_remove (self->free_times_box, child);
  g_clear_pointer (&self->free_times, g_strfreev);
  self->free_times = g_strdupv ((char **) times);

  for (guint i = 0; times != NULL && times[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (times[i]);

      gtk_widget_add_css_class (label, "numeric");
      gtk_flow_box_append (self->free_times_box, label);
    }
  if (times != NULL && times[0] != NULL)
    gtk_flow_box_select_child (self->free_times_box, gtk_flow_box_get_child_at_index (self->free_times_box, 0));
  gtk_widget_set_visible (GTK_WIDGET (self->free_times_empty), times != NULL && times[0] == NULL);
}

guint
appeals_slot_picker_get_n_free_times (AppealsSlotPicker *self)
{
  return self->free_times != NULL ? g_strv_length (self->free_times) : 0;
}

/* Returns: (nullable): the free time at @position as offered */
const char *
appeals_slot_picker_get_free_time (AppealsSlotPicker *self,
                                   guint              position)
{
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->free_times_box, position);

  return child != NULL ? gtk_label_get_text (GTK_LABEL (gtk_flow_box_child_get_child (child))) : NULL;
}

/* Sets @reception's official, time, place and video link as chosen (its
 * date is the caller's: it says how to write one). */
void
appeals_slot_picker_fill (AppealsSlotPicker *self,
                          AppealsReception  *reception)
{
  AppealsOfficial *official = appeals_slot_picker_get_official (self);
  const char *text;

  reception->official_id = official != NULL ? official->id : 0;
  g_free (reception->start_time);
  reception->start_time = g_strdup (appeals_slot_picker_get_time (self));
  if ((text = gtk_editable_get_text (GTK_EDITABLE (self->place_row)))[0] != '\0')
    reception->place = g_strdup (text);
  if (gtk_widget_get_visible (GTK_WIDGET (self->video_row)) &&
      (text = gtk_editable_get_text (GTK_EDITABLE (self->video_row)))[0] != '\0')
    reception->video_link = g_strdup (text);
}

/* Returns: whether @field is one of the picker's, its error now shown */
gboolean
appeals_slot_picker_show_error (AppealsSlotPicker *self,
                                const char        *field,
                                const char        *text)
{
  GtkLabel *label = error_label_for (self, field);

  if (label == NULL)
    return FALSE;
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  return TRUE;
}

/* Returns: (nullable): the error shown beside @field */
const char *
appeals_slot_picker_get_error (AppealsSlotPicker *self,
                               const char        *field)
{
  GtkLabel *label = error_label_for (self, field);

  return label != NULL && gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : NULL;
}

void
appeals_slot_picker_clear_errors (AppealsSlotPicker *self)
{
  const char *fields[] = { "official_id", "date", "start_time", "place", "video_link" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_set_visible (GTK_WIDGET (error_label_for (self, fields[i])), FALSE);
}

/* Returns: (transfer none): the entry of "date", "time", "place" or
 * "video_link", for a draft to keep */
GtkEditable *
appeals_slot_picker_get_editable (AppealsSlotPicker *self,
                                  const char        *field)
{
  const struct { const char *field; AdwEntryRow *row; } rows[] = {
    { "date", self->date_row }, { "time", self->time_row }, { "place", self->place_row },
    { "video_link", self->video_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].field, field))
      return GTK_EDITABLE (rows[i].row);
  g_return_val_if_reached (NULL);
}
