/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-month-view.c: the month grid of the receptions page.
 *
 * Six weeks from the Monday before the 1st, built from small cells styled
 * in CSS (the way gnome-calendar builds its month view). The owner tells
 * each day what it is — non-working, the unified reception day, a day the
 * chosen official receives — and how many visitors are booked; the view
 * knows only dates. Arrows move a day or a week, Page Up/Down a month,
 * Home/End to the month's ends, Enter opens the day.
 *
 * Signals: "month-changed" (the owner fetches the month's data),
 * "day-selected", "day-activated".
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-core.h"
#include "appeals-month-view.h"

#define N_CELLS (6 * 7)

typedef struct
{
  GtkWidget *box;
  GtkWidget *number;
  GtkWidget *unified;
  GtkWidget *official;
  GtkWidget *booked;
  GtkWidget *booked_count;
  char      *booked_text;
  GDate      date;
} Cell;

struct _AppealsMonthView
{
  GtkWidget  parent_instance;

  GtkWidget *grid;
  Cell       cells[N_CELLS];
  int        year;
  int        month;
  GDate      first;      /* the date of the first cell */
  GDate      selected;
  GDate      today;
};

G_DEFINE_FINAL_TYPE (AppealsMonthView, appeals_month_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_YEAR,
  PROP_MONTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MONTH_CHANGED,
  DAY_SELECTED,
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* @names[@month - 1] in the catalog's @context, "" for no month */
static const char *
month_text (const char        *context,
            const char * const names[12],
            int                month)
{
  return month >= 1 && month <= 12 ? g_dpgettext2 (GETTEXT_PACKAGE, context, names[month - 1]) : "";
}

/**
 * appeals_month_view_month_name:
 * @month: 1 to 12
 *
 * Returns: the month's name in the interface's language — from our own
 *   catalog, since the desktop may run in C.UTF-8 with LANGUAGE=kk
 */
const char *
appeals_month_view_month_name (int month)
{
  static const char * const names[] = {
    NC_("month name", "January"), NC_("month name", "February"), NC_("month name", "March"),
    NC_("month name", "April"), NC_("month name", "May"), NC_("month name", "June"),
    NC_("month name", "July"), NC_("month name", "August"), NC_("month name", "September"),
    NC_("month name", "October"), NC_("month name", "November"), NC_("month name", "December"),
  };

  return month_text ("month name", names, month);
}

/**
 * appeals_month_view_month_abbreviation:
 * @month: 1 to 12
 *
 * Returns: the month's short name ("Mar", ru "март", kk "нау."), from
 *   our own catalog as appeals_month_view_month_name()
 */
const char *
appeals_month_view_month_abbreviation (int month)
{
  static const char * const names[] = {
    NC_("month abbreviation", "Jan"), NC_("month abbreviation", "Feb"), NC_("month abbreviation", "Mar"),
    NC_("month abbreviation", "Apr"), NC_("month abbreviation", "May"), NC_("month abbreviation", "Jun"),
    NC_("month abbreviation", "Jul"), NC_("month abbreviation", "Aug"), NC_("month abbreviation", "Sep"),
    NC_("month abbreviation", "Oct"), NC_("month abbreviation", "Nov"), NC_("month abbreviation", "Dec"),
  };

  return month_text ("month abbreviation", names, month);
}

static int
cell_of (AppealsMonthView *self,
         const GDate      *date)
{
  int index;

  if (!g_date_valid (&self->first) || !g_date_valid (date))
    return -1;
  index = g_date_days_between (&self->first, date);
  return index >= 0 && index < N_CELLS ? index : -1;
}

static void
update_selection (AppealsMonthView *self)
{
  int selected = cell_of (self, &self->selected);

  for (int i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];

      if (i == selected)
        gtk_widget_add_css_class (cell->box, "selected");
      else
        gtk_widget_remove_css_class (cell->box, "selected");
      if (g_date_valid (&self->today) && g_date_compare (&cell->date, &self->today) == 0)
        gtk_widget_add_css_class (cell->box, "today");
      else
        gtk_widget_remove_css_class (cell->box, "today");
    }
}

static void
update_tooltip (AppealsMonthView *self,
                Cell             *cell,
                AppealsDayMarks   marks,
                guint             booked)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char date[16];

  g_date_strftime (date, sizeof date, "%d.%m.%Y", &cell->date);
  g_string_append (text, date);
  if (marks & APPEALS_DAY_NON_WORKING)
    g_string_append_printf (text, "\n%s", _("Non-working day"));
  if (marks & APPEALS_DAY_UNIFIED_RECEPTION)
    g_string_append_printf (text, "\n%s", _("Unified reception day"));
  if (marks & APPEALS_DAY_OFFICIAL_RECEPTION)
    g_string_append_printf (text, "\n%s", _("Reception day of the official"));
  if (booked > 0)
    g_string_append_printf (text, "\n%s", cell->booked_text);

  gtk_widget_set_tooltip_text (cell->box, text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->box), GTK_ACCESSIBLE_PROPERTY_LABEL, text->str, -1);
}

