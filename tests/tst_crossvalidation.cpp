// CrossValidationPlan: folds by whole videos or by time blocks, never a labeled fragment's
// neighbour on the training side of the fold that holds it out; and DecisionTuning: the
// temperature that calibrates held-out predictions, per-class thresholds and the minimum bout,
// kept only when the folds agree. No video is decoded: the project's videos are names.
#include "project/Project.h"
#include "training/CrossValidation.h"
#include "training/DecisionTuning.h"
#include "video/FileFingerprint.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>
#include <set>

using namespace fl;

namespace {

// A project with `videos` videos of `frames` frames each (not on disk: only their names and
// fingerprints), classes a and b.
Project makeProject(const QString& dir, int videos, qint64 frames)
{
    auto p = Project::create(dir, FragmentSpec{}, {QStringLiteral("a"), QStringLiteral("b")});
    for (int v = 0; v < videos; ++v) {
        FileFingerprint f;
        f.size = 1000 + v;
        f.hash = QByteArray(64, char('a' + v));
        p->addVideo(QDir(dir).filePath(QStringLiteral("v%1.mp4").arg(v)), frames, 25.0, f);
    }
    return *p;
}

// Alternating labeled blocks of `block` frames (a, b, a, ...) over [0, end) of a video.
void labelBlocks(Project& p, int video, qint64 end, qint64 block, qint64 offset = 0)
{
    for (qint64 s = offset, k = 0; s + block <= end; s += block, ++k)
        QVERIFY(p.setLabel(video, s, s + block, k % 2 ? QStringLiteral("b") : QStringLiteral("a")));
}

} // namespace

class TestCrossValidation : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_made = 0;
    QString freshDir() { return m_tmp.filePath(QStringLiteral("p%1").arg(m_made++)); }

