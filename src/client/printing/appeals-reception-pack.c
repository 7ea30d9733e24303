/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-pack.c: one reception's materials as a single
 * document for the leadership — a cover (the visitor, the question, the
 * 13 steps, the protocol, the review, the list of files with their
 * checksums), then every attachment: PDF pages through poppler, images
 * scaled to the page, text laid out and paginated. A file that cannot be
 * read gets a page that says so; the pack is never silently short.
 *
 * The pack is in the language the leadership chooses (Kazakh or
 * Russian) whatever the interface speaks, on the department's letterhead:
 * its own words are a kk/ru table here, as on the other printed documents;
 * step and priority names come in that language from the rules.
 *
 * A GtkPrintOperation, so the same pack goes to a printer or to a PDF.
 */
#include "config.h"

#include <poppler.h>

#include "appeals-core.h"
#include "appeals-print.h"
#include "appeals-reception-pack.h"
#include "appeals-reception-text.h"
#include "appeals-reception-words.h"

#define HEADER_GAP 10.0

typedef enum
{
  PAGE_TEXT,       /* lines of a laid-out text: the cover, a text file, a notice */
  PAGE_PDF,        /* one page of a PDF attachment */
  PAGE_IMAGE,      /* an image attachment */
} PageKind;

typedef struct
{
  char         *kind;
  char         *file_name;
  char         *content_type;
  GBytes       *content;
  PangoLayout  *layout;     /* text, or the notice for an unreadable file */
  PopplerDocument *document;
  GdkTexture   *texture;
} Attachment;

typedef struct
{
  PageKind     kind;
  Attachment  *attachment;  /* NULL for the cover */
  PangoLayout *layout;      /* PAGE_TEXT */
  double       from, to;    /* PAGE_TEXT: the part of the layout, in points */
  int          pdf_page;    /* PAGE_PDF */
} Page;

struct _AppealsReceptionPack
{
  GtkPrintOperation  parent_instance;

  AppealsReception  *reception;
  AppealsOfficial   *official;
  AppealsLetterhead *letterhead;
  AppealsPriorityCatalog *priorities;
  AppealsWorkflow   *workflow;
  char              *language;      /* "kk" or "ru" */
  GPtrArray         *attachments;   /* Attachment */
  PangoLayout       *letterhead_layout;
  PangoLayout       *cover;
  GArray            *pages;         /* Page */
};

G_DEFINE_FINAL_TYPE (AppealsReceptionPack, appeals_reception_pack, GTK_TYPE_PRINT_OPERATION)

static const AppealsWords title = { "Жеке қабылдаудың материалдары", "Материалы личного приёма" };
static const AppealsWords when_label = { "Күні мен уақыты", "Дата и время" };
static const AppealsWords official_label = { "Қабылдайтын лауазымды адам", "Принимает" };
static const AppealsWords applicant_label = { "Өтініш беруші", "Заявитель" };
static const AppealsWords place_label = { "Орны", "Место" };
static const AppealsWords video_label = { "Бейнеконференцияға сілтеме", "Ссылка на видеоконференцию" };
static const AppealsWords participants_label = { "Қабылдауға қатысады", "В приёме участвуют" };
static const AppealsWords priority_label = { "Басымдық санаты", "Категория приоритета" };
static const AppealsWords question_label = { "Мәселенің мәні", "Суть вопроса" };
static const AppealsWords steps_label = { "Қабылдаудың кезеңдері", "Этапы приёма" };
static const AppealsWords overdue = { "мерзімі өткен", "просрочено" };
static const AppealsWords orders_label = { "Тапсырмалар хаттамасы", "Протокол поручений" };
static const AppealsWords until = { "мерзімі", "до" };
static const AppealsWords review_label = { "Басшылықтың нұсқаулары", "Указания руководства" };
static const AppealsWords reviewed_by = { "Қараған", "Рассмотрел(а)" };
static const AppealsWords files_label = { "Қоса берілген файлдар", "Приложенные файлы" };
static const AppealsWords none = { "Жоқ", "Нет" };
static const AppealsWords not_received = { "алынбады", "не получен" };
static const AppealsWords unreadable = { "Бұл файл жинаққа енгізілмеді: ", "Этот файл не включён в пакет: " };
static const AppealsWords not_sent = { "ол серверден келмеді", "он не пришёл с сервера" };
static const AppealsWords no_pages = { "оның беттері жоқ", "в нём нет страниц" };
static const AppealsWords not_utf8 = { "бұл UTF-8 мәтіні емес", "это не текст в UTF-8" };
static const struct {
  const char   *code;
  AppealsWords  words;
} kinds[] = {
  { "reference_note", { "Анықтама", "Справка" } },
  { "applicant_document", { "Өтініш берушінің құжаты", "Документ заявителя" } },
  { "body_position", { "Органның ұстанымы", "Позиция органа" } },
  { NULL, { "Басқа құжат", "Другой документ" } },
};

