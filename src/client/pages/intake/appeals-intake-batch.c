/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-intake-batch.c: the Kazpost batch on the Intake section. A
 * barcode scanner is a keyboard: it types a code and Enter, faster than
 * the server answers. The scanner entry therefore takes a code, checks it
 * at once as an S10 identifier (a wrong one rings the bell and says so,
 * and goes nowhere), clears itself for the next one and queues the code;
 * the queue goes to the server one code at a time, each stored there
 * before the next. First the courier's list, then the envelopes (the mode
 * buttons, Ctrl+L and Ctrl+E). The batch shows as four lists: matched,
 * missing, not on the list, for another addressee; a received envelope
 * can be marked for another addressee. Closing the batch enters the
 * envelopes into the day's journal and prints the list for the courier to
 * sign. When the section loads, the open batch, if any, comes back.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-intake-batch.h"
#include "appeals-print.h"

typedef struct
{
  AppealsKazpostEntry  entry;
  char                *code;
} Pending;

struct _AppealsIntakeBatch
{
  AdwBin               parent_instance;

  AppealsContext      *context;
  AppealsKazpostBatch *batch;      /* the open batch; NULL: none */
  AppealsKazpostBatch *closed;     /* the batch last closed here, for its list */
  AppealsKazpostEntry  mode;       /* what the scanner enters */
  GQueue               pending;    /* Pending codes not yet sent */
  gboolean             sending;
  gboolean             loading;
  GCancellable        *cancellable;
  GtkPrintOperation   *printing;
  char                *message;

  AdwEntryRow         *courier_row;
  GtkWidget           *open_button;
  GtkWidget           *close_button;
  GtkWidget           *scan_box;
  GtkToggleButton     *list_toggle;
  GtkToggleButton     *envelope_toggle;
  GtkEntry            *scanner;
  GtkLabel            *status_label;
  AdwPreferencesGroup *groups[APPEALS_KAZPOST_N_ITEM_STATES];
  GtkListBox          *lists[APPEALS_KAZPOST_N_ITEM_STATES];
};

G_DEFINE_FINAL_TYPE (AppealsIntakeBatch, appeals_intake_batch, ADW_TYPE_BIN)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void pump (AppealsIntakeBatch *self);

static AppealsKazpostService *
get_service (AppealsIntakeBatch *self)
{
  return appeals_context_get_kazpost_service (self->context);
}

static void
pending_free (Pending *pending)
{
  g_free (pending->code);
  g_free (pending);
}

gboolean
appeals_intake_batch_is_busy (AppealsIntakeBatch *self)
{
  return self->loading || self->sending || !g_queue_is_empty (&self->pending);
}

/**
 * appeals_intake_batch_get_batch:
 *
 * Returns: (transfer none) (nullable): the open batch
 */
AppealsKazpostBatch *
appeals_intake_batch_get_batch (AppealsIntakeBatch *self)
{
  return self->batch;
}

/* What the desk was last told, e.g. why a code was refused. */
const char *
appeals_intake_batch_get_message (AppealsIntakeBatch *self)
{
  return self->message != NULL ? self->message : "";
}

