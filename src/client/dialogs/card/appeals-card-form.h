/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-form.h: the rows of the registration card, built from one
 * table of fields: their widgets, their values as JSON, the error shown
 * beside each, and which ones are locked.
 */
#pragma once

#include <adwaita.h>

#include "appeals-reference-service.h"

G_BEGIN_DECLS

typedef enum
{
  APPEALS_CARD_PART_APPLICANT,
  APPEALS_CARD_PART_APPEAL,
} AppealsCardPart;

#define APPEALS_TYPE_CARD_FORM (appeals_card_form_get_type ())

G_DECLARE_FINAL_TYPE (AppealsCardForm, appeals_card_form, APPEALS, CARD_FORM, GObject)

AppealsCardForm *appeals_card_form_new            (AppealsReferenceService *reference,
                                                   AdwPreferencesGroup *applicant_group,
                                                   AdwPreferencesGroup *appeal_group,
                                                   gboolean             existing_appeal);
void             appeals_card_form_get_record     (AppealsCardForm     *self,
                                                   AppealsCardPart      part,
                                                   gpointer             record);
void             appeals_card_form_set_record     (AppealsCardForm     *self,
                                                   AppealsCardPart      part,
                                                   gconstpointer        record);
void             appeals_card_form_set_field      (AppealsCardForm     *self,
                                                   const char          *field,
                                                   gconstpointer        record);
void             appeals_card_form_set_choice     (AppealsCardForm     *self,
                                                   const char          *field,
                                                   const char          *wire);
const char      *appeals_card_form_get_choice     (AppealsCardForm     *self,
                                                   const char          *field);
void             appeals_card_form_set_text       (AppealsCardForm     *self,
                                                   const char          *field,
                                                   const char          *text);
const char      *appeals_card_form_get_text       (AppealsCardForm     *self,
                                                   const char          *field);
GtkWidget       *appeals_card_form_get_widget     (AppealsCardForm     *self,
                                                   const char          *field);
const char      *appeals_card_form_get_label      (AppealsCardForm     *self,
                                                   const char          *field);
char            *appeals_card_form_format_field   (AppealsCardForm     *self,
                                                   const AppealsRecordType *type,
                                                   const char          *field,
                                                   gconstpointer        record);
void             appeals_card_form_show_error     (AppealsCardForm     *self,
                                                   const char          *field,
                                                   const char          *message);
const char      *appeals_card_form_get_error      (AppealsCardForm     *self,
                                                   const char          *field);
void             appeals_card_form_clear_errors   (AppealsCardForm     *self);
void             appeals_card_form_set_locked     (AppealsCardForm     *self,
                                                   const char          *field,
                                                   gboolean             locked);
void             appeals_card_form_set_part_locked (AppealsCardForm     *self,
                                                    AppealsCardPart      part,
                                                    gboolean             locked);
void             appeals_card_form_set_visible    (AppealsCardForm     *self,
                                                   const char          *field,
                                                   gboolean             visible);
gboolean         appeals_card_form_has_field      (AppealsCardForm     *self,
                                                   AppealsCardPart      part,
                                                   const char          *field);

G_END_DECLS