static const char *
say (AppealsReceptionPack *self,
     const AppealsWords   *words)
{
  return appeals_words_say (words, self->language);
}

static const char *
kind_label (AppealsReceptionPack *self,
            const char           *kind)
{
  guint i = 0;

  while (kinds[i].code != NULL && g_strcmp0 (kinds[i].code, kind) != 0)
    i++;
  return say (self, &kinds[i].words);
}

static void
attachment_free (Attachment *attachment)
{
  g_free (attachment->kind);
  g_free (attachment->file_name);
  g_free (attachment->content_type);
  g_clear_pointer (&attachment->content, g_bytes_unref);
  g_clear_object (&attachment->layout);
  g_clear_object (&attachment->document);
  g_clear_object (&attachment->texture);
  g_free (attachment);
}

/* The cover ------------------------------------------------------------- */

static void
append_line (GString    *markup,
             const char *label,
             const char *value)
{
  g_autofree char *escaped_label = g_markup_escape_text (label, -1);
  g_autofree char *escaped_value = g_markup_escape_text (value != NULL ? value : "—", -1);

  g_string_append_printf (markup, "<b>%s:</b> %s\n", escaped_label, escaped_value);
}

/* The reviewer by full name; their login when the name is unknown. */
static const char *
reviewer_name (AppealsReceptionReview *review)
{
  return review->reviewed_by_name != NULL && *review->reviewed_by_name ? review->reviewed_by_name : review->reviewed_by;
}

static char *
cover_markup (AppealsReceptionPack *self)
{
  AppealsReception *reception = self->reception;
  GString *markup = g_string_new (NULL);
  g_autofree char *heading = g_markup_escape_text (say (self, &title), -1);
  g_autofree char *date = appeals_format_date (&reception->date);
  g_autofree char *when = g_strdup_printf ("%s, %s", date, reception->start_time != NULL ? reception->start_time : "");
  g_autofree char *official = appeals_reception_dup_official_text (reception, self->official, self->language);
  g_autofree char *place = appeals_reception_dup_place_text (reception, self->official, self->language);
  g_autofree char *participants = appeals_reception_dup_participants_text (reception, self->language);

  g_string_append_printf (markup, "<span size='x-large' weight='bold'>%s</span>\n\n", heading);
  append_line (markup, say (self, &when_label), when);
  append_line (markup, say (self, &official_label), official);
  append_line (markup, say (self, &applicant_label), reception->applicant_name);
  append_line (markup, say (self, &place_label), place);
  if (reception->video_link != NULL)
    append_line (markup, say (self, &video_label), reception->video_link);
  if (*participants != '\0')
    append_line (markup, say (self, &participants_label), participants);
  if (reception->priority != NULL)
    append_line (markup, say (self, &priority_label),
                 appeals_priority_get_label_in (self->priorities, reception->priority, self->language));
  append_line (markup, say (self, &question_label), reception->question != NULL ? reception->question : "");

  g_string_append_printf (markup, "\n<b>%s</b>\n", say (self, &steps_label));
  for (guint i = 0; i < reception->steps->len; i++)
    {
      AppealsReceptionStep *step = g_ptr_array_index (reception->steps, i);
      g_autofree char *name = g_markup_escape_text (appeals_step_get_label_in (self->workflow, step->code,
                                                                               self->language), -1);
      g_autofree char *due = appeals_format_date (&step->due);

      g_string_append_printf (markup, "%s %u. %s%s%s%s%s\n", step->done ? "☑" : "☐", i + 1, name,
                              *due ? " — " : "", due,
                              step->overdue ? " <span foreground='#c01c28' weight='bold'>" : "",
                              step->overdue ? say (self, &overdue) : "");
      if (step->overdue)
        g_string_append (markup, "</span>");
    }

  if (reception->orders->len > 0)
    {
      g_string_append_printf (markup, "\n<b>%s</b>\n", say (self, &orders_label));
      for (guint i = 0; i < reception->orders->len; i++)
        {
          AppealsProtocolOrder *order = g_ptr_array_index (reception->orders, i);
          g_autofree char *text = g_markup_escape_text (order->text != NULL ? order->text : "", -1);
          g_autofree char *deadline = appeals_format_date (&order->deadline);

          g_string_append_printf (markup, "%u. %s — %s %s%s\n", i + 1, text, say (self, &until), deadline,
                                  order->status == APPEALS_ORDER_STATUS_EXECUTED ? " ✓" : "");
        }
    }

  if (reception->review != NULL)
    {
      g_autofree char *instructions = g_markup_escape_text (reception->review->instructions != NULL
                                                            ? reception->review->instructions : "", -1);

      g_string_append_printf (markup, "\n<b>%s</b>\n", say (self, &review_label));
      append_line (markup, say (self, &reviewed_by), reviewer_name (reception->review));
      g_string_append_printf (markup, "%s\n", instructions);
    }

  g_string_append_printf (markup, "\n<b>%s</b>\n", say (self, &files_label));
  if (self->attachments->len == 0)
    g_string_append_printf (markup, "%s\n", say (self, &none));
  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);
      g_autofree char *name = g_markup_escape_text (attachment->file_name, -1);
      g_autofree char *size = attachment->content != NULL ? g_format_size (g_bytes_get_size (attachment->content))
                                                          : g_strdup (say (self, &not_received));
      g_autofree char *sha256 = attachment->content != NULL
                                ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, attachment->content) : NULL;

      g_string_append_printf (markup, "%u. %s — %s (%s)%s%.16s\n", i + 1, kind_label (self, attachment->kind), name,
                              size, sha256 != NULL ? ", SHA-256 " : "", sha256 != NULL ? sha256 : "");
    }

  return g_string_free (markup, FALSE);
}

