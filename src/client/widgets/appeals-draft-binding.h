/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-draft-binding.h: keeps what is typed into a dialog's fields as
 * the person's draft of that form, from the first keystroke until it is
 * sent or discarded, and puts it back when the form opens again.
 */
#pragma once

#include <adwaita.h>

#include "appeals-context.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_DRAFT_BINDING (appeals_draft_binding_get_type ())

G_DECLARE_FINAL_TYPE (AppealsDraftBinding, appeals_draft_binding, APPEALS, DRAFT_BINDING, GObject)

AppealsDraftBinding *appeals_draft_binding_new            (AppealsContext      *context,
                                                          const char          *form);
void                 appeals_draft_binding_add_editable   (AppealsDraftBinding *self,
                                                          const char          *name,
                                                          GtkEditable         *editable);
void                 appeals_draft_binding_add_text_view  (AppealsDraftBinding *self,
                                                          const char          *name,
                                                          GtkTextView         *view);
void                 appeals_draft_binding_add_combo_row  (AppealsDraftBinding *self,
                                                          const char          *name,
                                                          AdwComboRow         *row);
void                 appeals_draft_binding_add_toggle_button (AppealsDraftBinding *self,
                                                          const char          *name,
                                                          GtkToggleButton     *button);
void                 appeals_draft_binding_add_switch     (AppealsDraftBinding *self,
                                                          const char          *name,
                                                          GtkSwitch           *toggle);
gboolean             appeals_draft_binding_restore        (AppealsDraftBinding *self);
void                 appeals_draft_binding_discard        (AppealsDraftBinding *self);

G_END_DECLS
