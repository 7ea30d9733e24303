/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-work-page.c: My work — what the signed-in person has to do,
 * as the server counts it for their role: their appeals due, appeals on
 * control, answers to examine or approve, reception steps and orders.
 * Each row opens what it names. The page reloads every five minutes and
 * whenever an appeal, a verdict, a reception or an order changes, and
 * hands what fell due to the notifier.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "appeals-file-chooser.h"
#include "appeals-error-status.h"
#include "appeals-order-dialog.h"
#include "appeals-reception-text.h"
#include "appeals-reception-window.h"
#include "appeals-work-notifier.h"
#include "appeals-work-page.h"

#define REFRESH_SECONDS (5 * 60)
/* several changes in a row (a save, then its reload) make one request */
#define CHANGE_DELAY_MS 500

struct _AppealsWorkPage
{
  GtkBox               parent_instance;

  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkBox              *groups_box;
  GtkLabel            *summary_label;

  AppealsContext      *context;
  AppealsWork         *work;
  GPtrArray           *group_widgets;   /* AdwPreferencesGroup in groups_box */
  GCancellable        *cancellable;
  guint                refresh_source;
  guint                change_source;
};

G_DEFINE_FINAL_TYPE (AppealsWorkPage, appeals_work_page, GTK_TYPE_BOX)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsWorkPage, appeals_work_page)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *name;
  const char *title;
  const char *description;
} group_texts[] = {
  { "my_appeals", N_("My Appeals"), N_("Registered by you or executed by you, due soon or overdue") },
  { "on_control", N_("On Control"), N_("Appeals on control, due soon or overdue") },
  { "awaiting_expertise", N_("Answers to Examine"), N_("Answers recorded and not yet examined") },
  { "awaiting_approval", N_("Verdicts to Approve"), N_("Expertise verdicts on appeals on control") },
  { "reception_steps", N_("Reception Steps"), N_("Steps of the receptions you booked") },
  { "orders", N_("Orders"), N_("Orders on control, due soon or overdue") },
};

static guint
group_text_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (group_texts); i++)
    if (g_str_equal (group_texts[i].name, name))
      return i;
  return G_MAXUINT;
}

/* What the row's title says: the appeal's number, the step, the order's source. */
static char *
item_title (AppealsWorkPage       *self,
            const AppealsWorkItem *item)
{
  AppealsReferenceService *reference = appeals_context_get_reference_service (self->context);

  if (item->kind == APPEALS_WORK_ITEM_RECEPTION)
    {
      AppealsWorkflow *workflow = appeals_reference_service_get_workflow (reference);

      for (guint i = 0; workflow != NULL && i < appeals_workflow_get_n_steps (workflow); i++)
        {
          const AppealsWorkflowStep *step = appeals_workflow_get_step (workflow, i);

          if (g_str_equal (step->code, item->number))
            return g_strdup (appeals_names_get (&step->name, appeals_ui_language ()));
        }
    }
  else if (item->kind == APPEALS_WORK_ITEM_ORDER)
    {
      AppealsClassifier *sources = appeals_reference_service_get_classifier (reference,
                                                                             APPEALS_CLASSIFIER_ORDER_SOURCES);
      const char *label = sources != NULL ? appeals_classifier_get_label (sources, item->number, NULL) : NULL;

      /* TRANSLATORS: an order in "My work", named by who gave it */
      return g_strdup_printf (_("Order: %s"), label != NULL ? label : item->number);
    }
  else if (item->kind == APPEALS_WORK_ITEM_EXPERTISE)
    /* TRANSLATORS: an expertise verdict to approve, on the appeal of this registration number */
    return g_strdup_printf (_("Verdict on %s"), item->number);
  return g_strdup (item->number);
}

