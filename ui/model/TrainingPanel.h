#pragma once
// One-click training: a Train button (and trainAction(), Ctrl+Shift+T) that runs the default
// training on the project's labels (cross-validation of the candidate configurations, the
// winner calibrated and tuned, then trained on every label: docs/MODEL.md), an "Advanced"
// section (the configuration — automatic, or one chosen by hand —, fusion, epochs, input
// size, learning rate, seed, device), the search as it happens (what runs now, each
// candidate's cross-validated score as it comes, the winner and why, time per stage), live
// loss/accuracy curves of the final training, a progress bar over the whole search with time
// left, and Cancel. Training runs as a TrainingJob on the JobRunner, so the rest of the GUI
// stays usable; the job trains on a snapshot of the project taken at the click.
//
// When training ends, the report opens in its own window (unless turned off) and, with "Make
// the new model active" checked, activeModelChosen(fileName) is emitted: the owner sets it in
// the project (Project::setActiveModel) and saves. The panel never writes project.json.
//
// Its widgets are reached by name (findChild), not by getters: "trainButton",
// "cancelTrainingButton", "trainingAdvancedBox", "trainingProgress", "trainingStatus",
// "candidatesTable" (one row per configuration tried), "trainingSelection" (the winner, why,
// and time per stage), "trainingCurves"; the latest report window is "trainingReportWindow".
#include "jobs/TrainingJob.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace fl {

class JobRunner;
class Project;
class TrainingCurves;
class TrainingReportView;

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    using ProjectGetter = std::function<Project()>;
    TrainingPanel(ProjectGetter project, JobRunner* runner, QWidget* parent = nullptr);

    QAction* trainAction() const { return m_trainAction; }
    // The settings in the form (defaults unless changed in "Advanced").
    TrainingRequest request() const;
    void setRequest(const TrainingRequest& request);
    bool isTraining() const { return !m_job.isNull(); }
    void setOpenReportWhenDone(bool open) { m_openReport = open; }

public slots:
    void startTraining();
    void cancelTraining();

signals:
    void trainingStarted();
    void trainingFinished(const QString& modelFile, const QString& reportFile);
    void trainingFailed(const QString& error);
    void trainingCancelled();
    void activeModelChosen(const QString& fileName);

private:
    void onBatch(const ml::BatchProgress& p);
    void onCandidate(const CandidateScore& score);
    void showSelection(const TrainingReport& report);
    void onFinished(Job::State state, const QString& error);
    void setBusy(bool busy);
    void showStatus(const QString& text, bool error);

    ProjectGetter m_project;
    JobRunner* m_runner = nullptr;
    QPointer<TrainingJob> m_job;
    bool m_openReport = true;
    QPointer<TrainingReportView> m_reportWindow;

    QAction* m_trainAction = nullptr;
    QPushButton* m_train = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_retryOnCpu = nullptr; // shown after running out of GPU memory
    QCheckBox* m_activate = nullptr;
    QGroupBox* m_advanced = nullptr;
    QWidget* m_advancedForm = nullptr;
    QComboBox* m_arch = nullptr; // "auto", a twostream configuration's name, "fragnet", "r2plus1d"
    QComboBox* m_fusion = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_inputSize = nullptr;
    QDoubleSpinBox* m_learningRate = nullptr;
    QSpinBox* m_seed = nullptr;
    QComboBox* m_device = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_detail = nullptr;
    QLabel* m_status = nullptr;
    QTableWidget* m_candidates = nullptr;
    QLabel* m_selection = nullptr;
    bool m_final = false; // the final training runs (after the search)
    TrainingCurves* m_curves = nullptr;
};

} // namespace fl
