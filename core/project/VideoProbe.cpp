#include "project/VideoProbe.h"

#include "video/VideoSource.h"

#include <QFileInfo>
#include <QObject>

#include <cmath>

namespace fl {

namespace {

bool usableRate(double fps)
{
    return std::isfinite(fps) && fps > 0;
}

} // namespace

double projectFrameRate(const VideoInfo& info)
{
    if (usableRate(info.averageFps)) return info.averageFps;
    if (usableRate(info.nominalFps)) return info.nominalFps;
    return kFallbackFrameRate;
}

Result<ProbedVideo> probeNewVideo(const QString& path, const QString& indexCacheDir, const WorkControl& control)
{
    const QString file = path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
    VideoOpenOptions options;
    options.indexCacheDir = indexCacheDir;
    auto source = VideoSource::open(file, options, control);
    if (!source) return source.status();
    auto fingerprint = FileFingerprint::of(file);
    if (!fingerprint) return fingerprint.status();
    const VideoInfo& info = (*source)->info();
    return ProbedVideo{file, info.frameCount, projectFrameRate(info), *fingerprint};
}

Result<ProbedVideos> probeNewVideos(const QStringList& paths, const QString& indexCacheDir, const WorkControl& control)
{
    // QObject::tr: the GUI shows these texts (translations/ holds them in context QObject).
    ProbedVideos out;
    for (int i = 0; i < paths.size(); ++i) {
        if (control.cancelled()) return Status::failure(QObject::tr("cancelled"));
        const WorkControl inner = control.reportingAs(
            QObject::tr("Indexing %1 (%2 of %3)").arg(QFileInfo(paths[i]).fileName()).arg(i + 1).arg(paths.size()));
        auto probed = probeNewVideo(paths[i], indexCacheDir, inner);
        if (!probed) {
            if (control.cancelled()) return Status::failure(QObject::tr("cancelled"));
            out.problems << probed.error();
            continue;
        }
        out.videos.push_back(std::move(*probed));
    }
    return out;
}

} // namespace fl