/* Says @text under the scanner; a refusal also rings the bell. */
static void
tell (AppealsIntakeBatch *self,
      const char         *text,
      gboolean            refused)
{
  g_free (self->message);
  self->message = g_strdup (text);
  gtk_label_set_text (self->status_label, text);
  if (refused)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_error_bell (GTK_WIDGET (self->scanner));
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

/* The lists ---------------------------------------------------------------- */

static const char *
group_title (AppealsKazpostItemState state)
{
  switch (state)
    {
    case APPEALS_KAZPOST_ITEM_MATCHED:
      return _("Received, on the list");
    case APPEALS_KAZPOST_ITEM_MISSING:
      return _("On the list, missing");
    case APPEALS_KAZPOST_ITEM_NOT_ON_LIST:
      return _("Received, not on the list");
    case APPEALS_KAZPOST_ITEM_WRONG_ADDRESSEE:
      return _("Wrong addressee: to return");
    case APPEALS_KAZPOST_ITEM_UNSET:
    default:
      return "";
    }
}

static GtkWidget *
new_item_row (AppealsIntakeBatch *self,
              AppealsKazpostItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_printf_escaped ("<tt>%s</tt>", item->code);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (item->talon_number != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->talon_number);
  if (self->batch != NULL && (item->state == APPEALS_KAZPOST_ITEM_MATCHED ||
                              item->state == APPEALS_KAZPOST_ITEM_NOT_ON_LIST))
    {
      GtkWidget *wrong = gtk_button_new_with_label (_("Return to Courier"));

      gtk_widget_set_valign (wrong, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (wrong, _("The envelope is addressed to someone else: it goes back with the courier"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (wrong), "batch.return");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (wrong), "s", item->code);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), wrong);
    }
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Shows @batch (the open one, or the one just closed) in the lists. */
static void
show_batch (AppealsIntakeBatch  *self,
            AppealsKazpostBatch *batch)
{
  gboolean open = self->batch != NULL;

  gtk_widget_set_visible (self->scan_box, open);
  gtk_widget_set_visible (self->close_button, open);
  gtk_widget_set_visible (self->open_button, !open);
  gtk_widget_set_visible (GTK_WIDGET (self->courier_row), !open);
  for (guint s = APPEALS_KAZPOST_ITEM_MATCHED; s < APPEALS_KAZPOST_N_ITEM_STATES; s++)
    {
      g_autofree char *title = NULL;
      guint n = batch != NULL ? appeals_kazpost_batch_count (batch, s) : 0;

      clear_list (self->lists[s]);
      title = g_strdup_printf ("%s — %u", group_title (s), n);
      adw_preferences_group_set_title (self->groups[s], title);
      gtk_widget_set_visible (GTK_WIDGET (self->groups[s]), batch != NULL);
      for (guint i = 0; batch != NULL && i < batch->items->len; i++)
        {
          AppealsKazpostItem *item = g_ptr_array_index (batch->items, i);

          if (item->state == (int) s)
            gtk_list_box_append (self->lists[s], new_item_row (self, item));
        }
    }
}

static void
set_batch (AppealsIntakeBatch  *self,
           AppealsKazpostBatch *batch)
{
  g_set_object (&self->batch, batch);
  show_batch (self, batch);
}

/* Reads an answer into @batch: %FALSE when the call was cancelled or
 * refused (the refusal is told, with the bell). */
static gboolean
read_answer (AppealsIntakeBatch   *self,
             GObject              *source,
             GAsyncResult         *result,
             AppealsKazpostBatch **batch)
{
  g_autoptr(GError) error = NULL;

  *batch = appeals_kazpost_service_batch_finish (APPEALS_KAZPOST_SERVICE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  self->sending = FALSE;
  self->loading = FALSE;
  if (error != NULL)
    tell (self, error->message, TRUE);
  return error == NULL;
}

/* Loading the open batch ------------------------------------------------ */

static void
on_open_found (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AppealsIntakeBatch) self = user_data;
  g_autoptr(AppealsKazpostBatch) batch = NULL;

  if (!read_answer (self, source, result, &batch))
    return;
  set_batch (self, batch);
  if (batch != NULL)
    tell (self, _("The open batch is back: go on scanning."), FALSE);
  else if (self->closed != NULL)
    show_batch (self, self->closed);
}

/**
 * appeals_intake_batch_reload:
 *
 * Takes up the open batch again, as after a restart.
 */
void
appeals_intake_batch_reload (AppealsIntakeBatch *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_queue_clear_full (&self->pending, (GDestroyNotify) pending_free);
  self->sending = FALSE;
  self->loading = TRUE;
  appeals_kazpost_service_find_open_async (get_service (self), self->cancellable, on_open_found,
                                           g_object_ref (self));
}

/* Opening and scanning --------------------------------------------------- */

static void
set_mode (AppealsIntakeBatch  *self,
          AppealsKazpostEntry  mode)
{
  self->mode = mode;
  gtk_toggle_button_set_active (self->list_toggle, mode == APPEALS_KAZPOST_ENTER_LIST_CODE);
  gtk_toggle_button_set_active (self->envelope_toggle, mode == APPEALS_KAZPOST_ENTER_SCAN);
  gtk_entry_set_placeholder_text (self->scanner, mode == APPEALS_KAZPOST_ENTER_LIST_CODE
                                                 ? _("Scan or type a barcode of the courier's list")
                                                 : _("Scan an envelope"));
  /* the receiver chose what to scan: the scanner takes the keyboard */
  gtk_widget_grab_focus (GTK_WIDGET (self->scanner));
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AppealsIntakeBatch) self = user_data;
  g_autoptr(AppealsKazpostBatch) batch = NULL;

  if (!read_answer (self, source, result, &batch))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->courier_row), "");
  set_batch (self, batch);
  set_mode (self, APPEALS_KAZPOST_ENTER_LIST_CODE);
  tell (self, _("Batch opened: scan the courier's list first, then the envelopes."), FALSE);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AppealsIntakeBatch *self = APPEALS_INTAKE_BATCH (widget);

  if (self->batch != NULL || appeals_intake_batch_is_busy (self))
    return;
  self->sending = TRUE;
  appeals_kazpost_service_open_async (get_service (self), gtk_editable_get_text (GTK_EDITABLE (self->courier_row)),
                                      self->cancellable, on_opened, g_object_ref (self));
}

