/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-decision-notice.c: one A4 page telling the applicant what was
 * decided on their appeal: the letterhead, the outgoing number and date,
 * whom it goes to, the decision with its ground or reason and the new
 * term, the right to appeal, and who signs. Printed in the applicant's
 * language whatever the interface speaks, so its words are a kk/ru table
 * here, as on the other printed notices, not gettext.
 */
#include "config.h"

#include "appeals-decision-notice.h"
#include <string.h>

#include "appeals-print.h"

#define GAP 14.0

typedef struct
{
  const char *kk;
  const char *ru;
} Words;

typedef struct
{
  const char *kind;
  Words       title;
  Words       decision;   /* {number} {registered} {due} {original} {ground} {reason} */
} Decision;

static const Decision decisions[] = {
  { "extension",
    { "ХАБАРЛАМА\nөтінішті қарау мерзімін ұзарту туралы", "УВЕДОМЛЕНИЕ\nо продлении срока рассмотрения обращения" },
    { "{registered} № {number} өтінішіңізді қарау мерзімі {due} дейін ұзартылғанын хабарлаймыз "
      "(бастапқы мерзімі — {original}). Ұзарту себебі: {reason}.",
      "Сообщаем, что срок рассмотрения Вашего обращения № {number} от {registered} продлён до {due} "
      "(первоначальный срок — {original}). Причина продления: {reason}." } },
  { "termination",
    { "ХАБАРЛАМА\nөтінішті қарауды тоқтату туралы", "УВЕДОМЛЕНИЕ\nо прекращении рассмотрения обращения" },
    { "{registered} № {number} өтінішіңізді қарау тоқтатылғанын хабарлаймыз. Негізі: {ground}. {reason}.",
      "Сообщаем, что рассмотрение Вашего обращения № {number} от {registered} прекращено. "
      "Основание: {ground}. {reason}." } },
  { "leave-without-consideration",
    { "ХАБАРЛАМА\nөтінішті қараусыз қалдыру туралы", "УВЕДОМЛЕНИЕ\nоб оставлении обращения без рассмотрения" },
    { "{registered} № {number} өтінішіңіз қараусыз қалдырылғанын хабарлаймыз. Негізі: {ground}. {reason}.",
      "Сообщаем, что Ваше обращение № {number} от {registered} оставлено без рассмотрения. "
      "Основание: {ground}. {reason}." } },
};

static const Words right_to_appeal = {
  "Бұл шешімге Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексінде белгіленген тәртіппен "
  "жоғары тұрған әкімшілік органға немесе сотқа шағым жасауға құқығыңыз бар.",
  "Вы вправе обжаловать это решение в вышестоящем административном органе или в суде в порядке, "
  "установленном Административным процедурно-процессуальным кодексом Республики Казахстан.",
};
static const Words outgoing = { "Шығыс №", "Исх. №" };
static const Words dated = { "күні", "от" };
static const Words to_whom = { "Кімге", "Кому" };

struct _AppealsDecisionNotice
{
  GtkPrintOperation  parent_instance;

  const Decision    *decision;
  char              *language;
  char              *letterhead[APPEALS_LETTERHEAD_N_LINES];
  char              *outgoing_number;
  GDate              outgoing_date;
  char              *applicant_name;
  char              *body;
};

G_DEFINE_FINAL_TYPE (AppealsDecisionNotice, appeals_decision_notice, GTK_TYPE_PRINT_OPERATION)

static const char *
say (AppealsDecisionNotice *self,
     const Words           *words)
{
  return g_str_equal (self->language, "kk") ? words->kk : words->ru;
}

static void
replace (GString     *text,
         const char  *placeholder,
         const char  *value)
{
  g_string_replace (text, placeholder, value != NULL ? value : "—", 0);
}

static char *
format_date (const GDate *date)
{
  char buffer[16] = "—";

  if (date != NULL && g_date_valid (date))
    g_date_strftime (buffer, sizeof buffer, "%d.%m.%Y", date);
  return g_strdup (buffer);
}

/* The decision's sentence with the appeal's figures in it. */
static char *
dup_decision_text (AppealsDecisionNotice *self,
                   AppealsAppeal         *appeal,
                   const char            *ground_label)
{
  GString *text = g_string_new (say (self, &self->decision->decision));
  g_autofree char *registered = format_date (&appeal->registration_date);
  g_autofree char *due = format_date (&appeal->due_date);
  g_autofree char *original = format_date (&appeal->original_due_date);
  const char *reason = g_str_equal (self->decision->kind, "extension") ? appeal->extension_reason
                                                                        : appeal->termination_reason;
  g_autofree char *trimmed = g_strdup (reason != NULL ? reason : "—");
  gsize length = strlen (trimmed);

  /* the sentence gives its own full stop */
  if (length > 0 && trimmed[length - 1] == '.')
    trimmed[length - 1] = '\0';
  replace (text, "{number}", appeal->registration_number);
  replace (text, "{registered}", registered);
  replace (text, "{due}", due);
  replace (text, "{original}", original);
  replace (text, "{ground}", ground_label);
  replace (text, "{reason}", trimmed);
  return g_string_free (text, FALSE);
}

