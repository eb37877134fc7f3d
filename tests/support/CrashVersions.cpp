#include "CrashVersions.h"

#include <QDir>
#include <QFile>

namespace fl::test {

namespace {

constexpr int kRanges = 4000;
constexpr qint64 kRangeStride = 50;

} // namespace

Result<Project> makeCrashProject(const QString& dir)
{
    auto project = Project::create(dir, FragmentSpec{}, {QStringLiteral("a"), QStringLiteral("b")});
    if (!project) return project;
    // Only the file's size and content hash matter to the project: a stand-in is enough.
    const QString video = QDir(dir).filePath(QStringLiteral("clip.mp4"));
    QFile f(video);
    if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray(4096, 'v')) != 4096)
        return Result<Project>::failure(QStringLiteral("%1: cannot write").arg(video));
    f.close();
    if (auto added = project->addVideo(video, kCrashVideoFrames, 25.0); !added) return added.status();
    if (Status s = applyLabelVersion(*project, 0); !s) return s;
    if (Status s = project->save(); !s) return s;
    return project;
}

Status applyLabelVersion(Project& project, int version)
{
    if (Status s = project.clearLabel(0, 0, kCrashVideoFrames); !s) return s;
    for (int k = 0; k < kRanges; ++k) {
        const qint64 start = k * kRangeStride;
        const qint64 end = start + 1 + (version + k) % 40;
        if (Status s = project.setLabel(0, start, end, (version + k) % 2 ? QStringLiteral("b") : QStringLiteral("a"));
            !s)
            return s;
    }
    return Status::success();
}

bool hasLabelVersion(const Project& project, int version)
{
    Project expected = project;
    return applyLabelVersion(expected, version) && expected.labels(0) == project.labels(0);
}

QString crashModelId()
{
    return QStringLiteral("crash.flmodel");
}

VideoPredictions predictionVersion(const Project& project, int version)
{
    const int featureSize = 8;
    VideoPredictions p = VideoPredictions::empty(project.video(0).fileName(), crashModelId(), project.classNames(),
                                                 project.spec(), project.video(0).frameCount, featureSize);
    for (qint64 j = 0; j < p.fragmentCount(); ++j) {
        const float a = float((version * 7 + j) % 101) / 100.0f;
        std::vector<float> feature(static_cast<size_t>(featureSize), static_cast<float>(version));
        feature[0] = float(j);
        p.setRow(j, {a, 1.0f - a}, feature);
    }
    return p;
}

ml::ModelInfo crashModelInfo(int version)
{
    ml::ModelInfo info;
    info.config.inputSize = 32;
    info.config.featureSize = 32;
    info.classes = {"a", "b"};
    info.seed = std::uint64_t(version);
    return info;
}

} // namespace fl::test
