/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-official.h: an official who receives citizens — names and
 * position in Kazakh and Russian, and the weekly reception schedule.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One reception day of the schedule: a weekday (1 = Monday … 7 = Sunday),
 * the hours, and a place or a video conference. */
typedef struct
{
  int       weekday;
  char     *start;     /* "HH:MM" */
  char     *end;       /* "HH:MM" */
  char     *place;     /* NULL for a video conference */
  char     *place_kk;  /* the place as printed in Kazakh; NULL: place */
  char     *place_ru;  /* … and in Russian */
  gboolean  video;
} AppealsScheduleSlot;

#define APPEALS_TYPE_SCHEDULE_SLOT (appeals_schedule_slot_get_type ())

GType                appeals_schedule_slot_get_type (void) G_GNUC_CONST;
AppealsScheduleSlot *appeals_schedule_slot_new      (int                        weekday,
                                                     const char                *start,
                                                     const char                *end,
                                                     const char                *place,
                                                     gboolean                   video);
AppealsScheduleSlot *appeals_schedule_slot_copy     (const AppealsScheduleSlot *slot);
void                 appeals_schedule_slot_free     (AppealsScheduleSlot       *slot);
const char          *appeals_schedule_slot_get_place (const AppealsScheduleSlot *slot,
                                                      const char                *language);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppealsScheduleSlot, appeals_schedule_slot_free)

#define APPEALS_TYPE_OFFICIAL (appeals_official_get_type ())

G_DECLARE_FINAL_TYPE (AppealsOfficial, appeals_official, APPEALS, OFFICIAL, GObject)

struct _AppealsOfficial
{
  GObject     parent_instance;

  gint64      id;              /* 0 for a new official */
  char       *full_name_kk;
  char       *full_name_ru;
  char       *position_kk;
  char       *position_ru;
  gboolean    active;
  GPtrArray  *schedule;        /* AppealsScheduleSlot, in the server's order */
};

AppealsOfficial           *appeals_official_new           (void);
AppealsOfficial           *appeals_official_new_from_json (JsonNode         *node,
                                                           GError          **error);
JsonNode                  *appeals_official_to_json       (AppealsOfficial  *self);
const char                *appeals_official_get_full_name (AppealsOfficial  *self,
                                                           const char       *language);
const char                *appeals_official_get_job_title (AppealsOfficial  *self,
                                                           const char       *language);
const AppealsScheduleSlot *appeals_official_find_slot     (AppealsOfficial  *self,
                                                           int               weekday);
gboolean                   appeals_official_receives_on   (AppealsOfficial  *self,
                                                           int               weekday);
AppealsOfficial           *appeals_officials_find_by_id   (GPtrArray        *officials,
                                                           gint64            id);

G_END_DECLS
