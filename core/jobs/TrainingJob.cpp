#include "jobs/TrainingJob.h"

#include "ml/FragmentModel.h"
#include "ml/Trainer.h"
#include "training/FragmentSplit.h"
#include "training/ModelFrames.h"
#include "training/ModelStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <map>

namespace fl {

QJsonObject trainingSettingsJson(const TrainingRequest& request)
{
    const ml::TrainingOptions& o = request.options;
    const ml::Augmentation& a = o.augmentation;
    return QJsonObject{
        {QStringLiteral("architecture"), QString::fromStdString(ml::architectureName(o.model.architecture))},
        {QStringLiteral("fusion"), QString::fromStdString(ml::fusionName(o.model.fusion))},
        {QStringLiteral("input_size"), o.model.inputSize},
        {QStringLiteral("frame_difference"), o.model.frameDifference},
        {QStringLiteral("width"), o.model.width},
        {QStringLiteral("feature_size"), o.model.featureSize},
        {QStringLiteral("dropout"), o.model.dropout},
        {QStringLiteral("epochs"), o.epochs},
        {QStringLiteral("batch_size"), o.batchSize},
        {QStringLiteral("learning_rate"), o.learningRate},
        {QStringLiteral("weight_decay"), o.weightDecay},
        {QStringLiteral("warmup_fraction"), o.warmupFraction},
        {QStringLiteral("patience"), o.patience},
        {QStringLiteral("class_balance"), QString::fromStdString(ml::classBalanceName(o.balance))},
        {QStringLiteral("seed"), QString::number(o.seed)},
        {QStringLiteral("device"), QString::fromStdString(ml::deviceChoiceName(o.device))},
        {QStringLiteral("mixed_precision"), o.mixedPrecision},
        {QStringLiteral("validation_fraction"), request.validationFraction},
        {QStringLiteral("augmentation"),
         QJsonObject{{QStringLiteral("enabled"), a.enabled},
                     {QStringLiteral("crop_probability"), a.cropProbability},
                     {QStringLiteral("min_crop_scale"), a.minCropScale},
                     {QStringLiteral("horizontal_flip"), a.horizontalFlip},
                     {QStringLiteral("brightness"), a.brightness},
                     {QStringLiteral("contrast"), a.contrast},
                     {QStringLiteral("temporal_jitter"), a.temporalJitter}}},
    };
}

TrainingJob::TrainingJob(Project project, TrainingRequest request, QObject* parent)
    : Job(QStringLiteral("Training"), parent), m_project(std::move(project)), m_request(std::move(request))
{
    qRegisterMetaType<fl::ml::BatchProgress>();
    qRegisterMetaType<fl::EpochRecord>();
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

Status TrainingJob::execute(const WorkControl& control)
{
    QElapsedTimer clock;
    clock.start();
    const ml::TrainingOptions& options = m_request.options;
    if (const auto e = options.validate(); !e.empty())
        return Status::failure(QStringLiteral("invalid training settings: %1").arg(QString::fromStdString(e)));
    auto split = FragmentSplit::make(m_project, m_request.validationFraction);
    if (!split) return split.status();
    const FragmentSpec& spec = m_project.spec();

    // Frame caches at the model's input size, kept open (memory-mapped) while training.
    std::vector<FragmentCache> caches;
    std::map<int, int> videoSlot;
    ml::TrainingSet data;
    QStringList videoNames;
    for (int video : split->videosUsed()) {
        if (control.cancelled()) return Status::failure(QStringLiteral("cancelled"));
        const QString name = m_project.video(video).fileName();
        auto cache = openModelFrames(m_project, video, options.model.inputSize, control);
        if (!cache) return cache.status();
        videoSlot[video] = int(caches.size());
        data.videos.push_back(videoFramesOf(*cache));
        caches.push_back(std::move(cache).value());
        videoNames << name;
    }
    if (control.cancelled()) return Status::failure(QStringLiteral("cancelled"));
    const double prepareSeconds = double(clock.elapsed()) / 1000.0;

    for (const QString& c : split->classes) data.classes.push_back(c.toStdString());
    data.fragment = {spec.length, spec.stride, spec.step};
    const auto convert = [&videoSlot](const SplitFragment& f) {
        return ml::LabeledFragment{videoSlot.at(f.video), f.firstFrame, f.minFirst, f.maxFirst, f.label};
    };
    for (const auto& f : split->train) data.train.push_back(convert(f));
    for (const auto& f : split->validation) data.validation.push_back(convert(f));

    ml::TrainingCallbacks callbacks;
    callbacks.cancel = control.cancel;
    callbacks.batch = [this, &control](const ml::BatchProgress& p) {
        emit batchProgress(p);
        control.report(p.globalStep, p.totalSteps, QStringLiteral("Training"));
    };
    callbacks.epoch = [this](const ml::EpochMetrics& m) {
        emit epochFinished(EpochRecord{m.epoch, m.trainLoss, m.trainAccuracy, m.validationLoss, m.validationAccuracy,
                                       m.validationMacroF1, m.best, m.seconds});
    };
    auto outcome = ml::Trainer::train(data, options, callbacks);
    if (!outcome) return Status::failure(QStringLiteral("%1: %2").arg(m_project.projectFile(), QString::fromStdString(outcome.error())));
    if (outcome->cancelled) return Status::failure(QStringLiteral("cancelled"));

    // ---- the report
    const ml::FragmentModel& model = outcome->model;
    const ml::ModelSize size = model.size();
    TrainingReport report;
    report.created = QString::fromStdString(model.info().trainedAt);
    report.architecture = QString::fromStdString(model.info().config.describe());
    report.settings = trainingSettingsJson(m_request);
    report.classes = split->classes;
    report.validation = ClassScores::fromReport(outcome->validation);
    report.splitPolicy = split->policy;
    report.splitReason = split->reason;
    report.trainFragments = qint64(split->train.size());
    report.validationFragments = qint64(split->validation.size());
    report.purgedFragments = split->purged;
    report.trainPerClass.fill(0, split->classes.size());
    report.validationPerClass.fill(0, split->classes.size());
    for (const auto& f : split->train) ++report.trainPerClass[f.label];
    for (const auto& f : split->validation) ++report.validationPerClass[f.label];
    for (int v : split->validationVideos) report.validationVideos << m_project.video(v).fileName();
    report.videos = videoNames;
    report.bestEpoch = outcome->bestEpoch;
    report.epochsRun = outcome->epochsRun;
    report.stoppedEarly = outcome->stoppedEarly;
    for (const auto& m : outcome->history)
        report.history.push_back({m.epoch, m.trainLoss, m.trainAccuracy, m.validationLoss, m.validationAccuracy, m.validationMacroF1,
                                  m.best, m.seconds});
    report.device = QString::fromStdString(outcome->device);
    report.threads = outcome->threads;
    report.prepareSeconds = prepareSeconds;
    report.trainSeconds = outcome->trainSeconds;
    report.samplesPerSecond = outcome->samplesPerSecond;
    report.parameters = size.parameters;
    report.flopsPerFragment = size.flopsPerFragment();
    report.torchVersion = QString::fromStdString(model.info().torchVersion);
    report.seed = options.seed;

    // ---- files: checkpoint, then report; both atomic
    if (!m_request.saveModel) {
        std::lock_guard lock(m_resultMutex);
        m_report = std::move(report);
        return Status::success();
    }
    if (!QDir().mkpath(m_project.modelsDir()))
        return Status::failure(QStringLiteral("%1: cannot create the models folder").arg(m_project.modelsDir()));
    const QString fileName = ModelStore::newModelFileName(m_project, QString::fromStdString(ml::architectureName(options.model.architecture)));
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
    return Status::success();
}

} // namespace fl