private slots:
    void timeBlockFoldsNeverTrainOnNeighbours()
    {
        Project p = makeProject(freshDir(), 1, 800);
        labelBlocks(p, 0, 800, 40);
        auto plan = CrossValidationPlan::make(p, 3);
        QVERIFY2(plan, qPrintable(plan.error()));
        QCOMPARE(plan->policy, QStringLiteral("time-blocks"));
        QVERIFY(plan->reason.contains(QStringLiteral("one labeled video")));
        QCOMPARE(int(plan->folds.size()), 3);
        QVERIFY(plan->neighboursSeparated(p.spec().span()));
        QVERIFY(plan->purged > 0);
        // Every labeled fragment is held out exactly once; no fragment is on both sides.
        std::vector<int> heldOut(plan->fragments.size(), 0);
        for (const auto& fold : plan->folds) {
            for (int i : fold.test) ++heldOut[size_t(i)];
            const std::set<int> test(fold.test.begin(), fold.test.end());
            std::set<int> trainedClasses;
            for (int i : fold.train) {
                QVERIFY(!test.count(i));
                trainedClasses.insert(plan->fragments[size_t(i)].label);
            }
            QCOMPARE(int(trainedClasses.size()), 2);
        }
        for (int n : heldOut) QCOMPARE(n, 1);
        QCOMPARE(int(plan->fragments.size()), 200);
    }

    void videoFoldsHoldOutWholeVideos()
    {
        Project p = makeProject(freshDir(), 3, 400);
        for (int v = 0; v < 3; ++v) labelBlocks(p, v, 400, 40);
        auto plan = CrossValidationPlan::make(p, 3);
        QVERIFY2(plan, qPrintable(plan.error()));
        QCOMPARE(plan->policy, QStringLiteral("videos"));
        QCOMPARE(int(plan->folds.size()), 3);
        QCOMPARE(plan->purged, qint64(0));
        for (const auto& fold : plan->folds) {
            std::set<int> testVideos, trainVideos;
            for (int i : fold.test) testVideos.insert(plan->fragments[size_t(i)].video);
            for (int i : fold.train) trainVideos.insert(plan->fragments[size_t(i)].video);
            for (int v : testVideos) QVERIFY(!trainVideos.count(v));
            QCOMPARE(int(testVideos.size()), 1);
        }
        QVERIFY(plan->neighboursSeparated(p.spec().span()));
    }

    void lopsidedVideosFallBackToTimeBlocks()
    {
        // 95 % of the labels in one video: holding it out would train on 5 %.
        Project p = makeProject(freshDir(), 2, 800);
        labelBlocks(p, 0, 760, 40);
        QVERIFY(p.setLabel(1, 0, 8, QStringLiteral("a")));
        QVERIFY(p.setLabel(1, 8, 16, QStringLiteral("b")));
        auto plan = CrossValidationPlan::make(p, 3);
        QVERIFY2(plan, qPrintable(plan.error()));
        QCOMPARE(plan->policy, QStringLiteral("time-blocks"));
        QVERIFY(plan->neighboursSeparated(p.spec().span()));
    }

    void fewFragmentsMeanTwoFoldsAndErrorsNameTheProject()
    {
        Project p = makeProject(freshDir(), 1, 400);
        QVERIFY(p.setLabel(0, 0, 12, QStringLiteral("a")));
        QVERIFY(p.setLabel(0, 100, 108, QStringLiteral("b")));
        auto plan = CrossValidationPlan::make(p, 3);
        QVERIFY2(plan, qPrintable(plan.error()));
        QCOMPARE(int(plan->folds.size()), 2);
        // Three adjacent fragments of a cannot be split in two without a neighbour on each side
        // or a fold that never sees a: the plan keeps the class and says so.
        QVERIFY(!plan->neighboursSeparated(p.spec().span()));
        QVERIFY(plan->keptNeighbours > 0);
        QVERIFY2(plan->reason.contains(QStringLiteral("kept")), qPrintable(plan->reason));

        Project one = makeProject(freshDir(), 1, 400);
        QVERIFY(one.setLabel(0, 0, 40, QStringLiteral("a")));
        auto refused = CrossValidationPlan::make(one, 3);
        QVERIFY(!refused);
        QVERIFY(refused.error().contains(one.projectFile()));
        QVERIFY(refused.error().contains(QStringLiteral("only class")));
    }

    // The winner among candidates: the best mean macro-F1; within 0.01 of it, the lowest log
    // loss, but a more complex model must lower it by more than 10 % (on the benchmark a
    // two-stream model that tied the motion model in F1 and beat it by 3 % of log loss lost
    // 0.13 macro-F1 on the predicted part).
    void candidateChoicePrefersTheSimplerModelOnATie()
    {
        auto score = [](const char* name, double f1, double logLoss) {
            CandidateScore c;
            c.name = QString::fromLatin1(name);
            c.meanMacroF1 = f1;
            c.logLoss = logLoss;
            return c;
        };
        const std::vector<int> complexity{1, 1, 2}; // motion, appearance, two-stream
        QString reason;
        // A tie in F1, a hair of log loss: the simpler model.
        QCOMPARE(chooseCandidate({score("motion", 1.0, 0.0153), score("appearance", 0.52, 1.1),
                                  score("two-stream", 1.0, 0.0149)},
                                 complexity, &reason),
                 size_t(0));
        QVERIFY2(reason.startsWith(QStringLiteral("highest")), qPrintable(reason));
        // The complex one first in F1 by less than 0.01, not clearly lower in log loss: the simpler.
        QCOMPARE(chooseCandidate({score("motion", 0.995, 0.030), score("appearance", 0.5, 1.0),
                                  score("two-stream", 1.0, 0.029)},
                                 complexity, &reason),
                 size_t(0));
        QVERIFY2(reason.contains(QStringLiteral("simpler")), qPrintable(reason));
        // Clearly lower log loss: the complex one.
        QCOMPARE(chooseCandidate({score("motion", 1.0, 0.030), score("appearance", 0.5, 1.0),
                                  score("two-stream", 1.0, 0.020)},
                                 complexity, &reason),
                 size_t(2));
        QVERIFY2(reason.contains(QStringLiteral("lower held-out log loss")), qPrintable(reason));
        // Equally complex: the plain lower log loss; outside the tie: the best F1 whatever its loss.
        QCOMPARE(chooseCandidate({score("motion", 0.90, 0.30), score("appearance", 0.905, 0.29),
                                  score("two-stream", 0.7, 0.1)},
                                 complexity),
                 size_t(1));
        QCOMPARE(chooseCandidate({score("motion", 0.80, 0.01), score("appearance", 0.5, 1.0),
                                  score("two-stream", 0.95, 0.5)},
                                 complexity),
                 size_t(2));
        QCOMPARE(chooseCandidate({score("only", 0.6, 0.7)}, {1}, &reason), size_t(0));
        QVERIFY2(reason.startsWith(QStringLiteral("the only configuration")), qPrintable(reason));
    }

    void temperatureLowersTheCalibrationErrorOnHeldOutData()
    {
        // True log-odds z, labels drawn from them; the "model" says 3z: overconfident. The
        // temperature is fitted on one half and judged on the other.
        std::mt19937 rng(5);
        std::normal_distribution<double> normal(0.0, 2.0);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        ScoreRows fitLogits, testLogits;
        std::vector<int> fitTruth, testTruth;
        for (int i = 0; i < 4000; ++i) {
            const double z = normal(rng);
            const int y = unit(rng) < 1.0 / (1.0 + std::exp(-z)) ? 1 : 0;
            ScoreRows& logits = i % 2 ? testLogits : fitLogits;
            (i % 2 ? testTruth : fitTruth).push_back(y);
            logits.push_back({0.0f, float(3.0 * z)});
        }
        const double t = fitTemperature(fitLogits, fitTruth);
        QVERIFY2(t > 2.5 && t < 3.5, qPrintable(QString::number(t)));
        const double before = expectedCalibrationError(softmaxRows(testLogits, 1.0), testTruth);
        const double after = expectedCalibrationError(softmaxRows(testLogits, t), testTruth);
        qInfo("temperature %.2f: held-out ECE %.3f -> %.3f", t, before, after);
        QVERIFY(after < before / 2);
        QCOMPARE(fitTemperature({}, {}), 1.0);
    }

    void thresholdsFollowAShiftTheFoldsAgreeOn()
    {
        // Class 1 is under-called everywhere: its fragments have p1 in [0.25, 0.45], class 0's
        // in [0, 0.2]. Argmax calls everything 0; a threshold near 0.25 separates them.
        std::mt19937 rng(2);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        ScoreRows probabilities;
        std::vector<int> truth, fold;
        for (int i = 0; i < 300; ++i) {
            const int y = i % 3 == 0 ? 1 : 0;
            const double p1 = y ? 0.25 + 0.2 * unit(rng) : 0.2 * unit(rng);
            probabilities.push_back({float(1.0 - p1), float(p1)});
            truth.push_back(y);
            fold.push_back(i % 3);
        }
        const auto t = tuneClassThresholds(probabilities, truth, fold, 2);
        QCOMPARE(t.size(), size_t(2));
        QVERIFY2(t[1] > 0.19 && t[1] <= 0.25, qPrintable(QString::number(t[1])));
        QCOMPARE(decidedMacroF1(probabilities, truth, 2, t), 1.0);
        QVERIFY(decidedMacroF1(probabilities, truth, 2, {}) < 0.5);

        // Already right: nothing to gain, no thresholds.
        ScoreRows clean;
        for (size_t i = 0; i < truth.size(); ++i)
            clean.push_back(truth[i] ? std::vector<float>{0.1f, 0.9f} : std::vector<float>{0.9f, 0.1f});
        QVERIFY(tuneClassThresholds(clean, truth, fold, 2).empty());

        // A gain that one fold contradicts is noise: in fold 2 the shift goes the other way
        // (class 0 at p1 in [0.25, 0.45], class 1 below 0.2).
        ScoreRows mixed = probabilities;
        for (size_t i = 0; i < mixed.size(); ++i) {
            if (fold[i] != 2) continue;
            const double p1 = truth[i] ? 0.2 * unit(rng) : 0.25 + 0.2 * unit(rng);
            mixed[i] = {float(1.0 - p1), float(p1)};
        }
        QVERIFY(tuneClassThresholds(mixed, truth, fold, 2).empty());
    }

    void minimumBoutFoldsFlickerWhenEveryFoldGains()
    {
        // Runs of 10 fragments; every fifth fragment flickers to the other class.
        std::vector<HeldOutStretch> stretches;
        for (int s = 0; s < 6; ++s) {
            HeldOutStretch h;
            h.fold = s % 3;
            for (int j = 0; j < 40; ++j) {
                const int y = (j / 10) % 2;
                const int shown = j % 5 == 2 ? 1 - y : y;
                h.truth.push_back(y);
                h.probabilities.push_back(shown ? std::vector<float>{0.2f, 0.8f} : std::vector<float>{0.8f, 0.2f});
            }
            stretches.push_back(h);
        }
        double before = 0, after = 0;
        const int bout = tuneMinBout(stretches, 2, {}, &before, &after);
        QVERIFY(bout >= 2);
        QVERIFY(after > before + 0.1);
        for (auto& h : stretches)
            for (size_t j = 0; j < h.truth.size(); ++j)
                h.probabilities[j] = h.truth[j] ? std::vector<float>{0.2f, 0.8f} : std::vector<float>{0.8f, 0.2f};
        QCOMPARE(tuneMinBout(stretches, 2, {}), 1);
    }
};

QTEST_MAIN(TestCrossValidation)
#include "tst_crossvalidation.moc"