static GtkWidget *
due_tag (const AppealsWorkItem *item)
{
  g_autofree char *date = appeals_format_date (&item->due_date);
  g_autofree char *text = NULL;
  GtkWidget *label;

  switch (item->due)
    {
    case APPEALS_WORK_DUE_OVERDUE:
      /* TRANSLATORS: a tag: overdue since this date */
      text = g_strdup_printf (_("Overdue since %s"), date);
      break;
    case APPEALS_WORK_DUE_TODAY:
      text = g_strdup (_("Due today"));
      break;
    case APPEALS_WORK_DUE_SOON:
      text = g_strdup_printf (_("due %s"), date);
      break;
    case APPEALS_WORK_DUE_WAITING:
    default:
      if (g_date_valid (&item->waiting_since))
        {
          g_autofree char *since = appeals_format_date (&item->waiting_since);

          /* TRANSLATORS: a tag: an answer or a verdict without a term waits since this date */
          text = g_strdup_printf (_("Waiting since %s"), since);
        }
      else
        text = g_strdup (_("Waiting"));
      break;
    }
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "tag");
  if (item->due == APPEALS_WORK_DUE_OVERDUE)
    gtk_widget_add_css_class (label, "overdue-tag");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

/* Opening what a row names -------------------------------------------------- */

static void
on_order_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AppealsWorkPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsOrder) order = appeals_order_service_order_finish (APPEALS_ORDER_SERVICE (source), result, &error);
  GtkWindow *parent = appeals_widget_get_window (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (order == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      return;
    }

  dialog = appeals_order_dialog_new (self->context, order);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
      gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (parent));
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_item (AppealsWorkPage       *self,
           const AppealsWorkItem *item)
{
  switch (item->kind)
    {
    case APPEALS_WORK_ITEM_APPEAL:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-card", "x", item->id);
      break;
    case APPEALS_WORK_ITEM_EXPERTISE:
      /* the head approves on the Expertise page */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "expertise");
      break;
    case APPEALS_WORK_ITEM_RECEPTION:
      gtk_window_present (GTK_WINDOW (appeals_reception_window_new (self->context,
                                                                    appeals_widget_get_window (GTK_WIDGET (self)),
                                                                    item->id)));
      break;
    case APPEALS_WORK_ITEM_ORDER:
      appeals_order_service_get_async (appeals_context_get_order_service (self->context), item->id,
                                       self->cancellable, on_order_loaded, g_object_ref (self));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
on_row_activated (AdwActionRow    *row,
                  AppealsWorkPage *self)
{
  guint group = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "group"));
  guint item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "item"));

  appeals_work_page_activate_item (self, group, item);
}

/**
 * appeals_work_page_activate_item:
 * @group: the group's position in the answer
 * @item: the item's position in its group
 *
 * Opens what the item names, as activating its row does.
 *
 * Returns: whether there was such an item
 */
gboolean
appeals_work_page_activate_item (AppealsWorkPage *self,
                                 guint            group,
                                 guint            item)
{
  AppealsWorkGroup *work_group;

  if (self->work == NULL || group >= self->work->groups->len)
    return FALSE;
  work_group = g_ptr_array_index (self->work->groups, group);
  if (item >= work_group->items->len)
    return FALSE;
  open_item (self, g_ptr_array_index (work_group->items, item));
  return TRUE;
}

/* Showing the work ---------------------------------------------------------- */

static void
remove_groups (AppealsWorkPage *self)
{
  for (guint i = 0; i < self->group_widgets->len; i++)
    gtk_box_remove (self->groups_box, g_ptr_array_index (self->group_widgets, i));
  g_ptr_array_set_size (self->group_widgets, 0);
}

