// Training widgets offscreen: TrainingPanel end to end on a generated motion/static project
// (live curves, report window, active-model signal, cancel, responsiveness), the training
// report view, the class-scores view and the models list (QAbstractItemModelTester).
// Cost: ~10 s on 2 idle cores (two short trainings at 32 px).
#include "MotionProject.h"
#include "TestMedia.h"
#include "UiFixtures.h"

#include "jobs/JobRunner.h"
#include "ml/TorchRuntime.h"
#include "model/ClassScoresView.h"
#include "model/ModelListModel.h"
#include "model/ModelListPanel.h"
#include "model/TrainingCurves.h"
#include "model/TrainingPanel.h"
#include "model/TrainingReportView.h"
#include "project/Project.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <qcustomplot.h>

using namespace fl;
using fl::test::named;

namespace {

ClassScores sampleScores()
{
    return ClassScores::fromReport(
        ml::classificationReport({0, 0, 0, 1, 1, 2}, {0, 1, 0, 1, 2, 2}, {"walk", "run", "sit"}));
}

TrainingReport sampleReport()
{
    TrainingReport r;
    r.modelFile = QStringLiteral("20240501-120000-fragnet.flmodel");
    r.architecture = QStringLiteral("fragnet (tconv, w=16, 64 px, T=4, diff)");
    r.classes = {QStringLiteral("walk"), QStringLiteral("run"), QStringLiteral("sit")};
    r.validation = sampleScores();
    r.splitPolicy = QStringLiteral("time-blocks");
    r.splitReason = QStringLiteral("one labeled video; last 20%");
    r.validationFragments = 6;
    r.bestEpoch = 2;
    r.epochsRun = 3;
    r.history = {{1, 0.9, 0.5, 0.8, 0.5, 0.4, true, 1.0},
                 {2, 0.5, 0.8, 0.6, 0.67, 0.66, true, 1.0},
                 {3, 0.4, 0.9, 0.7, 0.6, 0.6, false, 1.0}};
    return r;
}

ModelEntry entry(const QString& name, double f1, bool active)
{
    ModelEntry e;
    e.fileName = name;
    e.file = QStringLiteral("/p/models/") + name;
    e.reportFile = QStringLiteral("/p/models/x.report.json");
    e.hasReport = true;
    e.created = QStringLiteral("2024-05-01T12:00:00Z");
    e.architecture = QStringLiteral("fragnet");
    e.classes = {QStringLiteral("a"), QStringLiteral("b")};
    e.macroF1 = f1;
    e.accuracy = f1;
    e.active = active;
    return e;
}

} // namespace

class TestUiTraining : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    test::MotionProject m_motion;
    bool m_haveProject = false;

