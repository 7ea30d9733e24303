/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-window.c: the main window.
 *
 * When a request cannot reach the server, the window shows a banner and
 * checks the server again with growing pauses (1, 2, 4 … 60 s); the pages
 * keep what the user typed, and reload once the server answers.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-card-window.h"
#include "appeals-drafts.h"
#include "appeals-expertise-page.h"
#include "appeals-quality-page.h"
#include "appeals-receptions-page.h"
#include "appeals-review-page.h"
#include "appeals-journal-page.h"
#include "appeals-orders-page.h"
#include "appeals-intake-page.h"
#include "appeals-work-page.h"
#include "appeals-window.h"

#define MAX_RETRY_SECONDS 60

struct _AppealsWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkStack             *session_stack;
  GtkListBox           *sidebar_list;
  GtkWidget            *new_card_button;
  GtkLabel             *user_label;
  AdwWindowTitle       *title_widget;
  GtkRevealer          *connection_revealer;
  GtkLabel             *connection_label;
  GtkStack             *stack;
  AppealsWorkPage      *work_page;
  GtkLabel             *work_badge;
  AppealsJournalPage   *journal_page;
  AppealsReceptionsPage *receptions_page;
  AppealsReviewPage    *review_page;
  AppealsExpertisePage *expertise_page;
  AppealsQualityPage   *quality_page;
  AppealsOrdersPage    *orders_page;
  AppealsIntakePage    *intake_page;

  AppealsContext       *context;
  GPtrArray            *toasts;     /* AdwToast shown and not yet dismissed */
  GCancellable         *cancellable;
  guint                 retry_source;
  guint                 retry_seconds;
  guint                 countdown;
};

G_DEFINE_FINAL_TYPE (AppealsWindow, appeals_window, ADW_TYPE_APPLICATION_WINDOW)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsWindow, appeals_window)

enum {
  CONNECTION_RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_toast_dismissed (AdwToast      *toast,
                    AppealsWindow *self)
{
  if (self->toasts != NULL)
    g_ptr_array_remove (self->toasts, toast);
}

static void
add_toast (AppealsWindow *self,
           AdwToast      *toast)
{
  g_ptr_array_add (self->toasts, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
appeals_window_show_toast (AppealsWindow *self,
                           const char    *text)
{
  add_toast (self, adw_toast_new (text));
}

/**
 * appeals_window_get_last_toast:
 *
 * Returns: (nullable): what the latest notice still shown says
 */
const char *
appeals_window_get_last_toast (AppealsWindow *self)
{
  if (self->toasts == NULL || self->toasts->len == 0)
    return NULL;
  return adw_toast_get_title (g_ptr_array_index (self->toasts, self->toasts->len - 1));
}

/* The notices shown so far go: on signing out they were someone else's. */
void
appeals_window_dismiss_toasts (AppealsWindow *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_copy (self->toasts, (GCopyFunc) g_object_ref, NULL);

  g_ptr_array_set_free_func (shown, g_object_unref);
  for (guint i = 0; i < shown->len; i++)
    adw_toast_dismiss (g_ptr_array_index (shown, i));
}

GtkWidget *
appeals_window_get_journal_page (AppealsWindow *self)
{
  return GTK_WIDGET (self->journal_page);
}

GtkWidget *
appeals_window_get_receptions_page (AppealsWindow *self)
{
  return GTK_WIDGET (self->receptions_page);
}

GtkWidget *
appeals_window_get_review_page (AppealsWindow *self)
{
  return GTK_WIDGET (self->review_page);
}

GtkWidget *
appeals_window_get_expertise_page (AppealsWindow *self)
{
  return GTK_WIDGET (self->expertise_page);
}

/* The sidebar's row of the section @name, or NULL. */
static GtkWidget *
find_section_row (AppealsWindow *self,
                  const char    *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "page-name"), name) == 0)
      return row;
  return NULL;
}

/**
 * appeals_window_show_page:
 * @name: "work", "journal", "receptions", "review", "expertise", "analytics", "orders" or "intake"
 */
void
appeals_window_show_page (AppealsWindow *self,
                          const char    *name)
{
  GtkWidget *row = find_section_row (self, name);

  if (row != NULL)
    gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
}

/* What a role may use, as the server's route table allows it: the review
 * list (GET /review) is for the leadership, the head, the controller and
 * the administrator; the receipt journal (GET /receipts) for the
 * registrar, the head, the controller and the administrator; a card is
 * registered (POST /appeals) by the registrar, the controller and the
 * administrator. */
