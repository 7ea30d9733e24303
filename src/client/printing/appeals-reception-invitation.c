/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-invitation.c: one A4 page inviting the applicant to
 * the personal reception decided for them (step 4's notice): the
 * letterhead, whom it goes to, the date, time and place (a field
 * reception's own place, a video link), the official who receives, who
 * else takes part, what to bring, whom to tell when they cannot come, and
 * who signs. Printed in the applicant's language whatever the interface
 * speaks, so its words are a kk/ru table, as on the other notices.
 */
#include "config.h"

#include "appeals-print.h"
#include "appeals-reception-invitation.h"
#include "appeals-reception-text.h"
#include "appeals-reception-words.h"

#define GAP 14.0

static const AppealsWords title = { "ШАҚЫРУ\nжеке қабылдауға", "ПРИГЛАШЕНИЕ\nна личный приём" };
static const AppealsWords to_whom = { "Кімге", "Кому" };
/* {name} */
static const AppealsWords greeting = { "Құрметті {name}! Сізді жеке қабылдауға шақырамыз.",
                                       "Уважаемый(ая) {name}! Приглашаем Вас на личный приём." };
static const AppealsWords date_label = { "Күні", "Дата" };
static const AppealsWords time_label = { "Уақыты", "Время" };
static const AppealsWords official_label = { "Қабылдайтын лауазымды адам", "Принимает" };
static const AppealsWords place_label = { "Орны", "Место" };
static const AppealsWords video_label = { "Бейнеконференцияға сілтеме", "Ссылка на видеоконференцию" };
static const AppealsWords participants_label = { "Қабылдауға қатысады", "В приёме участвуют" };
static const AppealsWords question_label = { "Мәселенің мәні", "Суть вопроса" };
/* {number}: the appeal's registration number */
static const AppealsWords bring_with_appeal = {
  "Өзіңізбен бірге алып келіңіз: жеке басыңызды куәландыратын құжатты; мәселеңізге қатысты құжаттарды; "
  "№ {number} өтініш туралы мәліметті.",
  "При себе иметь: документ, удостоверяющий личность; документы по Вашему вопросу; сведения об обращении № {number}.",
};
static const AppealsWords bring = {
  "Өзіңізбен бірге алып келіңіз: жеке басыңызды куәландыратын құжатты; мәселеңізге қатысты құжаттарды.",
  "При себе иметь: документ, удостоверяющий личность; документы по Вашему вопросу.",
};
/* {contacts} */
static const AppealsWords cannot_come = {
  "Келе алмасаңыз, алдын ала хабарлаңыз: {contacts}. Қабылдау басқа күнге ауыстырылады.",
  "Если Вы не сможете прийти, сообщите заранее: {contacts}. Приём будет перенесён на другой день.",
};

struct _AppealsReceptionInvitation
{
  GtkPrintOperation  parent_instance;

  AppealsLetterhead *letterhead;
  AppealsReception  *reception;
  AppealsOfficial   *official;
  char              *language;
};

G_DEFINE_FINAL_TYPE (AppealsReceptionInvitation, appeals_reception_invitation, GTK_TYPE_PRINT_OPERATION)

static const char *
say (AppealsReceptionInvitation *self,
     const AppealsWords         *words)
{
  return appeals_words_say (words, self->language);
}

#define LABEL_SHARE 0.34

/* One row of the details: the label on the left, the value beside it. */
static void
show_row (GtkPrintContext *context,
          const char      *label,
          const char      *value,
          double          *y)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  g_autoptr(PangoLayout) label_layout = appeals_print_layout_new (context, "Sans Bold 11.5", width * LABEL_SHARE - 6);
  g_autoptr(PangoLayout) value_layout = appeals_print_layout_new (context, "Sans 11.5", width * (1 - LABEL_SHARE));
  double top = *y;

  pango_layout_set_text (label_layout, label, -1);
  pango_layout_set_text (value_layout, value != NULL && *value ? value : "—", -1);
  appeals_print_show (cr, label_layout, 0, y, 6);
  appeals_print_show (cr, value_layout, width * LABEL_SHARE, &top, 6);
  *y = MAX (*y, top);
}

/* The details of the reception, as label–value rows. */
static void
show_details (AppealsReceptionInvitation *self,
              GtkPrintContext            *context,
              double                     *y)
{
  AppealsReception *reception = self->reception;
  g_autofree char *date = appeals_format_date (&reception->date);
  g_autofree char *official = appeals_reception_dup_official_text (reception, self->official, self->language);
  g_autofree char *place = appeals_reception_dup_place_text (reception, self->official, self->language);
  g_autofree char *participants = appeals_reception_dup_participants_text (reception, self->language);

  show_row (context, say (self, &date_label), date, y);
  show_row (context, say (self, &time_label), reception->start_time, y);
  show_row (context, say (self, &official_label), official, y);
  show_row (context, say (self, &place_label), place, y);
  if (reception->video_link != NULL)
    show_row (context, say (self, &video_label), reception->video_link, y);
  if (*participants != '\0')
    show_row (context, say (self, &participants_label), participants, y);
  show_row (context, say (self, &question_label), reception->question, y);
}

static char *
dup_closing_text (AppealsReceptionInvitation *self)
{
  const char *number = self->reception->appeal_number;
  g_autoptr(GString) what = g_string_new (say (self, number != NULL ? &bring_with_appeal : &bring));
  g_autoptr(GString) contact = g_string_new (say (self, &cannot_come));

  g_string_replace (what, "{number}", number != NULL ? number : "", 0);
  g_string_replace (contact, "{contacts}",
                    appeals_letterhead_get (self->letterhead, APPEALS_LETTERHEAD_CONTACTS, self->language), 0);
  return g_strdup_printf ("%s\n\n%s", what->str, contact->str);
}

static void
appeals_reception_invitation_begin_print (GtkPrintOperation *operation,
                                          GtkPrintContext   *context)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
appeals_reception_invitation_draw_page (GtkPrintOperation *operation,
                                        GtkPrintContext   *context,
                                        int                page)
{
  AppealsReceptionInvitation *self = APPEALS_RECEPTION_INVITATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  const char *name = self->reception->applicant_name != NULL ? self->reception->applicant_name : "";
  g_autoptr(PangoLayout) head = appeals_print_letterhead_new (context, self->letterhead, self->language);
  g_autoptr(PangoLayout) addressee = appeals_print_layout_new (context, "Sans 11.5", width / 2);
  g_autoptr(PangoLayout) heading = appeals_print_layout_new (context, "Sans Bold 14", width);
  g_autoptr(PangoLayout) body = appeals_print_layout_new (context, "Sans 11.5", width);
  g_autoptr(PangoLayout) closing = appeals_print_layout_new (context, "Sans 11", width);
  g_autoptr(PangoLayout) signature = appeals_print_layout_new (context, "Sans 11.5", width);
  g_autoptr(GString) greeting_text = g_string_new (say (self, &greeting));
  g_autofree char *addressee_markup = g_markup_printf_escaped ("<b>%s:</b> %s", say (self, &to_whom), name);
  g_autofree char *closing_text = dup_closing_text (self);
  g_autofree char *signature_markup =
    g_markup_printf_escaped ("<b>%s</b>\t\t____________________\t%s",
                             appeals_letterhead_get (self->letterhead, APPEALS_LETTERHEAD_SIGNATORY, self->language),
                             appeals_letterhead_get (self->letterhead, APPEALS_LETTERHEAD_SIGNATORY_NAME, self->language));
  double y = appeals_print_show_letterhead (context, head);

  g_string_replace (greeting_text, "{name}", name, 0);
  pango_layout_set_markup (addressee, addressee_markup, -1);
  pango_layout_set_text (heading, say (self, &title), -1);
  pango_layout_set_alignment (heading, PANGO_ALIGN_CENTER);
  pango_layout_set_text (body, greeting_text->str, -1);
  pango_layout_set_text (closing, closing_text, -1);
  pango_layout_set_justify (closing, TRUE);
  pango_layout_set_markup (signature, signature_markup, -1);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  appeals_print_show (cr, addressee, width / 2, &y, 3 * GAP);
  appeals_print_show (cr, heading, 0, &y, 2 * GAP);
  appeals_print_show (cr, body, 0, &y, GAP);
  show_details (self, context, &y);
  y += 2 * GAP;
  appeals_print_show (cr, closing, 0, &y, 4 * GAP);
  appeals_print_show (cr, signature, 0, &y, 0);
}

static void
appeals_reception_invitation_finalize (GObject *object)
{
  AppealsReceptionInvitation *self = APPEALS_RECEPTION_INVITATION (object);

  g_clear_object (&self->letterhead);
  g_clear_object (&self->reception);
  g_clear_object (&self->official);
  g_free (self->language);
  G_OBJECT_CLASS (appeals_reception_invitation_parent_class)->finalize (object);
}

static void
appeals_reception_invitation_class_init (AppealsReceptionInvitationClass *klass)
{
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = appeals_reception_invitation_finalize;
  operation_class->begin_print = appeals_reception_invitation_begin_print;
  operation_class->draw_page = appeals_reception_invitation_draw_page;
}

static void
appeals_reception_invitation_init (AppealsReceptionInvitation *self)
{
}

/**
 * appeals_reception_invitation_new:
 * @reception: the reception as the server details it
 * @official: (nullable): who receives, for their name, position and place
 *   in @language
 * @language: "kk" or "ru"
 */
AppealsReceptionInvitation *
appeals_reception_invitation_new (AppealsLetterhead *letterhead,
                                  AppealsReception  *reception,
                                  AppealsOfficial   *official,
                                  const char        *language)
{
  AppealsReceptionInvitation *self;

  g_return_val_if_fail (letterhead != NULL, NULL);
  g_return_val_if_fail (APPEALS_IS_RECEPTION (reception), NULL);

  self = g_object_new (APPEALS_TYPE_RECEPTION_INVITATION, NULL);
  self->letterhead = g_object_ref (letterhead);
  self->reception = g_object_ref (reception);
  self->official = official != NULL ? g_object_ref (official) : NULL;
  self->language = g_strdup (g_strcmp0 (language, "kk") == 0 ? "kk" : "ru");
  appeals_print_set_up_a4 (GTK_PRINT_OPERATION (self), say (self, &title));
  return self;
}