static void
on_entered (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AppealsIntakeBatch) self = user_data;
  g_autoptr(AppealsKazpostBatch) batch = NULL;

  if (read_answer (self, source, result, &batch))
    set_batch (self, batch);
  else if (g_cancellable_is_cancelled (self->cancellable))
    return;
  pump (self);
}

/* Sends the next code waiting, one at a time, in the order scanned. */
static void
pump (AppealsIntakeBatch *self)
{
  Pending *next;

  if (self->sending || self->batch == NULL || (next = g_queue_pop_head (&self->pending)) == NULL)
    return;
  self->sending = TRUE;
  appeals_kazpost_service_enter_async (get_service (self), self->batch->id, next->entry, next->code,
                                       self->cancellable, on_entered, g_object_ref (self));
  pending_free (next);
}

/* Already in the batch as @entry would put it, or waiting to be sent. */
static gboolean
is_entered (AppealsIntakeBatch  *self,
            AppealsKazpostEntry  entry,
            const char          *code)
{
  AppealsKazpostItem *item = appeals_kazpost_batch_find (self->batch, code);

  for (GList *l = self->pending.head; l != NULL; l = l->next)
    if (((Pending *) l->data)->entry == entry && g_str_equal (((Pending *) l->data)->code, code))
      return TRUE;
  if (item == NULL)
    return FALSE;
  return entry == APPEALS_KAZPOST_ENTER_LIST_CODE ? item->on_list : item->scanned_at != NULL;
}

static void
enter_code (AppealsIntakeBatch  *self,
            AppealsKazpostEntry  entry,
            const char          *code)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->entry = entry;
  pending->code = g_strdup (code);
  g_queue_push_tail (&self->pending, pending);
  pump (self);
}

static void
on_scanner_activate (AppealsIntakeBatch *self)
{
  g_autofree char *code = appeals_s10_normalize (gtk_editable_get_text (GTK_EDITABLE (self->scanner)));
  g_autofree char *text = NULL;

  /* cleared at once: the scanner's next code comes right after Enter */
  gtk_editable_set_text (GTK_EDITABLE (self->scanner), "");
  if (*code == '\0' || self->batch == NULL)
    return;
  if (!appeals_s10_is_valid (code))
    {
      text = g_strdup_printf (_("“%s” is not a Kazpost barcode: its letters, digits or check digit are wrong. "
                                "Nothing was entered; scan it again."), code);
      tell (self, text, TRUE);
      return;
    }
  if (is_entered (self, self->mode, code))
    {
      text = g_strdup_printf (_("“%s” is already in the batch: it was not entered twice."), code);
      tell (self, text, TRUE);
      return;
    }
  text = g_strdup_printf (self->mode == APPEALS_KAZPOST_ENTER_LIST_CODE ? _("On the list: %s")
                                                                        : _("Envelope scanned: %s"), code);
  tell (self, text, FALSE);
  enter_code (self, self->mode, code);
}

