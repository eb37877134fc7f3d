#pragma once
// "Label next": which fragments to label to help the model most. Pure computation over the
// per-fragment probabilities (and optionally feature vectors) of a model.
//
// 1. Uncertainty u in [0, 1] of every predicted, unlabeled fragment:
//      margin:  1 - (p_best - p_second)          entropy: -sum p log p / log(classes)
// 2. The `poolSize` most uncertain fragments are candidates.
// 3. Greedy diverse selection: repeatedly take the candidate with the highest
//      score = u * (1 - penalty)
//    where penalty is the largest similarity to anything already taken (and, scaled by
//    labeledWeight, to the fragments already labeled):
//      temporal: temporalWeight * max(0, 1 - |j - k| / temporalRadius)   (same video only)
//      feature:  featureWeight * max(0, 1 - d / featureScale),  d = featureDistance()
//    so not ten neighbours of the same moment, nor ten look-alikes from different moments.
#include "Result.h"
#include "analysis/VideoPredictions.h"

#include <vector>

namespace fl {

enum class UncertaintyMeasure { Margin, Entropy };

struct FragmentRef {
    int video = 0; // index into the predictions list
    qint64 fragment = 0;
    bool operator==(const FragmentRef&) const = default;
};

struct SuggestionOptions {
    int count = 20;
    UncertaintyMeasure measure = UncertaintyMeasure::Margin;
    double temporalRadius = 25;  // fragments
    double temporalWeight = 1.0; // 1: a taken fragment's direct neighbours are all but excluded
    double featureWeight = 0.8;
    double featureScale = 0;    // 0: half the median feature distance between candidates
    double labeledWeight = 0.5; // how strongly labeled fragments repel suggestions
    int poolSize = 0;           // 0: max(50 * count, 2000)

    Status validate() const;
};

struct Suggestion {
    int video = 0;
    qint64 fragment = 0;
    double uncertainty = 0; // step 1
    double score = 0;       // uncertainty after the diversity penalty, when it was taken
};

// Uncertainty of one probability row (NaN rows and single-class rows give 0).
double uncertainty(const std::vector<float>& probabilities, UncertaintyMeasure measure);

// Ranked suggestions (best first), at most options.count; `labeled` fragments are never
// suggested. Feature terms are used only when every video has feature vectors.
std::vector<Suggestion> rankLabelSuggestions(const std::vector<VideoPredictions>& videos,
                                             const std::vector<FragmentRef>& labeled,
                                             const SuggestionOptions& options = {});

} // namespace fl