static gboolean
role_sees_section (AppealsRole  role,
                   const char  *name)
{
  if (g_strcmp0 (name, "review") == 0)
    return role == APPEALS_ROLE_LEADERSHIP || role == APPEALS_ROLE_HEAD || role == APPEALS_ROLE_CONTROLLER ||
           role == APPEALS_ROLE_ADMIN;
  if (g_strcmp0 (name, "intake") == 0)
    return role == APPEALS_ROLE_REGISTRAR || role == APPEALS_ROLE_HEAD || role == APPEALS_ROLE_CONTROLLER ||
           role == APPEALS_ROLE_ADMIN;
  return TRUE;
}

static gboolean
role_registers (AppealsRole role)
{
  return role == APPEALS_ROLE_REGISTRAR || role == APPEALS_ROLE_CONTROLLER || role == APPEALS_ROLE_ADMIN;
}

/* Shows the sections and the buttons @user can use (all of them while
 * nobody is signed in: the pages then say so themselves); a section
 * shown that the role has lost gives way to the first one. */
static void
apply_role (AppealsWindow *self,
            AppealsUser   *user)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->sidebar_list);
  gboolean registers = user == NULL || role_registers (user->role);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    gtk_widget_set_visible (row, user == NULL || role_sees_section (user->role,
                                                                    g_object_get_data (G_OBJECT (row), "page-name")));
  if (selected != NULL && !gtk_widget_get_visible (GTK_WIDGET (selected)))
    gtk_list_box_select_row (self->sidebar_list, gtk_list_box_get_row_at_index (self->sidebar_list, 0));

  gtk_widget_set_visible (self->new_card_button, registers);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-card", user != NULL && registers);
}

/**
 * appeals_window_is_section_shown:
 * @name: a section's name, as for appeals_window_show_page()
 *
 * Returns: whether the sidebar offers the section to the signed-in role
 */
gboolean
appeals_window_is_section_shown (AppealsWindow *self,
                                 const char    *name)
{
  GtkWidget *row = find_section_row (self, name);

  return row != NULL && gtk_widget_get_visible (row);
}

static void
offer_drafts (AppealsWindow *self)
{
  g_autoptr(GPtrArray) drafts = appeals_drafts_list (appeals_context_get_server_url (self->context));

  if (drafts->len > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u unsaved card was kept from last time",
                                                             "%u unsaved cards were kept from last time",
                                                             drafts->len), drafts->len);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-drafts");
      adw_toast_set_timeout (toast, 0);
      add_toast (self, toast);
    }
}

void
appeals_window_signed_in (AppealsWindow *self)
{
  AppealsUser *user = appeals_context_get_user (self->context);
  g_autofree char *text = NULL;

  if (user != NULL)
    text = g_strdup_printf ("%s\n%s", user->full_name, appeals_role_get_label (user->role));
  gtk_label_set_text (self->user_label, text != NULL ? text : "");

  apply_role (self, user);
  gtk_stack_set_visible_child_name (self->session_stack, "signed-in");
  appeals_work_page_reload (self->work_page);
  appeals_journal_page_reload (self->journal_page);
  appeals_receptions_page_reload (self->receptions_page);
  /* a section the role does not see asks the server nothing */
  if (appeals_window_is_section_shown (self, "review"))
    appeals_review_page_reload (self->review_page);
  appeals_expertise_page_reload (self->expertise_page);
  appeals_quality_page_reload (self->quality_page);
  appeals_orders_page_reload (self->orders_page);
  if (appeals_window_is_section_shown (self, "intake"))
    appeals_intake_page_reload (self->intake_page);
  offer_drafts (self);
}

void
appeals_window_signed_out (AppealsWindow *self)
{
  appeals_window_dismiss_toasts (self);
  gtk_stack_set_visible_child_name (self->session_stack, "signed-out");
  gtk_label_set_text (self->user_label, "");
  apply_role (self, NULL);
  appeals_work_page_clear (self->work_page);
  appeals_journal_page_clear (self->journal_page);
  appeals_receptions_page_clear (self->receptions_page);
  appeals_review_page_clear (self->review_page);
  appeals_expertise_page_clear (self->expertise_page);
  appeals_quality_page_clear (self->quality_page);
  appeals_orders_page_clear (self->orders_page);
  appeals_intake_page_clear (self->intake_page);
}

/* The lost connection ------------------------------------------------------ */

static void schedule_retry (AppealsWindow *self);

