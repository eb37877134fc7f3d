// Clips (core/clips): frame-exact clips by stream copy or re-encode, ranges from CSV, scenes and
// bouts, progress, cancel and atomic files. Videos are made here (numbered frames, H.264 with
// B-frames and a 12-frame GOP), so no shared media is needed.
#include "CliRun.h"
#include "TestMedia.h"

#include "clips/ClipExport.h"
#include "clips/ClipRanges.h"
#include "project/Project.h"
#include "training/PredictionStore.h"
#include "video/VideoSource.h"

#include <opencv2/core.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace fl;
using namespace fl::test;

namespace {

VideoOpenOptions scratchOpen(const QString& dir)
{
    VideoOpenOptions o;
    o.indexCacheDir = QDir(dir).filePath(QStringLiteral("index"));
    return o;
}

// Every frame of a clip, decoded by VideoSource (no cached index).
std::vector<cv::Mat> clipFrames(const QString& file)
{
    VideoOpenOptions o;
    o.useIndexCache = false;
    std::vector<cv::Mat> frames;
    auto source = VideoSource::open(file, o, {}, [&](qint64, const cv::Mat& bgr) {
        frames.push_back(bgr.clone());
        return true;
    });
    if (!source) qWarning("%s", qPrintable(source.error()));
    return frames;
}

// The source's video packets in decode order as "size md5" lines (ffmpeg's framemd5 of a copy).
QStringList packetHashes(const QString& file)
{
    auto out = runTool(ffmpegPath(),
                       {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"),
                        file, QStringLiteral("-map"), QStringLiteral("0:v:0"), QStringLiteral("-c"),
                        QStringLiteral("copy"), QStringLiteral("-f"), QStringLiteral("framemd5"), QStringLiteral("-")});
    if (!out) return {};
    QStringList hashes;
    for (const QString& line : QString::fromUtf8(*out).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char('#')) || line.trimmed().isEmpty()) continue;
        const QStringList f = line.split(QLatin1Char(','));
        if (f.size() >= 6) hashes << f.at(4).trimmed() + QLatin1Char(' ') + f.at(5).trimmed();
    }
    return hashes;
}

QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class ClipsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_video;
    std::vector<qint64> m_keys;
    qint64 m_frames = 0;

    QString outDir(const QString& name) const { return m_tmp.filePath(name); }

    ClipOptions options(ClipMode mode) const
    {
        ClipOptions o;
        o.mode = mode;
        o.open = scratchOpen(m_tmp.path());
        return o;
    }

    // Every frame of the clip shows the number of the source frame it must be, in order, and
    // the first and last match the source's pixels within `minPsnr` (infinity: exactly).
    void checkClip(const QString& file, qint64 first, qint64 last, double minPsnr)
    {
        const std::vector<cv::Mat> frames = clipFrames(file);
        QCOMPARE(qint64(frames.size()), last - first);
        for (size_t j = 0; j < frames.size(); ++j) QCOMPARE(decodeFrameNumber(frames[j]), int(first + qint64(j)));
        auto source = VideoSource::open(m_video, scratchOpen(m_tmp.path()));
        QVERIFY2(source, qPrintable(source.error()));
        for (qint64 i : {first, last - 1}) {
            auto expected = (*source)->frame(i);
            QVERIFY(expected);
            const double p = psnr(*expected, frames[size_t(i - first)]);
            QVERIFY2(p >= minPsnr, qPrintable(QStringLiteral("frame %1: PSNR %2 dB").arg(i).arg(p)));
        }
    }

