/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-intake-page.c: the "Intake" section of the front desk. The quick
 * form takes a paper appeal in a minute (IIN first: a known one fills the
 * name; pages, attachments, language, note); "Receive" enters it into the
 * day's receipt journal and prints its talon in the applicant's language.
 * Below, the day's journal: "Reprint" prints a duplicate talon, "Register"
 * opens the card of an unregistered receipt; a registrar may show only
 * their receipts to register. The head of intake splits the day's
 * receipts among the registrars (handover sheets printed at once); files
 * from the electronic channels are imported (appeals-intake-import-dialog.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-context.h"
#include "appeals-intake-import-dialog.h"
#include "appeals-receipt-card.h"
#include "appeals-intake-batch.h"
#include "appeals-intake-page-private.h"
#include "appeals-print.h"


G_DEFINE_FINAL_TYPE (AppealsIntakePage, appeals_intake_page, ADW_TYPE_BIN)
APPEALS_DEFINE_CONTEXT_PROPERTY (AppealsIntakePage, appeals_intake_page)

static AppealsIntakeService *
get_service (AppealsIntakePage *self)
{
  return appeals_context_get_intake_service (self->context);
}

void
_appeals_intake_page_show_toast (AppealsIntakePage *self,
            const char        *text)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", text);
}

gboolean
appeals_intake_page_is_busy (AppealsIntakePage *self)
{
  return self->loading || self->sending;
}

guint
appeals_intake_page_get_n_receipts (AppealsIntakePage *self)
{
  return self->receipts->len;
}

/* How many of the day's receipts (the registrar's own, with "mine") have
 * no appeal yet, as the journal's bar says. */
guint
appeals_intake_page_get_n_unregistered (AppealsIntakePage *self)
{
  return self->n_unregistered;
}

/* The talon -------------------------------------------------------------- */

/**
 * appeals_intake_page_new_talon:
 * @position: the receipt's row in the journal
 * @duplicate: %TRUE for a reprint
 *
 * Returns: (transfer full): the talon of the receipt listed at @position
 */
AppealsTalon *
appeals_intake_page_new_talon (AppealsIntakePage *self,
                               guint              position,
                               gboolean           duplicate)
{
  AppealsReferenceService *reference = appeals_context_get_reference_service (self->context);

  g_return_val_if_fail (position < self->receipts->len, NULL);
  return appeals_talon_new (appeals_reference_service_get_letterhead (reference),
                            g_ptr_array_index (self->receipts, position), duplicate);
}

/* Opens the print of @receipt's talon without waiting for it. */
static void
print_talon (AppealsIntakePage *self,
             AppealsReceipt    *receipt,
             gboolean           duplicate)
{
  AppealsReferenceService *reference = appeals_context_get_reference_service (self->context);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;

  /* kept until the next talon: the print runs on after this returns */
  g_clear_object (&self->printing);
  self->printing = GTK_PRINT_OPERATION (appeals_talon_new (appeals_reference_service_get_letterhead (reference),
                                                           receipt, duplicate));
  gtk_print_operation_set_allow_async (self->printing, TRUE);
  if (gtk_print_operation_run (self->printing, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    _appeals_intake_page_show_toast (self, error->message);
}

/* The journal ------------------------------------------------------------ */

static GtkWidget *
new_receipt_row (AppealsIntakePage *self,
                 AppealsReceipt    *receipt,
                 guint              position)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *reprint = gtk_button_new_with_label (_("Reprint"));
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (5 * 3600);
  g_autoptr(GDateTime) local = receipt->received_at != NULL ? g_date_time_to_timezone (receipt->received_at, zone)
                                                            : NULL;
  g_autofree char *time = local != NULL ? g_date_time_format (local, "%H:%M") : g_strdup ("");
  const char *envelope = appeals_receipt_get_envelope_code (receipt);
  /* TRANSLATORS: a receipt of the day's journal not opened yet: %s is
   * the envelope's barcode */
  g_autofree char *name = envelope != NULL ? g_strdup_printf (_("Kazpost envelope %s"), envelope)
                                           : g_strdup (appeals_receipt_get_display_name (receipt));
  g_autofree char *title = g_markup_printf_escaped ("№ %" G_GINT64_FORMAT " — %s", receipt->number, name);
  g_autofree char *pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d page", "%d pages", receipt->pages),
                                            (int) receipt->pages);
  g_autofree char *subtitle = g_markup_printf_escaped ("%s · %s · %s · %s", receipt->talon_number, time, pages,
                                                       receipt->received_by_name != NULL ? receipt->received_by_name
                                                                                         : "");

  if (receipt->assigned_to_name != NULL)
    {
      g_autofree char *handed = g_markup_printf_escaped (_("handed to %s"), receipt->assigned_to_name);
      g_autofree char *longer = g_strconcat (subtitle, " · ", handed, NULL);

      g_free (subtitle);
      subtitle = g_steal_pointer (&longer);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (receipt->appeal_id == 0)
    {
      GtkWidget *pending = gtk_label_new (_("Not registered"));

      GtkWidget *registration = gtk_button_new_with_label (_("Register"));

      gtk_widget_add_css_class (pending, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pending);
      gtk_widget_set_valign (registration, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (registration), "intake.register");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (registration), "u", position);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), registration);
    }
  gtk_widget_set_valign (reprint, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reprint, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reprint), "intake.reprint");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (reprint), "u", position);
  gtk_widget_set_tooltip_text (reprint, _("Print the talon again, marked as a duplicate"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reprint);
  return row;
}

