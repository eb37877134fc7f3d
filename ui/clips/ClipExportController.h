#pragma once
// Clips for editors in the window (docs/EXPORTS.md, "Clips"): the Scenes panel's "Export
// clips..." cuts the current video's scenes into VIDEO-Scene-001.mp4, ...; the Predictions
// panel's "Export bouts as clips..." cuts the current video's bouts of the review class (as the
// timeline shows them: the panel's decisions) into VIDEO-CLASS-001.mp4, .... Each asks for a
// folder and whether to re-encode, then runs core's exportClips as a job (progress, cancel);
// failures are reported, one line per clip.
#include "Result.h"
#include "clips/ClipExport.h"

#include <QObject>
#include <QPointer>

#include <vector>

namespace fl {

class PredictionsPanel;
class PredictionWorkspace;
class ScenesPanel;
class WindowParts;
class Workbench;

class ClipExportController : public QObject {
    Q_OBJECT
public:
    // Any of the panels may be null (that button is then not wired).
    ClipExportController(Workbench* workbench, WindowParts* parts, ScenesPanel* scenes,
                         PredictionsPanel* predictionsPanel, PredictionWorkspace* predictions,
                         QObject* parent = nullptr);

    // The clips each button would export for the current video (empty: nothing to export).
    std::vector<ClipRange> sceneClipRanges() const;
    std::vector<ClipRange> boutClipRanges() const;

    // Starts the export job into `dir`; fails at once (nothing started) when there is nothing
    // to export.
    Status exportSceneClips(const QString& dir, ClipMode mode);
    Status exportBoutClips(const QString& dir, ClipMode mode);

signals:
    // When an export job ends: ok when every clip was written; message says what happened.
    void exportFinished(bool ok, const QString& message);

private:
    void sceneClipsDialog();
    void boutClipsDialog();
    bool askTarget(const QString& title, QString* dir, ClipMode* mode) const;
    Status startExport(const QString& title, std::vector<ClipRange> ranges, const QString& dir, ClipMode mode);

    Workbench* m_bench = nullptr;
    WindowParts* m_parts = nullptr;
    QPointer<PredictionsPanel> m_predictionsPanel;
    PredictionWorkspace* m_predictions = nullptr;
};

} // namespace fl
