#include "jobs/EvaluationJob.h"

#include "ml/FragmentModel.h"
#include "ml/Metrics.h"
#include "ml/Predictor.h"
#include "project/LabelExchange.h"
#include "training/ModelFrames.h"

#include <QFile>

namespace fl {

EvaluationJob::EvaluationJob(Project project, QString modelFile, QString truthFile, QObject* parent)
    : Job(QStringLiteral("Evaluation"), parent), m_project(std::move(project)), m_modelFile(std::move(modelFile)),
      m_truthFile(std::move(truthFile))
{}

ClassScores EvaluationJob::scores() const
{
    std::lock_guard lock(m_mutex);
    return m_scores;
}

qint64 EvaluationJob::fragments() const
{
    std::lock_guard lock(m_mutex);
    return m_fragments;
}

QStringList EvaluationJob::videos() const
{
    std::lock_guard lock(m_mutex);
    return m_videos;
}

Status EvaluationJob::execute(const WorkControl& control)
{
    auto model = ml::FragmentModel::load(QFile::encodeName(m_modelFile).toStdString());
    if (!model) return Status::failure(QString::fromStdString(model.error()));
    const ml::ModelInfo& info = model->info();

    // The truth: the project's videos with only the truth file's labels.
    Project truth = m_project;
    for (int v = 0; v < truth.videoCount(); ++v)
        if (auto cleared = truth.clearLabel(v, 0, truth.video(v).frameCount); !cleared) return cleared;
    LabelImportOptions importOptions;
    importOptions.createMissingClasses = true;
    auto imported = importLabels(truth, m_truthFile, importOptions);
    if (!imported) return imported.status();

    auto spec = FragmentSpec::make(info.fragment.length, info.fragment.stride, info.fragment.step);
    if (!spec) return Status::failure(QStringLiteral("%1: %2").arg(m_modelFile, spec.error()));
    std::vector<std::string> classes = info.classes;
    const auto classIndex = [&classes](const QString& name) {
        const std::string s = name.toStdString();
        for (size_t i = 0; i < classes.size(); ++i)
            if (classes[i] == s) return int(i);
        classes.push_back(s);
        return int(classes.size() - 1);
    };

    struct VideoWork {
        int video;
        std::vector<std::int64_t> firsts;
        std::vector<int> truth;
    };
    std::vector<VideoWork> work;
    qint64 total = 0;
    for (int v = 0; v < truth.videoCount(); ++v) {
        const ProjectVideo& video = truth.video(v);
        if (video.labels.isEmpty()) continue;
        VideoWork w{v, {}, {}};
        const qint64 count = spec->count(video.frameCount);
        for (qint64 j = 0; j < count; ++j) {
            if (auto label = video.labels.labelForFrames(spec->frames(j))) {
                w.firsts.push_back(spec->firstFrame(j));
                w.truth.push_back(classIndex(*label));
            }
        }
        total += qint64(w.firsts.size());
        if (!w.firsts.empty()) work.push_back(std::move(w));
    }
    if (total == 0)
        return Status::failure(
            QStringLiteral("%1: no fragment of the project's videos lies inside one labeled range").arg(m_truthFile));

    auto predictor = ml::Predictor::create(*model, ml::DeviceChoice::Cpu);
    if (!predictor) return Status::failure(QString::fromStdString(predictor.error()));
    std::vector<int> truthAll;
    std::vector<int> predictedAll;
    QStringList videoNames;
    qint64 done = 0;
    constexpr size_t kChunk = 256;
    for (const VideoWork& w : work) {
        const QString name = truth.video(w.video).fileName();
        videoNames << name;
        auto cache = openModelFrames(truth, w.video, info.config.inputSize, control);
        if (!cache) return cache.status();
        const ml::VideoFrames frames = videoFramesOf(*cache);
        for (size_t from = 0; from < w.firsts.size(); from += kChunk) {
            if (control.cancelled()) return Status::failure(QStringLiteral("cancelled"));
            const size_t to = std::min(w.firsts.size(), from + kChunk);
            const std::vector<std::int64_t> chunk(w.firsts.begin() + qsizetype(from), w.firsts.begin() + qsizetype(to));
            auto predictions = predictor->predict(frames, chunk);
            if (!predictions)
                return Status::failure(QStringLiteral("%1: %2").arg(name, QString::fromStdString(predictions.error())));
            for (size_t i = 0; i < predictions->size(); ++i) {
                truthAll.push_back(w.truth[from + i]);
                predictedAll.push_back((*predictions)[i].predicted);
            }
            done += qint64(to - from);
            control.report(done, total, QStringLiteral("Evaluating"));
        }
    }
    const auto report = ml::classificationReport(truthAll, predictedAll, classes);
    std::lock_guard lock(m_mutex);
    m_scores = ClassScores::fromReport(report);
    m_fragments = total;
    m_videos = videoNames;
    return Status::success();
}

} // namespace fl
