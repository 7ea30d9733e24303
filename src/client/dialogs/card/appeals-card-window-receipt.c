/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-card-window-receipt.c: a new card that registers a receipt of
 * the intake journal. The form starts from what the receiver wrote — the
 * IIN (a known one then brings the applicant's card), the name, the
 * channel, the language, and the note with the pages and attachments as
 * the text — and the save sends the receipt's id with the card, so the
 * server links the two in one transaction, once.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "appeals-card-window-private.h"

/* The appeal's channel for the receipt's. */
static const char *
appeal_channel (int channel)
{
  switch (channel)
    {
    case APPEALS_RECEIPT_CHANNEL_KAZPOST:
      return "kazpost";
    case APPEALS_RECEIPT_CHANNEL_EGOV:
    case APPEALS_RECEIPT_CHANNEL_EOTINISH:
      return "egov";
    case APPEALS_RECEIPT_CHANNEL_VIRTUAL_RECEPTION:
      return "virtual_reception";
    default:
      return "by_hand";
    }
}

/**
 * appeals_card_window_set_receipt:
 *
 * Fills a new card from @receipt; saving it registers the receipt.
 */
void
appeals_card_window_set_receipt (AppealsCardWindow *self,
                                 AppealsReceipt    *receipt)
{
  g_auto(GStrv) names = g_strsplit (receipt->applicant_name != NULL ? receipt->applicant_name : "", " ", 3);
  g_autofree char *pages = NULL;
  g_autofree char *text = NULL;
  g_autofree char *status = NULL;

  g_return_if_fail (self->appeal_id == 0);

  self->receipt_id = receipt->id;
  if (receipt->iin != NULL)
    appeals_card_form_set_text (self->form, "iin", receipt->iin);
  for (guint i = 0; i < 3 && names[i] != NULL; i++)
    appeals_card_form_set_text (self->form, (const char *[]) { "surname", "given_name", "patronymic" }[i], names[i]);
  appeals_card_form_set_choice (self->form, "channel", appeal_channel (receipt->channel));
  appeals_card_form_set_choice (self->form, "language", receipt->language == APPEALS_LANGUAGE_RU ? "ru" : "kk");
  pages = g_strdup_printf (_("Receipt %s: %d pages, %d attachments"), receipt->talon_number,
                           (int) receipt->pages, (int) receipt->attachments);
  text = receipt->note != NULL && *receipt->note != '\0' ? g_strconcat (receipt->note, "\n", pages, NULL)
                                                          : g_strdup (pages);
  appeals_card_form_set_text (self->form, "text", text);
  status = g_strdup_printf (_("Registers receipt %s"), receipt->talon_number);
  _appeals_card_window_show_status (self, status);
}

gint64
appeals_card_window_get_receipt_id (AppealsCardWindow *self)
{
  return self->receipt_id;
}
