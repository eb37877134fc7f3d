// VideoSource / FrameIndex / FileFingerprint: frame-exact access on generated videos whose
// frames show their own number (H.264 with B-frames, long GOP, VFR, non-zero start, rotation,
// MPEG-4 / MS-MPEG4 in AVI, MPEG-2 program stream, mkv, webm), index cache, cancel, sinks.
#include "TestMedia.h"

#include "video/FileFingerprint.h"
#include "video/FrameIndex.h"
#include "video/VideoSource.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

using namespace fl;
using fl::test::NumberedVideoOptions;

namespace {

struct Generated {
    QString path;
    int frames = 0;
    int width = 0; // delivered (rotation applied)
    int height = 0;
    int rotation = 0;
    bool vfr = false;
};

QStringList args(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* a : list) out << QString::fromLatin1(a);
    return out;
}

// Undo the rotation OpenCV applied so the number grid reads the right way round.
cv::Mat unrotated(const cv::Mat& m, int rotation)
{
    cv::Mat out;
    switch (rotation) {
    case 90: cv::rotate(m, out, cv::ROTATE_90_COUNTERCLOCKWISE); return out;
    case 180: cv::rotate(m, out, cv::ROTATE_180); return out;
    case 270: cv::rotate(m, out, cv::ROTATE_90_CLOCKWISE); return out;
    default: return m;
    }
}

qsizetype indexFilesIn(const QString& dir)
{
    return QDir(dir).entryList({QStringLiteral("*.flidx")}, QDir::Files).size();
}

} // namespace

class TestVideoSource : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cacheDir;
    std::map<QString, Generated> m_videos;
    QString m_resetTs; // MPEG-TS whose timestamps restart midway (two segments concatenated)

    // The generated video of that kind, or nullptr when its encoder is missing here.
    const Generated* video(const QString& kind) const
    {
        auto it = m_videos.find(kind);
        return it == m_videos.end() ? nullptr : &it->second;
    }

    VideoOpenOptions options() const
    {
        VideoOpenOptions o;
        o.indexCacheDir = m_cacheDir;
        return o;
    }

    void addVideo(const QString& kind, NumberedVideoOptions o, const QString& encoder, bool vfr = false)
    {
        if (!encoder.isEmpty() && !fl::test::encoderAvailable(encoder)) {
            qWarning("encoder %s not available: skipping %s", qPrintable(encoder), qPrintable(kind));
            return;
        }
        auto path = fl::test::makeNumberedVideo(m_dir.path(), o);
        QVERIFY2(path.ok(), qPrintable(path.error()));
        Generated g;
        g.path = *path;
        g.frames = o.frames;
        g.rotation = o.rotation;
        g.width = o.rotation % 180 ? o.height : o.width;
        g.height = o.rotation % 180 ? o.width : o.height;
        g.vfr = vfr;
        m_videos[kind] = g;
    }

    static void addKindRows(const std::map<QString, Generated>& videos)
    {
        QTest::addColumn<QString>("kind");
        for (const auto& [kind, g] : videos) QTest::newRow(qPrintable(kind)) << kind;
    }

