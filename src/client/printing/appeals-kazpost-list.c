/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-kazpost-list.c: the signed receipt list of a Kazpost batch, for
 * the courier: the department (from the letterhead), the batch, the
 * courier and the day; then the envelopes received with the receipt
 * numbers they got in the journal, the envelopes of the list that did not
 * come, and the envelopes returned as addressed to someone else; the
 * totals and the lines where the receiver and the courier sign. The
 * lines are laid out in order and cut into A4 pages. In the language of
 * the desk (kk or ru); its words are a kk/ru table, as on the other forms.
 */
#include "config.h"

#include "appeals-kazpost-list.h"
#include "appeals-print.h"

#define LINES_PER_PAGE 44

struct _AppealsKazpostList
{
  GtkPrintOperation  parent_instance;

  char              *language;
  GPtrArray         *lines;      /* Pango markup, one printed line each */
};

G_DEFINE_FINAL_TYPE (AppealsKazpostList, appeals_kazpost_list, GTK_TYPE_PRINT_OPERATION)

static const AppealsWords title = { "Пошта жөнелтілімдерін қабылдау тізілімі", "Реестр приёма почтовых отправлений" };
static const AppealsWords batch_label = { "Партия", "Партия" };
static const AppealsWords carrier = { "«Қазпошта» АҚ", "АО «Казпочта»" };
static const AppealsWords courier_label = { "Курьер", "Курьер" };
static const AppealsWords receiver_label = { "Қабылдаушы", "Приёмщик" };
static const AppealsWords day_label = { "Күні", "Дата" };
static const AppealsWords received_title = { "Қабылданды", "Принято" };
static const AppealsWords missing_title = { "Тізімде бар, бірақ келмеді", "Указаны в реестре, но не поступили" };
static const AppealsWords returned_title = { "Қайтарылады (басқа адресатқа)", "Возвращаются (другому адресату)" };
static const AppealsWords journal_number = { "журналдағы нөмірі", "номер в журнале" };
static const AppealsWords not_on_list = { "тізімде жоқ", "нет в реестре" };
static const AppealsWords none = { "жоқ", "нет" };
static const AppealsWords total_label = { "Барлығы", "Итого" };
static const AppealsWords received_count = { "қабылданды", "принято" };
static const AppealsWords missing_count = { "келмеді", "не поступило" };
static const AppealsWords returned_count = { "қайтарылады", "возвращается" };
static const AppealsWords handed_label = { "Тапсырды (курьер)", "Сдал (курьер)" };
static const AppealsWords taken_label = { "Қабылдап алды", "Принял(а)" };
static const AppealsWords signature = { "қолы", "подпись" };

static const char *
say (AppealsKazpostList *self,
     const AppealsWords *words)
{
  return appeals_words_say (words, self->language);
}

static void
add_line (AppealsKazpostList *self,
          char               *markup)
{
  g_ptr_array_add (self->lines, markup);
}

/* A section: its title, then one line per item in @state, or "none". */
static guint
add_section (AppealsKazpostList      *self,
             AppealsKazpostBatch     *batch,
             const AppealsWords      *heading,
             AppealsKazpostItemState  state,
             AppealsKazpostItemState  also)
{
  guint n = 0;

  add_line (self, g_strdup (""));
  add_line (self, g_markup_printf_escaped ("<b>%s</b>", say (self, heading)));
  for (guint i = 0; i < batch->items->len; i++)
    {
      AppealsKazpostItem *item = g_ptr_array_index (batch->items, i);
      g_autofree char *note = NULL;

      if (item->state != (int) state && item->state != (int) also)
        continue;
      n++;
      if (item->talon_number != NULL)
        note = g_strdup_printf (" — %s %s%s%s", say (self, &journal_number), item->talon_number,
                                item->on_list ? "" : ", ", item->on_list ? "" : say (self, &not_on_list));
      add_line (self, g_markup_printf_escaped ("%u. <tt>%s</tt>%s", n, item->code, note != NULL ? note : ""));
    }
  if (n == 0)
    add_line (self, g_markup_printf_escaped ("<i>%s</i>", say (self, &none)));
  return n;
}

