// fragmentlab-cli bench long: a generated long 720p video through the whole headless loop in
// one project (index, fragment enumeration, frame cache, a tiny training, prediction of every
// fragment), with the wall time and peak memory of each phase. Shows whether memory grows
// with the length of the video (run it at two lengths and compare; docs/PERFORMANCE.md).
//
// Peak memory per phase: the kernel's peak RSS (VmHWM) is reset before each phase by
// writing "5" to /proc/self/clear_refs, so each phase's peak is its own. The fragment cache
// is memory-mapped, so VmHWM counts the cache pages a phase touched (file-backed, reclaimable
// page cache); the peak anonymous RSS (RssAnon, sampled every 20 ms) is the memory the
// process really holds, and is the number that must not grow with the video.
#include "CliArgs.h"
#include "CliOutput.h"
#include "Commands.h"

#include "fragments/FragmentCache.h"
#include "jobs/PredictionJob.h"
#include "jobs/TrainingJob.h"
#include "project/Project.h"
#include "project/VideoProbe.h"
#include "training/PredictionStore.h"
#include "video/VideoSource.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace fl::cli {

namespace {

// A "VmHWM:" style line of /proc/self/status, in KiB (-1 when unreadable).
qint64 statusKiB(const char* key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    const QByteArray want(key);
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (!line.startsWith(want)) continue;
        return line.mid(want.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Resets the kernel's peak RSS of this process (Linux >= 4.0); false when not allowed.
bool resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1 && f.flush();
}

// Samples RssAnon every 20 ms on a thread and keeps the largest value since the last reset.
class AnonPeakSampler {
public:
    AnonPeakSampler() : m_thread([this] { loop(); }) {}
    ~AnonPeakSampler()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    void reset() { m_peak = statusKiB("RssAnon:"); }
    qint64 peak() const { return std::max<qint64>(m_peak, statusKiB("RssAnon:")); }

private:
    void loop()
    {
        std::unique_lock lock(m_mutex);
        while (!m_wake.wait_for(lock, std::chrono::milliseconds(20), [this] { return m_stop; })) {
            const qint64 now = statusKiB("RssAnon:");
            qint64 seen = m_peak;
            while (now > seen && !m_peak.compare_exchange_weak(seen, now)) {}
        }
    }
    std::atomic<qint64> m_peak{0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

struct PhaseRecord {
    QString name;
    double seconds = 0;
    qint64 peakRssKiB = -1;  // VmHWM during the phase
    qint64 peakAnonKiB = -1; // sampled RssAnon
    QString detail;
};

class PhaseClock {
public:
    explicit PhaseClock(AnonPeakSampler& sampler) : m_sampler(sampler) {}
    void start()
    {
        m_resetWorked = resetPeakRss();
        m_sampler.reset();
        m_timer.start();
    }
    PhaseRecord stop(const QString& name, const QString& detail = {})
    {
        PhaseRecord r;
        r.name = name;
        r.seconds = double(m_timer.nsecsElapsed()) / 1e9;
        r.peakRssKiB = statusKiB("VmHWM:");
        r.peakAnonKiB = m_sampler.peak();
        r.detail = detail;
        return r;
    }
    bool resetWorked() const { return m_resetWorked; }

private:
    AnonPeakSampler& m_sampler;
    QElapsedTimer m_timer;
    bool m_resetWorked = false;
};

Status generateVideo(const QString& file, int seconds, int fps, int width, int height)
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        return Status::failure(QStringLiteral("ffmpeg: not found on PATH (needed to generate the long video)"));
    const QString partial = file + QStringLiteral(".partial.mp4");
    QProcess p;
    p.start(ffmpeg,
            {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
             QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
             QStringLiteral("testsrc2=size=%1x%2:rate=%3:duration=%4").arg(width).arg(height).arg(fps).arg(seconds),
             QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("ultrafast"),
             QStringLiteral("-g"), QString::number(fps * 10), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
             partial});
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return Status::failure(QStringLiteral("%1: ffmpeg failed: %2")
                                   .arg(file, QString::fromLocal8Bit(p.readAllStandardError()).trimmed()));
    QFile::remove(file);
    if (!QFile::rename(partial, file))
        return Status::failure(QStringLiteral("%1: cannot rename the generated video").arg(file));
    return Status::success();
}

QString mib(qint64 kib)
{
    return kib < 0 ? QStringLiteral("n/a") : QString::number(double(kib) / 1024.0, 'f', 1);
}

qint64 fileBytes(const QString& file)
{
    return QFileInfo(file).size();
}

} // namespace

int runBenchLong(const QStringList& argv)
{
    ArgParser args(QStringLiteral("fragmentlab-cli bench long [--minutes M] [--fps F] [--size WxH] [--input-size PX] "
                                  "[--work DIR] [--no-predict] [--json]"));
    args.addValue(QStringLiteral("minutes"), QStringLiteral("M"),
                  QStringLiteral("video length in minutes (default 60)"));
    args.addValue(QStringLiteral("fps"), QStringLiteral("F"),
                  QStringLiteral("frames per second of the generated video (default 25)"));
    args.addValue(QStringLiteral("size"), QStringLiteral("WxH"), QStringLiteral("frame size (default 1280x720)"));
    args.addValue(QStringLiteral("input-size"), QStringLiteral("PX"),
                  QStringLiteral("model input and frame cache size (default 32)"));
    args.addValue(
        QStringLiteral("work"), QStringLiteral("DIR"),
        QStringLiteral(
            "keep the video and project here (a video already there of the same name is reused); default: a temporary folder"));
    args.addFlag(QStringLiteral("no-predict"),
                 QStringLiteral("stop after the frame cache (no training, no prediction)"));
    args.addFlag(QStringLiteral("json"), QStringLiteral("machine-readable output"));
    if (auto exit = args.parse(argv, 0, 0)) return *exit;
    int exit = Ok;
    const auto minutes = args.integer(QStringLiteral("minutes"), 60, 1, 600, &exit);
    if (!minutes) return exit;
    const auto fps = args.integer(QStringLiteral("fps"), 25, 1, 120, &exit);
    if (!fps) return exit;
    const auto inputSize = args.integer(QStringLiteral("input-size"), 32, 16, 256, &exit);
    if (!inputSize) return exit;
    int width = 1280, height = 720;
    if (args.isSet(QStringLiteral("size"))) {
        const QStringList wh = args.value(QStringLiteral("size")).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        if (wh.size() == 2) {
            width = wh[0].toInt(&okW);
            height = wh[1].toInt(&okH);
        }
        if (!okW || !okH || width < 16 || height < 16 || width % 2 || height % 2)
            return usageError(QStringLiteral("--size: expected WxH with even sizes of at least 16, e.g. 1280x720"),
                              args.usage);
    }

    QTemporaryDir tmp;
    QString work = args.value(QStringLiteral("work"));
    if (work.isEmpty()) {
        if (!tmp.isValid()) return fail(QStringLiteral("cannot create a temporary folder"));
        work = tmp.path();
    }
    if (!QDir().mkpath(work)) return fail(QStringLiteral("%1: cannot create the folder").arg(work));
    const QString video = QDir(work).filePath(
        QStringLiteral("long-%1min-%2fps-%3x%4.mp4").arg(*minutes).arg(*fps).arg(width).arg(height));
    const QString projectDir = QDir(work).filePath(QStringLiteral("long-%1min-project").arg(*minutes));
    QDir(projectDir).removeRecursively();

    AnonPeakSampler sampler;
    PhaseClock clock(sampler);
    std::vector<PhaseRecord> phases;
    const auto progressLine = [](const QString& what) {
        std::fprintf(stderr, "bench long: %s\n", qUtf8Printable(what));
        std::fflush(stderr);
    };

    // ---- the video (not a measured phase of FragmentLab)
    double generateSeconds = 0;
    if (!QFileInfo::exists(video)) {
        progressLine(QStringLiteral("generating %1 (%2 min, %3 fps, %4x%5)")
                         .arg(video)
                         .arg(*minutes)
                         .arg(*fps)
                         .arg(width)
                         .arg(height));
        QElapsedTimer t;
        t.start();
        if (Status s = generateVideo(video, int(*minutes * 60), int(*fps), width, height); !s) return fail(s.error());
        generateSeconds = double(t.nsecsElapsed()) / 1e9;
    }
    const qint64 baselineAnon = statusKiB("RssAnon:");

    // ---- index: create the project, index the video (full sequential pass), add it
    progressLine(QStringLiteral("index"));
    clock.start();
    FragmentSpec spec;
    auto project = Project::create(projectDir, spec, {QStringLiteral("a"), QStringLiteral("b")});
    if (!project) return fail(project.error());
    VideoOpenOptions options;
    options.indexCacheDir = project->indexCacheDir();
    qint64 frames = 0;
    {
        auto probed = probeNewVideo(video, project->indexCacheDir());
        if (!probed) return fail(probed.error());
        frames = probed->frameCount;
        auto added = project->addVideo(probed->path, frames, probed->fps, probed->fingerprint);
        if (!added) return fail(added.error());
    }
    if (Status s = project->save(); !s) return fail(s.error());
    qint64 indexBytes = 0;
    for (const QFileInfo& f : QDir(project->indexCacheDir()).entryInfoList(QDir::Files)) indexBytes += f.size();
    phases.push_back(clock.stop(QStringLiteral("index"),
                                QStringLiteral("%1 frames; index cache %2 KiB").arg(frames).arg(indexBytes / 1024)));

    // ---- enumerate every fragment (what the timeline and the jobs iterate over)
    progressLine(QStringLiteral("enumerate fragments"));
    clock.start();
    const qint64 fragments = spec.count(frames);
    qint64 covered = 0;
    for (qint64 f = 0; f < fragments; ++f) covered += qint64(spec.frames(f).size());
    phases.push_back(clock.stop(QStringLiteral("enumerate"),
                                QStringLiteral("%1 fragments (%2 frame references)").arg(fragments).arg(covered)));

    // ---- the frame cache at the model's input size (second sequential decode)
    progressLine(QStringLiteral("fragment cache"));
    clock.start();
    const FrameSize cacheSize{int(*inputSize), int(*inputSize)};
    qint64 cacheBytes = 0;
    {
        auto cache = FragmentCache::ensure(video, project->cacheDir(), cacheSize, options);
        if (!cache) return fail(cache.error());
        cacheBytes = fileBytes(cache->file());
    }
    phases.push_back(
        clock.stop(QStringLiteral("cache"),
                   QStringLiteral("%1 MiB on disk").arg(double(cacheBytes) / (1024.0 * 1024.0), 0, 'f', 1)));

    QString predictionsFile;
    if (!args.isSet(QStringLiteral("no-predict"))) {
        // ---- a tiny model on a few labels (the first 2 minutes: 10 s blocks alternating a/b)
        progressLine(QStringLiteral("train"));
        clock.start();
        const qint64 block = qint64(*fps) * 10;
        const qint64 labeledEnd = std::min<qint64>(frames, qint64(*fps) * 120);
        for (qint64 start = 0, k = 0; start + block <= labeledEnd; start += block, ++k)
            if (Status s = project->setLabel(0, start, start + block,
                                             k % 2 ? QStringLiteral("b") : QStringLiteral("a"));
                !s)
                return fail(s.error());
        if (Status s = project->save(); !s) return fail(s.error());
        TrainingRequest request;
        request.options.model.inputSize = int(*inputSize);
        request.options.model.featureSize = 32;
        request.options.epochs = 1;
        request.options.batchSize = 32;
        request.options.seed = 7;
        request.options.device = ml::DeviceChoice::Cpu;
        TrainingJob training(*project, request);
        if (Status s = training.runHere(); !s) return fail(s.error());
        if (Status s = project->setActiveModel(QFileInfo(training.modelFile()).fileName()); !s) return fail(s.error());
        if (Status s = project->save(); !s) return fail(s.error());
        phases.push_back(
            clock.stop(QStringLiteral("train"),
                       QStringLiteral("1 epoch on %1 labeled fragments").arg(training.report().trainFragments)));

        // ---- predict every fragment (reads the cache; saves predictions/<model>/<video>.flpred)
        progressLine(QStringLiteral("predict"));
        clock.start();
        PredictionRequest predict;
        predict.device = ml::DeviceChoice::Cpu;
        predict.batchSize = 64;
        PredictionJob prediction(*project, predict);
        if (Status s = prediction.runHere(); !s) return fail(s.error());
        predictionsFile = prediction.savedFiles().value(0);
        phases.push_back(clock.stop(QStringLiteral("predict"),
                                    QStringLiteral("%1 fragments; %2 KiB of predictions (with features)")
                                        .arg(fragments)
                                        .arg(fileBytes(predictionsFile) / 1024)));
    }

    const bool perPhase = clock.resetWorked();
    if (args.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const PhaseRecord& p : phases)
            list.append(QJsonObject{{QStringLiteral("phase"), p.name},
                                    {QStringLiteral("seconds"), p.seconds},
                                    {QStringLiteral("peak_rss_kib"), p.peakRssKiB},
                                    {QStringLiteral("peak_anon_kib"), p.peakAnonKiB},
                                    {QStringLiteral("detail"), p.detail}});
        printJson(QJsonObject{{QStringLiteral("video"), video},
                              {QStringLiteral("minutes"), *minutes},
                              {QStringLiteral("fps"), *fps},
                              {QStringLiteral("width"), width},
                              {QStringLiteral("height"), height},
                              {QStringLiteral("frames"), frames},
                              {QStringLiteral("fragments"), fragments},
                              {QStringLiteral("input_size"), *inputSize},
                              {QStringLiteral("generate_seconds"), generateSeconds},
                              {QStringLiteral("baseline_anon_kib"), baselineAnon},
                              {QStringLiteral("index_bytes"), indexBytes},
                              {QStringLiteral("cache_bytes"), cacheBytes},
                              {QStringLiteral("predictions_bytes"),
                               predictionsFile.isEmpty() ? 0 : fileBytes(predictionsFile)},
                              {QStringLiteral("peak_rss_per_phase"), perPhase},
                              {QStringLiteral("phases"), list}});
        return Ok;
    }
    printLine(QStringLiteral("video: %1 (%2 frames, %3x%4, %5 fps; generated in %6 s)")
                  .arg(video)
                  .arg(frames)
                  .arg(width)
                  .arg(height)
                  .arg(*fps)
                  .arg(generateSeconds, 0, 'f', 1));
    printLine(QStringLiteral("fragments: %1 (%2); cache %3x%3; anonymous RSS before the phases: %4 MiB")
                  .arg(fragments)
                  .arg(spec.toString())
                  .arg(*inputSize)
                  .arg(mib(baselineAnon)));
    if (!perPhase)
        printLine(QStringLiteral("note: /proc/self/clear_refs is not writable here, so peak RSS is cumulative"));
    printLine(QStringLiteral("phase       seconds  peak RSS MiB  peak anon MiB  detail"));
    for (const PhaseRecord& p : phases)
        printLine(QStringLiteral("%1 %2 %3 %4  %5")
                      .arg(p.name, -10)
                      .arg(p.seconds, 8, 'f', 1)
                      .arg(mib(p.peakRssKiB), 13)
                      .arg(mib(p.peakAnonKiB), 14)
                      .arg(p.detail));
    return Ok;
}

} // namespace fl::cli
