// TrainingJob / EvaluationJob / FragmentSplit / ModelStore on a generated motion/static video.
// Cost: ~1 min on 2 cores (four short trainings at 32 px, a few ffmpeg encodes).
#include "MotionProject.h"
#include "TestMedia.h"

#include "jobs/EvaluationJob.h"
#include "jobs/JobRunner.h"
#include "jobs/TrainingJob.h"
#include "ml/FragmentModel.h"
#include "ml/Predictor.h"
#include "ml/TorchRuntime.h"
#include "project/Project.h"
#include "training/FragmentSplit.h"
#include "training/ModelFrames.h"
#include "training/ModelStore.h"
#include <QJsonDocument>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace fl;

namespace {

QByteArray readAll(const QString& file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList modelFolderListing(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

// Probabilities of every fragment of video 0 under `modelFile`.
std::vector<std::vector<float>> predictAll(const Project& project, const QString& modelFile)
{
    auto model = ml::FragmentModel::load(QFile::encodeName(modelFile).toStdString());
    if (!model) return {};
    auto cache = openModelFrames(project, 0, model->info().config.inputSize);
    if (!cache) return {};
    std::vector<std::int64_t> firsts;
    for (qint64 j = 0; j < project.spec().count(project.video(0).frameCount); ++j)
        firsts.push_back(project.spec().firstFrame(j));
    auto predictor = ml::Predictor::create(*model);
    auto predictions = predictor->predict(videoFramesOf(*cache), firsts);
    std::vector<std::vector<float>> out;
    for (const auto& p : *predictions) out.push_back(p.probabilities);
    return out;
}

} // namespace

class TestTraining : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    test::MotionProject m_motion;
    QString m_firstModel;
    QElapsedTimer m_clock;

private slots:
    void initTestCase()
    {
        fl::ml::configureTorchRuntime();
        if (!test::ffmpegAvailable()) QSKIP("ffmpeg is not available");
        QVERIFY(m_tmp.isValid());
        auto made = test::makeMotionProject(m_tmp.filePath(QStringLiteral("motion")));
        QVERIFY2(made, qPrintable(made.error()));
        m_motion = *made;
    }

    void splitIsByTimeBlocksForOneVideo()
    {
        auto project = Project::load(m_motion.dir);
        QVERIFY2(project, qPrintable(project.error()));
        auto split = FragmentSplit::make(*project, 0.2);
        QVERIFY2(split, qPrintable(split.error()));
        QCOMPARE(split->classes, (QStringList{QStringLiteral("motion"), QStringLiteral("static")}));
        QCOMPARE(split->policy, QStringLiteral("time-blocks"));
        QVERIFY(split->reason.contains(QStringLiteral("one labeled video")));
        // 9 labeled segments of 10 fragments: motion 50, static 40.
        QCOMPARE(qint64(split->train.size() + split->validation.size()) + split->purged, qint64(90));
        // Each class: its last 20% in time are validation; no training fragment within one span
        // of a validation fragment.
        for (int cls = 0; cls < 2; ++cls) {
            qint64 lastTrain = -1;
            qint64 firstVal = std::numeric_limits<qint64>::max();
            for (const auto& f : split->train)
                if (f.label == cls) lastTrain = std::max(lastTrain, f.firstFrame);
            for (const auto& f : split->validation)
                if (f.label == cls) firstVal = std::min(firstVal, f.firstFrame);
            QVERIFY(lastTrain >= 0);
            QVERIFY(lastTrain < firstVal);
        }
        for (const auto& t : split->train)
            for (const auto& v : split->validation)
                QVERIFY(std::llabs(t.firstFrame - v.firstFrame) >= 2 * project->spec().span());
        QCOMPARE(split->validation.size(), size_t(10 + 8));
    }

    void trainsAndGeneralizesToUnlabeledPart()
    {
        auto project = Project::load(m_motion.dir);
        QVERIFY(project);
        TrainingJob job(*project, test::fastTrainingRequest());
        QSignalSpy batches(&job, &TrainingJob::batchProgress);
        QSignalSpy epochs(&job, &TrainingJob::epochFinished);
        m_clock.start();
        const Status status = job.runHere();
        const double seconds = double(m_clock.elapsed()) / 1000.0;
        QVERIFY2(status, qPrintable(status.error()));
        QVERIFY(QFileInfo::exists(job.modelFile()));
        QVERIFY(QFileInfo::exists(job.reportFile()));
        const TrainingReport report = job.report();
        qInfo("training: %.1f s (prepare %.2f s, train %.2f s), %d epochs, %.0f samples/s, validation macro-F1 %.3f",
              seconds, report.prepareSeconds, report.trainSeconds, report.epochsRun, report.samplesPerSecond,
              report.validation.macroF1);
        for (const auto& e : report.history)
            qInfo("epoch %d: train loss %.3f acc %.3f, validation loss %.3f acc %.3f macro-F1 %.3f%s", e.epoch,
                  e.trainLoss, e.trainAccuracy, e.validationLoss, e.validationAccuracy, e.validationMacroF1,
                  e.best ? " (best)" : "");
        QCOMPARE(epochs.count(), report.epochsRun);
        QVERIFY(batches.count() >= report.epochsRun);
        const auto first = batches.first().first().value<ml::BatchProgress>();
        QCOMPARE(first.epoch, 1);
        QCOMPARE(first.step, 1);
        QVERIFY(first.totalSteps > 0);
        QVERIFY(report.validation.macroF1 >= 0.9);
        QCOMPARE(report.validation.confusion.size(), 2);
        QCOMPARE(report.splitPolicy, QStringLiteral("time-blocks"));
        QVERIFY(report.parameters > 0 && report.flopsPerFragment > 0);

        // What one click did: every candidate cross-validated on the same folds, the winner
        // trained on every label, its decisions tuned and stored with the model.
        const ModelSelection& sel = report.selection;
        QVERIFY(sel.used);
        QCOMPARE(sel.candidates.size(), qsizetype(test::fastTrainingRequest().candidates.size()));
        QVERIFY(sel.folds >= 2);
        for (const CandidateScore& c : sel.candidates) {
            QCOMPARE(c.foldMacroF1.size(), qsizetype(sel.folds));
            QVERIFY(c.meanMacroF1 >= 0 && c.meanMacroF1 <= 1);
        }
        QVERIFY(!sel.winner.isEmpty() && !sel.winnerReason.isEmpty());
        QVERIFY(sel.temperature > 0);
        QVERIFY(sel.eceBefore >= 0 && sel.eceAfter >= 0);
        QCOMPARE(report.trainFragments, qint64(90)); // the final model: every labeled fragment
        auto stored = ml::FragmentModel::load(QFile::encodeName(job.modelFile()).toStdString());
        QVERIFY2(stored, stored.error().c_str());
        QCOMPARE(stored->info().temperature, sel.temperature);
        QCOMPARE(stored->info().minBout, sel.minBout);
        QCOMPARE(stored->info().classThresholds,
                 std::vector<double>(sel.classThresholds.begin(), sel.classThresholds.end()));

        // The report on disk reads back the same.
        auto loaded = TrainingReport::load(job.reportFile());
        QVERIFY2(loaded, qPrintable(loaded.error()));
        QCOMPARE(loaded->validation, report.validation);
        QCOMPARE(loaded->history, report.history);
        QCOMPARE(loaded->selection, report.selection);
        // A report of the previous version (no "selection") still loads.
        QJsonObject old = report.toJson();
        old.remove(QStringLiteral("selection"));
        old.insert(QStringLiteral("version"), 1);
        auto previous = TrainingReport::fromJson(QJsonDocument(old).toJson(), QStringLiteral("old.report.json"));
        QVERIFY2(previous, qPrintable(previous.error()));
        QVERIFY(!previous->selection.used);
        QCOMPARE(previous->validation, report.validation);

        // Scored on the unlabeled part of the video.
        EvaluationJob eval(*project, job.modelFile(), m_motion.unlabeledTruthCsv);
        const Status evaluated = eval.runHere();
        QVERIFY2(evaluated, qPrintable(evaluated.error()));
        qInfo("unlabeled part: %lld fragments, macro-F1 %.3f, accuracy %.3f", static_cast<long long>(eval.fragments()),
              eval.scores().macroF1, eval.scores().accuracy);
        QCOMPARE(eval.fragments(), qint64(70));
        if (eval.scores().macroF1 < 0.95) qInfo("%s", qPrintable(eval.scores().toText()));
        QVERIFY(eval.scores().macroF1 >= 0.95);
        m_firstModel = job.modelFile();
    }

    void seededRunIsReproducible()
    {
        QVERIFY(!m_firstModel.isEmpty());
        auto project = Project::load(m_motion.dir);
        QVERIFY(project);
        TrainingJob job(*project, test::fastTrainingRequest());
        QVERIFY(job.runHere());
        QVERIFY(job.modelFile() != m_firstModel);
        const auto a = predictAll(*project, m_firstModel);
        const auto b = predictAll(*project, job.modelFile());
        QVERIFY(!a.empty());
        QVERIFY(a == b); // bit-identical probabilities
        QFile::remove(job.modelFile());
        QFile::remove(job.reportFile());
    }

    void cancelDuringCrossValidationIsQuickAndWritesNothing()
    {
        QVERIFY(!m_firstModel.isEmpty());
        auto project = Project::load(m_motion.dir);
        QVERIFY(project);
        const QStringList before = modelFolderListing(project->modelsDir());
        JobRunner runner;
        TrainingRequest request = test::fastTrainingRequest();
        for (auto& c : request.candidates) c.options.epochs = 200; // folds long enough to cancel in
        auto* job = new TrainingJob(*project, request);
        QElapsedTimer sinceCancel;
        connect(job, &TrainingJob::stageChanged, this, [&](const QString& stage) {
            if (stage.contains(QStringLiteral("fold 2")) && !job->cancelRequested()) {
                sinceCancel.start();
                job->requestCancel();
            }
        });
        QSignalSpy finished(job, &Job::finished);
        runner.start(std::unique_ptr<Job>(job));
        QVERIFY(finished.wait(120000));
        const qint64 cancelMs = sinceCancel.isValid() ? sinceCancel.elapsed() : -1;
        qInfo("cancel during cross-validation took effect in %lld ms", static_cast<long long>(cancelMs));
        QCOMPARE(finished.first().first().value<Job::State>(), Job::State::Cancelled);
        QVERIFY(cancelMs >= 0 && cancelMs < 1000);
        QCOMPARE(modelFolderListing(project->modelsDir()), before);
    }

    void cancelMidEpochLeavesPreviousModel()
    {
        QVERIFY(!m_firstModel.isEmpty());
        auto project = Project::load(m_motion.dir);
        QVERIFY(project);
        QVERIFY(project->setActiveModel(QFileInfo(m_firstModel).fileName()));
        QVERIFY(project->save());
        const QByteArray projectBytes = readAll(project->projectFile());
        const QByteArray modelBytes = readAll(m_firstModel);
        const QStringList before = modelFolderListing(project->modelsDir());

        JobRunner runner;
        TrainingRequest request = test::fastTrainingRequest();
        for (auto& c : request.candidates) c.options.epochs = 200; // a final training long enough to cancel
        auto* job = new TrainingJob(*project, request);
        QElapsedTimer sinceCancel;
        int cancelAtStep = 0;
        connect(job, &TrainingJob::batchProgress, this, [&](const ml::BatchProgress& p) {
            if (p.epoch == 2 && p.step == 2 && !job->cancelRequested()) {
                cancelAtStep = int(p.globalStep);
                sinceCancel.start();
                job->requestCancel();
            }
        });
        QSignalSpy finished(job, &Job::finished);
        runner.start(std::unique_ptr<Job>(job));
        QVERIFY(finished.wait(120000));
        const qint64 cancelMs = sinceCancel.isValid() ? sinceCancel.elapsed() : -1;
        qInfo("cancel requested at step %d took effect in %lld ms", cancelAtStep, static_cast<long long>(cancelMs));
        QCOMPARE(finished.first().first().value<Job::State>(), Job::State::Cancelled);
        QVERIFY(cancelMs >= 0 && cancelMs < 5000); // generous: the machine may be loaded
        QCOMPARE(modelFolderListing(project->modelsDir()), before);
        QCOMPARE(readAll(m_firstModel), modelBytes);
        QCOMPARE(readAll(project->projectFile()), projectBytes);
    }

    void clearMessagesForUnusableLabels_data()
    {
        QTest::addColumn<double>("labeledFraction");
        QTest::addColumn<bool>("labelStatic");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no labels") << 0.0 << true << QStringLiteral("no labeled fragments");
        QTest::newRow("one class") << 0.6 << false << QStringLiteral("only class \"motion\" has labeled fragments");
    }

    void clearMessagesForUnusableLabels()
    {
        QFETCH(double, labeledFraction);
        QFETCH(bool, labelStatic);
        QFETCH(QString, expected);
        test::MotionProjectOptions options;
        options.frames = 120;
        options.labeledFraction = labeledFraction;
        options.labelStatic = labelStatic;
        auto made = test::makeMotionProject(
            m_tmp.filePath(QStringLiteral("bad-%1").arg(QTest::currentDataTag()).replace(u' ', u'-')), options);
        QVERIFY2(made, qPrintable(made.error()));
        auto project = Project::load(made->dir);
        QVERIFY(project);
        TrainingJob job(*project, test::fastTrainingRequest());
        const Status status = job.runHere();
        QVERIFY(!status);
        QVERIFY2(status.error().contains(expected), qPrintable(status.error()));
        QVERIFY(status.error().contains(project->projectFile()));
        QVERIFY(!status.error().contains(u'\n'));
        QCOMPARE(job.state(), Job::State::Failed);
        QVERIFY(modelFolderListing(project->modelsDir()).isEmpty());
    }

    void tooFewFragmentsForValidation()
    {
        auto project = Project::load(m_motion.dir);
        QVERIFY(project);
        Project p = *project;
        QVERIFY(p.clearLabel(0, 0, p.video(0).frameCount));
        QVERIFY(p.setLabel(0, 0, 40, QStringLiteral("motion")));
        QVERIFY(p.setLabel(0, 40, 44, QStringLiteral("static"))); // one fragment
        auto split = FragmentSplit::make(p);
        QVERIFY(!split);
        QVERIFY2(split.error().contains(QStringLiteral("too few labeled fragments of class \"static\"")),
                 qPrintable(split.error()));
    }

    void splitsByVideoWhenSeveral()
    {
        test::MotionProjectOptions options;
        options.frames = 160;
        auto other = test::makeMotionProject(m_tmp.filePath(QStringLiteral("second")), options);
        QVERIFY2(other, qPrintable(other.error()));
        auto project = Project::load(m_motion.dir);
        QVERIFY(project);
        Project p = *project;
        const QString renamed = m_tmp.filePath(QStringLiteral("second/media/motion2.mp4"));
        QVERIFY(QFile::rename(other->video, renamed));
        auto added = p.addVideo(renamed, 160, 25.0);
        QVERIFY2(added, qPrintable(added.error()));
        QVERIFY(p.setLabel(*added, 0, 40, QStringLiteral("motion")));
        QVERIFY(p.setLabel(*added, 40, 80, QStringLiteral("static")));
        auto split = FragmentSplit::make(p, 0.2);
        QVERIFY2(split, qPrintable(split.error()));
        QCOMPARE(split->policy, QStringLiteral("videos"));
        QCOMPARE(split->validationVideos, QList<int>{*added});
        QCOMPARE(split->purged, qint64(0));
        for (const auto& f : split->train) QCOMPARE(f.video, 0);
        for (const auto& f : split->validation) QCOMPARE(f.video, *added);
        QVERIFY(split->reason.contains(QStringLiteral("motion2.mp4")));
    }

    void modelStoreListsModelsAndActiveModelPersists()
    {
        QVERIFY(!m_firstModel.isEmpty());
        auto project = Project::load(m_motion.dir);
        QVERIFY(project);
        const auto models = ModelStore::list(*project);
        QCOMPARE(models.size(), size_t(1));
        QCOMPARE(models[0].file, m_firstModel);
        QVERIFY(models[0].hasReport);
        QVERIFY(models[0].macroF1 >= 0.9);
        QVERIFY(models[0].active); // set by the cancel test
        QCOMPARE(models[0].classes, (QStringList{QStringLiteral("motion"), QStringLiteral("static")}));
        auto active = ModelStore::activeModelFile(*project);
        QVERIFY2(active, qPrintable(active.error()));
        QCOMPARE(*active, m_firstModel);
        QCOMPARE(*ModelStore::findModel(*project, models[0].fileName.left(8)), m_firstModel);
        QVERIFY(!ModelStore::findModel(*project, QStringLiteral("nope")));

        // Not a file name: refused in the API and in project.json.
        Project p = *project;
        QVERIFY(!p.setActiveModel(QStringLiteral("../x.flmodel")));
        QVERIFY(p.setActiveModel(QString()));
        QVERIFY(!ModelStore::activeModelFile(p));
        QByteArray json = readAll(project->projectFile());
        QVERIFY(json.contains("\"active_model\""));
        json.replace(QFileInfo(m_firstModel).fileName().toUtf8(), "../evil.flmodel");
        QTemporaryDir other;
        QFile out(QDir(other.path()).filePath(QStringLiteral("project.json")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(json);
        out.close();
        auto bad = Project::load(other.path());
        QVERIFY(!bad);
        QVERIFY2(bad.error().contains(QStringLiteral("active_model")), qPrintable(bad.error()));
    }

    void evaluateRefusesBadTruthAndModel()
    {
        QVERIFY(!m_firstModel.isEmpty());
        auto project = Project::load(m_motion.dir);
        QVERIFY(project);
        EvaluationJob missingTruth(*project, m_firstModel, m_tmp.filePath(QStringLiteral("none.csv")));
        QVERIFY(!missingTruth.runHere());
        QVERIFY(missingTruth.errorString().contains(QStringLiteral("none.csv")));
        EvaluationJob badModel(*project, m_motion.allTruthCsv, m_motion.allTruthCsv);
        QVERIFY(!badModel.runHere());
        QVERIFY2(badModel.errorString().contains(QStringLiteral("not a FragmentLab model")),
                 qPrintable(badModel.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "tst_training.moc"
