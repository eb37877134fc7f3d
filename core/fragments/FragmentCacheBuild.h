#pragma once
// Building the fragment cache of several videos in one piece of work (the GUI's "Build
// Fragment Cache" job): FragmentCache::ensure for each in turn, progress named per video.
#include "Cancellation.h"
#include "Result.h"
#include "fragments/FragmentCache.h"

#include <QString>
#include <QStringList>

namespace fl {

// Ensures the cache at `size` of every video in `videos` (absolute paths) under `cacheDir`,
// reusing or writing frame indexes in `indexCacheDir`. Progress is reported as
// "Fragment cache of NAME (i of n)". Stops at the first failure and returns its message
// (a cancelled build fails "<file>: cancelled"; a cancel between videos fails "cancelled").
// Caches already complete are only opened.
Status buildFragmentCaches(const QStringList& videos, const QString& cacheDir, const QString& indexCacheDir,
                           const WorkControl& control = {}, FrameSize size = {});

} // namespace fl
