#pragma once
// The result of scene-cut detection over one video: the cuts and the per-frame measures
// behind them (for plotting and for tuning the threshold).
#include "analysis/SceneCut.h"
#include "analysis/SceneDetectorOptions.h"

#include <vector>

namespace fl {

// A half-open frame range [start, end) of one video: a scene, or a run of fragments
// predicted as one class. `label` names it ("scene 3", a class name).
struct FrameSegment {
    qint64 start = 0;
    qint64 end = 0;
    QString label;

    qint64 length() const { return end - start; }
    bool contains(qint64 frame) const { return frame >= start && frame < end; }
    bool operator==(const FrameSegment&) const = default;
};

struct SceneDetection {
    SceneDetectorOptions options;
    qint64 frameCount = 0;
    std::vector<SceneCut> cuts; // ascending by frame, none at frame 0
    // Per frame (frameCount entries each):
    std::vector<float> contentScore;  // change from the previous frame (0 for frame 0), 0..255
    std::vector<float> adaptiveRatio; // contentScore / mean of its neighbours' scores
    std::vector<float> brightness;    // mean of the R, G and B values, 0..255

    std::vector<qint64> cutFrames() const;
    // The scenes the cuts make: [0, cut1), [cut1, cut2), ..., [cutN, frameCount), labelled
    // "scene 1", "scene 2", ... (one scene when there is no cut; none for no frames).
    std::vector<FrameSegment> scenes() const;
};

} // namespace fl
