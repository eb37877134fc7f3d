// Scene cuts on the real footage of the shared media folder against what the footage shows
// (docs/SCENES.md has the frame-by-frame reading). Skips when ../shared/media is absent.
// One decoding pass per video; the fade rule is re-applied to the same per-frame scores.
#include "TestMedia.h"

#include "analysis/SceneDetector.h"
#include "analysis/VideoAnalysis.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace fl;

namespace {

QString mediaDir()
{
    return QDir::cleanPath(QStringLiteral(FL_SHARED_MEDIA_DIR));
}

} // namespace

class TestSceneSharedMedia : public QObject {
    Q_OBJECT

    QTemporaryDir m_cache;

private slots:
    void initTestCase()
    {
        if (!QFileInfo(mediaDir()).isDir())
            QSKIP(qPrintable(QStringLiteral("no shared media folder at %1").arg(mediaDir())));
        QVERIFY(m_cache.isValid());
    }

    void cuts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<std::vector<qint64>>("contentCuts");
        QTest::addColumn<std::vector<qint64>>("fadeCuts");
        // testvideo: hard cuts black->leaf at 30 and leaf->black at 180; with fades, one cut
        // per dark run: [0,30) -> 15, [180,216) -> 198, [355,398) -> 376 (PySceneDetect's
        // ThresholdDetector gives 15, 198, 376 too). The dissolve at 529..558 is missed.
        QTest::newRow("testvideo") << QStringLiteral("testvideo.mp4") << std::vector<qint64>{30, 180}
                                   << std::vector<qint64>{15, 198, 376};
        // fades: flat grey fading black -> white -> black ...; no content cut, the dips to black
        // (dark runs [78,90) and [161,173)) are the cuts with fades.
        QTest::newRow("fades") << QStringLiteral("fades.mp4") << std::vector<qint64>{} << std::vector<qint64>{84, 167};
        QTest::newRow("bikes") << QStringLiteral("bikes.mp4") << std::vector<qint64>{30, 76, 137, 187, 242}
                               << std::vector<qint64>{30, 76, 137, 187, 242};
        QTest::newRow("cityCC0") << QStringLiteral("cityCC0.mpg") << std::vector<qint64>{116}
                                 << std::vector<qint64>{116};
    }
    void cuts()
    {
        QFETCH(QString, file);
        QFETCH(std::vector<qint64>, contentCuts);
        QFETCH(std::vector<qint64>, fadeCuts);
        const QString path = QDir(mediaDir()).filePath(file);
        if (!QFileInfo::exists(path)) QSKIP(qPrintable(QStringLiteral("%1 is missing").arg(path)));
        VideoAnalysisOptions options;
        options.sampleFrames = false;
        VideoOpenOptions open;
        open.indexCacheDir = m_cache.path();
        auto analysis = analyzeVideo(path, options, open);
        QVERIFY2(analysis.ok(), qPrintable(analysis.error()));
        QCOMPARE(analysis->scenes.cutFrames(), contentCuts);
        SceneDetectorOptions fade = options.scenes;
        fade.fadeAware = true;
        const SceneDetection withFades = SceneDetector::detect(analysis->scenes.contentScore,
                                                               analysis->scenes.brightness, fade);
        QCOMPARE(withFades.cutFrames(), fadeCuts);
    }
};

QTEST_GUILESS_MAIN(TestSceneSharedMedia)
#include "tst_scenesharedmedia.moc"