/* Pagination ------------------------------------------------------------ */

/* Cuts a layout into pages of @height at line boundaries. */
static void
add_text_pages (AppealsReceptionPack *self,
                PangoLayout          *layout,
                Attachment           *attachment,
                double                first_height,
                double                height)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  Page page = { PAGE_TEXT, attachment, layout, 0, 0, 0 };
  double room = first_height;

  do
    {
      PangoRectangle logical;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = pango_units_to_double (logical.y);
      bottom = pango_units_to_double (logical.y + logical.height);
      if (bottom - page.from > room && top > page.from)
        {
          page.to = top;
          g_array_append_val (self->pages, page);
          page.from = top;
          room = height;
        }
      page.to = bottom;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_array_append_val (self->pages, page);
}

static double
header_height (GtkPrintContext *context)
{
  g_autoptr(PangoLayout) layout = appeals_print_layout_new (context, "Sans Bold 10", gtk_print_context_get_width (context));

  pango_layout_set_text (layout, "Ag", -1);
  {
    int height;

    pango_layout_get_size (layout, NULL, &height);
    return pango_units_to_double (height) + HEADER_GAP;
  }
}

static void
set_unreadable (AppealsReceptionPack *self,
                Attachment      *attachment,
                GtkPrintContext *context,
                const char      *why)
{
  g_autofree char *text = g_strconcat (say (self, &unreadable), why, NULL);

  g_clear_object (&attachment->layout);
  attachment->layout = appeals_print_layout_new (context, "Sans Italic 12", gtk_print_context_get_width (context));
  pango_layout_set_text (attachment->layout, text, -1);
}

/* The letterhead with its rule and the space under it. */
static double
letterhead_height (AppealsReceptionPack *self)
{
  return appeals_print_layout_height (self->letterhead_layout) + 21;
}

