/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-talon.c: the talon of a receipt, in a frame at the top of an A4
 * sheet: the department's name and address (the letterhead, from data),
 * the talon number in large type and as a Code 128 barcode drawn from
 * libzint's vector output (so it stays sharp in a PDF), the date and time
 * of receipt, the journal day when the appeal came on a day off, the
 * applicant, the pages, the receiver, and the legal term of
 * consideration. Printed in the applicant's language (kk or ru) whatever
 * the interface speaks, so its words are a kk/ru table here, as on the
 * other notices; a reprint says "duplicate".
 */
#include "config.h"

#include <zint.h>

#include "appeals-print.h"
#include "appeals-talon.h"

#define PADDING 16.0
#define BARCODE_HEIGHT 48.0

struct _AppealsTalon
{
  GtkPrintOperation  parent_instance;

  char              *language;   /* "kk" or "ru" */
  char              *organisation;
  char              *address;
  AppealsReceipt    *receipt;
  gboolean           duplicate;
};

G_DEFINE_FINAL_TYPE (AppealsTalon, appeals_talon, GTK_TYPE_PRINT_OPERATION)

typedef struct
{
  const char *kk;
  const char *ru;
} Words;

static const Words title = { "ТАЛОН\nөтініштің қабылданғаны туралы", "ТАЛОН\nо принятии обращения" };
static const Words duplicate_mark = { "ТЕЛНҰСҚА", "ДУБЛИКАТ" };
static const Words number_label = { "Талон нөмірі", "Номер талона" };
static const Words received_label = { "Қабылданған күні мен уақыты", "Дата и время приёма" };
static const Words journal_label = { "Тіркеу күні (келесі жұмыс күні)", "Дата регистрации (следующий рабочий день)" };
static const Words applicant_label = { "Өтініш беруші", "Заявитель" };
static const Words pages_label = { "Парақтар саны", "Количество листов" };
static const Words attachments_label = { "Қосымшалар саны", "Количество приложений" };
static const Words receiver_label = { "Қабылдаған", "Принял(а)" };
/* {days}: the term in working days; {date}: its last day */
static const Words term_text = {
  "Өтініш Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексіне сәйкес {days} жұмыс күні ішінде, "
  "{date} дейін қаралады. Талонды өтініштің жауабын алғанға дейін сақтаңыз.",
  "Обращение рассматривается в соответствии с Административным процедурно-процессуальным кодексом Республики "
  "Казахстан в течение {days} рабочих дней, до {date}. Сохраняйте талон до получения ответа.",
};
static const Words signature = { "қолы", "подпись" };

static const char *
say (AppealsTalon *self,
     const Words  *words)
{
  return g_str_equal (self->language, "kk") ? words->kk : words->ru;
}

static void
format_date (const GDate *date,
             char         text[16])
{
  if (g_date_valid (date))
    g_date_strftime (text, 16, "%d.%m.%Y", date);
  else
    text[0] = '\0';
}

/* The day the appeal was received, in Kazakhstan (UTC+5). */
static GDateTime *
dup_received_local (AppealsTalon *self)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (5 * 3600);

  if (self->receipt->received_at == NULL)
    return NULL;
  return g_date_time_to_timezone (self->receipt->received_at, zone);
}

/* One line of the talon: its label in bold, then the value. */
static void
append_field (GString    *markup,
              const char *label,
              const char *value)
{
  g_autofree char *line = g_markup_printf_escaped ("<b>%s:</b> %s\n", label, value != NULL ? value : "");

  g_string_append (markup, line);
}