static void
on_health_checked (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AppealsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean answered = appeals_session_service_ping_finish (APPEALS_SESSION_SERVICE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (answered)
    {
      gtk_revealer_set_reveal_child (self->connection_revealer, FALSE);
      self->retry_seconds = 0;
      appeals_window_show_toast (self, _("The connection is back"));
      appeals_journal_page_reload (self->journal_page);
      g_signal_emit (self, signals[CONNECTION_RESTORED], 0);
      return;
    }

  self->retry_seconds = MIN (MAX (self->retry_seconds * 2, 1), MAX_RETRY_SECONDS);
  schedule_retry (self);
}

static void
check_server (AppealsWindow *self)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);
  gtk_label_set_text (self->connection_label, _("No connection to the server. Checking…"));
  appeals_session_service_ping_async (appeals_context_get_session_service (self->context), self->cancellable,
                                      on_health_checked, g_object_ref (self));
}

static gboolean
on_retry_tick (gpointer user_data)
{
  AppealsWindow *self = user_data;
  g_autofree char *text = NULL;

  if (self->countdown == 0)
    {
      self->retry_source = 0;
      check_server (self);
      return G_SOURCE_REMOVE;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "No connection to the server. Your work is kept. Trying again in %u second…",
                                       "No connection to the server. Your work is kept. Trying again in %u seconds…",
                                       self->countdown),
                          self->countdown);
  gtk_label_set_text (self->connection_label, text);
  self->countdown--;
  return G_SOURCE_CONTINUE;
}

static void
schedule_retry (AppealsWindow *self)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->countdown = MAX (self->retry_seconds, 1);
  on_retry_tick (self);
  self->retry_source = g_timeout_add_seconds (1, on_retry_tick, self);
}

/**
 * appeals_window_connection_lost:
 *
 * Shows the banner and keeps checking the server until it answers.
 */
void
appeals_window_connection_lost (AppealsWindow *self)
{
  if (gtk_revealer_get_reveal_child (self->connection_revealer) && self->retry_source != 0)
    return;

  gtk_revealer_set_reveal_child (self->connection_revealer, TRUE);
  self->retry_seconds = 1;
  schedule_retry (self);
}

gboolean
appeals_window_get_connection_lost (AppealsWindow *self)
{
  return gtk_revealer_get_reveal_child (self->connection_revealer);
}

static void
on_retry_clicked (AppealsWindow *self)
{
  check_server (self);
}

/* Navigation --------------------------------------------------------------- */

static void
on_verdict_given (AppealsWindow *self,
                  gint64         appeal_id)
{
  if (appeals_context_is_signed_in (self->context))
    appeals_journal_page_reload (self->journal_page);
}

static void
on_sidebar_row_selected (GtkListBox    *list,
                         GtkListBoxRow *row,
                         AppealsWindow *self)
{
  const char *name;
  GtkStackPage *page;

  if (row == NULL)
    return;

  name = g_object_get_data (G_OBJECT (row), "page-name");
  gtk_stack_set_visible_child_name (self->stack, name);
  page = gtk_stack_get_page (self->stack, gtk_stack_get_visible_child (self->stack));
  adw_window_title_set_title (self->title_widget, gtk_stack_page_get_title (page));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked (AppealsWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
build_sidebar (AppealsWindow *self)
{
  GtkSelectionModel *pages = gtk_stack_get_pages (self->stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkStackPage *page = GTK_STACK_PAGE (item);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *row = gtk_list_box_row_new ();

      GtkWidget *title = gtk_label_new (gtk_stack_page_get_title (page));

      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page)));
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_box_append (GTK_BOX (box), title);
      if (gtk_stack_page_get_child (page) == GTK_WIDGET (self->work_page))
        {
          /* how many things are due: the counts of My work's groups */
          self->work_badge = GTK_LABEL (gtk_label_new (NULL));
          gtk_widget_add_css_class (GTK_WIDGET (self->work_badge), "tag");
          gtk_widget_set_visible (GTK_WIDGET (self->work_badge), FALSE);
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->work_badge));
        }
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "page-name", g_strdup (gtk_stack_page_get_name (page)), g_free);
      gtk_list_box_append (self->sidebar_list, row);
    }
  g_object_unref (pages);

  gtk_list_box_select_row (self->sidebar_list, gtk_list_box_get_row_at_index (self->sidebar_list, 0));
}

static void
on_work_loaded (AppealsWindow *self)
{
  gboolean more = FALSE;
  gint64 n = appeals_work_page_get_n_due (self->work_page, &more);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT "%s", n, more ? "+" : "");
  g_autofree char *description = NULL;

  gtk_label_set_text (self->work_badge, text);
  gtk_widget_set_visible (GTK_WIDGET (self->work_badge), n > 0);
  if (more)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "More than %u item of your work",
                                                "More than %u items of your work", (gulong) n), (guint) n);
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item of your work", "%u items of your work",
                                                (gulong) n), (guint) n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->work_badge), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