static gboolean
appeals_reception_pack_paginate (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  AppealsReceptionPack *self = APPEALS_RECEPTION_PACK (operation);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double body = height - header_height (context);
  g_autofree char *markup = cover_markup (self);

  g_array_set_size (self->pages, 0);
  g_clear_object (&self->letterhead_layout);
  self->letterhead_layout = appeals_print_letterhead_new (context, self->letterhead, self->language);
  g_clear_object (&self->cover);
  self->cover = appeals_print_layout_new (context, "Sans 11", width);
  pango_layout_set_markup (self->cover, markup, -1);
  /* the letterhead takes the top of the first page */
  add_text_pages (self, self->cover, NULL, height - letterhead_height (self), height);

  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);
      g_autoptr(GError) error = NULL;

      if (attachment->content == NULL)
        set_unreadable (self, attachment, context, say (self, &not_sent));
      else if (g_str_equal (attachment->content_type, "application/pdf"))
        {
          if (attachment->document == NULL)
            attachment->document = poppler_document_new_from_bytes (attachment->content, NULL, &error);
          if (attachment->document != NULL && poppler_document_get_n_pages (attachment->document) > 0)
            {
              for (int p = 0; p < poppler_document_get_n_pages (attachment->document); p++)
                {
                  Page page = { PAGE_PDF, attachment, NULL, 0, 0, p };

                  g_array_append_val (self->pages, page);
                }
              continue;
            }
          set_unreadable (self, attachment, context, error != NULL ? error->message : say (self, &no_pages));
        }
      else if (g_str_has_prefix (attachment->content_type, "image/"))
        {
          if (attachment->texture == NULL)
            attachment->texture = gdk_texture_new_from_bytes (attachment->content, &error);
          if (attachment->texture != NULL)
            {
              Page page = { PAGE_IMAGE, attachment, NULL, 0, 0, 0 };

              g_array_append_val (self->pages, page);
              continue;
            }
          set_unreadable (self, attachment, context, error->message);
        }
      else
        {
          gsize size;
          const char *data = g_bytes_get_data (attachment->content, &size);

          g_clear_object (&attachment->layout);
          if (data != NULL && g_utf8_validate (data, size, NULL))
            {
              attachment->layout = appeals_print_layout_new (context, "Sans 11", width);
              pango_layout_set_text (attachment->layout, data, size);
            }
          else
            set_unreadable (self, attachment, context, say (self, &not_utf8));
        }

      add_text_pages (self, attachment->layout, attachment, body, body);
    }

  gtk_print_operation_set_n_pages (operation, self->pages->len);
  return TRUE;
}

/* Drawing --------------------------------------------------------------- */

static double
draw_header (AppealsReceptionPack *self,
             GtkPrintContext      *context,
             Attachment           *attachment)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) layout = appeals_print_layout_new (context, "Sans Bold 10", gtk_print_context_get_width (context));
  g_autofree char *text = g_strdup_printf ("%s — %s", kind_label (self, attachment->kind), attachment->file_name);
  double height = header_height (context);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, height - HEADER_GAP / 2);
  cairo_line_to (cr, gtk_print_context_get_width (context), height - HEADER_GAP / 2);
  cairo_stroke (cr);
  return height;
}

/* Scales (w × h) into the box at (x, y, box_w × box_h), centred on top. */
static double
fit (double  w,
     double  h,
     double  box_w,
     double  box_h)
{
  return MIN (box_w / w, box_h / h);
}

static void
draw_image (GtkPrintContext *context,
            GdkTexture      *texture,
            double           top)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  double box_w = gtk_print_context_get_width (context);
  double box_h = gtk_print_context_get_height (context) - top;
  double scale = fit (w, h, box_w, box_h);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);

  cairo_surface_flush (surface);
  gdk_texture_download (texture, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);

  cairo_save (cr);
  cairo_translate (cr, (box_w - w * scale) / 2, top);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
}

static void
draw_pdf_page (GtkPrintContext *context,
               PopplerDocument *document,
               int              index,
               double           top)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  /* poppler-glib 22.12 defines no autoptr for its types */
  g_autoptr(GObject) owner = G_OBJECT (poppler_document_get_page (document, index));
  PopplerPage *page = POPPLER_PAGE (owner);
  double w, h, scale;
  double box_w = gtk_print_context_get_width (context);
  double box_h = gtk_print_context_get_height (context) - top;

  poppler_page_get_size (page, &w, &h);
  scale = fit (w, h, box_w, box_h);

  cairo_save (cr);
  cairo_translate (cr, (box_w - w * scale) / 2, top);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);

  /* a thin frame shows where the attached page ends */
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, (box_w - w * scale) / 2, top, w * scale, h * scale);
  cairo_stroke (cr);
}

static void
draw_text (GtkPrintContext *context,
           const Page      *page,
           double           top)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  cairo_save (cr);
  cairo_rectangle (cr, 0, top, gtk_print_context_get_width (context), page->to - page->from);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, 0, top - page->from);
  pango_cairo_show_layout (cr, page->layout);
  cairo_restore (cr);
}

