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
    // On the small luma frames (a quarter of the analysis frame's size), 0..255:
    std::vector<float> lumaStep; // mean |luma - previous frame's luma| (0 for frame 0)
    // Frame c as the middle of the window [c - w, c + w] (w = options.dissolveWindow; 0 where
    // the window does not fit): the ends' mean |difference|, the middle's mean |difference| to
    // the ends' average, and the ends' correlation.
    std::vector<float> windowChange;
    std::vector<float> windowBlend;
    std::vector<float> windowCorrelation;
    // Smallest mean |luma difference| to the frames 2..flashLength+1 before (255: none).
    std::vector<float> recall;

    // Frame c's window change over the sum of the frame-to-frame changes inside the window
    // (1: every pixel moves one way, as in a dissolve; small: motion back and forth). 0 where
    // there is no window.
    float windowSteadiness(qint64 frame) const;

    std::vector<qint64> cutFrames() const;
    // The scenes the cuts make: [0, cut1), [cut1, cut2), ..., [cutN, frameCount), labelled
    // "scene 1", "scene 2", ... (one scene when there is no cut; none for no frames).
    std::vector<FrameSegment> scenes() const;
};

} // namespace fl
