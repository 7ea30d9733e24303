/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-data-read.h: one read of an applicant's personal data — who
 * read which card, when — as the log kept for the personal-data law
 * lists it.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "appeals-record.h"

G_BEGIN_DECLS

#define APPEALS_TYPE_DATA_READ (appeals_data_read_get_type ())
G_DECLARE_FINAL_TYPE (AppealsDataRead, appeals_data_read, APPEALS, DATA_READ, GObject)

struct _AppealsDataRead
{
  GObject     parent_instance;

  char       *actor;      /* a login */
  char       *actor_name; /* who that is; NULL for a login no user has */
  GDateTime  *at;
  char       *entity;     /* "applicant" (the base card) or "appeal" */
  gint64      entity_id;
  char       *registration_number;  /* an appeal's; NULL for the base card */
};

const AppealsRecordType *appeals_data_read_get_record_type (void);

AppealsDataRead *appeals_data_read_new_from_json (JsonNode  *node,
                                                  GError   **error);

G_END_DECLS
