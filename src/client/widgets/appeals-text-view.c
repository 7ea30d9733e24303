/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-text-view.c: text views of a few lines: their whole text, and
 * a preferences row of one under its title.
 */
#include "config.h"

#include "appeals-text-view.h"

/**
 * appeals_text_view_dup_text:
 *
 * Returns: (transfer full): all of @view's text, as typed
 */
char *
appeals_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * appeals_text_view_prepare:
 * @label: the label that names @view, for assistive technologies
 *
 * Sets @view up for a text of a few lines typed into a form: wrapped at
 * words, a little room around it, and Tab leaving it, as it leaves an
 * entry.
 */
void
appeals_text_view_prepare (GtkTextView *view,
                           GtkWidget   *label)
{
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (view, FALSE);
  gtk_text_view_set_top_margin (view, 6);
  gtk_text_view_set_bottom_margin (view, 6);
  gtk_text_view_set_left_margin (view, 6);
  gtk_text_view_set_right_margin (view, 6);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
}

/**
 * appeals_text_row_new:
 * @title: the row's title, shown above the text and naming it to
 *   assistive technologies
 * @view: (out): the row's text view
 *
 * A preferences row of a framed text view under a small title, for a
 * text of several lines in a group of entry rows (a citizen's letter, a
 * body's answer): a few lines high, growing with its text up to a
 * screenful, then scrolled (appeals_text_view_prepare()).
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
appeals_text_row_new (const char   *title,
                      GtkTextView **view)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *text = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");

  appeals_text_view_prepare (GTK_TEXT_VIEW (text), label);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 96);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scrolled);

  *view = GTK_TEXT_VIEW (text);
  return g_object_new (ADW_TYPE_PREFERENCES_ROW,
                       "title", title,
                       "activatable", FALSE,
                       "selectable", FALSE,
                       "child", box,
                       NULL);
}
