// The model side of the main window on a trained motion/static project: predicting fills the
// timeline's prediction row and the probability plot; review steps through bouts and accepts
// predictions as labels (undoable); the model check lists the fragments of a confusion cell;
// the inspector shows activations and a Grad-CAM map; the embedding map has a point per
// fragment; scene detection and keyframes on a video with known cuts, with export.
// Costs ~40 s on 2 cores (one short training run in initTestCase).
#include "MotionProject.h"
#include "ShotVideo.h"
#include "UiFixtures.h"
#include "document/ProjectDocument.h"
#include "document/ProjectFiles.h"
#include "inspection/EmbeddingPanel.h"
#include "inspection/InspectorPanel.h"
#include "jobs/JobRunner.h"
#include "jobs/TrainingJob.h"
#include "model/ModelCheckPanel.h"
#include "model/ModelWorkspace.h"
#include "player/FrameView.h"
#include "player/VideoPlayer.h"
#include "predictions/PredictionTrack.h"
#include "predictions/PredictionWorkspace.h"
#include "predictions/PredictionsPanel.h"
#include "predictions/ProbabilityPlot.h"
#include "project/Project.h"
#include "scenes/ScenesController.h"
#include "scenes/ScenesTrack.h"
#include "settings/AppSettings.h"
#include "shell/MainWindow.h"
#include "shell/Workbench.h"
#include "timeline/TimelineView.h"
#include "training/ModelStore.h"
#include "training/TrainingReport.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <QUndoStack>
#include <qcustomplot.h>

using namespace fl;
using fl::test::named;

namespace {

class QuietWindow : public MainWindow {
public:
    using MainWindow::MainWindow;
    QStringList errors;

protected:
    UnsavedChoice askUnsavedChanges() override { return UnsavedChoice::Discard; }
    bool askRecoverAutosave(const QString&, const QDateTime&) override { return false; }
    void showError(const QString& title, const QString& message) override
    {
        errors << title + QStringLiteral(": ") + message;
    }
};

// The model side, as app/gui/main.cpp assembles it (owned by the window).
ModelWorkspace& modelSide(MainWindow& w)
{
    return *new ModelWorkspace(w.workbench(), &w, &w);
}

} // namespace

