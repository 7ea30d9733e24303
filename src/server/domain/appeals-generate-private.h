/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-generate-private.h: the generator's state and its chunks of
 * rows, shared by the code that makes the rows (appeals-generate-rows.c,
 * on a thread of its own) and the code that loads them
 * (appeals-generate.c).
 */
#pragma once

#include "appeals-generate.h"

G_BEGIN_DECLS

/* The tables of a chunk, in the order they are loaded in. */
typedef enum
{
  APPEALS_GENERATE_APPLICANTS,
  APPEALS_GENERATE_DISTRICTS,
  APPEALS_GENERATE_APPEALS,     /* appeals_load on PostgreSQL, with the search text */
  APPEALS_GENERATE_SEARCH,      /* SQLite's search index; empty on PostgreSQL */
  APPEALS_GENERATE_AUDIT,
  APPEALS_GENERATE_EXPERTISE,
  APPEALS_GENERATE_TERMS,
  APPEALS_GENERATE_N_TABLES
} AppealsGenerateTable;

/* The rows of some thousand appeals as the text of each column (NULL for
 * NULL), row after row, a table each; the texts live in @texts. */
typedef struct
{
  GStringChunk *texts;
  GPtrArray    *values[APPEALS_GENERATE_N_TABLES];
} AppealsGenerateChunk;

typedef struct
{
  AppealsServer                *server;
  const AppealsGenerateOptions *options;
  gboolean                      postgresql;
  const char                   *tables[APPEALS_GENERATE_N_TABLES];
  char                        **columns[APPEALS_GENERATE_N_TABLES];
  GRand                        *rand;
  JsonObject                   *demo;
  JsonObject                   *words;
  AppealsClassifier            *districts;
  AppealsChecklistTemplate     *template;
  GPtrArray                    *questions;      /* borrowed codes */
  GArray                       *people;         /* Person */
  GHashTable                   *taken;          /* IINs already in the table */
  guint64                       iin_counter;
  gint64                        next_applicant_id;
  gint64                        next_expertise_id;
  GArray                       *days;           /* GDate: the working days, oldest first */
  GArray                       *cumulative;     /* double: the days' weights summed */
  guint                         day;            /* the day of the appeal being made */
  GHashTable                   *due;            /* julian × 8 + kind → julian */
  GHashTable                   *numbers;        /* year → last registration number */
  GDate                         today;
} AppealsGenerator;

void                  appeals_generator_init        (AppealsGenerator             *gen,
                                                     AppealsServer                *server,
                                                     const AppealsGenerateOptions *options,
                                                     gboolean                      postgresql,
                                                     JsonObject                   *demo,
                                                     JsonObject                   *words);
void                  appeals_generator_clear       (AppealsGenerator             *gen);
AppealsGenerateChunk *appeals_generator_build_chunk (AppealsGenerator             *gen,
                                                     guint                         first,
                                                     guint                         n);
void                  appeals_generate_chunk_free   (AppealsGenerateChunk         *chunk);

G_END_DECLS