static void
show_journal_title (AppealsIntakePage *self,
                    const GDate       *day)
{
  g_autofree char *title = NULL;
  g_autofree char *unregistered = NULL;
  char date[16] = "";
  GDate today;

  /* an empty journal is today's, as the page asks for (it read
   * "Receipt journal : 0 receipts") */
  if (day == NULL || !g_date_valid (day))
    {
      appeals_date_get_today (&today);
      day = &today;
    }
  g_date_strftime (date, sizeof date, "%d.%m.%Y", day);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Receipt journal %s: %u receipt",
                                        "Receipt journal %s: %u receipts", self->receipts->len),
                           date, self->receipts->len);
  /* what is left for the end of the day, whatever the list shows */
  unregistered = g_strdup_printf (_("Unregistered: %u"), self->n_unregistered);
  gtk_label_set_text (self->journal_label, title);
  gtk_label_set_text (self->unregistered_label, unregistered);
}

static void
append_receipt (AppealsIntakePage *self,
                AppealsReceipt    *receipt)
{
  gtk_list_box_append (self->journal_list, new_receipt_row (self, receipt, self->receipts->len));
  g_ptr_array_add (self->receipts, g_object_ref (receipt));
  show_journal_title (self, &receipt->journal_date);
}

void
appeals_intake_page_clear (AppealsIntakePage *self)
{
  GtkListBoxRow *row;

  g_cancellable_cancel (self->cancellable);
  /* the rows, not every child: the placeholder is one too, and the empty
   * journal showed nothing once it had gone */
  while ((row = gtk_list_box_get_row_at_index (self->journal_list, 0)) != NULL)
    gtk_list_box_remove (self->journal_list, GTK_WIDGET (row));
  g_ptr_array_set_size (self->receipts, 0);
  self->n_unregistered = 0;
  gtk_label_set_text (self->journal_label, "");
  gtk_label_set_text (self->unregistered_label, "");
}

static void
on_journal_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AppealsIntakePage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_unregistered = 0;
  g_autoptr(GPtrArray) receipts = appeals_intake_service_list_day_finish (APPEALS_INTAKE_SERVICE (source), result,
                                                                          &n_unregistered, &error);

  if (receipts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->loading = FALSE;
          _appeals_intake_page_show_toast (self, error->message);
        }
      return;
    }
  self->loading = FALSE;
  self->n_unregistered = n_unregistered;
  for (guint i = 0; i < receipts->len; i++)
    append_receipt (self, g_ptr_array_index (receipts, i));
  if (receipts->len == 0)
    show_journal_title (self, NULL);
}