static void
build_lines (AppealsKazpostList  *self,
             AppealsLetterhead   *letterhead,
             AppealsKazpostBatch *batch)
{
  GDateTime *when = batch->closed_at != NULL ? batch->closed_at : batch->opened_at;
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (5 * 3600);
  g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_timezone (when, zone) : NULL;
  g_autofree char *day = local != NULL ? g_date_time_format (local, "%d.%m.%Y %H:%M") : g_strdup ("");
  g_autofree char *total = NULL;
  guint received, missing, returned;

  add_line (self, g_markup_printf_escaped ("<span size='small'>%s</span>",
                                           appeals_letterhead_get (letterhead, APPEALS_LETTERHEAD_ORGANISATION,
                                                                   self->language)));
  add_line (self, g_markup_printf_escaped ("<b><big>%s</big></b>", say (self, &title)));
  add_line (self, g_markup_printf_escaped ("%s № %" G_GINT64_FORMAT ", %s", say (self, &batch_label), batch->id,
                                           say (self, &carrier)));
  add_line (self, g_markup_printf_escaped ("<b>%s:</b> %s", say (self, &day_label), day));
  add_line (self, g_markup_printf_escaped ("<b>%s:</b> %s", say (self, &courier_label),
                                           batch->courier != NULL ? batch->courier : ""));
  add_line (self, g_markup_printf_escaped ("<b>%s:</b> %s", say (self, &receiver_label),
                                           batch->opened_by_name != NULL ? batch->opened_by_name : ""));

  received = add_section (self, batch, &received_title, APPEALS_KAZPOST_ITEM_MATCHED,
                          APPEALS_KAZPOST_ITEM_NOT_ON_LIST);
  missing = add_section (self, batch, &missing_title, APPEALS_KAZPOST_ITEM_MISSING, APPEALS_KAZPOST_ITEM_MISSING);
  returned = add_section (self, batch, &returned_title, APPEALS_KAZPOST_ITEM_WRONG_ADDRESSEE,
                          APPEALS_KAZPOST_ITEM_WRONG_ADDRESSEE);

  total = g_strdup_printf ("%s: %s %u, %s %u, %s %u", say (self, &total_label), say (self, &received_count), received,
                           say (self, &missing_count), missing, say (self, &returned_count), returned);
  add_line (self, g_strdup (""));
  add_line (self, g_markup_printf_escaped ("<b>%s</b>", total));
  add_line (self, g_strdup (""));
  add_line (self, g_markup_printf_escaped ("%s: ______________________ %s (%s)", say (self, &handed_label),
                                           batch->courier != NULL ? batch->courier : "", say (self, &signature)));
  add_line (self, g_strdup (""));
  add_line (self, g_markup_printf_escaped ("%s: ______________________ %s (%s)", say (self, &taken_label),
                                           batch->opened_by_name != NULL ? batch->opened_by_name : "",
                                           say (self, &signature)));
}

static void
appeals_kazpost_list_begin_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  AppealsKazpostList *self = APPEALS_KAZPOST_LIST (operation);

  gtk_print_operation_set_n_pages (operation, MAX (1, (self->lines->len + LINES_PER_PAGE - 1) / LINES_PER_PAGE));
}

static void
appeals_kazpost_list_draw_page (GtkPrintOperation *operation,
                                GtkPrintContext   *context,
                                int                page)
{
  AppealsKazpostList *self = APPEALS_KAZPOST_LIST (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double y = 0;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint i = page * LINES_PER_PAGE; i < MIN (self->lines->len, (guint) (page + 1) * LINES_PER_PAGE); i++)
    {
      g_autoptr(PangoLayout) layout = appeals_print_layout_new (context, "Sans 10.5", width);

      pango_layout_set_markup (layout, g_ptr_array_index (self->lines, i), -1);
      if (*(const char *) g_ptr_array_index (self->lines, i) == '\0')
        pango_layout_set_text (layout, " ", -1);
      appeals_print_show (cr, layout, 0, &y, 3);
    }
}

static void
appeals_kazpost_list_finalize (GObject *object)
{
  AppealsKazpostList *self = APPEALS_KAZPOST_LIST (object);

  g_free (self->language);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  G_OBJECT_CLASS (appeals_kazpost_list_parent_class)->finalize (object);
}

static void
appeals_kazpost_list_class_init (AppealsKazpostListClass *klass)
{
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = appeals_kazpost_list_finalize;
  operation_class->begin_print = appeals_kazpost_list_begin_print;
  operation_class->draw_page = appeals_kazpost_list_draw_page;
}

static void
appeals_kazpost_list_init (AppealsKazpostList *self)
{
  self->lines = g_ptr_array_new_with_free_func (g_free);
}

/**
 * appeals_kazpost_list_new:
 * @batch: a batch, normally closed (the received envelopes then name
 *   their receipts)
 * @language: "kk" or "ru"
 */
AppealsKazpostList *
appeals_kazpost_list_new (AppealsLetterhead   *letterhead,
                          AppealsKazpostBatch *batch,
                          const char          *language)
{
  AppealsKazpostList *self = g_object_new (APPEALS_TYPE_KAZPOST_LIST, NULL);

  self->language = g_strdup (g_strcmp0 (language, "kk") == 0 ? "kk" : "ru");
  build_lines (self, letterhead, batch);
  appeals_print_set_up_a4 (GTK_PRINT_OPERATION (self), say (self, &title));
  return self;
}
