#include "SeekBenchmark.h"

#include "document/ProjectDocument.h"
#include "player/FrameView.h"
#include "player/VideoPlayer.h"
#include "timeline/TimelineView.h"

#include "project/VideoProbe.h"
#include "video/FileFingerprint.h"
#include "video/PreviewStore.h"
#include "video/VideoSource.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QMouseEvent>
#include <QTemporaryDir>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <random>

namespace fl {

double SeekBenchmark::median(std::vector<double> v)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double SeekBenchmark::percentile(std::vector<double> v, double p)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t k = std::min(v.size() - 1, size_t(std::max(0.0, std::ceil(p / 100.0 * double(v.size())) - 1)));
    return v[k];
}

QJsonObject SeekBenchmark::Report::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("video")] = video;
    o[QStringLiteral("frames")] = frames;
    o[QStringLiteral("seeks")] = int(fullMs.size());
    o[QStringLiteral("index_s")] = indexSeconds;
    o[QStringLiteral("preview_build_s")] = previewBuildSeconds;
    o[QStringLiteral("first_picture_ms_median")] = median(firstPictureMs);
    o[QStringLiteral("first_picture_ms_p95")] = percentile(firstPictureMs, 95);
    o[QStringLiteral("full_resolution_ms_median")] = median(fullMs);
    o[QStringLiteral("full_resolution_ms_p95")] = percentile(fullMs, 95);
    o[QStringLiteral("full_resolution_ms_max")] = fullMs.empty() ? 0 : *std::max_element(fullMs.begin(), fullMs.end());
    o[QStringLiteral("cache_hits")] = cacheHits;
    o[QStringLiteral("timeouts")] = timeouts;
    return o;
}

QString SeekBenchmark::Report::toText() const
{
    return QStringLiteral("%1: %2 frames, %3 clicks on the timeline (%4 already decoded, %5 timeouts)\n"
                          "  index pass %6 s, scrub preview built in %7 s\n"
                          "  click -> exact frame on screen (preview or full): median %8 ms, p95 %9 ms\n"
                          "  click -> exact frame at full resolution:          median %10 ms, p95 %11 ms, max %12 ms\n")
        .arg(video)
        .arg(frames)
        .arg(fullMs.size())
        .arg(cacheHits)
        .arg(timeouts)
        .arg(indexSeconds, 0, 'f', 2)
        .arg(previewBuildSeconds, 0, 'f', 2)
        .arg(median(firstPictureMs), 0, 'f', 1)
        .arg(percentile(firstPictureMs, 95), 0, 'f', 1)
        .arg(median(fullMs), 0, 'f', 1)
        .arg(percentile(fullMs, 95), 0, 'f', 1)
        .arg(fullMs.empty() ? 0.0 : *std::max_element(fullMs.begin(), fullMs.end()), 0, 'f', 1);
}

