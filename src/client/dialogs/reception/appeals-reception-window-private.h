/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-window-private.h: what the parts of the reception
 * window share — its state, the request helpers, and each part's update.
 */
#pragma once

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "appeals-context.h"
#include "appeals-reception-text.h"
#include "appeals-reception-window.h"

G_BEGIN_DECLS

#define SHA_PREFIX_LENGTH 12

enum { KIND_REFERENCE_NOTE, KIND_APPLICANT_DOCUMENT, KIND_BODY_POSITION, KIND_OTHER, N_KINDS };

/* the order of the kind groups and of the kind chooser */
static const struct
{
  const char *code;
} kinds[N_KINDS] G_GNUC_UNUSED = {
  { "reference_note" }, { "applicant_document" }, { "body_position" }, { "other" },
};

typedef struct _StatusForm StatusForm;
typedef struct _ArrangementsForm ArrangementsForm;

typedef struct
{
  AppealsReceptionWindow *self;   /* not owned: the window owns its rows */
  char                   *code;
  GtkWidget              *row;
  GtkCheckButton         *check;
  GtkWidget              *tag;
  GtkEntry               *note_entry;
  GtkMenuButton          *note_button;
  gboolean                sending;
} StepRow;

struct _AppealsReceptionWindow
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkSpinner           *spinner;
  GtkStack             *main_stack;
  AdwStatusPage        *failed_page;
  GtkLabel             *official_label;
  GtkLabel             *priority_label;
  GtkLabel             *status_label;
  GtkLabel             *when_label;
  GtkLabel             *place_label;
  GtkLinkButton        *video_button;
  GtkLabel             *question_label;
  AdwPreferencesGroup  *steps_group;
  AdwPreferencesGroup  *review_group;
  AdwActionRow         *review_row;
  AdwPreferencesGroup  *orders_group;
  GtkWidget            *no_orders_row;
  AdwPreferencesGroup  *new_order_group;
  AdwEntryRow          *order_entry;
  GtkWidget            *order_text_error_row;
  GtkLabel             *order_text_error;
  AdwComboRow          *body_row;
  GtkWidget            *order_body_error_row;
  GtkLabel             *order_body_error;
  AdwActionRow         *days_row;
  GtkSpinButton        *days_spin;
  GtkWidget            *order_days_error_row;
  GtkLabel             *order_days_error;
  AdwPreferencesGroup  *archive_group;
  AdwPreferencesPage   *materials_page;
  AdwComboRow          *kind_row;
  GtkWidget            *no_files_label;

  AdwPreferencesGroup  *kind_groups[N_KINDS];
  GPtrArray            *steps;          /* StepRow, in the server's order */
  GPtrArray            *order_rows;
  GPtrArray            *file_rows;
  GPtrArray            *body_codes;     /* in the order of body_row's items */
  GHashTable           *sending_orders; /* order ids (as strings) in flight */
  GtkNativeDialog      *chooser;
  StatusForm           *status_form;    /* cancel or move, while open */
  ArrangementsForm     *arrangements;   /* the arrangements page */
  AdwViewStack         *view_stack;
  AdwToast             *toast;          /* the one shown last */
  GCancellable         *cancellable;
  AppealsContext       *context;

  gint64                reception_id;
  AppealsReception     *reception;      /* as last loaded */
  guint                 n_requests;
  gboolean              adding_order;
  gboolean              archiving;
  gboolean              uploading;
};

typedef struct _Call Call;

/* What to do with the answer to a change (a step, an order, the archive):
 * @reception is the reception as the server now holds it, or %NULL with
 * @error set. Not called when the window is closing. */
typedef void (*ChangeDone) (Call             *call,
                            AppealsReception *reception,
                            const GError     *error);

/* What a callback needs: the window (a reference, so it outlives the
 * request) and what the request was about. */
struct _Call
{
  AppealsReceptionWindow *self;
  char                   *key;    /* a step code, an attachment kind */
  gint64                  id;     /* an order, an attachment */
  GFile                  *file;
  ChangeDone              done;
};


void _appeals_reception_window_add_order_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
void _appeals_reception_window_archive_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
void _appeals_reception_window_attach_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
void _appeals_reception_window_begin_request (AppealsReceptionWindow *self);
Call * _appeals_reception_window_call_new (AppealsReceptionWindow *self, const char *key, GFile *file);
Call * _appeals_reception_window_change_new (AppealsReceptionWindow *self, ChangeDone done, const char *key);
void _appeals_reception_window_on_change_answered (GObject *source, GAsyncResult *result, gpointer user_data);
void _appeals_reception_window_clear_chooser (AppealsReceptionWindow *self);
void _appeals_reception_window_end_request (AppealsReceptionWindow *self);
gboolean _appeals_reception_window_request_ended (AppealsReceptionWindow *self, const GError *error);
StepRow * _appeals_reception_window_find_step (AppealsReceptionWindow *self, const char *code);
AppealsReceptionService * _appeals_reception_window_get_service (AppealsReceptionWindow *self);
AppealsReferenceService * _appeals_reception_window_get_reference (AppealsReceptionWindow *self);
gboolean _appeals_reception_window_is_archived (AppealsReceptionWindow *self);
void _appeals_reception_window_load_reception (AppealsReceptionWindow *self);
void _appeals_reception_window_mark_overdue (GtkWidget *row, gboolean overdue);
GtkWidget * _appeals_reception_window_new_tag (const char *text, const char *style);
void _appeals_reception_window_on_days_changed (AppealsReceptionWindow *self);
void _appeals_reception_window_on_file_read (GObject *source, GAsyncResult *result, gpointer user_data);
const char * _appeals_reception_window_or_empty (const char *text);
void _appeals_reception_window_send_step (StepRow *step, gboolean done);
void _appeals_reception_window_set_step_check (StepRow *step, gboolean done);
void _appeals_reception_window_show_reception (AppealsReceptionWindow *self, AppealsReception *reception);
void _appeals_reception_window_show_toast (AppealsReceptionWindow *self, const char *text);
void _appeals_reception_window_step_row_free (StepRow *step);
void _appeals_reception_window_update_actions (AppealsReceptionWindow *self);
void _appeals_reception_window_status_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
void _appeals_reception_window_update_status_actions (AppealsReceptionWindow *self);
void _appeals_reception_window_close_status_form (AppealsReceptionWindow *self);
void _appeals_reception_window_update_materials (AppealsReceptionWindow *self);
void _appeals_reception_window_update_orders (AppealsReceptionWindow *self);
void _appeals_reception_window_update_steps (AppealsReceptionWindow *self);

void _appeals_reception_window_print_invitation_action (GtkWidget *widget, const char *action_name,
                                                        GVariant *parameter);

void _appeals_reception_window_build_arrangements (AppealsReceptionWindow *self, AdwViewStack *stack);
void _appeals_reception_window_class_init_arrangements (GtkWidgetClass *widget_class);
void _appeals_reception_window_free_arrangements (AppealsReceptionWindow *self);
void _appeals_reception_window_show_participants (AppealsReceptionWindow *self);
void _appeals_reception_window_update_arrangements (AppealsReceptionWindow *self);

void _appeals_reception_window_call_free (Call *call);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, _appeals_reception_window_call_free)

G_END_DECLS
