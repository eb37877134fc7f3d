#pragma once
// What the views show of a model's predictions: per fragment, the predicted class when its
// confidence reaches a threshold, with bouts shorter than a minimum length folded into their
// neighbours (the "minimum bout length" of behaviour-scoring tools such as JAABA and
// DeepEthogram), so a one-fragment flicker does not split a bout.
#include "analysis/VideoPredictions.h"

#include <vector>

namespace fl {

struct SmoothingOptions {
    double threshold = 0.0;   // a fragment whose confidence is below it is "uncertain"
    int minBout = 1;          // fragments; 1 = no smoothing
};

// One value per fragment: the class index, kUncertain (below the threshold) or kNotPredicted.
// Smoothing: every run (of one class, or of uncertain fragments) shorter than minBout takes
// the class of its longer neighbouring run (both neighbours when they agree), shortest runs
// first; fragments not predicted are never changed and separate runs.
constexpr int kUncertain = -1;
constexpr int kNotPredicted = -2;
std::vector<int> smoothedClasses(const VideoPredictions& predictions, const SmoothingOptions& options = {});

} // namespace fl
