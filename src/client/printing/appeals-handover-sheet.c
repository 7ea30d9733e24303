/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-handover-sheet.c: the handover sheets of a split among the
 * registrars, one A4 page per registrar who got receipts: the department
 * (from the letterhead), the registrar and the journal day, a table of
 * the receipts (through number, talon number, applicant, pages), the
 * totals, and the lines where the head of intake hands over and the
 * registrar takes over under signature. In the language of the desk
 * (kk or ru); its words are a kk/ru table, as on the other printed forms.
 */
#include "config.h"

#include "appeals-handover-sheet.h"
#include "appeals-print.h"

#define ROW_GAP 4.0

struct _AppealsHandoverSheet
{
  GtkPrintOperation  parent_instance;

  char              *language;   /* "kk" or "ru" */
  char              *organisation;
  GPtrArray         *shares;     /* AppealsHandover with receipts */
};

G_DEFINE_FINAL_TYPE (AppealsHandoverSheet, appeals_handover_sheet, GTK_TYPE_PRINT_OPERATION)

typedef struct
{
  const char *kk;
  const char *ru;
} Words;

static const Words title = { "Өтініштерді тіркеуге беру парағы", "Лист передачи обращений на регистрацию" };
static const Words registrar_label = { "Тіркеуші", "Регистратор" };
static const Words day_label = { "Журнал күні", "Дата журнала" };
static const Words columns[] = {
  { "№", "№" }, { "Талон нөмірі", "Номер талона" }, { "Өтініш беруші", "Заявитель" }, { "Парақ", "Листов" },
};
/* where each column starts, as a share of the width */
static const double column_x[] = { 0.0, 0.08, 0.32, 0.88 };
static const Words total_receipts = { "Барлығы өтініш", "Всего обращений" };
/* an envelope not opened yet, before its barcode */
static const Words envelope_label = { "Қазпошта конверті", "Конверт Казпочты" };
static const Words total_pages = { "парақ", "листов" };
static const Words handed_label = { "Тапсырды", "Передал(а)" };
static const Words taken_label = { "Қабылдап алды", "Принял(а)" };
static const Words signature = { "қолы", "подпись" };

static const char *
say (AppealsHandoverSheet *self,
     const Words          *words)
{
  return g_str_equal (self->language, "kk") ? words->kk : words->ru;
}

static void
appeals_handover_sheet_begin_print (GtkPrintOperation *operation,
                                    GtkPrintContext   *context)
{
  gtk_print_operation_set_n_pages (operation, MAX (APPEALS_HANDOVER_SHEET (operation)->shares->len, 1));
}

/* Shows @text at (x, y) within @width; returns its height. */
static double
show_text (GtkPrintContext *context,
           const char      *font,
           const char      *markup,
           double           x,
           double           y,
           double           width)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) layout = appeals_print_layout_new (context, font, width);

  pango_layout_set_markup (layout, markup, -1);
  return appeals_print_draw_layout (cr, layout, x, y);
}

/* One row of the table; returns its height. */
static double
show_row (GtkPrintContext   *context,
          const char        *font,
          const char * const cells[4],
          double             y,
          double             width)
{
  double height = 0;

  for (guint c = 0; c < G_N_ELEMENTS (column_x); c++)
    {
      double next = c + 1 < G_N_ELEMENTS (column_x) ? column_x[c + 1] : 1.0;
      g_autofree char *markup = g_markup_escape_text (cells[c], -1);

      height = MAX (height, show_text (context, font, markup, width * column_x[c], y, width * (next - column_x[c]) - 6));
    }
  return height;
}

static void
rule (cairo_t *cr,
      double   y,
      double   width)
{
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, y);
  cairo_line_to (cr, width, y);
  cairo_stroke (cr);
}

