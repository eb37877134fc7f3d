// FragmentCache: built once and reused, rebuilt when the video changes, T x H x W x 3 RGB
// blocks that hold exactly the frames a spec names (frame numbers read back from the
// pixels), damaged files refused with a message naming them, a cancelled build leaves no
// file. Cost: ~3 s (small generated videos).
#include "TestMedia.h"

#include "fragments/FragmentCache.h"
#include "video/FileFingerprint.h"
#include "video/VideoSource.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace fl;

namespace {

// All files below `dir` (recursively), relative to it.
QStringList filesBelow(const QString& dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

// One frame of a block as a BGR image (the block holds RGB).
cv::Mat bgrOf(const std::uint8_t* rgb, FrameSize size)
{
    const cv::Mat view(size.height, size.width, CV_8UC3, const_cast<std::uint8_t*>(rgb));
    cv::Mat bgr;
    cv::cvtColor(view, bgr, cv::COLOR_RGB2BGR);
    return bgr;
}

} // namespace

class TestFragmentCache : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_numbered; // 48 frames showing 0..47, 160x120
    QString m_colour;   // ffmpeg testsrc2 colour pattern, 30 frames, 128x96

    VideoOpenOptions indexOptions() const
    {
        VideoOpenOptions o;
        o.indexCacheDir = m_dir.filePath(QStringLiteral("index"));
        return o;
    }
    QString freshCacheDir(const char* name) const
    {
        return m_dir.filePath(QStringLiteral("cache-%1").arg(QLatin1String(name)));
    }

private slots:
    void initTestCase()
    {
        if (!fl::test::ffmpegAvailable() || !fl::test::encoderAvailable(QStringLiteral("libx264")))
            QSKIP("needs ffmpeg with libx264 to make test videos");
        QVERIFY(m_dir.isValid());
        fl::test::NumberedVideoOptions o;
        o.baseName = QStringLiteral("numbered");
        o.frames = 48;
        auto numbered = fl::test::makeNumberedVideo(m_dir.path(), o);
        QVERIFY2(numbered.ok(), qPrintable(numbered.error()));
        m_numbered = *numbered;

        m_colour = m_dir.filePath(QStringLiteral("colour.mp4"));
        auto made = fl::test::runTool(fl::test::ffmpegPath(),
                                      {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                                       QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                                       QStringLiteral("-i"), QStringLiteral("testsrc2=size=128x96:rate=25"),
                                       QStringLiteral("-frames:v"), QStringLiteral("30"), QStringLiteral("-c:v"),
                                       QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("veryfast"),
                                       QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), m_colour});
        QVERIFY2(made.ok(), qPrintable(made.error()));
    }

    void buildsOnceAndReuses()
    {
        const QString dir = freshCacheDir("reuse");
        int reports = 0;
        WorkControl control;
        control.progress = [&reports](std::int64_t, std::int64_t, const QString&) { ++reports; };
        auto cache = FragmentCache::ensure(m_numbered, dir, {64, 48}, indexOptions(), control);
        QVERIFY2(cache.ok(), qPrintable(cache.error()));
        QVERIFY(reports > 0); // it decoded
        auto fingerprint = FileFingerprint::of(m_numbered);
        QVERIFY(fingerprint.ok());
        const QString file = FragmentCache::fileFor(dir, QString::fromLatin1(fingerprint->hash), {64, 48});
        QCOMPARE(cache->file(), file);
        QCOMPARE(filesBelow(dir), QStringList{QDir(dir).relativeFilePath(file)}); // nothing else left behind
        QCOMPARE(cache->frameCount(), 48);
        QCOMPARE(cache->frameSize(), (FrameSize{64, 48}));
        QCOMPARE(cache->bytesPerFrame(), 64 * 48 * 3);
        QCOMPARE(cache->contentHash(), QString::fromLatin1(fingerprint->hash));
        QCOMPARE(QFileInfo(file).size(), 128 + 48 * 64 * 48 * 3);

        // Again: the same file, not rewritten, no decoding.
        const QDateTime written = QFileInfo(file).lastModified();
        reports = 0;
        QTest::qWait(20);
        auto again = FragmentCache::ensure(m_numbered, dir, {64, 48}, indexOptions(), control);
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(reports, 0);
        QCOMPARE(QFileInfo(file).lastModified(), written);
        QCOMPARE(std::memcmp(again->frame(0), cache->frame(0), size_t(cache->bytesPerFrame() * 48)), 0);
        // Letting go of mapped pages (a long sequential read) loses no pixels: they map back.
        const std::vector<std::uint8_t> before(cache->frame(0), cache->frame(0) + cache->bytesPerFrame() * 48);
        cache->releaseFrames(0, 48);
        cache->releaseFrames(-5, 100); // clamped
        QCOMPARE(std::memcmp(before.data(), cache->frame(0), before.size()), 0);

        // Another size is another file beside it.
        auto other = FragmentCache::ensure(m_numbered, dir, {96, 72}, indexOptions());
        QVERIFY2(other.ok(), qPrintable(other.error()));
        QVERIFY(other->file() != file);
        QCOMPARE(filesBelow(dir).size(), 2);
    }

    void blocksHoldTheSpecsFrames_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("step");
        QTest::newRow("T4 S4 K1 (default)") << 4 << 4 << 1;
        QTest::newRow("T2 S1 K1 (overlapping)") << 2 << 1 << 1;
        QTest::newRow("T3 S5 K2 (gaps, stepped)") << 3 << 5 << 2;
        QTest::newRow("T8 S3 K3") << 8 << 3 << 3;
        QTest::newRow("T16 S16 K3 (one fragment)") << 16 << 16 << 3;
    }
    void blocksHoldTheSpecsFrames()
    {
        QFETCH(int, length);
        QFETCH(int, stride);
        QFETCH(int, step);
        auto spec = FragmentSpec::make(length, stride, step);
        QVERIFY(spec.ok());
        auto cache = FragmentCache::ensure(m_numbered, freshCacheDir("blocks"), {80, 60}, indexOptions());
        QVERIFY2(cache.ok(), qPrintable(cache.error()));
        const qint64 count = spec->count(48);
        QVERIFY(count >= 1);
        const FrameSize size = cache->frameSize();
        for (qint64 j = 0; j < count; ++j) {
            const std::vector<std::uint8_t> block = cache->fragmentBlock(*spec, j);
            QCOMPARE(block.size(), size_t(length) * 60 * 80 * 3);
            for (int t = 0; t < length; ++t) {
                const std::uint8_t* frame = block.data() + size_t(t) * size_t(cache->bytesPerFrame());
                const qint64 expected = j * stride + qint64(t) * step;
                QCOMPARE(fl::test::decodeFrameNumber(bgrOf(frame, size)), int(expected));
                QCOMPARE(std::memcmp(frame, cache->frame(expected), size_t(cache->bytesPerFrame())), 0);
            }
        }
        // Outside the fragments of this spec: refused, naming the cache file.
        std::vector<std::uint8_t> out(size_t(length) * size_t(cache->bytesPerFrame()));
        for (qint64 bad : {qint64(-1), count}) {
            const Status s = cache->fragmentBlock(*spec, bad, out.data());
            QVERIFY(!s.ok());
            QVERIFY2(s.error().contains(QFileInfo(cache->file()).fileName()) && s.error().contains(spec->toString()),
                     qPrintable(s.error()));
            QVERIFY(cache->fragmentBlock(*spec, bad).empty());
        }
        QVERIFY(cache->frame(-1) == nullptr);
        QVERIFY(cache->frame(48) == nullptr);
    }

    // The pixels are the decoded frame shrunk to the cache size straight from the decoder's
    // pixels (VideoSource's model format: RGB, area average), the same frame the inspector
    // gets; and they are that frame: close to the full-size BGR frame shrunk with INTER_AREA.
    void pixelsAreResizedRgb()
    {
        auto cache = FragmentCache::ensure(m_colour, freshCacheDir("colour"), {64, 48}, indexOptions());
        QVERIFY2(cache.ok(), qPrintable(cache.error()));
        auto source = VideoSource::open(m_colour, indexOptions());
        QVERIFY2(source.ok(), qPrintable(source.error()));
        for (qint64 i : {0, 7, 29}) {
            auto model = (*source)->frame(i, FragmentCache::modelFormat({64, 48}));
            QVERIFY2(model.ok(), qPrintable(model.error()));
            QCOMPARE(model->type(), CV_8UC3);
            QCOMPARE(model->cols, 64);
            QCOMPARE(model->rows, 48);
            QVERIFY(model->isContinuous());
            QCOMPARE(std::memcmp(model->data, cache->frame(i), size_t(cache->bytesPerFrame())), 0);
            auto bgr = (*source)->frame(i);
            QVERIFY(bgr.ok());
            cv::Mat small, rgb;
            cv::resize(*bgr, small, cv::Size(64, 48), 0, 0, cv::INTER_AREA);
            cv::cvtColor(small, rgb, cv::COLOR_BGR2RGB);
            const double meanDifference = cv::norm(rgb, *model, cv::NORM_L1) / double(rgb.total() * 3);
            QVERIFY2(meanDifference < 2.0, qPrintable(QString::number(meanDifference)));
        }
        // testsrc2 has saturated colours: red and blue channels differ somewhere.
        const cv::Mat view(48, 64, CV_8UC3, const_cast<std::uint8_t*>(cache->frame(0)));
        std::vector<cv::Mat> channels;
        cv::split(view, channels);
        QVERIFY(cv::norm(channels[0], channels[2], cv::NORM_L1) > 1000);
    }

    // A changed video (same path, other content) gets a cache of its own content.
    void staleCacheRebuilt()
    {
        QTemporaryDir work;
        fl::test::NumberedVideoOptions o;
        o.baseName = QStringLiteral("changing");
        o.frames = 24;
        auto video = fl::test::makeNumberedVideo(work.path(), o);
        QVERIFY2(video.ok(), qPrintable(video.error()));
        const QString dir = work.filePath(QStringLiteral("cache"));
        VideoOpenOptions options;
        options.indexCacheDir = work.filePath(QStringLiteral("index"));
        auto first = FragmentCache::ensure(*video, dir, {64, 48}, options);
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QCOMPARE(fl::test::decodeFrameNumber(bgrOf(first->frame(5), {64, 48})), 5);

        o.frames = 30;
        o.firstNumber = 500;
        video = fl::test::makeNumberedVideo(work.path(), o); // overwrites changing.mp4
        QVERIFY2(video.ok(), qPrintable(video.error()));
        auto second = FragmentCache::ensure(*video, dir, {64, 48}, options);
        QVERIFY2(second.ok(), qPrintable(second.error()));
        QVERIFY(second->file() != first->file());
        QVERIFY(second->contentHash() != first->contentHash());
        QCOMPARE(second->frameCount(), 30);
        for (qint64 i : {0, 5, 29})
            QCOMPARE(fl::test::decodeFrameNumber(bgrOf(second->frame(i), {64, 48})), int(500 + i));
        // The first mapping still reads its own (old) frames.
        QCOMPARE(fl::test::decodeFrameNumber(bgrOf(first->frame(5), {64, 48})), 5);
    }

    void damagedFilesRefused_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("truncated") << "truncate"
                                   << "fragment cache is truncated";
        QTest::newRow("one byte extra") << "append"
                                        << "fragment cache is truncated";
        QTest::newRow("bad magic") << "magic"
                                   << "not a FragmentLab fragment cache";
        QTest::newRow("newer version") << "version"
                                       << "fragment cache version 99 is not 3";
        QTest::newRow("absurd size") << "size"
                                     << "fragment cache header is damaged";
        QTest::newRow("too short for a header") << "short"
                                                << "not a FragmentLab fragment cache";
        QTest::newRow("empty") << "empty"
                               << "not a FragmentLab fragment cache";
    }
    void damagedFilesRefused()
    {
        QFETCH(QString, damage);
        QFETCH(QString, phrase);
        QTemporaryDir work;
        const QString dir = work.filePath(QStringLiteral("cache"));
        auto built = FragmentCache::ensure(m_numbered, dir, {64, 48}, indexOptions());
        QVERIFY2(built.ok(), qPrintable(built.error()));
        const QString file = built->file();
        built = FragmentCache(); // unmap before damaging
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        if (damage == QLatin1String("truncate"))
            bytes.chop(1000);
        else if (damage == QLatin1String("append"))
            bytes.append('x');
        else if (damage == QLatin1String("magic"))
            bytes[0] = 'X';
        else if (damage == QLatin1String("version"))
            bytes[8] = 99;
        else if (damage == QLatin1String("size")) {
            bytes[12] = char(0xFF);
            bytes[13] = char(0xFF);
        } else if (damage == QLatin1String("short"))
            bytes.truncate(100);
        else if (damage == QLatin1String("empty"))
            bytes.clear();
        QVERIFY(f.resize(0) && f.seek(0) && f.write(bytes) == bytes.size());
        f.close();

        auto opened = FragmentCache::open(file);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().startsWith(file + QLatin1Char(':')), qPrintable(opened.error()));
        QVERIFY2(opened.error().contains(phrase), qPrintable(opened.error()));
        QVERIFY(!opened.error().contains(QLatin1Char('\n')));

        // ensure() does not trust it: it rebuilds a good one in its place.
        auto rebuilt = FragmentCache::ensure(m_numbered, dir, {64, 48}, indexOptions());
        QVERIFY2(rebuilt.ok(), qPrintable(rebuilt.error()));
        QCOMPARE(rebuilt->file(), file);
        QCOMPARE(fl::test::decodeFrameNumber(bgrOf(rebuilt->frame(47), {64, 48})), 47);
    }

    void openMissingFile()
    {
        auto opened = FragmentCache::open(m_dir.filePath(QStringLiteral("nothing.flcache")));
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().contains(QLatin1String("nothing.flcache")), qPrintable(opened.error()));
        QVERIFY(!FragmentCache().isValid());
        QVERIFY(FragmentCache().fragmentBlock(FragmentSpec{}, 0).empty());
    }

    void cancelledBuildLeavesNoFile()
    {
        const QString dir = freshCacheDir("cancel");
        std::atomic<bool> cancel{false};
        WorkControl control;
        control.cancel = &cancel;
        control.progress = [&cancel](std::int64_t done, std::int64_t, const QString&) {
            if (done >= 16) cancel = true; // partway through the decode
        };
        auto cache = FragmentCache::ensure(m_numbered, dir, {64, 48}, indexOptions(), control);
        QVERIFY(!cache.ok());
        QVERIFY2(cache.error().contains(QLatin1String("cancelled")), qPrintable(cache.error()));
        QCOMPARE(filesBelow(dir), QStringList());
        // And a later build works.
        auto later = FragmentCache::ensure(m_numbered, dir, {64, 48}, indexOptions());
        QVERIFY2(later.ok(), qPrintable(later.error()));
    }

    void badInputs()
    {
        const QString dir = freshCacheDir("bad");
        auto tiny = FragmentCache::ensure(m_numbered, dir, {4, 4}, indexOptions());
        QVERIFY(!tiny.ok());
        QVERIFY2(tiny.error().contains(QLatin1String("4x4")), qPrintable(tiny.error()));
        const QString text = m_dir.filePath(QStringLiteral("notes.mp4"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(5000, 'a'));
        f.close();
        auto bad = FragmentCache::ensure(text, dir, {64, 48}, indexOptions());
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().contains(QLatin1String("notes.mp4")), qPrintable(bad.error()));
        auto missing = FragmentCache::ensure(m_dir.filePath(QStringLiteral("absent.mp4")), dir, {64, 48},
                                             indexOptions());
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(QLatin1String("absent.mp4")), qPrintable(missing.error()));
        QCOMPARE(filesBelow(dir), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestFragmentCache)
#include "tst_fragmentcache.moc"