static GtkWidget *
build_group (AppealsWorkPage  *self,
             AppealsWorkGroup *group,
             guint             position)
{
  guint text = group_text_index (group->name);
  AdwPreferencesGroup *widget = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *description = NULL;

  if (group->count > (gint64) group->items->len)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, group->count);
      const char *holds = text != G_MAXUINT ? _(group_texts[text].description) : "";

      /* TRANSLATORS: the first "%s" is what the group holds; then how many are shown and how many there are */
      description = group->count_more ? g_strdup_printf (_("%s. The %u most urgent of more than %s are shown."),
                                                         holds, group->items->len, count)
                                      : g_strdup_printf (_("%s. The %u most urgent of %s are shown."),
                                                         holds, group->items->len, count);
    }
  else
    description = g_strdup (text != G_MAXUINT ? _(group_texts[text].description) : "");
  adw_preferences_group_set_title (widget, text != G_MAXUINT ? _(group_texts[text].title) : group->name);
  adw_preferences_group_set_description (widget, description);
  {
    /* past the server's cap: "1000+" */
    g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT "%s", group->count, group->count_more ? "+" : "");
    GtkWidget *badge = gtk_label_new (count);

    gtk_widget_add_css_class (badge, "tag");
    gtk_widget_set_valign (badge, GTK_ALIGN_START);
    adw_preferences_group_set_header_suffix (widget, badge);
  }

  for (guint i = 0; i < group->items->len; i++)
    {
      AppealsWorkItem *item = g_ptr_array_index (group->items, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = item_title (self, item);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->summary);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), due_tag (item));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "group", GUINT_TO_POINTER (position));
      g_object_set_data (G_OBJECT (row), "item", GUINT_TO_POINTER (i));
      g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);
      adw_preferences_group_add (widget, row);
    }
  return GTK_WIDGET (widget);
}

static void
show_work (AppealsWorkPage *self)
{
  g_autofree char *today = appeals_format_date (&self->work->today);
  g_autofree char *soon = appeals_format_date (&self->work->soon_until);
  g_autofree char *summary = NULL;

  remove_groups (self);
  /* TRANSLATORS: the first date is today, the second the last day that counts as "due soon" */
  summary = g_strdup_printf (_("Today is %s. Due soon means by %s."), today, soon);
  gtk_label_set_text (self->summary_label, summary);
  for (guint i = 0; i < self->work->groups->len; i++)
    {
      AppealsWorkGroup *group = g_ptr_array_index (self->work->groups, i);
      GtkWidget *widget;

      if (group->count == 0)
        continue;
      widget = build_group (self, group, i);
      gtk_box_append (self->groups_box, widget);
      g_ptr_array_add (self->group_widgets, widget);
    }
  gtk_stack_set_visible_child_name (self->stack, self->group_widgets->len > 0 ? "list" : "empty");
}

static void
on_work_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AppealsWorkPage) self = user_data;
  g_autoptr(GError) error = NULL;
  AppealsWork *work = appeals_work_service_load_finish (APPEALS_WORK_SERVICE (source), result, &error);

  if (work == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* a lost connection or an ended session has its own banner and dialog;
       * keep showing what was loaded */
      if (self->work == NULL)
        {
          appeals_error_status_show (self->empty_page, error, _("My Work Could Not Be Loaded"));
          gtk_stack_set_visible_child_name (self->stack, "empty");
        }
      return;
    }

  g_clear_pointer (&self->work, appeals_work_free);
  self->work = work;
  adw_status_page_set_icon_name (self->empty_page, "emblem-ok-symbolic");
  adw_status_page_set_title (self->empty_page, _("Nothing Due"));
  adw_status_page_set_description (self->empty_page,
                                   _("Your appeals, answers to examine, reception steps and orders will be listed "
                                     "here when they fall due."));
  show_work (self);
  appeals_work_notifier_notify (appeals_context_get_settings (self->context), self->work,
                                g_application_get_default ());
  g_signal_emit (self, signals[LOADED], 0);
}

