// Playback off the GUI thread, on a generated video whose frames show their own number:
// VideoPlayer shows exactly the frame asked for after bursts of seeks (requests coalesce),
// shows a preview first when one exists, decodes ahead of a paused playhead, and plays
// forward by the clock. (~4 s)
#include "TestMedia.h"
#include "UiFixtures.h"

#include "player/FrameDecoder.h"
#include "player/VideoPlayer.h"
#include "video/PreviewStore.h"
#include "video/VideoSource.h"

#include <opencv2/core.hpp>

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace fl;

using fl::test::imageNumber;

class TestUiPlayer : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_video; // 150 frames, 320x240, GOP 50: random seeks decode up to 49 frames

private slots:
    void initTestCase()
    {
        if (!fl::test::ffmpegAvailable()) QSKIP("ffmpeg/ffprobe not found");
        fl::test::NumberedVideoOptions o;
        o.baseName = QStringLiteral("numbers");
        o.frames = 150;
        o.width = 320;
        o.height = 240;
        o.codecArgs = {QStringLiteral("-c:v"),     QStringLiteral("libx264"), QStringLiteral("-preset"),
                       QStringLiteral("veryfast"), QStringLiteral("-bf"),     QStringLiteral("2"),
                       QStringLiteral("-g"),       QStringLiteral("50"),      QStringLiteral("-pix_fmt"),
                       QStringLiteral("yuv420p")};
        auto made = fl::test::makeNumberedVideo(m_tmp.path(), o);
        QVERIFY2(made, qPrintable(made.error()));
        m_video = *made;
    }

    void seeksShowExactlyTheLastFrameAskedFor()
    {
        VideoPlayer player;
        QSignalSpy opened(&player, &VideoPlayer::opened);
        player.open(m_video, m_tmp.filePath(QStringLiteral("index")));
        QVERIFY(opened.wait(20000));
        QCOMPARE(player.frameCount(), qint64(150));
        qint64 shown = -1;
        QImage image;
        bool full = false;
        connect(&player, &VideoPlayer::frameReady, this, [&](qint64 f, const QImage& i, bool fr) {
            shown = f;
            image = i;
            full = fr;
        });
        QRandomGenerator rng(3);
        for (int round = 0; round < 8; ++round) {
            // A burst, as when scrubbing: only the last one has to arrive.
            qint64 target = 0;
            for (int k = 0; k < 15; ++k) {
                target = rng.bounded(150);
                player.seek(target);
            }
            QTRY_VERIFY_WITH_TIMEOUT(shown == target && full, 10000);
            QCOMPARE(player.position(), target);
            QCOMPARE(imageNumber(image), int(target));
        }
        // Paused, the frames after the playhead are decoded ahead: stepping shows them at once.
        player.seek(60);
        QTRY_VERIFY_WITH_TIMEOUT(shown == 60 && full, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(player.isCached(61) && player.isCached(70), 10000);
        player.stepFrames(1);
        QCOMPARE(shown, qint64(61)); // from memory, synchronously
        QCOMPARE(imageNumber(image), 61);
        player.stepFrames(-1);
        QCOMPARE(shown, qint64(60));
    }

    void previewFirstThenFullResolution()
    {
        VideoPlayer player;
        QSignalSpy opened(&player, &VideoPlayer::opened);
        player.open(m_video, m_tmp.filePath(QStringLiteral("index")));
        QVERIFY(opened.wait(20000));
        PreviewOptions options;
        options.maxHeight = 240;
        options.quality = 90;
        auto store = PreviewStore::ensure(m_video, m_tmp.filePath(QStringLiteral("cache")), options);
        QVERIFY(store);
        player.setPreview(*store);
        QVERIFY(player.hasPreview());
        std::vector<std::pair<qint64, bool>> arrivals;
        std::vector<int> numbers;
        connect(&player, &VideoPlayer::frameReady, this, [&](qint64 f, const QImage& i, bool fr) {
            arrivals.push_back({f, fr});
            numbers.push_back(imageNumber(i));
        });
        player.seek(149); // the end of a 50-frame GOP: the full decode takes a while
        QTRY_VERIFY_WITH_TIMEOUT(!arrivals.empty() && arrivals.back() == std::make_pair(qint64(149), true), 10000);
        for (int n : numbers) QCOMPARE(n, 149);
        // A preview of another video is not taken.
        VideoPlayer other;
        other.setPreview(*store);
        QVERIFY(!other.hasPreview());
    }

    void playsForwardByTheClock()
    {
        VideoPlayer player;
        QSignalSpy opened(&player, &VideoPlayer::opened);
        player.open(m_video, m_tmp.filePath(QStringLiteral("index")));
        QVERIFY(opened.wait(20000));
        QSignalSpy playing(&player, &VideoPlayer::playingChanged);
        std::vector<qint64> positions;
        connect(&player, &VideoPlayer::positionChanged, this, [&](qint64 f) { positions.push_back(f); });
        player.setSpeed(4.0);
        QCOMPARE(player.speed(), 4.0);
        player.setSpeed(10.0);
        QCOMPARE(player.speed(), 4.0); // clamped
        player.play();
        QVERIFY(player.isPlaying());
        // 150 frames at 25 fps and 4x: about 1.5 s; it stops at the end by itself.
        QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 15000);
        QCOMPARE(playing.count(), 2);
        QCOMPARE(player.position(), qint64(149));
        QVERIFY(positions.size() > 10);
        QVERIFY(std::is_sorted(positions.begin(), positions.end()));
        QTRY_VERIFY_WITH_TIMEOUT(player.displayedFrame() == 149 && player.displayedFullResolution(), 10000);
    }
};

QTEST_MAIN(TestUiPlayer)
#include "tst_ui_player.moc"
