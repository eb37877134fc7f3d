#pragma once
// Picks the best frames of each segment (a scene, or a run of fragments predicted as one
// class) by a documented score (docs/KEYFRAMES.md):
//
//   score = (wc * confidence + ws * sharpness + wr * representativeness) / (wc + ws + wr)
//
// each term in [0, 1] within the segment:
//   confidence         the model's probability of the chosen class (the term and its weight
//                      are left out unless every candidate of the segment has one);
//   sharpness          log(1 + v) / log(1 + v_max), v = variance of the Laplacian;
//   representativeness 1 - d / d_max, d = featureDistance(candidate, mean of the segment's
//                      L2-normalised feature vectors) (model features, or colour descriptors);
// Dark candidates (brightness < minBrightness) are dropped first unless all are dark;
// then greedily, best score first, a candidate is taken unless it is a near-duplicate of one
// already taken: featureDistance < duplicateDistance, or closer in time than
// max(minSeparation, segment length / (2 * perSegment)) frames (so picks spread over a long
// segment). A segment may so get fewer than perSegment keyframes (a still shot gets one).
#include "analysis/FrameSample.h"
#include "analysis/KeyframeSet.h"
#include "analysis/SceneDetection.h"

#include <vector>

namespace fl {

struct VideoPredictions;

struct KeyframeCandidate {
    qint64 frame = 0;
    double sharpness = 0;       // any non-negative scale (normalised within the segment)
    std::vector<float> feature; // model fragment feature or colour descriptor
    double confidence = -1;     // probability of the chosen class in [0, 1]; < 0: none
    double brightness = -1;     // mean of R, G, B (0..255); < 0: unknown
};

struct KeyframeOptions {
    int perSegment = 3;
    double confidenceWeight = 0.5;
    double sharpnessWeight = 0.25;
    double representativenessWeight = 0.25;
    double duplicateDistance = 0.1;
    qint64 minSeparation = 10;
    // Candidates darker than this (black frames of a fade) are considered only in a
    // segment that has no brighter candidate.
    double minBrightness = 12.0;

    Status validate() const;
};

// Candidates from the analysis pass's samples (colour descriptors, no confidence).
std::vector<KeyframeCandidate> candidatesFromSamples(const std::vector<FrameSample>& samples);

// Candidates from a model's predictions: one per predicted fragment, at its middle frame,
// with the probability of class `cls` as confidence, the fragment's feature vector when the
// predictions keep features (else the colour descriptor of the nearest sample), and the
// sharpness of the nearest sample (0 without samples).
std::vector<KeyframeCandidate> candidatesFromPredictions(const VideoPredictions& predictions, int cls,
                                                         const std::vector<FrameSample>& samples);

// Keyframes of every segment (segment index = position in `segments`, label copied).
// Candidates outside every segment are ignored; a segment without candidates gets none.
KeyframeSet selectKeyframes(const std::vector<FrameSegment>& segments, const std::vector<KeyframeCandidate>& candidates,
                            const KeyframeOptions& options = {});

} // namespace fl
