// PreviewStore (scrub previews): every frame of a generated video whose frames show their own
// number is in the preview, exactly; the file is reused, sized by height with the aspect
// kept, refused (with its name) when damaged; a cancelled build leaves no file; progress is
// reported under one name whatever phase the decoding pass is in. (~2 s)
#include "TestMedia.h"

#include "video/PreviewStore.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace fl;

class TestPreviewStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_video; // 150 frames, 320x240

private slots:
    void initTestCase()
    {
        if (!fl::test::ffmpegAvailable()) QSKIP("ffmpeg/ffprobe not found");
        fl::test::NumberedVideoOptions o;
        o.baseName = QStringLiteral("numbers");
        o.frames = 150;
        o.width = 320;
        o.height = 240;
        auto made = fl::test::makeNumberedVideo(m_tmp.path(), o);
        QVERIFY2(made, qPrintable(made.error()));
        m_video = *made;
    }

    void previewHoldsEveryFrame()
    {
        const QString cache = m_tmp.filePath(QStringLiteral("cache"));
        PreviewOptions options;
        options.maxHeight = 240; // same size: the number grid stays readable after JPEG
        options.quality = 90;
        auto store = PreviewStore::ensure(m_video, cache, options);
        QVERIFY2(store, qPrintable(store.error()));
        QCOMPARE(store->frameCount(), qint64(150));
        QCOMPARE(store->width(), 320);
        QCOMPARE(store->height(), 240);
        for (qint64 i = 0; i < 150; i += 7) {
            auto frame = store->frame(i);
            QVERIFY(frame);
            QCOMPARE(fl::test::decodeFrameNumber(*frame), int(i));
        }
        QVERIFY(!store->frame(150));
        // Opened again from disk, the same; a smaller preview keeps the aspect ratio.
        auto again = PreviewStore::ensure(m_video, cache, options);
        QVERIFY(again);
        QCOMPARE(again->file(), store->file());
        options.maxHeight = 120;
        auto small = PreviewStore::ensure(m_video, cache, options);
        QVERIFY(small);
        QCOMPARE(small->width(), 160);
        // A damaged file is refused with its name.
        const QString broken = m_tmp.filePath(QStringLiteral("broken.flpreview"));
        QVERIFY(QFile::copy(store->file(), broken));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() - 100));
        f.close();
        auto refused = PreviewStore::open(broken);
        QVERIFY(!refused);
        QVERIFY(refused.error().contains(QStringLiteral("broken.flpreview")));
    }

    void cancelledPreviewLeavesNoFile()
    {
        const QString cache = m_tmp.filePath(QStringLiteral("cancelled"));
        std::atomic<bool> cancel{false};
        WorkControl control;
        control.cancel = &cancel;
        QSet<QString> phases;
        control.progress = [&](std::int64_t done, std::int64_t, const QString& what) {
            phases.insert(what);
            if (done >= 40) cancel.store(true);
        };
        auto store = PreviewStore::ensure(m_video, cache, {}, {}, control);
        QVERIFY(!store);
        QVERIFY(store.error().contains(QStringLiteral("cancelled")));
        QVERIFY(QDir(cache + QStringLiteral("/preview")).entryList(QDir::Files).isEmpty());
        QCOMPARE(phases, QSet<QString>{QStringLiteral("Building preview of numbers.mp4")});
    }
};

QTEST_GUILESS_MAIN(TestPreviewStore)
#include "tst_previewstore.moc"
