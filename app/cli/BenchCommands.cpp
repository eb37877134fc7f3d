// fragmentlab-cli bench decode: sequential index + full decode speed, side by side with the
// ffmpeg CLI, and frame-exact random access latency (every frame checked).
#include "CliArgs.h"
#include "CliOutput.h"
#include "Commands.h"

#include "analysis/VideoAnalysis.h"
#include "fragments/FragmentCache.h"
#include "video/PartedRead.h"
#include "video/VideoSource.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

#include <sys/resource.h>

namespace fl::cli {

namespace {

double median(std::vector<double> v)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t k = std::min(v.size() - 1, size_t(std::ceil(p / 100.0 * double(v.size())) - 1));
    return v[k];
}

// 64-bit hash of every byte of a frame, fast enough to run on every frame.
quint64 frameHash(const cv::Mat& m)
{
    quint64 h = 0x9E3779B97F4A7C15ull ^ quint64(m.rows) << 32 ^ quint64(m.cols);
    for (int y = 0; y < m.rows; ++y) {
        const uchar* row = m.ptr(y);
        const size_t bytes = size_t(m.cols) * m.elemSize();
        size_t i = 0;
        for (; i + 8 <= bytes; i += 8) {
            quint64 w;
            std::memcpy(&w, row + i, 8);
            h = (h ^ w) * 0x100000001B3ull;
            h ^= h >> 29;
        }
        for (; i < bytes; ++i) h = (h ^ row[i]) * 0x100000001B3ull;
    }
    return h;
}

// Seconds for one run of `ffmpeg -threads 2 -i VIDEO [filterArgs] -f null -`, or -1.
double timeFfmpeg(const QString& ffmpeg, const QString& video, QString* error, const QStringList& filterArgs = {})
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(ffmpeg,
            QStringList{QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                        QStringLiteral("-threads"), QStringLiteral("2"), QStringLiteral("-i"), video}
                + filterArgs + QStringList{QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
        return -1;
    }
    return double(t.nsecsElapsed()) / 1e9;
}

// CPU seconds (user + system) used so far by this process, or by its waited-for children.
double cpuSeconds(int who)
{
    rusage u{};
    getrusage(who, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

} // namespace

int runBenchDecode(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli bench decode VIDEO [--json] [--runs N] [--seeks N] [--no-ffmpeg]"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    args.addFlag(QStringLiteral("no-ffmpeg"), QStringLiteral("skip the side-by-side ffmpeg measurement"));
    args.addValue(QStringLiteral("runs"), QStringLiteral("N"),
                  QStringLiteral("timed runs of each sequential pass (default 3)"));
    args.addValue(QStringLiteral("seeks"), QStringLiteral("N"), QStringLiteral("random frame(i) calls (default 200)"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    int exit = Ok;
    const auto runs = args.integer(QStringLiteral("runs"), 3, 1, 100, &exit);
    if (!runs) return exit;
    const auto seeks = args.integer(QStringLiteral("seeks"), 200, 0, 100000, &exit);
    if (!seeks) return exit;
    const QString video = QFileInfo(args.positional().at(0)).absoluteFilePath();
    const QString ffmpeg = args.isSet(QStringLiteral("no-ffmpeg"))
        ? QString()
        : QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));

    // 1. Sequential: index + decode of every frame (as `project add` and `info` run it), and
    //    the same handing every frame over as packed 24-bit colour, no cached index,
    //    alternating with the ffmpeg CLI run so all see the same machine state.
    VideoOpenOptions fresh;
    fresh.useIndexCache = false;
    std::vector<double> ourSeconds, indexOnlySeconds, ffmpegSeconds;
    qint64 frames = 0;
    QString ffmpegError;
    for (qint64 r = 0; r < *runs; ++r) {
        qint64 seen = 0;
        const FrameSink sink = [&seen](qint64, const cv::Mat& bgr) {
            seen += bgr.data != nullptr;
            return true;
        };
        QElapsedTimer t;
        t.start();
        auto source = VideoSource::open(video, fresh, {}, sink);
        const double seconds = double(t.nsecsElapsed()) / 1e9;
        if (!source) return fail(source.error());
        frames = (*source)->info().frameCount;
        if (seen != frames)
            return fail(QStringLiteral("%1: the decode pass delivered %2 frames, the index counts %3")
                            .arg(video)
                            .arg(seen)
                            .arg(frames));
        ourSeconds.push_back(seconds);
        source->reset();
        t.restart();
        auto indexed = VideoSource::open(video, fresh);
        if (!indexed) return fail(indexed.error());
        indexOnlySeconds.push_back(double(t.nsecsElapsed()) / 1e9);
        if (!ffmpeg.isEmpty()) {
            const double s = timeFfmpeg(ffmpeg, video, &ffmpegError);
            if (s < 0) return fail(QStringLiteral("%1: ffmpeg failed: %2").arg(video, ffmpegError));
            ffmpegSeconds.push_back(s);
        }
    }
    const double ourFps = double(frames) / median(ourSeconds);
    const double indexOnlyFps = double(frames) / median(indexOnlySeconds);
    const double ffmpegFps = ffmpegSeconds.empty() ? 0 : double(frames) / median(ffmpegSeconds);

    // 2. Random access: a reference hash of every frame from one sequential pass, then
    //    frame(i) at seeded random i, each timed and checked against its reference.
    QTemporaryDir indexDir;
    VideoOpenOptions cached;
    cached.indexCacheDir = indexDir.path();
    std::vector<quint64> reference;
    auto source = VideoSource::open(video, cached, {}, [&reference](qint64, const cv::Mat& bgr) {
        reference.push_back(frameHash(bgr));
        return true;
    });
    if (!source) return fail(source.error());
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<qint64> pick(0, frames - 1);
    std::vector<double> seekMs;
    qint64 wrong = 0;
    for (qint64 s = 0; s < *seeks; ++s) {
        const qint64 i = pick(rng);
        QElapsedTimer t;
        t.start();
        auto frame = (*source)->frame(i);
        seekMs.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!frame) return fail(frame.error());
        if (frameHash(*frame) != reference[size_t(i)]) ++wrong;
    }

    QJsonObject o;
    o[QStringLiteral("video")] = video;
    o[QStringLiteral("frames")] = frames;
    o[QStringLiteral("runs")] = *runs;
    o[QStringLiteral("index_decode_s_median")] = median(indexOnlySeconds);
    o[QStringLiteral("index_decode_fps")] = indexOnlyFps;
    o[QStringLiteral("index_decode_bgr_s_median")] = median(ourSeconds);
    o[QStringLiteral("index_decode_bgr_fps")] = ourFps;
    if (!ffmpegSeconds.empty()) {
        o[QStringLiteral("ffmpeg_s_median")] = median(ffmpegSeconds);
        o[QStringLiteral("ffmpeg_fps")] = ffmpegFps;
        o[QStringLiteral("ratio_to_ffmpeg")] = indexOnlyFps / ffmpegFps;
        o[QStringLiteral("bgr_ratio_to_ffmpeg")] = ourFps / ffmpegFps;
    }
    o[QStringLiteral("random_access_samples")] = *seeks;
    o[QStringLiteral("random_access_ms_median")] = median(seekMs);
    o[QStringLiteral("random_access_ms_p95")] = percentile(seekMs, 95);
    o[QStringLiteral("random_access_ms_max")] = seekMs.empty() ? 0 : *std::max_element(seekMs.begin(), seekMs.end());
    o[QStringLiteral("random_access_wrong_frames")] = wrong;
    if (args.isSet(QStringLiteral("json"))) {
        printJson(o);
    } else {
        printLine(QStringLiteral("%1: %2 frames").arg(video).arg(frames));
        printLine(QStringLiteral("index + full decode: %1 frames/s (median of %2 runs, %3 s)")
                      .arg(indexOnlyFps, 0, 'f', 1)
                      .arg(*runs)
                      .arg(median(indexOnlySeconds), 0, 'f', 3));
        printLine(QStringLiteral("index + full decode + every frame as BGR: %1 frames/s (%2 s)")
                      .arg(ourFps, 0, 'f', 1)
                      .arg(median(ourSeconds), 0, 'f', 3));
        if (!ffmpegSeconds.empty())
            printLine(QStringLiteral("ffmpeg -threads 2 -f null: %1 frames/s (%2 s); ratio %3 (with BGR %4)")
                          .arg(ffmpegFps, 0, 'f', 1)
                          .arg(median(ffmpegSeconds), 0, 'f', 3)
                          .arg(indexOnlyFps / ffmpegFps, 0, 'f', 2)
                          .arg(ourFps / ffmpegFps, 0, 'f', 2));
        printLine(QStringLiteral("random frame(i): median %1 ms, p95 %2 ms, max %3 ms over %4 calls; wrong frames: %5")
                      .arg(median(seekMs), 0, 'f', 1)
                      .arg(percentile(seekMs, 95), 0, 'f', 1)
                      .arg(o.value(QStringLiteral("random_access_ms_max")).toDouble(), 0, 'f', 1)
                      .arg(*seeks)
                      .arg(wrong));
    }
    if (wrong > 0)
        return fail(QStringLiteral("%1: %2 of %3 random frames differed from the sequential decode")
                        .arg(video)
                        .arg(wrong)
                        .arg(*seeks));
    return Ok;
}

// fragmentlab-cli bench scenes: scene detection speed (one decoding pass with the analysis),
// side by side with the ffmpeg CLI decoding the same file and running its own scene score.
int runBenchScenes(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli bench scenes VIDEO [--json] [--runs N] [--parts N] [--no-ffmpeg]"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    args.addFlag(QStringLiteral("no-ffmpeg"), QStringLiteral("skip the side-by-side ffmpeg measurements"));
    args.addValue(QStringLiteral("runs"), QStringLiteral("N"), QStringLiteral("timed runs of each pass (default 3)"));
    args.addValue(QStringLiteral("parts"), QStringLiteral("N"),
                  QStringLiteral("decoders reading parts at once (default: cores + 1, at most 8)"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    int exit = Ok;
    const auto runs = args.integer(QStringLiteral("runs"), 3, 1, 100, &exit);
    if (!runs) return exit;
    const auto parts = args.integer(QStringLiteral("parts"), 0, 0, 64, &exit);
    if (!parts) return exit;
    const QString video = QFileInfo(args.positional().at(0)).absoluteFilePath();
    const QString ffmpeg = args.isSet(QStringLiteral("no-ffmpeg"))
        ? QString()
        : QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));

    // The frame index is built once (a cold first run) and reused, as on every later open.
    QTemporaryDir indexDir;
    VideoOpenOptions open;
    open.indexCacheDir = indexDir.path();
    VideoAnalysisOptions scenesOnly;
    scenesOnly.sampleFrames = false;
    scenesOnly.parts = *parts;
    VideoAnalysisOptions onePass = scenesOnly; // one decoder, for comparison
    onePass.parts = 1;
    VideoAnalysisOptions withSamples; // scenes + keyframe candidates, as `keyframes` runs it
    withSamples.parts = *parts;
    auto cold = analyzeVideo(video, scenesOnly, open);
    if (!cold) return fail(cold.error());
    const qint64 frames = cold->info.frameCount;

    // Wall-clock seconds, and CPU seconds (user + system, all threads), which a machine loaded
    // by other work disturbs far less.
    std::vector<double> scenesSeconds, onePassSeconds, samplesSeconds, decodeSeconds, ffmpegSceneSeconds;
    int partsUsed = 1;
    std::vector<double> scenesCpu, decodeCpu, ffmpegSceneCpu;
    QString ffmpegError;
    const QStringList sceneFilter{QStringLiteral("-vf"), QStringLiteral("select='gt(scene,0.3)'")};
    for (qint64 r = 0; r < *runs; ++r) {
        const double cpu0 = cpuSeconds(RUSAGE_SELF);
        auto a = analyzeVideo(video, scenesOnly, open);
        if (!a) return fail(a.error());
        scenesCpu.push_back(cpuSeconds(RUSAGE_SELF) - cpu0);
        scenesSeconds.push_back(a->seconds);
        partsUsed = a->parts;
        auto one = analyzeVideo(video, onePass, open);
        if (!one) return fail(one.error());
        onePassSeconds.push_back(one->seconds);
        auto b = analyzeVideo(video, withSamples, open);
        if (!b) return fail(b.error());
        samplesSeconds.push_back(b->seconds);
        if (!ffmpeg.isEmpty()) {
            double child0 = cpuSeconds(RUSAGE_CHILDREN);
            const double d = timeFfmpeg(ffmpeg, video, &ffmpegError);
            if (d < 0) return fail(QStringLiteral("%1: ffmpeg failed: %2").arg(video, ffmpegError));
            decodeSeconds.push_back(d);
            decodeCpu.push_back(cpuSeconds(RUSAGE_CHILDREN) - child0);
            child0 = cpuSeconds(RUSAGE_CHILDREN);
            const double s = timeFfmpeg(ffmpeg, video, &ffmpegError, sceneFilter);
            if (s < 0) return fail(QStringLiteral("%1: ffmpeg failed: %2").arg(video, ffmpegError));
            ffmpegSceneSeconds.push_back(s);
            ffmpegSceneCpu.push_back(cpuSeconds(RUSAGE_CHILDREN) - child0);
        }
    }
    auto fps = [frames](const std::vector<double>& seconds) {
        return seconds.empty() ? 0.0 : double(frames) / median(seconds);
    };
    QJsonObject o;
    o[QStringLiteral("video")] = video;
    o[QStringLiteral("frames")] = frames;
    o[QStringLiteral("runs")] = *runs;
    o[QStringLiteral("cuts")] = qint64(cold->scenes.cuts.size());
    o[QStringLiteral("cold_first_run_fps")] = cold->framesPerSecond();
    o[QStringLiteral("scenes_fps")] = fps(scenesSeconds);
    o[QStringLiteral("parts")] = partsUsed;
    o[QStringLiteral("scenes_one_decoder_fps")] = fps(onePassSeconds);
    o[QStringLiteral("scenes_and_candidates_fps")] = fps(samplesSeconds);
    o[QStringLiteral("scenes_frames_per_cpu_s")] = fps(scenesCpu);
    if (!decodeSeconds.empty()) {
        o[QStringLiteral("ffmpeg_decode_fps")] = fps(decodeSeconds);
        o[QStringLiteral("ffmpeg_scene_select_fps")] = fps(ffmpegSceneSeconds);
        o[QStringLiteral("ratio_to_ffmpeg_decode")] = fps(scenesSeconds) / fps(decodeSeconds);
        o[QStringLiteral("ratio_to_ffmpeg_scene_select")] = fps(scenesSeconds) / fps(ffmpegSceneSeconds);
        o[QStringLiteral("ffmpeg_decode_frames_per_cpu_s")] = fps(decodeCpu);
        o[QStringLiteral("ffmpeg_scene_select_frames_per_cpu_s")] = fps(ffmpegSceneCpu);
    }
    if (args.isSet(QStringLiteral("json"))) {
        printJson(o);
        return Ok;
    }
    printLine(QStringLiteral("%1: %2 frames, %3 cuts").arg(video).arg(frames).arg(cold->scenes.cuts.size()));
    printLine(QStringLiteral("first run (builds the frame index in the same pass): %1 frames/s")
                  .arg(cold->framesPerSecond(), 0, 'f', 1));
    printLine(QStringLiteral("scene detection: %1 frames/s (median of %2 runs; %3 decoders reading parts at once)")
                  .arg(fps(scenesSeconds), 0, 'f', 1)
                  .arg(*runs)
                  .arg(partsUsed));
    printLine(QStringLiteral("scene detection with one decoder: %1 frames/s").arg(fps(onePassSeconds), 0, 'f', 1));
    printLine(QStringLiteral("scene detection + keyframe candidates: %1 frames/s").arg(fps(samplesSeconds), 0, 'f', 1));
    printLine(QStringLiteral("scene detection CPU: %1 frames per CPU second").arg(fps(scenesCpu), 0, 'f', 1));
    if (!decodeSeconds.empty()) {
        printLine(QStringLiteral("ffmpeg -threads 2 -f null (decode only): %1 frames/s (%2 per CPU second); ratio %3")
                      .arg(fps(decodeSeconds), 0, 'f', 1)
                      .arg(fps(decodeCpu), 0, 'f', 1)
                      .arg(fps(scenesSeconds) / fps(decodeSeconds), 0, 'f', 2));
        printLine(QStringLiteral(
                      "ffmpeg -threads 2 -vf select='gt(scene,0.3)' -f null: %1 frames/s (%2 per CPU second); ratio %3")
                      .arg(fps(ffmpegSceneSeconds), 0, 'f', 1)
                      .arg(fps(ffmpegSceneCpu), 0, 'f', 1)
                      .arg(fps(scenesSeconds) / fps(ffmpegSceneSeconds), 0, 'f', 2));
    }
    return Ok;
}

// fragmentlab-cli bench cache: building the fragment cache of a video (every frame shrunk to
// the model's input size, RGB), as Build Fragment Cache and training run it, against the
// previous pipeline (full-size BGR frames from one sequential read, shrunk by OpenCV in two
// steps and converted to RGB) and the ffmpeg CLI doing the same conversion, in one run.
int runBenchCache(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli bench cache VIDEO [--size PX] [--runs N] [--json] [--no-ffmpeg]"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    args.addFlag(QStringLiteral("no-ffmpeg"), QStringLiteral("skip the side-by-side ffmpeg measurement"));
    args.addValue(QStringLiteral("size"), QStringLiteral("PX"), QStringLiteral("cache frame size (default 64)"));
    args.addValue(QStringLiteral("runs"), QStringLiteral("N"), QStringLiteral("timed runs of each pass (default 3)"));
    if (auto exit = args.parse(argv, 1, 1)) return *exit;
    int exit = Ok;
    const auto runs = args.integer(QStringLiteral("runs"), 3, 1, 100, &exit);
    if (!runs) return exit;
    const auto px = args.integer(QStringLiteral("size"), 64, 8, 1024, &exit);
    if (!px) return exit;
    const QString video = QFileInfo(args.positional().at(0)).absoluteFilePath();
    const QString ffmpeg = args.isSet(QStringLiteral("no-ffmpeg"))
        ? QString()
        : QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    const FrameSize size{int(*px), int(*px)};

    QTemporaryDir work;
    if (!work.isValid()) return fail(QStringLiteral("cannot create a temporary folder"));
    VideoOpenOptions open;
    open.indexCacheDir = work.filePath(QStringLiteral("index"));
    // The index exists, as it does for every video of a project (added = indexed).
    auto indexed = VideoSource::open(video, open);
    if (!indexed) return fail(indexed.error());
    const qint64 frames = (*indexed)->info().frameCount;
    indexed->reset();

    std::vector<double> newSeconds, coldSeconds, oldSeconds, ffmpegSeconds;
    std::vector<double> newCpu, oldCpu, ffmpegCpu;
    QString ffmpegError;
    for (qint64 r = 0; r < *runs; ++r) {
        // The cache build as the program runs it: decoders reading parts at once, RGB at the
        // cache size straight from libswscale.
        const QString dir = work.filePath(QStringLiteral("cache%1").arg(r));
        double cpu0 = cpuSeconds(RUSAGE_SELF);
        QElapsedTimer t;
        t.start();
        auto cache = FragmentCache::ensure(video, dir, size, open);
        newSeconds.push_back(double(t.nsecsElapsed()) / 1e9);
        newCpu.push_back(cpuSeconds(RUSAGE_SELF) - cpu0);
        if (!cache) return fail(cache.error());
        if (cache->frameCount() != frames)
            return fail(QStringLiteral("%1: the cache holds %2 frames, the index counts %3")
                            .arg(video)
                            .arg(cache->frameCount())
                            .arg(frames));

        // A video never seen before: the indexing pass builds the cache (one decoder).
        VideoOpenOptions cold;
        cold.indexCacheDir = work.filePath(QStringLiteral("index-cold%1").arg(r));
        t.restart();
        auto first = FragmentCache::ensure(video, work.filePath(QStringLiteral("cold%1").arg(r)), size, cold);
        coldSeconds.push_back(double(t.nsecsElapsed()) / 1e9);
        if (!first) return fail(first.error());

        // The previous pipeline: one sequential read of full-size BGR frames, bilinear to 4x
        // the size, area average to the size, BGR to RGB, written to a file.
        cpu0 = cpuSeconds(RUSAGE_SELF);
        t.restart();
        {
            auto source = VideoSource::open(video, open);
            if (!source) return fail(source.error());
            QFile out(work.filePath(QStringLiteral("old%1.raw").arg(r)));
            if (!out.open(QIODevice::WriteOnly)) return fail(out.fileName() + QStringLiteral(": cannot write"));
            cv::Mat staging, small, rgb;
            const cv::Size target(size.width, size.height), staged(4 * size.width, 4 * size.height);
            const Status read = (*source)->readRange(0, frames, [&](qint64, const cv::Mat& bgr) {
                if (bgr.cols > staged.width && bgr.rows > staged.height) {
                    cv::resize(bgr, staging, staged, 0, 0, cv::INTER_LINEAR);
                    cv::resize(staging, small, target, 0, 0, cv::INTER_AREA);
                } else {
                    cv::resize(bgr, small, target, 0, 0, cv::INTER_AREA);
                }
                cv::cvtColor(small, rgb, cv::COLOR_BGR2RGB);
                return out.write(reinterpret_cast<const char*>(rgb.data), qint64(rgb.total() * 3)) > 0;
            });
            if (!read) return fail(read.error());
        }
        oldSeconds.push_back(double(t.nsecsElapsed()) / 1e9);
        oldCpu.push_back(cpuSeconds(RUSAGE_SELF) - cpu0);

        if (!ffmpeg.isEmpty()) {
            const double child0 = cpuSeconds(RUSAGE_CHILDREN);
            QProcess p;
            t.restart();
            p.start(ffmpeg,
                    {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                     QStringLiteral("-threads"), QStringLiteral("2"), QStringLiteral("-i"), video,
                     QStringLiteral("-vf"), QStringLiteral("scale=%1:%2:flags=area").arg(size.width).arg(size.height),
                     QStringLiteral("-pix_fmt"), QStringLiteral("rgb24"), QStringLiteral("-f"),
                     QStringLiteral("rawvideo"), QStringLiteral("-y"),
                     work.filePath(QStringLiteral("ffmpeg%1.raw").arg(r))});
            if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
                return fail(QStringLiteral("%1: ffmpeg failed: %2")
                                .arg(video, QString::fromLocal8Bit(p.readAllStandardError()).trimmed()));
            ffmpegSeconds.push_back(double(t.nsecsElapsed()) / 1e9);
            ffmpegCpu.push_back(cpuSeconds(RUSAGE_CHILDREN) - child0);
        }
    }
    auto fps = [frames](const std::vector<double>& seconds) {
        return seconds.empty() ? 0.0 : double(frames) / median(seconds);
    };
    QJsonObject o;
    o[QStringLiteral("video")] = video;
    o[QStringLiteral("frames")] = frames;
    o[QStringLiteral("size")] = size.width;
    o[QStringLiteral("runs")] = *runs;
    o[QStringLiteral("parts")] = defaultPartCount();
    o[QStringLiteral("cache_fps")] = fps(newSeconds);
    o[QStringLiteral("cache_frames_per_cpu_s")] = fps(newCpu);
    o[QStringLiteral("cache_cold_fps")] = fps(coldSeconds);
    o[QStringLiteral("previous_pipeline_fps")] = fps(oldSeconds);
    o[QStringLiteral("previous_pipeline_frames_per_cpu_s")] = fps(oldCpu);
    o[QStringLiteral("speedup_over_previous")] = fps(newSeconds) / fps(oldSeconds);
    if (!ffmpegSeconds.empty()) {
        o[QStringLiteral("ffmpeg_fps")] = fps(ffmpegSeconds);
        o[QStringLiteral("ffmpeg_frames_per_cpu_s")] = fps(ffmpegCpu);
        o[QStringLiteral("ratio_to_ffmpeg")] = fps(newSeconds) / fps(ffmpegSeconds);
    }
    if (args.isSet(QStringLiteral("json"))) {
        printJson(o);
        return Ok;
    }
    printLine(QStringLiteral("%1: %2 frames, cache at %3x%3").arg(video).arg(frames).arg(size.width));
    printLine(QStringLiteral("fragment cache (index cached, %1 decoders reading parts): %2 frames/s "
                             "(%3 per CPU second; median of %4 runs)")
                  .arg(defaultPartCount())
                  .arg(fps(newSeconds), 0, 'f', 1)
                  .arg(fps(newCpu), 0, 'f', 1)
                  .arg(*runs));
    printLine(QStringLiteral("fragment cache of a new video (built in the indexing pass): %1 frames/s")
                  .arg(fps(coldSeconds), 0, 'f', 1));
    printLine(QStringLiteral("previous pipeline (full-size BGR, OpenCV shrink, one decoder): %1 frames/s "
                             "(%2 per CPU second); speed-up %3")
                  .arg(fps(oldSeconds), 0, 'f', 1)
                  .arg(fps(oldCpu), 0, 'f', 1)
                  .arg(fps(newSeconds) / fps(oldSeconds), 0, 'f', 2));
    if (!ffmpegSeconds.empty())
        printLine(QStringLiteral("ffmpeg -threads 2 -vf scale=%1:%1:flags=area -pix_fmt rgb24 -f rawvideo: %2 frames/s "
                                 "(%3 per CPU second); ratio %4")
                      .arg(size.width)
                      .arg(fps(ffmpegSeconds), 0, 'f', 1)
                      .arg(fps(ffmpegCpu), 0, 'f', 1)
                      .arg(fps(newSeconds) / fps(ffmpegSeconds), 0, 'f', 2));
    return Ok;
}

} // namespace fl::cli
