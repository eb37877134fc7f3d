#pragma once
// Scores a trained model against ground-truth labels: every fragment (under the model's
// fragment geometry) whose frames lie in one range of the truth file is predicted, and the
// per-class report and confusion matrix are computed. The truth file has the label-import
// format (CSV or JSON, see LabelExchange.h) and names videos of the project. Classes of the
// truth that the model does not know are kept (their recall is 0).
#include "jobs/Job.h"
#include "project/Project.h"
#include "training/ClassScores.h"

#include <mutex>

namespace fl {

class EvaluationJob : public Job {
    Q_OBJECT
public:
    EvaluationJob(Project project, QString modelFile, QString truthFile, QObject* parent = nullptr);

    // After success.
    ClassScores scores() const;
    qint64 fragments() const;   // fragments scored
    QStringList videos() const; // videos that had truth labels

protected:
    Status execute(const WorkControl& control) override;

private:
    Project m_project;
    QString m_modelFile;
    QString m_truthFile;
    mutable std::mutex m_mutex;
    ClassScores m_scores;
    qint64 m_fragments = 0;
    QStringList m_videos;
};

} // namespace fl