GtkWidget *
appeals_window_get_work_page (AppealsWindow *self)
{
  return GTK_WIDGET (self->work_page);
}

void
appeals_window_open_card (AppealsWindow *self,
                          gint64         appeal_id)
{
  AppealsCardWindow *card = appeals_card_window_new (self->context, self, appeal_id, NULL);

  gtk_window_present (GTK_WINDOW (card));
}

/**
 * appeals_window_book_reception:
 * @iin: the applicant's IIN
 * @appeal_id: the registered appeal the reception is about
 *
 * Opens the booking dialog on the receptions page for this appeal.
 */
AppealsBookingDialog *
appeals_window_book_reception (AppealsWindow *self,
                               const char    *iin,
                               gint64         appeal_id)
{
  AppealsBookingDialog *dialog;

  appeals_window_show_page (self, "receptions");
  dialog = appeals_receptions_page_book (self->receptions_page);
  appeals_booking_dialog_select_appeal (dialog, appeal_id);
  appeals_booking_dialog_find_applicant (dialog, iin);
  return dialog;
}

static void
new_card_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  appeals_window_open_card (APPEALS_WINDOW (widget), 0);
}

/* The pages ask their window through actions: a notice, a card to open. */
static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  appeals_window_show_toast (APPEALS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
open_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  appeals_window_open_card (APPEALS_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  appeals_window_show_page (APPEALS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AppealsWindow *self = APPEALS_WINDOW (widget);

  appeals_window_show_page (self, "journal");
  appeals_journal_page_focus_search (self->journal_page);
}

/* The appeals behind a figure of the report: ("query", "description"). */
static void
open_journal_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AppealsWindow *self = APPEALS_WINDOW (widget);
  const char *query, *description;

  g_variant_get (parameter, "(&s&s)", &query, &description);
  appeals_window_show_page (self, "journal");
  appeals_journal_page_show_figure (self->journal_page, query, description);
}

/* Alt+1 … Alt+9: the sections the sidebar shows, in its order (a section
 * the role does not see takes no number). */
static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AppealsWindow *self = APPEALS_WINDOW (widget);
  int wanted = g_variant_get_int32 (parameter);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_visible (row) && wanted-- == 0)
      {
        gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
        return;
      }
}

static void
open_drafts_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AppealsWindow *self = APPEALS_WINDOW (widget);
  g_autoptr(GPtrArray) drafts = appeals_drafts_list (appeals_context_get_server_url (self->context));

  for (guint i = 0; i < drafts->len; i++)
    {
      AppealsDraft *draft = g_ptr_array_index (drafts, i);
      AppealsCardWindow *card = appeals_card_window_new (self->context, self, draft->appeal_id, draft);

      gtk_window_present (GTK_WINDOW (card));
    }
}

