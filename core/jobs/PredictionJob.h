#pragma once
// Runs a trained model over every fragment of a project's videos (or the chosen ones) and
// keeps the results per model in predictions/ (PredictionStore). An fl::Job: start it with
// JobRunner (GUI) or runHere() (CLI). Works on a copy of the project.
//
// Decode and inference overlap: for each video a producer thread builds (or reads) the
// video's frame cache at the model's input size and hands complete fragment blocks, a batch
// at a time, to a bounded queue (a few batches: bounded memory) while the job's worker
// thread runs the Predictor on them. A video whose cache exists is not decoded again.
//
// Streaming: videoStarted() when a video begins (its rows all "not predicted"), then
// rowsPredicted() after every batch; the rows themselves are read with copyRows() or
// snapshot() (thread-safe copies), so the signals stay small across threads.
// Saving: each video's predictions are written atomically when it ends, every
// saveIntervalSeconds while it runs, and on cancel (rows not reached stay NaN): a cancel
// keeps what was predicted and never leaves a half-written file. Progress: "Predicting
// <video>" in fragments over all videos (with time left).
#include "analysis/PredictionSmoothing.h"
#include "analysis/VideoPredictions.h"
#include "jobs/Job.h"
#include "ml/Device.h"
#include "project/Project.h"

#include <QStringList>

#include <map>
#include <mutex>
#include <vector>

namespace fl {

struct PredictionRequest {
    QString modelFile;        // absolute path; empty: the project's active model
    QStringList videos;       // video file names; empty: every video of the project
    bool keepFeatures = true; // store the fragment feature vectors too (embedding map, keyframes)
    bool save = true;         // write predictions/<model>/<video>.flpred
    int batchSize = 32;
    ml::DeviceChoice device = ml::DeviceChoice::Cpu;
    int saveIntervalSeconds = 30; // periodic save of the video in progress (0: only at its end)
    int queueBatches = 4;         // blocks decoded ahead of inference, in batches
    // Reuse a video's stored predictions of this model when they are fresh and complete (and
    // keep features when asked for): they are loaded and streamed instead of recomputed.
    bool reuseFresh = false;
};

class PredictionJob : public Job {
    Q_OBJECT
public:
    PredictionJob(Project project, PredictionRequest request = {}, QObject* parent = nullptr);

    const Project& project() const { return m_project; }
    const PredictionRequest& request() const { return m_request; }

    // Thread-safe, usable while the job runs and after it ended.
    QString modelFile() const; // resolved once the job started
    QString modelId() const;   // the checkpoint's file name
    // A copy of a video's predictions so far (fragmentCount() 0 when the video has not started).
    VideoPredictions snapshot(const QString& video) const;
    // Copies rows [first, first + count) of `video` into `into` (which must have the same
    // shape, e.g. a snapshot taken at videoStarted). False when the video is unknown or the
    // shapes differ.
    bool copyRows(const QString& video, qint64 first, qint64 count, VideoPredictions& into) const;
    // Every started video's predictions, in the order they ran.
    std::vector<VideoPredictions> results() const;
    // The decisions the model was tuned with (class thresholds, minimum bout; docs/MODEL.md),
    // once the model is loaded: what views and exports start from.
    SmoothingOptions modelDecisions() const;
    QStringList savedFiles() const; // .flpred files written (absolute)

signals:
    void videoStarted(const QString& video, qint64 fragments);
    void rowsPredicted(const QString& video, qint64 firstFragment, qint64 count);
    void videoFinished(const QString& video, qint64 predicted); // predicted: rows now filled

protected:
    Status execute(const WorkControl& control) override;

private:
    Status saveVideo(const QString& video);

    Project m_project;
    PredictionRequest m_request;
    mutable std::mutex m_mutex;
    QString m_modelFile;
    QString m_modelId;
    SmoothingOptions m_decisions;
    QStringList m_order;
    std::map<QString, VideoPredictions> m_results;
    QStringList m_saved;
};

} // namespace fl
