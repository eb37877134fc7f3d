#pragma once
// Parameters of scene-cut detection (docs/SCENES.md explains each and how the defaults
// were chosen).
#include "Result.h"

namespace fl {

struct SceneDetectorOptions {
    // A frame starts a new scene when its content score (mean absolute difference of hue,
    // saturation and value to the previous frame, averaged, on a 0..255 scale) reaches this.
    double threshold = 27.0;
    // And, when adaptiveRatio > 0, when its score is at least adaptiveRatio times the mean
    // score of the `adaptiveWindow` frames on each side and at least adaptiveMinScore: a
    // cut that stands out from the motion around it although it stays below `threshold`.
    double adaptiveRatio = 3.0;
    int adaptiveWindow = 2;
    double adaptiveMinScore = 15.0;
    // Cuts closer than this many frames to the previous cut (or to frame 0) are dropped.
    int minSceneLength = 15;
    // Two consecutive frames darker than fadeThreshold are never a content cut (hue and
    // saturation of near-black pixels are noise), with or without fadeAware.
    // Fade-aware: runs of dark frames (mean brightness below fadeThreshold) are transitions;
    // one cut goes in the middle of each run that is followed by a bright frame, replacing
    // the content cuts at its edges (PySceneDetect ThresholdDetector placement, fade_bias 0).
    bool fadeAware = false;
    double fadeThreshold = 12.0;
    // Frames are halved (2x2 averages) until at most this wide before analysis, so they end
    // up between analysisWidth / 2 and analysisWidth pixels wide.
    int analysisWidth = 320;

    Status validate() const;
    bool operator==(const SceneDetectorOptions&) const = default;
};

} // namespace fl
