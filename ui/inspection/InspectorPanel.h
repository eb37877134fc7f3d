#pragma once
// The Inspector dock: for the current fragment (following the playhead, or pinned), the
// frames as the model sees them with a Grad-CAM saliency overlay (class and opacity
// adjustable), the model's probabilities, and the activation maps of a chosen layer: a grid
// of channels (colour-mapped per channel) for a chosen frame, with per-channel statistics.
// The work runs off the GUI thread (FragmentInspection); only the latest request is kept.
// The owner asks for inspections (inspect) and hears when "follow the playhead" is turned on
// or off (followChanged). Its widgets are named "inspectorFollowBox", "saliencyClassBox",
// "saliencyOpacitySlider", "inspectorLayerBox", "inspectorFrameBox", "channelGrid" and
// "channelStatsTable" (findChild).
#include "inspection/FragmentInspection.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QTableWidget;

namespace fl {

class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    explicit InspectorPanel(QWidget* parent = nullptr);
    ~InspectorPanel() override;

    // Inspect a fragment (ignored while "follow" is off unless force).
    void inspect(const InspectionRequest& request, bool force = false);
    void clear(const QString& message);
    bool isBusy() const { return m_watcher.isRunning(); }
    const std::optional<InspectionResult>& result() const { return m_result; }

    // "Follow the playhead": inspect the fragment under it; off: keep the one shown.
    bool follows() const;
    void setFollow(bool follow);

signals:
    void inspected(); // a result (or an error) is shown
    void followChanged(bool follow);

private:
    void start(const InspectionRequest& request);
    void onFinished();
    void showResult();
    void showFrames();
    void showChannels();
    InspectionRequest currentRequest() const;

    FragmentInspection m_inspection;
    QFutureWatcher<Result<InspectionResult>> m_watcher;
    std::optional<InspectionRequest> m_pending;
    std::optional<InspectionRequest> m_last;
    std::optional<InspectionResult> m_result;
    bool m_updatingBoxes = false;

    QLabel* m_title = nullptr;
    QCheckBox* m_follow = nullptr;
    QLabel* m_frames = nullptr;
    QComboBox* m_saliencyClass = nullptr;
    QSlider* m_opacity = nullptr;
    QLabel* m_probabilities = nullptr;
    QComboBox* m_layer = nullptr;
    QSpinBox* m_frame = nullptr;
    QLabel* m_grid = nullptr;
    QTableWidget* m_stats = nullptr;
};

} // namespace fl