/* Splitting is the head of intake's (and an administrator's). */
static gboolean
may_distribute (AppealsIntakePage *self)
{
  AppealsUser *user = appeals_context_get_user (self->context);

  return user != NULL && (user->role == APPEALS_ROLE_HEAD || user->role == APPEALS_ROLE_ADMIN);
}

static gboolean
is_registrar (AppealsIntakePage *self)
{
  AppealsUser *user = appeals_context_get_user (self->context);

  return user != NULL && user->role == APPEALS_ROLE_REGISTRAR;
}

void
appeals_intake_page_reload (AppealsIntakePage *self)
{
  appeals_intake_page_clear (self);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  appeals_intake_service_list_day_async (get_service (self), NULL, gtk_check_button_get_active (self->mine_check),
                                         gtk_check_button_get_active (self->unregistered_check), self->cancellable,
                                         on_journal_loaded, g_object_ref (self));
  gtk_widget_set_visible (self->distribute_button, may_distribute (self));
  gtk_widget_set_visible (GTK_WIDGET (self->mine_check), is_registrar (self));
  appeals_intake_batch_reload (self->batch);
  /* only a page on screen takes the keyboard: at sign-in this one is
   * hidden, and the window's own shortcuts must keep working */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->iin_row));
}

/* The front desk's work starts in the IIN field whenever the page shows. */
static void
appeals_intake_page_map (GtkWidget *widget)
{
  AppealsIntakePage *self = APPEALS_INTAKE_PAGE (widget);

  GTK_WIDGET_CLASS (appeals_intake_page_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->iin_row));
}

/* A receipt entered elsewhere (another window) joins the journal shown. */
static void
on_receipt_added (AppealsIntakePage *self,
                  AppealsReceipt    *receipt)
{
  if (gtk_check_button_get_active (self->mine_check))
    return;
  for (guint i = 0; i < self->receipts->len; i++)
    if (((AppealsReceipt *) g_ptr_array_index (self->receipts, i))->id == receipt->id)
      return;
  if (self->receipts->len == 0 ||
      g_date_compare (&((AppealsReceipt *) g_ptr_array_index (self->receipts, 0))->journal_date,
                      &receipt->journal_date) == 0)
    {
      self->n_unregistered += receipt->appeal_id == 0;
      append_receipt (self, receipt);
    }
}

/* The quick form --------------------------------------------------------- */

static void
reset_form (AppealsIntakePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->iin_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  gtk_spin_button_set_value (self->pages_spin, 1);
  gtk_spin_button_set_value (self->attachments_spin, 0);
  gtk_label_set_text (self->applicant_label, "");
  gtk_widget_grab_focus (GTK_WIDGET (self->iin_row));
}

static void
on_applicant_found (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AppealsIntakePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsApplicant) applicant = appeals_appeal_service_find_applicant_finish (APPEALS_APPEAL_SERVICE (source),
                                                                                       result, NULL, &error);
  g_autofree char *name = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (applicant == NULL)
    {
      gtk_label_set_text (self->applicant_label, error != NULL ? error->message : _("No card with this IIN yet"));
      return;
    }
  name = appeals_applicant_dup_full_name (applicant);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_label_set_text (self->applicant_label, _("Known applicant: the name is taken from the card"));
  gtk_widget_grab_focus (GTK_WIDGET (self->pages_spin));
}

/* A whole IIN is looked up at once. */
static void
on_iin_changed (AppealsIntakePage *self)
{
  const char *iin = gtk_editable_get_text (GTK_EDITABLE (self->iin_row));

  g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);
  gtk_label_set_text (self->applicant_label, "");
  if (strlen (iin) != 12 || !appeals_iin_validate (iin, NULL))
    return;
  self->lookup = g_cancellable_new ();
  appeals_appeal_service_find_applicant_async (appeals_context_get_appeal_service (self->context), iin, self->lookup,
                                               on_applicant_found, g_object_ref (self));
}

