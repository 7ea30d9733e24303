/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-s10.h: UPU S10 item identifiers, the barcodes on Kazpost's
 * envelopes and on a courier's list: two letters of service, an eight-digit
 * serial number, its check digit and the two-letter country code
 * (RR123456785KZ).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The length of an S10 identifier. */
#define APPEALS_S10_LENGTH 13

int       appeals_s10_check_digit (const char  *serial);
char     *appeals_s10_normalize   (const char  *text);
gboolean  appeals_s10_is_valid    (const char  *code);

G_END_DECLS
