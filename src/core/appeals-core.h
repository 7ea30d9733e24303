/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-core.h: the one header users of the core library include.
 */
#pragma once

#include "appeals-error.h"
#include "appeals-data.h"
#include "appeals-core-enums.h"
#include "appeals-calendar.h"
#include "appeals-deadline.h"
#include "appeals-iin.h"
#include "appeals-priority.h"
#include "appeals-json.h"
#include "appeals-record.h"
#include "appeals-etag.h"
#include "appeals-merge.h"
#include "appeals-text.h"
#include "appeals-classifier.h"
#include "appeals-user.h"
#include "appeals-applicant.h"
#include "appeals-appeal.h"
#include "appeals-history.h"
#include "appeals-reception.h"
#include "appeals-reception-lists.h"
#include "appeals-official.h"
#include "appeals-reception-parts.h"
#include "appeals-checklist.h"
#include "appeals-quality.h"
#include "appeals-workflow.h"
#include "appeals-expertise.h"
#include "appeals-order.h"
#include "appeals-data-read.h"
