#pragma once
// What the views show of a model's predictions: per fragment, the predicted class when its
// confidence reaches a threshold, with bouts shorter than a minimum length folded into their
// neighbours (the "minimum bout length" of behaviour-scoring tools such as JAABA and
// DeepEthogram), so a one-fragment flicker does not split a bout.
#include "analysis/VideoPredictions.h"

#include <vector>

namespace fl {

struct SmoothingOptions {
    double threshold = 0.0; // a fragment whose decided class has a lower probability is "uncertain"
    int minBout = 1;        // fragments; 1 = no smoothing
    // Per-class decision thresholds (one per class, or empty): the decided class is the one whose
    // probability most exceeds its threshold, argmax(p_c - t_c). Equal thresholds (or none) give
    // the plain argmax; with two classes, thresholds {1 - t, t} decide class 1 from p_1 > t.
    // Training tunes them on held-out folds and stores them with the model (docs/MODEL.md).
    std::vector<double> classThresholds;
    bool operator==(const SmoothingOptions&) const = default;
};

// The decided class of one row of probabilities (see classThresholds), -1 for a NaN row.
int decidedClass(const float* probabilities, int classes, const std::vector<double>& classThresholds);

// One value per fragment: the class index, kUncertain (below the threshold) or kNotPredicted.
// Smoothing: every run (of one class, or of uncertain fragments) shorter than minBout takes
// the class of its longer neighbouring run (both neighbours when they agree), shortest runs
// first; fragments not predicted are never changed and separate runs.
constexpr int kUncertain = -1;
constexpr int kNotPredicted = -2;
std::vector<int> smoothedClasses(const VideoPredictions& predictions, const SmoothingOptions& options = {});
// The same for consecutive fragments given as rows of probabilities (an empty row: not predicted).
std::vector<int> smoothedClasses(const std::vector<std::vector<float>>& rows, const SmoothingOptions& options);

} // namespace fl
