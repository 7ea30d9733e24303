/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-content-records.h: the terms of appeals' texts (table
 * appeal_terms, migrations 0023 and 0029), written with the search
 * index, and the terms whose count grew most, counted in SQL.
 */
#pragma once

#include "appeals-server.h"

G_BEGIN_DECLS

gboolean             appeals_content_records_add           (AppealsDb      *db,
                                                            AppealsAppeal  *appeal,
                                                            GError        **error);
gboolean             appeals_content_records_index         (AppealsDb      *db,
                                                            AppealsAppeal  *appeal,
                                                            GError        **error);
const char * const  *appeals_content_records_get_term_columns (void);
void                 appeals_content_records_append_terms  (GPtrArray          *values,
                                                            GStringChunk       *texts,
                                                            const char         *annotation,
                                                            const char         *text,
                                                            const char * const *row);
gboolean             appeals_content_records_index_backlog (AppealsDb      *db,
                                                            guint          *indexed,
                                                            GError        **error);
AppealsContentTerms *appeals_content_records_count         (AppealsRequest              *request,
                                                            const AppealsReportPeriods  *periods,
                                                            guint                        limit,
                                                            gint64                       min_count,
                                                            GError                     **error);

G_END_DECLS
