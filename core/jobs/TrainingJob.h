#pragma once
// Trains a model on a project's labels (fl::Job: run it with JobRunner, or runHere() in the
// CLI). Works on a copy of the project: the GUI may keep labeling while it runs.
//
// Steps (docs/MODEL.md): the labeled fragments and their cross-validation folds
// (CrossValidationPlan: by whole videos or by time blocks with purged neighbours), the frame
// cache of each video at the model's input size (built when missing); then every candidate
// configuration trained on every fold's training side and scored on its held-out side; the
// winner (best mean macro-F1) is calibrated (temperature scaling) and its per-class thresholds
// and minimum bout length tuned on its out-of-fold predictions; finally it is trained on all
// labels, and the checkpoint models/<name>.flmodel and its report models/<name>.report.json
// are written (both atomically). It does not change project.json: the caller makes the new
// model active (Project::setActiveModel + save) if it wants to. Cancelled or failed: nothing
// is written, earlier models stay as they were.
//
// Progress: "Preparing frames: <video>" per decoded frame, then "Training" per batch over the
// whole search (done/total = steps of every fold of every candidate and of the final run, so
// the time left covers all of it); stageChanged says what runs now, candidateScored gives each
// candidate's cross-validated score as soon as it has one; batchProgress and epochFinished
// carry the final training's batches and epochs.
#include "jobs/Job.h"
#include "ml/FragmentModel.h"
#include "ml/TrainingEvents.h"
#include "ml/TrainingOptions.h"
#include "project/Project.h"
#include "training/TrainingReport.h"

#include <QMetaType>

#include <mutex>
#include <optional>

namespace fl {

// One configuration cross-validation may choose.
struct TrainingCandidate {
    QString name; // e.g. "motion", shown in the report
    ml::TrainingOptions options;
};

struct TrainingRequest {
    // The configuration trained when `candidates` is empty; otherwise the device, seed and
    // schedule the candidates start from (see defaultTrainingRequest).
    ml::TrainingOptions options;
    std::vector<TrainingCandidate> candidates;
    int folds = 3;                   // at most; CrossValidationPlan may use fewer
    bool tuneDecisions = true;       // temperature, class thresholds, minimum bout from the held-out folds
    double validationFraction = 0.2; // for --export-split (the reference benchmark) only
    bool saveModel = true;           // false: train and report, write nothing (benchmarks)
};

// What one click (and `fragmentlab-cli train` without model options) does: the candidates the
// accuracy benchmark decided on (docs/MODEL.md), each a variant of `base`.
std::vector<TrainingCandidate> defaultTrainingCandidates(const ml::TrainingOptions& base = {});
// A twostream configuration by name: "motion", "appearance" or "two-stream" (the streams whose
// statistics it pools), with "+cnn" for their convolutional networks too; nullopt for another name.
std::optional<TrainingCandidate> namedTrainingCandidate(const QString& name, const ml::TrainingOptions& base = {});
TrainingRequest defaultTrainingRequest();

class TrainingJob : public Job {
    Q_OBJECT
public:
    TrainingJob(Project project, TrainingRequest request, QObject* parent = nullptr);

    const Project& project() const { return m_project; }
    const TrainingRequest& request() const { return m_request; }
    // After success: the checkpoint and report (absolute paths) and the report itself.
    QString modelFile() const;
    QString reportFile() const;
    TrainingReport report() const;
    // After success: the trained model (also when saveModel is false).
    ml::FragmentModel model() const;

signals:
    void batchProgress(const fl::ml::BatchProgress& progress);
    void epochFinished(const fl::EpochRecord& epoch);
    // "Cross-validation: motion, fold 2 of 3", "Final training: motion", ...
    void stageChanged(const QString& stage);
    void candidateScored(const fl::CandidateScore& score);

protected:
    Status execute(const WorkControl& control) override;

private:
    Project m_project;
    TrainingRequest m_request;
    mutable std::mutex m_resultMutex;
    QString m_modelFile;
    QString m_reportFile;
    TrainingReport m_report;
    ml::FragmentModel m_model;
};

// The settings part of a report: what was asked for.
QJsonObject trainingSettingsJson(const TrainingRequest& request);

} // namespace fl

Q_DECLARE_METATYPE(fl::ml::BatchProgress)
Q_DECLARE_METATYPE(fl::EpochRecord)
Q_DECLARE_METATYPE(fl::CandidateScore)
