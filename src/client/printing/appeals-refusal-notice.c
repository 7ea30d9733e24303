/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-refusal-notice.c: a reception request that does not state the
 * essence of the question is refused, and the applicant is told so in
 * writing: whom it concerns, when the request came, why it cannot be
 * booked, what to do to be received, and who refused. A registered
 * request refused after its analysis gets the same notice with the
 * reason it was refused for and how to contest it. One A4 page,
 * printed in the applicant's language (Kazakh or Russian) whatever the
 * interface speaks; its words are a kk/ru table here, not gettext, for
 * the same reason as the schedule poster's.
 */
#include "config.h"

#include "appeals-core.h"
#include "appeals-print.h"
#include "appeals-refusal-notice.h"

#define GAP 14.0

struct _AppealsRefusalNotice
{
  GtkPrintOperation  parent_instance;

  char              *language;   /* "kk" or "ru" */
  char              *applicant_name;
  char              *applicant_address;
  char              *request_text;
  GDate              date;
  char              *registrar_name;
  char              *refusal_reason;  /* NULL: refused for want of the essence */
};

G_DEFINE_FINAL_TYPE (AppealsRefusalNotice, appeals_refusal_notice, GTK_TYPE_PRINT_OPERATION)

typedef struct
{
  const char *kk;
  const char *ru;
} Words;

static const Words title = { "ХАБАРЛАМА\nжеке қабылдауға жазудан бас тарту туралы",
                             "УВЕДОМЛЕНИЕ\nоб отказе в записи на личный приём" };
static const Words to_whom = { "Кімге", "Кому" };
static const Words address = { "Мекенжайы", "Адрес" };
static const Words dated = { "Күні", "Дата" };
/* {date}: the day the request came */
static const Words reason = {
  "{date} келіп түскен жеке қабылдауға жазылу туралы өтінішіңіз қабылданбайды: онда Сіз жүгінген мәселенің мәні "
  "баяндалмаған. Жеке қабылдауға мәселенің мәні баяндалған жағдайда ғана жазылады.",
  "Ваша просьба о записи на личный приём, поступившая {date}, не может быть принята: в ней не изложена суть вопроса, "
  "с которым Вы обращаетесь. Запись на личный приём производится только при изложенной сути вопроса.",
};
static const Words what_to_do = {
  "Қабылдауға жазылу үшін нені сұрайтыныңызды — мәселенің мәнін бір-екі сөйлеммен — баяндап, қайта жүгініңіз: "
  "жеке өзіңіз, eOtinish арқылы немесе пошта арқылы. Бұл бас тарту Сізді қайта жүгіну құқығынан айырмайды.",
  "Чтобы записаться на приём, изложите, о чём Вы просите — суть вопроса в одном-двух предложениях, — и обратитесь "
  "снова: лично, через eOtinish или по почте. Этот отказ не лишает Вас права обратиться повторно.",
};
/* {date}: the day the request was registered; {reason}: why it was refused */
static const Words refused = {
  "{date} тіркелген жеке қабылдауға жазылу туралы өтінішіңіз қаралды, жеке қабылдауға жазудан бас тартылды. "
  "Себебі: {reason}",
  "Ваша просьба о записи на личный приём, зарегистрированная {date}, рассмотрена: в записи на личный приём "
  "отказано. Причина: {reason}",
};
static const Words how_to_contest = {
  "Бұл шешімге жоғары тұрған мемлекеттік органға немесе сотқа шағым жасауға болады. Бұл бас тарту Сізді қайта "
  "жүгіну құқығынан айырмайды.",
  "Это решение может быть обжаловано в вышестоящем государственном органе или в суде. Этот отказ не лишает Вас "
  "права обратиться повторно.",
};
static const Words as_written = { "Өтініште жазылғаны", "В просьбе указано" };
static const Words nothing_written = { "(мәселенің мәні жазылмаған)", "(суть вопроса не указана)" };
static const Words registrar = { "Тіркеуші", "Регистратор" };
static const Words signature = { "қолы", "подпись" };

static const char *
say (AppealsRefusalNotice *self,
     const Words          *words)
{
  return g_str_equal (self->language, "kk") ? words->kk : words->ru;
}

/* Appends one line of markup, its arguments escaped. */
G_GNUC_PRINTF (2, 3)
static void
append_escaped (GString    *markup,
                const char *format,
                ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (markup, text);
}

/* Whom the notice goes to, as a letter has it in its upper right. */
static char *
dup_addressee_markup (AppealsRefusalNotice *self)
{
  GString *markup = g_string_new (NULL);

  append_escaped (markup, "<b>%s:</b> %s", say (self, &to_whom), self->applicant_name);
  if (self->applicant_address != NULL && *self->applicant_address != '\0')
    append_escaped (markup, "\n<b>%s:</b> %s", say (self, &address), self->applicant_address);
  return g_string_free (markup, FALSE);
}

/* The notice as Pango markup, one paragraph after another. */
static char *
dup_body_markup (AppealsRefusalNotice *self)
{
  GString *markup = g_string_new (NULL);
  g_autoptr(GString) reason_text = g_string_new (say (self, self->refusal_reason != NULL ? &refused : &reason));
  char date[16];

  g_date_strftime (date, sizeof date, "%d.%m.%Y", &self->date);
  g_string_replace (reason_text, "{date}", date, 1);
  if (self->refusal_reason != NULL)
    g_string_replace (reason_text, "{reason}", self->refusal_reason, 1);

  append_escaped (markup, "<b>%s:</b> %s\n\n", say (self, &dated), date);
  append_escaped (markup, "%s\n\n", reason_text->str);
  if (self->request_text != NULL && *self->request_text != '\0')
    append_escaped (markup, "<b>%s:</b> <i>«%s»</i>\n\n", say (self, &as_written), self->request_text);
  else
    append_escaped (markup, "<b>%s:</b> <i>%s</i>\n\n", say (self, &as_written), say (self, &nothing_written));
  append_escaped (markup, "%s", say (self, self->refusal_reason != NULL ? &how_to_contest : &what_to_do));

  return g_string_free (markup, FALSE);
}