Result<SeekBenchmark::Report> SeekBenchmark::run(const QString& videoPath, const Options& options)
{
    const QString video = QFileInfo(videoPath).absoluteFilePath();
    QTemporaryDir tmp;
    if (!tmp.isValid()) return Result<Report>::failure(QStringLiteral("cannot make a temporary folder"));
    Report report;
    report.video = video;

    // A throwaway project holding the video, indexed afresh.
    ProjectDocument document;
    if (auto created = document.create(tmp.filePath(QStringLiteral("project")), FragmentSpec{}, {QStringLiteral("a")});
        !created)
        return created;
    QElapsedTimer clock;
    clock.start();
    VideoOpenOptions open;
    open.indexCacheDir = document.project().indexCacheDir();
    auto source = VideoSource::open(video, open);
    if (!source) return source.status();
    report.indexSeconds = double(clock.nsecsElapsed()) / 1e9;
    auto fingerprint = FileFingerprint::of(video);
    if (!fingerprint) return fingerprint.status();
    const VideoInfo info = (*source)->info();
    report.frames = info.frameCount;
    source->reset();
    if (auto added = document.addVideos({{video, info.frameCount, projectFrameRate(info), *fingerprint}}); !added)
        return added;

    PreviewStore preview;
    if (options.previews) {
        clock.restart();
        auto store = PreviewStore::ensure(video, document.project().cacheDir(), {}, open);
        if (!store) return store.status();
        report.previewBuildSeconds = double(clock.nsecsElapsed()) / 1e9;
        preview = *store;
    }

    // The real widgets, laid out as in the window.
    QWidget window;
    auto* layout = new QVBoxLayout(&window);
    auto* view = new FrameView(&window);
    auto* timeline = new TimelineView(&window);
    layout->addWidget(view, 1);
    layout->addWidget(timeline);
    VideoPlayer player;
    timeline->setDocument(&document);
    QObject::connect(timeline, &TimelineView::seekRequested, &player, &VideoPlayer::seek);
    QObject::connect(&player, &VideoPlayer::positionChanged, timeline, &TimelineView::setPlayhead);
    QObject::connect(&player, &VideoPlayer::frameReady, view,
                     [view](qint64 frame, const QImage& image, bool full) { view->setImage(image, frame, full); });
    window.resize(options.width, options.height);
    window.show();
    timeline->setVideo(0);

    QEventLoop loop;
    bool opened = false;
    QString failure;
    QObject::connect(&player, &VideoPlayer::opened, &loop, [&] {
        opened = true;
        loop.quit();
    });
    QObject::connect(&player, &VideoPlayer::openFailed, &loop, [&](const QString& m) {
        failure = m;
        loop.quit();
    });
    player.open(video, document.project().indexCacheDir());
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    if (!opened)
        return Result<Report>::failure(failure.isEmpty() ? QStringLiteral("%1: did not open in time").arg(video)
                                                         : failure);
    if (preview.isValid()) player.setPreview(preview);

    std::mt19937_64 rng(options.seed);
    const TimelineMapping mapping = timeline->mapping();
    std::uniform_int_distribution<int> pickX(mapping.left, mapping.left + mapping.width - 1);
    const int y = timeline->labelRowRect().center().y();
    qint64 target = -1;
    double firstMs = -1, fullMs = -1;
    QElapsedTimer click;
    QObject::connect(view, &FrameView::framePainted, &loop, [&](qint64 frame, bool full) {
        if (frame != target || target < 0) return;
        const double ms = double(click.nsecsElapsed()) / 1e6;
        if (firstMs < 0) firstMs = ms;
        if (full && fullMs < 0) {
            fullMs = ms;
            loop.quit();
        }
    });
    auto wait = [&](int ms) {
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        loop.exec();
    };
    wait(500); // let the first frame and its read-ahead settle
    for (int s = 0; s < options.seeks; ++s) {
        int x = pickX(rng);
        qint64 frame = timeline->frameAtX(x);
        if (frame == player.position()) {
            x = x > mapping.left + 20 ? x - 20 : x + 20;
            frame = timeline->frameAtX(x);
        }
        target = frame;
        firstMs = fullMs = -1;
        const bool cached = player.isCached(frame);
        const QPointF pos(x, y);
        click.start();
        QMouseEvent press(QEvent::MouseButtonPress, pos, timeline->mapToGlobal(pos), Qt::LeftButton, Qt::LeftButton,
                          Qt::NoModifier);
        QApplication::sendEvent(timeline, &press);
        QMouseEvent release(QEvent::MouseButtonRelease, pos, timeline->mapToGlobal(pos), Qt::LeftButton, Qt::NoButton,
                            Qt::NoModifier);
        QApplication::sendEvent(timeline, &release);
        if (fullMs < 0) {
            QTimer guard;
            guard.setSingleShot(true);
            QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
            guard.start(10000);
            loop.exec();
        }
        if (fullMs < 0) {
            ++report.timeouts;
            continue;
        }
        if (cached) ++report.cacheHits;
        report.firstPictureMs.push_back(firstMs);
        report.fullMs.push_back(fullMs);
        target = -1;
        wait(options.pauseMs);
    }
    return report;
}

} // namespace fl
