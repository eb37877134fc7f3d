// Exports read back: CMX 3600 EDL events with valid (drop-frame) timecodes, FFmpeg chapter
// files that ffmpeg accepts, keyframe images and CSV, predictions CSV and JSON.
#include "ShotVideo.h"

#include "analysis/CmxEdl.h"
#include "analysis/FfmpegChapters.h"
#include "analysis/KeyframeExport.h"
#include "analysis/PredictionExport.h"
#include "analysis/VideoAnalysis.h"
#include "project/CsvText.h"
#include "project/FileBytes.h"
#include "video/VideoSource.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace fl;
using namespace fl::test;

namespace {

struct ParsedEvent {
    int number = 0;
    QString reel;
    qint64 sourceIn = 0, sourceOut = 0, recordIn = 0, recordOut = 0;
    QStringList comments;
};

// A strict reader of the CMX 3600 subset we write: every timecode must be valid in `format`.
std::vector<ParsedEvent> parseEdl(const QByteArray& text, const TimecodeFormat& format, QString* title, QString* fcm)
{
    static const QRegularExpression event(QStringLiteral(
        "^(\\d{3,})  (\\S{1,8}) +V +C +(\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d) (\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d) "
        "(\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d) (\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d)$"));
    std::vector<ParsedEvent> out;
    for (const QString& line : QString::fromUtf8(text).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("TITLE: ")))
            *title = line.mid(7);
        else if (line.startsWith(QLatin1String("FCM: ")))
            *fcm = line.mid(5);
        else if (line.startsWith(QLatin1String("* "))) {
            if (out.empty()) return {};
            out.back().comments << line.mid(2);
        } else if (!line.isEmpty()) {
            const auto m = event.match(line);
            if (!m.hasMatch()) {
                qWarning() << "not an event line:" << line;
                return {};
            }
            ParsedEvent e;
            e.number = m.captured(1).toInt();
            e.reel = m.captured(2);
            qint64* fields[] = {&e.sourceIn, &e.sourceOut, &e.recordIn, &e.recordOut};
            for (int k = 0; k < 4; ++k) {
                const QString tc = m.captured(3 + k);
                if (tc.contains(QLatin1Char(';')) != format.dropFrame) return {};
                const auto frame = format.parse(tc);
                if (!frame) {
                    qWarning() << "invalid timecode" << tc;
                    return {};
                }
                *fields[k] = *frame;
            }
            out.push_back(e);
        }
    }
    return out;
}

const FragmentSpec kSpec = *FragmentSpec::make(4, 4, 1);

} // namespace

class TestAnalysisExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_video; // shots of 40, 30, 35, 30 frames at 25 fps

    QString path(const QString& name) const { return m_dir.filePath(name); }
    VideoOpenOptions openOptions() const
    {
        VideoOpenOptions o;
        o.indexCacheDir = path(QStringLiteral("index"));
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (ffmpegAvailable() && encoderAvailable(QStringLiteral("libx264"))) {
            auto video = makeShotVideo(path(QStringLiteral("clip.mp4")), fourShotPlan());
            QVERIFY2(video.ok(), qPrintable(video.error()));
            m_video = *video;
        }
    }

    // ---- EDL ----

    void edlDropFrame()
    {
        // 29.97 fps: a scene that crosses the one-minute mark, where drop-frame skips labels.
        const std::vector<FrameSegment> scenes{{0, 15, QStringLiteral("scene 1")},
                                               {15, 1700, QStringLiteral("scene 2")},
                                               {1700, 1900, QStringLiteral("scene 3")},
                                               {1900, 18000, QStringLiteral("scene 4")}};
        std::vector<EdlEvent> events = edlEvents(QStringLiteral("testvideo.mp4"), scenes);
        for (const EdlEvent& e : edlEvents(QStringLiteral("b roll.mov"), {{100, 160, QStringLiteral("walk")}}))
            events.push_back(e);
        EdlOptions options;
        options.title = QStringLiteral("testvideo scenes");
        options.format = TimecodeFormat::forRate(30000.0 / 1001.0);
        auto text = cmxEdl(events, options);
        QVERIFY2(text.ok(), qPrintable(text.error()));
        QVERIFY(text->contains("001  AX       V     C        00:00:00;00 00:00:00;15 01:00:00;00 01:00:00;15\n"));
        QVERIFY(text->contains("00:00:56;20 00:01:03;12")); // frames 1700 and 1900 (labels ;00 ;01 skipped)
        QString title, fcm;
        const auto parsed = parseEdl(*text, options.format, &title, &fcm);
        QCOMPARE(title, QStringLiteral("testvideo scenes"));
        QCOMPARE(fcm, QStringLiteral("DROP FRAME"));
        QCOMPARE(parsed.size(), events.size());
        qint64 record = *options.format.parse(QStringLiteral("01:00:00;00"));
        for (size_t k = 0; k < parsed.size(); ++k) {
            const ParsedEvent& p = parsed[k];
            QCOMPARE(p.number, int(k + 1));
            QCOMPARE(p.reel, QStringLiteral("AX"));
            QCOMPARE(p.sourceIn, events[k].sourceIn);
            QCOMPARE(p.sourceOut, events[k].sourceOut);
            QCOMPARE(p.recordIn, record);                                 // events end to end
            QCOMPARE(p.recordOut - p.recordIn, p.sourceOut - p.sourceIn); // same duration
            record = p.recordOut;
            QCOMPARE(p.comments.at(0), QStringLiteral("FROM CLIP NAME: %1").arg(events[k].clipName));
            QCOMPARE(p.comments.at(1), QStringLiteral("COMMENT: %1").arg(events[k].comment));
        }
    }

    void edlNonDropAndErrors()
    {
        EdlOptions options;
        options.format = TimecodeFormat::forRate(25);
        options.recordStart = 0;
        auto text = cmxEdl(edlEvents(QStringLiteral("a.mp4"), {{0, 40, {}}, {40, 70, {}}, {70, 70, {}}}), options);
        QVERIFY(text.ok());
        QString title, fcm;
        const auto parsed = parseEdl(*text, options.format, &title, &fcm);
        QCOMPARE(fcm, QStringLiteral("NON-DROP FRAME"));
        QCOMPARE(parsed.size(), size_t(2)); // the empty segment is left out
        QVERIFY(text->contains("002  AX       V     C        00:00:01:15 00:00:02:20 00:00:01:15 00:00:02:20\n"));

        EdlEvent bad;
        bad.clipName = QStringLiteral("a.mp4");
        bad.sourceIn = 10;
        bad.sourceOut = 10;
        QVERIFY(!cmxEdl({bad}, options).ok());
        bad.sourceOut = 20;
        bad.reel = QStringLiteral("TOO LONG NAME");
        QVERIFY(!cmxEdl({bad}, options).ok());

        // A failed write names the file and leaves an existing one as it was.
        const QString file = path(QStringLiteral("kept.edl"));
        QVERIFY(writeFileAtomically(file, "old").ok());
        const Status s = writeCmxEdl(file, {bad}, options);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().startsWith(file), qPrintable(s.error()));
        QCOMPARE(*readFileBytes(file), QByteArray("old"));
        const Status blocked = writeCmxEdl(path(QStringLiteral("kept.edl/x.edl")), {}, options);
        QVERIFY(!blocked.ok());
        QVERIFY(blocked.error().contains(QStringLiteral("x.edl")));
    }

    // ---- chapters ----

    void chaptersText()
    {
        const std::vector<double> times{0.0, 33.3667, 66.7333, 100.1};
        const auto chapters = chaptersFor({{0, 1, QStringLiteral("a=b;c#d\\e")}, {1, 4, QStringLiteral("two")}}, times,
                                          133.4667);
        QCOMPARE(chapters.size(), size_t(2));
        QCOMPARE(chapters[0].startUs, qint64(0));
        QCOMPARE(chapters[0].endUs, qint64(33367)); // rounded up: never before the frame
        QCOMPARE(chapters[1].endUs, qint64(133467));
        const QByteArray text = ffmpegChapters(chapters, QStringLiteral("my video"));
        QVERIFY(text.startsWith(";FFMETADATA1\ntitle=my video\n\n[CHAPTER]\nTIMEBASE=1/1000000\nSTART=0\nEND=33367\n"));
        QVERIFY(text.contains("title=a\\=b\\;c\\#d\\\\e\n"));
        QVERIFY(!writeFfmpegChapters(path(QStringLiteral("bad.txt")), {Chapter{10, 10, {}}}).ok());
    }

    void chaptersAcceptedByFfmpeg()
    {
        if (m_video.isEmpty()) QSKIP("ffmpeg with libx264 not found");
        VideoAnalysisOptions o;
        o.sampleFrames = false;
        auto analysis = analyzeVideo(m_video, o, openOptions());
        QVERIFY2(analysis.ok(), qPrintable(analysis.error()));
        auto scenes = analysis->scenes.scenes();
        QCOMPARE(scenes.size(), size_t(4));
        scenes[1].label = QStringLiteral("two = 2; #2");
        const QString file = path(QStringLiteral("chapters.txt"));
        const auto chapters = chaptersFor(scenes, analysis->frameTimesMs, analysis->info.durationSec * 1000.0);
        QVERIFY(writeFfmpegChapters(file, chapters, QStringLiteral("clip")).ok());
        for (const QString suffix : {QStringLiteral("mkv"), QStringLiteral("mp4")}) {
            const QString out = path(QStringLiteral("with-chapters.") + suffix);
            auto muxed = runTool(ffmpegPath(),
                                 {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                                  QStringLiteral("-y"), QStringLiteral("-i"), m_video, QStringLiteral("-i"), file,
                                  QStringLiteral("-map_metadata"), QStringLiteral("1"), QStringLiteral("-codec"),
                                  QStringLiteral("copy"), out});
            QVERIFY2(muxed.ok(), qPrintable(muxed.error()));
            auto probe = runTool(ffprobePath(),
                                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_chapters"),
                                  QStringLiteral("-of"), QStringLiteral("json"), out});
            QVERIFY2(probe.ok(), qPrintable(probe.error()));
            const QJsonArray list =
                QJsonDocument::fromJson(*probe).object().value(QStringLiteral("chapters")).toArray();
            QCOMPARE(list.size(), 4);
            for (int k = 0; k < 4; ++k) {
                const QJsonObject c = list.at(k).toObject();
                // Scene k starts at its first frame's time (25 fps: 40 ms per frame).
                QVERIFY2(std::abs(c.value(QStringLiteral("start_time")).toString().toDouble()
                                  - scenes[size_t(k)].start * 0.04)
                             < 0.0015,
                         qPrintable(c.value(QStringLiteral("start_time")).toString()));
                QCOMPARE(c.value(QStringLiteral("tags")).toObject().value(QStringLiteral("title")).toString(),
                         scenes[size_t(k)].label);
            }
        }
    }

    // ---- keyframes ----

    void keyframeImagesAndCsv()
    {
        if (m_video.isEmpty()) QSKIP("ffmpeg with libx264 not found");
        auto source = VideoSource::open(m_video, openOptions());
        QVERIFY2(source.ok(), qPrintable(source.error()));
        KeyframeSet set;
        Keyframe k;
        k.frame = 45;
        k.segment = 1;
        k.score = 0.75;
        set.add(k);
        set.addManual(120, 3);
        const QString dir = path(QStringLiteral("frames"));
        auto png = writeKeyframeImages(**source, set, dir, QStringLiteral("clip"), KeyframeImageFormat::Png);
        QVERIFY2(png.ok(), qPrintable(png.error()));
        QCOMPARE(*png,
                 (QStringList{QDir(dir).filePath(QStringLiteral("clip_f000045.png")),
                              QDir(dir).filePath(QStringLiteral("clip_f000120.png"))}));
        const cv::Mat written = cv::imread(png->at(0).toStdString(), cv::IMREAD_COLOR);
        auto expected = (*source)->frame(45);
        QVERIFY(expected.ok());
        QCOMPARE(cv::norm(written, *expected, cv::NORM_INF), 0.0); // PNG: exactly the frame
        auto jpg = writeKeyframeImages(**source, set, dir, QStringLiteral("clip"), KeyframeImageFormat::Jpeg);
        QVERIFY(jpg.ok());
        QVERIFY(jpg->at(1).endsWith(QLatin1String("clip_f000120.jpg")));
        QVERIFY(!cv::imread(jpg->at(1).toStdString()).empty());
        // Cancelled before the first image: nothing written.
        std::atomic<bool> cancel{true};
        WorkControl control;
        control.cancel = &cancel;
        QVERIFY(!writeKeyframeImages(**source, set, path(QStringLiteral("cancelled")), QStringLiteral("clip"),
                                     KeyframeImageFormat::Png, control)
                     .ok());
        QVERIFY(QDir(path(QStringLiteral("cancelled"))).isEmpty());

        KeyframeTable table;
        table.video = QStringLiteral("clip, take 2.mp4");
        table.timecode = TimecodeFormat::forRate(25);
        table.frameTimesMs = std::vector<double>(135);
        for (size_t i = 0; i < table.frameTimesMs.size(); ++i) table.frameTimesMs[i] = 40.0 * double(i);
        table.scenes = {{0, 40, {}}, {40, 70, {}}, {70, 105, {}}, {105, 135, {}}};
        table.keyframes = set;
        table.imageBaseName = QStringLiteral("clip");
        const QString csvFile = path(QStringLiteral("keyframes.csv"));
        QVERIFY(writeKeyframeCsv(csvFile, {table}).ok());
        auto records = CsvText::parse(*readFileBytes(csvFile), csvFile);
        QVERIFY(records.ok());
        QCOMPARE(records->size(), size_t(3));
        QCOMPARE(records->at(0).fields.join(QLatin1Char(',')),
                 QStringLiteral("video,frame,timecode,scene,score,class,time_s,file"));
        QCOMPARE(records->at(1).fields,
                 (QStringList{QStringLiteral("clip, take 2.mp4"), QStringLiteral("45"), QStringLiteral("00:00:01:20"),
                              QStringLiteral("2"), QStringLiteral("0.7500"), QString(), QStringLiteral("1.800000"),
                              QStringLiteral("clip_f000045.png")}));
        QCOMPARE(records->at(2).fields.at(3), QStringLiteral("4"));
        QCOMPARE(records->at(2).fields.at(4), QString()); // manual: no score
    }

    // ---- predictions ----

    void predictionsCsvAndJson()
    {
        VideoPredictions a = VideoPredictions::empty(QStringLiteral("a.mp4"), QStringLiteral("model 7"),
                                                     {QStringLiteral("walk"), QStringLiteral("rest, idle")}, kSpec, 20,
                                                     3);
        QVERIFY(a.setRow(0, {0.9f, 0.1f}, {1.0f, 0.5f, -2.0f}).ok());
        QVERIFY(a.setRow(2, {0.25f, 0.75f}, {0.0f, 0.0f, 1.0f}).ok()); // 1 and 3, 4 not predicted
        VideoPredictions b = VideoPredictions::empty(QStringLiteral("b.mp4"), QStringLiteral("model 7"), a.classes,
                                                     kSpec, 8, 3);
        QVERIFY(b.setRow(1, {0.5f, 0.5f}, {1, 1, 1}).ok());

        auto csv = predictionsCsv({a, b});
        QVERIFY2(csv.ok(), qPrintable(csv.error()));
        auto records = CsvText::parse(*csv, QStringLiteral("predictions.csv"));
        QVERIFY(records.ok());
        QCOMPARE(records->size(), size_t(4));
        QCOMPARE(records->at(0).fields,
                 (QStringList{QStringLiteral("video"), QStringLiteral("fragment"), QStringLiteral("start_frame"),
                              QStringLiteral("end_frame"), QStringLiteral("label"), QStringLiteral("confidence"),
                              QStringLiteral("p_walk"), QStringLiteral("p_rest, idle")}));
        QCOMPARE(records->at(2).fields,
                 (QStringList{QStringLiteral("a.mp4"), QStringLiteral("2"), QStringLiteral("8"), QStringLiteral("12"),
                              QStringLiteral("rest, idle"), QStringLiteral("0.75"), QStringLiteral("0.25"),
                              QStringLiteral("0.75")}));
        QCOMPARE(records->at(3).fields.at(0), QStringLiteral("b.mp4"));

        const QString json = path(QStringLiteral("predictions.json"));
        QVERIFY(writePredictionsJson(json, {a, b}).ok());
        QVERIFY(QJsonDocument::fromJson(*readFileBytes(json)).isObject());
        auto back = readPredictionsJson(json);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back->size(), size_t(2));
        QCOMPARE(back->at(0).modelId, QStringLiteral("model 7"));
        QCOMPARE(back->at(0).predictedCount(), qint64(2));
        QCOMPARE(back->at(0).feature(0), (std::vector<float>{1.0f, 0.5f, -2.0f}));
        for (qint64 j = 0; j < a.fragmentCount(); ++j) {
            QCOMPARE(back->at(0).isPredicted(j), a.isPredicted(j));
            if (a.isPredicted(j)) QCOMPARE(back->at(0).probabilityRow(j), a.probabilityRow(j));
        }
        QCOMPARE(back->at(1).probabilityRow(1), b.probabilityRow(1));
        // Without features.
        QVERIFY(writePredictionsJson(json, {a}, false).ok());
        back = readPredictionsJson(json);
        QVERIFY(back.ok());
        QVERIFY(!back->at(0).hasFeatures());
        QVERIFY(writePredictionsCsv(path(QStringLiteral("empty.csv")), {}).ok());

        // With decisions: the raw label and what the views show, side by side. Thresholds
        // {0.7, 0.3} decide "rest, idle" from p >= 0.3: fragment 0 (p 0.1) stays walk.
        SmoothingOptions decisions;
        decisions.classThresholds = {0.7, 0.3};
        decisions.threshold = 0.8; // below it: "uncertain"
        auto decided = predictionsCsv({a, b}, &decisions);
        QVERIFY2(decided.ok(), qPrintable(decided.error()));
        records = CsvText::parse(*decided, QStringLiteral("predictions.csv"));
        QVERIFY(records.ok());
        QCOMPARE(records->at(0).fields.at(6), QStringLiteral("decision"));
        QCOMPARE(records->at(1).fields.at(6), QStringLiteral("walk"));      // p 0.9 >= 0.8
        QCOMPARE(records->at(2).fields.at(6), QStringLiteral("uncertain")); // rest, idle at 0.75 < 0.8
        QCOMPARE(records->at(3).fields.at(4), QStringLiteral("walk"));      // argmax of a tie
        QCOMPARE(records->at(3).fields.at(6), QStringLiteral("uncertain"));
        decisions.threshold = 0.0;
        QVERIFY(writePredictionsJson(json, {a, b}, true, &decisions).ok());
        const QJsonObject o = QJsonDocument::fromJson(*readFileBytes(json)).object();
        QCOMPARE(
            o.value(QStringLiteral("decisions")).toObject().value(QStringLiteral("class_thresholds")).toArray().size(),
            2);
        const QJsonArray rows =
            o.value(QStringLiteral("videos")).toArray().at(1).toObject().value(QStringLiteral("fragments")).toArray();
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("decision")).toString(),
                 QStringLiteral("rest, idle")); // 0.5 - 0.3 > 0.5 - 0.7
        back = readPredictionsJson(json);       // the storage format reads it back, decisions or not
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back->at(1).probabilityRow(1), b.probabilityRow(1));
    }

    void predictionsRefuseMismatchAndDamage()
    {
        VideoPredictions a = VideoPredictions::empty(QStringLiteral("a.mp4"), QStringLiteral("m"),
                                                     {QStringLiteral("x"), QStringLiteral("y")}, kSpec, 8);
        VideoPredictions b = VideoPredictions::empty(QStringLiteral("b.mp4"), QStringLiteral("other"), a.classes, kSpec,
                                                     8);
        const Status mixed = writePredictionsCsv(path(QStringLiteral("mixed.csv")), {a, b});
        QVERIFY(!mixed.ok());
        QVERIFY(mixed.error().contains(QStringLiteral("mixed.csv")));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("mixed.csv"))));

        const QString file = path(QStringLiteral("damaged.json"));
        QVERIFY(writeFileAtomically(file,
                                    R"({"format":"fragmentlab-predictions","version":1,"model":"m","classes":["x","y"],
            "spec":{"length":4,"stride":4,"step":1},
            "videos":[{"video":"a.mp4","frame_count":8,"feature_size":0,"fragments":[
              {"fragment":0,"probabilities":[0.5,0.5]},{"fragment":5,"probabilities":[1,0]}]}]})")
                    .ok());
        auto r = readPredictionsJson(file);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QStringLiteral("damaged.json"))
                     && r.error().contains(QStringLiteral("videos[0].fragments[1]")),
                 qPrintable(r.error()));
        QVERIFY(writeFileAtomically(file, R"({"format":"fragmentlab-labels","version":1})").ok());
        QVERIFY(!readPredictionsJson(file).ok());
        QVERIFY(!readPredictionsJson(path(QStringLiteral("none.json"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestAnalysisExport)
#include "tst_analysisexport.moc"
