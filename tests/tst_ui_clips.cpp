// Clips in the window: the Scenes panel's "Export clips..." is enabled only while the current
// video has scenes and exports them as VIDEO-Scene-NNN.mp4 in a job; the Predictions panel's
// bout button says what is missing without predictions.
#include "TestMedia.h"
#include "UiFixtures.h"

#include "clips/ClipExportController.h"
#include "document/ProjectDocument.h"
#include "document/ProjectFiles.h"
#include "project/Project.h"
#include "scenes/ScenesPanel.h"
#include "settings/AppSettings.h"
#include "shell/Features.h"
#include "shell/MainWindow.h"
#include "shell/Workbench.h"
#include "video/VideoSource.h"

#include <QCheckBox>
#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fl;

namespace {

class QuietWindow : public MainWindow {
public:
    using MainWindow::MainWindow;
    QStringList errors;

protected:
    void showError(const QString& title, const QString& message) override
    {
        errors << title + QStringLiteral(": ") + message;
    }
};

} // namespace

class TestUiClips : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_project;

private slots:
    void initTestCase()
    {
        if (!test::ffmpegAvailable() || !test::encoderAvailable(QStringLiteral("libx264")))
            QSKIP("needs ffmpeg with libx264");
        test::NumberedVideoOptions o;
        o.baseName = QStringLiteral("numbers");
        o.frames = 48;
        auto made = test::makeNumberedVideo(m_tmp.path(), o);
        QVERIFY2(made, qPrintable(made.error()));
        m_project = m_tmp.filePath(QStringLiteral("project"));
        auto project = Project::create(m_project, FragmentSpec{}, {QStringLiteral("a"), QStringLiteral("b")});
        QVERIFY(project);
        auto source = VideoSource::open(*made, {});
        QVERIFY(source);
        QVERIFY(project->addVideo(*made, (*source)->info().frameCount, 25.0));
        QVERIFY(project->save());
    }

    // The Scenes panel's form starts at the detector's defaults (cuts, fades through black and
    // dissolves all found), and its dissolve box turns dissolve detection off.
    void scenesFormStartsAtTheDefaults()
    {
        ScenesPanel panel;
        QVERIFY(panel.detectorOptions() == SceneDetectorOptions());
        auto* dissolves = panel.findChild<QCheckBox*>(QStringLiteral("dissolveBox"));
        auto* fades = panel.findChild<QCheckBox*>(QStringLiteral("fadeBox"));
        QVERIFY(dissolves && fades);
        QVERIFY(dissolves->isChecked() && fades->isChecked());
        dissolves->setChecked(false);
        QVERIFY(!panel.detectorOptions().dissolves);
        QVERIFY(panel.detectorOptions().fadeAware);
    }

    void sceneClipsFromThePanel()
    {
        auto settings = test::quietSettings(m_tmp.filePath(QStringLiteral("settings.ini")));
        QuietWindow w(settings.get());
        const Features f = attachFeatures(w);
        QVERIFY(f.clips);
        w.resize(1200, 800);
        w.show();
        QSignalSpy opened(w.workbench(), &Workbench::videoOpened);
        QVERIFY(w.files()->openProject(m_project));
        QVERIFY(opened.wait(20000));

        auto* button = w.findChild<QPushButton*>(QStringLiteral("exportClipsButton"));
        QVERIFY(button);
        QVERIFY(!button->isEnabled()); // no scenes yet
        QVERIFY(f.clips->sceneClipRanges().empty());
        QVERIFY(!f.clips->exportSceneClips(m_tmp.filePath(QStringLiteral("none")), ClipMode::Auto));

        QVERIFY(w.workbench()->document()->setSceneCuts(0, std::vector<qint64>{12, 30}, QStringLiteral("cuts")));
        QTRY_VERIFY(button->isEnabled());
        const auto ranges = f.clips->sceneClipRanges();
        QCOMPARE(ranges.size(), size_t(3));
        QCOMPARE(ranges[1], (ClipRange{12, 30, QStringLiteral("numbers-Scene-002")}));

        const QString dir = m_tmp.filePath(QStringLiteral("clips"));
        QSignalSpy done(f.clips, &ClipExportController::exportFinished);
        QVERIFY(f.clips->exportSceneClips(dir, ClipMode::Auto));
        QVERIFY(done.wait(60000));
        QVERIFY2(done.front().at(0).toBool(), qPrintable(done.front().at(1).toString()));
        QCOMPARE(QDir(dir).entryList(QDir::Files),
                 (QStringList{QStringLiteral("numbers-Scene-001.mp4"), QStringLiteral("numbers-Scene-002.mp4"),
                              QStringLiteral("numbers-Scene-003.mp4")}));
        VideoOpenOptions open;
        open.useIndexCache = false;
        auto clip = VideoSource::open(QDir(dir).filePath(QStringLiteral("numbers-Scene-002.mp4")), open);
        QVERIFY2(clip, qPrintable(clip.error()));
        QCOMPARE((*clip)->info().frameCount, qint64(18));
        auto first = (*clip)->frame(0);
        QVERIFY(first);
        QCOMPARE(test::decodeFrameNumber(*first), 12);

        // Bouts: without predictions the button is off and the export says why.
        auto* bouts = w.findChild<QPushButton*>(QStringLiteral("exportBoutClipsButton"));
        QVERIFY(bouts);
        QVERIFY(!bouts->isEnabled());
        const Status none = f.clips->exportBoutClips(dir, ClipMode::Auto);
        QVERIFY(!none);
        QVERIFY2(none.error().contains(QStringLiteral("predict")), qPrintable(none.error()));
        QVERIFY(f.clips->boutClipRanges().empty());
    }
};

QTEST_MAIN(TestUiClips)
#include "tst_ui_clips.moc"