static void
on_received (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AppealsIntakePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AppealsReceipt) receipt = appeals_intake_service_receipt_finish (APPEALS_INTAKE_SERVICE (source), result,
                                                                            &error);
  g_autofree char *done = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->sending = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.receive", TRUE);
  if (receipt == NULL)
    {
      _appeals_intake_page_show_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->idempotency_key, g_free);
  on_receipt_added (self, receipt);
  reset_form (self);
  done = g_strdup_printf (_("Received under number %s"), receipt->talon_number);
  _appeals_intake_page_show_toast (self, done);
  print_talon (self, receipt, FALSE);
}

static void
receive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AppealsIntakePage *self = APPEALS_INTAKE_PAGE (widget);
  g_autoptr(AppealsReceipt) receipt = appeals_receipt_new ();
  g_autoptr(GPtrArray) errors = appeals_field_errors_new ();
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  const char *iin = gtk_editable_get_text (GTK_EDITABLE (self->iin_row));

  if (self->sending)
    return;
  receipt->applicant_name = g_steal_pointer (&name);
  receipt->iin = *iin != '\0' ? g_strdup (iin) : NULL;
  receipt->pages = gtk_spin_button_get_value_as_int (self->pages_spin);
  receipt->attachments = gtk_spin_button_get_value_as_int (self->attachments_spin);
  receipt->language = adw_combo_row_get_selected (self->language_row) == 0 ? APPEALS_LANGUAGE_KK : APPEALS_LANGUAGE_RU;
  receipt->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));

  /* the server checks the same; saying it here saves a round trip */
  if (*receipt->applicant_name == '\0' || !appeals_receipt_validate (receipt, errors))
    {
      _appeals_intake_page_show_toast (self, *receipt->applicant_name == '\0' ? _("Enter the applicant's name")
                                                         : _("The IIN is not valid: check its digits"));
      return;
    }

  if (self->idempotency_key == NULL)
    self->idempotency_key = g_uuid_string_random ();
  self->sending = TRUE;
  gtk_widget_action_set_enabled (widget, "intake.receive", FALSE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  appeals_intake_service_receive_async (get_service (self), receipt, self->idempotency_key, self->cancellable,
                                        on_received, g_object_ref (self));
}

static void
on_reprint_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AppealsIntakePage) self = user_data;
  g_autoptr(GError) error = NULL;
  AppealsIntakeService *service = APPEALS_INTAKE_SERVICE (source);
  g_autoptr(AppealsReceipt) again = appeals_intake_service_receipt_finish (service, result, &error);

  if (again != NULL)
    print_talon (self, again, TRUE);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _appeals_intake_page_show_toast (self, error->message);
}

static void
reprint_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AppealsIntakePage *self = APPEALS_INTAKE_PAGE (widget);
  guint position = g_variant_get_uint32 (parameter);

  if (position >= self->receipts->len)
    return;
  appeals_intake_service_get_async (get_service (self),
                                    ((AppealsReceipt *) g_ptr_array_index (self->receipts, position))->id,
                                    self->cancellable, on_reprint_loaded, g_object_ref (self));
}

/* A new card filled from the receipt (in the main window, the page's
 * root); saving it registers the receipt. */
static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AppealsIntakePage *self = APPEALS_INTAKE_PAGE (widget);
  guint position = g_variant_get_uint32 (parameter);

  if (position < self->receipts->len)
    g_signal_connect_object (appeals_receipt_card_open (self->context, widget,
                                                               g_ptr_array_index (self->receipts, position)),
                             "saved", G_CALLBACK (appeals_intake_page_reload), self, G_CONNECT_SWAPPED);
}

/* A talon's barcode scanned (or typed) and Enter: its registration. */
static void
on_talon_activated (AppealsIntakePage *self,
                    GtkEditable       *entry)
{
  if (appeals_receipt_card_find_talon (self->context, GTK_WIDGET (self), gtk_editable_get_text (entry),
                                       self->cancellable))
    gtk_editable_set_text (entry, "");
  else
    _appeals_intake_page_show_toast (self, _("Scan the talon's barcode: a number like 20261130-0001"));
}