/* The lines of label and value under the number. */
static char *
dup_details_markup (AppealsTalon *self)
{
  AppealsReceipt *receipt = self->receipt;
  g_autoptr(GDateTime) received = dup_received_local (self);
  g_autofree char *received_text = received != NULL ? g_date_time_format (received, "%d.%m.%Y %H:%M") : g_strdup ("");
  g_autoptr(GString) term = g_string_new (say (self, &term_text));
  g_autofree char *days = g_strdup_printf ("%" G_GINT64_FORMAT, receipt->term_working_days);
  g_autofree char *pages = g_strdup_printf ("%" G_GINT64_FORMAT, receipt->pages);
  g_autofree char *attachments = g_strdup_printf ("%" G_GINT64_FORMAT, receipt->attachments);
  g_autofree char *escaped_term = NULL;
  GString *markup = g_string_new (NULL);
  char journal[16], due[16];

  format_date (&receipt->journal_date, journal);
  format_date (&receipt->due_date, due);
  g_string_replace (term, "{days}", days, 1);
  g_string_replace (term, "{date}", due, 1);
  escaped_term = g_markup_escape_text (term->str, -1);

  append_field (markup, say (self, &received_label), received_text);
  if (received != NULL && !g_str_has_prefix (received_text, journal))
    append_field (markup, say (self, &journal_label), journal);
  append_field (markup, say (self, &applicant_label), receipt->applicant_name);
  append_field (markup, say (self, &pages_label), pages);
  append_field (markup, say (self, &attachments_label), attachments);
  append_field (markup, say (self, &receiver_label),
                receipt->received_by_name != NULL ? receipt->received_by_name : receipt->received_by);
  g_string_append_c (markup, '\n');
  g_string_append (markup, escaped_term);
  return g_string_free (markup, FALSE);
}

/* The talon number as Code 128, @width points wide at (x, y); nothing
 * when libzint refuses it (the number is printed in type above anyway). */
static void
draw_barcode (cairo_t    *cr,
              const char *number,
              double      x,
              double      y,
              double      width)
{
  struct zint_symbol *symbol = ZBarcode_Create ();
  double scale;

  symbol->symbology = BARCODE_CODE128;
  symbol->show_hrt = 0;
  symbol->height = 50;
  if (ZBarcode_Encode (symbol, (const unsigned char *) number, (int) strlen (number)) < ZINT_ERROR &&
      ZBarcode_Buffer_Vector (symbol, 0) < ZINT_ERROR && symbol->vector != NULL)
    {
      scale = width / symbol->vector->width;
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, BARCODE_HEIGHT / symbol->vector->height);
      cairo_set_source_rgb (cr, 0, 0, 0);
      for (struct zint_vector_rect *rect = symbol->vector->rectangles; rect != NULL; rect = rect->next)
        cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  ZBarcode_Delete (symbol);
}

static void
appeals_talon_begin_print (GtkPrintOperation *operation,
                           GtkPrintContext   *context)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
