#include "clips/ClipExportController.h"

#include "clips/ClipRanges.h"
#include "document/ProjectDocument.h"
#include "jobs/FunctionJob.h"
#include "predictions/PredictionWorkspace.h"
#include "predictions/PredictionsPanel.h"
#include "scenes/ScenesPanel.h"
#include "shell/WindowParts.h"
#include "shell/Workbench.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>

#include <memory>

namespace fl {

ClipExportController::ClipExportController(Workbench* workbench, WindowParts* parts, ScenesPanel* scenes,
                                           PredictionsPanel* predictionsPanel, PredictionWorkspace* predictions,
                                           QObject* parent)
    : QObject(parent), m_bench(workbench), m_parts(parts), m_predictionsPanel(predictionsPanel),
      m_predictions(predictions)
{
    if (scenes) connect(scenes, &ScenesPanel::exportClipsRequested, this, &ClipExportController::sceneClipsDialog);
    if (predictionsPanel)
        connect(predictionsPanel, &PredictionsPanel::exportBoutClipsRequested, this,
                &ClipExportController::boutClipsDialog);
    // The bout button is on while the current video has predictions.
    auto update = [this] {
        if (m_predictionsPanel)
            m_predictionsPanel->setBoutClipsEnabled(m_predictions
                                                    && m_predictions->predictions(m_bench->currentVideo()));
    };
    connect(workbench, &Workbench::currentVideoChanged, this, update);
    if (predictions) connect(predictions, &PredictionWorkspace::predictionsChanged, this, update);
    update();
}

std::vector<ClipRange> ClipExportController::sceneClipRanges() const
{
    const int video = m_bench->currentVideo();
    const Project& project = m_bench->document()->project();
    if (video < 0 || video >= project.videoCount()) return {};
    return sceneClips(project.savedScenes(video), project.video(video).fileName());
}

std::vector<ClipRange> ClipExportController::boutClipRanges() const
{
    const int video = m_bench->currentVideo();
    const VideoPredictions* p = m_predictions ? m_predictions->predictions(video) : nullptr;
    if (!p || !m_predictionsPanel) return {};
    const Project& project = m_bench->document()->project();
    return boutClips(*p, m_predictions->smoothing(), m_predictionsPanel->reviewClass(),
                     project.video(video).fileName());
}

Status ClipExportController::exportSceneClips(const QString& dir, ClipMode mode)
{
    std::vector<ClipRange> ranges = sceneClipRanges();
    if (ranges.empty()) return Status::failure(tr("This video has no scenes: detect scenes first."));
    return startExport(tr("Exporting scene clips"), std::move(ranges), dir, mode);
}

Status ClipExportController::exportBoutClips(const QString& dir, ClipMode mode)
{
    const int video = m_bench->currentVideo();
    if (!m_predictions || !m_predictions->predictions(video))
        return Status::failure(tr("This video has no predictions: predict first."));
    if (!m_predictionsPanel || m_predictionsPanel->reviewClass() < 0)
        return Status::failure(tr("Choose a class (not \"uncertain\") whose bouts to export."));
    std::vector<ClipRange> ranges = boutClipRanges();
    if (ranges.empty())
        return Status::failure(
            tr("No bout of %1 in this video as the timeline shows it.").arg(m_predictionsPanel->reviewClassName()));
    return startExport(tr("Exporting bout clips"), std::move(ranges), dir, mode);
}

Status ClipExportController::startExport(const QString& title, std::vector<ClipRange> ranges, const QString& dir,
                                         ClipMode mode)
{
    const Project& project = m_bench->document()->project();
    const int video = m_bench->currentVideo();
    ClipOptions options;
    options.mode = mode;
    options.open.indexCacheDir = project.indexCacheDir();
    const QString path = project.absoluteVideoPath(video);
    auto report = std::make_shared<ClipExportReport>();
    auto job = std::make_unique<FunctionJob>(title, [=](const WorkControl& control) -> Status {
        auto result = exportClips(path, ranges, dir, options, control);
        if (!result) return result.status();
        *report = std::move(result).value();
        return Status::success();
    });
    connect(job.get(), &Job::finished, this, [this, report, dir](Job::State state, const QString& error) {
        if (state == Job::State::Failed) {
            m_bench->reportError(tr("Export clips"), error);
            emit exportFinished(false, error);
        } else if (state == Job::State::Succeeded) {
            if (!report->failures.isEmpty()) {
                const QString message =
                    tr("%n clip(s) written to %1; these failed:", nullptr, int(report->clips.size())).arg(dir)
                    + QLatin1Char('\n') + report->failures.join(QLatin1Char('\n'));
                m_bench->reportError(tr("Export clips"), message);
                emit exportFinished(false, message);
            } else {
                const QString message = tr("%n clip(s) exported to %1", nullptr, int(report->clips.size())).arg(dir);
                m_bench->showStatus(message, 6000);
                emit exportFinished(true, message);
            }
        } else {
            emit exportFinished(false, error);
        }
    });
    m_bench->startJob(std::move(job));
    return Status::success();
}

bool ClipExportController::askTarget(const QString& title, QString* dir, ClipMode* mode) const
{
    *dir = QFileDialog::getExistingDirectory(m_parts->dialogParent(), title, m_bench->document()->project().dir());
    if (dir->isEmpty()) return false;
    const QStringList modes = {tr("Stream copy where possible, else re-encode"), tr("Always re-encode (frame-exact)"),
                               tr("Stream copy only")};
    bool ok = false;
    const QString chosen = QInputDialog::getItem(m_parts->dialogParent(), tr("Clips"), tr("How to cut"), modes, 0,
                                                 false, &ok);
    if (!ok) return false;
    const qsizetype i = modes.indexOf(chosen);
    *mode = i == 1 ? ClipMode::Reencode : i == 2 ? ClipMode::Copy : ClipMode::Auto;
    return true;
}

void ClipExportController::sceneClipsDialog()
{
    if (sceneClipRanges().empty()) {
        m_bench->reportError(tr("Export clips"), tr("This video has no scenes: detect scenes first."));
        return;
    }
    QString dir;
    ClipMode mode = ClipMode::Auto;
    if (!askTarget(tr("Folder for the Scene Clips"), &dir, &mode)) return;
    if (Status st = exportSceneClips(dir, mode); !st) m_bench->reportError(tr("Export clips"), st.error());
}

void ClipExportController::boutClipsDialog()
{
    // Say what is missing before asking for a folder.
    const int video = m_bench->currentVideo();
    if (!m_predictions || !m_predictions->predictions(video) || !m_predictionsPanel
        || m_predictionsPanel->reviewClass() < 0 || boutClipRanges().empty()) {
        if (Status st = exportBoutClips(QString(), ClipMode::Auto); !st)
            m_bench->reportError(tr("Export clips"), st.error());
        return;
    }
    QString dir;
    ClipMode mode = ClipMode::Auto;
    if (!askTarget(tr("Folder for the Bout Clips"), &dir, &mode)) return;
    if (Status st = exportBoutClips(dir, mode); !st) m_bench->reportError(tr("Export clips"), st.error());
}

} // namespace fl