static void
appeals_reception_pack_draw_page (GtkPrintOperation *operation,
                                  GtkPrintContext   *context,
                                  int                index)
{
  AppealsReceptionPack *self = APPEALS_RECEPTION_PACK (operation);
  const Page *page = &g_array_index (self->pages, Page, index);
  double top = page->attachment != NULL ? draw_header (self, context, page->attachment) : 0;

  if (index == 0)
    top = appeals_print_show_letterhead (context, self->letterhead_layout);

  switch (page->kind)
    {
    case PAGE_TEXT:
      draw_text (context, page, top);
      break;
    case PAGE_PDF:
      draw_pdf_page (context, page->attachment->document, page->pdf_page, top);
      break;
    case PAGE_IMAGE:
      draw_image (context, page->attachment->texture, top);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Construction ---------------------------------------------------------- */

static void
appeals_reception_pack_finalize (GObject *object)
{
  AppealsReceptionPack *self = APPEALS_RECEPTION_PACK (object);

  g_clear_object (&self->reception);
  g_clear_object (&self->official);
  g_clear_object (&self->letterhead);
  g_clear_object (&self->priorities);
  g_clear_object (&self->workflow);
  g_free (self->language);
  g_clear_object (&self->letterhead_layout);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->cover);
  G_OBJECT_CLASS (appeals_reception_pack_parent_class)->finalize (object);
}

static void
appeals_reception_pack_class_init (AppealsReceptionPackClass *klass)
{
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = appeals_reception_pack_finalize;
  operation_class->paginate = appeals_reception_pack_paginate;
  operation_class->draw_page = appeals_reception_pack_draw_page;
}

static void
appeals_reception_pack_init (AppealsReceptionPack *self)
{
  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
}

/**
 * appeals_reception_pack_new:
 * @reception: the reception with its details
 * @official: (nullable): who receives, named in @language
 * @letterhead: the department's letterhead
 * @priorities: (nullable): to name the priority category
 * @workflow: (nullable): to name the steps
 * @language: "kk" or "ru", the pack's language
 */
AppealsReceptionPack *
appeals_reception_pack_new (AppealsReception       *reception,
                            AppealsOfficial        *official,
                            AppealsLetterhead      *letterhead,
                            AppealsPriorityCatalog *priorities,
                            AppealsWorkflow        *workflow,
                            const char             *language)
{
  AppealsReceptionPack *self = g_object_new (APPEALS_TYPE_RECEPTION_PACK, NULL);
  g_autofree char *date = appeals_format_date (&reception->date);
  g_autofree char *job = NULL;

  self->reception = g_object_ref (reception);
  self->official = official != NULL ? g_object_ref (official) : NULL;
  self->letterhead = g_object_ref (letterhead);
  self->priorities = priorities != NULL ? g_object_ref (priorities) : NULL;
  self->workflow = workflow != NULL ? g_object_ref (workflow) : NULL;
  self->language = g_strdup (g_strcmp0 (language, "kk") == 0 ? "kk" : "ru");

  job = g_strdup_printf ("%s — %s, %s", say (self, &title),
                         reception->applicant_name != NULL ? reception->applicant_name : "", date);
  appeals_print_set_up_a4 (GTK_PRINT_OPERATION (self), job);
  return self;
}

/**
 * appeals_reception_pack_add_attachment:
 * @content: (nullable): the file, or %NULL when it could not be fetched —
 *   the pack then says so on the file's page
 */
void
appeals_reception_pack_add_attachment (AppealsReceptionPack *self,
                                       AppealsAttachment    *file,
                                       GBytes               *content)
{
  Attachment *attachment = g_new0 (Attachment, 1);
  g_autofree char *bare = g_strdup (file->content_type != NULL ? file->content_type : "application/octet-stream");
  char *semicolon = strchr (bare, ';');

  if (semicolon != NULL)
    *semicolon = '\0';
  attachment->kind = g_strdup (file->kind);
  attachment->file_name = g_strdup (file->file_name != NULL ? file->file_name : "");
  attachment->content_type = g_strdup (g_strstrip (bare));
  attachment->content = content != NULL ? g_bytes_ref (content) : NULL;
  g_ptr_array_add (self->attachments, attachment);
}

guint
appeals_reception_pack_get_n_attachments (AppealsReceptionPack *self)
{
  return self->attachments->len;
}