/* The window's size is remembered for the next start. */
static gboolean
appeals_window_close_request (GtkWindow *window)
{
  GSettings *settings = appeals_context_get_settings (APPEALS_WINDOW (window)->context);
  int width, height;

  if (settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (appeals_window_parent_class)->close_request (window);
}

/* New rules from the server (a holiday, a term): the pages that count
 * due dates and overdue days on the client draw them again. */
static void
on_rules_changed (AppealsWindow *self)
{
  /* while signing in the pages wait for appeals_window_signed_in() */
  if (appeals_context_get_user (self->context) == NULL)
    return;

  appeals_journal_page_reload (self->journal_page);
  appeals_receptions_page_reload (self->receptions_page);
}

/* The pages take the context at construction, so they are made here
 * rather than in the template. */
static GtkWidget *
add_page (AppealsWindow *self,
          GType          type,
          const char    *name,
          const char    *title,
          const char    *icon_name)
{
  GtkWidget *page = g_object_new (type, "context", self->context, NULL);
  GtkStackPage *stack_page = gtk_stack_add_titled (self->stack, page, name, title);

  gtk_stack_page_set_icon_name (stack_page, icon_name);
  return page;
}

static void
appeals_window_constructed (GObject *object)
{
  AppealsWindow *self = (AppealsWindow *)object;

  G_OBJECT_CLASS (appeals_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  self->work_page = APPEALS_WORK_PAGE (add_page (self, APPEALS_TYPE_WORK_PAGE, "work",
                                                 _("My Work"), "task-due-symbolic"));
  self->journal_page = APPEALS_JOURNAL_PAGE (add_page (self, APPEALS_TYPE_JOURNAL_PAGE, "journal",
                                                       _("Journal"), "view-list-symbolic"));
  self->receptions_page = APPEALS_RECEPTIONS_PAGE (add_page (self, APPEALS_TYPE_RECEPTIONS_PAGE, "receptions",
                                                             _("Receptions"), "x-office-calendar-symbolic"));
  self->review_page = APPEALS_REVIEW_PAGE (add_page (self, APPEALS_TYPE_REVIEW_PAGE, "review",
                                                     _("Review"), "emblem-documents-symbolic"));
  self->expertise_page = APPEALS_EXPERTISE_PAGE (add_page (self, APPEALS_TYPE_EXPERTISE_PAGE, "expertise",
                                                           _("Expertise"), "emblem-ok-symbolic"));
  self->quality_page = APPEALS_QUALITY_PAGE (add_page (self, APPEALS_TYPE_QUALITY_PAGE, "analytics",
                                                       _("Analytics"), "power-profile-performance-symbolic"));
  self->orders_page = APPEALS_ORDERS_PAGE (add_page (self, APPEALS_TYPE_ORDERS_PAGE, "orders",
                                                     _("Orders"), "mail-mark-important-symbolic"));
  self->intake_page = APPEALS_INTAKE_PAGE (add_page (self, APPEALS_TYPE_INTAKE_PAGE, "intake",
                                                     _("Intake"), "document-new-symbolic"));

  build_sidebar (self);
  g_signal_connect_object (self->work_page, "loaded", G_CALLBACK (on_work_loaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (appeals_context_get_expertise_service (self->context), "verdict-given",
                           G_CALLBACK (on_verdict_given), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (appeals_context_get_reference_service (self->context), "changed",
                           G_CALLBACK (on_rules_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "connection-lost",
                           G_CALLBACK (appeals_window_connection_lost), self, G_CONNECT_SWAPPED);
}

AppealsContext *
appeals_window_get_context (AppealsWindow *self)
{
  return self->context;
}

static void
appeals_window_dispose (GObject *object)
{
  AppealsWindow *self = (AppealsWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_pointer (&self->toasts, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), APPEALS_TYPE_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (appeals_window_parent_class)->dispose (object);
}

static void
appeals_window_class_init (AppealsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = appeals_window_constructed;
  object_class->dispose = appeals_window_dispose;

  appeals_window_install_context_property (G_OBJECT_CLASS (klass));

  /**
   * AppealsWindow::connection-restored:
   *
   * The server answers again after the banner said it did not.
   */
  signals[CONNECTION_RESTORED] = g_signal_new ("connection-restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  GTK_WINDOW_CLASS (klass)->close_request = appeals_window_close_request;

  g_type_ensure (APPEALS_TYPE_JOURNAL_PAGE);
  g_type_ensure (APPEALS_TYPE_RECEPTIONS_PAGE);
  g_type_ensure (APPEALS_TYPE_REVIEW_PAGE);
  g_type_ensure (APPEALS_TYPE_EXPERTISE_PAGE);
  g_type_ensure (APPEALS_TYPE_QUALITY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/appeals-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AppealsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AppealsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AppealsWindow, session_stack);
  gtk_widget_class_bind_template_child (widget_class, AppealsWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, AppealsWindow, new_card_button);
  gtk_widget_class_bind_template_child (widget_class, AppealsWindow, user_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsWindow, title_widget);
  gtk_widget_class_bind_template_child (widget_class, AppealsWindow, connection_revealer);
  gtk_widget_class_bind_template_child (widget_class, AppealsWindow, connection_label);
  gtk_widget_class_bind_template_child (widget_class, AppealsWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);

  gtk_widget_class_install_action (widget_class, "win.new-card", NULL, new_card_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.open-card", "x", open_card_action);
  gtk_widget_class_install_action (widget_class, "win.open-drafts", NULL, open_drafts_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "i", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.open-journal", "(ss)", open_journal_action);
  for (int i = 0; i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.show-section", "i", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-card", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
appeals_window_init (AppealsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-card", FALSE);
}

AppealsWindow *
appeals_window_new (GtkApplication *application,
                    AppealsContext *context)
{
  AppealsWindow *self = g_object_new (APPEALS_TYPE_WINDOW,
                                      "application", application,
                                      "context", context,
                                      NULL);
  GSettings *settings = appeals_context_get_settings (context);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  return self;
}
