// Scene-cut detection: the cut rule on given scores, and the whole pass on generated videos
// with known cuts and fades (exact frame numbers), as a Job with progress and cancel.
#include "ShotVideo.h"

#include "analysis/SceneDetectionJob.h"
#include "analysis/SceneDetector.h"
#include "analysis/SceneListExport.h"
#include "analysis/VideoAnalysis.h"
#include "video/PartedRead.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>

using namespace fl;
using namespace fl::test;

namespace {

std::vector<qint64> cutsOf(const SceneDetection& d)
{
    return d.cutFrames();
}

// Fade gains: the last two cross the dark threshold (12) with a wide margin for any tint.
const std::vector<double> kFadeOut{0.8, 0.6, 0.45, 0.3, 0.03, 0.0};
const std::vector<double> kFadeIn{0.0, 0.03, 0.3, 0.45, 0.6, 0.8};

} // namespace

class TestSceneDetector : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cuts;  // shots of 40, 30, 35, 30 frames: cuts at 40, 70, 105
    QString m_fades; // shot, fade out, black, fade in, shot (see initTestCase)
    qint64 m_fadeCut = 0;
    QString m_dissolve; // still shot 1 (40), dissolve to shot 2 (20: frames 40..59), still shot 2 (40)
    QString m_flash;    // shot 1 panning with a 3-frame flash at 40..42, then a cut to shot 2 at 80 after a flash at 78
    QString m_pan;      // one shot panning 6 pixels a frame for 100 frames

    VideoOpenOptions openOptions() const
    {
        VideoOpenOptions o;
        o.indexCacheDir = m_dir.filePath(QStringLiteral("index"));
        return o;
    }

