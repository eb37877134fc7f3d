#pragma once
// The "Scenes & Keyframes" dock, widgets only (ScenesController does the work): the scene
// detection form (threshold, minimum scene length, fade-aware) with the current video's
// scenes, the keyframe form (in each scene or in each run of fragments predicted as a class,
// how many per segment, the minimum confidence of a run) with the keyframes as a thumbnail
// strip, and the export buttons. It says what the user wants in signals and shows what it is
// given (setSegmentClasses, setScenes, setKeyframes, setThumbnail).
//
// Its widgets are named "sceneThresholdBox", "minSceneBox", "fadeBox", "dissolveBox", "sceneCutList",
// "exportClipsButton" (enabled while the current video has scenes),
// "keyframeSourceBox", "keyframesPerSegmentBox", "keyframeMinConfidenceBox" and
// "keyframeStrip" (findChild).
#include "analysis/KeyframeSet.h"
#include "analysis/SceneDetection.h"
#include "analysis/SceneDetectorOptions.h"

#include <QImage>
#include <QStringList>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace fl {

class ScenesPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kThumbnailWidth = 128; // px, of the keyframe thumbnails

    explicit ScenesPanel(QWidget* parent = nullptr);

    // ---- the forms ----
    // The detector's options with the form's threshold, minimum scene length and fade setting.
    SceneDetectorOptions detectorOptions() const;
    // Where keyframes are picked: empty, in each scene; else in each run of fragments
    // predicted as this class.
    QString segmentClass() const;
    int keyframesPerSegment() const;
    double minConfidence() const; // of the fragments of a run
    // The classes whose predicted runs can be picked in ("each scene" always can); the chosen
    // entry stays chosen when it is still there.
    void setSegmentClasses(const QStringList& classes);

    // ---- what is shown ----
    // The current video's scenes, each with the timecode of its first frame.
    void setScenes(const std::vector<FrameSegment>& scenes, const QStringList& timecodes);
    // The current video's keyframes, with placeholder thumbnails until setThumbnail.
    void setKeyframes(const KeyframeSet& keyframes);
    void setThumbnail(qint64 frame, const QImage& image);
    qint64 selectedKeyframe() const; // the keyframe selected in the strip; -1: none

signals:
    void detectRequested();
    void pickRequested();
    void exportKeyframesRequested();
    void exportPredictionsRequested();
    void exportClipsRequested();       // the current video's scenes as video clips
    void frameActivated(qint64 frame); // a scene or a keyframe was clicked: go there

private:
    QDoubleSpinBox* m_threshold = nullptr;
    QSpinBox* m_minScene = nullptr;
    QCheckBox* m_fades = nullptr;
    QCheckBox* m_dissolves = nullptr;
    QListWidget* m_cuts = nullptr;
    QPushButton* m_exportClips = nullptr;
    QComboBox* m_source = nullptr;
    QSpinBox* m_perSegment = nullptr;
    QDoubleSpinBox* m_minConfidence = nullptr;
    QListWidget* m_strip = nullptr;
};

} // namespace fl
