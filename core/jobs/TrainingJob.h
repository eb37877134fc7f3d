#pragma once
// Trains a model on a project's labels (fl::Job: run it with JobRunner, or runHere() in the
// CLI). Works on a copy of the project: the GUI may keep labeling while it runs.
//
// Steps: FragmentSplit (labeled fragments, validation by videos or time blocks), the frame
// cache of each video at the model's input size (built when missing), ml::Trainer, then the
// checkpoint models/<name>.flmodel and its report models/<name>.report.json (both written
// atomically). It does not change project.json: the caller makes the new model active
// (Project::setActiveModel + save) if it wants to. Cancelled or failed: nothing is written,
// earlier models stay as they were.
//
// Progress: "Preparing frames: <video>" per decoded frame, then "Training" per batch
// (done/total = steps); batchProgress per batch and epochFinished per epoch carry the details.
#include "jobs/Job.h"
#include "ml/TrainingEvents.h"
#include "ml/TrainingOptions.h"
#include "project/Project.h"
#include "training/TrainingReport.h"

#include <QMetaType>

#include <mutex>

namespace fl {

struct TrainingRequest {
    ml::TrainingOptions options;
    double validationFraction = 0.2;
    bool saveModel = true;   // false: train and report, write nothing (benchmarks)
};

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

signals:
    void batchProgress(const fl::ml::BatchProgress& progress);
    void epochFinished(const fl::EpochRecord& epoch);

protected:
    Status execute(const WorkControl& control) override;

private:
    Project m_project;
    TrainingRequest m_request;
    mutable std::mutex m_resultMutex;
    QString m_modelFile;
    QString m_reportFile;
    TrainingReport m_report;
};

// The settings part of a report: what was asked for.
QJsonObject trainingSettingsJson(const TrainingRequest& request);

} // namespace fl

Q_DECLARE_METATYPE(fl::ml::BatchProgress)
Q_DECLARE_METATYPE(fl::EpochRecord)