private slots:
    void initTestCase()
    {
        if (!ffmpegAvailable() || !encoderAvailable(QStringLiteral("libx264"))) QSKIP("needs ffmpeg with libx264");
        QVERIFY(m_tmp.isValid());
        NumberedVideoOptions o;
        o.frames = 75;
        auto made = makeNumberedVideo(m_tmp.path(), o);
        QVERIFY2(made, qPrintable(made.error()));
        m_video = *made;
        auto source = VideoSource::open(m_video, scratchOpen(m_tmp.path()));
        QVERIFY2(source, qPrintable(source.error()));
        m_frames = (*source)->index().frameCount();
        m_keys = (*source)->index().keyframes();
        QCOMPARE(m_frames, qint64(75));
        QVERIFY2(m_keys.size() >= 4, "the test video needs a few GOPs");
    }

    void copiesWholeGopsBitExactly()
    {
        const qint64 first = m_keys[1], last = m_keys[3];
        const QString dir = outDir(QStringLiteral("copy"));
        auto report = exportClips(m_video, {{first, last, QStringLiteral("gop")}}, dir, options(ClipMode::Auto));
        QVERIFY2(report, qPrintable(report.error()));
        QVERIFY2(report->ok(), qPrintable(report->failures.join(QLatin1Char('\n'))));
        QCOMPARE(report->clips.size(), size_t(1));
        const ExportedClip& clip = report->clips.front();
        QVERIFY(clip.copied);
        QCOMPARE(QFileInfo(clip.file).fileName(), QStringLiteral("gop.mp4"));
        QCOMPARE(filesIn(dir), QStringList{QStringLiteral("gop.mp4")}); // no .part left
        checkClip(clip.file, first, last, 1e9);                         // identical pixels
        // The clip's packets are a run of the source's packets, byte for byte.
        const QStringList source = packetHashes(m_video);
        const QStringList copied = packetHashes(clip.file);
        QCOMPARE(qint64(copied.size()), last - first);
        const qsizetype at = source.indexOf(copied.front());
        QVERIFY(at >= 0);
        QCOMPARE(source.mid(at, copied.size()), copied);
    }

    void reencodesFromAFrameBetweenKeyframes()
    {
        const qint64 first = m_keys[1] + 1, last = m_keys[2] + 3;
        auto report = exportClips(m_video, {{first, last, QStringLiteral("mid")}}, outDir(QStringLiteral("re")),
                                  options(ClipMode::Auto));
        QVERIFY2(report && report->ok(),
                 qPrintable(report ? report->failures.join(QLatin1Char('\n')) : report.error()));
        QVERIFY(!report->clips.front().copied);
        checkClip(report->clips.front().file, first, last, 40.0);
    }

    void reencodeModeReencodesKeyframeRanges()
    {
        const qint64 first = m_keys[0], last = m_keys[1];
        auto report = exportClips(m_video, {{first, last, QStringLiteral("forced")}}, outDir(QStringLiteral("forced")),
                                  options(ClipMode::Reencode));
        QVERIFY2(report && report->ok(),
                 qPrintable(report ? report->failures.join(QLatin1Char('\n')) : report.error()));
        QVERIFY(!report->clips.front().copied);
        checkClip(report->clips.front().file, first, last, 40.0);
    }

    void fallbackEncoderIsFrameExactToo()
    {
        // Where FFmpeg has no libx264 the clips are MPEG-4 part 2 at qscale 2.
        ClipOptions o = options(ClipMode::Reencode);
        o.encoder = QStringLiteral("mpeg4");
        const qint64 first = 3, last = m_keys[1] + 2;
        auto report = exportClips(m_video, {{first, last, QStringLiteral("mpeg4")}}, outDir(QStringLiteral("mpeg4")),
                                  o);
        QVERIFY2(report && report->ok(),
                 qPrintable(report ? report->failures.join(QLatin1Char('\n')) : report.error()));
        checkClip(report->clips.front().file, first, last, 40.0);
        o.encoder = QStringLiteral("no-such-encoder");
        report = exportClips(m_video, {{first, last, QStringLiteral("none")}}, outDir(QStringLiteral("none")), o);
        QVERIFY(report);
        QCOMPARE(report->failures.size(), 1);
        QVERIFY2(report->failures.front().contains(QStringLiteral("no-such-encoder")),
                 qPrintable(report->failures.front()));
        QVERIFY(filesIn(outDir(QStringLiteral("none"))).isEmpty());
    }

    void autoEndingInsideAGopIsExact()
    {
        // With B-frames a cut inside a GOP may need a frame after the end: Auto then re-encodes;
        // either way the clip holds exactly the frames asked for.
        const qint64 first = m_keys[2], last = m_keys[2] + 5;
        auto report = exportClips(m_video, {{first, last, QStringLiteral("short")}}, outDir(QStringLiteral("short")),
                                  options(ClipMode::Auto));
        QVERIFY2(report && report->ok(),
                 qPrintable(report ? report->failures.join(QLatin1Char('\n')) : report.error()));
        checkClip(report->clips.front().file, first, last, report->clips.front().copied ? 1e9 : 40.0);
    }

    void copyModeRefusesAClipNotStartingOnAKeyframe()
    {
        const QString dir = outDir(QStringLiteral("refused"));
        const qint64 first = m_keys[1] + 2;
        auto report = exportClips(m_video,
                                  {{first, m_keys[2], QStringLiteral("bad")},
                                   {m_keys[1], m_keys[2], QStringLiteral("ok")}},
                                  dir, options(ClipMode::Copy));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->failures.size(), 1);
        const QString line = report->failures.front();
        QVERIFY2(line.contains(QStringLiteral("bad.mp4")) && line.contains(QStringLiteral("not a keyframe"))
                     && !line.contains(QLatin1Char('\n')),
                 qPrintable(line));
        QCOMPARE(report->clips.size(), size_t(1));
        QVERIFY(report->clips.front().copied);
        QCOMPARE(filesIn(dir), QStringList{QStringLiteral("ok.mp4")});
        auto source = VideoSource::open(m_video, scratchOpen(m_tmp.path()));
        QVERIFY(source);
        auto problem = clipCopyProblem(m_video, (*source)->index(), first, m_keys[2]);
        QVERIFY(problem && problem->contains(QStringLiteral("not a keyframe")));
        problem = clipCopyProblem(m_video, (*source)->index(), m_keys[1], m_keys[2]);
        QVERIFY(problem && problem->isEmpty());
    }

    void cancelLeavesNoFile()
    {
        const QString dir = outDir(QStringLiteral("cancel"));
        std::atomic<bool> cancel{false};
        WorkControl control;
        control.cancel = &cancel;
        control.progress = [&](std::int64_t done, std::int64_t, const QString&) {
            if (done >= 8) cancel = true;
        };
        auto report = exportClips(m_video, {{1, m_frames - 1, QStringLiteral("long")}}, dir,
                                  options(ClipMode::Reencode), control);
        QVERIFY(!report);
        QVERIFY2(report.error().contains(QStringLiteral("cancelled")), qPrintable(report.error()));
        QVERIFY2(filesIn(dir).isEmpty(), qPrintable(filesIn(dir).join(QLatin1Char(' '))));
    }

    void progressCountsEveryFrame()
    {
        std::int64_t lastDone = -1, lastTotal = -1;
        WorkControl control;
        control.progress = [&](std::int64_t done, std::int64_t total, const QString&) {
            QVERIFY(done >= lastDone);
            lastDone = done;
            lastTotal = total;
        };
        const std::vector<ClipRange> ranges = {{m_keys[0], m_keys[1], {}}, {3, 9, {}}};
        auto report = exportClips(m_video, ranges, outDir(QStringLiteral("progress")), options(ClipMode::Auto),
                                  control);
        QVERIFY2(report && report->ok(),
                 qPrintable(report ? report->failures.join(QLatin1Char('\n')) : report.error()));
        QCOMPARE(lastTotal, std::int64_t(m_keys[1] - m_keys[0] + 6));
        QCOMPARE(lastDone, lastTotal);
        // Unnamed ranges: VIDEONAME-Clip-NNN.
        QCOMPARE(QFileInfo(report->clips[1].file).fileName(), QStringLiteral("video-Clip-002.mp4"));
    }

    void badRangesFailBeforeWriting()
    {
        const QString dir = outDir(QStringLiteral("bad"));
        auto report = exportClips(m_video, {{0, 10, QStringLiteral("a")}, {70, 90, QStringLiteral("b")}}, dir,
                                  options(ClipMode::Auto));
        QVERIFY(!report);
        QVERIFY2(report.error().contains(QStringLiteral("[70, 90)")) && report.error().contains(QStringLiteral("75")),
                 qPrintable(report.error()));
        QVERIFY(filesIn(dir).isEmpty());
        report = exportClips(m_video, {{5, 5, {}}}, dir, options(ClipMode::Auto));
        QVERIFY(!report);
        report = exportClips(m_tmp.filePath(QStringLiteral("missing.mp4")), {{0, 1, {}}}, dir, options(ClipMode::Auto));
        QVERIFY(!report);
        QVERIFY(report.error().contains(QStringLiteral("missing.mp4")));
    }

    void csvRanges()
    {
        const QString file = QStringLiteral("r.csv");
        auto r = parseClipRangesCsv("first,last,name\n0,10\n\n20,30,intro/part\n40,41\n", file,
                                    QStringLiteral("v-Clip"));
        QVERIFY2(r, qPrintable(r.error()));
        QCOMPARE(r->size(), size_t(3));
        QCOMPARE(r->at(0), (ClipRange{0, 10, QStringLiteral("v-Clip-001")}));
        QCOMPARE(r->at(1), (ClipRange{20, 30, QStringLiteral("intro_part")}));
        QCOMPARE(r->at(2), (ClipRange{40, 41, QStringLiteral("v-Clip-003")}));
        QVERIFY(parseClipRangesCsv("5,9\r\n", file));

        const struct {
            QByteArray text;
            QString says;
        } bad[] = {
            {"0,10\n12,x\n", QStringLiteral("r.csv:2: \"x\" is not a frame number")},
            {"10,5\n", QStringLiteral("r.csv:1: last (5) must be after first (10)")},
            {"3,3\n", QStringLiteral("r.csv:1: last (3)")},
            {"-1,5\n", QStringLiteral("r.csv:1: frame numbers start at 0")},
            {"0,1,a\n2,3,a\n", QStringLiteral("r.csv:2: the name \"a\" is used twice")},
            {"0\n1\n", QStringLiteral("r.csv:1: expected first,last")},
            {"0,1,a,b\n", QStringLiteral("r.csv:1: 4 fields")},
            {"first,last\n", QStringLiteral("r.csv: no ranges")},
            {"", QStringLiteral("r.csv: no ranges")},
            {"0,\"1\n", QStringLiteral("r.csv:1:")},
        };
        for (const auto& b : bad) {
            auto e = parseClipRangesCsv(b.text, file);
            QVERIFY2(!e, b.text.constData());
            QVERIFY2(e.error().startsWith(b.says), qPrintable(e.error()));
            QVERIFY(!e.error().contains(QLatin1Char('\n')));
        }
    }

    void sceneAndBoutNames()
    {
        const std::vector<FrameSegment> scenes = {{0, 30, {}}, {30, 75, {}}};
        const auto clips = sceneClips(scenes, QStringLiteral("my video.mp4"));
        QCOMPARE(clips.size(), size_t(2));
        QCOMPARE(clips[0], (ClipRange{0, 30, QStringLiteral("my video-Scene-001")}));
        QCOMPARE(clips[1].name, QStringLiteral("my video-Scene-002"));
        std::vector<FrameSegment> many(1000, FrameSegment{0, 1, {}});
        QCOMPARE(numberedClips(many, QStringLiteral("x")).back().name, QStringLiteral("x-1000"));
        QCOMPARE(numberedClips(many, QStringLiteral("x")).front().name, QStringLiteral("x-0001"));
        QCOMPARE(clipFileBaseName(QStringLiteral("../a:b")), QStringLiteral("_a_b"));
        QCOMPARE(clipFileBaseName(QStringLiteral("  ")), QStringLiteral("clip"));

        // Bouts: runs of the decided class, after the minimum bout.
        VideoPredictions p = VideoPredictions::empty(QStringLiteral("v.mp4"), QStringLiteral("m"),
                                                     {QStringLiteral("rest"), QStringLiteral("walk")},
                                                     FragmentSpec{4, 4, 1}, 40);
        const int walk[] = {0, 1, 1, 0, 1, 0, 0, 1, 1, 1};
        for (qint64 j = 0; j < p.fragmentCount(); ++j)
            QVERIFY(p.setRow(j, walk[j] ? std::vector<float>{0.2f, 0.8f} : std::vector<float>{0.9f, 0.1f}));
        QCOMPARE(boutSegments(p, {}, 1),
                 (std::vector<FrameSegment>{{4, 12, QStringLiteral("walk")},
                                            {16, 20, QStringLiteral("walk")},
                                            {28, 40, QStringLiteral("walk")}}));
        SmoothingOptions smooth;
        smooth.minBout = 2;
        QCOMPARE(boutSegments(p, smooth, 1).size(), size_t(2)); // the one-fragment bout folds into rest
        const auto bouts = boutClips(p, {}, 1, QStringLiteral("v.mp4"));
        QCOMPARE(bouts.front().name, QStringLiteral("v-walk-001"));
        QVERIFY(boutClips(p, {}, 7, QStringLiteral("v.mp4")).empty());
    }

    void noBFramesCopiesAnyEnd()
    {
        // Without B-frames decode order is presentation order: a clip from a keyframe copies
        // whatever its end.
        NumberedVideoOptions o;
        o.baseName = QStringLiteral("ipp");
        o.frames = 40;
        o.codecArgs = {QStringLiteral("-c:v"),     QStringLiteral("libx264"), QStringLiteral("-preset"),
                       QStringLiteral("veryfast"), QStringLiteral("-bf"),     QStringLiteral("0"),
                       QStringLiteral("-g"),       QStringLiteral("10"),      QStringLiteral("-pix_fmt"),
                       QStringLiteral("yuv420p")};
        auto made = makeNumberedVideo(m_tmp.path(), o);
        QVERIFY2(made, qPrintable(made.error()));
        auto source = VideoSource::open(*made, scratchOpen(m_tmp.path()));
        QVERIFY(source);
        const qint64 key = (*source)->index().keyframes().at(1);
        auto report = exportClips(*made, {{key, key + 3, QStringLiteral("ipp3")}}, outDir(QStringLiteral("ipp")),
                                  options(ClipMode::Copy));
        QVERIFY2(report && report->ok(),
                 qPrintable(report ? report->failures.join(QLatin1Char('\n')) : report.error()));
        QVERIFY(report->clips.front().copied);
        const std::vector<cv::Mat> frames = clipFrames(report->clips.front().file);
        QCOMPARE(qint64(frames.size()), qint64(3));
        QCOMPARE(decodeFrameNumber(frames.front()), int(key));
        QCOMPARE(decodeFrameNumber(frames.back()), int(key + 2));
    }
    void cli()
    {
        const CliRunner runner(m_tmp.filePath(QStringLiteral("home")));
        const QString csv = m_tmp.filePath(QStringLiteral("ranges.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("first,last,name\n%1,%2,whole\n%3,%4\n")
                    .arg(m_keys[1])
                    .arg(m_keys[2])
                    .arg(m_keys[1] + 1)
                    .arg(m_keys[1] + 4)
                    .toUtf8());
        f.close();
        const QString dir = outDir(QStringLiteral("cli"));
        CliRun r = runner.run(
            {QStringLiteral("clips"), m_video, QStringLiteral("-o"), dir, QStringLiteral("--ranges"), csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(QString::fromUtf8(r.out).count(QLatin1Char('\n')), 2);
        QVERIFY(
            QString::fromUtf8(r.out).contains(QStringLiteral("whole.mp4\t%1\t%2\tcopy").arg(m_keys[1]).arg(m_keys[2])));
        QVERIFY(QFileInfo::exists(QDir(dir).filePath(QStringLiteral("video-Clip-002.mp4"))));
        QCOMPARE(qint64(clipFrames(QDir(dir).filePath(QStringLiteral("video-Clip-002.mp4"))).size()), qint64(3));

        // --copy: the clip off a keyframe fails with one line naming it; exit 1.
        r = runner.run({QStringLiteral("clips"), m_video, QStringLiteral("-o"), outDir(QStringLiteral("cli-copy")),
                        QStringLiteral("--ranges"), csv, QStringLiteral("--copy")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.errLines().size(), 2);
        QVERIFY2(r.errLines().at(0).contains(QStringLiteral("video-Clip-002.mp4: frame")), qPrintable(r.describe()));
        QVERIFY(r.errLines().at(1).contains(QStringLiteral("1 of 2 clips failed")));

        // Scenes (the default): clips named VIDEONAME-Scene-NNN that cover the video.
        const QString scenes = outDir(QStringLiteral("cli-scenes"));
        r = runner.run({QStringLiteral("clips"), m_video, QStringLiteral("-o"), scenes});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        qint64 frames = 0;
        for (const QString& name : filesIn(scenes)) {
            QVERIFY2(name.startsWith(QStringLiteral("video-Scene-")) && name.endsWith(QStringLiteral(".mp4")),
                     qPrintable(name));
            frames += qint64(clipFrames(QDir(scenes).filePath(name)).size());
        }
        QCOMPARE(frames, m_frames);
        QVERIFY(filesIn(scenes).contains(QStringLiteral("video-Scene-001.mp4")));

        // Failures: one line, exit 1; bad usage: exit 2.
        QFile bad(m_tmp.filePath(QStringLiteral("bad.csv")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("0,10\n12,x\n");
        bad.close();
        r = runner.run({QStringLiteral("clips"), m_video, QStringLiteral("-o"), outDir(QStringLiteral("cli-bad")),
                        QStringLiteral("--ranges"), bad.fileName()});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.errLines().front().contains(QStringLiteral("bad.csv:2: \"x\" is not a frame number")),
                 qPrintable(r.describe()));
        QVERIFY(!QFileInfo::exists(outDir(QStringLiteral("cli-bad"))));
        QFile outside(m_tmp.filePath(QStringLiteral("outside.csv")));
        QVERIFY(outside.open(QIODevice::WriteOnly));
        outside.write("0,500\n");
        outside.close();
        r = runner.run({QStringLiteral("clips"), m_video, QStringLiteral("-o"), outDir(QStringLiteral("cli-bad")),
                        QStringLiteral("--ranges"), outside.fileName()});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY(r.errLines().front().contains(QStringLiteral("[0, 500)")));
        r = runner.run({QStringLiteral("clips"), m_video, QStringLiteral("-o"), dir, QStringLiteral("--class"),
                        QStringLiteral("walk")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.errLines().size(), 1);
        r = runner.run(
            {QStringLiteral("clips"), m_tmp.filePath(QStringLiteral("none.mp4")), QStringLiteral("-o"), dir});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.errLines().size(), 1);
        QCOMPARE(runner.run({QStringLiteral("clips"), m_video}).exitCode, 2);
        QCOMPARE(runner
                     .run({QStringLiteral("clips"), m_video, QStringLiteral("-o"), dir, QStringLiteral("--copy"),
                           QStringLiteral("--reencode")})
                     .exitCode,
                 2);
        QCOMPARE(runner
                     .run({QStringLiteral("clips"), m_video, QStringLiteral("-o"), dir, QStringLiteral("--scenes"),
                           QStringLiteral("--ranges"), csv})
                     .exitCode,
                 2);
    }
    void cliBoutsOfAProject()
    {
        // A project whose active model predicted "walk" for fragments 2-4 and 9-12 (4 frames each).
        const QString dir = m_tmp.filePath(QStringLiteral("project"));
        auto project = Project::create(dir, FragmentSpec{}, {QStringLiteral("rest"), QStringLiteral("walk")});
        QVERIFY2(project, qPrintable(project.error()));
        QVERIFY(project->addVideo(m_video, m_frames, 25.0));
        QDir().mkpath(QDir(dir).filePath(QStringLiteral("models")));
        QFile model(QDir(dir).filePath(QStringLiteral("models/m.flmodel")));
        QVERIFY(model.open(QIODevice::WriteOnly));
        model.close();
        QVERIFY(project->setActiveModel(QStringLiteral("m.flmodel")));
        QVERIFY(project->save());
        VideoPredictions p = VideoPredictions::empty(project->video(0).fileName(), QStringLiteral("m.flmodel"),
                                                     {QStringLiteral("rest"), QStringLiteral("walk")}, project->spec(),
                                                     m_frames);
        for (qint64 j = 0; j < p.fragmentCount(); ++j) {
            const bool walk = (j >= 2 && j <= 4) || (j >= 9 && j <= 12);
            QVERIFY(p.setRow(j, walk ? std::vector<float>{0.1f, 0.9f} : std::vector<float>{0.8f, 0.2f}));
        }
        auto saved = PredictionStore::save(*project, p);
        QVERIFY2(saved, qPrintable(saved.error()));

        const CliRunner runner(m_tmp.filePath(QStringLiteral("home")));
        const QString out = outDir(QStringLiteral("cli-bouts"));
        CliRun r = runner.run({QStringLiteral("clips"), dir, QStringLiteral("-o"), out, QStringLiteral("--class"),
                               QStringLiteral("walk")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(filesIn(out),
                 (QStringList{QStringLiteral("video-walk-001.mp4"), QStringLiteral("video-walk-002.mp4")}));
        QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("video-walk-002.mp4\t36\t52\t")));
        checkClip(QDir(out).filePath(QStringLiteral("video-walk-001.mp4")), 8, 20, 40.0);
        r = runner.run({QStringLiteral("clips"), dir, QStringLiteral("-o"), out, QStringLiteral("--class"),
                        QStringLiteral("run")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.errLines().front().contains(QStringLiteral("no class \"run\"")), qPrintable(r.describe()));
    }
};

QTEST_GUILESS_MAIN(ClipsTest)
#include "tst_clips.moc"