static void
mode_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AppealsIntakeBatch *self = APPEALS_INTAKE_BATCH (widget);

  set_mode (self, g_str_equal (g_variant_get_string (parameter, NULL), "list") ? APPEALS_KAZPOST_ENTER_LIST_CODE
                                                                              : APPEALS_KAZPOST_ENTER_SCAN);
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AppealsIntakeBatch *self = APPEALS_INTAKE_BATCH (widget);

  g_autofree char *text = NULL;

  if (self->batch == NULL)
    return;
  text = g_strdup_printf (_("To return to the courier: %s"), g_variant_get_string (parameter, NULL));
  tell (self, text, FALSE);
  enter_code (self, APPEALS_KAZPOST_ENTER_RETURN, g_variant_get_string (parameter, NULL));
}

/* Closing and the courier's list -------------------------------------------- */

/**
 * appeals_intake_batch_new_list:
 *
 * Returns: (transfer full) (nullable): the list of the batch last closed
 *   here, in the desk's language; %NULL before one
 */
AppealsKazpostList *
appeals_intake_batch_new_list (AppealsIntakeBatch *self)
{
  AppealsReferenceService *reference = appeals_context_get_reference_service (self->context);

  if (self->closed == NULL)
    return NULL;
  return appeals_kazpost_list_new (appeals_reference_service_get_letterhead (reference), self->closed,
                                   appeals_print_desk_language ());
}

static void
print_list (AppealsIntakeBatch *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;

  /* kept until the next list: the print runs on after this returns */
  g_clear_object (&self->printing);
  self->printing = GTK_PRINT_OPERATION (appeals_intake_batch_new_list (self));
  gtk_print_operation_set_allow_async (self->printing, TRUE);
  if (gtk_print_operation_run (self->printing, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    tell (self, error->message, TRUE);
}

static void
on_closed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AppealsIntakeBatch) self = user_data;
  g_autoptr(AppealsKazpostBatch) batch = NULL;
  g_autofree char *text = NULL;
  guint received;

  if (!read_answer (self, source, result, &batch))
    return;
  g_set_object (&self->closed, batch);
  g_clear_object (&self->batch);
  show_batch (self, batch);
  received = appeals_kazpost_batch_count (batch, APPEALS_KAZPOST_ITEM_MATCHED) +
             appeals_kazpost_batch_count (batch, APPEALS_KAZPOST_ITEM_NOT_ON_LIST);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Batch closed: %u envelope entered into today's journal.",
                                       "Batch closed: %u envelopes entered into today's journal.", received),
                          received);
  tell (self, text, FALSE);
  g_signal_emit (self, signals[CLOSED], 0);
  print_list (self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AppealsIntakeBatch *self = APPEALS_INTAKE_BATCH (widget);

  if (self->batch == NULL || appeals_intake_batch_is_busy (self))
    return;
  self->sending = TRUE;
  appeals_kazpost_service_close_async (get_service (self), self->batch->id, self->cancellable, on_closed,
                                       g_object_ref (self));
}

/* Construction ----------------------------------------------------------- */

