#include "training/ModelFrames.h"

#include "project/Project.h"

#include <QFileInfo>

namespace fl {

Result<FragmentCache> openModelFrames(const Project& project, int video, int inputSize, const WorkControl& control)
{
    const QString path = project.absoluteVideoPath(video);
    if (!QFileInfo(path).isFile())
        return Status::failure(QStringLiteral("%1: video not found (relink the project's videos)").arg(path));
    VideoOpenOptions options;
    options.indexCacheDir = project.indexCacheDir();
    const QString what = QStringLiteral("Preparing frames: %1").arg(project.video(video).fileName());
    WorkControl named;
    named.cancel = control.cancel;
    named.progress = [&control, what](std::int64_t done, std::int64_t total, const QString&) {
        control.report(done, total, what);
    };
    auto cache = FragmentCache::ensure(path, project.cacheDir(), FrameSize{inputSize, inputSize}, options, named);
    if (!cache) return cache;
    if (cache->frameCount() < project.video(video).frameCount)
        return Status::failure(
            QStringLiteral("%1: decoded %2 frames, the project expects %3 (the file changed? relink it)")
                .arg(path)
                .arg(cache->frameCount())
                .arg(project.video(video).frameCount));
    return cache;
}

ml::VideoFrames videoFramesOf(const FragmentCache& cache)
{
    ml::VideoFrames v;
    v.pixels = cache.frame(0);
    v.frameCount = cache.frameCount();
    v.width = cache.frameSize().width;
    v.height = cache.frameSize().height;
    return v;
}

} // namespace fl
