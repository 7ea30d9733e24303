/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-analytical-note-fodt.c: the note as a flat OpenDocument text
 * (.fodt), for the analyst to edit in an office suite: the letterhead,
 * headings and paragraphs with their own styles, the figures as real
 * tables (numbers as number cells), and the charts and map as PNG
 * pictures embedded in base64, each under its caption.
 */
#include "config.h"

#include "appeals-analytical-note.h"

/* pictures are drawn at this many pixels per point (~180 dpi) */
#define PICTURE_SCALE 2.5
/* the text width of an A4 page with 2 cm margins, in points */
#define TEXT_WIDTH    481.9

static const char document_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"\n"
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"\n"
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"\n"
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"\n"
  " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"\n"
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"\n"
  " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"\n"
  " xmlns:xlink=\"http://www.w3.org/1999/xlink\"\n"
  " office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">\n"
  " <office:font-face-decls>\n"
  "  <style:font-face style:name=\"Sans\" svg:font-family=\"'DejaVu Sans'\" style:font-family-generic=\"swiss\"/>\n"
  " </office:font-face-decls>\n"
  " <office:styles>\n"
  "  <style:default-style style:family=\"paragraph\">\n"
  "   <style:paragraph-properties fo:margin-bottom=\"0.15cm\"/>\n"
  "   <style:text-properties style:font-name=\"Sans\" fo:font-size=\"11pt\" fo:language=\"%s\" fo:country=\"KZ\"/>\n"
  "  </style:default-style>\n"
  "  <style:style style:name=\"Standard\" style:family=\"paragraph\">\n"
  "   <style:paragraph-properties fo:text-align=\"justify\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Letterhead\" style:family=\"paragraph\">\n"
  "   <style:paragraph-properties fo:text-align=\"center\" fo:margin-bottom=\"0cm\"/>\n"
  "   <style:text-properties fo:font-size=\"10pt\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Letterhead_20_Rule\" style:display-name=\"Letterhead Rule\" style:family=\"paragraph\">\n"
  "   <style:paragraph-properties fo:text-align=\"center\" fo:margin-bottom=\"0.5cm\" fo:padding-bottom=\"0.1cm\"\n"
  "    fo:border-bottom=\"1.2pt solid #1a1a1a\"/>\n"
  "   <style:text-properties fo:font-size=\"10pt\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Title\" style:family=\"paragraph\">\n"
  "   <style:paragraph-properties fo:text-align=\"center\" fo:margin-bottom=\"0.1cm\"/>\n"
  "   <style:text-properties fo:font-size=\"14pt\" fo:font-weight=\"bold\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Subtitle\" style:family=\"paragraph\">\n"
  "   <style:paragraph-properties fo:text-align=\"center\" fo:margin-bottom=\"0.4cm\"/>\n"
  "   <style:text-properties fo:font-size=\"9.5pt\" fo:color=\"#444444\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" style:family=\"paragraph\""
  " style:default-outline-level=\"1\">\n"
  "   <style:paragraph-properties fo:margin-top=\"0.4cm\" fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\"/>\n"
  "   <style:text-properties fo:font-size=\"12pt\" fo:font-weight=\"bold\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" style:family=\"paragraph\">\n"
  "   <style:paragraph-properties fo:margin-bottom=\"0cm\"/>\n"
  "   <style:text-properties fo:font-size=\"9pt\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Table_20_Number\" style:display-name=\"Table Number\" style:family=\"paragraph\""
  " style:parent-style-name=\"Table_20_Contents\">\n"
  "   <style:paragraph-properties fo:text-align=\"end\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" style:family=\"paragraph\""
  " style:parent-style-name=\"Table_20_Contents\">\n"
  "   <style:text-properties fo:font-weight=\"bold\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Figure\" style:family=\"paragraph\">\n"
  "   <style:paragraph-properties fo:text-align=\"center\" fo:margin-top=\"0.2cm\" fo:keep-with-next=\"always\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Caption\" style:family=\"paragraph\">\n"
  "   <style:paragraph-properties fo:text-align=\"center\" fo:margin-bottom=\"0.3cm\"/>\n"
  "   <style:text-properties fo:font-size=\"9pt\" fo:font-style=\"italic\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Signature\" style:family=\"paragraph\">\n"
  "   <style:paragraph-properties fo:margin-top=\"1cm\">\n"
  "    <style:tab-stops><style:tab-stop style:position=\"17cm\" style:type=\"right\"/></style:tab-stops>\n"
  "   </style:paragraph-properties>\n"
  "   <style:text-properties fo:font-weight=\"bold\"/>\n"
  "  </style:style>\n"
  " </office:styles>\n"
  " <office:automatic-styles>\n"
  "  <style:page-layout style:name=\"A4\">\n"
  "   <style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" style:print-orientation=\"portrait\"\n"
  "    fo:margin-top=\"2cm\" fo:margin-bottom=\"2cm\" fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/>\n"
  "  </style:page-layout>\n"
  "  <style:style style:name=\"Figures\" style:family=\"table\">\n"
  "   <style:table-properties style:width=\"17cm\" table:align=\"margins\" fo:margin-bottom=\"0.3cm\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Figures.Cell\" style:family=\"table-cell\">\n"
  "   <style:table-cell-properties fo:padding=\"0.06cm\" fo:border=\"0.5pt solid #808080\"/>\n"
  "  </style:style>\n"
  "  <style:style style:name=\"Figures.Header\" style:family=\"table-cell\">\n"
  "   <style:table-cell-properties fo:padding=\"0.06cm\" fo:border=\"0.5pt solid #808080\""
  " fo:background-color=\"#e8e8e8\"/>\n"
  "  </style:style>\n"
  " </office:automatic-styles>\n"
  " <office:master-styles>\n"
  "  <style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\"/>\n"
  " </office:master-styles>\n"
  " <office:body>\n"
  "  <office:text>\n";

