/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-classifier-drop-down.h: a drop-down of a classifier's items.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-classifier.h"

G_BEGIN_DECLS

GtkDropDown *appeals_classifier_drop_down_new (AppealsClassifier *classifier,
                                               GPtrArray         *codes,
                                               int                max_chars);

G_END_DECLS