/* The import of a file from an electronic channel. */
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AppealsIntakeImportDialog *dialog =
    appeals_intake_import_dialog_new (APPEALS_INTAKE_PAGE (widget)->context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (appeals_intake_page_reload), widget, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Construction ----------------------------------------------------------- */

static void
appeals_intake_page_constructed (GObject *object)
{
  AppealsIntakePage *self = (AppealsIntakePage *) object;
  GtkWidget *bar;

  G_OBJECT_CLASS (appeals_intake_page_parent_class)->constructed (object);
  g_signal_connect_object (get_service (self), "receipt-added", G_CALLBACK (on_receipt_added), self,
                           G_CONNECT_SWAPPED);
  self->batch = APPEALS_INTAKE_BATCH (appeals_intake_batch_new (self->context));
  /* the journal's bar: its title's line's parent */
  bar = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->journal_label)));
  gtk_widget_insert_before (GTK_WIDGET (self->batch), gtk_widget_get_parent (bar), bar);
  g_signal_connect_swapped (self->batch, "closed", G_CALLBACK (appeals_intake_page_reload), self);
}

static void
appeals_intake_page_dispose (GObject *object)
{
  AppealsIntakePage *self = (AppealsIntakePage *) object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->lookup);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->lookup);
  g_clear_object (&self->printing);
  g_clear_pointer (&self->last_split, g_ptr_array_unref);
  g_clear_pointer (&self->receipts, g_ptr_array_unref);
  g_clear_pointer (&self->idempotency_key, g_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (appeals_intake_page_parent_class)->dispose (object);
}

static void
appeals_intake_page_class_init (AppealsIntakePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = appeals_intake_page_constructed;
  G_OBJECT_CLASS (klass)->dispose = appeals_intake_page_dispose;
  widget_class->map = appeals_intake_page_map;
  appeals_intake_page_install_context_property (G_OBJECT_CLASS (klass));

  gtk_widget_class_install_action (widget_class, "intake.receive", NULL, receive_action);
  gtk_widget_class_install_action (widget_class, "intake.reprint", "u", reprint_action);
  gtk_widget_class_install_action (widget_class, "intake.distribute", NULL, _appeals_intake_page_distribute_action);
  gtk_widget_class_install_action (widget_class, "intake.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "intake.register", "u", register_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "intake.receive", NULL);
}

/* Enter in the last field sends the form, as Ctrl+Enter does anywhere. */
static void
on_note_activated (AppealsIntakePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "intake.receive", NULL);
}

static GtkWidget *
new_spin_row (const char     *title,
              const char     *name,
              int             minimum,
              GtkSpinButton **spin)
{
  GtkWidget *row = adw_action_row_new ();

  *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (minimum, APPEALS_RECEIPT_MAX_PAGES, 1));
  gtk_widget_set_name (GTK_WIDGET (*spin), name);
  gtk_widget_set_valign (GTK_WIDGET (*spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  return row;
}

static AdwEntryRow *
new_entry_row (const char *title,
               const char *name)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
new_form (AppealsIntakePage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *receive = gtk_button_new_with_mnemonic (_("_Receive and Print Talon"));
  const char *languages[] = { "Қазақ тілі", "Русский язык", NULL };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Hand Delivery"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A paper appeal brought to the front desk: it gets the next number "
                                           "of today's journal and its talon is printed at once."));
  self->iin_row = new_entry_row (_("IIN"), "intake-iin");
  self->name_row = new_entry_row (_("Applicant's full name"), "intake-name");
  self->note_row = new_entry_row (_("Note"), "intake-note");
  self->language_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->language_row), _("Language of the talon"));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (gtk_string_list_new (languages)));
  gtk_widget_set_name (GTK_WIDGET (self->language_row), "intake-language");

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->iin_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_spin_row (_("_Pages"), "intake-pages", 1,
                                                                          &self->pages_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_spin_row (_("_Attachments"), "intake-attachments", 0,
                                                                          &self->attachments_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->language_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->note_row));

  self->applicant_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->applicant_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->applicant_label), "dim-label");
  gtk_widget_set_name (receive, "intake-receive");
  gtk_widget_add_css_class (receive, "suggested-action");
  gtk_widget_add_css_class (receive, "pill");
  gtk_widget_set_halign (receive, GTK_ALIGN_END);
  gtk_widget_set_margin_top (receive, 12);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (receive), "intake.receive");
  gtk_widget_set_tooltip_text (receive, _("Enter the appeal into today's journal (Ctrl+Enter)"));
  g_signal_connect_swapped (self->iin_row, "changed", G_CALLBACK (on_iin_changed), self);
  g_signal_connect_swapped (self->note_row, "entry-activated", G_CALLBACK (on_note_activated), self);

  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

    gtk_box_append (GTK_BOX (box), group);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->applicant_label));
    gtk_box_append (GTK_BOX (box), receive);
    return box;
  }
}

