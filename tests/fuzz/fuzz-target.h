/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-target.h: the libFuzzer entry point every target defines. Built
 * with clang and -Dfuzzing=true the targets are libFuzzer programs;
 * otherwise fuzz-replay.c runs them over their corpus in the test suite.
 */
#pragma once

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);