void
appeals_work_page_reload (AppealsWorkPage *self)
{
  GSettings *settings = appeals_context_get_settings (self->context);

  g_return_if_fail (APPEALS_IS_WORK_PAGE (self));

  if (!appeals_context_is_signed_in (self->context))
    return;
  /* the latest question wins */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->work == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  appeals_work_service_load_async (appeals_context_get_work_service (self->context),
                                   settings != NULL ? (guint) g_settings_get_int (settings, "due-soon-working-days") : 3,
                                   self->cancellable, on_work_loaded, g_object_ref (self));
}

/* Signing out: nothing of the previous person stays. */
void
appeals_work_page_clear (AppealsWorkPage *self)
{
  g_return_if_fail (APPEALS_IS_WORK_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->work, appeals_work_free);
  remove_groups (self);
  gtk_label_set_text (self->summary_label, "");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  g_signal_emit (self, signals[LOADED], 0);
}

const AppealsWork *
appeals_work_page_get_work (AppealsWorkPage *self)
{
  g_return_val_if_fail (APPEALS_IS_WORK_PAGE (self), NULL);

  return self->work;
}

/**
 * appeals_work_page_get_n_due:
 * @more: (out) (optional): set to whether a group has more than it counts
 *
 * Returns: how many things the person has to do, as the sidebar's badge
 *   says: the counts of all the groups
 */
gint64
appeals_work_page_get_n_due (AppealsWorkPage *self,
                             gboolean        *more)
{
  gint64 n = 0;
  gboolean any_more = FALSE;

  g_return_val_if_fail (APPEALS_IS_WORK_PAGE (self), 0);

  for (guint i = 0; self->work != NULL && i < self->work->groups->len; i++)
    {
      AppealsWorkGroup *group = g_ptr_array_index (self->work->groups, i);

      n += group->count;
      any_more |= group->count_more;
    }
  if (more != NULL)
    *more = any_more;
  return n;
}

/* Keeping up to date --------------------------------------------------------- */

static gboolean
on_refresh (gpointer user_data)
{
  appeals_work_page_reload (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_change_delay (gpointer user_data)
{
  AppealsWorkPage *self = user_data;

  self->change_source = 0;
  appeals_work_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_something_changed (AppealsWorkPage *self)
{
  if (self->change_source == 0)
    self->change_source = g_timeout_add (CHANGE_DELAY_MS, on_change_delay, self);
}

static void
appeals_work_page_constructed (GObject *object)
{
  AppealsWorkPage *self = APPEALS_WORK_PAGE (object);

  G_OBJECT_CLASS (appeals_work_page_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  g_signal_connect_object (appeals_context_get_appeal_service (self->context), "appeal-changed",
                           G_CALLBACK (on_something_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (appeals_context_get_expertise_service (self->context), "verdict-given",
                           G_CALLBACK (on_something_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (appeals_context_get_reception_service (self->context), "reception-changed",
                           G_CALLBACK (on_something_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (appeals_context_get_order_service (self->context), "order-changed",
                           G_CALLBACK (on_something_changed), self, G_CONNECT_SWAPPED);
  self->refresh_source = g_timeout_add_seconds (REFRESH_SECONDS, on_refresh, self);
}

static void
appeals_work_page_dispose (GObject *object)
{
  AppealsWorkPage *self = APPEALS_WORK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->change_source, g_source_remove);
  g_clear_pointer (&self->work, appeals_work_free);
  g_clear_pointer (&self->group_widgets, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), APPEALS_TYPE_WORK_PAGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_work_page_parent_class)->dispose (object);
}

static void
appeals_work_page_class_init (AppealsWorkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = appeals_work_page_constructed;
  object_class->dispose = appeals_work_page_dispose;
  appeals_work_page_install_context_property (object_class);

  /**
   * AppealsWorkPage::loaded:
   *
   * The work was loaded, or cleared on signing out.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/appeals-work-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsWorkPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AppealsWorkPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AppealsWorkPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, AppealsWorkPage, summary_label);
}

static void
appeals_work_page_init (AppealsWorkPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->group_widgets = g_ptr_array_new ();
}
