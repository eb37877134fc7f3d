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

#include <algorithm>

using namespace fl;

namespace {

QString toString(const std::vector<qint64>& frames)
{
    QStringList out;
    for (qint64 f : frames) out << QString::number(f);
    return out.join(QLatin1Char(' '));
}

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
        QTest::addColumn<std::vector<qint64>>("cuts");        // defaults: every shot change
        QTest::addColumn<QStringList>("kinds");               // their kinds
        QTest::addColumn<std::vector<qint64>>("golden");      // PySceneDetect's test goldens (+-1 frame)
        QTest::addColumn<std::vector<qint64>>("contentCuts"); // --no-fade --no-dissolve
        QTest::addColumn<std::vector<qint64>>("middleCuts");  // --fade-middle
        // testvideo: black leader (0..29) cut to the leaf shot at 30; cut to black at 180, the
        // deer fades in from 211; it fades out to black (355..393) and the rock shot cuts in at
        // 394 (faint, fading in); the rock dissolves into a textured surface over 529..558
        // (middle 543.5); a fade out to the end. PySceneDetect's ContentDetector: 30, 180, 394.
        // Fades in the middle of the dark runs: 15, 198, 376 (its ThresholdDetector's numbers).
        QTest::newRow("testvideo") << QStringLiteral("testvideo.mp4") << std::vector<qint64>{30, 180, 394, 543}
                                   << QStringList{"fade", "fade", "fade", "dissolve"}
                                   << std::vector<qint64>{30, 180, 394} << std::vector<qint64>{30, 180}
                                   << std::vector<qint64>{15, 198, 376, 543};
        // fades: a flat grey frame fading black -> white -> black ...; no shot change, the dips
        // to black (dark runs [78,90) and [161,173), blackest at 82..85 and 165..168) are the
        // only places a boundary may be: where the picture comes back (on a smooth ramp, the
        // frame brightness says; 169 or 170 for the second).
        QTest::newRow("fades") << QStringLiteral("fades.mp4") << std::vector<qint64>{86, 169}
                               << QStringList{"fade", "fade"} << std::vector<qint64>{} << std::vector<qint64>{}
                               << std::vector<qint64>{84, 167};
        // bikes: five hard cuts, strong motion between them (no other boundary).
        const std::vector<qint64> bikes{30, 76, 137, 187, 242};
        QTest::newRow("bikes") << QStringLiteral("bikes.mp4") << bikes << QStringList{"cut", "cut", "cut", "cut", "cut"}
                               << bikes << bikes << bikes;
        QTest::newRow("cityCC0") << QStringLiteral("cityCC0.mpg") << std::vector<qint64>{116} << QStringList{"cut"}
                                 << std::vector<qint64>{116} << std::vector<qint64>{116} << std::vector<qint64>{116};
    }
    void cuts()
    {
        QFETCH(QString, file);
        QFETCH(std::vector<qint64>, cuts);
        QFETCH(QStringList, kinds);
        QFETCH(std::vector<qint64>, golden);
        QFETCH(std::vector<qint64>, contentCuts);
        QFETCH(std::vector<qint64>, middleCuts);
        const QString path = QDir(mediaDir()).filePath(file);
        if (!QFileInfo::exists(path)) QSKIP(qPrintable(QStringLiteral("%1 is missing").arg(path)));
        VideoAnalysisOptions options;
        options.sampleFrames = false;
        VideoOpenOptions open;
        open.indexCacheDir = m_cache.path();
        auto analysis = analyzeVideo(path, options, open);
        QVERIFY2(analysis.ok(), qPrintable(analysis.error()));
        const SceneDetection& found = analysis->scenes;
        // Within one frame: the brightness of fading frames moves a little with the decoder's
        // colour conversion, and a smooth fade has no sharper edge than that.
        const std::vector<qint64> foundFrames = found.cutFrames();
        auto near = [](const std::vector<qint64>& a, const std::vector<qint64>& b) {
            if (a.size() != b.size()) return false;
            for (size_t k = 0; k < a.size(); ++k)
                if (std::abs(a[k] - b[k]) > 1) return false;
            return true;
        };
        QVERIFY2(near(foundFrames, cuts), qPrintable(QStringLiteral("found %1").arg(toString(foundFrames))));
        QStringList foundKinds;
        for (const SceneCut& c : found.cuts) foundKinds << SceneCut::kindName(c.kind);
        QCOMPARE(foundKinds, kinds);
        for (qint64 g : golden)
            QVERIFY2(std::any_of(foundFrames.begin(), foundFrames.end(),
                                 [g](qint64 c) { return std::abs(c - g) <= 1; }),
                     qPrintable(QStringLiteral("PySceneDetect's %1 not found").arg(g)));

        SceneDetectorOptions content = options.scenes;
        content.fadeAware = false;
        content.dissolves = false;
        QCOMPARE(SceneDetector::detect(found, content).cutFrames(), contentCuts);
        SceneDetectorOptions middle = options.scenes;
        middle.fadeAtMiddle = true;
        const std::vector<qint64> middleFound = SceneDetector::detect(found, middle).cutFrames();
        QVERIFY2(near(middleFound, middleCuts), qPrintable(QStringLiteral("found %1").arg(toString(middleFound))));
    }
};

QTEST_GUILESS_MAIN(TestSceneSharedMedia)
#include "tst_scenesharedmedia.moc"