static void
appeals_decision_notice_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
appeals_decision_notice_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page)
{
  AppealsDecisionNotice *self = APPEALS_DECISION_NOTICE (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  g_autoptr(PangoLayout) head = appeals_print_layout_new (context, "Sans 10.5", width);
  g_autoptr(PangoLayout) number = appeals_print_layout_new (context, "Sans 11", width / 2);
  g_autoptr(PangoLayout) addressee = appeals_print_layout_new (context, "Sans 11.5", width / 2);
  g_autoptr(PangoLayout) heading = appeals_print_layout_new (context, "Sans Bold 14", width);
  g_autoptr(PangoLayout) body = appeals_print_layout_new (context, "Sans 11.5", width);
  g_autoptr(PangoLayout) signature = appeals_print_layout_new (context, "Sans 11.5", width);
  g_autofree char *head_markup = g_markup_printf_escaped ("<b>%s</b>\n%s\n%s",
                                                          self->letterhead[APPEALS_LETTERHEAD_ORGANISATION],
                                                          self->letterhead[APPEALS_LETTERHEAD_ADDRESS],
                                                          self->letterhead[APPEALS_LETTERHEAD_CONTACTS]);
  g_autofree char *date = format_date (&self->outgoing_date);
  g_autofree char *number_markup = g_markup_printf_escaped ("%s %s %s %s", say (self, &outgoing),
                                                            self->outgoing_number, say (self, &dated), date);
  g_autofree char *addressee_markup = g_markup_printf_escaped ("<b>%s:</b> %s", say (self, &to_whom),
                                                               self->applicant_name);
  g_autofree char *body_text = g_strdup_printf ("%s\n\n%s", self->body, say (self, &right_to_appeal));
  g_autofree char *signature_markup = g_markup_printf_escaped ("<b>%s</b>\t\t____________________\t%s",
                                                               self->letterhead[APPEALS_LETTERHEAD_SIGNATORY],
                                                               self->letterhead[APPEALS_LETTERHEAD_SIGNATORY_NAME]);
  double y = 0;

  pango_layout_set_markup (head, head_markup, -1);
  pango_layout_set_alignment (head, PANGO_ALIGN_CENTER);
  pango_layout_set_markup (number, number_markup, -1);
  pango_layout_set_markup (addressee, addressee_markup, -1);
  pango_layout_set_text (heading, say (self, &self->decision->title), -1);
  pango_layout_set_alignment (heading, PANGO_ALIGN_CENTER);
  pango_layout_set_text (body, body_text, -1);
  pango_layout_set_justify (body, TRUE);
  pango_layout_set_spacing (body, pango_units_from_double (2));
  pango_layout_set_markup (signature, signature_markup, -1);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  appeals_print_show (cr, head, 0, &y, GAP / 2);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, 0, y);
  cairo_line_to (cr, width, y);
  cairo_stroke (cr);
  y += GAP;

  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, number);
  appeals_print_show (cr, addressee, width / 2, &y, 3 * GAP);
  appeals_print_show (cr, heading, 0, &y, 2 * GAP);
  appeals_print_show (cr, body, 0, &y, 4 * GAP);
  appeals_print_show (cr, signature, 0, &y, 0);
}

static void
appeals_decision_notice_finalize (GObject *object)
{
  AppealsDecisionNotice *self = APPEALS_DECISION_NOTICE (object);

  g_free (self->language);
  for (guint i = 0; i < APPEALS_LETTERHEAD_N_LINES; i++)
    g_free (self->letterhead[i]);
  g_free (self->outgoing_number);
  g_free (self->applicant_name);
  g_free (self->body);
  G_OBJECT_CLASS (appeals_decision_notice_parent_class)->finalize (object);
}

static void
appeals_decision_notice_class_init (AppealsDecisionNoticeClass *klass)
{
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = appeals_decision_notice_finalize;
  operation_class->begin_print = appeals_decision_notice_begin_print;
  operation_class->draw_page = appeals_decision_notice_draw_page;
}

static void
appeals_decision_notice_init (AppealsDecisionNotice *self)
{
  g_date_clear (&self->outgoing_date, 1);
}

/**
 * appeals_decision_notice_new:
 * @appeal: the appeal the decision was taken on
 * @notice: the notice as recorded: its kind, language, outgoing number and date
 * @ground_label: (nullable): the ground's name in the notice's language
 *
 * Returns: (transfer full) (nullable): the notice, or %NULL for a kind
 *   no notice exists for
 */
AppealsDecisionNotice *
appeals_decision_notice_new (AppealsLetterhead   *letterhead,
                             AppealsAppeal       *appeal,
                             const AppealsNotice *notice,
                             const char          *ground_label)
{
  AppealsDecisionNotice *self;
  const Decision *decision = NULL;

  g_return_val_if_fail (letterhead != NULL, NULL);
  g_return_val_if_fail (APPEALS_IS_APPEAL (appeal), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    if (g_strcmp0 (decisions[i].kind, notice->kind) == 0)
      decision = &decisions[i];
  if (decision == NULL)
    return NULL;

  self = g_object_new (APPEALS_TYPE_DECISION_NOTICE, NULL);
  self->decision = decision;
  self->language = g_strdup (g_strcmp0 (notice->language, "kk") == 0 ? "kk" : "ru");
  for (guint i = 0; i < APPEALS_LETTERHEAD_N_LINES; i++)
    self->letterhead[i] = g_strdup (appeals_letterhead_get (letterhead, i, self->language));
  self->outgoing_number = g_strdup (notice->outgoing_number);
  self->outgoing_date = notice->outgoing_date;
  self->applicant_name = g_strdup (appeal->applicant_name != NULL ? appeal->applicant_name : "");
  self->body = dup_decision_text (self, appeal, ground_label);
  appeals_print_set_up_a4 (GTK_PRINT_OPERATION (self), say (self, &decision->title));
  return self;
}