private slots:
    void initTestCase()
    {
        if (!ffmpegAvailable() || !encoderAvailable(QStringLiteral("libx264"))) QSKIP("ffmpeg with libx264 not found");
        QVERIFY(m_dir.isValid());
        auto cuts = makeShotVideo(m_dir.filePath(QStringLiteral("cuts.mp4")), fourShotPlan());
        QVERIFY2(cuts.ok(), qPrintable(cuts.error()));
        m_cuts = *cuts;

        // Shot 5 for 34 frames, its last 6 fading out (dark from frame 38), 8 black frames
        // (40..47), shot 6 fading in over 6 frames (48, 49 dark; 50 bright), 40 frames in all.
        std::vector<ShotFrame> plan;
        appendShot(plan, 5, 34);
        appendFade(plan, 5, kFadeOut, 34);
        appendBlack(plan, 8);
        appendFade(plan, 6, kFadeIn);
        appendShot(plan, 6, 34, int(kFadeIn.size()));
        auto fades = makeShotVideo(m_dir.filePath(QStringLiteral("fades.mp4")), plan);
        QVERIFY2(fades.ok(), qPrintable(fades.error()));
        m_fades = *fades;
        // The new picture's first frame: 50 (gain 0.3). Frame 49 (gain 0.03) decodes to a mean
        // brightness of about 1.3, within the black core (darkest + 1.5).
        m_fadeCut = 50;

        std::vector<ShotFrame> dissolve;
        for (int k = 0; k < 40; ++k) dissolve.push_back({1, 5});
        appendDissolve(dissolve, 1, 2, 20, 5);
        for (int k = 0; k < 40; ++k) dissolve.push_back({2, 5});
        auto d = makeShotVideo(m_dir.filePath(QStringLiteral("dissolve.mp4")), dissolve);
        QVERIFY2(d.ok(), qPrintable(d.error()));
        m_dissolve = *d;

        std::vector<ShotFrame> flash;
        appendShot(flash, 1, 40);
        appendFlash(flash, 1, 3, 40);
        appendShot(flash, 1, 35, 43);
        appendFlash(flash, 1, 2, 78);
        appendShot(flash, 2, 40, 80);
        auto f = makeShotVideo(m_dir.filePath(QStringLiteral("flash.mp4")), flash);
        QVERIFY2(f.ok(), qPrintable(f.error()));
        m_flash = *f;

        std::vector<ShotFrame> pan;
        for (int k = 0; k < 100; ++k) pan.push_back({3, 3 * k});
        auto p = makeShotVideo(m_dir.filePath(QStringLiteral("pan.mp4")), pan);
        QVERIFY2(p.ok(), qPrintable(p.error()));
        m_pan = *p;
    }

    // ---- the cut rule on given per-frame measures ----

    void ruleHardCutsAndMinimumLength()
    {
        std::vector<float> score(100, 2.0f), bright(100, 100.0f);
        score[0] = 0;
        score[10] = 80; // too close to frame 0 for 15 frames
        score[40] = 80;
        score[50] = 80; // too close to 40
        score[60] = 26; // below the threshold, does not stand out: its neighbours are high
        score[59] = score[61] = 20;
        score[80] = 40;
        SceneDetectorOptions o;
        QCOMPARE(cutsOf(SceneDetector::detect(score, bright, o)), (std::vector<qint64>{40, 80}));
        o.minSceneLength = 5;
        QCOMPARE(cutsOf(SceneDetector::detect(score, bright, o)), (std::vector<qint64>{10, 40, 50, 80}));
        // 80 (score 40) stays a cut below a threshold of 50 while it stands out 20x from its
        // neighbours, and goes without the adaptive ratio.
        o.threshold = 50;
        QCOMPARE(cutsOf(SceneDetector::detect(score, bright, o)), (std::vector<qint64>{10, 40, 50, 80}));
        o.adaptiveRatio = 0;
        QCOMPARE(cutsOf(SceneDetector::detect(score, bright, o)), (std::vector<qint64>{10, 40, 50}));
    }

    void ruleAdaptiveRatio()
    {
        // A score of 20 (below 27) standing out from a calm neighbourhood is a cut when the
        // adaptive ratio is on, and not when it is off.
        std::vector<float> score(60, 1.0f), bright(60, 100.0f);
        score[30] = 20;
        SceneDetectorOptions o;
        const SceneDetection d = SceneDetector::detect(score, bright, o);
        QCOMPARE(cutsOf(d), std::vector<qint64>{30});
        QVERIFY(d.adaptiveRatio[30] >= 19.0f);
        o.adaptiveRatio = 0;
        QVERIFY(cutsOf(SceneDetector::detect(score, bright, o)).empty());
        // Too small to count even when it stands out.
        o.adaptiveRatio = 3;
        score[30] = 10;
        QVERIFY(cutsOf(SceneDetector::detect(score, bright, o)).empty());
    }

    void ruleFades()
    {
        // Dark frames 20..29 and 70..99 (the video ends dark); content jumps at their edges.
        std::vector<float> score(100, 1.0f), bright(100, 100.0f);
        for (int i = 20; i < 30; ++i) bright[size_t(i)] = 3;
        for (int i = 70; i < 100; ++i) bright[size_t(i)] = 3;
        score[20] = score[30] = score[70] = 60;
        score[25] = 40; // noise between two dark frames: never a cut
        SceneDetectorOptions o;
        o.fadeAware = false;
        QCOMPARE(cutsOf(SceneDetector::detect(score, bright, o)), (std::vector<qint64>{20, 70}));
        o.minSceneLength = 5;
        QCOMPARE(cutsOf(SceneDetector::detect(score, bright, o)), (std::vector<qint64>{20, 30, 70}));
        // Fade-aware (the default): one boundary per dark run that a picture follows; a cut to
        // black puts it where the black starts.
        o.fadeAware = true;
        QVERIFY(SceneDetectorOptions().fadeAware);
        SceneDetection d = SceneDetector::detect(score, bright, o);
        QCOMPARE(cutsOf(d), std::vector<qint64>{20});
        QCOMPARE(d.cuts[0].kind, SceneCut::Kind::Fade);
        QCOMPARE(d.cuts[0].darkStart, qint64(20));
        QCOMPARE(d.cuts[0].darkEnd, qint64(30));
        // PySceneDetect's placement: the middle of the dark run.
        o.fadeAtMiddle = true;
        QCOMPARE(cutsOf(SceneDetector::detect(score, bright, o)), std::vector<qint64>{25});
        o.fadeAtMiddle = false;
        // Faded out (no cut at 20), then a cut in: the boundary is the new picture's first frame.
        score[20] = 5;
        QCOMPARE(cutsOf(SceneDetector::detect(score, bright, o)), std::vector<qint64>{30});
        // Faded in: the picture starts where the frames leave the black core (darkest + 1.5),
        // still below the dark threshold.
        bright[27] = 6;
        bright[28] = 9;
        bright[29] = 11;
        score[30] = 8;
        d = SceneDetector::detect(score, bright, o);
        QCOMPARE(cutsOf(d), std::vector<qint64>{27});
        QCOMPARE(d.cuts[0].darkEnd, qint64(30));
        // A video that starts dark: the boundary is the first frame of the picture after it,
        // if that leaves a long enough first scene.
        std::vector<float> lead(100, 100.0f);
        for (int i = 0; i < 30; ++i) lead[size_t(i)] = i < 25 ? 0.5f : 1.5f; // a title fading in, within the core
        o.minSceneLength = 15;
        QCOMPARE(cutsOf(SceneDetector::detect(std::vector<float>(100, 1.0f), lead, o)), std::vector<qint64>{30});
        o.minSceneLength = 31;
        QVERIFY(cutsOf(SceneDetector::detect(std::vector<float>(100, 1.0f), lead, o)).empty());
        o.minSceneLength = 15;
        o.fadeAtMiddle = true;
        QCOMPARE(cutsOf(SceneDetector::detect(std::vector<float>(100, 1.0f), lead, o)), std::vector<qint64>{15});
    }

    void ruleFlashes()
    {
        // Content cuts at 40 and 43 where frame 43 matches a frame before 40: a flash, no boundary.
        std::vector<float> score(100, 1.0f), bright(100, 100.0f);
        score[40] = score[43] = 80;
        SceneDetection m;
        m.contentScore = score;
        m.brightness = bright;
        m.lumaStep.assign(100, 1.0f);
        m.windowChange.assign(100, 0.0f);
        m.windowBlend.assign(100, 0.0f);
        m.windowCorrelation.assign(100, 1.0f);
        m.recall.assign(100, 40.0f);
        m.recall[43] = 3.0f;
        SceneDetectorOptions o;
        QVERIFY(cutsOf(SceneDetector::detect(m, o)).empty());
        // A picture after the flash that was not seen before it: a flash into a new shot, one
        // boundary (the minimum scene length drops the second).
        m.recall[43] = 40.0f;
        QCOMPARE(cutsOf(SceneDetector::detect(m, o)), std::vector<qint64>{40});
        // Off: both stay when the minimum length allows.
        o.flashLength = 0;
        o.minSceneLength = 2;
        m.recall[43] = 3.0f;
        QCOMPARE(cutsOf(SceneDetector::detect(m, o)), (std::vector<qint64>{40, 43}));
    }

    void ruleScenes()
    {
        SceneDetection d;
        d.frameCount = 100;
        d.cuts = {SceneCut{40}, SceneCut{70}};
        const auto scenes = d.scenes();
        QCOMPARE(scenes.size(), size_t(3));
        QCOMPARE(scenes[0], (FrameSegment{0, 40, QStringLiteral("scene 1")}));
        QCOMPARE(scenes[2], (FrameSegment{70, 100, QStringLiteral("scene 3")}));
        d.cuts.clear();
        QCOMPARE(d.scenes().size(), size_t(1));
        d.frameCount = 0;
        QVERIFY(d.scenes().empty());
    }

    void optionsValidate_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::newRow("threshold 0") << "threshold" << 0.0;
        QTest::newRow("threshold 300") << "threshold" << 300.0;
        QTest::newRow("min length 0") << "minSceneLength" << 0.0;
        QTest::newRow("fade threshold 0") << "fadeThreshold" << 0.0;
        QTest::newRow("ratio -1") << "adaptiveRatio" << -1.0;
        QTest::newRow("width 8") << "analysisWidth" << 8.0;
        QTest::newRow("dissolve window -1") << "dissolveWindow" << -1.0;
        QTest::newRow("dissolve change 0") << "dissolveMinChange" << 0.0;
        QTest::newRow("flash length -1") << "flashLength" << -1.0;
    }
    void optionsValidate()
    {
        QFETCH(QString, field);
        QFETCH(double, value);
        SceneDetectorOptions o;
        QVERIFY(o.validate().ok());
        if (field == QLatin1String("threshold")) o.threshold = value;
        if (field == QLatin1String("minSceneLength")) o.minSceneLength = int(value);
        if (field == QLatin1String("fadeThreshold")) o.fadeThreshold = value;
        if (field == QLatin1String("adaptiveRatio")) o.adaptiveRatio = value;
        if (field == QLatin1String("analysisWidth")) o.analysisWidth = int(value);
        if (field == QLatin1String("dissolveWindow")) o.dissolveWindow = int(value);
        if (field == QLatin1String("dissolveMinChange")) o.dissolveMinChange = value;
        if (field == QLatin1String("flashLength")) o.flashLength = int(value);
        QVERIFY(!o.validate().ok());
        VideoAnalysisOptions a;
        a.scenes = o;
        auto r = analyzeVideo(m_cuts, a, openOptions());
        QVERIFY(!r.ok());
    }

    // ---- generated videos ----

    void hardCutsExact()
    {
        VideoAnalysisOptions o;
        auto a = analyzeVideo(m_cuts, o, openOptions());
        QVERIFY2(a.ok(), qPrintable(a.error()));
        QCOMPARE(a->info.frameCount, qint64(135));
        QCOMPARE(a->scenes.frameCount, qint64(135));
        QCOMPARE(cutsOf(a->scenes), (std::vector<qint64>{40, 70, 105}));
        for (const SceneCut& c : a->scenes.cuts) QCOMPARE(c.kind, SceneCut::Kind::Content);
        // Clear margins: cuts score far above the threshold, panning far below.
        for (qint64 i = 1; i < 135; ++i) {
            const float s = a->scenes.contentScore[size_t(i)];
            if (i == 40 || i == 70 || i == 105)
                QVERIFY2(s > 40, qPrintable(QStringLiteral("cut %1 scores %2").arg(i).arg(s)));
            else
                QVERIFY2(s < 15, qPrintable(QStringLiteral("frame %1 scores %2").arg(i).arg(s)));
        }
        // Samples every 5 frames, each with a descriptor.
        QCOMPARE(a->samples.size(), size_t(27));
        QCOMPARE(a->samples[3].frame, qint64(15));
        QVERIFY(a->samples[3].sharpness > 0);
        QCOMPARE(int(a->samples[3].descriptor.size()), 256);
        // The fade option changes nothing on a video without dark frames.
        o.scenes.fadeAware = true;
        auto b = analyzeVideo(m_cuts, o, openOptions());
        QVERIFY(b.ok());
        QCOMPARE(cutsOf(b->scenes), (std::vector<qint64>{40, 70, 105}));
        // A higher minimum scene length drops the cut 30 frames after the first.
        o.scenes.minSceneLength = 31;
        auto c = analyzeVideo(m_cuts, o, openOptions());
        QVERIFY(c.ok());
        QCOMPARE(cutsOf(c->scenes), (std::vector<qint64>{40, 105}));
    }

    void fadeExact()
    {
        VideoAnalysisOptions o;
        auto a = analyzeVideo(m_fades, o, openOptions());
        QVERIFY2(a.ok(), qPrintable(a.error()));
        QCOMPARE(a->info.frameCount, qint64(34 + 6 + 8 + 40));
        for (qint64 i = 0; i < a->info.frameCount; ++i) {
            const bool dark = i >= 38 && i < 50;
            QVERIFY2(dark == (a->scenes.brightness[size_t(i)] < 12.0f),
                     qPrintable(QStringLiteral("frame %1 brightness %2").arg(i).arg(a->scenes.brightness[size_t(i)])));
        }
        QCOMPARE(cutsOf(a->scenes), std::vector<qint64>{m_fadeCut});
        QCOMPARE(a->scenes.cuts[0].kind, SceneCut::Kind::Fade);
        QCOMPARE(a->scenes.cuts[0].darkStart, qint64(38));
        QCOMPARE(a->scenes.cuts[0].darkEnd, qint64(50));
        o.scenes.fadeAtMiddle = true;
        auto middle = analyzeVideo(m_fades, o, openOptions());
        QVERIFY(middle.ok());
        QCOMPARE(cutsOf(middle->scenes), std::vector<qint64>{(38 + 50) / 2});
        o.scenes.fadeAtMiddle = false;
        // Without the fade rule, no cut inside the dark run; at most at its edges.
        o.scenes.fadeAware = false;
        auto b = analyzeVideo(m_fades, o, openOptions());
        QVERIFY(b.ok());
        for (qint64 c : cutsOf(b->scenes)) QVERIFY2(c == 38 || c == 50, qPrintable(QString::number(c)));
    }

    void dissolveExact()
    {
        VideoAnalysisOptions o;
        auto a = analyzeVideo(m_dissolve, o, openOptions());
        QVERIFY2(a.ok(), qPrintable(a.error()));
        QCOMPARE(a->scenes.frameCount, qint64(100));
        QCOMPARE(a->scenes.cuts.size(), size_t(1));
        const SceneCut& c = a->scenes.cuts[0];
        QCOMPARE(c.kind, SceneCut::Kind::Dissolve);
        // Inside the dissolve (frames 40..59), near its middle.
        QVERIFY2(c.frame >= 48 && c.frame <= 51, qPrintable(QString::number(c.frame)));
        QVERIFY(c.spanStart >= 30 && c.spanEnd <= 70 && c.spanStart < c.frame && c.frame < c.spanEnd);
        // No content cut anywhere in it: every frame changes a little.
        for (qint64 i = 1; i < 100; ++i) QVERIFY(a->scenes.contentScore[size_t(i)] < 27);
        // Off: no boundary.
        o.scenes.dissolves = false;
        auto b = analyzeVideo(m_dissolve, o, openOptions());
        QVERIFY(b.ok());
        QVERIFY(b->scenes.cuts.empty());
        // The measures stay, and the rule re-applies without decoding.
        QCOMPARE(cutsOf(SceneDetector::detect(b->scenes, VideoAnalysisOptions().scenes)), std::vector<qint64>{c.frame});
    }

    void flashNotACut()
    {
        VideoAnalysisOptions o;
        auto a = analyzeVideo(m_flash, o, openOptions());
        QVERIFY2(a.ok(), qPrintable(a.error()));
        // The flash inside shot 1 (40..42) is no boundary; the flash into shot 2 (78, 79) is one.
        QVERIFY2(a->scenes.contentScore[40] > 27 && a->scenes.contentScore[43] > 27,
                 qPrintable(QStringLiteral("%1 %2").arg(a->scenes.contentScore[40]).arg(a->scenes.contentScore[43])));
        QCOMPARE(cutsOf(a->scenes), std::vector<qint64>{78});
        QCOMPARE(a->scenes.cuts[0].kind, SceneCut::Kind::Content);
        o.scenes.flashLength = 0;
        auto b = analyzeVideo(m_flash, o, openOptions());
        QVERIFY(b.ok());
        QCOMPARE(cutsOf(b->scenes), (std::vector<qint64>{40, 78}));
    }

    void panNotACut()
    {
        auto a = analyzeVideo(m_pan, VideoAnalysisOptions{}, openOptions());
        QVERIFY2(a.ok(), qPrintable(a.error()));
        QVERIFY2(a->scenes.cuts.empty(), qPrintable(QString::number(a->scenes.cuts.size())));
    }

    // A video whose index is cached is read by several decoders at once, each from just past a
    // keyframe: the result is the one of a single sequential pass, to the last bit.
    void partsMatchOnePass()
    {
        VideoAnalysisOptions one;
        one.parts = 1;
        VideoAnalysisOptions many;
        many.parts = 4;
        auto a = analyzeVideo(m_cuts, one, openOptions()); // the index is cached from here on
        QVERIFY2(a.ok(), qPrintable(a.error()));
        auto b = analyzeVideo(m_cuts, many, openOptions());
        QVERIFY2(b.ok(), qPrintable(b.error()));
        QCOMPARE(a->parts, 1);
        QCOMPARE(b->parts, 2); // 135 frames: at most two parts of >= 48 frames
        QCOMPARE(b->scenes.contentScore, a->scenes.contentScore);
        QCOMPARE(b->scenes.brightness, a->scenes.brightness);
        QCOMPARE(b->scenes.lumaStep, a->scenes.lumaStep);
        QCOMPARE(b->scenes.windowChange, a->scenes.windowChange);
        QCOMPARE(b->scenes.windowBlend, a->scenes.windowBlend);
        QCOMPARE(b->scenes.windowCorrelation, a->scenes.windowCorrelation);
        QCOMPARE(b->scenes.recall, a->scenes.recall);
        QCOMPARE(cutsOf(b->scenes), (std::vector<qint64>{40, 70, 105}));
        QCOMPARE(b->samples.size(), a->samples.size());
        for (size_t k = 0; k < a->samples.size(); ++k) {
            QCOMPARE(b->samples[k].frame, a->samples[k].frame);
            QCOMPARE(b->samples[k].sharpness, a->samples[k].sharpness);
            QCOMPARE(b->samples[k].descriptor, a->samples[k].descriptor);
        }
    }

    void partsPlanAndFailures()
    {
        auto opened = VideoSource::open(m_cuts, openOptions());
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        VideoSource& source = **opened;
        const qint64 n = source.index().frameCount();
        const std::vector<qint64> starts = source.cheapStarts();
        QVERIFY(!starts.empty());
        for (qint64 s : starts) QVERIFY(source.index().isKeyframe(s));
        const std::vector<FrameRange> ranges = planParts(source, 2, 48);
        QCOMPARE(ranges.size(), size_t(2));
        QCOMPARE(ranges.front().first, qint64(0));
        QCOMPARE(ranges.back().last, n);
        QCOMPARE(ranges[1].first, ranges[0].last);
        QVERIFY(std::find(starts.begin(), starts.end(), ranges[1].first) != starts.end());
        for (const FrameRange& r : ranges) QVERIFY(r.size() >= 48);
        QCOMPARE(planParts(source, 1).size(), size_t(1));
        QCOMPARE(planParts(source, 8, n).size(), size_t(1)); // no part can be that long twice

        // Every frame once, each part in order on its own thread.
        std::vector<std::vector<qint64>> seen(ranges.size());
        qint64 lastDone = 0;
        WorkControl control;
        control.progress = [&lastDone](std::int64_t done, std::int64_t total, const QString&) {
            QVERIFY(done >= lastDone && done <= total);
            lastDone = done;
        };
        Status read = readInParts(
            source, ranges,
            [&seen](size_t p, qint64 i, const cv::Mat& m) {
                seen[p].push_back(m.empty() ? -1 : i);
                return true;
            },
            control, QStringLiteral("Reading"));
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(lastDone, n);
        for (size_t p = 0; p < ranges.size(); ++p) {
            QCOMPARE(qint64(seen[p].size()), ranges[p].size());
            for (qint64 k = 0; k < ranges[p].size(); ++k) QCOMPARE(seen[p][size_t(k)], ranges[p].first + k);
        }

        // A part whose sink refuses stops them all; a cancel does too. Both name the file.
        read = readInParts(source, ranges, [](size_t p, qint64 i, const cv::Mat&) { return !(p == 1 && i > 60); });
        QVERIFY(!read.ok());
        QVERIFY2(read.error().contains(QStringLiteral("cuts.mp4"))
                     && read.error().contains(QStringLiteral("cancelled")),
                 qPrintable(read.error()));
        std::atomic<bool> cancel{false};
        WorkControl cancelled;
        cancelled.cancel = &cancel;
        std::atomic<qint64> after{0};
        read = readInParts(
            source, ranges,
            [&](size_t p, qint64 i, const cv::Mat&) {
                if (cancel) ++after;
                if (p == 0 && i == 10) cancel = true; // the user cancels while part 0 is at frame 10
                return true;
            },
            cancelled);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().contains(QStringLiteral("cancelled")), qPrintable(read.error()));
        // No part starts another frame after the cancel (one may be in its sink at that moment).
        QVERIFY2(after.load() <= qint64(ranges.size() - 1), qPrintable(QString::number(after.load())));
    }

    void cutsCsv()
    {
        VideoAnalysisOptions o;
        auto a = analyzeVideo(m_cuts, o, openOptions());
        QVERIFY(a.ok());
        const QList<QByteArray> lines = sceneCutsCsv(*a).split('\n');
        QCOMPARE(lines.at(0), QByteArray("frame,time_s,timecode,kind,score"));
        QVERIFY(lines.at(1).startsWith("40,1.600000,00:00:01:15,cut,"));
        QVERIFY(lines.at(3).startsWith("105,4.200000,00:00:04:05,cut,"));
        const QList<QByteArray> stats = sceneStatsCsv(*a).split('\n');
        QCOMPARE(stats.at(0),
                 QByteArray("frame,time_s,content_score,adaptive_ratio,brightness,luma_step,window_change,"
                            "window_blend,window_correlation,window_steadiness,recall,cut"));
        QCOMPARE(stats.size(), 1 + 135 + 1);
        QVERIFY(stats.at(41).startsWith("40,") && stats.at(41).endsWith(",1"));
        QVERIFY(stats.at(42).endsWith(",0"));
    }

    void jobReportsProgressAndCancels()
    {
        SceneDetectionJob job(m_cuts, VideoAnalysisOptions{}, openOptions());
        job.setProgressInterval(0);
        QSignalSpy progress(&job, &Job::progress);
        QVERIFY(job.runHere().ok());
        QCOMPARE(job.state(), Job::State::Succeeded);
        QVERIFY(progress.size() >= 2);
        QCOMPARE(progress.last().at(2).toString(), QStringLiteral("Detecting scenes in cuts.mp4"));
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(135));
        QCOMPARE(job.result().scenes.cutFrames(), (std::vector<qint64>{40, 70, 105}));

        // Cancelled from its own progress report: ends Cancelled, with no result. (One
        // decoder: its reports come every 16 frames from the decoding thread itself, so the
        // cancel lands mid-video; parts see a cancel too, partsPlanAndFailures.)
        VideoAnalysisOptions sequential;
        sequential.parts = 1;
        SceneDetectionJob cancelled(m_cuts, sequential, openOptions());
        cancelled.setProgressInterval(0);
        connect(&cancelled, &Job::progress, &cancelled, [&cancelled](qint64 done) {
            if (done >= 16) cancelled.requestCancel();
        });
        QVERIFY(!cancelled.runHere().ok());
        QCOMPARE(cancelled.state(), Job::State::Cancelled);
        QCOMPARE(cancelled.result().info.frameCount, qint64(0));
    }

    void badInputFailsNamingTheFile()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.mp4"));
        auto a = analyzeVideo(missing, VideoAnalysisOptions{}, openOptions());
        QVERIFY(!a.ok());
        QVERIFY2(a.error().contains(QStringLiteral("missing.mp4")), qPrintable(a.error()));
        SceneDetectionJob job(missing, VideoAnalysisOptions{});
        QVERIFY(!job.runHere().ok());
        QCOMPARE(job.state(), Job::State::Failed);
        QVERIFY(job.errorString().contains(QStringLiteral("missing.mp4")));
    }
};

QTEST_GUILESS_MAIN(TestSceneDetector)
#include "tst_scenedetector.moc"
