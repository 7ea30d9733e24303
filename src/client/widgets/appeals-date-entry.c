/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-date-entry.c: an entry for one date beside a button that opens
 * a calendar. What is typed is read as a person writes a date
 * (appeals_date_parse_text()); text that is not a date is marked, and
 * kept as typed. "date-changed" is emitted when the date is picked, or
 * when typing ends (Enter, or focus leaving the entry) with another value.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-core.h"
#include "appeals-date-entry.h"

struct _AppealsDateEntry
{
  GtkBox       parent_instance;

  GtkEntry    *entry;
  GtkWidget   *button;
  GtkCalendar *calendar;
  GDate        last;       /* the date last announced; cleared: none */
  gboolean     picking;
};

G_DEFINE_FINAL_TYPE (AppealsDateEntry, appeals_date_entry, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DATE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
same_date (const GDate *a,
           const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

/* Marks text that is not a date, and announces a new value. */
static void
commit (AppealsDateEntry *self)
{
  GDate date;

  g_date_clear (&date, 1);
  if (appeals_date_entry_is_valid (self))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      appeals_date_entry_get_date (self, &date);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      return;
    }

  if (same_date (&date, &self->last))
    return;
  self->last = date;
  g_signal_emit (self, signals[DATE_CHANGED], 0);
}

static void
on_day_selected (AppealsDateEntry *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;
  GDate date;

  if (self->picking)
    return;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  text = appeals_date_format_text (&date);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  commit (self);
}

/* The calendar opens on the typed date, or today. */
static void
on_popover_shown (AppealsDateEntry *self)
{
  g_autoptr(GDateTime) shown = NULL;
  GDate date;

  if (appeals_date_entry_get_date (self, &date))
    shown = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  else
    shown = g_date_time_new_now_local ();
  self->picking = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->picking = FALSE;
}

static void
appeals_date_entry_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AppealsDateEntry *self = APPEALS_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER_TEXT:
      gtk_entry_set_placeholder_text (self->entry, g_value_get_string (value));
      /* the placeholder is what the field is; say it to screen readers too */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_value_get_string (value), -1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
appeals_date_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AppealsDateEntry *self = APPEALS_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, gtk_entry_get_placeholder_text (self->entry));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
appeals_date_entry_class_init (AppealsDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->set_property = appeals_date_entry_set_property;
  object_class->get_property = appeals_date_entry_get_property;

  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AppealsDateEntry::date-changed:
   *
   * The date was picked, or typed and confirmed, and differs from the last
   * one announced (an emptied entry is a change to "no date").
   */
  signals[DATE_CHANGED] = g_signal_new ("date-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
appeals_date_entry_init (AppealsDateEntry *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkEventController *focus;

  g_date_clear (&self->last, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 12);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_NUMBER);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (commit), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->entry));

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_popover_shown), self);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (self->button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Date"), -1);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_box_append (GTK_BOX (self), self->button);
}

GtkWidget *
appeals_date_entry_new (void)
{
  return g_object_new (APPEALS_TYPE_DATE_ENTRY, NULL);
}

/**
 * appeals_date_entry_get_date:
 *
 * Returns: %TRUE and sets @date when the entry holds a date; %FALSE when
 *   it is empty or its text is not a date
 */
gboolean
appeals_date_entry_get_date (AppealsDateEntry *self,
                             GDate            *date)
{
  g_return_val_if_fail (APPEALS_IS_DATE_ENTRY (self), FALSE);

  return appeals_date_parse_text (gtk_editable_get_text (GTK_EDITABLE (self->entry)), date);
}

/* Shows @date as "27.11.2026"; %NULL or an invalid date empties the entry. */
void
appeals_date_entry_set_date (AppealsDateEntry *self,
                             const GDate      *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (APPEALS_IS_DATE_ENTRY (self));

  text = appeals_date_format_text (date);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  g_date_clear (&self->last, 1);
  if (date != NULL && g_date_valid (date))
    self->last = *date;
}

/* Empty, or a date. */
gboolean
appeals_date_entry_is_valid (AppealsDateEntry *self)
{
  const char *text;
  GDate date;

  g_return_val_if_fail (APPEALS_IS_DATE_ENTRY (self), FALSE);

  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  return *text == '\0' || appeals_date_parse_text (text, &date);
}

/* For tests and accessibility: the text part. */
GtkEditable *
appeals_date_entry_get_editable (AppealsDateEntry *self)
{
  g_return_val_if_fail (APPEALS_IS_DATE_ENTRY (self), NULL);

  return GTK_EDITABLE (self->entry);
}
