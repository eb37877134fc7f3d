#pragma once
// Scenes and keyframes (video editing), without widgets of its own: detect scene cuts in the
// current video (threshold, minimum scene length, fade-aware), pick keyframes per scene or per
// run of fragments predicted as a class (docs/KEYFRAMES.md), show them as marks on the
// timeline's Scenes row and in the "Scenes and Keyframes" dock (ScenesPanel, "scenesDock"),
// add (K) or remove (Shift+K) keyframes by hand, and export: keyframe images + CSV, a CMX 3600
// EDL of the segments, FFmpeg chapters, and the predictions as CSV or JSON. Detection,
// picking, thumbnails and exports run as jobs; scenes and keyframes are edits of the project
// (one undo step each).
//
// It works on a Workbench and puts its dock, timeline row and actions (detectScenes,
// pickKeyframes, addKeyframe, removeKeyframe, exportKeyframes; Tools menu) where a WindowParts
// says. It needs no model: `predictions` (optional) adds the "runs predicted as a class"
// segments and the predictions export.
#include "analysis/KeyframeSet.h"
#include "analysis/VideoAnalysis.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QPointer>

#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace fl {

class PredictionWorkspace;
class ScenesPanel;
class ScenesTrack;
class TimelineView;
class WindowParts;
class Workbench;

class ScenesController : public QObject {
    Q_OBJECT
public:
    ScenesController(Workbench* workbench, WindowParts* parts, PredictionWorkspace* predictions = nullptr,
                     QObject* parent = nullptr);
    ~ScenesController() override;

    void detectScenes();            // current video, in a job
    void pickKeyframes();           // current video (detects scenes first when needed)
    bool addKeyframe(qint64 frame); // by hand
    bool removeKeyframe(qint64 frame);
    Status exportKeyframes(const QString& dir, bool jpeg); // images + keyframes.csv + .edl + chapters, in a job
    Status exportPredictions(const QString& file);         // .csv or .json, every video with predictions

    const VideoAnalysis* analysis(int video) const;
    KeyframeSet keyframes(int video) const;
    std::vector<FrameSegment> segments(int video) const; // what keyframes are picked in (scenes or runs)
    std::vector<FrameSegment> scenes(int video) const;   // the project's detected scenes (empty: not detected)
    ScenesTrack* track() const { return m_track.get(); }

signals:
    void scenesDetected(int video);
    void keyframesChanged(int video);

private:
    void buildActions();
    void showVideo(int video);
    void refreshSources();
    void refreshThumbnails();
    void exportDialog();
    void exportPredictionsDialog();
    QString timecodeOf(int video, qint64 frame) const;

    Workbench* m_bench = nullptr;
    WindowParts* m_parts = nullptr;
    QPointer<TimelineView> m_timeline; // for the destructor: the window may have deleted it first
    QPointer<PredictionWorkspace> m_predictions;
    QPointer<ScenesPanel> m_panel; // in its dock, owned by the window
    std::unique_ptr<ScenesTrack> m_track;
    std::map<int, VideoAnalysis> m_analysis; // by project video
    bool m_pickAfterDetect = false;
    QFutureWatcher<std::vector<std::pair<qint64, QImage>>> m_thumbs;
    int m_thumbsVideo = -1;
};

} // namespace fl