static void
appeals_intake_batch_dispose (GObject *object)
{
  AppealsIntakeBatch *self = (AppealsIntakeBatch *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_queue_clear_full (&self->pending, (GDestroyNotify) pending_free);
  g_clear_object (&self->printing);
  g_clear_object (&self->batch);
  g_clear_object (&self->closed);
  g_clear_pointer (&self->message, g_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (appeals_intake_batch_parent_class)->dispose (object);
}

static void
appeals_intake_batch_class_init (AppealsIntakeBatchClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = appeals_intake_batch_dispose;

  /**
   * AppealsIntakeBatch::closed:
   *
   * A batch was closed: the day's journal has its envelopes.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "batch.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "batch.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "batch.mode", "s", mode_action);
  gtk_widget_class_install_action (widget_class, "batch.return", "s", return_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "batch.mode", "s", "list");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "batch.mode", "s", "envelopes");
}

static GtkToggleButton *
new_mode_toggle (const char *label,
                 const char *name,
                 const char *mode)
{
  GtkWidget *toggle = gtk_toggle_button_new_with_mnemonic (label);

  gtk_widget_set_name (toggle, name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (toggle), "batch.mode");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (toggle), "s", mode);
  return GTK_TOGGLE_BUTTON (toggle);
}

static GtkWidget *
new_scan_box (AppealsIntakeBatch *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *modes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (modes, "linked");
  self->list_toggle = new_mode_toggle (_("1. Courier's _List (Ctrl+L)"), "kazpost-mode-list", "list");
  self->envelope_toggle = new_mode_toggle (_("2. _Envelopes (Ctrl+E)"), "kazpost-mode-envelopes", "envelopes");
  gtk_box_append (GTK_BOX (modes), GTK_WIDGET (self->list_toggle));
  gtk_box_append (GTK_BOX (modes), GTK_WIDGET (self->envelope_toggle));

  self->scanner = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->scanner), "kazpost-scanner");
  gtk_entry_set_max_length (self->scanner, 64);
  gtk_entry_set_input_hints (self->scanner, GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_UPPERCASE_CHARS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scanner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Barcode"), -1);
  g_signal_connect_swapped (self->scanner, "activate", G_CALLBACK (on_scanner_activate), self);

  gtk_box_append (GTK_BOX (box), modes);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scanner));
  return box;
}

static void
appeals_intake_batch_init (AppealsIntakeBatch *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  g_queue_init (&self->pending);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_name (GTK_WIDGET (self), "kazpost-batch");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Kazpost Batch"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Envelopes from a Kazpost courier: scan the barcodes of the courier's "
                                           "list, then the envelopes. Closing the batch enters the envelopes "
                                           "received into today's journal and prints the list for the courier."));
  self->courier_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->courier_row), _("Courier's full name"));
  gtk_widget_set_name (GTK_WIDGET (self->courier_row), "kazpost-courier");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->courier_row));

  self->open_button = gtk_button_new_with_mnemonic (_("Open _Batch"));
  gtk_widget_set_name (self->open_button, "kazpost-open");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "batch.open");
  self->close_button = gtk_button_new_with_mnemonic (_("Close Batch and _Print List"));
  gtk_widget_set_name (self->close_button, "kazpost-close");
  gtk_widget_add_css_class (self->close_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->close_button), "batch.close");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), self->open_button);
  gtk_box_append (GTK_BOX (buttons), self->close_button);

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->status_label), "kazpost-status");
  gtk_label_set_xalign (self->status_label, 0);
  gtk_label_set_wrap (self->status_label, TRUE);

  self->scan_box = new_scan_box (self);
  gtk_box_append (GTK_BOX (content), group);
  gtk_box_append (GTK_BOX (content), self->scan_box);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->status_label));
  gtk_box_append (GTK_BOX (content), buttons);
  for (guint s = APPEALS_KAZPOST_ITEM_MATCHED; s < APPEALS_KAZPOST_N_ITEM_STATES; s++)
    {
      self->groups[s] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      self->lists[s] = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (self->lists[s], GTK_SELECTION_NONE);
      gtk_widget_add_css_class (GTK_WIDGET (self->lists[s]), "boxed-list");
      adw_preferences_group_add (self->groups[s], GTK_WIDGET (self->lists[s]));
      gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->groups[s]));
    }
  adw_bin_set_child (ADW_BIN (self), content);
  self->mode = APPEALS_KAZPOST_ENTER_LIST_CODE;
  show_batch (self, NULL);
}

GtkWidget *
appeals_intake_batch_new (AppealsContext *context)
{
  AppealsIntakeBatch *self = g_object_new (APPEALS_TYPE_INTAKE_BATCH, NULL);

  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}
