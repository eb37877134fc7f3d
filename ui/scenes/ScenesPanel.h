#pragma once
// The "Scenes & Keyframes" dock (video editing): detect scene cuts in the current video
// (threshold, minimum scene length, fade-aware), pick keyframes per scene or per run of
// fragments predicted as a class (docs/KEYFRAMES.md), see them as marks on the timeline's
// Scenes row and as a thumbnail strip, add (K) or remove (Shift+K) keyframes by hand, and
// export: keyframe images + CSV, a CMX 3600 EDL of the segments, FFmpeg chapters, and the
// predictions as CSV or JSON. Detection, picking, thumbnails and exports run as jobs.
#include "analysis/KeyframeSet.h"
#include "analysis/VideoAnalysis.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <map>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace fl {

class MainWindow;
class TimelineView;
class PredictionWorkspace;
class ScenesTrack;

class ScenesPanel : public QWidget {
    Q_OBJECT
public:
    ScenesPanel(MainWindow* window, PredictionWorkspace* predictions, QWidget* parent = nullptr);
    ~ScenesPanel() override;

    // ---- for the GUI and tests ----
    void detectScenes();                 // current video, in a job
    void pickKeyframes();                // current video (detects scenes first when needed)
    bool addKeyframe(qint64 frame);      // by hand
    bool removeKeyframe(qint64 frame);
    Status exportKeyframes(const QString& dir, bool jpeg);   // images + keyframes.csv + .edl + chapters, in a job
    Status exportPredictions(const QString& file);           // .csv or .json, every video with predictions

    const VideoAnalysis* analysis(int video) const;
    KeyframeSet keyframes(int video) const;
    std::vector<FrameSegment> segments(int video) const; // what keyframes are picked in (scenes or runs)
    std::vector<FrameSegment> scenes(int video) const;   // the project's detected scenes (empty: not detected)
    ScenesTrack* track() const { return m_track.get(); }
    QListWidget* cutList() const { return m_cuts; }
    QListWidget* thumbnailStrip() const { return m_strip; }
    QComboBox* segmentSourceBox() const { return m_source; }
    QDoubleSpinBox* thresholdBox() const { return m_threshold; }
    QSpinBox* minSceneBox() const { return m_minScene; }
    QCheckBox* fadeBox() const { return m_fades; }
    QSpinBox* perSegmentBox() const { return m_perSegment; }

signals:
    void scenesDetected(int video);
    void keyframesChanged(int video);

private:
    void buildUi();
    void buildActions();
    void showVideo(int video);
    void refreshSources();
    void refreshThumbnails();
    void exportDialog();
    void exportPredictionsDialog();
    QString timecodeOf(int video, qint64 frame) const;

    MainWindow* m_window = nullptr;
    QPointer<TimelineView> m_timeline; // for the destructor: the window may have deleted it first
    PredictionWorkspace* m_predictions = nullptr;
    std::unique_ptr<ScenesTrack> m_track;
    std::map<int, VideoAnalysis> m_analysis;   // by project video
    bool m_pickAfterDetect = false;
    QFutureWatcher<std::vector<std::pair<qint64, QImage>>> m_thumbs;
    int m_thumbsVideo = -1;

    QDoubleSpinBox* m_threshold = nullptr;
    QSpinBox* m_minScene = nullptr;
    QCheckBox* m_fades = nullptr;
    QListWidget* m_cuts = nullptr;
    QComboBox* m_source = nullptr;
    QSpinBox* m_perSegment = nullptr;
    QDoubleSpinBox* m_minConfidence = nullptr;
    QListWidget* m_strip = nullptr;
};

} // namespace fl
