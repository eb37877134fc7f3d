#include "fragments/FragmentCacheBuild.h"

#include "video/VideoSource.h"

#include <QFileInfo>
#include <QObject>

namespace fl {

Status buildFragmentCaches(const QStringList& videos, const QString& cacheDir, const QString& indexCacheDir,
                           const WorkControl& control, FrameSize size)
{
    VideoOpenOptions options;
    options.indexCacheDir = indexCacheDir;
    for (int i = 0; i < videos.size(); ++i) {
        if (control.cancelled()) return Status::failure(QObject::tr("cancelled"));
        // QObject::tr: the GUI shows this text (translations/ holds it in context QObject).
        const WorkControl inner = control.reportingAs(QObject::tr("Fragment cache of %1 (%2 of %3)")
                                                          .arg(QFileInfo(videos[i]).fileName())
                                                          .arg(i + 1)
                                                          .arg(videos.size()));
        if (auto cache = FragmentCache::ensure(videos[i], cacheDir, size, options, inner); !cache)
            return cache.status();
    }
    return Status::success();
}

} // namespace fl
