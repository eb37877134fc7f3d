#pragma once
// One video of a project: where it is (relative to the project folder, '/' separators),
// what it is (size + FileFingerprint content hash, to notice a changed file and to find a
// moved one again), its frame count and rate, and its labels.
#include "analysis/KeyframeSet.h"
#include "analysis/SceneDetection.h"
#include "project/LabelTrack.h"

#include <QString>

#include <optional>
#include <vector>

namespace fl {

struct ProjectVideo {
    QString relativePath; // to the project folder, '/' separators
    qint64 size = 0;      // bytes
    QString hash;         // FileFingerprint::hash (64 lowercase hex digits)
    qint64 frameCount = 0;
    double fps = 0;
    LabelTrack labels;
    // Scene detection's result: the first frame of every scene after the first, ascending,
    // each in (0, frameCount). Absent until scenes are detected (empty: detected, one scene).
    std::optional<std::vector<qint64>> sceneCuts;
    // What each of those boundaries is (cut, fade, dissolve) and the frames of its transition,
    // parallel to sceneCuts; empty when not known (projects written before kinds were kept).
    std::vector<SceneCut> sceneCutKinds;
    // The segments keyframes were picked in (scenes, or runs of a predicted class; they name
    // the EDL's events) and the keyframes, picked and added by hand.
    std::vector<FrameSegment> keyframeSegments;
    KeyframeSet keyframes;

    // The file name alone ("a.mp4" for "media/a.mp4"): how label files name the video.
    QString fileName() const;
    bool operator==(const ProjectVideo&) const = default;

    // The rules its scenes and keyframes follow, one element at a time, shared by Project's
    // setters and the project.json reader: the problem, or nothing when the element is fine.
    // A scene cut after `previous` (null: the first).
    std::optional<QString> sceneCutProblem(qint64 cut, const qint64* previous) const;
    // A keyframe segment after `previous` (null: the first).
    std::optional<QString> keyframeSegmentProblem(const FrameSegment& segment, const FrameSegment* previous) const;
    // A keyframe's frame, and its segment index into `segments` keyframe segments (-1: none).
    std::optional<QString> keyframeFrameProblem(qint64 frame) const;
    static std::optional<QString> keyframeSegmentIndexProblem(int segment, size_t segments);
};

} // namespace fl