static void
appeals_refusal_notice_begin_print (GtkPrintOperation *operation,
                                    GtkPrintContext   *context)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
appeals_refusal_notice_draw_page (GtkPrintOperation *operation,
                                  GtkPrintContext   *context,
                                  int                page)
{
  AppealsRefusalNotice *self = APPEALS_REFUSAL_NOTICE (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  g_autoptr(PangoLayout) addressee = appeals_print_layout_new (context, "Sans 11.5", width / 2);
  g_autoptr(PangoLayout) heading = appeals_print_layout_new (context, "Sans Bold 15", width);
  g_autoptr(PangoLayout) body = appeals_print_layout_new (context, "Sans 11.5", width);
  g_autoptr(PangoLayout) signed_by = appeals_print_layout_new (context, "Sans 11.5", width);
  g_autofree char *addressee_markup = dup_addressee_markup (self);
  g_autofree char *body_markup = dup_body_markup (self);
  g_autofree char *signed_markup = NULL;
  double y = 0;

  pango_layout_set_markup (addressee, addressee_markup, -1);
  pango_layout_set_text (heading, say (self, &title), -1);
  pango_layout_set_alignment (heading, PANGO_ALIGN_CENTER);
  pango_layout_set_markup (body, body_markup, -1);
  pango_layout_set_justify (body, TRUE);
  pango_layout_set_spacing (body, pango_units_from_double (2));
  signed_markup = g_markup_printf_escaped ("<b>%s:</b> %s\n\n____________________ (%s)", say (self, &registrar),
                                          self->registrar_name != NULL ? self->registrar_name : "",
                                          say (self, &signature));
  pango_layout_set_markup (signed_by, signed_markup, -1);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, width / 2, y);
  pango_cairo_show_layout (cr, addressee);
  y += appeals_print_layout_height (addressee) + 3 * GAP;

  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, heading);
  y += appeals_print_layout_height (heading) + 2 * GAP;

  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, body);
  y += appeals_print_layout_height (body) + 3 * GAP;

  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, signed_by);
}

static void
appeals_refusal_notice_finalize (GObject *object)
{
  AppealsRefusalNotice *self = APPEALS_REFUSAL_NOTICE (object);

  g_free (self->language);
  g_free (self->applicant_name);
  g_free (self->applicant_address);
  g_free (self->request_text);
  g_free (self->registrar_name);
  g_free (self->refusal_reason);
  G_OBJECT_CLASS (appeals_refusal_notice_parent_class)->finalize (object);
}

static void
appeals_refusal_notice_class_init (AppealsRefusalNoticeClass *klass)
{
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = appeals_refusal_notice_finalize;
  operation_class->begin_print = appeals_refusal_notice_begin_print;
  operation_class->draw_page = appeals_refusal_notice_draw_page;
}

static void
appeals_refusal_notice_init (AppealsRefusalNotice *self)
{
  g_date_clear (&self->date, 1);
}

/**
 * appeals_refusal_notice_new:
 * @language: "kk" or "ru", the applicant's language
 * @applicant_name: the applicant's full name
 * @applicant_address: (nullable): where the notice goes
 * @request_text: (nullable): what the request said, quoted on the notice
 * @date: the day the request came
 * @registrar_name: (nullable): who refused it
 */
AppealsRefusalNotice *
appeals_refusal_notice_new (const char  *language,
                            const char  *applicant_name,
                            const char  *applicant_address,
                            const char  *request_text,
                            const GDate *date,
                            const char  *registrar_name)
{
  AppealsRefusalNotice *self;

  g_return_val_if_fail (applicant_name != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  self = g_object_new (APPEALS_TYPE_REFUSAL_NOTICE, NULL);
  self->language = g_strdup (g_strcmp0 (language, "kk") == 0 ? "kk" : "ru");
  self->applicant_name = g_strdup (applicant_name);
  self->applicant_address = g_strdup (applicant_address);
  self->request_text = g_strdup (request_text);
  self->date = *date;
  self->registrar_name = g_strdup (registrar_name);
  appeals_print_set_up_a4 (GTK_PRINT_OPERATION (self), say (self, &title));
  return self;
}

/**
 * appeals_refusal_notice_new_for_request:
 * @language: "kk" or "ru", the applicant's language
 * @request: a refused reception request, with its reason
 * @registrar_name: (nullable): who signs the notice
 *
 * The notice for a request refused after it was registered: dated the
 * day it was registered, quoting its question, giving the reason.
 */
AppealsRefusalNotice *
appeals_refusal_notice_new_for_request (const char              *language,
                                        AppealsReceptionRequest *request,
                                        const char              *registrar_name)
{
  AppealsRefusalNotice *self;

  g_return_val_if_fail (APPEALS_IS_RECEPTION_REQUEST (request), NULL);
  g_return_val_if_fail (request->refusal_reason != NULL, NULL);

  self = appeals_refusal_notice_new (language, request->applicant_name != NULL ? request->applicant_name : "", NULL,
                                     request->question, &request->registered_on, registrar_name);
  self->refusal_reason = g_strdup (request->refusal_reason);
  return self;
}