class TestUiPredictions : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    test::MotionProject m_motion;
    QString m_template;
    int m_n = 0;

    std::unique_ptr<AppSettings> settings()
    {
        return test::quietSettings(m_tmp.filePath(QStringLiteral("settings%1.ini").arg(m_n++)));
    }

    void open(QuietWindow& w, const QString& dir)
    {
        w.resize(1400, 900);
        w.show();
        QSignalSpy opened(w.workbench(), &Workbench::videoOpened);
        QVERIFY(w.files()->openProject(dir));
        QVERIFY(opened.count() > 0 || opened.wait(20000));
    }

    void predictAndWait(ModelWorkspace& ws)
    {
        QSignalSpy done(ws.predictions(), &PredictionWorkspace::predictionFinished);
        QVERIFY2(ws.predictions()->predict(), "predict refused");
        QVERIFY(done.wait(120000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    }

private slots:
    void initTestCase()
    {
        auto motion = test::makeMotionProject(m_tmp.filePath(QStringLiteral("motion")));
        if (!motion) QSKIP(qPrintable(motion.error()));
        m_motion = *motion;
        auto project = Project::load(m_motion.dir);
        QVERIFY2(project, qPrintable(project.error()));
        TrainingJob job(*project, test::fastTrainingRequest());
        QVERIFY2(job.runHere(), "training failed");
        QVERIFY(project->setActiveModel(QFileInfo(job.modelFile()).fileName()));
        QVERIFY(project->save());
        m_template = m_motion.dir;
    }

    void predictionsFillTheTimelineAndPlot()
    {
        auto s = settings();
        QuietWindow w(s.get());
        ModelWorkspace& ws = modelSide(w); // owned by the window, as in the app
        open(w, m_template);
        predictAndWait(ws);
        const VideoPredictions* p = ws.predictions()->predictions(0);
        QVERIFY(p);
        QCOMPARE(p->predictedCount(), p->fragmentCount());
        QCOMPARE(named<ProbabilityPlot>(w, "probabilityPlot")->curveCount(), 2);
        // Label next is filled once the predictions are in, without pressing Refresh.
        QVERIFY(named<QTableWidget>(w, "suggestionTable")->rowCount() > 0);
        QCOMPARE(named<ProbabilityPlot>(w, "probabilityPlot")->pointCount(0), int(p->fragmentCount()));
        {
            // The plot's frames line up with the timeline's tracks above it (30-75 px off before).
            ProbabilityPlot* plot = named<ProbabilityPlot>(w, "probabilityPlot");
            QTRY_VERIFY(plot->isVisible() && plot->plotArea().width() > 50);
            const QRect area(plot->mapTo(&w, plot->plotArea().topLeft()), plot->plotArea().size());
            const TimelineMapping m = w.timeline()->mapping();
            const int tracksLeft = w.timeline()->mapTo(&w, QPoint(m.left, 0)).x();
            QVERIFY2(std::abs(area.left() - tracksLeft) <= 1,
                     qPrintable(QStringLiteral("plot %1, tracks %2").arg(area.left()).arg(tracksLeft)));
            QVERIFY2(std::abs(area.left() + area.width() - (tracksLeft + m.width)) <= 1,
                     qPrintable(QStringLiteral("plot width %1, tracks %2").arg(area.width()).arg(m.width)));
        }
        QCOMPARE(qint64(ws.predictions()->track()->shownClasses().size()), p->fragmentCount());

        // The predicted classes match the truth of every segment (trained on 60% of them).
        QFile csv(m_motion.allTruthCsv);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(1);
        const FragmentSpec spec = w.workbench()->document()->project().spec();
        qint64 right = 0, total = 0;
        for (const QString& line : lines) { // video,start_frame,end_frame,label
            const QStringList f = line.trimmed().split(QLatin1Char(','));
            QCOMPARE(f.size(), 4);
            const auto [first, last] = spec.fragmentsInside(f[1].toLongLong(), f[2].toLongLong(), p->frameCount);
            for (qint64 j = first; j < last; ++j) {
                ++total;
                right += p->classes.value(p->predictedClass(j)) == f[3];
            }
        }
        QVERIFY(total > 100);
        QVERIFY2(double(right) / double(total) >= 0.9,
                 qPrintable(QStringLiteral("%1 of %2 right").arg(right).arg(total)));

        // The decision thresholds start at the model's (its report), one box per class, and
        // changing one changes what the timeline shows.
        PredictionsPanel* panel = named<PredictionsPanel>(w, "predictionsPanel");
        const QList<QDoubleSpinBox*> classThresholdBoxes = panel->findChildren<QDoubleSpinBox*>(
            QStringLiteral("classThresholdBox"));
        QCOMPARE(classThresholdBoxes.size(), 2);
        const auto report = TrainingReport::load(
            ModelStore::reportFileFor(w.workbench()->document()->project().activeModelFile()));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(ws.predictions()->smoothing().minBout, std::max(1, report->selection.minBout));
        QCOMPARE(ws.predictions()->smoothing().classThresholds,
                 std::vector<double>(report->selection.classThresholds.begin(),
                                     report->selection.classThresholds.end()));
        classThresholdBoxes[0]->setValue(0.9); // class 0 only where its probability beats the other's by 0.8
        classThresholdBoxes[1]->setValue(0.1);
        QCOMPARE(ws.predictions()->smoothing().classThresholds, (std::vector<double>{0.9, 0.1}));
        qint64 shownZero = 0, expectedZero = 0, argmaxZero = 0;
        for (int c : ws.predictions()->track()->shownClasses()) shownZero += c == 0;
        for (qint64 j = 0; j < p->fragmentCount(); ++j) {
            expectedZero += p->probability(j, 0) - 0.9 >= p->probability(j, 1) - 0.1;
            argmaxZero += p->predictedClass(j) == 0;
        }
        if (ws.predictions()->smoothing().minBout <= 1) QCOMPARE(shownZero, expectedZero);
        QVERIFY(expectedZero <= argmaxZero);
        named<QPushButton>(*panel, "modelDecisionsButton")->click();
        QCOMPARE(ws.predictions()->smoothing().classThresholds,
                 std::vector<double>(report->selection.classThresholds.begin(),
                                     report->selection.classThresholds.end()));

        // Reopening the project shows the stored predictions again.
        QuietWindow w2(s.get());
        ModelWorkspace& ws2 = modelSide(w2);
        open(w2, m_template);
        QVERIFY(ws2.predictions()->predictions(0));
        QCOMPARE(ws2.predictions()->predictions(0)->predictedCount(), p->fragmentCount());
    }

    void reviewStepsAndAcceptsUndoably()
    {
        auto s = settings();
        QuietWindow w(s.get());
        ModelWorkspace& ws = modelSide(w); // owned by the window, as in the app
        open(w, m_template);
        PredictionWorkspace* pw = ws.predictions();
        QVERIFY(pw->predictions(0));
        // Step through bouts of "motion": each lands on a fragment shown as motion whose
        // predecessor is not.
        const int motion = pw->predictions(0)->classIndex(QStringLiteral("motion"));
        QVERIFY(motion >= 0);
        named<QComboBox>(w, "reviewClassBox")->setCurrentIndex(motion);
        w.workbench()->seek(0);
        QTRY_COMPARE(w.workbench()->player()->position(), qint64(0));
        const std::vector<int> shown = pw->track()->shownClasses();
        int bouts = 0;
        qint64 last = -1;
        while (pw->stepBout(+1) && bouts < 100) {
            QTRY_VERIFY(w.workbench()->currentFragment() != last);
            const qint64 j = w.workbench()->currentFragment();
            QCOMPARE(shown[size_t(j)], motion);
            QVERIFY(j == 0 || shown[size_t(j - 1)] != motion);
            last = j;
            ++bouts;
        }
        QVERIFY(bouts >= 3);

        // Accept the predictions of an unlabeled range: labels appear, one undo step removes them.
        const Project before = w.workbench()->document()->project();
        const qint64 count = pw->predictions(0)->fragmentCount();
        w.timeline()->setSelection(count - 20, count - 1);
        const int undoBefore = w.workbench()->document()->undoStack()->count();
        auto accepted = pw->acceptSelection();
        QVERIFY2(accepted, qPrintable(accepted.error()));
        QVERIFY(*accepted > 0);
        QCOMPARE(w.workbench()->document()->undoStack()->count(), undoBefore + 1);
        for (qint64 j = count - 20; j < count; ++j) {
            const auto label = w.workbench()->document()->project().fragmentLabel(0, j);
            QVERIFY(label);
            QCOMPARE(*label, pw->predictions(0)->classes[shown[size_t(j)]]);
        }
        w.workbench()->document()->undoStack()->undo();
        QCOMPARE(w.workbench()->document()->project().labels(0).ranges(), before.labels(0).ranges());

        // Accept, over the whole video, the fragments at or above a threshold: exactly those
        // get the shown class; the others keep what they had.
        named<QDoubleSpinBox>(w, "predictionThresholdBox")->setValue(0.99);
        w.timeline()->clearSelection();
        const Project beforeAll = w.workbench()->document()->project();
        const std::vector<int> shownAt = pw->track()->shownClasses(); // with the new threshold
        auto some = pw->acceptAboveThreshold();
        QVERIFY2(some, qPrintable(some.error()));
        qint64 taken = 0;
        for (qint64 j = 0; j < count; ++j) {
            const auto label = w.workbench()->document()->project().fragmentLabel(0, j);
            if (shownAt[size_t(j)] >= 0 && pw->predictions(0)->confidence(j) >= 0.99f) {
                QVERIFY(label);
                QCOMPARE(*label, pw->predictions(0)->classes[shownAt[size_t(j)]]);
                ++taken;
            } else {
                QCOMPARE(label, beforeAll.fragmentLabel(0, j));
            }
        }
        QVERIFY(taken > 0);
        w.workbench()->document()->undoStack()->undo();
        QCOMPARE(w.workbench()->document()->project().labels(0).ranges(), before.labels(0).ranges());

        // "Label next": suggestions are unlabeled fragments, each a click away.
        pw->refreshSuggestions();
        const auto suggestions = pw->rankSuggestions(10);
        QVERIFY(!suggestions.empty());
        for (const Suggestion& sg : suggestions)
            QVERIFY(!w.workbench()->document()->project().fragmentLabel(sg.video, sg.fragment));
    }

    void modelCheckListsTheFragmentsOfACell()
    {
        auto s = settings();
        QuietWindow w(s.get());
        ModelWorkspace& ws = modelSide(w); // owned by the window, as in the app
        open(w, m_template);
        ModelCheckPanel* check = named<ModelCheckPanel>(w, "modelCheckPanel");
        QListWidget* fragmentList = named<QListWidget>(*check, "modelCheckFragmentList");
        named<QComboBox>(*check, "modelCheckScopeBox")->setCurrentIndex(1); // every labeled fragment
        check->refresh(w.workbench()->document()->project());
        qint64 total = 0;
        for (int t = 0; t < 2; ++t)
            for (int p = 0; p < 2; ++p) total += qint64(check->cell(t, p).size());
        qint64 labeled = 0;
        for (qint64 j = 0; j < w.workbench()->document()->fragmentCount(0); ++j)
            labeled += w.workbench()->document()->project().fragmentLabel(0, j).has_value();
        QCOMPARE(total, labeled);
        check->showCell(0, 0);
        QCOMPARE(fragmentList->count(), int(check->cell(0, 0).size()));
        QVERIFY(fragmentList->count() > 0);
        QListWidgetItem* item = fragmentList->item(0);
        QSignalSpy activated(check, &ModelCheckPanel::fragmentActivated);
        emit fragmentList->itemClicked(item);
        QCOMPARE(activated.count(), 1);
        QTRY_COMPARE(w.workbench()->currentFragment(), check->cell(0, 0).front().fragment);
    }

    void inspectorShowsActivationsAndSaliency()
    {
        auto s = settings();
        QuietWindow w(s.get());
        ModelWorkspace& ws = modelSide(w); // owned by the window, as in the app
        open(w, m_template);
        const Project& p = w.workbench()->document()->project();
        InspectionRequest r;
        r.modelFile = p.activeModelFile();
        r.videoPath = p.absoluteVideoPath(0);
        r.spec = p.spec();
        r.fragment = 3;
        QSignalSpy inspected(named<InspectorPanel>(w, "inspectorPanel"), &InspectorPanel::inspected);
        named<InspectorPanel>(w, "inspectorPanel")->inspect(r, true);
        QVERIFY(inspected.wait(30000));
        QVERIFY(named<InspectorPanel>(w, "inspectorPanel")->result());
        const InspectionResult& res = *named<InspectorPanel>(w, "inspectorPanel")->result();
        QCOMPARE(int(res.frames.size()), p.spec().length);
        QVERIFY(res.activations.channels > 0);
        QVERIFY(!res.saliency.empty());
        QVERIFY(res.layers.size() >= 2);
        QVERIFY(named<QComboBox>(w, "inspectorLayerBox")->count() == res.layers.size());
        // Another layer recomputes.
        named<QComboBox>(w, "inspectorLayerBox")->setCurrentIndex(1);
        QVERIFY(inspected.wait(30000));
        QCOMPARE(named<InspectorPanel>(w, "inspectorPanel")->result()->request.layer, res.layers[1]);
    }

    void embeddingMapHasAPointPerFragment()
    {
        auto s = settings();
        QuietWindow w(s.get());
        ModelWorkspace& ws = modelSide(w); // owned by the window, as in the app
        open(w, m_template);
        EmbeddingPanel* map = named<EmbeddingPanel>(w, "embeddingPanel");
        map->refresh(w.workbench()->document()->project(), 0);
        QCOMPARE(qint64(map->points().size()), ws.predictions()->predictions(0)->fragmentCount());
        map->showHover(0);
        QVERIFY(!named<QLabel>(*map, "embeddingHoverLabel")->pixmap().isNull());
    }

    // "Go to video V, fragment F" from each of the three panels that jump across videos
    // (Label next, the Embedding Map, Model Check): the player and the frame view land on F's
    // first frame of the other video (they stayed at frame 0 while it was still opening).
    void goingToAnotherVideoFromEachPanel()
    {
        // Two videos, both labeled and predicted by the template's model.
        // Every fragment of the first labeled: Label next can only suggest the second's.
        test::MotionProjectOptions all;
        all.labeledFraction = 1.0;
        auto first = test::makeMotionProject(m_tmp.filePath(QStringLiteral("two")), all);
        QVERIFY2(first, qPrintable(first.error()));
        test::MotionProjectOptions o;
        o.frames = 320;
        o.labeledFraction = 0.5; // Label next suggests only unlabeled fragments
        auto second = test::makeMotionProject(m_tmp.filePath(QStringLiteral("twoB")), o);
        QVERIFY2(second, qPrintable(second.error()));
        {
            auto project = Project::load(first->dir);
            QVERIFY2(project, qPrintable(project.error()));
            auto b = Project::load(second->dir);
            QVERIFY2(b, qPrintable(b.error()));
            const QString other = QFileInfo(second->video).absoluteDir().filePath(QStringLiteral("other.mp4"));
            QVERIFY(QFile::copy(second->video, other)); // label files name videos by file name
            auto added = project->addVideo(other, o.frames, 25.0);
            QVERIFY2(added, qPrintable(added.error()));
            for (const auto& r : b->labels(0).ranges()) QVERIFY(project->setLabel(*added, r.start, r.end, r.label));
            auto tmpl = Project::load(m_template);
            QVERIFY(tmpl);
            const QFileInfo model(tmpl->activeModelFile());
            QDir().mkpath(project->modelsDir());
            const QDir from = model.absoluteDir(), to(project->modelsDir());
            for (const QString& f : from.entryList(QDir::Files)) QVERIFY(QFile::copy(from.filePath(f), to.filePath(f)));
            QVERIFY(project->setActiveModel(model.fileName()));
            QVERIFY(project->save());
        }
        auto s = settings();
        QuietWindow w(s.get());
        ModelWorkspace& ws = modelSide(w); // owned by the window, as in the app
        open(w, first->dir);
        predictAndWait(ws);
        QVERIFY(ws.predictions()->predictions(1));
        const FragmentSpec spec = w.workbench()->document()->project().spec();
        auto backToVideo0 = [&] {
            w.workbench()->selectVideo(0);
            QTRY_VERIFY_WITH_TIMEOUT(w.frameView()->frame() == 0 && w.frameView()->isFullResolution(), 15000);
        };
        auto landedOn = [&](qint64 fragment) {
            QCOMPARE(w.workbench()->currentVideo(), 1);
            const qint64 frame = spec.firstFrame(fragment);
            QTRY_VERIFY_WITH_TIMEOUT(w.frameView()->frame() == frame && w.frameView()->isFullResolution(), 15000);
            QCOMPARE(w.workbench()->player()->position(), frame);
            QCOMPARE(w.workbench()->currentFragment(), fragment);
            QCOMPARE(w.timeline()->playhead(), frame);
            // The probability plot shows the new video's frames as the timeline does (it took
            // the header's width for frames after a video change).
            const auto range = named<ProbabilityPlot>(w, "probabilityPlot")->frameRange();
            QCOMPARE(range.first, w.timeline()->firstVisibleFrame());
            QCOMPARE(range.second, w.timeline()->lastVisibleFrame());
        };

        // Label next: a row of the other video.
        backToVideo0();
        ws.predictions()->refreshSuggestions();
        const auto suggestions = ws.predictions()->rankSuggestions();
        QTableWidget* table = named<QTableWidget>(w, "suggestionTable");
        QCOMPARE(table->rowCount(), int(suggestions.size()));
        int row = -1;
        for (int r = 0; r < int(suggestions.size()) && row < 0; ++r)
            if (suggestions[size_t(r)].video == 1 && suggestions[size_t(r)].fragment > 0) row = r;
        QVERIFY2(row >= 0, "no suggestion in the second video");
        emit table->cellClicked(row, 0);
        landedOn(suggestions[size_t(row)].fragment);

        // Model Check: a fragment of the other video in a cell.
        backToVideo0();
        ModelCheckPanel* check = named<ModelCheckPanel>(w, "modelCheckPanel");
        QListWidget* fragmentList = named<QListWidget>(*check, "modelCheckFragmentList");
        named<QComboBox>(*check, "modelCheckScopeBox")->setCurrentIndex(1); // every labeled fragment
        check->refresh(w.workbench()->document()->project());
        bool clicked = false;
        for (int t = 0; t < 2 && !clicked; ++t)
            for (int p = 0; p < 2 && !clicked; ++p) {
                const auto& cell = check->cell(t, p);
                for (size_t i = 0; i < cell.size() && !clicked; ++i)
                    if (cell[i].video == 1 && cell[i].fragment > 0) {
                        check->showCell(t, p);
                        emit fragmentList->itemClicked(fragmentList->item(int(i)));
                        landedOn(cell[i].fragment);
                        clicked = true;
                    }
            }
        QVERIFY2(clicked, "no labeled fragment of the second video in Model Check");

        // Embedding Map: a click on a point of the other video (all videos in scope).
        backToVideo0();
        QAction* showMap = w.findChild<QAction*>(QStringLiteral("toggle_embeddingDock"));
        QVERIFY(showMap);
        showMap->trigger();
        EmbeddingPanel* map = named<EmbeddingPanel>(w, "embeddingPanel");
        QCustomPlot* plot = named<QCustomPlot>(*map, "embeddingPlot");
        QTRY_VERIFY(plot->isVisible() && plot->width() > 100);
        named<QComboBox>(*map, "embeddingScopeBox")->setCurrentIndex(1);
        map->refresh(w.workbench()->document()->project(), 0);
        plot->replot();
        QPoint at;
        qint64 target = -1;
        for (const auto& pt : map->points()) {
            if (pt.video != 1 || pt.fragment == 0) continue;
            const QPointF pos(plot->xAxis->coordToPixel(pt.x), plot->yAxis->coordToPixel(pt.y));
            const int i = map->pointAt(pos);
            if (i >= 0 && map->points()[size_t(i)].video == 1 && map->points()[size_t(i)].fragment > 0) {
                at = pos.toPoint();
                target = map->points()[size_t(i)].fragment;
                break;
            }
        }
        QVERIFY2(target >= 0, "no point of the second video to click");
        QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, at);
        landedOn(target);
        QVERIFY2(w.errors.isEmpty(), qPrintable(w.errors.join(QLatin1Char('\n'))));
    }

    void scenesAndKeyframes()
    {
        // A project over a video with cuts at 40, 70 and 105.
        const QString dir = m_tmp.filePath(QStringLiteral("shots"));
        QDir().mkpath(dir);
        auto video = test::makeShotVideo(QDir(dir).filePath(QStringLiteral("shots.mp4")), test::fourShotPlan());
        QVERIFY2(video, qPrintable(video.error()));
        auto s = settings();
        QuietWindow w(s.get());
        ModelWorkspace& ws = modelSide(w); // owned by the window, as in the app
        ScenesController* scenes = new ScenesController(w.workbench(), &w, ws.predictions(), &w);
        w.resize(1400, 900);
        w.show();
        QVERIFY(w.workbench()->document()->create(QDir(dir).filePath(QStringLiteral("project")), FragmentSpec{},
                                                  {QStringLiteral("a")}));
        QSignalSpy opened(w.workbench(), &Workbench::videoOpened);
        w.files()->addVideoFiles({*video});
        QVERIFY(opened.wait(30000));
        QSignalSpy detected(scenes, &ScenesController::scenesDetected);
        scenes->detectScenes();
        QVERIFY(detected.wait(60000));
        QCOMPARE(scenes->analysis(0)->scenes.cutFrames(), (std::vector<qint64>{40, 70, 105}));
        QCOMPARE(named<QListWidget>(w, "sceneCutList")->count(), 4);

        QSignalSpy picked(scenes, &ScenesController::keyframesChanged);
        named<QSpinBox>(w, "keyframesPerSegmentBox")->setValue(2);
        scenes->pickKeyframes();
        QVERIFY(picked.wait(60000));
        const KeyframeSet keys = scenes->keyframes(0);
        QVERIFY(keys.size() >= 4 && keys.size() <= 8);
        for (const Keyframe& k : keys.keyframes()) QVERIFY(k.segment >= 0 && k.segment < 4);
        QCOMPARE(named<QListWidget>(w, "keyframeStrip")->count(), keys.size());
        QCOMPARE(scenes->track()->segments().size(), size_t(4));
        // Once the thumbnails are in, every cell shows its whole thumbnail and none overlaps another.
        QListWidget* strip = named<QListWidget>(w, "keyframeStrip");
        const QImage placeholder = strip->item(0)->icon().pixmap(strip->iconSize()).toImage();
        QTRY_VERIFY_WITH_TIMEOUT(strip->item(strip->count() - 1)->icon().pixmap(strip->iconSize()).toImage()
                                     != placeholder,
                                 30000);
        QCoreApplication::processEvents();
        for (int i = 0; i < strip->count(); ++i) {
            const QRect a = strip->visualItemRect(strip->item(i));
            QVERIFY2(a.height() >= strip->iconSize().height() && a.width() >= strip->iconSize().width(),
                     qPrintable(QString::number(i)));
            for (int j = i + 1; j < strip->count(); ++j)
                QVERIFY2(!a.intersects(strip->visualItemRect(strip->item(j))),
                         qPrintable(QStringLiteral("%1 and %2 overlap").arg(i).arg(j)));
        }

        // By hand: add one where there is none, remove it.
        qint64 free = 45;
        while (keys.contains(free)) ++free;
        QVERIFY(scenes->addKeyframe(free));
        QVERIFY(scenes->keyframes(0).contains(free));
        QVERIFY(scenes->keyframes(0).at(free)->manual);
        QCOMPARE(named<QListWidget>(w, "keyframeStrip")->count(), keys.size() + 1);
        QVERIFY(scenes->removeKeyframe(free));
        QVERIFY(!scenes->keyframes(0).contains(free));
        QCOMPARE(scenes->keyframes(0), keys);

        // Export: images + CSV + EDL + chapters.
        const QString out = m_tmp.filePath(QStringLiteral("keyframes-out"));
        QSignalSpy finished(w.workbench()->jobRunner(), &JobRunner::jobFinished);
        QVERIFY(scenes->exportKeyframes(out, false));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(QDir(out).filePath(QStringLiteral("shots_chapters.txt"))), 60000);
        QVERIFY2(QDir(out).entryList({QStringLiteral("*.png")}, QDir::Files).size() == qsizetype(keys.size()),
                 qPrintable(QDir(out).entryList(QDir::Files).join(QLatin1Char(' ')) + QStringLiteral(" for frames ") +
                            [&] {
                                QStringList f;
                                for (qint64 x : keys.frames()) f << QString::number(x);
                                return f.join(QLatin1Char(','));
                            }()));
        QVERIFY(QFileInfo(QDir(out).filePath(QStringLiteral("shots.edl"))).size() > 0);
        QVERIFY(QFileInfo(QDir(out).filePath(QStringLiteral("shots_keyframes.csv"))).size() > 0);

        // Scenes and keyframes are edits of the project: undoable, saved, there after reopening.
        QUndoStack* undo = w.workbench()->document()->undoStack();
        undo->undo(); // the removal
        QVERIFY(scenes->keyframes(0).contains(free));
        QCOMPARE(named<QListWidget>(w, "keyframeStrip")->count(), keys.size() + 1);
        undo->redo();
        QCOMPARE(scenes->keyframes(0), keys);
        QVERIFY(w.workbench()->document()->save());
        const QString projectDir = w.workbench()->document()->project().dir();
        QuietWindow again(s.get());
        ModelWorkspace& ws2 = modelSide(again);
        ScenesController* scenes2 = new ScenesController(again.workbench(), &again, ws2.predictions(), &again);
        open(again, projectDir);
        QCOMPARE(scenes2->scenes(0).size(), size_t(4));
        QCOMPARE(named<QListWidget>(again, "sceneCutList")->count(), 4);
        QCOMPARE(scenes2->keyframes(0), keys);
        QCOMPARE(named<QListWidget>(again, "keyframeStrip")->count(), keys.size());
        QCOMPARE(scenes2->segments(0).size(), size_t(4));
    }
};

QTEST_MAIN(TestUiPredictions)
#include "tst_ui_predictions.moc"
