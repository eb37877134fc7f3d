#include "jobs/TrainingJob.h"

#include "ml/FragmentModel.h"
#include "ml/Predictor.h"
#include "ml/Trainer.h"
#include "training/CrossValidation.h"
#include "training/DecisionTuning.h"
#include "training/ModelFrames.h"
#include "training/ModelStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>

namespace fl {

namespace {

QJsonObject optionsJson(const ml::TrainingOptions& o)
{
    const ml::Augmentation& a = o.augmentation;
    return QJsonObject{
        {QStringLiteral("architecture"), QString::fromStdString(ml::architectureName(o.model.architecture))},
        {QStringLiteral("fusion"), QString::fromStdString(ml::fusionName(o.model.fusion))},
        {QStringLiteral("appearance_stream"), o.model.appearanceStream},
        {QStringLiteral("motion_stream"), o.model.motionStream},
        {QStringLiteral("statistics"), o.model.statistics},
        {QStringLiteral("convolutions"), o.model.convolutions},
        {QStringLiteral("input_size"), o.model.inputSize},
        {QStringLiteral("frame_difference"), o.model.frameDifference},
        {QStringLiteral("width"), o.model.width},
        {QStringLiteral("feature_size"), o.model.featureSize},
        {QStringLiteral("dropout"), o.model.dropout},
        {QStringLiteral("epochs"), o.epochs},
        {QStringLiteral("min_steps"), o.minSteps},
        {QStringLiteral("batch_size"), o.batchSize},
        {QStringLiteral("learning_rate"), o.learningRate},
        {QStringLiteral("weight_decay"), o.weightDecay},
        {QStringLiteral("warmup_fraction"), o.warmupFraction},
        {QStringLiteral("patience"), o.patience},
        {QStringLiteral("class_balance"), QString::fromStdString(ml::classBalanceName(o.balance))},
        {QStringLiteral("seed"), QString::number(o.seed)},
        {QStringLiteral("device"), QString::fromStdString(ml::deviceChoiceName(o.device))},
        {QStringLiteral("mixed_precision"), o.mixedPrecision},
        {QStringLiteral("augmentation"),
         QJsonObject{{QStringLiteral("enabled"), a.enabled},
                     {QStringLiteral("crop_probability"), a.cropProbability},
                     {QStringLiteral("min_crop_scale"), a.minCropScale},
                     {QStringLiteral("horizontal_flip"), a.horizontalFlip},
                     {QStringLiteral("brightness"), a.brightness},
                     {QStringLiteral("contrast"), a.contrast},
                     {QStringLiteral("motion_scale"), a.motionScale},
                     {QStringLiteral("views"), a.views},
                     {QStringLiteral("temporal_jitter"), a.temporalJitter}}},
    };
}

} // namespace

QJsonObject trainingSettingsJson(const TrainingRequest& request)
{
    QJsonObject o = optionsJson(request.options);
    o.insert(QStringLiteral("validation_fraction"), request.validationFraction);
    o.insert(QStringLiteral("folds"), request.folds);
    o.insert(QStringLiteral("tune_decisions"), request.tuneDecisions);
    QJsonArray candidates;
    for (const TrainingCandidate& c : request.candidates)
        candidates.append(
            QJsonObject{{QStringLiteral("name"), c.name},
                        {QStringLiteral("architecture"), QString::fromStdString(c.options.model.describe())}});
    if (!candidates.isEmpty()) o.insert(QStringLiteral("candidates"), candidates);
    return o;
}

std::optional<TrainingCandidate> namedTrainingCandidate(const QString& name, const ml::TrainingOptions& base)
{
    QString streams = name;
    const bool cnn = streams.endsWith(QLatin1String("+cnn"));
    if (cnn) streams.chop(4);
    ml::TrainingOptions o = base;
    o.model.architecture = ml::Architecture::TwoStream;
    // At least 300 optimisation steps (25 labels train as long as 200 do); no early stop: the
    // final model trains on every label, the folds tell how well it does. Dropout 0.5 before
    // the feature and class layers: the statistics are many and the labels few.
    o.minSteps = std::max(o.minSteps, 300);
    o.patience = 0;
    o.model.dropout = 0.5;
    // Augmentation against what differs between videos but not between classes: contrast
    // (x U(0.5, 1.5)) and the amount of motion (changes x U(0.03, 1)); no mirroring, which
    // would swap left and right (docs/MODEL.md has what each did on the benchmark).
    o.augmentation.horizontalFlip = false;
    o.augmentation.contrast = 0.5;
    o.augmentation.motionScale = 0.03;
    o.model.convolutions = cnn;
    o.model.statistics = true;
    if (streams == QLatin1String("motion")) {
        o.model.appearanceStream = false;
        o.model.motionStream = true;
    } else if (streams == QLatin1String("appearance")) {
        o.model.appearanceStream = true;
        o.model.motionStream = false;
    } else if (streams == QLatin1String("two-stream")) {
        o.model.appearanceStream = o.model.motionStream = true;
    } else {
        return std::nullopt;
    }
    return TrainingCandidate{name, o};
}

std::vector<TrainingCandidate> defaultTrainingCandidates(const ml::TrainingOptions& base)
{
    std::vector<TrainingCandidate> out;
    for (const char* name : {"motion", "appearance", "two-stream"})
        out.push_back(*namedTrainingCandidate(QString::fromLatin1(name), base));
    return out;
}

TrainingRequest defaultTrainingRequest()
{
    TrainingRequest r;
    r.candidates = defaultTrainingCandidates(r.options);
    return r;
}

TrainingJob::TrainingJob(Project project, TrainingRequest request, QObject* parent)
    : Job(QStringLiteral("Training"), parent), m_project(std::move(project)), m_request(std::move(request))
{
    qRegisterMetaType<fl::ml::BatchProgress>();
    qRegisterMetaType<fl::EpochRecord>();
    qRegisterMetaType<fl::CandidateScore>();
}

QString TrainingJob::modelFile() const
{
    std::lock_guard lock(m_resultMutex);
    return m_modelFile;
}

QString TrainingJob::reportFile() const
{
    std::lock_guard lock(m_resultMutex);
    return m_reportFile;
}

TrainingReport TrainingJob::report() const
{
    std::lock_guard lock(m_resultMutex);
    return m_report;
}

ml::FragmentModel TrainingJob::model() const
{
    std::lock_guard lock(m_resultMutex);
    return m_model;
}

namespace {

using Clock = QElapsedTimer;

double seconds(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

// Fragments around each held-out one that a fold model also predicts, so the minimum bout can
// be tuned on runs as the timeline shows them.
constexpr qint64 kBoutContext = 8;

struct FoldResult {
    ScoreRows logProbabilities;            // per held-out fragment (plan.folds[f].test order)
    std::vector<HeldOutStretch> stretches; // log-probabilities in `probabilities`
};

struct CandidateResult {
    CandidateScore score;
    std::vector<FoldResult> folds;
};

double meanOf(const QVector<double>& v)
{
    return v.isEmpty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
}

double sdOf(const QVector<double>& v)
{
    if (v.size() < 2) return 0.0;
    const double m = meanOf(v);
    double q = 0;
    for (double x : v) q += (x - m) * (x - m);
    return std::sqrt(q / double(v.size() - 1));
}

std::vector<std::string> stdNames(const QStringList& classes)
{
    std::vector<std::string> names;
    for (const QString& c : classes) names.push_back(c.toStdString());
    return names;
}

} // namespace

Status TrainingJob::execute(const WorkControl& control)
{
    QElapsedTimer clock;
    clock.start();
    std::vector<TrainingCandidate> candidates = m_request.candidates;
    if (candidates.empty()) candidates.push_back({QStringLiteral("custom"), m_request.options});
    for (const auto& c : candidates)
        if (const auto e = c.options.validate(); !e.empty())
            return Status::failure(QStringLiteral("invalid training settings: %1").arg(QString::fromStdString(e)));
    for (const auto& c : candidates)
        if (c.options.model.inputSize != candidates.front().options.model.inputSize)
            return Status::failure(
                QStringLiteral("invalid training settings: every candidate must use the same input size"));
    auto planned = CrossValidationPlan::make(m_project, m_request.folds);
    if (!planned) return planned.status();
    const CrossValidationPlan& plan = *planned;
    const FragmentSpec& spec = m_project.spec();
    const int inputSize = candidates.front().options.model.inputSize;

    // Frame caches at the model's input size, kept open (memory-mapped) while training.
    std::vector<FragmentCache> caches;
    std::map<int, int> videoSlot;
    ml::TrainingSet data;
    QStringList videoNames;
    for (int video : plan.videosUsed()) {
        if (control.cancelled()) return Status::failure(QStringLiteral("cancelled"));
        auto cache = openModelFrames(m_project, video, inputSize, control);
        if (!cache) return cache.status();
        videoSlot[video] = int(caches.size());
        data.videos.push_back(videoFramesOf(*cache));
        caches.push_back(std::move(cache).value());
        videoNames << m_project.video(video).fileName();
    }
    if (control.cancelled()) return Status::failure(QStringLiteral("cancelled"));
    const double prepareSeconds = seconds(clock);
    for (const QString& c : plan.classes) data.classes.push_back(c.toStdString());
    data.fragment = {spec.length, spec.stride, spec.step};
    std::vector<ml::LabeledFragment> all;
    for (const auto& f : plan.fragments)
        all.push_back({videoSlot.at(f.video), f.firstFrame, f.minFirst, f.maxFirst, f.label});
    const int k = int(plan.classes.size());

    // Progress over the whole search: every fold of every candidate, then the final run.
    const bool selecting = plan.folds.size() >= 2;
    std::int64_t totalSteps = 0;
    for (const auto& c : candidates) {
        for (const auto& fold : plan.folds)
            totalSteps += ml::Trainer::plannedSteps(std::int64_t(fold.train.size()), c.options);
    }
    totalSteps += ml::Trainer::plannedSteps(std::int64_t(all.size()), candidates.front().options);
    std::int64_t stepsBefore = 0;
    std::int64_t currentTotal = totalSteps;
    const auto progressCallbacks = [&](bool final) {
        ml::TrainingCallbacks cb;
        cb.cancel = control.cancel;
        cb.batch = [this, &control, &stepsBefore, &currentTotal, final](const ml::BatchProgress& p) {
            if (final) emit batchProgress(p);
            control.report(stepsBefore + p.globalStep, currentTotal, QStringLiteral("Training"));
        };
        if (final) {
            cb.epoch = [this](const ml::EpochMetrics& m) {
                emit epochFinished(EpochRecord{m.epoch, m.trainLoss, m.trainAccuracy, m.validationLoss,
                                               m.validationAccuracy, m.validationMacroF1, m.best, m.seconds});
            };
        }
        return cb;
    };
    const auto failure = [this](const std::string& e) {
        return Status::failure(QStringLiteral("%1: %2").arg(m_project.projectFile(), QString::fromStdString(e)));
    };

    // Predicts fragments given as (slot, first frame) with a fold model; log-probabilities.
    const auto predictLog = [&](const ml::Predictor& predictor, int slot, const std::vector<std::int64_t>& firsts,
                                ScoreRows& out) -> std::string {
        auto predicted = predictor.predict(data.videos[size_t(slot)], firsts);
        if (!predicted) return predicted.error();
        for (const auto& p : *predicted) {
            std::vector<float> row(p.probabilities.size());
            for (size_t c = 0; c < row.size(); ++c) row[c] = std::log(std::max(1e-12f, p.probabilities[c]));
            out.push_back(std::move(row));
        }
        return std::string();
    };

    // ---- 1. cross-validation of every candidate
    QElapsedTimer selectionClock;
    selectionClock.start();
    std::vector<CandidateResult> results;
    if (selecting) {
        for (const auto& candidate : candidates) {
            CandidateResult r;
            r.score.name = candidate.name;
            r.score.architecture = QString::fromStdString(candidate.options.model.describe());
            QElapsedTimer candidateClock;
            candidateClock.start();
            double logLoss = 0;
            qint64 scored = 0;
            for (size_t f = 0; f < plan.folds.size(); ++f) {
                const CrossValidationFold& fold = plan.folds[f];
                emit stageChanged(QStringLiteral("Cross-validation: %1, fold %2 of %3")
                                      .arg(candidate.name)
                                      .arg(f + 1)
                                      .arg(plan.folds.size()));
                ml::TrainingSet set = data;
                set.train.clear();
                set.validation.clear();
                for (int i : fold.train) set.train.push_back(all[size_t(i)]);
                auto outcome = ml::Trainer::train(set, candidate.options, progressCallbacks(false));
                if (!outcome) return failure(outcome.error());
                if (outcome->cancelled) return Status::failure(QStringLiteral("cancelled"));
                stepsBefore += ml::Trainer::plannedSteps(std::int64_t(fold.train.size()), candidate.options);
                auto predictor = ml::Predictor::create(outcome->model, candidate.options.device);
                if (!predictor) return failure(predictor.error());

                FoldResult fr;
                // The held-out fragments, video by video, in plan order.
                std::map<int, std::vector<int>> byVideo;
                for (int i : fold.test) byVideo[all[size_t(i)].video].push_back(i);
                std::map<int, std::vector<float>> rowOf; // fragment index -> its log-probabilities
                for (const auto& [slot, members] : byVideo) {
                    if (control.cancelled()) return Status::failure(QStringLiteral("cancelled"));
                    std::vector<std::int64_t> firsts;
                    for (int i : members) firsts.push_back(all[size_t(i)].firstFrame);
                    ScoreRows rows;
                    if (auto e = predictLog(*predictor, slot, firsts, rows); !e.empty()) return failure(e);
                    for (size_t j = 0; j < members.size(); ++j) rowOf[members[j]] = rows[j];
                    // Stretches: the held-out fragments with kBoutContext neighbours each side.
                    const qint64 count = spec.count(data.videos[size_t(slot)].frameCount);
                    std::vector<std::pair<qint64, qint64>> spans;
                    for (int i : members) {
                        const qint64 j = plan.fragments[size_t(i)].fragment;
                        const qint64 a = std::max<qint64>(0, j - kBoutContext),
                                     b = std::min<qint64>(count, j + kBoutContext + 1);
                        if (!spans.empty() && a <= spans.back().second)
                            spans.back().second = std::max(spans.back().second, b);
                        else
                            spans.push_back({a, b});
                    }
                    std::map<qint64, int> truthAt;
                    for (int i : members) truthAt[plan.fragments[size_t(i)].fragment] = all[size_t(i)].label;
                    for (const auto& [a, b] : spans) {
                        HeldOutStretch stretch;
                        std::vector<std::int64_t> stretchFirsts;
                        for (qint64 j = a; j < b; ++j) {
                            stretchFirsts.push_back(spec.firstFrame(j));
                            const auto t = truthAt.find(j);
                            stretch.truth.push_back(t == truthAt.end() ? -1 : t->second);
                        }
                        if (auto e = predictLog(*predictor, slot, stretchFirsts, stretch.probabilities); !e.empty())
                            return failure(e);
                        fr.stretches.push_back(std::move(stretch));
                    }
                }
                std::vector<int> truth, predicted;
                for (int i : fold.test) {
                    const auto& row = rowOf[i];
                    fr.logProbabilities.push_back(row);
                    truth.push_back(all[size_t(i)].label);
                    predicted.push_back(int(std::max_element(row.begin(), row.end()) - row.begin()));
                    logLoss -= double(row[size_t(all[size_t(i)].label)]);
                    ++scored;
                }
                r.score.foldMacroF1.push_back(
                    ml::classificationReport(truth, predicted, stdNames(plan.classes)).macro.f1);
                r.folds.push_back(std::move(fr));
            }
            r.score.meanMacroF1 = meanOf(r.score.foldMacroF1);
            r.score.sdMacroF1 = sdOf(r.score.foldMacroF1);
            r.score.logLoss = scored > 0 ? logLoss / double(scored) : 0.0;
            r.score.seconds = seconds(candidateClock);
            emit candidateScored(r.score);
            results.push_back(std::move(r));
        }
    }
    const double selectionSeconds = seconds(selectionClock);

    // ---- 2. the winner: the best mean macro-F1; within 0.01 of it, the lower held-out log loss,
    // a more complex candidate only when clearly lower (chooseCandidate)
    size_t winner = 0;
    QString winnerReason;
    if (selecting) {
        std::vector<CandidateScore> scores;
        std::vector<int> complexity;
        for (size_t i = 0; i < results.size(); ++i) {
            scores.push_back(results[i].score);
            const ml::ModelConfig& c = candidates[i].options.model;
            complexity.push_back(c.architecture == ml::Architecture::TwoStream
                                     ? int(c.appearanceStream) + int(c.motionStream) + (c.convolutions ? 2 : 0)
                                     : 4); // the end-to-end CNNs
        }
        winner = chooseCandidate(scores, complexity, &winnerReason);
    }
    const TrainingCandidate& chosen = candidates[winner];

    // ---- 3. calibration and decisions from the winner's out-of-fold predictions
    QElapsedTimer tuningClock;
    tuningClock.start();
    ModelSelection selection;
    selection.used = selecting;
    ClassScores heldOut;
    qint64 heldOutCount = 0;
    if (selecting) {
        ScoreRows logits;
        std::vector<int> truth, foldOf;
        std::vector<HeldOutStretch> stretches;
        for (size_t f = 0; f < plan.folds.size(); ++f) {
            const auto& fr = results[winner].folds[f];
            for (size_t j = 0; j < plan.folds[f].test.size(); ++j) {
                logits.push_back(fr.logProbabilities[j]);
                truth.push_back(all[size_t(plan.folds[f].test[j])].label);
                foldOf.push_back(int(f));
            }
        }
        double temperature = 1.0;
        if (m_request.tuneDecisions) {
            temperature = fitTemperature(logits, truth);
            // Cross-fitted ECE: each fold calibrated with the temperature fitted on the others.
            ScoreRows crossFitted(logits.size());
            for (size_t f = 0; f < plan.folds.size(); ++f) {
                ScoreRows fitLogits;
                std::vector<int> fitTruth;
                for (size_t i = 0; i < logits.size(); ++i)
                    if (foldOf[i] != int(f)) {
                        fitLogits.push_back(logits[i]);
                        fitTruth.push_back(truth[i]);
                    }
                const double tf = fitTemperature(fitLogits, fitTruth);
                for (size_t i = 0; i < logits.size(); ++i)
                    if (foldOf[i] == int(f)) crossFitted[i] = softmaxRows({logits[i]}, tf).front();
            }
            selection.eceBefore = expectedCalibrationError(softmaxRows(logits, 1.0), truth);
            selection.eceAfter = expectedCalibrationError(crossFitted, truth);
        }
        const ScoreRows calibrated = softmaxRows(logits, temperature);
        std::vector<double> thresholds = m_request.tuneDecisions ? tuneClassThresholds(calibrated, truth, foldOf, k)
                                                                 : std::vector<double>{};
        for (size_t f = 0; f < plan.folds.size(); ++f)
            for (const auto& s : results[winner].folds[f].stretches)
                stretches.push_back({softmaxRows(s.probabilities, temperature), s.truth, int(f)});
        double before = -1, after = -1;
        const int minBout = m_request.tuneDecisions ? tuneMinBout(stretches, k, thresholds, &before, &after) : 1;
        selection.temperature = temperature;
        selection.classThresholds = QVector<double>(thresholds.begin(), thresholds.end());
        selection.minBout = minBout;
        selection.macroF1Raw = decidedMacroF1(calibrated, truth, k, {});
        selection.macroF1Tuned = after;
        std::vector<int> decided;
        for (const auto& p : calibrated) decided.push_back(decidedClass(p.data(), int(p.size()), thresholds));
        heldOut = ClassScores::fromReport(ml::classificationReport(truth, decided, stdNames(plan.classes)));
        heldOutCount = qint64(truth.size());
        for (const auto& r : results) selection.candidates.push_back(r.score);
        selection.winner = chosen.name;
        selection.winnerReason = winnerReason;
        selection.foldPolicy = plan.policy;
        selection.foldReason = plan.reason;
        selection.folds = int(plan.folds.size());
        selection.purgedFragments = plan.purged;
    }
    const double tuningSeconds = seconds(tuningClock);

    // ---- 4. the final model: the winner on every labeled fragment
    emit stageChanged(QStringLiteral("Final training: %1").arg(chosen.name));
    QElapsedTimer finalClock;
    finalClock.start();
    currentTotal = stepsBefore + ml::Trainer::plannedSteps(std::int64_t(all.size()), chosen.options);
    ml::TrainingSet full = data;
    full.train = all;
    full.validation.clear();
    auto outcome = ml::Trainer::train(full, chosen.options, progressCallbacks(true));
    if (!outcome) return failure(outcome.error());
    if (outcome->cancelled) return Status::failure(QStringLiteral("cancelled"));
    ml::FragmentModel model = outcome->model;
    {
        ml::ModelInfo info = model.info();
        info.temperature = selection.temperature;
        info.classThresholds.assign(selection.classThresholds.begin(), selection.classThresholds.end());
        info.minBout = selection.minBout;
        info.validationMacroF1 = selecting ? heldOut.macroF1 : -1;
        info.validationAccuracy = selecting ? heldOut.accuracy : -1;
        model.setInfo(info);
    }
    selection.selectionSeconds = selectionSeconds;
    selection.tuningSeconds = tuningSeconds;
    selection.finalSeconds = seconds(finalClock);

    // ---- the report
    const ml::ModelSize size = model.size();
    TrainingReport report;
    report.created = QString::fromStdString(model.info().trainedAt);
    report.architecture = QString::fromStdString(model.info().config.describe());
    TrainingRequest used = m_request;
    used.options = chosen.options;
    report.settings = trainingSettingsJson(used);
    report.classes = plan.classes;
    report.validation = heldOut;
    report.splitPolicy = plan.policy;
    report.splitReason = selecting ? plan.reason : QStringLiteral("too few labeled fragments to cross-validate");
    report.trainFragments = qint64(all.size());
    report.validationFragments = heldOutCount;
    report.purgedFragments = plan.purged;
    report.trainPerClass.fill(0, plan.classes.size());
    report.validationPerClass.fill(0, plan.classes.size());
    for (const auto& f : all) ++report.trainPerClass[f.label];
    if (selecting)
        for (const auto& f : all) ++report.validationPerClass[f.label];
    if (plan.policy == QLatin1String("videos"))
        for (const auto& fold : plan.folds)
            for (int v : fold.testVideos) report.validationVideos << m_project.video(v).fileName();
    report.videos = videoNames;
    report.bestEpoch = outcome->bestEpoch;
    report.epochsRun = outcome->epochsRun;
    report.stoppedEarly = outcome->stoppedEarly;
    for (const auto& m : outcome->history)
        report.history.push_back({m.epoch, m.trainLoss, m.trainAccuracy, m.validationLoss, m.validationAccuracy,
                                  m.validationMacroF1, m.best, m.seconds});
    report.device = QString::fromStdString(outcome->device);
    report.threads = outcome->threads;
    report.prepareSeconds = prepareSeconds;
    report.trainSeconds = seconds(clock) - prepareSeconds;
    report.samplesPerSecond = outcome->samplesPerSecond;
    report.parameters = size.parameters;
    report.flopsPerFragment = size.flopsPerFragment();
    report.torchVersion = QString::fromStdString(model.info().torchVersion);
    report.seed = chosen.options.seed;
    report.selection = selection;

    // ---- files: checkpoint, then report; both atomic
    if (!m_request.saveModel) {
        std::lock_guard lock(m_resultMutex);
        m_report = std::move(report);
        m_model = model;
        return Status::success();
    }
    if (!QDir().mkpath(m_project.modelsDir()))
        return Status::failure(QStringLiteral("%1: cannot create the models folder").arg(m_project.modelsDir()));
    const QString fileName =
        ModelStore::newModelFileName(m_project,
                                     QString::fromStdString(ml::architectureName(chosen.options.model.architecture)));
    const QString modelPath = QDir(m_project.modelsDir()).filePath(fileName);
    report.modelFile = fileName;
    if (auto saved = model.save(QFile::encodeName(modelPath).toStdString()); !saved)
        return Status::failure(QString::fromStdString(saved.error()));
    const QString reportPath = ModelStore::reportFileFor(modelPath);
    if (auto saved = report.save(reportPath); !saved) {
        QFile::remove(modelPath);
        return saved;
    }
    std::lock_guard lock(m_resultMutex);
    m_modelFile = modelPath;
    m_reportFile = reportPath;
    m_report = std::move(report);
    m_model = model;
    return Status::success();
}

} // namespace fl