appeals_talon_draw_page (GtkPrintOperation *operation,
                         GtkPrintContext   *context,
                         int                page)
{
  AppealsTalon *self = APPEALS_TALON (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_width = gtk_print_context_get_width (context);
  double frame_width = MIN (page_width, 400.0);
  double inner = frame_width - 2 * PADDING;
  double barcode_width = MIN (inner, 260.0);
  g_autoptr(PangoLayout) header = appeals_print_layout_new (context, "Sans 9", inner);
  g_autoptr(PangoLayout) heading = appeals_print_layout_new (context, "Sans Bold 13", inner);
  g_autoptr(PangoLayout) number = appeals_print_layout_new (context, "Monospace Bold 18", inner);
  g_autoptr(PangoLayout) details = appeals_print_layout_new (context, "Sans 10", inner);
  g_autoptr(PangoLayout) signed_by = appeals_print_layout_new (context, "Sans 9", inner);
  g_autofree char *header_markup = g_markup_printf_escaped ("<b>%s</b>\n%s", self->organisation, self->address);
  g_autofree char *heading_text = NULL;
  g_autofree char *number_markup = NULL;
  g_autofree char *details_markup = dup_details_markup (self);
  g_autofree char *signed_text = g_strdup_printf ("____________________ (%s)", say (self, &signature));
  double y = PADDING;

  /* a reprint says so where the eye falls first */
  heading_text = self->duplicate
                 ? g_markup_printf_escaped ("%s\n<span foreground='#a01818' size='large'>%s</span>",
                                            say (self, &title), say (self, &duplicate_mark))
                 : g_markup_escape_text (say (self, &title), -1);
  number_markup = g_markup_printf_escaped ("<span font_family='Sans' size='small' weight='normal'>%s</span>\n%s",
                                           say (self, &number_label), self->receipt->talon_number);
  pango_layout_set_markup (header, header_markup, -1);
  pango_layout_set_alignment (header, PANGO_ALIGN_CENTER);
  pango_layout_set_markup (heading, heading_text, -1);
  pango_layout_set_alignment (heading, PANGO_ALIGN_CENTER);
  pango_layout_set_markup (number, number_markup, -1);
  pango_layout_set_alignment (number, PANGO_ALIGN_CENTER);
  pango_layout_set_markup (details, details_markup, -1);
  pango_layout_set_spacing (details, pango_units_from_double (2));
  pango_layout_set_text (signed_by, signed_text, -1);
  pango_layout_set_alignment (signed_by, PANGO_ALIGN_RIGHT);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, PADDING, y);
  pango_cairo_show_layout (cr, header);
  y += appeals_print_layout_height (header) + PADDING;

  cairo_move_to (cr, PADDING, y);
  pango_cairo_show_layout (cr, heading);
  y += appeals_print_layout_height (heading) + PADDING / 2;

  cairo_move_to (cr, PADDING, y);
  pango_cairo_show_layout (cr, number);
  y += appeals_print_layout_height (number) + 4;

  draw_barcode (cr, self->receipt->talon_number, (frame_width - barcode_width) / 2, y, barcode_width);
  y += BARCODE_HEIGHT + PADDING;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, PADDING, y);
  pango_cairo_show_layout (cr, details);
  y += appeals_print_layout_height (details) + 2 * PADDING;

  cairo_move_to (cr, PADDING, y);
  pango_cairo_show_layout (cr, signed_by);
  y += appeals_print_layout_height (signed_by) + PADDING;

  /* the frame to cut along */
  cairo_set_line_width (cr, 0.8);
  cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  cairo_rectangle (cr, 0, 0, frame_width, y);
  cairo_stroke (cr);
}

static void
appeals_talon_finalize (GObject *object)
{
  AppealsTalon *self = APPEALS_TALON (object);

  g_free (self->language);
  g_free (self->organisation);
  g_free (self->address);
  g_clear_object (&self->receipt);
  G_OBJECT_CLASS (appeals_talon_parent_class)->finalize (object);
}

static void
appeals_talon_class_init (AppealsTalonClass *klass)
{
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = appeals_talon_finalize;
  operation_class->begin_print = appeals_talon_begin_print;
  operation_class->draw_page = appeals_talon_draw_page;
}

static void
appeals_talon_init (AppealsTalon *self)
{
}

/**
 * appeals_talon_new:
 * @letterhead: the department's name and address
 * @receipt: the receipt as the server entered it (with its talon number)
 * @duplicate: %TRUE for a reprint, which says so
 */
AppealsTalon *
appeals_talon_new (AppealsLetterhead *letterhead,
                   AppealsReceipt    *receipt,
                   gboolean           duplicate)
{
  AppealsTalon *self;

  g_return_val_if_fail (letterhead != NULL, NULL);
  g_return_val_if_fail (APPEALS_IS_RECEIPT (receipt) && receipt->talon_number != NULL, NULL);

  self = g_object_new (APPEALS_TYPE_TALON, NULL);
  self->language = g_strdup (receipt->language == APPEALS_LANGUAGE_KK ? "kk" : "ru");
  self->organisation = g_strdup (appeals_letterhead_get (letterhead, APPEALS_LETTERHEAD_ORGANISATION, self->language));
  self->address = g_strdup (appeals_letterhead_get (letterhead, APPEALS_LETTERHEAD_ADDRESS, self->language));
  self->receipt = g_object_ref (receipt);
  self->duplicate = duplicate;
  appeals_print_set_up_a4 (GTK_PRINT_OPERATION (self), say (self, &title));
  return self;
}
