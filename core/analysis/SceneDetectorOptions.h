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
    // Fade-aware (the default): every run of dark frames (mean brightness below
    // fadeThreshold) followed by a bright frame is one transition through black with one
    // boundary: where the black starts when the picture cuts to black (a content cut at the
    // run's first frame), else at the first frame of the new picture (the first frame after
    // the run's black core, its frames within 1.5 of its darkest). Content cuts at its edges
    // or inside it belong to it. fadeAtMiddle puts the boundary in the middle of the run
    // instead (PySceneDetect's ThresholdDetector, fade_bias 0).
    bool fadeAware = true;
    double fadeThreshold = 12.0;
    bool fadeAtMiddle = false;
    // Dissolves (cross-fades): frames c whose window [c - dissolveWindow, c + dissolveWindow]
    // holds no hard cut and no dark frame, whose ends are different pictures (luma changes by
    // at least dissolveMinChange on average and correlates by at most dissolveMaxCorrelation)
    // and whose frames blend steadily from one end to the other (the middle frame is the
    // average of the ends; the frames change monotonically). One boundary in the middle of
    // each run of such frames. dissolveWindow is fixed by the analysis pass (the measures
    // depend on it); 0 turns dissolve detection off.
    bool dissolves = true;
    int dissolveWindow = 10;
    double dissolveMinChange = 20.0;
    double dissolveMaxCorrelation = 0.6;
    // Flashes: two content cuts at most flashLength frames apart where the picture after the
    // second matches one of the frames before the first (a few bright or odd frames inside
    // one shot) are no boundary at all.
    int flashLength = 6;
    // Frames are halved (2x2 averages) until at most this wide before analysis, so they end
    // up between analysisWidth / 2 and analysisWidth pixels wide.
    int analysisWidth = 320;

    Status validate() const;
    bool operator==(const SceneDetectorOptions&) const = default;
};

} // namespace fl
