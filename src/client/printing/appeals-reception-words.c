/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-reception-words.c: where a reception is held, who receives and
 * who takes part, as its printed documents say it in Kazakh or Russian.
 */
#include "config.h"

#include "appeals-print.h"
#include "appeals-reception-words.h"

static const AppealsWords field_words = { "Көшпелі қабылдау", "Выездной приём" };
static const AppealsWords video_words = { "бейнеконференция арқылы", "по видеоконференции" };

/* The place: a field reception's own, the reception's, or the official's
 * place on that weekday in @language; "by video conference" when the day
 * is held by video. */
char *
appeals_reception_dup_place_text (AppealsReception *reception,
                                  AppealsOfficial  *official,
                                  const char       *language)
{
  const AppealsScheduleSlot *slot = NULL;
  const char *place = reception->place;

  if (place == NULL && official != NULL && g_date_valid (&reception->date))
    slot = appeals_official_find_slot (official, g_date_get_weekday (&reception->date));
  if (place == NULL && slot != NULL)
    place = slot->video ? appeals_words_say (&video_words, language) : appeals_schedule_slot_get_place (slot, language);
  if (reception->field)
    return g_strdup_printf ("%s: %s", appeals_words_say (&field_words, language), place != NULL ? place : "—");
  return g_strdup (place != NULL ? place : "—");
}

/* One line per participant: "name, job title (by video conference)". */
char *
appeals_reception_dup_participants_text (AppealsReception *reception,
                                         const char       *language)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < reception->participants->len; i++)
    {
      AppealsReceptionParticipant *participant = g_ptr_array_index (reception->participants, i);

      g_string_append_printf (text, "%s%s%s%s%s%s", i > 0 ? "\n" : "", participant->name,
                              participant->job_title != NULL ? ", " : "",
                              participant->job_title != NULL ? participant->job_title : "",
                              participant->by_video ? " — " : "",
                              participant->by_video ? appeals_words_say (&video_words, language) : "");
    }
  return g_string_free (text, FALSE);
}

/* "Full name, position" of the official in @language; the name the
 * reception was shown with when the official is not known. */
char *
appeals_reception_dup_official_text (AppealsReception *reception,
                                     AppealsOfficial  *official,
                                     const char       *language)
{
  if (official == NULL)
    return g_strdup (reception->official_name != NULL ? reception->official_name : "—");
  return g_strdup_printf ("%s, %s", appeals_official_get_full_name (official, language),
                          appeals_official_get_job_title (official, language));
}