static const char document_foot[] =
  "  </office:text>\n"
  " </office:body>\n"
  "</office:document>\n";

static void
append_paragraph (GString    *xml,
                  const char *style,
                  const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_auto(GStrv) parts = g_strsplit (escaped, "\t", -1);
  g_autofree char *tabbed = g_strjoinv ("<text:tab/>", parts);

  g_string_append_printf (xml, "   <text:p text:style-name=\"%s\">%s</text:p>\n", style, tabbed);
}

/* A whole number is a number cell, which a spreadsheet can sum. */
static gboolean
is_count (const char *text)
{
  guint64 value;

  return g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL);
}

static void
append_table (GString          *xml,
              AppealsNoteBlock *table,
              guint             number)
{
  guint n_columns = g_strv_length (g_ptr_array_index (table->rows, 0));

  g_string_append_printf (xml, "   <table:table table:name=\"Table%u\" table:style-name=\"Figures\">\n", number);
  g_string_append_printf (xml, "    <table:table-column table:number-columns-repeated=\"%u\"/>\n", n_columns);
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);

      if (r == 0)
        g_string_append (xml, "    <table:table-header-rows>\n");
      g_string_append (xml, "    <table:table-row>\n");
      for (guint c = 0; c < n_columns; c++)
        {
          const char *text = cells[c] != NULL ? cells[c] : "";
          g_autofree char *escaped = g_markup_escape_text (text, -1);
          gboolean count = r > 0 && is_count (text);

          if (count)
            g_string_append_printf (xml, "     <table:table-cell table:style-name=\"Figures.Cell\""
                                         " office:value-type=\"float\" office:value=\"%s\">\n", text);
          else
            g_string_append_printf (xml, "     <table:table-cell table:style-name=\"%s\" office:value-type=\"string\">\n",
                                    r == 0 ? "Figures.Header" : "Figures.Cell");
          g_string_append_printf (xml, "      <text:p text:style-name=\"%s\">%s</text:p>\n",
                                  r == 0                               ? "Table_20_Heading"
                                  : appeals_note_cell_is_figure (text) ? "Table_20_Number"
                                                                       : "Table_20_Contents",
                                  escaped);
          g_string_append (xml, "     </table:table-cell>\n");
        }
      g_string_append (xml, "    </table:table-row>\n");
      if (r == 0)
        g_string_append (xml, "    </table:table-header-rows>\n");
    }
  g_string_append (xml, "   </table:table>\n");
}