/* Three lines: the journal's title with its count of unregistered, the
 * filters, then the talon field and the actions (one line was wider than
 * the page in ru). */
static GtkWidget *
new_journal_bar (AppealsIntakePage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import File…"));
  GtkWidget *talon = gtk_search_entry_new ();

  gtk_widget_set_hexpand (GTK_WIDGET (self->journal_label), TRUE);
  gtk_label_set_wrap (self->journal_label, TRUE);
  self->mine_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Only my receipts to register")));
  gtk_widget_set_name (GTK_WIDGET (self->mine_check), "intake-mine");
  self->unregistered_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->unregistered_label), "intake-unregistered-count");
  self->unregistered_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Only _unregistered")));
  gtk_widget_set_name (GTK_WIDGET (self->unregistered_check), "intake-unregistered");
  self->distribute_button = gtk_button_new_with_mnemonic (_("Hand _Over to Registrars…"));
  gtk_widget_set_name (self->distribute_button, "intake-distribute");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->distribute_button), "intake.distribute");
  gtk_widget_set_visible (self->distribute_button, FALSE);
  gtk_widget_set_name (import, "intake-import");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (import), "intake.import");
  gtk_widget_set_tooltip_text (import, _("Import appeals exported from e-gov / eOtinish or the Virtual reception"));
  gtk_box_append (GTK_BOX (title_line), GTK_WIDGET (self->journal_label));
  gtk_box_append (GTK_BOX (title_line), GTK_WIDGET (self->unregistered_label));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->unregistered_check));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->mine_check));
  gtk_box_append (GTK_BOX (bar), title_line);
  gtk_box_append (GTK_BOX (bar), filters);
  gtk_box_append (GTK_BOX (actions), talon);
  gtk_box_append (GTK_BOX (actions), import);
  gtk_box_append (GTK_BOX (bar), actions);
  gtk_widget_set_hexpand (talon, TRUE);
  gtk_widget_set_name (talon, "intake-talon");
  g_object_set (talon, "placeholder-text", _("Talon number"), NULL);
  gtk_editable_set_width_chars (GTK_EDITABLE (talon), 16);
  gtk_accessible_update_property (GTK_ACCESSIBLE (talon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Talon number"), -1);
  g_signal_connect_swapped (talon, "activate", G_CALLBACK (on_talon_activated), self);
  gtk_box_append (GTK_BOX (actions), self->distribute_button);
  g_signal_connect_swapped (self->mine_check, "toggled", G_CALLBACK (appeals_intake_page_reload), self);
  g_signal_connect_swapped (self->unregistered_check, "toggled", G_CALLBACK (appeals_intake_page_reload), self);
  return bar;
}

static void
appeals_intake_page_init (AppealsIntakePage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *empty = gtk_label_new (_("No receipts in this journal yet."));

  self->receipts = g_ptr_array_new_with_free_func (g_object_unref);
  self->journal_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->journal_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->journal_label), "heading");
  self->journal_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->journal_list), "intake-journal");
  gtk_widget_set_name (GTK_WIDGET (self), "intake-page");
  gtk_list_box_set_selection_mode (self->journal_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->journal_list), "boxed-list");
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 12);
  gtk_widget_set_margin_bottom (empty, 12);
  gtk_list_box_set_placeholder (self->journal_list, empty);

  gtk_box_append (GTK_BOX (content), new_form (self));
  gtk_box_append (GTK_BOX (content), new_journal_bar (self));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->journal_list));
  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}