static void
show_day (AppealsMonthView *self,
          Cell             *cell,
          AppealsDayMarks   marks,
          guint             booked)
{
  const struct { AppealsDayMarks mark; const char *css; } classes[] = {
    { APPEALS_DAY_NON_WORKING, "non-working" },
    { APPEALS_DAY_UNIFIED_RECEPTION, "unified" },
    { APPEALS_DAY_OFFICIAL_RECEPTION, "official" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (marks & classes[i].mark)
        gtk_widget_add_css_class (cell->box, classes[i].css);
      else
        gtk_widget_remove_css_class (cell->box, classes[i].css);
    }

  gtk_widget_set_visible (cell->unified, (marks & APPEALS_DAY_UNIFIED_RECEPTION) != 0);
  gtk_widget_set_visible (cell->official, (marks & APPEALS_DAY_OFFICIAL_RECEPTION) != 0);
  g_clear_pointer (&cell->booked_text, g_free);
  if (booked > 0)
    {
      char count[16];

      g_snprintf (count, sizeof count, "%u", booked);
      gtk_label_set_text (GTK_LABEL (cell->booked_count), count);
      cell->booked_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visitor", "%u visitors", booked), booked);
    }
  gtk_widget_set_visible (cell->booked, booked > 0);
  update_tooltip (self, cell, marks, booked);
}

static void
rebuild (AppealsMonthView *self)
{
  g_date_clear (&self->first, 1);
  g_date_set_dmy (&self->first, 1, self->month, self->year);
  g_date_subtract_days (&self->first, g_date_get_weekday (&self->first) - 1);

  for (int i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      char number[4];

      cell->date = self->first;
      g_date_add_days (&cell->date, i);
      g_snprintf (number, sizeof number, "%u", g_date_get_day (&cell->date));
      gtk_label_set_text (GTK_LABEL (cell->number), number);
      if (g_date_get_month (&cell->date) != (GDateMonth) self->month)
        gtk_widget_add_css_class (cell->box, "other-month");
      else
        gtk_widget_remove_css_class (cell->box, "other-month");
      show_day (self, cell, g_date_get_weekday (&cell->date) >= G_DATE_SATURDAY ? APPEALS_DAY_NON_WORKING : 0, 0);
    }
  update_selection (self);
}

void
appeals_month_view_set_month (AppealsMonthView *self,
                              int               year,
                              int               month)
{
  g_return_if_fail (APPEALS_IS_MONTH_VIEW (self));
  g_return_if_fail (month >= 1 && month <= 12);

  if (self->year == year && self->month == month)
    return;

  self->year = year;
  self->month = month;
  rebuild (self);

  /* the selection follows into the new month, on the same day if it has one */
  if (!g_date_valid (&self->selected) || g_date_get_month (&self->selected) != (GDateMonth) month ||
      g_date_get_year (&self->selected) != (GDateYear) year)
    {
      guint day = g_date_valid (&self->selected) ? g_date_get_day (&self->selected) : 1;

      day = MIN (day, g_date_get_days_in_month (month, year));
      g_date_clear (&self->selected, 1);
      g_date_set_dmy (&self->selected, day, month, year);
      update_selection (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
  g_signal_emit (self, signals[MONTH_CHANGED], 0);
  g_signal_emit (self, signals[DAY_SELECTED], 0);
}

void
appeals_month_view_get_month (AppealsMonthView *self,
                              int              *year,
                              int              *month)
{
  *year = self->year;
  *month = self->month;
}

void
appeals_month_view_set_selected (AppealsMonthView *self,
                                 const GDate      *date)
{
  g_return_if_fail (APPEALS_IS_MONTH_VIEW (self));
  g_return_if_fail (g_date_valid (date));

  self->selected = *date;
  if (g_date_get_year (date) != (GDateYear) self->year || g_date_get_month (date) != (GDateMonth) self->month)
    {
      /* set_month announces the day too */
      appeals_month_view_set_month (self, g_date_get_year (date), g_date_get_month (date));
      return;
    }
  update_selection (self);
  g_signal_emit (self, signals[DAY_SELECTED], 0);
}

gboolean
appeals_month_view_get_selected (AppealsMonthView *self,
                                 GDate            *date)
{
  if (!g_date_valid (&self->selected))
    return FALSE;
  *date = self->selected;
  return TRUE;
}

void
appeals_month_view_set_today (AppealsMonthView *self,
                              const GDate      *today)
{
  self->today = *today;
  update_selection (self);
}

void
appeals_month_view_set_day (AppealsMonthView *self,
                            const GDate      *date,
                            AppealsDayMarks   marks,
                            guint             booked)
{
  int index = cell_of (self, date);

  if (index >= 0)
    show_day (self, &self->cells[index], marks, booked);
}

void
appeals_month_view_clear_days (AppealsMonthView *self)
{
  for (int i = 0; i < N_CELLS; i++)
    show_day (self, &self->cells[i], 0, 0);
}

/* Input ----------------------------------------------------------------- */

static void
move_by_days (AppealsMonthView *self,
              int               days)
{
  GDate date = self->selected;

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  appeals_month_view_set_selected (self, &date);
}

static void
move_by_months (AppealsMonthView *self,
                int               months)
{
  GDate date = self->selected;

  if (months >= 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);
  appeals_month_view_set_selected (self, &date);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AppealsMonthView      *self)
{
  GDate date;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_by_days (self, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_by_days (self, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_by_days (self, -7);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_by_days (self, 7);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_by_months (self, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_by_months (self, 1);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, self->month, self->year);
      appeals_month_view_set_selected (self, &date);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_get_days_in_month (self->month, self->year), self->month, self->year);
      appeals_month_view_set_selected (self, &date);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      g_signal_emit (self, signals[DAY_ACTIVATED], 0);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_cell_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 AppealsMonthView *self)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (box), "cell-index"));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  appeals_month_view_set_selected (self, &self->cells[index].date);
  if (n_press == 2)
    g_signal_emit (self, signals[DAY_ACTIVATED], 0);
}

/* Construction ---------------------------------------------------------- */

static void
build_grid (AppealsMonthView *self)
{
  static const char *weekdays[] = {
    NC_("weekday abbreviation", "Mon"), NC_("weekday abbreviation", "Tue"), NC_("weekday abbreviation", "Wed"),
    NC_("weekday abbreviation", "Thu"), NC_("weekday abbreviation", "Fri"), NC_("weekday abbreviation", "Sat"),
    NC_("weekday abbreviation", "Sun"),
  };

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_homogeneous (GTK_GRID (self->grid), FALSE);
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  for (int column = 0; column < 7; column++)
    {
      GtkWidget *label = gtk_label_new (g_dpgettext2 (GETTEXT_PACKAGE, "weekday abbreviation", weekdays[column]));

      gtk_widget_add_css_class (label, "weekday");
      if (column >= 5)
        gtk_widget_add_css_class (label, "weekend");
      gtk_grid_attach (GTK_GRID (self->grid), label, column, 0, 1, 1);
    }

  for (int i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkGesture *click = gtk_gesture_click_new ();

      cell->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_add_css_class (cell->box, "day");
      gtk_widget_set_hexpand (cell->box, TRUE);
      gtk_widget_set_vexpand (cell->box, TRUE);
      g_object_set_data (G_OBJECT (cell->box), "cell-index", GINT_TO_POINTER (i));

      cell->number = gtk_label_new (NULL);
      gtk_widget_add_css_class (cell->number, "day-number");
      gtk_widget_set_halign (cell->number, GTK_ALIGN_START);
      gtk_widget_set_hexpand (cell->number, TRUE);
      gtk_box_append (GTK_BOX (top), cell->number);

      cell->official = gtk_image_new_from_icon_name ("avatar-default-symbolic");
      gtk_widget_add_css_class (cell->official, "official-mark");
      gtk_box_append (GTK_BOX (top), cell->official);
      gtk_box_append (GTK_BOX (cell->box), top);

      cell->unified = gtk_label_new (_("Unified day"));
      gtk_widget_add_css_class (cell->unified, "unified-badge");
      gtk_widget_set_halign (cell->unified, GTK_ALIGN_START);
      /* whole, on two lines if need be */
      gtk_label_set_wrap (GTK_LABEL (cell->unified), TRUE);
      gtk_label_set_xalign (GTK_LABEL (cell->unified), 0);
      gtk_box_append (GTK_BOX (cell->box), cell->unified);

      /* the count; the full "N visitors" is in the tooltip */
      cell->booked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      cell->booked_count = gtk_label_new (NULL);
      gtk_box_append (GTK_BOX (cell->booked), gtk_image_new_from_icon_name ("system-users-symbolic"));
      gtk_box_append (GTK_BOX (cell->booked), cell->booked_count);
      gtk_widget_add_css_class (cell->booked, "booked");
      gtk_widget_set_halign (cell->booked, GTK_ALIGN_END);
      gtk_widget_set_valign (cell->booked, GTK_ALIGN_END);
      gtk_widget_set_vexpand (cell->booked, TRUE);
      gtk_box_append (GTK_BOX (cell->box), cell->booked);

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
      g_signal_connect (click, "pressed", G_CALLBACK (on_cell_pressed), self);
      gtk_widget_add_controller (cell->box, GTK_EVENT_CONTROLLER (click));

      gtk_grid_attach (GTK_GRID (self->grid), cell->box, i % 7, 1 + i / 7, 1, 1);
    }
}

static void
appeals_month_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AppealsMonthView *self = APPEALS_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_MONTH:
      g_value_set_int (value, self->month);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
appeals_month_view_dispose (GObject *object)
{
  AppealsMonthView *self = APPEALS_MONTH_VIEW (object);

  g_clear_pointer (&self->grid, gtk_widget_unparent);
  for (int i = 0; i < N_CELLS; i++)
    g_clear_pointer (&self->cells[i].booked_text, g_free);
  G_OBJECT_CLASS (appeals_month_view_parent_class)->dispose (object);
}

static void
appeals_month_view_class_init (AppealsMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = appeals_month_view_get_property;
  object_class->dispose = appeals_month_view_dispose;

  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 1, 9999, 2026,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MONTH] = g_param_spec_int ("month", NULL, NULL, 1, 12, 1,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MONTH_CHANGED] = g_signal_new ("month-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DAY_SELECTED] = g_signal_new ("day-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "monthview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
appeals_month_view_init (AppealsMonthView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GDate today;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  build_grid (self);

  appeals_date_get_today (&today);
  self->today = today;
  self->selected = today;
  self->year = g_date_get_year (&today);
  self->month = g_date_get_month (&today);
  rebuild (self);
}

GtkWidget *
appeals_month_view_new (void)
{
  return g_object_new (APPEALS_TYPE_MONTH_VIEW, NULL);
}