static void
appeals_handover_sheet_draw_page (GtkPrintOperation *operation,
                                  GtkPrintContext   *context,
                                  int                page)
{
  AppealsHandoverSheet *self = APPEALS_HANDOVER_SHEET (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  AppealsHandover *share;
  g_autofree char *header = NULL;
  g_autofree char *who = NULL;
  g_autofree char *totals = NULL;
  g_autofree char *signatures = NULL;
  const char *heads[4];
  guint pages = 0;
  char day[16] = "";
  double y = 0;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  if ((guint) page >= self->shares->len)
    return;
  share = g_ptr_array_index (self->shares, page);
  if (share->receipts->len > 0)
    g_date_strftime (day, sizeof day, "%d.%m.%Y", &((AppealsReceipt *) g_ptr_array_index (share->receipts, 0))->journal_date);

  header = g_markup_printf_escaped ("<span size='small'>%s</span>\n\n<b><big>%s</big></b>", self->organisation,
                                    say (self, &title));
  y += show_text (context, "Sans 11", header, 0, y, width) + 12;
  who = g_markup_printf_escaped ("<b>%s:</b> %s\n<b>%s:</b> %s", say (self, &registrar_label), share->full_name,
                                 say (self, &day_label), day);
  y += show_text (context, "Sans 11", who, 0, y, width) + 12;

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    heads[c] = say (self, &columns[c]);
  y += show_row (context, "Sans Bold 10", heads, y, width) + ROW_GAP;
  rule (cr, y, width);
  y += ROW_GAP;
  for (guint r = 0; r < share->receipts->len; r++)
    {
      AppealsReceipt *receipt = g_ptr_array_index (share->receipts, r);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, receipt->number);
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, receipt->pages);
      const char *envelope = appeals_receipt_get_envelope_code (receipt);
      g_autofree char *name = envelope != NULL ? g_strdup_printf ("%s %s", say (self, &envelope_label), envelope)
                                               : g_strdup (appeals_receipt_get_display_name (receipt));
      const char *cells[4] = { number, receipt->talon_number, name, count };

      y += show_row (context, "Sans 10", cells, y, width) + ROW_GAP;
      rule (cr, y, width);
      y += ROW_GAP;
      pages += (guint) receipt->pages;
    }

  totals = g_markup_printf_escaped ("%s: %u, %s: %u", say (self, &total_receipts), share->receipts->len,
                                    say (self, &total_pages), pages);
  y += show_text (context, "Sans Bold 10", totals, 0, y + 6, width) + 36;
  signatures = g_markup_printf_escaped ("%s: ______________________ (%s)\n\n\n%s: ______________________ %s (%s)",
                                        say (self, &handed_label), say (self, &signature), say (self, &taken_label),
                                        share->full_name, say (self, &signature));
  show_text (context, "Sans 11", signatures, 0, y, width);
}

static void
appeals_handover_sheet_finalize (GObject *object)
{
  AppealsHandoverSheet *self = APPEALS_HANDOVER_SHEET (object);

  g_free (self->language);
  g_free (self->organisation);
  g_clear_pointer (&self->shares, g_ptr_array_unref);
  G_OBJECT_CLASS (appeals_handover_sheet_parent_class)->finalize (object);
}

static void
appeals_handover_sheet_class_init (AppealsHandoverSheetClass *klass)
{
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = appeals_handover_sheet_finalize;
  operation_class->begin_print = appeals_handover_sheet_begin_print;
  operation_class->draw_page = appeals_handover_sheet_draw_page;
}

static void
appeals_handover_sheet_init (AppealsHandoverSheet *self)
{
  self->shares = g_ptr_array_new ();
}

/**
 * appeals_handover_sheet_new:
 * @shares: (element-type AppealsHandover): the split; a registrar who got
 *   nothing gets no page
 * @language: "kk" or "ru"
 */
AppealsHandoverSheet *
appeals_handover_sheet_new (AppealsLetterhead *letterhead,
                            GPtrArray         *shares,
                            const char        *language)
{
  AppealsHandoverSheet *self = g_object_new (APPEALS_TYPE_HANDOVER_SHEET, NULL);

  self->language = g_strdup (g_strcmp0 (language, "kk") == 0 ? "kk" : "ru");
  self->organisation = g_strdup (appeals_letterhead_get (letterhead, APPEALS_LETTERHEAD_ORGANISATION, self->language));
  /* the shares are the caller's; the sheet keeps them alive with itself */
  g_ptr_array_unref (self->shares);
  self->shares = g_ptr_array_new_with_free_func (NULL);
  for (guint i = 0; i < shares->len; i++)
    if (((AppealsHandover *) g_ptr_array_index (shares, i))->receipts->len > 0)
      g_ptr_array_add (self->shares, g_ptr_array_index (shares, i));
  g_object_set_data_full (G_OBJECT (self), "shares", g_ptr_array_ref (shares), (GDestroyNotify) g_ptr_array_unref);
  appeals_print_set_up_a4 (GTK_PRINT_OPERATION (self), say (self, &title));
  return self;
}
