#include "MotionProject.h"

#include "TestMedia.h"
#include "project/Project.h"

#include <QDir>
#include <QFile>

#include <random>

namespace fl::test {

namespace {

QByteArray renderFrames(const MotionProjectOptions& o)
{
    const int w = o.width;
    const int h = o.height;
    QByteArray bytes(qsizetype(o.frames) * w * h * 3, Qt::Uninitialized);
    std::mt19937 rng(5);
    const int side = h / 5;
    int x = w / 4;
    int y = h / 3;
    int dx = 7;
    int dy = 5;
    for (int f = 0; f < o.frames; ++f) {
        const bool moving = (f / o.segment) % 2 == 0;
        if (moving) {
            x += dx;
            y += dy;
            if (x < 2 || x + side > w - 2) {
                dx = -dx;
                x += 2 * dx;
            }
            if (y < 2 || y + side > h - 2) {
                dy = -dy;
                y += 2 * dy;
            }
        }
        auto* p = reinterpret_cast<unsigned char*>(bytes.data()) + qsizetype(f) * w * h * 3;
        for (int r = 0; r < h; ++r) {
            for (int c = 0; c < w; ++c) {
                const bool in = r >= y && r < y + side && c >= x && c < x + side;
                const int texture = ((r / 8 + c / 8) % 2) * 24;
                unsigned char* px = p + (qsizetype(r) * w + c) * 3; // BGR
                px[0] = in ? 40 : 90 + texture;
                px[1] = in ? 200 : 90 + texture;
                px[2] = in ? 230 : 90 + texture;
            }
        }
    }
    return bytes;
}

Status writeTruth(const QString& file, const QString& video, const MotionProjectOptions& o, int fromSegment)
{
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Status::failure(file + QStringLiteral(": cannot write"));
    out.write("video,start_frame,end_frame,label\n");
    for (int s = fromSegment; s * o.segment < o.frames; ++s) {
        const int start = s * o.segment;
        const int end = std::min(o.frames, start + o.segment);
        out.write(QStringLiteral("%1,%2,%3,%4\n")
                      .arg(video)
                      .arg(start)
                      .arg(end)
                      .arg(s % 2 == 0 ? QStringLiteral("motion") : QStringLiteral("static"))
                      .toUtf8());
    }
    return Status::success();
}

} // namespace

Result<MotionProject> makeMotionProject(const QString& dir, const MotionProjectOptions& o)
{
    if (!ffmpegAvailable()) return Status::failure(QStringLiteral("ffmpeg is not available"));
    QDir().mkpath(dir);
    MotionProject mp;
    mp.dir = QDir(dir).filePath(QStringLiteral("project"));
    const QString media = QDir(dir).filePath(QStringLiteral("media"));
    QDir().mkpath(media);
    mp.video = QDir(media).filePath(QStringLiteral("motion.mp4"));
    const QStringList args = {
        QStringLiteral("-y"),       QStringLiteral("-loglevel"), QStringLiteral("error"),
        QStringLiteral("-f"),       QStringLiteral("rawvideo"),  QStringLiteral("-pix_fmt"),
        QStringLiteral("bgr24"),    QStringLiteral("-s"),        QStringLiteral("%1x%2").arg(o.width).arg(o.height),
        QStringLiteral("-r"),       QStringLiteral("25"),        QStringLiteral("-i"),
        QStringLiteral("-"),        QStringLiteral("-c:v"),      QStringLiteral("libx264"),
        QStringLiteral("-preset"),  QStringLiteral("veryfast"),  QStringLiteral("-crf"),
        QStringLiteral("18"),       QStringLiteral("-g"),        QStringLiteral("12"),
        QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),   mp.video};
    auto encoded = runTool(ffmpegPath(), args, renderFrames(o));
    if (!encoded) return encoded.status();

    auto project = Project::create(mp.dir, FragmentSpec{4, 4, 1}, {QStringLiteral("motion"), QStringLiteral("static")});
    if (!project) return project.status();
    auto added = project->addVideo(mp.video, o.frames, 25.0);
    if (!added) return added.status();
    const int segments = (o.frames + o.segment - 1) / o.segment;
    mp.labeledSegments = int(o.labeledFraction * segments);
    for (int s = 0; s < mp.labeledSegments; ++s) {
        const bool moving = s % 2 == 0;
        if (!moving && !o.labelStatic) continue;
        const int start = s * o.segment;
        if (auto set = project->setLabel(*added, start, std::min(o.frames, start + o.segment),
                                         moving ? QStringLiteral("motion") : QStringLiteral("static"));
            !set)
            return set;
    }
    if (auto saved = project->save(); !saved) return saved;
    mp.unlabeledTruthCsv = QDir(dir).filePath(QStringLiteral("truth-unlabeled.csv"));
    mp.allTruthCsv = QDir(dir).filePath(QStringLiteral("truth-all.csv"));
    if (auto w = writeTruth(mp.unlabeledTruthCsv, QStringLiteral("motion.mp4"), o, mp.labeledSegments); !w) return w;
    if (auto w = writeTruth(mp.allTruthCsv, QStringLiteral("motion.mp4"), o, 0); !w) return w;
    return mp;
}

TrainingRequest fastTrainingRequest()
{
    // The default training (its candidates chosen by cross-validation) at 32 px.
    TrainingRequest r;
    r.options.model.inputSize = 32;
    r.options.model.featureSize = 32;
    r.options.batchSize = 16;
    r.options.seed = 7;
    r.options.device = ml::DeviceChoice::Cpu;
    r.candidates = defaultTrainingCandidates(r.options);
    return r;
}

} // namespace fl::test