private slots:
    void initTestCase()
    {
        if (!fl::test::ffmpegAvailable()) QSKIP("ffmpeg/ffprobe not found");
        QVERIFY(m_dir.isValid());
        m_cacheDir = m_dir.filePath(QStringLiteral("index"));

        NumberedVideoOptions o;
        o.baseName = QStringLiteral("h264_bframes");
        o.frames = 90;
        addVideo(QStringLiteral("mp4 h264 b-frames"), o, QStringLiteral("libx264"));

        o = {};
        o.baseName = QStringLiteral("h264_longgop");
        o.frames = 320;
        o.codecArgs = args({"-c:v", "libx264", "-preset", "veryfast", "-bf", "3", "-g", "600", "-keyint_min", "600",
                            "-sc_threshold", "0", "-pix_fmt", "yuv420p"});
        addVideo(QStringLiteral("mp4 h264 long gop"), o, QStringLiteral("libx264"));

        o = {};
        o.baseName = QStringLiteral("h264_vfr");
        o.frames = 120;
        o.vfrPtsMs = QStringLiteral("(N+floor(N/7))*40+7*mod(N*N,5)");
        addVideo(QStringLiteral("mp4 h264 vfr"), o, QStringLiteral("libx264"), true);

        o = {};
        o.baseName = QStringLiteral("h264_offset");
        o.frames = 60;
        o.extraOutputArgs = args({"-output_ts_offset", "5"});
        addVideo(QStringLiteral("mp4 h264 start 5s"), o, QStringLiteral("libx264"));

        o = {};
        o.baseName = QStringLiteral("h264_rotated");
        o.frames = 60;
        o.rotation = 90;
        addVideo(QStringLiteral("mp4 h264 rotated 90"), o, QStringLiteral("libx264"));

        o = {};
        o.baseName = QStringLiteral("mpeg4");
        o.suffix = QStringLiteral("avi");
        o.frames = 90;
        o.codecArgs = args({"-c:v", "mpeg4", "-q:v", "3", "-g", "12"});
        addVideo(QStringLiteral("avi mpeg4"), o, QStringLiteral("mpeg4"));

        o = {};
        o.baseName = QStringLiteral("mpeg4_bframes");
        o.suffix = QStringLiteral("avi");
        o.frames = 90;
        o.codecArgs = args({"-c:v", "mpeg4", "-q:v", "3", "-g", "12", "-bf", "2"});
        addVideo(QStringLiteral("avi mpeg4 b-frames"), o, QStringLiteral("mpeg4"));

        o = {};
        o.baseName = QStringLiteral("msmpeg4v3");
        o.suffix = QStringLiteral("avi");
        o.frames = 90;
        o.codecArgs = args({"-c:v", "msmpeg4", "-q:v", "3", "-g", "12"});
        addVideo(QStringLiteral("avi msmpeg4v3"), o, QStringLiteral("msmpeg4"));

        o = {};
        o.baseName = QStringLiteral("mpeg2");
        o.suffix = QStringLiteral("mpg");
        o.frames = 90;
        o.codecArgs = args({"-c:v", "mpeg2video", "-q:v", "3", "-g", "12", "-bf", "2"});
        o.extraOutputArgs = args({"-f", "mpeg"});
        addVideo(QStringLiteral("mpg mpeg2"), o, QStringLiteral("mpeg2video"));

        o = {};
        o.baseName = QStringLiteral("h264");
        o.suffix = QStringLiteral("mkv");
        o.frames = 90;
        addVideo(QStringLiteral("mkv h264"), o, QStringLiteral("libx264"));

        o = {};
        o.baseName = QStringLiteral("h264_vfr");
        o.suffix = QStringLiteral("mkv");
        o.frames = 100;
        o.vfrPtsMs = QStringLiteral("(N+floor(N/7))*40+7*mod(N*N,5)");
        addVideo(QStringLiteral("mkv h264 vfr"), o, QStringLiteral("libx264"), true);

        o = {};
        o.baseName = QStringLiteral("vp9");
        o.suffix = QStringLiteral("webm");
        o.frames = 60;
        o.codecArgs = args(
            {"-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "0", "-crf", "30", "-g", "20"});
        addVideo(QStringLiteral("webm vp9"), o, QStringLiteral("libvpx-vp9"));

        QVERIFY(!m_videos.empty());

        // Two MPEG-TS segments back to back: the second restarts its timestamps.
        if (fl::test::encoderAvailable(QStringLiteral("libx264"))) {
            QByteArray joined;
            for (int part = 0; part < 2; ++part) {
                o = {};
                o.baseName = QStringLiteral("segment%1").arg(part);
                o.suffix = QStringLiteral("ts");
                o.frames = 40;
                o.firstNumber = 40 * part;
                auto segment = fl::test::makeNumberedVideo(m_dir.path(), o);
                QVERIFY2(segment.ok(), qPrintable(segment.error()));
                QFile f(*segment);
                QVERIFY(f.open(QIODevice::ReadOnly));
                joined += f.readAll();
            }
            m_resetTs = m_dir.filePath(QStringLiteral("reset.ts"));
            QFile out(m_resetTs);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QCOMPARE(out.write(joined), joined.size());
        }
    }

    // ---- every kind: count, size, timestamps, frame-exact access in three orders ----

    void frameExact_data() { addKindRows(m_videos); }
    void frameExact()
    {
        QFETCH(QString, kind);
        const Generated& g = m_videos.at(kind);
        auto opened = VideoSource::open(g.path, options());
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        VideoSource& src = **opened;
        const VideoInfo& info = src.info();
        QCOMPARE(info.frameCount, qint64(g.frames));
        QCOMPARE(src.index().frameCount(), qint64(g.frames));
        QCOMPARE(info.width, g.width);
        QCOMPARE(info.height, g.height);
        QCOMPARE(info.rotation, g.rotation);
        QCOMPARE(info.path, QFileInfo(g.path).absoluteFilePath());
        QVERIFY(!info.codec.isEmpty() && info.codec != QLatin1String("unknown"));
        QVERIFY(info.timestampsReliable);
        QVERIFY(info.durationSec > 0);
        QVERIFY(info.averageFps > 0);

        // Timestamps: strictly increasing, frame 0 near 0, and equal to ffprobe's (relative to
        // the stream start) wherever the decoder reported them.
        const FrameIndex& index = src.index();
        QVERIFY(std::abs(index.timestampMs(0)) < 50);
        for (qint64 i = 1; i < index.frameCount(); ++i)
            QVERIFY2(index.timestampMs(i) > index.timestampMs(i - 1), qPrintable(QStringLiteral("frame %1").arg(i)));
        QVERIFY(index.isKeyframe(0));
        auto probed = fl::test::ffprobeFrameTimes(g.path);
        QVERIFY2(probed.ok(), qPrintable(probed.error()));
        QCOMPARE(qint64(probed->size()), qint64(g.frames));
        auto start = fl::test::ffprobeStartTime(g.path);
        QVERIFY2(start.ok(), qPrintable(start.error()));
        for (qint64 i = 0; i < index.frameCount(); ++i) {
            if (index.timestampEstimated(i)) continue;
            const double theirs = ((*probed)[size_t(i)] - *start) * 1000.0;
            QVERIFY2(
                std::abs(index.timestampMs(i) - theirs) < 1.5,
                qPrintable(
                    QStringLiteral("frame %1: %2 ms vs ffprobe %3 ms").arg(i).arg(index.timestampMs(i)).arg(theirs)));
        }
        QVERIFY(index.estimatedTailLength() < 8);

        std::vector<qint64> order(size_t(g.frames));
        std::iota(order.begin(), order.end(), 0);
        std::vector<std::pair<QString, std::vector<qint64>>> orders;
        auto shuffled = order;
        std::mt19937 rng(20240607u);
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        // Every frame, in random, sequential and backwards order. A long GOP with a single
        // keyframe costs a decode from frame 0 per backward step: there a seeded sample of 64
        // frames stands for "every frame" in the random and backwards orders.
        std::vector<qint64> backwards(order.rbegin(), order.rend());
        if (g.frames > 200) {
            shuffled.resize(64);
            backwards = shuffled;
            std::sort(backwards.rbegin(), backwards.rend());
        }
        orders.emplace_back(QStringLiteral("random"), shuffled);
        orders.emplace_back(QStringLiteral("sequential"), order);
        orders.emplace_back(QStringLiteral("backwards"), backwards);
        for (const auto& [name, sequence] : orders) {
            // A fresh source per order (from the cached index) and the same one reused.
            auto again = VideoSource::open(g.path, options());
            QVERIFY2(again.ok(), qPrintable(again.error()));
            QVERIFY((*again)->indexWasCached());
            for (VideoSource* s : {again->get(), &src}) {
                for (qint64 i : sequence) {
                    auto f = s->frame(i);
                    QVERIFY2(f.ok(), qPrintable(f.error()));
                    QCOMPARE(f->cols, g.width);
                    QCOMPARE(f->rows, g.height);
                    QCOMPARE(f->type(), CV_8UC3);
                    const int number = fl::test::decodeFrameNumber(unrotated(*f, g.rotation));
                    if (number != int(i))
                        QFAIL(qPrintable(QStringLiteral("%1 order: frame(%2) shows %3").arg(name).arg(i).arg(number)));
                }
            }
        }
        // Asking twice gives the same picture; the result owns its pixels.
        auto a = src.frame(g.frames / 2);
        auto b = src.frame(g.frames / 2);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->data != b->data);
        QCOMPARE(cv::norm(*a, *b, cv::NORM_INF), 0.0);
    }

    void variableFrameRate_data() { addKindRows(m_videos); }
    void variableFrameRate()
    {
        QFETCH(QString, kind);
        const Generated& g = m_videos.at(kind);
        auto src = VideoSource::open(g.path, options());
        QVERIFY2(src.ok(), qPrintable(src.error()));
        QCOMPARE((*src)->info().variableFrameRate, g.vfr);
        QCOMPARE((*src)->index().isVariableFrameRate(), g.vfr);
        if (!g.vfr) {
            QVERIFY(std::abs((*src)->info().averageFps - 25.0) < 0.5);
            QVERIFY(std::abs((*src)->info().nominalFps - 25.0) < 0.5);
        }
    }

    void rotation()
    {
        const auto it = m_videos.find(QStringLiteral("mp4 h264 rotated 90"));
        if (it == m_videos.end()) QSKIP("no rotated video");
        auto src = VideoSource::open(it->second.path, options());
        QVERIFY2(src.ok(), qPrintable(src.error()));
        QCOMPARE((*src)->info().rotation, 90);
        QCOMPARE((*src)->info().width, 120);
        QCOMPARE((*src)->info().height, 160);
        auto f = (*src)->frame(7);
        QVERIFY(f.ok());
        QCOMPARE(f->cols, 120);
        QCOMPARE(f->rows, 160);
        // Rotated 90 degrees clockwise: undoing that (counter-clockwise) reads the number...
        QCOMPARE(fl::test::decodeFrameNumber(unrotated(*f, 90)), 7);
        // ...and undoing it the wrong way does not.
        QCOMPARE(fl::test::decodeFrameNumber(unrotated(*f, 270)), -1);
        // The same picture as the ffmpeg CLI (which applies the display matrix like players do).
        auto reference = fl::test::ffmpegFrame(it->second.path, 7, 120, 160);
        QVERIFY2(reference.ok(), qPrintable(reference.error()));
        QVERIFY2(fl::test::psnr(*f, *reference) >= 40.0, qPrintable(QString::number(fl::test::psnr(*f, *reference))));
    }

    void firstTimestampNotZero()
    {
        const auto it = m_videos.find(QStringLiteral("mp4 h264 start 5s"));
        if (it == m_videos.end()) QSKIP("no offset video");
        auto start = fl::test::ffprobeStartTime(it->second.path);
        QVERIFY2(start.ok(), qPrintable(start.error()));
        QVERIFY2(std::abs(*start - 5.0) < 0.2, qPrintable(QString::number(*start)));
        auto src = VideoSource::open(it->second.path, options());
        QVERIFY2(src.ok(), qPrintable(src.error()));
        QVERIFY(std::abs((*src)->index().timestampMs(0)) < 1.0);
        QVERIFY(std::abs((*src)->index().timestampMs(25) - 1000.0) < 1.0);
        QVERIFY(std::abs((*src)->info().durationSec - 60 / 25.0) < 0.05);
    }

    void codecNames_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("codec");
        const std::pair<const char*, const char*> rows[] = {{"mp4 h264 b-frames", "h264"},  {"avi mpeg4", "mpeg4"},
                                                            {"avi msmpeg4v3", "msmpeg4v3"}, {"mpg mpeg2", "mpeg2video"},
                                                            {"mkv h264", "h264"},           {"webm vp9", "vp9"}};
        for (const auto& [kind, codec] : rows)
            if (m_videos.count(QString::fromLatin1(kind)))
                QTest::newRow(kind) << QString::fromLatin1(kind) << QString::fromLatin1(codec);
    }
    void codecNames()
    {
        QFETCH(QString, kind);
        QFETCH(QString, codec);
        auto src = VideoSource::open(m_videos.at(kind).path, options());
        QVERIFY2(src.ok(), qPrintable(src.error()));
        QCOMPARE((*src)->info().codec, codec);
        QCOMPARE((*src)->info().container, QFileInfo(m_videos.at(kind).path).suffix());
    }

    // Hardware decoding asked for where no device can be opened (or a type FFmpeg does not
    // know): the video opens and decodes in software, with the same index and the same frames.
    // Where a device opens (a GPU machine), the index must still be the software one exactly.
    void hardwareDecodingFallsBackToSoftware()
    {
        const QString kind = QStringLiteral("mp4 h264 b-frames");
        if (!m_videos.count(kind)) QSKIP("no libx264");
        VideoOpenOptions software = options();
        software.useIndexCache = false;
        auto reference = VideoSource::open(m_videos.at(kind).path, software);
        QVERIFY2(reference.ok(), qPrintable(reference.error()));
        QVERIFY((*reference)->hardwareDecoder().isEmpty());
        QStringList asked{QStringLiteral("auto"), QStringLiteral("no-such-device")};
        asked += VideoSource::hardwareDecoderTypes();
        for (const QString& type : asked) {
            VideoOpenOptions hw = software;
            hw.hardwareDecoding = type;
            auto src = VideoSource::open(m_videos.at(kind).path, hw);
            QVERIFY2(src.ok(), qPrintable(type + QStringLiteral(": ") + src.error()));
            const FrameIndex& a = (*reference)->index();
            const FrameIndex& b = (*src)->index();
            QCOMPARE(b.frameCount(), a.frameCount());
            for (qint64 i = 0; i < a.frameCount(); ++i) {
                QCOMPARE(b.timestampMs(i), a.timestampMs(i));
                QCOMPARE(b.isKeyframe(i), a.isKeyframe(i));
            }
            for (qint64 i : {qint64(0), a.frameCount() / 2, a.frameCount() - 1}) {
                auto f = (*src)->frame(i);
                QVERIFY2(f.ok(), qPrintable(f.error()));
                QCOMPARE(fl::test::decodeFrameNumber(*f), int(i));
            }
            qInfo("%s: decoded by %s", qPrintable(type),
                  (*src)->hardwareDecoder().isEmpty() ? "software" : qPrintable((*src)->hardwareDecoder()));
        }
    }

    // Frames come out in the form asked: RGB / grey / smaller, converted once from the decoder's
    // pixels; the same frame as the full-size BGR one.
    void frameFormats()
    {
        const QString kind = QStringLiteral("mp4 h264 rotated 90");
        if (!m_videos.count(kind)) QSKIP("no libx264");
        auto opened = VideoSource::open(m_videos.at(kind).path, options());
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        VideoSource& src = **opened;
        auto bgr = src.frame(17);
        QVERIFY(bgr.ok());
        FrameFormat rgbFormat;
        rgbFormat.pixels = FrameFormat::Pixels::Rgb;
        auto rgb = src.frame(17, rgbFormat);
        QVERIFY(rgb.ok());
        cv::Mat swapped;
        cv::cvtColor(*rgb, swapped, cv::COLOR_RGB2BGR);
        QCOMPARE(cv::norm(swapped, *bgr, cv::NORM_INF), 0.0);
        FrameFormat grey;
        grey.pixels = FrameFormat::Pixels::Gray;
        auto luma = src.frame(17, grey);
        QVERIFY(luma.ok());
        QCOMPARE(luma->type(), CV_8UC1);
        QCOMPARE(luma->size(), bgr->size());
        FrameFormat half;
        half.halvedToWidth = bgr->cols / 2;
        auto small = src.frame(17, half);
        QVERIFY(small.ok());
        QCOMPARE(small->cols, bgr->cols / 2);
        QCOMPARE(small->rows, bgr->rows / 2);
        cv::Mat reference;
        cv::resize(*bgr, reference, small->size(), 0, 0, cv::INTER_AREA);
        QVERIFY(cv::norm(reference, *small, cv::NORM_L1) / double(reference.total() * 3) < 3.0);
        // A sequential read in another format gives the same frames as one in BGR.
        std::vector<cv::Mat> asBgr, asRgb;
        QVERIFY(src.readRange(20, 26,
                              [&](qint64, const cv::Mat& m) {
                                  asBgr.push_back(m.clone());
                                  return true;
                              })
                    .ok());
        QVERIFY(src.readRange(
                       20, 26,
                       [&](qint64, const cv::Mat& m) {
                           cv::Mat back;
                           cv::cvtColor(m, back, cv::COLOR_RGB2BGR);
                           asRgb.push_back(back);
                           return true;
                       },
                       {}, rgbFormat)
                    .ok());
        QCOMPARE(asRgb.size(), size_t(6));
        QCOMPARE(asBgr.size(), size_t(6));
        for (size_t k = 0; k < asBgr.size(); ++k) QCOMPARE(cv::norm(asBgr[k], asRgb[k], cv::NORM_INF), 0.0);
        QVERIFY(cv::norm(asBgr[0], asBgr[5], cv::NORM_INF) > 0); // different frames
    }

    // Timestamps that jump back midway cannot identify frames: every access decodes forward
    // from the start (slow, still exact).
    void unreliableTimestamps()
    {
        if (m_resetTs.isEmpty()) QSKIP("no libx264");
        std::vector<int> seen;
        auto opened = VideoSource::open(m_resetTs, options(), {}, [&](qint64, const cv::Mat& bgr) {
            seen.push_back(fl::test::decodeFrameNumber(bgr));
            return true;
        });
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        VideoSource& src = **opened;
        QCOMPARE(src.info().frameCount, qint64(80));
        QVERIFY(!src.info().timestampsReliable);
        QVERIFY(!src.index().timestampsReliable());
        QCOMPARE(src.info().codec, QStringLiteral("h264"));
        QCOMPARE(qint64(seen.size()), qint64(80));
        for (int i = 0; i < 80; ++i) QCOMPARE(seen[size_t(i)], i);
        std::vector<qint64> order(80);
        std::iota(order.begin(), order.end(), 0);
        std::mt19937 rng(7);
        std::shuffle(order.begin(), order.end(), rng);
        for (qint64 i : {qint64(79), qint64(0), qint64(40), qint64(39)}) order.push_back(i);
        for (qint64 i : order) {
            auto f = src.frame(i);
            QVERIFY2(f.ok(), qPrintable(f.error()));
            QCOMPARE(fl::test::decodeFrameNumber(*f), int(i));
        }
        std::vector<int> range;
        QVERIFY(src.readRange(35, 45,
                              [&](qint64, const cv::Mat& bgr) {
                                  range.push_back(fl::test::decodeFrameNumber(bgr));
                                  return true;
                              })
                    .ok());
        QCOMPARE(range, (std::vector<int>{35, 36, 37, 38, 39, 40, 41, 42, 43, 44}));
        // The cached index keeps the verdict.
        auto again = VideoSource::open(m_resetTs, options());
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QVERIFY((*again)->indexWasCached());
        QVERIFY(!(*again)->info().timestampsReliable);
        auto f = (*again)->frame(61);
        QVERIFY(f.ok());
        QCOMPARE(fl::test::decodeFrameNumber(*f), 61);
    }

    void outOfRange()
    {
        const Generated& g = m_videos.begin()->second;
        auto src = VideoSource::open(g.path, options());
        QVERIFY2(src.ok(), qPrintable(src.error()));
        const QString name = QFileInfo(g.path).fileName();
        for (qint64 i : {qint64(-1), qint64(g.frames), qint64(g.frames) + 1000}) {
            auto f = (*src)->frame(i);
            QVERIFY(!f.ok());
            QVERIFY2(f.error().contains(name), qPrintable(f.error()));
            QVERIFY2(f.error().contains(QStringLiteral("out of range")), qPrintable(f.error()));
            QVERIFY2(f.error().contains(QString::number(g.frames - 1)), qPrintable(f.error()));
        }
        QVERIFY(!(*src)->readRange(-1, 3, [](qint64, const cv::Mat&) { return true; }).ok());
        QVERIFY(!(*src)->readRange(g.frames - 1, g.frames + 1, [](qint64, const cv::Mat&) { return true; }).ok());
        QVERIFY((*src)->frame(g.frames - 1).ok()); // still usable afterwards
    }

    // ---- index cache ----

    void indexCache()
    {
        if (!fl::test::encoderAvailable(QStringLiteral("libx264"))) QSKIP("no libx264");
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache"));
        NumberedVideoOptions o;
        o.baseName = QStringLiteral("cached");
        o.frames = 40;
        auto path = fl::test::makeNumberedVideo(dir.path(), o);
        QVERIFY2(path.ok(), qPrintable(path.error()));
        VideoOpenOptions opts;
        opts.indexCacheDir = cache;

        auto first = VideoSource::open(*path, opts);
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QVERIFY(!(*first)->indexWasCached());
        const QString indexFile = (*first)->indexFile();
        QVERIFY(QFileInfo::exists(indexFile));
        QCOMPARE(QFileInfo(indexFile).absolutePath(), QFileInfo(cache).absoluteFilePath());
        QVERIFY(indexFile.endsWith(QStringLiteral(".flidx")));
        auto fp = FileFingerprint::of(*path);
        QVERIFY(fp.ok());
        QCOMPARE(QFileInfo(indexFile).completeBaseName(), QString::fromLatin1(fp->hash));

        auto second = VideoSource::open(*path, opts);
        QVERIFY2(second.ok(), qPrintable(second.error()));
        QVERIFY((*second)->indexWasCached());
        QCOMPARE((*second)->indexFile(), indexFile);
        const VideoInfo& a = (*first)->info();
        const VideoInfo& b = (*second)->info();
        QCOMPARE(b.frameCount, a.frameCount);
        QCOMPARE(b.width, a.width);
        QCOMPARE(b.height, a.height);
        QCOMPARE(b.codec, a.codec);
        QCOMPARE(b.path, a.path);
        QCOMPARE(b.durationSec, a.durationSec);
        for (qint64 i = 0; i < a.frameCount; ++i) {
            QCOMPARE((*second)->index().timestampMs(i), (*first)->index().timestampMs(i));
            QCOMPARE((*second)->index().isKeyframe(i), (*first)->index().isKeyframe(i));
        }
        auto f = (*second)->frame(17);
        QVERIFY(f.ok());
        QCOMPARE(fl::test::decodeFrameNumber(*f), 17);

        // Different content at the same path: re-indexed.
        first->reset();
        second->reset();
        o.frames = 30;
        o.firstNumber = 100;
        path = fl::test::makeNumberedVideo(dir.path(), o);
        QVERIFY2(path.ok(), qPrintable(path.error()));
        auto changed = VideoSource::open(*path, opts);
        QVERIFY2(changed.ok(), qPrintable(changed.error()));
        QVERIFY(!(*changed)->indexWasCached());
        QCOMPARE((*changed)->info().frameCount, qint64(30));
        auto g = (*changed)->frame(5);
        QVERIFY(g.ok());
        QCOMPARE(fl::test::decodeFrameNumber(*g), 105);
        QVERIFY((*changed)->indexFile() != indexFile);

        // Same content, new modification time: re-indexed too (the hash only samples the file).
        {
            QFile file(*path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-3600), QFileDevice::FileModificationTime));
        }
        auto touched = VideoSource::open(*path, opts);
        QVERIFY2(touched.ok(), qPrintable(touched.error()));
        QVERIFY(!(*touched)->indexWasCached());
        auto touchedAgain = VideoSource::open(*path, opts);
        QVERIFY2(touchedAgain.ok(), qPrintable(touchedAgain.error()));
        QVERIFY((*touchedAgain)->indexWasCached());

        // A damaged index file is ignored and rewritten.
        {
            QFile file((*touchedAgain)->indexFile());
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("garbage");
        }
        auto repaired = VideoSource::open(*path, opts);
        QVERIFY2(repaired.ok(), qPrintable(repaired.error()));
        QVERIFY(!(*repaired)->indexWasCached());
        QCOMPARE((*repaired)->info().frameCount, qint64(30));

        // No cache: nothing written.
        QTemporaryDir other;
        VideoOpenOptions none;
        none.indexCacheDir = other.path();
        none.useIndexCache = false;
        auto uncached = VideoSource::open(*path, none);
        QVERIFY2(uncached.ok(), qPrintable(uncached.error()));
        QVERIFY((*uncached)->indexFile().isEmpty());
        QVERIFY(!(*uncached)->indexWasCached());
        QCOMPARE(indexFilesIn(other.path()), qsizetype(0));

        // An index folder that cannot be created: still opens, just does not cache.
        VideoOpenOptions bad;
        bad.indexCacheDir = *path + QStringLiteral("/cannot/be/a/folder");
        auto unwritable = VideoSource::open(*path, bad);
        QVERIFY2(unwritable.ok(), qPrintable(unwritable.error()));
        QVERIFY((*unwritable)->indexFile().isEmpty());
    }

    void cancelDuringIndexing()
    {
        const Generated* found = video(QStringLiteral("mp4 h264 b-frames"));
        if (!found) QSKIP("no libx264");
        const Generated& g = *found;
        QTemporaryDir cache;
        VideoOpenOptions opts;
        opts.indexCacheDir = cache.path();
        std::atomic<bool> cancel{false};
        std::vector<qint64> done;
        QString what;
        qint64 total = -1;
        WorkControl control;
        control.cancel = &cancel;
        control.progress = [&](qint64 d, qint64 t, const QString& w) {
            done.push_back(d);
            what = w;
            total = t;
            if (d >= 32) cancel = true;
        };
        auto src = VideoSource::open(g.path, opts, control);
        QVERIFY(!src.ok());
        QVERIFY2(src.error().contains(QFileInfo(g.path).fileName()), qPrintable(src.error()));
        QVERIFY2(src.error().endsWith(QStringLiteral("cancelled")), qPrintable(src.error()));
        QCOMPARE(indexFilesIn(cache.path()), qsizetype(0));
        QVERIFY(!done.empty());
        QCOMPARE(done.back(), qint64(32));
        QCOMPARE(what, QStringLiteral("Indexing %1").arg(QFileInfo(g.path).fileName()));
        QCOMPARE(total, qint64(g.frames)); // the header's count

        // A sink that stops early counts as a cancel as well.
        qint64 seen = 0;
        auto stopped = VideoSource::open(g.path, opts, {}, [&](qint64, const cv::Mat&) { return ++seen < 10; });
        QVERIFY(!stopped.ok());
        QVERIFY2(stopped.error().endsWith(QStringLiteral("cancelled")), qPrintable(stopped.error()));
        QCOMPARE(seen, qint64(10));
        QCOMPARE(indexFilesIn(cache.path()), qsizetype(0));

        // Uncancelled: progress reaches the end, every 16 frames.
        cancel = false;
        done.clear();
        control.progress = [&](qint64 d, qint64, const QString&) { done.push_back(d); };
        auto full = VideoSource::open(g.path, opts, control);
        QVERIFY2(full.ok(), qPrintable(full.error()));
        QCOMPARE(done.back(), qint64(g.frames));
        QCOMPARE(done.front(), qint64(16));
        QCOMPARE(indexFilesIn(cache.path()), qsizetype(1));
    }

    // ---- sequential paths ----

    void sinkInOpen_data() { addKindRows(m_videos); }
    void sinkInOpen()
    {
        QFETCH(QString, kind);
        const Generated& g = m_videos.at(kind);
        QTemporaryDir cache;
        VideoOpenOptions opts;
        opts.indexCacheDir = cache.path();
        for (int pass = 0; pass < 2; ++pass) { // indexing pass, then from the cached index
            std::vector<qint64> indices;
            std::vector<int> numbers;
            auto src = VideoSource::open(g.path, opts, {}, [&](qint64 i, const cv::Mat& bgr) {
                indices.push_back(i);
                numbers.push_back(fl::test::decodeFrameNumber(unrotated(bgr, g.rotation)));
                return true;
            });
            QVERIFY2(src.ok(), qPrintable(src.error()));
            QCOMPARE((*src)->indexWasCached(), pass == 1);
            QCOMPARE(qint64(indices.size()), qint64(g.frames));
            for (int i = 0; i < g.frames; ++i) {
                QCOMPARE(indices[size_t(i)], qint64(i));
                QCOMPARE(numbers[size_t(i)], i);
            }
        }
    }

    void readRange_data() { addKindRows(m_videos); }
    void readRange()
    {
        QFETCH(QString, kind);
        const Generated& g = m_videos.at(kind);
        auto opened = VideoSource::open(g.path, options());
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        VideoSource& src = **opened;
        const qint64 n = g.frames;
        const std::pair<qint64, qint64> ranges[] = {{10, 30},           {5, 8},     {n - 6, n}, {0, 4},
                                                    {n / 2, n / 2 + 1}, {n - 1, n}, {3, 3}};
        for (const auto& [first, last] : ranges) {
            if (first == n / 2) QVERIFY(src.frame(n - 3).ok()); // from a position past the range
            std::vector<qint64> indices;
            std::vector<int> numbers;
            const Status s = src.readRange(first, last, [&](qint64 i, const cv::Mat& bgr) {
                indices.push_back(i);
                numbers.push_back(fl::test::decodeFrameNumber(unrotated(bgr, g.rotation)));
                return true;
            });
            QVERIFY2(s.ok(), qPrintable(s.error()));
            QCOMPARE(qint64(indices.size()), last - first);
            for (qint64 k = 0; k < last - first; ++k) {
                QCOMPARE(indices[size_t(k)], first + k);
                QCOMPARE(numbers[size_t(k)], int(first + k));
            }
        }
        // frame() after readRange is still exact.
        auto f = src.frame(7);
        QVERIFY(f.ok());
        QCOMPARE(fl::test::decodeFrameNumber(unrotated(*f, g.rotation)), 7);
        // A cancelled range.
        std::atomic<bool> cancel{true};
        WorkControl control;
        control.cancel = &cancel;
        const Status c = src.readRange(
            0, 10, [](qint64, const cv::Mat&) { return true; }, control);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().endsWith(QStringLiteral("cancelled")), qPrintable(c.error()));
    }

    // ---- fingerprint ----

    void fingerprint()
    {
        QTemporaryDir dir;
        const Generated* found = video(QStringLiteral("mp4 h264 b-frames"));
        const Generated* otherVideo = video(QStringLiteral("avi mpeg4"));
        if (!found || !otherVideo) QSKIP("no libx264 or mpeg4 encoder");
        const Generated& g = *found;
        auto a = FileFingerprint::of(g.path);
        QVERIFY2(a.ok(), qPrintable(a.error()));
        QCOMPARE(a->size, QFileInfo(g.path).size());
        QCOMPARE(a->hash.size(), 64);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(QString::fromLatin1(a->hash)).hasMatch());
        QVERIFY(a->modifiedMs > 0);

        // A copy elsewhere: same content.
        const QString copy = dir.filePath(QStringLiteral("copy.mp4"));
        QVERIFY(QFile::copy(g.path, copy));
        auto b = FileFingerprint::of(copy);
        QVERIFY(b.ok());
        QVERIFY(a->sameContent(*b));
        QCOMPARE(b->hash, a->hash);

        // One byte changed in each sampled region: different content.
        for (qint64 where : {qint64(10), a->size / 2, a->size - 10}) {
            QFile::remove(copy);
            QVERIFY(QFile::copy(g.path, copy));
            QFile f(copy);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek(where));
            char c = 0;
            QVERIFY(f.getChar(&c));
            QVERIFY(f.seek(where));
            QVERIFY(f.putChar(char(c ^ 0x55)));
            f.close();
            auto changed = FileFingerprint::of(copy);
            QVERIFY(changed.ok());
            QVERIFY2(!a->sameContent(*changed), qPrintable(QStringLiteral("change at %1 not seen").arg(where)));
        }
        // Different videos differ.
        auto other = FileFingerprint::of(otherVideo->path);
        QVERIFY(other.ok());
        QVERIFY(!a->sameContent(*other));

        // Errors name the file.
        auto missing = FileFingerprint::of(dir.filePath(QStringLiteral("missing.mp4")));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(QStringLiteral("missing.mp4")), qPrintable(missing.error()));
        auto folder = FileFingerprint::of(dir.path());
        QVERIFY(!folder.ok());
    }

    // ---- FrameIndex on its own ----

    void frameIndexFromDecoderTimes()
    {
        // Decoder-delay tail: the last frames come back as 0 or a repeated time.
        std::vector<double> ms{0, 40, 80, 120, 160, 200, 200, 0, 0};
        auto index = FrameIndex::fromDecoderTimes(ms, {true, false, false, false, true}, 25);
        QCOMPARE(index.frameCount(), qint64(9));
        QVERIFY(index.timestampsReliable());
        QCOMPARE(index.estimatedTailLength(), qint64(3));
        QVERIFY(!index.timestampEstimated(5));
        QVERIFY(index.timestampEstimated(6));
        QCOMPARE(index.timestampMs(6), 240.0);
        QCOMPARE(index.timestampMs(8), 320.0);
        QCOMPARE(index.durationMs(), 360.0);
        QCOMPARE(index.averageFps(), 25.0);
        QVERIFY(!index.isVariableFrameRate());
        QCOMPARE(index.keyframes(), (std::vector<qint64>{0, 4}));
        QCOMPARE(index.keyframeAtOrBefore(3), qint64(0));
        QCOMPARE(index.keyframeAtOrBefore(4), qint64(4));
        QCOMPARE(index.keyframeAtOrBefore(8), qint64(4));
        QCOMPARE(index.matchTimestamp(119.0), std::optional<qint64>(3));
        QCOMPARE(index.matchTimestamp(0.0), std::optional<qint64>(0));
        QVERIFY(!index.matchTimestamp(240.0)); // estimated frames are never matched
        QVERIFY(!index.matchTimestamp(60.0));  // between frames
        QVERIFY(!index.matchTimestamp(-500.0));
        QCOMPARE(index.frameAtTime(130), qint64(3));
        QCOMPARE(index.frameAtTime(-5), qint64(0));
        QCOMPARE(index.frameAtTime(1e9), qint64(8));
        QCOMPARE(index.timestampMs(99), 0.0);

        // A time going back in the middle: unreliable.
        auto broken = FrameIndex::fromDecoderTimes({0, 40, 80, 40, 160, 200}, {}, 25);
        QVERIFY(!broken.timestampsReliable());
        QVERIFY(!broken.matchTimestamp(80.0));
        // Times that restart near the end are not a decoder tail either.
        QVERIFY(!FrameIndex::fromDecoderTimes({0, 40, 80, 120, 160, 0, 40, 80}, {}, 25).timestampsReliable());
        // A long run of zeros is not a decoder tail.
        std::vector<double> zeros(200, 0.0);
        zeros[1] = 40;
        QVERIFY(!FrameIndex::fromDecoderTimes(zeros, {}, 25).timestampsReliable());

        // Variable rate; constant rate stored in whole milliseconds is not.
        QVERIFY(FrameIndex::fromDecoderTimes({0, 40, 80, 120, 200, 240, 280}, {}, 25).isVariableFrameRate());
        std::vector<double> sixty;
        for (int i = 0; i < 120; ++i) sixty.push_back(std::round(i * 1000.0 / 60.0));
        QVERIFY(!FrameIndex::fromDecoderTimes(sixty, {}, 60).isVariableFrameRate());

        // One frame: duration from the nominal rate.
        auto single = FrameIndex::fromDecoderTimes({0}, {}, 25);
        QCOMPARE(single.durationMs(), 40.0);
        QCOMPARE(single.matchTimestamp(0.0), std::optional<qint64>(0));
    }

    void frameIndexSaveLoad()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("x.flidx"));
        auto index = FrameIndex::fromDecoderTimes({0, 33.5, 66.7, 100.1, 0}, {true, false, true}, 29.97);
        FileFingerprint fp;
        fp.size = 1234;
        fp.modifiedMs = 99;
        fp.hash = QByteArray(64, 'a');
        VideoInfo info;
        info.path = QStringLiteral("/somewhere/v.mp4");
        info.container = QStringLiteral("mp4");
        info.codec = QStringLiteral("h264");
        info.width = 320;
        info.height = 240;
        info.rotation = 270;
        info.nominalFps = 29.97;
        info.averageFps = index.averageFps();
        info.durationSec = index.durationMs() / 1000;
        info.frameCount = index.frameCount();
        info.declaredFrameCount = 6;
        info.variableFrameRate = true;
        QVERIFY(index.save(file, fp, info).ok());

        auto loaded = FrameIndex::load(file, fp);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QCOMPARE(loaded->index.frameCount(), index.frameCount());
        for (qint64 i = 0; i < index.frameCount(); ++i) {
            QCOMPARE(loaded->index.timestampMs(i), index.timestampMs(i));
            QCOMPARE(loaded->index.isKeyframe(i), index.isKeyframe(i));
            QCOMPARE(loaded->index.timestampEstimated(i), index.timestampEstimated(i));
        }
        QCOMPARE(loaded->info.codec, info.codec);
        QCOMPARE(loaded->info.width, 320);
        QCOMPARE(loaded->info.rotation, 270);
        QCOMPARE(loaded->info.declaredFrameCount, qint64(6));
        QCOMPARE(loaded->info.variableFrameRate, true);
        QCOMPARE(loaded->fingerprint.modifiedMs, qint64(99));

        FileFingerprint other = fp;
        other.hash = QByteArray(64, 'b');
        auto refused = FrameIndex::load(file, other);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("x.flidx")), qPrintable(refused.error()));
        other = fp;
        other.size = 1235;
        QVERIFY(!FrameIndex::load(file, other).ok());
        QVERIFY(!FrameIndex::load(dir.filePath(QStringLiteral("missing.flidx")), fp).ok());
        // Truncated file.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() - 3));
        f.close();
        QVERIFY(!FrameIndex::load(file, fp).ok());
    }
};

QTEST_GUILESS_MAIN(TestVideoSource)
#include "tst_videosource.moc"
