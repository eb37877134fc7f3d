// VideoSource::open on input that is not a usable video: every case fails with one line that
// names the file and the problem, never a crash, and leaves no index behind.
#include "BadMedia.h"
#include "TestMedia.h"

#include "video/VideoSource.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace fl;

namespace {

QStringList args(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* a : list) out << QString::fromLatin1(a);
    return out;
}

using fl::test::randomBytes;
using fl::test::readWholeFile;
using fl::test::writeWholeFile;

} // namespace

class TestVideoBadInput : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cacheDir;
    std::map<QString, QString> m_valid; // kind -> a valid video to damage
    bool m_haveFfmpeg = false;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // A valid video to start from; empty when it cannot be made here.
    QString valid(const QString& kind)
    {
        auto it = m_valid.find(kind);
        return it == m_valid.end() ? QString() : it->second;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cacheDir = m_dir.filePath(QStringLiteral("index"));
        m_haveFfmpeg = fl::test::ffmpegAvailable();
        if (!m_haveFfmpeg) return;
        QDir(m_dir.path()).mkpath(QStringLiteral("valid"));
        const QString validDir = m_dir.filePath(QStringLiteral("valid"));

        fl::test::NumberedVideoOptions o;
        o.baseName = QStringLiteral("faststart");
        o.frames = 120;
        o.extraOutputArgs = args({"-movflags", "+faststart"}); // moov first: lists every sample
        if (fl::test::encoderAvailable(QStringLiteral("libx264"))) {
            auto mp4 = fl::test::makeNumberedVideo(validDir, o);
            QVERIFY2(mp4.ok(), qPrintable(mp4.error()));
            m_valid[QStringLiteral("mp4")] = *mp4;
        }

        o = {};
        o.baseName = QStringLiteral("mpeg4");
        o.suffix = QStringLiteral("avi");
        o.frames = 120;
        o.codecArgs = args({"-c:v", "mpeg4", "-q:v", "3", "-g", "12"});
        auto avi = fl::test::makeNumberedVideo(validDir, o);
        QVERIFY2(avi.ok(), qPrintable(avi.error()));
        m_valid[QStringLiteral("avi")] = *avi;

        o = {};
        o.baseName = QStringLiteral("h264");
        o.suffix = QStringLiteral("mkv");
        o.frames = 120;
        if (fl::test::encoderAvailable(QStringLiteral("libx264"))) {
            auto mkv = fl::test::makeNumberedVideo(validDir, o);
            QVERIFY2(mkv.ok(), qPrintable(mkv.error()));
            m_valid[QStringLiteral("mkv")] = *mkv;
        }

        const QString audio = m_dir.filePath(QStringLiteral("valid/sound.m4a"));
        auto made = fl::test::runTool(fl::test::ffmpegPath(),
                                      {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                                       QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                                       QStringLiteral("-i"), QStringLiteral("sine=frequency=440:duration=2"),
                                       QStringLiteral("-c:a"), QStringLiteral("aac"), audio});
        QVERIFY2(made.ok(), qPrintable(made.error()));
        m_valid[QStringLiteral("audio")] = audio;
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("name");   // file to open, relative to the temp dir
        QTest::addColumn<QString>("setup");  // how to make it
        QTest::addColumn<QString>("phrase"); // the problem the message must name
        QTest::newRow("missing path") << "missing.mp4"
                                      << "none"
                                      << "file not found";
        QTest::newRow("missing folder") << "no/such/folder/video.avi"
                                        << "none"
                                        << "file not found";
        QTest::newRow("directory") << "folder.mp4"
                                   << "mkdir"
                                   << "is a folder";
        QTest::newRow("zero-byte mp4") << "empty.mp4"
                                       << "empty"
                                       << "file is empty";
        QTest::newRow("random bytes mp4") << "random.mp4"
                                          << "random"
                                          << "not a video the FFmpeg back end can read";
        QTest::newRow("random bytes avi") << "random.avi"
                                          << "random"
                                          << "not a video the FFmpeg back end can read";
        QTest::newRow("random bytes mkv") << "random.mkv"
                                          << "random"
                                          << "not a video";
        QTest::newRow("text renamed avi") << "notes.avi"
                                          << "text"
                                          << "not a video";
        QTest::newRow("text file") << "notes.txt"
                                   << "text"
                                   << "text file";
        QTest::newRow("audio only") << "sound.m4a"
                                    << "audio"
                                    << "not a video";
        QTest::newRow("mp4 truncated to half") << "half.mp4"
                                               << "truncate:mp4"
                                               << "decoding stopped at frame";
        QTest::newRow("mp4 second half garbage") << "garbage.mp4"
                                                 << "garbage:mp4"
                                                 << "decoding stopped at frame";
        QTest::newRow("mp4 header only") << "header.mp4"
                                         << "header:mp4"
                                         << "no frame could be decoded";
        QTest::newRow("avi truncated to half") << "half.avi"
                                               << "truncate:avi"
                                               << "decoding stopped at frame";
        QTest::newRow("mkv truncated to half") << "half.mkv"
                                               << "truncate:mkv"
                                               << "decoding stopped at frame";
    }
    void badInput()
    {
        QFETCH(QString, name);
        QFETCH(QString, setup);
        QFETCH(QString, phrase);
        const QString file = path(name);
        const QString kind = setup.section(QLatin1Char(':'), 1);
        if (!kind.isEmpty() || setup == QLatin1String("audio")) {
            if (valid(setup == QLatin1String("audio") ? setup : kind).isEmpty())
                QSKIP("needs ffmpeg (and its encoder) to make the video");
        }
        using fl::test::BadVideo;
        const auto make = [&](BadVideo bad) {
            const Status made = fl::test::makeBadVideo(file, bad, valid(kind));
            QVERIFY2(made.ok(), qPrintable(made.error()));
        };
        if (setup == QLatin1String("mkdir")) {
            make(BadVideo::Directory);
        } else if (setup == QLatin1String("empty")) {
            make(BadVideo::Empty);
        } else if (setup == QLatin1String("random")) {
            make(BadVideo::RandomBytes);
        } else if (setup == QLatin1String("text")) {
            make(BadVideo::Text);
        } else if (setup == QLatin1String("audio")) {
            QVERIFY(QFile::copy(valid(QStringLiteral("audio")), file));
        } else if (setup.startsWith(QLatin1String("truncate:"))) {
            make(BadVideo::Truncated);
        } else if (setup.startsWith(QLatin1String("garbage:"))) {
            make(BadVideo::FailsMidway);
        } else if (setup.startsWith(QLatin1String("header:"))) {
            // Just past the moov box (faststart puts it first): every sample listed, no data.
            const QByteArray bytes = readWholeFile(valid(kind));
            const int mdat = int(bytes.indexOf("mdat"));
            QVERIFY(mdat > 0);
            QVERIFY(writeWholeFile(file, bytes.left(mdat + 64)));
        }
        if (QTest::currentTestFailed()) return;

        VideoOpenOptions options;
        options.indexCacheDir = m_cacheDir;
        auto opened = VideoSource::open(file, options);
        QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("%1 opened").arg(file)));
        const QString error = opened.error();
        qInfo("%s", qPrintable(error));
        QVERIFY2(error.contains(QFileInfo(file).fileName()), qPrintable(error));
        QVERIFY2(error.contains(phrase), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
        QVERIFY(QDir(m_cacheDir).entryList({QStringLiteral("*.flidx")}, QDir::Files).isEmpty());
    }

    // The undamaged originals open, and the damaged-midway message gives the counts.
    void validOriginalsOpen()
    {
        if (m_valid.size() < 4) QSKIP("needs ffmpeg with libx264");
        VideoOpenOptions options;
        options.indexCacheDir = m_dir.filePath(QStringLiteral("index-valid"));
        for (const char* kind : {"mp4", "avi", "mkv"}) {
            auto opened = VideoSource::open(valid(QString::fromLatin1(kind)), options);
            QVERIFY2(opened.ok(), qPrintable(opened.error()));
            QCOMPARE((*opened)->info().frameCount, qint64(120));
        }
        const QString file = path(QStringLiteral("counts.mp4"));
        const QByteArray bytes = readWholeFile(valid(QStringLiteral("mp4")));
        QVERIFY(writeWholeFile(file, bytes.left(bytes.size() / 2)));
        auto opened = VideoSource::open(file, options);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().contains(QStringLiteral("of 120 the file declares: truncated or damaged")),
                 qPrintable(opened.error()));
    }

    // Opening in a loop does not leak or crash on the same bad input.
    void repeatedBadOpens()
    {
        const QString file = path(QStringLiteral("again.mp4"));
        QVERIFY(writeWholeFile(file, randomBytes(50000, 3)));
        VideoOpenOptions options;
        options.indexCacheDir = m_cacheDir;
        for (int i = 0; i < 20; ++i) QVERIFY(!VideoSource::open(file, options).ok());
    }
};

QTEST_GUILESS_MAIN(TestVideoBadInput)
#include "tst_videobadinput.moc"