private slots:
    void initTestCase()
    {
        ml::configureTorchRuntime();
        QVERIFY(m_tmp.isValid());
        if (test::ffmpegAvailable()) {
            auto made = test::makeMotionProject(m_tmp.filePath(QStringLiteral("motion")));
            QVERIFY2(made, qPrintable(made.error()));
            m_motion = *made;
            m_haveProject = true;
        }
    }

    void modelListModel()
    {
        ModelListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setModels(
            {entry(QStringLiteral("b.flmodel"), 0.9, false), entry(QStringLiteral("a.flmodel"), 0.8, true)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ModelListModel::ColumnCount));
        QCOMPARE(model.activeRow(), 1);
        QCOMPARE(model.data(model.index(0, ModelListModel::MacroF1)).toString(), QStringLiteral("0.900"));
        QCOMPARE(model.data(model.index(1, 0), Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        QVERIFY(model.flags(model.index(0, 0)) & Qt::ItemIsUserCheckable);
        QSignalSpy chosen(&model, &ModelListModel::activeModelChosen);
        QVERIFY(!model.setData(model.index(1, 0), Qt::Unchecked, Qt::CheckStateRole)); // cannot leave none active
        QVERIFY(model.setData(model.index(0, 0), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("b.flmodel"));
        QCOMPARE(model.activeRow(), 0);
        QCOMPARE(model.data(model.index(1, 0), Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
        model.setModels({});
        QCOMPARE(model.rowCount(), 0);
    }

    void classScoresView()
    {
        ClassScoresView view;
        view.setScores(sampleScores());
        QTableWidget* classTable = named<QTableWidget>(view, "classScoresTable");
        QTableWidget* confusionTable = named<QTableWidget>(view, "confusionTable");
        QCOMPARE(classTable->rowCount(), 3 + 3);
        QCOMPARE(classTable->item(0, 0)->text(), QStringLiteral("walk"));
        QCOMPARE(classTable->item(0, 3)->text(), QStringLiteral("0.800"));
        QCOMPARE(classTable->item(4, 0)->text(), QStringLiteral("macro avg"));
        QCOMPARE(confusionTable->rowCount(), 3);
        QCOMPARE(confusionTable->item(0, 0)->text(), QStringLiteral("2"));
        QCOMPARE(confusionTable->item(0, 1)->text(), QStringLiteral("1"));
        QSignalSpy clicked(&view, &ClassScoresView::confusionCellClicked);
        emit confusionTable->cellClicked(1, 2);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().at(0).toInt(), 1);
        QCOMPARE(clicked.first().at(1).toInt(), 2);
    }

    void reportView()
    {
        TrainingReportView view;
        view.setReport(sampleReport());
        TrainingCurves* curves = named<TrainingCurves>(view, "reportCurves");
        QVERIFY(view.summaryText().contains(QStringLiteral("0.656"))); // macro-F1 (0.8 + 0.5 + 0.667) / 3
        QVERIFY(view.summaryText().contains(QStringLiteral("time-blocks")));
        QCOMPARE(curves->pointCount(TrainingCurves::ValidationMacroF1), 3);
        QCOMPARE(named<QTableWidget>(view, "confusionTable")->rowCount(), 3);
        QVERIFY(view.windowTitle().contains(QStringLiteral("20240501-120000-fragnet.flmodel")));
        // The finished report's legends name only curves it has: no "training (running)".
        QCustomPlot* lossPlot = named<QCustomPlot>(*curves, "lossPlot");
        QTRY_VERIFY(lossPlot->legend->itemCount() > 0);
        for (QCustomPlot* plot : {lossPlot, named<QCustomPlot>(*curves, "accuracyPlot")})
            for (int i = 0; i < plot->legend->itemCount(); ++i)
                if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i)))
                    QVERIFY2(!item->plottable()->name().contains(QStringLiteral("running")),
                             qPrintable(item->plottable()->name()));
    }

    // The report window closes on Esc, as a dialog would.
    void reportWindowClosesOnEscape()
    {
        QWidget parent;
        QPointer<TrainingReportView> view = TrainingReportView::openWindow(sampleReport(), &parent);
        QVERIFY(view);
        QVERIFY(QTest::qWaitForWindowExposed(view.data()));
        view->activateWindow();
        QTest::keyClick(view.data(), Qt::Key_Escape);
        QTRY_VERIFY(view.isNull() || !view->isVisible()); // closed (and deleted on close)
    }

    void panelWithoutProjectSaysSo()
    {
        JobRunner runner;
        TrainingPanel panel([] { return Project(); }, &runner);
        QLabel* status = named<QLabel>(panel, "trainingStatus");
        panel.startTraining();
        QVERIFY(!panel.isTraining());
        QVERIFY(status->text().contains(QStringLiteral("project")));
        // The advanced settings start hidden and round-trip through request().
        QVERIFY(!named<QGroupBox>(panel, "trainingAdvancedBox")->isChecked());
        // Untouched, one click is the default training: its candidates, chosen by cross-validation.
        QCOMPARE(panel.request().candidates.size(), defaultTrainingRequest().candidates.size());
        TrainingRequest r = test::fastTrainingRequest();
        QVERIFY(!r.candidates.empty());
        panel.setRequest(r);
        QCOMPARE(panel.request().candidates.size(), r.candidates.size()); // "Automatic": the default candidates
        r.candidates.clear();                                             // one configuration, by hand
        r.options.model.architecture = ml::Architecture::R2Plus1D;
        panel.setRequest(r);
        QVERIFY(panel.request().candidates.empty());
        QCOMPARE(panel.request().options.model.architecture, ml::Architecture::R2Plus1D);
        QCOMPARE(panel.request().options.model.inputSize, 32);
        QCOMPARE(panel.request().options.epochs, r.options.epochs);
        QCOMPARE(panel.request().options.seed, r.options.seed);
        QCOMPARE(panel.request().options.device, ml::DeviceChoice::Cpu);
    }

    void panelTrainsWhileTheGuiStaysResponsive()
    {
        if (!m_haveProject) QSKIP("ffmpeg is not available");
        JobRunner runner;
        const QString dir = m_motion.dir;
        TrainingPanel panel([dir] { return *Project::load(dir); }, &runner);
        panel.setRequest(test::fastTrainingRequest());
        panel.show();
        QPushButton* trainButton = named<QPushButton>(panel, "trainButton");
        QPushButton* cancelButton = named<QPushButton>(panel, "cancelTrainingButton");
        TrainingCurves* curves = named<TrainingCurves>(panel, "trainingCurves");
        QTableWidget* candidatesTable = named<QTableWidget>(panel, "candidatesTable");
        QLabel* selectionLabel = named<QLabel>(panel, "trainingSelection");
        QProgressBar* progressBar = named<QProgressBar>(panel, "trainingProgress");
        QLabel* statusLabel = named<QLabel>(panel, "trainingStatus");
        QSignalSpy finished(&panel, &TrainingPanel::trainingFinished);
        QSignalSpy active(&panel, &TrainingPanel::activeModelChosen);

        // Event-loop latency while training runs on the worker.
        QElapsedTimer gap;
        qint64 worstGapMs = 0;
        QTimer tick;
        tick.setInterval(20);
        connect(&tick, &QTimer::timeout, this, [&] {
            if (gap.isValid()) worstGapMs = std::max(worstGapMs, gap.elapsed());
            gap.start();
        });
        tick.start();
        QTest::mouseClick(trainButton, Qt::LeftButton);
        QVERIFY(panel.isTraining());
        QVERIFY(!trainButton->isEnabled());
        QVERIFY(cancelButton->isEnabled());
        QVERIFY(finished.wait(180000));
        tick.stop();
        qInfo("worst event-loop gap during training: %lld ms", static_cast<long long>(worstGapMs));
        QVERIFY(worstGapMs < 2000); // generous: the machine may be loaded

        QVERIFY(!panel.isTraining());
        QVERIFY(trainButton->isEnabled());
        QVERIFY(curves->pointCount(TrainingCurves::BatchLoss) > 0);
        QVERIFY(curves->pointCount(TrainingCurves::TrainLoss) > 0);
        // What one click did: every candidate's cross-validated score, the winner and why.
        QCOMPARE(candidatesTable->rowCount(), int(test::fastTrainingRequest().candidates.size()));
        QVERIFY(candidatesTable->isVisible());
        QVERIFY2(selectionLabel->text().contains(QStringLiteral("Chosen")), qPrintable(selectionLabel->text()));
        QVERIFY(selectionLabel->text().contains(QStringLiteral("cross-validation")));
        QCOMPARE(progressBar->value(), progressBar->maximum());
        const QString modelFile = finished.first().at(0).toString();
        QVERIFY(QFileInfo::exists(modelFile));
        QCOMPARE(active.count(), 1);
        QCOMPARE(active.first().first().toString(), QFileInfo(modelFile).fileName());
        QVERIFY(statusLabel->text().contains(QStringLiteral("macro-F1")));
        TrainingReportView* lastReportWindow = panel.findChild<TrainingReportView*>(
            QStringLiteral("trainingReportWindow"));
        QVERIFY(lastReportWindow);
        QVERIFY(lastReportWindow->isVisible());
        QCOMPARE(named<QTableWidget>(*lastReportWindow, "confusionTable")->rowCount(), 2);
        if (const QString shots = qEnvironmentVariable("FL_SCREENSHOT_DIR"); !shots.isEmpty()) {
            panel.resize(720, 640);
            panel.grab().save(QDir(shots).filePath(QStringLiteral("training-panel.png")));
            lastReportWindow->grab().save(QDir(shots).filePath(QStringLiteral("training-report.png")));
        }
        lastReportWindow->close();

        // The models list shows it; picking it goes through activeModelChosen.
        ModelListPanel list([dir] { return *Project::load(dir); });
        QAbstractItemModelTester tester(list.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(list.model()->rowCount(), 1);
        QVERIFY(list.model()->models()[0].macroF1 >= 0.9);
        QCOMPARE(list.model()->activeRow(), -1); // the panel only signals; the owner saves
        QSignalSpy chosen(&list, &ModelListPanel::activeModelChosen);
        named<QTableView>(list, "modelTable")->selectRow(0);
        auto* activate = list.findChild<QPushButton*>();
        QVERIFY(activate && activate->isEnabled());
        activate->click();
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(list.model()->activeRow(), 0);
    }

    void panelCancelLeavesModelsAlone()
    {
        if (!m_haveProject) QSKIP("ffmpeg is not available");
        JobRunner runner;
        const QString dir = m_motion.dir;
        TrainingPanel panel([dir] { return *Project::load(dir); }, &runner);
        panel.setOpenReportWhenDone(false);
        TrainingCurves* curves = named<TrainingCurves>(panel, "trainingCurves");
        QPushButton* cancelButton = named<QPushButton>(panel, "cancelTrainingButton");
        QLabel* statusLabel = named<QLabel>(panel, "trainingStatus");
        TrainingRequest r = test::fastTrainingRequest();
        r.options.epochs = 500;
        r.options.patience = 0;
        panel.setRequest(r);
        const QStringList before = QDir(dir + QStringLiteral("/models")).entryList(QDir::Files);
        QSignalSpy cancelled(&panel, &TrainingPanel::trainingCancelled);
        QSignalSpy finished(&panel, &TrainingPanel::trainingFinished);
        panel.trainAction()->trigger();
        QVERIFY(panel.isTraining());
        QTRY_VERIFY_WITH_TIMEOUT(curves->pointCount(TrainingCurves::BatchLoss) > 0, 60000);
        QTest::mouseClick(cancelButton, Qt::LeftButton);
        QVERIFY(cancelled.wait(30000));
        QCOMPARE(finished.count(), 0);
        QVERIFY(statusLabel->text().contains(QStringLiteral("cancelled")));
        QCOMPARE(QDir(dir + QStringLiteral("/models")).entryList(QDir::Files), before);
    }
};

QTEST_MAIN(TestUiTraining)
#include "tst_ui_training.moc"
