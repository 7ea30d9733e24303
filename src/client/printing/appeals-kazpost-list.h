/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-kazpost-list.h: the receipt list of a closed Kazpost batch that
 * the courier takes back signed — what was received (with the journal
 * numbers), what is missing from the list, what goes back.
 */
#pragma once

#include <gtk/gtk.h>

#include "appeals-core.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_KAZPOST_LIST (appeals_kazpost_list_get_type ())

G_DECLARE_FINAL_TYPE (AppealsKazpostList, appeals_kazpost_list, APPEALS, KAZPOST_LIST, GtkPrintOperation)

AppealsKazpostList *appeals_kazpost_list_new (AppealsLetterhead   *letterhead,
                                              AppealsKazpostBatch *batch,
                                              const char          *language);

G_END_DECLS