static cairo_status_t
append_png_bytes (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
append_figure (GString          *xml,
               AppealsNoteBlock *figure,
               guint             number,
               GError          **error)
{
  double width = MIN (figure->width, TEXT_WIDTH), height = figure->height * width / figure->width;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * PICTURE_SCALE),
                                                         (int) (height * PICTURE_SCALE));
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autofree char *base64 = NULL;
  cairo_status_t status;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, PICTURE_SCALE, PICTURE_SCALE);
  figure->draw (cr, width, height, figure->data);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, append_png_bytes, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      return FALSE;
    }

  base64 = g_base64_encode (png->data, png->len);
  g_string_append (xml, "   <text:p text:style-name=\"Figure\">");
  g_string_append_printf (xml, "<draw:frame draw:name=\"Figure%u\" text:anchor-type=\"as-char\""
                               " svg:width=\"%.1fpt\" svg:height=\"%.1fpt\" draw:z-index=\"0\">"
                               "<draw:image><office:binary-data>%s</office:binary-data></draw:image>"
                               "</draw:frame></text:p>\n",
                          number, width, height, base64);
  append_paragraph (xml, "Caption", figure->text);
  return TRUE;
}

/**
 * appeals_analytical_note_write_fodt:
 *
 * Writes @note as a flat OpenDocument text at @path.
 */
gboolean
appeals_analytical_note_write_fodt (AppealsAnalyticalNote  *note,
                                    const char             *path,
                                    GError                **error)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  guint n_tables = 0, n_figures = 0;

  g_string_append_printf (xml, document_head, note->language);
  /* the letterhead: the organisation, its address, its contacts over a rule */
  for (AppealsLetterheadLine line = APPEALS_LETTERHEAD_ORGANISATION; line <= APPEALS_LETTERHEAD_CONTACTS; line++)
    append_paragraph (xml, line < APPEALS_LETTERHEAD_CONTACTS ? "Letterhead" : "Letterhead_20_Rule",
                      appeals_letterhead_get (note->letterhead, line, note->language));
  for (guint b = 0; b < note->blocks->len; b++)
    {
      AppealsNoteBlock *block = g_ptr_array_index (note->blocks, b);

      switch (block->kind)
        {
        case APPEALS_NOTE_TITLE:
          append_paragraph (xml, "Title", block->text);
          break;
        case APPEALS_NOTE_SUBTITLE:
          append_paragraph (xml, "Subtitle", block->text);
          break;
        case APPEALS_NOTE_HEADING:
          {
            g_autofree char *escaped = g_markup_escape_text (block->text, -1);

            g_string_append_printf (xml, "   <text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">%s"
                                         "</text:h>\n", escaped);
          }
          break;
        case APPEALS_NOTE_PARAGRAPH:
          append_paragraph (xml, "Standard", block->text);
          break;
        case APPEALS_NOTE_TABLE:
          append_table (xml, block, ++n_tables);
          break;
        case APPEALS_NOTE_FIGURE:
          if (!append_figure (xml, block, ++n_figures, error))
            return FALSE;
          break;
        case APPEALS_NOTE_SIGNATURE:
          append_paragraph (xml, "Signature", block->text);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append (xml, document_foot);
  return g_file_set_contents (path, xml->str, xml->len, error);
}
