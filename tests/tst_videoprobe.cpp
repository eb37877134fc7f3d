// Adding videos and building their caches as the GUI's jobs and the CLI do it (core/project/
// VideoProbe, core/fragments/FragmentCacheBuild): the one frame-rate rule (average, else
// nominal, else 25), a probe that indexes and fingerprints a new file in the project's index
// folder, the list form that collects per-file problems and names each file's progress
// "Indexing NAME (i of n)", and the cache build over several videos ("Fragment cache of NAME
// (i of n)"); both fail "cancelled" on a cancel. Cost: ~2 s (small generated videos).
#include "TestMedia.h"

#include "fragments/FragmentCacheBuild.h"
#include "project/Project.h"
#include "project/VideoProbe.h"
#include "video/FileFingerprint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <limits>

using namespace fl;

class TestVideoProbe : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_a;        // a.mp4: 48 frames at 25 fps
    QString m_b;        // b.mp4: 30 frames at 30 fps
    QString m_notVideo; // notes.mp4: text
    QString m_missing;  // gone.mp4: not there

    QString freshDir(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

private slots:
    void initTestCase()
    {
        if (!fl::test::ffmpegAvailable() || !fl::test::encoderAvailable(QStringLiteral("libx264")))
            QSKIP("needs ffmpeg with libx264 to make test videos");
        QVERIFY(m_dir.isValid());
        fl::test::NumberedVideoOptions o;
        o.baseName = QStringLiteral("a");
        o.frames = 48;
        auto a = fl::test::makeNumberedVideo(m_dir.path(), o);
        QVERIFY2(a, qPrintable(a.error()));
        m_a = *a;
        o.baseName = QStringLiteral("b");
        o.frames = 30;
        o.fps = 30;
        auto b = fl::test::makeNumberedVideo(m_dir.path(), o);
        QVERIFY2(b, qPrintable(b.error()));
        m_b = *b;
        m_notVideo = m_dir.filePath(QStringLiteral("notes.mp4"));
        QFile notes(m_notVideo);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not a video, just some words\n");
        notes.close();
        m_missing = m_dir.filePath(QStringLiteral("gone.mp4"));
    }

    void frameRateRule_data()
    {
        QTest::addColumn<double>("average");
        QTest::addColumn<double>("nominal");
        QTest::addColumn<double>("expected");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("average wins") << 29.97 << 30.0 << 29.97;
        QTest::newRow("average, no nominal") << 24.5 << 0.0 << 24.5;
        QTest::newRow("no average: nominal") << 0.0 << 30.0 << 30.0;
        QTest::newRow("negative average: nominal") << -1.0 << 50.0 << 50.0;
        QTest::newRow("NaN average: nominal") << nan << 12.0 << 12.0;
        QTest::newRow("infinite average: nominal") << inf << 60.0 << 60.0;
        QTest::newRow("neither: 25") << 0.0 << 0.0 << 25.0;
        QTest::newRow("NaN and infinite: 25") << nan << inf << 25.0;
    }
    void frameRateRule()
    {
        QFETCH(double, average);
        QFETCH(double, nominal);
        QFETCH(double, expected);
        VideoInfo info;
        info.averageFps = average;
        info.nominalFps = nominal;
        QCOMPARE(projectFrameRate(info), expected);
        QCOMPARE(kFallbackFrameRate, 25.0);
    }

    void probeGivesWhatAddVideoTakes()
    {
        const QString indexDir = freshDir("index-one");
        int reports = 0;
        QSet<QString> texts;
        WorkControl control;
        control.progress = [&](std::int64_t, std::int64_t, const QString& what) {
            ++reports;
            texts << what;
        };
        auto probed = probeNewVideo(m_a, indexDir, control);
        QVERIFY2(probed, qPrintable(probed.error()));
        QCOMPARE(probed->path, QFileInfo(m_a).absoluteFilePath());
        QCOMPARE(probed->frameCount, qint64(48));
        QVERIFY2(std::abs(probed->fps - 25.0) < 0.5, qPrintable(QString::number(probed->fps)));
        auto fingerprint = FileFingerprint::of(m_a);
        QVERIFY(fingerprint);
        QVERIFY(probed->fingerprint.sameContent(*fingerprint));
        QCOMPARE(probed->fingerprint.size, QFileInfo(m_a).size());
        // It indexed (progress passed through unchanged) and left the index in the given folder.
        QVERIFY(reports > 0);
        QCOMPARE(texts, QSet<QString>{QStringLiteral("Indexing a.mp4")});
        QCOMPARE(QDir(indexDir).entryList(QDir::Files).size(), 1);

        // A relative path comes back absolute; the cached index is reused (no decoding).
        const QString cwd = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_dir.path()));
        reports = 0;
        auto relative = probeNewVideo(QStringLiteral("b.mp4"), indexDir, control);
        QVERIFY(QDir::setCurrent(cwd));
        QVERIFY2(relative, qPrintable(relative.error()));
        QVERIFY(QFileInfo(relative->path).isAbsolute());
        QCOMPARE(QFileInfo(relative->path).canonicalFilePath(), QFileInfo(m_b).canonicalFilePath());
        QCOMPARE(relative->frameCount, qint64(30));
        QVERIFY2(std::abs(relative->fps - 30.0) < 0.5, qPrintable(QString::number(relative->fps)));
        QVERIFY(reports > 0); // b was indexed by that probe
        const int afterIndexing = reports;
        auto cached = probeNewVideo(m_b, indexDir, control);
        QVERIFY(cached);
        QCOMPARE(reports, afterIndexing);
        QCOMPARE(cached->fps, relative->fps);

        // A project takes it as it is.
        auto project = Project::create(freshDir("project-one"), FragmentSpec{}, {QStringLiteral("x")});
        QVERIFY2(project, qPrintable(project.error()));
        auto index = project->addVideo(probed->path, probed->frameCount, probed->fps, probed->fingerprint);
        QVERIFY2(index, qPrintable(index.error()));
        QCOMPARE(project->video(*index).fps, probed->fps);
        QCOMPARE(project->video(*index).frameCount, qint64(48));
        QCOMPARE(project->video(*index).hash, QString::fromLatin1(fingerprint->hash));
    }

    void probeFailureNamesTheFile()
    {
        const QString indexDir = freshDir("index-bad");
        auto notVideo = probeNewVideo(m_notVideo, indexDir);
        QVERIFY(!notVideo);
        QVERIFY2(notVideo.error().contains(QLatin1String("notes.mp4")), qPrintable(notVideo.error()));
        auto missing = probeNewVideo(m_missing, indexDir);
        QVERIFY(!missing);
        QVERIFY2(missing.error().contains(QLatin1String("gone.mp4")), qPrintable(missing.error()));
        QVERIFY2(missing.error().contains(QLatin1String("not found")), qPrintable(missing.error()));
        QVERIFY(!probeNewVideo(QString(), indexDir));
    }

    void listCollectsProblemsAndNamesProgress()
    {
        const QString indexDir = freshDir("index-list");
        QSet<QString> texts;
        WorkControl control;
        control.progress = [&](std::int64_t, std::int64_t, const QString& what) { texts << what; };
        auto probed = probeNewVideos({m_a, m_notVideo, m_b, m_missing}, indexDir, control);
        QVERIFY2(probed, qPrintable(probed.error()));
        QCOMPARE(probed->videos.size(), size_t(2));
        QCOMPARE(probed->videos[0].path, m_a);
        QCOMPARE(probed->videos[0].frameCount, qint64(48));
        QCOMPARE(probed->videos[1].path, m_b);
        QCOMPARE(probed->videos[1].frameCount, qint64(30));
        QCOMPARE(probed->problems.size(), 2);
        QVERIFY2(probed->problems[0].contains(QLatin1String("notes.mp4")), qPrintable(probed->problems[0]));
        QVERIFY2(probed->problems[1].contains(QLatin1String("gone.mp4")), qPrintable(probed->problems[1]));
        // Each file's progress under its own name and place (the bad ones may report nothing).
        QVERIFY(texts.contains(QStringLiteral("Indexing a.mp4 (1 of 4)")));
        QVERIFY(texts.contains(QStringLiteral("Indexing b.mp4 (3 of 4)")));
        const QSet<QString> allowed{QStringLiteral("Indexing a.mp4 (1 of 4)"),
                                    QStringLiteral("Indexing notes.mp4 (2 of 4)"),
                                    QStringLiteral("Indexing b.mp4 (3 of 4)"),
                                    QStringLiteral("Indexing gone.mp4 (4 of 4)")};
        QVERIFY2((texts - allowed).isEmpty(), qPrintable(QStringList((texts - allowed).values()).join(u'|')));

        auto none = probeNewVideos({}, indexDir, control);
        QVERIFY(none);
        QVERIFY(none->videos.empty());
        QVERIFY(none->problems.isEmpty());
    }

    void listCancelled()
    {
        // Cancelled before it starts.
        std::atomic<bool> cancel{true};
        WorkControl control;
        control.cancel = &cancel;
        auto before = probeNewVideos({m_a, m_b}, freshDir("index-cancel-1"), control);
        QVERIFY(!before);
        QCOMPARE(before.error(), QStringLiteral("cancelled"));

        // Cancelled while the first file is indexed: "cancelled", not a problem with the file.
        cancel = false;
        control.progress = [&cancel](std::int64_t done, std::int64_t, const QString&) {
            if (done >= 16) cancel = true;
        };
        auto during = probeNewVideos({m_a, m_b}, freshDir("index-cancel-2"), control);
        QVERIFY(!during);
        QCOMPARE(during.error(), QStringLiteral("cancelled"));
    }

    void cachesOfSeveralVideos()
    {
        const QString cacheDir = freshDir("cache"), indexDir = freshDir("index-cache");
        QSet<QString> texts;
        int reports = 0;
        WorkControl control;
        control.progress = [&](std::int64_t, std::int64_t, const QString& what) {
            texts << what;
            ++reports;
        };
        const Status built = buildFragmentCaches({m_a, m_b}, cacheDir, indexDir, control);
        QVERIFY2(built, qPrintable(built.error()));
        QCOMPARE(texts,
                 (QSet<QString>{QStringLiteral("Fragment cache of a.mp4 (1 of 2)"),
                                QStringLiteral("Fragment cache of b.mp4 (2 of 2)")}));
        for (const QString& video : {m_a, m_b}) {
            auto fingerprint = FileFingerprint::of(video);
            QVERIFY(fingerprint);
            const QString file = FragmentCache::fileFor(cacheDir, QString::fromLatin1(fingerprint->hash), FrameSize{});
            auto cache = FragmentCache::open(file);
            QVERIFY2(cache, qPrintable(cache.error()));
            QCOMPARE(cache->frameSize(), FrameSize{});
        }
        // Complete caches are only opened; another size is built beside them.
        reports = 0;
        QVERIFY(buildFragmentCaches({m_a, m_b}, cacheDir, indexDir, control));
        QCOMPARE(reports, 0);
        QVERIFY(buildFragmentCaches({m_a}, cacheDir, indexDir, {}, FrameSize{32, 24}));
        auto fingerprint = FileFingerprint::of(m_a);
        QVERIFY(fingerprint);
        QVERIFY(FragmentCache::open(
            FragmentCache::fileFor(cacheDir, QString::fromLatin1(fingerprint->hash), FrameSize{32, 24})));

        // The first failure ends it, naming the file.
        const Status failed = buildFragmentCaches({m_a, m_missing, m_b}, freshDir("cache-fail"), indexDir);
        QVERIFY(!failed);
        QVERIFY2(failed.error().contains(QLatin1String("gone.mp4")), qPrintable(failed.error()));

        // A cancel: before the first video, or during a build.
        std::atomic<bool> cancel{true};
        WorkControl cancelling;
        cancelling.cancel = &cancel;
        const Status before = buildFragmentCaches({m_a, m_b}, cacheDir, indexDir, cancelling);
        QVERIFY(!before);
        QCOMPARE(before.error(), QStringLiteral("cancelled"));
        cancel = false;
        cancelling.progress = [&cancel](std::int64_t done, std::int64_t, const QString&) {
            if (done >= 16) cancel = true;
        };
        const Status during = buildFragmentCaches({m_a, m_b}, freshDir("cache-cancel"), indexDir, cancelling);
        QVERIFY(!during);
        QVERIFY2(during.error().contains(QLatin1String("cancelled")), qPrintable(during.error()));
    }
};

QTEST_GUILESS_MAIN(TestVideoProbe)
#include "tst_videoprobe.moc"
