#include "TimelinePaintBenchmark.h"

#include "SeekBenchmark.h"
#include "document/ProjectDocument.h"
#include "timeline/TimelineView.h"

#include "video/FileFingerprint.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QTemporaryDir>

namespace fl {

QJsonObject TimelinePaintBenchmark::Report::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("fragments")] = fragments;
    o[QStringLiteral("frames")] = frames;
    o[QStringLiteral("label_ranges")] = labelRanges;
    o[QStringLiteral("width")] = width;
    QJsonArray list;
    for (const Level& l : levels) {
        QJsonObject e;
        e[QStringLiteral("view")] = l.name;
        e[QStringLiteral("frames_per_pixel")] = l.framesPerPixel;
        e[QStringLiteral("paint_ms_median")] = SeekBenchmark::median(l.ms);
        e[QStringLiteral("paint_ms_p95")] = SeekBenchmark::percentile(l.ms, 95);
        list.append(e);
    }
    o[QStringLiteral("levels")] = list;
    return o;
}

QString TimelinePaintBenchmark::Report::toText() const
{
    QString text = QStringLiteral("timeline paint, %1 fragments (%2 frames, %3 label ranges), %4 px wide:\n")
                       .arg(fragments)
                       .arg(frames)
                       .arg(labelRanges)
                       .arg(width);
    for (const Level& l : levels)
        text += QStringLiteral("  %1 (%2 frames/px): median %3 ms, p95 %4 ms\n")
                    .arg(l.name, -28)
                    .arg(l.framesPerPixel, 0, 'g', 4)
                    .arg(SeekBenchmark::median(l.ms), 0, 'f', 2)
                    .arg(SeekBenchmark::percentile(l.ms, 95), 0, 'f', 2);
    return text;
}

Result<TimelinePaintBenchmark::Report> TimelinePaintBenchmark::run(const Options& options)
{
    QTemporaryDir tmp;
    if (!tmp.isValid()) return Result<Report>::failure(QStringLiteral("cannot make a temporary folder"));
    const FragmentSpec spec; // T = S = 4
    const qint64 frames = options.fragments * spec.stride;
    auto project = Project::create(tmp.filePath(QStringLiteral("project")), spec,
                                   {QStringLiteral("motion"), QStringLiteral("static"), QStringLiteral("other")});
    if (!project) return project.status();
    FileFingerprint fingerprint;
    fingerprint.size = 1;
    fingerprint.hash = QByteArray(64, '0');
    if (auto added = project->addVideo(tmp.filePath(QStringLiteral("long.mp4")), frames, 30.0, fingerprint); !added)
        return added.status();
    const QStringList classes = project->classNames();
    for (qint64 j = 0; j < options.fragments; ++j)
        if (auto set = project->setLabel(0, spec.firstFrame(j), spec.endFrame(j), classes[int(j % classes.size())]);
            !set)
            return set;
    if (auto saved = project->save(); !saved) return saved;
    ProjectDocument document;
    if (auto opened = document.open(project->dir()); !opened) return opened;

    Report report;
    report.fragments = options.fragments;
    report.frames = frames;
    report.labelRanges = document.project().labels(0).size();
    report.width = options.width;

    TimelineView timeline;
    timeline.setDocument(&document);
    timeline.resize(options.width, timeline.sizeHint().height());
    timeline.setVideo(0);
    std::vector<qint64> keyframes;
    for (qint64 f = 0; f < frames; f += 250) keyframes.push_back(f);
    timeline.setKeyframes(std::move(keyframes));
    timeline.setPlayhead(frames / 3);
    timeline.setSelection(options.fragments / 3, options.fragments / 3 + 40);

    QImage image(timeline.size(), QImage::Format_ARGB32_Premultiplied);
    const double fit = timeline.maxFramesPerPixel();
    struct View {
        QString name;
        double fpp;
    };
    const std::vector<View> views = {{QStringLiteral("whole video"), fit},
                                     {QStringLiteral("1/10 of the video"), fit / 10},
                                     {QStringLiteral("~1000 frames"),
                                      1000.0 / (options.width - timeline.headerWidth())},
                                     {QStringLiteral("single frames (48 px)"), timeline.minFramesPerPixel()}};
    for (const View& v : views) {
        Level level;
        level.name = v.name;
        timeline.setView(double(frames) / 3 - 100, v.fpp);
        level.framesPerPixel = timeline.framesPerPixel();
        for (int r = 0; r < options.repeats + 3; ++r) {
            QElapsedTimer t;
            t.start();
            timeline.render(&image);
            const double ms = double(t.nsecsElapsed()) / 1e6;
            if (r >= 3) // warm-up
                level.ms.push_back(ms);
        }
        report.levels.push_back(std::move(level));
    }
    return report;
}

} // namespace fl
