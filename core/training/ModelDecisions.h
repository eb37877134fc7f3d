#pragma once
// What a model's stored decision settings (tuned by the default training on held-out folds)
// mean for the views: the smoothing options its predictions start with.
#include "analysis/PredictionSmoothing.h"
#include "ml/ModelInfo.h"

namespace fl {

inline SmoothingOptions modelSmoothing(const ml::ModelInfo& info)
{
    SmoothingOptions o;
    o.minBout = info.minBout;
    o.classThresholds = info.classThresholds;
    return o;
}

} // namespace fl
